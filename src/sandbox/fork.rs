//! Forking an instance between cells: its state copied into a fresh instance
//! of the same guest build.
//!
//! Both instances started from the same snapshot and ran the same start-up,
//! so they wait for their next cell at the same point of the entry loop with
//! the same wasm stack. What differs is linear memory, and only in the pages
//! the source wrote since it started: every other page is still the snapshot
//! image's in both (the page map tells which, see [`super::prefault`]). Those
//! pages, the cell count, the pandas tables and the scratch directory's files
//! make the fork; the copy happens inside each instance's `next` host call,
//! while its guest is paused. A source that keeps checkpoints has those pages
//! in its last one already, which is then shared instead of copied.

use std::path::Path;

use wasmtime::Caller;

#[cfg(feature = "tables")]
use super::fork_image::ImageTables;
use super::fork_image::{ForkError, GuestImage, ImageMemory};
use super::guest_state::{GuestState, guest_memory};
use super::memory_copy::copy_runs;
use super::prefault::{MemoryRegion, WorkingSet};
use crate::scratch::Scratch;

/// Bytes of a wasm page.
const WASM_PAGE: usize = 64 * 1024;

/// The state of the paused instance behind `caller`; its scratch files are
/// copied into `files_to` on the way.
pub fn capture(
    caller: &mut Caller<'_, GuestState>,
    files_to: &Path,
) -> Result<GuestImage, ForkError> {
    let state = caller.data();
    let open = state.quota.open_files();
    if open > 0 {
        return Err(ForkError::OpenFiles(open));
    }
    #[cfg(feature = "tables")]
    let tables = ImageTables::Copied(state.tables.fork(files_to));
    let execution_count = state.cells.execution_count();
    Scratch::new(state.quota.dir())
        .copy_into(files_to)
        .map_err(|error| ForkError::Failed(error.to_string()))?;
    let memory = guest_memory(caller).map_err(|error| ForkError::Failed(error.to_string()))?;
    let region = MemoryRegion {
        base: memory.data_ptr(&*caller) as usize,
        len: memory.data_size(&*caller),
    };
    let checkpoint = caller.data().checkpoint.as_ref();
    let memory = match checkpoint.and_then(|taken| taken.memory_now(execution_count)) {
        Some(mirror) => ImageMemory::Shared(mirror),
        None => ImageMemory::Copied(written_runs(memory.data(&*caller), region)),
    };
    Ok(GuestImage {
        memory_bytes: region.len,
        memory,
        execution_count,
        #[cfg(feature = "tables")]
        tables,
    })
}

/// Copies of the pages of `data` (the memory at `region`) written since the
/// instance started.
fn written_runs(data: &[u8], region: MemoryRegion) -> Vec<(usize, Vec<u8>)> {
    WorkingSet::written_or_all(region)
        .into_iter()
        .map(|(offset, len)| (offset, data[offset..offset + len].to_vec()))
        .collect()
}

/// Makes the fresh, paused instance behind `caller` the image's copy.
pub fn apply(caller: &mut Caller<'_, GuestState>, image: GuestImage) -> Result<(), ForkError> {
    write_memory(caller, image.memory_bytes, image.runs()).map_err(ForkError::Failed)?;
    let state = caller.data_mut();
    state.cells.set_execution_count(image.execution_count);
    #[cfg(feature = "tables")]
    match image.tables {
        ImageTables::Copied(tables) => state.tables = tables,
        ImageTables::Saved(saved) => state
            .tables
            .load(&saved)
            .map_err(|error| ForkError::Failed(format!("restoring the tables: {error}")))?,
    }
    Ok(())
}

/// Grows the paused instance's memory to `memory_bytes` and writes `runs`
/// (offsets and bytes) into it.
pub fn write_memory<'a>(
    caller: &mut Caller<'_, GuestState>,
    memory_bytes: usize,
    runs: impl IntoIterator<Item = (usize, &'a [u8])>,
) -> Result<(), String> {
    let failed = |error: wasmtime::Error| error.to_string();
    let memory = guest_memory(caller).map_err(failed)?;
    let size = memory.data_size(&*caller);
    if memory_bytes > size {
        let pages = (memory_bytes - size).div_ceil(WASM_PAGE) as u64;
        memory.grow(&mut *caller, pages).map_err(failed)?;
    }
    let runs: Vec<(usize, &[u8])> = runs.into_iter().collect();
    copy_runs(memory.data_mut(&mut *caller), &runs)
}

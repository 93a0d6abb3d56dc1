//! Taking a session's checkpoint between cells and rebuilding an instance
//! from it ([`Checkpoint`] holds it): inside the `next` host call, while the
//! guest is paused. Memory and tables are recorded when a cell ends, the
//! scratch files when the next one starts. On a rebuild the files go back
//! first, before the stopped cell's end event ([`restore_files`]), memory
//! and tables once the new instance waits for its first cell ([`restore`]).

use wasmtime::Caller;

use super::checkpoint::Checkpoint;
use super::fork;
use super::guest_state::{GuestState, guest_memory};
use super::prefault::MemoryRegion;

/// Takes a checkpoint of the paused instance behind `caller`. When it cannot
/// (files open, a failure copying), the checkpoint is marked unusable.
pub fn take(caller: &mut Caller<'_, GuestState>) {
    let Some(mut checkpoint) = caller.data_mut().checkpoint.take() else {
        return;
    };
    checkpoint.unusable = capture(caller, &mut checkpoint).err();
    caller.data_mut().checkpoint = Some(checkpoint);
}

fn capture(caller: &mut Caller<'_, GuestState>, checkpoint: &mut Checkpoint) -> Result<(), String> {
    let state = caller.data();
    let open = state.quota.open_files();
    if open > 0 {
        return Err(format!(
            "{open} files were open at the end of cell {}",
            state.cells.execution_count()
        ));
    }
    let execution_count = state.cells.execution_count();
    #[cfg(feature = "tables")]
    let tables = state.tables.fork(state.quota.dir());
    let memory = guest_memory(caller).map_err(|error| error.to_string())?;
    let region = MemoryRegion {
        base: memory.data_ptr(&*caller) as usize,
        len: memory.data_size(&*caller),
    };
    checkpoint.record_memory(region, memory.data(&*caller))?;
    checkpoint.execution_count = execution_count;
    #[cfg(feature = "tables")]
    {
        checkpoint.tables = Some(tables);
    }
    Ok(())
}

/// Brings the checkpoint's copy of the scratch files up to date as a cell
/// starts: files may have been uploaded since the last cell ended, and the
/// files to go back to are those the failed cell found.
pub fn sync_files(caller: &mut Caller<'_, GuestState>) {
    let state = caller.data_mut();
    let Some(checkpoint) = state.checkpoint.as_mut() else {
        return;
    };
    if checkpoint.unusable.is_none()
        && let Err(error) = checkpoint.files.sync_from(state.quota.dir())
    {
        checkpoint.unusable = Some(format!("copying the scratch files: {error}"));
    }
}

/// Puts the scratch files of `stopped`'s checkpoint back. Done before the
/// stopped cell's end event goes out: a file the caller uploads once it has
/// that event must stay.
pub fn restore_files(stopped: &GuestState, checkpoint: &Checkpoint) -> Result<(), String> {
    checkpoint
        .files
        .restore_into(stopped.quota.dir())
        .map_err(|error| format!("restoring the scratch files: {error}"))
}

/// Makes the fresh, paused instance behind `caller` the copy of the
/// checkpoint it holds (its files are back already), which then tracks this
/// instance.
pub fn restore(caller: &mut Caller<'_, GuestState>) -> Result<(), String> {
    let Some(mut checkpoint) = caller.data_mut().checkpoint.take() else {
        return Ok(());
    };
    let restored = apply(caller, &checkpoint);
    checkpoint.pending = false;
    caller.data_mut().checkpoint = Some(checkpoint);
    restored?;
    // What the restore wrote is the checkpoint already: start tracking from here.
    take(caller);
    Ok(())
}

fn apply(caller: &mut Caller<'_, GuestState>, checkpoint: &Checkpoint) -> Result<(), String> {
    fork::write_memory(caller, checkpoint.memory_bytes, checkpoint.memory().runs())?;
    #[cfg(feature = "tables")]
    if let Some(tables) = &checkpoint.tables {
        caller.data_mut().tables = tables.fork(tables.scratch());
    }
    Ok(())
}

//! What a guest instance's store holds ([`GuestState`]), its memory cap, and
//! the two things every host function needs from it: the guest's memory and
//! ending the running cell with what the store measured.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use tokio::sync::mpsc;
use wasmtime::{AsContextMut, Caller, Extern, Memory, ResourceLimiter, format_err};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::{FsPerms, WasiCtxBuilder};

use super::artifacts::{GUEST_SCRATCH_DIR, GUEST_STDLIB_DIR};
use super::cell::{Cells, Check, Command, Interrupted, StoreMeters};
use super::checkpoint::Checkpoint;
use super::guest_output::TailBuffer;
use super::pending_calls::{PendingCalls, Request};
use crate::events::Outcome;
use crate::limits::{InstanceLimits, ScratchLimits};
use crate::scratch::ScratchQuota;
#[cfg(feature = "tables")]
use crate::tables::TableStore;

/// The name under which the guest exports its linear memory.
pub const MEMORY_EXPORT: &str = "memory";

/// Bytes of raw fd 1/2 output kept for diagnostics (the last ones).
const RAW_OUTPUT_CAP: usize = 4 * 1024;
/// Most table elements a guest may grow to.
const MAX_TABLE_ELEMENTS: usize = 64 * 1024;

/// Everything a guest's store holds.
pub struct GuestState {
    pub wasi: WasiP1Ctx,
    pub limiter: MemoryLimiter,
    pub cells: Cells,
    /// The answer of the last `host.call`, until the guest takes it.
    pub host_response: Vec<u8>,
    /// Where the host queues its requests to the running guest, once the
    /// guest has said (see [`super::pending_calls`]).
    pub pending_calls: Option<PendingCalls>,
    pub quota: ScratchQuota,
    /// The guest's pandas tables (src/tables), freed with the store.
    #[cfg(feature = "tables")]
    pub tables: TableStore,
    /// The session's last checkpoint, in a session that keeps them. Part of
    /// the store's data, which wasmtime drops before freeing the instance's
    /// memory: its write tracking ends first.
    pub checkpoint: Option<Checkpoint>,
    raw_output: TailBuffer,
}

/// Caps linear memory; a refused growth makes the guest's malloc fail, which
/// CPython reports as MemoryError.
pub struct MemoryLimiter {
    cap: usize,
    peak: usize,
    denials: u64,
}

impl MemoryLimiter {
    fn new(cap: u64) -> Self {
        Self {
            cap: usize::try_from(cap).unwrap_or(usize::MAX),
            peak: 0,
            denials: 0,
        }
    }

    /// Largest memory size reached so far.
    pub fn peak_bytes(&self) -> u64 {
        self.peak as u64
    }

    /// How many growth requests were refused so far.
    pub fn denials(&self) -> u64 {
        self.denials
    }
}

impl ResourceLimiter for MemoryLimiter {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _max: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.cap {
            self.denials += 1;
            return Ok(false);
        }
        self.peak = self.peak.max(desired).max(current);
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _max: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= MAX_TABLE_ELEMENTS)
    }
}

impl GuestState {
    /// State for an instance that sees `stdlib_dir` read-only and `scratch_dir`
    /// read-write, and nothing else of the host; its tables may hold
    /// `max_table_bytes`.
    pub fn new(
        stdlib_dir: &Path,
        scratch_dir: &Path,
        limits: InstanceLimits,
        scratch_limits: ScratchLimits,
        #[cfg_attr(not(feature = "tables"), expect(unused_variables))] max_table_bytes: u64,
        cells: Option<mpsc::Receiver<Command>>,
    ) -> Result<Self> {
        let raw_output = TailBuffer::new(RAW_OUTPUT_CAP);
        let mut wasi = WasiCtxBuilder::new();
        // Filesystem calls run inline: the files are local and small, and
        // handing each one to a blocking thread costs more than the call.
        wasi.allow_blocking_current_thread(true)
            .args(&["python3"])
            .stdout(raw_output.clone())
            .stderr(raw_output.clone())
            // Same order as when snapshotting, so the preopen table in the
            // snapshot's memory stays valid.
            .preopened_dir(stdlib_dir, GUEST_STDLIB_DIR, FsPerms::ReadOnly)
            .map_err(anyhow::Error::from)
            .context("mounting the standard library")?
            .preopened_dir(scratch_dir, GUEST_SCRATCH_DIR, FsPerms::ReadWrite)
            .map_err(anyhow::Error::from)
            .context("mounting the scratch directory")?;
        Ok(Self {
            wasi: wasi.build_p1(),
            limiter: MemoryLimiter::new(limits.memory_bytes),
            cells: Cells::new(
                cells,
                limits.random_seed.unwrap_or_else(rand::random),
                limits.fuel_metered,
            ),
            host_response: Vec::new(),
            pending_calls: None,
            quota: ScratchQuota::new(scratch_dir, scratch_limits),
            #[cfg(feature = "tables")]
            tables: TableStore::new(scratch_dir, max_table_bytes, limits.memory_bytes),
            checkpoint: None,
            raw_output,
        })
    }

    /// The last bytes the guest wrote to its raw stdout and stderr.
    pub fn raw_output(&self) -> String {
        self.raw_output.text()
    }
}

/// The guest's linear memory, from what the instance (or a host function's
/// caller) exports under [`MEMORY_EXPORT`].
pub fn exported_memory(export: Option<Extern>) -> wasmtime::Result<Memory> {
    export
        .and_then(Extern::into_memory)
        .ok_or_else(|| format_err!("the guest exports no memory"))
}

/// The guest's linear memory, from inside a host function.
pub fn guest_memory(caller: &mut Caller<'_, GuestState>) -> wasmtime::Result<Memory> {
    exported_memory(caller.get_export(MEMORY_EXPORT))
}

/// Ends the running cell, if one is, with the fuel and memory the store
/// measured (see [`Cells::finish`]).
pub fn finish_cell(
    store: &mut impl AsContextMut<Data = GuestState>,
    forced: Option<Outcome>,
    message: Option<String>,
) {
    let meters = store_meters(store);
    store
        .as_context_mut()
        .data_mut()
        .cells
        .finish(forced, message, meters, None);
}

/// What the store measured so far, for the end of a cell.
pub fn store_meters(store: &mut impl AsContextMut<Data = GuestState>) -> StoreMeters {
    let ctx = store.as_context_mut();
    // Asked only of a metered store: without fuel the answer is an error, and
    // making one costs more than the rest of ending a cell.
    let fuel_left = if ctx.data().cells.fuel_metered() {
        ctx.get_fuel().ok()
    } else {
        None
    };
    let state = ctx.data();
    StoreMeters {
        fuel_left,
        peak_memory_bytes: state.limiter.peak_bytes(),
        memory_denials: state.limiter.denials(),
    }
}

/// Looks at the running cell, if one is (see [`super::cell::RunningCell::check`]):
/// queues a tick or the interrupt for the guest, or stops the instance (the
/// error) when the cell outlived its grace period, or is due and the guest
/// cannot be asked to stop.
pub fn check_cell(store: &mut impl AsContextMut<Data = GuestState>) -> Result<(), Interrupted> {
    let mut ctx = store.as_context_mut();
    let state = ctx.data_mut();
    let metered = state.cells.fuel_metered();
    let Some(cell) = state.cells.current_mut() else {
        return Ok(());
    };
    let (request, outcome) = match cell.check(Instant::now()) {
        Check::Continue => return Ok(()),
        // A tick runs guest code, as many times as the clock says: under fuel,
        // that would make the fuel a cell uses depend on how busy the host
        // was. Metered output comes when the guest's buffer fills or flushes.
        Check::Tick if metered => return Ok(()),
        Check::Stop(outcome) => return Err(Interrupted(outcome)),
        Check::Tick => (Request::Tick, None),
        Check::Interrupt(outcome) => (Request::Interrupt, Some(outcome)),
    };
    let queue = state.pending_calls;
    let queued = queue.is_some_and(|queue| queue.push(&mut ctx, request));
    match outcome {
        Some(outcome) if !queued => Err(Interrupted(outcome)),
        _ => Ok(()),
    }
}

//! One guest instance: its store state, its WASI view of the world, and the task
//! that drives it from start to exit.
//!
//! The guest's `_start` runs the cell runner's loop, which blocks in the `next`
//! host call between cells. The driver task therefore stays inside one long
//! `call_async` for the whole life of the instance; cells reach it through a
//! channel.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tokio::sync::{mpsc, watch};
use wasmtime::{Instance, Linker, ResourceLimiter, Store, Trap, UpdateDeadline};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtxBuilder};

use crate::artifacts::{GUEST_SCRATCH_DIR, GUEST_STDLIB_DIR};
use crate::events::Outcome;
use crate::guest_output::TailBuffer;
use crate::hostcall::{self, CellClock, CellRequest, HostCalls};
use crate::limits::{InstanceLimits, ScratchLimits};
#[cfg(feature = "tables")]
use crate::tables::TableStore;
use crate::wasi_shims::{self, ScratchQuota};

/// Bytes of raw fd 1/2 output kept for diagnostics (the last ones).
const RAW_OUTPUT_CAP: usize = 4 * 1024;
/// Most table elements a guest may grow to.
const MAX_TABLE_ELEMENTS: usize = 64 * 1024;

/// Everything a guest's store holds.
pub struct GuestState {
    pub wasi: WasiP1Ctx,
    pub limiter: MemoryLimiter,
    pub host: HostCalls,
    pub quota: ScratchQuota,
    /// The guest's pandas tables (src/tables), freed with the store.
    #[cfg(feature = "tables")]
    pub tables: TableStore,
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
        cells: Option<mpsc::Receiver<CellRequest>>,
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
            host: HostCalls::new(
                cells,
                limits.random_seed.unwrap_or_else(rand::random),
                limits.fuel_metered,
            ),
            quota: ScratchQuota::new(scratch_dir, scratch_limits),
            #[cfg(feature = "tables")]
            tables: TableStore::new(scratch_dir, max_table_bytes, limits.memory_bytes),
            raw_output,
        })
    }
}

/// The imports every guest instance gets: WASI preview 1 (with the calls
/// `wasi_shims` wraps) and the host calls.
pub fn linker(engine: &wasmtime::Engine) -> Result<Linker<GuestState>> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p1::add_to_linker_async(&mut linker, |state: &mut GuestState| &mut state.wasi)?;
    wasi_shims::add_to_linker(&mut linker)?;
    hostcall::add_to_linker(&mut linker)?;
    Ok(linker)
}

/// Why the host stopped a guest (from the epoch callback, the watchdog or a
/// host call).
#[derive(Debug, thiserror::Error)]
#[error("cell interrupted: {0:?}")]
pub struct Interrupted(pub Outcome);

/// Creates a store for a new instance with limits and the deadline check.
pub fn new_store(engine: &wasmtime::Engine, state: GuestState) -> Result<Store<GuestState>> {
    let fuel_metered = state.host.fuel_metered;
    let mut store = Store::new(engine, state);
    store.limiter(|state| &mut state.limiter);
    if fuel_metered {
        store.set_fuel(u64::MAX)?;
    }
    // Checked at every epoch tick while guest code runs: stop the cell when its
    // deadline has passed or its caller cancelled it; otherwise let other tasks
    // run on this thread before continuing.
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(|ctx| {
        match ctx
            .data()
            .host
            .current
            .as_ref()
            .and_then(|cell| cell.interruption(Instant::now()))
        {
            Some(outcome) => Err(Interrupted(outcome).into()),
            None => Ok(UpdateDeadline::Yield(1)),
        }
    });
    Ok(store)
}

/// Runs an instance until it exits or traps, records why in `end_reason`, then
/// ends whatever cell was running and every cell still queued.
pub async fn drive(
    mut store: Store<GuestState>,
    instance: Instance,
    end_reason: &Mutex<Option<String>>,
) {
    let ended = run_to_exit(&mut store, instance).await;
    let (outcome, reason) = match ended {
        Ok(()) => (
            Outcome::SandboxFault,
            "the interpreter exited (os._exit or a fatal error)".to_owned(),
        ),
        Err(error) => classify(&error, &store.data().raw_output.text()),
    };
    *end_reason.lock().expect("end reason lock") = Some(reason.clone());
    hostcall::finish_cell(&mut store, Some(outcome), Some(reason.clone()));
    if let Some(mut cells) = store.data_mut().host.cells.take() {
        cells.close();
        while let Ok(request) = cells.try_recv() {
            request.reject(
                Outcome::SandboxFault,
                format!("the instance has ended: {reason}"),
            );
        }
    }
}

async fn run_to_exit(store: &mut Store<GuestState>, instance: Instance) -> wasmtime::Result<()> {
    let start = instance.get_typed_func::<(), ()>(&mut *store, "_start")?;
    let clock = store.data().host.clock();
    let ended = tokio::select! {
        ended = start.call_async(&mut *store, ()) => ended,
        outcome = watchdog(clock) => Err(Interrupted(outcome).into()),
    };
    match ended {
        Err(error)
            if error
                .downcast_ref::<I32Exit>()
                .is_some_and(|exit| exit.0 == 0) =>
        {
            Ok(())
        }
        other => other,
    }
}

/// How often the watchdog looks at a running cell's cancel flag.
const CANCEL_POLL: Duration = Duration::from_millis(20);

/// Resolves when the running cell must stop while the guest is blocked in a
/// host call (`time.sleep`, waiting on a clock): epoch interruption only
/// reaches running wasm code. Dropping the suspended call stops the guest.
async fn watchdog(mut clock: watch::Receiver<Option<CellClock>>) -> Outcome {
    loop {
        let current = clock.borrow_and_update().clone();
        let Some(cell) = current else {
            if clock.changed().await.is_err() {
                return std::future::pending().await;
            }
            continue;
        };
        tokio::select! {
            _ = tokio::time::sleep_until(cell.deadline.into()) => return Outcome::Timeout,
            _ = tokio::time::sleep(CANCEL_POLL) => {
                if cell.cancel.load(Ordering::Relaxed) {
                    return Outcome::Cancelled;
                }
            }
            changed = clock.changed() => {
                if changed.is_err() {
                    return std::future::pending().await;
                }
            }
        }
    }
}

/// Maps how an instance stopped to a cell outcome and a human explanation.
fn classify(error: &wasmtime::Error, raw_output: &str) -> (Outcome, String) {
    if let Some(Interrupted(outcome)) = error.downcast_ref::<Interrupted>() {
        let reason = match outcome {
            Outcome::Timeout => "the cell exceeded its time limit",
            Outcome::OutputLimit => "the cell sent more output than the per-cell cap",
            _ => "the cell was cancelled",
        };
        return (*outcome, reason.to_owned());
    }
    if let Some(Trap::OutOfFuel) = error.downcast_ref::<Trap>() {
        return (
            Outcome::FuelExhausted,
            "the cell used up its fuel budget".to_owned(),
        );
    }
    if let Some(exit) = error.downcast_ref::<I32Exit>() {
        return (
            Outcome::SandboxFault,
            format!("the interpreter exited with status {}", exit.0),
        );
    }
    let mut reason = match error.downcast_ref::<Trap>() {
        Some(Trap::StackOverflow) => "the guest crashed: its call stack overflowed".to_owned(),
        Some(trap) => format!("the guest crashed: {trap}"),
        None => format!("the guest crashed: {error}"),
    };
    let diagnostics = raw_output.trim();
    if !diagnostics.is_empty() {
        reason.push_str("\nguest stderr (last lines):\n");
        reason.push_str(diagnostics);
    }
    (Outcome::SandboxFault, reason)
}

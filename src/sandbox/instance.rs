//! One guest instance: its imports, its store, and the task that drives it
//! from start to exit.
//!
//! The guest's `_start` runs the cell runner's loop, which blocks in the `next`
//! host call between cells. The driver task therefore stays inside one long
//! `call_async` for the whole life of the instance; cells reach it through a
//! channel.

use std::sync::Mutex;

use anyhow::Result;
use tokio::sync::watch;
use wasmtime::{Engine, Instance, InstancePre, Linker, Store, Trap, UpdateDeadline};
use wasmtime_wasi::I32Exit;

use super::cell::{CellClock, Cells, Interrupted};
use super::guest_state::{GuestState, check_cell, store_meters};
use super::{host_calls, rollback, wasi_policy};
use crate::events::Outcome;

/// The imports every guest instance gets: WASI preview 1 (with the calls
/// `wasi_policy` wraps) and the host calls.
pub fn linker(engine: &wasmtime::Engine) -> Result<Linker<GuestState>> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p1::add_to_linker_async(&mut linker, |state: &mut GuestState| &mut state.wasi)?;
    wasi_policy::add_to_linker(&mut linker)?;
    host_calls::add_to_linker(&mut linker)?;
    Ok(linker)
}

/// Creates a store for a new instance with limits and the deadline check.
pub fn new_store(engine: &wasmtime::Engine, state: GuestState) -> Result<Store<GuestState>> {
    let mut store = Store::new(engine, state);
    configure(&mut store)?;
    Ok(store)
}

fn configure(store: &mut Store<GuestState>) -> wasmtime::Result<()> {
    store.limiter(|state| &mut state.limiter);
    if store.data().cells.fuel_metered() {
        store.set_fuel(u64::MAX)?;
    }
    // Checked at every epoch tick while guest code runs: ask the cell for its
    // output now and then, interrupt it when its deadline has passed or its
    // caller cancelled it, stop it when it outlives the interrupt's grace;
    // and let other tasks run on this thread before continuing.
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(|mut ctx| {
        check_cell(&mut ctx)?;
        Ok(UpdateDeadline::Yield(1))
    });
    Ok(())
}

/// What it takes to start the instance that replaces a session's stopped
/// one: the engine and pre-linked guest it ran on, and its initial state.
pub struct Relaunch {
    pub engine: Engine,
    pub pre: InstancePre<GuestState>,
    pub new_state: Box<dyn Fn() -> anyhow::Result<GuestState> + Send + Sync>,
}

/// Runs an instance until it exits or traps, records why in `end_reason`, then
/// ends whatever cell was running and every cell still queued. When a cell
/// stopped it and the session keeps checkpoints, a new instance is started
/// from the last one instead (see [`rebuild`]), replaces it in `store` and is
/// driven in turn.
pub async fn drive(
    store: &mut Store<GuestState>,
    mut instance: Instance,
    end_reason: &Mutex<Option<String>>,
    relaunch: &Relaunch,
) {
    loop {
        let ended = run_to_exit(store, instance).await;
        let (outcome, reason) = match ended {
            Ok(()) => (
                Outcome::SandboxFault,
                "the interpreter exited (os._exit or a fatal error)".to_owned(),
            ),
            Err(error) => classify(&error, &store.data().raw_output()),
        };
        let meters = store_meters(store);
        match rebuild(store, relaunch).await {
            Ok((next, to)) => {
                let cells = &mut store.data_mut().cells;
                cells.finish(Some(outcome), Some(reason), meters, Some(to));
                instance = next;
            }
            Err(why_not) => {
                let reason = match why_not {
                    Some(why) => format!("{reason} (the session could not be rebuilt: {why})"),
                    None => reason,
                };
                // Recorded before the cell's end event goes out: whoever gets
                // it sees the session ended.
                *end_reason.lock().expect("end reason lock") = Some(reason.clone());
                let cells = &mut store.data_mut().cells;
                cells.finish(Some(outcome), Some(reason.clone()), meters, None);
                cells.close(&reason);
                return;
            }
        }
    }
}

/// Replaces the stopped instance in `store` with a new one for its session,
/// holding its cells and its checkpoint (applied when the instance first
/// waits for a cell); also returns the checkpoint's cell count. Refused (why,
/// when the session keeps checkpoints) unless a cell was running and the
/// checkpoint is usable; `store` then still holds the session's cells.
async fn rebuild(
    store: &mut Store<GuestState>,
    relaunch: &Relaunch,
) -> Result<(Instance, u64), Option<String>> {
    let state = store.data();
    let checkpoint = state.checkpoint.as_ref().ok_or(None)?;
    if state.cells.current().is_none() {
        return Err(Some("it stopped between cells".to_owned()));
    }
    if let Some(why) = checkpoint.unusable() {
        return Err(Some(why.to_owned()));
    }
    rollback::restore_files(state, checkpoint).map_err(Some)?;
    let mut fresh = (relaunch.new_state)().map_err(|error| Some(format!("{error:#}")))?;
    let state = store.data_mut();
    let mut checkpoint = state.checkpoint.take().expect("checked above");
    checkpoint.detach();
    let count = checkpoint.execution_count();
    fresh.checkpoint = Some(checkpoint);
    fresh.cells = std::mem::replace(&mut state.cells, Cells::new(None, 0, false));
    let mut replacement = Store::new(&relaunch.engine, fresh);
    let configured = configure(&mut replacement);
    // Dropping the stopped instance frees its memory slot for the new one.
    drop(std::mem::replace(store, replacement));
    configured.map_err(|error| Some(format!("{error:#}")))?;
    match relaunch.pre.instantiate_async(&mut *store).await {
        Ok(instance) => Ok((instance, count)),
        Err(error) => Err(Some(format!("starting an instance: {error}"))),
    }
}

async fn run_to_exit(store: &mut Store<GuestState>, instance: Instance) -> wasmtime::Result<()> {
    let start = instance.get_typed_func::<(), ()>(&mut *store, "_start")?;
    let clock = store.data().cells.clock();
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

/// Resolves when the running cell must be stopped hard while the guest is
/// blocked in a host call, where epoch interruption cannot reach (a sleep
/// ends early by itself when the cell is due: see `wasi_policy`). Dropping
/// the suspended call stops the guest.
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
            outcome = cell.overdue() => return outcome,
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

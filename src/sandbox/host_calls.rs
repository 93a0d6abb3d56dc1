//! The host side of the guest's `_hostcall` module (guest/cpython/hostcall.c).
//!
//! Four wasm imports from module `host`:
//! - `next() -> i32`: ends the running cell (if any), takes the session's
//!   checkpoint if it keeps them ([`super::checkpoint`]) and waits for the next
//!   one; its request, JSON `{"code", "execution_count", "seed"}`, is then
//!   pending (the result is its size), or 0 when the instance should exit.
//!   Only the guest's C entry loop (guest/cpython/entry.c) imports it:
//!   Python code, a cell's included, cannot reach it.
//! - `call(op_ptr, op_len, payload_ptr, payload_len) -> i32`: `r >= 0` means a
//!   response of `r` bytes is pending, `r < 0` a refusal message of `-r - 1` bytes;
//! - `take_response(dst_ptr)`: copies the pending bytes into guest memory;
//! - `pending_calls(ptr)`: where the guest's pending-call queue is, for the
//!   host's requests while a cell runs ([`super::pending_calls`]); the entry
//!   loop reports it once, before its first cell.
//!
//! Operations of `call` (the `_hostcall` module's):
//! - `event`: one JSON [`crate::events::Event`] (stream, display, result or
//!   error) of the running cell, counted and capped by
//!   [`super::cell::RunningCell::accept_event`].
//! - `chart`: a figure spec from the guest's `matplotlib` (docs/CHARTS.md);
//!   `display` renders it into a display event of the running cell (counted
//!   like other events) and answers nothing, `render` answers the file bytes.
//! - `table`: a request of the guest's `pandas` (docs/TABLES.md) on the
//!   instance's tables; a table display goes to the running cell like a chart.

use wasmtime::{AsContextMut, Caller, Linker, Result, format_err};

use super::cell::{CellRequest, Command, Refusal, RunningCell};
use super::checkpoint::Checkpoint;
use super::fork;
use super::guest_state::{GuestState, finish_cell, guest_memory};
use super::pending_calls::PendingCalls;
use super::rollback;
use crate::charts::{self, ChartError, ChartOutput};
use crate::events::Display;
#[cfg(feature = "tables")]
use crate::tables::{self, TableError, TableOutput};

/// Longest operation name the guest may send.
pub const MAX_OP_LEN: u32 = 64;
/// Largest payload of a single host call.
pub const MAX_PAYLOAD_BYTES: u32 = 16 << 20;

/// Registers `host.next`, `host.call`, `host.take_response` and
/// `host.pending_calls`.
pub fn add_to_linker(linker: &mut Linker<GuestState>) -> Result<()> {
    linker.func_wrap_async(
        "host",
        "next",
        |mut caller: Caller<'_, GuestState>, (): ()| {
            Box::new(async move {
                let request = next_cell(&mut caller).await?;
                let size = i32::try_from(request.len())?;
                caller.data_mut().host_response = request;
                Ok(size)
            })
        },
    )?;
    linker.func_wrap(
        "host",
        "call",
        |mut caller: Caller<'_, GuestState>,
         op_ptr: u32,
         op_len: u32,
         ptr: u32,
         len: u32|
         -> Result<i32> {
            let answer = match read_request(&mut caller, op_ptr, op_len, ptr, len) {
                Ok((op, payload)) => dispatch(&mut caller, &op, &payload)?,
                Err(refusal) => {
                    note_oversized_event(&mut caller, op_ptr, op_len, len)?;
                    Err(refusal)
                }
            };
            let (code, bytes) = match answer {
                Ok(bytes) => (i32::try_from(bytes.len())?, bytes),
                Err(message) => (-i32::try_from(message.len())? - 1, message.into_bytes()),
            };
            caller.data_mut().host_response = bytes;
            Ok(code)
        },
    )?;
    linker.func_wrap(
        "host",
        "take_response",
        |mut caller: Caller<'_, GuestState>, dst: u32| -> Result<()> {
            let pending = std::mem::take(&mut caller.data_mut().host_response);
            guest_memory(&mut caller)?.write(&mut caller, dst as usize, &pending)?;
            Ok(())
        },
    )?;
    linker.func_wrap(
        "host",
        "pending_calls",
        |mut caller: Caller<'_, GuestState>, ptr: u32| -> Result<()> {
            let memory = guest_memory(&mut caller)?;
            let queue =
                PendingCalls::read(&mut caller, memory, ptr).map_err(wasmtime::Error::msg)?;
            caller.data_mut().pending_calls = Some(queue);
            Ok(())
        },
    )?;
    Ok(())
}

fn read_request(
    caller: &mut Caller<'_, GuestState>,
    op_ptr: u32,
    op_len: u32,
    ptr: u32,
    len: u32,
) -> Result<(String, Vec<u8>), Refusal> {
    let memory = guest_memory(caller).map_err(|e| e.to_string())?;
    decode_request(memory.data(&caller), op_ptr, op_len, ptr, len)
}

/// An `event` over [`MAX_PAYLOAD_BYTES`] is refused unread, but not silently:
/// the running cell's output is flagged truncated and a note on its stderr
/// says what was dropped. Notes count against the cell's event bytes like
/// events (the error stops the instance past the cap).
fn note_oversized_event(
    caller: &mut Caller<'_, GuestState>,
    op_ptr: u32,
    op_len: u32,
    len: u32,
) -> Result<()> {
    if len <= MAX_PAYLOAD_BYTES {
        return Ok(());
    }
    let memory = guest_memory(caller)?;
    let op = memory
        .data(&caller)
        .get(op_ptr as usize..op_ptr as usize + op_len as usize);
    if op != Some(b"event".as_slice()) {
        return Ok(());
    }
    match caller.data_mut().cells.current_mut() {
        Some(cell) => Ok(cell.note_dropped_event(len, MAX_PAYLOAD_BYTES)?),
        None => Ok(()),
    }
}

/// The operation name and payload of a host call, read from the guest's
/// memory `data` (pure, for the fuzzer: src/fuzzing.rs).
pub(crate) fn decode_request(
    data: &[u8],
    op_ptr: u32,
    op_len: u32,
    ptr: u32,
    len: u32,
) -> Result<(String, Vec<u8>), Refusal> {
    if op_len > MAX_OP_LEN {
        return Err(format!("operation name longer than {MAX_OP_LEN} bytes"));
    }
    if len > MAX_PAYLOAD_BYTES {
        return Err(format!(
            "payload of {len} bytes exceeds the {MAX_PAYLOAD_BYTES}-byte limit"
        ));
    }
    let slice = |ptr: u32, len: u32| {
        data.get(ptr as usize..ptr as usize + len as usize)
            .ok_or_else(|| "request outside guest memory".to_owned())
    };
    let op = std::str::from_utf8(slice(op_ptr, op_len)?)
        .map_err(|_| "operation name is not UTF-8".to_owned())?
        .to_owned();
    Ok((op, slice(ptr, len)?.to_vec()))
}

/// Runs one operation. The outer error traps the instance; the inner one is a
/// refusal returned to the guest.
fn dispatch(
    caller: &mut Caller<'_, GuestState>,
    op: &str,
    payload: &[u8],
) -> Result<Result<Vec<u8>, Refusal>> {
    match op {
        "event" => record_event(caller, payload),
        "chart" => chart(caller, payload),
        #[cfg(feature = "tables")]
        "table" => table(caller, payload),
        _ => Ok(Err(format!("unknown host operation {op:?}"))),
    }
}

/// Ends the running cell, then serves the session's commands until the next
/// cell, and starts it; its request for the guest, or nothing when no cell
/// will come (the session was dropped, or this is the snapshotter's instance).
async fn next_cell(caller: &mut Caller<'_, GuestState>) -> Result<Vec<u8>> {
    let cell_ran = caller.data().cells.current().is_some();
    finish_cell(caller, None, None);
    match caller.data().checkpoint.as_ref().map(Checkpoint::pending) {
        Some(true) => rollback::restore(caller)
            .map_err(|error| format_err!("rebuilding the session from its checkpoint: {error}"))?,
        Some(false) if cell_ran => rollback::take(caller),
        _ => {}
    }
    loop {
        match caller.data_mut().cells.next_command().await {
            Some(Command::Cell(request)) => {
                rollback::sync_files(caller);
                return start_cell(caller, request);
            }
            Some(Command::Capture(files_to, reply)) => {
                let _ = reply.send(fork::capture(caller, &files_to));
            }
            Some(Command::Apply(image, reply)) => {
                let applied = fork::apply(caller, *image);
                let changed = applied.is_ok();
                let _ = reply.send(applied);
                if changed && caller.data().checkpoint.is_some() {
                    rollback::take(caller);
                }
            }
            Some(Command::KeepCheckpoints(parent)) => {
                if caller.data().checkpoint.is_none() {
                    caller.data_mut().checkpoint = Some(Checkpoint::new(&parent));
                    rollback::take(caller);
                }
            }
            None => return Ok(Vec::new()),
        }
    }
}

fn start_cell(caller: &mut Caller<'_, GuestState>, request: CellRequest) -> Result<Vec<u8>> {
    let fuel_budget = if caller.data().cells.fuel_metered() {
        caller.set_fuel(request.limits.fuel.unwrap_or(u64::MAX))?;
        request.limits.fuel
    } else {
        None
    };
    // The epoch went on while the instance waited for this cell; without a
    // fresh deadline the first check would fire (and yield) at once.
    caller.as_context_mut().set_epoch_deadline(1);
    // An interrupt queued for the last cell, too late for it, must not
    // reach this one.
    if let Some(queue) = caller.data().pending_calls {
        queue.clear(&mut *caller);
    }
    let state = caller.data_mut();
    let memory_denials = state.limiter.denials();
    Ok(state.cells.start(request, fuel_budget, memory_denials)?)
}

/// Forwards one guest event to the running cell's caller. The outer error
/// (the cell passed the event-byte cap) stops the instance.
fn record_event(
    caller: &mut Caller<'_, GuestState>,
    payload: &[u8],
) -> Result<Result<Vec<u8>, Refusal>> {
    match caller.data_mut().cells.current_mut() {
        Some(cell) => Ok(cell.accept_event(payload)?),
        None => Ok(Err("no cell is running".to_owned())),
    }
}

/// Renders a figure; a display goes to the running cell like a guest event.
fn chart(caller: &mut Caller<'_, GuestState>, payload: &[u8]) -> Result<Result<Vec<u8>, Refusal>> {
    let Some(cell) = caller.data_mut().cells.current_mut() else {
        return Ok(Err("no cell is running".to_owned()));
    };
    // A renderer bug must cost this figure, not the instance's task: the
    // panic is contained here (the fuzz targets call `charts::handle`
    // directly, so they still see it).
    let rendered = std::panic::catch_unwind(|| charts::handle(payload)).unwrap_or_else(|_| {
        tracing::error!("the chart renderer panicked");
        Err(ChartError::Render(
            "internal error in the chart renderer".to_owned(),
        ))
    });
    match rendered {
        Ok(ChartOutput::File(bytes)) => Ok(Ok(bytes)),
        Ok(ChartOutput::Display(display)) => send_display(cell, display),
        Err(error) => Ok(Err(error.to_string())),
    }
}

/// Runs a table request; a display goes to the running cell like a guest event.
#[cfg(feature = "tables")]
fn table(caller: &mut Caller<'_, GuestState>, payload: &[u8]) -> Result<Result<Vec<u8>, Refusal>> {
    let state = caller.data_mut();
    // As with charts: a panic inside polars (an operation its build lacks, a
    // bug) must cost this request, not the session's interpreter.
    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        tables::handle(&mut state.tables, &mut state.quota, payload)
    }))
    .unwrap_or_else(|_| {
        tracing::error!("a table operation panicked");
        Err(TableError::new(
            "RuntimeError",
            "internal error in a table operation",
        ))
    });
    match answered {
        Ok(TableOutput::Reply(bytes)) => Ok(Ok(bytes)),
        Ok(TableOutput::Display(display)) => match state.cells.current_mut() {
            Some(cell) => send_display(cell, display),
            None => Ok(Err("no cell is running".to_owned())),
        },
        Err(error) => Ok(Err(error.to_string())),
    }
}

/// Sends a host-made display to the running cell; answers nothing.
fn send_display(cell: &mut RunningCell, display: Display) -> Result<Result<Vec<u8>, Refusal>> {
    cell.send_display(display)?;
    Ok(Ok(Vec::new()))
}

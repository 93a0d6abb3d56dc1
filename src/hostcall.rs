//! The host side of the guest's `_hostcall` module (sandbox/cpython/hostcall.c).
//!
//! Three wasm imports from module `host`:
//! - `next() -> i32`: ends the running cell (if any) and waits for the next
//!   one; its request, JSON `{"code", "execution_count", "seed"}`, is then
//!   pending (the result is its size), or 0 when the instance should exit.
//!   Only the guest's C entry loop (sandbox/cpython/entry.c) imports it:
//!   Python code, a cell's included, cannot reach it.
//! - `call(op_ptr, op_len, payload_ptr, payload_len) -> i32`: `r >= 0` means a
//!   response of `r` bytes is pending, `r < 0` a refusal message of `-r - 1` bytes;
//! - `take_response(dst_ptr)`: copies the pending bytes into guest memory.
//!
//! Operations of `call` (the `_hostcall` module's):
//! - `event`: one JSON [`Event`] (stream, display, result or error) of the
//!   running cell; answers `1`, or `0` when a stream chunk was dropped by the
//!   output cap. A cell whose events pass [`MAX_EVENT_BYTES_PER_CELL`] is
//!   stopped with [`Outcome::OutputLimit`].
//! - `chart`: a figure spec from the guest's `matplotlib` (docs/CHARTS.md);
//!   `display` renders it into a display event of the running cell (counted
//!   like other events) and answers nothing, `render` answers the file bytes.
//! - `table`: a request of the guest's `pandas` (docs/TABLES.md) on the
//!   instance's tables; a table display goes to the running cell like a chart.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use serde::Serialize;
use tokio::sync::{mpsc, watch};
use wasmtime::{AsContextMut, Caller, Linker, Memory, Result, format_err};

use crate::charts::{self, ChartError, ChartOutput};
use crate::events::{CellEnd, Display, Event, Outcome, StreamName, Usage};
use crate::instance::{GuestState, Interrupted};
use crate::limits::CellLimits;
#[cfg(feature = "tables")]
use crate::tables::{self, TableError, TableOutput};

/// Longest operation name the guest may send.
pub(crate) const MAX_OP_LEN: u32 = 64;
/// Largest payload of a single host call.
pub const MAX_PAYLOAD_BYTES: u32 = 16 << 20;
/// Event bytes one cell may send in all (displays, results and errors
/// included): user code can reach `_hostcall` too, and events queue in host
/// memory.
pub(crate) const MAX_EVENT_BYTES_PER_CELL: usize = 64 << 20;

/// A cell waiting to run in an instance.
pub struct CellRequest {
    pub code: String,
    pub limits: CellLimits,
    pub events: mpsc::UnboundedSender<Event>,
    pub cancel: Arc<AtomicBool>,
}

impl CellRequest {
    /// Ends a cell that never reached the guest.
    pub fn reject(self, outcome: Outcome, message: String) {
        let _ = self.events.send(Event::End(CellEnd {
            outcome,
            usage: Usage::default(),
            output_truncated: false,
            message: Some(message),
        }));
    }
}

/// When the running cell must stop, for the watchdog that stops it while the
/// guest is blocked in a host call (where epoch interruption cannot reach).
#[derive(Clone)]
pub struct CellClock {
    pub deadline: Instant,
    pub cancel: Arc<AtomicBool>,
}

/// A cell the guest is executing. (Fields are crate-visible for the fuzzer,
/// src/fuzzing.rs.)
pub struct RunningCell {
    pub(crate) events: mpsc::UnboundedSender<Event>,
    pub(crate) clock: CellClock,
    pub(crate) started: Instant,
    pub(crate) max_output_bytes: usize,
    pub(crate) output_bytes: usize,
    pub(crate) output_truncated: bool,
    pub(crate) event_bytes: usize,
    pub(crate) error_name: Option<String>,
    pub(crate) fuel_budget: Option<u64>,
    pub(crate) memory_denials_at_start: u64,
    pub(crate) execution_count: u64,
}

impl RunningCell {
    /// Why the running cell must stop now, if it must.
    pub fn interruption(&self, now: Instant) -> Option<Outcome> {
        if self.clock.cancel.load(Ordering::Relaxed) {
            Some(Outcome::Cancelled)
        } else if now >= self.clock.deadline {
            Some(Outcome::Timeout)
        } else {
            None
        }
    }
}

/// Per-instance state of the host-call channel.
pub struct HostCalls {
    pending: Vec<u8>,
    /// Where cells come from; `None` while snapshotting (no cells then).
    pub cells: Option<mpsc::Receiver<CellRequest>>,
    pub current: Option<RunningCell>,
    execution_count: u64,
    /// Seed for the guest's `random` module, sent with every cell.
    seed: u64,
    /// Whether the store consumes fuel (cells may then carry a budget).
    pub fuel_metered: bool,
    clock: watch::Sender<Option<CellClock>>,
}

impl HostCalls {
    /// A channel fed by `cells` (`None` while snapshotting).
    pub fn new(cells: Option<mpsc::Receiver<CellRequest>>, seed: u64, fuel_metered: bool) -> Self {
        Self {
            pending: Vec::new(),
            cells,
            current: None,
            execution_count: 0,
            seed,
            fuel_metered,
            clock: watch::Sender::new(None),
        }
    }

    /// Follows the running cell's deadline and cancel flag (`None` between cells).
    pub fn clock(&self) -> watch::Receiver<Option<CellClock>> {
        self.clock.subscribe()
    }
}

#[derive(Serialize)]
struct NextCell<'a> {
    code: &'a str,
    execution_count: u64,
    seed: u64,
}

/// Registers `host.next`, `host.call` and `host.take_response`.
pub fn add_to_linker(linker: &mut Linker<GuestState>) -> Result<()> {
    linker.func_wrap_async(
        "host",
        "next",
        |mut caller: Caller<'_, GuestState>, (): ()| {
            Box::new(async move {
                let request = next_cell(&mut caller).await?;
                let size = i32::try_from(request.len())?;
                caller.data_mut().host.pending = request;
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
            caller.data_mut().host.pending = bytes;
            Ok(code)
        },
    )?;
    linker.func_wrap(
        "host",
        "take_response",
        |mut caller: Caller<'_, GuestState>, dst: u32| -> Result<()> {
            let pending = std::mem::take(&mut caller.data_mut().host.pending);
            guest_memory(&mut caller)?.write(&mut caller, dst as usize, &pending)?;
            Ok(())
        },
    )?;
    Ok(())
}

/// A refusal the guest sees as `_hostcall.HostError`.
pub(crate) type Refusal = String;

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
    let Some(cell) = caller.data_mut().host.current.as_mut() else {
        return Ok(());
    };
    let text = format!(
        "[an output event of {len} bytes was dropped: one event may carry at most {} MiB]\n",
        MAX_PAYLOAD_BYTES >> 20
    );
    cell.output_truncated = true;
    cell.event_bytes += text.len();
    if cell.event_bytes > MAX_EVENT_BYTES_PER_CELL {
        return Err(Interrupted(Outcome::OutputLimit).into());
    }
    let _ = cell.events.send(Event::Stream {
        name: StreamName::Stderr,
        text,
    });
    Ok(())
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

/// Ends the running cell, then waits for the next one and starts it; its
/// request for the guest, or nothing when no cell will come (the session was
/// dropped, or this is the snapshotter's instance).
async fn next_cell(caller: &mut Caller<'_, GuestState>) -> Result<Vec<u8>> {
    finish_cell(caller, None, None);
    loop {
        let Some(cells) = caller.data_mut().host.cells.as_mut() else {
            return Ok(Vec::new());
        };
        let Some(request) = cells.recv().await else {
            return Ok(Vec::new());
        };
        if request.cancel.load(Ordering::Relaxed) {
            request.reject(Outcome::Cancelled, "cancelled before it started".to_owned());
            continue;
        }
        return start_cell(caller, request);
    }
}

fn start_cell(caller: &mut Caller<'_, GuestState>, request: CellRequest) -> Result<Vec<u8>> {
    let fuel_budget = if caller.data().host.fuel_metered {
        caller.set_fuel(request.limits.fuel.unwrap_or(u64::MAX))?;
        request.limits.fuel
    } else {
        None
    };
    // The epoch went on while the instance waited for this cell; without a
    // fresh deadline the first check would fire (and yield) at once.
    caller.as_context_mut().set_epoch_deadline(1);
    let now = Instant::now();
    let state = caller.data_mut();
    state.host.execution_count += 1;
    let execution_count = state.host.execution_count;
    let body = serde_json::to_vec(&NextCell {
        code: &request.code,
        execution_count,
        seed: state.host.seed,
    })?;
    let clock = CellClock {
        deadline: now + request.limits.timeout,
        cancel: request.cancel,
    };
    state.host.clock.send_replace(Some(clock.clone()));
    state.host.current = Some(RunningCell {
        events: request.events,
        clock,
        started: now,
        max_output_bytes: request.limits.max_output_bytes,
        output_bytes: 0,
        output_truncated: false,
        event_bytes: 0,
        error_name: None,
        fuel_budget,
        memory_denials_at_start: state.limiter.denials(),
        execution_count,
    });
    Ok(body)
}

/// Sends the running cell's end event. `forced` is the outcome when the host
/// stopped the cell (a trap); otherwise the outcome follows from its events.
pub fn finish_cell(
    caller: &mut impl AsContextMut<Data = GuestState>,
    forced: Option<Outcome>,
    message: Option<String>,
) {
    let mut ctx = caller.as_context_mut();
    let Some(cell) = ctx.data_mut().host.current.take() else {
        return;
    };
    ctx.data().host.clock.send_replace(None);
    let fuel_used = cell
        .fuel_budget
        .map(|budget| budget.saturating_sub(ctx.get_fuel().unwrap_or(0)));
    let limiter = &ctx.data().limiter;
    let hit_memory_cap = limiter.denials() > cell.memory_denials_at_start;
    let outcome = forced.unwrap_or(match cell.error_name.as_deref() {
        None => Outcome::Ok,
        Some("MemoryError") if hit_memory_cap => Outcome::MemoryLimit,
        Some(_) => Outcome::Error,
    });
    let outcome = if outcome == Outcome::SandboxFault && hit_memory_cap {
        Outcome::MemoryLimit
    } else {
        outcome
    };
    let _ = cell.events.send(Event::End(CellEnd {
        outcome,
        usage: Usage {
            wall_time: cell.started.elapsed(),
            fuel_used,
            peak_memory_bytes: limiter.peak_bytes(),
            execution_count: cell.execution_count,
        },
        output_truncated: cell.output_truncated,
        message,
    }));
}

/// Forwards one guest event to the running cell's caller. The outer error
/// (the cell passed the event-byte cap) stops the instance.
fn record_event(
    caller: &mut Caller<'_, GuestState>,
    payload: &[u8],
) -> Result<Result<Vec<u8>, Refusal>> {
    let Some(cell) = caller.data_mut().host.current.as_mut() else {
        return Ok(Err("no cell is running".to_owned()));
    };
    accept_event(cell, payload)
}

/// Counts `payload` against the cell's event-byte cap, then decodes it and
/// forwards it under the output cap (pure, for the fuzzer: src/fuzzing.rs).
pub(crate) fn accept_event(
    cell: &mut RunningCell,
    payload: &[u8],
) -> Result<Result<Vec<u8>, Refusal>> {
    cell.event_bytes += payload.len();
    if cell.event_bytes > MAX_EVENT_BYTES_PER_CELL {
        cell.output_truncated = true;
        return Err(Interrupted(Outcome::OutputLimit).into());
    }
    Ok(forward_event(cell, payload))
}

/// Renders a figure; a display goes to the running cell like a guest event.
fn chart(caller: &mut Caller<'_, GuestState>, payload: &[u8]) -> Result<Result<Vec<u8>, Refusal>> {
    let Some(cell) = caller.data_mut().host.current.as_mut() else {
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
        Ok(TableOutput::Display(display)) => match state.host.current.as_mut() {
            Some(cell) => send_display(cell, display),
            None => Ok(Err("no cell is running".to_owned())),
        },
        Err(error) => Ok(Err(error.to_string())),
    }
}

/// Sends a host-made display event, counted against the cell's event bytes.
fn send_display(cell: &mut RunningCell, display: Display) -> Result<Result<Vec<u8>, Refusal>> {
    cell.event_bytes += display
        .data
        .iter()
        .map(|item| item.data.len())
        .sum::<usize>();
    if cell.event_bytes > MAX_EVENT_BYTES_PER_CELL {
        cell.output_truncated = true;
        return Err(Interrupted(Outcome::OutputLimit).into());
    }
    let _ = cell.events.send(Event::Display(display));
    Ok(Ok(Vec::new()))
}

fn forward_event(cell: &mut RunningCell, payload: &[u8]) -> Result<Vec<u8>, Refusal> {
    let event: Event =
        serde_json::from_slice(payload).map_err(|e| format!("malformed event: {e}"))?;
    let accepted = match event {
        Event::Stream { name, mut text } => {
            let room = cell.max_output_bytes - cell.output_bytes;
            if cell.output_truncated {
                false
            } else {
                let fits = text.len() <= room;
                if !fits {
                    text.truncate(text.floor_char_boundary(room));
                    cell.output_truncated = true;
                }
                cell.output_bytes += text.len();
                if !text.is_empty() {
                    let _ = cell.events.send(Event::Stream { name, text });
                }
                fits
            }
        }
        Event::Error(error) => {
            cell.error_name = Some(error.ename.clone());
            let _ = cell.events.send(Event::Error(error));
            true
        }
        event @ (Event::Result(_) | Event::Display(_)) => {
            let _ = cell.events.send(event);
            true
        }
        Event::End(_) => return Err("the guest may not send end events".to_owned()),
    };
    Ok(if accepted {
        b"1".to_vec()
    } else {
        b"0".to_vec()
    })
}

fn guest_memory(caller: &mut Caller<'_, GuestState>) -> Result<Memory> {
    caller
        .get_export("memory")
        .and_then(|export| export.into_memory())
        .ok_or_else(|| format_err!("guest exports no memory"))
}

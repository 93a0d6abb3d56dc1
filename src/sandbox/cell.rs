//! The life of a cell in an instance: queued ([`CellRequest`]), running
//! ([`RunningCell`], its events counted against the output caps) and ended
//! (its end event sent). [`Cells`] is an instance's share of it: where cells
//! come from, the running one and its clock. Nothing here touches the store;
//! the host calls and the instance's driver feed it what the store measured.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::{mpsc, oneshot, watch};

use super::fork_image::{ForkError, GuestImage};

use crate::events::{CellEnd, Display, Event, Outcome, StreamName, Usage};
use crate::limits::CellLimits;

/// Event bytes one cell may send in all (displays, results and errors
/// included): user code can reach `_hostcall` too, and events queue in host
/// memory.
pub const MAX_EVENT_BYTES_PER_CELL: usize = 64 << 20;

/// How long a cell interrupted softly (`KeyboardInterrupt`, at its deadline
/// or on cancel) has to stop before its instance is stopped hard.
pub const INTERRUPT_GRACE: Duration = Duration::from_secs(1);

/// How often a running cell is asked to send its buffered output, so printed
/// lines reach the caller while it runs.
pub const OUTPUT_TICK: Duration = Duration::from_millis(25);

/// A refusal the guest sees as `_hostcall.HostError`.
pub type Refusal = String;

/// Why the host stopped a guest (from the epoch callback, the watchdog or a
/// host call).
#[derive(Debug, thiserror::Error)]
#[error("cell interrupted: {0:?}")]
pub struct Interrupted(pub Outcome);

/// What a session sends its instance, which takes them in order between cells.
pub enum Command {
    /// Run a cell.
    Cell(CellRequest),
    /// Copy the instance's state for a fork; its scratch files go to the path.
    Capture(PathBuf, oneshot::Sender<Result<GuestImage, ForkError>>),
    /// Become the image's copy (a fresh instance, before its first cell).
    Apply(Box<GuestImage>, oneshot::Sender<Result<(), ForkError>>),
    /// Keep a checkpoint after every cell from now on (copies of scratch
    /// files under the path), to rebuild the instance from if a cell stops it.
    KeepCheckpoints(PathBuf),
}

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
            rolled_back_to: None,
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

impl CellClock {
    /// Resolves when the cell is due to be interrupted: its deadline passed
    /// or it was cancelled.
    pub async fn due(&self) -> Outcome {
        loop {
            if self.cancel.load(Ordering::Relaxed) {
                return Outcome::Cancelled;
            }
            tokio::select! {
                _ = tokio::time::sleep_until(self.deadline.into()) => return Outcome::Timeout,
                _ = tokio::time::sleep(CANCEL_POLL) => {}
            }
        }
    }

    /// Resolves when the cell must be stopped hard: [`INTERRUPT_GRACE`] after
    /// it was due to be interrupted.
    pub async fn overdue(&self) -> Outcome {
        let outcome = self.due().await;
        tokio::time::sleep(INTERRUPT_GRACE).await;
        outcome
    }
}

/// How often a wait looks at a cell's cancel flag.
const CANCEL_POLL: Duration = Duration::from_millis(20);

/// What the host does for a running cell when it looks at it (an epoch tick,
/// a sleep woken early).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Nothing to do.
    Continue,
    /// Ask the guest to send its buffered output.
    Tick,
    /// Raise `KeyboardInterrupt` in the cell (the outcome it will end with).
    Interrupt(Outcome),
    /// The cell did not stop within the grace period: stop the instance.
    Stop(Outcome),
}

/// What the store measured when a cell ends.
#[derive(Default)]
pub struct StoreMeters {
    /// Fuel left in the store, when it consumes fuel.
    pub fuel_left: Option<u64>,
    pub peak_memory_bytes: u64,
    /// Memory growths refused so far in the instance's life.
    pub memory_denials: u64,
}

/// A cell the guest is executing.
pub struct RunningCell {
    events: mpsc::UnboundedSender<Event>,
    clock: CellClock,
    started: Instant,
    max_output_bytes: usize,
    output_bytes: usize,
    output_truncated: bool,
    event_bytes: usize,
    error_name: Option<String>,
    fuel_budget: Option<u64>,
    memory_denials_at_start: u64,
    execution_count: u64,
    /// When the cell was interrupted softly, and why.
    interrupted: Option<(Outcome, Instant)>,
    last_tick: Instant,
}

impl RunningCell {
    /// `request` started now as the instance's `execution_count`th cell, with
    /// `fuel_budget` set in the store and `memory_denials` refused growths so far.
    pub fn start(
        request: CellRequest,
        execution_count: u64,
        fuel_budget: Option<u64>,
        memory_denials: u64,
    ) -> Self {
        let started = Instant::now();
        Self {
            events: request.events,
            clock: CellClock {
                deadline: started + request.limits.timeout,
                cancel: request.cancel,
            },
            started,
            max_output_bytes: request.limits.max_output_bytes,
            output_bytes: 0,
            output_truncated: false,
            event_bytes: 0,
            error_name: None,
            fuel_budget,
            memory_denials_at_start: memory_denials,
            execution_count,
            interrupted: None,
            last_tick: started,
        }
    }

    /// What to do for the cell at `now`: interrupt it once it is due, stop
    /// it [`INTERRUPT_GRACE`] later, otherwise ask for its output every
    /// [`OUTPUT_TICK`].
    pub fn check(&mut self, now: Instant) -> Check {
        if let Some((outcome, at)) = self.interrupted {
            return if now >= at + INTERRUPT_GRACE {
                Check::Stop(outcome)
            } else {
                Check::Continue
            };
        }
        if let Some(outcome) = self.interruption(now) {
            self.interrupted = Some((outcome, now));
            return Check::Interrupt(outcome);
        }
        if now >= self.last_tick + OUTPUT_TICK {
            self.last_tick = now;
            return Check::Tick;
        }
        Check::Continue
    }

    /// The cell's deadline and cancel flag.
    pub fn clock(&self) -> CellClock {
        self.clock.clone()
    }

    /// Why the running cell must stop now, if it must.
    fn interruption(&self, now: Instant) -> Option<Outcome> {
        if self.clock.cancel.load(Ordering::Relaxed) {
            Some(Outcome::Cancelled)
        } else if now >= self.clock.deadline {
            Some(Outcome::Timeout)
        } else {
            None
        }
    }

    /// Counts `bytes` of events against [`MAX_EVENT_BYTES_PER_CELL`]; past
    /// it the cell is stopped with [`Outcome::OutputLimit`].
    fn charge(&mut self, bytes: usize) -> Result<(), Interrupted> {
        self.event_bytes += bytes;
        if self.event_bytes > MAX_EVENT_BYTES_PER_CELL {
            self.output_truncated = true;
            return Err(Interrupted(Outcome::OutputLimit));
        }
        Ok(())
    }

    /// One guest `event` payload: charged, decoded and forwarded under the
    /// output cap. Answers `1`, or `0` when a stream chunk was dropped by the
    /// cap; the outer error stops the instance.
    pub fn accept_event(
        &mut self,
        payload: &[u8],
    ) -> Result<Result<Vec<u8>, Refusal>, Interrupted> {
        self.charge(payload.len())?;
        Ok(self.forward_event(payload))
    }

    /// An event the host refused unread for its size: the output is flagged
    /// truncated and a note on stderr (charged like an event) says what was
    /// dropped.
    pub fn note_dropped_event(&mut self, len: u32, max_bytes: u32) -> Result<(), Interrupted> {
        let text = format!(
            "[an output event of {len} bytes was dropped: one event may carry at most {} MiB]\n",
            max_bytes >> 20
        );
        self.output_truncated = true;
        self.charge(text.len())?;
        let _ = self.events.send(Event::Stream {
            name: StreamName::Stderr,
            text,
        });
        Ok(())
    }

    /// Sends a host-made display (a chart, a table), charged like an event.
    pub fn send_display(&mut self, display: Display) -> Result<(), Interrupted> {
        self.charge(display.data.iter().map(|item| item.data.len()).sum())?;
        let _ = self.events.send(Event::Display(display));
        Ok(())
    }

    fn forward_event(&mut self, payload: &[u8]) -> Result<Vec<u8>, Refusal> {
        let event: Event =
            serde_json::from_slice(payload).map_err(|e| format!("malformed event: {e}"))?;
        let accepted = match event {
            Event::Stream { name, mut text } => {
                let room = self.max_output_bytes - self.output_bytes;
                if self.output_truncated {
                    false
                } else {
                    let fits = text.len() <= room;
                    if !fits {
                        text.truncate(text.floor_char_boundary(room));
                        self.output_truncated = true;
                    }
                    self.output_bytes += text.len();
                    if !text.is_empty() {
                        let _ = self.events.send(Event::Stream { name, text });
                    }
                    fits
                }
            }
            Event::Error(error) => {
                self.error_name = Some(error.ename.clone());
                let _ = self.events.send(Event::Error(error));
                true
            }
            event @ (Event::Result(_) | Event::Display(_)) => {
                let _ = self.events.send(event);
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

    /// Sends the cell's end event. `forced` is the outcome when the host
    /// stopped the cell (a trap); otherwise the outcome follows from its events
    /// (or from its soft interrupt). `rolled_back_to`: the session was rebuilt
    /// from its checkpoint after that many cells.
    pub fn end(
        self,
        forced: Option<Outcome>,
        message: Option<String>,
        meters: StoreMeters,
        rolled_back_to: Option<u64>,
    ) {
        let (forced, message) = match (self.interrupted, forced) {
            (Some((outcome, _)), None) => (Some(outcome), Some(interrupted_message(outcome))),
            (Some((interrupted, _)), Some(outcome)) if interrupted == outcome => (
                Some(outcome),
                message.map(|m| {
                    format!("{m}; it did not stop within {INTERRUPT_GRACE:?} of KeyboardInterrupt")
                }),
            ),
            (_, forced) => (forced, message),
        };
        let message = match rolled_back_to {
            Some(count) => message.map(|m| {
                format!("{m}; the session was rebuilt from its checkpoint after cell {count}")
            }),
            None => message,
        };
        let fuel_used = self
            .fuel_budget
            .map(|budget| budget.saturating_sub(meters.fuel_left.unwrap_or(0)));
        let hit_memory_cap = meters.memory_denials > self.memory_denials_at_start;
        let outcome = forced.unwrap_or(match self.error_name.as_deref() {
            None => Outcome::Ok,
            Some("MemoryError") if hit_memory_cap => Outcome::MemoryLimit,
            Some(_) => Outcome::Error,
        });
        let outcome = if outcome == Outcome::SandboxFault && hit_memory_cap {
            Outcome::MemoryLimit
        } else {
            outcome
        };
        let _ = self.events.send(Event::End(CellEnd {
            outcome,
            usage: Usage {
                wall_time: self.started.elapsed(),
                fuel_used,
                peak_memory_bytes: meters.peak_memory_bytes,
                execution_count: self.execution_count,
            },
            output_truncated: self.output_truncated,
            message,
            rolled_back_to,
        }));
    }
}

/// The end message of a cell that stopped at its soft interrupt.
fn interrupted_message(outcome: Outcome) -> String {
    let why = match outcome {
        Outcome::Timeout => "the cell exceeded its time limit",
        _ => "the cell was cancelled",
    };
    format!("{why}: KeyboardInterrupt was raised in it; the session keeps its state")
}

/// The request the guest's entry loop gets for each cell.
#[derive(Serialize)]
struct NextCell<'a> {
    code: &'a str,
    execution_count: u64,
    seed: u64,
}

/// An instance's cells: where they come from, the running one and its clock.
pub struct Cells {
    /// Where cells come from; `None` while snapshotting (no cells then).
    queue: Option<mpsc::Receiver<Command>>,
    current: Option<RunningCell>,
    execution_count: u64,
    /// Seed for the guest's `random` module, sent with every cell.
    seed: u64,
    /// Whether the store consumes fuel (cells may then carry a budget).
    fuel_metered: bool,
    clock: watch::Sender<Option<CellClock>>,
}

impl Cells {
    /// Cells fed by `queue` (`None` while snapshotting).
    pub fn new(queue: Option<mpsc::Receiver<Command>>, seed: u64, fuel_metered: bool) -> Self {
        Self {
            queue,
            current: None,
            execution_count: 0,
            seed,
            fuel_metered,
            clock: watch::Sender::new(None),
        }
    }

    /// Whether the store consumes fuel.
    pub fn fuel_metered(&self) -> bool {
        self.fuel_metered
    }

    /// Follows the running cell's deadline and cancel flag (`None` between cells).
    pub fn clock(&self) -> watch::Receiver<Option<CellClock>> {
        self.clock.subscribe()
    }

    /// The running cell, if one is.
    pub fn current(&self) -> Option<&RunningCell> {
        self.current.as_ref()
    }

    /// The running cell, if one is, to send its events.
    pub fn current_mut(&mut self) -> Option<&mut RunningCell> {
        self.current.as_mut()
    }

    /// Waits for the next command, skipping cells cancelled while they
    /// queued; nothing when none will come (the session was dropped, or this
    /// is the snapshotter's instance).
    pub async fn next_command(&mut self) -> Option<Command> {
        loop {
            match self.queue.as_mut()?.recv().await? {
                Command::Cell(request) if request.cancel.load(Ordering::Relaxed) => {
                    request.reject(Outcome::Cancelled, "cancelled before it started".to_owned());
                }
                command => return Some(command),
            }
        }
    }

    /// Cells started so far.
    pub fn execution_count(&self) -> u64 {
        self.execution_count
    }

    /// Continues the count of a forked instance's cells.
    pub fn set_execution_count(&mut self, count: u64) {
        self.execution_count = count;
    }

    /// Makes `request` the running cell; its request for the guest.
    pub fn start(
        &mut self,
        request: CellRequest,
        fuel_budget: Option<u64>,
        memory_denials: u64,
    ) -> serde_json::Result<Vec<u8>> {
        self.execution_count += 1;
        let body = serde_json::to_vec(&NextCell {
            code: &request.code,
            execution_count: self.execution_count,
            seed: self.seed,
        })?;
        let cell = RunningCell::start(request, self.execution_count, fuel_budget, memory_denials);
        self.clock.send_replace(Some(cell.clock.clone()));
        self.current = Some(cell);
        Ok(body)
    }

    /// Ends the running cell, if one is (see [`RunningCell::end`]).
    pub fn finish(
        &mut self,
        forced: Option<Outcome>,
        message: Option<String>,
        meters: StoreMeters,
        rolled_back_to: Option<u64>,
    ) {
        if let Some(cell) = self.current.take() {
            self.clock.send_replace(None);
            cell.end(forced, message, meters, rolled_back_to);
        }
    }

    /// No more cells will run: every queued one ends with `reason`.
    pub fn close(&mut self, reason: &str) {
        if let Some(mut queue) = self.queue.take() {
            queue.close();
            while let Ok(command) = queue.try_recv() {
                // A capture or apply waiting here sees its reply dropped.
                if let Command::Cell(request) = command {
                    request.reject(
                        Outcome::SandboxFault,
                        format!("the instance has ended: {reason}"),
                    );
                }
            }
        }
    }
}

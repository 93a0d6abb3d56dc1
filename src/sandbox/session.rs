//! A [`Session`]: one live guest instance, and the events of its cells.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinHandle;

use super::cell::{CellClock, CellRequest, Command};
use super::fork_image::{ForkError, GuestImage};
use crate::events::Event;
use crate::limits::{CellLimits, InstanceLimits};

/// Cells that may wait behind a running one in a session.
pub(crate) const MAX_QUEUED_CELLS: usize = 8;

/// Errors of [`Session::execute`].
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("the session has ended: {0}")]
    Ended(String),
    #[error("the session already has {MAX_QUEUED_CELLS} cells waiting")]
    Busy,
    #[error("a fuel budget needs a session created with fuel metering")]
    FuelNotMetered,
}

/// A live guest instance: cells run one after another in one Python namespace.
///
/// Cells sent while one is running wait their turn (up to a small queue); each
/// cell's deadline starts when it starts running. At its deadline, or when it
/// is cancelled or interrupted, a cell gets `KeyboardInterrupt` raised in its
/// Python code and the session keeps its state; only a cell that does not
/// stop within the grace period after it ([`super::cell::INTERRUPT_GRACE`]),
/// or that runs out of fuel, passes the output cap or crashes the guest,
/// stops the instance. A session that keeps checkpoints
/// ([`Session::keep_checkpoints`]) then goes on in a new instance rebuilt from
/// its last one; otherwise the session has ended: later calls get
/// [`SessionError::Ended`]. Dropping the session stops its instance; its
/// scratch directory is deleted right after, in the background.
pub struct Session {
    cells: mpsc::Sender<Command>,
    end_reason: Arc<Mutex<Option<String>>>,
    limits: InstanceLimits,
    driver: JoinHandle<()>,
    scratch_dir: PathBuf,
    running: watch::Receiver<Option<CellClock>>,
}

impl Session {
    /// A session fed through `cells`, whose instance is driven by `driver`,
    /// which records why the instance ended in `end_reason`; `running`
    /// follows the clock of its running cell.
    pub(crate) fn new(
        cells: mpsc::Sender<Command>,
        end_reason: Arc<Mutex<Option<String>>>,
        limits: InstanceLimits,
        driver: JoinHandle<()>,
        scratch_dir: PathBuf,
        running: watch::Receiver<Option<CellClock>>,
    ) -> Self {
        Self {
            cells,
            end_reason,
            limits,
            driver,
            scratch_dir,
            running,
        }
    }

    /// Interrupts the running cell, if one is, as cancelling it does: it gets
    /// `KeyboardInterrupt` and ends [`crate::Outcome::Cancelled`]; the session
    /// keeps its state. Whether a cell was running.
    pub fn interrupt(&self) -> bool {
        match &*self.running.borrow() {
            Some(cell) => {
                cell.cancel.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }

    /// Queues a cell and returns its events as they happen.
    pub fn execute(&self, code: &str, limits: CellLimits) -> Result<CellEvents, SessionError> {
        if limits.fuel.is_some() && !self.limits.fuel_metered {
            return Err(SessionError::FuelNotMetered);
        }
        let (events, receiver) = mpsc::unbounded_channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let request = CellRequest {
            code: code.to_owned(),
            limits,
            events,
            cancel: Arc::clone(&cancel),
        };
        self.send(Command::Cell(request))?;
        Ok(CellEvents {
            receiver,
            cancel,
            finished: false,
        })
    }

    /// From now on, keep a checkpoint of the session after every cell
    /// (memory, tables and files; see [`super::checkpoint`]): a cell that
    /// stops the instance hard (past its interrupt's grace, out of fuel or
    /// output, crashed) then ends with the instance rebuilt from the last one,
    /// and the session lives on. Costs a copy of what each cell wrote.
    pub fn keep_checkpoints(&self) -> Result<(), SessionError> {
        let parent = self.scratch_dir.parent().unwrap_or(&self.scratch_dir);
        self.send(Command::KeepCheckpoints(parent.to_owned()))
    }

    fn send(&self, command: Command) -> Result<(), SessionError> {
        match self.cells.try_send(command) {
            Ok(()) => Ok(()),
            Err(mpsc::error::TrySendError::Full(_)) => Err(SessionError::Busy),
            Err(mpsc::error::TrySendError::Closed(_)) => Err(SessionError::Ended(self.ended())),
        }
    }

    fn ended(&self) -> String {
        self.end_reason()
            .unwrap_or_else(|| "the instance stopped".to_owned())
    }

    /// The instance's state after its queued cells, for a fork; its scratch
    /// files are copied into `files_to`.
    pub(crate) async fn capture(&self, files_to: &Path) -> Result<GuestImage, ForkError> {
        let (reply, image) = oneshot::channel();
        self.send(Command::Capture(files_to.to_owned(), reply))
            .map_err(|error| self.fork_error(error))?;
        image.await.map_err(|_| ForkError::Ended(self.ended()))?
    }

    /// Makes this fresh instance a copy of `image`.
    pub(crate) async fn apply(&self, image: GuestImage) -> Result<(), ForkError> {
        let (reply, applied) = oneshot::channel();
        self.send(Command::Apply(Box::new(image), reply))
            .map_err(|error| self.fork_error(error))?;
        applied.await.map_err(|_| ForkError::Ended(self.ended()))?
    }

    fn fork_error(&self, error: SessionError) -> ForkError {
        match error {
            SessionError::Busy => ForkError::Busy,
            _ => ForkError::Ended(self.ended()),
        }
    }

    /// Why the instance ended, once it has.
    pub fn end_reason(&self) -> Option<String> {
        self.end_reason.lock().expect("end reason lock").clone()
    }

    /// The host directory the guest sees as `/mnt/data`.
    pub fn scratch_dir(&self) -> &Path {
        &self.scratch_dir
    }

    /// Stops the instance now, ending a running cell without an end event
    /// (its [`CellEvents`] then yield `None`). Dropping the session does the same.
    pub fn close(&self) {
        self.driver.abort();
    }

    /// The limits the session was created with.
    pub fn limits(&self) -> InstanceLimits {
        self.limits
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.close();
    }
}

/// The events of one cell, ending with [`Event::End`]. Dropping it before the
/// end cancels the cell.
pub struct CellEvents {
    receiver: mpsc::UnboundedReceiver<Event>,
    cancel: Arc<AtomicBool>,
    finished: bool,
}

impl CellEvents {
    /// The next event, or `None` after the end event (or if the instance vanished).
    pub async fn next(&mut self) -> Option<Event> {
        if self.finished {
            return None;
        }
        let event = self.receiver.recv().await;
        if matches!(event, None | Some(Event::End(_))) {
            self.finished = true;
        }
        event
    }

    /// Waits for the cell to end and returns all its events.
    pub async fn collect(mut self) -> Vec<Event> {
        let mut events = Vec::new();
        while let Some(event) = self.next().await {
            events.push(event);
        }
        events
    }

    /// Interrupts the cell (see [`Session::interrupt`]).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for CellEvents {
    fn drop(&mut self) {
        if !self.finished {
            self.cancel();
        }
    }
}

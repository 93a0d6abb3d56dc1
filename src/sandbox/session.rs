//! A [`Session`]: one live guest instance, and the events of its cells.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::cell::CellRequest;
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
/// cell's deadline starts when it starts running. A cell that ends in a
/// timeout, cancellation, fuel exhaustion or a sandbox fault ends the session
/// (its instance is gone); later calls get [`SessionError::Ended`]. Dropping the
/// session stops its instance; its scratch directory is deleted right after,
/// in the background.
pub struct Session {
    cells: mpsc::Sender<CellRequest>,
    end_reason: Arc<Mutex<Option<String>>>,
    limits: InstanceLimits,
    driver: JoinHandle<()>,
    scratch_dir: PathBuf,
}

impl Session {
    /// A session fed through `cells`, whose instance is driven by `driver`,
    /// which records why the instance ended in `end_reason`.
    pub(crate) fn new(
        cells: mpsc::Sender<CellRequest>,
        end_reason: Arc<Mutex<Option<String>>>,
        limits: InstanceLimits,
        driver: JoinHandle<()>,
        scratch_dir: PathBuf,
    ) -> Self {
        Self {
            cells,
            end_reason,
            limits,
            driver,
            scratch_dir,
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
        match self.cells.try_send(request) {
            Ok(()) => Ok(CellEvents {
                receiver,
                cancel,
                finished: false,
            }),
            Err(mpsc::error::TrySendError::Full(_)) => Err(SessionError::Busy),
            Err(mpsc::error::TrySendError::Closed(_)) => Err(SessionError::Ended(
                self.end_reason()
                    .unwrap_or_else(|| "the instance stopped".to_owned()),
            )),
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

    /// Stops the cell at the next epoch tick (this ends the session's instance).
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

//! The session table: ids, the session cap, idle expiry, what became of
//! sessions that are gone, and (with a state directory) saving sessions as
//! they expire or the server stops and bringing them back on their next call.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant, SystemTime};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::Status;

use super::config::ServiceConfig;
use super::convert;
use super::metrics::{Metrics, SessionEnd};
use super::proto;
use super::state_dir::StateDir;
use crate::{CellEvents, CellLimits, ForkError, Sandbox, Session, SessionError, StateError};

/// Ids of closed and expired sessions remembered, so that a late call learns
/// what happened instead of a bare "not found".
const REMEMBERED_GONE: usize = 4096;

/// How often idle sessions are looked for.
const EXPIRY_SCAN: Duration = Duration::from_secs(1);
/// How often saved sessions past their retention are looked for.
const PRUNE_SCAN: Duration = Duration::from_secs(60);
/// How long saving one session at shutdown may take (its running cell is
/// interrupted first).
const SHUTDOWN_SAVE: Duration = Duration::from_secs(10);

/// The sessions of a server.
pub struct Sessions {
    live: Mutex<HashMap<String, Arc<ManagedSession>>>,
    gone: Mutex<Gone>,
    slots: Arc<Semaphore>,
    max_sessions: usize,
    idle_timeout: Duration,
    /// Sessions keep checkpoints (see [`ServiceConfig::checkpoints`]).
    checkpoints: bool,
    metrics: Arc<Metrics>,
    sandbox: Sandbox,
    /// Where sessions are saved as they expire or the server stops.
    saved: Option<StateDir>,
    /// Held while sessions move between `live` and `saved`, so that a call
    /// that misses its session in `live` finds it saved.
    moving: tokio::sync::Mutex<()>,
}

/// A session and its bookkeeping.
pub struct ManagedSession {
    pub id: String,
    session: Session,
    created_at: SystemTime,
    last_active: Mutex<(Instant, SystemTime)>,
    cells_in_flight: AtomicUsize,
    transfers_in_flight: AtomicUsize,
    cells_executed: AtomicU64,
    /// Held by an upload while it checks the caps and moves its file into place.
    files: Mutex<()>,
    _slot: OwnedSemaphorePermit,
}

/// Recently closed or expired session ids and why they went.
#[derive(Default)]
struct Gone {
    reasons: HashMap<String, String>,
    order: VecDeque<String>,
}

impl Gone {
    fn remember(&mut self, id: String, reason: String) {
        if self.order.len() == REMEMBERED_GONE
            && let Some(oldest) = self.order.pop_front()
        {
            self.reasons.remove(&oldest);
        }
        self.order.push_back(id.clone());
        self.reasons.insert(id, reason);
    }
}

impl Sessions {
    /// An empty table for `config`'s sessions on `sandbox` (the state
    /// directory is created if missing); expiry runs until the table is dropped.
    pub fn new(
        config: &ServiceConfig,
        metrics: Arc<Metrics>,
        sandbox: Sandbox,
    ) -> std::io::Result<Arc<Self>> {
        let saved = match &config.state_dir {
            Some(dir) => Some(StateDir::open(dir, config.state_retention)?),
            None => None,
        };
        let sessions = Arc::new(Self {
            live: Mutex::default(),
            gone: Mutex::default(),
            slots: Arc::new(Semaphore::new(config.max_sessions)),
            max_sessions: config.max_sessions,
            idle_timeout: config.idle_timeout,
            checkpoints: config.checkpoints,
            metrics,
            sandbox,
            saved,
            moving: tokio::sync::Mutex::new(()),
        });
        tokio::spawn(expire_idle(Arc::downgrade(&sessions)));
        Ok(sessions)
    }

    /// A slot for one more session, or RESOURCE_EXHAUSTED.
    pub fn reserve(&self) -> Result<OwnedSemaphorePermit, Status> {
        Arc::clone(&self.slots).try_acquire_owned().map_err(|_| {
            Status::resource_exhausted(format!(
                "the server holds its maximum of {} sessions; close one first",
                self.max_sessions
            ))
        })
    }

    /// Adds a started session under a new, unguessable id.
    pub fn insert(&self, session: Session, slot: OwnedSemaphorePermit) -> Arc<ManagedSession> {
        self.insert_as(uuid::Uuid::new_v4().to_string(), session, slot)
    }

    fn insert_as(
        &self,
        id: String,
        session: Session,
        slot: OwnedSemaphorePermit,
    ) -> Arc<ManagedSession> {
        // A session the service holds survives a cell that stops its
        // interpreter: it is rebuilt from its last checkpoint.
        if self.checkpoints
            && let Err(error) = session.keep_checkpoints()
        {
            tracing::warn!(session = id, %error, "the session keeps no checkpoints");
        }
        let now = (Instant::now(), SystemTime::now());
        let managed = Arc::new(ManagedSession {
            id,
            session,
            created_at: now.1,
            last_active: Mutex::new(now),
            cells_in_flight: AtomicUsize::new(0),
            transfers_in_flight: AtomicUsize::new(0),
            cells_executed: AtomicU64::new(0),
            files: Mutex::new(()),
            _slot: slot,
        });
        self.live
            .lock()
            .expect("sessions lock")
            .insert(managed.id.clone(), Arc::clone(&managed));
        self.metrics.session_created();
        managed
    }

    /// Sessions held now.
    pub fn count(&self) -> usize {
        self.live.lock().expect("sessions lock").len()
    }

    /// The live session with `id`, or NOT_FOUND saying whether it ever
    /// existed. A saved session is not brought back (see [`Sessions::get`]).
    pub fn get_live(&self, id: &str) -> Result<Arc<ManagedSession>, Status> {
        self.live_session(id).ok_or_else(|| self.not_found(id))
    }

    fn live_session(&self, id: &str) -> Option<Arc<ManagedSession>> {
        self.live.lock().expect("sessions lock").get(id).cloned()
    }

    /// The session with `id`, brought back from the state directory if it
    /// was saved there, or NOT_FOUND saying whether it ever existed.
    pub async fn get(&self, id: &str) -> Result<Arc<ManagedSession>, Status> {
        if let Some(session) = self.live_session(id) {
            return Ok(session);
        }
        let Some(saved) = &self.saved else {
            return Err(self.not_found(id));
        };
        let _moving = self.moving.lock().await;
        if let Some(session) = self.live_session(id) {
            return Ok(session);
        }
        let bytes = saved.read(id).await.map_err(|error| {
            Status::internal(format!("reading the saved state of session {id}: {error}"))
        })?;
        let Some(bytes) = bytes else {
            return Err(self.not_found(id));
        };
        let slot = self.reserve()?;
        let restored = self.sandbox.restore_session(bytes).await;
        let error = match restored {
            Ok(session) => {
                if let Err(error) = saved.remove(id) {
                    tracing::warn!(session = id, %error, "deleting a restored session's state failed");
                }
                tracing::info!(session = id, "saved session restored");
                return Ok(self.insert_as(id.to_owned(), session, slot));
            }
            // Starting an instance may work later: the state stays.
            Err(error @ (StateError::Start(_) | StateError::Failed(_))) => {
                return Err(convert::state_error(error));
            }
            Err(error) => error,
        };
        tracing::warn!(session = id, %error, "a saved session could not be restored");
        if let Err(error) = saved.remove(id) {
            tracing::warn!(session = id, %error, "deleting an unusable saved state failed");
        }
        let reason = format!("it was saved, but restoring it failed: {error}");
        self.remember_gone(id, &reason);
        Err(match error {
            StateError::OtherBuild { .. } => Status::failed_precondition(format!(
                "session {id} was saved, but restoring it failed: {error}"
            )),
            _ => self.not_found(id),
        })
    }

    /// Removes and stops the session with `id` (a running cell ends as
    /// cancelled), or deletes its saved state.
    pub async fn close(&self, id: &str) -> Result<(), Status> {
        let removed = self.live.lock().expect("sessions lock").remove(id);
        let Some(session) = removed else {
            return self.forget_saved(id).await;
        };
        session.session.close();
        self.metrics.session_ended(SessionEnd::Closed);
        self.remember_gone(id, "it was closed");
        tracing::info!(session = id, "session closed");
        Ok(())
    }

    /// Every session held, oldest first.
    pub fn list(&self) -> Vec<proto::SessionInfo> {
        let mut sessions: Vec<_> = self
            .live
            .lock()
            .expect("sessions lock")
            .values()
            .cloned()
            .collect();
        sessions.sort_by_key(|session| session.created_at);
        sessions.iter().map(|session| self.info(session)).collect()
    }

    /// What a session looks like from outside.
    pub fn info(&self, session: &ManagedSession) -> proto::SessionInfo {
        session.info(self.idle_timeout)
    }

    /// Deletes the saved state of session `id` (CloseSession of a saved session).
    async fn forget_saved(&self, id: &str) -> Result<(), Status> {
        let Some(saved) = &self.saved else {
            return Err(self.not_found(id));
        };
        let _moving = self.moving.lock().await;
        match saved.remove(id) {
            Ok(true) => {
                self.remember_gone(id, "it was closed");
                tracing::info!(session = id, "saved session closed");
                Ok(())
            }
            Ok(false) => Err(self.not_found(id)),
            Err(error) => Err(Status::internal(format!(
                "deleting the saved state of session {id}: {error}"
            ))),
        }
    }

    fn remember_gone(&self, id: &str, reason: &str) {
        self.gone
            .lock()
            .expect("gone lock")
            .remember(id.to_owned(), reason.to_owned());
    }

    fn not_found(&self, id: &str) -> Status {
        match self.gone.lock().expect("gone lock").reasons.get(id) {
            Some(reason) => Status::not_found(format!("session {id} no longer exists: {reason}")),
            None => Status::not_found(format!("no session with id {id:?}")),
        }
    }

    /// Ends the sessions idle for longer than the idle timeout; with a state
    /// directory, each is saved there first and comes back on its next call.
    async fn expire_idle(&self) {
        let _moving = match self.saved {
            Some(_) => Some(self.moving.lock().await),
            None => None,
        };
        let expired: Vec<_> = {
            let mut live = self.live.lock().expect("sessions lock");
            let ids: Vec<_> = live
                .values()
                .filter(|session| session.idle_for() > self.idle_timeout)
                .map(|session| session.id.clone())
                .collect();
            ids.into_iter().filter_map(|id| live.remove(&id)).collect()
        };
        for session in expired {
            let saved = self.save_to_dir(&session).await;
            session.session.close();
            self.metrics.session_ended(SessionEnd::Expired);
            tracing::info!(session = %session.id, saved, "session expired");
            if !saved {
                let reason = format!(
                    "it expired after {} s without a cell",
                    self.idle_timeout.as_secs()
                );
                self.remember_gone(&session.id, &reason);
            }
        }
    }

    /// Saves every live session in the state directory and stops it, for a
    /// graceful shutdown: running cells are interrupted first, and a session
    /// that cannot be saved within [`SHUTDOWN_SAVE`] is lost.
    pub async fn save_all(&self) {
        if self.saved.is_none() {
            return;
        }
        let _moving = self.moving.lock().await;
        let sessions: Vec<_> = {
            let mut live = self.live.lock().expect("sessions lock");
            live.drain().map(|(_, session)| session).collect()
        };
        for session in &sessions {
            session.interrupt();
        }
        let mut kept = 0;
        for session in &sessions {
            match tokio::time::timeout(SHUTDOWN_SAVE, self.save_to_dir(session)).await {
                Ok(true) => kept += 1,
                Ok(false) => {}
                Err(_) => tracing::warn!(session = %session.id, "saving the session timed out"),
            }
            session.session.close();
        }
        tracing::info!(
            saved = kept,
            of = sessions.len(),
            "sessions saved for the next start"
        );
    }

    /// Saves `session` in the state directory; whether it was (an ended
    /// session or one holding open files is not).
    async fn save_to_dir(&self, session: &ManagedSession) -> bool {
        let Some(dir) = &self.saved else {
            return false;
        };
        if !session.is_alive() {
            return false;
        }
        let stored = match session.save(&self.sandbox).await {
            Ok(bytes) => dir.store(&session.id, bytes).await,
            Err(status) => {
                tracing::warn!(session = %session.id, error = status.message(), "the session could not be saved");
                return false;
            }
        };
        match stored {
            Ok(()) => true,
            Err(error) => {
                tracing::warn!(session = %session.id, %error, "writing the saved session failed");
                false
            }
        }
    }

    /// Deletes the saved sessions past their retention.
    async fn prune_saved(&self) {
        let Some(dir) = &self.saved else {
            return;
        };
        match dir.prune().await {
            Ok(0) => {}
            Ok(removed) => tracing::info!(removed, "saved sessions past their retention deleted"),
            Err(error) => tracing::warn!(%error, "pruning the state directory failed"),
        }
    }
}

async fn expire_idle(sessions: Weak<Sessions>) {
    let mut scan = tokio::time::interval(EXPIRY_SCAN);
    scan.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_prune: Option<Instant> = None;
    loop {
        scan.tick().await;
        let Some(sessions) = sessions.upgrade() else {
            return;
        };
        sessions.expire_idle().await;
        if last_prune.is_none_or(|at| at.elapsed() >= PRUNE_SCAN) {
            sessions.prune_saved().await;
            last_prune = Some(Instant::now());
        }
    }
}

impl ManagedSession {
    /// Queues a cell. The returned guard keeps the session counted as busy
    /// until it is dropped.
    pub fn execute(
        self: &Arc<Self>,
        code: &str,
        limits: CellLimits,
    ) -> Result<(CellEvents, Activity), Status> {
        let events = self
            .session
            .execute(code, limits)
            .map_err(|error| match error {
                SessionError::Ended(reason) => self.ended(&reason),
                SessionError::Busy => Status::resource_exhausted(format!(
                    "session {}: {error}; wait for them to finish",
                    self.id
                )),
                SessionError::FuelNotMetered => Status::invalid_argument(format!(
                    "limits.fuel: session {} was created without fuel_metered",
                    self.id
                )),
            })?;
        self.cells_executed.fetch_add(1, Ordering::Relaxed);
        self.cells_in_flight.fetch_add(1, Ordering::Relaxed);
        self.touch();
        Ok((events, Activity(Arc::clone(self))))
    }

    /// A new session with a copy of this one's state (see
    /// [`crate::Sandbox::fork_session`]).
    pub async fn fork(&self, sandbox: &Sandbox) -> Result<Session, Status> {
        self.touch();
        let forked = sandbox.fork_session(&self.session).await;
        forked.map_err(|error| self.fork_status(error))
    }

    /// This session's state as bytes (see [`crate::Sandbox::save_session`]).
    pub async fn save(&self, sandbox: &Sandbox) -> Result<Vec<u8>, Status> {
        self.touch();
        let saved = sandbox.save_session(&self.session).await;
        saved.map_err(|error| self.fork_status(error))
    }

    fn fork_status(&self, error: ForkError) -> Status {
        match error {
            ForkError::OpenFiles(_) => {
                Status::failed_precondition(format!("session {}: {error}", self.id))
            }
            ForkError::Ended(reason) => self.ended(&reason),
            ForkError::Busy => Status::resource_exhausted(format!("session {}: {error}", self.id)),
            ForkError::Failed(_) => Status::internal(error.to_string()),
        }
    }

    /// Interrupts the running cell (see [`crate::Session::interrupt`]);
    /// whether one was running.
    pub fn interrupt(&self) -> bool {
        self.session.interrupt()
    }

    /// Starts a file transfer: the session counts as active until the guard
    /// is dropped. FAILED_PRECONDITION once the interpreter has stopped (its
    /// files went with it).
    pub fn transfer(self: &Arc<Self>) -> Result<Transfer, Status> {
        if let Some(reason) = self.session.end_reason() {
            return Err(self.ended(&reason));
        }
        self.transfers_in_flight.fetch_add(1, Ordering::Relaxed);
        self.touch();
        Ok(Transfer(Arc::clone(self)))
    }

    /// The host directory the guest sees as `/mnt/data`.
    pub fn scratch_dir(&self) -> &Path {
        self.session.scratch_dir()
    }

    /// Serializes the uploads of this session as they check the caps and
    /// move their files into place, so that two cannot pass the caps together.
    pub fn lock_files(&self) -> MutexGuard<'_, ()> {
        self.files.lock().expect("files lock")
    }

    /// Whether the session's interpreter still runs.
    pub fn is_alive(&self) -> bool {
        self.session.end_reason().is_none()
    }

    fn ended(&self, reason: &str) -> Status {
        Status::failed_precondition(format!(
            "session {} has ended ({reason}); close it and create a new one",
            self.id
        ))
    }

    fn touch(&self) {
        *self.last_active.lock().expect("activity lock") = (Instant::now(), SystemTime::now());
    }

    /// How long the session has had no cell or transfer (zero while one runs).
    fn idle_for(&self) -> Duration {
        if self.cells_in_flight.load(Ordering::Relaxed) > 0
            || self.transfers_in_flight.load(Ordering::Relaxed) > 0
        {
            return Duration::ZERO;
        }
        self.last_active.lock().expect("activity lock").0.elapsed()
    }

    fn info(&self, idle_timeout: Duration) -> proto::SessionInfo {
        let end_reason = self.session.end_reason();
        let state = if end_reason.is_some() {
            proto::SessionState::Ended
        } else if self.cells_in_flight.load(Ordering::Relaxed) > 0 {
            proto::SessionState::Busy
        } else {
            proto::SessionState::Idle
        };
        proto::SessionInfo {
            session_id: self.id.clone(),
            limits: Some(convert::instance_limits(self.session.limits())),
            state: state.into(),
            end_reason: end_reason.unwrap_or_default(),
            cells_executed: self.cells_executed.load(Ordering::Relaxed),
            created_at_unix_ms: unix_ms(self.created_at),
            last_active_unix_ms: unix_ms(self.last_active.lock().expect("activity lock").1),
            idle_timeout_ms: u64::try_from(idle_timeout.as_millis()).unwrap_or(u64::MAX),
        }
    }
}

/// A cell of a session in flight: the session is busy (never idle-expired)
/// until this is dropped.
pub struct Activity(Arc<ManagedSession>);

impl Activity {
    pub fn session(&self) -> &ManagedSession {
        &self.0
    }
}

impl Drop for Activity {
    fn drop(&mut self) {
        self.0.touch();
        self.0.cells_in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A file transfer of a session in flight: the session is never idle-expired
/// until this is dropped.
pub struct Transfer(Arc<ManagedSession>);

impl Transfer {
    pub fn session(&self) -> &ManagedSession {
        &self.0
    }
}

impl Drop for Transfer {
    fn drop(&mut self) {
        self.0.touch();
        self.0.transfers_in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

pub(super) fn unix_ms(time: SystemTime) -> u64 {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| {
            u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
        })
}

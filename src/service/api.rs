//! The `CodeInterpreter` service: requests in, sessions and cells out.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::Stream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;

use super::batch::BatchRunner;
use super::config::ServiceConfig;
use super::metrics::{Capacity, CellKind, Live, Metrics};
use super::proto::code_interpreter_server::CodeInterpreter;
use super::proto::event::Kind;
use super::proto::{self, ExecuteRequest};
use super::sessions::{Activity, Sessions};
use super::state::{self, StateStream};
use super::transfer::{self, FileStream};
use super::{convert, files, request};
use crate::{CellEvents, Event, Outcome, Sandbox, Session, SessionError};

/// The events of one Execute call, as the gRPC stream sends them.
pub type EventStream = Pin<Box<dyn Stream<Item = Result<proto::Event, Status>> + Send>>;
/// The results of one ExecuteBatch call, in the order the programs finish.
pub type BatchStream = Pin<Box<dyn Stream<Item = Result<proto::BatchResult, Status>> + Send>>;

/// Finished batch results that may wait for a slow reader before programs pause.
const BATCH_RESULTS_BUFFERED: usize = 64;

/// The `CodeInterpreter` implementation. Besides serving gRPC, it is called
/// in-process by the MCP server (through the same trait methods), so both
/// front ends share sessions, limits and errors.
pub struct Api {
    sandbox: Sandbox,
    config: ServiceConfig,
    sessions: Arc<Sessions>,
    runs: Arc<Semaphore>,
    waiting_runs: Arc<AtomicUsize>,
    batches: Arc<BatchRunner>,
    metrics: Arc<Metrics>,
}

impl Api {
    /// The API over `sandbox` with `config`'s defaults and caps; fails only
    /// when the state directory cannot be created.
    pub fn new(sandbox: Sandbox, config: ServiceConfig) -> std::io::Result<Self> {
        let metrics = Arc::new(Metrics::new(Capacity {
            max_sessions: config.max_sessions,
            max_concurrent_runs: config.max_concurrent_runs,
            max_waiting_runs: config.max_waiting_runs,
            warm_instances: sandbox.warm_instances_target(),
        }));
        let runs = Arc::new(Semaphore::new(config.max_concurrent_runs));
        Ok(Self {
            sessions: Sessions::new(&config, Arc::clone(&metrics), sandbox.clone())?,
            batches: Arc::new(BatchRunner {
                sandbox: sandbox.clone(),
                config: config.clone(),
                runs: Arc::clone(&runs),
                metrics: Arc::clone(&metrics),
            }),
            runs,
            waiting_runs: Arc::new(AtomicUsize::new(0)),
            sandbox,
            config,
            metrics,
        })
    }

    /// The session table, for saving its sessions at shutdown.
    pub(super) fn sessions(&self) -> Arc<Sessions> {
        Arc::clone(&self.sessions)
    }

    /// With a state directory, saves every session there and stops it (for
    /// a front end's graceful shutdown, once it takes no more calls).
    pub async fn save_sessions(&self) {
        self.sessions.save_all().await;
    }

    /// The metrics this API counts into.
    pub(super) fn metrics(&self) -> Arc<Metrics> {
        Arc::clone(&self.metrics)
    }

    /// Receives an upload from a stream of chunks: UploadFile without gRPC's
    /// request wrapper.
    pub async fn upload(
        &self,
        chunks: impl Stream<Item = Result<proto::UploadFileChunk, Status>> + Unpin,
    ) -> Result<proto::UploadFileResponse, Status> {
        transfer::upload(&self.sessions, &self.config, chunks).await
    }

    /// Reads the server's live state, for the metrics endpoint.
    pub fn live(&self) -> impl Fn() -> Live + Send + Sync + 'static {
        let sessions = Arc::clone(&self.sessions);
        let runs = Arc::clone(&self.runs);
        let waiting = Arc::clone(&self.waiting_runs);
        let sandbox = self.sandbox.clone();
        let max_runs = self.config.max_concurrent_runs;
        move || Live {
            sessions: sessions.count(),
            warm_ready: sandbox.warm_instances_ready(),
            runs_in_flight: max_runs.saturating_sub(runs.available_permits()),
            runs_waiting: waiting.load(Ordering::Relaxed),
        }
    }

    /// Validates an Execute request and starts its cell.
    async fn start_cell(&self, request: Request<ExecuteRequest>) -> Result<CellRun, Status> {
        let received = Instant::now();
        let deadline = request::grpc_deadline(request.metadata())?;
        let request = request.into_inner();
        let span = tracing::Span::current();
        span.record("code_bytes", request.code.len());
        request::check_code(&self.config, &request.code)?;
        let remaining = || deadline.map(|deadline| deadline.saturating_sub(received.elapsed()));
        if request.session_id.is_empty() {
            self.start_one_off(&request, remaining).await
        } else {
            span.record("session", request.session_id.as_str());
            let session = self.sessions.get(&request.session_id).await?;
            let limits = request::cell_limits(&self.config, request.limits.as_ref(), remaining())?;
            let (events, activity) = session.execute(&request.code, limits)?;
            Ok(CellRun::new(
                events,
                Owner::Session(activity),
                Arc::clone(&self.metrics),
            ))
        }
    }

    /// Starts a cell on a fresh interpreter, once a run slot is free;
    /// `remaining` is what is left of the caller's deadline.
    async fn start_one_off(
        &self,
        request: &ExecuteRequest,
        remaining: impl Fn() -> Option<Duration>,
    ) -> Result<CellRun, Status> {
        let instance = request::instance_limits(
            &self.config,
            self.sandbox.max_memory_bytes(),
            request.instance_limits.as_ref(),
        )?;
        // Refuse bad limits before waiting for a slot.
        request::cell_limits(&self.config, request.limits.as_ref(), None)?;
        let slot = self.run_slot().await?;
        let session = self
            .sandbox
            .create_session(instance)
            .await
            .map_err(convert::sandbox_error)?;
        let limits = request::cell_limits(&self.config, request.limits.as_ref(), remaining())?;
        let events = session
            .execute(&request.code, limits)
            .map_err(|error| match error {
                SessionError::FuelNotMetered => Status::invalid_argument(format!(
                    "limits.fuel: {error}; set instance_limits.fuel_metered"
                )),
                _ => Status::internal(format!("a fresh interpreter failed: {error}")),
            })?;
        let owner = Owner::OneOff {
            _interpreter: session,
            _slot: slot,
        };
        Ok(CellRun::new(events, owner, Arc::clone(&self.metrics)))
    }

    /// A slot to run a cell without a session, waiting for one if all are
    /// taken (unless too many calls wait already).
    async fn run_slot(&self) -> Result<OwnedSemaphorePermit, Status> {
        if let Ok(slot) = Arc::clone(&self.runs).try_acquire_owned() {
            return Ok(slot);
        }
        let _waiting = Waiting::enter(&self.waiting_runs, self.config.max_waiting_runs)?;
        Arc::clone(&self.runs)
            .acquire_owned()
            .await
            .map_err(|_| Status::unavailable("the server is shutting down"))
    }
}

#[tonic::async_trait]
impl CodeInterpreter for Api {
    async fn create_session(
        &self,
        request: Request<proto::CreateSessionRequest>,
    ) -> Result<Response<proto::CreateSessionResponse>, Status> {
        let request = request.into_inner();
        files::check(&self.config, &request.files)?;
        let limits = request::instance_limits(
            &self.config,
            self.sandbox.max_memory_bytes(),
            request.limits.as_ref(),
        )?;
        let slot = self.sessions.reserve()?;
        let session = self
            .sandbox
            .create_session(limits)
            .await
            .map_err(convert::sandbox_error)?;
        let file_count = request.files.len();
        files::write(session.scratch_dir().to_owned(), request.files).await?;
        let session = self.sessions.insert(session, slot);
        tracing::Span::current().record("session", session.id.as_str());
        tracing::info!(session = %session.id, files = file_count, "session created");
        Ok(Response::new(proto::CreateSessionResponse {
            session: Some(self.sessions.info(&session)),
        }))
    }

    async fn close_session(
        &self,
        request: Request<proto::CloseSessionRequest>,
    ) -> Result<Response<proto::CloseSessionResponse>, Status> {
        let id = request.into_inner().session_id;
        tracing::Span::current().record("session", id.as_str());
        self.sessions.close(&id).await?;
        Ok(Response::new(proto::CloseSessionResponse {}))
    }

    async fn fork_session(
        &self,
        request: Request<proto::ForkSessionRequest>,
    ) -> Result<Response<proto::ForkSessionResponse>, Status> {
        let id = request.into_inner().session_id;
        tracing::Span::current().record("session", id.as_str());
        let source = self.sessions.get(&id).await?;
        let slot = self.sessions.reserve()?;
        let session = source.fork(&self.sandbox).await?;
        let session = self.sessions.insert(session, slot);
        tracing::info!(session = %session.id, source = %id, "session forked");
        Ok(Response::new(proto::ForkSessionResponse {
            session: Some(self.sessions.info(&session)),
        }))
    }

    type SaveSessionStream = StateStream;

    async fn save_session(
        &self,
        request: Request<proto::SaveSessionRequest>,
    ) -> Result<Response<StateStream>, Status> {
        let id = request.into_inner().session_id;
        tracing::Span::current().record("session", id.as_str());
        state::save(&self.sessions, &self.sandbox, &id)
            .await
            .map(Response::new)
    }

    async fn restore_session(
        &self,
        request: Request<tonic::Streaming<proto::SessionStateChunk>>,
    ) -> Result<Response<proto::RestoreSessionResponse>, Status> {
        let session = state::restore(&self.sessions, &self.sandbox, request.into_inner()).await?;
        Ok(Response::new(proto::RestoreSessionResponse {
            session: Some(session),
        }))
    }

    async fn interrupt_cell(
        &self,
        request: Request<proto::InterruptCellRequest>,
    ) -> Result<Response<proto::InterruptCellResponse>, Status> {
        let id = request.into_inner().session_id;
        tracing::Span::current().record("session", id.as_str());
        let interrupted = self.sessions.get_live(&id)?.interrupt();
        tracing::info!(session = %id, interrupted, "interrupt requested");
        Ok(Response::new(proto::InterruptCellResponse { interrupted }))
    }

    async fn list_sessions(
        &self,
        _request: Request<proto::ListSessionsRequest>,
    ) -> Result<Response<proto::ListSessionsResponse>, Status> {
        Ok(Response::new(proto::ListSessionsResponse {
            sessions: self.sessions.list(),
        }))
    }

    type ExecuteStream = EventStream;

    async fn execute(
        &self,
        request: Request<ExecuteRequest>,
    ) -> Result<Response<EventStream>, Status> {
        let run = self.start_cell(request).await?;
        let stream = futures_util::stream::unfold(run, |mut run| async move {
            let event = run.next().await?;
            Some((Ok(event), run))
        });
        Ok(Response::new(Box::pin(stream)))
    }

    type ExecuteBatchStream = BatchStream;

    async fn execute_batch(
        &self,
        request: Request<proto::BatchRequest>,
    ) -> Result<Response<BatchStream>, Status> {
        let deadline = request::grpc_deadline(request.metadata())?;
        let request = request.into_inner();
        let span = tracing::Span::current();
        let code_bytes: usize = request.programs.iter().map(|p| p.code.len()).sum();
        span.record("code_bytes", code_bytes);
        let session = match request.session_id.as_str() {
            "" => None,
            id => {
                span.record("session", id);
                Some(self.sessions.get(id).await?)
            }
        };
        let batch = self.batches.plan(request, deadline)?;
        let programs = batch.program_count();
        let (results, receiver) = mpsc::channel(BATCH_RESULTS_BUFFERED);
        let runner = Arc::clone(&self.batches);
        // The stream owns the task: a caller that goes away stops the batch.
        let task = AbortOnDrop(tokio::spawn(
            async move {
                let started = Instant::now();
                match session {
                    Some(session) => runner.run_in_session(batch, session, results).await,
                    None => runner.run_fresh(batch, results).await,
                }
                tracing::info!(
                    programs,
                    wall_ms = started.elapsed().as_secs_f64() * 1e3,
                    "batch finished"
                );
            }
            .instrument(span),
        ));
        let stream =
            futures_util::stream::unfold((receiver, task), |(mut receiver, task)| async move {
                let result = receiver.recv().await?;
                Some((Ok(result), (receiver, task)))
            });
        Ok(Response::new(Box::pin(stream)))
    }

    async fn execute_collected(
        &self,
        request: Request<ExecuteRequest>,
    ) -> Result<Response<proto::ExecuteResponse>, Status> {
        let mut run = self.start_cell(request).await?;
        let mut events = Vec::new();
        while let Some(event) = run.next().await {
            events.push(event);
        }
        Ok(Response::new(proto::ExecuteResponse { events }))
    }

    async fn upload_file(
        &self,
        request: Request<Streaming<proto::UploadFileChunk>>,
    ) -> Result<Response<proto::UploadFileResponse>, Status> {
        self.upload(request.into_inner()).await.map(Response::new)
    }

    type DownloadFileStream = FileStream;

    async fn download_file(
        &self,
        request: Request<proto::DownloadFileRequest>,
    ) -> Result<Response<FileStream>, Status> {
        let request = request.into_inner();
        tracing::Span::current().record("session", request.session_id.as_str());
        transfer::download(&self.sessions, request)
            .await
            .map(Response::new)
    }

    async fn list_files(
        &self,
        request: Request<proto::ListFilesRequest>,
    ) -> Result<Response<proto::ListFilesResponse>, Status> {
        let request = request.into_inner();
        tracing::Span::current().record("session", request.session_id.as_str());
        transfer::list(&self.sessions, request)
            .await
            .map(Response::new)
    }
}

/// What keeps a cell's interpreter alive while the cell runs.
enum Owner {
    /// A cell of a session.
    Session(Activity),
    /// A cell on a throwaway interpreter, holding one of the run slots.
    OneOff {
        _interpreter: Session,
        _slot: OwnedSemaphorePermit,
    },
}

/// A started cell. Dropping it before its end (the client went away or its
/// deadline passed) cancels the cell.
struct CellRun {
    events: CellEvents,
    owner: Owner,
    metrics: Arc<Metrics>,
    /// An event read ahead of its turn (see [`CellRun::next`]).
    held: Option<proto::Event>,
    finished: bool,
}

impl CellRun {
    fn new(events: CellEvents, owner: Owner, metrics: Arc<Metrics>) -> Self {
        Self {
            events,
            owner,
            metrics,
            held: None,
            finished: false,
        }
    }

    /// The next API event; the last one is always an end event. A result or
    /// an error is the cell's last event before its end, so it is held back
    /// until the end arrives (microseconds later) and both leave in one write.
    async fn next(&mut self) -> Option<proto::Event> {
        if let Some(event) = self.held.take() {
            return Some(event);
        }
        let event = self.read().await?;
        if matches!(event.kind, Some(Kind::Result(_) | Kind::Error(_))) {
            self.held = self.read().await;
        }
        Some(event)
    }

    /// The next event from the cell, as an API event.
    async fn read(&mut self) -> Option<proto::Event> {
        if self.finished {
            return None;
        }
        let event = match self.events.next().await {
            Some(Event::End(end)) => {
                self.finished = true;
                self.log_end(end.outcome, end.usage.wall_time);
                Event::End(end)
            }
            Some(event) => {
                match &event {
                    Event::Stream { text, .. } => self.metrics.output(text.len()),
                    Event::Display(display) => self
                        .metrics
                        .display(display.data.iter().map(|data| data.data.len()).sum()),
                    _ => {}
                }
                event
            }
            None => {
                self.finished = true;
                self.log_end(Outcome::Cancelled, Duration::ZERO);
                return Some(convert::event(self.vanished(), false));
            }
        };
        Some(convert::event(event, self.session_alive()))
    }

    fn session_alive(&self) -> bool {
        match &self.owner {
            Owner::Session(activity) => activity.session().is_alive(),
            Owner::OneOff { .. } => false,
        }
    }

    /// The end of a cell whose interpreter was stopped under it (its session
    /// was closed).
    fn vanished(&self) -> Event {
        Event::End(crate::CellEnd {
            outcome: Outcome::Cancelled,
            usage: crate::Usage::default(),
            output_truncated: false,
            message: Some("the session was closed while the cell ran".to_owned()),
            rolled_back_to: None,
        })
    }

    /// Counts, records on the call's span and logs the end of the cell.
    fn log_end(&self, outcome: Outcome, wall_time: Duration) {
        let (session, kind) = match &self.owner {
            Owner::Session(activity) => (activity.session().id.as_str(), CellKind::session),
            Owner::OneOff { .. } => ("", CellKind::oneoff),
        };
        self.metrics.cell(kind, outcome, wall_time);
        let span = tracing::Span::current();
        span.record("outcome", tracing::field::debug(outcome));
        span.record("cell_ms", wall_time.as_secs_f64() * 1e3);
        tracing::info!(
            session,
            outcome = ?outcome,
            wall_ms = wall_time.as_secs_f64() * 1e3,
            "cell finished"
        );
    }
}

/// Aborts a task when dropped.
pub(super) struct AbortOnDrop(pub(super) tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Counts calls waiting for a run slot while it lives.
struct Waiting(Arc<AtomicUsize>);

impl Waiting {
    fn enter(counter: &Arc<AtomicUsize>, max: usize) -> Result<Self, Status> {
        if counter.fetch_add(1, Ordering::Relaxed) >= max {
            counter.fetch_sub(1, Ordering::Relaxed);
            return Err(Status::resource_exhausted(format!(
                "{max} calls without a session are already waiting to run; retry later"
            )));
        }
        Ok(Self(Arc::clone(counter)))
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

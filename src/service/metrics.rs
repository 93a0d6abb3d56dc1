//! The service's Prometheus metrics: one registry per server, counters and
//! histograms updated on the hot path with atomics (the label sets a call
//! needs are looked up once and kept), gauges of live state and process
//! memory read at scrape time, and the HTTP endpoint that serves them.

use std::convert::Infallible;
use std::sync::OnceLock;

use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use tokio::net::TcpListener;
use tonic::Code;

use super::proto;
use crate::Outcome;

/// Histogram buckets in seconds, 1 ms to 10 minutes (the largest cell time
/// limit).
const BUCKETS: [f64; 20] = [
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0,
    120.0, 300.0, 600.0, 1800.0,
];

/// The content type of the Prometheus text format (0.0.4).
const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";
/// The content type of the OpenMetrics text format, served when asked for.
const OPENMETRICS_TEXT: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// How a cell was run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EncodeLabelValue)]
#[allow(non_camel_case_types)] // label values as exported
pub enum CellKind {
    /// A cell of a session.
    session,
    /// An Execute without a session (a fresh interpreter).
    oneoff,
    /// A program of an ExecuteBatch (counted once per program).
    batch,
}

const KINDS: usize = 3;
const OUTCOMES: usize = 9;
const CODES: usize = 17;

/// The RPCs, as labels (unknown paths share one label, so label values stay
/// bounded whatever clients send).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    CreateSession,
    CloseSession,
    ListSessions,
    Execute,
    ExecuteCollected,
    ExecuteBatch,
    UploadFile,
    DownloadFile,
    ListFiles,
    /// `grpc.health.v1.Health/*`.
    Health,
    /// Server reflection, v1 and v1alpha.
    Reflection,
    Unknown,
}

const METHODS: usize = 12;

/// The methods of the `CodeInterpreter` service.
const API_METHODS: [Method; 9] = [
    Method::CreateSession,
    Method::CloseSession,
    Method::ListSessions,
    Method::Execute,
    Method::ExecuteCollected,
    Method::ExecuteBatch,
    Method::UploadFile,
    Method::DownloadFile,
    Method::ListFiles,
];

impl Method {
    /// The method a request path names.
    pub fn from_path(path: &str) -> Self {
        if let Some(name) = path.strip_prefix("/code_interpreter.v1.CodeInterpreter/") {
            return match name {
                "CreateSession" => Self::CreateSession,
                "CloseSession" => Self::CloseSession,
                "ListSessions" => Self::ListSessions,
                "Execute" => Self::Execute,
                "ExecuteCollected" => Self::ExecuteCollected,
                "ExecuteBatch" => Self::ExecuteBatch,
                "UploadFile" => Self::UploadFile,
                "DownloadFile" => Self::DownloadFile,
                "ListFiles" => Self::ListFiles,
                _ => Self::Unknown,
            };
        }
        if path.starts_with("/grpc.health.v1.Health/") {
            Self::Health
        } else if path.starts_with("/grpc.reflection.v1.ServerReflection/")
            || path.starts_with("/grpc.reflection.v1alpha.ServerReflection/")
        {
            Self::Reflection
        } else {
            Self::Unknown
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::CreateSession => "CreateSession",
            Self::CloseSession => "CloseSession",
            Self::ListSessions => "ListSessions",
            Self::Execute => "Execute",
            Self::ExecuteCollected => "ExecuteCollected",
            Self::ExecuteBatch => "ExecuteBatch",
            Self::UploadFile => "UploadFile",
            Self::DownloadFile => "DownloadFile",
            Self::ListFiles => "ListFiles",
            Self::Health => "Health",
            Self::Reflection => "Reflection",
            Self::Unknown => "unknown",
        }
    }

    /// Whether the call runs cells (the per-client concurrency limit counts these).
    pub fn runs_cells(self) -> bool {
        matches!(
            self,
            Self::Execute | Self::ExecuteCollected | Self::ExecuteBatch
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct CellLabels {
    outcome: &'static str,
    kind: CellKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct KindLabel {
    kind: CellKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RpcLabels {
    method: &'static str,
    code: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct MethodLabel {
    method: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct ReasonLabel {
    reason: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct LimitLabel {
    limit: &'static str,
}

/// Why a session left the table.
#[derive(Debug, Clone, Copy)]
pub enum SessionEnd {
    /// CloseSession.
    Closed,
    /// No cell or transfer for the idle timeout.
    Expired,
}

/// Which per-client limit refused a call.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    Rate,
    Concurrency,
}

/// Live state read when the metrics are scraped.
#[derive(Debug, Clone, Copy, Default)]
pub struct Live {
    pub sessions: usize,
    pub warm_ready: usize,
    pub runs_in_flight: usize,
    pub runs_waiting: usize,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

fn histogram() -> Histogram {
    Histogram::new(BUCKETS)
}

/// The metrics of one server.
pub struct Metrics {
    registry: Registry,
    cells: Family<CellLabels, Counter>,
    cell_counters: [[OnceLock<Counter>; KINDS]; OUTCOMES],
    cell_seconds: HistogramFamily<KindLabel>,
    cell_histograms: [OnceLock<Histogram>; KINDS],
    rpcs: Family<RpcLabels, Counter>,
    rpc_counters: [[OnceLock<Counter>; CODES]; METHODS],
    rpc_seconds: HistogramFamily<MethodLabel>,
    rpc_histograms: [OnceLock<Histogram>; METHODS],
    rpcs_in_flight: Family<MethodLabel, Gauge>,
    rpc_gauges: [OnceLock<Gauge>; METHODS],
    sessions: Gauge,
    sessions_created: Counter,
    sessions_closed: Counter,
    sessions_expired: Counter,
    warm_ready: Gauge,
    runs_in_flight: Gauge,
    runs_waiting: Gauge,
    resident_bytes: Gauge,
    private_bytes: Gauge,
    output_bytes: Counter,
    displays: Counter,
    display_bytes: Counter,
    auth_failures: Counter,
    rate_limited: Counter,
    concurrency_limited: Counter,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

/// The server's fixed sizes, exported as gauges so dashboards can show use
/// against capacity.
#[derive(Debug, Clone, Copy)]
pub struct Capacity {
    pub max_sessions: usize,
    pub max_concurrent_runs: usize,
    pub max_waiting_runs: usize,
    pub warm_instances: usize,
}

impl Metrics {
    pub fn new(capacity: Capacity) -> Self {
        let mut r = Registry::with_prefix("code_interpreter");
        let constant = |value: usize| {
            let gauge = Gauge::<i64>::default();
            gauge.set(gauge_value(value));
            gauge
        };
        let cells = Family::<CellLabels, Counter>::default();
        r.register(
            "cells",
            "Cells run, by outcome and kind (session, oneoff, batch: one per program)",
            cells.clone(),
        );
        let cell_seconds: HistogramFamily<KindLabel> = Family::new_with_constructor(histogram);
        r.register(
            "cell_duration_seconds",
            "Wall time of cells as the interpreter measured it (batch: per program, answer cell included)",
            cell_seconds.clone(),
        );
        let rpcs = Family::<RpcLabels, Counter>::default();
        r.register(
            "rpc_requests",
            "RPCs finished, by method and gRPC status code (CANCELLED: the caller went away)",
            rpcs.clone(),
        );
        let rpc_seconds: HistogramFamily<MethodLabel> = Family::new_with_constructor(histogram);
        r.register(
            "rpc_duration_seconds",
            "Time from receiving an RPC to its last response message or status",
            rpc_seconds.clone(),
        );
        let rpcs_in_flight = Family::<MethodLabel, Gauge>::default();
        r.register(
            "rpcs_in_flight",
            "RPCs being served, by method",
            rpcs_in_flight.clone(),
        );
        let sessions = Gauge::default();
        r.register(
            "sessions",
            "Sessions held (ended interpreters count until closed or expired)",
            sessions.clone(),
        );
        r.register(
            "sessions_max",
            "Sessions the server holds at most",
            constant(capacity.max_sessions),
        );
        let sessions_created = Counter::default();
        r.register(
            "sessions_created",
            "Sessions created",
            sessions_created.clone(),
        );
        let ended = Family::<ReasonLabel, Counter>::default();
        r.register(
            "sessions_ended",
            "Sessions removed from the table, by reason (closed, expired)",
            ended.clone(),
        );
        let warm_ready = Gauge::default();
        r.register(
            "warm_instances_ready",
            "Fresh interpreters started ahead of demand and ready",
            warm_ready.clone(),
        );
        r.register(
            "warm_instances_target",
            "Fresh interpreters the warm pool keeps ready",
            constant(capacity.warm_instances),
        );
        let runs_in_flight = Gauge::default();
        r.register(
            "oneoff_runs_in_flight",
            "Cells on fresh interpreters (Execute without a session, batch programs) holding a run slot",
            runs_in_flight.clone(),
        );
        r.register(
            "oneoff_runs_max",
            "Run slots for cells on fresh interpreters",
            constant(capacity.max_concurrent_runs),
        );
        let runs_waiting = Gauge::default();
        r.register(
            "oneoff_runs_waiting",
            "Execute calls without a session waiting for a run slot",
            runs_waiting.clone(),
        );
        r.register(
            "oneoff_runs_waiting_max",
            "Execute calls without a session that may wait for a run slot",
            constant(capacity.max_waiting_runs),
        );
        let resident_bytes = Gauge::default();
        r.register(
            "process_resident_memory_bytes",
            "Resident memory of the server process (read at scrape time)",
            resident_bytes.clone(),
        );
        let private_bytes = Gauge::default();
        r.register(
            "process_private_memory_bytes",
            "Private (not shared) resident memory of the server process, from smaps_rollup",
            private_bytes.clone(),
        );
        let output_bytes = Counter::default();
        r.register(
            "output_bytes",
            "Bytes of stdout and stderr text sent by Execute and ExecuteCollected",
            output_bytes.clone(),
        );
        let displays = Counter::default();
        r.register(
            "displays",
            "Display events (charts, images, HTML) sent by Execute and ExecuteCollected",
            displays.clone(),
        );
        let display_bytes = Counter::default();
        r.register(
            "display_bytes",
            "Bytes of display data (all representations) sent by Execute and ExecuteCollected",
            display_bytes.clone(),
        );
        let auth_failures = Counter::default();
        r.register(
            "auth_failures",
            "RPCs refused for a missing or invalid bearer token",
            auth_failures.clone(),
        );
        let limited = Family::<LimitLabel, Counter>::default();
        r.register(
            "client_limited",
            "RPCs refused by a per-client limit (rate, concurrency)",
            limited.clone(),
        );
        let metrics = Self {
            registry: r,
            cells,
            cell_counters: Default::default(),
            cell_seconds,
            cell_histograms: Default::default(),
            rpcs,
            rpc_counters: Default::default(),
            rpc_seconds,
            rpc_histograms: Default::default(),
            rpcs_in_flight,
            rpc_gauges: Default::default(),
            sessions,
            sessions_created,
            sessions_closed: ended.get_or_create_owned(&ReasonLabel { reason: "closed" }),
            sessions_expired: ended.get_or_create_owned(&ReasonLabel { reason: "expired" }),
            warm_ready,
            runs_in_flight,
            runs_waiting,
            resident_bytes,
            private_bytes,
            output_bytes,
            displays,
            display_bytes,
            auth_failures,
            rate_limited: limited.get_or_create_owned(&LimitLabel { limit: "rate" }),
            concurrency_limited: limited.get_or_create_owned(&LimitLabel {
                limit: "concurrency",
            }),
        };
        metrics.create_series();
        metrics
    }

    /// Creates the usual series at zero, so that they are exported (and
    /// rates can be taken) before the first event.
    fn create_series(&self) {
        for kind in [CellKind::session, CellKind::oneoff, CellKind::batch] {
            for outcome in 1..OUTCOMES {
                self.cell_counter(kind, outcome);
            }
            self.cell_histogram(kind);
        }
        for method in API_METHODS {
            self.rpc_counter(method, Code::Ok);
            self.rpc_histogram(method);
            self.rpc_gauge(method);
        }
    }

    /// Counts a finished cell (or batch program) and its wall time.
    pub fn cell(&self, kind: CellKind, outcome: Outcome, wall: std::time::Duration) {
        self.cell_outcome(kind, outcome_index(outcome), wall);
    }

    /// Counts a finished batch program from its reported outcome.
    pub fn batch_program(&self, outcome: i32, wall_us: u64) {
        let index = proto::Outcome::try_from(outcome).map_or(0, proto_outcome_index);
        self.cell_outcome(
            CellKind::batch,
            index,
            std::time::Duration::from_micros(wall_us),
        );
    }

    fn cell_outcome(&self, kind: CellKind, outcome: usize, wall: std::time::Duration) {
        self.cell_counter(kind, outcome).inc();
        self.cell_histogram(kind).observe(wall.as_secs_f64());
    }

    fn cell_counter(&self, kind: CellKind, outcome: usize) -> &Counter {
        self.cell_counters[outcome][kind as usize].get_or_init(|| {
            self.cells.get_or_create_owned(&CellLabels {
                outcome: OUTCOME_LABELS[outcome],
                kind,
            })
        })
    }

    fn cell_histogram(&self, kind: CellKind) -> &Histogram {
        self.cell_histograms[kind as usize]
            .get_or_init(|| self.cell_seconds.get_or_create_owned(&KindLabel { kind }))
    }

    /// An RPC started: counted in flight until [`Metrics::rpc_finished`].
    pub fn rpc_started(&self, method: Method) {
        self.rpc_gauge(method).inc();
    }

    /// An RPC ended with `code` after `elapsed`.
    pub fn rpc_finished(&self, method: Method, code: Code, elapsed: std::time::Duration) {
        self.rpc_gauge(method).dec();
        self.rpc_counter(method, code).inc();
        self.rpc_histogram(method).observe(elapsed.as_secs_f64());
    }

    fn rpc_counter(&self, method: Method, code: Code) -> &Counter {
        self.rpc_counters[method as usize][code as usize].get_or_init(|| {
            self.rpcs.get_or_create_owned(&RpcLabels {
                method: method.name(),
                code: code_name(code),
            })
        })
    }

    fn rpc_histogram(&self, method: Method) -> &Histogram {
        self.rpc_histograms[method as usize].get_or_init(|| {
            self.rpc_seconds.get_or_create_owned(&MethodLabel {
                method: method.name(),
            })
        })
    }

    fn rpc_gauge(&self, method: Method) -> &Gauge {
        self.rpc_gauges[method as usize].get_or_init(|| {
            self.rpcs_in_flight.get_or_create_owned(&MethodLabel {
                method: method.name(),
            })
        })
    }

    pub fn session_created(&self) {
        self.sessions_created.inc();
    }

    pub fn session_ended(&self, why: SessionEnd) {
        match why {
            SessionEnd::Closed => self.sessions_closed.inc(),
            SessionEnd::Expired => self.sessions_expired.inc(),
        };
    }

    /// Text sent in stream events.
    pub fn output(&self, bytes: usize) {
        self.output_bytes.inc_by(bytes as u64);
    }

    /// A display event of `bytes` bytes sent.
    pub fn display(&self, bytes: usize) {
        self.displays.inc();
        self.display_bytes.inc_by(bytes as u64);
    }

    pub fn auth_failure(&self) {
        self.auth_failures.inc();
    }

    pub fn limited(&self, limit: Limit) {
        match limit {
            Limit::Rate => self.rate_limited.inc(),
            Limit::Concurrency => self.concurrency_limited.inc(),
        };
    }

    /// The metrics in the Prometheus text format (or OpenMetrics when
    /// `openmetrics`), with the gauges read now from `live` and the process.
    pub fn render(&self, live: Live, openmetrics: bool) -> String {
        self.sessions.set(gauge_value(live.sessions));
        self.warm_ready.set(gauge_value(live.warm_ready));
        self.runs_in_flight.set(gauge_value(live.runs_in_flight));
        self.runs_waiting.set(gauge_value(live.runs_waiting));
        let memory = ProcessMemory::read();
        self.resident_bytes
            .set(i64::try_from(memory.resident).unwrap_or(i64::MAX));
        self.private_bytes
            .set(i64::try_from(memory.private).unwrap_or(i64::MAX));
        let mut text = String::with_capacity(16 << 10);
        let encoded = if openmetrics {
            prometheus_client::encoding::text::encode(&mut text, &self.registry)
        } else {
            prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)
        };
        encoded.expect("writing to a String does not fail");
        text
    }
}

fn gauge_value(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

const OUTCOME_LABELS: [&str; OUTCOMES] = [
    "unspecified",
    "ok",
    "error",
    "timeout",
    "memory_limit",
    "output_limit",
    "fuel_exhausted",
    "cancelled",
    "sandbox_fault",
];

fn outcome_index(outcome: Outcome) -> usize {
    match outcome {
        Outcome::Ok => 1,
        Outcome::Error => 2,
        Outcome::Timeout => 3,
        Outcome::MemoryLimit => 4,
        Outcome::OutputLimit => 5,
        Outcome::FuelExhausted => 6,
        Outcome::Cancelled => 7,
        Outcome::SandboxFault => 8,
    }
}

fn proto_outcome_index(outcome: proto::Outcome) -> usize {
    match outcome {
        proto::Outcome::Unspecified => 0,
        proto::Outcome::Ok => 1,
        proto::Outcome::Error => 2,
        proto::Outcome::Timeout => 3,
        proto::Outcome::MemoryLimit => 4,
        proto::Outcome::OutputLimit => 5,
        proto::Outcome::FuelExhausted => 6,
        proto::Outcome::Cancelled => 7,
        proto::Outcome::SandboxFault => 8,
    }
}

/// The canonical name of a gRPC status code.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

/// Memory of this process, in bytes.
#[derive(Debug, Default, Clone, Copy)]
struct ProcessMemory {
    resident: u64,
    private: u64,
}

impl ProcessMemory {
    /// From `/proc/self/smaps_rollup` (Rss, Private_Clean + Private_Dirty),
    /// else the resident size from `/proc/self/statm`; zeros where neither
    /// can be read.
    fn read() -> Self {
        if let Ok(text) = std::fs::read_to_string("/proc/self/smaps_rollup") {
            let field = |name: &str| -> Option<u64> {
                let line = text
                    .lines()
                    .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))?;
                let kb: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
                Some(kb * 1024)
            };
            if let (Some(resident), Some(clean), Some(dirty)) =
                (field("Rss"), field("Private_Clean"), field("Private_Dirty"))
            {
                return Self {
                    resident,
                    private: clean + dirty,
                };
            }
        }
        let resident = std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
            .map_or(0, |pages| pages * page_size());
        Self {
            resident,
            private: 0,
        }
    }
}

fn page_size() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    u64::try_from(size).unwrap_or(4096)
}

/// Serves `GET /metrics` on `listener` (HTTP/1.1) until the task is dropped;
/// `live` reads the live state at each scrape.
pub async fn serve_http(
    listener: TcpListener,
    metrics: std::sync::Arc<Metrics>,
    live: impl Fn() -> Live + Send + Sync + 'static,
) {
    use http_body_util::Full;
    use hyper::body::Bytes;

    let live = std::sync::Arc::new(live);
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(error) => {
                tracing::warn!(%error, "metrics endpoint: accepting a connection failed");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                continue;
            }
        };
        let (metrics, live) = (
            std::sync::Arc::clone(&metrics),
            std::sync::Arc::clone(&live),
        );
        let service = hyper::service::service_fn(move |request: hyper::Request<_>| {
            let response = respond(&request, &metrics, &*live);
            async move { Ok::<_, Infallible>(response.map(|body: Bytes| Full::new(body))) }
        });
        tokio::spawn(async move {
            let io = hyper_util::rt::TokioIo::new(stream);
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(std::time::Duration::from_secs(10))
                .serve_connection(io, service);
            if let Err(error) = connection.await {
                tracing::debug!(%error, "metrics endpoint: connection failed");
            }
        });
    }
}

fn respond<B>(
    request: &hyper::Request<B>,
    metrics: &Metrics,
    live: &(dyn Fn() -> Live + Send + Sync),
) -> hyper::Response<hyper::body::Bytes> {
    use hyper::{Method as HttpMethod, StatusCode, header};

    let plain = |status: StatusCode, text: &'static str| {
        hyper::Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(hyper::body::Bytes::from_static(text.as_bytes()))
            .expect("a valid response")
    };
    if request.uri().path() != "/metrics" {
        return plain(
            StatusCode::NOT_FOUND,
            "not found: the metrics are at /metrics\n",
        );
    }
    if request.method() != HttpMethod::GET && request.method() != HttpMethod::HEAD {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "use GET\n");
    }
    let openmetrics = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("application/openmetrics-text"));
    let text = metrics.render(live(), openmetrics);
    hyper::Response::builder()
        .header(
            header::CONTENT_TYPE,
            if openmetrics {
                OPENMETRICS_TEXT
            } else {
                PROMETHEUS_TEXT
            },
        )
        .body(hyper::body::Bytes::from(text))
        .expect("a valid response")
}

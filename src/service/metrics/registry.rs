//! The metrics registry of one server: counters and histograms updated on
//! the hot path with atomics (the label sets a call needs are looked up once
//! and kept), gauges of live state and process memory read at scrape time.

use std::sync::OnceLock;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use tonic::Code;

use super::labels::{
    API_METHODS, CODES, CellKind, CellLabels, KINDS, KindLabel, Limit, LimitLabel, METHODS, Method,
    MethodLabel, OUTCOME_LABELS, OUTCOMES, ReasonLabel, RpcLabels, SessionEnd, code_name,
    outcome_index, proto_outcome_index,
};
use super::process::ProcessMemory;
use crate::Outcome;
use crate::service::proto;

/// Histogram buckets in seconds, 1 ms to 10 minutes (the largest cell time
/// limit).
const BUCKETS: [f64; 20] = [
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0,
    120.0, 300.0, 600.0, 1800.0,
];

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

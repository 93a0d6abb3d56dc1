//! Service load benchmark: the real `code-interpreter serve` binary under
//! trivial cells, next to native `python3` subprocesses and the service's
//! targets.
//!
//! Run with `cargo bench --bench load` (needs the guest build of
//! `guest/build.sh`; the first server start may build the snapshot and
//! compile the modules, which takes a while). For a quick smoke run with short
//! runs set `LOAD_BENCH_QUICK=1` or pass `--quick`:
//! `cargo bench --bench load -- --quick`. The native interpreter is the
//! `python3` on `PATH` (resolved to its real executable, so that launcher shims
//! such as pyenv's do not count), or `$LOAD_BENCH_PYTHON`.
//!
//! The server runs as a child process on a free loopback port, with
//! `RUST_LOG=warn` (no log line per cell); clients and server share the
//! machine's cores. Every call runs `1+1` and must end `ok` with the integer 2
//! (a native run must print `2`); anything else counts as an error. Latencies
//! are from sending the request until the end event arrives (for
//! ExecuteCollected: the response; natively: the process exit).
//!
//! What is measured, in one run:
//!
//! 1. Memory of the server process (`/proc/<pid>/smaps_rollup`): idle after
//!    start-up, with 100 sessions that each ran `x = 1`, after closing them,
//!    and after the throughput runs.
//! 2. Sequential latency of one client, `Execute` and `ExecuteCollected`
//!    without a session (a fresh instance per call), with requests 20 ms
//!    apart (the warm pool refills in between), 2 ms apart and back to back.
//! 3. Throughput of 1, 4 and 16 concurrent clients (one channel each) for a
//!    fixed time: fresh instances, one session per client, and native
//!    `python3 -c "print(1+1)"` subprocesses.

mod common;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use code_interpreter::service::proto::code_interpreter_client::CodeInterpreterClient;
use code_interpreter::service::proto::{
    CloseSessionRequest, CreateSessionRequest, ExecuteRequest, Outcome, event::Kind, value,
};
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

type GrpcClient = CodeInterpreterClient<Channel>;

const CELL: &str = "1+1";
const SESSION_CELL: &str = "x = 1";
const NATIVE_CODE: &str = "print(1+1)";
const CONCURRENCY: [usize; 3] = [1, 4, 16];
/// Pauses between paced sequential requests (not measured): 20 ms lets the
/// warm pool refill (an agent's call after some thinking), 2 ms does not.
const PACINGS: [Duration; 2] = [Duration::from_millis(20), Duration::from_millis(2)];
/// Longest wait for the server's first SERVING health answer.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(120);
/// Longest wait for the server to exit after SIGTERM before it is killed.
const STOP_TIMEOUT: Duration = Duration::from_secs(10);

const TARGET_MEDIAN: Duration = Duration::from_millis(2);
const TARGET_EXEC_PER_SEC: f64 = 500.0;
const TARGET_SESSION_MB: f64 = 5.0;

/// Run lengths (warm-up calls come on top of the measured ones).
struct Settings {
    warmup: usize,
    sequential_calls: usize,
    run_time: Duration,
    idle_sessions: usize,
    /// Wait before a memory reading, so the warm pool refills.
    settle: Duration,
}

impl Settings {
    fn full() -> Self {
        Self {
            warmup: 20,
            sequential_calls: 300,
            run_time: Duration::from_secs(5),
            idle_sessions: 100,
            settle: Duration::from_secs(2),
        }
    }

    fn quick() -> Self {
        Self {
            warmup: 2,
            sequential_calls: 20,
            run_time: Duration::from_millis(300),
            idle_sessions: 10,
            settle: Duration::from_millis(300),
        }
    }

    fn from_env() -> Self {
        if common::quick_mode("LOAD_BENCH_QUICK") {
            Self::quick()
        } else {
            Self::full()
        }
    }
}

fn main() -> Result<()> {
    let settings = Settings::from_env();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let python = common::native_python("LOAD_BENCH_PYTHON")?;
    let max_sessions = settings.idle_sessions + CONCURRENCY.iter().max().unwrap_or(&1);
    // Owned out here, so that the server is stopped outside the runtime, also
    // when a measurement fails or panics.
    let server = runtime.block_on(Server::start(max_sessions))?;
    eprintln!(
        "server pid {} on {}; native interpreter {}",
        server.pid(),
        server.address,
        python.display()
    );
    let report = runtime.block_on(measure(&server, &python, &settings))?;
    drop(server);
    report.print(&settings);
    Ok(())
}

/// Runs every scenario against `server`, printing each result as it comes.
async fn measure(server: &Server, python: &Path, settings: &Settings) -> Result<Report> {
    eprintln!("measuring 1/3: memory of idle sessions");
    let memory = idle_session_memory(server, settings).await?;

    eprintln!("measuring 2/3: sequential latency without a session");
    print_run_header("sequential, one client, fresh instance per call");
    let mut sequential = Vec::new();
    for rpc in [Rpc::Execute, Rpc::ExecuteCollected] {
        for pace in PACINGS.map(Some).into_iter().chain([None]) {
            let client = Client::fresh(server.address, rpc).await?;
            let run = sequential_run(client, settings, pace).await;
            let label = format!("{}, {}", rpc.name(), pace_name(pace));
            print_run_row(&label, &run);
            sequential.push(Sequential { rpc, pace, run });
        }
    }

    eprintln!("measuring 3/3: throughput of concurrent clients");
    let run_secs = settings.run_time.as_secs_f64();
    print_run_header(&format!("throughput, {run_secs} s per run"));
    let mut throughput = Vec::new();
    for clients in CONCURRENCY {
        throughput.push(throughput_level(server.address, python, clients, settings).await?);
    }
    let after_load = server.memory()?;
    Ok(Report {
        memory,
        after_load,
        sequential,
        throughput,
    })
}

/// Which RPC a sandbox client calls.
#[derive(Clone, Copy, PartialEq)]
enum Rpc {
    Execute,
    ExecuteCollected,
}

impl Rpc {
    fn name(self) -> &'static str {
        match self {
            Self::Execute => "Execute",
            Self::ExecuteCollected => "ExecuteCollected",
        }
    }
}

fn pace_name(pace: Option<Duration>) -> String {
    pace.map_or_else(
        || "back to back".to_owned(),
        |pace| format!("paced {} ms", pace.as_millis()),
    )
}

// ---------------------------------------------------------------------------
// The server process

/// The `code-interpreter serve` child process; stopped when dropped.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Server {
    /// Starts the server binary on a free loopback port and waits until its
    /// health service answers SERVING.
    async fn start(max_sessions: usize) -> Result<Self> {
        let address = free_loopback_address()?;
        let child = Command::new(env!("CARGO_BIN_EXE_code-interpreter"))
            .arg("serve")
            .args(["--listen", &address.to_string()])
            .args(["--max-sessions", &max_sessions.to_string()])
            .args(["--shutdown-grace", "5"])
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .context("starting the server binary")?;
        let mut server = Self { child, address };
        let started = Instant::now();
        server.wait_until_serving().await?;
        eprintln!(
            "server serving after {:.2} s",
            started.elapsed().as_secs_f64()
        );
        Ok(server)
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Polls the health service until it answers SERVING, failing early if
    /// the server exits.
    async fn wait_until_serving(&mut self) -> Result<()> {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("the server exited during start-up ({status})");
            }
            if is_serving(self.address).await {
                return Ok(());
            }
            ensure!(
                Instant::now() < deadline,
                "the server did not report SERVING within {STARTUP_TIMEOUT:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The server process's memory now.
    fn memory(&self) -> Result<Memory> {
        Memory::of_process(self.pid())
    }
}

impl Drop for Server {
    /// SIGTERM, so the server shuts down cleanly (its scratch directories
    /// removed); SIGKILL if it has not exited after [`STOP_TIMEOUT`].
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status();
        let deadline = Instant::now() + STOP_TIMEOUT;
        while Instant::now() < deadline {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("the server did not stop after SIGTERM; killing it");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback address with a port that was free a moment ago.
fn free_loopback_address() -> Result<SocketAddr> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").context("binding a loopback port")?;
    Ok(listener.local_addr()?)
}

/// Whether the server's health service answers SERVING for the whole server.
async fn is_serving(address: SocketAddr) -> bool {
    let Ok(channel) = channel(address).await else {
        return false;
    };
    let request = HealthCheckRequest {
        service: String::new(),
    };
    HealthClient::new(channel)
        .check(request)
        .await
        .is_ok_and(|response| response.into_inner().status() == ServingStatus::Serving)
}

async fn channel(address: SocketAddr) -> Result<Channel> {
    Ok(Channel::from_shared(format!("http://{address}"))?
        .connect()
        .await?)
}

// ---------------------------------------------------------------------------
// Memory

/// Memory of a process from `/proc/<pid>/smaps_rollup`, in kB.
#[derive(Clone, Copy)]
struct Memory {
    rss_kb: u64,
    pss_kb: u64,
    /// `Private_Clean` + `Private_Dirty`.
    private_kb: u64,
}

impl Memory {
    fn of_process(pid: u32) -> Result<Self> {
        let path = format!("/proc/{pid}/smaps_rollup");
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
        let field = |name: &str| -> Result<u64> {
            let line = text
                .lines()
                .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
                .with_context(|| format!("no {name} in {path}"))?;
            let kb = line.trim().trim_end_matches("kB").trim();
            kb.parse()
                .with_context(|| format!("{name} in {path}: {line:?}"))
        };
        Ok(Self {
            rss_kb: field("Rss")?,
            pss_kb: field("Pss")?,
            private_kb: field("Private_Clean")? + field("Private_Dirty")?,
        })
    }
}

/// Memory readings around idle sessions.
struct SessionMemory {
    idle: Memory,
    with_sessions: Memory,
    after_close: Memory,
    sessions: usize,
}

impl SessionMemory {
    /// Growth of the server's private memory per idle session, in MB.
    fn private_mb_per_session(&self) -> f64 {
        let delta = self.with_sessions.private_kb as f64 - self.idle.private_kb as f64;
        kb_to_mb(delta) / self.sessions as f64
    }
}

fn kb_to_mb(kb: f64) -> f64 {
    kb * 1024.0 / 1e6
}

/// Reads the idle server's memory, opens `settings.idle_sessions` sessions
/// that each run one cell, reads it again, closes them and reads once more.
async fn idle_session_memory(server: &Server, settings: &Settings) -> Result<SessionMemory> {
    tokio::time::sleep(settings.settle).await;
    let idle = server.memory()?;
    let mut grpc = CodeInterpreterClient::new(channel(server.address).await?);
    let mut sessions = Vec::with_capacity(settings.idle_sessions);
    for _ in 0..settings.idle_sessions {
        let session_id = create_session(&mut grpc).await?;
        let events = execute_collected(&mut grpc, request(&session_id, SESSION_CELL)).await?;
        check_ok(&events)?;
        sessions.push(session_id);
    }
    tokio::time::sleep(settings.settle).await;
    let with_sessions = server.memory()?;
    for session_id in sessions {
        close_session(&mut grpc, session_id).await?;
    }
    tokio::time::sleep(settings.settle).await;
    let after_close = server.memory()?;
    Ok(SessionMemory {
        idle,
        with_sessions,
        after_close,
        sessions: settings.idle_sessions,
    })
}

// ---------------------------------------------------------------------------
// Clients

/// One simulated client, running `1+1` per call.
enum Client {
    /// A gRPC client on its own channel; `session_id` is empty for a fresh
    /// instance per call.
    Sandbox {
        grpc: GrpcClient,
        rpc: Rpc,
        session_id: String,
    },
    /// Native `python3 -c "print(1+1)"` subprocesses.
    Native { python: PathBuf },
}

impl Client {
    /// A client calling `rpc` without a session.
    async fn fresh(address: SocketAddr, rpc: Rpc) -> Result<Self> {
        Ok(Self::Sandbox {
            grpc: CodeInterpreterClient::new(channel(address).await?),
            rpc,
            session_id: String::new(),
        })
    }

    /// A client calling Execute in a session of its own.
    async fn in_session(address: SocketAddr) -> Result<Self> {
        let mut grpc = CodeInterpreterClient::new(channel(address).await?);
        let session_id = create_session(&mut grpc).await?;
        Ok(Self::Sandbox {
            grpc,
            rpc: Rpc::Execute,
            session_id,
        })
    }

    /// Runs `1+1` once and returns its latency, failing unless it gave 2.
    async fn call(&mut self) -> Result<Duration> {
        match self {
            Self::Sandbox {
                grpc,
                rpc,
                session_id,
            } => sandbox_call(grpc, *rpc, request(session_id, CELL)).await,
            Self::Native { python } => native_call(python).await,
        }
    }

    /// Closes the client's session, if it has one.
    async fn close(self) -> Result<()> {
        match self {
            Self::Sandbox {
                mut grpc,
                session_id,
                ..
            } if !session_id.is_empty() => close_session(&mut grpc, session_id).await,
            _ => Ok(()),
        }
    }
}

fn request(session_id: &str, code: &str) -> ExecuteRequest {
    ExecuteRequest {
        session_id: session_id.to_owned(),
        code: code.to_owned(),
        ..ExecuteRequest::default()
    }
}

async fn create_session(grpc: &mut GrpcClient) -> Result<String> {
    let response = grpc
        .create_session(CreateSessionRequest::default())
        .await?
        .into_inner();
    Ok(response.session.context("no session info")?.session_id)
}

async fn close_session(grpc: &mut GrpcClient, session_id: String) -> Result<()> {
    grpc.close_session(CloseSessionRequest { session_id })
        .await?;
    Ok(())
}

/// Runs `request` through `rpc`; the latency ends when the end event arrives.
async fn sandbox_call(
    grpc: &mut GrpcClient,
    rpc: Rpc,
    request: ExecuteRequest,
) -> Result<Duration> {
    let started = Instant::now();
    let (events, latency) = match rpc {
        Rpc::Execute => execute_streaming(grpc, request, started).await?,
        Rpc::ExecuteCollected => {
            let events = execute_collected(grpc, request).await?;
            (events, started.elapsed())
        }
    };
    check_two(&events)?;
    Ok(latency)
}

/// The events of a streaming Execute, and the time from `started` until its
/// end event arrived.
async fn execute_streaming(
    grpc: &mut GrpcClient,
    request: ExecuteRequest,
    started: Instant,
) -> Result<(Vec<Kind>, Duration)> {
    let mut stream = grpc.execute(request).await?.into_inner();
    let (mut events, mut latency) = (Vec::new(), None);
    while let Some(event) = stream.message().await? {
        let kind = event.kind.context("an event without a kind")?;
        if matches!(kind, Kind::End(_)) {
            latency = Some(started.elapsed());
        }
        events.push(kind);
    }
    Ok((events, latency.context("no end event")?))
}

async fn execute_collected(grpc: &mut GrpcClient, request: ExecuteRequest) -> Result<Vec<Kind>> {
    let response = grpc.execute_collected(request).await?.into_inner();
    response
        .events
        .into_iter()
        .map(|event| event.kind.context("an event without a kind"))
        .collect()
}

/// Fails unless the last event is an `ok` end.
fn check_ok(events: &[Kind]) -> Result<()> {
    let Some(Kind::End(end)) = events.last() else {
        bail!("the last event is not an end event: {events:?}");
    };
    ensure!(
        end.outcome() == Outcome::Ok,
        "outcome {:?}: {}",
        end.outcome(),
        end.message
    );
    Ok(())
}

/// Fails unless the cell ended `ok` with the integer 2 as its result.
fn check_two(events: &[Kind]) -> Result<()> {
    check_ok(events)?;
    let two = events.iter().any(|event| match event {
        Kind::Result(result) => matches!(
            result.value.as_ref().and_then(|value| value.kind.as_ref()),
            Some(value::Kind::IntValue(int)) if int.int64 == Some(2) && int.decimal == "2"
        ),
        _ => false,
    });
    ensure!(two, "`{CELL}` did not give the integer 2: {events:?}");
    Ok(())
}

/// Runs `python -c "print(1+1)"`, failing unless it printed 2.
async fn native_call(python: &Path) -> Result<Duration> {
    let started = Instant::now();
    let output = tokio::process::Command::new(python)
        .args(["-c", NATIVE_CODE])
        .stdin(Stdio::null())
        .output()
        .await
        .with_context(|| format!("starting {}", python.display()))?;
    let latency = started.elapsed();
    ensure!(
        output.status.success(),
        "native python failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    ensure!(stdout.trim() == "2", "native python printed {stdout:?}");
    Ok(latency)
}

// ---------------------------------------------------------------------------
// Runs

/// Results of calls: latencies of the good ones, and the failures.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: usize,
    first_error: Option<String>,
}

impl Tally {
    fn record(&mut self, call: Result<Duration>) {
        match call {
            Ok(latency) => self.latencies.push(latency),
            Err(error) => {
                self.errors += 1;
                self.first_error.get_or_insert_with(|| format!("{error:#}"));
            }
        }
    }

    fn merge(&mut self, other: Self) {
        self.latencies.extend(other.latencies);
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }
}

/// A measured run: its calls and the time they took.
struct Run {
    /// Latencies of the successful calls, sorted.
    sorted: Vec<Duration>,
    errors: usize,
    first_error: Option<String>,
    /// Wall time the successful calls are divided by for exec/s.
    elapsed: Duration,
}

impl Run {
    fn new(mut tally: Tally, elapsed: Duration) -> Self {
        tally.latencies.sort();
        Self {
            sorted: tally.latencies,
            errors: tally.errors,
            first_error: tally.first_error,
            elapsed,
        }
    }

    fn ok(&self) -> usize {
        self.sorted.len()
    }

    /// Successful executions per second.
    fn exec_per_sec(&self) -> f64 {
        self.ok() as f64 / self.elapsed.as_secs_f64()
    }

    /// Nearest-rank percentile, `None` without successful calls.
    fn percentile(&self, percent: usize) -> Option<Duration> {
        let rank = (self.sorted.len() * percent).div_ceil(100);
        self.sorted.get(rank.max(1) - 1).copied()
    }
}

/// One client's sequential calls after `settings.warmup` unmeasured ones,
/// `pace` apart if given. Exec/s counts the time spent in calls only.
async fn sequential_run(mut client: Client, settings: &Settings, pace: Option<Duration>) -> Run {
    let (mut tally, mut busy) = (Tally::default(), Duration::ZERO);
    for i in 0..settings.warmup + settings.sequential_calls {
        let started = Instant::now();
        let call = client.call().await;
        if i >= settings.warmup {
            busy += started.elapsed();
            tally.record(call);
        }
        if let Some(pace) = pace {
            tokio::time::sleep(pace).await;
        }
    }
    Run::new(tally, busy)
}

/// `clients` calling back to back, concurrently, for `run_time`; exec/s over
/// the time until the last call finished. Returns the clients for closing.
async fn concurrent_run(clients: Vec<Client>, run_time: Duration) -> Result<(Run, Vec<Client>)> {
    let started = Instant::now();
    let deadline = started + run_time;
    let tasks: Vec<_> = clients
        .into_iter()
        .map(|client| tokio::spawn(client_loop(client, deadline)))
        .collect();
    let (mut tally, mut clients) = (Tally::default(), Vec::new());
    for task in tasks {
        let (client, client_tally) = task.await?;
        tally.merge(client_tally);
        clients.push(client);
    }
    Ok((Run::new(tally, started.elapsed()), clients))
}

/// Calls until `deadline`.
async fn client_loop(mut client: Client, deadline: Instant) -> (Client, Tally) {
    let mut tally = Tally::default();
    while Instant::now() < deadline {
        tally.record(client.call().await);
    }
    (client, tally)
}

/// A sequential run of one client.
struct Sequential {
    rpc: Rpc,
    pace: Option<Duration>,
    run: Run,
}

/// Throughput runs of one concurrency level.
struct Level {
    clients: usize,
    fresh: Run,
    sessions: Run,
    native: Run,
}

/// Fresh-instance, session and native runs with `clients` concurrent clients.
async fn throughput_level(
    address: SocketAddr,
    python: &Path,
    clients: usize,
    settings: &Settings,
) -> Result<Level> {
    let mut fresh = Vec::with_capacity(clients);
    let mut in_sessions = Vec::with_capacity(clients);
    for _ in 0..clients {
        fresh.push(Client::fresh(address, Rpc::Execute).await?);
        in_sessions.push(Client::in_session(address).await?);
    }
    let native = (0..clients)
        .map(|_| Client::Native {
            python: python.to_owned(),
        })
        .collect();

    let (fresh, _) = concurrent_run(fresh, settings.run_time).await?;
    print_run_row(&format!("N={clients:<2} Execute, fresh instance"), &fresh);
    let (sessions, in_sessions) = concurrent_run(in_sessions, settings.run_time).await?;
    print_run_row(&format!("N={clients:<2} Execute, in sessions"), &sessions);
    for client in in_sessions {
        client.close().await?;
    }
    let (native, _) = concurrent_run(native, settings.run_time).await?;
    print_run_row(&format!("N={clients:<2} native python3 -c"), &native);
    Ok(Level {
        clients,
        fresh,
        sessions,
        native,
    })
}

// ---------------------------------------------------------------------------
// Report

/// Everything measured, for the summary.
struct Report {
    memory: SessionMemory,
    after_load: Memory,
    sequential: Vec<Sequential>,
    throughput: Vec<Level>,
}

fn ms(duration: Option<Duration>) -> String {
    duration.map_or_else(
        || "-".to_owned(),
        |duration| format!("{:.3}", duration.as_secs_f64() * 1e3),
    )
}

fn verdict(met: bool) -> &'static str {
    if met { "MET" } else { "MISSED" }
}

fn print_run_header(title: &str) {
    println!("\n{title}");
    println!(
        "  {:<40} {:>6} {:>9} {:>9} {:>9} {:>6}",
        "scenario", "calls", "exec/s", "p50 ms", "p99 ms", "errors"
    );
}

fn print_run_row(label: &str, run: &Run) {
    println!(
        "  {label:<40} {:>6} {:>9.1} {:>9} {:>9} {:>6}",
        run.ok() + run.errors,
        run.exec_per_sec(),
        ms(run.percentile(50)),
        ms(run.percentile(99)),
        run.errors
    );
    if let Some(error) = &run.first_error {
        println!("    first error: {error}");
    }
}

impl Report {
    fn print(&self, settings: &Settings) {
        println!("\n== summary ==");
        self.print_throughput(settings);
        self.print_memory();
        self.print_targets();
    }

    fn print_throughput(&self, settings: &Settings) {
        let run_secs = settings.run_time.as_secs_f64();
        print!("\nexec/s ({run_secs} s per run)          ");
        for level in &self.throughput {
            print!(" {:>9}", format!("N={}", level.clients));
        }
        println!();
        self.print_levels("sandbox, fresh instance", |l| l.fresh.exec_per_sec());
        self.print_levels("sandbox, in sessions", |l| l.sessions.exec_per_sec());
        self.print_levels("native python3 -c", |l| l.native.exec_per_sec());
        self.print_levels("fresh / native (x)", |l| {
            l.fresh.exec_per_sec() / l.native.exec_per_sec()
        });
        self.print_levels("sessions / native (x)", |l| {
            l.sessions.exec_per_sec() / l.native.exec_per_sec()
        });
    }

    fn print_levels(&self, label: &str, value: impl Fn(&Level) -> f64) {
        print!("  {label:<34}");
        for level in &self.throughput {
            print!(" {:>9.1}", value(level));
        }
        println!();
    }

    fn print_memory(&self) {
        let memory = &self.memory;
        println!(
            "\nserver memory (MB)                    {:>9} {:>9} {:>9}",
            "Rss", "Pss", "Private"
        );
        let sessions = format!("with {} idle sessions", memory.sessions);
        for (label, reading) in [
            ("idle after start-up", &memory.idle),
            (sessions.as_str(), &memory.with_sessions),
            ("after closing them", &memory.after_close),
            ("after the throughput runs", &self.after_load),
        ] {
            println!(
                "  {label:<34} {:>9.1} {:>9.1} {:>9.1}",
                kb_to_mb(reading.rss_kb as f64),
                kb_to_mb(reading.pss_kb as f64),
                kb_to_mb(reading.private_kb as f64)
            );
        }
    }

    fn print_targets(&self) {
        println!("\ntargets");
        let (met, medians) = self.sequential_execute_medians();
        println!(
            "  Execute(\"1+1\") without a session, median <= {} ms: {medians} -> {}",
            TARGET_MEDIAN.as_millis(),
            verdict(met)
        );
        let (fresh, fresh_n) = self.best(|level| &level.fresh);
        let (sessions, sessions_n) = self.best(|level| &level.sessions);
        println!(
            "  >= {TARGET_EXEC_PER_SEC} trivial executions/s: fresh instances {fresh:.0} \
             (N={fresh_n}) -> {}; in sessions {sessions:.0} (N={sessions_n}) -> {}",
            verdict(fresh >= TARGET_EXEC_PER_SEC),
            verdict(sessions >= TARGET_EXEC_PER_SEC)
        );
        let per_session = self.memory.private_mb_per_session();
        println!(
            "  idle session <= {TARGET_SESSION_MB} MB private: {per_session:.2} MB \
             (delta over {} sessions) -> {}",
            self.memory.sessions,
            verdict(per_session <= TARGET_SESSION_MB)
        );
        let errors: usize = self
            .sequential
            .iter()
            .map(|seq| seq.run.errors)
            .sum::<usize>()
            + self
                .throughput
                .iter()
                .map(|l| l.fresh.errors + l.sessions.errors + l.native.errors)
                .sum::<usize>();
        println!("  errors in all runs: {errors}");
    }

    /// Whether every sequential streaming Execute run met the median target,
    /// and their medians in words.
    fn sequential_execute_medians(&self) -> (bool, String) {
        let mut met = true;
        let mut medians = Vec::new();
        for seq in self.sequential.iter().filter(|seq| seq.rpc == Rpc::Execute) {
            let median = seq.run.percentile(50);
            met &= median.is_some_and(|median| median <= TARGET_MEDIAN);
            medians.push(format!("{} ms {}", ms(median), pace_name(seq.pace)));
        }
        (met, medians.join(", "))
    }

    /// The highest exec/s of the runs `pick` chooses, with its concurrency.
    fn best(&self, pick: impl Fn(&Level) -> &Run) -> (f64, usize) {
        self.throughput
            .iter()
            .map(|level| (pick(level).exec_per_sec(), level.clients))
            .fold(
                (0.0, 0),
                |best, run| if run.0 > best.0 { run } else { best },
            )
    }
}

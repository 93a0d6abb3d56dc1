//! A real gRPC server on a loopback port, and a tonic client for it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use code_interpreter::service::proto::code_interpreter_client::CodeInterpreterClient;
use code_interpreter::service::proto::{self, event::Kind};
use code_interpreter::service::{self, ServiceConfig};
use code_interpreter::{Artifacts, Sandbox, SandboxConfig};
use tokio::sync::OnceCell;
use tonic::transport::Channel;

pub type Client = CodeInterpreterClient<Channel>;

static SHARED: OnceCell<SocketAddr> = OnceCell::const_new();

/// The address of a server shared by the tests of one binary (default
/// service configuration).
pub async fn shared() -> SocketAddr {
    *SHARED
        .get_or_init(|| async { start(ServiceConfig::default(), 2) })
        .await
}

/// Starts a server with `config` on its own thread and runtime (so it outlives
/// each test's runtime) and returns its address.
pub fn start(config: ServiceConfig, warm_instances: usize) -> SocketAddr {
    start_in(config, warm_instances, std::env::temp_dir())
}

/// Like [`start`], with the sessions' scratch directories under `scratch_root`.
pub fn start_in(config: ServiceConfig, warm_instances: usize, scratch_root: PathBuf) -> SocketAddr {
    spawn_server(config, warm_instances, scratch_root, std::future::pending()).0
}

/// A server that stops gracefully (saving its sessions when it has a state
/// directory) when [`StoppableServer::stop`] is called.
pub struct StoppableServer {
    pub address: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl StoppableServer {
    /// Starts a server with `config`.
    pub fn start(config: ServiceConfig) -> Self {
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (address, thread) = spawn_server(config, 1, std::env::temp_dir(), async {
            let _ = stopped.await;
        });
        Self {
            address,
            stop,
            thread,
        }
    }

    /// Shuts the server down and waits until it has stopped.
    pub fn stop(self) {
        let _ = self.stop.send(());
        self.thread.join().expect("the server thread");
    }
}

fn spawn_server(
    config: ServiceConfig,
    warm_instances: usize,
    scratch_root: PathBuf,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> (SocketAddr, std::thread::JoinHandle<()>) {
    let (address_tx, address_rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("server runtime");
        runtime.block_on(async move {
            let artifacts = Artifacts::load(&Artifacts::default_dir())
                .expect("guest build missing: run guest/build.sh");
            let mut sandbox_config = SandboxConfig::new(artifacts);
            sandbox_config.warm_instances = warm_instances;
            sandbox_config.scratch_root = scratch_root;
            sandbox_config.runtime = Some(tokio::runtime::Handle::current());
            config.size_sandbox(&mut sandbox_config);
            let sandbox = Sandbox::new(sandbox_config)
                .await
                .expect("starting the sandbox");
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("binding a loopback port");
            address_tx
                .send(listener.local_addr().expect("local address"))
                .expect("sending the address");
            service::serve(sandbox, config, listener, shutdown, Duration::ZERO)
                .await
                .expect("serving");
        });
    });
    (address_rx.recv().expect("the server started"), thread)
}

/// A channel to the server at `address`.
pub async fn channel(address: SocketAddr) -> Channel {
    Channel::from_shared(format!("http://{address}"))
        .expect("endpoint")
        .connect()
        .await
        .expect("connecting to the server")
}

/// A client of the shared server.
pub async fn client() -> Client {
    CodeInterpreterClient::new(channel(shared().await).await)
}

/// A client of a server of its own, started with `config` (no warm instances).
pub async fn client_with(config: ServiceConfig) -> Client {
    CodeInterpreterClient::new(channel(start(config, 0)).await)
}

/// Creates a session with default limits and returns its id.
pub async fn create_session(client: &mut Client) -> String {
    client
        .create_session(proto::CreateSessionRequest::default())
        .await
        .expect("creating a session")
        .into_inner()
        .session
        .expect("session info")
        .session_id
}

/// An Execute request for `code` in `session_id` ("" for none).
pub fn request(session_id: &str, code: &str) -> proto::ExecuteRequest {
    proto::ExecuteRequest {
        session_id: session_id.to_owned(),
        code: code.to_owned(),
        ..Default::default()
    }
}

/// What `code` printed in `session`, after checking it ran to completion.
pub async fn printed(client: &mut Client, session: &str, code: &str) -> String {
    let events = run(client, session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    stdout(&events)
}

/// An Execute request for `code` in `session_id` with a time limit.
pub fn with_timeout(session_id: &str, code: &str, timeout_ms: u64) -> proto::ExecuteRequest {
    let mut cell = request(session_id, code);
    cell.limits = Some(proto::CellLimits {
        timeout_ms,
        ..Default::default()
    });
    cell
}

/// Every message of a server stream, in order, until it ends.
pub async fn drain<T>(mut stream: tonic::Streaming<T>) -> Vec<T> {
    let mut messages = Vec::new();
    while let Some(message) = stream.message().await.expect("the stream's messages") {
        messages.push(message);
    }
    messages
}

/// The kinds of streamed events.
pub fn kinds(events: Vec<proto::Event>) -> Vec<Kind> {
    events
        .into_iter()
        .map(|event| event.kind.expect("event kind"))
        .collect()
}

/// Runs `request` through the streaming Execute and collects its events.
pub async fn execute(client: &mut Client, request: proto::ExecuteRequest) -> Vec<Kind> {
    let stream = client
        .execute(request)
        .await
        .expect("Execute accepted")
        .into_inner();
    kinds(drain(stream).await)
}

/// Runs `code` in `session_id` ("" for none) and collects its events.
pub async fn run(client: &mut Client, session_id: &str, code: &str) -> Vec<Kind> {
    execute(client, request(session_id, code)).await
}

/// Runs a cell in a session of its own on the shared server.
pub async fn run_in_new_session(code: &str) -> Vec<Kind> {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    run(&mut client, &session, code).await
}

/// Asserts that a cell runs ok and prints exactly `expected` (real pandas' output, pasted),
/// naming the first line that differs.
pub async fn prints_as_pandas(code: &str, expected: &str) {
    let events = run_in_new_session(code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let got = stdout(&events);
    if got != expected {
        let line = got
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!("differs from pandas at line {line}:\n--- got\n{got}\n--- pandas\n{expected}");
    }
}

pub fn end(events: &[Kind]) -> &proto::End {
    match events.last() {
        Some(Kind::End(end)) => end,
        other => panic!("last event is not an end event: {other:?} in {events:?}"),
    }
}

pub fn outcome(events: &[Kind]) -> proto::Outcome {
    end(events).outcome()
}

pub fn result(events: &[Kind]) -> &proto::Result {
    events
        .iter()
        .find_map(|event| match event {
            Kind::Result(result) => Some(result),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no result event in {events:?}"))
}

pub fn value(events: &[Kind]) -> proto::value::Kind {
    result(events)
        .value
        .clone()
        .and_then(|value| value.kind)
        .expect("typed value")
}

pub fn error(events: &[Kind]) -> &proto::Error {
    events
        .iter()
        .find_map(|event| match event {
            Kind::Error(error) => Some(error),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no error event in {events:?}"))
}

pub fn stdout(events: &[Kind]) -> String {
    events
        .iter()
        .filter_map(|event| match event {
            Kind::Stream(stream) if stream.name() == proto::StreamName::Stdout => {
                Some(stream.text.as_str())
            }
            _ => None,
        })
        .collect()
}

/// The chart descriptions (`application/vnd.code-interpreter.chart+json`) of the figures a
/// cell displayed, in order.
pub fn chart_descriptions(events: &[Kind]) -> Vec<serde_json::Value> {
    events
        .iter()
        .filter_map(|event| match event {
            Kind::Display(display) => display
                .data
                .iter()
                .find(|item| item.mime_type == "application/vnd.code-interpreter.chart+json")
                .map(|item| serde_json::from_slice(&item.data).expect("JSON description")),
            _ => None,
        })
        .collect()
}

/// Like [`start`], with the metrics endpoint on a second loopback port;
/// returns the gRPC and the metrics addresses.
pub fn start_with_metrics(
    config: ServiceConfig,
    warm_instances: usize,
) -> (SocketAddr, SocketAddr) {
    let (address_tx, address_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("server runtime");
        runtime.block_on(async move {
            let artifacts = Artifacts::load(&Artifacts::default_dir())
                .expect("guest build missing: run guest/build.sh");
            let mut sandbox_config = SandboxConfig::new(artifacts);
            sandbox_config.warm_instances = warm_instances;
            sandbox_config.runtime = Some(tokio::runtime::Handle::current());
            config.size_sandbox(&mut sandbox_config);
            let sandbox = Sandbox::new(sandbox_config)
                .await
                .expect("starting the sandbox");
            let bind = || tokio::net::TcpListener::bind("127.0.0.1:0");
            let grpc = bind().await.expect("binding a loopback port");
            let metrics = bind().await.expect("binding a loopback port");
            address_tx
                .send((
                    grpc.local_addr().expect("local address"),
                    metrics.local_addr().expect("local address"),
                ))
                .expect("sending the addresses");
            let listeners = service::Listeners {
                grpc,
                metrics: Some(metrics),
            };
            service::serve_with(
                sandbox,
                config,
                listeners,
                std::future::pending(),
                Duration::ZERO,
            )
            .await
            .expect("serving");
        });
    });
    address_rx.recv().expect("the server started")
}

/// Closes session `id`; the error names the status.
pub async fn close_session(client: &mut Client, id: &str) -> Result<(), String> {
    client
        .close_session(proto::CloseSessionRequest {
            session_id: id.to_owned(),
        })
        .await
        .map(drop)
        .map_err(|status| format!("CloseSession failed: {status:?}"))
}

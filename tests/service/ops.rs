//! Operations over the real gRPC API: the metrics endpoint, bearer-token
//! authentication, TLS (and mutual TLS), per-client rate and concurrency
//! limits, and the RPC span in the JSON logs of the binary.

use crate::common;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Duration;

use code_interpreter::service::proto::code_interpreter_client::CodeInterpreterClient;
use code_interpreter::service::proto::{self, BatchRequest, Program};
use code_interpreter::service::{AuthTokens, ClientRate, ServiceConfig, TlsConfig};
use common::server::{
    Client, channel, create_session, drain, kinds, outcome, request, run, start, start_with_metrics,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};
use tonic::{Code, Request};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

const TOKEN_A: &str = "test-token-a-0123456789abcdef";
const TOKEN_B: &str = "test-token-b-0123456789abcdef";

// ---------------------------------------------------------------------------
// Metrics

#[tokio::test]
async fn the_metrics_endpoint_counts_cells_rpcs_and_sessions() {
    let config = ServiceConfig {
        max_concurrent_runs: 8,
        ..ServiceConfig::default()
    };
    let (address, metrics) = start_with_metrics(config, 1);
    let mut client = Client::new(channel(address).await);

    let session = create_session(&mut client).await;
    assert_eq!(
        outcome(&run(&mut client, &session, "x = 1").await),
        proto::Outcome::Ok
    );
    assert_eq!(
        outcome(&run(&mut client, &session, "1 / 0").await),
        proto::Outcome::Error
    );
    let code = "class Picture:\n    def _repr_svg_(self):\n        return '<svg>dot</svg>'\n\n\
                display(Picture())\nprint('four')";
    assert_eq!(
        outcome(&run(&mut client, "", code).await),
        proto::Outcome::Ok
    );
    let collected = client
        .execute_collected(request("", "1 + 1"))
        .await
        .expect("ExecuteCollected")
        .into_inner();
    assert_eq!(outcome(&kinds(collected.events)), proto::Outcome::Ok);
    let programs = ["2 ** 10", "1 / 0"].map(|code| Program {
        code: code.to_owned(),
        ..Default::default()
    });
    let batch = BatchRequest {
        programs: programs.to_vec(),
        ..Default::default()
    };
    let results = drain(
        client
            .execute_batch(batch)
            .await
            .expect("batch")
            .into_inner(),
    )
    .await;
    assert_eq!(results.len(), 2);
    let missing = client
        .execute(request("no-such-session", "1"))
        .await
        .expect_err("an unknown session");
    assert_eq!(missing.code(), Code::NotFound);

    let during = scrape(metrics).await;
    assert_eq!(during.get("code_interpreter_sessions", &[]), 1.0);

    client
        .close_session(proto::CloseSessionRequest {
            session_id: session.clone(),
        })
        .await
        .expect("closing the session");
    let after = scrape(metrics).await;
    let cells = |outcome: &str, kind: &str| {
        after.get(
            "code_interpreter_cells_total",
            &[("outcome", outcome), ("kind", kind)],
        )
    };
    assert_eq!(cells("ok", "session"), 1.0);
    assert_eq!(cells("error", "session"), 1.0);
    assert_eq!(cells("ok", "oneoff"), 2.0);
    assert_eq!(cells("ok", "batch"), 1.0);
    assert_eq!(cells("error", "batch"), 1.0);
    let all_cells: f64 = after
        .find("code_interpreter_cells_total")
        .iter()
        .map(|series| after.0[*series])
        .sum();
    assert_eq!(all_cells, 6.0, "other outcomes stay at zero");
    let cell_durations = |kind: &str| {
        after.get(
            "code_interpreter_cell_duration_seconds_count",
            &[("kind", kind)],
        )
    };
    assert_eq!(cell_durations("session"), 2.0);
    assert_eq!(cell_durations("oneoff"), 2.0);
    assert_eq!(cell_durations("batch"), 2.0);
    let quick = after.get(
        "code_interpreter_cell_duration_seconds_bucket",
        &[("kind", "session"), ("le", "600")],
    );
    assert_eq!(quick, 2.0, "a cell of a session took over 600 s?");

    let rpcs = |method: &str, code: &str| {
        after.get(
            "code_interpreter_rpc_requests_total",
            &[("method", method), ("code", code)],
        )
    };
    assert_eq!(rpcs("CreateSession", "OK"), 1.0);
    assert_eq!(rpcs("Execute", "OK"), 3.0);
    assert_eq!(rpcs("Execute", "NOT_FOUND"), 1.0);
    assert_eq!(rpcs("ExecuteCollected", "OK"), 1.0);
    assert_eq!(rpcs("ExecuteBatch", "OK"), 1.0);
    assert_eq!(rpcs("CloseSession", "OK"), 1.0);
    assert_eq!(
        after.get(
            "code_interpreter_rpc_duration_seconds_count",
            &[("method", "Execute")]
        ),
        4.0
    );
    assert_eq!(
        after.get("code_interpreter_rpcs_in_flight", &[("method", "Execute")]),
        0.0
    );

    assert_eq!(after.get("code_interpreter_sessions", &[]), 0.0);
    assert_eq!(
        after.get("code_interpreter_sessions_created_total", &[]),
        1.0
    );
    assert_eq!(
        after.get(
            "code_interpreter_sessions_ended_total",
            &[("reason", "closed")]
        ),
        1.0
    );
    assert_eq!(
        after.get(
            "code_interpreter_sessions_ended_total",
            &[("reason", "expired")]
        ),
        0.0
    );
    assert_eq!(after.get("code_interpreter_sessions_max", &[]), 128.0);
    assert_eq!(after.get("code_interpreter_oneoff_runs_max", &[]), 8.0);
    assert_eq!(
        after.get("code_interpreter_oneoff_runs_in_flight", &[]),
        0.0
    );
    assert_eq!(after.get("code_interpreter_oneoff_runs_waiting", &[]), 0.0);
    assert_eq!(
        after.get("code_interpreter_warm_instances_target", &[]),
        1.0
    );
    assert!(after.get("code_interpreter_warm_instances_ready", &[]) <= 1.0);
    assert!(after.get("code_interpreter_process_resident_memory_bytes", &[]) > 1e6);
    assert!(after.get("code_interpreter_process_private_memory_bytes", &[]) > 1e6);
    assert_eq!(after.get("code_interpreter_displays_total", &[]), 1.0);
    assert!(after.get("code_interpreter_display_bytes_total", &[]) > "<svg>dot</svg>".len() as f64);
    assert_eq!(
        after.get("code_interpreter_output_bytes_total", &[]),
        "four\n".len() as f64
    );
    assert_eq!(after.get("code_interpreter_auth_failures_total", &[]), 0.0);
}

#[tokio::test]
async fn the_metrics_endpoint_serves_only_get_metrics() {
    let (_, metrics) = start_with_metrics(ServiceConfig::default(), 0);
    let (status, _, _) = http_get(metrics, "/other", "").await;
    assert_eq!(status, 404);
    let (status, content_type, body) = http_get(metrics, "/metrics", "").await;
    assert_eq!(status, 200);
    assert!(
        content_type.starts_with("text/plain; version=0.0.4"),
        "{content_type}"
    );
    assert!(
        body.contains("# TYPE code_interpreter_cells_total counter"),
        "{body}"
    );
    let (status, content_type, body) = http_get(
        metrics,
        "/metrics",
        "Accept: application/openmetrics-text; version=1.0.0\r\n",
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        content_type.starts_with("application/openmetrics-text"),
        "{content_type}"
    );
    assert!(body.ends_with("# EOF\n"), "{body}");
}

/// The samples of one scrape, by series (`name{label="value",...}` with the
/// labels sorted).
struct Scrape(BTreeMap<String, f64>);

impl Scrape {
    fn parse(text: &str) -> Self {
        let mut samples = BTreeMap::new();
        for line in text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
        {
            let (series, value) = line.rsplit_once(' ').expect("a sample line");
            let value: f64 = value.parse().expect("a sample value");
            let key = match series.split_once('{') {
                Some((name, labels)) => {
                    let labels = labels.strip_suffix('}').expect("closing brace");
                    let pairs: Vec<(&str, &str)> = labels
                        .split(',')
                        .map(|pair| {
                            let (key, value) = pair.split_once('=').expect("label=value");
                            (key, value.trim_matches('"'))
                        })
                        .collect();
                    series_key(name, &pairs)
                }
                None => series.to_owned(),
            };
            samples.insert(key, value);
        }
        Self(samples)
    }

    /// The value of a series, which must be there.
    fn get(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        let key = series_key(name, labels);
        *self
            .0
            .get(&key)
            .unwrap_or_else(|| panic!("no series {key} in {:#?}", self.0))
    }

    /// The series of one metric.
    fn find(&self, name: &str) -> Vec<&String> {
        self.0
            .keys()
            .filter(|key| key.split('{').next() == Some(name))
            .collect()
    }
}

fn series_key(name: &str, labels: &[(&str, &str)]) -> String {
    if labels.is_empty() {
        return name.to_owned();
    }
    let mut labels = labels.to_vec();
    labels.sort();
    let labels: Vec<String> = labels
        .iter()
        .map(|(key, value)| format!("{key}=\"{value}\""))
        .collect();
    format!("{name}{{{}}}", labels.join(","))
}

async fn scrape(address: SocketAddr) -> Scrape {
    let (status, _, body) = http_get(address, "/metrics", "").await;
    assert_eq!(status, 200, "{body}");
    Scrape::parse(&body)
}

/// A plain HTTP/1.1 GET: the status, the content type and the body.
async fn http_get(address: SocketAddr, path: &str, headers: &str) -> (u16, String, String) {
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connecting to the metrics endpoint");
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n{headers}\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (head, body) = response.split_once("\r\n\r\n").expect("headers and body");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let content_type = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_owned())
        })
        .unwrap_or_default();
    (status, content_type, body.to_owned())
}

// ---------------------------------------------------------------------------
// Authentication

/// `message` with `authorization: Bearer <token>`.
fn with_token<T>(message: T, token: &str) -> Request<T> {
    let mut request = Request::new(message);
    request.metadata_mut().insert(
        "authorization",
        format!("Bearer {token}").parse().expect("a header value"),
    );
    request
}

fn auth_config() -> ServiceConfig {
    ServiceConfig {
        auth_tokens: Some(AuthTokens::new([TOKEN_A, TOKEN_B]).unwrap()),
        ..ServiceConfig::default()
    }
}

#[tokio::test]
async fn auth_refuses_missing_and_wrong_tokens_on_every_rpc_but_health() {
    let address = start(auth_config(), 0);
    let channel = channel(address).await;
    let mut client = Client::new(channel.clone());

    // Unary.
    let missing = client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect_err("no token");
    assert_eq!(missing.code(), Code::Unauthenticated);
    let wrong = client
        .list_sessions(with_token(
            proto::ListSessionsRequest {},
            "not-a-token-0123456789abc",
        ))
        .await
        .expect_err("a wrong token");
    assert_eq!(wrong.code(), Code::Unauthenticated);
    assert_eq!(wrong.message(), missing.message(), "one refusal for both");
    let malformed = client
        .list_sessions(with_token(proto::ListSessionsRequest {}, ""))
        .await
        .expect_err("an empty token");
    assert_eq!(malformed.code(), Code::Unauthenticated);
    client
        .list_sessions(with_token(proto::ListSessionsRequest {}, TOKEN_A))
        .await
        .expect("the right token");

    // Server streaming.
    let refused = client
        .execute(request("", "1 + 1"))
        .await
        .expect_err("no token");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let refused = client
        .execute(with_token(
            request("", "1 + 1"),
            TOKEN_A.to_uppercase().as_str(),
        ))
        .await
        .expect_err("a wrong token");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let stream = client
        .execute(with_token(request("", "1 + 1"), TOKEN_B))
        .await
        .expect("the right token")
        .into_inner();
    assert_eq!(outcome(&kinds(drain(stream).await)), proto::Outcome::Ok);

    // Client streaming: refused before a chunk is read.
    let chunks = futures_util::stream::iter([proto::UploadFileChunk {
        session_id: "whatever".into(),
        path: "f.txt".into(),
        data: b"data".to_vec(),
        ..Default::default()
    }]);
    let refused = client.upload_file(chunks).await.expect_err("no token");
    assert_eq!(refused.code(), Code::Unauthenticated);

    // Reflection needs a token too.
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::{ServerReflectionRequest, server_reflection_request};
    let list = || {
        futures_util::stream::iter([ServerReflectionRequest {
            host: String::new(),
            message_request: Some(server_reflection_request::MessageRequest::ListServices(
                String::new(),
            )),
        }])
    };
    let mut reflection = ServerReflectionClient::new(channel.clone());
    let refused = reflection
        .server_reflection_info(list())
        .await
        .expect_err("no token");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let answers = reflection
        .server_reflection_info(with_token(list(), TOKEN_A))
        .await
        .expect("the right token")
        .into_inner();
    assert_eq!(drain(answers).await.len(), 1);

    // Health stays open, for probes.
    let health = HealthClient::new(channel)
        .check(HealthCheckRequest::default())
        .await
        .expect("health without a token")
        .into_inner();
    assert_eq!(health.status(), ServingStatus::Serving);
}

// ---------------------------------------------------------------------------
// TLS

/// A test CA and certificates it signed.
struct TestPki {
    ca_pem: String,
    issuer: rcgen::Issuer<'static, rcgen::KeyPair>,
}

impl TestPki {
    fn new() -> Self {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "code-interpreter test CA");
        params.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
        ];
        let key = rcgen::KeyPair::generate().unwrap();
        let ca_pem = params.self_signed(&key).unwrap().pem();
        Self {
            ca_pem,
            issuer: rcgen::Issuer::new(params, key),
        }
    }

    /// A certificate (PEM) and its key (PEM) for `name`, signed by the CA.
    fn issue(&self, name: &str) -> (String, String) {
        let params = rcgen::CertificateParams::new(vec![name.to_owned()]).unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        (cert.pem(), key.serialize_pem())
    }
}

fn tls_config(pki: &TestPki, client_ca: bool) -> ServiceConfig {
    let (cert, key) = pki.issue("localhost");
    ServiceConfig {
        tls: Some(TlsConfig {
            cert_pem: cert.into_bytes(),
            key_pem: key.into_bytes(),
            client_ca_pem: client_ca.then(|| pki.ca_pem.clone().into_bytes()),
        }),
        ..ServiceConfig::default()
    }
}

/// A client over TLS trusting `ca_pem`, presenting `identity` if given.
async fn tls_client(
    address: SocketAddr,
    ca_pem: &str,
    identity: Option<(String, String)>,
) -> Result<Client, tonic::transport::Error> {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca_pem))
        .domain_name("localhost");
    if let Some((cert, key)) = identity {
        tls = tls.identity(Identity::from_pem(cert, key));
    }
    let channel = Channel::from_shared(format!("https://{address}"))
        .unwrap()
        .tls_config(tls)?
        .connect()
        .await?;
    Ok(CodeInterpreterClient::new(channel))
}

/// Whether a call of `client` fails (for clients the server must refuse).
async fn refused(client: Result<Client, tonic::transport::Error>) -> bool {
    match client {
        Err(_) => true,
        Ok(mut client) => client
            .list_sessions(proto::ListSessionsRequest {})
            .await
            .is_err(),
    }
}

#[tokio::test]
async fn tls_serves_clients_that_trust_its_ca_and_refuses_plaintext() {
    let pki = TestPki::new();
    let address = start(tls_config(&pki, false), 0);
    let mut client = tls_client(address, &pki.ca_pem, None)
        .await
        .expect("a TLS connection");
    let session = create_session(&mut client).await;
    let events = run(&mut client, &session, "6 * 7").await;
    assert_eq!(outcome(&events), proto::Outcome::Ok);

    let plaintext = Channel::from_shared(format!("http://{address}"))
        .unwrap()
        .connect()
        .await
        .map(CodeInterpreterClient::new);
    assert!(refused(plaintext).await, "a plaintext client got an answer");
    let other_ca = TestPki::new();
    assert!(
        refused(tls_client(address, &other_ca.ca_pem, None).await).await,
        "a client trusting another CA got an answer"
    );
}

#[tokio::test]
async fn mutual_tls_requires_a_client_certificate_from_the_client_ca() {
    let pki = TestPki::new();
    let address = start(tls_config(&pki, true), 0);
    let mut client = tls_client(address, &pki.ca_pem, Some(pki.issue("client")))
        .await
        .expect("a mutual TLS connection");
    client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect("a client with a certificate");
    assert!(
        refused(tls_client(address, &pki.ca_pem, None).await).await,
        "a client without a certificate got an answer"
    );
    let stranger = TestPki::new();
    assert!(
        refused(tls_client(address, &pki.ca_pem, Some(stranger.issue("client"))).await).await,
        "a client with a certificate of another CA got an answer"
    );
}

#[test]
fn tls_files_go_in_pairs_and_bad_files_are_named() {
    let binary = env!("CARGO_BIN_EXE_code-interpreter");
    let dir = tempfile::tempdir().unwrap();
    let cert = dir.path().join("cert.pem");
    std::fs::write(&cert, "not a certificate").unwrap();
    let output = Command::new(binary)
        .args(["serve", "--tls-cert"])
        .arg(&cert)
        .output()
        .expect("running the binary");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--tls-key"), "{stderr}");

    let output = Command::new(binary)
        .args([
            "serve",
            "--warm-instances",
            "0",
            "--listen",
            "127.0.0.1:0",
            "--tls-cert",
        ])
        .arg(&cert)
        .arg("--tls-key")
        .arg(&cert)
        .output()
        .expect("running the binary");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cert.pem holds no PEM"), "{stderr}");
}

#[test]
fn a_token_file_without_tokens_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens");
    std::fs::write(&tokens, "# no token yet\n\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_code-interpreter"))
        .args(["serve", "--warm-instances", "0", "--listen", "127.0.0.1:0"])
        .env("CODE_INTERPRETER_AUTH_TOKENS_FILE", &tokens)
        .output()
        .expect("running the binary");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("holds no token"), "{stderr}");
}

// ---------------------------------------------------------------------------
// Per-client limits

#[tokio::test]
async fn the_client_rate_refuses_calls_beyond_the_burst_per_token() {
    let config = ServiceConfig {
        client_rate: Some(ClientRate::new(1.0 / 3600.0, 2).unwrap()),
        ..auth_config()
    };
    let address = start(config, 0);
    let channel = channel(address).await;
    let mut client = Client::new(channel.clone());
    let list = |token| with_token(proto::ListSessionsRequest {}, token);
    client.list_sessions(list(TOKEN_A)).await.expect("1st call");
    client.list_sessions(list(TOKEN_A)).await.expect("2nd call");
    let refused = client
        .list_sessions(list(TOKEN_A))
        .await
        .expect_err("over the rate");
    assert_eq!(refused.code(), Code::ResourceExhausted);
    assert!(refused.message().contains("rate limit"), "{refused:?}");
    let retry: u64 = refused
        .metadata()
        .get("retry-after")
        .expect("a retry hint")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1000..=3600).contains(&retry), "{retry}");
    let streaming = client
        .execute(with_token(request("", "1"), TOKEN_A))
        .await
        .expect_err("streaming calls count too");
    assert_eq!(streaming.code(), Code::ResourceExhausted);

    // Another token is another client.
    client
        .list_sessions(list(TOKEN_B))
        .await
        .expect("another client");
    // Health is not limited.
    for _ in 0..3 {
        HealthClient::new(channel.clone())
            .check(HealthCheckRequest::default())
            .await
            .expect("health");
    }
}

#[tokio::test]
async fn the_client_rate_keys_on_the_peer_without_auth() {
    let config = ServiceConfig {
        client_rate: Some(ClientRate::new(1.0 / 3600.0, 1).unwrap()),
        ..ServiceConfig::default()
    };
    let address = start(config, 0);
    let mut client = Client::new(channel(address).await);
    client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect("the burst");
    let refused = client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect_err("over the rate");
    assert_eq!(refused.code(), Code::ResourceExhausted);
    assert!(
        refused.message().contains("client 127.0.0.1"),
        "{refused:?}"
    );
}

#[tokio::test]
async fn the_client_concurrency_limit_refuses_a_second_running_call() {
    let config = ServiceConfig {
        client_concurrency: Some(1),
        ..auth_config()
    };
    let address = start(config, 0);
    let mut client = Client::new(channel(address).await);
    let session = client
        .create_session(with_token(proto::CreateSessionRequest::default(), TOKEN_A))
        .await
        .expect("a session")
        .into_inner()
        .session
        .unwrap()
        .session_id;
    let sleeping = client
        .execute(with_token(
            request(&session, "import time\ntime.sleep(600)"),
            TOKEN_A,
        ))
        .await
        .expect("the first call")
        .into_inner();

    let refused = client
        .execute_collected(with_token(request("", "1"), TOKEN_A))
        .await
        .expect_err("a second running call");
    assert_eq!(refused.code(), Code::ResourceExhausted);
    assert!(
        refused.message().contains("concurrency limit"),
        "{refused:?}"
    );
    assert!(refused.metadata().get("retry-after").is_some());
    let batch = BatchRequest {
        programs: vec![Program {
            code: "1".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let refused = client
        .execute_batch(with_token(batch, TOKEN_A))
        .await
        .expect_err("a batch counts too");
    assert_eq!(refused.code(), Code::ResourceExhausted);
    // Calls that run no cell pass, and so do other clients.
    client
        .list_sessions(with_token(proto::ListSessionsRequest {}, TOKEN_A))
        .await
        .expect("a call that runs no cell");
    let events = client
        .execute_collected(with_token(request("", "2 + 2"), TOKEN_B))
        .await
        .expect("another client")
        .into_inner()
        .events;
    assert_eq!(outcome(&kinds(events)), proto::Outcome::Ok);

    // Once the first call ends, the slot is free again.
    client
        .close_session(with_token(
            proto::CloseSessionRequest {
                session_id: session,
            },
            TOKEN_A,
        ))
        .await
        .expect("closing the session");
    let ended = kinds(drain(sleeping).await);
    assert_eq!(outcome(&ended), proto::Outcome::Cancelled);
    let events = client
        .execute_collected(with_token(request("", "3 + 3"), TOKEN_A))
        .await
        .expect("a call after the first ended")
        .into_inner()
        .events;
    assert_eq!(outcome(&kinds(events)), proto::Outcome::Ok);
}

// ---------------------------------------------------------------------------
// The binary: flags, and the RPC span in the JSON logs

#[tokio::test]
async fn the_binary_logs_rpc_spans_as_json_without_code_or_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let tokens = dir.path().join("tokens");
    std::fs::write(
        &tokens,
        format!("# test tokens\n{TOKEN_A}\n\n  {TOKEN_B}  \n"),
    )
    .unwrap();
    let free_port = || {
        std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
    };
    let (address, metrics) = (free_port(), free_port());
    let server = Command::new(env!("CARGO_BIN_EXE_code-interpreter"))
        .args(["serve", "--listen", &address.to_string()])
        .args(["--metrics-listen", &metrics.to_string()])
        .args(["--warm-instances", "0", "--log-format", "json"])
        .arg("--auth-token-file")
        .arg(&tokens)
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting the server");
    wait_until_serving(address).await;

    let mut client = Client::new(channel(address).await);
    let session = client
        .create_session(with_token(proto::CreateSessionRequest::default(), TOKEN_B))
        .await
        .expect("a session")
        .into_inner()
        .session
        .unwrap()
        .session_id;
    let secret = "private_marker_4711";
    let code = format!("{secret} = 1\nprint('{secret}')");
    let stream = client
        .execute(with_token(request(&session, &code), TOKEN_B))
        .await
        .expect("Execute")
        .into_inner();
    assert_eq!(outcome(&kinds(drain(stream).await)), proto::Outcome::Ok);
    let refused = client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect_err("no token");
    assert_eq!(refused.code(), Code::Unauthenticated);
    let scraped = scrape(metrics).await;
    assert_eq!(
        scraped.get(
            "code_interpreter_cells_total",
            &[("outcome", "ok"), ("kind", "session")]
        ),
        1.0
    );
    assert_eq!(
        scraped.get("code_interpreter_auth_failures_total", &[]),
        1.0
    );

    let signal = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("sending SIGTERM");
    assert!(signal.success());
    let exited = tokio::task::spawn_blocking(move || server.wait_with_output())
        .await
        .unwrap()
        .expect("the server exits");
    assert!(exited.status.success(), "{:?}", exited.status);
    let logs = String::from_utf8_lossy(&exited.stderr);
    assert!(!logs.contains(secret), "code or output in the logs: {logs}");
    assert!(!logs.contains("test-token"), "a token in the logs: {logs}");
    let lines: Vec<serde_json::Value> = logs
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    let message = |text: &str| {
        lines
            .iter()
            .filter(|line| line["message"] == text)
            .collect::<Vec<_>>()
    };
    let finished = message("cell finished");
    assert_eq!(finished.len(), 1, "{logs}");
    let span = &finished[0]["span"];
    assert_eq!(span["name"], "rpc", "{logs}");
    assert_eq!(span["method"], "Execute", "{logs}");
    assert_eq!(span["session"], session.as_str(), "{logs}");
    assert!(
        span["peer"].as_str().unwrap().starts_with("127.0.0.1:"),
        "{logs}"
    );
    assert!(
        span["client"].as_str().unwrap().starts_with("token-"),
        "{logs}"
    );
    assert_eq!(span["code_bytes"], code.len(), "{logs}");
    assert_eq!(span["outcome"], "Ok", "{logs}");
    let created = message("session created");
    assert_eq!(created[0]["span"]["method"], "CreateSession", "{logs}");
    assert_eq!(created[0]["span"]["session"], session.as_str(), "{logs}");
    let refusals = message("rpc finished");
    assert_eq!(
        refusals.len(),
        1,
        "only failures are logged at info: {logs}"
    );
    assert_eq!(refusals[0]["code"], "UNAUTHENTICATED", "{logs}");
    assert_eq!(refusals[0]["span"]["method"], "ListSessions", "{logs}");
}

/// Polls the health service until it reports SERVING (the first start may
/// compile the guest).
async fn wait_until_serving(address: SocketAddr) {
    for _ in 0..600 {
        if let Ok(connection) = tonic::transport::Endpoint::from_shared(format!("http://{address}"))
            .unwrap()
            .connect()
            .await
        {
            let status = HealthClient::new(connection)
                .check(HealthCheckRequest::default())
                .await
                .map(|response| response.into_inner().status());
            if status.is_ok_and(|status| status == ServingStatus::Serving) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the server did not start serving");
}

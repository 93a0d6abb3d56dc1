//! The binary: its flags, and the RPC span in its JSON logs.

use crate::common;

use std::process::{Command, Stdio};

use code_interpreter::service::proto::{self};
use common::server::{Client, channel, drain, kinds, outcome, request};
use tonic::Code;

use crate::ops_support::*;

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

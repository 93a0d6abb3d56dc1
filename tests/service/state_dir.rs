//! `--state-dir` over gRPC: sessions alive at a graceful shutdown and
//! sessions that expire are saved there and come back on their next call,
//! also on a restarted server; a saved session can be closed; a damaged
//! saved state is reported, never a crash.

use std::path::Path;
use std::time::Duration;

use crate::common;

use code_interpreter::service::proto::code_interpreter_client::CodeInterpreterClient;
use code_interpreter::service::{ServiceConfig, proto};
use common::server::{
    Client, StoppableServer, channel, close_session, create_session, outcome, request, stdout,
};
use tonic::Code;

fn config(dir: &Path, idle_timeout: Duration) -> ServiceConfig {
    ServiceConfig {
        state_dir: Some(dir.to_owned()),
        idle_timeout,
        ..ServiceConfig::default()
    }
}

async fn connect(server: &StoppableServer) -> Client {
    CodeInterpreterClient::new(channel(server.address).await)
}

/// Runs `code` in `session`: its stdout, or the call's status.
async fn printed(client: &mut Client, session: &str, code: &str) -> Result<String, tonic::Status> {
    let stream = client.execute(request(session, code)).await?.into_inner();
    let events: Vec<_> = common::server::drain(stream)
        .await
        .into_iter()
        .filter_map(|event| event.kind)
        .collect();
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    Ok(stdout(&events))
}

async fn listed(client: &mut Client) -> Vec<String> {
    let response = client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect("listed")
        .into_inner();
    response
        .sessions
        .into_iter()
        .map(|session| session.session_id)
        .collect()
}

/// Waits until the server's one session has expired and been saved in `dir`.
async fn wait_until_saved(client: &mut Client, dir: &Path) {
    let mut waited = Duration::ZERO;
    while !listed(client).await.is_empty() || saved_files(dir) == 0 {
        assert!(
            waited < Duration::from_secs(20),
            "the session never expired"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
        waited += Duration::from_millis(200);
    }
}

/// Saved sessions in `dir` (files being written are not counted).
fn saved_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("state dir")
        .filter(|entry| {
            let name = entry.as_ref().expect("entry").file_name();
            name.to_string_lossy().ends_with(".cistate")
        })
        .count()
}

const SETUP: &str = "import numpy as np, pandas as pd\n\
                     a = np.arange(10)\n\
                     df = pd.DataFrame({'x': [1, 2, 3]})\n\
                     with open('/mnt/data/note.txt', 'w') as f:\n    f.write('kept')\n\
                     k = 41";
const REPORT: &str =
    "k += 1\nprint(k, int(a.sum()), int(df['x'].sum()), open('/mnt/data/note.txt').read())";

#[tokio::test]
async fn sessions_alive_at_shutdown_come_back_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let first = StoppableServer::start(config(dir.path(), Duration::from_secs(600)));
    let mut client = connect(&first).await;
    let session = create_session(&mut client).await;
    printed(&mut client, &session, SETUP).await.expect("setup");
    drop(client);
    first.stop();
    assert_eq!(saved_files(dir.path()), 1);

    let second = StoppableServer::start(config(dir.path(), Duration::from_secs(600)));
    let mut client = connect(&second).await;
    assert!(listed(&mut client).await.is_empty());
    assert_eq!(
        printed(&mut client, &session, REPORT)
            .await
            .expect("report"),
        "42 45 6 kept\n"
    );
    // Back among the live sessions; its state file is gone.
    assert_eq!(listed(&mut client).await, vec![session.clone()]);
    assert_eq!(saved_files(dir.path()), 0);
    assert_eq!(
        printed(&mut client, &session, "print(k)").await.unwrap(),
        "42\n"
    );
    second.stop();
}

#[tokio::test]
async fn an_expired_session_is_saved_and_comes_back_on_its_next_call() {
    let dir = tempfile::tempdir().unwrap();
    let server = StoppableServer::start(config(dir.path(), Duration::from_secs(1)));
    let mut client = connect(&server).await;
    let session = create_session(&mut client).await;
    printed(&mut client, &session, SETUP).await.expect("setup");
    wait_until_saved(&mut client, dir.path()).await;
    assert_eq!(saved_files(dir.path()), 1);
    assert_eq!(
        printed(&mut client, &session, REPORT)
            .await
            .expect("report"),
        "42 45 6 kept\n"
    );

    // Closing a saved session deletes its state: it does not come back.
    wait_until_saved(&mut client, dir.path()).await;
    assert_eq!(saved_files(dir.path()), 1);
    close_session(&mut client, &session).await.expect("closed");
    assert_eq!(saved_files(dir.path()), 0);
    let status = printed(&mut client, &session, "print(k)")
        .await
        .expect_err("closed");
    assert_eq!(status.code(), Code::NotFound);
    assert!(status.message().contains("closed"), "{status:?}");
    server.stop();
}

#[tokio::test]
async fn a_damaged_saved_state_is_reported_and_the_server_stays_up() {
    let dir = tempfile::tempdir().unwrap();
    let first = StoppableServer::start(config(dir.path(), Duration::from_secs(600)));
    let mut client = connect(&first).await;
    let session = create_session(&mut client).await;
    printed(&mut client, &session, "k = 1")
        .await
        .expect("setup");
    drop(client);
    first.stop();
    let file = dir.path().join(format!("{session}.cistate"));
    let mut bytes = std::fs::read(&file).expect("saved state");
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&file, bytes).unwrap();

    let second = StoppableServer::start(config(dir.path(), Duration::from_secs(600)));
    let mut client = connect(&second).await;
    let status = printed(&mut client, &session, "print(k)")
        .await
        .expect_err("damaged");
    assert_eq!(status.code(), Code::NotFound, "{status:?}");
    assert!(
        status.message().contains("restoring it failed"),
        "{status:?}"
    );
    // Other sessions are served as before.
    let other = create_session(&mut client).await;
    assert_eq!(
        printed(&mut client, &other, "print(2 + 2)").await.unwrap(),
        "4\n"
    );
    second.stop();
}

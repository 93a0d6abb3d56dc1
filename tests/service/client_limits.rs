//! Per-client rate and concurrency limits over the real gRPC API.

use crate::common;

use code_interpreter::service::proto::{self, BatchRequest, Program};
use code_interpreter::service::{ClientRate, ServiceConfig};
use common::server::{Client, channel, drain, kinds, outcome, request, start};
use tonic::Code;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

use crate::ops_support::*;

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

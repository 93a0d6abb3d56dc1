//! The metrics endpoint over the real gRPC API: cell, RPC and session counters and the scrape
//! formats.

use crate::common;

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self, BatchRequest, Program};
use common::server::{
    Client, channel, create_session, drain, kinds, outcome, request, run, start_with_metrics,
};
use tonic::Code;

use crate::ops_support::*;

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

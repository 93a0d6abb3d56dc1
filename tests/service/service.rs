//! The gRPC API end to end: a real server on a loopback port, a tonic client.

use crate::common;

use std::time::Duration;

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self, event::Kind, value::Kind as V};
use common::server::{
    Client, channel, client, create_session, drain, end, error, execute, kinds, outcome, request,
    result, run, start, stdout, value,
};
use tonic::Code;

#[tokio::test]
async fn a_session_keeps_its_variables_across_three_cells() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let first = run(&mut client, &session, "x = 20").await;
    assert_eq!(outcome(&first), proto::Outcome::Ok);
    let second = run(&mut client, &session, "y = x + 1\nprint('y is', y)").await;
    assert_eq!(stdout(&second), "y is 21\n");
    let third = run(&mut client, &session, "x * y").await;
    assert_eq!(value(&third), V::IntValue(int("420", Some(420))));
    assert_eq!(end(&third).usage.unwrap().execution_count, 3);
    assert!(end(&third).session_alive);
}

#[tokio::test]
async fn big_integers_come_back_exact() {
    let mut client = client().await;
    let events = run(&mut client, "", "2**200 + 1").await;
    let expected = "1606938044258990275541962092341162602522202993782792835301377";
    assert_eq!(value(&events), V::IntValue(int(expected, None)));
    assert_eq!(result(&events).text_plain, expected);
    assert!(
        !end(&events).session_alive,
        "a one-off interpreter is thrown away"
    );
}

#[tokio::test]
async fn sympy_results_carry_latex() {
    let mut client = client().await;
    let code = "import sympy as sp\nx = sp.symbols('x')\nsp.integrate(sp.sin(x)**2, x)";
    let events = run(&mut client, "", code).await;
    let V::SymbolicValue(symbolic) = value(&events) else {
        panic!("not symbolic: {events:?}");
    };
    assert_eq!(symbolic.text, "x/2 - sin(x)*cos(x)/2");
    assert_eq!(
        result(&events).text_latex.as_deref(),
        Some(r"\frac{x}{2} - \frac{\sin{\left(x \right)} \cos{\left(x \right)}}{2}")
    );
}

#[tokio::test]
async fn an_exception_is_an_error_event_not_an_rpc_failure() {
    let mut client = client().await;
    let events = run(&mut client, "", "def f(d):\n    return 1 / d\n\nf(0)").await;
    assert_eq!(outcome(&events), proto::Outcome::Error);
    let error = error(&events);
    assert_eq!(error.ename, "ZeroDivisionError");
    assert_eq!(error.evalue, "division by zero");
    let traceback = error.traceback.join("\n");
    assert!(traceback.contains("line 4"), "{traceback}");
    assert!(traceback.contains("return 1 / d"), "{traceback}");
    assert!(
        !traceback.contains("guest_runtime"),
        "runner frames leak: {traceback}"
    );
}

#[tokio::test]
async fn the_callers_deadline_bounds_the_cell() {
    let mut client = client().await;
    let mut call = tonic::Request::new(request("", "import time\ntime.sleep(30)"));
    call.set_timeout(Duration::from_secs(1));
    let stream = client.execute(call).await.expect("accepted").into_inner();
    let events = kinds(drain(stream).await);
    assert_eq!(outcome(&events), proto::Outcome::Timeout);
}

#[tokio::test]
async fn a_memory_bomb_hits_the_memory_cap() {
    let mut client = client().await;
    let mut bomb = request("", "b = bytearray(300 * 1024 * 1024)");
    bomb.instance_limits = Some(proto::InstanceLimits {
        memory_bytes: 128 << 20,
        ..Default::default()
    });
    let events = execute(&mut client, bomb).await;
    assert_eq!(outcome(&events), proto::Outcome::MemoryLimit, "{events:?}");
    assert_eq!(error(&events).ename, "MemoryError");
    assert!(end(&events).usage.unwrap().peak_memory_bytes <= 128 << 20);
}

#[tokio::test]
async fn output_past_the_cap_is_dropped_and_flagged() {
    let mut client = client().await;
    let mut chatty = request("", "for i in range(100000):\n    print(i)\n'done'");
    chatty.limits = Some(proto::CellLimits {
        max_output_bytes: 1000,
        ..Default::default()
    });
    let events = execute(&mut client, chatty).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok);
    assert!(end(&events).output_truncated);
    let printed = stdout(&events);
    assert_eq!(printed.len(), 1000);
    assert!(printed.starts_with("0\n1\n2\n"));
    assert_eq!(value(&events), V::StrValue("done".into()));
}

#[tokio::test]
async fn unknown_and_closed_sessions_are_not_found() {
    let mut client = client().await;
    let status = client
        .execute(request("no-such-session", "1"))
        .await
        .expect_err("unknown session");
    assert_eq!(status.code(), Code::NotFound);

    let session = create_session(&mut client).await;
    client
        .close_session(proto::CloseSessionRequest {
            session_id: session.clone(),
        })
        .await
        .expect("closing");
    let status = client
        .execute(request(&session, "1"))
        .await
        .expect_err("closed session");
    assert_eq!(status.code(), Code::NotFound);
    assert!(status.message().contains("closed"), "{status:?}");
}

#[tokio::test]
async fn two_sessions_cannot_see_each_others_variables_or_files() {
    let mut client = client().await;
    let first = create_session(&mut client).await;
    let second = create_session(&mut client).await;
    run(
        &mut client,
        &first,
        "secret = 42\nopen('/mnt/data/mine.txt', 'w').write('x')",
    )
    .await;
    let events = run(&mut client, &second, "secret").await;
    assert_eq!(error(&events).ename, "NameError");
    let events = run(&mut client, &second, "import os\nos.listdir('/mnt/data')").await;
    assert_eq!(
        value(&events),
        V::ListValue(proto::Sequence { items: vec![] })
    );
}

#[tokio::test]
async fn a_client_that_goes_away_cancels_its_cell() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let code = "print('started', flush=True)\nwhile True:\n    pass";
    let mut stream = client
        .execute(request(&session, code))
        .await
        .expect("accepted")
        .into_inner();
    let first = stream
        .message()
        .await
        .expect("first event")
        .expect("an event");
    assert!(matches!(first.kind, Some(Kind::Stream(_))), "{first:?}");
    drop(stream);
    // The cancelled cell gets KeyboardInterrupt and the session goes on: the
    // next cell runs (behind an endless loop, it could not otherwise).
    let next = tokio::time::timeout(Duration::from_secs(10), run(&mut client, &session, "1"))
        .await
        .expect("the cell was not cancelled");
    assert_eq!(outcome(&next), proto::Outcome::Ok);
    assert!(matches!(value(&next), V::IntValue(int) if int.int64 == Some(1)));
}

#[tokio::test]
async fn concurrent_cells_of_one_session_run_in_arrival_order() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    run(&mut client, &session, "order = []").await;
    let slow = request(&session, "import time\ntime.sleep(0.3)\norder.append(1)");
    let mut slow_client = client.clone();
    let slow_call = tokio::spawn(async move { execute(&mut slow_client, slow).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let events = run(&mut client, &session, "order.append(2)\norder").await;
    assert_eq!(outcome(&slow_call.await.unwrap()), proto::Outcome::Ok);
    let V::ListValue(order) = value(&events) else {
        panic!("not a list: {events:?}");
    };
    assert_eq!(order.items.len(), 2);
    assert_eq!(
        order.items[0].kind,
        Some(V::IntValue(int("1", Some(1)))),
        "the second cell waited for the first"
    );
}

#[tokio::test]
async fn execute_collected_returns_the_same_events() {
    let mut client = client().await;
    let response = client
        .execute_collected(request("", "print('hi')\n6 * 7"))
        .await
        .expect("ExecuteCollected")
        .into_inner();
    let events: Vec<Kind> = response.events.into_iter().filter_map(|e| e.kind).collect();
    assert_eq!(stdout(&events), "hi\n");
    assert_eq!(value(&events), V::IntValue(int("42", Some(42))));
    assert_eq!(outcome(&events), proto::Outcome::Ok);
}

#[tokio::test]
async fn sessions_start_with_their_files_and_are_listed() {
    let mut client = client().await;
    let created = client
        .create_session(proto::CreateSessionRequest {
            limits: Some(proto::InstanceLimits {
                memory_bytes: 256 << 20,
                ..Default::default()
            }),
            files: vec![proto::File {
                path: "data/numbers.csv".into(),
                content: b"a,b\n1,2\n3,4\n".to_vec(),
            }],
        })
        .await
        .expect("creating a session")
        .into_inner()
        .session
        .unwrap();
    let code = "import csv\nrows = list(csv.DictReader(open('/mnt/data/data/numbers.csv')))\nsum(int(r['a']) * int(r['b']) for r in rows)";
    let events = run(&mut client, &created.session_id, code).await;
    assert_eq!(value(&events), V::IntValue(int("14", Some(14))));

    let sessions = client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect("listing")
        .into_inner()
        .sessions;
    let listed = sessions
        .iter()
        .find(|s| s.session_id == created.session_id)
        .expect("the session is listed");
    assert_eq!(listed.state(), proto::SessionState::Idle);
    assert_eq!(listed.cells_executed, 1);
    assert_eq!(listed.limits.as_ref().unwrap().memory_bytes, 256 << 20);
}

#[tokio::test]
async fn malformed_requests_are_invalid_arguments() {
    let mut client = client().await;
    let mut too_long = request("", "1");
    too_long.limits = Some(proto::CellLimits {
        timeout_ms: 86_400_000,
        ..Default::default()
    });
    let mut too_big = request("", "1");
    too_big.instance_limits = Some(proto::InstanceLimits {
        memory_bytes: 1 << 40,
        ..Default::default()
    });
    let mut fuel_without_metering = request("", "1");
    fuel_without_metering.limits = Some(proto::CellLimits {
        fuel: Some(1000),
        ..Default::default()
    });
    let huge_code = request("", &"#".repeat(2 << 20));
    for (bad, mentions) in [
        (too_long, "timeout_ms"),
        (too_big, "memory_bytes"),
        (fuel_without_metering, "fuel"),
        (huge_code, "code"),
    ] {
        let status = client.execute(bad).await.expect_err("refused");
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        assert!(status.message().contains(mentions), "{status:?}");
    }
    for path in ["../escape.txt", "/etc/passwd", ""] {
        let status = client
            .create_session(proto::CreateSessionRequest {
                limits: None,
                files: vec![proto::File {
                    path: path.into(),
                    content: b"x".to_vec(),
                }],
            })
            .await
            .expect_err("refused");
        assert_eq!(status.code(), Code::InvalidArgument, "{path:?}: {status:?}");
    }
}

#[tokio::test]
async fn fuel_budgets_are_deterministic() {
    let mut client = client().await;
    let metered = |fuel| {
        let mut call = request("", "sum(i * i for i in range(20000))");
        call.instance_limits = Some(proto::InstanceLimits {
            fuel_metered: true,
            random_seed: Some(7),
            ..Default::default()
        });
        call.limits = Some(proto::CellLimits {
            fuel: Some(fuel),
            ..Default::default()
        });
        call
    };
    let ok = execute(&mut client, metered(10_000_000_000)).await;
    assert_eq!(outcome(&ok), proto::Outcome::Ok);
    let used = end(&ok).usage.unwrap().fuel_used.expect("fuel used");
    let again = execute(&mut client, metered(10_000_000_000)).await;
    assert_eq!(end(&again).usage.unwrap().fuel_used, Some(used));
    let starved = execute(&mut client, metered(used / 2)).await;
    assert_eq!(outcome(&starved), proto::Outcome::FuelExhausted);
}

#[tokio::test]
async fn rich_displays_arrive_as_display_events() {
    let mut client = client().await;
    let code = "class Dot:\n    def _repr_svg_(self):\n        return '<svg/>'\n    def _repr_png_(self):\n        return b'\\x89PNG fake'\nprint('before')\ndisplay(Dot(), metadata={'title': 'a dot'})\nprint('after')";
    let events = run(&mut client, "", code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let kinds: Vec<&str> = events
        .iter()
        .map(|event| match event {
            Kind::Stream(_) => "stream",
            Kind::Display(_) => "display",
            Kind::Result(_) => "result",
            Kind::Error(_) => "error",
            Kind::End(_) => "end",
        })
        .collect();
    assert_eq!(kinds, ["stream", "display", "stream", "end"]);
    let Kind::Display(display) = &events[1] else {
        unreachable!()
    };
    let data = |mime: &str| {
        display
            .data
            .iter()
            .find(|item| item.mime_type == mime)
            .map(|item| item.data.clone())
    };
    assert_eq!(data("image/png").as_deref(), Some(&b"\x89PNG fake"[..]));
    assert_eq!(data("image/svg+xml").as_deref(), Some(&b"<svg/>"[..]));
    assert!(data("text/plain").is_some());
    assert_eq!(
        display.metadata.get("title").map(String::as_str),
        Some("a dot")
    );
}

#[tokio::test]
async fn the_session_cap_and_idle_expiry_are_enforced() {
    let address = start(
        ServiceConfig {
            max_sessions: 2,
            idle_timeout: Duration::from_secs(1),
            ..ServiceConfig::default()
        },
        0,
    );
    let mut client = Client::new(channel(address).await);
    let first = create_session(&mut client).await;
    create_session(&mut client).await;
    let status = client
        .create_session(proto::CreateSessionRequest::default())
        .await
        .expect_err("over the cap");
    assert_eq!(status.code(), Code::ResourceExhausted);
    // Both sessions expire after a second without cells, freeing their slots.
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let status = client
        .execute(request(&first, "1"))
        .await
        .expect_err("expired");
    assert_eq!(status.code(), Code::NotFound);
    assert!(status.message().contains("expired"), "{status:?}");
    create_session(&mut client).await;
}

#[tokio::test]
async fn health_and_reflection_answer() {
    use tonic_health::pb::health_check_response::ServingStatus;
    use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

    let channel = channel(common::server::shared().await).await;
    let mut health = HealthClient::new(channel.clone());
    for service in ["", "code_interpreter.v1.CodeInterpreter"] {
        let status = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .expect("health check")
            .into_inner()
            .status();
        assert_eq!(status, ServingStatus::Serving, "{service:?}");
    }

    let mut reflection = ServerReflectionClient::new(channel);
    let ask = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut answers = reflection
        .server_reflection_info(tokio_stream::iter([ask]))
        .await
        .expect("reflection")
        .into_inner();
    let answer = answers
        .message()
        .await
        .expect("answer")
        .expect("one answer");
    let Some(MessageResponse::ListServicesResponse(list)) = answer.message_response else {
        panic!("unexpected answer {answer:?}");
    };
    let names: Vec<_> = list.service.iter().map(|s| s.name.as_str()).collect();
    assert!(
        names.contains(&"code_interpreter.v1.CodeInterpreter"),
        "{names:?}"
    );
    assert!(names.contains(&"grpc.health.v1.Health"), "{names:?}");
}

fn int(decimal: &str, int64: Option<i64>) -> proto::Integer {
    proto::Integer {
        decimal: decimal.to_owned(),
        int64,
    }
}

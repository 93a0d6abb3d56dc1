//! ExecuteBatch over loopback gRPC: answers, per-program limits, ordering,
//! replay, concurrency and cancellation.

use crate::common;

use std::time::Duration;

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{
    self, Answer, BatchRequest, BatchResult, CellLimits, InstanceLimits, Program, answer,
    value::Kind as V,
};
use common::server::{Client, channel, client, create_session, drain, request, start};

fn program(code: &str) -> Program {
    Program {
        code: code.to_owned(),
        ..Default::default()
    }
}

fn answer(kind: answer::Kind) -> Option<Answer> {
    Some(Answer { kind: Some(kind) })
}

/// Runs a batch and returns its results in the order they arrived.
async fn batch(client: &mut Client, request: BatchRequest) -> Vec<BatchResult> {
    let stream = client
        .execute_batch(request)
        .await
        .expect("ExecuteBatch accepted")
        .into_inner();
    drain(stream).await
}

/// `results` sorted by program index, checking each index comes once.
fn by_index(mut results: Vec<BatchResult>, programs: usize) -> Vec<BatchResult> {
    results.sort_by_key(|result| result.index);
    let indices: Vec<u32> = results.iter().map(|result| result.index).collect();
    assert_eq!(indices, (0..programs as u32).collect::<Vec<_>>());
    results
}

fn int(result: &BatchResult) -> Option<i64> {
    match result.answer.as_ref()?.kind.as_ref()? {
        V::IntValue(integer) => integer.int64,
        _ => None,
    }
}

#[tokio::test]
async fn every_answer_mode_returns_the_typed_answer() {
    let mut client = client().await;
    let code = "def solution():\n    return 6 * 7\nanswer = solution() + 1\nprint('printed', answer)\nanswer * 2";
    let modes = [
        answer::Kind::Stdout(answer::Stdout {}),
        answer::Kind::LastExpression(answer::LastExpression {}),
        answer::Kind::Variable("answer".into()),
        answer::Kind::Expression("solution()".into()),
    ];
    let request = BatchRequest {
        programs: modes
            .into_iter()
            .map(|mode| Program {
                answer: answer(mode),
                ..program(code)
            })
            .collect(),
        ..Default::default()
    };
    let results = by_index(batch(&mut client, request).await, 4);
    for result in &results {
        assert_eq!(result.outcome(), proto::Outcome::Ok, "{result:?}");
        assert_eq!(result.output, "printed 43\n");
        assert!(result.short_error.is_empty());
    }
    assert_eq!(results[0].answer_text, "printed 43\n");
    assert_eq!(
        results[0].answer.as_ref().unwrap().kind,
        Some(V::StrValue("printed 43\n".into()))
    );
    assert_eq!(int(&results[1]), Some(86));
    assert_eq!(int(&results[2]), Some(43));
    assert_eq!(int(&results[3]), Some(42));
    assert_eq!(results[3].answer_text, "42");
}

#[tokio::test]
async fn failures_stay_with_their_program() {
    let mut client = client().await;
    let short = |code: &str, timeout_ms| Program {
        limits: Some(CellLimits {
            timeout_ms,
            ..Default::default()
        }),
        ..program(code)
    };
    let request = BatchRequest {
        programs: vec![
            short("while True:\n    pass", 500),
            short("b = bytearray(400 * 1024 * 1024)", 0),
            short("1 / 0", 0),
            short("sum(range(10))", 0),
            Program {
                answer: answer(answer::Kind::Variable("missing".into())),
                ..program("x = 1")
            },
            short("total = (1 +", 0),
        ],
        instance_limits: Some(InstanceLimits {
            memory_bytes: 128 << 20,
            ..Default::default()
        }),
        ..Default::default()
    };
    let arrived = batch(&mut client, request).await;
    assert_eq!(
        arrived.last().unwrap().index,
        0,
        "the endless loop finishes last, after the others came back"
    );
    let results = by_index(arrived, 6);
    assert_eq!(results[0].outcome(), proto::Outcome::Timeout);
    assert_eq!(results[0].short_error, "timeout");
    assert_eq!(results[1].outcome(), proto::Outcome::MemoryLimit);
    assert_eq!(results[1].short_error, "memory limit");
    assert_eq!(results[2].outcome(), proto::Outcome::Error);
    assert_eq!(
        results[2].short_error,
        "ZeroDivisionError: division by zero"
    );
    assert_eq!(
        results[2].error.as_ref().unwrap().ename,
        "ZeroDivisionError"
    );
    assert_eq!(results[3].outcome(), proto::Outcome::Ok);
    assert_eq!(int(&results[3]), Some(45));
    assert_eq!(results[4].outcome(), proto::Outcome::Error);
    assert_eq!(
        results[4].short_error,
        "NameError: name 'missing' is not defined"
    );
    assert_eq!(results[5].outcome(), proto::Outcome::Error);
    assert_eq!(results[5].short_error, "SyntaxError: '(' was never closed");
}

#[tokio::test]
async fn a_batch_larger_than_its_parallelism_returns_every_result_once() {
    let mut client = client().await;
    let request = BatchRequest {
        programs: (0..40).map(|i| program(&format!("{i} * 2"))).collect(),
        max_parallel: 3,
        ..Default::default()
    };
    let results = by_index(batch(&mut client, request).await, 40);
    for (i, result) in results.iter().enumerate() {
        assert_eq!(int(result), Some(i as i64 * 2), "{result:?}");
    }
}

#[tokio::test]
async fn a_seeded_batch_with_fuel_replays_exactly() {
    let mut client = client().await;
    let code =
        "import random\nvalues = [random.randint(1, 10**9) for _ in range(1000)]\nsum(values)";
    let request = || BatchRequest {
        programs: vec![program(code), program("sum(i * i for i in range(10**7))")],
        instance_limits: Some(InstanceLimits {
            random_seed: Some(2024),
            ..Default::default()
        }),
        limits: Some(CellLimits {
            fuel: Some(200_000_000),
            ..Default::default()
        }),
        ..Default::default()
    };
    let first = by_index(batch(&mut client, request()).await, 2);
    let second = by_index(batch(&mut client, request()).await, 2);
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a.outcome, b.outcome);
        assert_eq!(a.answer, b.answer);
        assert_eq!(a.usage.unwrap().fuel_used, b.usage.unwrap().fuel_used);
    }
    assert_eq!(first[0].outcome(), proto::Outcome::Ok);
    assert_eq!(first[1].outcome(), proto::Outcome::FuelExhausted);
    assert_eq!(first[1].short_error, "fuel exhausted");
}

#[tokio::test]
async fn long_answers_keep_their_head_and_tail() {
    let mut client = client().await;
    let request = BatchRequest {
        programs: vec![program("'a' * 50 + 'z' * 50")],
        max_answer_chars: 10,
        ..Default::default()
    };
    let results = batch(&mut client, request).await;
    assert_eq!(results[0].answer_text, "'aaaa...zzzz'");
    assert!(results[0].answer_truncated);
}

#[tokio::test]
async fn a_batch_in_a_session_runs_in_order_in_one_namespace() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let request = BatchRequest {
        session_id: session.clone(),
        programs: vec![
            program("total = 1"),
            program("total += 10"),
            program("total"),
        ],
        ..Default::default()
    };
    let arrived = batch(&mut client, request).await;
    let indices: Vec<u32> = arrived.iter().map(|r| r.index).collect();
    assert_eq!(indices, [0, 1, 2]);
    assert_eq!(int(&arrived[2]), Some(11));
}

#[tokio::test]
async fn malformed_batches_are_invalid_arguments() {
    let mut client = client().await;
    let bad_variable = BatchRequest {
        programs: vec![Program {
            answer: answer(answer::Kind::Variable("not an identifier".into())),
            ..program("1")
        }],
        ..Default::default()
    };
    let too_long = BatchRequest {
        programs: vec![program("1")],
        limits: Some(CellLimits {
            timeout_ms: 86_400_000,
            ..Default::default()
        }),
        ..Default::default()
    };
    let too_much_memory = BatchRequest {
        programs: vec![program("1")],
        instance_limits: Some(InstanceLimits {
            memory_bytes: 1 << 40,
            ..Default::default()
        }),
        ..Default::default()
    };
    for bad in [bad_variable, too_long, too_much_memory] {
        let status = client.execute_batch(bad).await.expect_err("refused");
        assert_eq!(status.code(), tonic::Code::InvalidArgument, "{status:?}");
    }
    let status = client
        .execute_batch(BatchRequest {
            session_id: "nope".into(),
            programs: vec![program("1")],
            ..Default::default()
        })
        .await
        .expect_err("unknown session");
    assert_eq!(status.code(), tonic::Code::NotFound);
}

#[tokio::test]
async fn cancelling_a_batch_frees_its_interpreters() {
    let address = start(
        ServiceConfig {
            max_concurrent_runs: 2,
            ..ServiceConfig::default()
        },
        0,
    );
    let mut client = Client::new(channel(address).await);
    let sleepers = BatchRequest {
        programs: (0..4)
            .map(|_| program("import time\ntime.sleep(60)"))
            .collect(),
        ..Default::default()
    };
    let stream = client.execute_batch(sleepers).await.expect("accepted");
    tokio::time::sleep(Duration::from_millis(500)).await;
    drop(stream);
    // Both run slots were taken by sleepers; they are free again at once.
    let mut call = tonic::Request::new(request("", "6 * 7"));
    call.set_timeout(Duration::from_secs(10));
    let response = client
        .execute_collected(call)
        .await
        .expect("a slot was freed")
        .into_inner();
    let end = response.events.last().and_then(|event| event.kind.clone());
    assert!(
        matches!(end, Some(proto::event::Kind::End(end)) if end.outcome() == proto::Outcome::Ok),
        "{response:?}"
    );
}

//! Soft interrupts and live output over gRPC: a cell at its deadline, or
//! interrupted by InterruptCell, gets KeyboardInterrupt and the session keeps
//! its state; printed lines reach the caller while the cell runs.

use crate::common;

use code_interpreter::service::proto::{self, event::Kind, value::Kind as V};
use common::server::{
    Client, client, create_session, drain, end, error, execute, kinds, outcome, run, value,
    with_timeout,
};
use tonic::Code;

async fn interrupt(client: &mut Client, session: &str) -> bool {
    client
        .interrupt_cell(proto::InterruptCellRequest {
            session_id: session.to_owned(),
        })
        .await
        .expect("InterruptCell")
        .into_inner()
        .interrupted
}

fn stream_texts(events: &[Kind]) -> Vec<String> {
    events
        .iter()
        .filter_map(|event| match event {
            Kind::Stream(stream) => Some(stream.text.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_loop_past_its_time_limit_is_interrupted_and_the_session_keeps_its_variables() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    run(&mut client, &session, "x = 41").await;
    let looping = "n = 0\nwhile True:\n    n += 1";
    let events = execute(&mut client, with_timeout(&session, looping, 300)).await;
    assert_eq!(outcome(&events), proto::Outcome::Timeout);
    assert_eq!(error(&events).ename, "KeyboardInterrupt");
    assert!(end(&events).session_alive, "{events:?}");
    assert!(end(&events).message.contains("time limit"), "{events:?}");

    let after = run(&mut client, &session, "x + 1 if n > 0 else None").await;
    assert_eq!(outcome(&after), proto::Outcome::Ok);
    assert!(matches!(value(&after), V::IntValue(int) if int.int64 == Some(42)));
}

#[tokio::test]
async fn a_sleep_past_its_time_limit_ends_early_and_keeps_the_session() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let sleeping = "import time\ny = 7\ntime.sleep(30)";
    let events = execute(&mut client, with_timeout(&session, sleeping, 300)).await;
    assert_eq!(outcome(&events), proto::Outcome::Timeout);
    assert_eq!(error(&events).ename, "KeyboardInterrupt");
    assert!(end(&events).session_alive);
    let after = run(&mut client, &session, "y * 6").await;
    assert!(matches!(value(&after), V::IntValue(int) if int.int64 == Some(42)));
}

#[tokio::test]
async fn interrupt_cell_stops_a_running_cell_whose_output_arrived_while_it_ran() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    run(&mut client, &session, "x = 41").await;
    let busy = "print('ready')\nn = 0\nwhile True:\n    n += 1";
    let mut stream = client
        .execute(with_timeout(&session, busy, 60_000))
        .await
        .expect("accepted")
        .into_inner();
    // The cell never ends by itself: its line must come while it runs.
    let first = stream
        .message()
        .await
        .expect("a message")
        .expect("an event");
    assert!(
        matches!(&first.kind, Some(Kind::Stream(s)) if s.text == "ready\n"),
        "{first:?}"
    );
    assert!(interrupt(&mut client.clone(), &session).await);
    let rest = kinds(drain(stream).await);
    assert_eq!(outcome(&rest), proto::Outcome::Cancelled);
    assert_eq!(error(&rest).ename, "KeyboardInterrupt");
    assert!(end(&rest).session_alive);

    let after = run(&mut client, &session, "x + 1 if n > 0 else None").await;
    assert!(matches!(value(&after), V::IntValue(int) if int.int64 == Some(42)));
    assert!(!interrupt(&mut client, &session).await, "nothing runs now");
    let status = client
        .interrupt_cell(proto::InterruptCellRequest {
            session_id: "no-such-session".to_owned(),
        })
        .await
        .expect_err("unknown session");
    assert_eq!(status.code(), Code::NotFound);
}

#[tokio::test]
async fn lines_printed_a_second_apart_arrive_one_by_one() {
    let mut client = client().await;
    let busy_seconds = "import time\nfor i in range(3):\n    print(i)\n    t = time.monotonic()\n    while time.monotonic() - t < 1:\n        pass";
    let events = run(&mut client, "", busy_seconds).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok);
    assert_eq!(stream_texts(&events), ["0\n", "1\n", "2\n"]);

    let sleeping = "import time\nfor i in range(3):\n    print(i)\n    time.sleep(0.3)";
    let events = run(&mut client, "", sleeping).await;
    assert_eq!(stream_texts(&events), ["0\n", "1\n", "2\n"]);
}

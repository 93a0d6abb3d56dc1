//! Checkpoints over gRPC: a cell that stops its session's interpreter (past
//! the interrupt's grace, or by exiting it) ends with the session rebuilt
//! from its last checkpoint: variables, pandas tables and files as they were
//! before the cell (files uploaded since the last cell included).

use crate::common;

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self, value::Kind as V};
use common::server::{client, client_with, create_session, end, error, execute, outcome};
use common::server::{printed, request, run, value, with_timeout};
use tonic::Code;

/// A cell that catches every `KeyboardInterrupt`: only a hard stop ends it.
const STUBBORN: &str = "while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass";

#[tokio::test]
async fn a_cell_stopped_past_its_grace_leaves_the_session_as_it_was_before_it() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    run(
        &mut client,
        &session,
        "x = 41\nimport numpy as np\na = np.arange(1_000_000, dtype=np.int64)",
    )
    .await;
    run(&mut client, &session, "x += 1").await;

    let stopped = format!("x = -1\na[:] = 0\nnew = 'made by the stopped cell'\n{STUBBORN}");
    let events = execute(&mut client, with_timeout(&session, &stopped, 300)).await;
    assert_eq!(outcome(&events), proto::Outcome::Timeout);
    let ended = end(&events);
    assert!(ended.session_alive, "{events:?}");
    assert_eq!(ended.rolled_back_to, Some(2), "{events:?}");
    assert!(ended.message.contains("did not stop"), "{}", ended.message);
    assert!(
        ended.message.contains("checkpoint after cell 2"),
        "{}",
        ended.message
    );

    let after = run(&mut client, &session, "(x, int(a.sum()))").await;
    assert_eq!(outcome(&after), proto::Outcome::Ok, "{after:?}");
    assert_eq!(
        common::server::result(&after).text_plain,
        "(42, 499999500000)"
    );
    let gone = run(&mut client, &session, "new").await;
    assert_eq!(error(&gone).ename, "NameError");
    // The count goes on: the stopped cell was the 3rd.
    assert_eq!(end(&gone).usage.unwrap().execution_count, 5);
}

#[tokio::test]
async fn tables_and_files_come_back_as_they_were_at_the_checkpoint() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let setup = "import pandas as pd\n\
                 df = pd.DataFrame({'k': [1, 2, 3]})\n\
                 with open('/mnt/data/kept.txt', 'w') as f:\n    f.write('before')";
    printed(&mut client, &session, setup).await;

    // Uploaded between cells: the stopped cell found it, so it stays.
    let upload = proto::UploadFileChunk {
        session_id: session.clone(),
        path: "uploaded.csv".to_owned(),
        data: b"a,b\n1,2\n".to_vec(),
        ..Default::default()
    };
    client
        .upload_file(tokio_stream::iter([upload]))
        .await
        .expect("uploaded");

    let crash = "df['k'] = df['k'] * 100\n\
                 df2 = df.copy()\n\
                 with open('/mnt/data/kept.txt', 'w') as f:\n    f.write('after')\n\
                 with open('/mnt/data/new.txt', 'w') as f:\n    f.write('new')\n\
                 import os\nos._exit(3)";
    let events = run(&mut client, &session, crash).await;
    assert_eq!(outcome(&events), proto::Outcome::SandboxFault, "{events:?}");
    assert!(end(&events).session_alive);
    assert_eq!(end(&events).rolled_back_to, Some(1));
    // Uploaded as soon as the end event is in: the rebuild must not take it.
    let upload = proto::UploadFileChunk {
        session_id: session.clone(),
        path: "right_after.txt".to_owned(),
        data: b"late".to_vec(),
        ..Default::default()
    };
    client
        .upload_file(tokio_stream::iter([upload]))
        .await
        .expect("uploaded");

    let check = "import os\n\
                 print(df['k'].tolist(), open('/mnt/data/kept.txt').read(),\n\
                       os.path.exists('/mnt/data/new.txt'), 'df2' in globals(),\n\
                       len(pd.read_csv('/mnt/data/uploaded.csv')),\n\
                       open('/mnt/data/right_after.txt').read())";
    assert_eq!(
        printed(&mut client, &session, check).await,
        "[1, 2, 3] before False False 1 late\n"
    );
    // The rebuilt session keeps checkpoints: a second stop rolls back again.
    run(&mut client, &session, "df['k'] = df['k'] + 1").await;
    let events = execute(&mut client, with_timeout(&session, STUBBORN, 200)).await;
    assert_eq!(end(&events).rolled_back_to, Some(4), "{events:?}");
    let after = run(&mut client, &session, "int(df['k'].sum())").await;
    assert!(matches!(value(&after), V::IntValue(int) if int.int64 == Some(9)));
}

#[tokio::test]
async fn a_session_holding_an_open_file_cannot_be_rebuilt_and_says_why() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    run(&mut client, &session, "f = open('/mnt/data/log.txt', 'w')").await;
    let events = execute(&mut client, with_timeout(&session, STUBBORN, 200)).await;
    assert_eq!(outcome(&events), proto::Outcome::Timeout);
    let ended = end(&events);
    assert!(!ended.session_alive, "{events:?}");
    assert_eq!(ended.rolled_back_to, None);
    assert!(
        ended.message.contains("files were open"),
        "{}",
        ended.message
    );
}

#[tokio::test]
async fn a_first_cell_that_stops_the_interpreter_leaves_a_fresh_session() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let events = run(&mut client, &session, "y = 1\nimport os\nos._exit(0)").await;
    assert_eq!(end(&events).rolled_back_to, Some(0), "{events:?}");
    let after = run(&mut client, &session, "'y' in globals()").await;
    assert!(matches!(value(&after), V::BoolValue(false)), "{after:?}");
}

#[tokio::test]
async fn without_checkpoints_a_cell_that_stops_the_interpreter_ends_its_session() {
    let config = ServiceConfig {
        checkpoints: false,
        ..ServiceConfig::default()
    };
    let mut client = client_with(config).await;
    let session = create_session(&mut client).await;
    run(&mut client, &session, "x = 1").await;
    let events = execute(&mut client, with_timeout(&session, STUBBORN, 200)).await;
    assert_eq!(outcome(&events), proto::Outcome::Timeout);
    assert!(!end(&events).session_alive, "{events:?}");
    assert_eq!(end(&events).rolled_back_to, None);
    let status = client
        .execute(request(&session, "x"))
        .await
        .expect_err("the session has ended");
    assert_eq!(status.code(), Code::FailedPrecondition);
}

//! ForkSession over gRPC: the fork starts with a copy of the source's
//! variables, numpy arrays, pandas tables and files, and the two diverge.

use crate::common;

use code_interpreter::service::proto::{self, value::Kind as V};
use common::server::{Client, client, create_session, end, printed, run, value};
use tonic::Code;

async fn fork(client: &mut Client, session: &str) -> Result<proto::SessionInfo, tonic::Status> {
    client
        .fork_session(proto::ForkSessionRequest {
            session_id: session.to_owned(),
        })
        .await
        .map(|response| response.into_inner().session.expect("session info"))
}

#[tokio::test]
async fn a_fork_starts_with_the_sources_state_and_then_goes_its_own_way() {
    let mut client = client().await;
    let source = create_session(&mut client).await;
    let setup = "import numpy as np, pandas as pd\n\
                 a = np.arange(2_000_000)\n\
                 df = pd.DataFrame({'x': [1, 2, 3]})\n\
                 with open('/mnt/data/note.txt', 'w') as f:\n    f.write('hello')\n\
                 k = 1";
    printed(&mut client, &source, setup).await;

    let child = fork(&mut client, &source).await.expect("forked");
    assert_ne!(child.session_id, source);
    assert_eq!(child.state(), proto::SessionState::Idle);

    let diverge = "k = 2\na[0] = 99\ndf['x'] = df['x'] * 10\n\
                   with open('/mnt/data/note.txt', 'a') as f:\n    f.write(' fork')";
    printed(&mut client, &child.session_id, diverge).await;
    let report =
        "print(k, int(a[0]), int(a[-1]), int(df['x'].sum()), open('/mnt/data/note.txt').read())";
    assert_eq!(
        printed(&mut client, &child.session_id, report).await,
        "2 99 1999999 60 hello fork\n"
    );
    assert_eq!(
        printed(&mut client, &source, report).await,
        "1 0 1999999 6 hello\n"
    );

    // A fork of the fork carries its state on.
    let grandchild = fork(&mut client, &child.session_id).await.expect("forked");
    let events = run(&mut client, &grandchild.session_id, "k * 21").await;
    assert!(matches!(value(&events), V::IntValue(int) if int.int64 == Some(42)));
}

/// A fork writes large arrays into huge pages; its checkpoints must still see
/// each cell's writes there, or a rollback would bring back older values.
#[tokio::test]
async fn a_fork_rolls_back_to_its_own_last_cell() {
    let mut client = client().await;
    let source = create_session(&mut client).await;
    printed(
        &mut client,
        &source,
        "import numpy as np\na = np.arange(4_000_000, dtype=np.int64)",
    )
    .await;
    let child = fork(&mut client, &source).await.expect("forked").session_id;
    printed(&mut client, &child, "a[::1000] += 1").await;

    let events = run(&mut client, &child, "a[:] = 0\nimport os\nos._exit(1)").await;
    assert_eq!(end(&events).rolled_back_to, Some(2), "{events:?}");
    let sums = "print(int(a.sum()), int(a[1000]))";
    let expected = (0..4_000_000u64).sum::<u64>() + 4000;
    assert_eq!(
        printed(&mut client, &child, sums).await,
        format!("{expected} 1001\n")
    );
    assert_eq!(
        printed(&mut client, &source, sums).await,
        format!("{} 1000\n", expected - 4000)
    );
}

#[tokio::test]
async fn a_session_holding_a_file_open_is_not_forked_until_it_closes_it() {
    let mut client = client().await;
    let source = create_session(&mut client).await;
    printed(
        &mut client,
        &source,
        "f = open('/mnt/data/log.txt', 'w')\nf.write('a')",
    )
    .await;
    let status = fork(&mut client, &source)
        .await
        .expect_err("a file is open");
    assert_eq!(status.code(), Code::FailedPrecondition);
    assert!(status.message().contains("open file"), "{status:?}");

    printed(&mut client, &source, "f.close()").await;
    let child = fork(&mut client, &source).await.expect("forked");
    assert_eq!(
        printed(
            &mut client,
            &child.session_id,
            "print(open('/mnt/data/log.txt').read())"
        )
        .await,
        "a\n"
    );
}

#[tokio::test]
async fn forking_an_unknown_session_is_not_found() {
    let mut client = client().await;
    let status = fork(&mut client, "no-such-session")
        .await
        .expect_err("unknown session");
    assert_eq!(status.code(), Code::NotFound);
}

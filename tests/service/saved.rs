//! SaveSession and RestoreSession over gRPC: a session's state leaves as
//! bytes and comes back, on the same server or another; bytes that are not a
//! saved state are refused.

use std::io::Read;

use crate::common;

use code_interpreter::service::{ServiceConfig, proto};
use common::server::{Client, client, client_with, create_session, outcome, run, stdout};
use tonic::Code;

async fn save(client: &mut Client, session: &str) -> Result<Vec<u8>, tonic::Status> {
    let mut stream = client
        .save_session(proto::SaveSessionRequest {
            session_id: session.to_owned(),
        })
        .await?
        .into_inner();
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.message().await? {
        bytes.extend_from_slice(&chunk.data);
    }
    Ok(bytes)
}

async fn restore(client: &mut Client, bytes: &[u8]) -> Result<String, tonic::Status> {
    let chunks: Vec<_> = bytes
        .chunks(100_000)
        .map(|data| proto::SessionStateChunk {
            data: data.to_vec(),
        })
        .collect();
    let response = client
        .restore_session(futures_util::stream::iter(chunks))
        .await?
        .into_inner();
    Ok(response.session.expect("session info").session_id)
}

async fn printed(client: &mut Client, session: &str, code: &str) -> String {
    let events = run(client, session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    stdout(&events)
}

const SETUP: &str = "import numpy as np, pandas as pd\n\
                     a = np.arange(1_000_000)\n\
                     df = pd.DataFrame({'x': [1, 2, 3], 'y': ['a', 'b', 'c']})\n\
                     small = df[df['x'] > 1]\n\
                     import os\nos.makedirs('/mnt/data/out', exist_ok=True)\n\
                     with open('/mnt/data/out/note.txt', 'w') as f:\n    f.write('hello')\n\
                     k = 7";
const REPORT: &str = "print(k, int(a[-1]), int(df['x'].sum()), ''.join(small['y']), \
                      open('/mnt/data/out/note.txt').read())";

#[tokio::test]
async fn a_saved_session_comes_back_with_its_state_on_another_server() {
    let mut client = client().await;
    let source = create_session(&mut client).await;
    printed(&mut client, &source, SETUP).await;
    let bytes = save(&mut client, &source).await.expect("saved");

    // Another server of the same build, as after a restart.
    let mut other = client_with(ServiceConfig::default()).await;
    let restored = restore(&mut other, &bytes).await.expect("restored");
    assert_eq!(
        printed(&mut other, &restored, REPORT).await,
        "7 999999 6 bc hello\n"
    );
    // The two go their own ways.
    printed(&mut other, &restored, "k = 8\ndf['x'] = df['x'] * 2").await;
    assert_eq!(
        printed(&mut client, &source, REPORT).await,
        "7 999999 6 bc hello\n"
    );
    let again = restore(&mut client, &bytes).await.expect("restored again");
    assert_eq!(
        printed(&mut client, &again, REPORT).await,
        "7 999999 6 bc hello\n"
    );
}

#[tokio::test]
async fn bytes_that_are_not_a_saved_state_are_invalid_arguments() {
    let mut client = client().await;
    let source = create_session(&mut client).await;
    printed(&mut client, &source, "k = 1").await;
    let bytes = save(&mut client, &source).await.expect("saved");

    let truncated = &bytes[..bytes.len() / 2];
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    let garbage = vec![7u8; 4096];
    for (what, bad) in [
        ("empty", &[][..]),
        ("truncated", truncated),
        ("flipped", &flipped[..]),
        ("garbage", &garbage[..]),
    ] {
        let status = restore(&mut client, bad).await.expect_err(what);
        assert_eq!(status.code(), Code::InvalidArgument, "{what}: {status:?}");
    }
    // Still serving, and the good bytes still restore.
    let restored = restore(&mut client, &bytes).await.expect("restored");
    assert_eq!(printed(&mut client, &restored, "print(k)").await, "1\n");
}

#[tokio::test]
async fn a_state_from_another_build_is_a_failed_precondition() {
    let mut client = client().await;
    let source = create_session(&mut client).await;
    let bytes = save(&mut client, &source).await.expect("saved");
    // Unpack, name another build (the first field: length and text), repack.
    let (magic, packed) = bytes.split_at(8);
    let mut body = Vec::new();
    zstd::stream::Decoder::new(packed)
        .unwrap()
        .read_to_end(&mut body)
        .unwrap();
    let build_len = u64::from_le_bytes(body[..8].try_into().unwrap()) as usize;
    let other = b"another-build";
    let mut renamed = (other.len() as u64).to_le_bytes().to_vec();
    renamed.extend_from_slice(other);
    renamed.extend_from_slice(&body[8 + build_len..]);
    let mut foreign = magic.to_vec();
    foreign.extend(zstd::bulk::compress(&renamed, 1).unwrap());

    let status = restore(&mut client, &foreign)
        .await
        .expect_err("other build");
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert!(status.message().contains("another-build"), "{status:?}");
}

#[tokio::test]
async fn saving_needs_closed_files_and_a_known_session() {
    let mut client = client().await;
    let source = create_session(&mut client).await;
    printed(&mut client, &source, "f = open('/mnt/data/x.txt', 'w')").await;
    let status = save(&mut client, &source)
        .await
        .expect_err("a file is open");
    assert_eq!(status.code(), Code::FailedPrecondition);
    let status = save(&mut client, "no-such-session")
        .await
        .expect_err("unknown session");
    assert_eq!(status.code(), Code::NotFound);
}

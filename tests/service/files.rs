//! Files in and out of a session over gRPC: UploadFile, DownloadFile and
//! ListFiles against a real server.

use crate::common;

use std::time::Duration;

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self, value::Kind as V};
use common::server::{Client, client, client_with, create_session, outcome, run, value};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Code, Status};

#[tokio::test]
async fn an_upload_in_chunks_is_read_by_the_sessions_code() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let chunks = [
        b"first line\n".to_vec(),
        b"second ".to_vec(),
        b"line\n".to_vec(),
    ];
    let file = upload(&mut client, &session, "data/in.txt", &chunks, Some(23))
        .await
        .expect("uploading");
    assert_eq!((file.path.as_str(), file.size), ("data/in.txt", 23));
    let read = "open('/mnt/data/data/in.txt').read()";
    let events = run(&mut client, &session, read).await;
    assert_eq!(value(&events), str_value("first line\nsecond line\n"));

    // Uploading again replaces the file; a /mnt/data/ prefix is accepted.
    upload(
        &mut client,
        &session,
        "/mnt/data/data/in.txt",
        &[b"new".to_vec()],
        None,
    )
    .await
    .expect("uploading again");
    let events = run(&mut client, &session, read).await;
    assert_eq!(value(&events), str_value("new"));
}

#[tokio::test]
async fn files_the_code_writes_are_downloaded_whole() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let code = "import os\nos.makedirs('/mnt/data/out/sub')\n\
                open('/mnt/data/out/sub/data.bin', 'wb').write(bytes(range(256)) * 2000)\n\
                open('/mnt/data/empty', 'w').close()";
    assert_eq!(
        outcome(&run(&mut client, &session, code).await),
        proto::Outcome::Ok
    );
    let chunks = download(&mut client, &session, "out/sub/data.bin")
        .await
        .expect("downloading");
    let expected: Vec<u8> = (0..=255u8).cycle().take(512_000).collect();
    assert_eq!(chunks[0].total_size, 512_000);
    assert!(chunks.len() >= 2, "{} chunks", chunks.len());
    assert!(chunks.iter().all(|chunk| chunk.data.len() <= 256 << 10));
    assert_eq!(concat(&chunks), expected);

    let chunks = download(&mut client, &session, "empty")
        .await
        .expect("downloading an empty file");
    assert_eq!(chunks.len(), 1);
    assert_eq!((chunks[0].total_size, chunks[0].data.len()), (0, 0));
}

#[tokio::test]
async fn files_are_listed_recursively_with_sizes_and_times() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    assert!(list(&mut client, &session).await.unwrap().files.is_empty());
    upload(&mut client, &session, "b.txt", &[b"12345".to_vec()], None)
        .await
        .unwrap();
    let code = "import os\nos.makedirs('/mnt/data/a/deep/er')\n\
                open('/mnt/data/a/deep/er/c.csv', 'w').write('x,y\\n')\n\
                os.makedirs('/mnt/data/empty_dir')";
    run(&mut client, &session, code).await;
    let listed = list(&mut client, &session).await.unwrap();
    assert!(!listed.truncated);
    let files: Vec<_> = listed
        .files
        .iter()
        .map(|file| (file.path.as_str(), file.size))
        .collect();
    assert_eq!(files, [("a/deep/er/c.csv", 4), ("b.txt", 5)]);
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    for file in &listed.files {
        assert!(
            now_ms.abs_diff(file.modified_unix_ms) < 60_000,
            "{file:?} modified at {}",
            file.modified_unix_ms
        );
    }
}

#[tokio::test]
async fn paths_outside_the_scratch_directory_are_invalid() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    run(
        &mut client,
        &session,
        "import os\nos.makedirs('/mnt/data/dir')",
    )
    .await;
    for bad in [
        "../x",
        "/etc/passwd",
        "a/../../x",
        "/mnt/data/../x",
        "",
        "a//b",
    ] {
        let status = upload(&mut client, &session, bad, &[b"x".to_vec()], None)
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "upload {bad:?}");
        let status = download(&mut client, &session, bad).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "download {bad:?}");
    }
    // A directory is neither downloaded nor replaced.
    let status = download(&mut client, &session, "dir").await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(status.message().contains("directory"), "{status:?}");
    let status = upload(&mut client, &session, "dir", &[b"x".to_vec()], None)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    let status = download(&mut client, &session, "missing.txt")
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound, "{status:?}");
    assert!(list_names(&mut client, &session).await.is_empty());
}

#[tokio::test]
async fn unknown_and_closed_sessions_are_not_found() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    client
        .close_session(proto::CloseSessionRequest {
            session_id: session.clone(),
        })
        .await
        .expect("closing");
    for (id, says) in [
        ("no-such-session", "no session"),
        (session.as_str(), "closed"),
    ] {
        let statuses = [
            upload(&mut client, id, "x", &[b"x".to_vec()], None)
                .await
                .unwrap_err(),
            download(&mut client, id, "x").await.unwrap_err(),
            list(&mut client, id).await.unwrap_err(),
        ];
        for status in statuses {
            assert_eq!(status.code(), Code::NotFound, "{status:?}");
            assert!(status.message().contains(says), "{status:?}");
        }
    }
    let status = list(&mut client, "").await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
}

#[tokio::test]
async fn uploads_past_the_caps_are_refused_and_leave_nothing() {
    let config = ServiceConfig {
        max_session_file_bytes: 1000,
        max_session_files: 3,
        ..ServiceConfig::default()
    };
    let mut client = client_with(config).await;
    let session = create_session(&mut client).await;
    upload(&mut client, &session, "a", &[vec![1; 600]], None)
        .await
        .expect("600 of 1000 bytes");

    // Streamed past the cap: refused once the bytes pass what is left.
    let status = upload(
        &mut client,
        &session,
        "b",
        &[vec![2; 300], vec![2; 300]],
        None,
    )
    .await
    .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("1000"), "{status:?}");
    // Announced past the cap: refused before any data.
    let status = upload(&mut client, &session, "b", &[], Some(401))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    // A size that does not match the data.
    let status = upload(&mut client, &session, "b", &[vec![2; 10]], Some(11))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert_eq!(guest_listing(&mut client, &session).await, ["a"]);

    // Replacing a file counts its new size only.
    upload(&mut client, &session, "a", &[vec![3; 900]], None)
        .await
        .expect("replacing a");
    // Files the code wrote count too.
    run(
        &mut client,
        &session,
        "open('/mnt/data/c', 'wb').write(b'x' * 50)",
    )
    .await;
    let status = upload(&mut client, &session, "b", &[vec![4; 60]], None)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    upload(&mut client, &session, "b", &[vec![4; 50]], None)
        .await
        .expect("the third file, exactly at the byte cap");
    let status = upload(&mut client, &session, "d", &[], None)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("3 files"), "{status:?}");
    assert_eq!(guest_listing(&mut client, &session).await, ["a", "b", "c"]);
}

#[tokio::test]
async fn a_cancelled_upload_leaves_no_file() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let (chunks, receiver) = tokio::sync::mpsc::channel(4);
    chunks
        .send(chunk(&session, "big.bin", vec![0; 100_000]))
        .await
        .unwrap();
    let call = tokio::spawn({
        let mut client = client.clone();
        async move { client.upload_file(ReceiverStream::new(receiver)).await }
    });
    // Meanwhile the data is in a temporary file.
    let seen = poll(&mut client, &session, |names| !names.is_empty()).await;
    assert!(
        seen.len() == 1 && seen[0].starts_with(".ci-upload-"),
        "{seen:?}"
    );
    assert!(list_names(&mut client, &session).await.is_empty());
    // Dropping the call resets its HTTP/2 stream (RST_STREAM, CANCEL), which
    // tonic hands to the server as the end of the chunks.
    call.abort();
    let left = poll(&mut client, &session, <[String]>::is_empty).await;
    assert!(left.is_empty(), "left behind: {left:?}");
    drop(chunks);
}

#[tokio::test]
async fn the_guests_symbolic_links_do_not_lead_outside() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    // A directory beside the session's scratch directory (both are in the
    // system temp directory), with a file the session must not read.
    let outside = tempfile::tempdir().expect("a directory outside");
    std::fs::write(outside.path().join("secret"), "secret").unwrap();
    let name = outside.path().file_name().unwrap().to_str().unwrap();
    let code = format!(
        "import os\nos.symlink('../{name}', '/mnt/data/out')\n\
         os.symlink('../{name}/secret', '/mnt/data/secret')\n\
         os.symlink('../../../../../../../../etc/passwd', '/mnt/data/passwd')"
    );
    let events = run(&mut client, &session, &code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    for path in ["out/secret", "secret", "passwd"] {
        let status = download(&mut client, &session, path).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{path}: {status:?}");
        assert!(status.message().contains("symbolic link"), "{status:?}");
    }
    let status = upload(&mut client, &session, "out/planted", &[b"x".to_vec()], None)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(!outside.path().join("planted").exists());
    // Uploading over a link replaces the link, not what it points to.
    upload(&mut client, &session, "secret", &[b"mine".to_vec()], None)
        .await
        .expect("replacing the link");
    assert_eq!(
        std::fs::read_to_string(outside.path().join("secret")).unwrap(),
        "secret"
    );
    assert_eq!(list_names(&mut client, &session).await, ["secret"]);
}

#[tokio::test]
async fn files_move_while_a_cell_runs_and_count_as_activity() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let waiting = tokio::spawn({
        let (mut client, session) = (client.clone(), session.clone());
        async move {
            let code = "import os, time\n\
                        while not os.path.exists('/mnt/data/go.txt'):\n    time.sleep(0.01)\n\
                        open('/mnt/data/go.txt').read()";
            run(&mut client, &session, code).await
        }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    upload(&mut client, &session, "go.txt", &[b"go".to_vec()], None)
        .await
        .expect("uploading while a cell runs");
    let events = tokio::time::timeout(Duration::from_secs(20), waiting)
        .await
        .expect("the cell saw the file")
        .unwrap();
    assert_eq!(value(&events), str_value("go"));

    let before = last_active(&mut client, &session).await;
    tokio::time::sleep(Duration::from_millis(20)).await;
    list(&mut client, &session).await.unwrap();
    assert!(last_active(&mut client, &session).await > before);
}

fn chunk(session: &str, path: &str, data: Vec<u8>) -> proto::UploadFileChunk {
    proto::UploadFileChunk {
        session_id: session.to_owned(),
        path: path.to_owned(),
        total_size: None,
        data,
    }
}

/// Uploads `chunks` (none: one empty chunk) to `path`.
async fn upload(
    client: &mut Client,
    session: &str,
    path: &str,
    chunks: &[Vec<u8>],
    total_size: Option<u64>,
) -> Result<proto::FileInfo, Status> {
    let mut messages: Vec<_> = chunks
        .iter()
        .map(|data| proto::UploadFileChunk {
            data: data.clone(),
            ..Default::default()
        })
        .collect();
    if messages.is_empty() {
        messages.push(proto::UploadFileChunk::default());
    }
    messages[0].session_id = session.to_owned();
    messages[0].path = path.to_owned();
    messages[0].total_size = total_size;
    let response = client
        .upload_file(tokio_stream::iter(messages))
        .await?
        .into_inner();
    Ok(response.file.expect("file info"))
}

async fn download(
    client: &mut Client,
    session: &str,
    path: &str,
) -> Result<Vec<proto::FileChunk>, Status> {
    let mut stream = client
        .download_file(proto::DownloadFileRequest {
            session_id: session.to_owned(),
            path: path.to_owned(),
        })
        .await?
        .into_inner();
    let mut chunks = Vec::new();
    while let Some(chunk) = stream.message().await? {
        chunks.push(chunk);
    }
    Ok(chunks)
}

async fn list(client: &mut Client, session: &str) -> Result<proto::ListFilesResponse, Status> {
    let request = proto::ListFilesRequest {
        session_id: session.to_owned(),
    };
    Ok(client.list_files(request).await?.into_inner())
}

/// The paths ListFiles gives.
async fn list_names(client: &mut Client, session: &str) -> Vec<String> {
    let listed = list(client, session).await.expect("listing files");
    listed.files.into_iter().map(|file| file.path).collect()
}

/// The guest's listing of /mnt/data once `done` holds (or after 5 s).
async fn poll(client: &mut Client, session: &str, done: impl Fn(&[String]) -> bool) -> Vec<String> {
    let mut names = guest_listing(client, session).await;
    for _ in 0..100 {
        if done(&names) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        names = guest_listing(client, session).await;
    }
    names
}

/// What the session's code sees at the top of /mnt/data, sorted.
async fn guest_listing(client: &mut Client, session: &str) -> Vec<String> {
    let events = run(
        client,
        session,
        "import os\nsorted(os.listdir('/mnt/data'))",
    )
    .await;
    let V::ListValue(list) = value(&events) else {
        panic!("not a list: {events:?}");
    };
    list.items
        .into_iter()
        .map(|item| match item.kind {
            Some(V::StrValue(name)) => name,
            other => panic!("not a str: {other:?}"),
        })
        .collect()
}

async fn last_active(client: &mut Client, session: &str) -> u64 {
    let sessions = client
        .list_sessions(proto::ListSessionsRequest {})
        .await
        .expect("listing sessions")
        .into_inner()
        .sessions;
    sessions
        .into_iter()
        .find(|info| info.session_id == session)
        .expect("the session is listed")
        .last_active_unix_ms
}

fn concat(chunks: &[proto::FileChunk]) -> Vec<u8> {
    chunks.iter().flat_map(|chunk| chunk.data.clone()).collect()
}

fn str_value(text: &str) -> V {
    V::StrValue(text.to_owned())
}

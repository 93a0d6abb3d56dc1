//! Running one case against the server and checking what it gave.

use std::net::SocketAddr;
use std::time::Duration;

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self, Outcome, event::Kind};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

use crate::case::*;
use crate::common::server::{Client, channel, close_session};

/// What the cells' placeholders stand for.
#[derive(Clone, Copy)]
pub(crate) struct Context {
    port: u16,
    nofile: u64,
}

impl Context {
    pub(crate) fn new(address: SocketAddr) -> Self {
        Self {
            port: address.port(),
            nofile: open_file_limit() + 64,
        }
    }

    pub(crate) fn expand(&self, code: &str) -> String {
        code.replace("{port}", &self.port.to_string())
            .replace("{nofile}", &self.nofile.to_string())
    }
}

/// The server configuration of the corpus: the defaults, with a longer cell
/// time limit (cases run side by side) and room for the cases' sessions.
pub(crate) fn corpus_config() -> ServiceConfig {
    ServiceConfig {
        default_cell_timeout: DEFAULT_TIMEOUT,
        max_sessions: 32,
        max_concurrent_runs: 16,
        ..ServiceConfig::default()
    }
}

/// A session id no server hands out (ids are random v4 uuids).
pub(crate) const UNKNOWN_SESSION: &str = "5f0c4a52-0000-4000-8000-000000000000";

/// Runs one case with `client`; the error says what went wrong. The case's
/// sessions are closed whatever happens.
pub(crate) async fn run_case(client: &Client, case: &Case, context: Context) -> Result<(), String> {
    let mut client = client.clone();
    let mut opened = Vec::new();
    let outcome = run_case_in(&mut client, case, context, &mut opened).await;
    let mut closed = Ok(());
    for id in opened {
        closed = closed.and(close_session(&mut client, &id).await);
    }
    outcome.and(closed)
}

pub(crate) async fn run_case_in(
    client: &mut Client,
    case: &Case,
    context: Context,
    opened: &mut Vec<String>,
) -> Result<(), String> {
    let neighbour = match &case.neighbour {
        Some(neighbour) => {
            let id = create(
                client,
                &Case {
                    files: Vec::new(),
                    ..case.clone()
                },
            )
            .await?;
            opened.push(id.clone());
            let setup = cell(neighbour.setup.clone());
            let events = execute(client, &id, case, &setup, context)
                .await
                .map_err(|status| format!("neighbour setup refused: {status:?}"))?;
            check(&Expect::default(), &events, true)
                .map_err(|error| format!("neighbour setup: {error}"))?;
            Some((id, neighbour))
        }
        None => None,
    };
    if let Some(code) = case.create_refused {
        return match client.create_session(create_request(case)).await {
            Err(status) if status.code() == code => Ok(()),
            Err(status) => Err(format!("CreateSession: {status:?}, not {code:?}")),
            Ok(response) => {
                opened.extend(response.into_inner().session.map(|info| info.session_id));
                Err(format!("CreateSession was accepted instead of {code:?}"))
            }
        };
    }
    let session = if case.one_off {
        None
    } else if case.unknown_session {
        Some(UNKNOWN_SESSION.to_owned())
    } else {
        let id = create(client, case).await?;
        opened.push(id.clone());
        Some(id)
    };
    run_cells(client, session.as_deref(), case, context).await?;
    if let Some(id) = &session {
        for transfer in &case.transfers {
            run_transfer(client, id, transfer)
                .await
                .map_err(|error| format!("{transfer:?}: {error}"))?;
        }
    }
    if let Some((id, neighbour)) = neighbour {
        let events = execute(client, &id, case, &cell(neighbour.check.clone()), context)
            .await
            .map_err(|status| format!("neighbour check refused: {status:?}"))?;
        let expect = Expect {
            result: Some(Text::Exact(neighbour.result.clone())),
            ..Expect::default()
        };
        check(&expect, &events, true).map_err(|error| format!("neighbour check: {error}"))?;
    }
    Ok(())
}

/// Runs one file request and checks what it gives.
pub(crate) async fn run_transfer(
    client: &mut Client,
    session: &str,
    transfer: &Transfer,
) -> Result<(), String> {
    match transfer {
        Transfer::Download(path, expect) => {
            let request = proto::DownloadFileRequest {
                session_id: session.to_owned(),
                path: (*path).to_owned(),
            };
            let answer = async {
                let mut stream = client.download_file(request).await?.into_inner();
                let mut data = Vec::new();
                while let Some(chunk) = stream.message().await? {
                    data.extend(chunk.data);
                }
                Ok::<_, tonic::Status>(data)
            }
            .await;
            match (answer, expect) {
                (Ok(data), Ok(bytes)) if data == *bytes => Ok(()),
                (Err(status), Err(code)) if status.code() == *code => Ok(()),
                (Ok(data), _) => Err(format!(
                    "downloaded {:?}",
                    clip(&String::from_utf8_lossy(&data))
                )),
                (Err(status), _) => Err(format!("refused: {status:?}")),
            }
        }
        Transfer::Upload(path, bytes, refused) => {
            // Chunks of 1 MiB; the first names the session and the path.
            let mut chunks: Vec<proto::UploadFileChunk> = (0..*bytes)
                .step_by(1 << 20)
                .map(|start| proto::UploadFileChunk {
                    data: vec![b'u'; (*bytes - start).min(1 << 20)],
                    ..Default::default()
                })
                .collect();
            if let Some(first) = chunks.first_mut() {
                first.session_id = session.to_owned();
                first.path = (*path).to_owned();
            }
            match (
                client.upload_file(tokio_stream::iter(chunks)).await,
                refused,
            ) {
                (Ok(_), None) => Ok(()),
                (Err(status), Some(code)) if status.code() == *code => Ok(()),
                (Ok(response), _) => Err(format!("accepted: {:?}", response.into_inner().file)),
                (Err(status), _) => Err(format!("refused: {status:?}")),
            }
        }
        Transfer::List(paths) => {
            let request = proto::ListFilesRequest {
                session_id: session.to_owned(),
            };
            let listed = client
                .list_files(request)
                .await
                .map_err(|status| format!("refused: {status:?}"))?
                .into_inner();
            let names: Vec<&str> = listed.files.iter().map(|file| file.path.as_str()).collect();
            if names == *paths {
                Ok(())
            } else {
                Err(format!("listed {names:?}"))
            }
        }
        Transfer::AbsentOnHost(name) => {
            let path = std::env::temp_dir().join(name);
            if path.symlink_metadata().is_ok() {
                Err(format!("{} exists", path.display()))
            } else {
                Ok(())
            }
        }
    }
}

/// Runs the case's cells in turn, checking each.
pub(crate) async fn run_cells(
    client: &mut Client,
    session: Option<&str>,
    case: &Case,
    context: Context,
) -> Result<(), String> {
    for (index, cell) in case.cells.iter().enumerate() {
        let failed =
            |error: String| format!("cell {}: {error}\n  code: {}", index + 1, clip(&cell.code));
        let answer = execute(client, session.unwrap_or(""), case, cell, context).await;
        let events = match (answer, cell.expect.refused) {
            (Err(status), Some(code)) if status.code() == code => continue,
            (Err(status), _) => return Err(failed(format!("the call failed: {status:?}"))),
            (Ok(events), Some(code)) => {
                return Err(failed(format!(
                    "ran instead of {code:?}: {}",
                    describe(&events)
                )));
            }
            (Ok(events), None) => events,
        };
        let rolled_back = check(&cell.expect, &events, session.is_some()).map_err(&failed)?;
        if let (Some(id), true) = (session, rolled_back) {
            // The session was rebuilt from its checkpoint: it takes cells.
            let probe = Cell {
                code: "1".to_owned(),
                timeout_ms: 0,
                max_output_bytes: 0,
                fuel: None,
                expect: Expect::default(),
            };
            match execute(client, id, case, &probe, context).await {
                Ok(events) if check(&probe.expect, &events, true).is_ok() => {}
                other => {
                    return Err(failed(format!(
                        "the rebuilt session does not take cells: {other:?}"
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Checks one cell's events; returns whether its session was rebuilt from
/// its checkpoint.
pub(crate) fn check(expect: &Expect, events: &[Kind], in_session: bool) -> Result<bool, String> {
    let explain = |what: String| format!("{what}\n  events: {}", describe(events));
    let Some(Kind::End(end)) = events.last() else {
        return Err(explain("no end event".into()));
    };
    let outcome = end.outcome();
    if !expect.outcomes.contains(&outcome) {
        return Err(explain(format!(
            "outcome {outcome:?}, expected {:?}",
            expect.outcomes
        )));
    }
    // A session is rebuilt from its checkpoint when the cell stops its
    // interpreter; a one-off interpreter is thrown away in any case.
    if end.session_alive != in_session {
        return Err(explain(format!("session_alive is {}", end.session_alive)));
    }
    let rolled_back = in_session && stops_interpreter(outcome, expect);
    if end.rolled_back_to.is_some() != rolled_back {
        return Err(explain(format!(
            "rolled_back_to is {:?}",
            end.rolled_back_to
        )));
    }
    if end.output_truncated != expect.truncated {
        return Err(explain(format!(
            "output_truncated is {}",
            end.output_truncated
        )));
    }
    if let Some(message) = expect.message
        && !end.message.contains(message)
    {
        return Err(explain(format!("the end message lacks {message:?}")));
    }
    let error = events.iter().find_map(|event| match event {
        Kind::Error(error) => Some(error),
        _ => None,
    });
    match (expect.ename, error) {
        (Some(ename), Some(error)) if error.ename == ename => {
            if let Some(evalue) = &expect.evalue {
                evalue.check("evalue", &error.evalue).map_err(explain)?;
            }
        }
        (Some(ename), _) => return Err(explain(format!("no {ename} error event"))),
        (None, Some(error)) if outcome == Outcome::Ok => {
            return Err(explain(format!(
                "an error event ({}) in an OK cell",
                error.ename
            )));
        }
        _ => {}
    }
    if let Some(stdout) = &expect.stdout {
        let text = stream_of(events, proto::StreamName::Stdout);
        stdout.check("stdout", &text).map_err(explain)?;
    }
    if let Some(stderr) = &expect.stderr {
        let text = stream_of(events, proto::StreamName::Stderr);
        stderr.check("stderr", &text).map_err(explain)?;
    }
    let result = events.iter().find_map(|event| match event {
        Kind::Result(result) => Some(result),
        _ => None,
    });
    match (&expect.result, result) {
        (Some(text), Some(result)) => text.check("result", &result.text_plain).map_err(explain)?,
        (Some(_), None) => return Err(explain("no result event".into())),
        (None, Some(_)) if expect.no_result => return Err(explain("a result event".into())),
        _ => {}
    }
    Ok(rolled_back)
}

pub(crate) fn stream_of(events: &[Kind], name: proto::StreamName) -> String {
    events
        .iter()
        .filter_map(|event| match event {
            Kind::Stream(stream) if stream.name() == name => Some(stream.text.as_str()),
            _ => None,
        })
        .collect()
}

/// The events in brief, long texts clipped.
pub(crate) fn describe(events: &[Kind]) -> String {
    let parts: Vec<String> = events
        .iter()
        .map(|event| match event {
            Kind::Stream(stream) => format!("stream({:?})", clip(&stream.text)),
            Kind::Display(display) => format!("display({} items)", display.data.len()),
            Kind::Result(result) => format!("result({})", clip(&result.text_plain)),
            Kind::Error(error) => format!("error({}: {})", error.ename, clip(&error.evalue)),
            Kind::End(end) => format!(
                "end({:?}, alive={}, truncated={}, {:?})",
                end.outcome(),
                end.session_alive,
                end.output_truncated,
                clip(&end.message)
            ),
        })
        .collect();
    parts.join(", ")
}

pub(crate) fn create_request(case: &Case) -> proto::CreateSessionRequest {
    proto::CreateSessionRequest {
        limits: Some(instance_limits(case)),
        files: case.files.clone(),
    }
}

pub(crate) fn instance_limits(case: &Case) -> proto::InstanceLimits {
    proto::InstanceLimits {
        memory_bytes: case.memory_mib << 20,
        fuel_metered: case.fuel_metered,
        random_seed: None,
    }
}

pub(crate) async fn create(client: &mut Client, case: &Case) -> Result<String, String> {
    let response = client
        .create_session(create_request(case))
        .await
        .map_err(|status| format!("CreateSession failed: {status:?}"))?;
    Ok(response
        .into_inner()
        .session
        .expect("session info")
        .session_id)
}

/// Runs `cell` in `session` ("" for a fresh interpreter) and collects its
/// events. The client gives up (DEADLINE_EXCEEDED) [`CALL_SLACK`] after the
/// cell's limit: a cell the server cannot stop fails its case.
pub(crate) async fn execute(
    client: &mut Client,
    session: &str,
    case: &Case,
    cell: &Cell,
    context: Context,
) -> Result<Vec<Kind>, tonic::Status> {
    let timeout = match cell.timeout_ms {
        0 => DEFAULT_TIMEOUT,
        ms => Duration::from_millis(ms),
    };
    let mut request = tonic::Request::new(proto::ExecuteRequest {
        session_id: session.to_owned(),
        code: context.expand(&cell.code),
        limits: Some(proto::CellLimits {
            timeout_ms: cell.timeout_ms,
            fuel: cell.fuel,
            max_output_bytes: cell.max_output_bytes,
        }),
        instance_limits: session.is_empty().then(|| instance_limits(case)),
    });
    let deadline = timeout.min(Duration::from_secs(3600)) + CALL_SLACK;
    request.set_timeout(deadline);
    let call = async { collect(client.execute(request).await?.into_inner()).await };
    tokio::time::timeout(deadline, call)
        .await
        .unwrap_or_else(|_| {
            Err(tonic::Status::deadline_exceeded(format!(
                "no end event within {deadline:?}"
            )))
        })
}

/// A client of the server at `address` that takes events of any size (an
/// error event may carry megabytes).
pub(crate) async fn client(address: SocketAddr) -> Client {
    Client::new(channel(address).await).max_decoding_message_size(usize::MAX)
}

/// Every message of an Execute stream.
pub(crate) async fn collect(
    mut stream: tonic::Streaming<proto::Event>,
) -> Result<Vec<Kind>, tonic::Status> {
    let mut events = Vec::new();
    while let Some(event) = stream.message().await? {
        events.push(event.kind.expect("event kind"));
    }
    Ok(events)
}

/// The server answers health checks and runs a trivial cell.
pub(crate) async fn healthy(client: &Client, address: SocketAddr) -> Result<(), String> {
    let mut health = HealthClient::new(channel(address).await);
    let asked = health.check(HealthCheckRequest {
        service: String::new(),
    });
    let status = tokio::time::timeout(CALL_SLACK, asked)
        .await
        .map_err(|_| format!("no health answer within {CALL_SLACK:?}"))?
        .map_err(|status| format!("health check failed: {status:?}"))?
        .into_inner()
        .status();
    if status != ServingStatus::Serving {
        return Err(format!("health is {status:?}"));
    }
    let mut client = client.clone();
    let mut request = tonic::Request::new(crate::common::server::request("", "1 + 1"));
    request.set_timeout(CALL_SLACK);
    let call = async { collect(client.execute(request).await?.into_inner()).await };
    let events = tokio::time::timeout(CALL_SLACK, call)
        .await
        .map_err(|_| format!("a trivial cell took over {CALL_SLACK:?}"))?
        .map_err(|status| format!("a trivial cell failed: {status:?}"))?;
    let expect = Expect {
        result: Some(Text::Exact("2".into())),
        ..Expect::default()
    };
    check(&expect, &events, false).map(drop)
}

/// The soft limit on open files of this process.
pub(crate) fn open_file_limit() -> u64 {
    std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|limits| {
            limits
                .lines()
                .find(|line| line.starts_with("Max open files"))
                .and_then(|line| line.split_whitespace().nth(3)?.parse().ok())
        })
        .unwrap_or(1024)
}

/// Waits until the server holds at most `count` sessions.
pub(crate) async fn sessions_left_at_most(client: &Client, count: usize) {
    let mut client = client.clone();
    for _ in 0..200 {
        let sessions = client
            .list_sessions(proto::ListSessionsRequest {})
            .await
            .expect("ListSessions")
            .into_inner()
            .sessions;
        if sessions.len() <= count {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("sessions of the corpus are left");
}

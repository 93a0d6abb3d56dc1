//! A bounded soak: many concurrent clients mix ordinary and hostile cells on
//! one server for a while (SECURITY.md, "Soak test").
//!
//! Each worker opens a session, runs a random handful of cells in it and
//! closes it, over and over, until the time is up. Ordinary cells (state
//! across cells, exact arithmetic, printing, fractions, sympy, charts, files
//! both ways, one-off cells) must all succeed with results computed here,
//! independently. Hostile cells (endless loops, memory bombs, print floods,
//! runaway recursion, reads of host files, hard exits) must get their typed
//! outcome; when one ends the interpreter, the session must refuse the next
//! cell and the worker starts a new one.
//!
//! The process's private memory is sampled throughout and must stay under a
//! bound computed from the limits. Once every session is closed: no session
//! is listed, no scratch directory (beyond the warm pool's) or descriptor is
//! left, memory is back near its level after the warm-up, and the server can
//! still fill every session and run slot at once (a leaked instance would
//! take one).
//!
//! `SOAK_SECONDS` (default 30) and `SOAK_WORKERS` (default 6) size it; the
//! long run is
//! `SOAK_SECONDS=600 SOAK_WORKERS=24 cargo test --release -j 2 --test soak -- --nocapture`.

mod cells;
#[path = "../common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self, event::Kind};
use common::process::{memory, mib};
use common::server::{Client, channel, close_session, kinds, start_in, stdout};

use crate::cells::*;

/// Memory cap of every soak session.
const SESSION_MEMORY_MIB: u64 = 128;
/// Fresh interpreters the server keeps ready.
const WARM_INSTANCES: usize = 2;
/// Time limit of ordinary cells (generous: everything shares two cores).
const ORDINARY_TIMEOUT_MS: u64 = 30_000;
/// Time limit of the cells that must time out.
const SHORT_TIMEOUT_MS: u64 = 300;
/// Growth of private memory over the warm-up level that still passes once
/// every session is closed (allocator arenas move by tens of MiB; see the
/// adversarial corpus's note on MEMORY_SLACK_BYTES).
const MEMORY_SLACK_BYTES: u64 = 96 << 20;
/// Descriptors the process may hold beyond its warm-up count at the end
/// (connections being torn down).
const DESCRIPTOR_SLACK: usize = 16;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// Runs `cell` (in `session`, or on a fresh interpreter for "") and checks
/// its events; the error says what went wrong.
async fn run_cell(client: &mut Client, session: &str, cell: &Cell) -> Result<(), String> {
    let request = proto::ExecuteRequest {
        session_id: session.to_owned(),
        code: cell.code.clone(),
        limits: Some(proto::CellLimits {
            timeout_ms: cell.timeout_ms,
            max_output_bytes: cell.max_output_bytes,
            fuel: None,
        }),
        instance_limits: session.is_empty().then_some(proto::InstanceLimits {
            memory_bytes: SESSION_MEMORY_MIB << 20,
            ..Default::default()
        }),
    };
    let events = client
        .execute_collected(request)
        .await
        .map_err(|status| format!("the call failed: {status:?}"))?
        .into_inner()
        .events;
    let events = kinds(events);
    let Some(Kind::End(end)) = events.last() else {
        return Err(format!("no end event: {events:?}"));
    };
    let expect = &cell.expect;
    let mut problems = Vec::new();
    if let Some(outcome) = expect.outcome
        && end.outcome() != outcome
    {
        problems.push(format!(
            "outcome {:?}, not {outcome:?} ({})",
            end.outcome(),
            end.message
        ));
    }
    // A session's interpreter stopped by the cell is rebuilt from its checkpoint.
    if !session.is_empty() && !end.session_alive {
        problems.push(format!("the session ended: {}", end.message));
    }
    if !session.is_empty() && end.rolled_back_to.is_some() != expect.stops {
        problems.push(format!("rolled_back_to is {:?}", end.rolled_back_to));
    }
    if end.output_truncated != expect.truncated {
        problems.push(format!("output_truncated is {}", end.output_truncated));
    }
    let result = events.iter().find_map(|event| match event {
        Kind::Result(result) => Some(result.text_plain.as_str()),
        _ => None,
    });
    if let Some(wanted) = &expect.result
        && result != Some(wanted.as_str())
    {
        problems.push(format!("result {result:?}, not {wanted:?}"));
    }
    let printed = stdout(&events);
    if let Some(wanted) = &expect.stdout {
        let fine = if expect.truncated {
            printed.starts_with(wanted.as_str()) && printed.len() as u64 == cell.max_output_bytes
        } else {
            printed == *wanted
        };
        if !fine {
            problems.push(format!("stdout of {} bytes is wrong", printed.len()));
        }
    }
    let ename = events.iter().find_map(|event| match event {
        Kind::Error(error) => Some(error.ename.as_str()),
        _ => None,
    });
    if let Some(wanted) = expect.ename
        && ename != Some(wanted)
    {
        problems.push(format!("exception {ename:?}, not {wanted}"));
    }
    let pngs = events
        .iter()
        .filter(|event| match event {
            Kind::Display(display) => display
                .data
                .iter()
                .any(|item| item.mime_type == "image/png" && item.data.starts_with(b"\x89PNG")),
            _ => false,
        })
        .count();
    if pngs != expect.displays {
        problems.push(format!("{pngs} PNG displays, not {}", expect.displays));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Uploads a file into `session`, then reads it back in a cell; downloads a
/// file the guest wrote.
async fn files_both_ways(client: &mut Client, session: &str, rng: &mut Rng) -> Result<(), String> {
    let content: Vec<u8> = (0..rng.between(1, 300_000))
        .map(|_| rng.below(256) as u8)
        .collect();
    let path = format!("up-{}.bin", rng.below(1000));
    let chunks: Vec<proto::UploadFileChunk> = content
        .chunks(64 << 10)
        .enumerate()
        .map(|(index, data)| proto::UploadFileChunk {
            session_id: if index == 0 {
                session.to_owned()
            } else {
                String::new()
            },
            path: if index == 0 {
                path.clone()
            } else {
                String::new()
            },
            total_size: (index == 0).then_some(content.len() as u64),
            data: data.to_vec(),
        })
        .collect();
    client
        .upload_file(tokio_stream::iter(chunks))
        .await
        .map_err(|status| format!("upload failed: {status:?}"))?;
    let digest = content.iter().fold(0u64, |sum, &byte| {
        (sum * 31 + u64::from(byte)) % 1_000_000_007
    });
    let cell = Cell::ordinary(
        "upload",
        format!(
            "data = open('/mnt/data/{path}', 'rb').read()\nh = 0\nfor b in data:\n    h = (h * 31 + b) % 1_000_000_007\nh"
        ),
        result_of(digest),
    );
    run_cell(client, session, &cell)
        .await
        .map_err(|e| format!("reading the upload: {e}"))?;

    let written = format!("down-{}.txt", rng.below(1000));
    let lines = rng.between(1, 5000);
    let cell = Cell::ordinary(
        "download",
        format!(
            "with open('/mnt/data/{written}', 'w') as f:\n    for i in range({lines}):\n        f.write(f'{{i}}\\n')"
        ),
        Expect::default(),
    );
    run_cell(client, session, &cell).await?;
    let mut stream = client
        .download_file(proto::DownloadFileRequest {
            session_id: session.to_owned(),
            path: written,
        })
        .await
        .map_err(|status| format!("download failed: {status:?}"))?
        .into_inner();
    let mut downloaded = Vec::new();
    while let Some(chunk) = stream
        .message()
        .await
        .map_err(|s| format!("download: {s:?}"))?
    {
        downloaded.extend_from_slice(&chunk.data);
    }
    let wanted: String = (0..lines).map(|i| format!("{i}\n")).collect();
    if downloaded != wanted.as_bytes() {
        return Err(format!(
            "downloaded {} bytes, not the {} written",
            downloaded.len(),
            wanted.len()
        ));
    }
    Ok(())
}

/// Counts of what the workers did, and what went wrong.
#[derive(Default)]
struct Tally {
    ordinary: usize,
    hostile: usize,
    sessions: usize,
    by_kind: BTreeMap<&'static str, usize>,
    failures: Vec<String>,
}

async fn create(client: &mut Client) -> Result<String, String> {
    let request = proto::CreateSessionRequest {
        limits: Some(proto::InstanceLimits {
            memory_bytes: SESSION_MEMORY_MIB << 20,
            ..Default::default()
        }),
        files: Vec::new(),
    };
    Ok(client
        .create_session(request)
        .await
        .map_err(|status| format!("CreateSession failed: {status:?}"))?
        .into_inner()
        .session
        .ok_or("no session info")?
        .session_id)
}

/// One worker: sessions of a few cells each until `until`.
async fn worker(mut client: Client, seed: u64, until: Instant, tally: Arc<Mutex<Tally>>) {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    while Instant::now() < until {
        let session = match create(&mut client).await {
            Ok(session) => session,
            Err(error) => {
                tally.lock().unwrap().failures.push(error);
                return;
            }
        };
        let failure = session_life(&mut client, &session, &mut rng, &tally)
            .await
            .err();
        let closed = close_session(&mut client, &session).await.err();
        let mut tally = tally.lock().unwrap();
        tally.sessions += 1;
        tally.failures.extend(failure.into_iter().chain(closed));
    }
}

/// The cells of one session; stops at the first failure.
async fn session_life(
    client: &mut Client,
    session: &str,
    rng: &mut Rng,
    tally: &Mutex<Tally>,
) -> Result<(), String> {
    let mut state = SessionState::default();
    for _ in 0..rng.between(2, 10) {
        state.cells += 1;
        let (cell, hostile_cell) = match rng.below(10) {
            0..=6 => (ordinary(rng, &mut state), false),
            7 => {
                files_both_ways(client, session, rng).await?;
                tally.lock().unwrap().ordinary += 2;
                continue;
            }
            _ => (hostile(rng), true),
        };
        let one_off =
            !hostile_cell && rng.below(8) == 0 && cell.kind != "counter" && cell.kind != "file";
        let target = if one_off { "" } else { session };
        run_cell(client, target, &cell)
            .await
            .map_err(|error| format!("{} cell: {error}\n  code: {}", cell.kind, cell.code))?;
        {
            let mut tally = tally.lock().unwrap();
            if hostile_cell {
                tally.hostile += 1;
            } else {
                tally.ordinary += 1;
            }
            *tally.by_kind.entry(cell.kind).or_insert(0) += 1;
        }
    }
    Ok(())
}

fn descriptors() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .count()
}

/// Entries left in the server's directory under the scratch root (its lock
/// file aside).
fn scratch_left(root: &Path) -> Vec<String> {
    let entries = |dir: &Path| -> Vec<std::fs::DirEntry> {
        let listed = std::fs::read_dir(dir).expect("a scratch directory");
        listed.map(|entry| entry.expect("an entry")).collect()
    };
    let [server] = &entries(root)[..] else {
        panic!("not one server directory under {}", root.display());
    };
    let names = entries(&server.path()).into_iter();
    names
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".lock")
        .collect()
}

/// The entries left under `root` once at most `expected` are, or after 5 s.
async fn scratch_settled(root: &Path, expected: usize) -> Vec<String> {
    for _ in 0..100 {
        let left = scratch_left(root);
        if left.len() <= expected {
            return left;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    scratch_left(root)
}

/// Waits until the server lists no session.
async fn no_sessions_left(client: &mut Client) -> Result<(), String> {
    for _ in 0..100 {
        let listed = client
            .list_sessions(proto::ListSessionsRequest {})
            .await
            .map_err(|status| format!("ListSessions failed: {status:?}"))?
            .into_inner()
            .sessions
            .len();
        if listed == 0 {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("sessions are left after every worker closed its own".into())
}

/// Holds every session slot and every one-off run slot at once.
async fn fill_every_slot(client: &Client, config: &ServiceConfig) -> Result<(), String> {
    let mut client = client.clone();
    let mut sessions = Vec::new();
    for _ in 0..config.max_sessions {
        sessions.push(create(&mut client).await?);
    }
    let one_offs = (0..config.max_concurrent_runs).map(|_| {
        let mut client = client.clone();
        let cell = Cell::ordinary(
            "slot",
            "import time\ntime.sleep(0.3)\n'slot'".into(),
            result_of("'slot'"),
        );
        async move { run_cell(&mut client, "", &cell).await }
    });
    let in_sessions = sessions.clone().into_iter().map(|session| {
        let mut client = client.clone();
        let cell = Cell::ordinary("slot", "6 * 7".into(), result_of(42));
        async move { run_cell(&mut client, &session, &cell).await }
    });
    let (one_offs, in_sessions) = tokio::join!(spawn_all(one_offs), spawn_all(in_sessions));
    for session in &sessions {
        close_session(&mut client, session).await?;
    }
    one_offs.into_iter().chain(in_sessions).collect()
}

/// Runs futures as concurrent tasks and collects their results in order.
async fn spawn_all<F: std::future::Future<Output = T> + Send + 'static, T: Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<T> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut results = Vec::with_capacity(handles.len());
    for handle in handles {
        results.push(handle.await.expect("a task"));
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_sessions_mixing_ordinary_and_hostile_cells() {
    let seconds = env_or("SOAK_SECONDS", 30u64);
    let workers = env_or("SOAK_WORKERS", 6usize);
    let config = ServiceConfig {
        max_sessions: workers + 4,
        max_concurrent_runs: 4,
        ..ServiceConfig::default()
    };
    let scratch = tempfile::tempdir().expect("a scratch root");
    let address = start_in(config.clone(), WARM_INSTANCES, scratch.path().to_owned());
    let client = Client::new(channel(address).await);

    // Warm-up: a short run of every kind of cell, whose end state is the
    // baseline (engines, pools and allocator arenas made on first use).
    let tally = Arc::new(Mutex::new(Tally::default()));
    let warm_up = Instant::now() + Duration::from_secs(seconds.clamp(3, 10));
    let runs =
        (0..workers as u64).map(|i| worker(client.clone(), 1000 + i, warm_up, tally.clone()));
    spawn_all(runs).await;
    no_sessions_left(&mut client.clone()).await.unwrap();
    let baseline = memory().private;
    let baseline_descriptors = descriptors();

    let sampling = Arc::new(Mutex::new(0u64));
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds);
    let sampler = {
        let peak = sampling.clone();
        tokio::spawn(async move {
            while Instant::now() < until {
                let now = memory().private;
                {
                    let mut peak = peak.lock().unwrap();
                    *peak = (*peak).max(now);
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        })
    };
    let soak_tally = Arc::new(Mutex::new(Tally::default()));
    let runs =
        (0..workers as u64).map(|i| worker(client.clone(), i + 1, until, soak_tally.clone()));
    spawn_all(runs).await;
    sampler.await.unwrap();
    let elapsed = started.elapsed();

    let mut client_for_checks = client.clone();
    no_sessions_left(&mut client_for_checks).await.unwrap();
    let slots = fill_every_slot(&client, &config).await;
    no_sessions_left(&mut client_for_checks).await.unwrap();

    // Instances are dropped and the warm pool refilled in the background.
    let bound = baseline + MEMORY_SLACK_BYTES;
    let mut after = memory().private;
    for _ in 0..40 {
        if after <= bound {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
        after = memory().private;
    }
    let peak = *sampling.lock().unwrap();
    // Every live interpreter may dirty its whole memory cap, and each cell
    // may queue up to 64 MiB of events.
    let peak_bound = baseline + (workers as u64 + 4) * ((SESSION_MEMORY_MIB + 64) << 20);
    let warm_up_failures = std::mem::take(&mut tally.lock().unwrap().failures);
    // The warm pool's fresh interpreters hold their scratch directories;
    // closed sessions' go once their instances are torn down, in the
    // background.
    let left = scratch_settled(scratch.path(), WARM_INSTANCES).await;
    let tally = soak_tally.lock().unwrap();
    eprintln!(
        "soak: {workers} workers, {:.0} s: {} sessions, {} ordinary and {} hostile cells ({:.0} cells/s); by kind {:?}",
        elapsed.as_secs_f64(),
        tally.sessions,
        tally.ordinary,
        tally.hostile,
        (tally.ordinary + tally.hostile) as f64 / elapsed.as_secs_f64(),
        tally.by_kind
    );
    let end_descriptors = descriptors();
    eprintln!(
        "soak: private memory baseline {:.1} MiB, peak {:.1} MiB (bound {:.1}), after {:.1} MiB; descriptors {baseline_descriptors} -> {end_descriptors}",
        mib(baseline),
        mib(peak),
        mib(peak_bound),
        mib(after),
    );
    let failures: Vec<&String> = warm_up_failures.iter().chain(&tally.failures).collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        tally.hostile > 0 && tally.ordinary > 0,
        "both kinds of cells ran"
    );
    slots.expect("every session and run slot is usable after the soak");
    assert!(
        peak <= peak_bound,
        "private memory peaked at {:.1} MiB",
        mib(peak)
    );
    assert!(
        after <= bound,
        "private memory stayed at {:.1} MiB",
        mib(after)
    );
    assert!(
        end_descriptors <= baseline_descriptors + DESCRIPTOR_SLACK,
        "descriptors grew from {baseline_descriptors} to {end_descriptors}"
    );
    assert!(
        left.len() <= WARM_INSTANCES,
        "scratch directories left: {left:?}"
    );
}

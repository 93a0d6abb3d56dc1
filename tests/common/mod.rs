//! Shared helpers: one sandbox per test binary, built from the real guest.

#![allow(dead_code)] // each test binary uses a different subset

use std::time::Duration;

use code_interpreter::{
    Artifacts, CellEnd, CellLimits, Event, ExecError, ExecResult, InstanceLimits, Sandbox,
    SandboxConfig, Session, StreamName,
};
use tokio::sync::OnceCell;

pub mod process;
pub mod server;

static SANDBOX: OnceCell<Sandbox> = OnceCell::const_new();

/// The process-wide sandbox (pre-initialized guest from `guest/build.sh`).
pub async fn sandbox() -> &'static Sandbox {
    SANDBOX
        .get_or_init(|| async {
            let artifacts = Artifacts::load(&Artifacts::default_dir())
                .expect("guest build missing: run guest/build.sh");
            let mut config = SandboxConfig::new(artifacts);
            config.max_instances = 64;
            Sandbox::new(config).await.expect("starting the sandbox")
        })
        .await
}

/// Cell limits with a short deadline, suitable for tests.
pub fn limits(timeout_secs: u64) -> CellLimits {
    CellLimits {
        timeout: Duration::from_secs(timeout_secs),
        ..CellLimits::default()
    }
}

/// Runs `code` on a fresh instance with default limits.
pub async fn run(code: &str) -> Vec<Event> {
    sandbox()
        .await
        .run(code, InstanceLimits::default(), limits(60))
        .await
        .expect("running a cell")
}

/// Runs `code` as the next cell of `session` (30 s deadline) and waits for its end.
pub async fn exec(session: &Session, code: &str) -> Vec<Event> {
    session
        .execute(code, limits(30))
        .expect("queueing a cell")
        .collect()
        .await
}

pub fn end(events: &[Event]) -> &CellEnd {
    match events.last() {
        Some(Event::End(end)) => end,
        other => panic!("last event is not an end event: {other:?}"),
    }
}

pub fn result(events: &[Event]) -> &ExecResult {
    events
        .iter()
        .find_map(|e| match e {
            Event::Result(r) => Some(r),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no result event in {events:?}"))
}

pub fn error(events: &[Event]) -> &ExecError {
    events
        .iter()
        .find_map(|e| match e {
            Event::Error(err) => Some(err),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no error event in {events:?}"))
}

pub fn stream(events: &[Event], which: StreamName) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Stream { name, text } if *name == which => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

pub fn stdout(events: &[Event]) -> String {
    stream(events, StreamName::Stdout)
}

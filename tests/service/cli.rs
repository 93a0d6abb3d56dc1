//! The `code-interpreter` binary: `serve` (structured logs, graceful
//! shutdown) and `run` (events printed, displays saved as files).

use crate::common;

use std::process::{Command, Stdio};
use std::time::Duration;

use code_interpreter::service::proto;
use common::server::{Client, channel, drain, kinds, outcome, request, stdout};

use crate::ops_support::wait_until_serving;

#[tokio::test]
async fn sigterm_lets_the_running_cell_finish_then_exits() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let server = Command::new(env!("CARGO_BIN_EXE_code-interpreter"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(["--warm-instances", "0", "--log-format", "json"])
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting the server");
    let address = format!("127.0.0.1:{port}").parse().unwrap();
    wait_until_serving(address).await;

    let mut client = Client::new(channel(address).await);
    let code = "import time\ntime.sleep(1.5)\nprint('finished')";
    let stream = client
        .execute(request("", code))
        .await
        .expect("accepted")
        .into_inner();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let signal = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("sending SIGTERM");
    assert!(signal.success());

    let events = kinds(drain(stream).await);
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    assert_eq!(stdout(&events), "finished\n");

    let exited = tokio::task::spawn_blocking(move || server.wait_with_output())
        .await
        .unwrap()
        .expect("the server exits");
    assert!(exited.status.success(), "{:?}", exited.status);
    let logs = String::from_utf8_lossy(&exited.stderr);
    let finished: Vec<serde_json::Value> = logs
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .filter(|line: &serde_json::Value| line["message"] == "cell finished")
        .collect();
    assert_eq!(finished.len(), 1, "{logs}");
    assert_eq!(finished[0]["outcome"], "Ok", "{logs}");
}

#[test]
fn run_prints_the_events_and_saves_displays_as_files() {
    let displays = tempfile::tempdir().unwrap();
    let code = "class Picture:\n    def _repr_svg_(self):\n        return '<svg>dot</svg>'\n\
                print('hello')\ndisplay(Picture())\n2**70";
    let output = Command::new(env!("CARGO_BIN_EXE_code-interpreter"))
        .args(["run", "-c", code, "--format", "json", "--display-dir"])
        .arg(displays.path())
        .output()
        .expect("running the binary");
    assert!(output.status.success(), "{output:?}");
    let events: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON event per line"))
        .collect();
    let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["stream", "display", "result", "end"]);
    assert_eq!(events[2]["value"]["value"], "1180591620717411303424");
    let saved = std::fs::read_to_string(displays.path().join("display-1.svg")).unwrap();
    assert_eq!(saved, "<svg>dot</svg>");
}

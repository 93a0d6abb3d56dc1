//! The guest reaches nothing of the host but its read-only library and its own
//! scratch directory.

use crate::common;

use code_interpreter::{Event, InstanceLimits, Outcome, Value};
use common::{end, error, exec, limits, result, run, sandbox, stdout};

/// Runs `code` and returns the name of the exception it raised.
async fn raises(code: &str) -> String {
    let events = run(code).await;
    assert_eq!(end(&events).outcome, Outcome::Error, "{code}: {events:?}");
    error(&events).ename.clone()
}

#[tokio::test]
async fn host_files_are_out_of_reach() {
    for path in [
        "/etc/passwd",
        "/proc/self/environ",
        "/mnt/data/../../etc/passwd",
        "/usr/local/lib/python3.11/../../../../etc/passwd",
    ] {
        let ename = raises(&format!("open({path:?}).read()")).await;
        assert!(
            ["FileNotFoundError", "PermissionError", "OSError"].contains(&ename.as_str()),
            "{path}: {ename}"
        );
    }
    let events = run("import os\nsorted(os.listdir('/'))").await;
    assert_eq!(
        end(&events).outcome,
        Outcome::Error,
        "the root lists nothing of the host: {events:?}"
    );
}

#[tokio::test]
async fn the_library_is_read_only() {
    let ename = raises("open('/usr/local/lib/python3.11/evil.py', 'w').write('x')").await;
    assert!(
        ["PermissionError", "OSError"].contains(&ename.as_str()),
        "{ename}"
    );
    let ename = raises("import os\nos.remove('/usr/local/lib/python3.11/os.py')").await;
    assert!(
        ["PermissionError", "OSError"].contains(&ename.as_str()),
        "{ename}"
    );
}

#[tokio::test]
async fn no_network_no_processes() {
    let ename =
        raises("import socket\nsocket.create_connection(('127.0.0.1', 22), timeout=1)").await;
    assert!(
        [
            "OSError",
            "PermissionError",
            "AttributeError",
            "ModuleNotFoundError",
            "ImportError"
        ]
        .contains(&ename.as_str()),
        "{ename}"
    );
    let ename = raises("import subprocess\nsubprocess.run(['ls'])").await;
    assert!(
        [
            "OSError",
            "PermissionError",
            "ModuleNotFoundError",
            "ImportError",
            "AttributeError"
        ]
        .contains(&ename.as_str()),
        "{ename}"
    );
    assert_eq!(raises("import os\nos.system('ls')").await, "AttributeError");
}

#[tokio::test]
async fn scratch_directory_is_per_session() {
    let sandbox = sandbox().await;
    let writer = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let reader = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let code = "import os\nwith open('report.txt', 'w') as f:\n    f.write('hello')\nos.getcwd()";
    let events = exec(&writer, code).await;
    assert_eq!(
        result(&events).value,
        Value::Str {
            value: "/mnt/data".into()
        }
    );
    assert_eq!(
        std::fs::read_to_string(writer.scratch_dir().join("report.txt")).unwrap(),
        "hello"
    );

    let events = exec(&reader, "import os\nprint(os.listdir('/mnt/data'))").await;
    assert_eq!(stdout(&events), "[]\n");

    std::fs::write(reader.scratch_dir().join("input.csv"), "a,b\n1,2\n").unwrap();
    let events = exec(&reader, "open('/mnt/data/input.csv').read()").await;
    assert_eq!(
        result(&events).value,
        Value::Str {
            value: "a,b\n1,2\n".into()
        }
    );

    let scratch = writer.scratch_dir().to_owned();
    drop(writer);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while scratch.exists() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(
        !scratch.exists(),
        "the scratch directory is deleted after its session"
    );
}

#[tokio::test]
async fn user_code_cannot_flood_the_host_through_the_host_call_module() {
    let session = sandbox()
        .await
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let flood = "import _hostcall, json\n\
                 big = json.dumps({'type': 'result', 'value': {'kind': 'str', 'value': 'x' * (8 << 20)}, 'text_plain': '', 'text_latex': None}).encode()\n\
                 for _ in range(20):\n\
                 \x20   _hostcall.call('event', big)\n";
    let events = session.execute(flood, limits(60)).unwrap().collect().await;
    let end = end(&events);
    assert_eq!(end.outcome, Outcome::OutputLimit, "{end:?}");
    assert!(end.output_truncated);
    // A cell may send 64 MiB of events: seven of 8 MiB, then the host stops it.
    let injected = events
        .iter()
        .filter(|e| matches!(e, Event::Result(_)))
        .count();
    assert_eq!(injected, 7);
    assert!(session.end_reason().is_some(), "the instance was stopped");
}

#[tokio::test]
async fn malformed_host_calls_are_refused() {
    let session = sandbox()
        .await
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let code = "import _hostcall\n\
                 refused = 0\n\
                 for bad in [b'{', b'{\"type\": \"end\"}', b'\\xff', b'{\"type\": \"display\", \"data\": [{\"mime_type\": \"x\", \"base64\": \"!\"}]}']:\n\
                 \x20   try:\n\
                 \x20       _hostcall.call('event', bad)\n\
                 \x20   except _hostcall.HostError:\n\
                 \x20       refused += 1\n\
                 try:\n\
                 \x20   _hostcall.call('no-such-op', b'')\n\
                 except _hostcall.HostError:\n\
                 \x20   refused += 1\n\
                 refused";
    let events = exec(&session, code).await;
    assert_eq!(end(&events).outcome, Outcome::Ok, "{events:?}");
    assert_eq!(result(&events).value, Value::Int { value: "5".into() });
}

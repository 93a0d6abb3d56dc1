//! The adversarial corpus: hostile cells sent through the gRPC API, each with
//! the typed outcome it must get (SECURITY.md maps the attack classes to the
//! isolation layers they test).
//!
//! `corpus_of_hostile_cells_gets_typed_outcomes` runs every case against a
//! dedicated in-process server, a few at a time. Each case gets its own
//! session (or fresh one-off interpreters), runs its cells and checks their
//! outcomes, exception names, output, flags and whether the session lives on;
//! a session that must have ended must refuse the next cell. After every case
//! the server must answer a health check and a trivial cell; a bystander
//! session created before the corpus must keep its variables to the end. The
//! corpus runs twice, and once every session is closed the process's memory
//! must be back near the baseline measured after the first pass.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use code_interpreter::service::ServiceConfig;
use code_interpreter::service::proto::{self, Outcome, event::Kind};
use common::process::{memory, mib};
use common::server::{Client, channel, close_session, start};
use tonic::Code;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

/// Time limit of cells that must finish (generous: cases run concurrently
/// on two cores, and a wall-clock limit also counts the others' work).
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// Time limit of cells that must time out.
const SHORT_TIMEOUT_MS: u64 = 1000;
/// What a call may take beyond its cell's time limit before the client gives
/// up: a server that cannot stop a cell makes the case fail instead of hang.
const CALL_SLACK: Duration = Duration::from_secs(30);
/// Memory cap of the cases that attack memory.
const SMALL_MEMORY_MIB: u64 = 128;
/// Cases running at once.
const PARALLEL_CASES: usize = 4;
/// Growth of the process's private memory over the measured pass of the
/// corpus that still passes. The baseline is taken after a first pass, so
/// what the server keeps after its first use (engines, the allocator's
/// per-thread arenas grown by the floods) is in it; from pass to pass the
/// private memory then moves by up to ~35 MiB (fragmentation in those
/// arenas, which `malloc_trim` does not give back). Leaking one interpreter
/// of a memory case (128 MiB) or the events of one flood (64 MiB) fails.
const MEMORY_SLACK_BYTES: u64 = 64 << 20;

/// The kind of attack, for the counts and SECURITY.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    HostFiles,
    Writes,
    Network,
    Processes,
    NativeCode,
    Threads,
    HostCalls,
    Memory,
    Recursion,
    Cpu,
    Output,
    BigIntegers,
    Finalizers,
    Exits,
    Runner,
    Sessions,
    Environment,
    Exhaustion,
    Requests,
    Transfers,
}

use Class::*;

/// Text expected in an event.
#[derive(Clone, Debug)]
enum Text {
    Exact(String),
    Contains(String),
    Len(usize),
}

impl Text {
    fn check(&self, what: &str, actual: &str) -> Result<(), String> {
        let fine = match self {
            Text::Exact(text) => actual == text,
            Text::Contains(text) => actual.contains(text.as_str()),
            Text::Len(len) => actual.len() == *len,
        };
        if fine {
            Ok(())
        } else {
            Err(format!("{what} should be {self:?}, is {:?}", clip(actual)))
        }
    }
}

/// What one cell must do.
#[derive(Clone, Debug)]
struct Expect {
    /// The call itself is refused with this status.
    refused: Option<Code>,
    /// The end event's outcome (one of these).
    outcomes: Vec<Outcome>,
    ename: Option<&'static str>,
    evalue: Option<Text>,
    stdout: Option<Text>,
    stderr: Option<Text>,
    /// The result's text/plain; `None` skips the check.
    result: Option<Text>,
    no_result: bool,
    message: Option<&'static str>,
    truncated: bool,
}

impl Default for Expect {
    fn default() -> Self {
        Self {
            refused: None,
            outcomes: vec![Outcome::Ok],
            ename: None,
            evalue: None,
            stdout: None,
            stderr: None,
            result: None,
            no_result: false,
            message: None,
            truncated: false,
        }
    }
}

/// One cell of a case and its expected outcome.
#[derive(Clone, Debug)]
struct Cell {
    code: String,
    timeout_ms: u64,
    max_output_bytes: u64,
    fuel: Option<u64>,
    expect: Expect,
}

/// Another session that lives through the case: `setup` runs in it before
/// the case, `check` after it, and must give `result`.
#[derive(Clone, Debug)]
struct Neighbour {
    setup: String,
    check: String,
    result: String,
}

/// One attack: its cells run in one session (or each on a fresh interpreter).
#[derive(Clone, Debug)]
struct Case {
    class: Class,
    name: &'static str,
    one_off: bool,
    memory_mib: u64,
    fuel_metered: bool,
    files: Vec<proto::File>,
    create_refused: Option<Code>,
    /// The cells name a session id that was never handed out.
    unknown_session: bool,
    cells: Vec<Cell>,
    neighbour: Option<Neighbour>,
    /// File requests on the case's session after its cells.
    transfers: Vec<Transfer>,
}

/// A file request after a case's cells, and what it must give.
#[derive(Clone, Debug)]
enum Transfer {
    /// DownloadFile gives these bytes, or is refused with this status.
    Download(&'static str, Result<&'static [u8], Code>),
    /// UploadFile of this many bytes is accepted, or refused with this status.
    Upload(&'static str, usize, Option<Code>),
    /// ListFiles lists exactly these paths.
    List(&'static [&'static str]),
    /// Nothing of this name is in the host's temporary directory (the parent
    /// of the scratch directories).
    AbsentOnHost(&'static str),
}

/// A case whose first cell is `code`, expected to end OK unless told otherwise.
fn case(class: Class, name: &'static str, code: impl Into<String>) -> Case {
    Case {
        class,
        name,
        one_off: false,
        memory_mib: 0,
        fuel_metered: false,
        files: Vec::new(),
        create_refused: None,
        unknown_session: false,
        cells: vec![cell(code.into())],
        neighbour: None,
        transfers: Vec::new(),
    }
}

fn cell(code: String) -> Cell {
    Cell {
        code,
        timeout_ms: 0,
        max_output_bytes: 0,
        fuel: None,
        expect: Expect::default(),
    }
}

/// Python source from its lines.
fn py(lines: &[&str]) -> String {
    lines.join("\n")
}

/// Case settings; the expectation methods apply to the last cell added.
impl Case {
    /// Each cell runs on a fresh interpreter (Execute without a session).
    fn one_off(mut self) -> Self {
        self.one_off = true;
        self
    }

    fn memory_mib(mut self, mib: u64) -> Self {
        self.memory_mib = mib;
        self
    }

    fn fuel_metered(mut self) -> Self {
        self.fuel_metered = true;
        self
    }

    /// A file given to CreateSession.
    fn file(mut self, path: &str, content: &[u8]) -> Self {
        self.files.push(proto::File {
            path: path.to_owned(),
            content: content.to_vec(),
        });
        self
    }

    /// CreateSession itself must be refused with `code`.
    fn create_refused(mut self, code: Code) -> Self {
        self.create_refused = Some(code);
        self.cells.clear();
        self
    }

    fn neighbour(mut self, setup: &str, check: &str, result: &str) -> Self {
        self.neighbour = Some(Neighbour {
            setup: setup.to_owned(),
            check: check.to_owned(),
            result: result.to_owned(),
        });
        self
    }

    fn download(mut self, path: &'static str, expect: Result<&'static [u8], Code>) -> Self {
        self.transfers.push(Transfer::Download(path, expect));
        self
    }

    fn upload(mut self, path: &'static str, bytes: usize, refused: Option<Code>) -> Self {
        self.transfers.push(Transfer::Upload(path, bytes, refused));
        self
    }

    fn listed(mut self, paths: &'static [&'static str]) -> Self {
        self.transfers.push(Transfer::List(paths));
        self
    }

    fn absent_on_host(mut self, name: &'static str) -> Self {
        self.transfers.push(Transfer::AbsentOnHost(name));
        self
    }

    /// The cells go to a session id that was never handed out.
    fn unknown_session(mut self) -> Self {
        self.unknown_session = true;
        self
    }

    /// The next cell of the case, in the same session.
    fn then(mut self, code: impl Into<String>) -> Self {
        self.cells.push(cell(code.into()));
        self
    }

    fn last(&mut self) -> &mut Cell {
        self.cells.last_mut().expect("a case has cells")
    }

    fn timeout_ms(mut self, ms: u64) -> Self {
        self.last().timeout_ms = ms;
        self
    }

    /// A cell that must time out: a short limit and outcome TIMEOUT.
    fn times_out(mut self) -> Self {
        self.last().timeout_ms = SHORT_TIMEOUT_MS;
        self.ends(Outcome::Timeout)
    }

    fn output_cap(mut self, bytes: u64) -> Self {
        self.last().max_output_bytes = bytes;
        self
    }

    fn fuel(mut self, fuel: u64) -> Self {
        self.last().fuel = Some(fuel);
        self
    }

    fn ends(mut self, outcome: Outcome) -> Self {
        self.last().expect.outcomes = vec![outcome];
        self
    }

    /// Outcome ERROR with this exception.
    fn raises(mut self, ename: &'static str) -> Self {
        self.last().expect.ename = Some(ename);
        self.ends(Outcome::Error)
    }

    /// The exception (for outcomes other than ERROR, e.g. MEMORY_LIMIT).
    fn ename(mut self, ename: &'static str) -> Self {
        self.last().expect.ename = Some(ename);
        self
    }

    fn evalue_has(mut self, text: &str) -> Self {
        self.last().expect.evalue = Some(Text::Contains(text.to_owned()));
        self
    }

    fn refused(mut self, code: Code) -> Self {
        self.last().expect.refused = Some(code);
        self
    }

    fn stdout(mut self, text: &str) -> Self {
        self.last().expect.stdout = Some(Text::Exact(text.to_owned()));
        self
    }

    fn stdout_len(mut self, len: usize) -> Self {
        self.last().expect.stdout = Some(Text::Len(len));
        self
    }

    fn stderr_has(mut self, text: &str) -> Self {
        self.last().expect.stderr = Some(Text::Contains(text.to_owned()));
        self
    }

    fn stderr_len(mut self, len: usize) -> Self {
        self.last().expect.stderr = Some(Text::Len(len));
        self
    }

    /// The result's text/plain (repr of the value).
    fn result(mut self, text: &str) -> Self {
        self.last().expect.result = Some(Text::Exact(text.to_owned()));
        self
    }

    fn result_has(mut self, text: &str) -> Self {
        self.last().expect.result = Some(Text::Contains(text.to_owned()));
        self
    }

    fn result_len(mut self, len: usize) -> Self {
        self.last().expect.result = Some(Text::Len(len));
        self
    }

    fn no_result(mut self) -> Self {
        self.last().expect.no_result = true;
        self
    }

    fn message_has(mut self, text: &'static str) -> Self {
        self.last().expect.message = Some(text);
        self
    }

    fn truncated(mut self) -> Self {
        self.last().expect.truncated = true;
        self
    }
}

/// Outcomes after which a session's interpreter lives on.
fn keeps_session(outcome: Outcome) -> bool {
    matches!(outcome, Outcome::Ok | Outcome::Error | Outcome::MemoryLimit)
}

/// Counts the objects of class `NeighbourMarker` on the interpreter's heap
/// (the name is built at run time, so the cell's own constants do not count).
const HEAP_SCAN: &str = "import gc\nname = ''.join(['Neighbour', 'Marker'])\nsum(1 for o in gc.get_objects() if type(o).__name__ == name)";

/// Every case, in classes. Placeholders in code: `{port}` (the server's
/// port), `{nofile}` (a little more than the process's open-file limit).
fn corpus() -> Vec<Case> {
    use Outcome::*;
    let small = SMALL_MEMORY_MIB;
    vec![
        // --- Host files: the guest sees the stdlib (read-only) and /mnt/data only.
        case(HostFiles, "read_etc_passwd", "open('/etc/passwd').read()").raises("PermissionError"),
        case(HostFiles, "list_the_root", "import os\nos.listdir('/')").raises("PermissionError"),
        case(HostFiles, "relative_dotdot_from_the_scratch_dir", "open('../../etc/passwd').read()")
            .raises("PermissionError"),
        case(HostFiles, "dotdot_out_of_the_scratch_dir", "open('/mnt/data/../../etc/passwd').read()")
            .raises("PermissionError"),
        case(
            HostFiles,
            "dotdot_out_of_the_stdlib",
            "open('/usr/local/lib/python3.11/../../../../etc/passwd').read()",
        )
        .raises("PermissionError"),
        case(HostFiles, "stat_a_host_file", "import os\nos.stat('/etc/hostname')").raises("PermissionError"),
        case(HostFiles, "pathlib_read_text", "import pathlib\npathlib.Path('/etc/hosts').read_text()")
            .raises("PermissionError"),
        case(HostFiles, "symlink_to_etc", "import os\nos.symlink('/etc', '/mnt/data/etc')")
            .raises("PermissionError"),
        case(
            HostFiles,
            "relative_symlink_out_then_read",
            "import os\nos.symlink('../../../etc/passwd', '/mnt/data/p')\nopen('/mnt/data/p').read()",
        )
        .raises("PermissionError"),
        case(
            HostFiles,
            "symlink_inside_the_scratch_dir_works",
            "import os\nopen('a.txt', 'w').write('inside')\nos.symlink('a.txt', 'b.txt')\nopen('b.txt').read()",
        )
        .result("'inside'"),
        case(
            HostFiles,
            "hard_link_the_stdlib_into_scratch",
            "import os\nos.link('/usr/local/lib/python3.11/os.py', '/mnt/data/os.py')",
        )
        .raises("PermissionError"),
        case(
            HostFiles,
            "symlink_to_the_parent_then_list",
            "import os\nos.symlink('..', 'up')\nos.listdir('up')",
        )
        .raises("PermissionError"),
        case(HostFiles, "chdir_to_the_parent", "import os\nos.chdir('..')").raises("PermissionError"),
        case(HostFiles, "chdir_to_the_root", "import os\nos.chdir('/')").raises("FileNotFoundError"),
        case(HostFiles, "proc_self_maps", "open('/proc/self/maps').read()").raises("PermissionError"),
        case(HostFiles, "proc_self_environ", "open('/proc/self/environ', 'rb').read()")
            .raises("PermissionError"),
        case(HostFiles, "list_proc", "import os\nos.listdir('/proc/self/fd')").raises("PermissionError"),
        // --- Writes: only /mnt/data is writable.
        case(Writes, "open_tmp_for_writing", "open('/tmp/pwned', 'w').write('x')").raises("PermissionError"),
        case(
            Writes,
            "os_open_creat_outside",
            "import os\nos.open('/tmp/pwned', os.O_CREAT | os.O_WRONLY)",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "shutil_copy_to_tmp",
            "import shutil\nopen('a', 'w').write('x')\nshutil.copy('a', '/tmp/a')",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "overwrite_the_stdlib",
            "open('/usr/local/lib/python3.11/os.py', 'w').write('import sys; sys.exit()')",
        )
        .raises("PermissionError"),
        case(Writes, "delete_from_the_stdlib", "import os\nos.remove('/usr/local/lib/python3.11/os.py')")
            .raises("PermissionError"),
        case(
            Writes,
            "plant_a_module_on_the_path",
            "open('/usr/local/lib/python3.11/site-packages/evil.py', 'w').write('x = 1')",
        )
        .raises("PermissionError"),
        case(Writes, "rename_the_scratch_dir", "import os\nos.rename('/mnt/data', '/mnt/elsewhere')")
            .raises("PermissionError"),
        case(Writes, "remove_the_scratch_dir", "import os\nos.rmdir('/mnt/data')")
            .raises("OSError")
            .then("open('/mnt/data/after.txt', 'w').write('still here')")
            .result("10"),
        // --- Network: no sockets.
        case(Network, "socket_connect_loopback", "import socket\nsocket.socket().connect(('127.0.0.1', 22))")
            .raises("OSError")
            .evalue_has("Not supported"),
        case(
            Network,
            "connect_to_the_servers_own_port",
            "import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=1)",
        )
        .raises("AttributeError")
        .evalue_has("getaddrinfo"),
        case(
            Network,
            "raw_socket_to_the_servers_own_port",
            "import _socket\n_socket.socket(_socket.AF_INET, _socket.SOCK_STREAM).connect(('127.0.0.1', {port}))",
        )
        .raises("OSError"),
        case(
            Network,
            "urllib_to_the_server",
            "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:{port}/').read()",
        )
        .raises("AttributeError"),
        case(
            Network,
            "asyncio_open_connection",
            "import asyncio\nasyncio.run(asyncio.open_connection('127.0.0.1', {port}))",
        )
        .raises("OSError"),
        case(
            Network,
            "socket_on_a_preopened_fd",
            "import socket\nsocket.socket(fileno=3).accept()",
        )
        .raises("OSError"),
        // --- Processes: none.
        case(Processes, "subprocess_run", "import subprocess\nsubprocess.run(['/bin/sh', '-c', 'id'])")
            .raises("OSError")
            .evalue_has("processes"),
        case(Processes, "os_system", "import os\nos.system('id')").raises("AttributeError"),
        case(Processes, "os_popen", "import os\nos.popen('id').read()").raises("OSError"),
        case(Processes, "os_fork", "import os\nos.fork()").raises("AttributeError"),
        case(Processes, "os_spawnv", "import os\nos.spawnv(os.P_WAIT, '/bin/sh', ['sh'])")
            .raises("AttributeError"),
        case(Processes, "os_execv", "import os\nos.execv('/bin/sh', ['sh'])").raises("AttributeError"),
        case(Processes, "pty_spawn", "import pty\npty.spawn('/bin/sh')").raises("ModuleNotFoundError"),
        case(
            Processes,
            "multiprocessing_process",
            "import multiprocessing\nmultiprocessing.Process(target=print).start()",
        )
        .raises("AttributeError"),
        case(Processes, "kill_the_parent", "import os\nos.kill(1, 9)").raises("AttributeError"),
        // --- Native code: no ctypes, no mmap.
        case(NativeCode, "import_ctypes", "import ctypes").raises("ModuleNotFoundError"),
        case(NativeCode, "ctypes_cdll_libc", "from ctypes import CDLL\nCDLL('libc.so.6').system(b'id')")
            .raises("ModuleNotFoundError"),
        case(NativeCode, "import_mmap", "import mmap").raises("ModuleNotFoundError"),
        // --- Threads: none can start.
        case(
            Threads,
            "threading_thread_start",
            "import threading\nthreading.Thread(target=print, args=('hi',)).start()",
        )
        .raises("RuntimeError"),
        case(Threads, "thread_start_new_thread", "import _thread\n_thread.start_new_thread(print, ('x',))")
            .raises("RuntimeError"),
        case(
            Threads,
            "thread_pool_executor",
            "from concurrent.futures import ThreadPoolExecutor\nThreadPoolExecutor(4).submit(print, 1).result()",
        )
        .raises("RuntimeError"),
        // --- The host-call module: validated, capped, never trusted.
        case(HostCalls, "unknown_operation", "import _hostcall\n_hostcall.call('shell', b'id')")
            .raises("HostError")
            .evalue_has("unknown host operation"),
        case(HostCalls, "oversized_operation_name", "import _hostcall\n_hostcall.call('x' * 10**7, b'')")
            .raises("HostError")
            .evalue_has("longer than 64 bytes"),
        case(HostCalls, "nul_in_operation_name", "import _hostcall\n_hostcall.call('ev\\x00ent', b'')")
            .raises("HostError"),
        case(HostCalls, "payload_of_17_mib", "import _hostcall\n_hostcall.call('event', b'x' * (17 << 20))")
            .raises("HostError")
            .evalue_has("exceeds the 16777216-byte limit")
            .stderr_has("an output event of 17825792 bytes was dropped")
            .truncated(),
        case(HostCalls, "malformed_json_event", "import _hostcall\n_hostcall.call('event', b'{\"type\": \"stream\"')")
            .raises("HostError")
            .evalue_has("malformed event"),
        case(HostCalls, "invalid_utf8_event", "import _hostcall\n_hostcall.call('event', b'\\xff\\xfe')")
            .raises("HostError"),
        case(HostCalls, "empty_event", "import _hostcall\n_hostcall.call('event', b'')").raises("HostError"),
        case(
            HostCalls,
            "unknown_value_kind",
            "import _hostcall\n_hostcall.call('event', b'{\"type\":\"result\",\"value\":{\"kind\":\"shell\"},\"text_plain\":\"\",\"text_latex\":null}')",
        )
        .raises("HostError"),
        case(
            HostCalls,
            "forged_end_event",
            "import _hostcall\n_hostcall.call('event', b'{\"type\":\"end\",\"outcome\":\"ok\",\"usage\":{\"wall_time\":0,\"fuel_used\":null,\"peak_memory_bytes\":0,\"execution_count\":1},\"output_truncated\":false,\"message\":null}')",
        )
        .raises("HostError")
        .evalue_has("may not send end events"),
        case(
            HostCalls,
            "forged_memory_error_is_not_a_memory_limit",
            py(&[
                "import _hostcall, json",
                "_hostcall.call('event', json.dumps({'type': 'error', 'ename': 'MemoryError', 'evalue': 'forged', 'traceback': []}).encode())",
            ]),
        )
        .raises("MemoryError"),
        case(
            HostCalls,
            "forged_stream_counts_against_the_output_cap",
            py(&[
                "import _hostcall, json",
                "_hostcall.call('event', json.dumps({'type': 'stream', 'name': 'stdout', 'text': 'q' * (2 << 20)}).encode())",
            ]),
        )
        .output_cap(1000)
        .stdout_len(1000)
        .truncated()
        .result("b'0'"),
        case(
            HostCalls,
            "event_flood_past_64_mib",
            py(&[
                "import _hostcall, json",
                "big = json.dumps({'type': 'stream', 'name': 'stdout', 'text': 'x' * (15 << 20)}).encode()",
                "for _ in range(6):",
                "    _hostcall.call('event', big)",
            ]),
        )
        .ends(OutputLimit)
        .truncated()
        .message_has("more output than the per-cell cap"),
        case(
            HostCalls,
            "display_flood_past_64_mib",
            py(&[
                "class Page:",
                "    def _repr_html_(self):",
                "        return 'h' * (1 << 20)",
                "for _ in range(100):",
                "    display(Page())",
            ]),
        )
        .ends(OutputLimit)
        .truncated(),
        case(HostCalls, "garbage_chart_spec", "import _hostcall\n_hostcall.call('chart', b'x' * 1000)")
            .raises("HostError")
            .evalue_has("invalid figure"),
        case(
            HostCalls,
            "oversized_chart",
            "import matplotlib.pyplot as plt\nplt.figure(figsize=(1000, 1000), dpi=100)\nplt.plot([1, 2])\nplt.savefig('x.png')",
        )
        .raises("ValueError")
        .evalue_has("8192"),
        case(HostCalls, "payload_of_the_wrong_type", "import _hostcall\n_hostcall.call('event', '{}')")
            .raises("TypeError"),
        case(
            HostCalls,
            "forged_next_mid_cell_is_refused",
            "import _hostcall\nstolen = _hostcall.call('next', b'')\nprint('hijacked', stolen)",
        )
        .raises("HostError")
        .evalue_has("unknown host operation")
        .then("print('victim')\n'victim result'")
        .stdout("victim\n")
        .result("'victim result'"),
        // --- Memory: the cap is enforced, the session survives.
        case(Memory, "bytearray_of_10_gb", "bytearray(10**10)")
            .memory_mib(small)
            .raises("OverflowError"),
        case(Memory, "bytearray_past_the_cap", "x = bytearray(1 << 30)")
            .memory_mib(small)
            .ends(MemoryLimit)
            .ename("MemoryError")
            .then("len(bytearray(32 << 20))")
            .result("33554432"),
        case(Memory, "list_of_a_billion", "x = [0] * 10**9")
            .memory_mib(small)
            .raises("MemoryError"),
        case(Memory, "string_repeat_past_the_cap", "x = 'ab' * 10**9")
            .memory_mib(small)
            .ends(MemoryLimit)
            .ename("MemoryError"),
        case(Memory, "bytes_of_2_to_the_62", "b'z' * (1 << 62)")
            .memory_mib(small)
            .raises("OverflowError"),
        case(
            Memory,
            "growth_loop_of_megabytes_then_recover",
            py(&["x = []", "while True:", "    x.append(bytearray(1 << 20))"]),
        )
        .memory_mib(small)
        .ends(MemoryLimit)
        .ename("MemoryError")
        .then("n = len(x)\ndel x\nlen(bytes(64 << 20)) == 64 << 20 and n > 32")
        .result("True"),
        case(
            Memory,
            "growth_loop_of_small_objects",
            py(&["x = []", "while True:", "    x.append('y' * 100)"]),
        )
        .memory_mib(small)
        .ends(MemoryLimit)
        .ename("MemoryError"),
        case(Memory, "dict_of_a_hundred_million", "{i: i for i in range(10**8)}")
            .memory_mib(small)
            .ends(MemoryLimit)
            .ename("MemoryError"),
        case(Memory, "one_off_memory_bomb", "b = bytearray(300 << 20)")
            .one_off()
            .memory_mib(small)
            .ends(MemoryLimit)
            .ename("MemoryError"),
        case(Memory, "huge_string_as_the_result", "'x' * (20 << 20)")
            .memory_mib(small)
            .result_has("xxxxxxxx"),
        case(
            Memory,
            "deep_python_recursion_exhausts_memory",
            py(&[
                "import sys",
                "sys.setrecursionlimit(10**7)",
                "def f(n):",
                "    return f(n + 1)",
                "f(0)",
            ]),
        )
        .memory_mib(64)
        .ends(MemoryLimit)
        .ename("MemoryError"),
        // --- Recursion, in Python and in C.
        case(Recursion, "unbounded_python_recursion", "def f():\n    f()\nf()").raises("RecursionError"),
        case(Recursion, "repr_of_a_self_containing_list", "l = []\nl.append(l)\nl").result("[[...]]"),
        case(Recursion, "repr_of_a_self_containing_dict", "d = {}\nd['d'] = d\nd").result("{'d': {...}}"),
        case(
            Recursion,
            "str_of_a_list_nested_100000_deep",
            "x = []\nfor _ in range(100000):\n    x = [x]\nstr(x)",
        )
        .raises("RecursionError"),
        case(Recursion, "deeply_nested_literal", "eval('[' * 100000 + ']' * 100000)").raises("MemoryError"),
        case(Recursion, "deeply_nested_parentheses", "compile('(' * 200 + ')' * 200, 's', 'eval')")
            .raises("MemoryError"),
        case(Recursion, "json_loads_nested_100000_deep", "import json\njson.loads('[' * 100000 + ']' * 100000)")
            .raises("RecursionError"),
        case(
            Recursion,
            "json_dumps_nested_100000_deep",
            "import json\nx = []\nfor _ in range(100000):\n    x = [x]\njson.dumps(x)",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "pickle_dumps_nested_100000_deep",
            "import pickle\nx = []\nfor _ in range(100000):\n    x = [x]\npickle.dumps(x)",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "deepcopy_nested_100000_deep",
            "import copy\nx = []\nfor _ in range(100000):\n    x = [x]\ncopy.deepcopy(x)",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "freeing_a_million_nested_tuples",
            "x = None\nfor _ in range(10**6):\n    x = (x,)\ndel x\n'freed'",
        )
        .result("'freed'"),
        case(Recursion, "recursive_repr_method", "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())")
            .raises("RecursionError"),
        case(Recursion, "recursive_eq", "class A:\n    def __eq__(self, other):\n        return self == other\nA() == A()")
            .raises("RecursionError"),
        case(Recursion, "recursion_through_eval", "def f():\n    return eval('f()')\nf()")
            .raises("RecursionError"),
        case(
            Recursion,
            "c_recursion_past_the_stack_with_a_raised_limit",
            "import sys\nsys.setrecursionlimit(100000)\nx = []\nfor _ in range(100000):\n    x = [x]\nrepr(x)",
        )
        .ends(SandboxFault)
        .message_has("stack overflowed"),
        case(
            Recursion,
            "recursive_property",
            "class A:\n    @property\n    def p(self):\n        return self.p\nA().p",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "recursive_len",
            "class A:\n    def __len__(self):\n        return len(self)\nlen(A())",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "deeply_nested_unary_minus",
            "eval('-' * 100000 + '1')",
        )
        .raises("MemoryError"),
        // --- CPU and time: the deadline stops everything.
        case(Cpu, "catastrophic_regex", "import re\nre.match('(a+)+$', 'a' * 40 + 'b')").times_out(),
        case(Cpu, "sum_of_range_10_to_the_12", "sum(range(10**12))").times_out(),
        case(Cpu, "endless_loop_one_off", "while True:\n    pass").one_off().times_out(),
        case(Cpu, "sleep_a_billion_seconds", "import time\ntime.sleep(10**9)").times_out(),
        case(Cpu, "sleep_loop", "import time\nwhile True:\n    time.sleep(0.001)").times_out(),
        case(Cpu, "sleep_past_the_clock_range", "import time\ntime.sleep(1e10)").raises("OverflowError"),
        case(
            Cpu,
            "wait_on_a_held_lock",
            "import _thread\nlock = _thread.allocate_lock()\nlock.acquire()\nlock.acquire(timeout=10**6)",
        )
        .times_out(),
        case(Cpu, "event_wait", "import threading\nthreading.Event().wait(10**6)").times_out(),
        case(
            Cpu,
            "endless_repr_of_the_result",
            "class A:\n    def __repr__(self):\n        while True:\n            pass\nA()",
        )
        .times_out(),
        case(Cpu, "select_with_a_long_timeout", "import select\nselect.select([], [], [], 600)").times_out(),
        case(Cpu, "poll_with_a_long_timeout", "import select\nselect.poll().poll(600_000)").times_out(),
        case(Cpu, "select_sleeps_as_long_as_asked", "import select, time\nt = time.monotonic()\nselect.select([], [], [], 0.2)\n0.19 < time.monotonic() - t < 2")
            .result("True"),
        case(Cpu, "fuel_budget_runs_out", "while True:\n    pass")
            .fuel_metered()
            .fuel(50_000_000)
            .ends(FuelExhausted),
        // --- Output floods: capped, flagged, the cell goes on.
        case(Output, "print_a_gigabyte", "for _ in range(1000):\n    print('x' * 10**6)\n'done'")
            .stdout_len(1 << 20)
            .truncated()
            .result("'done'"),
        case(Output, "stderr_flood", "import sys\nfor _ in range(1000):\n    sys.stderr.write('e' * 10**6)")
            .stdout_len(0)
            .stderr_len(1 << 20)
            .truncated(),
        case(Output, "small_cap_keeps_the_head", "for i in range(10**5):\n    print(i)\n'done'")
            .output_cap(1000)
            .stdout_len(1000)
            .truncated()
            .result("'done'"),
        case(Output, "flush_every_byte", "import sys\nfor _ in range(200000):\n    sys.stdout.write('z')\n    sys.stdout.flush()")
            .output_cap(4096)
            .stdout_len(4096)
            .truncated()
            .then("print('fresh cell, fresh cap')")
            .stdout("fresh cell, fresh cap\n"),
        case(Output, "print_until_the_deadline", "while True:\n    print('y' * 1000)")
            .times_out()
            .truncated(),
        case(Output, "raw_fd_writes_go_nowhere", "import os\nos.write(1, b'x' * 10**7)\nos.write(2, b'y' * 100)\n'raw'")
            .stdout("")
            .result("'raw'"),
        case(Output, "exception_of_3_mib", "raise ValueError('v' * (3 << 20))").raises("ValueError"),
        case(Output, "exception_of_20_mib_is_clipped", "raise ValueError('v' * (20 << 20))")
            .memory_mib(256)
            .raises("ValueError")
            .evalue_has("more characters not shown")
            .stderr_has("was dropped")
            .truncated(),
        case(
            Output,
            "display_of_20_mib_is_cut_down",
            "class Page:\n    def _repr_html_(self):\n        return 'h' * (20 << 20)\ndisplay(Page())",
        )
        .memory_mib(256)
        .stderr_has("was dropped")
        .truncated(),
        // --- Enormous integers.
        case(BigIntegers, "ten_to_the_ten_to_the_eight", "x = 10**(10**8)").times_out(),
        case(BigIntegers, "two_to_the_two_to_the_forty", "2**(2**40)").times_out(),
        case(BigIntegers, "shift_by_two_to_the_forty", "1 << (1 << 40)")
            .raises("OverflowError"),
        case(BigIntegers, "factorial_of_ten_million", "import math\nmath.factorial(10**7)").times_out(),
        case(BigIntegers, "str_of_5001_digits", "str(10**5000)")
            .raises("ValueError")
            .evalue_has("4300 digits"),
        case(BigIntegers, "int_of_5000_digits", "int('9' * 5000)")
            .raises("ValueError")
            .evalue_has("4300 digits"),
        case(BigIntegers, "result_of_5001_digits_comes_back_exact", "10**5000").result_len(5001),
        case(BigIntegers, "result_past_400000_bits", "2**500000").result("<int with about 150516 digits>"),
        case(BigIntegers, "lifting_the_digit_limit", "import sys\nsys.set_int_max_str_digits(0)\nlen(str(10**100000))")
            .result("100001"),
        // --- Finalizers.
        case(
            Finalizers,
            "del_raises",
            "class D:\n    def __del__(self):\n        raise RuntimeError('boom in del')\nd = D()\ndel d\n'after'",
        )
        .stderr_has("RuntimeError: boom in del")
        .result("'after'"),
        case(
            Finalizers,
            "del_raises_system_exit",
            "class D:\n    def __del__(self):\n        raise SystemExit(1)\nd = D()\ndel d\n'after'",
        )
        .result("'after'"),
        case(
            Finalizers,
            "del_raises_keyboard_interrupt",
            "class D:\n    def __del__(self):\n        raise KeyboardInterrupt\nd = D()\ndel d\n'after'",
        )
        .result("'after'"),
        case(
            Finalizers,
            "del_in_a_collected_cycle",
            "import gc\nclass D:\n    def __del__(self):\n        raise RuntimeError('cycle')\na, b = D(), D()\na.b, b.a = b, a\ndel a, b\ngc.collect() >= 2",
        )
        .stderr_has("RuntimeError: cycle")
        .result("True"),
        case(
            Finalizers,
            "del_runs_in_a_later_cell",
            "class D:\n    def __del__(self):\n        raise RuntimeError('late')\nd = D()",
        )
        .then("del d\n'next'")
        .stderr_has("RuntimeError: late")
        .result("'next'"),
        case(
            Finalizers,
            "del_calls_os_exit",
            "class D:\n    def __del__(self):\n        import os\n        os._exit(1)\nd = D()\ndel d",
        )
        .ends(SandboxFault)
        .message_has("exited with status 1"),
        // --- Exits.
        case(Exits, "sys_exit_0", "import sys\nprint('before')\nsys.exit(0)\nprint('after')")
            .stdout("before\n")
            .no_result()
            .then("'still alive'")
            .result("'still alive'"),
        case(Exits, "sys_exit_3", "import sys\nsys.exit(3)")
            .raises("SystemExit")
            .evalue_has("3")
            .then("'still alive'")
            .result("'still alive'"),
        case(Exits, "sys_exit_with_a_message", "import sys\nsys.exit('bye')").raises("SystemExit"),
        case(Exits, "raise_system_exit", "raise SystemExit").no_result(),
        case(Exits, "os_exit_0", "import os\nos._exit(0)")
            .ends(SandboxFault)
            .message_has("exited"),
        case(Exits, "os_exit_5", "import os\nos._exit(5)")
            .ends(SandboxFault)
            .message_has("status 5"),
        case(Exits, "os_abort", "import os\nos.abort()").ends(SandboxFault),
        case(Exits, "raise_keyboard_interrupt", "raise KeyboardInterrupt")
            .raises("KeyboardInterrupt")
            .then("'still alive'")
            .result("'still alive'"),
        case(Exits, "sigint_to_itself", "import signal\nsignal.raise_signal(signal.SIGINT)")
            .raises("KeyboardInterrupt"),
        case(Exits, "sigkill_to_itself", "import signal\nsignal.raise_signal(signal.SIGKILL)")
            .ends(SandboxFault),
        case(Exits, "raise_base_exception", "raise BaseException('base')").raises("BaseException"),
        case(Exits, "exit_builtin_is_absent", "exit()").raises("NameError"),
        // --- The runner: rebinding what it uses must not break later cells.
        case(Runner, "print_rebound_to_none", "import builtins\nbuiltins.print = None")
            .then("import sys\nsys.stdout.write('runner fine\\n')\n1 + 1")
            .stdout("runner fine\n")
            .result("2"),
        case(Runner, "import_deleted", "import builtins\ndel builtins.__import__")
            .then("1 + 1")
            .result("2"),
        case(Runner, "stdout_and_stderr_set_to_none", "import sys\nsys.stdout = None\nsys.stderr = None")
            .then("print('back')")
            .stdout("back\n"),
        case(
            Runner,
            "json_sabotaged",
            "import json\njson.dumps = json.loads = json.JSONEncoder = json.JSONDecoder = None",
        )
        .then("print('fine')\n[1, 'a']")
        .stdout("fine\n")
        .result("[1, 'a']"),
        case(Runner, "traceback_sabotaged", "import traceback\ntraceback.TracebackException = traceback.format_exception = None")
            .then("1 / 0")
            .raises("ZeroDivisionError"),
        case(Runner, "runner_session_class_replaced", "import guest_runtime.runner as r\nr._Session = None")
            .then("print('ok')\n2")
            .stdout("ok\n")
            .result("2"),
        case(
            Runner,
            "runner_modules_unregistered",
            "import sys\nsys.modules['guest_runtime'] = None\nsys.modules['guest_runtime.runner'] = None",
        )
        .then("print('ok')\n2")
        .result("2"),
        case(Runner, "sys_modules_cleared", "import sys\nsys.modules.clear()").then("3").result("3"),
        case(Runner, "hostcall_module_sabotaged", "import _hostcall\n_hostcall.call = None\n_hostcall.HostError = None")
            .then("print('x')\n3")
            .stdout("x\n")
            .result("3"),
        case(Runner, "re_and_random_sabotaged", "import re, random\nre.compile = None\nrandom.seed = None")
            .then("print('a\\nb')\n3")
            .stdout("a\nb\n")
            .result("3"),
        case(Runner, "hooks_set_to_none", "import sys\nsys.excepthook = sys.displayhook = None")
            .then("1 / 0")
            .raises("ZeroDivisionError"),
        case(Runner, "tiny_recursion_limit", "import sys\nsys.setrecursionlimit(50)")
            .then("import sympy\nsympy.Symbol('x') ** 2")
            .result("x**2"),
        case(Runner, "null_byte_in_the_source", "exec('1\\x00')").raises("ValueError"),
        case(
            Runner,
            "exec_compile_eval_rebound",
            "import builtins\nbuiltins.exec = builtins.compile = builtins.eval = None",
        )
        .then("1 + 1")
        .result("2"),
        case(
            Runner,
            "isinstance_len_str_type_rebound",
            "import builtins\nfor name in ('isinstance', 'len', 'str', 'type'):\n    setattr(builtins, name, None)",
        )
        .then("1 + 1")
        .result("2"),
        case(Runner, "ast_and_linecache_sabotaged", "import ast, linecache\nast.parse = None\nlinecache.cache = None")
            .then("1 + 1")
            .result("2"),
        case(
            Runner,
            "runner_internals_patched",
            "import guest_runtime.runner as r, guest_runtime.values as v\nr._run_source = None\nv.encode_value = None",
        )
        .then("1 + 1")
        .result("2"),
        // --- Sessions: nothing crosses from one to another.
        case(Sessions, "another_sessions_files", "import os\nos.listdir('/mnt/data')")
            .result("[]")
            .then("open('/mnt/data/secret.txt').read()")
            .raises("FileNotFoundError")
            .neighbour(
                "open('/mnt/data/secret.txt', 'w').write('neighbour secret')",
                "open('/mnt/data/secret.txt').read()",
                "'neighbour secret'",
            ),
        case(Sessions, "another_sessions_variables", "secret")
            .raises("NameError")
            .neighbour("secret = 'neighbour secret'", "secret", "'neighbour secret'"),
        case(
            Sessions,
            "another_sessions_objects_on_the_heap",
            HEAP_SCAN,
        )
        .result("0")
        .neighbour("class NeighbourMarker:\n    pass\nheld = NeighbourMarker()", HEAP_SCAN, "1"),
        case(
            Sessions,
            "patched_modules_stay_in_their_session",
            "import math, builtins\nmath.pi = 3\nbuiltins.abs = None\nmath.pi",
        )
        .result("3")
        .neighbour("import math", "import math\n(math.pi, abs(-2))", "(3.141592653589793, 2)"),
        case(Sessions, "list_the_scratch_parent", "import os\nos.listdir('/mnt')").raises("PermissionError"),
        case(
            Sessions,
            "one_off_leaves_nothing_behind",
            "open('/mnt/data/left.txt', 'w').write('x')\nleft = 1",
        )
        .one_off()
        .then("import os\n(os.listdir('/mnt/data'), 'left' in globals())")
        .result("([], False)"),
        case(Sessions, "unknown_session_id", "1")
            .unknown_session()
            .refused(Code::NotFound),
        // --- Environment.
        case(Environment, "environment_is_empty", "import os\ndict(os.environ)").result("{}"),
        case(Environment, "getpid_is_fake", "import os\nos.getpid()").result("42"),
        case(Environment, "getuid_is_absent", "import os\nos.getuid()").raises("AttributeError"),
        case(Environment, "time_works", "import time\ntime.time() > 1.7e9").result("True"),
        case(Environment, "platform_is_wasi", "import sys\n(sys.platform, sys.argv)").result("('wasi', [''])"),
        case(Environment, "urandom_works", "import os\nlen(os.urandom(16))").result("16"),
        case(Environment, "no_stdin", "input()").raises("EOFError"),
        case(Environment, "hostname_is_absent", "import socket\nsocket.gethostname()").raises("AttributeError"),
        // --- Exhaustion of descriptors and disk.
        case(
            Exhaustion,
            "open_200_files_then_close_them",
            "fs = [open(f'/mnt/data/f{i}', 'w') for i in range(200)]\nfor f in fs:\n    f.close()\nlen(fs)",
        )
        .result("200")
        .then("open('/mnt/data/f0').read()")
        .result("''"),
        case(
            Exhaustion,
            "descriptors_of_the_whole_server",
            py(&[
                "files = []",
                "try:",
                "    for _ in range({nofile}):",
                "        files.append(open('/usr/local/lib/python3.11/os.py', 'rb'))",
                "    stopped = 'never'",
                "except OSError as e:",
                "    stopped = type(e).__name__",
                "stopped",
            ]),
        )
        .timeout_ms(120_000)
        .result("'OSError'")
        .neighbour("'ready'", "open('/mnt/data/probe.txt', 'w').write('ok')", "2")
        .then("files[0].close()\nopen('/mnt/data/after.txt', 'w').write('ok')")
        .result("2"),
        case(
            Exhaustion,
            "file_of_32_mib_in_the_scratch_dir",
            "import os\nwith open('big.bin', 'wb') as f:\n    for _ in range(32):\n        f.write(b'x' * (1 << 20))\nos.path.getsize('big.bin')",
        )
        .result("33554432"),
        case(
            Exhaustion,
            "file_past_the_session_file_cap",
            "with open('big.bin', 'wb') as f:\n    for _ in range(96):\n        f.write(b'x' * (1 << 20))",
        )
        .raises("OSError")
        .evalue_has("Quota exceeded")
        .then("import os\nos.remove('big.bin')\nopen('small.bin', 'wb').write(b'y' * 1000)")
        .result("1000"),
        case(
            Exhaustion,
            "files_past_the_session_entry_cap",
            "import errno\nn = 0\ntry:\n    while True:\n        open(f'f{n}', 'w').close()\n        n += 1\nexcept OSError as e:\n    stopped = e.errno\n(n, stopped == errno.EDQUOT)",
        )
        .result("(1000, True)")
        .then("open('f0', 'w').write('still writable')")
        .result("14"),
        // --- Requests that break the rules are refused before anything runs.
        case(Requests, "code_over_1_mib", "#".repeat(2 << 20)).refused(Code::InvalidArgument),
        case(Requests, "timeout_over_the_maximum", "1")
            .timeout_ms(86_400_000)
            .refused(Code::InvalidArgument),
        case(Requests, "output_cap_over_the_maximum", "1")
            .output_cap(u64::MAX)
            .refused(Code::InvalidArgument),
        case(Requests, "fuel_without_metering", "1")
            .fuel(1000)
            .refused(Code::InvalidArgument),
        case(Requests, "memory_over_the_maximum", "1")
            .one_off()
            .memory_mib(1 << 20)
            .refused(Code::InvalidArgument),
        case(Requests, "session_file_with_dotdot", "")
            .file("../escape.txt", b"x")
            .create_refused(Code::InvalidArgument),
        case(Requests, "session_file_with_an_absolute_path", "")
            .file("/etc/passwd", b"x")
            .create_refused(Code::InvalidArgument),
        case(Requests, "session_with_1001_files", "")
            .files_named((0..1001).map(|i| format!("f{i}")))
            .create_refused(Code::InvalidArgument),
        case(Requests, "session_file_is_confined", "import os\nsorted(os.listdir('/mnt/data/sub'))")
            .file("sub/in.txt", b"inside")
            .result("['in.txt']"),
        // --- File requests never follow the links a cell makes.
        case(
            Transfers,
            "download_through_a_link_to_etc_passwd",
            "import os\nos.symlink('../../../../../../../../etc/passwd', 'passwd')",
        )
        .download("passwd", Err(Code::InvalidArgument))
        .listed(&[]),
        case(
            Transfers,
            "download_through_a_link_to_the_scratch_root",
            "import os\nos.symlink('..', 'up')",
        )
        .download("up", Err(Code::InvalidArgument))
        .download("up/x", Err(Code::InvalidArgument)),
        case(
            Transfers,
            "upload_through_a_link_to_the_scratch_root",
            "import os\nos.symlink('..', 'up')",
        )
        .upload("up/ci-adversarial-upload.txt", 16, Some(Code::InvalidArgument))
        .absent_on_host("ci-adversarial-upload.txt"),
        case(Transfers, "download_with_dotdot", "'nothing to do'")
            .download("../../../etc/passwd", Err(Code::InvalidArgument))
            .download("/etc/passwd", Err(Code::InvalidArgument)),
        case(
            Transfers,
            "links_are_left_out_of_listings",
            "import os\nopen('real.txt', 'w').write('real')\nos.symlink('real.txt', 'link.txt')",
        )
        .listed(&["real.txt"])
        .download("real.txt", Result::Ok(b"real"))
        .download("link.txt", Err(Code::InvalidArgument)),
        case(
            Transfers,
            "upload_quota_counts_the_cells_own_files",
            "with open('big.bin', 'wb') as f:\n    f.write(b'x' * (60 << 20))",
        )
        .upload("more.bin", 8 << 20, Some(Code::ResourceExhausted))
        .listed(&["big.bin"]),
    ]
}

impl Case {
    /// Empty files with these names.
    fn files_named(mut self, names: impl Iterator<Item = String>) -> Self {
        for name in names {
            self = self.file(&name, b"");
        }
        self
    }
}

/// What the cells' placeholders stand for.
#[derive(Clone, Copy)]
struct Context {
    port: u16,
    nofile: u64,
}

impl Context {
    fn new(address: SocketAddr) -> Self {
        Self {
            port: address.port(),
            nofile: open_file_limit() + 64,
        }
    }

    fn expand(&self, code: &str) -> String {
        code.replace("{port}", &self.port.to_string())
            .replace("{nofile}", &self.nofile.to_string())
    }
}

/// The server configuration of the corpus: the defaults, with a longer cell
/// time limit (cases run side by side) and room for the cases' sessions.
fn corpus_config() -> ServiceConfig {
    ServiceConfig {
        default_cell_timeout: DEFAULT_TIMEOUT,
        max_sessions: 32,
        max_concurrent_runs: 16,
        ..ServiceConfig::default()
    }
}

/// A session id no server hands out (ids are random v4 uuids).
const UNKNOWN_SESSION: &str = "5f0c4a52-0000-4000-8000-000000000000";

/// Runs one case with `client`; the error says what went wrong. The case's
/// sessions are closed whatever happens.
async fn run_case(client: &Client, case: &Case, context: Context) -> Result<(), String> {
    let mut client = client.clone();
    let mut opened = Vec::new();
    let outcome = run_case_in(&mut client, case, context, &mut opened).await;
    let mut closed = Ok(());
    for id in opened {
        closed = closed.and(close_session(&mut client, &id).await);
    }
    outcome.and(closed)
}

async fn run_case_in(
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
async fn run_transfer(
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
async fn run_cells(
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
        let alive = check(&cell.expect, &events, session.is_some()).map_err(&failed)?;
        if let (Some(id), false) = (session, alive) {
            if index + 1 < case.cells.len() {
                return Err(failed(
                    "the session ended before the case's next cell".into(),
                ));
            }
            let status = client
                .execute(common::server::request(id, "1"))
                .await
                .err()
                .map(|status| status.code());
            if status != Some(Code::FailedPrecondition) {
                return Err(failed(format!(
                    "the ended session still takes cells: {status:?}"
                )));
            }
        }
    }
    Ok(())
}

/// Checks one cell's events; returns whether its session lives on.
fn check(expect: &Expect, events: &[Kind], in_session: bool) -> Result<bool, String> {
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
    let alive = in_session && keeps_session(outcome);
    if end.session_alive != alive {
        return Err(explain(format!("session_alive is {}", end.session_alive)));
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
    Ok(alive)
}

fn stream_of(events: &[Kind], name: proto::StreamName) -> String {
    events
        .iter()
        .filter_map(|event| match event {
            Kind::Stream(stream) if stream.name() == name => Some(stream.text.as_str()),
            _ => None,
        })
        .collect()
}

/// The events in brief, long texts clipped.
fn describe(events: &[Kind]) -> String {
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

fn clip(text: &str) -> String {
    if text.len() <= 160 {
        return text.to_owned();
    }
    let cut = text.floor_char_boundary(160);
    format!("{}... ({} bytes)", &text[..cut], text.len())
}

fn create_request(case: &Case) -> proto::CreateSessionRequest {
    proto::CreateSessionRequest {
        limits: Some(instance_limits(case)),
        files: case.files.clone(),
    }
}

fn instance_limits(case: &Case) -> proto::InstanceLimits {
    proto::InstanceLimits {
        memory_bytes: case.memory_mib << 20,
        fuel_metered: case.fuel_metered,
        random_seed: None,
    }
}

async fn create(client: &mut Client, case: &Case) -> Result<String, String> {
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
async fn execute(
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
async fn client(address: SocketAddr) -> Client {
    Client::new(channel(address).await).max_decoding_message_size(usize::MAX)
}

/// Every message of an Execute stream.
async fn collect(mut stream: tonic::Streaming<proto::Event>) -> Result<Vec<Kind>, tonic::Status> {
    let mut events = Vec::new();
    while let Some(event) = stream.message().await? {
        events.push(event.kind.expect("event kind"));
    }
    Ok(events)
}

/// The server answers health checks and runs a trivial cell.
async fn healthy(client: &Client, address: SocketAddr) -> Result<(), String> {
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
    let mut request = tonic::Request::new(common::server::request("", "1 + 1"));
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
fn open_file_limit() -> u64 {
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
async fn sessions_left_at_most(client: &Client, count: usize) {
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

/// Runs `cases` a few at a time; returns the failures.
async fn run_all(
    client: &Client,
    address: SocketAddr,
    cases: Vec<Case>,
    context: Context,
) -> Vec<String> {
    let cases = Arc::new(cases);
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..PARALLEL_CASES {
        let (cases, next, client) = (Arc::clone(&cases), Arc::clone(&next), client.clone());
        workers.push(tokio::spawn(async move {
            let mut failures = Vec::new();
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(case) = cases.get(index) else {
                    return failures;
                };
                if let Err(error) = run_case(&client, case, context).await {
                    failures.push(format!("{:?}/{}: {error}", case.class, case.name));
                }
                if let Err(error) = healthy(&client, address).await {
                    failures.push(format!(
                        "{:?}/{}: the server is unhealthy after it: {error}",
                        case.class, case.name
                    ));
                }
            }
        }));
    }
    let mut failures = Vec::new();
    for worker in workers {
        failures.extend(worker.await.expect("a corpus worker panicked"));
    }
    failures
}

/// A session that lives through the whole corpus and must keep its state.
struct Bystander {
    client: Client,
    id: String,
    case: Case,
    context: Context,
}

impl Bystander {
    async fn start(client: &Client, context: Context) -> Self {
        let mut client = client.clone();
        let case = case(Sessions, "bystander", "");
        let id = create(&mut client, &case)
            .await
            .expect("the bystander session");
        let setup = "secret = 'bystander-' + str(6 * 7)\nfrom fractions import Fraction\nhalf = Fraction(1, 2)";
        let events = execute(&mut client, &id, &case, &cell(setup.into()), context)
            .await
            .expect("the bystander's first cell");
        check(&Expect::default(), &events, true).expect("the bystander's first cell");
        Self {
            client,
            id,
            case,
            context,
        }
    }

    /// Its variables are intact, no other cell ran in it, and it closes.
    async fn check_and_close(mut self) {
        let last = cell("(secret, half + half)".into());
        let events = execute(&mut self.client, &self.id, &self.case, &last, self.context)
            .await
            .expect("the bystander's last cell");
        let expect = Expect {
            result: Some(Text::Exact("('bystander-42', Fraction(1, 1))".into())),
            ..Expect::default()
        };
        check(&expect, &events, true).expect("the bystander kept its variables");
        let Some(Kind::End(end)) = events.last() else {
            unreachable!("checked above")
        };
        assert_eq!(
            end.usage.as_ref().map(|usage| usage.execution_count),
            Some(2),
            "no cell but its own ran in the bystander"
        );
        close_session(&mut self.client, &self.id)
            .await
            .expect("closing the bystander");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corpus_of_hostile_cells_gets_typed_outcomes() {
    let cases = corpus();
    let names: BTreeSet<_> = cases.iter().map(|case| case.name).collect();
    assert_eq!(names.len(), cases.len(), "case names are unique");
    let mut per_class = BTreeMap::new();
    for case in &cases {
        *per_class.entry(case.class).or_insert(0) += 1;
    }
    assert!(cases.len() >= 60, "the corpus has {} cases", cases.len());

    let address = start(corpus_config(), 2);
    let context = Context::new(address);
    let client = client(address).await;

    let bystander = Bystander::start(&client, context).await;

    // The corpus runs twice: the first pass is the warm-up whose end state is
    // the memory baseline (what the server creates on first use, such as the
    // fuel-metering engine, and what the allocator keeps once the floods and
    // 16 MiB payloads have passed), the second is measured against it.
    let started = Instant::now();
    let mut failures = run_all(&client, address, cases.clone(), context).await;
    let warm_up = started.elapsed();
    sessions_left_at_most(&client, 1).await;
    let baseline = memory();
    let started = Instant::now();
    failures.extend(run_all(&client, address, cases.clone(), context).await);
    let elapsed = started.elapsed();

    bystander.check_and_close().await;
    sessions_left_at_most(&client, 0).await;

    // Instances are dropped and the warm pool refilled in the background:
    // look a few times for memory to come back down.
    let bound = baseline.private + MEMORY_SLACK_BYTES;
    let mut after = memory();
    for _ in 0..20 {
        if after.private <= bound {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
        after = memory();
    }
    eprintln!(
        "adversarial corpus: {} cases, {:.1} s per pass ({:.1} s warm-up); by class: {per_class:?}",
        cases.len(),
        elapsed.as_secs_f64(),
        warm_up.as_secs_f64()
    );
    eprintln!(
        "memory: baseline private {:.1} MiB (rss {:.1} MiB), after {:.1} MiB (rss {:.1} MiB)",
        mib(baseline.private),
        mib(baseline.rss),
        mib(after.private),
        mib(after.rss)
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(
        after.private <= bound,
        "private memory grew from {:.1} to {:.1} MiB over the corpus",
        mib(baseline.private),
        mib(after.private)
    );
}

//! What a case is: its cells, what each must give, and the builders the
//! attack files use.

use std::time::Duration;

use code_interpreter::service::proto::{self, Outcome};
use tonic::Code;

/// Time limit of cells that must finish (generous: cases run concurrently
/// on two cores, and a wall-clock limit also counts the others' work).
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// Time limit of cells that must time out.
pub(crate) const SHORT_TIMEOUT_MS: u64 = 1000;
/// What a call may take beyond its cell's time limit before the client gives
/// up: a server that cannot stop a cell makes the case fail instead of hang.
pub(crate) const CALL_SLACK: Duration = Duration::from_secs(30);
/// Memory cap of the cases that attack memory.
pub(crate) const SMALL_MEMORY_MIB: u64 = 128;
/// Cases running at once.
pub(crate) const PARALLEL_CASES: usize = 4;
/// Growth of the process's private memory over the measured pass of the
/// corpus that still passes. The baseline is taken after a first pass, so
/// what the server keeps after its first use (engines, the allocator's
/// per-thread arenas grown by the floods) is in it; from pass to pass the
/// private memory then moves by up to ~35 MiB (fragmentation in those
/// arenas, which `malloc_trim` does not give back). Leaking one interpreter
/// of a memory case (128 MiB) or the events of one flood (64 MiB) fails.
pub(crate) const MEMORY_SLACK_BYTES: u64 = 64 << 20;

/// The kind of attack, for the counts and SECURITY.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Class {
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

/// Text expected in an event.
#[derive(Clone, Debug)]
pub(crate) enum Text {
    Exact(String),
    Contains(String),
    Len(usize),
}

impl Text {
    pub(crate) fn check(&self, what: &str, actual: &str) -> Result<(), String> {
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
pub(crate) struct Expect {
    /// The call itself is refused with this status.
    pub(crate) refused: Option<Code>,
    /// The end event's outcome (one of these).
    pub(crate) outcomes: Vec<Outcome>,
    pub(crate) ename: Option<&'static str>,
    pub(crate) evalue: Option<Text>,
    pub(crate) stdout: Option<Text>,
    pub(crate) stderr: Option<Text>,
    /// The result's text/plain; `None` skips the check.
    pub(crate) result: Option<Text>,
    pub(crate) no_result: bool,
    pub(crate) message: Option<&'static str>,
    pub(crate) truncated: bool,
    /// A timeout or cancel stops the cell with KeyboardInterrupt, keeping
    /// the session (false: the interpreter is stopped hard).
    pub(crate) interrupted_softly: bool,
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
            interrupted_softly: false,
        }
    }
}

/// One cell of a case and its expected outcome.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    pub(crate) code: String,
    pub(crate) timeout_ms: u64,
    pub(crate) max_output_bytes: u64,
    pub(crate) fuel: Option<u64>,
    pub(crate) expect: Expect,
}

/// Another session that lives through the case: `setup` runs in it before
/// the case, `check` after it, and must give `result`.
#[derive(Clone, Debug)]
pub(crate) struct Neighbour {
    pub(crate) setup: String,
    pub(crate) check: String,
    pub(crate) result: String,
}

/// One attack: its cells run in one session (or each on a fresh interpreter).
#[derive(Clone, Debug)]
pub(crate) struct Case {
    pub(crate) class: Class,
    pub(crate) name: &'static str,
    pub(crate) one_off: bool,
    pub(crate) memory_mib: u64,
    pub(crate) fuel_metered: bool,
    pub(crate) files: Vec<proto::File>,
    pub(crate) create_refused: Option<Code>,
    /// The cells name a session id that was never handed out.
    pub(crate) unknown_session: bool,
    pub(crate) cells: Vec<Cell>,
    pub(crate) neighbour: Option<Neighbour>,
    /// File requests on the case's session after its cells.
    pub(crate) transfers: Vec<Transfer>,
}

/// A file request after a case's cells, and what it must give.
#[derive(Clone, Debug)]
pub(crate) enum Transfer {
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
pub(crate) fn case(class: Class, name: &'static str, code: impl Into<String>) -> Case {
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

pub(crate) fn cell(code: String) -> Cell {
    Cell {
        code,
        timeout_ms: 0,
        max_output_bytes: 0,
        fuel: None,
        expect: Expect::default(),
    }
}

/// Python source from its lines.
pub(crate) fn py(lines: &[&str]) -> String {
    lines.join("\n")
}

/// Case settings; the expectation methods apply to the last cell added.
impl Case {
    /// Each cell runs on a fresh interpreter (Execute without a session).
    pub(crate) fn one_off(mut self) -> Self {
        self.one_off = true;
        self
    }

    pub(crate) fn memory_mib(mut self, mib: u64) -> Self {
        self.memory_mib = mib;
        self
    }

    pub(crate) fn fuel_metered(mut self) -> Self {
        self.fuel_metered = true;
        self
    }

    /// A file given to CreateSession.
    pub(crate) fn file(mut self, path: &str, content: &[u8]) -> Self {
        self.files.push(proto::File {
            path: path.to_owned(),
            content: content.to_vec(),
        });
        self
    }

    /// CreateSession itself must be refused with `code`.
    pub(crate) fn create_refused(mut self, code: Code) -> Self {
        self.create_refused = Some(code);
        self.cells.clear();
        self
    }

    pub(crate) fn neighbour(mut self, setup: &str, check: &str, result: &str) -> Self {
        self.neighbour = Some(Neighbour {
            setup: setup.to_owned(),
            check: check.to_owned(),
            result: result.to_owned(),
        });
        self
    }

    pub(crate) fn download(
        mut self,
        path: &'static str,
        expect: Result<&'static [u8], Code>,
    ) -> Self {
        self.transfers.push(Transfer::Download(path, expect));
        self
    }

    pub(crate) fn upload(
        mut self,
        path: &'static str,
        bytes: usize,
        refused: Option<Code>,
    ) -> Self {
        self.transfers.push(Transfer::Upload(path, bytes, refused));
        self
    }

    pub(crate) fn listed(mut self, paths: &'static [&'static str]) -> Self {
        self.transfers.push(Transfer::List(paths));
        self
    }

    pub(crate) fn absent_on_host(mut self, name: &'static str) -> Self {
        self.transfers.push(Transfer::AbsentOnHost(name));
        self
    }

    /// The cells go to a session id that was never handed out.
    pub(crate) fn unknown_session(mut self) -> Self {
        self.unknown_session = true;
        self
    }

    /// The next cell of the case, in the same session.
    pub(crate) fn then(mut self, code: impl Into<String>) -> Self {
        self.cells.push(cell(code.into()));
        self
    }

    pub(crate) fn last(&mut self) -> &mut Cell {
        self.cells.last_mut().expect("a case has cells")
    }

    pub(crate) fn timeout_ms(mut self, ms: u64) -> Self {
        self.last().timeout_ms = ms;
        self
    }

    /// A cell that must time out in Python code: a short limit, outcome
    /// TIMEOUT with KeyboardInterrupt, and the session kept.
    pub(crate) fn times_out(mut self) -> Self {
        self.last().timeout_ms = SHORT_TIMEOUT_MS;
        self.last().expect.interrupted_softly = true;
        self.ename("KeyboardInterrupt").ends(Outcome::Timeout)
    }

    /// A cell that must time out inside C code, deaf to KeyboardInterrupt:
    /// a short limit, outcome TIMEOUT, and the interpreter stopped after the
    /// interrupt's grace period.
    pub(crate) fn times_out_hard(mut self) -> Self {
        self.last().timeout_ms = SHORT_TIMEOUT_MS;
        self.ends(Outcome::Timeout)
    }

    pub(crate) fn output_cap(mut self, bytes: u64) -> Self {
        self.last().max_output_bytes = bytes;
        self
    }

    pub(crate) fn fuel(mut self, fuel: u64) -> Self {
        self.last().fuel = Some(fuel);
        self
    }

    pub(crate) fn ends(mut self, outcome: Outcome) -> Self {
        self.last().expect.outcomes = vec![outcome];
        self
    }

    /// Outcome ERROR with this exception.
    pub(crate) fn raises(mut self, ename: &'static str) -> Self {
        self.last().expect.ename = Some(ename);
        self.ends(Outcome::Error)
    }

    /// The exception (for outcomes other than ERROR, e.g. MEMORY_LIMIT).
    pub(crate) fn ename(mut self, ename: &'static str) -> Self {
        self.last().expect.ename = Some(ename);
        self
    }

    pub(crate) fn evalue_has(mut self, text: &str) -> Self {
        self.last().expect.evalue = Some(Text::Contains(text.to_owned()));
        self
    }

    pub(crate) fn refused(mut self, code: Code) -> Self {
        self.last().expect.refused = Some(code);
        self
    }

    pub(crate) fn stdout(mut self, text: &str) -> Self {
        self.last().expect.stdout = Some(Text::Exact(text.to_owned()));
        self
    }

    pub(crate) fn stdout_len(mut self, len: usize) -> Self {
        self.last().expect.stdout = Some(Text::Len(len));
        self
    }

    pub(crate) fn stderr_has(mut self, text: &str) -> Self {
        self.last().expect.stderr = Some(Text::Contains(text.to_owned()));
        self
    }

    pub(crate) fn stderr_len(mut self, len: usize) -> Self {
        self.last().expect.stderr = Some(Text::Len(len));
        self
    }

    /// The result's text/plain (repr of the value).
    pub(crate) fn result(mut self, text: &str) -> Self {
        self.last().expect.result = Some(Text::Exact(text.to_owned()));
        self
    }

    pub(crate) fn result_has(mut self, text: &str) -> Self {
        self.last().expect.result = Some(Text::Contains(text.to_owned()));
        self
    }

    pub(crate) fn result_len(mut self, len: usize) -> Self {
        self.last().expect.result = Some(Text::Len(len));
        self
    }

    pub(crate) fn no_result(mut self) -> Self {
        self.last().expect.no_result = true;
        self
    }

    pub(crate) fn message_has(mut self, text: &'static str) -> Self {
        self.last().expect.message = Some(text);
        self
    }

    pub(crate) fn truncated(mut self) -> Self {
        self.last().expect.truncated = true;
        self
    }
}

/// Outcomes after which the interpreter is stopped (a session's is then
/// rebuilt from its checkpoint).
pub(crate) fn stops_interpreter(outcome: Outcome, expect: &Expect) -> bool {
    match outcome {
        Outcome::Ok | Outcome::Error | Outcome::MemoryLimit => false,
        Outcome::Timeout | Outcome::Cancelled => !expect.interrupted_softly,
        _ => true,
    }
}

impl Case {
    /// Empty files with these names.
    pub(crate) fn files_named(mut self, names: impl Iterator<Item = String>) -> Self {
        for name in names {
            self = self.file(&name, b"");
        }
        self
    }
}

/// `text` cut to 160 bytes, for messages.
pub(crate) fn clip(text: &str) -> String {
    if text.len() <= 160 {
        return text.to_owned();
    }
    let cut = text.floor_char_boundary(160);
    format!("{}... ({} bytes)", &text[..cut], text.len())
}

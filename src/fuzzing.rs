//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz; `scripts/fuzz.sh`).
//!
//! Each one runs untrusted input through the same internal function the host
//! uses and checks that function's invariants, panicking (which the fuzzer
//! reports as a crash) when one breaks. Refusals are fine; panics, escapes and
//! broken caps are not. Not a public API.

use std::path::{Component, Path};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use prost::Message as _;
use tokio::sync::mpsc;
use tonic::metadata::{AsciiMetadataValue, MetadataMap};

use crate::charts::{self, ChartOutput};
use crate::events::{Event, Outcome};
use crate::limits::CellLimits;
use crate::sandbox::cell::{CellRequest, MAX_EVENT_BYTES_PER_CELL, RunningCell, StoreMeters};
use crate::sandbox::host_calls::{MAX_OP_LEN, MAX_PAYLOAD_BYTES, decode_request};
use crate::scratch::{Scratch, relative_path};
use crate::service::{ServiceConfig, convert, files, proto, request};

/// One host call: the guest's memory and the pointers it passed.
pub fn hostcall_request(memory: &[u8], op_ptr: u32, op_len: u32, ptr: u32, len: u32) {
    let within = |ptr: u32, len: u32| memory.get(ptr as usize..ptr as usize + len as usize);
    let decoded = decode_request(memory, op_ptr, op_len, ptr, len);
    let acceptable = op_len <= MAX_OP_LEN
        && len <= MAX_PAYLOAD_BYTES
        && within(ptr, len).is_some()
        && within(op_ptr, op_len).is_some_and(|op| std::str::from_utf8(op).is_ok());
    match decoded {
        Ok((op, payload)) => {
            assert!(acceptable, "accepted a request it should refuse");
            assert_eq!(Some(op.as_bytes()), within(op_ptr, op_len));
            assert_eq!(Some(payload.as_slice()), within(ptr, len));
        }
        Err(refusal) => {
            assert!(!acceptable, "refused a valid request: {refusal}");
            assert!(!refusal.is_empty());
        }
    }
}

/// Output caps the event target runs every sequence under: none left, a few
/// bytes (so truncation lands inside multi-byte characters), the default.
const OUTPUT_CAPS: [usize; 3] = [0, 7, 1 << 20];

/// A sequence of `event` host-call payloads of one cell, through the host's
/// event-byte cap, JSON decoding and output cap, then converted to the API's
/// messages as the service sends them.
pub fn hostcall_events(payloads: &[&[u8]]) {
    for cap in OUTPUT_CAPS {
        let (events, mut received) = mpsc::unbounded_channel();
        let request = CellRequest {
            code: String::new(),
            limits: CellLimits {
                max_output_bytes: cap,
                ..CellLimits::default()
            },
            events,
            cancel: Arc::new(AtomicBool::new(false)),
        };
        let mut cell = RunningCell::start(request, 1, None, 0);
        let (mut charged, mut dropped_a_chunk) = (0, false);
        for payload in payloads {
            charged += payload.len();
            match cell.accept_event(payload) {
                // The event-byte cap stops the instance.
                Err(_) => {
                    assert!(charged > MAX_EVENT_BYTES_PER_CELL, "stopped under the cap");
                    break;
                }
                Ok(Ok(answer)) => match answer.as_slice() {
                    b"1" => {}
                    b"0" => dropped_a_chunk = true,
                    other => panic!("event answer {other:?}"),
                },
                Ok(Err(refusal)) => assert!(!refusal.is_empty()),
            }
            assert!(
                charged <= MAX_EVENT_BYTES_PER_CELL,
                "passed the event-byte cap"
            );
        }
        cell.end(None, None, StoreMeters::default(), None);
        let mut streamed = 0;
        let mut last_error = None;
        let mut end = None;
        while let Ok(event) = received.try_recv() {
            assert!(end.is_none(), "an event after the end event");
            match &event {
                Event::End(cell_end) => end = Some((cell_end.outcome, cell_end.output_truncated)),
                Event::Stream { text, .. } => {
                    assert!(!text.is_empty(), "empty stream event forwarded");
                    streamed += text.len();
                }
                Event::Error(error) => last_error = Some(error.ename.clone()),
                Event::Display(_) | Event::Result(_) => {}
            }
            let message = convert::event(event, true);
            let bytes = message.encode_to_vec();
            let decoded = proto::Event::decode(bytes.as_slice())
                .unwrap_or_else(|e| panic!("a client cannot decode a forwarded event: {e}"));
            // Compared as bytes: NaN values are unequal to themselves.
            assert_eq!(decoded.encode_to_vec(), bytes);
        }
        let (outcome, truncated) = end.expect("the cell's own end event");
        assert!(streamed <= cap, "output past the cap");
        assert!(
            truncated || !dropped_a_chunk,
            "dropped a chunk under the cap"
        );
        assert_eq!(outcome == Outcome::Error, last_error.is_some());
    }
}

/// Largest figure the host renders, in pixels (src/charts/layout.rs).
const MAX_SIDE_PX: u32 = 8192;
const MAX_AREA_PX: u64 = 16_000_000;

/// One `chart` host-call payload through [`charts::handle`].
pub fn chart(payload: &[u8]) {
    match charts::handle(payload) {
        Ok(ChartOutput::Display(display)) => {
            let mimes: Vec<&str> = display
                .data
                .iter()
                .map(|item| item.mime_type.as_str())
                .collect();
            assert_eq!(
                mimes,
                [
                    "image/png",
                    "image/svg+xml",
                    charts::DESCRIPTION_MIME,
                    "text/plain"
                ]
            );
            assert!(display.data[0].data.starts_with(b"\x89PNG\r\n\x1a\n"));
            let side = |key: &str| -> u32 { display.metadata[key].parse().unwrap() };
            let (width, height) = (side("width"), side("height"));
            assert!((1..=MAX_SIDE_PX).contains(&width) && (1..=MAX_SIDE_PX).contains(&height));
            assert!(u64::from(width) * u64::from(height) <= MAX_AREA_PX);
            serde_json::from_slice::<serde_json::Value>(&display.data[2].data)
                .expect("the chart description is JSON");
        }
        Ok(ChartOutput::File(bytes)) => {
            assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(b"<svg"));
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
}

/// Plain inputs of request validation (the fuzz target builds them with
/// `arbitrary`; the service's protobuf messages do not implement it).
#[derive(Debug, Clone, Default)]
pub struct RequestInput {
    /// Operator's settings (ServiceConfig), in ms and bytes.
    pub default_cell_timeout_ms: u32,
    pub max_cell_timeout_ms: u32,
    pub default_output_bytes: u32,
    pub max_output_bytes: u32,
    pub default_memory_bytes: u64,
    pub sandbox_max_memory_bytes: u64,
    pub max_code_bytes: u16,
    pub max_session_files: u8,
    pub max_session_file_bytes: u16,
    /// The request's.
    pub cell_limits: Option<(u64, u64, Option<u64>)>,
    pub instance_limits: Option<(u64, bool, Option<u64>)>,
    pub grpc_timeout: Vec<u8>,
    pub code: String,
    pub files: Vec<(String, u16)>,
}

/// Request validation of `request.rs` and `files.rs`: refusals are
/// INVALID_ARGUMENT; what passes is within the caps, and what is within the
/// caps passes.
pub fn request_limits(input: &RequestInput) {
    let config = ServiceConfig {
        default_cell_timeout: Duration::from_millis(input.default_cell_timeout_ms.into()),
        max_cell_timeout: Duration::from_millis(input.max_cell_timeout_ms.into()),
        default_output_bytes: input.default_output_bytes as usize,
        max_output_bytes: input.max_output_bytes as usize,
        default_memory_bytes: input.default_memory_bytes,
        max_code_bytes: input.max_code_bytes.into(),
        max_session_files: input.max_session_files.into(),
        max_session_file_bytes: input.max_session_file_bytes.into(),
        ..ServiceConfig::default()
    };
    // The server refuses to start with a default above its cap.
    if config.check().is_err() {
        return;
    }
    let invalid = |status: &tonic::Status| {
        assert_eq!(status.code(), tonic::Code::InvalidArgument, "{status:?}");
        assert!(!status.message().is_empty());
    };

    // grpc-timeout: a header tonic accepts parses exactly when it is 1..=8
    // digits and a unit.
    let mut metadata = MetadataMap::new();
    let header = AsciiMetadataValue::try_from(input.grpc_timeout.as_slice()).ok();
    if let Some(value) = header.clone() {
        metadata.insert("grpc-timeout", value);
    }
    let deadline = match request::grpc_deadline(&metadata) {
        Ok(deadline) => {
            let text = header.as_ref().map(|h| h.to_str().unwrap());
            assert_eq!(deadline, text.and_then(expected_grpc_timeout));
            assert_eq!(deadline.is_none(), header.is_none());
            deadline
        }
        Err(status) => {
            invalid(&status);
            let text = header.as_ref().and_then(|h| h.to_str().ok());
            assert!(text.is_none_or(|t| expected_grpc_timeout(t).is_none()));
            None
        }
    };

    let requested = input
        .cell_limits
        .map(|(timeout_ms, max_output_bytes, fuel)| proto::CellLimits {
            timeout_ms,
            max_output_bytes,
            fuel,
        });
    let asked = requested.unwrap_or_default();
    let timeout = match asked.timeout_ms {
        0 => config.default_cell_timeout,
        ms => Duration::from_millis(ms),
    };
    let output = match asked.max_output_bytes {
        0 => config.default_output_bytes as u64,
        bytes => bytes,
    };
    let within = timeout <= config.max_cell_timeout
        && output <= config.max_output_bytes as u64
        && asked.fuel != Some(0);
    match request::cell_limits(&config, requested.as_ref(), deadline) {
        Ok(limits) => {
            assert!(within, "accepted {asked:?} over the caps");
            assert!(limits.timeout <= config.max_cell_timeout);
            // The caller's deadline, less a margin of at most 200 ms or a
            // tenth of it, bounds the cell.
            let expected = deadline.map_or(timeout, |deadline| {
                let margin = Duration::from_millis(200).min(deadline / 10);
                timeout.min(deadline - margin)
            });
            assert_eq!(limits.timeout, expected);
            assert!(deadline.is_none_or(|deadline| limits.timeout <= deadline));
            assert_eq!(limits.max_output_bytes as u64, output);
            assert_eq!(limits.fuel, asked.fuel);
        }
        Err(status) => {
            invalid(&status);
            assert!(!within, "refused {asked:?} within the caps: {status:?}");
        }
    }

    let requested = input
        .instance_limits
        .map(
            |(memory_bytes, fuel_metered, random_seed)| proto::InstanceLimits {
                memory_bytes,
                fuel_metered,
                random_seed,
            },
        );
    let asked = requested.unwrap_or_default();
    let memory = match asked.memory_bytes {
        0 => config.default_memory_bytes,
        bytes => bytes,
    };
    let max_memory = input.sandbox_max_memory_bytes;
    match request::instance_limits(&config, max_memory, requested.as_ref()) {
        Ok(limits) => {
            assert!(memory <= max_memory);
            assert_eq!(limits.memory_bytes, memory);
            assert_eq!(limits.fuel_metered, asked.fuel_metered);
            assert_eq!(limits.random_seed, asked.random_seed);
        }
        Err(status) => {
            invalid(&status);
            assert!(memory > max_memory);
        }
    }

    match request::check_code(&config, &input.code) {
        Ok(()) => assert!(input.code.len() <= config.max_code_bytes),
        Err(status) => {
            invalid(&status);
            assert!(input.code.len() > config.max_code_bytes);
        }
    }

    let given: Vec<proto::File> = input
        .files
        .iter()
        .map(|(path, size)| proto::File {
            path: path.clone(),
            content: vec![0; usize::from(*size)],
        })
        .collect();
    let total: u64 = input.files.iter().map(|(_, size)| u64::from(*size)).sum();
    match files::check(&config, &given) {
        Ok(()) => {
            assert!(given.len() <= config.max_session_files);
            assert!(total <= config.max_session_file_bytes);
            let mut seen = std::collections::HashSet::new();
            for file in &given {
                let path = relative_path(&file.path).expect("an accepted file path");
                assert!(seen.insert(path), "a duplicate path was accepted");
            }
        }
        Err(status) => invalid(&status),
    }
}

/// What a `grpc-timeout` header means by the gRPC spec, independently of
/// `request.rs`: 1 to 8 ASCII digits and a unit.
fn expected_grpc_timeout(text: &str) -> Option<Duration> {
    let unit = text.chars().last()?;
    let digits = &text[..text.len() - unit.len_utf8()];
    if !(1..=8).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let amount: u64 = digits.parse().ok()?;
    let nanos: u64 = match unit {
        'H' => 3_600_000_000_000,
        'M' => 60_000_000_000,
        'S' => 1_000_000_000,
        'm' => 1_000_000,
        'u' => 1_000,
        'n' => 1,
        _ => return None,
    };
    let total = u128::from(amount) * u128::from(nanos);
    Some(Duration::new(
        u64::try_from(total / 1_000_000_000).unwrap(),
        u32::try_from(total % 1_000_000_000).unwrap(),
    ))
}

/// A file path of a file request (`relative_path`): an accepted path
/// stays inside the scratch directory; and the scratch directory's file
/// operations never follow a link out of it.
pub fn scratch_path(text: &str) {
    let Ok(path) = relative_path(text) else {
        return;
    };
    assert!(!text.contains('\0'), "NUL accepted: {text:?}");
    assert!(text.len() <= 1024, "overlong path accepted");
    assert!(path.is_relative(), "absolute path accepted: {text:?}");
    for component in path.components() {
        assert!(
            matches!(component, Component::Normal(_)),
            "{component:?} accepted in {text:?}"
        );
    }
    let inside = text.strip_prefix("/mnt/data/").unwrap_or(text);
    for part in inside.split('/') {
        assert!(
            !matches!(part, "" | "." | ".."),
            "{text:?} accepted with a {part:?} component"
        );
    }
    let root = Path::new("/scratch");
    assert!(
        root.join(&path).starts_with(root),
        "{text:?} leaves the root"
    );

    let fixture = scratch_fixture();
    if let Ok((mut file, _)) = fixture.scratch.open_file(&path) {
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut content).unwrap();
        assert_ne!(
            content, SECRET,
            "{text:?} read a file outside the scratch directory"
        );
    }
    let _ = fixture.scratch.check_target(&path);
}

const SECRET: &[u8] = b"outside the scratch directory";

struct ScratchFixture {
    _dirs: (tempfile::TempDir, tempfile::TempDir),
    scratch: Scratch,
}

/// A scratch directory with a regular file, a directory, and links (to a
/// directory and to a file) pointing outside it at a secret.
fn scratch_fixture() -> &'static ScratchFixture {
    static FIXTURE: OnceLock<ScratchFixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), SECRET).unwrap();
        std::fs::create_dir_all(root.path().join("d/e")).unwrap();
        std::fs::write(root.path().join("d/f"), b"inside").unwrap();
        std::fs::write(root.path().join("a"), b"inside").unwrap();
        let link = |target: &Path, name: &str| {
            std::os::unix::fs::symlink(target, root.path().join(name)).unwrap();
        };
        link(outside.path(), "out");
        link(outside.path(), "d/out");
        link(&outside.path().join("secret"), "secret");
        link(Path::new("../../secret"), "d/e/up");
        let scratch = Scratch::new(root.path());
        ScratchFixture {
            _dirs: (root, outside),
            scratch,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every committed seed and reproducer of `fuzz/corpus/` passes its
    /// target's checks (so `cargo test` replays them without cargo-fuzz).
    #[test]
    fn the_fuzz_corpus_passes() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
        // (file name, content) of every input of `target`.
        let inputs = |target: &str| -> Vec<(String, Vec<u8>)> {
            let Ok(entries) = std::fs::read_dir(corpus.join(target)) else {
                return Vec::new();
            };
            entries
                .map(|entry| {
                    let path = entry.unwrap().path();
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    (name, std::fs::read(&path).unwrap())
                })
                .collect()
        };
        let events = inputs("hostcall_event");
        assert!(!events.is_empty());
        for (_, data) in events {
            hostcall_events(&data.split(|&b| b == b'\n').collect::<Vec<_>>());
        }
        let specs = inputs("chart_spec");
        assert!(!specs.is_empty());
        for (name, data) in specs {
            // Seeds are what the guest sends: they must render.
            if name.starts_with("seed-") {
                assert!(charts::handle(&data).is_ok(), "{name} renders");
            }
            chart(&data);
        }
        for (_, data) in inputs("scratch_paths") {
            scratch_path(&String::from_utf8_lossy(&data));
        }
    }

    #[test]
    fn requests_decode_within_guest_memory() {
        let memory = b"eventhello";
        hostcall_request(memory, 0, 5, 5, 5);
        hostcall_request(memory, 0, 5, 8, 5);
        hostcall_request(memory, u32::MAX, 5, 0, 0);
        hostcall_request(memory, 0, 65, 0, 0);
    }

    #[test]
    fn request_validation_holds_its_invariants() {
        let defaults = RequestInput {
            default_cell_timeout_ms: 30_000,
            max_cell_timeout_ms: 600_000,
            default_output_bytes: 1 << 20,
            max_output_bytes: 16 << 20,
            default_memory_bytes: 512 << 20,
            sandbox_max_memory_bytes: 4 << 30,
            max_code_bytes: 100,
            max_session_files: 2,
            max_session_file_bytes: 10,
            ..RequestInput::default()
        };
        for header in ["", "1S", "99999999H", "123456789S", "0n", "5x", "é"] {
            request_limits(&RequestInput {
                grpc_timeout: header.as_bytes().to_vec(),
                cell_limits: Some((700_000, 0, Some(0))),
                instance_limits: Some((u64::MAX, true, None)),
                files: vec![("a".into(), 5), ("/mnt/data/a".into(), 5)],
                ..defaults.clone()
            });
        }
    }

    #[test]
    fn scratch_paths_never_leave_the_directory() {
        for text in [
            "a",
            "d/f",
            "secret",
            "out/secret",
            "d/out/secret",
            "d/e/up",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "/mnt/data/../secret",
            "d/./f",
        ] {
            scratch_path(text);
        }
    }
}

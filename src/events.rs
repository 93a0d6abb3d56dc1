//! What a cell produces: the events (after Jupyter's messages) and typed values.
//!
//! The guest runtime sends `stream`, `display`, `result` and `error` events as
//! JSON over the `event` host call; the host adds the final [`Event::End`].

use std::collections::BTreeMap;
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Deserializer, Serialize};

/// One thing that happened while a cell ran, in the order it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A chunk of text the cell wrote to stdout or stderr.
    Stream { name: StreamName, text: String },
    /// A rich output (image, HTML, chart, table): the representations of one object.
    Display(Display),
    /// The value of the cell's trailing expression.
    Result(ExecResult),
    /// An exception escaped the cell.
    Error(ExecError),
    /// The cell finished; always the last event.
    End(CellEnd),
}

/// Which output stream a [`Event::Stream`] chunk belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StreamName {
    Stdout,
    Stderr,
}

/// A rich output: one object in one or more MIME types, after Jupyter's
/// `display_data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Display {
    pub data: Vec<MimeData>,
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
}

/// One representation of a displayed object.
///
/// On the wire (and in JSON output) text travels as `{"mime_type", "text"}`
/// and anything else as `{"mime_type", "base64"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "WireMimeData", into = "WireMimeData")]
pub struct MimeData {
    /// e.g. `image/png`, `text/html`.
    pub mime_type: String,
    pub data: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct WireMimeData {
    mime_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base64: Option<String>,
}

impl TryFrom<WireMimeData> for MimeData {
    type Error = String;

    fn try_from(wire: WireMimeData) -> Result<Self, String> {
        let data = match (wire.text, wire.base64) {
            (Some(text), None) => text.into_bytes(),
            (None, Some(encoded)) => BASE64
                .decode(encoded)
                .map_err(|e| format!("{}: bad base64: {e}", wire.mime_type))?,
            _ => {
                return Err(format!(
                    "{}: give exactly one of text and base64",
                    wire.mime_type
                ));
            }
        };
        Ok(Self {
            mime_type: wire.mime_type,
            data,
        })
    }
}

impl From<MimeData> for WireMimeData {
    fn from(item: MimeData) -> Self {
        let mime_type = item.mime_type;
        match String::from_utf8(item.data) {
            Ok(text) if is_textual(&mime_type) => Self {
                mime_type,
                text: Some(text),
                base64: None,
            },
            other => Self {
                base64: Some(
                    BASE64.encode(other.map_or_else(|e| e.into_bytes(), String::into_bytes)),
                ),
                mime_type,
                text: None,
            },
        }
    }
}

/// MIME types whose data is text (sent as such rather than base64).
fn is_textual(mime_type: &str) -> bool {
    mime_type.starts_with("text/") || mime_type.ends_with("+xml") || mime_type.ends_with("json")
}

/// The value of a trailing expression, typed and as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecResult {
    pub value: Value,
    /// `repr()` of the value (capped by the guest at 64 KiB).
    pub text_plain: String,
    /// LaTeX for symbolic (sympy) values.
    pub text_latex: Option<String>,
}

/// An exception that escaped the cell, formatted like Python does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecError {
    /// Exception class name, e.g. `ZeroDivisionError`.
    pub ename: String,
    /// `str()` of the exception.
    pub evalue: String,
    /// Traceback lines pointing at `<cell-N>` lines; the runner's frames are hidden.
    pub traceback: Vec<String>,
}

/// A typed Python value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    None,
    Bool {
        value: bool,
    },
    /// An integer of any size, as decimal digits.
    Int {
        value: String,
    },
    Float {
        #[serde(deserialize_with = "float_from_repr")]
        value: f64,
    },
    Fraction {
        numerator: String,
        denominator: String,
    },
    Decimal {
        value: String,
    },
    Complex {
        #[serde(deserialize_with = "float_from_repr")]
        real: f64,
        #[serde(deserialize_with = "float_from_repr")]
        imag: f64,
    },
    Str {
        value: String,
    },
    List {
        items: Vec<Value>,
    },
    Tuple {
        items: Vec<Value>,
    },
    Set {
        items: Vec<Value>,
    },
    Dict {
        entries: Vec<(Value, Value)>,
    },
    /// A sympy object: its `str()` and its LaTeX.
    Symbolic {
        text: String,
        latex: String,
    },
    /// A numpy array or scalar (`shape` empty): its elements in row-major
    /// order, all of them or, when `truncated`, the first ones.
    Array {
        dtype: String,
        shape: Vec<u64>,
        items: Vec<Value>,
        truncated: bool,
    },
    /// Anything else, as its repr.
    Repr {
        #[serde(rename = "type")]
        type_name: String,
        text: String,
    },
}

/// Python floats travel as their `repr` so that `inf`, `nan` and `-0.0` survive JSON.
fn float_from_repr<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum FloatRepr {
        Text(String),
        Number(f64),
    }
    match FloatRepr::deserialize(deserializer)? {
        FloatRepr::Number(n) => Ok(n),
        FloatRepr::Text(text) => text.parse().map_err(serde::de::Error::custom),
    }
}

/// How a cell ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The cell ran to completion.
    Ok,
    /// A Python exception escaped the cell (see the [`Event::Error`]).
    Error,
    /// The wall-clock deadline passed; the instance was stopped.
    Timeout,
    /// The memory cap was hit (the guest saw MemoryError, or its instance died).
    MemoryLimit,
    /// The cell sent more event bytes than the hard per-cell cap; the instance
    /// was stopped. (Printed text beyond the output cap is only dropped.)
    OutputLimit,
    /// The fuel budget ran out; the instance was stopped.
    FuelExhausted,
    /// The caller cancelled the cell; the instance was stopped.
    Cancelled,
    /// The guest crashed (a trap such as a C stack overflow) or broke the protocol.
    SandboxFault,
}

/// Resources a cell used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Usage {
    #[serde(with = "duration_micros")]
    pub wall_time: Duration,
    /// Fuel consumed, when the cell ran with a fuel budget.
    pub fuel_used: Option<u64>,
    /// Largest linear-memory size of the instance so far, in bytes.
    pub peak_memory_bytes: u64,
    /// The cell's number within its session (1 for the first cell).
    pub execution_count: u64,
}

/// The final event of a cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CellEnd {
    pub outcome: Outcome,
    pub usage: Usage,
    /// Output beyond the cap was dropped.
    pub output_truncated: bool,
    /// For outcomes other than ok/error: what happened, in words.
    pub message: Option<String>,
    /// The cell stopped the session's interpreter, which was rebuilt from the
    /// session's checkpoint taken after this many cells: the state of before
    /// the cell, as far as it ran after that checkpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolled_back_to: Option<u64>,
}

mod duration_micros {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_micros(u64::deserialize(d)?))
    }
}

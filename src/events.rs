//! What a cell produces: the events (after Jupyter's messages) and typed values.
//!
//! The guest runtime sends `stream`, `result` and `error` events as JSON over the
//! `event` host call; the host adds the final [`Event::End`].

use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize};

/// One thing that happened while a cell ran, in the order it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A chunk of text the cell wrote to stdout or stderr.
    Stream { name: StreamName, text: String },
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

//! Library events, values and errors to API messages.

use tonic::Status;

use super::proto;
use super::proto::event::Kind;
use super::proto::value::Kind as ValueKind;
use crate::{
    CellEnd, Event, ExecError, ExecResult, InstanceLimits, Outcome, StateError, StreamName, Value,
};

/// An API event; `session_alive` fills the end event's flag.
pub fn event(event: Event, session_alive: bool) -> proto::Event {
    let kind = match event {
        Event::Stream { name, text } => Kind::Stream(proto::Stream {
            name: match name {
                StreamName::Stdout => proto::StreamName::Stdout,
                StreamName::Stderr => proto::StreamName::Stderr,
            }
            .into(),
            text,
        }),
        Event::Display(display) => Kind::Display(proto::Display {
            data: display
                .data
                .into_iter()
                .map(|item| proto::DisplayData {
                    mime_type: item.mime_type,
                    data: item.data,
                })
                .collect(),
            metadata: display.metadata.into_iter().collect(),
        }),
        Event::Result(ExecResult {
            value,
            text_plain,
            text_latex,
        }) => Kind::Result(proto::Result {
            value: Some(self::value(value)),
            text_plain,
            text_latex,
        }),
        Event::Error(ExecError {
            ename,
            evalue,
            traceback,
        }) => Kind::Error(proto::Error {
            ename,
            evalue,
            traceback,
        }),
        Event::End(end) => Kind::End(self::end(end, session_alive)),
    };
    proto::Event { kind: Some(kind) }
}

/// The API's end event.
pub fn end(end: CellEnd, session_alive: bool) -> proto::End {
    proto::End {
        outcome: outcome(end.outcome).into(),
        usage: Some(proto::Usage {
            wall_time_us: u64::try_from(end.usage.wall_time.as_micros()).unwrap_or(u64::MAX),
            fuel_used: end.usage.fuel_used,
            peak_memory_bytes: end.usage.peak_memory_bytes,
            execution_count: end.usage.execution_count,
        }),
        output_truncated: end.output_truncated,
        message: end.message.unwrap_or_default(),
        session_alive,
        rolled_back_to: end.rolled_back_to,
    }
}

fn outcome(outcome: Outcome) -> proto::Outcome {
    match outcome {
        Outcome::Ok => proto::Outcome::Ok,
        Outcome::Error => proto::Outcome::Error,
        Outcome::Timeout => proto::Outcome::Timeout,
        Outcome::MemoryLimit => proto::Outcome::MemoryLimit,
        Outcome::OutputLimit => proto::Outcome::OutputLimit,
        Outcome::FuelExhausted => proto::Outcome::FuelExhausted,
        Outcome::Cancelled => proto::Outcome::Cancelled,
        Outcome::SandboxFault => proto::Outcome::SandboxFault,
    }
}

/// The API's typed value.
pub fn value(value: Value) -> proto::Value {
    let sequence = |items: Vec<Value>| proto::Sequence {
        items: items.into_iter().map(self::value).collect(),
    };
    let kind = match value {
        Value::None => ValueKind::NoneValue(proto::NoneValue {}),
        Value::Bool { value } => ValueKind::BoolValue(value),
        Value::Int { value } => ValueKind::IntValue(integer(value)),
        Value::Float { value } => ValueKind::FloatValue(value),
        Value::Fraction {
            numerator,
            denominator,
        } => ValueKind::FractionValue(proto::Fraction {
            numerator: Some(integer(numerator)),
            denominator: Some(integer(denominator)),
        }),
        Value::Decimal { value } => ValueKind::DecimalValue(value),
        Value::Complex { real, imag } => ValueKind::ComplexValue(proto::Complex { real, imag }),
        Value::Str { value } => ValueKind::StrValue(value),
        Value::List { items } => ValueKind::ListValue(sequence(items)),
        Value::Tuple { items } => ValueKind::TupleValue(sequence(items)),
        Value::Set { items } => ValueKind::SetValue(sequence(items)),
        Value::Dict { entries } => ValueKind::DictValue(proto::Map {
            entries: entries
                .into_iter()
                .map(|(key, value)| proto::MapEntry {
                    key: Some(self::value(key)),
                    value: Some(self::value(value)),
                })
                .collect(),
        }),
        Value::Symbolic { text, latex } => {
            ValueKind::SymbolicValue(proto::Symbolic { text, latex })
        }
        Value::Array {
            dtype,
            shape,
            items,
            truncated,
        } => ValueKind::ArrayValue(proto::Array {
            dtype,
            shape,
            items: items.into_iter().map(self::value).collect(),
            truncated,
        }),
        Value::Repr { type_name, text } => ValueKind::ReprValue(proto::Repr { type_name, text }),
    };
    proto::Value { kind: Some(kind) }
}

/// An exact integer, with its int64 form when it fits.
fn integer(decimal: String) -> proto::Integer {
    proto::Integer {
        int64: decimal.parse().ok(),
        decimal,
    }
}

/// The API's form of an interpreter's limits.
pub fn instance_limits(limits: InstanceLimits) -> proto::InstanceLimits {
    proto::InstanceLimits {
        memory_bytes: limits.memory_bytes,
        fuel_metered: limits.fuel_metered,
        random_seed: limits.random_seed,
    }
}

/// The status of a saved state that could not be restored: bad bytes are
/// INVALID_ARGUMENT, another build's FAILED_PRECONDITION.
pub fn state_error(error: StateError) -> Status {
    match error {
        StateError::Malformed(_) | StateError::TooLarge(_) => {
            Status::invalid_argument(error.to_string())
        }
        StateError::OtherBuild { .. } => Status::failed_precondition(error.to_string()),
        StateError::Start(error) => sandbox_error(error),
        StateError::Failed(_) => Status::internal(error.to_string()),
    }
}

/// The status for a sandbox that could not start an interpreter.
pub fn sandbox_error(error: anyhow::Error) -> Status {
    if error
        .chain()
        .any(|cause| cause.is::<wasmtime::PoolConcurrencyLimitError>())
    {
        return Status::resource_exhausted(format!("no interpreter slot is free: {error:#}"));
    }
    tracing::error!(error = %format!("{error:#}"), "starting an interpreter failed");
    Status::internal(format!("starting an interpreter failed: {error:#}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_keep_every_digit_and_add_int64_when_it_fits() {
        let big = "-123456789012345678901234567890".to_owned();
        assert_eq!(integer(big.clone()).decimal, big);
        assert_eq!(integer(big).int64, None);
        assert_eq!(integer(i64::MIN.to_string()).int64, Some(i64::MIN));
        assert_eq!(integer("9223372036854775808".into()).int64, None);
    }

    #[test]
    fn containers_convert_recursively() {
        let value = value(Value::Dict {
            entries: vec![(
                Value::Str { value: "k".into() },
                Value::List {
                    items: vec![Value::None, Value::Bool { value: true }],
                },
            )],
        });
        let Some(ValueKind::DictValue(map)) = value.kind else {
            panic!("not a dict: {value:?}");
        };
        let entry = &map.entries[0];
        assert_eq!(
            entry.key.as_ref().unwrap().kind,
            Some(ValueKind::StrValue("k".into()))
        );
        let Some(ValueKind::ListValue(list)) = &entry.value.as_ref().unwrap().kind else {
            panic!("not a list");
        };
        assert_eq!(list.items.len(), 2);
    }
}

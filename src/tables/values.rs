//! Column values between JSON and polars: columns the guest builds from
//! Python lists, and rows it fetches (for printing, `tolist`, iteration).
//!
//! Special values travel tagged: `{"$f": "nan" | "inf" | "-inf"}`,
//! `{"$dt": microseconds}` (naive datetime), `{"$td": microseconds}`.

use polars::prelude::*;
use serde_json::{Value, json};

use super::error::{TableError, TableResult};

/// A series from JSON values of one kind (nulls allowed); `hint`
/// `"datetime"` reads ISO strings or `$dt` values as datetimes.
pub fn series_from_json(name: &str, values: &[Value], hint: Option<&str>) -> TableResult<Series> {
    let name = PlSmallStr::from(name);
    let kind = column_kind(values)?;
    let series = match kind {
        Kind::Null => Series::full_null(name, values.len(), &DataType::Null),
        Kind::Nan => Series::full_null(name, values.len(), &DataType::Float64),
        Kind::Bool => Series::new(name, values.iter().map(Value::as_bool).collect::<Vec<_>>()),
        Kind::Int => Series::new(name, values.iter().map(Value::as_i64).collect::<Vec<_>>()),
        Kind::Float => Series::new(name, values.iter().map(float).collect::<Vec<_>>()),
        Kind::Str => Series::new(name, values.iter().map(Value::as_str).collect::<Vec<_>>()),
        Kind::Datetime | Kind::Timedelta => {
            let tag = if kind == Kind::Datetime { "$dt" } else { "$td" };
            let micros: Vec<Option<i64>> = values
                .iter()
                .map(|v| v.get(tag).and_then(Value::as_i64))
                .collect();
            let dtype = if kind == Kind::Datetime {
                DataType::Datetime(TimeUnit::Microseconds, None)
            } else {
                DataType::Duration(TimeUnit::Microseconds)
            };
            Series::new(name, micros).cast(&dtype)?
        }
    };
    if hint == Some("datetime") && kind == Kind::Str {
        let frame = DataFrame::new_infer_height(vec![series.into()])?;
        let name = frame.get_column_names()[0].clone();
        let parsed = frame
            .lazy()
            .select([col(name.clone()).str().to_datetime(
                Some(TimeUnit::Microseconds),
                None,
                StrptimeOptions::default(),
                lit("raise"),
            )])
            .collect()?;
        return Ok(parsed.column(&name)?.as_materialized_series().clone());
    }
    Ok(series)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Null,
    /// A NaN float: missing, but a column of nothing else is float64 (pandas' NaN).
    Nan,
    Bool,
    Int,
    Float,
    Str,
    Datetime,
    Timedelta,
}

fn value_kind(value: &Value) -> TableResult<Kind> {
    Ok(match value {
        Value::Null => Kind::Null,
        Value::Bool(_) => Kind::Bool,
        Value::Number(n) if n.is_i64() => Kind::Int,
        Value::Number(_) => Kind::Float,
        Value::String(_) => Kind::Str,
        Value::Object(map) if map.get("$f").and_then(Value::as_str) == Some("nan") => Kind::Nan,
        Value::Object(map) if map.contains_key("$f") => Kind::Float,
        Value::Object(map) if map.contains_key("$dt") => Kind::Datetime,
        Value::Object(map) if map.contains_key("$td") => Kind::Timedelta,
        _ => {
            return Err(TableError::unsupported(
                "columns of lists, dicts or other objects",
            ));
        }
    })
}

/// The kind of a whole column: ints and floats mix to floats, NaN joins any
/// kind (as a missing value); other mixes (pandas' object columns) are refused.
fn column_kind(values: &[Value]) -> TableResult<Kind> {
    let mut kind = Kind::Null;
    for value in values {
        let this = value_kind(value)?;
        kind = match (kind, this) {
            (a, Kind::Null) => a,
            (Kind::Null, b) | (Kind::Nan, b) => b,
            (a, Kind::Nan) => a,
            (a, b) if a == b => a,
            (Kind::Int, Kind::Float) | (Kind::Float, Kind::Int) => Kind::Float,
            _ => {
                return Err(TableError::unsupported(
                    "columns mixing strings, numbers, booleans or dates (object columns)",
                ));
            }
        };
    }
    Ok(kind)
}

fn float(value: &Value) -> Option<f64> {
    match value {
        Value::Object(map) => match map.get("$f").and_then(Value::as_str) {
            Some("inf") => Some(f64::INFINITY),
            Some("-inf") => Some(f64::NEG_INFINITY),
            _ => None,
        },
        other => other.as_f64(),
    }
}

/// One value as JSON (see the module docs for the tags).
pub fn to_json(value: AnyValue<'_>) -> Value {
    match value {
        AnyValue::Null => Value::Null,
        AnyValue::Boolean(b) => Value::Bool(b),
        AnyValue::Int8(v) => json!(v),
        AnyValue::Int16(v) => json!(v),
        AnyValue::Int32(v) => json!(v),
        AnyValue::Int64(v) => json!(v),
        AnyValue::UInt8(v) => json!(v),
        AnyValue::UInt16(v) => json!(v),
        AnyValue::UInt32(v) => json!(v),
        AnyValue::UInt64(v) => json!(v),
        AnyValue::Float32(v) => float_json(v as f64),
        AnyValue::Float64(v) => float_json(v),
        AnyValue::String(s) => Value::String(s.to_owned()),
        AnyValue::StringOwned(s) => Value::String(s.to_string()),
        AnyValue::Datetime(v, unit, _) | AnyValue::DatetimeOwned(v, unit, _) => {
            json!({"$dt": to_micros(v, unit)})
        }
        AnyValue::Date(days) => json!({"$dt": days as i64 * 86_400_000_000}),
        AnyValue::Duration(v, unit) => json!({"$td": to_micros(v, unit)}),
        other => Value::String(other.to_string()),
    }
}

fn to_micros(value: i64, unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Nanoseconds => value / 1000,
        TimeUnit::Microseconds => value,
        TimeUnit::Milliseconds => value * 1000,
    }
}

fn float_json(v: f64) -> Value {
    if v.is_finite() {
        json!(v)
    } else if v.is_nan() {
        json!({"$f": "nan"})
    } else if v > 0.0 {
        json!({"$f": "inf"})
    } else {
        json!({"$f": "-inf"})
    }
}

/// The frame's columns as `[[name, [values]], ...]`.
pub fn columns_json(frame: &DataFrame) -> Value {
    let columns = frame.columns().iter().map(|column| {
        let values: Vec<Value> = column
            .as_materialized_series()
            .iter()
            .map(to_json)
            .collect();
        json!([column.name().as_str(), values])
    });
    Value::Array(columns.collect())
}

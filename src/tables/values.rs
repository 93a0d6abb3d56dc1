//! Column values between JSON and polars: columns the guest builds from
//! Python lists, and rows it fetches (for printing, `tolist`, iteration).
//!
//! Special values travel tagged: `{"$f": "nan" | "inf" | "-inf"}`,
//! `{"$dt": microseconds}` (naive datetime), `{"$td": microseconds}`,
//! `{"$nat": true}` (pandas' NaT), `{"$o": id}` (a Python object the guest
//! holds: a list, a dict, ...).
//!
//! pandas' object columns (values of mixed kinds, or Python objects) are
//! binary columns here, one value per row: `[0]` None, `[1]` NaN, `[2]` NaT
//! (the missing values, told apart as pandas prints them), `[0x10]` and the
//! 8 little-endian bytes of a guest object's id, or `[0x20]` and the JSON of a
//! plain value. Only whether a value is missing is read here (one byte long);
//! the guest computes everything else on the Python values.

use polars::prelude::*;
use serde_json::{Value, json};

use super::error::{TableError, TableResult};

/// A series from JSON values of one kind (nulls allowed); `hint`
/// `"datetime"` reads ISO strings or `$dt` values as datetimes, `"object"`
/// makes an object column of any values (pandas' `dtype=object`).
pub fn series_from_json(name: &str, values: &[Value], hint: Option<&str>) -> TableResult<Series> {
    let name = PlSmallStr::from(name);
    let kind = if hint == Some("object") {
        Kind::Object
    } else {
        column_kind(values)?
    };
    let series = match kind {
        Kind::Null => Series::full_null(name, values.len(), &DataType::Null),
        Kind::Nan => Series::full_null(name, values.len(), &DataType::Float64),
        Kind::Bool => Series::new(name, values.iter().map(Value::as_bool).collect::<Vec<_>>()),
        Kind::Int => Series::new(name, values.iter().map(Value::as_i64).collect::<Vec<_>>()),
        Kind::Float => Series::new(name, values.iter().map(float).collect::<Vec<_>>()),
        Kind::Str => Series::new(name, values.iter().map(Value::as_str).collect::<Vec<_>>()),
        Kind::Object => {
            let column: BinaryChunked = values.iter().map(|v| Some(object_bytes(v))).collect();
            column.with_name(name).into_series()
        }
        Kind::NaT => Series::full_null(
            name,
            values.len(),
            &DataType::Datetime(TimeUnit::Microseconds, None),
        ),
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
    /// pandas' NaT: missing in a datetime or timedelta column.
    NaT,
    /// A guest object (`$o`), or values of mixed kinds: a pandas object column.
    Object,
}

/// The binary value of one value of an object column (see the module docs).
fn object_bytes(value: &Value) -> Vec<u8> {
    match value_kind(value) {
        Ok(Kind::Null) => vec![0],
        Ok(Kind::Nan) => vec![1],
        Ok(Kind::NaT) => vec![2],
        Ok(Kind::Object) => {
            let id = value.get("$o").and_then(Value::as_i64).unwrap_or(0);
            let mut bytes = vec![0x10];
            bytes.extend_from_slice(&id.to_le_bytes());
            bytes
        }
        _ => {
            let mut bytes = vec![0x20];
            bytes.extend_from_slice(value.to_string().as_bytes());
            bytes
        }
    }
}

/// The JSON of one value of an object column.
fn object_json(bytes: &[u8]) -> Value {
    match bytes.split_first() {
        Some((1, [])) => json!({"$f": "nan"}),
        Some((2, [])) => json!({"$nat": true}),
        Some((0x10, id)) => match <[u8; 8]>::try_from(id) {
            Ok(id) => json!({"$o": i64::from_le_bytes(id)}),
            Err(_) => Value::Null,
        },
        Some((0x20, text)) => serde_json::from_slice(text).unwrap_or(Value::Null),
        _ => Value::Null,
    }
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
        Value::Object(map) if map.contains_key("$o") => Kind::Object,
        Value::Object(map) if map.contains_key("$nat") => Kind::NaT,
        _ => {
            return Err(TableError::unsupported(
                "columns of lists, dicts or other objects",
            ));
        }
    })
}

/// The kind of a whole column: ints and floats mix to floats, None and NaN
/// join any kind (as missing values), NaT datetimes and timedeltas; other
/// mixes are pandas' object columns.
fn column_kind(values: &[Value]) -> TableResult<Kind> {
    let mut kind = Kind::Null;
    for value in values {
        let this = value_kind(value)?;
        kind = match (kind, this) {
            (Kind::Object, _) | (_, Kind::Object) => Kind::Object,
            (a, Kind::Null) => a,
            (Kind::Null, b) => b,
            (Kind::Nan, Kind::NaT) | (Kind::NaT, Kind::Nan) => Kind::NaT,
            (Kind::Nan, b) => b,
            (a, Kind::Nan) => a,
            (Kind::NaT, b @ (Kind::Datetime | Kind::Timedelta | Kind::NaT)) => b,
            (a @ (Kind::Datetime | Kind::Timedelta), Kind::NaT) => a,
            (a, b) if a == b => a,
            (Kind::Int, Kind::Float) | (Kind::Float, Kind::Int) => Kind::Float,
            _ => Kind::Object,
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
        AnyValue::Binary(bytes) => object_json(bytes),
        AnyValue::BinaryOwned(bytes) => object_json(&bytes),
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

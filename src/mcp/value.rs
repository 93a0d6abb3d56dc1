//! A cell's typed result value (`proto::Value`) as JSON for structured
//! content: an object naming the Python type, exact where JSON is not
//! (integers of any size and decimals as digit strings, non-finite floats as
//! `"nan"`, `"inf"`, `"-inf"`).

use serde_json::{Value as Json, json};

use crate::service::proto::{self, value::Kind};

/// `value` as `{"type": ..., ...}`; an empty value is `{"type": "none"}`.
pub fn to_json(value: &proto::Value) -> Json {
    let Some(kind) = &value.kind else {
        return json!({"type": "none"});
    };
    match kind {
        Kind::NoneValue(_) => json!({"type": "none"}),
        Kind::BoolValue(value) => json!({"type": "bool", "value": value}),
        Kind::IntValue(integer) => json!({"type": "int", "value": integer.decimal}),
        Kind::FloatValue(float) => json!({"type": "float", "value": float_json(*float)}),
        Kind::FractionValue(fraction) => json!({
            "type": "fraction",
            "numerator": digits(fraction.numerator.as_ref()),
            "denominator": digits(fraction.denominator.as_ref()),
        }),
        Kind::DecimalValue(text) => json!({"type": "decimal", "value": text}),
        Kind::ComplexValue(complex) => json!({
            "type": "complex",
            "real": float_json(complex.real),
            "imag": float_json(complex.imag),
        }),
        Kind::StrValue(text) => json!({"type": "str", "value": text}),
        Kind::ListValue(sequence) => sequence_json("list", sequence),
        Kind::TupleValue(sequence) => sequence_json("tuple", sequence),
        Kind::SetValue(sequence) => sequence_json("set", sequence),
        Kind::DictValue(map) => json!({
            "type": "dict",
            "entries": map
                .entries
                .iter()
                .map(|entry| json!([optional(entry.key.as_ref()), optional(entry.value.as_ref())]))
                .collect::<Vec<_>>(),
        }),
        Kind::SymbolicValue(symbolic) => json!({
            "type": "symbolic",
            "text": symbolic.text,
            "latex": symbolic.latex,
        }),
        Kind::ReprValue(repr) => json!({
            "type": "repr",
            "type_name": repr.type_name,
            "text": repr.text,
        }),
        Kind::ArrayValue(array) => json!({
            "type": "array",
            "dtype": array.dtype,
            "shape": array.shape,
            "items": array.items.iter().map(to_json).collect::<Vec<_>>(),
            "truncated": array.truncated,
        }),
    }
}

fn optional(value: Option<&proto::Value>) -> Json {
    value.map_or_else(|| json!({"type": "none"}), to_json)
}

fn sequence_json(type_name: &str, sequence: &proto::Sequence) -> Json {
    json!({
        "type": type_name,
        "items": sequence.items.iter().map(to_json).collect::<Vec<_>>(),
    })
}

fn digits(integer: Option<&proto::Integer>) -> &str {
    integer.map_or("0", |integer| integer.decimal.as_str())
}

/// A float as a JSON number, or as Python's spelling when JSON has none.
fn float_json(float: f64) -> Json {
    if float.is_nan() {
        json!("nan")
    } else if float.is_infinite() {
        json!(if float > 0.0 { "inf" } else { "-inf" })
    } else {
        json!(float)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(kind: Kind) -> proto::Value {
        proto::Value { kind: Some(kind) }
    }

    #[test]
    fn big_integers_and_odd_floats_stay_exact() {
        let big = value(Kind::IntValue(proto::Integer {
            decimal: "1606938044258990275541962092341162602522202993782792835301376".into(),
            int64: None,
        }));
        assert_eq!(
            to_json(&big),
            json!({"type": "int", "value": "1606938044258990275541962092341162602522202993782792835301376"})
        );
        assert_eq!(
            to_json(&value(Kind::FloatValue(f64::NEG_INFINITY))),
            json!({"type": "float", "value": "-inf"})
        );
        assert_eq!(
            to_json(&value(Kind::FloatValue(-0.5))),
            json!({"type": "float", "value": -0.5})
        );
    }

    #[test]
    fn containers_nest() {
        let pair = value(Kind::TupleValue(proto::Sequence {
            items: vec![
                value(Kind::StrValue("a".into())),
                value(Kind::BoolValue(true)),
            ],
        }));
        assert_eq!(
            to_json(&pair),
            json!({"type": "tuple", "items": [{"type": "str", "value": "a"}, {"type": "bool", "value": true}]})
        );
        assert_eq!(
            to_json(&proto::Value { kind: None }),
            json!({"type": "none"})
        );
    }
}

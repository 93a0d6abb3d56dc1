//! Column expressions sent by the guest, as JSON, compiled to polars [`Expr`]s.
//!
//! `{"c": name}` a column, `{"v": scalar, "t": "datetime" | "timedelta" | "int64"}`
//! a literal (datetimes and timedeltas in microseconds; an integer tagged
//! int64 stays int64 where it makes a column by itself, where polars would
//! make it int32), `{"f": name, "a":
//! [expr, ...], "k": {options}}` a function of other expressions. Functions
//! follow pandas: comparisons with a missing value are false (`!=` true),
//! `/` is true division, `std`/`var` use ddof 1.

use polars::prelude::*;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::error::{TableError, TableResult};

/// One expression node.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Node {
    Column {
        c: String,
    },
    Literal {
        v: Value,
        #[serde(default)]
        t: Option<String>,
    },
    Call {
        f: String,
        #[serde(default)]
        a: Vec<Node>,
        #[serde(default)]
        k: Map<String, Value>,
    },
}

/// Compiles expressions against a frame's schema (used to read string
/// literals compared with datetime columns as datetimes, as pandas does).
pub struct Compiler<'a> {
    pub schema: &'a Schema,
}

impl Compiler<'_> {
    pub fn compile(&self, node: &Node) -> TableResult<Expr> {
        match node {
            Node::Column { c } => {
                if self.schema.get(c.as_str()).is_none() {
                    return Err(TableError::key(c));
                }
                Ok(col(c.as_str()))
            }
            Node::Literal { v, t } => literal(v, t.as_deref()),
            Node::Call { f, a, k } => self.call(f, a, k),
        }
    }

    fn dtype(&self, node: &Node) -> Option<&DataType> {
        match node {
            Node::Column { c } => self.schema.get(c.as_str()),
            _ => None,
        }
    }

    fn arg(&self, args: &[Node], i: usize, f: &str) -> TableResult<Expr> {
        let node = args
            .get(i)
            .ok_or_else(|| TableError::value(format!("{f}: missing argument")))?;
        self.compile(node)
    }

    /// The right operand of a comparison or arithmetic with `left`, with a
    /// string literal read as a datetime when `left` is a datetime column.
    fn operand(&self, left: &Node, right: &Node) -> TableResult<Expr> {
        if let (
            Some(DataType::Datetime(..)),
            Node::Literal {
                v: Value::String(s),
                ..
            },
        ) = (self.dtype(left), right)
        {
            return Ok(lit(s.as_str()).str().to_datetime(
                Some(TimeUnit::Microseconds),
                None,
                StrptimeOptions::default(),
                lit("raise"),
            ));
        }
        self.compile(right)
    }

    fn call(&self, f: &str, args: &[Node], k: &Map<String, Value>) -> TableResult<Expr> {
        let x = || self.arg(args, 0, f);
        if args
            .iter()
            .any(|a| matches!(self.dtype(a), Some(DataType::Binary)))
        {
            return object_call(f, x()?);
        }
        if let Some(op) = binary_operator(f) {
            let (left, right) = match args {
                [left, right] => (left, right),
                _ => return Err(TableError::value(format!("{f} takes two operands"))),
            };
            let (l, r) = match (self.dtype(left), self.dtype(right)) {
                (_, Some(DataType::Datetime(..))) => {
                    (self.operand(right, left)?, self.compile(right)?)
                }
                _ => (self.compile(left)?, self.operand(left, right)?),
            };
            let expr = binary_expr(l, op, r);
            return Ok(match f {
                "eq" | "lt" | "le" | "gt" | "ge" => expr.fill_null(lit(false)),
                "ne" => expr.fill_null(lit(true)),
                _ => expr,
            });
        }
        let int = |key: &str, default: i64| k.get(key).and_then(Value::as_i64).unwrap_or(default);
        let text = |key: &str| k.get(key).and_then(Value::as_str).map(str::to_owned);
        let expr = match f {
            "neg" => lit(0) - x()?,
            "not" => x()?.not(),
            "abs" => x()?.abs(),
            "isnull" => x()?.is_null(),
            "notnull" => x()?.is_not_null(),
            "round" => {
                // The guest rounds to tens, hundreds... itself (pandas/_expr.py `rounded`).
                let decimals = u32::try_from(int("decimals", 0)).map_err(|_| {
                    TableError::value("round: decimals must be a non-negative integer")
                })?;
                x()?.round(decimals, RoundMode::HalfToEven)
            }
            "floor" => x()?.floor(),
            "ceil" => x()?.ceil(),
            "clip" => {
                let bound = |key: &str| k.get(key).map_or(Ok(lit(NULL)), |v| literal(v, None));
                x()?.clip(bound("lower")?, bound("upper")?)
            }
            "cast" => x()?.strict_cast(dtype_named(&text("dtype").unwrap_or_default())?),
            "fillna" => x()?.fill_null(self.arg(args, 1, f)?),
            "where" => when(self.arg(args, 1, f)?)
                .then(x()?)
                .otherwise(self.arg(args, 2, f)?),
            "isin" => {
                let values = k
                    .get("values")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let series = super::values::series_from_json("values", &values, None)?;
                x()?.is_in(lit(series).implode(false), false)
                    .fill_null(lit(false))
            }
            "between" => {
                let lower = literal(k.get("left").unwrap_or(&Value::Null), None)?;
                let upper = literal(k.get("right").unwrap_or(&Value::Null), None)?;
                let x = x()?;
                x.clone()
                    .gt_eq(lower)
                    .and(x.lt_eq(upper))
                    .fill_null(lit(false))
            }
            "ffill" => x()?.fill_null_with_strategy(FillNullStrategy::Forward(None)),
            "bfill" => x()?.fill_null_with_strategy(FillNullStrategy::Backward(None)),
            "cumsum" => x()?.cum_sum(false),
            "cumprod" => x()?.cum_prod(false),
            "cummin" => x()?.cum_min(false),
            "cummax" => x()?.cum_max(false),
            "diff" => x()?.diff(
                lit(int("periods", 1)),
                polars::series::ops::NullBehavior::Ignore,
            ),
            "pct_change" => x()?.pct_change(lit(int("periods", 1))),
            "shift" => x()?.shift(lit(int("periods", 1))),
            "rolling" => rolling(x()?, k)?,
            "replace" => {
                let old = k
                    .get("old")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let new = k
                    .get("new")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let old = lit(super::values::series_from_json("old", &old, None)?);
                let new = lit(super::values::series_from_json("new", &new, None)?);
                if k.get("strict").and_then(Value::as_bool).unwrap_or(false) {
                    x()?.replace_strict(old, new, Some(lit(NULL)), None::<DataType>)
                } else {
                    x()?.replace(old, new)
                }
            }
            "to_datetime" => to_datetime(x()?, self.dtype(&args[0]), k)?,
            "to_numeric" => match self.dtype(&args[0]) {
                Some(DataType::Int64 | DataType::Float64) => x()?,
                _ if text("errors").as_deref() == Some("coerce") => x()?.cast(DataType::Float64),
                _ => x()?.strict_cast(DataType::Float64),
            },
            // Aggregations.
            "sum" => x()?.sum(),
            "mean" => x()?.mean(),
            "median" => x()?.median(),
            "min" => x()?.min(),
            "max" => x()?.max(),
            "std" => x()?.std(int("ddof", 1) as u8),
            "var" => x()?.var(int("ddof", 1) as u8),
            // polars counts in u32; pandas' counts are int64.
            "count" => x()?.count().cast(DataType::Int64),
            "size" => len().cast(DataType::Int64),
            "nunique" => x()?.drop_nulls().n_unique().cast(DataType::Int64),
            // pandas' first and last skip missing values
            "first" => x()?.drop_nulls().first(),
            "last" => x()?.drop_nulls().last(),
            // polars' `product` needs a feature this build leaves out; the
            // last running product of the non-null values is the same number
            // (1 for none, as pandas' `prod`).
            "prod" => x()?.drop_nulls().cum_prod(false).last().fill_null(lit(1)),
            "any" => x()?.any(true),
            "all" => x()?.all(true),
            "quantile" => {
                let q = k.get("q").and_then(Value::as_f64).unwrap_or(0.5);
                x()?.quantile(lit(q), QuantileMethod::Linear)
            }
            "idxmax" | "idxmin" => {
                // The index label at the position of the extreme value.
                let position = if f == "idxmax" {
                    x()?.arg_max()
                } else {
                    x()?.arg_min()
                };
                self.arg(args, 1, f)?.gather(position, false).first()
            }
            "corr" => pearson_corr(x()?, self.arg(args, 1, f)?),
            // A window function per group (groupby().transform, cumsum, ...).
            "over" => {
                let by: Vec<Expr> = k
                    .get("by")
                    .and_then(Value::as_array)
                    .map(|names| names.iter().filter_map(Value::as_str).map(col).collect())
                    .unwrap_or_default();
                x()?.over(by)?
            }
            _ => return self.accessor(f, x()?, k),
        };
        Ok(expr)
    }

    /// `str.*` and `dt.*` functions.
    fn accessor(&self, f: &str, x: Expr, k: &Map<String, Value>) -> TableResult<Expr> {
        let text = |key: &str| k.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
        let flag =
            |key: &str, default: bool| k.get(key).and_then(Value::as_bool).unwrap_or(default);
        let int = |key: &str| k.get(key).and_then(Value::as_i64);
        let expr = match f {
            "str.lower" => x.str().to_lowercase(),
            "str.upper" => x.str().to_uppercase(),
            "str.strip" => x.str().strip_chars(strip_chars(k)),
            "str.lstrip" => x.str().strip_chars_start(strip_chars(k)),
            "str.rstrip" => x.str().strip_chars_end(strip_chars(k)),
            "str.len" => x.str().len_chars().cast(DataType::Int64),
            "str.contains" => {
                let mut pattern = text("pat");
                let regex = flag("regex", true);
                if !regex {
                    pattern = regex_escape(&pattern);
                }
                if !flag("case", true) {
                    pattern = format!("(?i){pattern}");
                }
                x.str().contains(lit(pattern), true)
            }
            "str.startswith" => x.str().starts_with(lit(text("pat"))),
            "str.endswith" => x.str().ends_with(lit(text("pat"))),
            "str.replace" => {
                let regex = flag("regex", false);
                let n = int("n").unwrap_or(-1);
                let (pat, repl) = (lit(text("pat")), lit(text("repl")));
                if n < 0 {
                    x.str().replace_all(pat, repl, !regex)
                } else {
                    x.str().replace_n(pat, repl, !regex, n)
                }
            }
            "str.slice" => {
                let start = int("start").unwrap_or(0);
                match int("stop") {
                    Some(stop) if start >= 0 && stop >= start => {
                        x.str().slice(lit(start), lit((stop - start) as u64))
                    }
                    None if start >= 0 => x.str().slice(lit(start), lit(NULL)),
                    _ => return Err(TableError::unsupported("str.slice with negative bounds")),
                }
            }
            "str.split_get" => {
                let i = int("i").unwrap_or(0);
                x.str().split(lit(text("pat"))).list().get(lit(i), true)
            }
            "str.split_count" => x
                .str()
                .split(lit(text("pat")))
                .list()
                .len()
                .cast(DataType::Int64),
            "dt.year" => x.dt().year().cast(DataType::Int32),
            "dt.month" => x.dt().month().cast(DataType::Int32),
            "dt.day" => x.dt().day().cast(DataType::Int32),
            "dt.hour" => x.dt().hour().cast(DataType::Int32),
            "dt.minute" => x.dt().minute().cast(DataType::Int32),
            "dt.second" => x.dt().second().cast(DataType::Int32),
            "dt.quarter" => x.dt().quarter().cast(DataType::Int32),
            "dt.dayofyear" => x.dt().ordinal_day().cast(DataType::Int32),
            // pandas counts Monday as 0, polars as 1.
            "dt.dayofweek" => x.dt().weekday().cast(DataType::Int32) - lit(1i32),
            "dt.date" => x.dt().truncate(lit("1d")),
            "dt.strftime" => x.dt().strftime(&text("format")),
            "dt.day_name" => x.dt().strftime("%A"),
            "dt.month_name" => x.dt().strftime("%B"),
            "dt.days" => x.dt().total_days(false),
            "dt.total_seconds" => {
                x.dt().total_microseconds(false).cast(DataType::Float64) / lit(1e6)
            }
            "dt.floor" => x.dt().truncate(lit(text("freq"))),
            _ => return Err(TableError::unsupported(format!("function {f}"))),
        };
        Ok(expr)
    }
}

fn binary_operator(f: &str) -> Option<Operator> {
    Some(match f {
        "add" => Operator::Plus,
        "sub" => Operator::Minus,
        "mul" => Operator::Multiply,
        "truediv" => Operator::TrueDivide,
        "floordiv" => Operator::FloorDivide,
        "mod" => Operator::Modulus,
        "eq" => Operator::Eq,
        "ne" => Operator::NotEq,
        "lt" => Operator::Lt,
        "le" => Operator::LtEq,
        "gt" => Operator::Gt,
        "ge" => Operator::GtEq,
        "and" => Operator::And,
        "or" => Operator::Or,
        "xor" => Operator::Xor,
        _ => return None,
    })
}

/// A function of an object column (values held by the guest, src/tables/values.rs):
/// only whether values are missing is known here; everything else runs in the
/// guest or is refused.
fn object_call(f: &str, x: Expr) -> TableResult<Expr> {
    let present = || x.clone().binary().size_bytes().gt(lit(1u32));
    Ok(match f {
        "isnull" => present().not(),
        "notnull" => present(),
        "count" => present().cast(DataType::Int64).sum(),
        _ => {
            return Err(TableError::unsupported(format!(
                "{f} of an object column (mixed or Python objects)"
            )));
        }
    })
}

/// A literal; `t` marks microsecond datetimes and timedeltas, and integers
/// that make a column of their own (pandas' int64).
pub fn literal(value: &Value, t: Option<&str>) -> TableResult<Expr> {
    let expr = match value {
        Value::Null => lit(NULL),
        Value::Bool(b) => lit(*b),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => lit(i),
            (None, Some(f)) => lit(f),
            _ => return Err(TableError::value(format!("number out of range: {n}"))),
        },
        Value::String(s) => lit(s.as_str()),
        Value::Object(tagged) => match tagged.get("$f").and_then(Value::as_str) {
            Some("nan") | Some("inf") | Some("-inf") => lit(NULL).cast(DataType::Float64),
            _ => return Err(TableError::value("unknown literal")),
        },
        Value::Array(_) => return Err(TableError::new("TypeError", "a list is not a scalar")),
    };
    Ok(match t {
        Some("datetime") => expr.cast(DataType::Datetime(TimeUnit::Microseconds, None)),
        Some("timedelta") => expr.cast(DataType::Duration(TimeUnit::Microseconds)),
        Some("int64") => expr.cast(DataType::Int64),
        _ => expr,
    })
}

/// The polars type for a pandas dtype name (`astype`).
pub fn dtype_named(name: &str) -> TableResult<DataType> {
    Ok(match name {
        "int" | "int64" | "Int64" => DataType::Int64,
        "int32" => DataType::Int32,
        "int16" => DataType::Int16,
        "int8" => DataType::Int8,
        "uint64" => DataType::UInt64,
        "uint32" => DataType::UInt32,
        "uint16" => DataType::UInt16,
        "uint8" => DataType::UInt8,
        "float" | "float64" | "Float64" => DataType::Float64,
        "float32" => DataType::Float32,
        "str" | "string" | "object" => DataType::String,
        "bool" | "boolean" => DataType::Boolean,
        "datetime64[ns]" | "datetime64" | "datetime64[us]" => {
            DataType::Datetime(TimeUnit::Microseconds, None)
        }
        _ => return Err(TableError::unsupported(format!("astype({name:?})"))),
    })
}

fn strip_chars(k: &Map<String, Value>) -> Expr {
    match k.get("chars").and_then(Value::as_str) {
        Some(chars) => lit(chars),
        None => lit(NULL),
    }
}

fn regex_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) || c.is_whitespace() {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

fn rolling(x: Expr, k: &Map<String, Value>) -> TableResult<Expr> {
    let window = k.get("window").and_then(Value::as_u64).unwrap_or(0) as usize;
    if window == 0 {
        return Err(TableError::value("window must be an integer 0 or greater"));
    }
    let options = RollingOptionsFixedWindow {
        window_size: window,
        min_periods: k
            .get("min_periods")
            .and_then(Value::as_u64)
            .map_or(window, |m| m as usize),
        center: k.get("center").and_then(Value::as_bool).unwrap_or(false),
        ..Default::default()
    };
    Ok(match k.get("how").and_then(Value::as_str).unwrap_or("") {
        "mean" => x.rolling_mean(options),
        "sum" => x.rolling_sum(options),
        "min" => x.rolling_min(options),
        "max" => x.rolling_max(options),
        "std" => x.rolling_std(options),
        "var" => x.rolling_var(options),
        "median" => x.rolling_median(options),
        other => return Err(TableError::unsupported(format!("rolling().{other}()"))),
    })
}

fn to_datetime(x: Expr, dtype: Option<&DataType>, k: &Map<String, Value>) -> TableResult<Expr> {
    let datetime = DataType::Datetime(TimeUnit::Microseconds, None);
    let coerce = k.get("errors").and_then(Value::as_str) == Some("coerce");
    Ok(match dtype {
        Some(DataType::Datetime(..)) => x,
        Some(DataType::Int64) | Some(DataType::Float64) => {
            let scale = match k.get("unit").and_then(Value::as_str).unwrap_or("ns") {
                "s" => 1e6,
                "ms" => 1e3,
                "us" => 1.0,
                "ns" => 1e-3,
                "D" => 86_400e6,
                unit => {
                    return Err(TableError::unsupported(format!(
                        "to_datetime unit={unit:?}"
                    )));
                }
            };
            (x.cast(DataType::Float64) * lit(scale))
                .cast(DataType::Int64)
                .cast(datetime)
        }
        _ => {
            let options = StrptimeOptions {
                format: k.get("format").and_then(Value::as_str).map(|f| f.into()),
                strict: !coerce,
                exact: true,
                cache: true,
            };
            x.str()
                .to_datetime(Some(TimeUnit::Microseconds), None, options, lit("raise"))
        }
    })
}

//! Frame operations behind the `table` requests, on frames whose index
//! levels are columns (see `index`).

use polars::prelude::*;

use super::error::{TableError, TableResult};
use super::expr::{Compiler, Node};
use super::index::{data_names, index_names, with_index};
use super::store::Input;

/// Most frames one `concat` may take.
const MAX_CONCAT_FRAMES: usize = 10_000;
/// Most columns `pivot_table` may make.
const MAX_PIVOT_COLUMNS: usize = 10_000;

fn compile_all(schema: &Schema, exprs: &[(String, Node)]) -> TableResult<Vec<Expr>> {
    let compiler = Compiler { schema };
    exprs
        .iter()
        .map(|(name, node)| Ok(compiler.compile(node)?.alias(name.as_str())))
        .collect()
}

/// The index levels plus `exprs` (row-preserving or all aggregations).
pub fn select(input: Input, exprs: &[(String, Node)], index: bool) -> TableResult<DataFrame> {
    let mut out: Vec<Expr> = if index {
        index_names(&input.schema).into_iter().map(col).collect()
    } else {
        Vec::new()
    };
    out.extend(compile_all(&input.schema, exprs)?);
    Ok(input.plan.select(out).collect()?)
}

/// `frame` with columns added or replaced.
pub fn assign(frame: &DataFrame, exprs: &[(String, Node)]) -> TableResult<DataFrame> {
    let exprs = compile_all(frame.schema(), exprs)?;
    Ok(frame.clone().lazy().with_columns(exprs).collect()?)
}

/// Where `mask` holds, one value per row of `input` (missing when it is
/// missing); the store keeps the filtered rows as this mask.
pub fn filter_mask(input: Input, mask: &Node) -> TableResult<BooleanChunked> {
    let mask = Compiler {
        schema: &input.schema,
    }
    .compile(mask)?;
    let column = input.plan.select([mask]).collect()?.columns()[0].clone();
    match column.bool() {
        Ok(mask) => Ok(mask.clone()),
        Err(_) => Err(TableError::new(
            "TypeError",
            format!("a row filter needs booleans, not {}", column.dtype()),
        )),
    }
}

/// Refuses `what` when one of `names` is an object column (its values are ids
/// of Python objects held by the guest: ordering or comparing them here would
/// be meaningless).
fn refuse_objects<S: AsRef<str>>(
    schema: &Schema,
    names: impl IntoIterator<Item = S>,
    what: &str,
) -> TableResult<()> {
    for name in names {
        if matches!(schema.get(name.as_ref()), Some(DataType::Binary)) {
            return Err(TableError::unsupported(format!(
                "{what} an object column (mixed or Python objects)"
            )));
        }
    }
    Ok(())
}

/// Rows sorted by columns (index levels included), stably.
pub fn sort(
    frame: &DataFrame,
    by: &[String],
    descending: &[bool],
    na_last: bool,
) -> TableResult<DataFrame> {
    let frame = with_index(frame)?;
    for name in by {
        frame.column(name).map_err(|_| TableError::key(name))?;
    }
    refuse_objects(frame.schema(), by, "sorting by")?;
    let options = SortMultipleOptions::default()
        .with_order_descending_multi(descending.to_vec())
        .with_nulls_last(na_last)
        .with_maintain_order(true);
    Ok(frame.sort(by.iter().map(String::as_str).collect::<Vec<_>>(), options)?)
}

/// Rows `offset..offset+len` (a negative offset counts from the end).
pub fn slice(frame: &DataFrame, offset: i64, len: usize) -> TableResult<DataFrame> {
    Ok(with_index(frame)?.slice(offset, len))
}

/// Rows at positions (negative ones count from the end).
pub fn take(frame: &DataFrame, rows: &[i64]) -> TableResult<DataFrame> {
    let height = frame.height() as i64;
    let positions = rows
        .iter()
        .map(|&r| {
            let p = if r < 0 { r + height } else { r };
            if (0..height).contains(&p) {
                Ok(p as IdxSize)
            } else {
                Err(TableError::new(
                    "IndexError",
                    "positional indexers are out-of-bounds",
                ))
            }
        })
        .collect::<TableResult<Vec<_>>>()?;
    let positions = IdxCa::from_vec("".into(), positions);
    Ok(with_index(frame)?.take(&positions)?)
}

/// Groups by `keys` (`[output name, column]`), aggregating each group.
pub fn group_by(
    input: Input,
    keys: &[(String, String)],
    aggs: &[(String, Node)],
    sort: bool,
    dropna: bool,
) -> TableResult<DataFrame> {
    for (_, key) in keys {
        if !input.schema.contains(key) {
            return Err(TableError::key(key));
        }
    }
    refuse_objects(&input.schema, keys.iter().map(|(_, k)| k), "grouping by")?;
    let aggs = compile_all(&input.schema, aggs)?;
    let mut lazy = input.plan;
    if dropna {
        for (_, key) in keys {
            lazy = lazy.filter(col(key.as_str()).is_not_null());
        }
    }
    let key_exprs: Vec<Expr> = keys.iter().map(|(_, key)| col(key.as_str())).collect();
    let grouped = if sort {
        lazy.group_by(key_exprs).agg(aggs)
    } else {
        lazy.group_by_stable(key_exprs).agg(aggs)
    };
    let mut lazy = grouped;
    if sort {
        let names: Vec<PlSmallStr> = keys.iter().map(|(_, k)| k.as_str().into()).collect();
        lazy = lazy.sort(
            names,
            // pandas sorts a missing key (dropna=False) last
            SortMultipleOptions::default()
                .with_maintain_order(true)
                .with_nulls_last(true),
        );
    }
    let renamed: Vec<&str> = keys.iter().map(|(out, _)| out.as_str()).collect();
    let old: Vec<&str> = keys.iter().map(|(_, k)| k.as_str()).collect();
    Ok(lazy.rename(old, renamed, true).collect()?)
}

/// pandas' `merge`: columns both sides have (other than equal keys) get the
/// suffixes; the result has a fresh RangeIndex.
pub fn join(
    left: &DataFrame,
    right: &DataFrame,
    how: &str,
    left_on: &[String],
    right_on: &[String],
    suffixes: &(String, String),
    room: u64,
) -> TableResult<DataFrame> {
    let how = match how {
        "inner" => JoinType::Inner,
        "left" => JoinType::Left,
        "right" => JoinType::Right,
        "outer" => JoinType::Full,
        "cross" => JoinType::Cross,
        other => return Err(TableError::value(format!("Invalid join type {other:?}"))),
    };
    let drop_index = |frame: &DataFrame| frame.select(data_names(frame));
    let (mut left, mut right) = (drop_index(left)?, drop_index(right)?);
    for (frame, keys) in [(&left, left_on), (&right, right_on)] {
        for key in keys {
            frame.column(key).map_err(|_| TableError::key(key))?;
        }
        refuse_objects(frame.schema(), keys, "joining on")?;
    }
    // Keys repeated on both sides multiply: refuse before polars allocates.
    let rows = if how == JoinType::Cross {
        (left.height() as f64) * (right.height() as f64)
    } else {
        join_rows_bound(&left, &right, left_on, right_on)?
    };
    let row_bytes = bytes_per_row(&left) + bytes_per_row(&right);
    if rows * row_bytes > room as f64 {
        return Err(TableError::new(
            "MemoryError",
            format!(
                "this merge would make up to {rows:.0} rows ({:.0} MiB), more than the \
                 session's tables have room for ({} MiB)",
                rows * row_bytes / (1 << 20) as f64,
                room >> 20
            ),
        ));
    }
    let shared_keys: Vec<&String> = left_on
        .iter()
        .zip(right_on)
        .filter(|(l, r)| l == r)
        .map(|(l, _)| l)
        .collect();
    let clashes: Vec<String> = left
        .get_column_names()
        .into_iter()
        .filter(|n| {
            right.column(n).is_ok() && !shared_keys.iter().any(|k| k.as_str() == n.as_str())
        })
        .map(|n| n.to_string())
        .collect();
    for name in &clashes {
        left.rename(name, format!("{name}{}", suffixes.0).into())?;
        right.rename(name, format!("{name}{}", suffixes.1).into())?;
    }
    let rename = |keys: &[String], clashes: &[String], suffix: &str| -> Vec<Expr> {
        keys.iter()
            .map(|k| {
                if clashes.contains(k) {
                    col(format!("{k}{suffix}"))
                } else {
                    col(k.as_str())
                }
            })
            .collect()
    };
    let left_keys = rename(left_on, &clashes, &suffixes.0);
    let right_keys = rename(right_on, &clashes, &suffixes.1);
    // pandas merges a key pair into one column when both sides name it the
    // same, and keeps both columns when the names differ.
    let key_columns = if shared_keys.len() == left_on.len() {
        JoinCoalesce::CoalesceColumns
    } else if shared_keys.is_empty() {
        JoinCoalesce::KeepColumns
    } else {
        return Err(TableError::unsupported(
            "merge with left_on/right_on naming some key columns alike and some not",
        ));
    };
    let mut args = JoinArgs::new(how.clone()).with_coalesce(key_columns);
    args.maintain_order = MaintainOrderJoin::LeftRight;
    // pandas sorts an outer join by its keys, taken from whichever side has
    // the row.
    let outer_order: Vec<Expr> = left_keys
        .iter()
        .zip(&right_keys)
        .map(|(l, r)| match key_columns {
            JoinCoalesce::KeepColumns => coalesce(&[l.clone(), r.clone()]),
            _ => l.clone(),
        })
        .collect();
    let joined = left.lazy().join(right.lazy(), left_keys, right_keys, args);
    if how == JoinType::Full {
        let order = SortMultipleOptions::default()
            .with_maintain_order(true)
            .with_nulls_last(true);
        return Ok(joined.sort_by_exprs(outer_order, order).collect()?);
    }
    Ok(joined.collect()?)
}

/// Upper bound of the rows a join on these keys gives: every pair of rows
/// with equal keys, plus every row of either side left unmatched.
fn join_rows_bound(
    left: &DataFrame,
    right: &DataFrame,
    left_on: &[String],
    right_on: &[String],
) -> TableResult<f64> {
    let counts = |frame: &DataFrame, keys: &[String]| {
        let keys: Vec<Expr> = keys
            .iter()
            .enumerate()
            .map(|(i, key)| col(key.as_str()).alias(format!("k{i}")))
            .collect();
        frame.clone().lazy().group_by(keys).agg([len().alias("n")])
    };
    let keys: Vec<Expr> = (0..left_on.len()).map(|i| col(format!("k{i}"))).collect();
    let pairs = counts(left, left_on)
        .join(
            counts(right, right_on),
            keys.clone(),
            keys,
            JoinArgs::new(JoinType::Inner),
        )
        .select([
            (col("n").cast(DataType::Float64) * col("n_right").cast(DataType::Float64))
                .sum()
                .alias("pairs"),
        ])
        .collect()?;
    let pairs = pairs.column("pairs")?.f64()?.get(0).unwrap_or(0.0);
    Ok(pairs + left.height() as f64 + right.height() as f64)
}

/// Average bytes one row of `frame` holds (at least 1).
fn bytes_per_row(frame: &DataFrame) -> f64 {
    (frame.estimated_size() as f64 / frame.height().max(1) as f64).max(1.0)
}

/// Frames one below the other; missing columns are filled with nulls.
pub fn concat(frames: &[&DataFrame], room: u64) -> TableResult<DataFrame> {
    // Each frame costs polars' planner time that the cell's deadline cannot
    // interrupt (400,000 one-row frames took over 30 s).
    if frames.len() > MAX_CONCAT_FRAMES {
        return Err(TableError::value(format!(
            "concat of {} objects: at most {MAX_CONCAT_FRAMES} at once (concatenate in steps)",
            frames.len()
        )));
    }
    let bytes: u64 = frames.iter().map(|f| f.estimated_size() as u64).sum();
    if bytes > room {
        return Err(TableError::new(
            "MemoryError",
            format!(
                "this concat would hold {} MiB, more than the session's tables have room for \
                 ({} MiB)",
                bytes >> 20,
                room >> 20
            ),
        ));
    }
    let all_range = frames.iter().all(|f| index_names(f.schema()).is_empty());
    let lazies = frames
        .iter()
        .map(|f| {
            Ok(if all_range {
                with_index(f)?
            } else {
                (*f).clone()
            }
            .lazy())
        })
        .collect::<TableResult<Vec<_>>>()?;
    Ok(concat_lf_diagonal(lazies, UnionArgs::default())?.collect()?)
}

/// `pivot_table`: one row per `index` key, one column per value of
/// `columns` (and per value column when there are several), aggregated.
pub fn pivot(
    frame: &DataFrame,
    index: &[String],
    columns: &str,
    values: &[String],
    agg: &Node,
) -> TableResult<DataFrame> {
    let column = frame
        .column(columns)
        .map_err(|_| TableError::key(columns))?;
    let keys = index.iter().chain(values).map(String::as_str);
    refuse_objects(frame.schema(), keys.chain([columns]), "pivoting")?;
    let labels = column
        .as_materialized_series()
        .drop_nulls()
        .unique()?
        .sort(SortOptions::default())?;
    if labels.len() * values.len() > MAX_PIVOT_COLUMNS {
        return Err(TableError::value(format!(
            "pivot_table would make more than {MAX_PIVOT_COLUMNS} columns"
        )));
    }
    let compiler = Compiler {
        schema: frame.schema(),
    };
    // Aggregate per (index keys, label), then spread the labels over columns
    // (a cell without rows is missing, as in pandas).
    let mut reduced = Vec::new();
    let mut cells = Vec::new();
    for value in values {
        frame.column(value).map_err(|_| TableError::key(value))?;
        reduced.push(
            compiler
                .compile(&substitute(agg, value))?
                .alias(value.as_str()),
        );
        for label in labels.iter() {
            let label_text = label_name(&label);
            let name = if values.len() > 1 {
                format!("{value}\u{1f}{label_text}")
            } else {
                label_text
            };
            let in_cell = col(columns).eq(value_literal(&label)?);
            cells.push(
                col(value.as_str())
                    .filter(in_cell)
                    .first()
                    .alias(name.as_str()),
            );
        }
    }
    let keys: Vec<Expr> = index.iter().map(|k| col(k.as_str())).collect();
    let mut long_keys = keys.clone();
    long_keys.push(col(columns));
    let names: Vec<PlSmallStr> = index.iter().map(|k| k.as_str().into()).collect();
    Ok(frame
        .clone()
        .lazy()
        .filter(col(columns).is_not_null())
        .group_by(long_keys)
        .agg(reduced)
        .group_by(keys)
        .agg(cells)
        .sort(names, SortMultipleOptions::default())
        .collect()?)
}

/// A literal of a frame value.
fn value_literal(value: &AnyValue<'_>) -> TableResult<Expr> {
    let json = super::values::to_json(value.clone());
    match json.get("$dt").or_else(|| json.get("$td")) {
        Some(micros) => {
            let kind = if json.get("$dt").is_some() {
                "datetime"
            } else {
                "timedelta"
            };
            super::expr::literal(micros, Some(kind))
        }
        None => super::expr::literal(&json, None),
    }
}

/// The aggregation `template` (a call on `{"c": "*"}`) applied to `column`.
fn substitute(template: &Node, column: &str) -> Node {
    match template {
        Node::Column { c } if c == "*" => Node::Column {
            c: column.to_owned(),
        },
        Node::Call { f, a, k } => Node::Call {
            f: f.clone(),
            a: a.iter().map(|n| substitute(n, column)).collect(),
            k: k.clone(),
        },
        other => other.clone(),
    }
}

/// A value as a column label: strings as they are, others as `"\x1e"` plus
/// their JSON (the guest decodes these back to ints, floats, dates).
pub fn label_name(value: &AnyValue<'_>) -> String {
    match value {
        AnyValue::String(s) => (*s).to_owned(),
        AnyValue::StringOwned(s) => s.to_string(),
        other => format!("\u{1e}{}", super::values::to_json(other.clone())),
    }
}

/// pandas' `drop_duplicates`.
pub fn unique(
    frame: &DataFrame,
    subset: Option<Vec<String>>,
    keep: &str,
) -> TableResult<DataFrame> {
    let frame = with_index(frame)?;
    let keep = match keep {
        "first" => UniqueKeepStrategy::First,
        "last" => UniqueKeepStrategy::Last,
        "none" => UniqueKeepStrategy::None,
        other => {
            return Err(TableError::value(format!(
                "keep must be 'first', 'last' or False, not {other:?}"
            )));
        }
    };
    let subset =
        subset.unwrap_or_else(|| data_names(&frame).iter().map(|n| n.to_string()).collect());
    for name in &subset {
        frame.column(name).map_err(|_| TableError::key(name))?;
    }
    refuse_objects(frame.schema(), &subset, "finding duplicates of")?;
    Ok(frame.unique_stable(Some(&subset), keep, None)?)
}

/// pandas' `dropna`: rows with a missing value (`how="all"`: only missing).
pub fn drop_na(
    frame: &DataFrame,
    subset: Option<Vec<String>>,
    how: &str,
) -> TableResult<DataFrame> {
    let frame = with_index(frame)?;
    let names: Vec<String> =
        subset.unwrap_or_else(|| data_names(&frame).iter().map(|n| n.to_string()).collect());
    let present: Vec<Expr> = names
        .iter()
        .map(|n| {
            let column = frame.column(n).map_err(|_| TableError::key(n))?;
            Ok(if column.dtype() == &DataType::Binary {
                // an object column: missing values are one byte long (values.rs)
                col(n.as_str()).binary().size_bytes().gt(lit(1u32))
            } else {
                col(n.as_str()).is_not_null()
            })
        })
        .collect::<TableResult<_>>()?;
    let keep = match how {
        "any" => present.into_iter().reduce(|a, b| a.and(b)),
        "all" => present.into_iter().reduce(|a, b| a.or(b)),
        other => return Err(TableError::value(format!("invalid how option: {other}"))),
    };
    Ok(match keep {
        Some(keep) => frame.lazy().filter(keep).collect()?,
        None => frame,
    })
}

/// Columns renamed and reordered: `[output, source]`; `row_index` adds the
/// frame's row numbers as a column of that name first.
pub fn project(
    frame: &DataFrame,
    columns: &[(String, String)],
    row_index: Option<&str>,
) -> TableResult<DataFrame> {
    let mut out = Vec::new();
    if let Some(name) = row_index {
        let rows: Vec<i64> = (0..frame.height() as i64).collect();
        out.push(Column::new(name.into(), rows));
    }
    for (name, source) in columns {
        let column = frame.column(source).map_err(|_| TableError::key(source))?;
        out.push(column.clone().with_name(name.as_str().into()));
    }
    Ok(DataFrame::new(frame.height(), out)?)
}

/// Columns of `other` (same height) added to `frame` by position.
pub fn attach(
    frame: &DataFrame,
    other: &DataFrame,
    columns: &[(String, String)],
) -> TableResult<DataFrame> {
    if frame.height() != other.height() {
        return Err(TableError::value(format!(
            "Length of values ({}) does not match length of index ({})",
            other.height(),
            frame.height()
        )));
    }
    let mut out = frame.clone();
    for (name, source) in columns {
        let column = other.column(source).map_err(|_| TableError::key(source))?;
        out.with_column(column.clone().with_name(name.as_str().into()))?;
    }
    Ok(out)
}

/// Whether two frames have the same index (same labels in the same order).
pub fn same_index(a: &DataFrame, b: &DataFrame) -> TableResult<bool> {
    if a.height() != b.height() {
        return Ok(false);
    }
    let (ia, ib) = (index_names(a.schema()), index_names(b.schema()));
    if ia.is_empty() && ib.is_empty() {
        return Ok(true);
    }
    let (a, b) = (with_index(a)?, with_index(b)?);
    let (ia, ib) = (index_names(a.schema()), index_names(b.schema()));
    if ia.len() != ib.len() {
        return Ok(false);
    }
    refuse_objects(a.schema(), &ia, "comparing an index of")?;
    refuse_objects(b.schema(), &ib, "comparing an index of")?;
    for (x, y) in ia.iter().zip(&ib) {
        let (x, y) = (
            a.column(x)?.as_materialized_series(),
            b.column(y)?.as_materialized_series(),
        );
        if !x.equals_missing(y) {
            return Ok(false);
        }
    }
    Ok(true)
}

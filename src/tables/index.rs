//! How a frame holds its pandas index. Index levels are ordinary columns
//! whose names start with NUL (`"\0<level>"` or `"\0<level>=<name>"`); a
//! frame without any has pandas' default RangeIndex, made explicit (as
//! `"\00"`, int64 row numbers) before rows are dropped or reordered, so
//! filtered and sorted frames keep their row labels.

use polars::prelude::*;

use super::error::TableResult;

/// The index column that makes pandas' default RangeIndex explicit.
pub const RANGE_INDEX: &str = "\u{0}0";

/// Whether `name` is an index level.
pub fn is_index(name: &str) -> bool {
    name.starts_with('\0')
}

/// The index level columns of a frame with this schema.
pub fn index_names(schema: &Schema) -> Vec<PlSmallStr> {
    schema
        .iter_names()
        .filter(|n| is_index(n))
        .cloned()
        .collect()
}

/// The data (non-index) columns of `frame`.
pub fn data_names(frame: &DataFrame) -> Vec<PlSmallStr> {
    frame
        .get_column_names()
        .into_iter()
        .filter(|n| !is_index(n))
        .cloned()
        .collect()
}

/// `frame` with its RangeIndex made an explicit column when it has none.
pub fn with_index(frame: &DataFrame) -> TableResult<DataFrame> {
    if !index_names(frame.schema()).is_empty() {
        return Ok(frame.clone());
    }
    let rows: Vec<i64> = (0..frame.height() as i64).collect();
    let mut columns = vec![Column::new(RANGE_INDEX.into(), rows)];
    columns.extend(frame.columns().iter().cloned());
    Ok(DataFrame::new(frame.height(), columns)?)
}

//! pandas' dtype rules applied to every stored frame: missing floats are
//! nulls (never NaN), integer columns with missing values become float64,
//! dates become datetimes. Sized numbers (int8..uint64, float32) stay: the
//! expressions that count (polars' u32) give int64 themselves (expr.rs).

use polars::prelude::*;

use super::error::TableResult;

/// `frame` with pandas' dtypes (see the module docs).
pub fn pandas_dtypes(frame: DataFrame) -> TableResult<DataFrame> {
    let mut frame = without_nan(frame)?;
    let names: Vec<PlSmallStr> = frame.get_column_names_owned();
    for name in names {
        let column = frame.column(&name)?;
        let dtype = column.dtype().clone();
        let replaced = match dtype {
            // An integer column with missing values is float64 in pandas, whatever its size.
            DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32
            | DataType::UInt64
                if column.null_count() > 0 =>
            {
                Some(column.as_materialized_series().cast(&DataType::Float64)?)
            }
            DataType::Date => Some(
                column
                    .as_materialized_series()
                    .cast(&DataType::Datetime(TimeUnit::Microseconds, None))?,
            ),
            _ => None,
        };
        if let Some(series) = replaced {
            frame.with_column(Column::from(series.with_name(name)))?;
        }
    }
    Ok(frame)
}

/// `frame` with NaN in float columns replaced by nulls.
fn without_nan(frame: DataFrame) -> TableResult<DataFrame> {
    let mut fills = Vec::new();
    for column in frame.columns() {
        if matches!(column.dtype(), DataType::Float32 | DataType::Float64)
            && column.as_materialized_series().is_nan()?.any()
        {
            fills.push(col(column.name().clone()).fill_nan(lit(NULL)));
        }
    }
    if fills.is_empty() {
        return Ok(frame);
    }
    Ok(frame.lazy().with_columns(fills).collect()?)
}

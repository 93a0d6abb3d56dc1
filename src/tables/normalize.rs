//! pandas' dtype rules applied to every stored frame: missing floats are
//! nulls (never NaN), integer columns with missing values become float64,
//! unsigned counts and small integers widen to int64 (int32 stays, as pandas
//! keeps it: the `.dt` fields are int32), dates to datetimes.

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
            DataType::Float32 => Some(column.as_materialized_series().cast(&DataType::Float64)?),
            DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32
            | DataType::UInt64 => {
                let target = if column.null_count() > 0 {
                    DataType::Float64
                } else if dtype == DataType::Int32 {
                    DataType::Int32
                } else {
                    DataType::Int64
                };
                (dtype != target)
                    .then(|| column.as_materialized_series().cast(&target))
                    .transpose()?
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

//! Tables: the host half of the guest's `pandas` (docs/TABLES.md). A
//! DataFrame or Series in the guest is a handle to a polars frame held here
//! in the instance's [`TableStore`]; the guest sends small JSON requests (the
//! `table` host call) and the data stays native.

mod display;
mod error;
mod expr;
mod index;
mod io;
mod ipc;
mod normalize;
mod ops;
mod store;
mod values;

use polars::prelude::*;
use serde::Deserialize;
use serde_json::{Value, json};

pub use display::ARROW_MIME;
pub use error::TableError;
use store::Shape;
pub use store::{SavedTables, TableStore};

use crate::events::Display;
use crate::scratch::ScratchQuota;
use error::TableResult;
use expr::Node;

/// What a `table` call produces.
pub enum TableOutput {
    /// JSON answer to the guest.
    Reply(Vec<u8>),
    /// A display event for the running cell (the guest gets an empty answer).
    Display(Display),
}

type Named = Vec<(String, Node)>;

/// One request (`"op"` names it).
#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Request {
    ReadCsv(Box<io::CsvOptions>),
    ReadJson {
        path: String,
        #[serde(default)]
        lines: bool,
    },
    ReadParquet {
        path: String,
        #[serde(default)]
        columns: Option<Vec<String>>,
    },
    ReadExcel {
        path: String,
        #[serde(default)]
        sheet: Value,
        header: Option<usize>,
    },
    /// `[[name, values, dtype hint], ...]`
    FromColumns {
        columns: Vec<(String, Vec<Value>, Option<String>)>,
    },
    Free {
        h: u64,
    },
    Select {
        h: u64,
        exprs: Named,
        #[serde(default = "yes")]
        index: bool,
    },
    Assign {
        h: u64,
        exprs: Named,
    },
    Filter {
        h: u64,
        mask: Node,
    },
    /// Aggregations to scalars: answers `[value, ...]`.
    Aggregate {
        h: u64,
        exprs: Named,
    },
    /// Answers `[[name, [values]], ...]` for rows `offset..offset+len`.
    Rows {
        h: u64,
        offset: i64,
        len: usize,
    },
    Sort {
        h: u64,
        by: Vec<String>,
        descending: Vec<bool>,
        #[serde(default = "yes")]
        na_last: bool,
    },
    Slice {
        h: u64,
        offset: i64,
        len: usize,
    },
    Take {
        h: u64,
        rows: Vec<i64>,
    },
    GroupBy {
        h: u64,
        keys: Vec<(String, String)>,
        aggs: Named,
        sort: bool,
        dropna: bool,
    },
    Join {
        left: u64,
        right: u64,
        how: String,
        left_on: Vec<String>,
        right_on: Vec<String>,
        suffixes: (String, String),
    },
    Concat {
        hs: Vec<u64>,
    },
    Pivot {
        h: u64,
        index: Vec<String>,
        columns: String,
        values: Vec<String>,
        agg: Node,
    },
    Unique {
        h: u64,
        subset: Option<Vec<String>>,
        keep: String,
    },
    DropNa {
        h: u64,
        subset: Option<Vec<String>>,
        how: String,
    },
    Project {
        h: u64,
        columns: Vec<(String, String)>,
        row_index: Option<String>,
    },
    Attach {
        h: u64,
        other: u64,
        columns: Vec<(String, String)>,
    },
    SameIndex {
        a: u64,
        b: u64,
    },
    /// Writes a file (`path`) or answers the text (`format` csv or json_* ).
    Write {
        h: u64,
        path: Option<String>,
        format: String,
        #[serde(default = "comma")]
        sep: String,
        #[serde(default = "yes")]
        header: bool,
    },
    Display {
        h: u64,
        text: String,
        #[serde(default)]
        html: Option<String>,
    },
}

fn yes() -> bool {
    true
}

fn comma() -> String {
    ",".to_owned()
}

/// Runs one `table` request against `store`; files it writes count against
/// `quota`, and an answer too large for the guest's memory is refused.
pub fn handle(
    store: &mut TableStore,
    quota: &mut ScratchQuota,
    payload: &[u8],
) -> Result<TableOutput, TableError> {
    let output = answer(store, quota, payload)?;
    match output {
        TableOutput::Reply(bytes) if bytes.len() > store.max_answer() => {
            Err(too_large_for_the_guest(store.max_answer()))
        }
        output => Ok(output),
    }
}

/// `MemoryError` for an answer over `max` bytes.
fn too_large_for_the_guest(max: usize) -> TableError {
    TableError::new(
        "MemoryError",
        format!(
            "the answer would not fit in the interpreter's memory ({} MiB); \
             take fewer rows (head, a filter) or write the table to a file",
            max >> 20
        ),
    )
}

fn answer(
    store: &mut TableStore,
    quota: &mut ScratchQuota,
    payload: &[u8],
) -> Result<TableOutput, TableError> {
    let request: Request = serde_json::from_slice(payload)?;
    let scratch = store.scratch().to_owned();
    let frame = match request {
        Request::ReadCsv(options) => io::read_csv(&scratch, &options)?,
        Request::ReadJson { path, lines } => io::read_json(&scratch, &path, lines)?,
        Request::ReadParquet { path, columns } => io::read_parquet(&scratch, &path, columns)?,
        Request::ReadExcel {
            path,
            sheet,
            header,
        } => io::read_excel(&scratch, &path, &sheet, header)?,
        Request::FromColumns { columns } => from_columns(&columns)?,
        Request::Free { h } => {
            store.free(h);
            return reply(&Value::Null);
        }
        Request::Select { h, exprs, index } => ops::select(store.input(h)?, &exprs, index)?,
        Request::Assign { h, exprs } => ops::assign(store.get(h)?, &exprs)?,
        Request::Filter { h, mask } => {
            let mask = ops::filter_mask(store.input(h)?, &mask)?;
            let handle = store.insert_filtered(h, mask)?;
            return reply(&meta(handle, &store.shape(handle)?));
        }
        Request::Aggregate { h, exprs } => {
            let row = ops::select(store.input(h)?, &exprs, false)?;
            if row.height() != 1 {
                return Err(TableError::value("an aggregation gave more than one value"));
            }
            let values: Vec<Value> = row
                .columns()
                .iter()
                .map(|c| values::to_json(c.get(0).unwrap_or(AnyValue::Null)))
                .collect();
            return reply(&Value::Array(values));
        }
        Request::Rows { h, offset, len } => {
            let frame = store.get(h)?;
            let rows = frame.slice(offset, len);
            // As Python values the rows take more room than here. (A slice
            // shares its frame's buffers and its own estimate may count
            // them whole, so the frame's average row is used.)
            let row_bytes = frame.estimated_size() / frame.height().max(1);
            if rows.height().saturating_mul(row_bytes) > store.max_answer() {
                return Err(too_large_for_the_guest(store.max_answer()));
            }
            return reply(&values::columns_json(&rows));
        }
        Request::Sort {
            h,
            by,
            descending,
            na_last,
        } => ops::sort(store.get(h)?, &by, &descending, na_last)?,
        Request::Slice { h, offset, len } => ops::slice(store.get(h)?, offset, len)?,
        Request::Take { h, rows } => ops::take(store.get(h)?, &rows)?,
        Request::GroupBy {
            h,
            keys,
            aggs,
            sort,
            dropna,
        } => ops::group_by(store.input(h)?, &keys, &aggs, sort, dropna)?,
        Request::Join {
            left,
            right,
            how,
            left_on,
            right_on,
            suffixes,
        } => ops::join(
            store.get(left)?,
            store.get(right)?,
            &how,
            &left_on,
            &right_on,
            &suffixes,
            store.room(),
        )?,
        Request::Concat { hs } => {
            let frames = hs
                .iter()
                .map(|h| store.get(*h))
                .collect::<TableResult<Vec<_>>>()?;
            ops::concat(&frames, store.room())?
        }
        Request::Pivot {
            h,
            index,
            columns,
            values,
            agg,
        } => ops::pivot(store.get(h)?, &index, &columns, &values, &agg)?,
        Request::Unique { h, subset, keep } => ops::unique(store.get(h)?, subset, &keep)?,
        Request::DropNa { h, subset, how } => ops::drop_na(store.get(h)?, subset, &how)?,
        Request::Project {
            h,
            columns,
            row_index,
        } => ops::project(store.get(h)?, &columns, row_index.as_deref())?,
        Request::Attach { h, other, columns } => {
            ops::attach(store.get(h)?, store.get(other)?, &columns)?
        }
        Request::SameIndex { a, b } => {
            return reply(&Value::Bool(ops::same_index(store.get(a)?, store.get(b)?)?));
        }
        Request::Write {
            h,
            path,
            format,
            sep,
            header,
        } => {
            let mut frame = store.get(h)?.clone();
            if frame.dtypes().contains(&DataType::Binary) {
                return Err(TableError::unsupported(
                    "writing object columns (mixed or Python objects)",
                ));
            }
            let cap = match &path {
                Some(_) => usize::try_from(quota.room_for_file()).unwrap_or(usize::MAX),
                None => store.max_answer(),
            };
            let bytes = match format.as_str() {
                "csv" => {
                    let [sep] = sep.as_bytes() else {
                        return Err(TableError::new(
                            "TypeError",
                            "\"delimiter\" must be a 1-character string",
                        ));
                    };
                    io::csv_bytes(&frame, *sep, header, cap)?
                }
                "parquet" => io::parquet_bytes(&mut frame, cap)?,
                other => return Err(TableError::unsupported(format!("writing {other}"))),
            };
            return match (path, bytes) {
                (Some(path), Some(bytes)) => {
                    io::write(&scratch, &path, &bytes)?;
                    quota.add_file(bytes.len() as u64);
                    reply(&Value::Null)
                }
                (Some(path), None) => Err(TableError::new(
                    "OSError",
                    format!(
                        "[Errno 122] Disk quota exceeded: {path:?} would not fit in the session's files"
                    ),
                )),
                (None, Some(bytes)) => Ok(TableOutput::Reply(bytes)),
                (None, None) => Err(too_large_for_the_guest(cap)),
            };
        }
        Request::Display { h, text, html } => {
            return Ok(TableOutput::Display(display::display(
                store.get(h)?,
                text,
                html,
            )?));
        }
    };
    let handle = store.insert(frame)?;
    reply(&meta(handle, &store.shape(handle)?))
}

fn reply(value: &Value) -> TableResult<TableOutput> {
    Ok(TableOutput::Reply(serde_json::to_vec(value)?))
}

/// What the guest keeps about a frame: handle, column names and pandas
/// dtypes, row count.
fn meta(handle: u64, shape: &Shape) -> Value {
    let dtypes: Vec<&str> = shape.schema.iter_values().map(pandas_dtype).collect();
    let columns: Vec<&str> = shape.schema.iter_names().map(|n| n.as_str()).collect();
    json!({
        "h": handle,
        "columns": columns,
        "dtypes": dtypes,
        "rows": shape.rows,
    })
}

/// pandas' name for a column type.
fn pandas_dtype(dtype: &DataType) -> &'static str {
    match dtype {
        DataType::Boolean => "bool",
        DataType::Int64 => "int64",
        DataType::Int32 => "int32",
        DataType::Int16 => "int16",
        DataType::Int8 => "int8",
        DataType::UInt64 => "uint64",
        DataType::UInt32 => "uint32",
        DataType::UInt16 => "uint16",
        DataType::UInt8 => "uint8",
        DataType::Float64 => "float64",
        DataType::Float32 => "float32",
        DataType::String => "str",
        DataType::Datetime(..) => "datetime64[us]",
        DataType::Duration(_) => "timedelta64[us]",
        _ => "object",
    }
}

fn from_columns(columns: &[(String, Vec<Value>, Option<String>)]) -> TableResult<DataFrame> {
    let height = columns.first().map_or(0, |(_, values, _)| values.len());
    let columns = columns
        .iter()
        .map(|(name, values, hint)| {
            if values.len() != height {
                return Err(TableError::value("All arrays must be of the same length"));
            }
            values::series_from_json(name, values, hint.as_deref()).map(Column::from)
        })
        .collect::<TableResult<Vec<_>>>()?;
    Ok(DataFrame::new(height, columns)?)
}

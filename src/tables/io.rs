//! Files read and written by the guest's `pandas` on the host, inside the
//! session's scratch directory only: paths are checked like the file
//! transfer RPCs' ([`crate::scratch::relative_path`]) and opened through
//! [`crate::scratch::Scratch`], which never follows a symbolic link.

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Write};
use std::path::{Path, PathBuf};

use polars::prelude::*;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::error::{TableError, TableResult};
use super::values;
use crate::scratch::{Scratch, ScratchError, relative_path};

/// pandas' default missing-value markers for `read_csv`.
const DEFAULT_NA: &[&str] = &[
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
];
/// Rows read to infer column types before a full scan is tried.
const INFER_ROWS: usize = 10_000;

/// The scratch-relative path for a guest path (`/mnt/data/...` or relative).
fn checked(text: &str) -> TableResult<PathBuf> {
    relative_path(text).map_err(|error| {
        TableError::new(
            "PermissionError",
            format!("{error} (files live in /mnt/data)"),
        )
    })
}

/// Opens `path` below `scratch` for reading.
fn open(scratch: &Path, path: &str) -> TableResult<File> {
    let relative = checked(path)?;
    Scratch::new(scratch)
        .open_file(&relative)
        .map(|(file, _)| file)
        .map_err(|error| match error {
            ScratchError::NotFound(_) => TableError::new(
                "FileNotFoundError",
                format!("[Errno 2] No such file or directory: {path:?}"),
            ),
            error => TableError::new("OSError", error.to_string()),
        })
}

/// Writes `bytes` to `path` below `scratch` (replacing a file there).
pub fn write(scratch: &Path, path: &str, bytes: &[u8]) -> TableResult<()> {
    let relative = checked(path)?;
    let scratch = Scratch::new(scratch);
    let os_error = |error: ScratchError| TableError::new("OSError", error.to_string());
    let mut file = scratch.temp_file().map_err(os_error)?;
    file.write_all(bytes)
        .map_err(|e| TableError::new("OSError", e.to_string()))?;
    scratch.commit(file, &relative).map_err(os_error)
}

/// `read_csv` options (pandas' names).
#[derive(Debug, Deserialize)]
pub struct CsvOptions {
    path: String,
    #[serde(default = "comma")]
    sep: String,
    /// Row of the header, `None` for none.
    #[serde(default)]
    header: Option<usize>,
    #[serde(default)]
    names: Option<Vec<String>>,
    #[serde(default)]
    usecols: Option<Vec<String>>,
    #[serde(default)]
    dtype: Map<String, Value>,
    #[serde(default)]
    parse_dates: Vec<String>,
    #[serde(default)]
    nrows: Option<usize>,
    #[serde(default)]
    skiprows: usize,
    #[serde(default)]
    na_values: Vec<String>,
    #[serde(default = "yes")]
    keep_default_na: bool,
}

impl CsvOptions {
    /// Whether the missing-value strings are pandas' defaults alone (with no
    /// dtype given, which would make polars fail on them while parsing):
    /// then they are found after reading ([`default_na_as_null`]).
    fn only_default_na(&self) -> bool {
        self.keep_default_na && self.na_values.is_empty() && self.dtype.is_empty()
    }
}

fn comma() -> String {
    ",".to_owned()
}

fn yes() -> bool {
    true
}

pub fn read_csv(scratch: &Path, options: &CsvOptions) -> TableResult<DataFrame> {
    let frame = match read_csv_with(scratch, options, Some(INFER_ROWS)) {
        // A type guessed from the first rows did not fit a later one.
        Err(error) if error.kind == "ParserError" => read_csv_with(scratch, options, None)?,
        other => other?,
    };
    let frame = if options.only_default_na() {
        default_na_as_null(frame)?
    } else {
        frame
    };
    finish_csv(frame, options)
}

/// `frame` with pandas' default NA strings in its text columns made nulls,
/// and those columns retyped as numbers when every other value is one.
/// Done after reading because polars' null-value check on every field
/// doubled the read time.
fn default_na_as_null(frame: DataFrame) -> TableResult<DataFrame> {
    let text: Vec<PlSmallStr> = frame
        .columns()
        .iter()
        .filter(|column| column.str().is_ok_and(has_default_na))
        .map(|column| column.name().clone())
        .collect();
    if text.is_empty() {
        return Ok(frame);
    }
    let tokens = Series::new("na".into(), DEFAULT_NA);
    let nulled: Vec<Expr> = text
        .iter()
        .map(|name| {
            when(col(name.clone()).is_in(lit(tokens.clone()).implode(false), false))
                .then(lit(NULL).cast(DataType::String))
                .otherwise(col(name.clone()))
                .alias(name.clone())
        })
        .collect();
    let mut frame = frame.lazy().with_columns(nulled).collect()?;
    for name in text {
        let column = frame.column(&name)?.as_materialized_series().clone();
        let typed = column
            .strict_cast(&DataType::Int64)
            .or_else(|_| column.strict_cast(&DataType::Float64));
        if let Ok(typed) = typed {
            frame.with_column(Column::from(typed))?;
        }
    }
    Ok(frame)
}

/// Whether any value of `text` is one of [`DEFAULT_NA`]. Every token is
/// short enough to sit inline in its string view, so the views are read
/// directly and most values are rejected by length or first byte: a column
/// without tokens costs a few milliseconds per million rows.
fn has_default_na(text: &StringChunked) -> bool {
    let longest = DEFAULT_NA
        .iter()
        .map(|token| token.len())
        .max()
        .unwrap_or(0) as u32;
    let mut first_bytes = [false; 256];
    for token in DEFAULT_NA {
        if let Some(&byte) = token.as_bytes().first() {
            first_bytes[byte as usize] = true;
        }
    }
    let is_token = |value: &[u8]| DEFAULT_NA.iter().any(|token| token.as_bytes() == value);
    text.downcast_iter()
        .zip(text.chunks())
        .any(|(array, chunk)| {
            let validity = chunk.validity();
            array.views().iter().enumerate().any(|(row, view)| {
                view.length <= longest
                    && (view.length == 0 || first_bytes[view.prefix.to_le_bytes()[0] as usize])
                    && view.get_inlined_slice().is_some_and(is_token)
                    && validity.is_none_or(|valid| valid.get_bit(row))
            })
        })
}

fn read_csv_with(
    scratch: &Path,
    options: &CsvOptions,
    infer: Option<usize>,
) -> TableResult<DataFrame> {
    let [separator] = options.sep.as_bytes() else {
        return Err(TableError::unsupported(format!(
            "read_csv sep={:?}",
            options.sep
        )));
    };
    let mut na: Vec<PlSmallStr> = options
        .na_values
        .iter()
        .map(|s| s.as_str().into())
        .collect();
    if options.keep_default_na && !options.only_default_na() {
        na.extend(DEFAULT_NA.iter().map(|s| PlSmallStr::from(*s)));
    }
    let mut overwrite = Schema::default();
    for (name, dtype) in &options.dtype {
        let dtype = super::expr::dtype_named(dtype.as_str().unwrap_or(""))?;
        overwrite.insert(name.as_str().into(), dtype);
    }
    let has_header = options.header.is_some();
    let file = open(scratch, &options.path)?;
    let quoting = mentions(&file, b'"')?;
    let frame = CsvReadOptions::default()
        .with_has_header(has_header)
        .with_skip_rows(options.skiprows + options.header.unwrap_or(0))
        .with_n_rows(options.nrows)
        .with_infer_schema_length(infer)
        .with_schema_overwrite((!overwrite.is_empty()).then(|| Arc::new(overwrite)))
        .map_parse_options(|parse| {
            parse
                .with_separator(*separator)
                .with_quote_char(quoting.then_some(b'"'))
                .with_null_values((!na.is_empty()).then(|| NullValues::AllColumns(na.clone())))
        })
        .into_reader_with_file_handle(file)
        .finish()
        .map_err(|error| {
            let mut error = TableError::from(error);
            if error.kind != "OSError" {
                error.kind = if error.message.to_lowercase().contains("empty") {
                    "EmptyDataError"
                } else {
                    "ParserError"
                };
            }
            error
        })?;
    Ok(frame)
}

/// Whether `file` contains `byte`. polars parses a file with quoting off
/// markedly faster (its line splitter tracks quotes byte by byte), and a file
/// without a quote character reads the same either way; this scan costs a
/// few milliseconds per 100 MB.
fn mentions(file: &File, byte: u8) -> TableResult<bool> {
    let os_error = |error: std::io::Error| TableError::new("OSError", error.to_string());
    if file.metadata().map_err(os_error)?.len() == 0 {
        return Ok(false);
    }
    // SAFETY: read-only, and dropped before returning. polars maps the same
    // file to parse it: files in the scratch directory are replaced by
    // rename (uploads, the tables' writes), never truncated in place, and the
    // guest that could write one is blocked in this call.
    let map = unsafe { memmap2::Mmap::map(file) }.map_err(os_error)?;
    Ok(memchr::memchr(byte, &map).is_some())
}

/// Names, selected columns and dates after reading.
fn finish_csv(mut frame: DataFrame, options: &CsvOptions) -> TableResult<DataFrame> {
    if let Some(names) = &options.names {
        if names.len() != frame.width() {
            return Err(TableError::value(format!(
                "{} names given for {} columns",
                names.len(),
                frame.width()
            )));
        }
        frame.set_column_names(names)?;
    } else if options.header.is_none() {
        let names: Vec<String> = (0..frame.width()).map(|i| format!("\u{1e}{i}")).collect();
        frame.set_column_names(&names)?;
    }
    if let Some(usecols) = &options.usecols {
        for name in usecols {
            frame.column(name).map_err(|_| {
                TableError::value(format!(
                    "Usecols do not match columns, columns expected but not found: [{name:?}]"
                ))
            })?;
        }
        let keep: Vec<PlSmallStr> = frame
            .get_column_names()
            .into_iter()
            .filter(|name| usecols.iter().any(|u| u == name.as_str()))
            .cloned()
            .collect();
        frame = frame.select(keep)?;
    }
    if !options.parse_dates.is_empty() {
        let mut lazy = frame.lazy();
        for name in &options.parse_dates {
            lazy = lazy.with_column(
                col(name.as_str())
                    .cast(DataType::String)
                    .str()
                    .to_datetime(
                        Some(TimeUnit::Microseconds),
                        None,
                        StrptimeOptions::default(),
                        lit("raise"),
                    )
                    .alias(name.as_str()),
            );
        }
        frame = lazy.collect()?;
    }
    Ok(frame)
}

pub fn read_parquet(
    scratch: &Path,
    path: &str,
    columns: Option<Vec<String>>,
) -> TableResult<DataFrame> {
    let file = open(scratch, path)?;
    Ok(ParquetReader::new(file).with_columns(columns).finish()?)
}

/// `read_json`: records (`[{...}, ...]`), columns (`{"col": {"idx": v}}` or
/// `{"col": [v, ...]}`) or, with `lines`, one record per line.
pub fn read_json(scratch: &Path, path: &str, lines: bool) -> TableResult<DataFrame> {
    let file = open(scratch, path)?;
    let parsed: Vec<Value> = if lines {
        serde_json::Deserializer::from_reader(BufReader::new(file))
            .into_iter::<Value>()
            .collect::<Result<_, _>>()
            .map_err(|e| TableError::value(format!("Expected object or value: {e}")))?
    } else {
        vec![
            serde_json::from_reader(BufReader::new(file))
                .map_err(|e| TableError::value(format!("Expected object or value: {e}")))?,
        ]
    };
    let records = match (lines, parsed.as_slice()) {
        (true, records) => records,
        (false, [Value::Array(records)]) => records.as_slice(),
        (false, [Value::Object(columns)]) => return columns_frame(columns),
        _ => return Err(TableError::value("unsupported JSON layout")),
    };
    let mut names: Vec<&str> = Vec::new();
    for record in records {
        let Value::Object(fields) = record else {
            return Err(TableError::value("JSON records must be objects"));
        };
        for name in fields.keys() {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
    }
    let columns = names
        .iter()
        .map(|name| {
            let values: Vec<Value> = records
                .iter()
                .map(|r| r.get(*name).cloned().unwrap_or(Value::Null))
                .collect();
            values::series_from_json(name, &values, None).map(Column::from)
        })
        .collect::<TableResult<Vec<_>>>()?;
    Ok(DataFrame::new_infer_height(columns)?)
}

fn columns_frame(columns: &Map<String, Value>) -> TableResult<DataFrame> {
    let mut out = Vec::new();
    for (name, column) in columns {
        let values: Vec<Value> = match column {
            Value::Array(values) => values.clone(),
            Value::Object(by_index) => by_index.values().cloned().collect(),
            _ => return Err(TableError::value("unsupported JSON layout")),
        };
        out.push(Column::from(values::series_from_json(name, &values, None)?));
    }
    Ok(DataFrame::new_infer_height(out)?)
}

/// `read_excel` of an .xlsx (or .xls/.ods) sheet: by name, or by position.
pub fn read_excel(
    scratch: &Path,
    path: &str,
    sheet: &Value,
    header: Option<usize>,
) -> TableResult<DataFrame> {
    use calamine::{Data, Reader};
    let mut bytes = Vec::new();
    open(scratch, path)?
        .read_to_end(&mut bytes)
        .map_err(|e| TableError::new("OSError", e.to_string()))?;
    let bad = |e: calamine::Error| TableError::value(format!("cannot read the workbook: {e}"));
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(bad)?;
    let range = match sheet {
        Value::String(name) => book
            .worksheet_range(name)
            .map_err(|_| TableError::value(format!("Worksheet named {name:?} not found")))?,
        other => {
            let n = other.as_u64().unwrap_or(0) as usize;
            book.worksheet_range_at(n)
                .ok_or_else(|| {
                    TableError::new("IndexError", format!("Worksheet index {n} is invalid"))
                })?
                .map_err(bad)?
        }
    };
    let rows: Vec<&[Data]> = range.rows().collect();
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let (names, body): (Vec<String>, &[&[Data]]) = match header {
        Some(h) if h < rows.len() => {
            let names = (0..width)
                .map(|i| match rows[h].get(i) {
                    Some(Data::Empty) | None => format!("Unnamed: {i}"),
                    Some(cell) => cell_text(cell),
                })
                .collect();
            (names, &rows[h + 1..])
        }
        _ => (
            (0..width).map(|i| format!("\u{1e}{i}")).collect(),
            &rows[..],
        ),
    };
    let columns = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let cells: Vec<Value> = body.iter().map(|row| cell_json(row.get(i))).collect();
            let ints = cells.iter().all(|v| {
                v.is_null()
                    || v.as_f64()
                        .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9e15)
            });
            let cells: Vec<Value> = if ints {
                cells
                    .into_iter()
                    .map(|v| v.as_f64().map_or(Value::Null, |f| Value::from(f as i64)))
                    .collect()
            } else {
                cells
            };
            values::series_from_json(name, &cells, None).map(Column::from)
        })
        .collect::<TableResult<Vec<_>>>()?;
    Ok(DataFrame::new_infer_height(columns)?)
}

fn cell_text(cell: &calamine::Data) -> String {
    match cell {
        calamine::Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

fn cell_json(cell: Option<&calamine::Data>) -> Value {
    use calamine::Data;
    match cell {
        None | Some(Data::Empty) | Some(Data::Error(_)) => Value::Null,
        Some(Data::Int(i)) => Value::from(*i),
        Some(Data::Float(f)) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Some(Data::String(s)) | Some(Data::DateTimeIso(s)) | Some(Data::DurationIso(s)) => {
            Value::String(s.clone())
        }
        Some(Data::Bool(b)) => Value::Bool(*b),
        Some(Data::DateTime(dt)) => {
            // Excel serial days since 1899-12-30; 25569 is 1970-01-01.
            let micros = ((dt.as_f64() - 25569.0) * 86_400e6).round() as i64;
            serde_json::json!({"$dt": micros})
        }
    }
}

/// The frame as CSV text (pandas' `to_csv` layout: a header row; datetime
/// columns without times of day as dates); `None` when it would pass `cap`
/// bytes.
pub fn csv_bytes(
    frame: &DataFrame,
    sep: u8,
    header: bool,
    cap: usize,
) -> TableResult<Option<Vec<u8>>> {
    let mut dates = Vec::new();
    for column in frame.columns() {
        if let DataType::Datetime(unit, _) = column.dtype() {
            let per_day = match unit {
                TimeUnit::Nanoseconds => 86_400_000_000_000,
                TimeUnit::Microseconds => 86_400_000_000,
                TimeUnit::Milliseconds => 86_400_000,
            };
            let ticks = column.as_materialized_series().cast(&DataType::Int64)?;
            let mut ticks = ticks
                .i64()?
                .downcast_iter()
                .flat_map(|array| array.iter().flatten());
            if ticks.all(|t| t % per_day == 0) {
                dates.push(col(column.name().clone()).dt().strftime("%Y-%m-%d"));
            }
        }
    }
    let mut frame = frame.clone().lazy().with_columns(dates).collect()?;
    let mut out = Capped::new(cap);
    let written = CsvWriter::new(&mut out)
        .include_header(header)
        .with_separator(sep)
        .with_datetime_format(Some("%Y-%m-%d %H:%M:%S".into()))
        .finish(&mut frame);
    out.finish(written)
}

/// The frame as Parquet bytes; `None` when they would pass `cap` bytes.
pub fn parquet_bytes(frame: &mut DataFrame, cap: usize) -> TableResult<Option<Vec<u8>>> {
    let mut out = Capped::new(cap);
    let written = ParquetWriter::new(&mut out).finish(frame).map(drop);
    out.finish(written)
}

/// An in-memory file that refuses to grow past a cap, so a huge table
/// written out costs the host no more than the cap.
struct Capped {
    bytes: Vec<u8>,
    cap: usize,
    overflowed: bool,
}

impl Capped {
    fn new(cap: usize) -> Self {
        Self {
            bytes: Vec::new(),
            cap,
            overflowed: false,
        }
    }

    /// The bytes written, `None` if they passed the cap (the writer's
    /// error is then the cap's), or the writer's error.
    fn finish(self, written: PolarsResult<()>) -> TableResult<Option<Vec<u8>>> {
        match written {
            _ if self.overflowed => Ok(None),
            Ok(()) => Ok(Some(self.bytes)),
            Err(error) => Err(error.into()),
        }
    }
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > self.cap {
            self.overflowed = true;
            return Err(std::io::Error::other("over the size cap"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

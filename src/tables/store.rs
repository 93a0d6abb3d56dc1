//! The per-instance table store: handles to polars frames, with the bytes
//! they hold counted against the session's cap.
//!
//! A filter's result is kept as its source's handle plus a row mask, and its
//! columns are gathered only when a request needs them whole. Grouping and
//! selecting read it through a lazy plan instead, so `df[mask].groupby(...)`
//! touches only the columns the aggregation uses. While such a filtered table
//! lives its source stays stored (and counted), even once the guest frees the
//! source's handle.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::error::{TableError, TableResult};
use super::ipc::{frame_of_ipc, ipc};
use super::{index, normalize};

/// Ceiling of [`TableStore::max_answer`], whatever the guest's memory cap
/// (the host call's answer length is an `i32`).
const MAX_ANSWER_BYTES: u64 = 1 << 30;
/// The mask's column in a filtered table's plan (never a guest column name:
/// those are valid UTF-8 text without control characters at the start).
const MASK_COLUMN: &str = "\u{1}mask";

/// Frames a guest holds, by handle. Dropped with the instance's store.
pub struct TableStore {
    scratch: PathBuf,
    cap: u64,
    max_answer: usize,
    used: u64,
    next: u64,
    tables: HashMap<u64, Stored>,
}

#[derive(Clone)]
struct Stored {
    table: Table,
    bytes: u64,
    /// Filtered tables reading this one.
    readers: usize,
    /// Freed by the guest but kept for its readers.
    released: bool,
}

#[derive(Clone)]
enum Table {
    Frame(DataFrame),
    Filtered(Filtered),
}

/// The rows of `source` where `mask` holds, gathered on first use.
#[derive(Clone)]
struct Filtered {
    source: u64,
    /// Whether `source` has no index column and its row numbers become one
    /// (pandas' RangeIndex labels survive the filter).
    numbered: bool,
    mask: BooleanChunked,
    rows: usize,
    schema: SchemaRef,
    gathered: OnceCell<DataFrame>,
}

/// A store's live tables as Arrow IPC streams, for a saved session.
#[derive(Debug, Default, PartialEq)]
pub struct SavedTables {
    /// The handle the next table gets.
    pub next: u64,
    /// Each table's handle and frame, by handle.
    pub tables: Vec<(u64, Vec<u8>)>,
}

/// A stored table as the input of a query: its schema and a lazy plan that
/// reads it.
pub struct Input {
    pub schema: SchemaRef,
    pub plan: LazyFrame,
}

/// What the guest keeps about a table: column names, dtypes and row count.
pub struct Shape {
    pub schema: SchemaRef,
    pub rows: usize,
}

impl TableStore {
    /// A store reading and writing files below `scratch`, holding at most
    /// `cap` bytes of frames, for a guest whose memory may grow to
    /// `guest_memory` bytes.
    pub fn new(scratch: &Path, cap: u64, guest_memory: u64) -> Self {
        Self {
            scratch: scratch.to_owned(),
            cap,
            max_answer: usize::try_from(guest_memory.min(MAX_ANSWER_BYTES)).unwrap_or(usize::MAX),
            used: 0,
            next: 1,
            tables: HashMap::new(),
        }
    }

    /// A copy of every table, for a forked instance whose scratch directory
    /// is `scratch`; frames share their buffers (polars copies on write).
    pub fn fork(&self, scratch: &Path) -> Self {
        Self {
            scratch: scratch.to_owned(),
            cap: self.cap,
            max_answer: self.max_answer,
            used: self.used,
            next: self.next,
            tables: self.tables.clone(),
        }
    }

    /// The session's scratch directory (the guest's `/mnt/data`).
    pub fn scratch(&self) -> &Path {
        &self.scratch
    }

    /// Largest answer the guest can be sent: one that could not fit in its
    /// memory is refused with `MemoryError` (before it is built, where the
    /// size is known in advance).
    pub fn max_answer(&self) -> usize {
        self.max_answer
    }

    /// Bytes new frames may still take.
    pub fn room(&self) -> u64 {
        self.cap.saturating_sub(self.used)
    }

    /// Bytes the stored frames hold.
    pub fn used_bytes(&self) -> u64 {
        self.used
    }

    fn stored(&self, handle: u64) -> TableResult<&Stored> {
        self.tables
            .get(&handle)
            .filter(|stored| !stored.released)
            .ok_or_else(|| TableError::value(format!("no table with handle {handle}")))
    }

    /// The frame behind `handle` (a filtered table's rows are gathered now).
    pub fn get(&self, handle: u64) -> TableResult<&DataFrame> {
        self.frame(self.stored(handle)?)
    }

    fn frame<'a>(&'a self, stored: &'a Stored) -> TableResult<&'a DataFrame> {
        match &stored.table {
            Table::Frame(frame) => Ok(frame),
            Table::Filtered(filtered) => {
                if let Some(frame) = filtered.gathered.get() {
                    return Ok(frame);
                }
                let source = self.frame(&self.tables[&filtered.source])?;
                let frame = if filtered.numbered {
                    index::with_index(source)?.filter(&filtered.mask)?
                } else {
                    source.filter(&filtered.mask)?
                };
                Ok(filtered.gathered.get_or_init(|| frame))
            }
        }
    }

    /// `handle` as the input of a query (a filtered table is read through
    /// its source and mask, not gathered).
    pub fn input(&self, handle: u64) -> TableResult<Input> {
        let stored = self.stored(handle)?;
        Ok(Input {
            schema: self.schema(stored),
            plan: self.plan(stored),
        })
    }

    fn plan(&self, stored: &Stored) -> LazyFrame {
        match &stored.table {
            Table::Frame(frame) => frame.clone().lazy(),
            Table::Filtered(filtered) => match filtered.gathered.get() {
                Some(frame) => frame.clone().lazy(),
                None => {
                    let mut source = self.plan(&self.tables[&filtered.source]);
                    if filtered.numbered {
                        source = source
                            .with_row_index(index::RANGE_INDEX, None)
                            .with_column(col(index::RANGE_INDEX).cast(DataType::Int64));
                    }
                    let mask = filtered.mask.clone().with_name(MASK_COLUMN.into());
                    source
                        .with_column(lit(mask.into_series()))
                        .filter(col(MASK_COLUMN))
                        .drop(cols([MASK_COLUMN]))
                }
            },
        }
    }

    fn schema(&self, stored: &Stored) -> SchemaRef {
        match &stored.table {
            Table::Frame(frame) => frame.schema().clone(),
            Table::Filtered(filtered) => filtered.schema.clone(),
        }
    }

    /// Column names, dtypes and row count of `handle`.
    pub fn shape(&self, handle: u64) -> TableResult<Shape> {
        let stored = self.stored(handle)?;
        let rows = match &stored.table {
            Table::Frame(frame) => frame.height(),
            Table::Filtered(filtered) => filtered.rows,
        };
        Ok(Shape {
            schema: self.schema(stored),
            rows,
        })
    }

    /// Stores `frame` (after giving it pandas' dtypes) and returns its
    /// handle; refuses with `MemoryError` past the cap.
    pub fn insert(&mut self, frame: DataFrame) -> TableResult<u64> {
        let frame = normalize::pandas_dtypes(frame)?;
        let bytes = frame.estimated_size() as u64;
        self.add(Table::Frame(frame), bytes)
    }

    /// Stores the rows of `source` where `mask` (one value per row, nulls
    /// counting as false) holds, to be gathered on first use.
    pub fn insert_filtered(&mut self, source: u64, mask: BooleanChunked) -> TableResult<u64> {
        let Shape {
            schema: source_schema,
            rows: source_rows,
        } = self.shape(source)?;
        if mask.len() != source_rows {
            return Err(TableError::value(format!(
                "Item wrong length {} instead of {}.",
                mask.len(),
                source_rows
            )));
        }
        let numbered = index::index_names(&source_schema).is_empty();
        let mut schema = (*source_schema).clone();
        if numbered {
            schema.insert_at_index(0, index::RANGE_INDEX.into(), DataType::Int64)?;
        }
        let rows = mask.sum().unwrap_or(0) as usize;
        // What the gathered rows will take, plus the mask itself.
        let source_bytes =
            self.tables[&source].bytes + if numbered { 8 * source_rows as u64 } else { 0 };
        let bytes = source_bytes * rows as u64 / source_rows.max(1) as u64 + mask.len() as u64 / 8;
        let filtered = Filtered {
            source,
            numbered,
            mask,
            rows,
            schema: Arc::new(schema),
            gathered: OnceCell::new(),
        };
        let handle = self.add(Table::Filtered(filtered), bytes)?;
        if let Some(stored) = self.tables.get_mut(&source) {
            stored.readers += 1;
        }
        Ok(handle)
    }

    fn add(&mut self, table: Table, bytes: u64) -> TableResult<u64> {
        self.check_room(bytes)?;
        let handle = self.next;
        self.next += 1;
        self.put(handle, table, bytes);
        Ok(handle)
    }

    fn check_room(&self, bytes: u64) -> TableResult<()> {
        if self.used + bytes > self.cap {
            return Err(TableError::new(
                "MemoryError",
                format!(
                    "this table needs {} MiB, and the session's tables may hold {} MiB in all \
                     ({} MiB in use); delete tables you no longer need (del df)",
                    mib(bytes),
                    mib(self.cap),
                    mib(self.used)
                ),
            ));
        }
        Ok(())
    }

    fn put(&mut self, handle: u64, table: Table, bytes: u64) {
        self.used += bytes;
        self.tables.insert(
            handle,
            Stored {
                table,
                bytes,
                readers: 0,
                released: false,
            },
        );
    }

    /// The tables the guest holds (filtered ones gathered), for saving.
    pub fn save(&self) -> TableResult<SavedTables> {
        let mut tables = Vec::new();
        for (&handle, stored) in &self.tables {
            if !stored.released {
                tables.push((handle, ipc(self.frame(stored)?)?));
            }
        }
        tables.sort_unstable_by_key(|&(handle, _)| handle);
        Ok(SavedTables {
            next: self.next,
            tables,
        })
    }

    /// Fills this empty store with saved tables, under the same handles;
    /// refuses malformed ones and more than the cap.
    pub fn load(&mut self, saved: &SavedTables) -> TableResult<()> {
        for (handle, bytes) in &saved.tables {
            if *handle >= saved.next || self.tables.contains_key(handle) {
                return Err(TableError::value(format!(
                    "bad saved table handle {handle}"
                )));
            }
            let frame = normalize::pandas_dtypes(frame_of_ipc(bytes)?)?;
            let bytes = frame.estimated_size() as u64;
            self.check_room(bytes)?;
            self.put(*handle, Table::Frame(frame), bytes);
        }
        self.next = saved.next;
        Ok(())
    }

    /// Forgets `handle` (unknown handles are ignored: frees are idempotent);
    /// a table that filtered tables still read is kept until they go.
    pub fn free(&mut self, handle: u64) {
        let Some(stored) = self.tables.get_mut(&handle) else {
            return;
        };
        stored.released = true;
        let mut next = Some(handle);
        while let Some(handle) = next.take() {
            let stored = &self.tables[&handle];
            if !stored.released || stored.readers > 0 {
                break;
            }
            let stored = self.tables.remove(&handle).expect("present");
            self.used -= stored.bytes;
            if let Table::Filtered(filtered) = stored.table {
                let source = self
                    .tables
                    .get_mut(&filtered.source)
                    .expect("kept for readers");
                source.readers -= 1;
                next = Some(filtered.source);
            }
        }
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1 << 20) as f64)
}

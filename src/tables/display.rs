//! A table as a display event: Arrow IPC stream bytes of its first rows (the
//! index levels as columns, named as pyarrow names them), the guest's text
//! preview (and its HTML table, as Jupyter front ends expect), and the row and
//! column counts. A table with object columns (Python objects held by the
//! guest) has no Arrow part: only the guest can show those values.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::error::TableResult;
use super::index::is_index;
use super::ipc::ipc;
use crate::events::{Display, MimeData};

/// MIME type of the Arrow IPC stream.
pub const ARROW_MIME: &str = "application/vnd.apache.arrow.stream";
/// Largest Arrow payload of one display; fewer rows are sent past it.
pub const MAX_ARROW_BYTES: usize = 4 << 20;
/// Most rows sent in one display.
pub const MAX_ARROW_ROWS: usize = 100_000;

/// The display event of `frame` with the guest's `text` preview and, when
/// given, its `html` (pandas' `_repr_html_`).
pub fn display(frame: &DataFrame, text: String, html: Option<String>) -> TableResult<Display> {
    let (shown, index_columns) = for_arrow(frame)?;
    let objects = frame.dtypes().contains(&DataType::Binary);
    let mut rows = if objects {
        0
    } else {
        shown.height().min(MAX_ARROW_ROWS)
    };
    let mut bytes = ipc(&shown.slice(0, rows))?;
    while bytes.len() > MAX_ARROW_BYTES && rows > 1 {
        rows /= 2;
        bytes = ipc(&shown.slice(0, rows))?;
    }
    let columns = frame
        .get_column_names()
        .iter()
        .filter(|n| !is_index(n))
        .count();
    let metadata = BTreeMap::from([
        ("rows".to_owned(), frame.height().to_string()),
        ("columns".to_owned(), columns.to_string()),
        ("arrow_rows".to_owned(), rows.to_string()),
        ("truncated".to_owned(), (rows < frame.height()).to_string()),
        (
            "index_columns".to_owned(),
            serde_json::to_string(&index_columns).unwrap_or_default(),
        ),
    ]);
    let mut data = Vec::new();
    if !objects {
        data.push(MimeData {
            mime_type: ARROW_MIME.to_owned(),
            data: bytes,
        });
    }
    data.push(MimeData {
        mime_type: "text/plain".to_owned(),
        data: text.into_bytes(),
    });
    if let Some(html) = html {
        data.push(MimeData {
            mime_type: "text/html".to_owned(),
            data: html.into_bytes(),
        });
    }
    Ok(Display { data, metadata })
}

/// The frame with readable names: index level `k` becomes its name, or
/// `__index_level_k__` when unnamed; also returns the index column names.
fn for_arrow(frame: &DataFrame) -> TableResult<(DataFrame, Vec<String>)> {
    let mut out = frame.clone();
    let mut index_columns = Vec::new();
    for name in frame.get_column_names() {
        if let Some(level) = name.strip_prefix('\0') {
            let shown = match level.split_once('=') {
                Some((_, label)) if out.column(label).is_err() => label.to_owned(),
                _ => format!("__index_level_{}__", level.split('=').next().unwrap_or("0")),
            };
            out.rename(name, shown.as_str().into())?;
            index_columns.push(shown);
        }
    }
    Ok((out, index_columns))
}

//! Frames as Arrow IPC streams: the display format and a saved session's
//! tables.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use polars::prelude::*;

use super::error::{TableError, TableResult};

/// `frame` as an Arrow IPC stream.
pub fn ipc(frame: &DataFrame) -> TableResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut frame = frame.clone();
    IpcStreamWriter::new(&mut out).finish(&mut frame)?;
    Ok(out)
}

/// The frame of an Arrow IPC stream from outside: malformed bytes are an
/// error, never a panic.
pub fn frame_of_ipc(bytes: &[u8]) -> TableResult<DataFrame> {
    catch_unwind(AssertUnwindSafe(|| {
        IpcStreamReader::new(Cursor::new(bytes)).finish()
    }))
    .map_err(|_| TableError::value("malformed Arrow IPC stream".to_owned()))?
    .map_err(TableError::from)
}

//! The per-instance table store: handles to polars frames, with the bytes
//! they hold counted against the session's cap.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use polars::prelude::DataFrame;

use super::error::{TableError, TableResult};
use super::normalize;

/// Ceiling of [`TableStore::max_answer`], whatever the guest's memory cap
/// (the host call's answer length is an `i32`).
const MAX_ANSWER_BYTES: u64 = 1 << 30;

/// Frames a guest holds, by handle. Dropped with the instance's store.
pub struct TableStore {
    scratch: PathBuf,
    cap: u64,
    max_answer: usize,
    used: u64,
    next: u64,
    frames: HashMap<u64, Stored>,
}

struct Stored {
    frame: DataFrame,
    bytes: u64,
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
            frames: HashMap::new(),
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

    /// The frame behind `handle`.
    pub fn get(&self, handle: u64) -> TableResult<&DataFrame> {
        self.frames
            .get(&handle)
            .map(|stored| &stored.frame)
            .ok_or_else(|| TableError::value(format!("no table with handle {handle}")))
    }

    /// Stores `frame` (after giving it pandas' dtypes) and returns its handle
    /// and the stored frame; refuses with `MemoryError` past the cap.
    pub fn insert(&mut self, frame: DataFrame) -> TableResult<(u64, &DataFrame)> {
        let frame = normalize::pandas_dtypes(frame)?;
        let bytes = frame.estimated_size() as u64;
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
        let handle = self.next;
        self.next += 1;
        self.used += bytes;
        let stored = self.frames.entry(handle).or_insert(Stored { frame, bytes });
        Ok((handle, &stored.frame))
    }

    /// Forgets `handle` (unknown handles are ignored: frees are idempotent).
    pub fn free(&mut self, handle: u64) {
        if let Some(stored) = self.frames.remove(&handle) {
            self.used -= stored.bytes;
        }
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1 << 20) as f64)
}

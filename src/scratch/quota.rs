//! The scratch directory's quota: the bytes, entries and open descriptors
//! an instance may hold there. The sandbox's WASI policy charges the guest's
//! writes to it and the tables charge the files pandas writes on the host.

use std::path::{Path, PathBuf};

use crate::limits::ScratchLimits;

/// What an instance may hold in its scratch directory, and how much it
/// holds as far as the host knows.
pub struct ScratchQuota {
    dir: PathBuf,
    limits: ScratchLimits,
    /// Descriptors opened by `path_open` and not closed yet.
    open_files: usize,
    /// A descriptor was renumbered onto stdin, stdout or stderr: writes to
    /// them may reach a file, so they count too.
    stdio_replaced: bool,
    /// An upper bound of the bytes in the directory: the last measure plus
    /// everything written since.
    bytes: u64,
    /// An upper bound of the entries in the directory, likewise.
    entries: usize,
}

impl ScratchQuota {
    /// The quota of the scratch directory at `dir` (empty or holding the
    /// session's initial files, which are counted at the first write).
    pub fn new(dir: &Path, limits: ScratchLimits) -> Self {
        Self {
            dir: dir.to_owned(),
            limits,
            open_files: 0,
            stdio_replaced: false,
            bytes: u64::MAX,
            entries: usize::MAX,
        }
    }

    /// Takes room for a write of `bytes` to `fd`, unless `fd` is the
    /// host's stdout or stderr (which never reach the directory).
    pub fn reserve_write(&mut self, fd: i32, bytes: u64) -> bool {
        ((0..=2).contains(&fd) && !self.stdio_replaced) || self.reserve_bytes(bytes)
    }

    /// The scratch directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Descriptors the guest holds open (beyond the standard streams and
    /// the mounts).
    pub fn open_files(&self) -> usize {
        self.open_files
    }

    /// Whether one more descriptor may be opened.
    pub fn may_open(&self) -> bool {
        self.open_files < self.limits.max_open_files
    }

    /// A descriptor was opened.
    pub fn opened(&mut self) {
        self.open_files += 1;
    }

    /// A descriptor was renumbered onto `to` (closing what `to` held).
    pub fn renumbered(&mut self, to: i32) {
        self.closed();
        self.stdio_replaced |= to <= 2;
    }

    /// A descriptor was closed.
    pub fn closed(&mut self) {
        self.open_files = self.open_files.saturating_sub(1);
    }

    /// Bytes a new file written by the host (pandas' `to_csv`) may hold:
    /// what the directory has left after measuring it, 0 when no entry is
    /// left.
    pub fn room_for_file(&mut self) -> u64 {
        self.measure();
        if self.entries >= self.limits.max_entries {
            return 0;
        }
        self.limits.max_bytes.saturating_sub(self.bytes)
    }

    /// Counts a file of `bytes` the host wrote (an upper bound when it
    /// replaced one, until the next measure).
    pub fn add_file(&mut self, bytes: u64) {
        self.entries = self.entries.saturating_add(1);
        self.bytes = self.bytes.saturating_add(bytes);
    }

    /// Takes room for `bytes` more bytes; false when they do not fit even
    /// after measuring what the directory really holds.
    pub fn reserve_bytes(&mut self, bytes: u64) -> bool {
        if self.bytes.saturating_add(bytes) > self.limits.max_bytes {
            self.measure();
        }
        let fits = self.bytes.saturating_add(bytes) <= self.limits.max_bytes;
        if fits {
            self.bytes += bytes;
        }
        fits
    }

    /// Takes room for one more entry, likewise.
    pub fn reserve_entry(&mut self) -> bool {
        if self.entries >= self.limits.max_entries {
            self.measure();
        }
        let fits = self.entries < self.limits.max_entries;
        if fits {
            self.entries += 1;
        }
        fits
    }

    /// Counts the directory's entries and the bytes of its regular files
    /// (apparent sizes), never following a link.
    fn measure(&mut self) {
        let (mut bytes, mut entries) = (0u64, 0usize);
        let mut dirs = vec![self.dir.clone()];
        while let Some(dir) = dirs.pop() {
            let Ok(listing) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in listing.flatten() {
                let Ok(metadata) = entry.metadata() else {
                    continue;
                };
                entries += 1;
                if metadata.is_dir() {
                    dirs.push(entry.path());
                } else if metadata.is_file() {
                    bytes += metadata.len();
                }
            }
        }
        (self.bytes, self.entries) = (bytes, entries);
    }
}

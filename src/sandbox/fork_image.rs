//! What a fork carries from one instance to another ([`GuestImage`]) and why
//! a fork can fail ([`ForkError`]); [`super::fork`] makes and applies images,
//! [`super::saved_state`] turns them into bytes and back.

use std::ops::Range;
use std::sync::Arc;

use super::memory_mirror::MemoryMirror;
#[cfg(feature = "tables")]
use crate::tables::{SavedTables, TableStore};

/// Why a session could not be forked.
#[derive(Debug, thiserror::Error)]
pub enum ForkError {
    #[error(
        "the session holds {0} open file descriptors; close them (e.g. with a `with` block) before forking"
    )]
    OpenFiles(usize),
    #[error("the session has ended: {0}")]
    Ended(String),
    #[error("the session already has cells waiting; fork it when they have run")]
    Busy,
    #[error("forking failed: {0}")]
    Failed(String),
}

/// An instance's state between cells, as a fork needs it.
pub struct GuestImage {
    pub(super) memory_bytes: usize,
    /// Linear memory written since the instance started.
    pub(super) memory: ImageMemory,
    pub(super) execution_count: u64,
    #[cfg(feature = "tables")]
    pub(super) tables: ImageTables,
}

/// The memory of an image.
pub(super) enum ImageMemory {
    /// Copied out of the instance: offsets and bytes.
    Copied(Vec<(usize, Vec<u8>)>),
    /// The source's checkpoint, shared (it was of the source's state then).
    Shared(Arc<MemoryMirror>),
    /// Read from saved bytes: offsets and where their bytes lie in `body`,
    /// the unpacked state (left there rather than copied out).
    Saved {
        body: Vec<u8>,
        runs: Vec<(usize, Range<usize>)>,
    },
}

/// The pandas tables of an image.
#[cfg(feature = "tables")]
pub(super) enum ImageTables {
    /// The source's store, shared copy-on-write (a fork).
    Copied(TableStore),
    /// The tables as bytes (a saved session).
    Saved(SavedTables),
}

impl GuestImage {
    /// Bytes of linear memory the image carries.
    pub fn copied_bytes(&self) -> usize {
        self.runs().iter().map(|(_, bytes)| bytes.len()).sum()
    }

    /// The memory's runs: offsets and bytes.
    pub(super) fn runs(&self) -> Vec<(usize, &[u8])> {
        match &self.memory {
            ImageMemory::Copied(runs) => runs
                .iter()
                .map(|(offset, bytes)| (*offset, bytes.as_slice()))
                .collect(),
            ImageMemory::Shared(mirror) => mirror.runs().collect(),
            ImageMemory::Saved { body, runs } => runs
                .iter()
                .map(|(offset, bytes)| (*offset, &body[bytes.clone()]))
                .collect(),
        }
    }

    /// The image with its tables as bytes, for saving.
    #[cfg(feature = "tables")]
    pub(super) fn with_saved_tables(self) -> Result<Self, crate::tables::TableError> {
        let tables = match self.tables {
            ImageTables::Copied(store) => ImageTables::Saved(store.save()?),
            saved @ ImageTables::Saved(_) => saved,
        };
        Ok(Self { tables, ..self })
    }

    /// The image, for saving (there are no tables in this build).
    #[cfg(not(feature = "tables"))]
    pub(super) fn with_saved_tables(self) -> Result<Self, std::convert::Infallible> {
        Ok(self)
    }
}

//! What a fork carries from one instance to another ([`GuestImage`]) and why
//! a fork can fail ([`ForkError`]); [`super::fork`] makes and applies images.

#[cfg(feature = "tables")]
use crate::tables::TableStore;

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
    /// Linear memory written since the instance started: offsets and bytes.
    pub(super) runs: Vec<(usize, Vec<u8>)>,
    pub(super) execution_count: u64,
    #[cfg(feature = "tables")]
    pub(super) tables: TableStore,
}

impl GuestImage {
    /// Bytes of linear memory the image carries.
    pub fn copied_bytes(&self) -> usize {
        self.runs.iter().map(|(_, bytes)| bytes.len()).sum()
    }
}

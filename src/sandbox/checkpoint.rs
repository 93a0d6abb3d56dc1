//! A session's checkpoint: its state after the last cell that ended well
//! (linear memory, pandas tables, scratch files), kept so that an instance
//! stopped hard (past its interrupt's grace, out of fuel or output, crashed)
//! can be rebuilt from it in a fresh instance of the same build.
//!
//! Memory is kept as a mirror of the pages the instance wrote since it
//! started; every other page is still the snapshot image's, in the fresh
//! instance too (as for a fork, see [`super::fork`]). Each checkpoint copies
//! only the pages written since the one before, which the kernel's
//! write-protect tracking lists ([`DirtyPages`]); where the kernel cannot
//! track, every written page is copied each time. [`super::rollback`] takes
//! and applies checkpoints.

use std::path::Path;
use std::sync::Arc;

use super::dirty_pages::DirtyPages;
use super::memory_mirror::MemoryMirror;
use super::prefault::{MemoryRegion, WorkingSet};
use crate::scratch::FileMirror;
#[cfg(feature = "tables")]
use crate::tables::TableStore;

/// The last checkpoint of a session, and the tracking of what its
/// instance wrote since.
pub struct Checkpoint {
    /// Tracking of the current instance's memory; `None` before the first
    /// checkpoint of an instance, and once detached from it.
    tracking: Option<Tracking>,
    /// The memory at the checkpoint (shared with a fork taken from it).
    memory: Arc<MemoryMirror>,
    /// Bytes of linear memory at the checkpoint.
    pub(super) memory_bytes: usize,
    /// Cells run when it was taken.
    pub(super) execution_count: u64,
    #[cfg(feature = "tables")]
    pub(super) tables: Option<TableStore>,
    pub(super) files: FileMirror,
    /// Why the instance cannot be rebuilt from it, when it cannot.
    pub(super) unusable: Option<String>,
    /// The instance holding it is a replacement still to be made its copy.
    pub(super) pending: bool,
}

enum Tracking {
    Kernel(DirtyPages),
    /// Every page written since the instance started, from the page map.
    PageMap,
}

impl Checkpoint {
    /// The checkpoint of a fresh instance (its state is the snapshot's);
    /// copies of scratch files go under `parent`.
    pub fn new(parent: &Path) -> Self {
        Self {
            tracking: None,
            memory: Arc::default(),
            memory_bytes: 0,
            execution_count: 0,
            #[cfg(feature = "tables")]
            tables: None,
            files: FileMirror::new(parent),
            unusable: None,
            pending: false,
        }
    }

    /// Why a stopped instance cannot be rebuilt from this checkpoint.
    pub fn unusable(&self) -> Option<&str> {
        self.unusable.as_deref()
    }

    /// Cells run when the checkpoint was taken.
    pub fn execution_count(&self) -> u64 {
        self.execution_count
    }

    /// Lets go of the stopped instance (its memory's tracking ends before
    /// its slot is freed) and marks the checkpoint to be applied to the next
    /// instance that holds it.
    pub fn detach(&mut self) {
        self.tracking = None;
        self.pending = true;
    }

    /// Whether the instance holding it must still be made its copy.
    pub fn pending(&self) -> bool {
        self.pending
    }

    /// Records the memory at `region`, whose bytes are `data`: copies the
    /// pages written since the last checkpoint of this instance (the mirror
    /// is copied first if a fork still holds it).
    pub(super) fn record_memory(
        &mut self,
        region: MemoryRegion,
        data: &[u8],
    ) -> Result<(), String> {
        let changed = self.changed_pages(region)?;
        Arc::make_mut(&mut self.memory).record(data, &changed);
        self.memory_bytes = region.len;
        Ok(())
    }

    /// The recorded memory: its written pages.
    pub(super) fn memory(&self) -> &MemoryMirror {
        &self.memory
    }

    /// The memory of the instance holding the checkpoint, shared, when the
    /// checkpoint is of its state now: taken after its last cell (`cells`
    /// run) and usable.
    pub(super) fn memory_now(&self, cells: u64) -> Option<Arc<MemoryMirror>> {
        let current = self.tracking.is_some()
            && !self.pending
            && self.unusable.is_none()
            && self.execution_count == cells;
        current.then(|| Arc::clone(&self.memory))
    }

    /// Runs of pages of `region` written since the last checkpoint of this
    /// instance (since it started, for the first).
    fn changed_pages(&mut self, region: MemoryRegion) -> Result<Vec<(usize, usize)>, String> {
        let tracking = self.tracking.get_or_insert_with(|| {
            DirtyPages::track(region).map_or(Tracking::PageMap, Tracking::Kernel)
        });
        match tracking {
            Tracking::Kernel(pages) => pages.take(region).map_err(|error| error.to_string()),
            Tracking::PageMap => Ok(WorkingSet::written_or_all(region)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_memory::{Mapping, PAGE};
    use super::*;

    #[test]
    fn a_fresh_memory_given_the_recorded_pages_equals_the_recorded_one() {
        let mut memory = Mapping::new(64, 0);
        let mut checkpoint = Checkpoint::new(Path::new("/nonexistent"));
        memory.bytes()[3 * PAGE] = 1;
        memory.bytes()[40 * PAGE + 5] = 2;
        checkpoint
            .record_memory(memory.region, memory.bytes())
            .unwrap();
        memory.bytes()[40 * PAGE + 5] = 3;
        memory.bytes()[63 * PAGE] = 4;
        checkpoint
            .record_memory(memory.region, memory.bytes())
            .unwrap();
        let recorded = memory.bytes().to_vec();
        // Written after the checkpoint: not part of it.
        memory.bytes()[10 * PAGE] = 9;

        let mut fresh = vec![0u8; 64 * PAGE];
        for (offset, bytes) in checkpoint.memory().runs() {
            fresh[offset..offset + bytes.len()].copy_from_slice(bytes);
        }
        assert!(fresh == recorded, "the restored memory differs");
        assert_eq!(checkpoint.memory_bytes, 64 * PAGE);
    }
}

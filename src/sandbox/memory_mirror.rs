//! [`MemoryMirror`]: a copy of the pages of an instance's linear memory that
//! it wrote, at their offsets, for a checkpoint (and a fork taken from one).

use std::ops::Range;

/// Bytes of a host page, the unit of the mirror.
pub const PAGE: usize = 4096;

/// The written pages of a memory at their offsets. The buffer comes zeroed
/// from the allocator (pages the kernel maps on first use), so only the
/// written pages take memory.
#[derive(Default)]
pub struct MemoryMirror {
    bytes: Vec<u8>,
    /// Per page: whether the instance had written it.
    written: Vec<bool>,
}

impl MemoryMirror {
    /// Copies the runs `(offset, len)` of `data` (page-aligned) into the mirror.
    pub fn record(&mut self, data: &[u8], runs: &[(usize, usize)]) {
        self.reserve(data.len());
        for &(offset, len) in runs {
            self.bytes[offset..offset + len].copy_from_slice(&data[offset..offset + len]);
            self.written[offset / PAGE..(offset + len) / PAGE].fill(true);
        }
    }

    /// The runs of written pages: offsets and bytes.
    pub fn runs(&self) -> impl Iterator<Item = (usize, &[u8])> {
        written_runs(&self.written).map(|range| (range.start, &self.bytes[range]))
    }

    /// Makes room for `bytes` of memory; the mirror at least doubles, so a
    /// memory growing cell by cell is not copied every time.
    fn reserve(&mut self, bytes: usize) {
        if self.bytes.len() >= bytes {
            return;
        }
        let mut grown = Self::zeroed(bytes.max(self.bytes.len() * 2));
        grown.copy_written(self);
        *self = grown;
    }

    fn zeroed(bytes: usize) -> Self {
        Self {
            bytes: vec![0u8; bytes],
            written: vec![false; bytes / PAGE],
        }
    }

    fn copy_written(&mut self, from: &Self) {
        for range in written_runs(&from.written) {
            self.bytes[range.clone()].copy_from_slice(&from.bytes[range]);
        }
        self.written[..from.written.len()].copy_from_slice(&from.written);
    }
}

/// Copies only the written pages (never the whole buffer).
impl Clone for MemoryMirror {
    fn clone(&self) -> Self {
        let mut copy = Self::zeroed(self.bytes.len());
        copy.copy_written(self);
        copy
    }
}

/// The byte ranges of the runs of written pages.
fn written_runs(written: &[bool]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut page = 0;
    std::iter::from_fn(move || {
        let start = page + written.get(page..)?.iter().position(|&w| w)?;
        let len = written[start..]
            .iter()
            .position(|&w| !w)
            .unwrap_or(written.len() - start);
        page = start + len;
        Some(start * PAGE..page * PAGE)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_runs_are_the_runs_of_set_pages() {
        let written = [false, true, true, false, true, false, false, true];
        let runs: Vec<_> = written_runs(&written).collect();
        assert_eq!(
            runs,
            [PAGE..3 * PAGE, 4 * PAGE..5 * PAGE, 7 * PAGE..8 * PAGE]
        );
        assert_eq!(written_runs(&[]).count(), 0);
    }

    #[test]
    fn growing_and_cloning_keep_the_written_pages() {
        let mut data = vec![0u8; 4 * PAGE];
        data[PAGE] = 1;
        data[3 * PAGE + 7] = 2;
        let mut mirror = MemoryMirror::default();
        mirror.record(&data, &[(PAGE, PAGE)]);
        data.resize(16 * PAGE, 0);
        data[12 * PAGE] = 3;
        mirror.record(&data, &[(12 * PAGE, PAGE)]);
        let runs = |mirror: &MemoryMirror| -> Vec<(usize, u8)> {
            mirror
                .runs()
                .map(|(offset, bytes)| (offset, bytes[0]))
                .collect()
        };
        assert_eq!(runs(&mirror), [(PAGE, 1), (12 * PAGE, 3)]);
        assert_eq!(runs(&mirror.clone()), runs(&mirror));
    }
}

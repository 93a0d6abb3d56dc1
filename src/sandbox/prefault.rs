//! Writing ahead of the guest the pages of linear memory a cell usually writes.
//!
//! An instance's memory is a copy-on-write mapping of the snapshot image. When
//! the guest writes a page that is already mapped for reading (it read the
//! page first, or the kernel's fault-around mapped it with a neighbour), the
//! copy-on-write fault must flush that mapping from every CPU running the
//! process: an inter-processor interrupt, about 20 µs on a VM. Python writes
//! to a few hundred such pages in every fresh instance (reference counts live
//! in the objects). Populating those pages for writing before the guest runs,
//! while none of them is mapped yet, copies them without any flush.
//!
//! Which pages: the [`WorkingSet`] of the first instance that ran a cell,
//! learned from `/proc/self/pagemap` (present pages that are no longer the
//! image file's are the written ones).

use std::fs::File;
use std::os::unix::fs::FileExt;

/// Host page size assumed by the pagemap layout.
const PAGE: usize = 4096;
/// pagemap entry bit: the page is present.
const PRESENT: u64 = 1 << 63;
/// pagemap entry bit: the page is file-backed (still the image's, unwritten).
const FILE: u64 = 1 << 61;

/// Runs of written pages, as byte offsets into linear memory.
#[derive(Debug, Default)]
pub struct WorkingSet {
    runs: Vec<(usize, usize)>,
}

/// A range of the host address space holding an instance's linear memory.
#[derive(Debug, Clone, Copy)]
pub struct MemoryRegion {
    pub base: usize,
    pub len: usize,
}

impl WorkingSet {
    /// The written pages of `region`, read from this process's page map. The
    /// region is not accessed, so the instance may be running.
    pub fn learn(region: MemoryRegion) -> std::io::Result<Self> {
        let pages = region.len / PAGE;
        let mut entries = vec![0u8; pages * 8];
        let offset = (region.base / PAGE * 8) as u64;
        File::open("/proc/self/pagemap")?.read_exact_at(&mut entries, offset)?;
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (page, entry) in entries.chunks_exact(8).enumerate() {
            let entry = u64::from_ne_bytes(entry.try_into().expect("8-byte entry"));
            if entry & PRESENT == 0 || entry & FILE != 0 {
                continue;
            }
            match runs.last_mut() {
                Some((start, len)) if *start + *len == page * PAGE => *len += PAGE,
                _ => runs.push((page * PAGE, PAGE)),
            }
        }
        Ok(Self { runs })
    }

    /// The runs of pages of `region` written since it was mapped (byte
    /// offsets and lengths), or all of it where the page map cannot be read.
    pub fn written_or_all(region: MemoryRegion) -> Vec<(usize, usize)> {
        Self::learn(region).map_or_else(|_| vec![(0, region.len)], |written| written.runs)
    }

    /// Bytes in the set.
    pub fn bytes(&self) -> usize {
        self.runs.iter().map(|(_, len)| len).sum()
    }

    /// Faults the set's pages of `region` in for writing, without changing
    /// their contents. Best effort: kernels before 5.14 refuse, which only
    /// loses the speed-up.
    pub fn populate(&self, region: MemoryRegion) {
        for &(offset, len) in &self.runs {
            let len = len.min(region.len.saturating_sub(offset));
            if len == 0 {
                break;
            }
            // SAFETY: the range lies inside the instance's linear memory
            // (bounded by region.len), a mapping wasmtime owns for the store's
            // lifetime; MADV_POPULATE_WRITE only populates page tables as a
            // write would, without writing, so memory contents are unchanged.
            let result = unsafe {
                libc::madvise(
                    (region.base + offset) as *mut libc::c_void,
                    len,
                    libc::MADV_POPULATE_WRITE,
                )
            };
            if result != 0 {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::fd::AsRawFd;

    use super::*;

    /// A private mapping of a 16-page file, as wasmtime maps a memory image.
    fn map_image(file: &File) -> MemoryRegion {
        let len = 16 * PAGE;
        // SAFETY: a fresh private mapping of a file we own; unmapped by the caller.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE,
                file.as_raw_fd(),
                0,
            )
        };
        assert_ne!(base, libc::MAP_FAILED);
        MemoryRegion {
            base: base as usize,
            len,
        }
    }

    fn image() -> File {
        let file = tempfile::tempfile().unwrap();
        file.write_all_at(&vec![7u8; 16 * PAGE], 0).unwrap();
        file
    }

    #[test]
    fn written_pages_are_learned_and_read_pages_are_not() {
        let file = image();
        let region = map_image(&file);
        let page = |n: usize| (region.base + n * PAGE) as *mut u8;
        // SAFETY: every page lies inside the mapping made above.
        unsafe {
            for n in [1, 2, 5] {
                page(n).write_volatile(1);
            }
            assert_eq!(page(9).read_volatile(), 7);
        }
        let learned = WorkingSet::learn(region).unwrap();
        assert_eq!(learned.runs, [(PAGE, 2 * PAGE), (5 * PAGE, PAGE)]);
        assert_eq!(learned.bytes(), 3 * PAGE);
        // SAFETY: the mapping made above, no longer used.
        unsafe { libc::munmap(region.base as *mut libc::c_void, region.len) };
    }

    #[test]
    fn populating_writes_the_pages_in_without_changing_them() {
        let file = image();
        let region = map_image(&file);
        let set = WorkingSet {
            runs: vec![(3 * PAGE, 2 * PAGE)],
        };
        set.populate(region);
        let learned = WorkingSet::learn(region).unwrap();
        assert_eq!(learned.runs, [(3 * PAGE, 2 * PAGE)]);
        // SAFETY: inside the mapping made above.
        let contents = unsafe { std::slice::from_raw_parts(region.base as *const u8, region.len) };
        assert!(contents.iter().all(|&byte| byte == 7));
        // SAFETY: the mapping made above, no longer used.
        unsafe { libc::munmap(region.base as *mut libc::c_void, region.len) };
    }
}

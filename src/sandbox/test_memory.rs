//! Memory laid out as wasmtime lays out an instance's linear memory, for the
//! tests of the modules that read its page map: an anonymous mapping whose
//! first pages may be a private mapping of an image file.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileExt;

use super::prefault::MemoryRegion;

/// Host page size.
pub const PAGE: usize = 4096;

/// A mapping, unmapped on drop.
pub struct Mapping {
    pub region: MemoryRegion,
    _image: Option<File>,
}

impl Mapping {
    /// `pages` pages, the first `image_pages` of them a private mapping of a
    /// file of bytes 7 (as a memory image), the rest anonymous zeros.
    pub fn new(pages: usize, image_pages: usize) -> Self {
        let len = pages * PAGE;
        // SAFETY: a fresh anonymous mapping, owned by the value and unmapped on drop.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        assert_ne!(base, libc::MAP_FAILED);
        let image = (image_pages > 0).then(|| {
            let file = tempfile::tempfile().unwrap();
            file.write_all_at(&vec![7u8; image_pages * PAGE], 0)
                .unwrap();
            // SAFETY: replaces the first pages of the mapping made above.
            let mapped = unsafe {
                libc::mmap(
                    base,
                    image_pages * PAGE,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_FIXED,
                    file.as_raw_fd(),
                    0,
                )
            };
            assert_eq!(mapped, base);
            file
        });
        Self {
            region: MemoryRegion {
                base: base as usize,
                len,
            },
            _image: image,
        }
    }

    /// The mapped bytes.
    pub fn bytes(&mut self) -> &mut [u8] {
        // SAFETY: the mapping made in `new`, alive and exclusively borrowed.
        unsafe { std::slice::from_raw_parts_mut(self.region.base as *mut u8, self.region.len) }
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `new`, no longer used.
        unsafe { libc::munmap(self.region.base as *mut libc::c_void, self.region.len) };
    }
}

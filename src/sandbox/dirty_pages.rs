//! Which pages of an instance's linear memory were written since the last
//! look, from the kernel's write-protect tracking: the memory is registered
//! with a userfaultfd in asynchronous write-protect mode (Linux 6.7), so a
//! write to a protected page only clears its protection, without any fault
//! reaching us; the `PAGEMAP_SCAN` ioctl of `/proc/self/pagemap` then lists
//! the unprotected pages and protects them again, in one pass.
//!
//! A userfaultfd covers one address range of this process, so each instance
//! has its own, and it must be closed before wasmtime hands the memory's slot
//! to another instance (a second registration of the range would fail):
//! dropping [`DirtyPages`] closes it.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

use super::prefault::MemoryRegion;

/// Host page size assumed by the page map.
const PAGE: usize = 4096;

/// userfaultfd(2) flag: handle faults of user code only (allowed unprivileged).
const UFFD_USER_MODE_ONLY: libc::c_int = 1;
const UFFD_API: u64 = 0xAA;
/// Write protection is resolved by the kernel, not reported.
const UFFD_FEATURE_WP_ASYNC: u64 = 1 << 15;
/// Write protection also for shared memory (wasmtime maps the memory image
/// from a memfd).
const UFFD_FEATURE_WP_HUGETLBFS_SHMEM: u64 = 1 << 12;
const UFFDIO_REGISTER_MODE_WP: u64 = 1 << 1;
/// `_IOWR(0xAA, 0x3F, struct uffdio_api)`.
const UFFDIO_API_IOCTL: libc::c_ulong = 0xC018_AA3F;
/// `_IOWR(0xAA, 0x00, struct uffdio_register)`.
const UFFDIO_REGISTER_IOCTL: libc::c_ulong = 0xC020_AA00;
/// `_IOWR('f', 16, struct pm_scan_arg)`.
const PAGEMAP_SCAN: libc::c_ulong = 0xC060_6610;
/// Scan flags: protect the matching pages; fail unless tracking is asynchronous.
const PM_SCAN_WP_MATCHING: u64 = 1 << 0;
const PM_SCAN_CHECK_WPASYNC: u64 = 1 << 1;
/// Page categories of the scan.
const PAGE_IS_WRITTEN: u64 = 1 << 1;
const PAGE_IS_FILE: u64 = 1 << 2;
const PAGE_IS_PRESENT: u64 = 1 << 3;
const PAGE_IS_SWAPPED: u64 = 1 << 4;
/// Ranges one scan call returns at most.
const RANGES_PER_SCAN: usize = 512;

#[repr(C)]
struct UffdioApi {
    api: u64,
    features: u64,
    ioctls: u64,
}

#[repr(C)]
struct UffdioRegister {
    start: u64,
    len: u64,
    mode: u64,
    ioctls: u64,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct PageRegion {
    start: u64,
    end: u64,
    categories: u64,
}

#[repr(C)]
struct PmScanArg {
    size: u64,
    flags: u64,
    start: u64,
    end: u64,
    walk_end: u64,
    vec: u64,
    vec_len: u64,
    max_pages: u64,
    category_inverted: u64,
    category_mask: u64,
    category_anyof_mask: u64,
    return_mask: u64,
}

/// Write tracking of one instance's linear memory.
pub struct DirtyPages {
    uffd: OwnedFd,
    pagemap: File,
    base: usize,
    /// Bytes from `base` registered so far (the memory may grow).
    registered: usize,
}

impl DirtyPages {
    /// Starts tracking the memory at `region`. Fails on kernels without
    /// asynchronous write protection, or where userfaultfd is not allowed.
    pub fn track(region: MemoryRegion) -> io::Result<Self> {
        // SAFETY: a plain system call creating a descriptor, owned below.
        let fd = unsafe {
            libc::syscall(
                libc::SYS_userfaultfd,
                libc::O_CLOEXEC | libc::O_NONBLOCK | UFFD_USER_MODE_ONLY,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` is a fresh descriptor nothing else owns.
        let uffd = unsafe { OwnedFd::from_raw_fd(fd as i32) };
        let mut api = UffdioApi {
            api: UFFD_API,
            features: UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_HUGETLBFS_SHMEM,
            ioctls: 0,
        };
        // SAFETY: the ioctl reads and writes the struct, which outlives the call.
        check(unsafe { libc::ioctl(uffd.as_raw_fd(), UFFDIO_API_IOCTL, &mut api) })?;
        let mut tracking = Self {
            uffd,
            pagemap: File::open("/proc/self/pagemap")?,
            base: region.base,
            registered: 0,
        };
        tracking.register_up_to(region)?;
        Ok(tracking)
    }

    /// The runs of pages (byte offsets into the memory and lengths) written
    /// since the last call, or since the memory was mapped for the first
    /// call and for memory grown since; protects them again. Pages the guest
    /// never wrote (still the image's, or never touched) are not listed.
    pub fn take(&mut self, region: MemoryRegion) -> io::Result<Vec<(usize, usize)>> {
        self.register_up_to(region)?;
        let mut ranges = vec![PageRegion::default(); RANGES_PER_SCAN];
        let end = (region.base + region.len) as u64;
        let mut arg = PmScanArg {
            size: size_of::<PmScanArg>() as u64,
            flags: PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC,
            start: region.base as u64,
            end,
            walk_end: 0,
            vec: ranges.as_mut_ptr() as u64,
            vec_len: RANGES_PER_SCAN as u64,
            max_pages: 0,
            category_inverted: 0,
            category_mask: PAGE_IS_WRITTEN,
            category_anyof_mask: 0,
            return_mask: PAGE_IS_PRESENT | PAGE_IS_FILE | PAGE_IS_SWAPPED,
        };
        let mut written: Vec<(usize, usize)> = Vec::new();
        loop {
            // SAFETY: the ioctl reads the struct and writes at most `vec_len`
            // entries into `ranges`, both of which outlive the call; the
            // scanned range is this instance's memory, which only this
            // (paused) instance writes.
            let found = unsafe { libc::ioctl(self.pagemap.as_raw_fd(), PAGEMAP_SCAN, &mut arg) };
            let found = usize::try_from(found).map_err(|_| io::Error::last_os_error())?;
            for range in &ranges[..found] {
                let present = range.categories & PAGE_IS_PRESENT != 0;
                let image = range.categories & PAGE_IS_FILE != 0;
                if (present && !image) || range.categories & PAGE_IS_SWAPPED != 0 {
                    let (start, len) = (
                        range.start as usize - region.base,
                        (range.end - range.start) as usize,
                    );
                    match written.last_mut() {
                        Some((run, run_len)) if *run + *run_len == start => *run_len += len,
                        _ => written.push((start, len)),
                    }
                }
            }
            if arg.walk_end >= end {
                return Ok(written);
            }
            arg.start = arg.walk_end;
        }
    }

    /// Registers the part of `region` not registered yet.
    fn register_up_to(&mut self, region: MemoryRegion) -> io::Result<()> {
        if region.base != self.base {
            return Err(io::Error::other("the memory moved"));
        }
        if region.len <= self.registered {
            return Ok(());
        }
        let mut register = UffdioRegister {
            start: (self.base + self.registered) as u64,
            len: (region.len - self.registered) as u64,
            mode: UFFDIO_REGISTER_MODE_WP,
            ioctls: 0,
        };
        debug_assert_eq!(register.len % PAGE as u64, 0);
        // SAFETY: the ioctl reads and writes the struct, which outlives the
        // call; the range is this instance's memory, mapped for the store's life.
        check(unsafe { libc::ioctl(self.uffd.as_raw_fd(), UFFDIO_REGISTER_IOCTL, &mut register) })?;
        self.registered = region.len;
        Ok(())
    }
}

fn check(result: libc::c_int) -> io::Result<()> {
    if result < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_memory::Mapping;
    use super::*;

    #[test]
    fn lists_the_pages_written_since_the_last_look() {
        // 16 pages, the first 8 the image's (as wasmtime maps a memory image).
        let mut memory = Mapping::new(16, 8);
        let region = memory.region;
        let mut write = |pages: &[usize]| {
            for page in pages {
                memory.bytes()[page * PAGE] = 1;
            }
        };
        write(&[1, 9]);
        let Ok(mut tracking) = DirtyPages::track(region) else {
            eprintln!("no asynchronous write protection here; skipped");
            return;
        };
        let first = tracking.take(region).unwrap();
        assert_eq!(first, [(PAGE, PAGE), (9 * PAGE, PAGE)]);
        assert_eq!(tracking.take(region).unwrap(), []);
        write(&[1, 2, 15]);
        assert_eq!(
            tracking.take(region).unwrap(),
            [(PAGE, 2 * PAGE), (15 * PAGE, PAGE)]
        );
        // A page read but never written is not listed.
        assert_eq!(memory.bytes()[3 * PAGE], 7);
        assert_eq!(tracking.take(region).unwrap(), []);
        drop(tracking);
        memory.bytes()[4 * PAGE] = 1;
    }
}

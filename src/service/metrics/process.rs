//! The memory of this process, read from `/proc` at scrape time.

/// Memory of this process, in bytes.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct ProcessMemory {
    pub(super) resident: u64,
    pub(super) private: u64,
}

impl ProcessMemory {
    /// From `/proc/self/smaps_rollup` (Rss, Private_Clean + Private_Dirty),
    /// else the resident size from `/proc/self/statm`; zeros where neither
    /// can be read.
    pub(super) fn read() -> Self {
        if let Ok(text) = std::fs::read_to_string("/proc/self/smaps_rollup") {
            let field = |name: &str| -> Option<u64> {
                let line = text
                    .lines()
                    .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))?;
                let kb: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
                Some(kb * 1024)
            };
            if let (Some(resident), Some(clean), Some(dirty)) =
                (field("Rss"), field("Private_Clean"), field("Private_Dirty"))
            {
                return Self {
                    resident,
                    private: clean + dirty,
                };
            }
        }
        let resident = std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
            .map_or(0, |pages| pages * page_size());
        Self {
            resident,
            private: 0,
        }
    }
}

pub(super) fn page_size() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    u64::try_from(size).unwrap_or(4096)
}

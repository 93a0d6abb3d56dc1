//! Measurements of the test process (the in-process server runs in it).

/// The process's resident and private memory, from /proc/self/smaps_rollup.
#[derive(Clone, Copy, Debug)]
pub struct Memory {
    pub rss: u64,
    pub private: u64,
}

pub fn memory() -> Memory {
    let text = std::fs::read_to_string("/proc/self/smaps_rollup").expect("smaps_rollup");
    let field = |name: &str| -> u64 {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
            .and_then(|rest| rest.trim().strip_suffix("kB"))
            .and_then(|kib| kib.trim().parse::<u64>().ok())
            .map(|kib| kib << 10)
            .unwrap_or_else(|| panic!("{name} missing from smaps_rollup"))
    };
    Memory {
        rss: field("Rss"),
        private: field("Private_Clean") + field("Private_Dirty"),
    }
}

pub fn mib(bytes: u64) -> f64 {
    bytes as f64 / f64::from(1 << 20)
}

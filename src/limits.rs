//! Resource limits for cells and instances.

use std::time::Duration;

/// Limits applied to one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellLimits {
    /// Wall-clock deadline for the cell, enforced by epoch interruption.
    pub timeout: Duration,
    /// Fuel budget (roughly, wasm instructions); `None` runs unmetered. A budget
    /// makes the outcome independent of machine load; it needs a fuel-metered
    /// instance (see [`InstanceLimits::fuel_metered`]).
    pub fuel: Option<u64>,
    /// Bytes of stdout+stderr text kept per cell; the rest is dropped and flagged.
    pub max_output_bytes: usize,
}

impl Default for CellLimits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            fuel: None,
            max_output_bytes: 1 << 20,
        }
    }
}

/// Default cap on the bytes of host memory one session's pandas tables
/// (polars frames) may hold.
pub const DEFAULT_MAX_TABLE_BYTES: u64 = 2 << 30;

/// What one instance may hold in its scratch directory and open at once;
/// past them the guest's call fails with `EDQUOT` ("Disk quota exceeded")
/// or `EMFILE` ("Too many open files").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScratchLimits {
    /// Bytes of the regular files in the scratch directory (apparent sizes).
    pub max_bytes: u64,
    /// Entries in the scratch directory: files, directories and links.
    pub max_entries: usize,
    /// Descriptors the guest holds open at once (each one is a host
    /// descriptor; the standard library's and the scratch directory's two,
    /// and stdio, are not counted).
    pub max_open_files: usize,
}

impl Default for ScratchLimits {
    fn default() -> Self {
        Self {
            max_bytes: 64 << 20,
            max_entries: 1000,
            max_open_files: 256,
        }
    }
}

/// An instance asked for a larger memory cap than its sandbox allows
/// ([`crate::SandboxConfig::max_memory_bytes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a memory cap of {asked} bytes exceeds this sandbox's maximum of {max} bytes")]
pub struct MemoryCapTooLarge {
    pub asked: u64,
    pub max: u64,
}

/// Limits fixed for the lifetime of an instance (a session or a one-off run).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstanceLimits {
    /// Cap on the guest's linear memory; allocations beyond it raise MemoryError.
    pub memory_bytes: u64,
    /// Run on the fuel-metering engine, so cells may carry a fuel budget.
    pub fuel_metered: bool,
    /// Seed of the guest's `random` module; `None` draws a fresh one per
    /// instance. A fixed seed plus a fuel budget makes a run replayable: same
    /// output, same fuel used.
    pub random_seed: Option<u64>,
}

impl Default for InstanceLimits {
    fn default() -> Self {
        Self {
            memory_bytes: 512 << 20,
            fuel_metered: false,
            random_seed: None,
        }
    }
}

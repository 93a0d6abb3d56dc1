//! The wasmtime engines and compiled-module cache.
//!
//! Two engines share one configuration except for fuel: fuel metering slows
//! every instruction it instruments, so unmetered runs (the common path) use an
//! engine without it and budgeted runs a second, fuel-consuming engine.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, Module, OptLevel, PoolingAllocationConfig,
};

use crate::fsutil::{keep_newest, mark_used, write_atomically};

/// The wasmtime release this crate pins (Cargo.toml); part of every cache key.
pub const WASMTIME_VERSION: &str = "48.0.8";

/// Compiled modules kept in the cache: two flavours (fuel-metered or not)
/// of the newest guest builds used.
const KEPT_MODULES: usize = 8;

/// Settings that shape an engine.
#[derive(Debug, Clone, Copy)]
pub struct EngineSettings {
    /// Instances that may be alive at once (pooling-allocator slots).
    pub max_instances: u32,
    /// Largest memory cap any instance may ask for.
    pub max_memory_bytes: u64,
    /// Instrument code with fuel counters.
    pub fuel: bool,
}

/// Builds an engine for running guest instances: async (the guest awaits its
/// next cell inside a host call), epoch interruption for deadlines, a pooling
/// allocator with copy-on-write memory images for fast instantiation.
pub fn build_engine(settings: EngineSettings) -> Result<Engine> {
    let mut pool = PoolingAllocationConfig::default();
    pool.total_core_instances(settings.max_instances)
        .total_memories(settings.max_instances)
        .total_tables(settings.max_instances)
        .total_stacks(settings.max_instances)
        .max_memory_size(usize::try_from(settings.max_memory_bytes)?)
        .table_elements(64 * 1024)
        .max_core_instance_size(4 << 20);
    let mut config = base_config();
    config
        .consume_fuel(settings.fuel)
        .memory_init_cow(true)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    Engine::new(&config)
        .map_err(anyhow::Error::from)
        .context("creating the wasmtime engine")
}

/// Native stack for wasm frames. CPython's C recursion up to its recursion
/// limit (600 on WASI: a recursive `property`, `__len__` calling `len(self)`)
/// needs more than wasmtime's default of 512 KiB.
const MAX_WASM_STACK: usize = 4 << 20;
/// Room on a fiber's stack for host calls, beside the wasm frames (wasmtime's
/// default async stack size minus its default wasm stack).
const HOST_STACK: usize = (2 << 20) - (512 << 10);

/// Configuration shared by every engine of this crate, the snapshotter's included.
pub fn base_config() -> Config {
    let mut config = Config::new();
    config
        .max_wasm_stack(MAX_WASM_STACK)
        .async_stack_size(MAX_WASM_STACK + HOST_STACK)
        .epoch_interruption(true)
        .wasm_backtrace_max_frames(None)
        .cranelift_opt_level(OptLevel::Speed)
        .parallel_compilation(true);
    config
}

/// Compiles `wasm` for `engine`, or loads the result of an earlier compilation
/// from `cache_dir`. The cache key covers the wasm bytes and everything about the
/// engine that affects compiled code (wasmtime version and settings).
pub fn load_module(engine: &Engine, wasm: &[u8], cache_dir: &Path) -> Result<Module> {
    let path = cache_dir.join(format!("{}.cwasm", module_cache_key(engine, wasm)));
    if path.is_file() {
        // SAFETY: the file was written by `Module::serialize` of this same
        // wasmtime build (the key covers its compatibility hash) and lives in
        // our private cache directory; wasmtime still checks its header.
        match unsafe { Module::deserialize_file(engine, &path) } {
            Ok(module) => {
                mark_used(&path);
                return Ok(module);
            }
            Err(err) => {
                tracing::warn!(path = %path.display(), %err, "ignoring unusable cached module")
            }
        }
    }
    let started = std::time::Instant::now();
    let module = Module::new(engine, wasm)
        .map_err(anyhow::Error::from)
        .context("compiling the guest module")?;
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "compiled guest module"
    );
    write_atomically(&path, &module.serialize()?)?;
    keep_newest(cache_dir, |name| name.ends_with(".cwasm"), KEPT_MODULES);
    // Load through the file so the memory image can be mapped copy-on-write.
    // SAFETY: as above, we just wrote this file.
    Ok(unsafe { Module::deserialize_file(engine, &path) }?)
}

fn module_cache_key(engine: &Engine, wasm: &[u8]) -> String {
    let mut engine_hasher = DefaultHasher::new();
    engine
        .precompile_compatibility_hash()
        .hash(&mut engine_hasher);
    let mut digest = Sha256::new();
    digest.update(wasm);
    digest.update(engine_hasher.finish().to_le_bytes());
    digest.update(WASMTIME_VERSION.as_bytes());
    hex::encode(&digest.finalize()[..16])
}

//! Pre-initialization: a snapshot of the guest after the interpreter started and
//! imported the runner and the common modules (wasmtime-wizer).
//!
//! What the snapshot freezes: the interpreter state, imported modules, the hash
//! secret (fixed to 0 on purpose, see guest/cpython/entry.c) and the guest's
//! environment. The `random` module is reseeded per instance by the runner from a
//! seed the host sends with each cell.

use std::path::Path;

use anyhow::{Context, Result};
use wasmtime::Engine;
use wasmtime_wizer::Wizer;

use super::artifacts::Artifacts;
use super::engine::{WASMTIME_VERSION, base_config};
use super::guest_state::GuestState;
use super::instance;
use crate::fsutil::{keep_newest, mark_used, write_atomically};
use crate::limits::{InstanceLimits, ScratchLimits};

/// Snapshots of other guest builds kept in the cache (the newest used).
const KEPT_SNAPSHOTS: usize = 4;

/// Returns the pre-initialized guest module, building and caching it in
/// `cache_dir` on first use (a few seconds).
pub async fn preinitialized_wasm(artifacts: &Artifacts, cache_dir: &Path) -> Result<Vec<u8>> {
    let path = cache_dir.join(format!(
        "snapshot-{}-wasmtime-{}.wasm",
        artifacts.build_id, WASMTIME_VERSION
    ));
    if let Ok(bytes) = std::fs::read(&path) {
        mark_used(&path);
        return Ok(bytes);
    }
    let started = std::time::Instant::now();
    let wasm = std::fs::read(&artifacts.interpreter_wasm)
        .with_context(|| format!("reading {}", artifacts.interpreter_wasm.display()))?;
    let engine = Engine::new(&base_config())?;
    // The snapshot sees the same mounts, in the same order, as instances do.
    let scratch = tempfile::tempdir()?;
    let limits = InstanceLimits {
        memory_bytes: u64::from(u32::MAX),
        fuel_metered: false,
        random_seed: None,
    };
    let state = GuestState::new(
        &artifacts.stdlib_dir,
        scratch.path(),
        limits,
        ScratchLimits::default(),
        0,
        None,
    )?;
    let mut store = instance::new_store(&engine, state)?;
    let linker = instance::linker(&engine)?;
    let snapshot = Wizer::new()
        .run(&mut store, &wasm, async |store, module| {
            linker.instantiate_async(store, module).await
        })
        .await
        .map_err(anyhow::Error::from)
        .context("pre-initializing the interpreter")?;
    write_atomically(&path, &snapshot)?;
    keep_newest(
        cache_dir,
        |name| name.starts_with("snapshot-"),
        KEPT_SNAPSHOTS,
    );
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        bytes = snapshot.len(),
        "built interpreter snapshot"
    );
    Ok(snapshot)
}

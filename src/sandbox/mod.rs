//! The instance stack. A [`Sandbox`] (engines and the compiled guest, built
//! once per process) hands out [`Session`]s, each one live guest instance with
//! its own namespace and scratch directory. Bottom up:
//!
//! - `artifacts`: the guest build on disk; `engine`: wasmtime engines and the
//!   compiled-module cache; `snapshot`: the pre-initialized guest;
//!   `prefault`: the pages a fresh instance writes first;
//! - `cell`: a cell's life (queued, running with its output caps, ended);
//! - `guest_state`: what an instance's store holds, its memory cap;
//! - `host_calls`: the guest's `host` imports; `pending_calls`: the host's
//!   requests to a running guest (output ticks, `KeyboardInterrupt`);
//!   `wasi_policy`: the host's rules on WASI calls (sleeps, descriptors, the
//!   scratch quota);
//! - `instance`: an instance's imports, store and driver task;
//! - `session`: the handle callers run cells through; `warm_pool`: fresh
//!   instances started ahead of demand;
//! - `fork_image`, `fork`: a session's state copied between cells;
//!   `saved_state`: that state as bytes.

mod artifacts;
pub(crate) mod cell;
mod checkpoint;
mod dirty_pages;
mod engine;
mod fork;
mod fork_image;
mod guest_output;
mod guest_state;
pub(crate) mod host_calls;
mod instance;
mod memory_copy;
mod memory_mirror;
mod pending_calls;
mod prefault;
mod rollback;
mod saved_state;
mod session;
mod snapshot;
mod teardown;
#[cfg(test)]
mod test_memory;
mod warm_pool;
mod wasi_policy;

pub use artifacts::Artifacts;
pub use fork_image::ForkError;
pub use saved_state::StateError;
pub use session::{CellEvents, Session, SessionError};

use std::path::PathBuf;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use anyhow::{Context, Result};
use tokio::sync::{OnceCell, mpsc};
use tokio::task::JoinHandle;
use wasmtime::{Engine, InstancePre};

use self::engine::{EngineSettings, build_engine, load_module};
use self::guest_state::{GuestState, MEMORY_EXPORT, exported_memory};
use self::prefault::{MemoryRegion, WorkingSet};
use self::session::MAX_QUEUED_CELLS;
use self::teardown::DropAside;
use self::warm_pool::WarmPool;
use crate::events::Event;
use crate::limits::{CellLimits, InstanceLimits, MemoryCapTooLarge, ScratchLimits};
use crate::scratch::ScratchRoot;

/// How often the epoch advances: the resolution of deadlines and cancellation.
const EPOCH_TICK: Duration = Duration::from_millis(10);

/// Process-wide settings of a [`Sandbox`].
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The guest build to run.
    pub artifacts: Artifacts,
    /// Where snapshots and compiled modules are cached.
    pub cache_dir: PathBuf,
    /// Where the sandbox makes its directory (`code-interpreter-*`) of the
    /// instances' scratch directories; see [`ScratchRoot`] for how those of
    /// processes that died are removed.
    pub scratch_root: PathBuf,
    /// Instances alive at once (sessions plus one-off runs).
    pub max_instances: u32,
    /// Largest memory cap an instance may ask for.
    pub max_memory_bytes: u64,
    /// Start instances from the pre-initialized snapshot (`false` starts the
    /// interpreter from scratch in every instance; for comparisons only).
    pub preinitialized: bool,
    /// Instances with default limits kept started ahead of demand (0: none).
    pub warm_instances: usize,
    /// Runtime that drives the instances. `None`: the sandbox starts its own
    /// with `worker_threads` workers, apart from the caller's. A server
    /// passes its own runtime: a cell's events then reach the waiting call on
    /// the same worker thread, without waking another (~0.5 ms less per call
    /// on a VM), at the price of guest code sharing the workers with I/O.
    pub runtime: Option<tokio::runtime::Handle>,
    /// Threads that run guest code, when the sandbox starts its own runtime.
    pub worker_threads: usize,
    /// What each instance may hold in its scratch directory and open at once.
    pub scratch_limits: ScratchLimits,
    /// Bytes one instance's pandas tables (host-side polars frames) may hold.
    pub max_table_bytes: u64,
}

impl SandboxConfig {
    /// Defaults for the given guest build: caches under the default cache
    /// directory, scratch space in the system temp directory.
    pub fn new(artifacts: Artifacts) -> Self {
        Self {
            artifacts,
            cache_dir: artifacts::default_cache_dir().join("modules"),
            scratch_root: std::env::temp_dir(),
            max_instances: 256,
            max_memory_bytes: 4 << 30,
            preinitialized: true,
            warm_instances: 4,
            runtime: None,
            worker_threads: std::thread::available_parallelism().map_or(2, usize::from),
            scratch_limits: ScratchLimits::default(),
            max_table_bytes: crate::limits::DEFAULT_MAX_TABLE_BYTES,
        }
    }
}

/// The engines and the compiled guest. Cheap to clone.
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    config: SandboxConfig,
    wasm: Vec<u8>,
    unmetered: Flavor,
    metered: OnceCell<Flavor>,
    /// The runtime of the instances' driver tasks, when the sandbox owns it.
    own_runtime: Option<tokio::runtime::Runtime>,
    /// Where the instances' driver tasks run.
    runtime: tokio::runtime::Handle,
    pub(crate) warm: WarmPool,
    /// This sandbox's directory of scratch directories.
    scratch: ScratchRoot,
    /// The pages a fresh instance's first cell writes, written ahead of the
    /// guest in every new instance (see [`prefault`]).
    working_set: std::sync::OnceLock<WorkingSet>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(runtime) = self.own_runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// An engine and the guest module pre-linked for it.
struct Flavor {
    engine: Engine,
    pre: InstancePre<GuestState>,
}

impl Flavor {
    async fn new(config: &SandboxConfig, wasm: &[u8], fuel: bool) -> Result<Self> {
        let settings = EngineSettings {
            max_instances: config.max_instances,
            max_memory_bytes: config.max_memory_bytes,
            fuel,
        };
        let (wasm, cache_dir) = (wasm.to_vec(), config.cache_dir.clone());
        tokio::task::spawn_blocking(move || {
            let engine = build_engine(settings)?;
            let module = load_module(&engine, &wasm, &cache_dir)?;
            let pre = instance::linker(&engine)?.instantiate_pre(&module)?;
            Ok(Self { engine, pre })
        })
        .await?
    }
}

impl Sandbox {
    /// Builds the engine, pre-initializes and compiles the guest (cached on
    /// disk after the first time) and starts the epoch ticker.
    pub async fn new(config: SandboxConfig) -> Result<Self> {
        std::fs::create_dir_all(&config.cache_dir)
            .with_context(|| format!("creating {}", config.cache_dir.display()))?;
        let wasm = if config.preinitialized {
            snapshot::preinitialized_wasm(&config.artifacts, &config.cache_dir).await?
        } else {
            std::fs::read(&config.artifacts.interpreter_wasm)?
        };
        let unmetered = Flavor::new(&config, &wasm, false).await?;
        let (runtime, own_runtime) = match &config.runtime {
            Some(handle) => (handle.clone(), None),
            None => {
                let own = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(config.worker_threads.max(1))
                    .thread_name("guest")
                    .enable_time()
                    .build()?;
                (own.handle().clone(), Some(own))
            }
        };
        let warm = WarmPool::new(config.warm_instances);
        let scratch = ScratchRoot::claim(&config.scratch_root)
            .with_context(|| format!("making a directory in {}", config.scratch_root.display()))?;
        let inner = Arc::new(Inner {
            config,
            wasm,
            unmetered,
            metered: OnceCell::new(),
            own_runtime,
            runtime,
            warm,
            scratch,
            working_set: std::sync::OnceLock::new(),
        });
        spawn_epoch_ticker(Arc::downgrade(&inner));
        if inner.config.preinitialized {
            inner.learn_working_set().await?;
        }
        inner.spawn(keep_warm_pool_filled(Arc::downgrade(&inner)));
        Ok(Self { inner })
    }

    /// Starts a new instance with its own namespace and scratch directory.
    /// Instances with default limits usually come ready from the warm pool.
    /// A memory cap above [`SandboxConfig::max_memory_bytes`] is refused with
    /// [`MemoryCapTooLarge`].
    pub async fn create_session(&self, limits: InstanceLimits) -> Result<Session> {
        let max = self.max_memory_bytes();
        if limits.memory_bytes > max {
            return Err(MemoryCapTooLarge {
                asked: limits.memory_bytes,
                max,
            }
            .into());
        }
        if limits == InstanceLimits::default()
            && let Some(session) = self.inner.warm.take()
        {
            return Ok(session);
        }
        self.inner.start_session(limits).await
    }

    /// A new session whose state is a copy of `source`'s after its queued
    /// cells: variables, modules, numpy arrays, pandas tables and files.
    pub async fn fork_session(&self, source: &Session) -> Result<Session, ForkError> {
        let child = self
            .create_session(source.limits())
            .await
            .map_err(|error| ForkError::Failed(format!("{error:#}")))?;
        let image = source.capture(child.scratch_dir()).await?;
        tracing::debug!(memory_bytes = image.copied_bytes(), "forking a session");
        child.apply(image).await?;
        Ok(child)
    }

    /// `session`'s state as bytes (see [`Sandbox::restore_session`]), taken
    /// after its queued cells, as a fork takes it.
    pub async fn save_session(&self, session: &Session) -> Result<Vec<u8>, ForkError> {
        let failed = |error: std::io::Error| ForkError::Failed(error.to_string());
        let files = tempfile::tempdir_in(self.inner.scratch.path()).map_err(failed)?;
        let image = session.capture(files.path()).await?;
        let build = self.state_build();
        let limits = session.limits();
        tokio::task::spawn_blocking(move || {
            let saved = saved_state::SavedSession {
                build,
                limits,
                files: saved_state::read_files(files.path()).map_err(failed)?,
                image: image
                    .with_saved_tables()
                    .map_err(|error| ForkError::Failed(error.to_string()))?,
            };
            saved_state::encode(&saved).map_err(failed)
        })
        .await
        .map_err(|error| ForkError::Failed(error.to_string()))?
    }

    /// A new session holding the state `bytes` saved by
    /// [`Sandbox::save_session`], here or on another server running the same
    /// guest build and engine.
    pub async fn restore_session(&self, bytes: Vec<u8>) -> Result<Session, StateError> {
        let limit = self.max_state_bytes();
        let saved = tokio::task::spawn_blocking(move || saved_state::decode(&bytes, limit))
            .await
            .map_err(|error| StateError::Failed(error.to_string()))??;
        let ours = self.state_build();
        if saved.build != ours {
            return Err(StateError::OtherBuild {
                saved: saved.build,
                ours,
            });
        }
        if saved.limits.memory_bytes > self.max_memory_bytes() {
            return Err(StateError::Malformed(format!(
                "its memory cap of {} bytes is past this server's {}",
                saved.limits.memory_bytes,
                self.max_memory_bytes()
            )));
        }
        self.check_saved_files(&saved.files)?;
        let session = self
            .create_session(saved.limits)
            .await
            .map_err(StateError::Start)?;
        saved_state::write_files(session.scratch_dir(), &saved.files)?;
        // The memory runs were checked against the memory's size: what fails
        // here is the content (tables that do not load).
        session
            .apply(saved.image)
            .await
            .map_err(|error| StateError::Malformed(error.to_string()))?;
        Ok(session)
    }

    /// What a saved state must have been made by: the guest build, the
    /// engine and how instances start.
    fn state_build(&self) -> String {
        let config = &self.inner.config;
        let start = if config.preinitialized {
            "snapshot"
        } else {
            "scratch"
        };
        format!(
            "{} wasmtime-{} {start}",
            config.artifacts.build_id,
            engine::WASMTIME_VERSION
        )
    }

    /// The most bytes a saved state may unpack to: the largest memory, a full
    /// scratch directory and full tables, plus room for the framing.
    pub fn max_state_bytes(&self) -> u64 {
        let config = &self.inner.config;
        config.max_memory_bytes
            + config.scratch_limits.max_bytes
            + config.max_table_bytes
            + (16 << 20)
    }

    fn check_saved_files(&self, files: &[saved_state::SavedFile]) -> Result<(), StateError> {
        let limits = self.inner.config.scratch_limits;
        let bytes: u64 = files
            .iter()
            .filter_map(|file| file.content.as_ref())
            .map(|content| content.len() as u64)
            .sum();
        if files.len() > limits.max_entries || bytes > limits.max_bytes {
            return Err(StateError::Malformed(format!(
                "{} files of {bytes} bytes, past the scratch directory's {} files of {} bytes",
                files.len(),
                limits.max_entries,
                limits.max_bytes
            )));
        }
        Ok(())
    }

    /// The largest memory cap an instance may ask for.
    pub fn max_memory_bytes(&self) -> u64 {
        self.inner.config.max_memory_bytes
    }

    /// Fresh instances started ahead of demand and ready now.
    pub fn warm_instances_ready(&self) -> usize {
        self.inner.warm.ready_count()
    }

    /// Fresh instances the warm pool keeps ready.
    pub fn warm_instances_target(&self) -> usize {
        self.inner.config.warm_instances
    }

    /// Runs one cell on a fresh instance that is thrown away afterwards.
    pub async fn run(
        &self,
        code: &str,
        instance: InstanceLimits,
        cell: CellLimits,
    ) -> Result<Vec<Event>> {
        let session = self.create_session(instance).await?;
        Ok(session.execute(code, cell)?.collect().await)
    }
}

impl Inner {
    fn spawn(&self, task: impl Future<Output = ()> + Send + 'static) -> JoinHandle<()> {
        self.runtime.spawn(task)
    }

    pub(crate) async fn start_session(&self, limits: InstanceLimits) -> Result<Session> {
        Ok(self.start_instance(limits).await?.0)
    }

    /// Runs a trivial cell in a fresh instance and records which pages of
    /// its memory it wrote. Without a readable page map, instances simply
    /// start without prefaulting.
    async fn learn_working_set(&self) -> Result<()> {
        let (session, memory) = self.start_instance(InstanceLimits::default()).await?;
        session
            .execute("1 + 1", CellLimits::default())?
            .collect()
            .await;
        match WorkingSet::learn(memory) {
            Ok(working_set) => {
                tracing::debug!(
                    bytes = working_set.bytes(),
                    "learned the working set of a cell"
                );
                let _ = self.working_set.set(working_set);
            }
            Err(error) => tracing::warn!(%error, "cannot read /proc/self/pagemap; no prefaulting"),
        }
        Ok(())
    }

    /// Starts an instance; also returns where its linear memory is.
    async fn start_instance(&self, limits: InstanceLimits) -> Result<(Session, MemoryRegion)> {
        let flavor = if limits.fuel_metered {
            self.metered
                .get_or_try_init(|| Flavor::new(&self.config, &self.wasm, true))
                .await?
        } else {
            &self.unmetered
        };
        let scratch = tempfile::Builder::new()
            .prefix("ci-session-")
            .tempdir_in(self.scratch.path())
            .context("creating the scratch directory")?;
        let (cells, receiver) = mpsc::channel(MAX_QUEUED_CELLS);
        let make_state = {
            let stdlib = self.config.artifacts.stdlib_dir.clone();
            let scratch_dir = scratch.path().to_owned();
            let (scratch_limits, tables) =
                (self.config.scratch_limits, self.config.max_table_bytes);
            move |cells| {
                GuestState::new(&stdlib, &scratch_dir, limits, scratch_limits, tables, cells)
            }
        };
        let state = make_state(Some(receiver))?;
        let relaunch = instance::Relaunch {
            engine: flavor.engine.clone(),
            pre: flavor.pre.clone(),
            // A replacement instance gets the session's cells from the stopped one.
            new_state: Box::new(move || make_state(None)),
        };
        let running = state.cells.clock();
        let mut store = instance::new_store(&flavor.engine, state)?;
        let instance = flavor
            .pre
            .instantiate_async(&mut store)
            .await
            .map_err(anyhow::Error::from)
            .context("starting a guest instance")?;
        let memory = exported_memory(instance.get_export(&mut store, MEMORY_EXPORT))?;
        let region = MemoryRegion {
            base: memory.data_ptr(&store) as usize,
            len: memory.data_size(&store),
        };
        if let Some(working_set) = self.working_set.get() {
            working_set.populate(region);
        }
        let end_reason = Arc::new(Mutex::new(None));
        let scratch_dir = scratch.path().to_owned();
        // The driver owns the instance and the scratch directory; when it
        // ends (or is aborted), both go away on the blocking pool, the
        // directory after the instance.
        let driver = self.spawn({
            let end_reason = Arc::clone(&end_reason);
            async move {
                let mut remains = DropAside::new((store, scratch));
                let (store, _) = remains.get_mut();
                instance::drive(store, instance, &end_reason, &relaunch).await;
            }
        });
        let session = Session::new(cells, end_reason, limits, driver, scratch_dir, running);
        Ok((session, region))
    }
}

fn spawn_epoch_ticker(sandbox: Weak<Inner>) {
    std::thread::Builder::new()
        .name("epoch-ticker".to_owned())
        .spawn(move || {
            while let Some(inner) = sandbox.upgrade() {
                inner.unmetered.engine.increment_epoch();
                if let Some(metered) = inner.metered.get() {
                    metered.engine.increment_epoch();
                }
                drop(inner);
                std::thread::sleep(EPOCH_TICK);
            }
        })
        .expect("spawning the epoch ticker thread");
}

/// Keeps the warm pool of `sandbox` full until the sandbox is dropped.
async fn keep_warm_pool_filled(sandbox: Weak<Inner>) {
    let Some(wanted) = sandbox.upgrade().map(|inner| inner.warm.wanted()) else {
        return;
    };
    loop {
        let notified = wanted.notified();
        {
            let Some(inner) = sandbox.upgrade() else {
                return;
            };
            while inner.warm.needs_more() {
                match inner.start_session(InstanceLimits::default()).await {
                    Ok(session) => inner.warm.put(session),
                    Err(err) => {
                        tracing::warn!(error = %format!("{err:#}"), "could not start a warm instance");
                        break;
                    }
                }
            }
        }
        notified.await;
    }
}

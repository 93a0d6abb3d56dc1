//! The options `serve` and `mcp` share: where the guest build is, the
//! service's defaults and caps, and starting the sandbox they describe.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use code_interpreter::Sandbox;
use code_interpreter::service::ServiceConfig;

use super::{SandboxArgs, seconds};

#[derive(Args)]
pub struct ServiceArgs {
    #[command(flatten)]
    sandbox: SandboxArgs,
    /// Where the server makes its directory of the sessions' scratch
    /// directories (`code-interpreter-*`, deleted at exit; those of servers
    /// that were killed are deleted by the next one to start here).
    #[arg(long, env = "CODE_INTERPRETER_SCRATCH_DIR")]
    scratch_dir: Option<PathBuf>,
    /// Sessions held at once.
    #[arg(long, env = "CODE_INTERPRETER_MAX_SESSIONS", default_value_t = 128)]
    max_sessions: usize,
    /// Seconds without a cell after which a session is closed.
    #[arg(long, env = "CODE_INTERPRETER_IDLE_TIMEOUT", default_value = "600", value_parser = seconds)]
    idle_timeout: Duration,
    /// Cell time limit in seconds when a request gives none.
    #[arg(long, env = "CODE_INTERPRETER_CELL_TIMEOUT", default_value = "30", value_parser = seconds)]
    cell_timeout: Duration,
    /// Largest cell time limit a request may ask for, in seconds.
    #[arg(long, env = "CODE_INTERPRETER_MAX_CELL_TIMEOUT", default_value = "600", value_parser = seconds)]
    max_cell_timeout: Duration,
    /// Interpreter memory cap in MiB when a request gives none.
    #[arg(long, env = "CODE_INTERPRETER_MEMORY_MB", default_value_t = 512)]
    memory_mb: u64,
    /// Largest interpreter memory cap a request may ask for, in MiB.
    #[arg(long, env = "CODE_INTERPRETER_MAX_MEMORY_MB", default_value_t = 4096)]
    max_memory_mb: u64,
    /// Printed bytes kept per cell when a request gives no cap.
    #[arg(long, env = "CODE_INTERPRETER_OUTPUT_BYTES", default_value_t = 1 << 20)]
    output_bytes: usize,
    /// Cells without a session running at once.
    #[arg(
        long,
        env = "CODE_INTERPRETER_MAX_CONCURRENT_RUNS",
        default_value_t = 32
    )]
    max_concurrent_runs: usize,
    /// Interpreters with default limits kept started ahead of demand.
    #[arg(long, env = "CODE_INTERPRETER_WARM_INSTANCES", default_value_t = 4)]
    warm_instances: usize,
    /// MiB one session's pandas tables (polars frames on the host) may hold.
    #[arg(long, env = "CODE_INTERPRETER_MAX_TABLE_MB", default_value_t = code_interpreter::limits::DEFAULT_MAX_TABLE_BYTES >> 20)]
    max_table_mb: u64,
    /// Directory where sessions that expire or are alive at shutdown are
    /// saved; they come back on their next call, also after a restart.
    #[arg(long, env = "CODE_INTERPRETER_STATE_DIR")]
    state_dir: Option<PathBuf>,
    /// Hours a saved session is kept in the state directory.
    #[arg(
        long,
        env = "CODE_INTERPRETER_STATE_RETENTION_HOURS",
        default_value_t = 168
    )]
    state_retention_hours: u64,
    /// Keep no checkpoints: a cell that stops its interpreter (past its
    /// interrupt's grace, a crash) then ends its session, and sessions hold
    /// no second copy of their memory.
    #[arg(long, env = "CODE_INTERPRETER_NO_CHECKPOINTS")]
    no_checkpoints: bool,
}

impl ServiceArgs {
    /// The service configuration these options give, on top of `base` (the
    /// front end's own settings, such as authentication).
    pub fn config(&self, base: ServiceConfig) -> Result<ServiceConfig> {
        let config = ServiceConfig {
            default_cell_timeout: self.cell_timeout,
            max_cell_timeout: self.max_cell_timeout,
            default_memory_bytes: self.memory_mb << 20,
            default_output_bytes: self.output_bytes,
            max_sessions: self.max_sessions,
            idle_timeout: self.idle_timeout,
            max_concurrent_runs: self.max_concurrent_runs,
            max_table_bytes: self.max_table_mb << 20,
            state_dir: self.state_dir.clone(),
            state_retention: Duration::from_secs(self.state_retention_hours.saturating_mul(3600)),
            checkpoints: !self.no_checkpoints,
            ..base
        };
        config.check().map_err(anyhow::Error::msg)?;
        anyhow::ensure!(
            self.memory_mb <= self.max_memory_mb,
            "the default memory cap ({} MiB) exceeds the maximum ({} MiB)",
            self.memory_mb,
            self.max_memory_mb
        );
        Ok(config)
    }

    /// Starts the sandbox sized for `config` (compiling and snapshotting the
    /// guest on first use).
    pub async fn start_sandbox(&self, config: &ServiceConfig) -> Result<Sandbox> {
        let mut sandbox_config = self.sandbox.config()?;
        sandbox_config.max_memory_bytes = self.max_memory_mb << 20;
        sandbox_config.warm_instances = self.warm_instances;
        sandbox_config.runtime = Some(tokio::runtime::Handle::current());
        if let Some(scratch) = &self.scratch_dir {
            std::fs::create_dir_all(scratch)
                .with_context(|| format!("creating {}", scratch.display()))?;
            sandbox_config.scratch_root = scratch.clone();
        }
        config.size_sandbox(&mut sandbox_config);
        super::rlimit::raise_open_file_limit(
            u64::from(sandbox_config.max_instances),
            config.max_session_open_files as u64,
        );
        Sandbox::new(sandbox_config)
            .await
            .context("starting the sandbox")
    }
}

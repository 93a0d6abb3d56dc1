//! `code-interpreter serve`: the gRPC service.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use code_interpreter::Sandbox;
use code_interpreter::service::{self, ServiceConfig};

use super::{LogFormat, SandboxArgs, seconds};

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(
        long,
        env = "CODE_INTERPRETER_LISTEN",
        default_value = "127.0.0.1:50051"
    )]
    listen: SocketAddr,
    #[command(flatten)]
    sandbox: SandboxArgs,
    /// Parent directory of the sessions' scratch directories.
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
    /// Seconds to let running calls finish after SIGTERM.
    #[arg(long, env = "CODE_INTERPRETER_SHUTDOWN_GRACE", default_value = "60", value_parser = seconds)]
    shutdown_grace: Duration,
    /// Log format.
    #[arg(long, env = "CODE_INTERPRETER_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

pub async fn serve(args: ServeArgs) -> Result<ExitCode> {
    let config = ServiceConfig {
        default_cell_timeout: args.cell_timeout,
        max_cell_timeout: args.max_cell_timeout,
        default_memory_bytes: args.memory_mb << 20,
        default_output_bytes: args.output_bytes,
        max_sessions: args.max_sessions,
        idle_timeout: args.idle_timeout,
        max_concurrent_runs: args.max_concurrent_runs,
        ..ServiceConfig::default()
    };
    let mut sandbox_config = args.sandbox.config()?;
    sandbox_config.max_memory_bytes = args.max_memory_mb << 20;
    sandbox_config.warm_instances = args.warm_instances;
    sandbox_config.runtime = Some(tokio::runtime::Handle::current());
    if let Some(scratch) = args.scratch_dir {
        std::fs::create_dir_all(&scratch)
            .with_context(|| format!("creating {}", scratch.display()))?;
        sandbox_config.scratch_root = scratch;
    }
    config.size_sandbox(&mut sandbox_config);
    let sandbox = Sandbox::new(sandbox_config)
        .await
        .context("starting the sandbox")?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("listening on {}", args.listen))?;
    tracing::info!(address = %listener.local_addr()?, "serving the code-interpreter gRPC API");
    service::serve(
        sandbox,
        config,
        listener,
        termination(),
        args.shutdown_grace,
    )
    .await?;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Resolves on SIGTERM or Ctrl-C.
async fn termination() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("installing the SIGTERM handler");
    tokio::select! {
        _ = term.recv() => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}

//! `code-interpreter serve`: the gRPC service.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use code_interpreter::Sandbox;
use code_interpreter::service::{self, AuthTokens, ClientRate, ServiceConfig, TlsConfig};

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
    /// Address of the Prometheus metrics endpoint (`GET /metrics`, plain
    /// HTTP); not served when unset.
    #[arg(long, env = "CODE_INTERPRETER_METRICS_LISTEN")]
    metrics_listen: Option<SocketAddr>,
    /// TLS certificate chain (PEM) for the gRPC port; needs --tls-key.
    #[arg(
        long,
        env = "CODE_INTERPRETER_TLS_CERT",
        requires = "tls_key",
        value_name = "PATH"
    )]
    tls_cert: Option<PathBuf>,
    /// TLS private key (PEM) for the gRPC port; needs --tls-cert.
    #[arg(
        long,
        env = "CODE_INTERPRETER_TLS_KEY",
        requires = "tls_cert",
        value_name = "PATH"
    )]
    tls_key: Option<PathBuf>,
    /// CA certificate(s) (PEM) that clients' certificates must chain to
    /// (mutual TLS); needs --tls-cert and --tls-key.
    #[arg(
        long,
        env = "CODE_INTERPRETER_TLS_CLIENT_CA",
        requires = "tls_cert",
        value_name = "PATH"
    )]
    tls_client_ca: Option<PathBuf>,
    /// File of bearer tokens, one per line (`#` comments): every RPC but
    /// grpc.health.v1 then needs `authorization: Bearer <token>`.
    #[arg(long, env = "CODE_INTERPRETER_AUTH_TOKENS_FILE", value_name = "PATH")]
    auth_token_file: Option<PathBuf>,
    /// Calls per second each client may make on average (a client is its
    /// token, else its IP address); no limit when unset.
    #[arg(
        long,
        env = "CODE_INTERPRETER_CLIENT_RATE",
        value_name = "CALLS_PER_SECOND"
    )]
    client_rate: Option<f64>,
    /// Calls a client may make at once above its rate [default: the rate
    /// rounded up, at least 1].
    #[arg(long, env = "CODE_INTERPRETER_CLIENT_BURST", requires = "client_rate")]
    client_burst: Option<u32>,
    /// Execute, ExecuteCollected and ExecuteBatch calls each client may have
    /// running at once; no limit when unset.
    #[arg(long, env = "CODE_INTERPRETER_CLIENT_CONCURRENCY", value_parser = clap::value_parser!(u32).range(1..))]
    client_concurrency: Option<u32>,
    /// MiB one session's pandas tables (polars frames on the host) may hold.
    #[arg(long, env = "CODE_INTERPRETER_MAX_TABLE_MB", default_value_t = code_interpreter::limits::DEFAULT_MAX_TABLE_BYTES >> 20)]
    max_table_mb: u64,
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
        auth_tokens: args
            .auth_token_file
            .as_deref()
            .map(AuthTokens::from_file)
            .transpose()?,
        tls: match (&args.tls_cert, &args.tls_key) {
            (Some(cert), Some(key)) => Some(TlsConfig::from_files(
                cert,
                key,
                args.tls_client_ca.as_deref(),
            )?),
            (None, None) => None,
            _ => anyhow::bail!("--tls-cert and --tls-key go together: give both or neither"),
        },
        client_rate: args
            .client_rate
            .map(|rate| {
                let burst = args.client_burst.unwrap_or_else(|| default_burst(rate));
                ClientRate::new(rate, burst)
            })
            .transpose()?,
        client_concurrency: args.client_concurrency.map(|max| max as usize),
        max_table_bytes: args.max_table_mb << 20,
        ..ServiceConfig::default()
    };
    config.check().map_err(anyhow::Error::msg)?;
    anyhow::ensure!(
        args.memory_mb <= args.max_memory_mb,
        "the default memory cap ({} MiB) exceeds the maximum ({} MiB)",
        args.memory_mb,
        args.max_memory_mb
    );
    let (tls, auth) = (
        config.tls.is_some(),
        config.auth_tokens.as_ref().map(AuthTokens::len),
    );
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
    super::rlimit::raise_open_file_limit(
        u64::from(sandbox_config.max_instances),
        config.max_session_open_files as u64,
    );
    let sandbox = Sandbox::new(sandbox_config)
        .await
        .context("starting the sandbox")?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("listening on {}", args.listen))?;
    let metrics = match args.metrics_listen {
        Some(address) => {
            let metrics = tokio::net::TcpListener::bind(address)
                .await
                .with_context(|| format!("listening for metrics on {address}"))?;
            tracing::info!(address = %metrics.local_addr()?, "serving metrics at /metrics");
            Some(metrics)
        }
        None => None,
    };
    tracing::info!(
        address = %listener.local_addr()?,
        tls,
        auth_tokens = auth.unwrap_or(0),
        "serving the code-interpreter gRPC API"
    );
    let listeners = service::Listeners {
        grpc: listener,
        metrics,
    };
    service::serve_with(
        sandbox,
        config,
        listeners,
        termination(),
        args.shutdown_grace,
    )
    .await?;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// The burst of a client rate when none is given: one second's worth, at
/// least one call.
fn default_burst(rate: f64) -> u32 {
    // Saturating float-to-int conversion; the rate is checked positive later.
    (rate.ceil() as u32).max(1)
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

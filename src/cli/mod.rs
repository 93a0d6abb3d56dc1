//! Command-line interface: `serve` runs the gRPC service, `mcp` the same
//! service as Model Context Protocol tools, `run` executes one cell locally.

#[cfg(feature = "mcp")]
mod mcp;
mod rlimit;
mod run;
mod serve;
mod service_args;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use code_interpreter::{Artifacts, SandboxConfig};

#[derive(Parser)]
#[command(
    name = "code-interpreter",
    version,
    about = "Runs Python in a WebAssembly sandbox"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the gRPC API.
    Serve(serve::ServeArgs),
    /// Serve the API as Model Context Protocol tools (stdio, or HTTP with --http).
    #[cfg(feature = "mcp")]
    Mcp(mcp::McpArgs),
    /// Execute a Python file (or `-c CODE`) in a fresh sandbox and print its events.
    Run(run::RunArgs),
}

/// Where the guest build and caches are.
#[derive(Args)]
struct SandboxArgs {
    /// Guest build directory (output of guest/build.sh).
    #[arg(long, env = "CODE_INTERPRETER_SANDBOX")]
    sandbox_dir: Option<PathBuf>,
    /// Directory for snapshots and compiled modules.
    #[arg(long, env = "CODE_INTERPRETER_MODULE_CACHE")]
    cache_dir: Option<PathBuf>,
}

impl SandboxArgs {
    fn config(&self) -> Result<SandboxConfig> {
        let dir = self
            .sandbox_dir
            .clone()
            .unwrap_or_else(Artifacts::default_dir);
        let mut config = SandboxConfig::new(Artifacts::load(&dir)?);
        if let Some(cache_dir) = &self.cache_dir {
            config.cache_dir = cache_dir.clone();
        }
        Ok(config)
    }
}

/// How logs are written (to stderr).
#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

fn init_logs(format: LogFormat, default_filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| default_filter.into());
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().flatten_event(true).init(),
    }
}

/// Parses a positive number of seconds, e.g. `30` or `0.5`.
fn seconds(text: &str) -> Result<Duration, String> {
    let secs: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    Duration::try_from_secs_f64(secs)
        .ok()
        .filter(|duration| !duration.is_zero())
        .ok_or_else(|| format!("{text:?} is not a positive number of seconds"))
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Runtime::new().expect("starting the async runtime");
    let result = match cli.command {
        Command::Serve(args) => {
            init_logs(args.log_format, "info");
            runtime.block_on(serve::serve(args))
        }
        #[cfg(feature = "mcp")]
        Command::Mcp(args) => {
            init_logs(args.log_format, "info");
            runtime.block_on(mcp::mcp(args))
        }
        Command::Run(args) => {
            init_logs(LogFormat::Text, "warn");
            runtime.block_on(run::run(args))
        }
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
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

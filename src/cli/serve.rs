//! `code-interpreter serve`: the gRPC service.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Args;
use code_interpreter::service::{self, AuthTokens, ClientRate, ServiceConfig, TlsConfig};

use super::service_args::ServiceArgs;
use super::{LogFormat, seconds};

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
    service: ServiceArgs,
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
}

pub async fn serve(args: ServeArgs) -> Result<ExitCode> {
    let config = args.service.config(ServiceConfig {
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
        ..ServiceConfig::default()
    })?;
    let (tls, auth) = (
        config.tls.is_some(),
        config.auth_tokens.as_ref().map(AuthTokens::len),
    );
    let sandbox = args.service.start_sandbox(&config).await?;
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
        super::termination(),
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

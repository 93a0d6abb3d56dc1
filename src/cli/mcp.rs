//! `code-interpreter mcp`: the service as Model Context Protocol tools, over
//! stdio (the default: an MCP client starts this command) or streamable HTTP.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use code_interpreter::mcp::{self, HttpOptions};
use code_interpreter::service::{Api, AuthTokens, ServiceConfig};

use super::LogFormat;
use super::service_args::ServiceArgs;

#[derive(Args)]
pub struct McpArgs {
    /// Serve streamable HTTP at http://ADDRESS/mcp instead of stdio.
    #[arg(long, env = "CODE_INTERPRETER_MCP_HTTP", value_name = "ADDRESS")]
    http: Option<SocketAddr>,
    /// `Host` header value the HTTP endpoint accepts besides the loopback
    /// names (repeat for several), e.g. the name clients reach it by.
    #[arg(long = "allowed-host", requires = "http", value_name = "HOST")]
    allowed_hosts: Vec<String>,
    /// File of bearer tokens, one per line (`#` comments): HTTP requests
    /// then need `Authorization: Bearer <token>`.
    #[arg(
        long,
        env = "CODE_INTERPRETER_AUTH_TOKENS_FILE",
        requires = "http",
        value_name = "PATH"
    )]
    auth_token_file: Option<PathBuf>,
    /// Log format (logs go to stderr; stdout carries the protocol on stdio).
    #[arg(long, env = "CODE_INTERPRETER_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(flatten)]
    service: ServiceArgs,
}

pub async fn mcp(args: McpArgs) -> Result<ExitCode> {
    let config = args.service.config(ServiceConfig::default())?;
    let max_request_bytes = config.max_request_bytes;
    let sandbox = args.service.start_sandbox(&config).await?;
    let api = Arc::new(Api::new(sandbox, config).context("creating the state directory")?);
    let stopping = Arc::clone(&api);
    match args.http {
        None => {
            tracing::info!("serving MCP on stdio");
            mcp::serve_stdio(api, super::termination()).await?;
        }
        Some(address) => {
            let listener = tokio::net::TcpListener::bind(address)
                .await
                .with_context(|| format!("listening on {address}"))?;
            let options = HttpOptions {
                auth_tokens: args
                    .auth_token_file
                    .as_deref()
                    .map(AuthTokens::from_file)
                    .transpose()?,
                allowed_hosts: args.allowed_hosts,
                max_request_bytes,
            };
            tracing::info!(
                address = %listener.local_addr()?,
                auth_tokens = options.auth_tokens.as_ref().map_or(0, AuthTokens::len),
                "serving MCP over streamable HTTP at /mcp"
            );
            mcp::serve_http(api, listener, options, super::termination()).await?;
        }
    }
    stopping.save_sessions().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

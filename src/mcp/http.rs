//! MCP over streamable HTTP at `/mcp`: rmcp's service behind an optional
//! bearer-token check (the gRPC port's tokens file and rules), with `Host`
//! validation against DNS rebinding.

use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use tokio::net::TcpListener;

use super::Tools;
use crate::service::{Api, AuthTokens};

/// How the HTTP endpoint is guarded.
#[derive(Debug, Clone, Default)]
pub struct HttpOptions {
    /// When set, every request needs `Authorization: Bearer <token>` with
    /// one of these tokens (401 otherwise).
    pub auth_tokens: Option<AuthTokens>,
    /// `Host` header values accepted besides the loopback names (the
    /// server's public names when it is reached from elsewhere).
    pub allowed_hosts: Vec<String>,
    /// Largest request body (a tool call with an uploaded file's base64).
    pub max_request_bytes: usize,
}

/// Serves MCP on `listener` at `/mcp` until `shutdown` resolves.
pub async fn serve_http(
    api: Arc<Api>,
    listener: TcpListener,
    options: HttpOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let config = StreamableHttpServerConfig::default()
        .with_allowed_hosts(
            ["localhost", "127.0.0.1", "::1"]
                .into_iter()
                .map(str::to_owned)
                .chain(options.allowed_hosts),
        )
        .with_max_request_body_bytes(options.max_request_bytes);
    let stop = config.cancellation_token.clone();
    let service: StreamableHttpService<Tools, LocalSessionManager> = StreamableHttpService::new(
        move || Ok(Tools::new(Arc::clone(&api))),
        Arc::default(),
        config,
    );
    let mut router = axum::Router::new().nest_service("/mcp", service);
    if let Some(tokens) = options.auth_tokens {
        router = router.layer(middleware::from_fn_with_state(tokens, authenticate));
    }
    axum::serve(listener, router)
        .with_graceful_shutdown(async move {
            shutdown.await;
            stop.cancel();
        })
        .await
        .context("serving MCP over HTTP")
}

/// Lets a request through only with a valid bearer token.
async fn authenticate(State(tokens): State<AuthTokens>, request: Request, next: Next) -> Response {
    match tokens.verify(request.headers().get(header::AUTHORIZATION)) {
        Ok(_) => next.run(request).await,
        Err(status) => (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            status.message().to_owned(),
        )
            .into_response(),
    }
}

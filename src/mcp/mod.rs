//! The Model Context Protocol front end: the service's sessions, cells and
//! files as MCP tools, over stdio or streamable HTTP, built on `rmcp` (the
//! protocol's official Rust SDK).
//!
//! It calls the same [`Api`] the gRPC port serves, in-process, so limits,
//! outcomes and refusals are the gRPC API's:
//! - `tools`: the tool handler (`run_code`, sessions, files);
//! - `reply`: a cell's events as a tool result (text, PNG images, tables as
//!   Arrow resources, structured content);
//! - `value`: the typed result value as JSON;
//! - `http`: the streamable HTTP endpoint with optional bearer tokens.

mod http;
mod reply;
mod tools;
mod value;

use std::sync::Arc;

use anyhow::{Context, Result};
use rmcp::ServiceExt;

use crate::service::Api;

pub use http::{HttpOptions, serve_http};
pub use tools::Tools;

/// Serves MCP on this process' stdin and stdout until the client closes
/// stdin or `shutdown` resolves.
pub async fn serve_stdio(api: Arc<Api>, shutdown: impl Future<Output = ()>) -> Result<()> {
    let server = Tools::new(api)
        .serve(rmcp::transport::stdio_pipes())
        .await
        .context("starting MCP on stdio")?;
    let cancel = server.cancellation_token();
    let served = server.waiting();
    tokio::pin!(served);
    tokio::select! {
        quit = &mut served => { quit.context("serving MCP on stdio")?; }
        () = shutdown => {
            cancel.cancel();
            served.await.context("stopping MCP on stdio")?;
        }
    }
    Ok(())
}

//! The gRPC service: the `CodeInterpreter` API of `proto/`, plus the standard
//! health and reflection services.
//!
//! - [`proto`]: the generated messages, client and server;
//! - `config`: the service's defaults and caps ([`ServiceConfig`]);
//! - `request`: validating requests against those caps;
//! - `convert`: library events to API messages;
//! - `files`: files placed into a session's scratch directory at its start,
//!   and the status codes of scratch errors (the directory itself is
//!   [`crate::scratch`]);
//! - `sessions`: the session table (ids, idle expiry, the session cap,
//!   saving sessions to and bringing them back from the state directory);
//! - `state_dir`: the state directory's files (`--state-dir`);
//! - `state`: SaveSession and RestoreSession;
//! - `batch`: ExecuteBatch, many programs with their answers;
//! - `transfer`: UploadFile, DownloadFile and ListFiles;
//! - `api`: the `CodeInterpreter` implementation;
//! - `layer`: what every RPC passes first: its tracing span,
//!   authentication (`auth`), the per-client limits (`ratelimit`) and the
//!   RPC metrics;
//! - `metrics`: the Prometheus registry and its HTTP endpoint;
//! - `tls`: the gRPC port's certificate, key and client CA;
//! - `server`: listening, health, reflection and graceful shutdown.

mod api;
mod auth;
mod batch;
mod config;
pub(crate) mod convert;
pub(crate) mod files;
mod layer;
mod metrics;
pub mod proto;
mod ratelimit;
pub(crate) mod request;
mod server;
mod sessions;
mod state;
mod state_dir;
mod tls;
mod transfer;

pub use api::Api;
pub use auth::AuthTokens;
pub use config::ServiceConfig;
pub use ratelimit::ClientRate;
pub use server::{Listeners, serve, serve_with};
pub use tls::TlsConfig;

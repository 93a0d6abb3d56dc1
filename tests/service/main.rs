//! The gRPC service: sessions and cells, batches, file transfer, operations (health, metrics, auth, limits) and the command line.
//!
//! One test binary per topic: each links the whole crate once.

#[path = "../common/mod.rs"]
mod common;

mod auth_tls;
mod batch;
mod cli;
mod client_limits;
mod files;
mod fork;
mod interrupt;
mod logs;
mod metrics;
mod ops_support;
mod rollback;
mod saved;
mod service;
mod state_dir;

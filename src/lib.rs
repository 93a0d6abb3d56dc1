//! code-interpreter: runs model-written Python in a WebAssembly sandbox.
//!
//! The guest is CPython 3.11 compiled to wasm32-wasi (built by `sandbox/build.sh`),
//! pre-initialized with wasmtime-wizer and run by wasmtime with hard limits.
//! Start with [`Sandbox`]: it creates [`Session`]s whose cells produce [`Event`]s.
//! [`service`] puts it behind the gRPC API in `proto/`; `mcp` (feature `mcp`)
//! serves the same API as Model Context Protocol tools.

pub mod artifacts;
pub mod charts;
mod engine;
pub mod events;
mod fsutil;
#[doc(hidden)]
pub mod fuzzing;
mod guest_output;
mod hostcall;
mod instance;
pub mod limits;
#[cfg(feature = "mcp")]
pub mod mcp;
mod prefault;
mod sandbox;
pub mod service;
mod session;
mod snapshot;
#[cfg(feature = "tables")]
pub mod tables;
mod warm_pool;
mod wasi_shims;

pub use artifacts::Artifacts;
pub use events::{
    CellEnd, Display, Event, ExecError, ExecResult, MimeData, Outcome, StreamName, Usage, Value,
};
pub use limits::{CellLimits, InstanceLimits, MemoryCapTooLarge, ScratchLimits};
pub use sandbox::{Sandbox, SandboxConfig};
pub use session::{CellEvents, Session, SessionError};

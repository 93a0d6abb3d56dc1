//! code-interpreter: runs model-written Python in a WebAssembly sandbox.
//!
//! The guest is CPython 3.11 compiled to wasm32-wasi (built by `guest/build.sh`),
//! pre-initialized with wasmtime-wizer and run by wasmtime with hard limits.
//! Start with [`Sandbox`]: it creates [`Session`]s whose cells produce [`Event`]s.
//! [`service`] puts it behind the gRPC API in `proto/`; `mcp` (feature `mcp`)
//! serves the same API as Model Context Protocol tools.

pub mod charts;
pub mod events;
mod fsutil;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod limits;
#[cfg(feature = "mcp")]
pub mod mcp;
mod sandbox;
pub mod scratch;
pub mod service;
#[cfg(feature = "tables")]
pub mod tables;

pub use events::{
    CellEnd, Display, Event, ExecError, ExecResult, MimeData, Outcome, StreamName, Usage, Value,
};
pub use limits::{CellLimits, InstanceLimits, MemoryCapTooLarge, ScratchLimits};
pub use sandbox::{
    Artifacts, CellEvents, ForkError, Sandbox, SandboxConfig, Session, SessionError, StateError,
};

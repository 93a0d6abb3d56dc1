//! The service's Prometheus metrics: the registry (`registry`), its label
//! values (`labels`), the process's memory (`process`) and the HTTP endpoint
//! that serves them (`http`).

mod http;
mod labels;
mod process;
mod registry;

pub use http::serve_http;
pub use labels::{CellKind, Limit, Method, SessionEnd, code_name};
pub use registry::{Capacity, Live, Metrics};

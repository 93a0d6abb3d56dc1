//! pandas tables through the gRPC API: host-side frames, compatibility with real pandas, dtypes and methods.
//!
//! One test binary per topic: each links the whole crate once.

#[path = "../common/mod.rs"]
mod common;

mod pandas_dtypes;
mod pandas_methods;
mod support;
mod table_limits;
mod table_values;
mod tables;
mod tables_compat;
mod tables_frames;
mod tables_output;

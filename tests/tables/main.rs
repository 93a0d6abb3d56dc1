//! pandas tables through the gRPC API: host-side frames, compatibility with real pandas, dtypes and methods.
//!
//! One test binary per topic: each links the whole crate once.

#[path = "../common/mod.rs"]
mod common;

mod pandas_dtypes;
mod pandas_methods;
mod tables;
mod tables_compat;

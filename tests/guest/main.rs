//! The guest run directly through the library (`Sandbox`, `Session`): the interpreter, its isolation and numpy.
//!
//! One test binary per topic: each links the whole crate once.

#[path = "../common/mod.rs"]
mod common;

mod guest;
mod isolation;
mod numpy;

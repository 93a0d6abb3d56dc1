//! Code generated from `proto/code_interpreter/v1/interpreter.proto` by build.rs.

#![allow(missing_docs, clippy::all, clippy::pedantic)]

tonic::include_proto!("code_interpreter.v1");

/// The encoded descriptors of the API, for server reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/code_interpreter_descriptor.bin"));

//! Request validation (src/service/request.rs, files.rs) on arbitrary
//! requests, headers and operator settings.
#![no_main]

use arbitrary::Arbitrary;
use code_interpreter::fuzzing::{RequestInput, request_limits};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    default_cell_timeout_ms: u32,
    max_cell_timeout_ms: u32,
    default_output_bytes: u32,
    max_output_bytes: u32,
    default_memory_bytes: u64,
    sandbox_max_memory_bytes: u64,
    max_code_bytes: u16,
    max_session_files: u8,
    max_session_file_bytes: u16,
    cell_limits: Option<(u64, u64, Option<u64>)>,
    instance_limits: Option<(u64, bool, Option<u64>)>,
    grpc_timeout: Vec<u8>,
    code: String,
    files: Vec<(String, u16)>,
}

fuzz_target!(|input: Input| {
    request_limits(&RequestInput {
        default_cell_timeout_ms: input.default_cell_timeout_ms,
        max_cell_timeout_ms: input.max_cell_timeout_ms,
        default_output_bytes: input.default_output_bytes,
        max_output_bytes: input.max_output_bytes,
        default_memory_bytes: input.default_memory_bytes,
        sandbox_max_memory_bytes: input.sandbox_max_memory_bytes,
        max_code_bytes: input.max_code_bytes,
        max_session_files: input.max_session_files,
        max_session_file_bytes: input.max_session_file_bytes,
        cell_limits: input.cell_limits,
        instance_limits: input.instance_limits,
        grpc_timeout: input.grpc_timeout,
        code: input.code,
        files: input.files,
    });
});

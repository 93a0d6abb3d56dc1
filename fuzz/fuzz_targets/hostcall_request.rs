//! The host-call request decoder: arbitrary guest memory and pointers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u32, u32, u32, u32, Vec<u8>)| {
    let (op_ptr, op_len, ptr, len, memory) = input;
    code_interpreter::fuzzing::hostcall_request(&memory, op_ptr, op_len, ptr, len);
});

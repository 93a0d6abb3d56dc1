//! `event` host-call payloads of one cell, one per line (the guest sends
//! compact JSON), through the host's decoding and caps.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let payloads: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    code_interpreter::fuzzing::hostcall_events(&payloads);
});

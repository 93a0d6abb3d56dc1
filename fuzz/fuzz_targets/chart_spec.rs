//! Arbitrary bytes as a `chart` host-call payload.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    code_interpreter::fuzzing::chart(data);
});

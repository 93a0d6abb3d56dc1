//! File paths of file requests: confinement to the scratch directory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        code_interpreter::fuzzing::scratch_path(text);
    }
});

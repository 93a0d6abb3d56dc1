//! Requests that break the rules are refused before anything runs.

use tonic::Code;

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(Requests, "code_over_1_mib", "#".repeat(2 << 20)).refused(Code::InvalidArgument),
        case(Requests, "timeout_over_the_maximum", "1")
            .timeout_ms(86_400_000)
            .refused(Code::InvalidArgument),
        case(Requests, "output_cap_over_the_maximum", "1")
            .output_cap(u64::MAX)
            .refused(Code::InvalidArgument),
        case(Requests, "fuel_without_metering", "1")
            .fuel(1000)
            .refused(Code::InvalidArgument),
        case(Requests, "memory_over_the_maximum", "1")
            .one_off()
            .memory_mib(1 << 20)
            .refused(Code::InvalidArgument),
        case(Requests, "session_file_with_dotdot", "")
            .file("../escape.txt", b"x")
            .create_refused(Code::InvalidArgument),
        case(Requests, "session_file_with_an_absolute_path", "")
            .file("/etc/passwd", b"x")
            .create_refused(Code::InvalidArgument),
        case(Requests, "session_with_1001_files", "")
            .files_named((0..1001).map(|i| format!("f{i}")))
            .create_refused(Code::InvalidArgument),
        case(
            Requests,
            "session_file_is_confined",
            "import os\nsorted(os.listdir('/mnt/data/sub'))",
        )
        .file("sub/in.txt", b"inside")
        .result("['in.txt']"),
    ]
}

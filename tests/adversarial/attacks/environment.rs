//! Environment.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            Environment,
            "environment_is_empty",
            "import os\ndict(os.environ)",
        )
        .result("{}"),
        case(Environment, "getpid_is_fake", "import os\nos.getpid()").result("42"),
        case(Environment, "getuid_is_absent", "import os\nos.getuid()").raises("AttributeError"),
        case(
            Environment,
            "time_works",
            "import time\ntime.time() > 1.7e9",
        )
        .result("True"),
        case(
            Environment,
            "platform_is_wasi",
            "import sys\n(sys.platform, sys.argv)",
        )
        .result("('wasi', [''])"),
        case(
            Environment,
            "urandom_works",
            "import os\nlen(os.urandom(16))",
        )
        .result("16"),
        case(Environment, "no_stdin", "input()").raises("EOFError"),
        case(
            Environment,
            "hostname_is_absent",
            "import socket\nsocket.gethostname()",
        )
        .raises("AttributeError"),
    ]
}

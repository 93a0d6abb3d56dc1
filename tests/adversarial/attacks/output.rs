//! Output floods: capped, flagged, the cell goes on.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(Output, "print_a_gigabyte", "for _ in range(1000):\n    print('x' * 10**6)\n'done'")
            .stdout_len(1 << 20)
            .truncated()
            .result("'done'"),
        case(Output, "stderr_flood", "import sys\nfor _ in range(1000):\n    sys.stderr.write('e' * 10**6)")
            .stdout_len(0)
            .stderr_len(1 << 20)
            .truncated(),
        case(Output, "small_cap_keeps_the_head", "for i in range(10**5):\n    print(i)\n'done'")
            .output_cap(1000)
            .stdout_len(1000)
            .truncated()
            .result("'done'"),
        case(Output, "flush_every_byte", "import sys\nfor _ in range(200000):\n    sys.stdout.write('z')\n    sys.stdout.flush()")
            .output_cap(4096)
            .stdout_len(4096)
            .truncated()
            .then("print('fresh cell, fresh cap')")
            .stdout("fresh cell, fresh cap\n"),
        case(Output, "print_until_the_deadline", "while True:\n    print('y' * 1000)")
            .times_out()
            .truncated(),
        case(Output, "raw_fd_writes_go_nowhere", "import os\nos.write(1, b'x' * 10**7)\nos.write(2, b'y' * 100)\n'raw'")
            .stdout("")
            .result("'raw'"),
        case(Output, "exception_of_3_mib", "raise ValueError('v' * (3 << 20))").raises("ValueError"),
        case(Output, "exception_of_20_mib_is_clipped", "raise ValueError('v' * (20 << 20))")
            .memory_mib(256)
            .raises("ValueError")
            .evalue_has("more characters not shown")
            .stderr_has("was dropped")
            .truncated(),
        case(
            Output,
            "display_of_20_mib_is_cut_down",
            "class Page:\n    def _repr_html_(self):\n        return 'h' * (20 << 20)\ndisplay(Page())",
        )
        .memory_mib(256)
        .stderr_has("was dropped")
        .truncated(),
    ]
}

//! Exhaustion of descriptors and disk.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            Exhaustion,
            "open_200_files_then_close_them",
            "fs = [open(f'/mnt/data/f{i}', 'w') for i in range(200)]\nfor f in fs:\n    f.close()\nlen(fs)",
        )
        .result("200")
        .then("open('/mnt/data/f0').read()")
        .result("''"),
        case(
            Exhaustion,
            "descriptors_of_the_whole_server",
            py(&[
                "files = []",
                "try:",
                "    for _ in range({nofile}):",
                "        files.append(open('/usr/local/lib/python3.11/os.py', 'rb'))",
                "    stopped = 'never'",
                "except OSError as e:",
                "    stopped = type(e).__name__",
                "stopped",
            ]),
        )
        .timeout_ms(120_000)
        .result("'OSError'")
        .neighbour("'ready'", "open('/mnt/data/probe.txt', 'w').write('ok')", "2")
        .then("files[0].close()\nopen('/mnt/data/after.txt', 'w').write('ok')")
        .result("2"),
        case(
            Exhaustion,
            "file_of_32_mib_in_the_scratch_dir",
            "import os\nwith open('big.bin', 'wb') as f:\n    for _ in range(32):\n        f.write(b'x' * (1 << 20))\nos.path.getsize('big.bin')",
        )
        .result("33554432"),
        case(
            Exhaustion,
            "file_past_the_session_file_cap",
            "with open('big.bin', 'wb') as f:\n    for _ in range(96):\n        f.write(b'x' * (1 << 20))",
        )
        .raises("OSError")
        .evalue_has("Quota exceeded")
        .then("import os\nos.remove('big.bin')\nopen('small.bin', 'wb').write(b'y' * 1000)")
        .result("1000"),
        case(
            Exhaustion,
            "files_past_the_session_entry_cap",
            "import errno\nn = 0\ntry:\n    while True:\n        open(f'f{n}', 'w').close()\n        n += 1\nexcept OSError as e:\n    stopped = e.errno\n(n, stopped == errno.EDQUOT)",
        )
        .result("(1000, True)")
        .then("open('f0', 'w').write('still writable')")
        .result("14"),
    ]
}

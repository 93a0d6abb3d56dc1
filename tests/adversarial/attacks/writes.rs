//! Writes: only /mnt/data is writable.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            Writes,
            "open_tmp_for_writing",
            "open('/tmp/pwned', 'w').write('x')",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "os_open_creat_outside",
            "import os\nos.open('/tmp/pwned', os.O_CREAT | os.O_WRONLY)",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "shutil_copy_to_tmp",
            "import shutil\nopen('a', 'w').write('x')\nshutil.copy('a', '/tmp/a')",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "overwrite_the_stdlib",
            "open('/usr/local/lib/python3.11/os.py', 'w').write('import sys; sys.exit()')",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "delete_from_the_stdlib",
            "import os\nos.remove('/usr/local/lib/python3.11/os.py')",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "plant_a_module_on_the_path",
            "open('/usr/local/lib/python3.11/site-packages/evil.py', 'w').write('x = 1')",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "rename_the_scratch_dir",
            "import os\nos.rename('/mnt/data', '/mnt/elsewhere')",
        )
        .raises("PermissionError"),
        case(
            Writes,
            "remove_the_scratch_dir",
            "import os\nos.rmdir('/mnt/data')",
        )
        .raises("OSError")
        .then("open('/mnt/data/after.txt', 'w').write('still here')")
        .result("10"),
    ]
}

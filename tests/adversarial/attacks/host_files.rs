//! Host files: the guest sees the stdlib (read-only) and /mnt/data only.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(HostFiles, "read_etc_passwd", "open('/etc/passwd').read()").raises("PermissionError"),
        case(HostFiles, "list_the_root", "import os\nos.listdir('/')").raises("PermissionError"),
        case(HostFiles, "relative_dotdot_from_the_scratch_dir", "open('../../etc/passwd').read()")
            .raises("PermissionError"),
        case(HostFiles, "dotdot_out_of_the_scratch_dir", "open('/mnt/data/../../etc/passwd').read()")
            .raises("PermissionError"),
        case(
            HostFiles,
            "dotdot_out_of_the_stdlib",
            "open('/usr/local/lib/python3.11/../../../../etc/passwd').read()",
        )
        .raises("PermissionError"),
        case(HostFiles, "stat_a_host_file", "import os\nos.stat('/etc/hostname')").raises("PermissionError"),
        case(HostFiles, "pathlib_read_text", "import pathlib\npathlib.Path('/etc/hosts').read_text()")
            .raises("PermissionError"),
        case(HostFiles, "symlink_to_etc", "import os\nos.symlink('/etc', '/mnt/data/etc')")
            .raises("PermissionError"),
        case(
            HostFiles,
            "relative_symlink_out_then_read",
            "import os\nos.symlink('../../../etc/passwd', '/mnt/data/p')\nopen('/mnt/data/p').read()",
        )
        .raises("PermissionError"),
        case(
            HostFiles,
            "symlink_inside_the_scratch_dir_works",
            "import os\nopen('a.txt', 'w').write('inside')\nos.symlink('a.txt', 'b.txt')\nopen('b.txt').read()",
        )
        .result("'inside'"),
        case(
            HostFiles,
            "hard_link_the_stdlib_into_scratch",
            "import os\nos.link('/usr/local/lib/python3.11/os.py', '/mnt/data/os.py')",
        )
        .raises("PermissionError"),
        case(
            HostFiles,
            "symlink_to_the_parent_then_list",
            "import os\nos.symlink('..', 'up')\nos.listdir('up')",
        )
        .raises("PermissionError"),
        case(HostFiles, "chdir_to_the_parent", "import os\nos.chdir('..')").raises("PermissionError"),
        case(HostFiles, "chdir_to_the_root", "import os\nos.chdir('/')").raises("FileNotFoundError"),
        case(HostFiles, "proc_self_maps", "open('/proc/self/maps').read()").raises("PermissionError"),
        case(HostFiles, "proc_self_environ", "open('/proc/self/environ', 'rb').read()")
            .raises("PermissionError"),
        case(HostFiles, "list_proc", "import os\nos.listdir('/proc/self/fd')").raises("PermissionError"),
    ]
}

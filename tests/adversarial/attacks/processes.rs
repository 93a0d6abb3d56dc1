//! Processes: none.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            Processes,
            "subprocess_run",
            "import subprocess\nsubprocess.run(['/bin/sh', '-c', 'id'])",
        )
        .raises("OSError")
        .evalue_has("processes"),
        case(Processes, "os_system", "import os\nos.system('id')").raises("AttributeError"),
        case(Processes, "os_popen", "import os\nos.popen('id').read()").raises("OSError"),
        case(Processes, "os_fork", "import os\nos.fork()").raises("AttributeError"),
        case(
            Processes,
            "os_spawnv",
            "import os\nos.spawnv(os.P_WAIT, '/bin/sh', ['sh'])",
        )
        .raises("AttributeError"),
        case(
            Processes,
            "os_execv",
            "import os\nos.execv('/bin/sh', ['sh'])",
        )
        .raises("AttributeError"),
        case(Processes, "pty_spawn", "import pty\npty.spawn('/bin/sh')")
            .raises("ModuleNotFoundError"),
        case(
            Processes,
            "multiprocessing_process",
            "import multiprocessing\nmultiprocessing.Process(target=print).start()",
        )
        .raises("AttributeError"),
        case(Processes, "kill_the_parent", "import os\nos.kill(1, 9)").raises("AttributeError"),
    ]
}

//! Exits.

use code_interpreter::service::proto::Outcome;

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    use Outcome::*;
    vec![
        case(
            Exits,
            "sys_exit_0",
            "import sys\nprint('before')\nsys.exit(0)\nprint('after')",
        )
        .stdout("before\n")
        .no_result()
        .then("'still alive'")
        .result("'still alive'"),
        case(Exits, "sys_exit_3", "import sys\nsys.exit(3)")
            .raises("SystemExit")
            .evalue_has("3")
            .then("'still alive'")
            .result("'still alive'"),
        case(
            Exits,
            "sys_exit_with_a_message",
            "import sys\nsys.exit('bye')",
        )
        .raises("SystemExit"),
        case(Exits, "raise_system_exit", "raise SystemExit").no_result(),
        case(Exits, "os_exit_0", "import os\nos._exit(0)")
            .ends(SandboxFault)
            .message_has("exited"),
        case(Exits, "os_exit_5", "import os\nos._exit(5)")
            .ends(SandboxFault)
            .message_has("status 5"),
        case(Exits, "os_abort", "import os\nos.abort()").ends(SandboxFault),
        case(Exits, "raise_keyboard_interrupt", "raise KeyboardInterrupt")
            .raises("KeyboardInterrupt")
            .then("'still alive'")
            .result("'still alive'"),
        case(
            Exits,
            "sigint_to_itself",
            "import signal\nsignal.raise_signal(signal.SIGINT)",
        )
        .raises("KeyboardInterrupt"),
        case(
            Exits,
            "sigkill_to_itself",
            "import signal\nsignal.raise_signal(signal.SIGKILL)",
        )
        .ends(SandboxFault),
        case(Exits, "raise_base_exception", "raise BaseException('base')").raises("BaseException"),
        case(Exits, "exit_builtin_is_absent", "exit()").raises("NameError"),
    ]
}

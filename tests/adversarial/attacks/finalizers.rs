//! Finalizers.

use code_interpreter::service::proto::Outcome;

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    use Outcome::*;
    vec![
        case(
            Finalizers,
            "del_raises",
            "class D:\n    def __del__(self):\n        raise RuntimeError('boom in del')\nd = D()\ndel d\n'after'",
        )
        .stderr_has("RuntimeError: boom in del")
        .result("'after'"),
        case(
            Finalizers,
            "del_raises_system_exit",
            "class D:\n    def __del__(self):\n        raise SystemExit(1)\nd = D()\ndel d\n'after'",
        )
        .result("'after'"),
        case(
            Finalizers,
            "del_raises_keyboard_interrupt",
            "class D:\n    def __del__(self):\n        raise KeyboardInterrupt\nd = D()\ndel d\n'after'",
        )
        .result("'after'"),
        case(
            Finalizers,
            "del_in_a_collected_cycle",
            "import gc\nclass D:\n    def __del__(self):\n        raise RuntimeError('cycle')\na, b = D(), D()\na.b, b.a = b, a\ndel a, b\ngc.collect() >= 2",
        )
        .stderr_has("RuntimeError: cycle")
        .result("True"),
        case(
            Finalizers,
            "del_runs_in_a_later_cell",
            "class D:\n    def __del__(self):\n        raise RuntimeError('late')\nd = D()",
        )
        .then("del d\n'next'")
        .stderr_has("RuntimeError: late")
        .result("'next'"),
        case(
            Finalizers,
            "del_calls_os_exit",
            "class D:\n    def __del__(self):\n        import os\n        os._exit(1)\nd = D()\ndel d",
        )
        .ends(SandboxFault)
        .message_has("exited with status 1"),
    ]
}

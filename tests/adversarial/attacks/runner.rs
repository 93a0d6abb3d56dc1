//! The runner: rebinding what it uses must not break later cells.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(Runner, "print_rebound_to_none", "import builtins\nbuiltins.print = None")
            .then("import sys\nsys.stdout.write('runner fine\\n')\n1 + 1")
            .stdout("runner fine\n")
            .result("2"),
        case(Runner, "import_deleted", "import builtins\ndel builtins.__import__")
            .then("1 + 1")
            .result("2"),
        case(Runner, "stdout_and_stderr_set_to_none", "import sys\nsys.stdout = None\nsys.stderr = None")
            .then("print('back')")
            .stdout("back\n"),
        case(
            Runner,
            "json_sabotaged",
            "import json\njson.dumps = json.loads = json.JSONEncoder = json.JSONDecoder = None",
        )
        .then("print('fine')\n[1, 'a']")
        .stdout("fine\n")
        .result("[1, 'a']"),
        case(Runner, "traceback_sabotaged", "import traceback\ntraceback.TracebackException = traceback.format_exception = None")
            .then("1 / 0")
            .raises("ZeroDivisionError"),
        case(Runner, "runner_session_class_replaced", "import guest_runtime.runner as r\nr._Session = None")
            .then("print('ok')\n2")
            .stdout("ok\n")
            .result("2"),
        case(
            Runner,
            "runner_modules_unregistered",
            "import sys\nsys.modules['guest_runtime'] = None\nsys.modules['guest_runtime.runner'] = None",
        )
        .then("print('ok')\n2")
        .result("2"),
        case(Runner, "sys_modules_cleared", "import sys\nsys.modules.clear()").then("3").result("3"),
        case(Runner, "hostcall_module_sabotaged", "import _hostcall\n_hostcall.call = None\n_hostcall.HostError = None")
            .then("print('x')\n3")
            .stdout("x\n")
            .result("3"),
        case(Runner, "re_and_random_sabotaged", "import re, random\nre.compile = None\nrandom.seed = None")
            .then("print('a\\nb')\n3")
            .stdout("a\nb\n")
            .result("3"),
        case(Runner, "hooks_set_to_none", "import sys\nsys.excepthook = sys.displayhook = None")
            .then("1 / 0")
            .raises("ZeroDivisionError"),
        case(Runner, "tiny_recursion_limit", "import sys\nsys.setrecursionlimit(50)")
            .then("import sympy\nsympy.Symbol('x') ** 2")
            .result("x**2"),
        case(Runner, "null_byte_in_the_source", "exec('1\\x00')").raises("ValueError"),
        case(
            Runner,
            "exec_compile_eval_rebound",
            "import builtins\nbuiltins.exec = builtins.compile = builtins.eval = None",
        )
        .then("1 + 1")
        .result("2"),
        case(
            Runner,
            "isinstance_len_str_type_rebound",
            "import builtins\nfor name in ('isinstance', 'len', 'str', 'type'):\n    setattr(builtins, name, None)",
        )
        .then("1 + 1")
        .result("2"),
        case(Runner, "ast_and_linecache_sabotaged", "import ast, linecache\nast.parse = None\nlinecache.cache = None")
            .then("1 + 1")
            .result("2"),
        case(
            Runner,
            "runner_internals_patched",
            "import guest_runtime.runner as r, guest_runtime.values as v\nr._run_source = None\nv.encode_value = None",
        )
        .then("1 + 1")
        .result("2"),
    ]
}

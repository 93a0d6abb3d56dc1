//! Recursion, in Python and in C.

use code_interpreter::service::proto::Outcome;

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    use Outcome::*;
    vec![
        case(Recursion, "unbounded_python_recursion", "def f():\n    f()\nf()").raises("RecursionError"),
        case(Recursion, "repr_of_a_self_containing_list", "l = []\nl.append(l)\nl").result("[[...]]"),
        case(Recursion, "repr_of_a_self_containing_dict", "d = {}\nd['d'] = d\nd").result("{'d': {...}}"),
        case(
            Recursion,
            "str_of_a_list_nested_100000_deep",
            "x = []\nfor _ in range(100000):\n    x = [x]\nstr(x)",
        )
        .raises("RecursionError"),
        case(Recursion, "deeply_nested_literal", "eval('[' * 100000 + ']' * 100000)").raises("MemoryError"),
        case(Recursion, "deeply_nested_parentheses", "compile('(' * 200 + ')' * 200, 's', 'eval')")
            .raises("MemoryError"),
        case(Recursion, "json_loads_nested_100000_deep", "import json\njson.loads('[' * 100000 + ']' * 100000)")
            .raises("RecursionError"),
        case(
            Recursion,
            "json_dumps_nested_100000_deep",
            "import json\nx = []\nfor _ in range(100000):\n    x = [x]\njson.dumps(x)",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "pickle_dumps_nested_100000_deep",
            "import pickle\nx = []\nfor _ in range(100000):\n    x = [x]\npickle.dumps(x)",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "deepcopy_nested_100000_deep",
            "import copy\nx = []\nfor _ in range(100000):\n    x = [x]\ncopy.deepcopy(x)",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "freeing_a_million_nested_tuples",
            "x = None\nfor _ in range(10**6):\n    x = (x,)\ndel x\n'freed'",
        )
        .result("'freed'"),
        case(Recursion, "recursive_repr_method", "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())")
            .raises("RecursionError"),
        case(Recursion, "recursive_eq", "class A:\n    def __eq__(self, other):\n        return self == other\nA() == A()")
            .raises("RecursionError"),
        case(Recursion, "recursion_through_eval", "def f():\n    return eval('f()')\nf()")
            .raises("RecursionError"),
        case(
            Recursion,
            "c_recursion_past_the_stack_with_a_raised_limit",
            "import sys\nsys.setrecursionlimit(100000)\nx = []\nfor _ in range(100000):\n    x = [x]\nrepr(x)",
        )
        .ends(SandboxFault)
        .message_has("stack overflowed"),
        case(
            Recursion,
            "recursive_property",
            "class A:\n    @property\n    def p(self):\n        return self.p\nA().p",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "recursive_len",
            "class A:\n    def __len__(self):\n        return len(self)\nlen(A())",
        )
        .raises("RecursionError"),
        case(
            Recursion,
            "deeply_nested_unary_minus",
            "eval('-' * 100000 + '1')",
        )
        .raises("MemoryError"),
    ]
}

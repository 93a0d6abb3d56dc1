//! Memory: the cap is enforced, the session survives.

use code_interpreter::service::proto::Outcome;

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    use Outcome::*;
    let small = SMALL_MEMORY_MIB;
    vec![
        case(Memory, "bytearray_of_10_gb", "bytearray(10**10)")
            .memory_mib(small)
            .raises("OverflowError"),
        case(Memory, "bytearray_past_the_cap", "x = bytearray(1 << 30)")
            .memory_mib(small)
            .ends(MemoryLimit)
            .ename("MemoryError")
            .then("len(bytearray(32 << 20))")
            .result("33554432"),
        case(Memory, "list_of_a_billion", "x = [0] * 10**9")
            .memory_mib(small)
            .raises("MemoryError"),
        case(Memory, "string_repeat_past_the_cap", "x = 'ab' * 10**9")
            .memory_mib(small)
            .ends(MemoryLimit)
            .ename("MemoryError"),
        case(Memory, "bytes_of_2_to_the_62", "b'z' * (1 << 62)")
            .memory_mib(small)
            .raises("OverflowError"),
        case(
            Memory,
            "growth_loop_of_megabytes_then_recover",
            py(&["x = []", "while True:", "    x.append(bytearray(1 << 20))"]),
        )
        .memory_mib(small)
        .ends(MemoryLimit)
        .ename("MemoryError")
        .then("n = len(x)\ndel x\nlen(bytes(64 << 20)) == 64 << 20 and n > 32")
        .result("True"),
        case(
            Memory,
            "growth_loop_of_small_objects",
            py(&["x = []", "while True:", "    x.append('y' * 100)"]),
        )
        .memory_mib(small)
        .ends(MemoryLimit)
        .ename("MemoryError"),
        case(
            Memory,
            "dict_of_a_hundred_million",
            "{i: i for i in range(10**8)}",
        )
        .memory_mib(small)
        .ends(MemoryLimit)
        .ename("MemoryError"),
        case(Memory, "one_off_memory_bomb", "b = bytearray(300 << 20)")
            .one_off()
            .memory_mib(small)
            .ends(MemoryLimit)
            .ename("MemoryError"),
        case(Memory, "huge_string_as_the_result", "'x' * (20 << 20)")
            .memory_mib(small)
            .result_has("xxxxxxxx"),
        case(
            Memory,
            "deep_python_recursion_exhausts_memory",
            py(&[
                "import sys",
                "sys.setrecursionlimit(10**7)",
                "def f(n):",
                "    return f(n + 1)",
                "f(0)",
            ]),
        )
        .memory_mib(64)
        .ends(MemoryLimit)
        .ename("MemoryError"),
    ]
}

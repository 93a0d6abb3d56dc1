//! Enormous integers.

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            BigIntegers,
            "ten_to_the_ten_to_the_eight",
            "x = 10**(10**8)",
        )
        .times_out_hard(),
        case(BigIntegers, "two_to_the_two_to_the_forty", "2**(2**40)").times_out_hard(),
        case(BigIntegers, "shift_by_two_to_the_forty", "1 << (1 << 40)").raises("OverflowError"),
        case(
            BigIntegers,
            "factorial_of_ten_million",
            "import math\nmath.factorial(10**7)",
        )
        .times_out_hard(),
        case(BigIntegers, "str_of_5001_digits", "str(10**5000)")
            .raises("ValueError")
            .evalue_has("4300 digits"),
        case(BigIntegers, "int_of_5000_digits", "int('9' * 5000)")
            .raises("ValueError")
            .evalue_has("4300 digits"),
        case(
            BigIntegers,
            "result_of_5001_digits_comes_back_exact",
            "10**5000",
        )
        .result_len(5001),
        case(BigIntegers, "result_past_400000_bits", "2**500000")
            .result("<int with about 150516 digits>"),
        case(
            BigIntegers,
            "lifting_the_digit_limit",
            "import sys\nsys.set_int_max_str_digits(0)\nlen(str(10**100000))",
        )
        .result("100001"),
    ]
}

//! CPU and time: the deadline stops everything.

use code_interpreter::service::proto::Outcome;

use crate::case::Class::*;
use crate::case::*;

/// The cases of this class.
pub fn cases() -> Vec<Case> {
    use Outcome::*;
    vec![
        case(Cpu, "catastrophic_regex", "import re\nre.match('(a+)+$', 'a' * 40 + 'b')").times_out_hard(),
        case(Cpu, "sum_of_range_10_to_the_12", "sum(range(10**12))").times_out_hard(),
        case(Cpu, "endless_loop_one_off", "while True:\n    pass").one_off().times_out(),
        case(Cpu, "sleep_a_billion_seconds", "import time\ntime.sleep(10**9)").times_out(),
        case(Cpu, "sleep_loop", "import time\nwhile True:\n    time.sleep(0.001)").times_out(),
        case(Cpu, "sleep_past_the_clock_range", "import time\ntime.sleep(1e10)").raises("OverflowError"),
        case(
            Cpu,
            "wait_on_a_held_lock",
            "import _thread\nlock = _thread.allocate_lock()\nlock.acquire()\nlock.acquire(timeout=10**6)",
        )
        .times_out(),
        case(Cpu, "event_wait", "import threading\nthreading.Event().wait(10**6)").times_out(),
        case(
            Cpu,
            "endless_repr_of_the_result",
            "class A:\n    def __repr__(self):\n        while True:\n            pass\nA()",
        )
        .times_out(),
        case(Cpu, "select_with_a_long_timeout", "import select\nselect.select([], [], [], 600)").times_out(),
        case(Cpu, "poll_with_a_long_timeout", "import select\nselect.poll().poll(600_000)").times_out(),
        case(Cpu, "select_sleeps_as_long_as_asked", "import select, time\nt = time.monotonic()\nselect.select([], [], [], 0.2)\n0.19 < time.monotonic() - t < 2")
            .result("True"),
        case(Cpu, "fuel_budget_runs_out", "while True:\n    pass")
            .fuel_metered()
            .fuel(50_000_000)
            .ends(FuelExhausted),
    ]
}

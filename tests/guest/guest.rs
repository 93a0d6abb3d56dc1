//! Real cells in the real guest: values, sessions, errors and limits.

use crate::common;

use std::time::Duration;

use code_interpreter::{
    CellLimits, Event, InstanceLimits, Outcome, SessionError, StreamName, Value,
};
use common::{end, error, exec, limits, result, run, sandbox, stdout, stream};

#[tokio::test]
async fn big_integer_is_exact() {
    let events = run("2**200").await;
    assert_eq!(end(&events).outcome, Outcome::Ok);
    let expected = "1606938044258990275541962092341162602522202993782792835301376";
    assert_eq!(
        result(&events).value,
        Value::Int {
            value: expected.into()
        }
    );
    assert_eq!(result(&events).text_plain, expected);
}

#[tokio::test]
async fn integers_beyond_the_str_digit_limit_stay_exact() {
    let events = run("3**20000").await;
    let Value::Int { value } = &result(&events).value else {
        panic!("not an int: {:?}", result(&events).value);
    };
    // floor(20000 * log10(3)) + 1 digits; the last three are 3^20000 mod 1000.
    assert_eq!(value.len(), 9543);
    let last_three = (0..20000).fold(1u64, |acc, _| acc * 3 % 1000);
    assert_eq!(value[value.len() - 3..].parse::<u64>().unwrap(), last_three);
}

#[tokio::test]
async fn fractions_and_decimals() {
    let events = run("from fractions import Fraction as F\nF(1, 3) + F(1, 6)").await;
    assert_eq!(
        result(&events).value,
        Value::Fraction {
            numerator: "1".into(),
            denominator: "2".into()
        }
    );
    let events =
        run("from decimal import Decimal as D, getcontext\ngetcontext().prec = 30\nD(1) / D(7)")
            .await;
    assert_eq!(
        result(&events).value,
        Value::Decimal {
            value: "0.142857142857142857142857142857".into()
        }
    );
    let events = run("D = __import__('decimal').Decimal\nD('0.1') + D('0.2')").await;
    assert_eq!(
        result(&events).value,
        Value::Decimal {
            value: "0.3".into()
        }
    );
}

#[tokio::test]
async fn floats_complex_and_containers() {
    let events = run("(0.1 + 0.2, float('inf'), 1+2j, None, True, 'hé', {'a': [1, 2.5]})").await;
    let Value::Tuple { items } = &result(&events).value else {
        panic!("not a tuple: {:?}", result(&events).value);
    };
    assert_eq!(
        items[0],
        Value::Float {
            value: 0.30000000000000004
        }
    );
    assert_eq!(
        items[1],
        Value::Float {
            value: f64::INFINITY
        }
    );
    assert_eq!(
        items[2],
        Value::Complex {
            real: 1.0,
            imag: 2.0
        }
    );
    assert_eq!(items[3], Value::None);
    assert_eq!(items[4], Value::Bool { value: true });
    assert_eq!(
        items[5],
        Value::Str {
            value: "hé".into()
        }
    );
    assert_eq!(
        items[6],
        Value::Dict {
            entries: vec![(
                Value::Str { value: "a".into() },
                Value::List {
                    items: vec![
                        Value::Int { value: "1".into() },
                        Value::Float { value: 2.5 }
                    ]
                }
            )]
        }
    );
}

#[tokio::test]
async fn sympy_solve_and_integrate_with_latex() {
    let events = run("import sympy as sp\nx = sp.Symbol('x')\nsp.solve(x**2 - 2, x)").await;
    assert_eq!(end(&events).outcome, Outcome::Ok, "{events:?}");
    assert_eq!(
        result(&events).value,
        Value::List {
            items: vec![
                Value::Symbolic {
                    text: "-sqrt(2)".into(),
                    latex: "- \\sqrt{2}".into()
                },
                Value::Symbolic {
                    text: "sqrt(2)".into(),
                    latex: "\\sqrt{2}".into()
                },
            ]
        }
    );
    let events =
        run("import sympy as sp\nx = sp.Symbol('x')\nsp.integrate(x * sp.exp(x), x)").await;
    let value = result(&events);
    assert_eq!(
        value.value,
        Value::Symbolic {
            text: "(x - 1)*exp(x)".into(),
            latex: "\\left(x - 1\\right) e^{x}".into()
        }
    );
    assert_eq!(
        value.text_latex.as_deref(),
        Some("\\left(x - 1\\right) e^{x}")
    );
}

#[tokio::test]
async fn stdout_and_stderr_are_separate_and_ordered() {
    let events =
        run("import sys\nprint('out 1')\nprint('err 1', file=sys.stderr)\nprint('out 2')").await;
    assert_eq!(stdout(&events), "out 1\nout 2\n");
    assert_eq!(stream(&events, StreamName::Stderr), "err 1\n");
    let order: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::Stream { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(order.concat(), "out 1\nerr 1\nout 2\n");
}

#[tokio::test]
async fn variables_live_in_their_session_only() {
    let sandbox = sandbox().await;
    let first = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let second = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let events = exec(&first, "secret = 41").await;
    assert_eq!(end(&events).outcome, Outcome::Ok);
    let events = exec(&first, "secret + 1").await;
    assert_eq!(result(&events).value, Value::Int { value: "42".into() });
    assert_eq!(end(&events).usage.execution_count, 2);
    let events = exec(&second, "secret").await;
    assert_eq!(end(&events).outcome, Outcome::Error);
    assert_eq!(error(&events).ename, "NameError");
}

#[tokio::test]
async fn traceback_points_at_the_cell_line() {
    let sandbox = sandbox().await;
    let session = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    exec(&session, "def half(n):\n    return n / 2\n").await;
    let code = "a = 1\nb = 0\nprint(half(a))\nc = a / b\nprint('not reached')";
    let events = exec(&session, code).await;
    assert_eq!(end(&events).outcome, Outcome::Error);
    assert_eq!(stdout(&events), "0.5\n");
    let err = error(&events);
    assert_eq!(err.ename, "ZeroDivisionError");
    assert_eq!(err.evalue, "division by zero");
    assert_eq!(err.traceback[0], "Traceback (most recent call last):");
    assert!(
        err.traceback
            .contains(&"  File \"<cell-2>\", line 4, in <module>".to_owned()),
        "{:?}",
        err.traceback
    );
    assert!(
        err.traceback.iter().any(|l| l.trim() == "c = a / b"),
        "{:?}",
        err.traceback
    );
    assert!(
        !err.traceback.iter().any(|l| l.contains("guest_runtime")),
        "runner frames leak: {:?}",
        err.traceback
    );
    assert_eq!(
        err.traceback.last().unwrap(),
        "ZeroDivisionError: division by zero"
    );
}

#[tokio::test]
async fn syntax_errors_are_reported() {
    let events = run("x = (1,\ny = 2").await;
    assert_eq!(end(&events).outcome, Outcome::Error);
    assert_eq!(error(&events).ename, "SyntaxError");
    assert!(
        error(&events)
            .traceback
            .iter()
            .any(|l| l.contains("<cell-1>"))
    );
}

#[tokio::test]
async fn endless_loop_is_interrupted_at_the_deadline_and_the_session_survives() {
    let sandbox = sandbox().await;
    let session = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let events = session
        .execute("x = 6\nwhile True: pass", limits(1))
        .unwrap()
        .collect()
        .await;
    let end = end(&events);
    assert_eq!(end.outcome, Outcome::Timeout);
    assert!(end.usage.wall_time >= Duration::from_secs(1));
    assert!(end.usage.wall_time < Duration::from_secs(10));
    assert_eq!(error(&events).ename, "KeyboardInterrupt");
    let after = session.execute("x * 7", limits(5)).unwrap().collect().await;
    assert_eq!(result(&after).value, Value::Int { value: "42".into() });
}

#[tokio::test]
async fn memory_bomb_raises_memory_error_and_the_session_survives() {
    let sandbox = sandbox().await;
    let limits_256 = InstanceLimits {
        memory_bytes: 256 << 20,
        ..InstanceLimits::default()
    };
    let session = sandbox.create_session(limits_256).await.unwrap();
    let events = exec(&session, "x = bytearray(1 << 30)").await;
    assert_eq!(end(&events).outcome, Outcome::MemoryLimit, "{events:?}");
    assert_eq!(error(&events).ename, "MemoryError");
    let bomb = "chunks = []\nwhile True:\n    chunks.append(bytearray(8 << 20))";
    let events = exec(&session, bomb).await;
    assert_eq!(end(&events).outcome, Outcome::MemoryLimit, "{events:?}");
    assert!(end(&events).usage.peak_memory_bytes <= 256 << 20);
    let events = exec(&session, "del chunks\nsum(range(10))").await;
    assert_eq!(result(&events).value, Value::Int { value: "45".into() });
}

#[tokio::test]
async fn output_flood_is_truncated() {
    let sandbox = sandbox().await;
    let cell = CellLimits {
        max_output_bytes: 10_000,
        ..limits(60)
    };
    let events = sandbox
        .run(
            "for i in range(10**6):\n    print(i)\n'done'",
            InstanceLimits::default(),
            cell,
        )
        .await
        .unwrap();
    let end = end(&events);
    assert_eq!(end.outcome, Outcome::Ok);
    assert!(end.output_truncated);
    let out = stdout(&events);
    assert_eq!(out.len(), 10_000);
    assert!(out.starts_with("0\n1\n2\n"));
    assert_eq!(
        result(&events).value,
        Value::Str {
            value: "done".into()
        }
    );
}

#[tokio::test]
async fn fuel_budget_stops_a_loop_deterministically() {
    let sandbox = sandbox().await;
    let metered = InstanceLimits {
        fuel_metered: true,
        random_seed: Some(7),
        ..InstanceLimits::default()
    };
    let cell = CellLimits {
        fuel: Some(50_000_000),
        ..limits(60)
    };
    let mut used = Vec::new();
    for _ in 0..2 {
        let events = sandbox
            .run(
                "total = 0\nfor i in range(2000):\n    total += i\ntotal",
                metered,
                cell,
            )
            .await
            .unwrap();
        assert_eq!(
            result(&events).value,
            Value::Int {
                value: "1999000".into()
            }
        );
        used.push(end(&events).usage.fuel_used.expect("fuel reported"));
    }
    assert_eq!(used[0], used[1], "same program, same fuel");
    let events = sandbox
        .run("while True: pass", metered, cell)
        .await
        .unwrap();
    assert_eq!(end(&events).outcome, Outcome::FuelExhausted);
    let unmetered = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    assert!(matches!(
        unmetered.execute("1", cell),
        Err(SessionError::FuelNotMetered)
    ));
}

#[tokio::test]
async fn cancelling_a_cell_stops_it() {
    let sandbox = sandbox().await;
    let session = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let mut cell = session
        .execute("print('started', flush=True)\nwhile True: pass", limits(60))
        .unwrap();
    assert!(matches!(cell.next().await, Some(Event::Stream { .. })));
    cell.cancel();
    let rest = tokio::time::timeout(Duration::from_secs(10), cell.collect())
        .await
        .expect("cancel is prompt");
    assert_eq!(end(&rest).outcome, Outcome::Cancelled);
}

#[tokio::test]
async fn deep_c_recursion_ends_the_instance_not_the_host() {
    let code = "import sys\nsys.setrecursionlimit(10**6)\nl = []\nfor _ in range(10**5):\n    l = [l]\nrepr(l)";
    let events = run(code).await;
    let end = end(&events);
    assert_eq!(end.outcome, Outcome::SandboxFault);
    assert!(
        end.message.as_deref().unwrap_or_default().contains("stack"),
        "{end:?}"
    );
    assert_eq!(
        result(&run("'still here'").await).value,
        Value::Str {
            value: "still here".into()
        }
    );
}

#[tokio::test]
async fn random_is_seeded_per_instance() {
    let a = run("import random\nrandom.getrandbits(64)").await;
    let b = run("import random\nrandom.getrandbits(64)").await;
    assert_ne!(result(&a).value, result(&b).value);
}

#[tokio::test]
async fn every_fresh_instance_starts_with_an_empty_namespace() {
    for _ in 0..8 {
        let events =
            run("leftover = 1\nsorted(k for k in globals() if not k.startswith('__'))").await;
        assert_eq!(
            result(&events).value,
            Value::List {
                items: vec![Value::Str {
                    value: "leftover".into()
                }]
            }
        );
        assert_eq!(end(&events).usage.execution_count, 1);
    }
}

#[tokio::test]
async fn deadline_and_cancel_reach_a_sleeping_guest() {
    let sandbox = sandbox().await;
    let events = sandbox
        .run(
            "import time\ntime.sleep(60)",
            InstanceLimits::default(),
            limits(1),
        )
        .await
        .unwrap();
    let end = end(&events);
    assert_eq!(end.outcome, Outcome::Timeout);
    assert!(
        end.usage.wall_time < Duration::from_secs(10),
        "{:?}",
        end.usage.wall_time
    );

    let session = sandbox
        .create_session(InstanceLimits::default())
        .await
        .unwrap();
    let mut cell = session
        .execute(
            "print('sleeping', flush=True)\nimport time\ntime.sleep(60)",
            limits(120),
        )
        .unwrap();
    assert!(matches!(cell.next().await, Some(Event::Stream { .. })));
    cell.cancel();
    let rest = tokio::time::timeout(Duration::from_secs(10), cell.collect())
        .await
        .expect("cancel reaches a sleeping guest");
    assert_eq!(common::end(&rest).outcome, Outcome::Cancelled);
}

#[tokio::test]
async fn a_memory_cap_above_the_sandbox_maximum_is_refused() {
    let too_big = InstanceLimits {
        memory_bytes: 64 << 30,
        ..InstanceLimits::default()
    };
    let err = sandbox()
        .await
        .create_session(too_big)
        .await
        .err()
        .expect("refused");
    let cap = err
        .downcast_ref::<code_interpreter::MemoryCapTooLarge>()
        .expect("typed error");
    assert_eq!(cap.asked, 64 << 30);
}

#[tokio::test]
async fn text_files_default_to_utf8() {
    let code = "import locale, sys\n\
                open('/mnt/data/café.txt', 'w').write('naïve café ☕')\n\
                raw = open('/mnt/data/café.txt', 'rb').read()\n\
                (open('/mnt/data/café.txt').read(), raw == 'naïve café ☕'.encode('utf-8'), sys.flags.utf8_mode, locale.getpreferredencoding())";
    let events = run(code).await;
    assert_eq!(
        result(&events).text_plain,
        "('naïve café ☕', True, 1, 'utf-8')"
    );
}

/// The runner package's old name stays importable for code written against it.
#[tokio::test]
async fn the_old_runner_name_still_imports_display() {
    let events = run(
        "from ci_runtime import display\nimport guest_runtime\ndisplay is guest_runtime.display",
    )
    .await;
    assert_eq!(end(&events).outcome, Outcome::Ok, "{events:?}");
    assert_eq!(result(&events).text_plain, "True");
}

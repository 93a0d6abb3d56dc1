//! The cells the soak workers run: ordinary work with known answers and hostile cells with
//! the outcomes they must get, drawn from a small deterministic generator.

use std::collections::BTreeMap;

use code_interpreter::service::proto::Outcome;

use crate::{ORDINARY_TIMEOUT_MS, SHORT_TIMEOUT_MS};

/// A small deterministic generator (xorshift64*), seeded per worker.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % bound
    }

    pub(crate) fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }
}

/// What a cell must produce.
#[derive(Default)]
pub(crate) struct Expect {
    pub(crate) outcome: Option<Outcome>,
    pub(crate) result: Option<String>,
    pub(crate) stdout: Option<String>,
    pub(crate) ename: Option<&'static str>,
    pub(crate) truncated: bool,
    pub(crate) displays: usize,
    /// Whether the cell stops its interpreter (a session's is then rebuilt
    /// from its checkpoint and goes on).
    pub(crate) stops: bool,
}

/// One cell to run and its expected outcome.
pub(crate) struct Cell {
    pub(crate) kind: &'static str,
    pub(crate) code: String,
    pub(crate) timeout_ms: u64,
    pub(crate) max_output_bytes: u64,
    pub(crate) expect: Expect,
}

impl Cell {
    pub(crate) fn ordinary(kind: &'static str, code: String, expect: Expect) -> Self {
        Self {
            kind,
            code,
            timeout_ms: ORDINARY_TIMEOUT_MS,
            max_output_bytes: 0,
            expect: Expect {
                outcome: Some(Outcome::Ok),
                stops: false,
                ..expect
            },
        }
    }

    pub(crate) fn hostile(kind: &'static str, code: &str, outcome: Outcome, stops: bool) -> Self {
        Self {
            kind,
            code: code.to_owned(),
            timeout_ms: ORDINARY_TIMEOUT_MS,
            max_output_bytes: 0,
            expect: Expect {
                outcome: Some(outcome),
                stops,
                ..Expect::default()
            },
        }
    }

    pub(crate) fn raises(kind: &'static str, code: &str, ename: &'static str) -> Self {
        let mut cell = Self::hostile(kind, code, Outcome::Error, false);
        cell.expect.ename = Some(ename);
        cell
    }
}

/// The state a session's cells build up, to know what the next must give.
#[derive(Default)]
pub(crate) struct SessionState {
    pub(crate) counter: u64,
    pub(crate) cells: u64,
}

pub(crate) fn result_of(value: impl ToString) -> Expect {
    Expect {
        result: Some(value.to_string()),
        ..Expect::default()
    }
}

/// An ordinary cell whose result this test computes independently.
pub(crate) fn ordinary(rng: &mut Rng, state: &mut SessionState) -> Cell {
    match rng.below(7) {
        0 => {
            let step = rng.between(1, 1000);
            state.counter += step;
            Cell::ordinary(
                "counter",
                format!("counter = globals().get('counter', 0) + {step}\ncounter"),
                result_of(state.counter),
            )
        }
        1 => {
            let (base, exponent) = (rng.between(2, 9), rng.between(20, 38) as u32);
            Cell::ordinary(
                "power",
                format!("{base} ** {exponent}"),
                result_of(u128::from(base).pow(exponent)),
            )
        }
        2 => {
            let (count, factor) = (rng.between(1, 200), rng.between(1, 99));
            let text: String = (0..count).map(|i| format!("{}\n", i * factor)).collect();
            Cell::ordinary(
                "print",
                format!("for i in range({count}):\n    print(i * {factor})"),
                Expect {
                    stdout: Some(text),
                    ..Expect::default()
                },
            )
        }
        3 => {
            let n = rng.between(2, 20);
            let (numerator, denominator) = harmonic(n);
            Cell::ordinary(
                "fraction",
                format!(
                    "from fractions import Fraction\nsum(Fraction(1, i) for i in range(1, {n} + 1))"
                ),
                result_of(format!("Fraction({numerator}, {denominator})")),
            )
        }
        4 => {
            let n = rng.between(2, 1_000_000);
            Cell::ordinary(
                "sympy",
                format!("import sympy\nsympy.factorint({n})"),
                result_of(factor_dict(n)),
            )
        }
        5 => {
            let points: Vec<u64> = (0..rng.between(2, 50)).map(|_| rng.below(100)).collect();
            Cell::ordinary(
                "chart",
                format!("import matplotlib.pyplot as plt\nplt.plot({points:?})\nplt.title('soak')"),
                Expect {
                    displays: 1,
                    ..Expect::default()
                },
            )
        }
        _ => {
            let (token, repeat) = (rng.between(1000, 9999), rng.between(1, 5000));
            let name = format!("soak-{}.txt", state.cells);
            Cell::ordinary(
                "file",
                format!(
                    "with open('/mnt/data/{name}', 'w') as f:\n    f.write('{token}' * {repeat})\nlen(open('/mnt/data/{name}').read())"
                ),
                result_of(4 * repeat),
            )
        }
    }
}

/// A hostile cell and the typed outcome it must get.
pub(crate) fn hostile(rng: &mut Rng) -> Cell {
    match rng.below(8) {
        0 => {
            let mut cell = Cell::hostile(
                "endless loop",
                "while True:\n    pass",
                Outcome::Timeout,
                // KeyboardInterrupt at the deadline: the interpreter goes on.
                false,
            );
            cell.timeout_ms = SHORT_TIMEOUT_MS;
            cell
        }
        1 => {
            let mut cell = Cell::hostile("huge sum", "sum(range(10**12))", Outcome::Timeout, true);
            cell.timeout_ms = SHORT_TIMEOUT_MS;
            cell
        }
        2 => {
            let mut cell = Cell::hostile(
                "memory past the cap",
                "x = bytearray(1 << 30)",
                Outcome::MemoryLimit,
                false,
            );
            cell.expect.ename = Some("MemoryError");
            cell
        }
        3 => Cell::raises("list of a billion", "x = [0] * 10**9", "MemoryError"),
        4 => {
            let mut cell = Cell::hostile(
                "print flood",
                "for _ in range(10**5):\n    print('x' * 100)\n'done'",
                Outcome::Ok,
                false,
            );
            cell.max_output_bytes = 4096;
            cell.expect.truncated = true;
            cell.expect.stdout = Some("x".repeat(100) + "\n");
            cell.expect.result = Some("'done'".into());
            cell
        }
        5 => Cell::raises(
            "runaway recursion",
            "def f(n):\n    return f(n + 1)\nf(0)",
            "RecursionError",
        ),
        6 => Cell::raises("host file", "open('/etc/passwd').read()", "PermissionError"),
        _ => Cell::hostile(
            "hard exit",
            "import os\nos._exit(5)",
            Outcome::SandboxFault,
            true,
        ),
    }
}

/// H(n) = 1 + 1/2 + ... + 1/n in lowest terms.
pub(crate) fn harmonic(n: u64) -> (u128, u128) {
    let gcd = |mut a: u128, mut b: u128| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let (mut numerator, mut denominator) = (0u128, 1u128);
    for i in 1..=u128::from(n) {
        numerator = numerator * i + denominator;
        denominator *= i;
        let common = gcd(numerator, denominator);
        (numerator, denominator) = (numerator / common, denominator / common);
    }
    (numerator, denominator)
}

/// The repr of sympy's `factorint(n)`: `{prime: exponent, ...}` ascending.
pub(crate) fn factor_dict(mut n: u64) -> String {
    let mut factors = BTreeMap::new();
    let mut p = 2;
    while p * p <= n {
        while n.is_multiple_of(p) {
            *factors.entry(p).or_insert(0) += 1;
            n /= p;
        }
        p += 1;
    }
    if n > 1 {
        *factors.entry(n).or_insert(0) += 1;
    }
    let items: Vec<String> = factors.iter().map(|(p, e)| format!("{p}: {e}")).collect();
    format!("{{{}}}", items.join(", "))
}

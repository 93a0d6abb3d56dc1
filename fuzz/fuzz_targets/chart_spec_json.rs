//! `chart` host-call payloads mutated as JSON: a custom libFuzzer mutator
//! parses the input, changes one node of the tree (a number to an edge value,
//! an array emptied or grown, a field dropped or nulled, a subtree copied
//! elsewhere...) and writes it back, so most inputs stay well-formed figure
//! specs and reach layout and rendering instead of the JSON parser. Seeded
//! with chart_spec's corpus (real specs from the guest's matplotlib).
#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};
use serde_json::{Number, Value};

fuzz_target!(|data: &[u8]| {
    code_interpreter::fuzzing::chart(data);
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng(u64::from(seed) | 1 << 32);
    // Now and then a plain byte-level mutation, for the parser and for
    // inputs that are not JSON yet.
    if rng.below(10) == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    let Ok(mut value) = serde_json::from_slice::<Value>(&data[..size]) else {
        return fuzzer_mutate(data, size, max_size);
    };
    for _ in 0..=rng.below(3) {
        mutate(&mut value, &mut rng);
    }
    match serde_json::to_vec(&value) {
        Ok(bytes) if bytes.len() <= max_size => {
            data[..bytes.len()].copy_from_slice(&bytes);
            bytes.len()
        }
        _ => fuzzer_mutate(data, size, max_size),
    }
});

/// xorshift64*, seeded by libFuzzer (so runs replay).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

/// Numbers that break arithmetic: zero, signs, tiny and huge, integer edges
/// (grid positions are u32, indices usize).
const NUMBERS: &[f64] = &[
    0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 100.0, 1e-300, -1e-300, 1e-7, 1e15, 1e300, -1e300,
    f64::MAX, f64::MIN, f64::MIN_POSITIVE, 4294967295.0, 4294967296.0, 9007199254740993.0,
    1e6, 8192.0, 8193.0, 360.0, -90.0,
];
const INTEGERS: &[u64] = &[0, 1, 2, 99, 100, 101, 399, 400, 401, 10_000, 10_001, u32::MAX as u64, u64::MAX];
const STRINGS: &[&str] = &[
    "", " ", "$", "$$", "$x$", "$\\frac{1}{2}$", "$\\frac{", "$x^{", "$_$", "$\\sqrt{2}^{10}_{\\alpha}$",
    "\\", "a\nb", "\u{202e}rtl", "😀", "e\u{301}", "\t", "%", "none", "-", "best", "log", "#000",
    "#ffffffff", "#00000000", "#12345678", "o", ",", "vertical", "horizontal", "data", "axes",
];

fn mutate(root: &mut Value, rng: &mut Rng) {
    let count = count_nodes(root);
    let target = rng.below(count);
    // A subtree copied over another node: combines artists, axes, texts.
    if rng.below(8) == 0 {
        let donor = nth(root, rng.below(count)).cloned();
        if let (Some(donor), Some(node)) = (donor, nth_mut(root, target)) {
            *node = donor;
        }
        return;
    }
    let Some(node) = nth_mut(root, target) else {
        return;
    };
    match node {
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(0.0);
            let new = match rng.below(6) {
                0 => Value::from(rng.pick(INTEGERS)),
                1 => Value::from(-(rng.below(1000) as i64)),
                2 => float(match rng.below(4) {
                    0 => x * 2.0,
                    1 => x / 2.0,
                    2 => -x,
                    _ => x + 1.0,
                }),
                3 => Value::Null,
                _ => float(rng.pick(NUMBERS)),
            };
            *node = new;
        }
        Value::String(s) => {
            *s = match rng.below(5) {
                0 => s.repeat(1 + rng.below(64)),
                1 => {
                    let mut t = s.clone();
                    let c = rng.pick(&['$', '^', '_', '{', '}', '\\', 'é', '\0', '-', ' ']);
                    let at = rng.below(t.chars().count() + 1);
                    let at = t.char_indices().nth(at).map_or(t.len(), |(i, _)| i);
                    t.insert(at, c);
                    t
                }
                _ => rng.pick(STRINGS).to_owned(),
            };
        }
        Value::Array(items) => match rng.below(6) {
            0 => items.clear(),
            1 if !items.is_empty() => {
                let i = rng.below(items.len());
                items.remove(i);
            }
            2 if !items.is_empty() => {
                let i = rng.below(items.len());
                let most = if rng.below(4) == 0 { 512 } else { 4 };
                let times = 1 + rng.below(most);
                for _ in 0..times {
                    items.push(items[i].clone());
                }
            }
            3 if items.len() > 1 => {
                let (i, j) = (rng.below(items.len()), rng.below(items.len()));
                items.swap(i, j);
            }
            4 => items.push(match rng.below(3) {
                0 => Value::Null,
                1 => float(rng.pick(NUMBERS)),
                _ => Value::from(rng.pick(STRINGS)),
            }),
            _ => *node = Value::Null,
        },
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            if keys.is_empty() {
                return;
            }
            let key = rng.pick(&keys);
            match rng.below(4) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(key, Value::Null);
                }
                2 => {
                    map.insert(key, Value::Array(Vec::new()));
                }
                _ => *node = Value::Null,
            }
        }
        Value::Bool(b) => *b = !*b,
        Value::Null => {
            *node = match rng.below(4) {
                0 => float(rng.pick(NUMBERS)),
                1 => Value::Array(Vec::new()),
                2 => Value::from(rng.pick(STRINGS)),
                _ => Value::from([0.0, 1.0].as_slice()),
            }
        }
    }
}

/// A JSON number (non-finite results become `null`, as the guest sends them).
fn float(x: f64) -> Value {
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// The `n`th node in pre-order.
fn nth(value: &Value, n: usize) -> Option<&Value> {
    fn walk<'a>(value: &'a Value, n: &mut usize) -> Option<&'a Value> {
        if *n == 0 {
            return Some(value);
        }
        *n -= 1;
        match value {
            Value::Array(items) => items.iter().find_map(|item| walk(item, n)),
            Value::Object(map) => map.values().find_map(|item| walk(item, n)),
            _ => None,
        }
    }
    walk(value, &mut { n })
}

fn nth_mut(value: &mut Value, n: usize) -> Option<&mut Value> {
    fn walk<'a>(value: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
        if *n == 0 {
            return Some(value);
        }
        *n -= 1;
        match value {
            Value::Array(items) => items.iter_mut().find_map(|item| walk(item, n)),
            Value::Object(map) => map.values_mut().find_map(|item| walk(item, n)),
            _ => None,
        }
    }
    walk(value, &mut { n })
}

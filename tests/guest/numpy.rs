//! numpy in the sandbox, through the gRPC API: the snippets models write
//! (arrays feeding a plot, statistics, a linear system, seeded random), typed
//! numpy results, and a numpy memory bomb.

use crate::common;

use code_interpreter::service::proto::{self, event::Kind, value::Kind as ValueKind};
use common::server::{
    Client, client, close_session, create_session, end, error, outcome, run, stdout, value,
};

fn floats(text: &str) -> Vec<f64> {
    text.split_whitespace()
        .map(|word| {
            word.parse()
                .unwrap_or_else(|_| panic!("not a float: {word:?}"))
        })
        .collect()
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: got {actual}, expected {expected}"
    );
}

async fn ok_run(client: &mut Client, session: &str, code: &str) -> Vec<Kind> {
    let events = run(client, session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{code}: {events:?}");
    events
}

#[tokio::test]
async fn numpy_is_imported_in_the_snapshot() {
    let mut client = client().await;
    // numpy (and its lazily loaded submodules) come from the snapshot: already
    // in sys.modules before the cell imports anything.
    let events = ok_run(
        &mut client,
        "",
        "import sys\nprint(all(m in sys.modules for m in ('numpy', 'numpy.linalg', 'numpy.fft', \
         'numpy.random', 'numpy.polynomial')))\nimport numpy as np\nprint(np.__version__)",
    )
    .await;
    assert_eq!(stdout(&events), "True\n2.2.6\n");
}

#[tokio::test]
async fn arange_and_linspace_feed_a_plot() {
    let mut client = client().await;
    let code = "import numpy as np\nimport matplotlib.pyplot as plt\n\
                x = np.linspace(0, 2 * np.pi, 50)\n\
                fig, ax = plt.subplots()\n\
                ax.plot(x, np.sin(x), label='sin')\n\
                ax.bar(np.arange(5), np.arange(5) ** 2)\n\
                ax.scatter(x[::5], np.cos(x[::5]), s=np.full(10, 20.0), c=np.linspace(0, 1, 10))\n\
                ax.axhline(np.float64(0.5))\n\
                ax.set_xlim(np.float32(0), np.float64(7))\n\
                ax.legend()\n\
                plt.show()";
    let events = ok_run(&mut client, "", code).await;
    let displays: Vec<&proto::Display> = events
        .iter()
        .filter_map(|event| match event {
            Kind::Display(display) => Some(display),
            _ => None,
        })
        .collect();
    assert_eq!(displays.len(), 1, "{events:?}");
    let png = displays[0]
        .data
        .iter()
        .find(|item| item.mime_type == "image/png")
        .expect("a PNG");
    assert!(png.data.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let spec = displays[0]
        .data
        .iter()
        .find(|item| item.mime_type == "application/vnd.code-interpreter.chart+json")
        .expect("a chart description");
    let spec: serde_json::Value = serde_json::from_slice(&spec.data).expect("JSON");
    let series = &spec["axes"][0]["series"];
    let line = &series[0]["points"];
    assert_eq!(line.as_array().map(Vec::len), Some(50), "{spec}");
    // the last point is (2π, sin 2π)
    let last = &line[49];
    assert_close(
        last[0].as_f64().unwrap(),
        2.0 * std::f64::consts::PI,
        "last x",
    );
    assert!(last[1].as_f64().unwrap().abs() < 1e-12, "{last}");
    assert_eq!(spec["axes"][0]["xlim"], serde_json::json!([0.0, 7.0]));
}

#[tokio::test]
async fn statistics_match_independent_values() {
    let mut client = client().await;
    let data: Vec<f64> = (1..=101)
        .map(|i| f64::from(i * i % 37) + 0.25 * f64::from(i))
        .collect();
    let list = data
        .iter()
        .map(f64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let code = format!(
        "import numpy as np\na = np.array([{list}])\n\
         print(repr(float(np.mean(a))), repr(float(np.std(a))), repr(float(np.std(a, ddof=1))),\n\
               repr(float(np.percentile(a, 25))), repr(float(np.percentile(a, 90))),\n\
               repr(float(np.median(a))))"
    );
    let events = ok_run(&mut client, "", &code).await;
    let got = floats(&stdout(&events));
    let n = data.len() as f64;
    let mean = data.iter().sum::<f64>() / n;
    let squares = data.iter().map(|x| (x - mean).powi(2)).sum::<f64>();
    let mut sorted = data.clone();
    sorted.sort_by(f64::total_cmp);
    // numpy's default percentile: linear interpolation between closest ranks
    let percentile = |q: f64| {
        let rank = q / 100.0 * (n - 1.0);
        let (lo, frac) = (rank.floor() as usize, rank - rank.floor());
        sorted[lo] + frac * (sorted[(lo + 1).min(sorted.len() - 1)] - sorted[lo])
    };
    assert_close(got[0], mean, "mean");
    assert_close(got[1], (squares / n).sqrt(), "std");
    assert_close(got[2], (squares / (n - 1.0)).sqrt(), "std ddof=1");
    assert_close(got[3], percentile(25.0), "25th percentile");
    assert_close(got[4], percentile(90.0), "90th percentile");
    assert_close(got[5], sorted[50], "median");
}

#[tokio::test]
async fn linalg_solves_a_small_system() {
    let mut client = client().await;
    // 3x + y - z = 3, x - 2y + 4z = 10, 2x + 3y + z = 9.5  =>  x = 1.5, y = 1.25, z = 2.75
    let code = "import numpy as np\n\
                A = np.array([[3., 1, -1], [1, -2, 4], [2, 3, 1]])\n\
                b = np.array([3., 10, 9.5])\n\
                x = np.linalg.solve(A, b)\n\
                print(*map(repr, x.tolist()))\n\
                print(repr(float(np.linalg.det(A))), np.allclose(A @ x, b))";
    let events = ok_run(&mut client, "", code).await;
    let out = stdout(&events);
    let mut lines = out.lines();
    let x = floats(lines.next().unwrap());
    let expected = [1.5, 1.25, 2.75];
    for (got, want) in x.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{x:?}");
    }
    // det = 3(-2*1 - 4*3) - 1(1*1 - 4*2) + (-1)(1*3 - (-2)*2) = -42 + 7 - 7 = -42
    let rest: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert!(
        (rest[0].parse::<f64>().unwrap() + 42.0).abs() < 1e-9,
        "{out}"
    );
    assert_eq!(rest[1], "True");
}

const SEEDED: &str = "import numpy as np\n\
    rng = np.random.default_rng(12345)\n\
    np.random.seed(42)\n\
    print(rng.integers(0, 10**9, 4).tolist(), np.random.randint(0, 10**9, 4).tolist(),\n\
          repr(float(rng.normal())), repr(float(np.random.rand())))";

#[tokio::test]
async fn seeded_random_is_the_same_everywhere() {
    let mut client = client().await;
    let fresh_a = stdout(&ok_run(&mut client, "", SEEDED).await);
    let fresh_b = stdout(&ok_run(&mut client, "", SEEDED).await);
    let session_a = create_session(&mut client).await;
    let session_b = create_session(&mut client).await;
    ok_run(&mut client, &session_a, "x = 1").await;
    let in_a = stdout(&ok_run(&mut client, &session_a, SEEDED).await);
    let in_b = stdout(&ok_run(&mut client, &session_b, SEEDED).await);
    let again_in_a = stdout(&ok_run(&mut client, &session_a, SEEDED).await);
    assert!(!fresh_a.is_empty());
    for other in [&fresh_b, &in_a, &in_b, &again_in_a] {
        assert_eq!(&fresh_a, other);
    }
    // The numbers native numpy 2.2.6 prints for the same code (PCG64 seeded
    // 12345, the legacy MT19937 seeded 42).
    assert_eq!(
        fresh_a,
        "[699215031, 227336022, 788646988, 316758339] [534895718, 199900595, 862061404, \
         787846414] -0.8706617379590857 0.7319939418114051\n"
    );
    close_session(&mut client, &session_a).await.unwrap();
    close_session(&mut client, &session_b).await.unwrap();
}

#[tokio::test]
async fn unseeded_random_differs_between_sessions() {
    let mut client = client().await;
    let code = "import numpy as np\n\
                print(np.random.rand(4).tolist(), np.random.default_rng().random(4).tolist(),\n\
                      np.random.randint(0, 2**31, 4).tolist())";
    let a = create_session(&mut client).await;
    let b = create_session(&mut client).await;
    let in_a = stdout(&ok_run(&mut client, &a, code).await);
    let in_b = stdout(&ok_run(&mut client, &b, code).await);
    let fresh = stdout(&ok_run(&mut client, "", code).await);
    assert_ne!(in_a, in_b);
    assert_ne!(in_a, fresh);
    assert_ne!(in_b, fresh);
    // each of the three generators differs, not only one of them
    let parts = |text: &str| -> Vec<String> {
        text.trim()
            .split("] [")
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    for (x, y) in parts(&in_a).iter().zip(parts(&in_b)) {
        assert_ne!(x, &y, "{in_a} / {in_b}");
    }
    close_session(&mut client, &a).await.unwrap();
    close_session(&mut client, &b).await.unwrap();
}

fn array(kind: ValueKind) -> proto::Array {
    match kind {
        ValueKind::ArrayValue(array) => array,
        other => panic!("not an array value: {other:?}"),
    }
}

fn item(value: &proto::Value) -> &ValueKind {
    value.kind.as_ref().expect("item kind")
}

#[tokio::test]
async fn numpy_scalars_are_typed() {
    let mut client = client().await;
    let scalar = array(value(
        &ok_run(&mut client, "", "import numpy as np\nnp.float64(2.5)").await,
    ));
    assert_eq!(scalar.dtype, "float64");
    assert!(scalar.shape.is_empty());
    assert_eq!(scalar.items.len(), 1);
    assert!(matches!(item(&scalar.items[0]), ValueKind::FloatValue(v) if *v == 2.5));
    assert!(!scalar.truncated);

    let int = array(value(
        &ok_run(&mut client, "", "import numpy as np\nnp.int32(-7)").await,
    ));
    assert_eq!(int.dtype, "int32");
    assert!(
        matches!(item(&int.items[0]), ValueKind::IntValue(i) if i.int64 == Some(-7) && i.decimal == "-7")
    );
    let events = ok_run(
        &mut client,
        "",
        "import numpy as np\nnp.mean([1, 2, 3, 4]) > 2",
    )
    .await;
    let boolean = array(value(&events));
    assert_eq!(boolean.dtype, "bool");
    assert!(matches!(
        item(&boolean.items[0]),
        ValueKind::BoolValue(true)
    ));
    assert_eq!(common::server::result(&events).text_plain, "np.True_");
}

#[tokio::test]
async fn small_arrays_are_typed_with_shape_and_dtype() {
    let mut client = client().await;
    let events = ok_run(
        &mut client,
        "",
        "import numpy as np\nnp.arange(6).reshape(2, 3) * 1.5",
    )
    .await;
    let a = array(value(&events));
    assert_eq!(a.dtype, "float64");
    assert_eq!(a.shape, vec![2, 3]);
    assert!(!a.truncated);
    let items: Vec<f64> = a
        .items
        .iter()
        .map(|v| match item(v) {
            ValueKind::FloatValue(f) => *f,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(items, vec![0.0, 1.5, 3.0, 4.5, 6.0, 7.5]);
    assert_eq!(
        common::server::result(&events).text_plain,
        "array([[0. , 1.5, 3. ],\n       [4.5, 6. , 7.5]])"
    );
    // complex, strings, and an array inside a list
    let c = array(value(
        &ok_run(&mut client, "", "import numpy as np\nnp.array([1+2j, -1j])").await,
    ));
    assert_eq!(c.dtype, "complex128");
    assert!(
        matches!(item(&c.items[1]), ValueKind::ComplexValue(z) if z.real == 0.0 && z.imag == -1.0)
    );
    let s = array(value(
        &ok_run(&mut client, "", "import numpy as np\nnp.array(['ab', 'c'])").await,
    ));
    assert_eq!(s.dtype, "<U2");
    assert!(matches!(item(&s.items[0]), ValueKind::StrValue(text) if text == "ab"));
    match value(
        &ok_run(
            &mut client,
            "",
            "import numpy as np\n[np.zeros(2, dtype=np.int8), 3]",
        )
        .await,
    ) {
        ValueKind::ListValue(list) => {
            let inner = array(list.items[0].kind.clone().unwrap());
            assert_eq!(
                (inner.dtype.as_str(), inner.shape.as_slice()),
                ("int8", &[2u64][..])
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn large_arrays_come_as_a_capped_preview() {
    let mut client = client().await;
    let events = ok_run(
        &mut client,
        "",
        "import numpy as np\nnp.arange(3_000_000, dtype=np.int64).reshape(1000, 3000)",
    )
    .await;
    let a = array(value(&events));
    assert_eq!(a.dtype, "int64");
    assert_eq!(a.shape, vec![1000, 3000]);
    assert!(a.truncated);
    assert_eq!(a.items.len(), 1000);
    assert!(matches!(item(&a.items[999]), ValueKind::IntValue(i) if i.int64 == Some(999)));
    let text = &common::server::result(&events).text_plain;
    assert!(text.contains("..."), "numpy's summarized repr: {text}");
    assert!(text.len() < 2000, "{text}");
    // a transposed (non-contiguous) view is previewed without copying it whole
    let events = ok_run(
        &mut client,
        "",
        "import numpy as np\nnp.ones((4000, 3000)).T",
    )
    .await;
    let t = array(value(&events));
    assert_eq!(t.shape, vec![3000, 4000]);
    assert!(t.truncated);
}

#[tokio::test]
async fn a_numpy_memory_bomb_is_contained() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    // 10**10 elements do not fit wasm32's 32-bit sizes: numpy refuses the shape
    // (ValueError, as in any 32-bit numpy) before allocating anything.
    let events = run(
        &mut client,
        &session,
        "import numpy as np\nnp.zeros(10**10)",
    )
    .await;
    assert_eq!(outcome(&events), proto::Outcome::Error, "{events:?}");
    assert_eq!(error(&events).ename, "ValueError", "{events:?}");
    // 1.1-1.5 GiB fit the address space but not the 512 MiB cap: MemoryError,
    // outcome MEMORY_LIMIT, the interpreter lives on.
    for code in ["big = np.ones(2 * 10**8)", "big = np.zeros((12000, 12000))"] {
        let events = run(&mut client, &session, code).await;
        let end = end(&events);
        assert_eq!(
            end.outcome(),
            proto::Outcome::MemoryLimit,
            "{code}: {events:?}"
        );
        assert!(end.session_alive, "{events:?}");
        assert_eq!(error(&events).ename, "MemoryError", "{events:?}");
    }
    let events = ok_run(&mut client, &session, "int(np.arange(10).sum())").await;
    assert!(matches!(value(&events), ValueKind::IntValue(i) if i.int64 == Some(45)));
    // the service goes on for others
    let events = ok_run(
        &mut client,
        "",
        "import numpy as np\nint(np.ones(1000).sum())",
    )
    .await;
    assert!(matches!(value(&events), ValueKind::IntValue(i) if i.int64 == Some(1000)));
    close_session(&mut client, &session).await.unwrap();
}

#[tokio::test]
async fn arrays_go_to_files_and_back() {
    let mut client = client().await;
    // np.save/np.load (.npy through ndarray.tofile/np.fromfile: guest/numpy
    // patch 0004), .npz and text files, in the session's scratch directory.
    let code = "import numpy as np\n\
                a = np.arange(12.).reshape(3, 4)\n\
                np.save('a.npy', a); np.savez('b.npz', a=a); np.savetxt('c.csv', a, delimiter=',')\n\
                a.tofile('d.bin')\n\
                print(np.array_equal(np.load('a.npy'), a), np.array_equal(np.load('b.npz')['a'], a),\n\
                      np.array_equal(np.loadtxt('c.csv', delimiter=','), a),\n\
                      np.array_equal(np.fromfile('d.bin').reshape(3, 4), a))";
    let events = ok_run(&mut client, "", code).await;
    assert_eq!(stdout(&events), "True True True True\n");
}

#[tokio::test]
async fn int64_arrays_repr_as_on_64_bit_numpy() {
    // numpy 2.2 on x86-64 prints these three lines for the same cell; the guest's numpy is
    // 32-bit (int32 default), so its int64 arrays would otherwise repr with dtype=int64.
    let mut client = client().await;
    let code = r#"
import numpy as np
print(repr(np.array([1, 2], dtype=np.int64)))
print(repr(np.arange(3)))
print(repr(np.array([1.5])))
"#;
    let events = ok_run(&mut client, "", code).await;
    assert_eq!(
        stdout(&events),
        "array([1, 2])\narray([0, 1, 2])\narray([1.5])\n"
    );
}

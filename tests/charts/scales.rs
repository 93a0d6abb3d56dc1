//! symlog, logit, asinh and other-base log axes end to end through the gRPC API: limits, tick
//! labels and where data lands, against real matplotlib 3.10.8 on the same input (values pasted).

use crate::common;
use crate::support::{charts, is_red, run_ok};

use common::server::{client, stdout};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn limits(axes: &serde_json::Value, key: &str) -> [f64; 2] {
    [
        axes[key][0].as_f64().unwrap(),
        axes[key][1].as_f64().unwrap(),
    ]
}

#[tokio::test]
async fn symlog_axis_limits_ticks_and_placement_are_matplotlibs() {
    let mut client = client().await;
    let events = run_ok(
        &mut client,
        "",
        "import numpy as np, matplotlib.pyplot as plt
x = np.linspace(-150, 150, 201)
fig, ax = plt.subplots()
ax.plot(x, x / 150 + 0.5)
ax.set_xscale('symlog', linthresh=1)
for v in (0, 1, 10, 100):
    ax.axvline(v, color='red')
print([t.get_text() for t in ax.get_xticklabels()])
plt.show()",
    )
    .await;
    // matplotlib: the labels of SymmetricalLogLocator / LogFormatterSciNotation
    assert_eq!(
        stdout(&events),
        "['$\\\\mathdefault{-10^{2}}$', '$\\\\mathdefault{-10^{1}}$', '$\\\\mathdefault{-10^{0}}$', \
         '$\\\\mathdefault{0}$', '$\\\\mathdefault{10^{0}}$', '$\\\\mathdefault{10^{1}}$', \
         '$\\\\mathdefault{10^{2}}$']\n"
    );
    let chart = &charts(&events)[0];
    let axes = &chart.description["axes"][0];
    assert_eq!(axes["xscale"], "symlog");
    // matplotlib: margins added in symlog coordinates
    let [lo, hi] = limits(axes, "xlim");
    assert!(close(lo, -319.7506942283253) && close(hi, 319.7506942283253));
    // Lines at 0, 1, 10 and 100 stand at symlog positions 0, 1/0.9, 1/0.9 + 1 and 1/0.9 + 2:
    // the decades equally apart, the linear part 1/0.9 of a decade wide.
    let (width, height) = (chart.png.width as usize, chart.png.height as usize);
    let red_columns: Vec<usize> = (0..width)
        .filter(|&x| (0..height).any(|y| is_red(&chart.png.pixels[y * width + x])))
        .collect();
    let mut lines: Vec<f64> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for &x in &red_columns {
        if run.last().is_some_and(|&last| x > last + 1) {
            lines.push(run.iter().sum::<usize>() as f64 / run.len() as f64);
            run.clear();
        }
        run.push(x);
    }
    lines.push(run.iter().sum::<usize>() as f64 / run.len() as f64);
    assert_eq!(lines.len(), 4, "{red_columns:?}");
    let decade = lines[2] - lines[1];
    assert!((lines[3] - lines[2] - decade).abs() <= 1.5, "{lines:?}");
    assert!(
        ((lines[1] - lines[0]) / decade - 1.0 / 0.9).abs() < 0.05,
        "{lines:?}"
    );
}

#[tokio::test]
async fn logit_and_base_two_axes_are_matplotlibs() {
    let mut client = client().await;
    let events = run_ok(
        &mut client,
        "",
        "import numpy as np, matplotlib.pyplot as plt
x = np.linspace(-60, 60, 201)
fig, (a, b) = plt.subplots(2)
a.plot(x, x / 121 + 0.5)
a.set_yscale('logit')
b.plot([1, 2, 3], [3, 50, 900])
b.set_yscale('log', base=2)
print(a.get_ylim())
print(b.get_ylim())
plt.show()",
    )
    .await;
    // matplotlib: both ylims
    assert_eq!(
        stdout(&events),
        "(0.002391890115955854, 0.9976081098840441)\n(2.2556161320737225, 1197.0121873165226)\n"
    );
    let chart = &charts(&events)[0];
    let axes = chart.description["axes"].as_array().unwrap();
    assert_eq!(
        (&axes[0]["yscale"], &axes[1]["yscale"]),
        (&"logit".into(), &"log".into())
    );
    let [lo, hi] = limits(&axes[1], "ylim");
    assert!(close(lo, 2.2556161320737225) && close(hi, 1197.0121873165226));
}

#[tokio::test]
async fn function_and_custom_scales_are_refused() {
    let mut client = client().await;
    let events = common::server::run(
        &mut client,
        "",
        "import matplotlib.pyplot as plt
plt.gca().set_yscale('function', functions=(abs, abs))",
    )
    .await;
    assert!(
        common::server::error(&events)
            .evalue
            .contains("scale 'function' (FuncScale)")
    );
}

//! Polar axes and the text options of matplotlib drawn (or refused) by the sandbox, end to end
//! through the gRPC API: the chart description against what real matplotlib 3.10.8 gives on the
//! same input (values pasted below, read back with get_xlim/get_ylim/get_xydata).

use crate::common;

use code_interpreter::service::proto;
use common::server::{chart_descriptions, client, outcome, run};
use serde_json::Value;

/// The one figure's description of a cell that must succeed.
async fn draw(code: &str) -> Value {
    let mut client = client().await;
    let events = run(&mut client, "", code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let shown = chart_descriptions(&events);
    assert_eq!(shown.len(), 1, "one figure");
    shown[0].clone()
}

/// The exception type and message of a cell that must fail.
async fn refusal(code: &str) -> (String, String) {
    let mut client = client().await;
    let events = run(&mut client, "", code).await;
    assert_eq!(outcome(&events), proto::Outcome::Error, "{code}");
    let error = common::server::error(&events);
    (error.ename.clone(), error.evalue.clone())
}

fn limits(axes: &Value, key: &str) -> [f64; 2] {
    [
        axes[key][0].as_f64().unwrap(),
        axes[key][1].as_f64().unwrap(),
    ]
}

fn assert_close(got: [f64; 2], want: [f64; 2]) {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    assert!(
        close(got[0], want[0]) && close(got[1], want[1]),
        "{got:?} != {want:?}"
    );
}

#[tokio::test]
async fn polar_lines_keep_theta_and_r_and_autoscale_r_from_zero() {
    let figure = draw(
        "import numpy as np, matplotlib.pyplot as plt
r = np.arange(0, 2, 0.01)
fig = plt.figure()
ax = fig.add_subplot(projection='polar')
ax.plot(2 * np.pi * r, r)
plt.show()",
    )
    .await;
    let axes = &figure["axes"][0];
    // matplotlib: xlim (0, 2π), ylim (0.0, 2.0895)
    assert_close(limits(axes, "xlim"), [0.0, std::f64::consts::TAU]);
    assert_close(limits(axes, "ylim"), [0.0, 2.0895]);
    let points = axes["series"][0]["points"].as_array().unwrap();
    assert_eq!(points.len(), 200);
    assert_eq!(
        points[100],
        serde_json::json!([2.0 * std::f64::consts::PI, 1.0])
    );
}

#[tokio::test]
async fn negative_radii_keep_their_margin_and_wedges_their_angles() {
    let figure = draw(
        "import matplotlib.pyplot as plt
fig, (a, b) = plt.subplots(1, 2, subplot_kw=dict(polar=True))
a.plot([0, 1, 2], [-1.5, 1.3, 2.7])
b.plot([0, 1, 2], [0.5, 1.3, 2.7])
b.set_thetamin(45)
b.set_thetamax(135)
plt.show()",
    )
    .await;
    // matplotlib: ylim (-1.71, 2.91); wedge xlim (π/4, 3π/4), ylim (0.0, 2.81)
    assert_close(limits(&figure["axes"][0], "ylim"), [-1.71, 2.91]);
    let wedge = &figure["axes"][1];
    assert_close(
        limits(wedge, "xlim"),
        [
            std::f64::consts::FRAC_PI_4,
            3.0 * std::f64::consts::FRAC_PI_4,
        ],
    );
    assert_close(limits(wedge, "ylim"), [0.0, 2.81]);
}

#[tokio::test]
async fn polar_bars_and_plt_polar() {
    let figure = draw(
        "import matplotlib.pyplot as plt
ax = plt.subplot(projection='polar')
ax.bar([0, 2, 4], [3, 1, 2], width=0.5, bottom=1)
plt.show()",
    )
    .await;
    let axes = &figure["axes"][0];
    // matplotlib: ylim (0.0, 4.15); bars (centre, height) (0, 3), (2, 1), (4, 2)
    assert_close(limits(axes, "ylim"), [0.0, 4.15]);
    assert_eq!(
        axes["series"][0]["points"],
        serde_json::json!([[0.0, 3.0], [2.0, 1.0], [4.0, 2.0]])
    );
    let figure = draw(
        "import matplotlib.pyplot as plt
plt.polar([0, 1, 2], [1, 2, 4], 'o-')
print(type(plt.gca()).__name__)
plt.show()",
    )
    .await;
    // matplotlib: a PolarAxes, ylim (0.0, 4.15), the line's points as given
    let axes = &figure["axes"][0];
    assert_close(limits(axes, "ylim"), [0.0, 4.15]);
    assert_eq!(
        axes["series"][0]["points"],
        serde_json::json!([[0.0, 1.0], [1.0, 2.0], [2.0, 4.0]])
    );
}

#[tokio::test]
async fn what_polar_axes_and_text_cannot_draw_is_refused() {
    let polar = "import matplotlib.pyplot as plt\nax = plt.subplot(projection='polar')\n";
    let plain = "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\n";
    for (code, message) in [
        (format!("{polar}ax.hist([1, 2])"), "hist() on polar axes"),
        (
            format!("{polar}ax.set_rscale('log')"),
            "polar axes with a 'log' scale",
        ),
        (
            format!("{plain}ax.plot([1, 2], antialiased=False)"),
            "antialiased=False",
        ),
        (
            format!("{plain}ax.text(0, 0, 'a', fontstretch='condensed')"),
            "fontstretch='condensed'",
        ),
        (
            format!("{plain}ax.text(0, 0, 'a', bbox=dict(boxstyle='sawtooth'))"),
            "boxstyle 'sawtooth'",
        ),
        (
            format!(
                "{plain}ax.fill_between([0, 1], [1, 2], color='r', linestyle='--')\nplt.show()"
            ),
            "fill_between() edges with a linestyle",
        ),
        (
            format!("{plain}ax.bar([1], [2], clip_on=False)\nplt.show()"),
            "clip_on=False",
        ),
    ] {
        let (ename, evalue) = refusal(&code).await;
        assert_eq!(ename, "NotImplementedError", "{code}");
        assert!(evalue.contains(message), "{evalue}");
    }
}

#[tokio::test]
async fn boxed_styled_and_wrapped_text_is_drawn() {
    let figure = draw(
        "import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1], marker='o', mew=3, clip_on=False)
ax.text(0.5, 0.5, 'boxed', bbox=dict(boxstyle='round', facecolor='wheat', alpha=0.5),
        family='serif', style='italic', linespacing=2)
ax.text(0.2, 0.8, 'mono ' * 40, family='monospace', wrap=True, rotation=15)
ax.fill_between([0, 1], [0, 0.5], color='C1', alpha=0.3, linewidth=3)
plt.show()",
    )
    .await;
    let series = figure["axes"][0]["series"].as_array().unwrap();
    let texts: Vec<&str> = series
        .iter()
        .filter(|s| s["type"] == "text")
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts[0], "boxed");
    assert_eq!(
        series
            .iter()
            .filter(|s| s["type"] == "fill_between")
            .count(),
        1
    );
}

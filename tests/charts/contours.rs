//! Contours, hexbin and the seaborn plots drawn with them, end to end through the gRPC API: the
//! guest's numbers and the chart description against values printed by the real libraries
//! (matplotlib 3.10.8 with contourpy 1.3.3, seaborn 0.13.2 without scipy) on the same input,
//! pasted below.

use crate::common;

use code_interpreter::service::proto;
use common::server::{chart_descriptions, client, outcome, run, stdout};
use serde_json::Value;

/// stdout and the one figure's description of a cell that must succeed.
async fn draw(code: &str) -> (String, Value) {
    let mut client = client().await;
    let events = run(&mut client, "", code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    let shown = chart_descriptions(&events);
    assert_eq!(shown.len(), 1, "one figure");
    (stdout(&events), shown[0].clone())
}

fn of_type<'a>(axes: &'a Value, kind: &str) -> Vec<&'a Value> {
    axes["series"]
        .as_array()
        .expect("series")
        .iter()
        .filter(|s| s["type"] == kind)
        .collect()
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * b.abs().max(1.0)
}

fn assert_limits(axes: &Value, key: &str, want: [f64; 2]) {
    let got = [
        axes[key][0].as_f64().unwrap(),
        axes[key][1].as_f64().unwrap(),
    ];
    assert!(
        close(got[0], want[0], 1e-9) && close(got[1], want[1], 1e-9),
        "{key} {got:?} != {want:?}"
    );
}

const GRID: &str = "
import numpy as np, matplotlib.pyplot as plt
x = np.linspace(-3, 3, 41); y = np.linspace(-2, 2, 31)
X, Y = np.meshgrid(x, y)
Z = np.exp(-X**2 - Y**2) - np.exp(-(X - 1)**2 - (Y - 1)**2)
fig, ax = plt.subplots()
";

#[tokio::test]
async fn contour_levels_and_lines_are_matplotlibs() {
    let code = format!(
        "{GRID}cs = ax.contour(X, Y, Z)
print([round(float(v), 12) for v in cs.levels])
print([sum(len(p) for p in s) for s in cs.allsegs])
plt.show()"
    );
    let (out, figure) = draw(&code).await;
    // matplotlib: MaxNLocator(8) levels, contourpy's vertices per level
    assert_eq!(
        out,
        "[-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0]\n[0, 23, 41, 50, 57, 57, 41, 23, 0]\n"
    );
    let axes = &figure["axes"][0];
    let levels = of_type(axes, "contour");
    let vertices: Vec<u64> = levels
        .iter()
        .map(|s| s["vertices"].as_u64().unwrap())
        .collect();
    assert_eq!(vertices, [0, 23, 41, 50, 57, 57, 41, 23, 0]);
    // tight to the grid (sticky edges), as matplotlib
    assert_limits(axes, "xlim", [-3.0, 3.0]);
    assert_limits(axes, "ylim", [-2.0, 2.0]);
}

#[tokio::test]
async fn contourf_bands_have_matplotlibs_areas_and_colours() {
    // the colours as real matplotlib's cf.get_facecolor()
    let code = format!(
        "{GRID}cf = ax.contourf(X, Y, Z, levels=[-1, -0.5, 0, 0.5, 1], extend='both',
                 colors=['k', 'r', 'g', 'b', 'c', 'm'])
def area(p): return 0.5 * float(np.sum(p[:-1, 0] * p[1:, 1] - p[1:, 0] * p[:-1, 1]))
print([round(sum(area(p) for p in s), 9) for s in cf.allsegs])
print([float(v) for v in cf.layers])
plt.show()"
    );
    let (out, figure) = draw(&code).await;
    let mut lines = out.lines();
    let areas: Vec<f64> = serde_json::from_str(lines.next().unwrap()).unwrap();
    // matplotlib's bands (contourpy's polygons and holes): signed areas
    let want = [0.0, 1.458337626, 6.537877144, 14.54533123, 1.458454, 0.0];
    assert_eq!(areas.len(), want.len());
    for (got, want) in areas.iter().zip(want) {
        assert!(close(*got, want, 1e-8), "area {got} != {want}");
    }
    assert_eq!(
        lines.next().unwrap(),
        "[-5e+249, -0.75, -0.25, 0.25, 0.75, 5e+249]"
    );
    let colors: Vec<&str> = of_type(&figure["axes"][0], "contourf")
        .iter()
        .map(|s| s["color"].as_str().unwrap())
        .collect();
    // a colour per band and one for each extended end, as matplotlib's ListedColormap and
    // under/over colours
    assert_eq!(
        colors,
        [
            "#000000ff",
            "#ff0000ff",
            "#008000ff",
            "#0000ffff",
            "#00bfbfff",
            "#bf00bfff"
        ]
    );
}

#[tokio::test]
async fn a_contour_set_gets_a_colorbar() {
    let code = format!("{GRID}cf = ax.contourf(X, Y, Z)\nfig.colorbar(cf)\nplt.show()");
    let (_, figure) = draw(&code).await;
    let axes = figure["axes"].as_array().unwrap();
    assert_eq!(axes.len(), 2);
    assert_eq!(axes[1]["colorbar_of"], 0);
    // the bands as blocks between the levels
    assert_limits(&axes[1], "ylim", [-1.0, 1.0]);
    let blocks = of_type(&axes[1], "image");
    assert_eq!(blocks[0]["shape"], serde_json::json!([8, 1]));
}

#[tokio::test]
async fn masked_cells_are_left_out() {
    // A masked Z (here its negative half) is contoured over the unmasked cells (mpl2014),
    // no longer refused; the geometry is checked against contourpy in the guest's tests.
    let code = format!("{GRID}cf = ax.contourf(np.ma.masked_less(Z, 0))\nplt.show()");
    let (_, figure) = draw(&code).await;
    let bands = of_type(&figure["axes"][0], "contourf");
    assert!(!bands.is_empty());
}

#[tokio::test]
async fn legacy_corner_masks_and_filled_labels_are_refused() {
    let mut client = client().await;
    for (call, message) in [
        (
            "ax.contour(np.ma.masked_less(Z, 0), corner_mask='legacy')",
            "corner_mask='legacy'",
        ),
        ("ax.clabel(ax.contourf(Z))", "clabel() of filled contours"),
    ] {
        let events = run(&mut client, "", &format!("{GRID}{call}")).await;
        assert_eq!(outcome(&events), proto::Outcome::Error, "{call}");
        let error = common::server::error(&events);
        assert_eq!(error.ename, "NotImplementedError", "{call}");
        assert!(error.evalue.contains(message), "{}", error.evalue);
    }
}

#[tokio::test]
async fn bivariate_kdeplot_draws_seaborns_iso_proportion_contours() {
    let code = "
import numpy as np, seaborn as sns, matplotlib.pyplot as plt
rng = np.random.RandomState(3)
x = rng.normal(size=60); y = 0.5 * x + rng.normal(size=60)
ax = sns.kdeplot(x=x, y=y)
plt.show()";
    let (_, figure) = draw(code).await;
    let axes = &figure["axes"][0];
    let vertices: Vec<u64> = of_type(axes, "contour")
        .iter()
        .map(|s| s["vertices"].as_u64().unwrap())
        .collect();
    // seaborn 0.13.2: ten levels from thresh 0.05 to 1, its gaussian_kde on a 200 x 200 grid
    assert_eq!(vertices, [605, 459, 395, 347, 299, 255, 213, 159, 105, 0]);
    assert_limits(axes, "xlim", [-4.033786674722963, 3.5908142846705955]);
    assert_limits(axes, "ylim", [-4.918173124009727, 4.242431032177617]);
}

#[tokio::test]
async fn rugplot_alone_widens_the_margin_across() {
    let code = "
import numpy as np, seaborn as sns, matplotlib.pyplot as plt
rng = np.random.RandomState(3)
x = rng.normal(size=60)
ax = sns.rugplot(x=x[:5], height=0.1)
plt.show()";
    let (_, figure) = draw(code).await;
    let axes = &figure["axes"][0];
    let rugs = of_type(axes, "line_collection");
    assert_eq!(rugs.len(), 1);
    assert_eq!(rugs[0]["segments"].as_array().unwrap().len(), 5);
    // matplotlib autoscales the y axis without data to (-0.05, 0.05), margins 0.05 + 2 * 0.1
    assert_limits(axes, "ylim", [-0.075, 0.075]);
    assert_limits(axes, "xlim", [-2.046098762204231, 1.971234532270059]);
}

#[tokio::test]
async fn hexbin_bins_as_matplotlib() {
    let code = "
import numpy as np, matplotlib.pyplot as plt
i = np.arange(2000)
x = 2 * np.sin(i * 1.3); y = np.cos(i * 0.7) + 0.3 * x
fig, ax = plt.subplots()
hb = ax.hexbin(x, y, gridsize=20)
print(len(hb.get_offsets()), float(hb.get_array().sum()), float(hb.get_array().max()))
fig2, ax2 = plt.subplots()
hb = ax2.hexbin(x, y, gridsize=15, bins='log')
print(len(hb.get_offsets()), hb.norm.vmin, hb.norm.vmax)
plt.close(fig2)
plt.show()";
    let (out, figure) = draw(code).await;
    assert_eq!(out, "472 2000.0 27.0\n264 1.0 45.0\n");
    let axes = &figure["axes"][0];
    assert_eq!(of_type(axes, "patch").len(), 472);
    assert_limits(axes, "xlim", [-2.196839566871109, 2.199849467151664]);
    assert_limits(axes, "ylim", [-1.7544692867416534, 1.752171476875116]);
}

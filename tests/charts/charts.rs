//! Charts end to end: matplotlib code runs in the guest, the host renders it,
//! and the gRPC caller gets PNG, SVG and a chart description back.

use crate::common;

use code_interpreter::service::proto::{self};
use common::server::{client, create_session, error, outcome, run, stdout};

use crate::support::*;

#[tokio::test]
async fn a_line_chart_comes_back_as_png_svg_and_numbers() {
    let mut client = client().await;
    let code = r#"
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
xs = list(range(11))
plt.figure(figsize=(6, 4), dpi=100)
plt.plot(xs, [2 * x for x in xs], "g-", label="double")
plt.title("Doubling")
plt.xlabel("x")
plt.ylabel("2x")
plt.legend()
"#;
    let events = run_ok(&mut client, "", code).await;
    let shown = charts(&events);
    assert_eq!(shown.len(), 1, "one figure, shown at the end of the cell");
    let chart = &shown[0];
    assert_eq!((chart.png.width, chart.png.height), (600, 400));
    assert_eq!(chart.summary, "<Figure size 600x400 with 1 Axes>");
    assert!(chart.svg.contains(r#"width="600" height="400""#));
    assert!(chart.svg.contains("<polyline"), "the line is in the SVG");
    assert!(
        chart.svg.contains("<path fill="),
        "text is drawn as outlines"
    );

    let axes = &chart.description["axes"][0];
    assert_eq!(axes["title"], "Doubling");
    assert_eq!(
        (&axes["xlabel"], &axes["ylabel"]),
        (&"x".into(), &"2x".into())
    );
    let series = &axes["series"][0];
    assert_eq!(series["type"], "line");
    assert_eq!(series["label"], "double");
    let points: Vec<(f64, f64)> = series["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
        .collect();
    let expected: Vec<(f64, f64)> = (0..=10).map(|x| (f64::from(x), f64::from(2 * x))).collect();
    assert_eq!(points, expected);
    let ylim = axes["ylim"].as_array().unwrap();
    assert!(ylim[0].as_f64().unwrap() < 0.0 && ylim[1].as_f64().unwrap() > 20.0);

    // The diagonal line crosses the middle of the plot area in green.
    let middle = chart.png.region((0.4, 0.6), (0.35, 0.65));
    let green = middle
        .iter()
        .filter(|p| p[1] > 100 && p[0] < 80 && p[2] < 80)
        .count();
    assert!(green > 20, "only {green} green pixels in the middle");
    // Text was drawn: dark pixels in the title band above the plot.
    assert!(chart.png.dark_in((0.3, 0.7), (0.0, 0.12)) > 30);
    // The background is white and mostly empty.
    let background = chart.png.pixels.iter().filter(|p| is_background(p)).count();
    assert!(background > chart.png.pixels.len() / 2);
}

#[tokio::test]
async fn years_where_gdp_fell_are_marked_red_and_no_others() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
years = list(range(2000, 2013))
gdp = [10.2, 10.6, 10.9, 11.5, 12.2, 13.0, 13.8, 14.5, 14.7, 14.4, 15.0, 14.8, 15.6]
fell = [i for i in range(1, len(gdp)) if gdp[i] < gdp[i - 1]]
colors = ["red" if i in fell else "tab:blue" for i in range(len(gdp))]
fig, ax = plt.subplots(figsize=(8, 5))
ax.plot(years, gdp, color="tab:blue", label="GDP")
ax.scatter(years, gdp, c=colors, s=60, zorder=3)
ax.set_title("GDP by year")
ax.set_xlabel("Year")
ax.set_ylabel("GDP (trillion USD)")
ax.legend()
print([years[i] for i in fell])
"#;
    let events = run_ok(&mut client, "", code).await;
    assert_eq!(stdout(&events), "[2009, 2011]\n");
    let shown = charts(&events);
    assert_eq!(shown.len(), 1);
    let chart = &shown[0];
    assert_eq!((chart.png.width, chart.png.height), (800, 500));
    let series = &chart.description["axes"][0]["series"];
    let scatter = series
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "scatter")
        .expect("a scatter series");
    let colors = scatter["colors"].as_array().expect("per-point colours");
    let points = scatter["points"].as_array().unwrap();
    assert_eq!(colors.len(), 13);
    for (point, color) in points.iter().zip(colors) {
        let year = point[0].as_f64().unwrap();
        let red = color == "#ff0000ff";
        assert_eq!(red, year == 2009.0 || year == 2011.0, "{year}: {color}");
    }
    let red_pixels = chart.png.pixels.iter().filter(|p| is_red(p)).count();
    assert!(
        red_pixels > 50,
        "the red markers are drawn ({red_pixels} red pixels)"
    );

    // The same chart with no falling year has no red at all.
    let steady = code.replace("14.4, 15.0, 14.8", "14.9, 15.0, 15.3");
    let events = run_ok(&mut client, "", &steady).await;
    assert_eq!(stdout(&events), "[]\n");
    let chart = &charts(&events)[0];
    assert_eq!(chart.png.pixels.iter().filter(|p| is_red(p)).count(), 0);
}

#[tokio::test]
async fn chinese_japanese_and_korean_text_is_drawn_with_real_glyphs() {
    let client = client().await;
    let title = |text: &str| {
        format!(
            "import matplotlib.pyplot as plt\nplt.figure(figsize=(4, 3))\n\
             plt.plot([1, 2], [1, 2])\nplt.title('{text}', fontsize=20)\nplt.xlabel('年份 / 연도')"
        )
    };
    let title_band = |code: String| {
        let mut client = client.clone();
        async move {
            let events = run_ok(&mut client, "", &code).await;
            let chart = charts(&events).remove(0);
            assert!(chart.description["axes"][0]["xlabel"] == "年份 / 연도");
            chart.png.region((0.0, 1.0), (0.0, 0.15))
        }
    };
    let chinese = title_band(title("国内生产总值")).await;
    let japanese = title_band(title("ひらがなカナ")).await;
    let korean = title_band(title("국내총생산액")).await;
    // Code points no font has: drawn as the "missing glyph" boxes.
    let missing = title_band(title("\u{e000}\u{e001}\u{e002}\u{e003}\u{e004}\u{e005}")).await;
    for (name, band) in [
        ("Chinese", &chinese),
        ("Japanese", &japanese),
        ("Korean", &korean),
    ] {
        let ink = band.iter().filter(|p| is_dark(p)).count();
        assert!(ink > 200, "{name} title has {ink} dark pixels");
        assert_ne!(band, &missing, "{name} is drawn as missing-glyph boxes");
    }
    assert_ne!(chinese, korean);
}

#[tokio::test]
async fn several_figures_in_one_cell_come_back_in_order() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig1, ax1 = plt.subplots()
ax1.bar(["a", "b", "c"], [3, 1, 2], color=["red", "green", "blue"])
ax1.set_title("bars")
plt.show()
fig2, axes = plt.subplots(2, 2, figsize=(8, 6))
axes[0, 0].hist([1, 2, 2, 3, 3, 3, 4], bins=4)
axes[0, 1].pie([1, 3], labels=["one", "three"], autopct="%1.0f%%")
axes[1, 0].scatter([1, 2, 3], [3, 1, 2])
axes[1, 1].barh(["x", "y"], [5, 7])
fig2.suptitle("four")
"#;
    let events = run_ok(&mut client, "", code).await;
    let shown = charts(&events);
    assert_eq!(shown.len(), 2);
    let bars = &shown[0].description["axes"][0];
    assert_eq!(bars["title"], "bars");
    assert_eq!(bars["series"][0]["type"], "bar");
    assert_eq!(
        bars["series"][0]["points"],
        serde_json::json!([["a", 3.0], ["b", 1.0], ["c", 2.0]])
    );
    assert_eq!(
        bars["series"][0]["colors"],
        serde_json::json!(["#ff0000ff", "#008000ff", "#0000ffff"])
    );
    let grid = &shown[1];
    assert_eq!(grid.summary, "<Figure size 800x600 with 4 Axes>");
    assert_eq!(grid.description["title"], "four");
    let types: Vec<&str> = grid.description["axes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|axes| axes["series"][0]["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["hist", "pie", "scatter", "barh"]);
    let hist = &grid.description["axes"][0]["series"][0];
    assert_eq!(hist["counts"], serde_json::json!([1.0, 2.0, 3.0, 1.0]));
    let slices = &grid.description["axes"][1]["series"][0]["slices"];
    assert_eq!(slices[1]["label"], "three");
    assert_eq!(slices[1]["fraction"], 0.75);
}

#[tokio::test]
async fn savefig_writes_png_and_svg_files_in_the_session() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let code = r#"
import io
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 4), dpi=80)
ax.plot([1, 2, 3], [1, 4, 9], "r--o")
fig.savefig("chart.png")
plt.savefig("chart.svg")
buffer = io.BytesIO()
fig.savefig(buffer, format="png", dpi=50)
plt.close(fig)
"#;
    let events = run_ok(&mut client, &session, code).await;
    assert!(
        charts(&events).is_empty(),
        "a closed figure is not displayed"
    );
    let check = r#"
import os, struct
with open("/mnt/data/chart.png", "rb") as f:
    png = f.read()
svg = open("chart.svg").read()
print(png[:8] == b"\x89PNG\r\n\x1a\n", struct.unpack(">II", png[16:24]))
print(svg.startswith("<svg") and 'width="400" height="320"' in svg)
print(struct.unpack(">II", buffer.getvalue()[16:24]))
"#;
    let events = run_ok(&mut client, &session, check).await;
    assert_eq!(stdout(&events), "True (400, 320)\nTrue\n(250, 200)\n");
}

#[tokio::test]
async fn unsupported_calls_raise_not_implemented_naming_them() {
    let mut client = client().await;
    for (code, name) in [
        (
            "import matplotlib.pyplot as plt\nfrom matplotlib.colors import LogNorm\n\
             plt.imshow([[1, 2], [3, 4]], interpolation='bilinear', norm=LogNorm())\nplt.show()",
            "LogNorm",
        ),
        (
            "import matplotlib.pyplot as plt\nplt.gca().set_yscale('function', functions=(abs, abs))",
            "FuncScale",
        ),
        (
            "import matplotlib.pyplot as plt\nplt.savefig('x.pdf')",
            "pdf",
        ),
    ] {
        let events = run(&mut client, "", code).await;
        assert_eq!(outcome(&events), proto::Outcome::Error, "{code}");
        let error = error(&events);
        assert_eq!(error.ename, "NotImplementedError", "{code}: {error:?}");
        assert!(error.evalue.contains(name), "{code}: {}", error.evalue);
    }
}

#[tokio::test]
async fn a_heatmap_with_a_colorbar_reads_back_its_values() {
    let mut client = client().await;
    let code = r#"
import numpy as np
import matplotlib.pyplot as plt
data = np.arange(12.0).reshape(3, 4)
fig, ax = plt.subplots()
im = ax.imshow(data, cmap="viridis")
for i in range(3):
    for j in range(4):
        ax.text(j, i, f"{data[i, j]:.0f}", ha="center", va="center", color="w")
fig.colorbar(im, ax=ax, label="value")
"#;
    let events = run_ok(&mut client, "", code).await;
    let chart = &charts(&events)[0];
    let axes = &chart.description["axes"];
    let image = &axes[0]["series"][0];
    assert_eq!(image["type"], "image");
    assert_eq!(image["shape"], serde_json::json!([3, 4]));
    let expected: Vec<Vec<f64>> = (0..3)
        .map(|i| (0..4).map(|j| f64::from(i * 4 + j)).collect())
        .collect();
    assert_eq!(image["values"], serde_json::json!(expected));
    assert_eq!(
        (&image["vmin"], &image["vmax"]),
        (&0.0.into(), &11.0.into())
    );
    // matplotlib: the image fills the axes, row 0 at the top.
    assert_eq!(axes[0]["xlim"], serde_json::json!([-0.5, 3.5]));
    assert_eq!(axes[0]["ylim"], serde_json::json!([2.5, -0.5]));
    assert_eq!(axes[1]["colorbar_of"], 0);
    assert_eq!(axes[1]["ylim"], serde_json::json!([0.0, 11.0]));
    assert_eq!(axes[1]["ylabel"], "value");
    // viridis' two ends (matplotlib's _viridis_data) fill whole cells.
    let count = |rgb: [u8; 3]| {
        chart
            .png
            .pixels
            .iter()
            .filter(|p| p.iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 2))
            .count()
    };
    assert!(count([68, 1, 84]) > 1000, "viridis(0) cell");
    assert!(count([253, 231, 37]) > 1000, "viridis(1) cell");
}

#[tokio::test]
async fn boxplots_and_error_bars_read_back_their_statistics() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig, (left, right) = plt.subplots(1, 2)
left.boxplot([[1, 2, 3, 4, 5, 6, 7, 8, 9, 30], [2, 3, 4, 5]], tick_labels=["a", "b"])
right.errorbar([1, 2, 3], [2, 4, 3], yerr=[0.5, 0.2, 0.1], fmt="o", capsize=4, label="mean")
right.legend()
"#;
    let events = run_ok(&mut client, "", code).await;
    let chart = &charts(&events)[0];
    let description = &chart.description;
    // Quartiles of 1..9, 30 by linear interpolation (numpy's default): 3.25, 5.5, 7.75;
    // whiskers to the furthest points within 1.5 IQR: 1 and 9; 30 is a flier.
    let medians = with_role(description, "boxplot median");
    assert_eq!(
        medians[0]["points"],
        serde_json::json!([[0.925, 5.5], [1.075, 5.5]])
    );
    let whiskers = with_role(description, "boxplot whisker");
    assert_eq!(
        whiskers[0]["points"],
        serde_json::json!([[1.0, 3.25], [1.0, 1.0]])
    );
    assert_eq!(
        whiskers[1]["points"],
        serde_json::json!([[1.0, 7.75], [1.0, 9.0]])
    );
    let fliers = with_role(description, "boxplot flier");
    assert_eq!(fliers[0]["points"], serde_json::json!([[1.0, 30.0]]));
    assert_eq!(
        description["axes"][0]["xlim"],
        serde_json::json!([0.5, 2.5])
    );
    let bars = description["axes"][1]["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["role"] == "errorbar y")
        .expect("error bars");
    // y ± yerr, one segment per point.
    assert_eq!(bars["type"], "line_collection");
    assert_eq!(
        bars["segments"],
        serde_json::json!([
            [[1.0, 1.5], [1.0, 2.5]],
            [[2.0, 3.8], [2.0, 4.2]],
            [[3.0, 2.9], [3.0, 3.1]]
        ])
    );
}

#[tokio::test]
async fn lines_in_axes_fractions_say_so_in_the_description() {
    let chart = chart_of(
        "import matplotlib.pyplot as plt\n\
         fig, ax = plt.subplots()\n\
         ax.plot([1, 2], [3, 4])\n\
         ax.plot(1, 0, '>k', transform=ax.get_yaxis_transform(), clip_on=False)\n\
         ax.plot([0, 1], [0.5, 0.5], transform=ax.transAxes)\n\
         plt.show()\n",
    )
    .await;
    let series = &chart.description["axes"][0]["series"];
    assert!(
        series[0].get("coords").is_none(),
        "data lines carry no coords"
    );
    assert_eq!(series[1]["coords"], serde_json::json!(["axes", "data"]));
    assert_eq!(series[1]["points"], serde_json::json!([[1.0, 0.0]]));
    assert_eq!(series[2]["coords"], serde_json::json!(["axes", "axes"]));
}

#[tokio::test]
async fn a_text_rotated_in_data_coordinates_turns_with_the_axes() {
    // transform_rotates_text: 45° along data whose y unit is ten times the x unit on the screen
    // stands at atan(10) ≈ 84° there; without it the text stands at 45° on the screen.
    let chart_for = |rotates: &str| {
        format!(
            r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 6))
ax.set_xlim(0, 10)
ax.set_ylim(0, 1)
ax.text(5, 0.5, "MMMMMMMMMM", color="red", fontsize=20, rotation=45, ha="center", va="center",
        transform_rotates_text={rotates})
"#
        )
    };
    for (rotates, steep) in [("False", false), ("True", true)] {
        let chart = chart_of(&chart_for(rotates)).await;
        let red = |p: &[u8; 3]| p[0] > 180 && p[1] < 90 && p[2] < 90;
        let (x0, x1, y0, y1) = bounds(&chart.png, red).expect("the text");
        // In pixels: the image is square.
        let ratio = (y1 - y0) / (x1 - x0);
        if steep {
            assert!(ratio > 3.0, "turned with the data: {ratio}");
        } else {
            assert!((0.7..1.4).contains(&ratio), "45° on the screen: {ratio}");
        }
    }
}

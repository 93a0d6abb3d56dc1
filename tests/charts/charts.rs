//! Charts end to end: matplotlib code runs in the guest, the host renders it,
//! and the gRPC caller gets PNG, SVG and a chart description back.

use crate::common;

use code_interpreter::service::proto::{self, event::Kind};
use common::server::{Client, client, create_session, error, outcome, run, stdout};
use serde_json::Value;

/// One displayed figure: its images and description.
struct Chart {
    png: Image,
    svg: String,
    description: Value,
    summary: String,
}

/// A decoded RGB image.
struct Image {
    width: u32,
    height: u32,
    pixels: Vec<[u8; 3]>,
}

impl Image {
    fn decode(bytes: &[u8]) -> Image {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG header");
        let mut buffer = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buffer).expect("PNG data");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        Image {
            width: info.width,
            height: info.height,
            pixels: buffer[..info.buffer_size()]
                .chunks_exact(3)
                .map(|p| [p[0], p[1], p[2]])
                .collect(),
        }
    }

    /// Pixels in the box of fractions `x0..x1`, `y0..y1` of the image (y down).
    fn region(&self, (x0, x1): (f64, f64), (y0, y1): (f64, f64)) -> Vec<[u8; 3]> {
        let (w, h) = (f64::from(self.width), f64::from(self.height));
        let mut out = Vec::new();
        for y in (y0 * h) as u32..(y1 * h) as u32 {
            for x in (x0 * w) as u32..(x1 * w) as u32 {
                out.push(self.pixels[(y * self.width + x) as usize]);
            }
        }
        out
    }
}

fn is_red(p: &[u8; 3]) -> bool {
    p[0] > 200 && p[1] < 60 && p[2] < 60
}

fn is_dark(p: &[u8; 3]) -> bool {
    p.iter().all(|c| *c < 100)
}

fn is_background(p: &[u8; 3]) -> bool {
    p.iter().all(|c| *c > 245)
}

/// The charts displayed by a cell, in order.
fn charts(events: &[Kind]) -> Vec<Chart> {
    events
        .iter()
        .filter_map(|event| match event {
            Kind::Display(display) => Some(chart(display)),
            _ => None,
        })
        .collect()
}

fn chart(display: &proto::Display) -> Chart {
    let item = |mime: &str| {
        display
            .data
            .iter()
            .find(|item| item.mime_type == mime)
            .unwrap_or_else(|| panic!("no {mime} in the display"))
            .data
            .clone()
    };
    Chart {
        png: Image::decode(&item("image/png")),
        svg: String::from_utf8(item("image/svg+xml")).expect("UTF-8 SVG"),
        description: serde_json::from_slice(&item("application/vnd.code-interpreter.chart+json"))
            .expect("JSON description"),
        summary: String::from_utf8(item("text/plain")).expect("text"),
    }
}

async fn run_ok(client: &mut Client, session: &str, code: &str) -> Vec<Kind> {
    let events = run(client, session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    events
}

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
    let title_band = chart.png.region((0.3, 0.7), (0.0, 0.12));
    assert!(title_band.iter().filter(|p| is_dark(p)).count() > 30);
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
            "import matplotlib.pyplot as plt\nplt.imshow([[1, 2], [3, 4]], interpolation='bicubic')",
            "interpolation='bicubic'",
        ),
        (
            "import matplotlib.pyplot as plt\nplt.boxplot([1, 2, 3], notch=True)",
            "notch",
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

/// The series of the first axes of a description with the given `role`.
fn with_role<'a>(description: &'a Value, role: &str) -> Vec<&'a Value> {
    description["axes"][0]["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["role"] == role)
        .collect()
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
async fn patches_figure_text_ratios_and_transparent_png() {
    let mut client = client().await;
    let session = create_session(&mut client).await;
    let code = r#"
import matplotlib.pyplot as plt
from matplotlib.patches import Circle, Patch, Rectangle
fig, (wide, narrow) = plt.subplots(1, 2, width_ratios=[3, 1], sharey=True)
wide.set_facecolor("red")
narrow.set_facecolor("blue")
narrow.add_patch(Rectangle((0.2, 0.2), 0.5, 0.5, facecolor="lime"))
wide.add_patch(Circle((0.5, 0.5), 0.1, color="black"))
wide.legend(handles=[Patch(color="lime", label="square")], loc="upper left")
fig.text(0.5, 0.01, "source: test", ha="center")
fig.savefig("clear.png", transparent=True)
"#;
    let events = run_ok(&mut client, &session, code).await;
    let chart = &charts(&events)[0];
    let count = |test: fn(&[u8; 3]) -> bool| chart.png.pixels.iter().filter(|p| test(p)).count();
    let red = count(|p| p[0] > 200 && p[1] < 30 && p[2] < 30);
    let blue = count(|p| p[2] > 200 && p[0] < 30 && p[1] < 30);
    let lime = count(|p| p[1] > 200 && p[0] < 30 && p[2] < 30);
    // The lime square covers a quarter of the narrow axes (limits 0..1, as add_patch leaves them).
    let quarter = lime as f64 / (lime + blue) as f64;
    assert!((0.23..0.27).contains(&quarter), "lime share {quarter}");
    let ratio = red as f64 / (blue + lime) as f64;
    assert!(
        (2.6..3.2).contains(&ratio),
        "width ratio {ratio} (red {red}, blue {blue}, lime {lime})"
    );
    let description = &chart.description;
    assert_eq!(description["texts"][0]["text"], "source: test");
    let rect = &description["axes"][1]["series"][0];
    assert_eq!(
        rect["shape"],
        serde_json::json!({"kind": "Rectangle", "xy": [0.2, 0.2], "width": 0.5, "height": 0.5})
    );
    // The transparent PNG: corners see through, the axes' red does not.
    let check = r#"
import zlib, struct
png = open("clear.png", "rb").read()
print(png[25])
"#;
    let events = run_ok(&mut client, &session, check).await;
    assert_eq!(stdout(&events), "6\n", "colour type 6 is RGBA");
}

#[tokio::test]
async fn zorder_puts_bars_over_the_grid() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
for zorder in (None, 3):
    fig, ax = plt.subplots()
    ax.grid(color="red", linewidth=4)
    ax.bar([0], [1], width=1, color="blue", zorder=zorder)
    ax.set_xlim(-1, 1)
"#;
    let events = run_ok(&mut client, "", code).await;
    let shown = charts(&events);
    // The bar covers x -0.5..0.5 and y 0..1 of an axes from -1 to 1 and 0 to 1.05.
    let red_on_bar = |chart: &Chart| {
        chart
            .png
            .region((0.42, 0.58), (0.3, 0.7))
            .iter()
            .filter(|p| is_red(p))
            .count()
    };
    assert!(
        red_on_bar(&shown[0]) > 50,
        "by default the grid is drawn over bars"
    );
    assert_eq!(
        red_on_bar(&shown[1]),
        0,
        "zorder=3 puts the bar over the grid"
    );
}

#[tokio::test]
async fn spines_move_hide_and_take_colours_and_axisbelow_puts_the_grid_under_bars() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.set_xlim(-1, 1)
ax.set_ylim(-1, 1)
ax.spines[["top", "right"]].set_visible(False)
ax.spines.bottom.set_position(("data", 0))
ax.spines.bottom.set(color="red", linewidth=4)
ax.tick_params(axis="x", colors="red")

plt.rcParams["axes.axisbelow"] = True
fig, ax = plt.subplots()
ax.grid(color="red", linewidth=4)
ax.bar([0], [1], width=1, color="blue")
ax.set_xlim(-1, 1)
"#;
    let events = run_ok(&mut client, "", code).await;
    let shown = charts(&events);
    let png = &shown[0].png;
    let red_rows: Vec<u32> = (0..png.height)
        .filter(|&y| {
            let f = |v: u32| f64::from(v) / f64::from(png.height);
            png.region((0.3, 0.7), (f(y), f(y + 1))).iter().all(is_red)
        })
        .collect();
    let middle = f64::from(red_rows[red_rows.len() / 2]) / f64::from(png.height);
    assert!(
        (0.4..0.6).contains(&middle),
        "the red bottom spine stands at y=0, mid-height: rows {red_rows:?}"
    );
    assert!(
        png.region((0.93, 1.0), (0.1, 0.4))
            .iter()
            .all(is_background),
        "no right spine"
    );
    assert!(
        png.region((0.2, 0.9), (0.0, 0.06))
            .iter()
            .all(is_background),
        "no top spine"
    );
    let red_on_bar = shown[1]
        .png
        .region((0.42, 0.58), (0.3, 0.7))
        .iter()
        .filter(|p| is_red(p))
        .count();
    assert_eq!(
        red_on_bar, 0,
        "axes.axisbelow=True puts the grid under the bar"
    );
}

#[tokio::test]
async fn custom_dash_patterns_alternate_dashes_and_coloured_gaps() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([0, 1], [0.5, 0.5], color="blue", lw=4, dashes=[10, 10], gapcolor="red")
ax.set_ylim(0, 1)
"#;
    let events = run_ok(&mut client, "", code).await;
    let png = &charts(&events)[0].png;
    let is_blue = |p: &[u8; 3]| p[2] > 200 && p[0] < 60 && p[1] < 60;
    let row = (0..png.height)
        .max_by_key(|&y| {
            (0..png.width)
                .filter(|&x| is_blue(&png.pixels[(y * png.width + x) as usize]))
                .count()
        })
        .expect("rows");
    let pixels = &png.pixels[(row * png.width) as usize..((row + 1) * png.width) as usize];
    // Runs of blue dashes and red gaps along the line (10 pt each at 4 pt
    // width: about 55 pixels).
    let kinds: Vec<char> = pixels
        .iter()
        .map(|p| match p {
            p if is_blue(p) => 'b',
            p if is_red(p) => 'r',
            _ => '.',
        })
        .collect();
    let runs = |kind: char| {
        kinds
            .chunk_by(|a, b| a == b)
            .filter(|run| run[0] == kind && run.len() > 40)
            .count()
    };
    assert!(
        runs('b') >= 4 && runs('r') >= 4,
        "dashes and gaps alternate: {}",
        kinds.iter().collect::<String>()
    );
}

#[tokio::test]
async fn ticks_and_labels_stand_on_the_top_and_right_when_moved_there() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.set(xlim=(0, 10), ylim=(0, 10))
ax.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False, colors="red", width=3)
ax.set_title("Title", color="blue")
ax.yaxis.tick_right()
ax.yaxis.set_label_position("right")
ax.set_ylabel("YYYY", color="lime")
"#;
    let events = run_ok(&mut client, "", code).await;
    let png = &charts(&events)[0].png;
    let (w, h) = (png.width, png.height);
    let at = |x: u32, y: u32| png.pixels[(y * w + x) as usize];
    let all = |test: &dyn Fn(&[u8; 3]) -> bool| -> Vec<(u32, u32)> {
        (0..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| test(&at(x, y)))
            .collect()
    };
    let is_blue = |p: &[u8; 3]| p[2] > 200 && p[0] < 60 && p[1] < 60;
    let is_lime = |p: &[u8; 3]| p[1] > 200 && p[0] < 60 && p[2] < 60;
    let (red, blue, lime, dark) = (all(&is_red), all(&is_blue), all(&is_lime), all(&is_dark));
    // The frame: the darkest column in each half and the top row of dark pixels.
    let spine = |columns: std::ops::Range<u32>| {
        columns
            .max_by_key(|&x| (0..h).filter(|&y| is_dark(&at(x, y))).count())
            .expect("columns")
    };
    let (left, right) = (spine(0..w / 2), spine(w / 2..w));
    let top = dark.iter().map(|p| p.1).min().expect("a frame");
    // Measured on real matplotlib 3.10.8's PNG of this code: the red x ticks
    // and labels all stand above the frame (to 4 px below its top, the
    // ticks' width), the blue title above them, the y tick labels right of
    // the frame (none left of it) and the lime y label right of those.
    let lowest_red = red.iter().map(|p| p.1).max().expect("red ticks");
    let highest_red = red.iter().map(|p| p.1).min().expect("red ticks");
    assert!(
        lowest_red <= top + 5,
        "red below the top: {lowest_red} > {top}"
    );
    let lowest_blue = blue.iter().map(|p| p.1).max().expect("a title");
    assert!(
        lowest_blue < highest_red,
        "the title stands above the top labels"
    );
    assert!(
        dark.iter().any(|p| p.0 > right + 5),
        "y tick labels right of the frame"
    );
    assert!(
        !dark.iter().any(|p| p.0 + 2 < left),
        "no y tick labels left of the frame"
    );
    let rightmost_dark = dark.iter().map(|p| p.0).max().expect("dark");
    let leftmost_lime = lime.iter().map(|p| p.0).min().expect("a y label");
    assert!(
        leftmost_lime > rightmost_dark,
        "the y label stands right of the tick labels"
    );
}

#[tokio::test]
async fn a_path_patch_fills_its_bezier_curve() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
from matplotlib.patches import PathPatch
from matplotlib.path import Path
fig = plt.figure()
ax = fig.add_axes([0, 0, 1, 1])
ax.set(xlim=(0, 1), ylim=(0, 1))
ax.axis("off")
path = Path([(0, 0), (1, 0), (1, 1), (0, 0)], [Path.MOVETO, Path.CURVE3, Path.CURVE3, Path.CLOSEPOLY])
ax.add_patch(PathPatch(path, facecolor="red", edgecolor="none"))
"#;
    let events = run_ok(&mut client, "", code).await;
    let png = &charts(&events)[0].png;
    // The axes fill the figure: data (x, y) is the image's fraction (x, 1 - y).
    let pixel = |x: f64, y: f64| {
        let (w, h) = (f64::from(png.width), f64::from(png.height));
        png.pixels[((1.0 - y) * h) as usize * png.width as usize + (x * w) as usize]
    };
    // Real matplotlib 3.10.8's PNG of this code: red between the diagonal and
    // the curve (through (0.75, 0.25)), white below the curve and above the
    // diagonal.
    for (x, y) in [(0.6, 0.4), (0.75, 0.27)] {
        assert!(is_red(&pixel(x, y)), "red inside at ({x}, {y})");
    }
    for (x, y) in [(0.6, 0.05), (0.3, 0.6), (0.75, 0.23)] {
        assert!(is_background(&pixel(x, y)), "white outside at ({x}, {y})");
    }
}

#[tokio::test]
async fn a_path_patch_of_two_rings_fills_by_the_nonzero_rule() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
from matplotlib.patches import PathPatch
from matplotlib.path import Path
outer = [(0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9), (0, 0)]
inner = [(0.4, 0.4), (0.6, 0.4), (0.6, 0.6), (0.4, 0.6), (0, 0)]
codes = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY] * 2
for hole in (inner[3::-1] + [(0, 0)], inner):
    fig = plt.figure()
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.axis("off")
    ax.add_patch(PathPatch(Path(outer + hole, codes), facecolor="red", edgecolor="none"))
"#;
    let events = run_ok(&mut client, "", code).await;
    let shown = charts(&events);
    let pixel = |png: &Image, x: f64, y: f64| {
        let (w, h) = (f64::from(png.width), f64::from(png.height));
        png.pixels[((1.0 - y) * h) as usize * png.width as usize + (x * w) as usize]
    };
    // Real matplotlib 3.10.8's PNGs: the inner square turning the other way
    // is a hole; turning the same way it is filled too (nonzero winding).
    let (hole, filled) = (&shown[0].png, &shown[1].png);
    assert!(is_background(&pixel(hole, 0.5, 0.5)), "a hole");
    assert!(is_red(&pixel(filled, 0.5, 0.5)), "no hole");
    for png in [hole, filled] {
        assert!(is_red(&pixel(png, 0.25, 0.5)), "the ring is red");
        assert!(is_background(&pixel(png, 0.05, 0.5)), "white outside");
    }
}

#[tokio::test]
async fn spectral_plots_compute_what_matplotlib_computes() {
    // Expected values printed by matplotlib 3.10.8 for the same cell.
    let mut client = client().await;
    let code = r#"
import numpy as np
import matplotlib.pyplot as plt
t = np.arange(200) / 10
x = np.sin(2 * np.pi * 1.5 * t) + 0.5 * np.cos(2 * np.pi * 3 * t) + 0.01 * t
fig, (a, b, c) = plt.subplots(1, 3)
pxx, f = a.psd(x, NFFT=64, Fs=10, noverlap=16)
lags, corr, _, _ = b.xcorr(x, x[::-1], maxlags=3)
spec, freqs, bins, im = c.specgram(x, NFFT=32, Fs=10, noverlap=8)
print([round(v, 10) for v in pxx[:3].tolist()], f[:3].tolist())
print([round(v, 10) for v in corr.tolist()])
print(spec.shape)
"#;
    let events = run_ok(&mut client, "", code).await;
    assert_eq!(
        stdout(&events),
        "[0.0330203861, 0.0177252022, 3.72619e-05] [0.0, 0.15625, 0.3125]\n\
         [0.6976568597, 0.9003163589, 0.090694521, -0.5088155895, -0.5790150124, -0.5172912206, 0.0855861352]\n\
         (17, 8)\n"
    );
    let chart = &charts(&events)[0];
    let axes = &chart.description["axes"];
    // psd: its labels, and the view widened to its ticks every 10 dB (-83 ... 7).
    assert_eq!(axes[0]["xlabel"], "Frequency");
    assert_eq!(axes[0]["ylabel"], "Power Spectral Density (dB/Hz)");
    assert_eq!(axes[0]["ylim"], serde_json::json!([-83.0, 7.0]));
    // specgram: a 17 x 8 image in dB over its time and frequency extent.
    let image = &axes[2]["series"][0];
    assert_eq!(image["shape"], serde_json::json!([17, 8]));
    let first_row: Vec<f64> = image["values"][0].as_array().unwrap()[..3]
        .iter()
        .map(|v| (v.as_f64().unwrap() * 1e6).round() / 1e6)
        .collect();
    assert_eq!(first_row, [-67.970456, -64.613896, -70.017628]);
    assert_eq!(axes[2]["ylim"], serde_json::json!([0.0, 5.0]));
    let xlim = axes[2]["xlim"].as_array().unwrap();
    assert!((xlim[0].as_f64().unwrap() - 0.4).abs() < 1e-12);
    assert!((xlim[1].as_f64().unwrap() - 19.6).abs() < 1e-12);
}

#[tokio::test]
async fn set_ticks_widens_the_view_to_show_every_tick() {
    // matplotlib 3.10.8 gives (-4.35, 100.0), (-0.05, 1.05) (a later plot rescales) and (12.0, 0.0).
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig, (a, b, c) = plt.subplots(1, 3)
a.plot([0, 1], [0, 87]); a.set_yticks(range(0, 101, 20))
b.set_yticks([0, 5]); b.plot([0, 1], [0, 1])
c.set_ylim(10, 0); c.plot([0, 1], [2, 3]); c.set_yticks([0, 12])
print(a.get_ylim(), b.get_ylim(), c.get_ylim())
"#;
    let events = run_ok(&mut client, "", code).await;
    assert_eq!(
        stdout(&events),
        "(-4.3500000000000005, 100.0) (-0.05, 1.05) (12.0, 0.0)\n"
    );
    let axes = &charts(&events)[0].description["axes"];
    assert_eq!(axes[0]["ylim"][1], 100.0);
    assert_eq!(axes[2]["ylim"], serde_json::json!([12.0, 0.0]));
}

#[tokio::test]
async fn colour_cycles_fill_ecdf_and_eventplot_follow_matplotlib() {
    // Expected output printed by matplotlib 3.10.8 for the same cell: hist and plot share the
    // lines' colour cycle, fill_between and fill the patches'.
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
from matplotlib.colors import to_hex
fig, (a, b, c) = plt.subplots(1, 3)
_, _, bars = a.hist([1, 2, 2, 3], bins=3)
line, = a.plot([1, 3], [0, 2])
band = a.fill_between([1, 3], [0, 1])
tri, = a.fill([1, 2, 3], [0, 2, 0])
print(to_hex(bars[0].get_facecolor()), to_hex(line.get_color()), to_hex(band.get_facecolor()[0]), to_hex(tri.get_facecolor()))
step = b.ecdf([3, 1, 2, 2])
print(list(step.get_xdata()), list(step.get_ydata()), step.get_drawstyle(), b.get_ylim())
rows = c.eventplot([[1, 2], [3]], lineoffsets=[0, 2], linelengths=1)
print([[list(map(float, p)) for p in r.get_segments()[0]] for r in rows], c.get_ylim(), c.get_xlim())
"#;
    let events = run_ok(&mut client, "", code).await;
    assert_eq!(
        stdout(&events),
        "#1f77b4 #ff7f0e #1f77b4 #ff7f0e\n\
         [1.0, 1.0, 2.0, 2.0, 3.0] [0.0, 0.25, 0.5, 0.75, 1.0] steps-post (0, 1)\n\
         [[[1.0, 0.5], [1.0, -0.5]], [[3.0, 2.5], [3.0, 1.5]]] (-1.2, 3.2) (0.9, 3.1)\n"
    );
    let axes = &charts(&events)[0].description["axes"];
    // eventplot's view: each offset +- a whole line length, plus the margins.
    assert_eq!(axes[2]["ylim"], serde_json::json!([-1.2, 3.2]));
    // ecdf's steps stand on 0 and reach 1 without margins.
    assert_eq!(axes[1]["ylim"], serde_json::json!([0.0, 1.0]));
}

#[tokio::test]
async fn stackplot_baselines_match_matplotlib() {
    // matplotlib 3.10.8 prints these view limits for the same cell.
    let mut client = client().await;
    let code = r#"
import numpy as np
import matplotlib.pyplot as plt
x = [0, 1, 2, 3]
ys = [np.array([1, 2, 0, 3]), np.array([2, 1, 1, 0.5]), np.array([0.5, 0.5, 2, 1])]
fig, axs = plt.subplots(1, 4)
for ax, b in zip(axs, ["zero", "sym", "wiggle", "weighted_wiggle"]):
    fills = ax.stackplot(x, ys, baseline=b)
    print(b, ax.get_ylim())
"#;
    let events = run_ok(&mut client, "", code).await;
    assert_eq!(
        stdout(&events),
        "zero (0.0, 4.725)\n\
         sym (-2.475, 2.475)\n\
         wiggle (-3.1708333333333334, 2.4208333333333334)\n\
         weighted_wiggle (-2.5589285714285714, 2.666071428571428)\n"
    );
}

#[tokio::test]
async fn bxp_draws_boxes_from_given_statistics() {
    // matplotlib 3.10.8 prints the same labels, limits and zorder for this cell.
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
stats = [dict(med=0, q1=-1, q3=1, whislo=-2, whishi=2, fliers=[-4, -3, 3, 4], label='A'),
         dict(med=0, q1=-2, q3=2, whislo=-3, whishi=3, fliers=[])]
r = ax.bxp(stats, zorder=3)
print([t.get_text() for t in ax.get_xticklabels()], ax.get_ylim(), r["medians"][0].get_zorder())
"#;
    let events = run_ok(&mut client, "", code).await;
    assert_eq!(stdout(&events), "['A', '2'] (-4.4, 4.4) 3.1\n");
}

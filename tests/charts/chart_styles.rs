//! Chart styling end to end, each read back against what matplotlib draws: patches, figure
//! text, z-order, spines, dashes, ticks, paths, spectra, colour cycles and statistics plots.

use crate::common;

use common::server::{client, create_session, stdout};

use crate::support::*;

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
async fn histograms_of_several_datasets_sit_side_by_side_or_stack() {
    // matplotlib 3.10.8 prints the same for the same cell.
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
data = [[1, 2, 2, 3, 3.5], [2, 3, 3, 4, 5], [1, 1, 5]]
fig, (a, b) = plt.subplots(1, 2)
n, bins, bars = a.hist(data, bins=3, label=["x", "y", "z"])
m, _, _ = b.hist(data, bins=3, stacked=True, color=["red", "green", "blue"])
print(n.tolist(), m[-1].tolist(), [round(float(v), 4) for v in a.get_xlim()], tuple(map(float, b.get_ylim())), len(bars[0]))
"#;
    let events = run_ok(&mut client, "", code).await;
    assert_eq!(
        stdout(&events),
        "[[3.0, 2.0, 0.0], [1.0, 2.0, 2.0], [2.0, 0.0, 1.0]] [6.0, 4.0, 3.0] [0.9467, 5.0533] (0.0, 6.3) 3\n"
    );
    let axes = &charts(&events)[0].description["axes"];
    let kinds = |i: usize| -> Vec<String> {
        let series = axes[i]["series"].as_array().expect("series");
        series
            .iter()
            .map(|s| s["type"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(kinds(0), ["bar", "bar", "bar"]);
    assert_eq!(kinds(1), ["bar", "bar", "bar"]);
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

#[tokio::test]
async fn style_sheets_colour_text_legends_and_place_titles() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
plt.style.use("dark_background")
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1], label="a line with a long label")
ax.legend(loc="center", fontsize=30)
fig, ax = plt.subplots()
ax.set_title("XXXXXXXX", y=0.4, fontsize=40, color="red")
plt.style.use("default")
fig, ax = plt.subplots()
ax.set_title("XXXXXXXX", fontsize=40, color="red")
"#;
    let events = run_ok(&mut client, "", code).await;
    let shown = charts(&events);
    // matplotlib's dark_background: black figure and axes, the legend framed in the axes'
    // black (at 0.8) with white text, so its centre holds only dark and light pixels.
    let all = &shown[0].png.pixels;
    let dark = all.iter().filter(|p| is_dark(p)).count();
    assert!(dark * 10 > all.len() * 9, "{dark} of {} dark", all.len());
    let centre = shown[0].png.region((0.4, 0.6), (0.45, 0.55));
    let light = centre.iter().filter(|p| p.iter().all(|c| *c > 200)).count();
    assert!(
        light > 20 && light * 3 < centre.len(),
        "{light} of {} light",
        centre.len()
    );
    // set_title(y=0.4): the title stands inside the box, below its middle; by default above it.
    let red_inside = |chart: &Chart| {
        chart
            .png
            .region((0.2, 0.8), (0.45, 0.65))
            .iter()
            .filter(|p| is_red(p))
            .count()
    };
    assert!(red_inside(&shown[1]) > 100, "{}", red_inside(&shown[1]));
    assert_eq!(red_inside(&shown[2]), 0);
}

/// The red pixels' first and last column in row `y` of `png`.
fn red_span(png: &Image, y: u32) -> (u32, u32) {
    let mut row = (0..png.width).filter(|&x| is_red(&png.pixel(x, y)));
    let first = row
        .next()
        .unwrap_or_else(|| panic!("no red pixel in row {y}"));
    (first, row.next_back().unwrap_or(first))
}

#[tokio::test]
async fn line_ends_follow_their_cap_style() {
    // Three 20 pt lines from x = 1 to 2 (pixels 213 to 427); 20 pt is 27.8 px at 100 dpi.
    let chart = chart_of(
        "import matplotlib.pyplot as plt\n\
         fig = plt.figure()\n\
         ax = fig.add_axes([0, 0, 1, 1])\n\
         for y, cap in [(0.5, 'butt'), (0, 'projecting'), (-0.5, 'round')]:\n\
         \x20   ax.plot([1, 2], [y, y], lw=20, color='red', solid_capstyle=cap)\n\
         ax.set(xlim=(0, 3), ylim=(-1, 1))\n\
         ax.set_axis_off()\n\
         plt.show()\n",
    )
    .await;
    let png = &chart.png;
    let (butt, projecting, round) = (red_span(png, 120), red_span(png, 240), red_span(png, 360));
    let near = |got: u32, want: f64| (f64::from(got) - want).abs() <= 2.0;
    assert!(near(butt.0, 213.3) && near(butt.1, 426.7), "butt {butt:?}");
    // Half the width (13.9 px) further at both ends.
    assert!(
        near(projecting.0, 199.4) && near(projecting.1, 440.6),
        "projecting {projecting:?}"
    );
    assert!(
        near(round.0, 199.4) && near(round.1, 440.6),
        "round {round:?}"
    );
    // 12 px off the centre line a half disc reaches sqrt(13.9² - 12²) = 7 px past the end.
    let rounded_edge = red_span(png, 372);
    assert!(
        near(rounded_edge.0, 206.3) && near(rounded_edge.1, 433.7),
        "round edge {rounded_edge:?}"
    );
}

//! Figure and axes layout end to end: colorbars on each side (with end triangles, several
//! parents, `cax=`), insets and box aspects, checked in the pixels the host draws.

use crate::support::*;

#[tokio::test]
async fn a_horizontal_colorbar_stands_below_its_axes_as_wide_as_it() {
    // The bar's colours ("Greens" ends, absent from the red image) span the parent's width
    // below it, 1/20 as thick as long (matplotlib's make_axes: fraction 0.15, pad 0.15).
    let chart = chart_of(
        r#"
import numpy as np, matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 6))
ax.imshow(np.ones((10, 10)), cmap="Reds", vmin=0, vmax=1)
sm = plt.cm.ScalarMappable(cmap="Greens", norm=plt.Normalize(0, 1))
fig.colorbar(sm, ax=ax, orientation="horizontal", label="level")
"#,
    )
    .await;
    let axes = &chart.description["axes"];
    assert_eq!(axes[1]["colorbar_of"], 0);
    assert_eq!(axes[1]["xlim"], serde_json::json!([0.0, 1.0]));
    let green = bounds(&chart.png, |p| near(p, [0, 68, 27])).expect("Greens' dark end");
    let red = bounds(&chart.png, |p| near(p, [103, 0, 13])).expect("the image");
    assert!(green.2 > red.3, "below the image: {green:?} {red:?}");
    assert!(
        green.1 > 0.8 && green.1 < 0.99,
        "right end of the bar: {green:?}"
    );
}

#[tokio::test]
async fn extended_colorbars_draw_triangles_in_the_under_and_over_colours() {
    let chart = chart_of(
        r#"
import numpy as np, matplotlib.pyplot as plt
cmap = plt.colormaps["viridis"].with_extremes(under="red", over="blue")
fig, ax = plt.subplots()
im = ax.imshow(np.arange(16.0).reshape(4, 4), cmap=cmap, vmin=2, vmax=12)
cb = fig.colorbar(im, extend="both")
"#,
    )
    .await;
    let axes = &chart.description["axes"];
    let patches = axes[1]["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["type"] == "patch")
        .count();
    assert_eq!(patches, 3, "two triangles and the outline");
    // The triangles stand beyond the bar's ends, right of the image (whose red and blue
    // cells are the under and over colours too).
    let strip = |y: (f64, f64), rgb| {
        chart
            .png
            .region((0.8, 1.0), y)
            .iter()
            .filter(|p| near(p, rgb))
            .count()
    };
    assert!(strip((0.8, 1.0), [255, 0, 0]) > 20, "the lower triangle");
    assert!(strip((0.0, 0.2), [0, 0, 255]) > 20, "the upper triangle");
}

#[tokio::test]
async fn an_inset_stands_in_fractions_of_its_parents_box() {
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 6))
ax.set_facecolor("blue")
inset = ax.inset_axes([0.5, 0.5, 0.4, 0.4])
inset.set_facecolor("red")
inset.set_xticks([]); inset.set_yticks([])
ax.set_xticks([]); ax.set_yticks([])
"#,
    )
    .await;
    let parent = bounds(&chart.png, |p| near(p, [0, 0, 255])).expect("the parent");
    let inset = bounds(&chart.png, is_red).expect("the inset");
    let (pw, ph) = (parent.1 - parent.0, parent.3 - parent.2);
    let close = |a: f64, b: f64| (a - b).abs() < 0.01;
    assert!(
        close(inset.0, parent.0 + 0.5 * pw),
        "{inset:?} in {parent:?}"
    );
    assert!(
        close(inset.1, parent.0 + 0.9 * pw),
        "{inset:?} in {parent:?}"
    );
    assert!(
        close(inset.2, parent.2 + 0.1 * ph),
        "{inset:?} in {parent:?}"
    );
    assert!(
        close(inset.3, parent.2 + 0.5 * ph),
        "{inset:?} in {parent:?}"
    );
}

#[tokio::test]
async fn a_box_aspect_shapes_the_box_and_anchors_it() {
    // Twice as wide as tall in a wide cell, anchored at the left ("W").
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(8, 3))
ax.set_facecolor("red")
ax.set_box_aspect(0.25)
ax.set_anchor("W")
"#,
    )
    .await;
    let (x0, x1, y0, y1) = bounds(&chart.png, is_red).expect("the box");
    let (w, h) = ((x1 - x0) * 800.0, (y1 - y0) * 300.0);
    assert!((h / w - 0.25).abs() < 0.02, "{w} x {h}");
    assert!(x0 < 0.15, "at the left: {x0}");
}

#[tokio::test]
async fn an_outside_figure_legend_takes_a_strip_beside_the_axes() {
    // The axes give up the right of the figure; the legend's red handle stands there.
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig, (a, b) = plt.subplots(1, 2)
a.set_facecolor("blue"); b.set_facecolor("blue")
a.plot([1, 2], color="red", linewidth=4, label="a long legend label")
fig.legend(loc="outside right upper")
"#,
    )
    .await;
    let boxes = bounds(&chart.png, |p| near(p, [0, 0, 255])).expect("the axes");
    let handles = bounds(&chart.png, |p| {
        let [r, g, b] = *p;
        r > 200 && g < 60 && b < 60
    })
    .expect("the line and its handle");
    assert!(boxes.1 < 0.8, "the axes leave the strip: {boxes:?}");
    assert!(
        handles.1 > boxes.1,
        "the handle right of the axes: {handles:?}"
    );
    assert!(handles.2 < 0.1, "at the top: {handles:?}");
}

#[tokio::test]
async fn subplots_adjust_fixes_the_boxes_in_figure_fractions() {
    let code = r#"
import matplotlib.pyplot as plt
fig, axs = plt.subplots(1, 2, figsize=(6, 3))
for ax in axs:
    ax.set_facecolor("red")
fig.subplots_adjust(left=0.3, right=0.9, wspace=0.5)
"#;
    let chart = crate::support::chart_of(code).await;
    let png = &chart.png;
    let red_at = |x: f64| {
        let (px, py) = ((x * f64::from(png.width)) as u32, png.height / 2);
        crate::support::is_red(&png.pixels[(py * png.width + px) as usize])
    };
    // matplotlib's grid: cells 0.24 wide, 0.12 apart, from 0.3.
    assert!(!red_at(0.29) && red_at(0.31) && red_at(0.53) && !red_at(0.55));
    assert!(!red_at(0.65) && red_at(0.67) && red_at(0.89) && !red_at(0.91));
}

#[tokio::test]
async fn aligned_labels_and_titles_line_up_across_the_group() {
    // The top axes' y tick labels are far wider than the bottom one's: aligned, both y labels
    // (same text, red and blue) stand beyond the wider ones, at the same x. The right axes'
    // x ticks stand on top; aligned, the left title is lifted to the right one's height.
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig, axs = plt.subplots(2, 2, figsize=(8, 6))
axs[0, 0].plot([0, 1], [0, 123456789])
axs[1, 0].plot([0, 1], [0, 1])
axs[0, 0].ticklabel_format(style="plain")
axs[0, 0].set_ylabel("Label", color="red", fontsize=24)
axs[1, 0].set_ylabel("Label", color="blue", fontsize=24)
axs[0, 0].set_title("Title", color="lime", fontsize=24)
axs[0, 1].set_title("Title", color="magenta", fontsize=24)
axs[0, 1].xaxis.tick_top()
fig.align_ylabels(axs[:, 0])
fig.align_titles()
"#,
    )
    .await;
    let red = bounds(&chart.png, |p| near(p, [255, 0, 0])).expect("the red label");
    let blue = bounds(&chart.png, |p| near(p, [0, 0, 255])).expect("the blue label");
    assert!(
        (red.0 - blue.0).abs() < 0.004 && (red.1 - blue.1).abs() < 0.004,
        "the y labels line up: {red:?} {blue:?}"
    );
    let lime = bounds(&chart.png, |p| near(p, [0, 255, 0])).expect("the left title");
    let magenta = bounds(&chart.png, |p| near(p, [255, 0, 255])).expect("the right title");
    assert!(
        (lime.3 - magenta.3).abs() < 0.004,
        "the titles line up: {lime:?} {magenta:?}"
    );
}

#[tokio::test]
async fn rotated_tick_labels_align_as_their_ha_says() {
    // matplotlib centres a rotated x tick label's box on its tick unless ha= says otherwise;
    // with ha="right" the box ends at the tick. The tick is the (blue) bar's centre.
    let chart_for = |ha: &str| {
        format!(
            r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(4, 4))
ax.bar(["MMMMMMMMMM"], [1], width=0.2, color="blue")
ax.set_xlim(-1, 1)
ax.tick_params(axis="x", labelcolor="red", labelsize=14)
plt.setp(ax.get_xticklabels(), rotation=45{ha})
"#
        )
    };
    let centred = chart_of(&chart_for("")).await;
    let right = chart_of(&chart_for(", ha='right'")).await;
    for (chart, at) in [(&centred, 0.5), (&right, 1.0)] {
        let bar = bounds(&chart.png, |p| near(p, [0, 0, 255])).expect("the bar");
        let label =
            bounds(&chart.png, |p| p[0] > 200 && p[1] < 80 && p[2] < 80).expect("the label");
        let tick = (bar.0 + bar.1) / 2.0;
        let point = label.0 + at * (label.1 - label.0);
        assert!(
            (point - tick).abs() < 0.02,
            "the label's box at {at} of its width stands at the tick: {label:?} {bar:?}"
        );
    }
}

#[tokio::test]
async fn a_label_placed_by_set_label_coords_stands_there_in_its_box() {
    // The y label's (red) box stands left of the axes at 0.3 of the box's width, its right edge
    // there; the label takes room in the tight layout, so the whole box is in the image.
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot([0, 1], [0, 1], color="blue")
ax.set_xlim(0, 1)
ax.set_ylabel("label", bbox=dict(facecolor="red", edgecolor="red", pad=4))
ax.yaxis.set_label_coords(-0.3, 0.5)
"#,
    )
    .await;
    let red = bounds(&chart.png, |p| near(p, [255, 0, 0])).expect("the label's box");
    let line = bounds(&chart.png, |p| near(p, [0, 0, 255])).expect("the line");
    let width = line.1 - line.0;
    let expected = line.0 - 0.3 * width;
    assert!(red.0 > 0.0, "the box is inside the image: {red:?}");
    // The text's right edge is at the point; its box reaches pad (4 pt) beyond it.
    let pad = 4.0 / 72.0 * 100.0 / 600.0;
    assert!(
        (red.1 - pad - expected).abs() < 0.01,
        "the label's right edge at -0.3 of the axes: {red:?}, line {line:?}"
    );
}

#[tokio::test]
async fn texts_outside_the_box_take_room_in_the_layout() {
    // A panel label above the box's top-left corner (axes fractions) stays whole inside the
    // image: the layout makes room for it, as matplotlib's tight layout counts every text.
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(5, 4))
ax.plot([0, 1], [0, 1])
ax.text(-0.12, 1.06, "A", transform=ax.transAxes, fontsize=28, color="red", va="bottom")
"#,
    )
    .await;
    let red = bounds(&chart.png, |p| near(p, [255, 0, 0])).expect("the label");
    assert!(red.0 > 0.0 && red.2 > 0.0, "the label is whole: {red:?}");
}

//! `Figure.subfigures` / `add_subfigure`: panels of the figure with their own background,
//! suptitle and axes laid out inside them, checked in the pixels the host draws against where
//! real matplotlib puts them.

use crate::common;
use crate::support::*;
use common::server::{client, run, stdout};

/// The x fractions of the first and last pixel of `row` (a y fraction) that are `wanted`.
fn span_x(image: &Image, y: f64, wanted: impl Fn(&[u8; 3]) -> bool) -> Option<(f64, f64)> {
    let row = (y * f64::from(image.height)) as u32;
    let hits: Vec<u32> = (0..image.width)
        .filter(|&x| wanted(&image.pixels[(row * image.width + x) as usize]))
        .collect();
    let w = f64::from(image.width);
    Some((
        f64::from(*hits.first()?) / w,
        f64::from(*hits.last()? + 1) / w,
    ))
}

/// The y fractions of the first and last pixel of `column` (an x fraction) that are `wanted`.
fn span_y(image: &Image, x: f64, wanted: impl Fn(&[u8; 3]) -> bool) -> Option<(f64, f64)> {
    let col = (x * f64::from(image.width)) as u32;
    let hits: Vec<u32> = (0..image.height)
        .filter(|&y| wanted(&image.pixels[(y * image.width + col) as usize]))
        .collect();
    let h = f64::from(image.height);
    Some((
        f64::from(*hits.first()?) / h,
        f64::from(*hits.last()? + 1) / h,
    ))
}

#[tokio::test]
async fn subfigures_are_panels_with_their_own_background_and_axes() {
    // matplotlib (constrained): the two panels reach the figure's edges with wspace / ncols
    // (0.035) between them; each one's axes stand inside it; every axes is in fig.axes.
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig = plt.figure(layout="constrained", figsize=(8, 4))
left, right = fig.subfigures(1, 2, wspace=0.07)
left.set_facecolor("0.75")
right.set_facecolor("blue")
axl = left.subplots(1, 2, sharey=True)
axr = right.subplots(2, 1)
for ax in [*axl, *axr]:
    ax.set_facecolor("red")
left.suptitle("Left")
fig.suptitle("Figure")
assert len(fig.axes) == 4 and left.axes == list(axl) and right.axes == list(axr)
"#,
    )
    .await;
    assert_eq!(chart.description["axes"].as_array().unwrap().len(), 4);
    let png = &chart.png;
    let grey = span_x(png, 0.97, |p| near(p, [191, 191, 191])).expect("the left panel");
    let blue = span_x(png, 0.97, |p| near(p, [0, 0, 255])).expect("the right panel");
    assert!(grey.0 < 0.005 && blue.1 > 0.995, "{grey:?} {blue:?}");
    let gap = blue.0 - grey.1;
    assert!((gap - 0.035).abs() < 0.01, "the gap: {gap}");
    // Both panels start below the figure's suptitle.
    let top = span_y(png, 0.25, |p| near(p, [191, 191, 191])).expect("the left panel");
    assert!(top.0 > 0.04 && top.1 > 0.995, "{top:?}");
    // The left panel's two axes stand in its half, the right one's in the other.
    let reds_in = |x: (f64, f64)| {
        png.region(x, (0.45, 0.55))
            .iter()
            .filter(|p| is_red(p))
            .count()
    };
    assert!(reds_in((0.0, 0.48)) > 0 && reds_in((0.52, 1.0)) > 0);
    let right_column = span_y(png, 0.75, is_red).expect("the right panel's axes");
    assert!(
        right_column.0 > top.0,
        "below the panel's top: {right_column:?}"
    );
}

#[tokio::test]
async fn nested_subfigures_split_their_parent_by_ratios() {
    // subfigs[0] split 1 : 3 in height: the green panel is the lower three quarters of the
    // left half (matplotlib's SubFigure bbox without a layout engine: ratios only).
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig = plt.figure(figsize=(6, 4))
subfigs = fig.subfigures(1, 2)
nest = subfigs[0].subfigures(2, 1, height_ratios=[1, 3])
nest[0].set_facecolor("red")
nest[1].set_facecolor((0, 0.5, 0))
subfigs[1].add_subplot().plot([1, 2])
"#,
    )
    .await;
    let png = &chart.png;
    let red = span_y(png, 0.25, is_red).expect("the upper nested panel");
    let green = span_y(png, 0.25, |p| near(p, [0, 128, 0])).expect("the lower one");
    assert!(red.0 < 0.005 && (red.1 - 0.25).abs() < 0.01, "{red:?}");
    assert!(
        (green.0 - 0.25).abs() < 0.01 && green.1 > 0.995,
        "{green:?}"
    );
    let width = span_x(png, 0.5, |p| near(p, [0, 128, 0])).expect("the lower one");
    assert!(width.0 < 0.005 && (width.1 - 0.5).abs() < 0.01, "{width:?}");
}

#[tokio::test]
async fn a_subfigures_fixed_grid_is_in_its_own_fractions() {
    // gridspec_kw fixes the cells by matplotlib's subplot parameters (left 0.125, right 0.9,
    // wspace 0) in the right panel's fractions: x from 0.5625 to 0.95, the two cells touching.
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig = plt.figure(figsize=(8, 4))
subfigs = fig.subfigures(1, 2)
axs = subfigs[1].subplots(1, 2, gridspec_kw=dict(wspace=0))
for ax in axs:
    ax.set_facecolor("red")
"#,
    )
    .await;
    let reds = span_x(&chart.png, 0.5, is_red).expect("red axes");
    assert!((reds.0 - 0.5625).abs() < 0.005, "{reds:?}");
    assert!((reds.1 - 0.95).abs() < 0.005, "{reds:?}");
}

#[tokio::test]
async fn add_subfigure_takes_a_gridspec_slot_and_refuses_what_it_does_not_draw() {
    let mut client = client().await;
    let events = run(
        &mut client,
        "",
        r#"
import matplotlib.pyplot as plt
fig, axs = plt.subplots(2, 3, figsize=(9, 4))
gs = axs[0, 0].get_subplotspec().get_gridspec()
for a in axs[:, 0]:
    a.remove()
sub = fig.add_subfigure(gs[:, 0])
sub.set_facecolor("red")
print(len(fig.axes), type(sub).__name__)
for call in (lambda: sub.suptitle("t", y=0.5), lambda: sub.subplots_adjust(left=0.2), lambda: sub.supylabel("y", rotation=0)):
    try:
        call()
    except NotImplementedError as e:
        print(str(e).split(" (")[0].split(":")[0])
plt.show()
"#,
    )
    .await;
    assert_eq!(
        stdout(&events),
        "4 SubFigure\nSubFigure.suptitle(y=...) is not supported in this sandbox\n\
         SubFigure.subplots_adjust is not supported in this sandbox\n\
         SubFigure.supylabel() with another rotation or alignment across its edge is not \
         supported in this sandbox\n"
    );
    let chart = charts(&events).remove(0);
    let red = span_x(&chart.png, 0.5, is_red).expect("the panel");
    assert!(red.0 < 0.005 && (red.1 - 1.0 / 3.0).abs() < 0.01, "{red:?}");
}

#[tokio::test]
async fn under_constrained_layout_a_subfigure_spans_the_boxes_of_its_grids_axes() {
    // matplotlib: the subfigure is the grid's inner cells, from the top of the first row's
    // boxes to the bottom of the last row's.
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig, axs = plt.subplots(2, 2, layout="constrained", figsize=(8, 4))
gs = axs[0, 0].get_subplotspec().get_gridspec()
for a in axs[:, 0]:
    a.remove()
for a in axs[:, 1]:
    a.set_facecolor("blue")
fig.add_subfigure(gs[:, 0]).set_facecolor("red")
"#,
    )
    .await;
    let png = &chart.png;
    let red = span_y(png, 0.25, is_red).expect("the panel");
    let blue = span_y(png, 0.75, |p| near(p, [0, 0, 255])).expect("the axes");
    assert!((red.0 - blue.0).abs() < 0.01, "{red:?} {blue:?}");
    assert!((red.1 - blue.1).abs() < 0.01, "{red:?} {blue:?}");
    assert!(red.0 > 0.02 && red.1 < 0.98, "{red:?}");
}

#[tokio::test]
async fn a_subfigures_outside_legend_takes_a_strip_of_the_panel() {
    // The legend of the right panel stands left of its axes, inside the panel (right half).
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
fig = plt.figure(layout="constrained", figsize=(8, 3))
left, right = fig.subfigures(1, 2)
left.add_subplot().plot([0, 1])
ax = right.add_subplot(facecolor="blue")
ax.plot([0, 1], color="red", linewidth=4, label="red")
right.legend(loc="outside left upper")
"#,
    )
    .await;
    let png = &chart.png;
    let blue = span_x(png, 0.6, |p| near(p, [0, 0, 255])).expect("the axes");
    let handle = (0..png.height)
        .flat_map(|y| (0..png.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            f64::from(x) / f64::from(png.width) < blue.0
                && is_red(&png.pixels[(y * png.width + x) as usize])
        })
        .map(|(x, _)| f64::from(x) / f64::from(png.width))
        .fold(None, |lo: Option<f64>, x| {
            Some(lo.map_or(x, |lo| lo.min(x)))
        });
    let handle = handle.expect("the legend's red handle left of the axes");
    assert!(handle > 0.5, "in the right panel: {handle} {blue:?}");
}

//! annotate()'s arrows, FancyArrowPatch and ConnectionPatch end to end through the gRPC API:
//! heads, brackets and shapes where matplotlib's ArrowStyle geometry puts them, on axes filling
//! the 640 x 480 figure so that data maps straight to pixels.

use crate::support::{Chart, Image, chart_of, is_red};

/// A cell drawing `body` on axes over the whole figure, x and y from 0 to 10, no frame.
async fn drawn(body: &str) -> Chart {
    chart_of(&format!(
        "import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, ConnectionPatch
fig = plt.figure(figsize=(6.4, 4.8))
ax = fig.add_axes([0, 0, 1, 1])
ax.set_xlim(0, 10)
ax.set_ylim(0, 10)
ax.set_axis_off()
{body}
plt.show()"
    ))
    .await
}

/// How many red pixels column `x` has.
fn red_in_column(image: &Image, x: usize) -> usize {
    (0..image.height as usize)
        .filter(|&y| is_red(&image.pixels[y * image.width as usize + x]))
        .count()
}

/// The first and last columns with red pixels.
fn red_columns(image: &Image) -> (usize, usize) {
    let columns: Vec<usize> = (0..image.width as usize)
        .filter(|&x| red_in_column(image, x) > 0)
        .collect();
    (columns[0], *columns.last().unwrap())
}

#[tokio::test]
async fn a_filled_head_is_as_wide_as_its_head_width_and_ends_at_the_point() {
    // From x=2 to x=8 (128 to 512 px) along y=5; head 0.4 x 40 pt long (22.2 px at 100 dpi),
    // 0.2 x 40 pt (11.1 px) to each side; the tip pulled back by half the line width over
    // sin(t) (1.55 px), as matplotlib's _get_arrow_wedge. Real matplotlib: red up to column
    // 510, 20 red pixels in column 490.
    let chart = &drawn(
        "ax.annotate('', xy=(8, 5), xytext=(2, 5), arrowprops=dict(arrowstyle='-|>', color='red',
            shrinkA=0, shrinkB=0, mutation_scale=40))",
    )
    .await;
    let image = &chart.png;
    let (first, last) = red_columns(image);
    assert!((first as f64 - 128.0).abs() <= 2.0, "{first}");
    assert!((last as f64 - 510.5).abs() <= 2.0, "{last}");
    // 20.5 px back from the tip the head is 20.5 px wide, plus its edge.
    let base = red_in_column(image, 490);
    assert!((18..=24).contains(&base), "near the head's base: {base} px");
    let shaft = red_in_column(image, 300);
    assert!((1..=3).contains(&shaft), "the shaft: {shaft} px");
}

#[tokio::test]
async fn an_open_head_and_brackets_are_lines() {
    let open = &drawn(
        "ax.annotate('', xy=(8, 5), xytext=(2, 5), arrowprops=dict(arrowstyle='->', color='red',
            shrinkA=0, shrinkB=0, mutation_scale=40))",
    )
    .await;
    // Two wings and the line, not a filled triangle.
    let wings = red_in_column(&open.png, 492);
    assert!((2..=10).contains(&wings), "{wings}");
    let brackets = &drawn(
        "ax.add_patch(FancyArrowPatch((2, 5), (8, 5), arrowstyle=']-[', color='red', mutation_scale=20,
            shrinkA=0, shrinkB=0))",
    )
    .await;
    // A bracket 1.0 x 20 pt to each side (55.6 px in all) across each end, its arms 0.2 x 20 pt
    // (5.6 px) outwards: real matplotlib has red from column 122 to 518, 57 pixels at 128 and 512.
    let (first, last) = red_columns(&brackets.png);
    assert!((first as f64 - 122.0).abs() <= 2.0 && (last as f64 - 518.0).abs() <= 2.0);
    for x in [128, 512] {
        let across = red_in_column(&brackets.png, x);
        assert!((53..=60).contains(&across), "{x}: {across}");
    }
}

#[tokio::test]
async fn a_simple_arrow_is_a_filled_shape_with_a_curved_connection() {
    let straight =
        &drawn("ax.add_patch(FancyArrowPatch((2, 5), (8, 5), mutation_scale=50, color='red'))")
            .await;
    // The tail 0.2 x 50 pt wide (13.9 px), the head 0.5 x 50 pt wide (34.7 px); real
    // matplotlib: 14 and 36 red pixels.
    let tail = red_in_column(&straight.png, 300);
    assert!((12..=17).contains(&tail), "{tail}");
    let head = (440..512)
        .map(|x| red_in_column(&straight.png, x))
        .max()
        .unwrap();
    assert!((32..=38).contains(&head), "{head}");
    let description = &straight.description["axes"][0]["series"][0];
    assert_eq!(
        (
            &description["type"],
            &description["from"],
            &description["to"]
        ),
        (
            &"arrow".into(),
            &serde_json::json!([2.0, 5.0]),
            &serde_json::json!([8.0, 5.0])
        )
    );
    // rad=0.5 bends the path to the right of the way: below the line for a rightward arrow.
    let bent = &drawn(
        "ax.add_patch(FancyArrowPatch((2, 5), (8, 5), connectionstyle='arc3,rad=0.5',
            arrowstyle='-', color='red', lw=2))",
    )
    .await;
    let width = bent.png.width as usize;
    let lowest = (0..bent.png.height as usize)
        .rev()
        .find(|&y| (0..width).any(|x| is_red(&bent.png.pixels[y * width + x])))
        .unwrap();
    // The curve's middle: halfway to its control point 0.5 x 384 px below the line at 240 px
    // (real matplotlib's lowest red row: 336).
    assert!((lowest as f64 - (240.0 + 96.0)).abs() <= 3.0, "{lowest}");
}

#[tokio::test]
async fn a_connection_patch_joins_points_of_two_axes() {
    let chart = &chart_of(
        "import matplotlib.pyplot as plt
from matplotlib.patches import ConnectionPatch
fig = plt.figure(figsize=(6.4, 4.8))
ax1 = fig.add_axes([0, 0, 0.4, 1])
ax2 = fig.add_axes([0.6, 0, 0.4, 1])
for ax in (ax1, ax2):
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
con = ConnectionPatch(xyA=(0.5, 0.5), coordsA=ax2.transData, xyB=(0.5, 0.5), coordsB=ax1.transData,
                      color='red', linewidth=4)
ax2.add_artist(con)
plt.show()",
    )
    .await;
    // From the middle of the left axes (128 px) to the middle of the right one (512 px),
    // across the gap between them.
    let (first, last) = red_columns(&chart.png);
    assert!((first as f64 - 128.0).abs() <= 4.0, "{first}");
    assert!((last as f64 - 512.0).abs() <= 4.0, "{last}");
    assert!(red_in_column(&chart.png, 320) >= 4);
}

#[tokio::test]
async fn an_annotation_of_a_point_outside_the_axes_is_not_drawn() {
    // matplotlib's annotation_clip: by default (data coordinates) drawn only while xy is inside.
    let body = "ax.annotate('X', (20, 5), xytext=(5, 5), color='red', fontsize=30, \
                arrowprops=dict(arrowstyle='->', color='red')CLIP)";
    let hidden = &drawn(&body.replace("CLIP", "")).await;
    assert_eq!(hidden.png.pixels.iter().filter(|p| is_red(p)).count(), 0);
    let shown = &drawn(&body.replace("CLIP", ", annotation_clip=False")).await;
    assert!(shown.png.pixels.iter().filter(|p| is_red(p)).count() > 100);
}

//! quiver(), quiverkey(), EllipseCollection and Arc end to end through the gRPC API: the arrows'
//! size against matplotlib's Quiver geometry (arrow length `|uv| / (scale * width)` widths, in
//! units of the axes' width), the description, and shapes drawn where matplotlib draws them.

use crate::support::{chart_of, is_dark, is_red};

#[tokio::test]
async fn a_quiver_arrow_spans_its_share_of_the_axes_width() {
    let chart = &chart_of(
        "import matplotlib.pyplot as plt
fig, ax = plt.subplots()
q = ax.quiver([0], [0], [1], [0], color='red', units='width', width=0.02, scale=2)
ax.quiverkey(q, 0.2, 0.9, 1, 'one', labelpos='E', coordinates='figure')
ax.set_xlim(-1, 1)
ax.set_ylim(-1, 1)
plt.show()",
    )
    .await;
    let series = chart.description["axes"][0]["series"].as_array().unwrap();
    let arrows: Vec<u64> = series
        .iter()
        .filter(|s| s["type"] == "quiver")
        .map(|s| s["arrows"].as_u64().unwrap())
        .collect();
    assert_eq!(arrows, [1, 1], "the field and the key");
    // The arrow is 1 / (2 * 0.02) = 25 widths of 0.02 axes widths long: from the centre of
    // the box to its right edge, as matplotlib draws it.
    let image = &chart.png;
    let width = image.width as usize;
    let row = |y: usize| &image.pixels[y * width..(y + 1) * width];
    let middle = (0..image.height as usize)
        .filter(|&y| row(y).iter().filter(|p| is_red(p)).count() > 50)
        .max_by_key(|&y| row(y).iter().filter(|p| is_red(p)).count())
        .expect("a red arrow");
    let reds: Vec<usize> = (0..width).filter(|&x| is_red(&row(middle)[x])).collect();
    // The spines: the columns with the most dark pixels in each half of the image.
    let dark_in_column = |x: usize| {
        (0..image.height as usize)
            .filter(|&y| is_dark(&row(y)[x]))
            .count()
    };
    let spine = |columns: std::ops::Range<usize>| {
        columns.max_by_key(|&x| dark_in_column(x)).unwrap() as f64
    };
    let (left, right) = (spine(0..width / 2), spine(width / 2..width));
    let (start, end) = (reds[0] as f64, *reds.last().unwrap() as f64);
    assert!(
        (start - (left + right) / 2.0).abs() <= 2.0,
        "{start} {left} {right}"
    );
    assert!((end - right).abs() <= 2.0, "{end} {right}");
}

#[tokio::test]
async fn an_ellipse_collection_is_drawn_at_its_offsets() {
    let chart = &chart_of(
        "import numpy as np, matplotlib.pyplot as plt
from matplotlib.collections import EllipseCollection
X, Y = np.meshgrid(np.arange(10), np.arange(15))
fig, ax = plt.subplots()
ec = EllipseCollection(X / 10.0, Y / 15.0, X * 9, units='x', offsets=np.column_stack((X.ravel(), Y.ravel())),
                       offset_transform=ax.transData, facecolors='red')
ax.add_collection(ec)
ax.autoscale_view()
plt.show()",
    )
    .await;
    let axes = &chart.description["axes"][0];
    let series = &axes["series"][0];
    assert_eq!(
        (&series["type"], &series["arrows"]),
        (&"ellipse_collection".into(), &150.into())
    );
    // matplotlib: the offsets with 5% margins, (-0.45, 9.45) and (-0.7, 14.7)
    assert_eq!(axes["xlim"], serde_json::json!([-0.45, 9.45]));
    let reds = chart.png.pixels.iter().filter(|p| is_red(p)).count();
    assert!(reds > 1000, "{reds} red pixels");
}

#[tokio::test]
async fn an_arc_is_an_open_curve() {
    let image = &chart_of(
        "import matplotlib.pyplot as plt
from matplotlib.patches import Arc
fig, ax = plt.subplots()
ax.add_patch(Arc((0, 0), 2, 2, theta1=0, theta2=180, color='red', lw=2))
ax.set_xlim(-1.5, 1.5)
ax.set_ylim(-1.5, 1.5)
plt.show()",
    )
    .await
    .png;
    let width = image.width as usize;
    let red_rows: Vec<usize> = (0..image.height as usize)
        .filter(|&y| (0..width).any(|x| is_red(&image.pixels[y * width + x])))
        .collect();
    let (top, bottom) = (red_rows[0], *red_rows.last().unwrap());
    // The upper half circle: rows from its top down to its ends at the centre line, and no chord
    // along that line (an Arc is never closed or filled).
    assert!(bottom - top > 100, "{top}..{bottom}");
    let base = bottom - 2;
    let reds_on_base = (0..width)
        .filter(|&x| is_red(&image.pixels[base * width + x]))
        .count();
    assert!(
        reds_on_base < 20,
        "{reds_on_base} red pixels on the centre line"
    );
}

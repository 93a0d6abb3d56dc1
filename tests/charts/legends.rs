//! Legends: one kept with add_artist() is drawn beside the axes' next one.

use crate::common::server::client;
use crate::support::{charts, run_ok};

#[tokio::test]
async fn a_legend_kept_with_add_artist_is_drawn_beside_the_next() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(4, 4))
a, = ax.plot([0, 1], [0, 0], color="black", lw=4)
b, = ax.plot([0, 1], [1, 1], color="black", lw=4)
first = ax.legend([a], ["a"], loc="upper left")
ax.add_artist(first)
ax.legend([b], ["b"], loc="lower right")
ax.set_ylim(-5, 6)
"#;
    let events = run_ok(&mut client, "", code).await;
    let chart = &charts(&events)[0];
    let dark = |x, y| chart.png.dark_in(x, y);
    // Both legends' thick black handles: one near the top left, one near the bottom right.
    assert!(dark((0.15, 0.4), (0.05, 0.2)) > 20);
    assert!(dark((0.6, 0.95), (0.75, 0.9)) > 20);
}

/// The columns of `png` where a dark vertical line runs over half its height.
fn dark_columns(png: &crate::support::Image) -> Vec<u32> {
    (0..png.width)
        .filter(|&x| {
            let dark = (0..png.height)
                .filter(|&y| crate::support::is_dark(&png.pixels[(y * png.width + x) as usize]))
                .count();
            dark as u32 > png.height / 2
        })
        .collect()
}

/// The x pixel coordinates of the red pixels of `png`.
fn red_columns(png: &crate::support::Image) -> Vec<u32> {
    (0..png.width * png.height)
        .filter(|&i| crate::support::is_red(&png.pixels[i as usize]))
        .map(|i| i % png.width)
        .collect()
}

#[tokio::test]
async fn a_legend_anchored_outside_stands_right_of_the_axes_inside_the_image() {
    let code = r#"
import matplotlib.pyplot as plt
from matplotlib.patches import Patch
fig, ax = plt.subplots(figsize=(5, 3))
ax.plot([0, 1], [0, 1], color="black")
ax.legend(handles=[Patch(color="red", label="a long legend label")], bbox_to_anchor=(1.05, 1),
          loc="upper left")
"#;
    let chart = crate::support::chart_of(code).await;
    let png = &chart.png;
    let spines = dark_columns(png);
    let right_spine = *spines.last().expect("the axes' right spine");
    let red = red_columns(png);
    assert!(red.len() > 50, "the legend's handle is drawn");
    // matplotlib: the legend's left edge at 1.05 of the axes width plus borderaxespad.
    assert!(
        red.iter().all(|&x| x > right_spine + 5),
        "{right_spine} {red:?}"
    );
    assert!(*red.iter().max().unwrap() < png.width - 20);
}

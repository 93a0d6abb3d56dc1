//! How lines join their segments and how markers are shaped and filled, as matplotlib draws them.

use crate::support::*;

/// Whether the pixel at (x, y) of `png` is red.
fn red_at(png: &Image, x: u32, y: u32) -> bool {
    is_red(&png.pixels[(y * png.width + x) as usize])
}

#[tokio::test]
async fn line_joins_follow_their_join_style() {
    // Three 20 pt (27.8 px) lines turning down at a right angle; the corners at
    // x = 1.5, 3.5, 5.5 (pixels 160, 373.3, 586.7), y = 2 (pixel 240).
    let chart = chart_of(
        "import matplotlib.pyplot as plt\n\
         fig = plt.figure()\n\
         ax = fig.add_axes([0, 0, 1, 1])\n\
         for x, join in [(0.5, 'miter'), (2.5, 'round'), (4.5, 'bevel')]:\n\
         \x20   ax.plot([x, x + 1, x + 1], [2, 2, 1], lw=20, color='red', solid_joinstyle=join)\n\
         ax.set(xlim=(0, 6), ylim=(0, 4))\n\
         ax.set_axis_off()\n\
         plt.show()\n",
    )
    .await;
    let png = &chart.png;
    // Outside the corner: 11 px right and 12 px up only a miter reaches (the
    // round join's radius is 13.9 px); 8 px right and up the round one too,
    // but not the bevel (its cut lies 13.9 / sqrt(2) = 9.8 px out).
    let corners = [160, 373, 587];
    let far: Vec<bool> = corners.iter().map(|&x| red_at(png, x + 11, 228)).collect();
    let near: Vec<bool> = corners.iter().map(|&x| red_at(png, x + 8, 232)).collect();
    assert_eq!(far, [true, false, false], "11 px out");
    assert_eq!(near, [true, true, false], "8 px out");
    // The SVG's polylines carry the same joins.
    for join in ["miter", "round", "bevel"] {
        assert!(
            chart.svg.contains(&format!("stroke-linejoin=\"{join}\"")),
            "{join} in the SVG"
        );
    }
}

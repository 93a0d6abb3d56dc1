//! How lines join their segments and how markers are shaped and filled, as matplotlib draws them.

use crate::support::*;

/// Whether the pixel at (x, y) of `png` is red.
fn red_at(png: &Image, x: u32, y: u32) -> bool {
    is_red(&png.pixel(x, y))
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

#[tokio::test]
async fn half_filled_markers_take_both_face_colours() {
    // A 100 pt square marker filled red at the bottom and blue at the top
    // (matplotlib's fillstyle='bottom' with markerfacecoloralt), at the centre
    // of a 640 x 480 figure: its half side is 69.4 px.
    let chart = chart_of(
        "import matplotlib.pyplot as plt\n\
         fig = plt.figure()\n\
         ax = fig.add_axes([0, 0, 1, 1])\n\
         ax.plot([0], [0], marker='s', markersize=100, fillstyle='bottom', mfc='red',\n\
         \x20       mfcalt='blue', mec='none')\n\
         ax.set(xlim=(-1, 1), ylim=(-1, 1))\n\
         ax.set_axis_off()\n\
         plt.show()\n",
    )
    .await;
    let png = &chart.png;
    let pixel = |x: u32, y: u32| png.pixels[(y * png.width + x) as usize];
    assert!(red_at(png, 320, 300), "the bottom half is red");
    let blue = pixel(320, 180);
    assert!(
        blue[2] > 200 && blue[0] < 60,
        "the top half is blue: {blue:?}"
    );
    // Both halves reach matplotlib's size (one marker size a side), no further.
    assert!(red_at(png, 320 - 66, 306) && red_at(png, 320 + 66, 306));
    assert!(is_background(&pixel(320 - 73, 306)) && is_background(&pixel(320, 240 + 73)));
}

#[tokio::test]
async fn polar_error_bars_draw_each_cap_as_its_own_line() {
    let chart = chart_of(
        "import numpy as np\n\
         import matplotlib.pyplot as plt\n\
         ax = plt.subplot(projection='polar')\n\
         theta = np.arange(0, 2 * np.pi, np.pi / 4)\n\
         ax.errorbar(theta, theta / np.pi / 2 + 0.5, xerr=0.25, yerr=0.1, capsize=7, fmt='o')\n\
         plt.show()\n",
    )
    .await;
    let series = chart.description["axes"][0]["series"]
        .as_array()
        .expect("series");
    let kinds: Vec<&str> = series.iter().filter_map(|s| s["type"].as_str()).collect();
    // The data line, the two bar collections, then 8 points x 4 caps.
    assert_eq!(kinds.len(), 35, "{kinds:?}");
    assert_eq!(kinds[1..3], ["line_collection", "line_collection"]);
    assert!(kinds[3..].iter().all(|&k| k == "line"));
    assert_eq!(series[3]["points"], serde_json::json!([[-0.25, 0.5]]));
}

#[tokio::test]
async fn marker_outlines_join_by_the_markers_join_style() {
    // A 100 pt square marker with a 20 pt red edge at the centre of a 640 x 480
    // figure: matplotlib mitres its corners, all four alike, out to
    // 69.4 + 13.9 = 83.3 px from the centre on both axes.
    let chart = chart_of(
        "import matplotlib.pyplot as plt\n\
         fig = plt.figure()\n\
         ax = fig.add_axes([0, 0, 1, 1])\n\
         ax.plot([0], [0], marker='s', markersize=100, mew=20, mfc='white', mec='red')\n\
         ax.set(xlim=(-1, 1), ylim=(-1, 1))\n\
         ax.set_axis_off()\n\
         plt.show()\n",
    )
    .await;
    let png = &chart.png;
    for (x, y) in [(401, 159), (239, 159), (239, 321), (401, 321)] {
        assert!(red_at(png, x, y), "the corner near ({x}, {y}) is mitred");
    }
    assert!(!red_at(png, 406, 154), "no further than the mitre");
}

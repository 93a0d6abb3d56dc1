//! tripcolor() and streamplot() end to end through the gRPC API: a triangular mesh's triangles
//! (flat and gouraud) and streamlines with their FancyArrowPatch arrows, drawn where matplotlib
//! draws them.

use crate::support::{chart_of, is_red};

fn is_blue(p: &[u8; 3]) -> bool {
    p[2] > 200 && p[0] < 60 && p[1] < 60
}

#[tokio::test]
async fn tripcolor_fills_each_triangle_in_its_colour() {
    let chart = &chart_of(
        "import matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
fig, ax = plt.subplots()
ax.tripcolor([0, 1, 0, 1.2], [0, 0, 1, 1.1], [[0, 1, 2], [2, 1, 3]], facecolors=[0.0, 1.0],
             cmap=ListedColormap(['red', 'blue']))
plt.show()",
    )
    .await;
    let image = &chart.description["axes"][0]["series"][0];
    assert_eq!(image["type"], "tripcolor");
    assert_eq!(image["shape"], serde_json::json!([1, 2]));
    // The lower left triangle is red, the upper right one blue; nothing outside them.
    let png = &chart.png;
    let reds = png.region((0.15, 0.35), (0.6, 0.85));
    let blues = png.region((0.6, 0.85), (0.15, 0.35));
    assert!(reds.iter().all(is_red), "lower left");
    assert!(blues.iter().all(is_blue), "upper right");
}

#[tokio::test]
async fn gouraud_tripcolor_shades_between_the_points() {
    let chart = &chart_of(
        "import matplotlib.pyplot as plt
from matplotlib.colors import LinearSegmentedColormap
fig, ax = plt.subplots()
ax.tripcolor([0, 1, 0], [0, 0, 1], [[0, 1, 2]], [0.0, 1.0, 0.0], shading='gouraud',
             cmap=LinearSegmentedColormap.from_list('rb', ['red', 'blue']))
plt.show()",
    )
    .await;
    let png = &chart.png;
    // Red at the left corners, blue towards the right one, purple between.
    assert!(png.region((0.15, 0.2), (0.75, 0.8)).iter().all(is_red));
    assert!(png.region((0.8, 0.84), (0.82, 0.85)).iter().all(is_blue));
    let mixed = png
        .region((0.4, 0.5), (0.7, 0.8))
        .iter()
        .filter(|p| p[0] > 60 && p[2] > 60 && p[1] < 40)
        .count();
    assert!(mixed > 100, "{mixed} purple pixels");
}

#[tokio::test]
async fn streamplot_draws_lines_and_arrows() {
    let chart = &chart_of(
        "import numpy as np, matplotlib.pyplot as plt
Y, X = np.mgrid[-1:1:20j, -1:1:20j]
fig, ax = plt.subplots()
s = ax.streamplot(X, Y, np.ones_like(X), np.zeros_like(X), color='red', density=0.3)
plt.show()",
    )
    .await;
    let axes = &chart.description["axes"][0];
    let series = axes["series"].as_array().unwrap();
    let arrows = series
        .iter()
        .find(|s| s["type"] == "stream_arrows")
        .expect("the arrows");
    // matplotlib: 9 horizontal streamlines; the view the grid along x, but the arrows of the top
    // and bottom ones widen the data limits (by 2 pixels of the view before layout) past the
    // grid's sticky edges, so y gets margins: ax.get_ylim() == (-1.10595..., 1.10595...)
    assert_eq!(arrows["arrows"], 9);
    assert_eq!(axes["xlim"], serde_json::json!([-1.0, 1.0]));
    let top = axes["ylim"][1].as_f64().unwrap();
    assert!((top - 1.105_952_380_952_381).abs() < 1e-9, "{top}");
    // Each arrow's head (4 points long, 2 points either side) is wider than its line: the columns
    // through the heads hold more red pixels than the others.
    let png = &chart.png;
    let height = png.height as usize;
    let reds = |x: usize| {
        (height / 10..height * 9 / 10)
            .filter(|&y| is_red(&png.pixels[y * png.width as usize + x]))
            .count()
    };
    let columns: Vec<usize> = (0..png.width as usize).map(reds).collect();
    let line = columns[png.width as usize / 4];
    let heads = columns.iter().filter(|&&c| c > line + 5).count();
    assert!(
        (3..=10).contains(&heads),
        "{heads} head columns, {line} red pixels per line column"
    );
}

#[tokio::test]
async fn gouraud_pcolormesh_leaves_out_the_quads_of_masked_points() {
    let chart = &chart_of(
        "import numpy as np, matplotlib.pyplot as plt
from matplotlib.colors import ListedColormap
Z = np.ma.masked_array(np.zeros((3, 3)), mask=[[0, 0, 0], [0, 0, 0], [0, 0, 1]])
fig, ax = plt.subplots()
ax.pcolormesh(np.arange(3.0), np.arange(3.0), Z, shading='gouraud', cmap=ListedColormap(['red']))
plt.show()",
    )
    .await;
    // matplotlib draws the three quads without the masked corner (2, 2): the upper right one
    // stays white, the others red.
    let png = &chart.png;
    assert!(
        png.region((0.25, 0.45), (0.55, 0.8)).iter().all(is_red),
        "lower left"
    );
    assert!(
        png.region((0.6, 0.8), (0.2, 0.4))
            .iter()
            .all(|p| p.iter().all(|c| *c > 245)),
        "upper right"
    );
}

#[tokio::test]
async fn figimage_lands_on_the_figures_own_pixels() {
    let chart = &chart_of(
        "import numpy as np, matplotlib.pyplot as plt
fig = plt.figure(figsize=(1, 1), dpi=100)
fig.figimage(np.tile([1.0, 0.0, 0.0], (10, 10, 1)), xo=5, yo=7)
plt.show()",
    )
    .await;
    let png = &chart.png;
    let at = |x: usize, y: usize| png.pixels[y * png.width as usize + x];
    // 10 x 10 red pixels whose lower left corner is 5 right of and 7 above the figure's.
    assert_eq!((png.width, png.height), (100, 100));
    assert!((83..93).all(|y| (5..15).all(|x| is_red(&at(x, y)))));
    assert!(
        !is_red(&at(4, 88)) && !is_red(&at(15, 88)) && !is_red(&at(10, 93)) && !is_red(&at(10, 82))
    );
}

//! imshow() images resampled to the figure's pixels, against what matplotlib 3.10 (Agg) draws for
//! the same figure (pixel values read from its canvas).

use crate::common;
use crate::support::{chart_of, charts, run_ok};

use common::server::client;

/// Asserts the PNG's pixel at `(x, y)` is the grey `want` (within 3: the sandbox's colormap
/// bytes are rounded where matplotlib truncates).
fn assert_grey(png: &crate::support::Image, (x, y): (u32, u32), want: u8) {
    let got = png.pixels[(y * png.width + x) as usize];
    assert!(
        got.iter().all(|&c| c.abs_diff(want) <= 3),
        "pixel ({x}, {y}): {got:?}, matplotlib draws {want}"
    );
}

#[tokio::test]
async fn interpolated_images_match_matplotlibs_pixels() {
    let mut client = client().await;
    let code = r#"
import numpy as np
import matplotlib.pyplot as plt
def figure(data, interpolation):
    fig = plt.figure(figsize=(4, 3), dpi=100)
    ax = fig.add_axes([0.1, 0.1, 0.8, 0.8])
    ax.imshow(data, cmap="gray", interpolation=interpolation)
    ax.set_axis_off()
    plt.show()
figure([[0.0, 1.0, 0.5], [1.0, 0.0, 0.25]], "bilinear")
figure(np.ma.masked_invalid([[np.nan, 1.0, 0.5, 0.0, 0.2, 0.9], [1.0, 0.0, 0.25, 0.5, 1.0, 0.0]]), "bilinear")
"#;
    let events = run_ok(&mut client, "", code).await;
    let charts = charts(&events);
    // An upsampled 2 x 3 image: resampled numbers, then coloured.
    let png = &charts[0].png;
    for (at, want) in [
        ((60, 100), 11),
        ((120, 100), 71),
        ((200, 150), 125),
        ((300, 200), 62),
        ((250, 120), 157),
        ((345, 60), 128),
    ] {
        assert_grey(png, at, want);
    }
    // A missing number: the output pixels whose kernel reaches it take the bad colour
    // (transparent over white).
    let png = &charts[1].png;
    for (at, want) in [
        ((45, 130), 255),
        ((100, 130), 255),
        ((160, 150), 101),
        ((250, 120), 23),
        ((345, 170), 24),
        ((200, 165), 89),
    ] {
        assert_grey(png, at, want);
    }
    // SVG embeds the resampled pixels as one image.
    assert_eq!(charts[0].svg.matches("<image ").count(), 1);
    assert!(charts[0].svg.contains("data:image/png;base64,"));
}

#[tokio::test]
async fn rgb_images_describe_their_depth() {
    let code = r#"
import numpy as np
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.imshow(np.full((4, 5, 3), 70, dtype=np.uint8))
ax.imshow(np.random.default_rng(0).random((4, 5)), alpha=0.5, interpolation="spline36")
"#;
    let series = &chart_of(code).await.description["axes"][0]["series"];
    assert_eq!(series[0]["shape"], serde_json::json!([4, 5, 3]));
    assert_eq!(series[1]["shape"], serde_json::json!([4, 5]));
}

#[tokio::test]
async fn gouraud_pcolormesh_shades_between_the_points_as_matplotlib() {
    let code = r#"
import numpy as np
import matplotlib.pyplot as plt
Z = np.random.default_rng(3).random((5, 7))
fig = plt.figure(figsize=(4, 3), dpi=100)
ax = fig.add_axes([0.1, 0.1, 0.8, 0.8])
ax.pcolormesh(np.arange(7), np.arange(5) * 1.5, Z, shading='gouraud', vmin=0, vmax=1)
ax.set_axis_off()
"#;
    let chart = &chart_of(code).await;
    assert_eq!(
        chart.description["axes"][0]["series"][0]["shape"],
        serde_json::json!([5, 7])
    );
    let png = &chart.png;
    // matplotlib 3.10.8's pixels (its colormap bytes are truncated, the sandbox's rounded).
    for ((x, y), want) in [
        ((100, 120), [128, 153, 90]),
        ((200, 150), [47, 179, 123]),
        ((300, 180), [46, 117, 140]),
        ((150, 200), [67, 56, 124]),
    ] {
        let got = png.pixels[(y * png.width + x) as usize];
        assert!(
            got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 4),
            "pixel ({x}, {y}): {got:?}, matplotlib draws {want:?}"
        );
    }
}

#[tokio::test]
async fn an_image_clipped_to_a_circle_shows_only_inside_it() {
    let code = r#"
import numpy as np
import matplotlib.pyplot as plt
from matplotlib.patches import Circle
fig = plt.figure(figsize=(4, 3), dpi=100)
ax = fig.add_axes([0.1, 0.1, 0.8, 0.8])
circle = Circle((0, 0), 1, facecolor='none', edgecolor='none')
ax.add_patch(circle)
im = ax.imshow(np.zeros((30, 30)), interpolation='spline36', cmap='gray', extent=[-1, 1, -1, 1])
im.set_clip_path(circle)
ax.set_axis_off()
"#;
    let png = &chart_of(code).await.png;
    // The image spans x 80..320 and y 30..270; the circle inside it.
    assert_grey(png, (200, 150), 0);
    assert_grey(png, (85, 35), 255);
    assert_grey(png, (315, 265), 255);
}

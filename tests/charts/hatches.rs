//! Hatches, carets and side titles: drawn where matplotlib draws them.

use crate::common::server::client;
use crate::support::{charts, is_dark, run_ok};

#[tokio::test]
async fn a_hatched_rectangle_is_lined_inside_only() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle
fig, ax = plt.subplots(figsize=(4, 4))
ax.add_patch(Rectangle((0.25, 0.25), 0.5, 0.5, fill=False, hatch="/", linewidth=0))
ax.set_xlim(0, 1)
ax.set_ylim(0, 1)
ax.set_title("hatched", loc="left")
ax.errorbar([0.5], [0.1], yerr=0.05, lolims=True)
"#;
    let events = run_ok(&mut client, "", code).await;
    let chart = &charts(&events)[0];
    // Inside the rectangle: diagonal lines, 6 per inch (about 13 dark pixels a row at 100 dpi);
    // well outside it: none.
    let inside = chart.png.region((0.4, 0.6), (0.4, 0.6));
    let dark = inside.iter().filter(|p| is_dark(p)).count();
    assert!(
        dark > 100 && dark < inside.len() / 3,
        "{dark} dark of {}",
        inside.len()
    );
    assert_eq!(chart.png.dark_in((0.2, 0.3), (0.2, 0.3)), 0);
    let series = chart.description["axes"][0]["series"].as_array().unwrap();
    // matplotlib: the data line, then the caret at the bar's upper end.
    let lines: Vec<_> = series.iter().filter(|s| s["type"] == "line").collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[1]["points"],
        serde_json::json!([[0.5, 0.15000000000000002]])
    );
}

#[tokio::test]
async fn pie_wedges_take_hatches_and_shadows() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
fig, axs = plt.subplots(1, 2, figsize=(8, 4))
axs[0].pie([1, 1], colors=["white", "white"], hatch=["-", None])
axs[1].pie([1], colors=["white"], shadow={"ox": -0.2, "oy": -0.2, "edgecolor": "none", "shade": 1})
"#;
    let events = run_ok(&mut client, "", code).await;
    let chart = &charts(&events)[0];
    let dark = |x, y| chart.png.dark_in(x, y);
    // Left pie: the first wedge (the upper half, anticlockwise from 0 degrees) is hatched with
    // horizontal lines, the lower half is not.
    assert!(dark((0.2, 0.3), (0.25, 0.4)) > 50);
    assert_eq!(dark((0.2, 0.3), (0.6, 0.75)), 0);
    // Right pie: a black shadow (half transparent: grey) moved 0.2 * dpi / 72 data units down
    // and left, showing beyond the white disc there only.
    let description = &chart.description["axes"][1]["series"][0];
    assert_eq!(description["type"], "pie");
    let grey = |x: (f64, f64), y: (f64, f64)| {
        let region = chart.png.region(x, y);
        region
            .iter()
            .filter(|p| p.iter().all(|c| (100..200).contains(c)))
            .count()
    };
    assert!(grey((0.52, 0.6), (0.6, 0.8)) > 100);
    assert_eq!(grey((0.8, 0.95), (0.1, 0.25)), 0);
}

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
    let outside = chart.png.region((0.2, 0.3), (0.2, 0.3));
    assert_eq!(outside.iter().filter(|p| is_dark(p)).count(), 0);
    let series = chart.description["axes"][0]["series"].as_array().unwrap();
    // matplotlib: the data line, then the caret at the bar's upper end.
    let lines: Vec<_> = series.iter().filter(|s| s["type"] == "line").collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[1]["points"],
        serde_json::json!([[0.5, 0.15000000000000002]])
    );
}

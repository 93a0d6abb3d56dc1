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

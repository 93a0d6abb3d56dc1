//! Path effects on lines: matplotlib's TickedStroke ticks on the left of the
//! line's direction, Stroke under the line.

use crate::common::server::client;
use crate::support::{charts, run_ok};

#[tokio::test]
async fn ticked_strokes_tick_the_left_side_only() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
from matplotlib import patheffects
fig, axs = plt.subplots(1, 2, figsize=(8, 4))
for ax, effects in zip(axs, [[patheffects.withTickedStroke(angle=90, spacing=10, length=2)], []]):
    ax.plot([0, 1], [0.5, 0.5], color="black", path_effects=effects)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
"#;
    let events = run_ok(&mut client, "", code).await;
    let chart = &charts(&events)[0];
    let dark = |x, y| chart.png.dark_in(x, y);
    // Left axes: 20-point ticks straight up from the line (about 28 pixels at 100 dpi), every
    // 10 points; none below. Right axes: the same line without effects, nothing above.
    // (The line runs about 47% of the way down.)
    let above = dark((0.2, 0.4), (0.41, 0.45));
    assert!(above > 20, "{above} dark pixels above the ticked line");
    assert_eq!(dark((0.2, 0.4), (0.49, 0.53)), 0);
    assert_eq!(dark((0.62, 0.82), (0.41, 0.45)), 0);
    let series = chart.description["axes"][0]["series"].as_array().unwrap();
    assert_eq!(series[0]["type"], "line");
}

#[tokio::test]
async fn effects_on_markers_and_other_artists_are_refused() {
    let mut client = client().await;
    let code = r#"
import matplotlib.pyplot as plt
from matplotlib import patheffects
plt.plot([0, 1], [0, 1], "o-", path_effects=[patheffects.withStroke(linewidth=4, foreground="w")])
try:
    plt.show()
except NotImplementedError as e:
    print("refused:", e)
try:
    patheffects.SimpleLineShadow()
except NotImplementedError as e:
    print("refused:", e)
"#;
    let events = run_ok(&mut client, "", code).await;
    let out = crate::common::server::stdout(&events);
    assert_eq!(out.matches("refused:").count(), 2, "{out}");
}

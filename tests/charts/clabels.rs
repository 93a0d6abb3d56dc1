//! Contour labels (clabel) end to end through the gRPC API: the labels' texts, positions and
//! angles against real matplotlib 3.10.8's on the same input (pasted), and their texts drawn.

use crate::common;
use crate::support::run_ok;

use common::server::{chart_descriptions, client, stdout};

#[tokio::test]
async fn clabel_places_labels_where_matplotlib_does() {
    let mut client = client().await;
    let events = run_ok(
        &mut client,
        "",
        "import numpy as np, matplotlib.pyplot as plt
x = np.arange(-3.0, 3.0, 0.025); y = np.arange(-2.0, 2.0, 0.025)
X, Y = np.meshgrid(x, y)
Z = (np.exp(-X**2 - Y**2) - np.exp(-(X - 1)**2 - (Y - 1)**2)) * 2
fig, ax = plt.subplots()
CS = ax.contour(X, Y, Z)
labels = ax.clabel(CS, fontsize=9)
print([(t.get_text(), round(float(t.get_position()[0]), 9), round(float(t.get_position()[1]), 9),
        round(t.get_rotation() % 360, 6)) for t in labels])
plt.show()",
    )
    .await;
    // matplotlib: the same list (ContourLabeler's locate_label and rotation)
    assert_eq!(
        stdout(&events),
        "[('−1.5', 0.925, 0.826179234, 319.47456), ('−1.0', 1.425, 1.705916969, 326.552089), \
         ('−0.5', 0.383948906, 0.85, 305.231409), ('0.0', 0.6, 0.4, 311.758134), \
         ('0.5', 0.075, 0.673263431, 320.936081), ('1.0', 0.3, 0.259765615, 310.630255), \
         ('1.5', -0.425, -0.269495629, 298.336946)]\n"
    );
    let figure = &chart_descriptions(&events)[0];
    let texts: Vec<&str> = figure["axes"][0]["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["type"] == "text")
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["−1.5", "−1.0", "−0.5", "0.0", "0.5", "1.0", "1.5"]);
}

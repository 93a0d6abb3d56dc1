//! Minor ticks end to end: matplotlib's AutoMinorLocator run by the host on its own major ticks,
//! a guest locator's positions beside them, counted in the pixels the host draws.

use crate::support::*;

/// How many separate runs of pixels `wanted` the row (or column) at `at` holds.
fn runs(image: &Image, at: u32, horizontal: bool, wanted: impl Fn(&[u8; 3]) -> bool) -> usize {
    let length = if horizontal {
        image.width
    } else {
        image.height
    };
    let hit = |i: u32| {
        let (x, y) = if horizontal { (i, at) } else { (at, i) };
        wanted(&image.pixel(x, y))
    };
    (0..length)
        .filter(|&i| hit(i) && (i == 0 || !hit(i - 1)))
        .count()
}

fn red(p: &[u8; 3]) -> bool {
    p[0] > 180 && p[1] < 90 && p[2] < 90
}

fn blue(p: &[u8; 3]) -> bool {
    p[2] > 180 && p[0] < 90 && p[1] < 90
}

#[tokio::test]
async fn minor_ticks_stand_between_the_hosts_major_ticks() {
    // x: AutoMinorLocator(2) halves each major step, whatever step the host picks; y: every
    // multiple of 0.05 in [0, 1] that is not a major tick. Major ticks blue, minor ones red,
    // both 12 points long, outside the box.
    let chart = chart_of(
        r#"
import matplotlib.pyplot as plt
from matplotlib.ticker import AutoMinorLocator, MultipleLocator
fig, ax = plt.subplots(figsize=(6, 4))
ax.set_xlim(0, 10)
ax.set_ylim(0, 1)
ax.xaxis.set_minor_locator(AutoMinorLocator(2))
ax.yaxis.set_minor_locator(MultipleLocator(0.05))
ax.tick_params(which="major", color="blue", length=12, width=2)
ax.tick_params(which="minor", color="red", length=12, width=2)
"#,
    )
    .await;
    let image = &chart.png;
    // The box's bottom and left spines: the row and column mostly dark.
    let dark = |x: u32, y: u32| {
        image.pixels[(y * image.width + x) as usize]
            .iter()
            .all(|&c| c < 60)
    };
    let bottom = (0..image.height)
        .rev()
        .find(|&y| (0..image.width).filter(|&x| dark(x, y)).count() > image.width as usize / 2)
        .expect("the bottom spine");
    let left = (0..image.width)
        .find(|&x| (0..image.height).filter(|&y| dark(x, y)).count() > image.height as usize / 2)
        .expect("the left spine");
    // 8 pixels out of the box: through the ticks, short of their labels.
    let (below, beside) = (bottom + 8, left - 8);
    let majors_x = runs(image, below, true, blue);
    let minors_x = runs(image, below, true, red);
    assert!(majors_x >= 3, "{majors_x} major x ticks");
    assert_eq!(minors_x, majors_x - 1, "one minor x tick per major step");
    let majors_y = runs(image, beside, false, blue);
    let minors_y = runs(image, beside, false, red);
    assert!(majors_y >= 3, "{majors_y} major y ticks");
    assert_eq!(
        minors_y,
        21 - majors_y,
        "the multiples of 0.05 that are no major tick"
    );
}

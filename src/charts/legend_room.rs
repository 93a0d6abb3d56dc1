//! The room a legend anchored outside its axes' box takes beside it: the
//! host's layout is tight (as matplotlib's `bbox_inches="tight"`), which
//! counts the legend in the axes' extent.

use super::geometry::Rect;
use super::legend::{self, place_box};
use super::paint::Units;
use super::spec::{Axes, Figure, LegendLoc};

/// Rounds of refining the box the legend is placed by.
const ROUNDS: usize = 4;

/// How far `axes`' legends stand beyond its box, as `[left, right, top,
/// bottom]` pixels, the box being `cell` less `margins` (given the same way)
/// and less this room itself.
pub fn overflow(
    figure: &Figure,
    axes: &Axes,
    cell: &Rect,
    margins: [f64; 4],
    units: Units,
) -> [f64; 4] {
    let lookup = |index: Option<usize>| match index {
        Some(i) => figure.axes.get(i),
        None => Some(axes),
    };
    let mut room = [0.0; 4];
    for placed in axes.extra_legends.iter().chain(&axes.legend) {
        let Some(anchor) = placed.anchor.filter(|a| !a.figure) else {
            continue; // inside the box, or placed in the figure
        };
        if placed.loc == LegendLoc::Best {
            continue;
        }
        let Some(boxed) = legend::measure(placed, lookup, units) else {
            continue;
        };
        let pad = placed.style.borderaxespad * units.px(placed.fontsize);
        let mut beyond = [0.0; 4];
        for _ in 0..ROUNDS {
            let take = |i: usize| margins[i].max(beyond[i]);
            let width = (cell.width() - take(0) - take(1)).max(1.0);
            let height = (cell.height() - take(2) - take(3)).max(1.0);
            let frame = Rect::new(0.0, 0.0, width, height);
            let within = legend::anchor_box(Some(anchor), &frame, (width, height));
            let bounds = place_box(placed.loc, &within, boxed.width, boxed.height, pad);
            beyond = [
                -bounds.x0,
                bounds.x1 - width,
                -bounds.y0,
                bounds.y1 - height,
            ]
            .map(|v: f64| v.max(0.0));
        }
        for (have, more) in room.iter_mut().zip(beyond) {
            *have = f64::max(*have, more);
        }
    }
    room
}

#[cfg(test)]
mod tests {
    use super::super::geometry::Rect;
    use super::super::legend::{anchor_box, place_box};
    use super::super::spec::{Anchor, LegendLoc};

    #[test]
    fn anchored_boxes_follow_matplotlibs_get_anchored_bbox() {
        let frame = Rect::new(100.0, 50.0, 500.0, 350.0);
        let point = |x, y| Anchor {
            bbox: [x, y, 0.0, 0.0],
            figure: false,
        };
        // bbox_to_anchor=(1.05, 1), loc="upper left": right of the box, pad below its top.
        let within = anchor_box(Some(point(1.05, 1.0)), &frame, (600.0, 400.0));
        let placed = place_box(LegendLoc::UpperLeft, &within, 40.0, 20.0, 5.0);
        assert_eq!((placed.x0, placed.y0), (525.0, 55.0));
        // loc="upper center", bbox_to_anchor=(0.5, -0.15): centred below the box.
        let within = anchor_box(Some(point(0.5, -0.15)), &frame, (600.0, 400.0));
        let placed = place_box(LegendLoc::UpperCenter, &within, 40.0, 20.0, 5.0);
        assert_eq!((placed.x0, placed.y0), (280.0, 350.0 + 45.0 + 5.0));
        // A box in figure fractions: "center left" of its right half.
        let half = Anchor {
            bbox: [0.5, 0.0, 0.5, 1.0],
            figure: true,
        };
        let within = anchor_box(Some(half), &frame, (600.0, 400.0));
        let placed = place_box(LegendLoc::CenterLeft, &within, 40.0, 20.0, 5.0);
        assert_eq!((placed.x0, placed.y0), (305.0, 190.0));
    }
}

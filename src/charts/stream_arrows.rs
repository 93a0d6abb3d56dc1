//! streamplot()'s arrows: matplotlib's FancyArrowPatch with arrowstyle
//! '-|>' between two points (a straight arc3 path), in display pixels: each
//! end shrunk by `shrink` where the rest of the line reaches beyond it
//! (`split_path_inout` fails otherwise and leaves it), then the line up to
//! the head and the head's wedge (`_Curve._get_arrow_wedge`), filled and
//! outlined.

use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::paint::{Units, stroke_line};
use super::spec::{FancyArrows, LineStyle};
use super::surface::Surface;

/// Draws the arrow from `tail` to `head` (pixels) in `color`.
pub fn draw(
    surface: &mut impl Surface,
    (tail, head): (Point, Point),
    arrows: &FancyArrows,
    (color, linewidth): (Rgba, f64),
    (units, clip): (Units, &Rect),
) {
    let shrink = units.px(arrows.shrink);
    let start = towards(tail, head, shrink);
    let end = towards(head, start, shrink);
    let width = units.px(linewidth);
    let (head_length, head_width) = (units.px(arrows.head_length), units.px(arrows.head_width));
    let head_dist = head_length.hypot(head_width);
    let (cos_t, sin_t) = (head_length / head_dist, head_width / head_dist);
    if start == end {
        stroke_line(
            surface,
            &[start, end],
            Some(clip),
            color,
            width,
            &LineStyle::Solid,
        );
        return;
    }
    // The wedge: back from the tip along the line, its sides turned +-t.
    let (mut dx, mut dy) = (start.x - end.x, start.y - end.y);
    let distance = dx.hypot(dy);
    let pad = 0.5 * width / sin_t;
    let tip = Point::new(end.x + pad * dx / distance, end.y + pad * dy / distance);
    (dx, dy) = (dx / distance * head_dist, dy / distance * head_dist);
    let side1 = Point::new(
        tip.x + cos_t * dx + sin_t * dy,
        tip.y - sin_t * dx + cos_t * dy,
    );
    let side2 = Point::new(
        tip.x + cos_t * dx - sin_t * dy,
        tip.y + sin_t * dx + cos_t * dy,
    );
    stroke_line(
        surface,
        &[start, tip],
        Some(clip),
        color,
        width,
        &LineStyle::Solid,
    );
    let wedge = [side1, tip, side2];
    surface.fill_polygon(&super::clip::clip_polygon(&wedge, clip), color);
    stroke_line(surface, &wedge, Some(clip), color, width, &LineStyle::Solid);
}

/// `from` moved `by` pixels towards `to`, or `from` when `to` is no further.
fn towards(from: Point, to: Point, by: f64) -> Point {
    let distance = (to.x - from.x).hypot(to.y - from.y);
    if distance <= by || by <= 0.0 {
        return from;
    }
    let f = by / distance;
    Point::new(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f)
}

//! Placing colorbars (matplotlib's `make_axes`): the parents give up a slot
//! on one side, the bar stands in it as long as their boxes (times `shrink`)
//! and `aspect` times thinner, and end triangles shorten its interior.

use super::geometry::Rect;
use super::spec::{Colorbar, Figure, Location};

/// Takes each colorbar's slot from its parents' cells (in `cells`, indexed as
/// `figure.axes`): the parents' union gives up `fraction + pad` of its extent
/// on the bar's side, each parent's cell scaled into what remains (as
/// matplotlib's shrinking transform), and the bar's cell becomes the
/// `fraction` beyond the `pad`, widened when the bar and the `outer` pixels
/// its labels take (indexed as the axes) would not fit in it.
pub fn make_room(figure: &Figure, cells: &mut [Rect], outer: &[f64]) {
    for (index, axes) in figure.axes.iter().enumerate() {
        let Some(mut settings) = axes.colorbar_settings() else {
            continue;
        };
        let Some(union) = union(settings.parents.iter().map(|&p| cells[p])) else {
            continue;
        };
        let (along, across) = if settings.location.vertical() {
            (union.height(), union.width())
        } else {
            (union.width(), union.height())
        };
        let needed = outer[index] + settings.shrink * along / settings.aspect;
        if across > 0.0 {
            settings.fraction = settings.fraction.max(needed / across);
        }
        let (rest, slot) = split(&union, &settings);
        for &parent in &settings.parents {
            cells[parent] = rescale(&cells[parent], &union, &rest);
        }
        cells[index] = slot;
    }
}

/// The union of some boxes, if there are any.
pub fn union(mut boxes: impl Iterator<Item = Rect>) -> Option<Rect> {
    let first = boxes.next()?;
    Some(boxes.fold(first, |all, b| all.union(&b)))
}

/// What the parents keep of `union` and the bar's slot.
fn split(union: &Rect, settings: &Colorbar) -> (Rect, Rect) {
    let (f, p) = (settings.fraction, settings.pad);
    let (w, h) = (union.width(), union.height());
    let Rect { x0, y0, x1, y1 } = *union;
    match settings.location {
        Location::Right => (
            Rect::new(x0, y0, x1 - (f + p) * w, y1),
            Rect::new(x1 - f * w, y0, x1, y1),
        ),
        Location::Left => (
            Rect::new(x0 + (f + p) * w, y0, x1, y1),
            Rect::new(x0, y0, x0 + f * w, y1),
        ),
        Location::Bottom => (
            Rect::new(x0, y0, x1, y1 - (f + p) * h),
            Rect::new(x0, y1 - f * h, x1, y1),
        ),
        Location::Top => (
            Rect::new(x0, y0 + (f + p) * h, x1, y1),
            Rect::new(x0, y0, x1, y0 + f * h),
        ),
    }
}

/// `cell` moved from `from` into `to` proportionally.
fn rescale(cell: &Rect, from: &Rect, to: &Rect) -> Rect {
    let x = |v: f64| to.x0 + (v - from.x0) * to.width() / from.width().max(f64::MIN_POSITIVE);
    let y = |v: f64| to.y0 + (v - from.y0) * to.height() / from.height().max(f64::MIN_POSITIVE);
    Rect::new(x(cell.x0), y(cell.y0), x(cell.x1), y(cell.y1))
}

/// The box of a colorbar standing in `room` (its slot less the room its tick
/// labels take on its outer side): along the parents' boxes' `union`, shrunk
/// by `shrink` and `aspect` times thinner, both placed by `anchor` (matplotlib
/// anchors y upwards; pixels grow downwards).
pub fn frame(settings: &Colorbar, room: Rect, union: Rect, min_thickness: f64) -> Rect {
    let [ax, ay] = settings.anchor;
    if settings.location.vertical() {
        let length = settings.shrink * union.height();
        let y1 = union.y1 - ay * (union.height() - length);
        let thick = (length / settings.aspect)
            .min(room.width())
            .max(min_thickness);
        let x0 = room.x0 + ax * (room.width() - thick);
        Rect::new(x0, y1 - length, x0 + thick, y1)
    } else {
        let length = settings.shrink * union.width();
        let x0 = union.x0 + ax * (union.width() - length);
        let thick = (length / settings.aspect)
            .min(room.height())
            .max(min_thickness);
        let y1 = room.y1 - ay * (room.height() - thick);
        Rect::new(x0, y1 - thick, x0 + length, y1)
    }
}

/// The bar's interior: `frame` less its end triangles (matplotlib's
/// `_ColorbarAxesLocator`; the lower end is the bottom or the left).
pub fn interior(settings: &Colorbar, frame: Rect) -> Rect {
    let [lower, upper] = settings.extend;
    if lower <= 0.0 && upper <= 0.0 {
        return frame;
    }
    let total = 1.0 + lower.max(0.0) + upper.max(0.0);
    if settings.location.vertical() {
        let length = frame.height() / total;
        let y1 = frame.y1 - lower.max(0.0) * length;
        Rect::new(frame.x0, y1 - length, frame.x1, y1)
    } else {
        let length = frame.width() / total;
        let x0 = frame.x0 + lower.max(0.0) * length;
        Rect::new(x0, frame.y0, x0 + length, frame.y1)
    }
}

/// The room a colorbar's slot leaves for the bar: less its tick labels' and
/// label's `outer` pixels on the side away from its parents.
pub fn room(settings: &Colorbar, slot: Rect, outer: f64) -> Rect {
    let Rect { x0, y0, x1, y1 } = slot;
    let r = match settings.location {
        Location::Right => Rect::new(x0, y0, (x1 - outer).max(x0), y1),
        Location::Left => Rect::new((x0 + outer).min(x1), y0, x1, y1),
        Location::Bottom => Rect::new(x0, y0, x1, (y1 - outer).max(y0)),
        Location::Top => Rect::new(x0, (y0 + outer).min(y1), x1, y1),
    };
    Rect::new(r.x0, r.y0, r.x1.max(r.x0), r.y1.max(r.y0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(location: Location) -> Colorbar {
        Colorbar {
            location,
            ..Colorbar::beside(0)
        }
    }

    #[test]
    fn the_parents_keep_all_but_fraction_and_pad() {
        let union = Rect::new(0.0, 0.0, 100.0, 50.0);
        let (rest, slot) = split(&union, &settings(Location::Right));
        assert!((rest.x1 - 80.0).abs() < 1e-9 && (slot.x0 - 85.0).abs() < 1e-9);
        let (rest, slot) = split(&union, &settings(Location::Bottom));
        assert!((rest.y1 - 40.0).abs() < 1e-9 && (slot.y0 - 42.5).abs() < 1e-9);
    }

    #[test]
    fn a_bar_is_as_long_as_its_parents_and_anchored() {
        let mut s = settings(Location::Right);
        s.shrink = 0.5;
        s.anchor = [0.0, 0.0];
        let bar = frame(
            &s,
            Rect::new(90.0, 0.0, 100.0, 200.0),
            Rect::new(0.0, 0.0, 80.0, 200.0),
            1.0,
        );
        // half as long, at the bottom; 20 times thinner, at the left of its room
        assert_eq!((bar.y0, bar.y1, bar.x0, bar.x1), (100.0, 200.0, 90.0, 95.0));
    }

    #[test]
    fn triangles_shorten_the_interior() {
        let mut s = settings(Location::Right);
        s.extend = [0.05, 0.05];
        let inner = interior(&s, Rect::new(0.0, 0.0, 10.0, 110.0));
        assert!((inner.y0 - 5.0).abs() < 1e-9 && (inner.y1 - 105.0).abs() < 1e-9);
    }
}

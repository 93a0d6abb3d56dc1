//! An axes' spines (matplotlib's `Spine`): where each frame line stands and
//! how far it reaches, and drawing the visible ones. The x axis' ticks and
//! labels stand on the bottom spine, the y axis' on the left one (the right
//! one for twinx axes and colorbars), visible or not, as in matplotlib.

use super::geometry::Point;
use super::paint::{Units, stroke_line};
use super::placed::PlacedAxes;
use super::spec::{Spine, SpinePosition};
use super::surface::Surface;
use super::ticks::TickSet;

/// A side of the axes box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
    Bottom,
    Top,
}

impl Side {
    const ALL: [Side; 4] = [Side::Left, Side::Right, Side::Bottom, Side::Top];

    fn vertical(self) -> bool {
        matches!(self, Side::Left | Side::Right)
    }
}

/// The spine of `side` in `axes`' spec.
pub fn spine<'a>(axes: &PlacedAxes<'a>, side: Side) -> &'a Spine {
    let spines = &axes.spec.spines;
    match side {
        Side::Left => &spines.left,
        Side::Right => &spines.right,
        Side::Bottom => &spines.bottom,
        Side::Top => &spines.top,
    }
}

/// The pixel coordinate across the spine of `side`: an x for left and right,
/// a y for bottom and top. `None` where its data position has no place on
/// the scale (zero on a log axis).
pub fn across(axes: &PlacedAxes<'_>, side: Side, units: Units) -> Option<f64> {
    let frame = axes.frame;
    let (base, outward) = match side {
        Side::Left => (frame.x0, -1.0),
        Side::Right => (frame.x1, 1.0),
        Side::Bottom => (frame.y1, 1.0),
        Side::Top => (frame.y0, -1.0),
    };
    match spine(axes, side).position {
        SpinePosition::Outward(points) => Some(base + outward * units.px(points)),
        SpinePosition::Axes(fraction) if side.vertical() => {
            Some(frame.x0 + fraction * frame.width())
        }
        SpinePosition::Axes(fraction) => Some(frame.y1 - fraction * frame.height()),
        SpinePosition::Data(value) if side.vertical() => axes.x.pixel(value),
        SpinePosition::Data(value) => axes.y.pixel(value),
    }
}

/// How far (pixels) the spine of `side` stands outside an axes box whose
/// side across it is `length` pixels long (its axis' labels stand beyond it).
pub fn overhang(spine: &Spine, side: Side, length: f64, units: Units) -> f64 {
    let beyond = match spine.position {
        SpinePosition::Outward(points) => units.px(points),
        SpinePosition::Axes(fraction) => match side {
            Side::Left | Side::Bottom => -fraction * length,
            Side::Right | Side::Top => (fraction - 1.0) * length,
        },
        SpinePosition::Data(_) => 0.0,
    };
    beyond.max(0.0)
}

/// Draws the visible spines of `axes`.
/// The first and last major tick within `view` (none: the view's ends).
fn trimmed(ticks: &TickSet, view: (f64, f64)) -> [Option<f64>; 2] {
    let (lo, hi) = (view.0.min(view.1), view.0.max(view.1));
    let slack = (hi - lo) * 1e-9;
    let inside = ticks
        .major
        .iter()
        .map(|t| t.pos)
        .filter(|p| *p >= lo - slack && *p <= hi + slack);
    let first = inside.clone().reduce(f64::min);
    [first, inside.reduce(f64::max)]
}

pub fn draw(axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    for side in Side::ALL {
        let spine = spine(axes, side);
        if !spine.visible {
            continue;
        }
        let Some(at) = across(axes, side, units) else {
            continue;
        };
        let (map, view) = if side.vertical() {
            (axes.y, (axes.y.lo, axes.y.hi))
        } else {
            (axes.x, (axes.x.lo, axes.x.hi))
        };
        let ticks = if side.vertical() {
            &axes.yticks
        } else {
            &axes.xticks
        };
        let [lo, hi] = if spine.trim {
            trimmed(ticks, view)
        } else {
            spine.bounds.unwrap_or([None, None])
        };
        let (Some(a), Some(b)) = (
            map.pixel(lo.unwrap_or(view.0)),
            map.pixel(hi.unwrap_or(view.1)),
        ) else {
            continue;
        };
        // Projecting caps: the line reaches half its width past both ends.
        let width = units.px(spine.linewidth);
        let (a, b) = (a.min(b) - width / 2.0, a.max(b) + width / 2.0);
        let line = if side.vertical() {
            [Point::new(at, a), Point::new(at, b)]
        } else {
            [Point::new(a, at), Point::new(b, at)]
        };
        stroke_line(surface, &line, None, spine.color, width, &spine.linestyle);
    }
}

//! `Figure.legend()`: legends placed in the figure's box, or (`outside`
//! locations) in a strip the axes give up on one side, as matplotlib's
//! constrained layout makes room for them.

use super::geometry::Rect;
use super::legend;
use super::paint::Units;
use super::spec::{Figure, FigureLegend, Location};
use super::surface::Surface;

/// The box each legend of the figure (`panel` None) or of a panel is placed
/// in: `whole` (the figure's or panel's box), or for outside legends a strip
/// taken from `area` (the room left for the axes).
pub fn reserve(
    figure: &Figure,
    (panel, whole): (Option<usize>, Rect),
    area: &mut Rect,
    units: Units,
) -> Vec<Rect> {
    let mut frames = Vec::with_capacity(figure.legends.len());
    for placed in figure.legends.iter().filter(|l| l.panel == panel) {
        let Some(side) = placed.outside else {
            frames.push(whole);
            continue;
        };
        let (w, h) = measured_size(figure, placed, units);
        let pad = placed.legend.style.borderaxespad * units.px(placed.legend.fontsize);
        let (dx, dy) = (w + 2.0 * pad, h + 2.0 * pad);
        let Rect { x0, y0, x1, y1 } = *area;
        let strip = match side {
            Location::Right => Rect::new((x1 - dx).max(x0), y0, x1, y1),
            Location::Left => Rect::new(x0, y0, (x0 + dx).min(x1), y1),
            Location::Top => Rect::new(x0, y0, x1, (y0 + dy).min(y1)),
            Location::Bottom => Rect::new(x0, (y1 - dy).max(y0), x1, y1),
        };
        match side {
            Location::Right => area.x1 = strip.x0,
            Location::Left => area.x0 = strip.x1,
            Location::Top => area.y0 = strip.y1,
            Location::Bottom => area.y1 = strip.y0,
        }
        frames.push(strip);
    }
    frames
}

fn measured_size(figure: &Figure, placed: &FigureLegend, units: Units) -> (f64, f64) {
    let lookup = |index: Option<usize>| index.and_then(|i| figure.axes.get(i));
    legend::measure(&placed.legend, lookup, units).map_or((0.0, 0.0), |m| (m.width, m.height))
}

/// Draws the legends of the figure (`panel` None) or of a panel in their
/// `frames` (from [`reserve`]).
pub fn draw(
    (figure, panel): (&Figure, Option<usize>),
    frames: &[Rect],
    units: Units,
    size: (f64, f64),
    surface: &mut impl Surface,
) {
    let legends = figure.legends.iter().filter(|l| l.panel == panel);
    for (placed, frame) in legends.zip(frames) {
        let lookup = |index: Option<usize>| index.and_then(|i| figure.axes.get(i));
        let Some(boxed) = legend::measure(&placed.legend, lookup, units) else {
            continue;
        };
        let pad = placed.legend.style.borderaxespad * units.px(placed.legend.fontsize);
        let bounds = legend::place_box(placed.legend.loc, frame, boxed.width, boxed.height, pad);
        legend::paint(&placed.legend, boxed, bounds, (units, size), surface);
    }
}

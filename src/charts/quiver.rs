//! quiver() arrows: polygons in arrow units (matplotlib's Quiver `units`)
//! anchored at data points, or at axes or figure fractions (quiverkey).

use super::clip::clip_polygon;
use super::geometry::Point;
use super::paint::{Units, stroke_line};
use super::placed::{PlacedAxes, text_block};
use super::scale::AxisMap;
use super::spec::{ArrowUnit, FancyArrows, LineStyle, Quiver, QuiverCoords};
use super::stream_arrows;
use super::surface::Surface;
use super::text::Placement;

/// Pixels per arrow unit in `axes` (matplotlib's `Quiver._dots_per_unit`).
fn dots_per_unit(unit: ArrowUnit, axes: &PlacedAxes<'_>, units: Units) -> f64 {
    let (width, height) = (axes.frame.width(), axes.frame.height());
    let span = |map: &AxisMap| (map.hi - map.lo).abs();
    match unit {
        ArrowUnit::Width => width,
        ArrowUnit::Height => height,
        ArrowUnit::X => width / span(&axes.x),
        ArrowUnit::Y => height / span(&axes.y),
        ArrowUnit::Xy => width.hypot(height) / span(&axes.x).hypot(span(&axes.y)),
        ArrowUnit::Dots => 1.0,
        ArrowUnit::Inches => units.dpi,
        ArrowUnit::Points => units.px(1.0),
    }
}

/// The pixel of an anchor.
fn anchor(quiver: &Quiver, i: usize, axes: &PlacedAxes<'_>) -> Option<Point> {
    let (x, y) = (quiver.x[i], quiver.y[i]);
    let frame = axes.frame;
    match quiver.coords {
        QuiverCoords::Data => Some(Point::new(axes.x.pixel(x)?, axes.y.pixel(y)?)),
        QuiverCoords::Axes => Some(Point::new(
            frame.x0 + x * frame.width(),
            frame.y1 - y * frame.height(),
        )),
        QuiverCoords::Figure => Some(Point::new(
            x * axes.figure_size.0,
            (1.0 - y) * axes.figure_size.1,
        )),
    }
}

pub fn draw(quiver: &Quiver, axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    let scale = dots_per_unit(quiver.unit, axes, units);
    let clip = (quiver.coords == QuiverCoords::Data).then_some(&axes.frame);
    let nth = |colors: &[_], i: usize| colors.get(i).or(colors.first()).copied();
    if let Some(fancy) = &quiver.fancy {
        draw_fancy(quiver, fancy, axes, units, surface);
        return;
    }
    for i in 0..quiver.x.len() {
        let Some(at) = anchor(quiver, i, axes) else {
            continue;
        };
        let range = i * quiver.sides..(i + 1) * quiver.sides;
        let outline: Vec<Point> = quiver.shape_x[range.clone()]
            .iter()
            .zip(&quiver.shape_y[range])
            .map(|(dx, dy)| Point::new(at.x + dx * scale, at.y - dy * scale))
            .collect();
        if outline.iter().any(|p| !p.x.is_finite() || !p.y.is_finite()) {
            continue;
        }
        if let Some(face) = nth(&quiver.facecolors, i) {
            match clip {
                Some(frame) => surface.fill_polygon(&clip_polygon(&outline, frame), face),
                None => surface.fill_polygon(&outline, face),
            }
        }
        if let Some(edge) = nth(&quiver.edgecolors, i).filter(|_| quiver.linewidth > 0.0) {
            let mut ring = outline.clone();
            ring.push(outline[0]);
            let width = units.px(quiver.linewidth);
            stroke_line(surface, &ring, clip, edge, width, &LineStyle::Solid);
        }
    }
    if let Some(label) = &quiver.key_label
        && let Some(at) = anchor(quiver, 0, axes)
    {
        let point = Point::new(
            at.x + units.px(label.offset[0]),
            at.y - units.px(label.offset[1]),
        );
        let block = text_block(&label.text, units);
        surface.text(
            block,
            Placement::new(point, label.ha, label.va),
            label.text.color,
        );
    }
}

/// streamplot()'s arrows, from each tail (data) to its anchor.
fn draw_fancy(
    quiver: &Quiver,
    fancy: &FancyArrows,
    axes: &PlacedAxes<'_>,
    units: Units,
    surface: &mut impl Surface,
) {
    let nth = |values: &[f64], i: usize| values.get(i).or(values.first()).copied();
    for i in 0..quiver.x.len() {
        let tail = axes
            .x
            .pixel(fancy.tail_x[i])
            .zip(axes.y.pixel(fancy.tail_y[i]));
        let (Some(head), Some((tx, ty))) = (anchor(quiver, i, axes), tail) else {
            continue;
        };
        let color = quiver.facecolors.get(i).or(quiver.facecolors.first());
        let (Some(&color), Some(width)) = (color, nth(&fancy.linewidths, i)) else {
            continue;
        };
        stream_arrows::draw(
            surface,
            (Point::new(tx, ty), head),
            fancy,
            (color, width),
            (units, &axes.frame),
        );
    }
}

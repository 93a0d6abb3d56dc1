//! matplotlib's fancy arrows (FancyArrowPatch, annotate()'s arrows) drawn
//! between two points in figure pixels: the connection path, clipped by the
//! shapes at its ends and shortened, then the arrow style's shapes along it.
//! The geometry is matplotlib's, computed with y up as in its display space.

mod bezier;
mod connection;
mod style;

use super::geometry::{Point, Rect};
use super::paint::{Units, stroke_line};
use super::spec::{AnnotationArrow, FancyArrow};
use super::surface::Surface;

/// How far (pixels) a drawn curve may stray from the true one.
const CURVE_TOLERANCE: f64 = 0.1;

/// A region an arrow's end is clipped by, in figure pixels (y down).
#[derive(Debug, Clone)]
pub enum Region {
    Polygon(Vec<Point>),
    Circle(Point, f64),
}

impl Region {
    fn contains(&self, p: Point) -> bool {
        match self {
            Region::Circle(c, r) => (p.x - c.x).powi(2) + (p.y - c.y).powi(2) <= r * r,
            Region::Polygon(points) => {
                let mut inside = false;
                let mut j = points.len().wrapping_sub(1);
                for (i, a) in points.iter().enumerate() {
                    let b = points[j];
                    if (a.y > p.y) != (b.y > p.y)
                        && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                    {
                        inside = !inside;
                    }
                    j = i;
                }
                inside
            }
        }
    }
}

/// Between figure pixels (y down) and matplotlib's display space (y up).
fn flip(p: Point) -> Point {
    Point::new(p.x, -p.y)
}

/// Where one arrow goes: its ends in figure pixels, the regions they are
/// clipped by and how much shorter the path is at each end, in pixels.
pub struct Ends<'a> {
    pub a: Point,
    pub b: Point,
    pub region_a: Option<&'a Region>,
    pub region_b: Option<&'a Region>,
    pub shrink_a: f64,
    pub shrink_b: f64,
}

/// Draws `arrow` along `ends`, clipped to `clip` (matplotlib's
/// `FancyArrowPatch.draw`): closed shapes filled, every shape stroked.
pub fn draw(
    arrow: &FancyArrow,
    ends: &Ends<'_>,
    clip: Option<&Rect>,
    units: Units,
    surface: &mut impl Surface,
) {
    if !(ends.a.is_finite() && ends.b.is_finite()) {
        return;
    }
    let in_a = ends.region_a.map(|r| move |p: Point| r.contains(flip(p)));
    let in_b = ends.region_b.map(|r| move |p: Point| r.contains(flip(p)));
    let path = connection::connect(
        &arrow.connectionstyle,
        flip(ends.a),
        flip(ends.b),
        in_a.as_ref().map(|f| f as &dyn Fn(Point) -> bool),
        in_b.as_ref().map(|f| f as &dyn Fn(Point) -> bool),
        ends.shrink_a,
        ends.shrink_b,
    );
    let linewidth = units.px(arrow.linewidth);
    let mutation = units.px(arrow.mutation_scale);
    // matplotlib raises at drawing where a fancy arrow is shorter than its
    // head; nothing is drawn then.
    let Ok(parts) = style::transmute(
        &arrow.arrowstyle,
        &path,
        mutation,
        linewidth,
        arrow.mutation_aspect,
    ) else {
        return;
    };
    for (part, filled) in parts {
        let lines: Vec<(Vec<Point>, bool)> = part
            .polylines(CURVE_TOLERANCE)
            .into_iter()
            .map(|(points, closed)| (points.into_iter().map(flip).collect(), closed))
            .collect();
        if filled && arrow.facecolor.a > 0 {
            let rings: Vec<Vec<Point>> = lines
                .iter()
                .map(|(points, _)| clipped(points, clip))
                .collect();
            surface.fill_rings(&rings, arrow.facecolor);
        }
        stroke(&lines, arrow, linewidth, clip, surface);
    }
}

/// The ring cut to `clip`, if any.
fn clipped(points: &[Point], clip: Option<&Rect>) -> Vec<Point> {
    match clip {
        Some(rect) => super::clip::clip_polygon(points, rect),
        None => points.to_vec(),
    }
}

fn stroke(
    lines: &[(Vec<Point>, bool)],
    arrow: &FancyArrow,
    width: f64,
    clip: Option<&Rect>,
    surface: &mut impl Surface,
) {
    if width <= 0.0 || arrow.edgecolor.a == 0 {
        return;
    }
    for (points, closed) in lines {
        let mut points = points.clone();
        if *closed {
            points.push(points[0]);
        }
        stroke_line(
            surface,
            &points,
            clip,
            arrow.edgecolor,
            width,
            &arrow.linestyle,
        );
    }
}

/// Draws an annotation's arrow from its text (extent `text`, the box
/// outline `text_box` if it has one) to `target` (matplotlib's
/// `Annotation.update_positions`). `region_b` is the resolved patchB and
/// `custom_a` an explicit patchA.
#[allow(clippy::too_many_arguments)]
pub fn draw_annotation(
    arrow: &AnnotationArrow,
    text: &Rect,
    text_box: Option<Vec<Point>>,
    has_text: bool,
    target: Point,
    custom_a: Option<Region>,
    region_b: Option<Region>,
    units: Units,
    surface: &mut impl Surface,
) {
    let (begin, shrink) = match arrow.relpos {
        Some([rx, ry]) => (
            Point::new(text.x0 + text.width() * rx, text.y1 - text.height() * ry),
            (
                units.px(arrow.patch.shrink_a),
                units.px(arrow.patch.shrink_b),
            ),
        ),
        None => {
            let nearest = |values: [f64; 3], to: f64| {
                values
                    .into_iter()
                    .min_by(|a, b| (a - to).abs().total_cmp(&(b - to).abs()))
                    .unwrap_or(to)
            };
            let (cx, cy) = ((text.x0 + text.x1) / 2.0, (text.y0 + text.y1) / 2.0);
            let corner = Point::new(
                nearest([text.x0, cx, text.x1], target.x),
                nearest([text.y1, cy, text.y0], target.y),
            );
            let r = (corner.x - target.x).hypot(corner.y - target.y);
            let shrink = arrow.shrink.unwrap_or(0.0) * r;
            (corner, (shrink, shrink))
        }
    };
    let region_a = match (&arrow.patch_a, custom_a) {
        (_, Some(region)) => Some(region),
        (Some(super::spec::ClipShape::Text), None) => match text_box {
            Some(outline) => Some(Region::Polygon(outline)),
            None if has_text => {
                let pad = units.px(4.0) / 2.0;
                Some(Region::Polygon(vec![
                    Point::new(text.x0 - pad, text.y0 - pad),
                    Point::new(text.x1 + pad, text.y0 - pad),
                    Point::new(text.x1 + pad, text.y1 + pad),
                    Point::new(text.x0 - pad, text.y1 + pad),
                ]))
            }
            None => None,
        },
        _ => None,
    };
    let ends = Ends {
        a: begin,
        b: target,
        region_a: region_a.as_ref(),
        region_b: region_b.as_ref(),
        shrink_a: shrink.0,
        shrink_b: shrink.1,
    };
    draw(&arrow.patch, &ends, None, units, surface);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::spec::ConnectionStyle;

    #[test]
    fn a_path_starts_where_it_leaves_the_shape_at_its_start() {
        let square = Region::Polygon(vec![
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(0.0, 10.0),
        ]);
        let dot = Region::Circle(Point::new(50.0, 5.0), 4.0);
        let in_square = |p: Point| square.contains(flip(p));
        let in_dot = |p: Point| dot.contains(flip(p));
        let path = connection::connect(
            &ConnectionStyle::Arc3 { rad: 0.0 },
            flip(Point::new(5.0, 5.0)),
            flip(Point::new(50.0, 5.0)),
            Some(&in_square),
            Some(&in_dot),
            2.0,
            0.0,
        );
        let start = flip(path.vertices[0]);
        let end = flip(path.vertices[path.vertices.len() - 1]);
        // Clipped at the square's edge (x = 10), then shortened by 2 pixels.
        assert!(
            (start.x - 12.0).abs() < 0.05 && (start.y - 5.0).abs() < 1e-9,
            "{start:?}"
        );
        assert!((end.x - 46.0).abs() < 0.05, "{end:?}");
    }
}

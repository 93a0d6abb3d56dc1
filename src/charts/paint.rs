//! Drawing helpers over a [`Surface`]: clipping to the axes box, dashes,
//! markers and line widths in points.

use std::f64::consts::PI;

use super::caps::{Caps, stroke_run};
use super::clip::clip_polyline;
use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::joins::Joins;
use super::marker_path;
use super::spec::{Artist, CapStyle, JoinStyle, LineStyle, Marker};
use super::surface::Surface;

/// Converts points (1/72 inch) to pixels at `dpi`.
#[derive(Debug, Clone, Copy)]
pub struct Units {
    pub dpi: f64,
}

impl Units {
    pub fn px(self, points: f64) -> f64 {
        points * self.dpi / 72.0
    }
}

/// How one polyline (pixels) is stroked: its colour, width, style, ends and
/// joins (none: the backend's own).
#[derive(Debug, Clone, Copy)]
pub struct Pen<'a> {
    pub color: Rgba,
    pub width_px: f64,
    pub style: &'a LineStyle,
    pub caps: Caps,
    pub joins: Option<Joins>,
}

impl<'a> Pen<'a> {
    /// A line artist's pen: its colour, width, style, caps and joins (`None`
    /// for other artists).
    pub fn of_line(line: &'a Artist, units: Units) -> Option<Pen<'a>> {
        let Artist::Line {
            color,
            linewidth,
            linestyle,
            solid_capstyle,
            dash_capstyle,
            solid_joinstyle,
            dash_joinstyle,
            ..
        } = line
        else {
            return None;
        };
        Some(Pen {
            color: *color,
            width_px: units.px(*linewidth),
            style: linestyle,
            caps: Caps {
                solid: *solid_capstyle,
                dash: *dash_capstyle,
            },
            joins: Some(Joins {
                solid: *solid_joinstyle,
                dash: *dash_joinstyle,
            }),
        })
    }
}

/// Draws a line artist's markers at `points` as matplotlib does: its
/// marker at every point, then a half-filled marker's other half; `scale`
/// times their size (a legend's markerscale).
pub fn line_markers(
    surface: &mut impl Surface,
    line: &Artist,
    points: &[Point],
    scale: f64,
    units: Units,
) {
    let Artist::Line {
        marker: Some(shape),
        markersize,
        markerfacecolor,
        markeredgecolor,
        markeredgewidth,
        alt_marker,
        ..
    } = line
    else {
        return;
    };
    let (size, edge) = (units.px(*markersize * scale), units.px(*markeredgewidth));
    for (shape, face) in marker_path::layers(shape, *markerfacecolor, alt_marker.as_ref()) {
        for &point in points {
            marker(surface, shape, point, size, face, *markeredgecolor, edge);
        }
    }
}

/// Where unclipped lines are cut anyway (figure pixels): far beyond any
/// figure, near enough that dashing a line costs a bounded number of dashes.
const FAR_PX: f64 = 1e6;

/// Strokes `points` (one polyline) clipped to `clip`, dashed per `style`,
/// with butt ends.
pub fn stroke_line(
    surface: &mut impl Surface,
    points: &[Point],
    clip: Option<&Rect>,
    color: Rgba,
    width_px: f64,
    style: &LineStyle,
) {
    let pen = Pen {
        color,
        width_px,
        style,
        caps: Caps::BUTT,
        joins: None,
    };
    stroke_capped(surface, points, clip, pen);
}

/// Strokes `points` (one polyline) clipped to `clip` with `pen`: dashed per
/// its style, its solid runs' and dashes' ends and joins drawn per its caps
/// and joins.
pub fn stroke_capped(surface: &mut impl Surface, points: &[Point], clip: Option<&Rect>, pen: Pen) {
    let Pen {
        color,
        width_px,
        style,
        caps,
        joins,
    } = pen;
    if *style == LineStyle::None || points.len() < 2 {
        return;
    }
    let far = Rect::new(-FAR_PX, -FAR_PX, FAR_PX, FAR_PX);
    let clip = clip.unwrap_or(&far);
    let (offset, pattern): (f64, &[f64]) = match style {
        LineStyle::Solid | LineStyle::None => (0.0, &[]),
        LineStyle::Dashed => (0.0, &[3.7, 1.6]),
        LineStyle::Dotted => (0.0, &[1.0, 1.65]),
        LineStyle::DashDot => (0.0, &[6.4, 1.6, 1.0, 1.6]),
        LineStyle::Dashes { offset, pattern } => (*offset, pattern),
    };
    if pattern.is_empty() {
        let join = joins.map(|j| j.solid);
        stroke_run(surface, points, clip, color, width_px, caps.solid, join);
        return;
    }
    // matplotlib scales dash patterns with the line width.
    let unit = width_px.max(1.0);
    // The line is cut to the clip box before dashing, so that a line mostly
    // out of view costs no dashes there; a line width beyond it when the
    // dashes' caps reach past their ends.
    let margin = if caps.dash == CapStyle::Butt {
        0.0
    } else {
        width_px
    };
    let reach = Rect::new(
        clip.x0 - margin,
        clip.y0 - margin,
        clip.x1 + margin,
        clip.y1 + margin,
    );
    for piece in clip_polyline(points, &reach) {
        for dash in dashes(&piece, pattern, offset, unit) {
            let join = joins.map(|j| j.dash);
            if caps.dash == CapStyle::Butt && join.is_none() {
                surface.stroke(&dash, color, width_px);
            } else {
                stroke_run(surface, &dash, clip, color, width_px, caps.dash, join);
            }
        }
    }
}

/// Strokes a line with `pen`, over a solid line of its gaps' colour
/// (matplotlib's `gapcolor`) when it has one.
pub fn stroke_over_gaps(
    surface: &mut impl Surface,
    points: &[Point],
    clip: Option<&Rect>,
    pen: Pen,
    gapcolor: Option<Rgba>,
) {
    if let Some(gap) = gapcolor {
        // The gaps are the dashes' complement: their ends are dash ends.
        let under = Pen {
            color: gap,
            style: &LineStyle::Solid,
            caps: Caps {
                solid: pen.caps.dash,
                dash: pen.caps.dash,
            },
            joins: pen.joins.map(|j| Joins {
                solid: j.dash,
                dash: j.dash,
            }),
            ..pen
        };
        stroke_capped(surface, points, clip, under);
    }
    stroke_capped(surface, points, clip, pen);
}

/// The stroked outline of a ring: closed ones back round to the start and,
/// when solid, on to the second point, so that the first corner is joined
/// as a closed path's is.
pub fn outline(ring: &[Point], closed: bool, style: &LineStyle) -> Vec<Point> {
    let mut out = ring.to_vec();
    if closed && let Some(&first) = ring.first() {
        out.push(first);
        if *style == LineStyle::Solid && ring.len() >= 3 {
            out.push(ring[1]);
        }
    }
    out
}

/// Splits a polyline into the "on" parts of a dash pattern started `offset`
/// into it (both in line widths).
fn dashes(points: &[Point], pattern: &[f64], offset: f64, unit: f64) -> Vec<Vec<Point>> {
    let lengths: Vec<f64> = pattern.iter().map(|l| l * unit).collect();
    let mut out = Vec::new();
    let mut current: Vec<Point> = vec![points[0]];
    let (mut index, mut left, mut on) = (0, lengths[0], true);
    // Skip `offset` of the pattern (modulo its period).
    let period: f64 = lengths.iter().sum();
    let mut skip = if period > 0.0 {
        (offset * unit).rem_euclid(period)
    } else {
        0.0
    };
    while skip > 0.0 {
        if skip < left {
            left -= skip;
            break;
        }
        skip -= left;
        index = (index + 1) % lengths.len();
        left = lengths[index];
        on = !on;
    }
    for pair in points.windows(2) {
        let (mut a, b) = (pair[0], pair[1]);
        let mut remaining = ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
        while remaining > left {
            let t = left / remaining;
            let cut = Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
            if on {
                current.push(cut);
                out.push(std::mem::take(&mut current));
            } else {
                current = vec![cut];
            }
            remaining -= left;
            a = cut;
            on = !on;
            index = (index + 1) % lengths.len();
            left = lengths[index];
        }
        left -= remaining;
        if on {
            current.push(b);
        }
    }
    if on && current.len() > 1 {
        out.push(current);
    }
    out
}

/// Fills (and outlines) a rectangle, clipped to `clip`.
pub fn fill_rect(
    surface: &mut impl Surface,
    rect: &Rect,
    clip: &Rect,
    fill: Rgba,
    edge: Option<(Rgba, f64)>,
) {
    if let Some(inside) = rect.intersection(clip) {
        surface.fill_rect(&inside, fill);
    }
    if let Some((color, width_px)) = edge {
        let corners = [
            Point::new(rect.x0, rect.y0),
            Point::new(rect.x1, rect.y0),
            Point::new(rect.x1, rect.y1),
            Point::new(rect.x0, rect.y1),
        ];
        let style = &LineStyle::Solid;
        // A Rectangle's edge: mitred corners (matplotlib's patch default).
        let pen = Pen {
            color,
            width_px,
            style,
            caps: Caps::BUTT,
            joins: Some(Joins {
                solid: JoinStyle::Miter,
                dash: JoinStyle::Miter,
            }),
        };
        stroke_capped(surface, &outline(&corners, true, style), Some(clip), pen);
    }
}

/// Draws one marker of `size_px` (its diameter) centred on `at`.
pub fn marker(
    surface: &mut impl Surface,
    shape: &Marker,
    at: Point,
    size_px: f64,
    face: Rgba,
    edge: Rgba,
    edge_width: f64,
) {
    if let Marker::Path(path) = shape {
        marker_path::draw(surface, path, at, size_px, face, edge, edge_width);
        return;
    }
    // A filled marker's edge in the face's own opaque colour only makes it
    // larger: it is filled grown by half the edge width instead of stroked.
    let filled = !matches!(
        shape,
        Marker::HLine
            | Marker::VLine
            | Marker::X
            | Marker::Plus
            | Marker::Pixel
            | Marker::Tick(_)
            | Marker::Caret { .. }
    );
    let solid_edge = filled && edge == face && face.a == 255 && edge_width > 0.0;
    let r = size_px / 2.0 + if solid_edge { edge_width / 2.0 } else { 0.0 };
    let polygon = |corners: &[(f64, f64)]| -> Vec<Point> {
        corners
            .iter()
            .map(|(x, y)| Point::new(at.x + x * r, at.y + y * r))
            .collect()
    };
    let regular = |sides: usize, rotation: f64, radius: f64| -> Vec<(f64, f64)> {
        (0..sides)
            .map(|i| {
                let angle = rotation + 2.0 * PI * i as f64 / sides as f64;
                (radius * angle.cos(), -radius * angle.sin())
            })
            .collect()
    };
    let shape_points = match shape {
        // Drawn above.
        Marker::Path(_) => return,
        Marker::Circle => regular(24, 0.0, 1.0),
        Marker::Point => regular(16, 0.0, 0.5),
        Marker::Pixel => {
            let half = 0.5 / r.max(0.5);
            vec![(-half, -half), (half, -half), (half, half), (-half, half)]
        }
        // matplotlib's unit square (side one marker size) and it turned by
        // 45 degrees (thin: narrowed to 0.6), and its triangle (0, 1),
        // (-1, -1), (1, -1) turned to point each way, in half marker sizes.
        Marker::Square => regular(4, PI / 4.0, 2f64.sqrt()),
        Marker::Diamond => regular(4, 0.0, 2f64.sqrt()),
        Marker::ThinDiamond => regular(4, 0.0, 2f64.sqrt())
            .into_iter()
            .map(|(x, y)| (x * 0.6, y))
            .collect(),
        Marker::TriangleUp => triangle(0.0),
        Marker::TriangleDown => triangle(180.0),
        Marker::TriangleLeft => triangle(90.0),
        Marker::TriangleRight => triangle(270.0),
        Marker::Pentagon => regular(5, PI / 2.0, 1.0),
        Marker::Hexagon => regular(6, PI / 2.0, 1.0),
        // matplotlib's x_filled and plus_filled paths (half-width 1).
        Marker::FilledX => [
            (-1.0, -2.0),
            (0.0, -1.0),
            (1.0, -2.0),
            (2.0, -1.0),
            (1.0, 0.0),
            (2.0, 1.0),
            (1.0, 2.0),
            (0.0, 1.0),
            (-1.0, 2.0),
            (-2.0, 1.0),
            (-1.0, 0.0),
            (-2.0, -1.0),
        ]
        .iter()
        .map(|(x, y)| (x / 2.0, y / 2.0))
        .collect(),
        Marker::FilledPlus => [
            (-1.0, -3.0),
            (-1.0, -1.0),
            (-3.0, -1.0),
            (-3.0, 1.0),
            (-1.0, 1.0),
            (-1.0, 3.0),
            (1.0, 3.0),
            (1.0, 1.0),
            (3.0, 1.0),
            (3.0, -1.0),
            (1.0, -1.0),
            (1.0, -3.0),
        ]
        .iter()
        .map(|(x, y)| (x / 3.0, y / 3.0))
        .collect(),
        // Path.unit_regular_polygon / unit_regular_star (inner radius 0.5),
        // the first corner at the top, turned by `angle`.
        Marker::Polygon { sides, star, angle } => {
            let start = PI / 2.0 + angle.to_radians();
            if *star {
                let corners = 2 * usize::from(*sides);
                (0..corners)
                    .map(|i| {
                        let radius = if i % 2 == 0 { 1.0 } else { 0.5 };
                        let a = start + 2.0 * PI * i as f64 / corners as f64;
                        (radius * a.cos(), -radius * a.sin())
                    })
                    .collect()
            } else {
                regular(usize::from(*sides), start, 1.0)
            }
        }
        Marker::Star => (0..10)
            .map(|i| {
                let radius = if i % 2 == 0 { 1.0 } else { 0.38 };
                let angle = PI / 2.0 + PI * f64::from(i) / 5.0;
                (radius * angle.cos(), -radius * angle.sin())
            })
            .collect(),
        Marker::HLine | Marker::VLine => {
            let arm = if *shape == Marker::HLine {
                [(-1.0, 0.0), (1.0, 0.0)]
            } else {
                [(0.0, -1.0), (0.0, 1.0)]
            };
            surface.stroke(&polygon(&arm), edge, edge_width.max(1.0));
            return;
        }
        Marker::Tick(towards) | Marker::Caret { towards, .. } => {
            // matplotlib's paths pointing down (y up, in half marker sizes):
            // a tick one marker size long, a caret with its tip at the point
            // or, as a base, its open end there.
            let path: &[(f64, f64)] = match shape {
                Marker::Tick(_) => &[(0.0, 0.0), (0.0, -2.0)],
                Marker::Caret { base: false, .. } => &[(-1.0, 1.5), (0.0, 0.0), (1.0, 1.5)],
                _ => &[(-1.0, 0.0), (0.0, -1.5), (1.0, 0.0)],
            };
            let (sin, cos) = towards.turn_from_down().to_radians().sin_cos();
            let turned: Vec<(f64, f64)> = path
                .iter()
                .map(|&(x, y)| (x * cos - y * sin, -(x * sin + y * cos)))
                .collect();
            surface.stroke(&polygon(&turned), edge, edge_width.max(1.0));
            return;
        }
        Marker::X | Marker::Plus => {
            // matplotlib's x: the square's diagonals, one marker size a side.
            let arms: [[(f64, f64); 2]; 2] = if *shape == Marker::X {
                [[(-1.0, -1.0), (1.0, 1.0)], [(-1.0, 1.0), (1.0, -1.0)]]
            } else {
                [[(-1.0, 0.0), (1.0, 0.0)], [(0.0, -1.0), (0.0, 1.0)]]
            };
            for arm in arms {
                surface.stroke(&polygon(&arm), edge, edge_width.max(1.0));
            }
            return;
        }
    };
    let mut points = polygon(&shape_points);
    surface.fill_polygon(&points, face);
    if edge_width > 0.0 && !solid_edge && points.len() >= 2 {
        // Round the outline and on to its second corner, so that the first
        // corner is joined too, with the marker's own join (MarkerStyle's).
        points.extend_from_slice(&[points[0], points[1]]);
        surface.stroke_joined(&points, edge, edge_width, marker_join(shape));
    }
}

/// How matplotlib's MarkerStyle joins a filled marker's outline.
fn marker_join(shape: &Marker) -> JoinStyle {
    match shape {
        Marker::Circle | Marker::Point => JoinStyle::Round,
        Marker::Star | Marker::Polygon { star: true, .. } => JoinStyle::Bevel,
        _ => JoinStyle::Miter,
    }
}

/// matplotlib's triangle marker turned `degrees` counter-clockwise from
/// pointing up, in half marker sizes (y down).
fn triangle(degrees: f64) -> Vec<(f64, f64)> {
    let (sin, cos) = degrees.to_radians().sin_cos();
    [(0.0, 1.0), (-1.0, -1.0), (1.0, -1.0)]
        .iter()
        .map(|&(x, y)| (x * cos - y * sin, -(x * sin + y * cos)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_alternate() {
        let line = [Point::new(0.0, 0.0), Point::new(10.0, 0.0)];
        let parts = dashes(&line, &[2.0, 1.0], 0.0, 1.0);
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[1], vec![Point::new(3.0, 0.0), Point::new(5.0, 0.0)]);
    }

    #[test]
    fn a_dash_offset_starts_inside_the_pattern() {
        let line = [Point::new(0.0, 0.0), Point::new(10.0, 0.0)];
        // 2.5 into (2 on, 1 off) at 2 px per unit: half the gap is left.
        let parts = dashes(&line, &[2.0, 1.0], 2.5, 2.0);
        assert_eq!(parts[0], vec![Point::new(1.0, 0.0), Point::new(5.0, 0.0)]);
        assert_eq!(parts[1], vec![Point::new(7.0, 0.0), Point::new(10.0, 0.0)]);
    }
}

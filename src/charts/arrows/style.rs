//! matplotlib's arrow styles: the shapes drawn along a connection path
//! (`ArrowStyle.transmute`): the path itself with heads or brackets at its
//! ends, or a closed outline around it (simple, fancy, wedge). Pixels, y up.

use super::bezier::{
    Code, NoCrossing, Path, cos_sin, inside_circle, normal_points, parallels,
    split_bezier_at_border, wedged,
};
use crate::charts::geometry::Point;
use crate::charts::spec::{ArrowEnd, ArrowStyle};

/// The paths of `style` along `path`, each with whether it is filled, for
/// heads `mutation` pixels large and lines `linewidth` pixels wide, the
/// path's height squeezed by `aspect` meanwhile (matplotlib's
/// `ArrowStyle._Base.__call__`). Fails where matplotlib raises: a head
/// longer than a fancy arrow.
pub fn transmute(
    style: &ArrowStyle,
    path: &Path,
    mutation: f64,
    linewidth: f64,
    aspect: f64,
) -> Result<Vec<(Path, bool)>, NoCrossing> {
    let squeezed = Path::new(
        path.vertices
            .iter()
            .map(|p| Point::new(p.x, p.y / aspect))
            .collect(),
        path.codes.clone(),
    );
    match style {
        ArrowStyle::Curve { .. } => {
            let parts = curve(style, &squeezed, mutation, linewidth);
            // matplotlib stretches the height back only for a list of paths.
            Ok(parts
                .into_iter()
                .map(|(p, fill)| {
                    let vertices = p
                        .vertices
                        .iter()
                        .map(|v| Point::new(v.x, v.y * aspect))
                        .collect();
                    (Path::new(vertices, p.codes), fill)
                })
                .collect())
        }
        ArrowStyle::Simple {
            head_length,
            head_width,
            tail_width,
        } => Ok(vec![(
            simple(
                quad(&squeezed),
                head_length * mutation,
                head_width * mutation,
                tail_width * mutation,
            ),
            true,
        )]),
        ArrowStyle::Fancy {
            head_length,
            head_width,
            tail_width,
        } => Ok(vec![(
            fancy(
                quad(&squeezed),
                head_length * mutation,
                head_width * mutation,
                tail_width * mutation,
            )?,
            true,
        )]),
        ArrowStyle::Wedge {
            tail_width,
            shrink_factor,
        } => {
            let [b_plus, b_minus] = {
                let (plus, minus) = wedged(
                    &quad(&squeezed),
                    tail_width * mutation / 2.0,
                    1.0,
                    *shrink_factor,
                    0.0,
                );
                [plus, minus]
            };
            let vertices = vec![
                b_plus[0], b_plus[1], b_plus[2], b_minus[2], b_minus[1], b_minus[0], b_minus[0],
            ];
            let codes = vec![
                Code::MoveTo,
                Code::Curve3,
                Code::Curve3,
                Code::LineTo,
                Code::Curve3,
                Code::Curve3,
                Code::Close,
            ];
            Ok(vec![(Path::new(vertices, codes), true)])
        }
    }
}

/// The three control points of a quadratic Bézier path (the guest only
/// pairs these styles with arc3 and angle3 connections, whose paths are).
fn quad(path: &Path) -> [Point; 3] {
    let v = &path.vertices;
    let (first, last) = (v[0], v[v.len() - 1]);
    if v.len() >= 3 {
        [first, v[1], last]
    } else {
        [first, midpoint(first, last), last]
    }
}

/// matplotlib's `ArrowStyle._Curve.transmute`: the path with open or
/// filled heads, or brackets, at its ends.
fn curve(style: &ArrowStyle, path: &Path, mutation: f64, linewidth: f64) -> Vec<(Path, bool)> {
    let ArrowStyle::Curve {
        begin,
        end,
        head_length,
        head_width,
        width_a,
        width_b,
        length_a,
        length_b,
        angle_a,
        angle_b,
        scale_a,
        scale_b,
    } = *style
    else {
        unreachable!("only curve styles come here")
    };
    let head_length = head_length * mutation;
    let head_width = head_width * mutation;
    let head_dist = head_length.hypot(head_width);
    let (cos_t, sin_t) = (head_length / head_dist, head_width / head_dist);
    let scale_a = scale_a.unwrap_or(mutation);
    let scale_b = scale_b.unwrap_or(mutation);
    let v = &path.vertices;
    let n = v.len();
    let (p0, p1, p2, p3) = (v[0], v[1], v[n - 2], v[n - 1]);
    let head = |end: ArrowEnd| matches!(end, ArrowEnd::Head | ArrowEnd::Filled);
    let has_begin = head(begin) && p0 != p1;
    let has_end = head(end) && p2 != p3;
    let wedge = |from: Point, to: Point| arrow_wedge(from, to, head_dist, cos_t, sin_t, linewidth);
    let (wedge_a, dd_a) = if has_begin {
        wedge(p1, p0)
    } else {
        (Vec::new(), (0.0, 0.0))
    };
    let (wedge_b, dd_b) = if has_end {
        wedge(p2, p3)
    } else {
        (Vec::new(), (0.0, 0.0))
    };
    let mut line = v.clone();
    line[0] = Point::new(p0.x + dd_a.0, p0.y + dd_a.1);
    line[n - 1] = Point::new(p3.x + dd_b.0, p3.y + dd_b.1);
    let mut paths = vec![(Path::new(line, path.codes.clone()), false)];
    let mut finish = |kind: ArrowEnd,
                      has_head: bool,
                      wedge: Vec<Point>,
                      bracket_at: (Point, Point),
                      w: f64,
                      l: f64,
                      angle: f64| {
        if has_head {
            let filled = kind == ArrowEnd::Filled;
            let mut vertices = wedge;
            let mut codes = vec![Code::MoveTo, Code::LineTo, Code::LineTo];
            if filled {
                vertices.push(Point::new(0.0, 0.0));
                codes.push(Code::Close);
            }
            paths.push((Path::new(vertices, codes), filled));
        } else if kind == ArrowEnd::Bracket {
            let vertices = bracket(bracket_at.0, bracket_at.1, w, l, angle);
            paths.push((
                Path::new(
                    vertices,
                    vec![Code::MoveTo, Code::LineTo, Code::LineTo, Code::LineTo],
                ),
                false,
            ));
        }
    };
    finish(
        begin,
        has_begin,
        wedge_a,
        (p0, p1),
        width_a * scale_a,
        length_a * scale_a,
        angle_a,
    );
    finish(
        end,
        has_end,
        wedge_b,
        (p3, p2),
        width_b * scale_b,
        length_b * scale_b,
        angle_b,
    );
    paths
}

/// The head of an arrow from `from` to `to` and how far the line's end
/// moves back so that its projecting cap does not overshoot the tip
/// (matplotlib's `_get_arrow_wedge`).
fn arrow_wedge(
    from: Point,
    to: Point,
    head_dist: f64,
    cos_t: f64,
    sin_t: f64,
    linewidth: f64,
) -> (Vec<Point>, (f64, f64)) {
    let (mut dx, mut dy) = (from.x - to.x, from.y - to.y);
    let mut distance = dx.hypot(dy);
    let pad = 0.5 * linewidth / sin_t;
    if distance == 0.0 {
        distance = 1.0;
    }
    let (ddx, ddy) = (pad * dx / distance, pad * dy / distance);
    dx = dx / distance * head_dist;
    dy = dy / distance * head_dist;
    let (dx1, dy1) = (cos_t * dx + sin_t * dy, -sin_t * dx + cos_t * dy);
    let (dx2, dy2) = (cos_t * dx - sin_t * dy, sin_t * dx + cos_t * dy);
    let tip = Point::new(to.x + ddx, to.y + ddy);
    (
        vec![
            Point::new(tip.x + dx1, tip.y + dy1),
            tip,
            Point::new(tip.x + dx2, tip.y + dy2),
        ],
        (ddx, ddy),
    )
}

/// A bracket at `at` across the path towards `towards`: `width` either side
/// and `length` long, turned by `angle` degrees (matplotlib's `_get_bracket`).
fn bracket(at: Point, towards: Point, width: f64, length: f64, angle: f64) -> Vec<Point> {
    let (cos, sin) = cos_sin(towards, at);
    let (p1, p2) = normal_points(at, (cos, sin), width);
    let (dx, dy) = (length * cos, length * sin);
    let vertices = [
        Point::new(p1.x + dx, p1.y + dy),
        p1,
        p2,
        Point::new(p2.x + dx, p2.y + dy),
    ];
    if angle == 0.0 {
        return vertices.to_vec();
    }
    let (s, c) = angle.to_radians().sin_cos();
    vertices
        .iter()
        .map(|p| {
            let (x, y) = (p.x - at.x, p.y - at.y);
            Point::new(at.x + x * c - y * s, at.y + x * s + y * c)
        })
        .collect()
}

/// The point `d` from `from` towards `to`.
fn along(from: Point, to: Point, d: f64) -> Point {
    let (dx, dy) = (from.x - to.x, from.y - to.y);
    let f = d / dx.hypot(dy);
    Point::new(from.x - f * dx, from.y - f * dy)
}

fn midpoint(a: Point, b: Point) -> Point {
    Point::new(0.5 * (a.x + b.x), 0.5 * (a.y + b.y))
}

fn as_quad(points: &[Point]) -> [Point; 3] {
    [points[0], points[1], points[2]]
}

/// matplotlib's `ArrowStyle.Simple.transmute`: a tail of even width and a
/// head, as one closed outline.
fn simple(arrow: [Point; 3], head_length: f64, head_width: f64, tail_width: f64) -> Path {
    let [_, p1, p2] = arrow;
    let (head, tail) = match split_bezier_at_border(&arrow, &inside_circle(p2, head_length)) {
        Ok((out, inner)) => (as_quad(&inner), Some(as_quad(&out))),
        Err(NoCrossing) => {
            let start = along(p2, p1, head_length);
            ([start, midpoint(start, p2), p2], None)
        }
    };
    let (head_left, head_right) = wedged(&head, head_width / 2.0, 1.0, 0.5, 0.0);
    use Code::{Close, Curve3, LineTo, MoveTo};
    let (vertices, codes) = match tail {
        Some(tail) => {
            let (tail_left, tail_right) = parallels(&tail, tail_width / 2.0);
            (
                vec![
                    tail_right[0],
                    tail_right[1],
                    tail_right[2],
                    head_right[0],
                    head_right[1],
                    head_right[2],
                    head_left[1],
                    head_left[0],
                    tail_left[2],
                    tail_left[1],
                    tail_left[0],
                    tail_right[0],
                    tail_right[0],
                ],
                vec![
                    MoveTo, Curve3, Curve3, LineTo, Curve3, Curve3, Curve3, Curve3, LineTo, Curve3,
                    Curve3, LineTo, Close,
                ],
            )
        }
        None => (
            vec![
                head_right[0],
                head_right[1],
                head_right[2],
                head_left[1],
                head_left[0],
                head_left[0],
            ],
            vec![MoveTo, Curve3, Curve3, Curve3, Curve3, Close],
        ),
    };
    Path::new(vertices, codes)
}

/// matplotlib's `ArrowStyle.Fancy.transmute`: a tail narrowing from its
/// start and a head, as one closed outline.
fn fancy(
    arrow: [Point; 3],
    head_length: f64,
    head_width: f64,
    tail_width: f64,
) -> Result<Path, NoCrossing> {
    let [mut p0, p1, p2] = arrow;
    let mut arrow = arrow;
    let head = match split_bezier_at_border(&arrow, &inside_circle(p2, head_length)) {
        Ok((_, inner)) => as_quad(&inner),
        Err(NoCrossing) => {
            p0 = along(p2, p1, head_length);
            arrow = [p0, midpoint(p0, p2), p2];
            arrow
        }
    };
    let (out, _) = split_bezier_at_border(&arrow, &inside_circle(p2, head_length * 0.8))?;
    let tail = as_quad(&out);
    let (head_left, head_right) = wedged(&head, head_width / 2.0, 1.0, 0.6, 0.0);
    let (tail_left, tail_right) = wedged(&tail, tail_width * 0.5, 1.0, 0.6, 0.3);
    let (inner, _) = split_bezier_at_border(&arrow, &inside_circle(p0, tail_width * 0.3))?;
    let tail_start = inner[inner.len() - 1];
    use Code::{Close, Curve3, LineTo, MoveTo};
    Ok(Path::new(
        vec![
            tail_start,
            tail_right[0],
            tail_right[1],
            tail_right[2],
            head_right[0],
            head_right[1],
            head_right[2],
            head_left[1],
            head_left[0],
            tail_left[2],
            tail_left[1],
            tail_left[0],
            tail_start,
            tail_start,
        ],
        vec![
            MoveTo, LineTo, Curve3, Curve3, LineTo, Curve3, Curve3, Curve3, Curve3, LineTo, Curve3,
            Curve3, LineTo, Close,
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn straight(length: f64) -> Path {
        Path::new(
            vec![
                Point::new(0.0, 0.0),
                Point::new(length / 2.0, 0.0),
                Point::new(length, 0.0),
            ],
            vec![Code::MoveTo, Code::Curve3, Code::Curve3],
        )
    }

    fn curve_style(begin: ArrowEnd, end: ArrowEnd) -> ArrowStyle {
        ArrowStyle::Curve {
            begin,
            end,
            head_length: 0.4,
            head_width: 0.2,
            width_a: 1.0,
            width_b: 1.0,
            length_a: 0.2,
            length_b: 0.2,
            angle_a: 0.0,
            angle_b: 0.0,
            scale_a: None,
            scale_b: None,
        }
    }

    #[test]
    fn a_filled_head_sits_at_the_end() {
        let style = curve_style(ArrowEnd::None, ArrowEnd::Filled);
        let parts = transmute(&style, &straight(100.0), 10.0, 1.0, 1.0).unwrap();
        assert_eq!(parts.len(), 2);
        assert!(parts[1].1, "the head is filled");
        let head = &parts[1].0.vertices;
        // The tip moves back by half the line width over sin(t) = 0.447.
        assert!((head[1].x - (100.0 - 0.5 / (0.2f64 / 0.4f64.hypot(0.2)))).abs() < 1e-9);
        assert!((head[0].x - (head[1].x - 4.0)).abs() < 1e-9);
        assert!((head[0].y.abs() - 2.0).abs() < 1e-9);
    }

    #[test]
    fn brackets_stand_across_the_path() {
        let style = curve_style(ArrowEnd::Bracket, ArrowEnd::None);
        let parts = transmute(&style, &straight(100.0), 10.0, 1.0, 1.0).unwrap();
        let bracket = &parts[1].0.vertices;
        assert_eq!(bracket.len(), 4);
        assert!(bracket[1].x.abs() < 1e-9 && (bracket[1].y.abs() - 10.0).abs() < 1e-9);
        assert!(
            (bracket[0].x + 2.0).abs() < 1e-9,
            "the bracket's arms point away: {bracket:?}"
        );
    }

    #[test]
    fn simple_and_fancy_arrows_are_closed_outlines() {
        for style in [
            ArrowStyle::Simple {
                head_length: 0.5,
                head_width: 0.5,
                tail_width: 0.2,
            },
            ArrowStyle::Fancy {
                head_length: 0.4,
                head_width: 0.4,
                tail_width: 0.4,
            },
            ArrowStyle::Wedge {
                tail_width: 0.3,
                shrink_factor: 0.5,
            },
        ] {
            let parts = transmute(&style, &straight(100.0), 20.0, 1.0, 1.0).unwrap();
            assert_eq!(parts.len(), 1);
            assert!(parts[0].1);
            assert_eq!(parts[0].0.codes.last(), Some(&Code::Close));
            let xs: Vec<f64> = parts[0].0.vertices.iter().map(|p| p.x).collect();
            assert!(xs.iter().cloned().fold(f64::MIN, f64::max) <= 100.0 + 1e-9);
        }
    }
}

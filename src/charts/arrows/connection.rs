//! matplotlib's connection styles: the path from A to B an arrow follows,
//! clipped by the patches at its ends and shortened by `shrinkA`/`shrinkB`
//! (`ConnectionStyle`). Pixels, y up.

use super::bezier::{Code, Path, inside_circle, intersection, split_path_inout};
use crate::charts::geometry::Point;
use crate::charts::spec::ConnectionStyle;

/// The connection from `a` to `b` (matplotlib's `ConnectionStyle._Base.__call__`):
/// the style's path, clipped where it leaves `inside_a` and enters
/// `inside_b`, then by circles of `shrink_a`/`shrink_b` pixels at its ends.
pub fn connect(
    style: &ConnectionStyle,
    a: Point,
    b: Point,
    inside_a: Option<&dyn Fn(Point) -> bool>,
    inside_b: Option<&dyn Fn(Point) -> bool>,
    shrink_a: f64,
    shrink_b: f64,
) -> Path {
    let path = style_path(style, a, b);
    let path = clip(path, inside_a, inside_b);
    let start = path.vertices[0];
    let end = path.vertices[path.vertices.len() - 1];
    let circle_a = inside_circle(start, shrink_a);
    let circle_b = inside_circle(end, shrink_b);
    clip(
        path,
        (shrink_a != 0.0).then_some(&circle_a as &dyn Fn(Point) -> bool),
        (shrink_b != 0.0).then_some(&circle_b as &dyn Fn(Point) -> bool),
    )
}

/// `path` without its start inside `in_start` and its end inside `in_stop`
/// (each left whole when it does not cross that border).
fn clip(
    mut path: Path,
    in_start: Option<&dyn Fn(Point) -> bool>,
    in_stop: Option<&dyn Fn(Point) -> bool>,
) -> Path {
    if let Some(inside) = in_start
        && let Ok((_, rest)) = split_path_inout(&path, inside)
    {
        path = rest;
    }
    if let Some(inside) = in_stop
        && let Ok((rest, _)) = split_path_inout(&path, inside)
    {
        path = rest;
    }
    path
}

fn direction(degrees: f64) -> (f64, f64) {
    let radians = degrees.to_radians();
    (radians.cos(), radians.sin())
}

/// The unclipped path of `style` from `a` to `b` (its `connect`).
fn style_path(style: &ConnectionStyle, a: Point, b: Point) -> Path {
    match *style {
        ConnectionStyle::Arc3 { rad } => {
            let middle = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let control = Point::new(middle.x + rad * dy, middle.y - rad * dx);
            quadratic(a, control, b)
        }
        ConnectionStyle::Angle3 { angle_a, angle_b } => {
            match intersection(a, direction(angle_a), b, direction(angle_b)) {
                Some(control) => quadratic(a, control, b),
                None => straight(a, b),
            }
        }
        ConnectionStyle::Angle {
            angle_a,
            angle_b,
            rad,
        } => {
            let Some(c) = intersection(a, direction(angle_a), b, direction(angle_b)) else {
                return straight(a, b);
            };
            let mut vertices = vec![a];
            let mut codes = vec![Code::MoveTo];
            if rad == 0.0 {
                vertices.push(c);
                codes.push(Code::LineTo);
            } else {
                let towards = |p: Point| {
                    let (dx, dy) = (p.x - c.x, p.y - c.y);
                    let f = rad / dx.hypot(dy);
                    Point::new(c.x + dx * f, c.y + dy * f)
                };
                vertices.extend([towards(a), c, towards(b)]);
                codes.extend([Code::LineTo, Code::Curve3, Code::Curve3]);
            }
            vertices.push(b);
            codes.push(Code::LineTo);
            Path::new(vertices, codes)
        }
        ConnectionStyle::Arc {
            angle_a,
            angle_b,
            arm_a,
            arm_b,
            rad,
        } => arc(a, b, angle_a, angle_b, arm_a, arm_b, rad),
        ConnectionStyle::Bar {
            arm_a,
            arm_b,
            fraction,
            angle,
        } => bar(a, b, arm_a, arm_b, fraction, angle),
    }
}

fn quadratic(a: Point, control: Point, b: Point) -> Path {
    Path::new(
        vec![a, control, b],
        vec![Code::MoveTo, Code::Curve3, Code::Curve3],
    )
}

fn straight(a: Point, b: Point) -> Path {
    Path::new(vec![a, b], vec![Code::MoveTo, Code::LineTo])
}

/// matplotlib's `ConnectionStyle.Arc.connect`: arms at `angle_a` from A and
/// `angle_b` from B joined by straight lines, corners rounded by `rad`.
fn arc(
    a: Point,
    b: Point,
    angle_a: f64,
    angle_b: f64,
    arm_a: Option<f64>,
    arm_b: Option<f64>,
    rad: f64,
) -> Path {
    let mut vertices = vec![a];
    let mut codes = vec![Code::MoveTo];
    let mut rounded: Vec<Point> = Vec::new();
    let arm_a = arm_a.filter(|&v| v != 0.0);
    let arm_b = arm_b.filter(|&v| v != 0.0);
    if let Some(arm) = arm_a {
        let (cos, sin) = direction(angle_a);
        let d = arm - rad;
        rounded.push(Point::new(a.x + d * cos, a.y + d * sin));
        rounded.push(Point::new(a.x + arm * cos, a.y + arm * sin));
    }
    if let Some(arm) = arm_b {
        let (cos, sin) = direction(angle_b);
        let arm_end = Point::new(b.x + arm * cos, b.y + arm * sin);
        let (p, dx, dy, dd);
        if let Some(&last) = rounded.last() {
            p = last;
            (dx, dy) = (arm_end.x - p.x, arm_end.y - p.y);
            dd = dx.hypot(dy);
            rounded.push(Point::new(p.x + rad * dx / dd, p.y + rad * dy / dd));
            vertices.append(&mut rounded);
            codes.extend([Code::LineTo, Code::Curve3, Code::Curve3]);
        } else {
            p = vertices[vertices.len() - 1];
            (dx, dy) = (arm_end.x - p.x, arm_end.y - p.y);
            dd = dx.hypot(dy);
        }
        let d = dd - rad;
        rounded = vec![Point::new(p.x + d * dx / dd, p.y + d * dy / dd), arm_end];
    }
    if let Some(&p) = rounded.last() {
        let (dx, dy) = (b.x - p.x, b.y - p.y);
        let dd = dx.hypot(dy);
        rounded.push(Point::new(p.x + rad * dx / dd, p.y + rad * dy / dd));
        vertices.append(&mut rounded);
        codes.extend([Code::LineTo, Code::Curve3, Code::Curve3]);
    }
    vertices.push(b);
    codes.push(Code::LineTo);
    Path::new(vertices, codes)
}

/// matplotlib's `ConnectionStyle.Bar.connect`: out from A and B at right
/// angles to the line joining them (or to `angle`), `fraction` of their
/// distance plus the longer arm, and across.
fn bar(a: Point, b: Point, arm_a: f64, arm_b: f64, fraction: f64, angle: Option<f64>) -> Path {
    let (mut x2, mut y2) = (b.x, b.y);
    let (mut dx, mut dy) = (x2 - a.x, y2 - a.y);
    let dd = dx.hypot(dy);
    let (mut ddx, mut ddy) = (dx / dd, dy / dd);
    let mut arm_b = arm_b;
    if let Some(angle) = angle {
        let theta0 = angle.to_radians();
        let dtheta = dy.atan2(dx) - theta0;
        let dl = dd * dtheta.sin();
        let d_l = dd * dtheta.cos();
        x2 = a.x + d_l * theta0.cos();
        y2 = a.y + d_l * theta0.sin();
        arm_b -= dl;
        (dx, dy) = (x2 - a.x, y2 - a.y);
        let dd2 = dx.hypot(dy);
        (ddx, ddy) = (dx / dd2, dy / dd2);
    }
    let f = fraction * dd + arm_a.max(arm_b);
    let c1 = Point::new(a.x + f * ddy, a.y - f * ddx);
    let c2 = Point::new(x2 + f * ddy, y2 - f * ddx);
    Path::new(
        vec![a, c1, c2, b],
        vec![Code::MoveTo, Code::LineTo, Code::LineTo, Code::LineTo],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arc3_bends_to_the_right_of_the_way_for_a_positive_rad() {
        let style = ConnectionStyle::Arc3 { rad: 0.5 };
        let path = connect(
            &style,
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            None,
            None,
            0.0,
            0.0,
        );
        assert_eq!(path.vertices[1], Point::new(5.0, -5.0));
    }

    #[test]
    fn shrinking_shortens_both_ends() {
        let style = ConnectionStyle::Arc3 { rad: 0.0 };
        let path = connect(
            &style,
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            None,
            None,
            10.0,
            20.0,
        );
        let (start, end) = (path.vertices[0], path.vertices[path.vertices.len() - 1]);
        assert!((start.x - 10.0).abs() < 0.05, "{start:?}");
        assert!((end.x - 80.0).abs() < 0.05, "{end:?}");
    }

    #[test]
    fn angle_turns_at_the_crossing_of_its_two_directions() {
        let style = ConnectionStyle::Angle {
            angle_a: 0.0,
            angle_b: 90.0,
            rad: 0.0,
        };
        let path = style_path(&style, Point::new(0.0, 0.0), Point::new(10.0, 10.0));
        assert!((path.vertices[1].x - 10.0).abs() < 1e-9 && path.vertices[1].y.abs() < 1e-9);
    }
}

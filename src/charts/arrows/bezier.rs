//! Paths of lines and Bézier curves and the operations matplotlib's arrows
//! make on them (`matplotlib.bezier`): splitting where a curve leaves a
//! region, and curves roughly parallel to a quadratic one. Coordinates are
//! display pixels with y up, as matplotlib's.

use crate::charts::geometry::Point;

/// How a vertex continues the path (matplotlib's `Path` codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    MoveTo,
    LineTo,
    /// A control point or the end point of a quadratic Bézier.
    Curve3,
    /// A control point or the end point of a cubic Bézier.
    Curve4,
    Close,
}

/// Vertices and their codes, as matplotlib's `Path`.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub vertices: Vec<Point>,
    pub codes: Vec<Code>,
}

/// A path could not be split: it does not cross the region's border.
#[derive(Debug)]
pub struct NoCrossing;

impl Path {
    pub fn new(vertices: Vec<Point>, codes: Vec<Code>) -> Self {
        Self { vertices, codes }
    }

    /// Its segments: each code's vertices (two for a quadratic Bézier,
    /// three for a cubic) with the code.
    pub fn segments(&self) -> Vec<(Vec<Point>, Code)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.codes.len() {
            let code = self.codes[i];
            let n = match code {
                Code::Curve3 => 2,
                Code::Curve4 => 3,
                _ => 1,
            };
            let end = (i + n).min(self.vertices.len());
            out.push((self.vertices[i..end].to_vec(), code));
            i += n;
        }
        out
    }

    /// The path as polylines (one per subpath) and whether each is closed,
    /// curves flattened into segments that stray at most `tolerance` from
    /// them (a nearly straight curve is one segment: many collinear pieces
    /// would show their seams when stroked).
    pub fn polylines(&self, tolerance: f64) -> Vec<(Vec<Point>, bool)> {
        let mut out: Vec<(Vec<Point>, bool)> = Vec::new();
        let mut current: Vec<Point> = Vec::new();
        for (points, code) in self.segments() {
            match code {
                Code::MoveTo => {
                    if current.len() > 1 {
                        out.push((std::mem::take(&mut current), false));
                    }
                    current = points;
                }
                Code::LineTo => current.extend(points),
                Code::Curve3 | Code::Curve4 => {
                    let Some(&start) = current.last() else {
                        continue;
                    };
                    let control: Vec<Point> = std::iter::once(start).chain(points).collect();
                    let steps = flattening_steps(&control, tolerance);
                    current
                        .extend((1..=steps).map(|k| point_at(&control, k as f64 / steps as f64)));
                }
                Code::Close => {
                    if current.len() > 1 {
                        out.push((std::mem::take(&mut current), true));
                    }
                }
            }
        }
        if current.len() > 1 {
            out.push((current, false));
        }
        out
    }
}

/// Most segments a curve is flattened into.
const MAX_STEPS: usize = 64;

/// How many segments keep a flattened Bézier within `tolerance` of it: the
/// curve strays from its chords by at most the second differences of its
/// control points over 8 (times the degree's factor) per squared step.
fn flattening_steps(control: &[Point], tolerance: f64) -> usize {
    let bend = control
        .windows(3)
        .map(|w| (w[0].x - 2.0 * w[1].x + w[2].x).hypot(w[0].y - 2.0 * w[1].y + w[2].y))
        .fold(0.0, f64::max);
    let degree = (control.len() - 1) as f64;
    let deviation = degree * (degree - 1.0) * bend / 8.0;
    ((deviation / tolerance).sqrt().ceil() as usize).clamp(1, MAX_STEPS)
}

/// The point at `t` of the Bézier with control points `control`.
pub fn point_at(control: &[Point], t: f64) -> Point {
    let mut beta = control.to_vec();
    while beta.len() > 1 {
        beta = step(&beta, t);
    }
    beta[0]
}

fn step(beta: &[Point], t: f64) -> Vec<Point> {
    beta.windows(2)
        .map(|w| {
            Point::new(
                w[0].x * (1.0 - t) + w[1].x * t,
                w[0].y * (1.0 - t) + w[1].y * t,
            )
        })
        .collect()
}

/// The Bézier `control` split at `t` into two (de Casteljau).
pub fn split_de_casteljau(control: &[Point], t: f64) -> (Vec<Point>, Vec<Point>) {
    let mut levels = vec![control.to_vec()];
    while levels.last().is_some_and(|l| l.len() > 1) {
        let next = step(levels.last().expect("a level"), t);
        levels.push(next);
    }
    let left = levels.iter().map(|l| l[0]).collect();
    let right = levels.iter().rev().map(|l| l[l.len() - 1]).collect();
    (left, right)
}

/// Parameters t0 <= t <= t1 around where the curve crosses the border of
/// the region `inside`, by bisection until their points are `tolerance`
/// apart (matplotlib's `find_bezier_t_intersecting_with_closedpath`).
fn find_t(
    at: impl Fn(f64) -> Point,
    inside: &dyn Fn(Point) -> bool,
    tolerance: f64,
) -> Result<(f64, f64), NoCrossing> {
    let (mut t0, mut t1) = (0.0, 1.0);
    let (mut start, mut end) = (at(t0), at(t1));
    let mut start_inside = inside(start);
    if start_inside == inside(end) && start != end {
        return Err(NoCrossing);
    }
    loop {
        if (start.x - end.x).hypot(start.y - end.y) < tolerance {
            return Ok((t0, t1));
        }
        let middle_t = 0.5 * (t0 + t1);
        let middle = at(middle_t);
        let middle_inside = inside(middle);
        if start_inside ^ middle_inside {
            t1 = middle_t;
            if end == middle {
                return Ok((t0, t1));
            }
            end = middle;
        } else {
            t0 = middle_t;
            if start == middle {
                return Ok((t0, t1));
            }
            start = middle;
            start_inside = middle_inside;
        }
    }
}

/// The Bézier `control` split in two where it crosses the border of
/// `inside` (matplotlib's `split_bezier_intersecting_with_closedpath`).
pub fn split_bezier_at_border(
    control: &[Point],
    inside: &dyn Fn(Point) -> bool,
) -> Result<(Vec<Point>, Vec<Point>), NoCrossing> {
    let (t0, t1) = find_t(|t| point_at(control, t), inside, 0.01)?;
    Ok(split_de_casteljau(control, (t0 + t1) / 2.0))
}

/// `path` divided where it first leaves (or enters) `inside`: the part
/// before and the part after (matplotlib's `split_path_inout`).
pub fn split_path_inout(
    path: &Path,
    inside: &dyn Fn(Point) -> bool,
) -> Result<(Path, Path), NoCrossing> {
    let segments = path.segments();
    let mut iter = segments.iter();
    let (first, _) = iter.next().ok_or(NoCrossing)?;
    let begin_inside = inside(*first.last().ok_or(NoCrossing)?);
    let mut previous = first;
    let (mut iold, mut i) = (0, 1);
    let mut found = None;
    for (points, _) in iter {
        iold = i;
        i += points.len();
        if inside(points[points.len() - 1]) != begin_inside {
            let control: Vec<Point> = std::iter::once(previous[previous.len() - 1])
                .chain(points.iter().copied())
                .collect();
            found = Some(control);
            break;
        }
        previous = points;
    }
    let control = found.ok_or(NoCrossing)?;
    let (left, right) = split_bezier_at_border(&control, inside)?;
    let (code_left, code_right) = match left.len() {
        2 => (Code::LineTo, Code::LineTo),
        3 => (Code::Curve3, Code::Curve3),
        _ => (Code::Curve4, Code::Curve4),
    };
    let n = left.len() - 1;
    let mut vertices_in = path.vertices[..iold].to_vec();
    vertices_in.extend(&left[1..]);
    let mut codes_in = path.codes[..iold].to_vec();
    codes_in.extend(std::iter::repeat_n(code_left, n));
    let mut vertices_out = right.clone();
    vertices_out.extend(&path.vertices[i..]);
    let mut codes_out = vec![Code::MoveTo];
    codes_out.extend(std::iter::repeat_n(code_right, n));
    codes_out.extend(&path.codes[i..]);
    Ok((
        Path::new(vertices_in, codes_in),
        Path::new(vertices_out, codes_out),
    ))
}

/// Whether a point is strictly within `r` of `centre`.
pub fn inside_circle(centre: Point, r: f64) -> impl Fn(Point) -> bool {
    move |p: Point| (p.x - centre.x).powi(2) + (p.y - centre.y).powi(2) < r * r
}

/// The direction from `a` to `b` as (cos, sin); (0, 0) when they coincide.
pub fn cos_sin(a: Point, b: Point) -> (f64, f64) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let d = dx.hypot(dy);
    if d == 0.0 {
        (0.0, 0.0)
    } else {
        (dx / d, dy / d)
    }
}

/// Where the line through `a` at angle (cos1, sin1) meets the line through
/// `b` at angle (cos2, sin2); none for parallel lines.
pub fn intersection(
    a: Point,
    (cos1, sin1): (f64, f64),
    b: Point,
    (cos2, sin2): (f64, f64),
) -> Option<Point> {
    let rhs1 = sin1 * a.x - cos1 * a.y;
    let rhs2 = sin2 * b.x - cos2 * b.y;
    let (pa, pb, pc, pd) = (sin1, -cos1, sin2, -cos2);
    let det = pa * pd - pb * pc;
    if det.abs() < 1e-12 {
        return None;
    }
    let (a_, b_, c_, d_) = (pd / det, -pb / det, -pc / det, pa / det);
    Some(Point::new(a_ * rhs1 + b_ * rhs2, c_ * rhs1 + d_ * rhs2))
}

/// The two points `length` away from `c` across the line through it at
/// angle (cos, sin): left, then right.
pub fn normal_points(c: Point, (cos, sin): (f64, f64), length: f64) -> (Point, Point) {
    if length == 0.0 {
        return (c, c);
    }
    (
        Point::new(length * sin + c.x, -length * cos + c.y),
        Point::new(-length * sin + c.x, length * cos + c.y),
    )
}

/// Control points of the quadratic Bézier through `c1`, `mm` and `c2` at
/// t = 0, 0.5 and 1.
fn control_points(c1: Point, mm: Point, c2: Point) -> [Point; 3] {
    let cm = Point::new(
        0.5 * (4.0 * mm.x - (c1.x + c2.x)),
        0.5 * (4.0 * mm.y - (c1.y + c2.y)),
    );
    [c1, cm, c2]
}

/// Two quadratic Béziers either side of `bezier`, `width * w1` away from it
/// at its start, `width * wm` at its middle and `width * w2` at its end
/// (matplotlib's `make_wedged_bezier2`).
pub fn wedged(
    bezier: &[Point; 3],
    width: f64,
    w1: f64,
    wm: f64,
    w2: f64,
) -> ([Point; 3], [Point; 3]) {
    let [c1, cm, c3] = *bezier;
    let t1 = cos_sin(c1, cm);
    let t2 = cos_sin(cm, c3);
    let (c1_left, c1_right) = normal_points(c1, t1, width * w1);
    let (c3_left, c3_right) = normal_points(c3, t2, width * w2);
    let c12 = Point::new((c1.x + cm.x) * 0.5, (c1.y + cm.y) * 0.5);
    let c23 = Point::new((cm.x + c3.x) * 0.5, (cm.y + c3.y) * 0.5);
    let c123 = Point::new((c12.x + c23.x) * 0.5, (c12.y + c23.y) * 0.5);
    let (c123_left, c123_right) = normal_points(c123, cos_sin(c12, c23), width * wm);
    (
        control_points(c1_left, c123_left, c3_left),
        control_points(c1_right, c123_right, c3_right),
    )
}

/// Two quadratic Béziers roughly parallel to `bezier`, `width` either side
/// (matplotlib's `get_parallels`).
pub fn parallels(bezier: &[Point; 3], width: f64) -> ([Point; 3], [Point; 3]) {
    let [c1, cm, c2] = *bezier;
    let theta1 = (c1.x - cm.x).atan2(c1.y - cm.y);
    let theta2 = (cm.x - c2.x).atan2(cm.y - c2.y);
    let opposite = ((theta1 - theta2).abs() - std::f64::consts::PI).abs() < 1e-5;
    let (t1, t2) = if opposite {
        let t = cos_sin(c1, c2);
        (t, t)
    } else {
        (cos_sin(c1, cm), cos_sin(cm, c2))
    };
    let (c1_left, c1_right) = normal_points(c1, t1, width);
    let (c2_left, c2_right) = normal_points(c2, t2, width);
    let middle = |a: Point, b: Point| {
        intersection(a, t1, b, t2).unwrap_or(Point::new(0.5 * (a.x + b.x), 0.5 * (a.y + b.y)))
    };
    (
        [c1_left, middle(c1_left, c2_left), c2_left],
        [c1_right, middle(c1_right, c2_right), c2_right],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting_a_line_where_it_leaves_a_circle() {
        let path = Path::new(
            vec![Point::new(0.0, 0.0), Point::new(10.0, 0.0)],
            vec![Code::MoveTo, Code::LineTo],
        );
        let (inner, outer) =
            split_path_inout(&path, &inside_circle(Point::new(0.0, 0.0), 4.0)).unwrap();
        assert!((inner.vertices[1].x - 4.0).abs() < 0.02);
        assert!((outer.vertices[0].x - 4.0).abs() < 0.02);
        assert_eq!(outer.codes, vec![Code::MoveTo, Code::LineTo]);
    }

    #[test]
    fn a_split_quadratic_keeps_its_shape() {
        let control = [
            Point::new(0.0, 0.0),
            Point::new(5.0, 5.0),
            Point::new(10.0, 0.0),
        ];
        let (left, right) = split_de_casteljau(&control, 0.5);
        assert_eq!(left[2], right[0]);
        assert_eq!(left[2], point_at(&control, 0.5));
        let q = point_at(&right, 0.5);
        let p = point_at(&control, 0.75);
        assert!((q.x - p.x).abs() < 1e-12 && (q.y - p.y).abs() < 1e-12);
    }

    #[test]
    fn parallels_of_a_straight_curve_are_offset_lines() {
        let control = [
            Point::new(0.0, 0.0),
            Point::new(5.0, 0.0),
            Point::new(10.0, 0.0),
        ];
        let (left, right) = parallels(&control, 1.0);
        assert!(left.iter().all(|p| (p.y + 1.0).abs() < 1e-12));
        assert!(right.iter().all(|p| (p.y - 1.0).abs() < 1e-12));
    }
}

//! Cutting lines and polygons to a rectangle (the axes box, the canvas).

use super::geometry::{Point, Rect};

/// The parts of a polyline inside `rect` (Liang–Barsky on each segment); a
/// non-finite point breaks the line, as NaN does in matplotlib.
pub fn clip_polyline(points: &[Point], rect: &Rect) -> Vec<Vec<Point>> {
    let mut pieces: Vec<Vec<Point>> = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    for pair in points.windows(2) {
        let finite = pair[0].is_finite() && pair[1].is_finite();
        match clip_segment(pair[0], pair[1], rect).filter(|_| finite) {
            Some((a, b)) => {
                if current.last() != Some(&a) {
                    if current.len() > 1 {
                        pieces.push(std::mem::take(&mut current));
                    }
                    current = vec![a];
                }
                current.push(b);
            }
            None => {
                if current.len() > 1 {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

fn clip_segment(a: Point, b: Point, rect: &Rect) -> Option<(Point, Point)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.x - rect.x0),
        (dx, rect.x1 - a.x),
        (-dy, a.y - rect.y0),
        (dy, rect.y1 - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| Point::new(a.x + dx * t, a.y + dy * t);
    Some((
        if t0 > 0.0 { at(t0) } else { a },
        if t1 < 1.0 { at(t1) } else { b },
    ))
}

/// The part of a polygon inside `rect` (Sutherland–Hodgman).
pub fn clip_polygon(points: &[Point], rect: &Rect) -> Vec<Point> {
    type Inside = fn(Point, &Rect) -> bool;
    type Cross = fn(Point, Point, &Rect) -> Point;
    let edges: [(Inside, Cross); 4] = [
        (|p, r| p.x >= r.x0, |a, b, r| lerp_x(a, b, r.x0)),
        (|p, r| p.x <= r.x1, |a, b, r| lerp_x(a, b, r.x1)),
        (|p, r| p.y >= r.y0, |a, b, r| lerp_y(a, b, r.y0)),
        (|p, r| p.y <= r.y1, |a, b, r| lerp_y(a, b, r.y1)),
    ];
    let mut polygon = points.to_vec();
    for (inside, cross) in edges {
        polygon = clip_by(&polygon, |p| inside(p, rect), |a, b| cross(a, b, rect));
    }
    polygon
}

/// One Sutherland–Hodgman step: the part of `polygon` on the inner side of
/// one edge, where `inside` tells a point's side and `cross` where a segment
/// meets the edge.
pub fn clip_by(
    polygon: &[Point],
    inside: impl Fn(Point) -> bool,
    cross: impl Fn(Point, Point) -> Point,
) -> Vec<Point> {
    let Some(&last) = polygon.last() else {
        return Vec::new();
    };
    let mut clipped = Vec::with_capacity(polygon.len() + 1);
    let mut previous = last;
    for &point in polygon {
        match (inside(point), inside(previous)) {
            (true, true) => clipped.push(point),
            (true, false) => {
                clipped.push(cross(previous, point));
                clipped.push(point);
            }
            (false, true) => clipped.push(cross(previous, point)),
            (false, false) => {}
        }
        previous = point;
    }
    clipped
}

fn lerp_x(a: Point, b: Point, x: f64) -> Point {
    let t = (x - a.x) / (b.x - a.x);
    Point::new(x, a.y + (b.y - a.y) * t)
}

fn lerp_y(a: Point, b: Point, y: f64) -> Point {
    let t = (y - a.y) / (b.y - a.y);
    Point::new(a.x + (b.x - a.x) * t, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_keeps_the_inside() {
        let rect = Rect::new(0.0, 0.0, 10.0, 10.0);
        let line = [
            Point::new(-5.0, 5.0),
            Point::new(5.0, 5.0),
            Point::new(5.0, 20.0),
        ];
        let pieces = clip_polyline(&line, &rect);
        assert_eq!(
            pieces,
            vec![vec![
                Point::new(0.0, 5.0),
                Point::new(5.0, 5.0),
                Point::new(5.0, 10.0)
            ]]
        );
        let square = [
            Point::new(5.0, 5.0),
            Point::new(15.0, 5.0),
            Point::new(15.0, 15.0),
            Point::new(5.0, 15.0),
        ];
        let clipped = Rect::enclosing(clip_polygon(&square, &rect));
        assert_eq!(clipped, Rect::new(5.0, 5.0, 10.0, 10.0));
    }
}

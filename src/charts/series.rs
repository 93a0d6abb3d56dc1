//! Where an artist's data lands in pixels: connected runs of points, steps,
//! data rectangles and the areas between two curves.

use super::geometry::{Point, Rect};
use super::scale::{AxisMap, position};
use super::spec::{Coords, DrawStyle};

/// The i-th value of a per-item list, or its only value.
pub fn pick<T: Copy>(values: &[T], i: usize) -> T {
    *pick_ref(values, i)
}

/// [`pick`] by reference, for values that are not `Copy`.
pub fn pick_ref<T>(values: &[T], i: usize) -> &T {
    &values[if values.len() == 1 { 0 } else { i }]
}

/// The corners of a stepped line through `x`, `y` (matplotlib's drawstyles;
/// a gap stays a gap).
pub fn steps(
    x: &[Option<f64>],
    y: &[Option<f64>],
    style: DrawStyle,
) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
    let mut sx = Vec::with_capacity(x.len() * 2);
    let mut sy = Vec::with_capacity(y.len() * 2);
    for i in 0..x.len().min(y.len()) {
        if i > 0 {
            let (x0, y0, x1, y1) = (x[i - 1], y[i - 1], x[i], y[i]);
            match style {
                DrawStyle::StepsPre => {
                    sx.push(x0);
                    sy.push(y1);
                }
                DrawStyle::StepsPost => {
                    sx.push(x1);
                    sy.push(y0);
                }
                DrawStyle::StepsMid => {
                    let mid = x0.zip(x1).map(|(a, b)| (a + b) / 2.0);
                    sx.extend([mid, mid]);
                    sy.extend([y0, y1]);
                }
                DrawStyle::Default => {}
            }
        }
        sx.push(x[i]);
        sy.push(y[i]);
    }
    (sx, sy)
}

/// Each point in pixels; None where it cannot be placed (None, NaN, a
/// non-positive value on a log axis).
pub fn pixels(
    x: &[Option<f64>],
    y: &[Option<f64>],
    [xc, yc]: [Coords; 2],
    xmap: &AxisMap,
    ymap: &AxisMap,
) -> Vec<Option<Point>> {
    x.iter()
        .zip(y)
        .map(|(px, py)| {
            px.zip(*py)
                .and_then(|(a, b)| Some(Point::new(position(xc, a, xmap)?, position(yc, b, ymap)?)))
        })
        .collect()
}

/// Connected runs of mappable points (None, NaN and non-positive log values break a line).
pub fn runs(
    x: &[Option<f64>],
    y: &[Option<f64>],
    coords: [Coords; 2],
    xmap: &AxisMap,
    ymap: &AxisMap,
) -> Vec<Vec<Point>> {
    runs_of(&pixels(x, y, coords, xmap, ymap))
}

/// Connected runs of placed points: each unplaced (None) point breaks the line.
pub fn runs_of(points: &[Option<Point>]) -> Vec<Vec<Point>> {
    let mut runs = Vec::new();
    let mut current = Vec::new();
    for &point in points {
        match point {
            Some(point) => current.push(point),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// A data rectangle in pixels; a side with no place on a log axis (zero)
/// goes just past the frame, as matplotlib clips it.
pub fn data_rect(
    (x0, x1): (f64, f64),
    (y0, y1): (f64, f64),
    xmap: &AxisMap,
    ymap: &AxisMap,
    frame: &Rect,
) -> Rect {
    let px = |map: &AxisMap, v: f64, beyond: f64| map.pixel(v).unwrap_or(beyond);
    Rect::new(
        px(xmap, x0, frame.x0 - 1.0),
        px(ymap, y0, frame.y1 + 1.0),
        px(xmap, x1, frame.x0 - 1.0),
        px(ymap, y1, frame.y1 + 1.0),
    )
}

/// The closed areas between two curves, one per run of complete points.
pub fn fill_polygons(
    x: &[Option<f64>],
    y1: &[Option<f64>],
    y2: &[Option<f64>],
    xmap: &AxisMap,
    ymap: &AxisMap,
) -> Vec<Vec<Point>> {
    let mut polygons = Vec::new();
    let mut upper: Vec<Point> = Vec::new();
    let mut lower: Vec<Point> = Vec::new();
    let mut close = |upper: &mut Vec<Point>, lower: &mut Vec<Point>| {
        if upper.len() > 1 {
            let mut polygon = std::mem::take(upper);
            polygon.extend(lower.drain(..).rev());
            polygons.push(polygon);
        }
        upper.clear();
        lower.clear();
    };
    for ((px, a), b) in x.iter().zip(y1).zip(y2) {
        let mapped = (|| {
            let sx = xmap.pixel((*px)?)?;
            Some((
                Point::new(sx, ymap.pixel((*a)?)?),
                Point::new(sx, ymap.pixel((*b)?)?),
            ))
        })();
        match mapped {
            Some((top, bottom)) => {
                upper.push(top);
                lower.push(bottom);
            }
            None => close(&mut upper, &mut lower),
        }
    }
    close(&mut upper, &mut lower);
    polygons
}

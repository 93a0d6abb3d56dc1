//! Filling several rings as one shape by the nonzero winding rule (as
//! matplotlib's Agg fills a path of several subpaths): a hole turns the
//! other way round from its outline, a same-way ring inside adds nothing.

use super::geometry::Point;

/// The spans `(row, x0, x1)` inside `rings` (each implicitly closed) for
/// the pixel rows `rows`, sampled at the rows' centres.
pub fn nonzero_spans(rings: &[Vec<Point>], rows: std::ops::Range<i32>) -> Vec<(i32, f64, f64)> {
    // The edges by their lowest y, entering the active list at the first row
    // centre they reach (a filled contour has hundreds of thousands).
    let mut edges: Vec<(Point, Point)> = rings
        .iter()
        .flat_map(|ring| ring.iter().zip(ring.iter().cycle().skip(1)))
        .filter(|(a, b)| a.y != b.y)
        .map(|(a, b)| (*a, *b))
        .collect();
    edges.sort_by(|p, q| p.0.y.min(p.1.y).total_cmp(&q.0.y.min(q.1.y)));
    let mut pending = edges.iter().peekable();
    let mut active: Vec<(Point, Point)> = Vec::new();
    let mut spans = Vec::new();
    let mut crossings: Vec<(f64, i32)> = Vec::new();
    for row in rows {
        let y = f64::from(row) + 0.5;
        while let Some(&&(a, b)) = pending.peek() {
            if a.y.min(b.y) > y {
                break;
            }
            active.push((a, b));
            pending.next();
        }
        active.retain(|(a, b)| y < a.y.max(b.y));
        crossings.clear();
        for &(a, b) in &active {
            let direction = if a.y <= y && y < b.y {
                1
            } else if b.y <= y && y < a.y {
                -1
            } else {
                continue;
            };
            let x = a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x);
            crossings.push((x, direction));
        }
        crossings.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut winding = 0;
        for pair in crossings.windows(2) {
            winding += pair[0].1;
            if winding == 0 || pair[1].0 <= pair[0].0 {
                continue;
            }
            match spans.last_mut() {
                // Touching spans (a same-way inner ring) join.
                Some((last_row, _, end)) if *last_row == row && *end == pair[0].0 => {
                    *end = pair[1].0
                }
                _ => spans.push((row, pair[0].0, pair[1].0)),
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, size: f64, clockwise: bool) -> Vec<Point> {
        let mut ring = vec![
            Point::new(x0, y0),
            Point::new(x0 + size, y0),
            Point::new(x0 + size, y0 + size),
            Point::new(x0, y0 + size),
        ];
        if clockwise {
            ring.reverse();
        }
        ring
    }

    #[test]
    fn a_reversed_inner_ring_is_a_hole_and_a_same_way_one_is_not() {
        let outer = square(0.0, 0.0, 10.0, false);
        let hole = nonzero_spans(&[outer.clone(), square(4.0, 4.0, 2.0, true)], 5..6);
        assert_eq!(hole, vec![(5, 0.0, 4.0), (5, 6.0, 10.0)]);
        let filled = nonzero_spans(&[outer, square(4.0, 4.0, 2.0, false)], 5..6);
        assert_eq!(filled, vec![(5, 0.0, 10.0)]);
    }
}

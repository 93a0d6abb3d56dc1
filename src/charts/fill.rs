//! Filling several rings as one shape by the nonzero winding rule (as
//! matplotlib's Agg fills a path of several subpaths): a hole turns the
//! other way round from its outline, a same-way ring inside adds nothing.

use super::geometry::Point;

/// The spans `(row, x0, x1)` inside `rings` (each implicitly closed) for
/// the pixel rows `rows`, sampled at the rows' centres.
pub fn nonzero_spans(rings: &[Vec<Point>], rows: std::ops::Range<i32>) -> Vec<(i32, f64, f64)> {
    let mut spans = Vec::new();
    let mut crossings: Vec<(f64, i32)> = Vec::new();
    for row in rows {
        let y = f64::from(row) + 0.5;
        crossings.clear();
        for ring in rings {
            for (i, a) in ring.iter().enumerate() {
                let b = ring[(i + 1) % ring.len()];
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

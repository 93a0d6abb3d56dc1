//! Which points of a line carry markers (matplotlib's `markevery`): given
//! indices, or points spaced along the drawn path as fractions of the axes
//! box's diagonal, which only the renderer can measure.

use super::geometry::Point;
use super::spec::MarkEvery;

/// The points (pixels, None where unplaced) that get a marker; `diagonal` is
/// the axes box's diagonal in pixels.
pub fn marked(points: &[Option<Point>], every: Option<&MarkEvery>, diagonal: f64) -> Vec<Point> {
    match every {
        None => points.iter().flatten().copied().collect(),
        Some(MarkEvery::Indices(indices)) => indices
            .iter()
            .filter_map(|&i| points.get(i).copied().flatten())
            .collect(),
        Some(MarkEvery::Spacing([start, step])) => {
            let placed: Vec<Point> = points.iter().flatten().copied().collect();
            spaced(&placed, start * diagonal, step * diagonal)
                .into_iter()
                .map(|i| placed[i])
                .collect()
        }
    }
}

/// matplotlib's float markevery: for each distance `start + k * step` along
/// the path (pixels, up to its length), the vertex whose distance along it is
/// nearest (the first on a tie), each vertex once.
///
/// Worked per vertex, so that it costs no more than the vertices however small
/// `step` is: a vertex is chosen when some distance falls between the
/// midpoints to its neighbours (past the one before, up to the one after).
fn spaced(points: &[Point], start: f64, step: f64) -> Vec<usize> {
    if points.is_empty() || step <= 0.0 || !start.is_finite() || !step.is_finite() {
        return Vec::new();
    }
    let mut along = Vec::with_capacity(points.len());
    let mut total = 0.0;
    along.push(0.0);
    for pair in points.windows(2) {
        total += (pair[1].x - pair[0].x).hypot(pair[1].y - pair[0].y);
        along.push(total);
    }
    // Only the first of vertices at the same distance can be nearest.
    let firsts: Vec<usize> = (0..along.len())
        .filter(|&i| i == 0 || along[i] > along[i - 1])
        .collect();
    let mut chosen = Vec::new();
    for (n, &i) in firsts.iter().enumerate() {
        let after = n
            .checked_sub(1)
            .map(|p| (along[firsts[p]] + along[i]) / 2.0);
        let upto = firsts
            .get(n + 1)
            .map_or(f64::INFINITY, |&next| (along[i] + along[next]) / 2.0);
        // The first distance past `after`.
        let k = match after {
            Some(lo) if lo >= start => ((lo - start) / step).floor() + 1.0,
            _ => 0.0,
        };
        let distance = start + k * step;
        if distance <= upto && distance < total && after.is_none_or(|lo| distance > lo) {
            chosen.push(i);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(xs: &[f64]) -> Vec<Point> {
        xs.iter().map(|&x| Point::new(x, 0.0)).collect()
    }

    #[test]
    fn indices_pick_their_points_and_skip_unplaced_ones() {
        let points = [Some(Point::new(0.0, 0.0)), None, Some(Point::new(2.0, 0.0))];
        let every = MarkEvery::Indices(vec![0, 1, 2, 7]);
        assert_eq!(
            marked(&points, Some(&every), 1.0),
            vec![Point::new(0.0, 0.0), Point::new(2.0, 0.0)]
        );
    }

    #[test]
    fn spacing_takes_the_vertex_nearest_each_distance() {
        // Vertices at 0, 1, 2, ... 10; distances 0, 2.6, 5.2, 7.8 (numpy's
        // arange stops before the path's length).
        let points = line(&(0..=10).map(f64::from).collect::<Vec<_>>());
        assert_eq!(spaced(&points, 0.0, 2.6), vec![0, 3, 5, 8]);
        // Halfway between two vertices: the first.
        assert_eq!(spaced(&points, 0.5, 5.0), vec![0, 5]);
    }

    #[test]
    fn a_small_step_marks_each_vertex_once() {
        let points = line(&[0.0, 1.0, 1.0, 5.0, 9.0]);
        // Repeated vertices: only the first of them is ever nearest.
        assert_eq!(spaced(&points, 0.0, 0.01), vec![0, 1, 3, 4]);
        // A billion distances along a long path cost one pass over its vertices.
        let long = line(&[0.0, 1e6]);
        assert_eq!(spaced(&long, 0.0, 1e-3), vec![0, 1]);
    }

    #[test]
    fn unusable_spacings_mark_nothing() {
        let points = line(&[0.0, 1.0]);
        assert!(spaced(&points, 0.0, 0.0).is_empty());
        assert!(spaced(&points, f64::NAN, 1.0).is_empty());
    }
}

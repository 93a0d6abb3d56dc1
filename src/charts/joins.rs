//! Where the segments of a stroked polyline meet, as matplotlib's Agg draws
//! its join styles: the outer corner carried on to a point (miter, cut off
//! straight across `limit` half widths from the vertex, Agg's `miter_join`
//! with matplotlib's limit of the line width in pixels), a circular arc
//! (round) or a straight cut (bevel).

use std::f64::consts::PI;

use super::geometry::Point;
use super::spec::JoinStyle;

/// The join styles of a line's solid runs and of its dashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Joins {
    pub solid: JoinStyle,
    pub dash: JoinStyle,
}

/// How far (pixels) a round join's chords may fall inside its arc.
const ARC_TOLERANCE: f64 = 0.05;

/// Joins whose notch between the segments' ends is narrower than this
/// (pixels) are left out: they would not change a pixel.
const MIN_NOTCH: f64 = 0.05;

/// Turns (radians) below which segments count as going straight on.
const STRAIGHT: f64 = 1e-9;

/// The pieces whose union is the stroke of `points` (pixels) `2 * half`
/// wide with butt ends: a quad per segment and, at each inner vertex, the
/// `join` polygon over the outer corner (the vertex included). Every piece
/// turns the same way round, so filling them together by the nonzero rule
/// paints each pixel once.
pub fn stroke_pieces(points: &[Point], half: f64, join: JoinStyle, limit: f64) -> Vec<Vec<Point>> {
    let points = distinct(points);
    let mut pieces = Vec::with_capacity(points.len() * 2);
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (nx, ny) = normal(a, b);
        pieces.push(vec![
            Point::new(a.x + nx * half, a.y + ny * half),
            Point::new(b.x + nx * half, b.y + ny * half),
            Point::new(b.x - nx * half, b.y - ny * half),
            Point::new(a.x - nx * half, a.y - ny * half),
        ]);
    }
    for triple in points.windows(3) {
        if let Some(piece) = join_polygon(triple[0], triple[1], triple[2], half, join, limit) {
            pieces.push(piece);
        }
    }
    for piece in &mut pieces {
        if signed_area(piece) < 0.0 {
            piece.reverse();
        }
    }
    pieces
}

/// The parts of miter joins that lie beyond the bevel where the miter is cut
/// off by the limit (a stroke whose backend joins by miter within the limit
/// and by bevel beyond it, as SVG's, then draws Agg's joins with these).
pub fn cut_miter_tips(points: &[Point], half: f64, limit: f64) -> Vec<Vec<Point>> {
    let points = distinct(points);
    points
        .windows(3)
        .filter_map(|t| {
            let corner = outer_corner(t[0], t[1], t[2], half)?;
            (corner.miter_distance > half * limit).then(|| {
                let mut tip = miter(&corner, half, limit);
                tip.remove(0);
                tip
            })
        })
        .collect()
}

/// `points` without consecutive repeats.
fn distinct(points: &[Point]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for &p in points {
        if out
            .last()
            .is_none_or(|q| (p.x - q.x).hypot(p.y - q.y) > 1e-9)
        {
            out.push(p);
        }
    }
    out
}

/// The unit normal of segment `a→b`.
fn normal(a: Point, b: Point) -> (f64, f64) {
    let length = (b.x - a.x).hypot(b.y - a.y);
    (-(b.y - a.y) / length, (b.x - a.x) / length)
}

fn signed_area(ring: &[Point]) -> f64 {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(p, q)| p.x * q.y - q.x * p.y)
        .sum()
}

/// The outer side of the turn at `vertex`: where the two segments' outer
/// edges end and start, and how far the miter point lies from the vertex.
struct OuterCorner {
    vertex: Point,
    /// The outer normals of the incoming and outgoing segments.
    n1: (f64, f64),
    n2: (f64, f64),
    /// The turn's angle (0: straight on, π: back).
    turn: f64,
    miter_distance: f64,
    /// The incoming segment's direction.
    incoming: (f64, f64),
}

fn outer_corner(before: Point, vertex: Point, after: Point, half: f64) -> Option<OuterCorner> {
    let (l1, l2) = (normal(before, vertex), normal(vertex, after));
    // The direction vectors are the normals turned back.
    let (u, v) = ((l1.1, -l1.0), (l2.1, -l2.0));
    let cross = u.0 * v.1 - u.1 * v.0;
    let turn = cross.atan2(u.0 * v.0 + u.1 * v.1).abs();
    if turn < STRAIGHT || 2.0 * half * (turn / 2.0).sin() < MIN_NOTCH {
        return None;
    }
    // The outer side is away from the way the line turns.
    let side = if cross > 0.0 { -1.0 } else { 1.0 };
    let n1 = (l1.0 * side, l1.1 * side);
    let n2 = (l2.0 * side, l2.1 * side);
    let cos_half = (turn / 2.0).cos();
    let miter_distance = if cos_half > 1e-12 {
        half / cos_half
    } else {
        f64::INFINITY
    };
    Some(OuterCorner {
        vertex,
        n1,
        n2,
        turn,
        miter_distance,
        incoming: u,
    })
}

fn join_polygon(
    before: Point,
    vertex: Point,
    after: Point,
    half: f64,
    join: JoinStyle,
    limit: f64,
) -> Option<Vec<Point>> {
    let corner = outer_corner(before, vertex, after, half)?;
    let at = |n: (f64, f64), r: f64| Point::new(vertex.x + n.0 * r, vertex.y + n.1 * r);
    Some(match join {
        JoinStyle::Bevel => vec![vertex, at(corner.n1, half), at(corner.n2, half)],
        JoinStyle::Round => {
            let start = corner.n1.1.atan2(corner.n1.0);
            // The arc turns from n1 to n2 the short way round.
            let cross = corner.n1.0 * corner.n2.1 - corner.n1.1 * corner.n2.0;
            let sweep = if cross >= 0.0 {
                corner.turn
            } else {
                -corner.turn
            };
            // Each chord spans at most the angle whose sagitta is the tolerance.
            let span = 2.0 * (1.0 - ARC_TOLERANCE / half.max(ARC_TOLERANCE)).acos();
            let steps = (corner.turn / span.max(1e-3)).ceil().clamp(1.0, 256.0) as u32;
            std::iter::once(vertex)
                .chain((0..=steps).map(|i| {
                    let angle = start + sweep * f64::from(i) / f64::from(steps);
                    at((angle.cos(), angle.sin()), half)
                }))
                .collect()
        }
        JoinStyle::Miter => miter(&corner, half, limit),
    })
}

/// A miter join's polygon from the vertex: its point, or (beyond `limit`
/// half widths) the point cut off straight across at that distance, as Agg's
/// `calc_miter` does.
fn miter(corner: &OuterCorner, half: f64, limit: f64) -> Vec<Point> {
    let vertex = corner.vertex;
    let at = |n: (f64, f64), r: f64| Point::new(vertex.x + n.0 * r, vertex.y + n.1 * r);
    let (c1, c2) = (at(corner.n1, half), at(corner.n2, half));
    let reach = half * limit;
    if corner.miter_distance <= reach {
        let (mx, my) = (corner.n1.0 + corner.n2.0, corner.n1.1 + corner.n2.1);
        let length = mx.hypot(my);
        let tip = at((mx / length, my / length), corner.miter_distance);
        return vec![vertex, c1, tip, c2];
    }
    if corner.turn > PI - 1e-9 {
        // Straight back: Agg carries both edges on `reach` past the vertex.
        let (dx, dy) = corner.incoming;
        let on = |p: Point| Point::new(p.x + dx * reach, p.y + dy * reach);
        return vec![vertex, c1, on(c1), on(c2), c2];
    }
    let bevel = half * (corner.turn / 2.0).cos();
    let cut = ((reach - bevel) / (corner.miter_distance - bevel)).max(0.0);
    let (mx, my) = (corner.n1.0 + corner.n2.0, corner.n1.1 + corner.n2.1);
    let length = mx.hypot(my);
    let tip = at((mx / length, my / length), corner.miter_distance);
    let toward = |c: Point| Point::new(c.x + (tip.x - c.x) * cut, c.y + (tip.y - c.y) * cut);
    vec![vertex, c1, toward(c1), toward(c2), c2]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn right_angle() -> [Point; 3] {
        [
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
        ]
    }

    #[test]
    fn a_right_angle_miter_reaches_the_corner_of_the_outer_edges() {
        let pieces = stroke_pieces(&right_angle(), 2.0, JoinStyle::Miter, 10.0);
        assert_eq!(pieces.len(), 3);
        let join = &pieces[2];
        assert!(
            join.iter()
                .any(|p| (p.x - 12.0).abs() < 1e-9 && (p.y + 2.0).abs() < 1e-9)
        );
    }

    #[test]
    fn a_miter_beyond_the_limit_is_cut_off_at_limit_half_widths() {
        // A 20 degree turn back: the miter lies half / sin(10°) ≈ 5.8 half widths out.
        let angle = 20f64.to_radians();
        let points = [
            Point::new(10.0, 0.0),
            Point::new(0.0, 0.0),
            Point::new(10.0 * angle.cos(), 10.0 * angle.sin()),
        ];
        let tips = cut_miter_tips(&points, 1.0, 2.0);
        assert_eq!(tips.len(), 1);
        // The cut lies `limit` half widths out along the bisector, away from the turn.
        let (sin, cos) = 10f64.to_radians().sin_cos();
        let out = |p: &Point| -(p.x * cos + p.y * sin);
        let farthest = tips[0].iter().map(out).fold(0.0, f64::max);
        assert!((farthest - 2.0).abs() < 1e-9, "{farthest}");
        assert!(cut_miter_tips(&points, 1.0, 10.0).is_empty());
    }

    #[test]
    fn round_and_bevel_joins_stay_within_half_the_width() {
        for join in [JoinStyle::Round, JoinStyle::Bevel] {
            let pieces = stroke_pieces(&right_angle(), 2.0, join, 10.0);
            for p in &pieces[2] {
                assert!((p.x - 10.0).hypot(p.y) <= 2.0 + 1e-9);
            }
        }
    }

    #[test]
    fn pieces_all_turn_the_same_way() {
        let pieces = stroke_pieces(&right_angle(), 2.0, JoinStyle::Round, 10.0);
        assert!(pieces.iter().all(|p| signed_area(p) > 0.0));
    }

    #[test]
    fn straight_runs_and_repeated_points_get_no_join() {
        let points = [
            Point::new(0.0, 0.0),
            Point::new(5.0, 0.0),
            Point::new(5.0, 0.0),
            Point::new(10.0, 0.0),
        ];
        assert_eq!(stroke_pieces(&points, 1.0, JoinStyle::Miter, 10.0).len(), 2);
    }
}

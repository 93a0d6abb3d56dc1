//! The ends of stroked runs as matplotlib's cap styles draw them: butt (the
//! stroke stops at the end point), projecting (it goes on half its width
//! past it) and round (a half disc past it).

use std::f64::consts::PI;

use super::clip::{clip_polygon, clip_polyline};
use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::spec::{CapStyle, JoinStyle};
use super::surface::Surface;

/// The cap styles of a line's solid runs and of its dashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    pub solid: CapStyle,
    pub dash: CapStyle,
}

impl Caps {
    /// Both ends cut at the end points (Agg's default, used by patches and collections).
    pub const BUTT: Caps = Caps {
        solid: CapStyle::Butt,
        dash: CapStyle::Butt,
    };
}

/// Segments of a round cap's half disc.
const ROUND_STEPS: u32 = 16;

/// Strokes one run (a solid piece or a dash, pixels) with `cap` ends and
/// `join` joins (none: the backend's), then clips it to `clip`, as Agg clips
/// a capped stroke.
pub fn stroke_run(
    surface: &mut impl Surface,
    run: &[Point],
    clip: &Rect,
    color: Rgba,
    width_px: f64,
    cap: CapStyle,
    join: Option<JoinStyle>,
) {
    let half = width_px / 2.0;
    let extended;
    let run = if cap == CapStyle::Projecting {
        extended = extend_ends(run, half);
        &extended[..]
    } else {
        run
    };
    for part in clip_polyline(run, clip) {
        match join {
            Some(join) => surface.stroke_joined(&part, color, width_px, join),
            None => surface.stroke(&part, color, width_px),
        }
    }
    if cap == CapStyle::Round {
        for disc in round_ends(run, half) {
            let inside = clip_polygon(&disc, clip);
            if inside.len() >= 3 {
                surface.fill_polygon(&inside, color);
            }
        }
    }
}

/// The unit vector from the first point of `run` that differs from its end
/// outwards through the end (`None` for a run of one repeated point, or a
/// last segment too long for floats, which lies far out of view anyway).
fn outward(end: Point, run: impl Iterator<Item = Point>) -> Option<(f64, f64)> {
    run.map(|p| (end.x - p.x, end.y - p.y))
        .map(|(dx, dy)| (dx, dy, dx.hypot(dy)))
        .find(|&(.., length)| length > 1e-9)
        .filter(|&(.., length)| length.is_finite())
        .map(|(dx, dy, length)| (dx / length, dy / length))
}

/// `run` with both ends carried `reach` further along their last segments.
pub fn extend_ends(run: &[Point], reach: f64) -> Vec<Point> {
    let mut out = run.to_vec();
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return out;
    };
    if let Some((dx, dy)) = outward(first, run.iter().copied()) {
        out[0] = Point::new(first.x + dx * reach, first.y + dy * reach);
    }
    if let Some((dx, dy)) = outward(last, run.iter().rev().copied()) {
        let end = out.len() - 1;
        out[end] = Point::new(last.x + dx * reach, last.y + dy * reach);
    }
    out
}

/// The half discs of radius `radius` beyond both ends of `run`.
fn round_ends(run: &[Point], radius: f64) -> Vec<Vec<Point>> {
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return Vec::new();
    };
    [
        (first, outward(first, run.iter().copied())),
        (last, outward(last, run.iter().rev().copied())),
    ]
    .into_iter()
    .filter_map(|(end, direction)| {
        let (dx, dy) = direction?;
        let facing = dy.atan2(dx);
        Some(
            (0..=ROUND_STEPS)
                .map(|i| {
                    let angle = facing - PI / 2.0 + PI * f64::from(i) / f64::from(ROUND_STEPS);
                    Point::new(end.x + radius * angle.cos(), end.y + radius * angle.sin())
                })
                .collect(),
        )
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projecting_ends_go_on_half_the_width_along_the_end_segments() {
        let run = [
            Point::new(10.0, 10.0),
            Point::new(20.0, 10.0),
            Point::new(20.0, 30.0),
        ];
        let out = extend_ends(&run, 3.0);
        assert_eq!(out[0], Point::new(7.0, 10.0));
        assert_eq!(out[1], run[1]);
        assert_eq!(out[2], Point::new(20.0, 33.0));
    }

    #[test]
    fn round_ends_are_half_discs_facing_away_from_the_run() {
        let run = [Point::new(0.0, 0.0), Point::new(10.0, 0.0)];
        let discs = round_ends(&run, 2.0);
        assert_eq!(discs.len(), 2);
        // The start's half disc lies left of x = 0, the end's right of x = 10.
        assert!(discs[0].iter().all(|p| p.x <= 1e-9));
        assert!(discs[0].iter().any(|p| (p.x + 2.0).abs() < 1e-9));
        assert!(discs[1].iter().all(|p| p.x >= 10.0 - 1e-9));
        assert!(discs[1].iter().any(|p| (p.x - 12.0).abs() < 1e-9));
    }

    #[test]
    fn an_end_segment_too_long_for_floats_gets_no_cap() {
        let run = [Point::new(-1e308, 0.0), Point::new(1e308, 0.0)];
        assert_eq!(extend_ends(&run, 2.0), run.to_vec());
        assert!(round_ends(&run, 2.0).is_empty());
    }

    #[test]
    fn a_run_of_one_repeated_point_gets_no_caps() {
        let run = [Point::new(5.0, 5.0), Point::new(5.0, 5.0)];
        assert!(round_ends(&run, 2.0).is_empty());
        assert_eq!(extend_ends(&run, 2.0), run.to_vec());
    }
}

//! matplotlib's path effects on lines (`matplotlib.patheffects`, docs/CHARTS.md):
//! the line stroked again (`Stroke`) or with ticks along it (`TickedStroke`),
//! computed as matplotlib does in display space.

use super::geometry::{Point, Rect};
use super::paint::{Pen, Units, stroke_capped};
use super::spec::PathEffect;
use super::surface::Surface;

/// Draws `run` through `effects` in order, `normal` drawing the plain line;
/// without effects just `normal`.
pub fn draw<S: Surface>(
    surface: &mut S,
    run: &[Point],
    clip: Option<&Rect>,
    pen: Pen,
    effects: &[PathEffect],
    units: Units,
    mut normal: impl FnMut(&mut S),
) {
    if effects.is_empty() {
        normal(surface);
        return;
    }
    for effect in effects {
        match *effect {
            PathEffect::Normal => normal(surface),
            PathEffect::Stroke { linewidth, color } => {
                let width_px = linewidth.map_or(pen.width_px, |w| units.px(w));
                let color = color.unwrap_or(pen.color);
                let stroke = Pen {
                    color,
                    width_px,
                    ..pen
                };
                stroke_capped(surface, run, clip, stroke);
            }
            PathEffect::Ticked {
                spacing,
                angle,
                length,
            } => {
                for tick in ticks(run, spacing, units.px(spacing), angle, length) {
                    stroke_capped(surface, &tick, clip, pen);
                }
            }
        }
    }
}

/// matplotlib's TickedStroke ticks along one polyline (pixels, y down):
/// `ceil(length / spacing) - 1` ticks spread from half a spacing after the
/// start to half one before the end, each from the line along its direction
/// (sampled `spacing_pt / 1000` pixels ahead, as matplotlib does) turned
/// `angle` degrees anticlockwise, `length * spacing` long.
fn ticks(
    run: &[Point],
    spacing_pt: f64,
    spacing_px: f64,
    angle: f64,
    length: f64,
) -> Vec<[Point; 2]> {
    if run.len() < 2 || spacing_px <= 0.0 {
        return Vec::new();
    }
    // matplotlib's display space has y up.
    let xs: Vec<f64> = run.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = run.iter().map(|p| -p.y).collect();
    let mut s = vec![0.0];
    for w in run.windows(2) {
        s.push(s[s.len() - 1] + (w[1].x - w[0].x).hypot(w[1].y - w[0].y));
    }
    let total = s[s.len() - 1];
    let num = (total / spacing_px).ceil() - 1.0;
    if num.is_nan() || num < 1.0 {
        return Vec::new();
    }
    let num = num as usize;
    let (first, last) = (spacing_px / 2.0, total - spacing_px / 2.0);
    let theta = -angle.to_radians();
    let (cos, sin) = (theta.cos(), theta.sin());
    let delta = spacing_pt * 0.001;
    (0..num)
        .map(|k| {
            let at = if num == 1 {
                first
            } else {
                first + (last - first) * k as f64 / (num - 1) as f64
            };
            let (x, y) = (interp(at, &s, &xs), interp(at, &s, &ys));
            let u = (interp(at + delta, &s, &xs) - x) / delta;
            let v = (interp(at + delta, &s, &ys) - y) / delta;
            let n = u.hypot(v);
            let (u, v) = if n == 0.0 { (0.0, 0.0) } else { (u / n, v / n) };
            let scale = length * spacing_px;
            let (dx, dy) = ((u * cos + v * sin) * scale, (-u * sin + v * cos) * scale);
            [Point::new(x, -y), Point::new(x + dx, -(y + dy))]
        })
        .collect()
}

/// numpy's `interp`: `values` at `at` along the increasing `stations`,
/// clamped at both ends.
fn interp(at: f64, stations: &[f64], values: &[f64]) -> f64 {
    let last = stations.len() - 1;
    if at <= stations[0] {
        return values[0];
    }
    if at >= stations[last] {
        return values[last];
    }
    let i = stations.partition_point(|&s| s <= at) - 1;
    let span = stations[i + 1] - stations[i];
    if span == 0.0 {
        return values[i + 1];
    }
    values[i] + (values[i + 1] - values[i]) * (at - stations[i]) / span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_as_matplotlib() {
        // A 100-pixel line to the right at 72 dpi with spacing 10, angle 45,
        // length sqrt 2 (withTickedStroke's defaults): 9 ticks from x = 5 to
        // 95, each 10 px right and 10 px up (y down here).
        let run = [Point::new(0.0, 50.0), Point::new(100.0, 50.0)];
        let ticks = ticks(&run, 10.0, 10.0, 45.0, 2f64.sqrt());
        assert_eq!(ticks.len(), 9);
        let [a, b] = ticks[0];
        assert!((a.x - 5.0).abs() < 1e-9 && (a.y - 50.0).abs() < 1e-9);
        assert!((b.x - 15.0).abs() < 1e-9 && (b.y - 40.0).abs() < 1e-9);
        assert!((ticks[8][0].x - 95.0).abs() < 1e-9);
    }

    #[test]
    fn too_short_a_line_has_no_ticks() {
        let run = [Point::new(0.0, 0.0), Point::new(10.0, 0.0)];
        assert!(ticks(&run, 10.0, 10.0, 45.0, 1.0).is_empty());
    }
}

//! How a polar axes (matplotlib's `projection="polar"`) maps (θ, r) to
//! pixels: a circle, or the wedge between thetamin and thetamax (with a hole
//! when rmin is beyond rorigin), scaled so its square bounding box fills the
//! axes box, as matplotlib's PolarAxes; and its ticks and limits. Drawing on
//! it is `polar`'s.

use std::f64::consts::{FRAC_PI_2, PI, TAU};

use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::paint::Units;
use super::series::runs_of;
use super::spec::{Axes, Weight};
use super::surface::Surface;
use super::text::TextBlock;
use super::ticks::{Tick, TickSet, format_number};

/// Segments per full turn of an arc (grid circles, the outline, bars).
const ARC_STEPS: f64 = 360.0;
/// Steps along each edge of a bar (matplotlib's `_interpolation_steps`).
const BAR_STEPS: usize = 100;
/// Angular tick steps in degrees, times a power of ten (matplotlib's
/// ThetaLocator over an AutoLocator with these steps).
const THETA_STEPS: [f64; 6] = [1.0, 1.5, 3.0, 4.5, 9.0, 10.0];
/// Angular tick labels stand this far outside the circle, points (the tick
/// pad and size, 3.5 each, plus matplotlib's extra 7).
pub const THETA_LABEL_PAD: f64 = 14.0;
/// Lines are cut where they leave the view to within this many pixels, in
/// at most this many pieces per segment.
const CLIP_STEP_PX: f64 = 1.0;
const MAX_CLIP_STEPS: usize = 512;

/// How one polar axes maps (θ, r) to pixels.
#[derive(Debug, Clone)]
pub struct PolarView {
    pub(super) frame: Rect,
    /// The square bounding box of the wedge, in wedge units (the full circle
    /// is the unit square, centre (0.5, 0.5), radius 0.5).
    bbox: Rect,
    offset: f64,
    pub(super) direction: f64,
    /// The drawn angles of thetamin and thetamax (radians, ascending).
    pub(super) phi: (f64, f64),
    pub(super) theta: (f64, f64),
    pub(super) r: (f64, f64),
    pub(super) rorigin: f64,
    pub(super) full: bool,
    pub(super) rlabel_position: f64,
}

impl PolarView {
    /// The view of `axes` in `frame` with angular limits `theta` (radians)
    /// and radial limits `r`.
    pub fn new(axes: &Axes, frame: Rect, theta: (f64, f64), r: (f64, f64)) -> Option<Self> {
        let polar = axes.polar.as_ref()?;
        let (t0, t1) = (theta.0.min(theta.1), theta.0.max(theta.1));
        let phis = (
            t0 * polar.theta_direction + polar.theta_offset,
            t1 * polar.theta_direction + polar.theta_offset,
        );
        let mut view = PolarView {
            frame,
            bbox: Rect::new(0.0, 0.0, 1.0, 1.0),
            offset: polar.theta_offset,
            direction: polar.theta_direction,
            phi: (phis.0.min(phis.1), phis.0.max(phis.1)),
            theta: (t0, t1),
            r,
            rorigin: polar.rorigin.unwrap_or(r.0),
            full: ((t1 - t0).abs() - TAU).abs() < 1e-9,
            rlabel_position: polar.rlabel_position,
        };
        view.bbox = view.wedge_bbox();
        Some(view)
    }

    /// The fraction of the radius at which `r` is drawn; None inside the
    /// origin (matplotlib drops such points).
    pub(super) fn rho(&self, r: f64) -> Option<f64> {
        let span = self.r.1 - self.rorigin;
        let rho = (r - self.rorigin) / span;
        (rho >= 0.0 && rho.is_finite()).then_some(rho)
    }

    pub(super) fn angle(&self, theta: f64) -> f64 {
        theta * self.direction + self.offset
    }

    /// Wedge units of the point at drawn angle `phi` and radius fraction `rho`.
    fn wedge(phi: f64, rho: f64) -> (f64, f64) {
        (0.5 + 0.5 * rho * phi.cos(), 0.5 + 0.5 * rho * phi.sin())
    }

    fn to_px(&self, (wx, wy): (f64, f64)) -> Point {
        let f = self.frame;
        Point::new(
            f.x0 + (wx - self.bbox.x0) / self.bbox.width() * f.width(),
            f.y1 - (wy - self.bbox.y0) / self.bbox.height() * f.height(),
        )
    }

    /// The pixel of data point (θ, r).
    pub fn pixel(&self, theta: f64, r: f64) -> Option<Point> {
        let rho = self.rho(r)?;
        theta
            .is_finite()
            .then(|| self.to_px(Self::wedge(self.angle(theta), rho)))
    }

    /// The pixel at drawn angle `phi` and radius fraction `rho`.
    pub(super) fn at(&self, phi: f64, rho: f64) -> Point {
        self.to_px(Self::wedge(phi, rho))
    }

    /// The radius fraction of rmin (the wedge's hole).
    pub(super) fn inner(&self) -> f64 {
        self.rho(self.r.0).unwrap_or(0.0).min(1.0)
    }

    /// Points along the arc at radius fraction `rho` from phi0 to phi1.
    pub(super) fn arc(&self, rho: f64, phi0: f64, phi1: f64) -> Vec<Point> {
        let steps = (((phi1 - phi0).abs() / TAU * ARC_STEPS).ceil() as usize).max(2);
        (0..=steps)
            .map(|i| self.at(phi0 + (phi1 - phi0) * i as f64 / steps as f64, rho))
            .collect()
    }

    /// The outline of the view: the outer arc, then the inner one back (or
    /// the centre).
    pub(super) fn outline(&self) -> Vec<Point> {
        let mut points = self.arc(1.0, self.phi.0, self.phi.1);
        let inner = self.inner();
        if self.full && inner <= 0.0 {
            return points;
        }
        if inner > 0.0 {
            points.extend(self.arc(inner, self.phi.1, self.phi.0));
        } else {
            points.push(self.at(0.0, 0.0));
        }
        points
    }

    /// The bounding box of the wedge in wedge units, grown to a square about
    /// its centre (matplotlib's `_WedgeBbox`).
    fn wedge_bbox(&self) -> Rect {
        if self.full {
            return Rect::new(0.0, 0.0, 1.0, 1.0);
        }
        let (lo, hi) = self.phi;
        // The arc's ends and the compass points it passes.
        let mut angles = vec![lo, hi];
        let first = (lo / FRAC_PI_2).ceil() as i64;
        let last = (hi / FRAC_PI_2).floor() as i64;
        angles.extend((first..=last).map(|k| k as f64 * FRAC_PI_2));
        let inner = self.inner();
        let mut points: Vec<Point> = angles
            .iter()
            .map(|&a| {
                let (x, y) = Self::wedge(a, 1.0);
                Point::new(x, y)
            })
            .collect();
        if inner > 0.0 {
            points.extend(angles.iter().map(|&a| {
                let (x, y) = Self::wedge(a, inner);
                Point::new(x, y)
            }));
        } else {
            points.push(Point::new(0.5, 0.5));
        }
        let b = Rect::enclosing(points);
        let (w, h) = (b.width(), b.height());
        let (dw, dh) = ((h - w).max(0.0) / 2.0, (w - h).max(0.0) / 2.0);
        Rect::new(b.x0 - dw, b.y0 - dh, b.x1 + dw, b.y1 + dh)
    }

    /// Each data point in pixels; None where it is missing or inside the
    /// origin.
    pub(super) fn pixels(&self, x: &[Option<f64>], y: &[Option<f64>]) -> Vec<Option<Point>> {
        x.iter()
            .zip(y)
            .map(|(t, r)| t.zip(*r).and_then(|(t, r)| self.pixel(t, r)))
            .collect()
    }

    /// Splits a polyline of data points into drawn runs: breaks at missing
    /// points and at points inside the origin.
    pub(super) fn runs(&self, x: &[Option<f64>], y: &[Option<f64>]) -> Vec<Vec<Point>> {
        runs_of(&self.pixels(x, y))
    }

    /// The annular sector θ0..θ1, r0..r1 (a polar bar), edges interpolated.
    pub(super) fn sector(&self, (t0, t1): (f64, f64), (r0, r1): (f64, f64)) -> Vec<Point> {
        let point = |t: f64, r: f64| self.pixel(t, r);
        let edge = |from: (f64, f64), to: (f64, f64)| {
            (0..BAR_STEPS).filter_map(move |i| {
                let k = i as f64 / BAR_STEPS as f64;
                point(from.0 + (to.0 - from.0) * k, from.1 + (to.1 - from.1) * k)
            })
        };
        edge((t0, r0), (t1, r0))
            .chain(edge((t1, r0), (t1, r1)))
            .chain(edge((t1, r1), (t0, r1)))
            .chain(edge((t0, r1), (t0, r0)))
            .collect()
    }

    /// Whether pixel `p` lies in the view (the disc, or the wedge without
    /// its hole).
    pub(super) fn inside(&self, p: Point) -> bool {
        let f = self.frame;
        let wx = self.bbox.x0 + (p.x - f.x0) / f.width() * self.bbox.width();
        let wy = self.bbox.y0 + (f.y1 - p.y) / f.height() * self.bbox.height();
        let (dx, dy) = (wx - 0.5, wy - 0.5);
        let rho = 2.0 * dx.hypot(dy);
        let slack = 1e-9;
        if rho > 1.0 + slack || rho < self.inner() - slack {
            return false;
        }
        self.full || (dy.atan2(dx) - self.phi.0).rem_euclid(TAU) <= self.phi.1 - self.phi.0 + slack
    }

    /// The parts of a polyline (pixels) inside the view: segments are cut
    /// where they leave it, to within a pixel (matplotlib clips artists to
    /// the axes' circle or wedge).
    pub(super) fn clip(&self, run: &[Point]) -> Vec<Vec<Point>> {
        let convex = self.full && self.inner() <= 0.0;
        let mut pieces: Vec<Vec<Point>> = vec![Vec::new()];
        let mut add = |a: Point, b: Point, keep: bool| {
            let current = pieces.last_mut().expect("one piece");
            if !keep {
                if !current.is_empty() {
                    pieces.push(Vec::new());
                }
                return;
            }
            if current.is_empty() {
                current.push(a);
            }
            current.push(b);
        };
        for pair in run.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let (a_in, b_in) = (self.inside(a), self.inside(b));
            if convex && a_in && b_in {
                add(a, b, true);
                continue;
            }
            let length = (b.x - a.x).hypot(b.y - a.y);
            let steps = ((length / CLIP_STEP_PX).ceil() as usize).clamp(1, MAX_CLIP_STEPS);
            let lerp = |k: f64| Point::new(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k);
            for i in 0..steps {
                let (k0, k1) = (i as f64 / steps as f64, (i + 1) as f64 / steps as f64);
                add(lerp(k0), lerp(k1), self.inside(lerp((k0 + k1) / 2.0)));
            }
        }
        pieces.retain(|piece| piece.len() >= 2);
        pieces
    }

    /// Fills the view's background.
    pub fn fill_background(&self, color: Rgba, surface: &mut impl Surface) {
        surface.fill_polygon(&self.outline(), color);
    }
}

/// Angular ticks of `lo..hi` radians: every 45° on a full circle, else
/// MaxNLocator's steps in degrees with at most `bins` intervals; labelled
/// in degrees as matplotlib's ThetaFormatter.
pub fn theta_ticks(lo: f64, hi: f64, bins: usize) -> TickSet {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let span = (hi - lo).to_degrees();
    let positions: Vec<f64> = if ((hi - lo) - TAU).abs() < 1e-9 {
        (0..8).map(|k| f64::from(k) * PI / 4.0).collect()
    } else {
        nice_degrees(lo.to_degrees(), hi.to_degrees(), bins.max(1))
            .into_iter()
            .map(f64::to_radians)
            .collect()
    };
    let digits = (-((span.log10() - 1.5) as i64)).max(0) as usize;
    TickSet {
        major: positions
            .into_iter()
            .map(|pos| Tick {
                pos,
                label: format!("{}°", format_number(pos.to_degrees(), digits)),
            })
            .collect(),
        ..TickSet::default()
    }
}

/// MaxNLocator's tick values with [`THETA_STEPS`] (at least two ticks in view).
fn nice_degrees(lo: f64, hi: f64, bins: usize) -> Vec<f64> {
    let span = hi - lo;
    if span <= 0.0 || !span.is_finite() {
        return vec![lo];
    }
    let raw = span / bins as f64;
    let scale = 10f64.powf(raw.log10().floor());
    let mut steps: Vec<f64> = THETA_STEPS[..5].iter().map(|s| 0.1 * s).collect();
    steps.extend(THETA_STEPS);
    steps.push(10.0 * THETA_STEPS[1]);
    let tolerance = 1e-10 * span;
    let first = steps
        .iter()
        .position(|s| s * scale >= raw - tolerance)
        .unwrap_or(steps.len() - 1);
    let mut ticks = Vec::new();
    for step in steps[..=first].iter().rev().map(|s| s * scale) {
        let base = (lo / step).floor() * step;
        // MaxNLocator's edges: the last multiple at or below lo and the first at or above
        // hi, a value within rounding of a multiple counting as on it.
        let low = ((lo - base) / step + 1e-9).floor();
        let high = ((hi - base) / step - 1e-9).ceil();
        ticks = (low as i64..=high as i64)
            .map(|k| base + k as f64 * step)
            .map(|v| (v * 1e9).round() / 1e9)
            .collect();
        let inside = ticks
            .iter()
            .filter(|&&v| v >= lo - tolerance && v <= hi + tolerance)
            .count();
        if inside >= 2 {
            break;
        }
    }
    ticks
}

/// matplotlib's autoscaled radial limits: with no negative data the lower
/// one is 0 (its margin does not cross 0).
pub fn r_limits(axes: &Axes, (lo, hi): (f64, f64)) -> (f64, f64) {
    let fixed_lo = axes.ylim.as_ref().and_then(|l| l[0]).is_some();
    if fixed_lo || hi <= lo {
        return (lo, hi);
    }
    // Autoscaled limits are the data's widened by 5% of their span each way.
    let data_lo = lo + (hi - lo) / 22.0;
    if data_lo >= -1e-12 * (hi - lo) {
        (0.0, hi)
    } else {
        (lo, hi)
    }
}

/// Room around a polar axes for its angular tick labels, pixels.
pub fn label_room(axes: &Axes, ticks: &TickSet, units: Units) -> f64 {
    if axes.hide_xticklabels {
        return 0.0;
    }
    let size = units.px(axes.tick_fontsize);
    let largest = ticks
        .major
        .iter()
        .map(|t| {
            let block = TextBlock::new(&t.label, size, Weight::Normal);
            block.width().max(block.height())
        })
        .fold(0.0, f64::max);
    units.px(THETA_LABEL_PAD) + largest / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_circles_tick_every_45_degrees() {
        let ticks = theta_ticks(0.0, TAU, 8);
        let labels: Vec<&str> = ticks.major.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["0°", "45°", "90°", "135°", "180°", "225°", "270°", "315°"]
        );
    }

    #[test]
    fn wedges_tick_as_matplotlib() {
        // matplotlib 3.10.8: thetamax 225 gives 0°, 30°, ... 240°; 45..135 gives 15° steps.
        let ticks = theta_ticks(0.0, 225f64.to_radians(), 8);
        let degrees: Vec<f64> = ticks
            .major
            .iter()
            .map(|t| t.pos.to_degrees().round())
            .collect();
        assert_eq!(
            degrees,
            [0.0, 30.0, 60.0, 90.0, 120.0, 150.0, 180.0, 210.0, 240.0]
        );
        let ticks = theta_ticks(45f64.to_radians(), 135f64.to_radians(), 8);
        let labels: Vec<&str> = ticks.major.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["45°", "60°", "75°", "90°", "105°", "120°", "135°"]);
    }
}

//! Polar axes (matplotlib's `projection="polar"`): x is the angle θ in
//! radians, y the radius r. The view is a circle, or the wedge between
//! thetamin and thetamax (with a hole when rmin is beyond rorigin), scaled so
//! its square bounding box fills the axes box, as matplotlib's PolarAxes.
//!
//! Lines and fills join their points with straight segments in the picture
//! (matplotlib interpolates only bars); bars are annular sectors. The grid is
//! circles at the radial ticks and rays at the angular ticks; angular tick
//! labels stand outside the circle, radial ones along `rlabel_position`.

use std::f64::consts::{FRAC_PI_2, PI, TAU};

use super::artists::draw_text;
use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::layout::{LABEL_PAD, PlacedAxes, text_block};
use super::paint::{Units, marker, stroke_line};
use super::spec::{Artist, Axes, Coords, GridAxis, HAlign, LineStyle, Orientation, VAlign, Weight};
use super::surface::Surface;
use super::text::{Placement, TextBlock};
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
const THETA_LABEL_PAD: f64 = 14.0;
/// Lines are cut where they leave the view to within this many pixels, in
/// at most this many pieces per segment.
const CLIP_STEP_PX: f64 = 1.0;
const MAX_CLIP_STEPS: usize = 512;
/// Radial tick labels of a wedge stand this far from its start edge, points.
const R_LABEL_PAD: f64 = 7.0;

/// How one polar axes maps (θ, r) to pixels.
#[derive(Debug, Clone)]
pub struct PolarView {
    frame: Rect,
    /// The square bounding box of the wedge, in wedge units (the full circle
    /// is the unit square, centre (0.5, 0.5), radius 0.5).
    bbox: Rect,
    offset: f64,
    direction: f64,
    /// The drawn angles of thetamin and thetamax (radians, ascending).
    phi: (f64, f64),
    theta: (f64, f64),
    r: (f64, f64),
    rorigin: f64,
    full: bool,
    rlabel_position: f64,
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
    fn rho(&self, r: f64) -> Option<f64> {
        let span = self.r.1 - self.rorigin;
        let rho = (r - self.rorigin) / span;
        (rho >= 0.0 && rho.is_finite()).then_some(rho)
    }

    fn angle(&self, theta: f64) -> f64 {
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
    fn at(&self, phi: f64, rho: f64) -> Point {
        self.to_px(Self::wedge(phi, rho))
    }

    /// The radius fraction of rmin (the wedge's hole).
    fn inner(&self) -> f64 {
        self.rho(self.r.0).unwrap_or(0.0).min(1.0)
    }

    /// Points along the arc at radius fraction `rho` from phi0 to phi1.
    fn arc(&self, rho: f64, phi0: f64, phi1: f64) -> Vec<Point> {
        let steps = (((phi1 - phi0).abs() / TAU * ARC_STEPS).ceil() as usize).max(2);
        (0..=steps)
            .map(|i| self.at(phi0 + (phi1 - phi0) * i as f64 / steps as f64, rho))
            .collect()
    }

    /// The outline of the view: the outer arc, then the inner one back (or
    /// the centre).
    fn outline(&self) -> Vec<Point> {
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

    /// Splits a polyline of data points into drawn runs: breaks at missing
    /// points and at points inside the origin.
    fn runs(&self, x: &[Option<f64>], y: &[Option<f64>]) -> Vec<Vec<Point>> {
        let mut runs = vec![Vec::new()];
        for (px, py) in x.iter().zip(y) {
            match px.zip(*py).and_then(|(t, r)| self.pixel(t, r)) {
                Some(p) => runs.last_mut().expect("one run").push(p),
                None if !runs.last().expect("one run").is_empty() => runs.push(Vec::new()),
                None => {}
            }
        }
        runs.retain(|run| !run.is_empty());
        runs
    }

    /// The annular sector θ0..θ1, r0..r1 (a polar bar), edges interpolated.
    fn sector(&self, (t0, t1): (f64, f64), (r0, r1): (f64, f64)) -> Vec<Point> {
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
    fn inside(&self, p: Point) -> bool {
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
    fn clip(&self, run: &[Point]) -> Vec<Vec<Point>> {
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

/// Draws one artist of a polar axes (lines, scatter, bars, patches, fills
/// and text; validation refuses the others).
pub fn draw_artist(
    artist: &Artist,
    axes: &PlacedAxes<'_>,
    view: &PolarView,
    units: Units,
    surface: &mut impl Surface,
) {
    match artist {
        Artist::Line {
            x,
            y,
            color,
            linewidth,
            linestyle,
            marker: shape,
            markersize,
            markerfacecolor,
            markeredgecolor,
            markeredgewidth,
            ..
        } => {
            let runs = view.runs(x, y);
            for run in &runs {
                for piece in view.clip(run) {
                    stroke_line(
                        surface,
                        &piece,
                        None,
                        *color,
                        units.px(*linewidth),
                        linestyle,
                    );
                }
            }
            if let Some(shape) = shape {
                for &point in runs.iter().flatten().filter(|p| view.inside(**p)) {
                    marker(
                        surface,
                        *shape,
                        point,
                        units.px(*markersize),
                        *markerfacecolor,
                        *markeredgecolor,
                        units.px(*markeredgewidth),
                    );
                }
            }
        }
        Artist::Scatter {
            x,
            y,
            colors,
            sizes,
            marker: shape,
            markers,
            edgecolors,
            linewidths,
            ..
        } => {
            for (i, (t, r)) in x.iter().zip(y).enumerate() {
                let Some(at) = t.zip(*r).and_then(|(t, r)| view.pixel(t, r)) else {
                    continue;
                };
                if !view.inside(at) {
                    continue;
                }
                let face = pick(colors, i);
                let edge = edgecolors.as_ref().map_or(face, |e| pick(e, i));
                let size = units.px(pick(sizes, i).max(0.0).sqrt());
                let shape = markers.as_ref().map_or(*shape, |m| pick(m, i));
                marker(surface, shape, at, size, face, edge, units.px(*linewidths));
            }
        }
        Artist::Bar {
            orientation: Orientation::Vertical,
            x,
            heights,
            widths,
            bottoms,
            colors,
            edgecolor,
            linewidth,
            ..
        } => {
            for (i, ((centre, height), (width, bottom))) in x
                .iter()
                .zip(heights)
                .zip(widths.iter().zip(bottoms))
                .enumerate()
            {
                let sector = view.sector(
                    (centre - width / 2.0, centre + width / 2.0),
                    (*bottom, bottom + height),
                );
                surface.fill_polygon(&sector, pick(colors, i));
                if let (Some(edge), Some(&first)) = (edgecolor, sector.first()) {
                    let mut outline = sector.clone();
                    outline.push(first);
                    let width = units.px(*linewidth);
                    stroke_line(surface, &outline, None, *edge, width, &LineStyle::Solid);
                }
            }
        }
        Artist::Patch {
            x,
            y,
            coords,
            facecolor,
            edgecolor,
            linewidth,
            linestyle,
            ..
        } => {
            let Some(points) = x
                .iter()
                .zip(y)
                .map(|(&t, &r)| {
                    let same = coords[0] == coords[1];
                    same.then(|| position(view, coords[0], t, r)).flatten()
                })
                .collect::<Option<Vec<Point>>>()
            else {
                return;
            };
            surface.fill_polygon(&points, *facecolor);
            if let Some(&first) = points.first() {
                let mut outline = points.clone();
                outline.push(first);
                stroke_line(
                    surface,
                    &outline,
                    None,
                    *edgecolor,
                    units.px(*linewidth),
                    linestyle,
                );
            }
        }
        Artist::Fill {
            x,
            y1,
            y2,
            color,
            edgecolor,
            linewidth,
            ..
        } => {
            let forward = view.runs(x, y1);
            let back = view.runs(x, y2);
            if let (Some(forward), Some(back)) = (forward.first(), back.first()) {
                let mut polygon = forward.clone();
                polygon.extend(back.iter().rev());
                surface.fill_polygon(&polygon, *color);
                if let Some(edge) = edgecolor {
                    polygon.push(polygon[0]);
                    let width = units.px(*linewidth);
                    stroke_line(surface, &polygon, None, *edge, width, &LineStyle::Solid);
                }
            }
        }
        Artist::Text { x, y, coords, .. } => {
            let [cx, cy] = coords.pair();
            let anchor = if cx == cy {
                position(view, cx, *x, *y)
            } else {
                None
            };
            if let Some(anchor) = anchor {
                draw_text(artist, anchor, axes, units, surface);
            }
        }
        _ => {}
    }
}

/// A point of a patch or text: data (θ, r), or axes fractions of the box.
fn position(view: &PolarView, coords: Coords, x: f64, y: f64) -> Option<Point> {
    match coords {
        Coords::Data => view.pixel(x, y),
        Coords::Axes => Some(Point::new(
            view.frame.x0 + x * view.frame.width(),
            view.frame.y1 - y * view.frame.height(),
        )),
    }
}

fn pick<T: Copy>(values: &[T], i: usize) -> T {
    values[i.min(values.len() - 1)]
}

/// The grid: circles at the radial ticks, rays at the angular ones.
pub fn draw_grid(
    axes: &PlacedAxes<'_>,
    view: &PolarView,
    units: Units,
    surface: &mut impl Surface,
) {
    let Some(grid) = &axes.spec.grid else {
        return;
    };
    let width = units.px(grid.linewidth);
    if matches!(grid.axis, GridAxis::Both | GridAxis::X) {
        let inner = view.inner();
        for tick in theta_in_view(view, &axes.xticks) {
            let phi = view.angle(tick.pos);
            let ray = [view.at(phi, inner), view.at(phi, 1.0)];
            stroke_line(surface, &ray, None, grid.color, width, &grid.linestyle);
        }
    }
    if matches!(grid.axis, GridAxis::Both | GridAxis::Y) {
        for tick in r_in_view(view, &axes.yticks) {
            if let Some(rho) = view.rho(tick.pos) {
                let arc = view.arc(rho, view.phi.0, view.phi.1);
                stroke_line(surface, &arc, None, grid.color, width, &grid.linestyle);
            }
        }
    }
}

/// The angular ticks within thetamin..thetamax.
fn theta_in_view<'t>(view: &PolarView, ticks: &'t TickSet) -> impl Iterator<Item = &'t Tick> {
    let (lo, hi) = view.theta;
    let slack = 1e-9 * (hi - lo).abs().max(1.0);
    let full = view.full;
    ticks
        .major
        .iter()
        .filter(move |t| full || (t.pos >= lo - slack && t.pos <= hi + slack))
}

/// The radial ticks drawn: within rmin..rmax, and beyond the origin on a
/// full circle (matplotlib's RadialLocator).
fn r_in_view<'t>(view: &PolarView, ticks: &'t TickSet) -> impl Iterator<Item = &'t Tick> {
    let (lo, hi) = (view.r.0.min(view.r.1), view.r.0.max(view.r.1));
    let slack = 1e-9 * (hi - lo).abs().max(1e-300);
    let (full, origin) = (view.full, view.rorigin);
    ticks.major.iter().filter(move |t| {
        t.pos >= lo - slack && t.pos <= hi + slack && !(full && lo <= origin && t.pos <= origin)
    })
}

/// The outline (spines) and the tick labels.
pub fn draw_frame(
    axes: &PlacedAxes<'_>,
    view: &PolarView,
    units: Units,
    surface: &mut impl Surface,
) {
    let spec = axes.spec;
    let Some(polar) = &spec.polar else {
        return;
    };
    let spine = &polar.spine;
    if spine.visible {
        let mut outline = view.outline();
        if let Some(&first) = outline.first()
            && !view.full
        {
            outline.push(first);
        }
        let width = units.px(spine.linewidth);
        stroke_line(
            surface,
            &outline,
            None,
            spine.color,
            width,
            &spine.linestyle,
        );
    }
    let size = units.px(spec.tick_fontsize);
    if !spec.hide_xticklabels {
        let color = spec.xtick_style.labelcolor;
        let distance = units.px(THETA_LABEL_PAD);
        for tick in theta_in_view(view, &axes.xticks) {
            let phi = view.angle(tick.pos);
            let edge = view.at(phi, 1.0);
            let anchor = Point::new(edge.x + distance * phi.cos(), edge.y - distance * phi.sin());
            let block = TextBlock::new(&tick.label, size, Weight::Normal);
            surface.text(
                block,
                Placement::new(anchor, HAlign::Center, VAlign::Center),
                color,
            );
        }
    }
    // The axis labels: below the angular tick labels, and left of the box
    // (the radial tick labels stand inside it), as matplotlib places them.
    let pad = units.px(LABEL_PAD);
    if let Some(label) = &spec.xlabel {
        let room = label_room(spec, &axes.xticks, units);
        let anchor = Point::new(
            (view.frame.x0 + view.frame.x1) / 2.0,
            view.frame.y1 + room + pad,
        );
        let placement = Placement::new(anchor, HAlign::Center, VAlign::Top);
        surface.text(text_block(label, units), placement, label.color);
    }
    if let Some(label) = &spec.ylabel {
        let anchor = Point::new(view.frame.x0 - pad, (view.frame.y0 + view.frame.y1) / 2.0);
        let placement = Placement::new(anchor, HAlign::Right, VAlign::Center).rotated(90.0);
        surface.text(text_block(label, units), placement, label.color);
    }
    if !spec.hide_yticklabels {
        let color = spec.ytick_style.labelcolor;
        for tick in r_in_view(view, &axes.yticks) {
            if let Some((anchor, ha, va)) = r_label_anchor(view, tick.pos, units) {
                let block = TextBlock::new(&tick.label, size, Weight::Normal);
                surface.text(block, Placement::new(anchor, ha, va), color);
            }
        }
    }
}

/// Where the label of radial tick `r` goes: along `rlabel_position` on a
/// full circle (left and bottom aligned at the point), else beside the
/// wedge's start edge (matplotlib's RadialTick).
fn r_label_anchor(view: &PolarView, r: f64, units: Units) -> Option<(Point, HAlign, VAlign)> {
    let rho = view.rho(r)?;
    if view.full {
        let at = view.at(view.angle(view.rlabel_position.to_radians()), rho);
        return Some((at, HAlign::Left, VAlign::Bottom));
    }
    // The start edge: thetamin when turning counter-clockwise.
    let start = view.direction > 0.0;
    let phi = if start { view.phi.0 } else { view.phi.1 };
    let at = view.at(phi, rho);
    // Away from the wedge, perpendicular to the edge.
    let side = if start { -1.0 } else { 1.0 };
    let (nx, ny) = (-phi.sin() * side, phi.cos() * side);
    let pad = units.px(R_LABEL_PAD);
    let anchor = Point::new(at.x + nx * pad, at.y - ny * pad);
    let angle = (phi.to_degrees().rem_euclid(360.0)) - 90.0;
    let (ha, va) = if start {
        match angle {
            a if a < -68.5 => (HAlign::Center, VAlign::Top),
            a if a < -23.5 => (HAlign::Left, VAlign::Top),
            a if a < 22.5 => (HAlign::Left, VAlign::Center),
            a if a < 67.5 => (HAlign::Left, VAlign::Bottom),
            a if a < 112.5 => (HAlign::Center, VAlign::Bottom),
            a if a < 157.5 => (HAlign::Right, VAlign::Bottom),
            a if a < 202.5 => (HAlign::Right, VAlign::Center),
            a if a < 247.5 => (HAlign::Right, VAlign::Top),
            _ => (HAlign::Center, VAlign::Top),
        }
    } else {
        match angle {
            a if a < -68.5 => (HAlign::Center, VAlign::Bottom),
            a if a < -23.5 => (HAlign::Right, VAlign::Bottom),
            a if a < 22.5 => (HAlign::Right, VAlign::Center),
            a if a < 67.5 => (HAlign::Right, VAlign::Top),
            a if a < 112.5 => (HAlign::Center, VAlign::Top),
            a if a < 157.5 => (HAlign::Left, VAlign::Top),
            a if a < 202.5 => (HAlign::Left, VAlign::Center),
            a if a < 247.5 => (HAlign::Left, VAlign::Bottom),
            _ => (HAlign::Center, VAlign::Bottom),
        }
    };
    Some((anchor, ha, va))
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

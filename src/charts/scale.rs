//! Axis limits (matplotlib's autoscaling: data extent plus 5% margins, bars
//! and histograms stuck to their base) and the mapping from data to pixels.

use super::spec::{
    Artist, Axes, AxlineOrientation, Coords, Orientation, QuiverCoords, ScaleKind, TextCoords,
};
use super::transform;

/// Autoscale margin, as a fraction of the data span (matplotlib's axes.xmargin).
const MARGIN: f64 = 0.05;

/// Which axis of an Axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    X,
    Y,
}

/// One axis of a drawn Axes: view limits (`lo > hi` when inverted), scale,
/// and the pixel positions they map to.
#[derive(Debug, Clone, Copy)]
pub struct AxisMap {
    pub kind: ScaleKind,
    pub lo: f64,
    pub hi: f64,
    pub px_lo: f64,
    pub px_hi: f64,
}

/// `value` in `kind`'s scale (log10 on a log axis); NaN where the scale has
/// no place for it (see [`transform::forward`]).
pub fn scaled(kind: ScaleKind, value: f64) -> f64 {
    transform::forward(kind, value)
}

/// The value at `position` of `kind`'s scale (the inverse of [`scaled`]).
pub fn unscaled(kind: ScaleKind, position: f64) -> f64 {
    transform::inverse(kind, position)
}

impl AxisMap {
    fn forward(&self, value: f64) -> Option<f64> {
        let position = scaled(self.kind, value);
        (self.kind == ScaleKind::Linear || !position.is_nan()).then_some(position)
    }

    /// The pixel coordinate of `value`; `None` where the scale has no place
    /// for it (zero or negative on a log axis).
    pub fn pixel(self, value: f64) -> Option<f64> {
        let (a, b) = (self.forward(self.lo)?, self.forward(self.hi)?);
        let t = self.forward(value)?;
        Some(self.px_lo + (t - a) / (b - a) * (self.px_hi - self.px_lo))
    }

    /// The pixel coordinate of a fraction of the axis (0 at `lo`, 1 at `hi`).
    pub fn fraction_px(&self, fraction: f64) -> f64 {
        self.px_lo + fraction * (self.px_hi - self.px_lo)
    }
}

/// The data an axis must show: extent and the values margins may not cross.
#[derive(Debug, Default)]
struct Extent {
    lo: f64,
    hi: f64,
    any: bool,
    sticky: Vec<f64>,
}

impl Extent {
    fn add(&mut self, value: f64, kind: ScaleKind) {
        if !transform::in_domain(kind, value) {
            return;
        }
        if self.any {
            self.lo = self.lo.min(value);
            self.hi = self.hi.max(value);
        } else {
            (self.lo, self.hi, self.any) = (value, value, true);
        }
    }

    fn add_all<'a>(&mut self, values: impl IntoIterator<Item = &'a f64>, kind: ScaleKind) {
        values.into_iter().for_each(|v| self.add(*v, kind));
    }

    fn add_some<'a>(&mut self, values: impl IntoIterator<Item = &'a Option<f64>>, kind: ScaleKind) {
        values
            .into_iter()
            .flatten()
            .for_each(|v| self.add(*v, kind));
    }
}

/// The view limits of one axis of `axes`, together with the axes sharing it
/// (a twinx pair shares x).
pub fn limits(group: &[&Axes], dim: Dim) -> (f64, f64) {
    let owner = group[0];
    let kind = scale_kind(owner, dim);
    // A non-positive limit on a log axis is ignored, as matplotlib does.
    let usable = |limit: Option<f64>| limit.filter(|v| transform::in_domain(kind, *v));
    let fixed = match dim {
        Dim::X => owner.xlim,
        Dim::Y => owner.ylim,
    }
    .map(|[lo, hi]| [usable(lo), usable(hi)]);
    if let Some([Some(lo), Some(hi)]) = fixed {
        return (lo, hi);
    }
    let mut extent = Extent::default();
    let mut pie_radius: Option<f64> = None;
    for axes in group {
        for artist in &axes.artists {
            if let Artist::Pie {
                radius, explode, ..
            } = artist
            {
                let reach = radius * (1.0 + explode.iter().copied().fold(0.0, f64::max));
                pie_radius = Some(pie_radius.unwrap_or(0.0).max(reach));
            }
            add_artist(&mut extent, artist, dim, kind);
        }
    }
    let (lo, hi) = match pie_radius {
        Some(reach) if !extent.any => (-1.25 * reach, 1.25 * reach),
        _ => with_margins(&extent, kind),
    };
    match fixed {
        Some([Some(lo), None]) => (lo, hi.max(lo + (hi - lo).abs().max(1e-12))),
        Some([None, Some(hi)]) => (lo.min(hi - (hi - lo).abs().max(1e-12)), hi),
        _ => (lo, hi),
    }
}

pub fn scale_kind(axes: &Axes, dim: Dim) -> ScaleKind {
    match dim {
        Dim::X => axes.xscale,
        Dim::Y => axes.yscale,
    }
}

fn add_artist(extent: &mut Extent, artist: &Artist, dim: Dim, kind: ScaleKind) {
    match artist {
        Artist::Line { x, y, coords, .. } => {
            // Axes fractions (transform=ax.transAxes) do not autoscale.
            if *pick(dim, &coords[0], &coords[1]) == Coords::Data {
                extent.add_some(pick(dim, x, y), kind);
            }
        }
        Artist::Scatter { x, y, .. } => {
            extent.add_some(pick(dim, x, y), kind);
        }
        Artist::Fill { x, y1, y2, .. } => match dim {
            Dim::X => extent.add_some(x, kind),
            Dim::Y => {
                extent.add_some(y1, kind);
                extent.add_some(y2, kind);
            }
        },
        Artist::Bar {
            orientation,
            x,
            heights,
            widths,
            bottoms,
            ..
        } => {
            let along = matches!(
                (orientation, dim),
                (Orientation::Vertical, Dim::X) | (Orientation::Horizontal, Dim::Y)
            );
            if along {
                for (centre, width) in x.iter().zip(widths) {
                    extent.add(centre - width / 2.0, kind);
                    extent.add(centre + width / 2.0, kind);
                }
            } else {
                for (base, height) in bottoms.iter().zip(heights) {
                    extent.add(*base, kind);
                    extent.add(base + height, kind);
                    extent.sticky.push(*base);
                }
            }
        }
        Artist::Hist {
            edges,
            counts,
            orientation,
            ..
        } => {
            let along = matches!(
                (orientation, dim),
                (Orientation::Vertical, Dim::X) | (Orientation::Horizontal, Dim::Y)
            );
            if along {
                extent.add_all(edges, kind);
            } else {
                extent.add_all(counts, kind);
                if kind == ScaleKind::Linear {
                    extent.add(0.0, kind);
                    extent.sticky.push(0.0);
                }
            }
        }
        Artist::Axline {
            orientation, value, ..
        } => {
            let across = matches!(
                (orientation, dim),
                (AxlineOrientation::Horizontal, Dim::Y) | (AxlineOrientation::Vertical, Dim::X)
            );
            if across {
                extent.add(*value, kind);
            }
        }
        Artist::Patch { x, y, coords, .. } => {
            let (values, coords) = match dim {
                Dim::X => (x, coords[0]),
                Dim::Y => (y, coords[1]),
            };
            if coords == Coords::Data {
                extent.add_all(values, kind);
            }
        }
        Artist::Image {
            x_edges, y_edges, ..
        } => {
            // An image fills the axes: its edges are sticky, as in matplotlib.
            let edges = pick(dim, x_edges, y_edges);
            extent.add_all(edges, kind);
            extent.sticky.extend(edges.iter().copied());
        }
        Artist::Quiver(quiver) => {
            // As matplotlib's Quiver.get_datalim: the anchors, not the arrows.
            if quiver.coords == QuiverCoords::Data {
                extent.add_all(pick(dim, &quiver.x, &quiver.y), kind);
            }
        }
        Artist::FancyArrow {
            posa,
            posb,
            coords,
            axes_a: None,
            axes_b: None,
            coords_b: None,
            ..
        } => {
            // Its ends (matplotlib counts the drawn outline, a few pixels more or less).
            if *pick(dim, &coords[0], &coords[1]) == Coords::Data {
                extent.add_all(
                    &[
                        *pick(dim, &posa[0], &posa[1]),
                        *pick(dim, &posb[0], &posb[1]),
                    ],
                    kind,
                );
            }
        }
        // A ConnectionPatch: added with add_artist(), outside the data limits.
        Artist::FancyArrow { .. }
        | Artist::Text { .. }
        | Artist::Annotation { .. }
        | Artist::Pie { .. } => {}
    }
}

fn pick<'a, T>(dim: Dim, x: &'a T, y: &'a T) -> &'a T {
    match dim {
        Dim::X => x,
        Dim::Y => y,
    }
}

/// Data extent widened by the margins, not past a sticky value, and never empty.
fn with_margins(extent: &Extent, kind: ScaleKind) -> (f64, f64) {
    if !extent.any {
        return match kind {
            ScaleKind::Log => (1.0, 10.0),
            ScaleKind::Logit => (1e-7, 1.0 - 1e-7),
            _ => (0.0, 1.0),
        };
    }
    let to = |value| transform::forward(kind, value);
    let from = |position| transform::inverse(kind, position);
    let (mut lo, mut hi) = (to(extent.lo), to(extent.hi));
    if hi - lo <= f64::EPSILON * lo.abs().max(1.0) {
        let pad = if lo == 0.0 { 0.5 } else { lo.abs() * 0.05 };
        (lo, hi) = (lo - pad, hi + pad);
    }
    let margin = (hi - lo) * MARGIN;
    let (mut new_lo, mut new_hi) = (from(lo - margin), from(hi + margin));
    for &sticky in &extent.sticky {
        if sticky <= extent.lo && sticky > new_lo {
            new_lo = sticky;
        }
        if sticky >= extent.hi && sticky < new_hi {
            new_hi = sticky;
        }
    }
    (new_lo, new_hi)
}

/// Where a text artist's position is measured from.
pub fn text_anchor(
    coords: TextCoords,
    x: f64,
    y: f64,
    xmap: &AxisMap,
    ymap: &AxisMap,
) -> Option<(f64, f64)> {
    let [xc, yc] = coords.pair();
    Some((position(xc, x, xmap)?, position(yc, y, ymap)?))
}

/// The pixel of `value` along `map`, a data value or an axes fraction.
pub fn position(coords: Coords, value: f64, map: &AxisMap) -> Option<f64> {
    match coords {
        Coords::Data => map.pixel(value),
        Coords::Axes => Some(map.fraction_px(value)),
    }
}

//! Markers given as outlines (`{"path": ...}`): matplotlib's path and vertex
//! markers and the halves of half-filled ones, drawn as Agg draws a marker:
//! the rings filled together by the nonzero rule, then each stroked.

use super::caps::stroke_run;
use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::spec::{AltMarker, Marker, MarkerPath};
use super::surface::Surface;

/// A line's markers in the order matplotlib draws them: its marker in
/// `face` at every point, then a half-filled marker's other half.
pub fn layers<'a>(
    shape: &'a Marker,
    face: Rgba,
    alt: Option<&'a AltMarker>,
) -> impl Iterator<Item = (&'a Marker, Rgba)> {
    std::iter::once((shape, face)).chain(alt.map(|a| (&a.marker, a.facecolor)))
}

/// Draws `path` (in marker sizes, y up) at `at`, `size_px` per marker size.
pub fn draw(
    surface: &mut impl Surface,
    path: &MarkerPath,
    at: Point,
    size_px: f64,
    face: Rgba,
    edge: Rgba,
    edge_width: f64,
) {
    let rings: Vec<Vec<Point>> = path
        .rings
        .iter()
        .map(|ring| {
            ring.iter()
                .map(|[x, y]| Point::new(at.x + x * size_px, at.y - y * size_px))
                .collect()
        })
        .collect();
    let filled: Vec<Vec<Point>> = rings.iter().filter(|r| r.len() >= 3).cloned().collect();
    if !filled.is_empty() {
        surface.fill_rings(&filled, face);
    }
    if edge_width <= 0.0 {
        return;
    }
    let anywhere = Rect::new(-1e6, -1e6, 1e6, 1e6);
    for (i, ring) in rings.iter().enumerate() {
        let closed = path
            .closed
            .as_ref()
            .is_none_or(|closed| closed.get(i).copied().unwrap_or(true));
        let mut outline = ring.clone();
        if closed && ring.len() >= 3 {
            // Closing back round through the first two points makes the first
            // corner a join too, as a CLOSEPOLY does.
            outline.extend_from_slice(&ring[..2]);
            surface.stroke_joined(&outline, edge, edge_width, path.join);
        } else {
            let cap = path.cap;
            stroke_run(
                surface,
                &outline,
                &anywhere,
                edge,
                edge_width,
                cap,
                Some(path.join),
            );
        }
    }
}

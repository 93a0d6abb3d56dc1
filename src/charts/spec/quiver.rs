//! The spec of a `quiver` artist: matplotlib's Quiver (and QuiverKey) arrows.

use serde::Deserialize;

use super::style::{HAlign, Text, VAlign};
use crate::charts::color::Rgba;

/// Arrows (or ellipses) drawn as polygons anchored at points: arrow `i`'s outline is
/// `shape_x/shape_y[i * sides .. (i + 1) * sides]`, offsets from its anchor
/// in `unit`s (y up), as matplotlib's Quiver scales its arrow vertices by its
/// dots per unit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiver {
    pub label: Option<String>,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    /// Where the anchors are measured (quiverkey: axes or figure fractions).
    pub coords: QuiverCoords,
    pub unit: ArrowUnit,
    /// Vertices per arrow (8: matplotlib's arrow outline).
    pub sides: usize,
    pub shape_x: Vec<f64>,
    pub shape_y: Vec<f64>,
    /// One colour for all arrows or one each.
    pub facecolors: Vec<Rgba>,
    pub edgecolors: Vec<Rgba>,
    pub linewidth: f64,
    /// What the arrows are, for the description (absent: "quiver"; an
    /// EllipseCollection is "ellipse_collection").
    #[serde(default)]
    pub role: Option<String>,
    /// quiverkey()'s label: `offset` points from the anchor, aligned by `ha`/`va`.
    #[serde(default)]
    pub key_label: Option<KeyLabel>,
    /// Instead of shapes: FancyArrowPatch '-|>' arrows from these tails to
    /// the anchors (streamplot's), drawn in the face colours.
    #[serde(default)]
    pub fancy: Option<FancyArrows>,
}

/// matplotlib's FancyArrowPatch with arrowstyle '-|>' and straight arc3
/// connection from `tail` to the anchor, all lengths in points.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FancyArrows {
    pub tail_x: Vec<f64>,
    pub tail_y: Vec<f64>,
    /// shrinkA and shrinkB: cut off each end (where the line is longer).
    pub shrink: f64,
    /// The head's length and half width (0.4 and 0.2 times mutation_scale).
    pub head_length: f64,
    pub head_width: f64,
    /// One line width for all arrows or one each.
    pub linewidths: Vec<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuiverCoords {
    Data,
    Axes,
    Figure,
}

/// matplotlib's Quiver `units`: what one unit of the arrow vertices is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArrowUnit {
    /// The axes box' width / height in pixels.
    Width,
    Height,
    /// One data unit along x / y (linear axes), or the box diagonal over the view's.
    X,
    Y,
    Xy,
    /// A pixel; an inch; a point.
    Dots,
    Inches,
    Points,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyLabel {
    pub text: Text,
    pub offset: [f64; 2],
    pub ha: HAlign,
    pub va: VAlign,
}

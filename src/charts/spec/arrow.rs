//! The spec of matplotlib's fancy arrows (FancyArrowPatch, annotate()'s
//! arrowprops): a connection between two points, shortened at its ends,
//! and the arrow style drawn along it.

use serde::Deserialize;

use super::style::{Coords, LineStyle};
use crate::charts::color::Rgba;

/// How an arrow is drawn between its two ends (sizes in points, the
/// connection style's lengths in pixels as matplotlib's).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FancyArrow {
    pub arrowstyle: ArrowStyle,
    pub connectionstyle: ConnectionStyle,
    /// How much shorter the path is at A and at B.
    pub shrink_a: f64,
    pub shrink_b: f64,
    /// What the arrow style's sizes are fractions of.
    pub mutation_scale: f64,
    pub mutation_aspect: f64,
    /// The fill of closed shapes (heads of `-|>`, simple, fancy, wedge).
    pub facecolor: Rgba,
    pub edgecolor: Rgba,
    pub linewidth: f64,
    pub linestyle: LineStyle,
}

/// matplotlib's ArrowStyle, sizes as fractions of the mutation scale.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(tag = "name", rename_all = "lowercase", deny_unknown_fields)]
pub enum ArrowStyle {
    /// The path with heads or brackets at its ends ("-", "->", "<|-|>", "]-[",
    /// "|-|", ...).
    Curve {
        begin: ArrowEnd,
        end: ArrowEnd,
        head_length: f64,
        head_width: f64,
        width_a: f64,
        width_b: f64,
        length_a: f64,
        length_b: f64,
        angle_a: f64,
        angle_b: f64,
        scale_a: Option<f64>,
        scale_b: Option<f64>,
    },
    Simple {
        head_length: f64,
        head_width: f64,
        tail_width: f64,
    },
    Fancy {
        head_length: f64,
        head_width: f64,
        tail_width: f64,
    },
    Wedge {
        tail_width: f64,
        shrink_factor: f64,
    },
}

/// What a curve arrow has at one end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArrowEnd {
    None,
    /// An open head (`>`).
    Head,
    /// A filled head (`|>`).
    Filled,
    /// A bracket (`[` or `|`).
    Bracket,
}

/// matplotlib's ConnectionStyle; angles in degrees, arms and radii in pixels.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(tag = "name", rename_all = "lowercase", deny_unknown_fields)]
pub enum ConnectionStyle {
    Arc3 {
        rad: f64,
    },
    Angle3 {
        angle_a: f64,
        angle_b: f64,
    },
    Angle {
        angle_a: f64,
        angle_b: f64,
        rad: f64,
    },
    Arc {
        angle_a: f64,
        angle_b: f64,
        arm_a: Option<f64>,
        arm_b: Option<f64>,
        rad: f64,
    },
    Bar {
        arm_a: f64,
        arm_b: f64,
        fraction: f64,
        angle: Option<f64>,
    },
}

/// A shape an arrow's end is clipped by (matplotlib's patchA and patchB).
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum ClipShape {
    /// The annotation's text: its box, or its extent padded by 2 points.
    Text,
    /// A patch's outline.
    Polygon {
        x: Vec<f64>,
        y: Vec<f64>,
        coords: [Coords; 2],
    },
    /// Within `radius` points of a point (a marker-only line's pick radius).
    Circle {
        x: f64,
        y: f64,
        coords: [Coords; 2],
        radius: f64,
    },
}

/// annotate()'s arrow from its text to the annotated point.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationArrow {
    pub patch: FancyArrow,
    /// Where on the text's extent the arrow starts (fractions, y up);
    /// none: the corner or side middle nearest the point, with `shrink`
    /// (matplotlib's arrowprops without an arrowstyle).
    pub relpos: Option<[f64; 2]>,
    /// Both ends shortened by this fraction of the distance from the text
    /// to the point (replaces `patch.shrink_a`/`shrink_b`).
    pub shrink: Option<f64>,
    pub patch_a: Option<ClipShape>,
    pub patch_b: Option<ClipShape>,
}

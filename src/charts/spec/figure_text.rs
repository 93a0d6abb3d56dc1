//! `Figure.text()` and `SubFigure.text()`: texts placed in fractions of the
//! figure or of a panel.

use serde::Deserialize;

use super::artist::TextBox;
use super::style::{HAlign, Text, VAlign};

/// A text at `(x, y)` in figure (or panel) fractions (0, 0 the lower left
/// corner).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureText {
    pub x: f64,
    pub y: f64,
    pub text: Text,
    pub ha: HAlign,
    pub va: VAlign,
    pub rotation: f64,
    /// A box around the text (`bbox=`, `backgroundcolor=`).
    #[serde(default)]
    pub bbox: Option<TextBox>,
}

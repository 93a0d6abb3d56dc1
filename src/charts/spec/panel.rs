//! `SubFigure`: panels of the figure, each a grid cell of its parent (the
//! figure or another panel) with its own background, decorations and axes.

use serde::Deserialize;

use super::figure_text::FigureText;
use super::style::{HAlign, Text, VAlign};
use crate::charts::color::Rgba;

/// A panel (`Figure.subfigures`, `add_subfigure`): the cells `grid_pos`
/// (`[nrows, ncols, row, col, rowspan, colspan]`) of a grid filling its
/// parent's room, `wspace` / `hspace` (in average cells, as matplotlib's
/// `GridSpec.get_grid_positions`) between the grid's cells.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    /// The earlier panel it is part of; absent: the figure.
    #[serde(default)]
    pub parent: Option<usize>,
    pub grid_pos: [u32; 6],
    #[serde(default)]
    pub width_ratios: Option<Vec<f64>>,
    #[serde(default)]
    pub height_ratios: Option<Vec<f64>>,
    pub wspace: f64,
    pub hspace: f64,
    /// Its grid is also that of its parent's axes, under constrained layout:
    /// it spans their boxes in its rows and columns (the grid's inner cells).
    #[serde(default)]
    pub shares_grid: bool,
    /// Drawn over the parent's background (transparent: not drawn).
    pub facecolor: Rgba,
    #[serde(default)]
    pub suptitle: Option<EdgeText>,
    #[serde(default)]
    pub supxlabel: Option<EdgeText>,
    #[serde(default)]
    pub supylabel: Option<SideText>,
    /// `SubFigure.text()`: in fractions of the panel.
    #[serde(default)]
    pub texts: Vec<FigureText>,
}

/// A text along the panel's top or bottom edge (`suptitle`, `supxlabel`):
/// at `x` (panel fraction), aligned there by `ha`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeText {
    pub text: Text,
    pub x: f64,
    pub ha: HAlign,
}

/// A text along the panel's left edge, turned 90 degrees (`supylabel`): at
/// `y` (panel fraction), aligned there by `va`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideText {
    pub text: Text,
    pub y: f64,
    pub va: VAlign,
}

//! A legend's placement beyond its named location and its frame and spacing
//! options (matplotlib's `bbox_to_anchor` and the `legend()` keywords).

use serde::Deserialize;

use crate::charts::color::Rgba;

/// `bbox_to_anchor`: the box `[x, y, width, height]` (y up; a point when
/// width and height are 0) the legend is placed in by its `loc`, in axes
/// fractions, or figure fractions with `figure` (`bbox_transform=fig.transFigure`).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    #[serde(rename = "box")]
    pub bbox: [f64; 4],
    #[serde(default)]
    pub figure: bool,
}

/// The legend's frame and spacing (matplotlib's defaults when absent);
/// lengths in font sizes of the legend.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LegendStyle {
    pub frameon: bool,
    /// Frame edge (legend.edgecolor "0.8" at legend.framealpha 0.8).
    pub edgecolor: Rgba,
    /// Rounded corners (of 0.2 font sizes).
    pub fancybox: bool,
    /// A shadow 2 points right and down: the fill's colour at 0.3, alpha 0.5.
    pub shadow: bool,
    pub borderpad: f64,
    pub labelspacing: f64,
    pub handlelength: f64,
    pub handleheight: f64,
    pub handletextpad: f64,
    pub columnspacing: f64,
    /// The gap between the legend and its anchor box's edge.
    pub borderaxespad: f64,
    /// Markers in the handles are this much larger.
    pub markerscale: f64,
    /// The title's size in points; null: the legend's font size.
    pub title_fontsize: Option<f64>,
}

impl Default for LegendStyle {
    fn default() -> Self {
        Self {
            frameon: true,
            edgecolor: Rgba {
                r: 204,
                g: 204,
                b: 204,
                a: 204,
            },
            fancybox: true,
            shadow: false,
            borderpad: 0.4,
            labelspacing: 0.5,
            handlelength: 2.0,
            handleheight: 0.7,
            handletextpad: 0.8,
            columnspacing: 2.0,
            borderaxespad: 0.5,
            markerscale: 1.0,
            title_fontsize: None,
        }
    }
}

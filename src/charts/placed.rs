//! An axes placed on the figure (its box, axis maps and ticks) and the text
//! measures that placing and drawing share.

use super::geometry::Rect;
use super::paint::Units;
use super::polar_view::PolarView;
use super::scale::AxisMap;
use super::spec::{Axes, Text, Weight};
use super::text::{FontChoice, TextBlock};
use super::ticks::TickSet;

// matplotlib's defaults, in points.
pub const TITLE_PAD: f64 = 6.0;

/// One axes with its box, axis maps and ticks.
pub struct PlacedAxes<'a> {
    pub spec: &'a Axes,
    pub frame: Rect,
    pub x: AxisMap,
    pub y: AxisMap,
    pub xticks: TickSet,
    pub yticks: TickSet,
    /// A twinx axes: y axis on the right, x axis drawn by its parent.
    pub twin: bool,
    /// The y axis is drawn on the right (twinx axes and colorbars).
    pub y_right: bool,
    /// The figure's width and height in pixels.
    pub figure_size: (f64, f64),
    /// How a polar axes maps (θ, r) to pixels.
    pub polar: Option<PolarView>,
    /// Where its labels and titles stand when aligned with other axes'.
    pub aligned: Aligned,
}

/// Where an axes' aligned labels and titles stand; `None`: their own place.
#[derive(Debug, Default, Clone, Copy)]
pub struct Aligned {
    /// Pixels from its spine the x label clears: the group's deepest reach.
    pub xlabel_reach: Option<f64>,
    /// Pixels from its spine the y label clears.
    pub ylabel_reach: Option<f64>,
    /// The figure row (pixels from the top) the titles stand above: the
    /// highest top of the group's top decorations.
    pub title_base: Option<f64>,
}

/// The block a spec text lays out to.
pub fn text_block(text: &Text, units: Units) -> TextBlock {
    TextBlock::styled(&text.text, units.px(text.fontsize), &font_of(text))
}

/// The font a spec text asks for.
pub fn font_of(text: &Text) -> FontChoice {
    FontChoice {
        family: text.family,
        weight: text.weight,
        style: text.style,
        linespacing: text.linespacing,
        multialign: text.multialignment,
    }
}

/// The tick-label blocks of one axis, as drawn (empty when `hidden`).
pub fn tick_label_blocks(
    ticks: &TickSet,
    axes: &Axes,
    units: Units,
    hidden: bool,
) -> Vec<TextBlock> {
    ticks
        .major
        .iter()
        .map(|tick| {
            let label = if hidden { "" } else { tick.label.as_str() };
            TextBlock::new(label, units.px(axes.tick_fontsize), Weight::Normal)
        })
        .collect()
}

//! The figure spec the guest's `matplotlib` sends (docs/CHARTS.md), as Rust types.
//!
//! Unknown fields are refused rather than ignored: a spec the host does not
//! fully understand must not be drawn as something else.

mod arrow;
mod artist;
mod colorbar;
mod figimage;
mod figure_text;
mod legend;
mod panel;
mod quiver;
mod style;
mod ticks;

use serde::Deserialize;

pub use self::arrow::{
    AnnotationArrow, ArrowEnd, ArrowStyle, ClipShape, ConnectionStyle, FancyArrow,
};
pub use self::artist::{
    Artist, AxlineOrientation, BoxStyle, ClipPath, HatchSpec, HistType, PieShadow, PointCoords,
    Quads, Resampling, TextBox, TextCoords,
};
pub use self::colorbar::{Colorbar, Location};
pub use self::figimage::FigureImage;
pub use self::figure_text::FigureText;
pub use self::legend::{Anchor, LegendStyle};
pub use self::panel::Panel;
pub use self::quiver::{ArrowUnit, FancyArrows, Quiver, QuiverCoords};
pub use self::style::{
    AlignGroups, AltMarker, CapStyle, Coords, Divisions, DrawStyle, Family, FontStyle, HAlign,
    JoinStyle, LINE_SPACING, LineStyle, MarkEvery, Marker, MarkerPath, MinorTicks, Orientation,
    PathEffect, RotationMode, Text, TickLabelAlign, VAlign, Weight,
};
pub use self::ticks::{TickMarks, TickStyle, Ticks};
use super::color::Rgba;

/// One figure: its size and its axes, in draw order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub width_in: f64,
    pub height_in: f64,
    pub dpi: f64,
    pub facecolor: Rgba,
    pub suptitle: Option<Text>,
    /// Where along the top the suptitle stands (figure fraction) and how it
    /// aligns there (`suptitle(x=, ha=)`; absent: centred).
    #[serde(default = "half")]
    pub suptitle_x: f64,
    #[serde(default = "centre")]
    pub suptitle_ha: HAlign,
    /// `Figure.text()`: texts placed in figure fractions.
    #[serde(default)]
    pub texts: Vec<FigureText>,
    pub axes: Vec<Axes>,
    /// `Figure.legend()`: legends in the figure's box or beside the axes.
    #[serde(default)]
    pub legends: Vec<FigureLegend>,
    /// The tight layout's pads (`tight_layout(pad=, w_pad=, h_pad=)`).
    #[serde(default)]
    pub tight: TightPads,
    /// `Figure.figimage()`: drawn over the background, under the axes.
    #[serde(default)]
    pub images: Vec<FigureImage>,
    /// `SubFigure`s, each after the panel it is part of.
    #[serde(default)]
    pub panels: Vec<Panel>,
}

fn half() -> f64 {
    0.5
}

fn centre() -> HAlign {
    HAlign::Center
}

/// A figure legend: its entries name their axes; `outside`: it stands in a
/// strip on that side of the figure which the axes give up, placed in it by
/// `loc` (matplotlib's `loc="outside right upper"` under constrained layout).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureLegend {
    pub legend: Legend,
    #[serde(default)]
    pub outside: Option<Location>,
    /// `SubFigure.legend()`: placed in that panel's box (and beside its axes).
    #[serde(default)]
    pub panel: Option<usize>,
}

/// The room the tight layout leaves around the figure (`pad`) and between
/// the decorations of neighbouring cells (`w_pad` across, `h_pad` down), in
/// points; `rect`: `[left, bottom, right, top]`, the part of the figure
/// (fractions) the layout fills.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TightPads {
    pub pad: f64,
    pub w_pad: f64,
    pub h_pad: f64,
    #[serde(default)]
    pub rect: Option<[f64; 4]>,
}

impl Default for TightPads {
    /// matplotlib's `tight_layout()`: 1.08 font sizes of 10 points.
    fn default() -> Self {
        Self {
            pad: 10.8,
            w_pad: 10.8,
            h_pad: 10.8,
            rect: None,
        }
    }
}

/// One plotting area with its decorations and artists.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Axes {
    /// `[nrows, ncols, row, col, rowspan, colspan]`, 0-based.
    pub grid_pos: Option<[u32; 6]>,
    /// Relative column widths and row heights of the grid (`width_ratios`,
    /// `height_ratios`); null: equal.
    #[serde(default)]
    pub width_ratios: Option<Vec<f64>>,
    #[serde(default)]
    pub height_ratios: Option<Vec<f64>>,
    /// matplotlib's subplot parameters `[left, bottom, right, top, wspace,
    /// hspace]` (`subplots_adjust`, `GridSpec(left=...)`): the grid's cells
    /// are these fixed boxes instead of the tight layout's; a null one is
    /// the tight layout's.
    #[serde(default)]
    pub subplotpars: Option<[Option<f64>; 6]>,
    /// A colorbar: the index of the axes whose mappable it shows (beside which
    /// it stands, on the right, when `colorbar` is absent).
    #[serde(default)]
    pub colorbar_of: Option<usize>,
    /// A colorbar's placement and end extensions.
    #[serde(default)]
    pub colorbar: Option<Colorbar>,
    /// An inset (`Axes.inset_axes`): the index of the earlier axes whose box
    /// `rect` is in fractions of.
    #[serde(default)]
    pub inset_of: Option<usize>,
    /// Where a box shrunk to its aspect sits in its room (`set_anchor`;
    /// 0, 0 lower left; absent: centred).
    #[serde(default)]
    pub anchor: Option<[f64; 2]>,
    /// The box's height over its width (`set_box_aspect`).
    #[serde(default)]
    pub box_aspect: Option<f64>,
    /// `[left, bottom, width, height]` in figure fractions (of its panel's).
    pub rect: Option<[f64; 4]>,
    /// The panel (`SubFigure`) it belongs to; absent: the figure.
    #[serde(default)]
    pub panel: Option<usize>,
    pub twin_of: Option<usize>,
    pub title: Option<Text>,
    /// `set_title(loc="left")` and `loc="right"`: at the box's left and right edges, at the
    /// centre title's height.
    #[serde(default)]
    pub title_left: Option<Text>,
    #[serde(default)]
    pub title_right: Option<Text>,
    /// The title's height in axes fractions (set_title(y=...), rcParams axes.titley); absent:
    /// at the top of the box, lifted above the x axis' top decorations as matplotlib does.
    #[serde(default)]
    pub title_y: Option<f64>,
    /// Points between that height and the title (set_title(pad=...), axes.titlepad).
    #[serde(default = "default_title_pad")]
    pub title_pad: f64,
    pub xlabel: Option<Text>,
    pub ylabel: Option<Text>,
    pub xscale: ScaleKind,
    pub yscale: ScaleKind,
    pub xlim: Option<[Option<f64>; 2]>,
    pub ylim: Option<[Option<f64>; 2]>,
    pub xticks: Option<Ticks>,
    pub yticks: Option<Ticks>,
    /// Minor ticks beside the host's major ticks (absent: none; minor ticks
    /// of `xticks` given by the guest go there instead).
    #[serde(default)]
    pub xminor: Option<MinorTicks>,
    #[serde(default)]
    pub yminor: Option<MinorTicks>,
    pub xtick_rotation: f64,
    pub ytick_rotation: f64,
    /// How the tick labels align to their anchor (`ha=`, `rotation_mode=` of
    /// the tick labels); absent: matplotlib's defaults (x centred, y towards
    /// the axes; aligned after rotating).
    #[serde(default)]
    pub xtick_align: TickLabelAlign,
    #[serde(default)]
    pub ytick_align: TickLabelAlign,
    pub tick_fontsize: f64,
    /// How each axis' ticks are drawn (`tick_params`, rcParams `xtick.*`);
    /// absent: matplotlib's defaults.
    #[serde(default)]
    pub xtick_style: TickStyle,
    #[serde(default)]
    pub ytick_style: TickStyle,
    /// Tick labels not drawn (`label_outer()`, inner axes of shared subplots).
    #[serde(default)]
    pub hide_xticklabels: bool,
    #[serde(default)]
    pub hide_yticklabels: bool,
    /// The axis labels stand on the far side (`set_label_position('top')`,
    /// `('right')`).
    #[serde(default)]
    pub xlabel_top: bool,
    /// Where along its axis a label stands (`set_xlabel(loc=...)`); absent:
    /// centred.
    #[serde(default)]
    pub xlabel_loc: Option<HAlign>,
    #[serde(default)]
    pub ylabel_loc: Option<VAlign>,
    /// Points between an axis label and its tick labels (`labelpad`,
    /// rcParams axes.labelpad); absent: 4.
    #[serde(default = "default_labelpad")]
    pub xlabelpad: f64,
    #[serde(default = "default_labelpad")]
    pub ylabelpad: f64,
    #[serde(default)]
    pub ylabel_right: bool,
    /// Where an axis label stands, in axes fractions (`set_label_coords`);
    /// absent: beyond its tick labels.
    #[serde(default)]
    pub xlabel_coords: Option<[f64; 2]>,
    #[serde(default)]
    pub ylabel_coords: Option<[f64; 2]>,
    /// A box around an axis label (`set_xlabel(..., bbox=...)`).
    #[serde(default)]
    pub xlabel_bbox: Option<TextBox>,
    #[serde(default)]
    pub ylabel_bbox: Option<TextBox>,
    /// The groups whose labels and titles line up (`Figure.align_labels`).
    #[serde(default)]
    pub align: AlignGroups,
    pub x_categories: Option<Vec<String>>,
    pub y_categories: Option<Vec<String>>,
    pub grid: Option<Grid>,
    /// Grid lines at the minor ticks (`grid(which='minor')`); absent: none.
    #[serde(default)]
    pub minor_grid: Option<Grid>,
    pub legend: Option<Legend>,
    /// Earlier legends kept with `add_artist` (drawn under `legend`).
    #[serde(default)]
    pub extra_legends: Vec<Legend>,
    pub facecolor: Rgba,
    /// The four frame lines; absent: matplotlib's defaults.
    #[serde(default)]
    pub spines: Spines,
    /// The grid's z-order among the artists (`axes.axisbelow`: 0.5, 1.5, 2.5).
    #[serde(default = "default_grid_zorder")]
    pub grid_zorder: f64,
    pub axis_off: bool,
    pub aspect_equal: bool,
    /// With `aspect_equal`, the data limits `[x0, x1, y0, y1]` when the view
    /// widens to the equal aspect instead of the box shrinking
    /// (`adjustable='datalim'`, `axis('equal')`).
    #[serde(default)]
    pub datalim: Option<[f64; 4]>,
    /// A polar axes: x is the angle in radians, y the radius.
    #[serde(default)]
    pub polar: Option<Polar>,
    pub artists: Vec<Artist>,
    /// Each artist's z-order, when one was set (`zorder=`); null: matplotlib's
    /// defaults by kind.
    #[serde(default)]
    pub zorders: Option<Vec<f64>>,
}

impl Axes {
    /// How this axes stands as a colorbar, if it is one.
    pub fn colorbar_settings(&self) -> Option<Colorbar> {
        match (&self.colorbar, self.colorbar_of) {
            (Some(settings), _) => Some(settings.clone()),
            (None, Some(parent)) => Some(Colorbar::beside(parent)),
            (None, None) => None,
        }
    }

    /// The y axis stands on the right: a twinx axes, or a colorbar right of
    /// its parents.
    pub fn y_on_right(&self) -> bool {
        self.twin_of.is_some()
            || self
                .colorbar_settings()
                .is_some_and(|c| c.location == Location::Right)
    }
}

fn default_grid_zorder() -> f64 {
    1.5
}

fn default_title_pad() -> f64 {
    6.0
}

/// An axes' spines by side.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spines {
    pub left: Spine,
    pub right: Spine,
    pub bottom: Spine,
    pub top: Spine,
}

/// One frame line (matplotlib's `Spine`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spine {
    pub visible: bool,
    pub color: Rgba,
    pub linewidth: f64,
    pub linestyle: LineStyle,
    pub position: SpinePosition,
    /// Its extent along the axis in data coordinates (null parts: the view
    /// limits); null: the whole side.
    pub bounds: Option<[Option<f64>; 2]>,
    /// From the first to the last major tick in view instead (seaborn's
    /// `despine(trim=True)`).
    #[serde(default)]
    pub trim: bool,
}

impl Default for Spine {
    fn default() -> Self {
        Spine {
            visible: true,
            color: Rgba::BLACK,
            linewidth: 0.8,
            linestyle: LineStyle::Solid,
            position: SpinePosition::Outward(0.0),
            bounds: None,
            trim: false,
        }
    }
}

/// Where a spine stands (`Spine.set_position`); its axis' ticks and labels
/// stand there too.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpinePosition {
    /// Points out of the axes box (negative: inwards).
    Outward(f64),
    /// An axes fraction across the box (0 left/bottom, 1 right/top).
    Axes(f64),
    /// A data value on the other axis.
    Data(f64),
}

/// An axis' scale: `"linear"`, `"log"` (any base: the base only changes the
/// ticks, which the guest then sends), `"logit"`, or `{"symlog": {...}}` /
/// `{"asinh": {...}}` with matplotlib's parameters (ticks from the guest).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum ScaleKind {
    Linear,
    Log,
    Logit,
    Symlog {
        base: f64,
        linthresh: f64,
        linscale: f64,
    },
    Asinh {
        linear_width: f64,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    pub axis: GridAxis,
    pub color: Rgba,
    pub linestyle: LineStyle,
    pub linewidth: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GridAxis {
    Both,
    X,
    Y,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Legend {
    pub loc: LegendLoc,
    pub fontsize: f64,
    pub title: Option<String>,
    pub ncol: u32,
    pub entries: Vec<LegendEntry>,
    /// Label and title colour (matplotlib's rcParams text.color); absent: black.
    #[serde(default = "black")]
    pub textcolor: Rgba,
    /// Frame fill (legend.facecolor "inherit": the axes facecolor, at legend.framealpha 0.8);
    /// absent: white at 0.8.
    #[serde(default = "legend_fill")]
    pub facecolor: Rgba,
    /// `bbox_to_anchor`; null: the axes' box (a figure legend's frame).
    #[serde(default)]
    pub anchor: Option<Anchor>,
    #[serde(default)]
    pub style: LegendStyle,
}

fn default_labelpad() -> f64 {
    4.0
}

fn black() -> Rgba {
    Rgba::BLACK
}

fn legend_fill() -> Rgba {
    Rgba {
        r: 255,
        g: 255,
        b: 255,
        a: 204,
    }
}

/// Where a legend goes; `Best` picks the corner hiding the least data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum LegendLoc {
    #[serde(rename = "best")]
    Best,
    #[serde(rename = "upper right")]
    UpperRight,
    #[serde(rename = "upper left")]
    UpperLeft,
    #[serde(rename = "lower left")]
    LowerLeft,
    #[serde(rename = "lower right")]
    LowerRight,
    #[serde(rename = "right")]
    Right,
    #[serde(rename = "center left")]
    CenterLeft,
    #[serde(rename = "center right")]
    CenterRight,
    #[serde(rename = "lower center")]
    LowerCenter,
    #[serde(rename = "upper center")]
    UpperCenter,
    #[serde(rename = "center")]
    Center,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegendEntry {
    pub label: String,
    /// Index into the artists of the legend's axes, or of `axes`; or null
    /// with `handle`, an artist drawn only in the legend (a proxy such as
    /// `Patch(color=..., label=...)`).
    pub artist: Option<usize>,
    #[serde(default)]
    pub handle: Option<Box<Artist>>,
    /// The figure's axes holding the artist, when not the legend's own
    /// (a twinx pair sharing one legend).
    pub axes: Option<usize>,
    /// Which wedge or bar of that artist.
    pub index: Option<usize>,
}

/// How a polar axes turns (θ, r) into its circle (matplotlib's PolarAxes):
/// θ is drawn at `θ * theta_direction + theta_offset` radians counter-clockwise
/// from east, r at `(r - rorigin) / (rmax - rorigin)` of the radius; xlim
/// holds thetamin/thetamax (radians) and ylim rmin/rmax.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Polar {
    pub theta_offset: f64,
    pub theta_direction: f64,
    /// The radius drawn at the centre; null: rmin.
    pub rorigin: Option<f64>,
    /// The angle (degrees) of the radial tick labels of a full circle.
    pub rlabel_position: f64,
    /// The outer circle (matplotlib's `spines["polar"]`).
    pub spine: Spine,
}

impl Axes {
    /// The titles set, each with its alignment: centre, left and right.
    pub fn titles(&self) -> impl Iterator<Item = (&Text, HAlign)> {
        [
            (&self.title, HAlign::Center),
            (&self.title_left, HAlign::Left),
            (&self.title_right, HAlign::Right),
        ]
        .into_iter()
        .filter_map(|(text, align)| text.as_ref().map(|t| (t, align)))
    }
}

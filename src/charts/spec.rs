//! The figure spec the guest's `matplotlib` sends (docs/CHARTS.md), as Rust types.
//!
//! Unknown fields are refused rather than ignored: a spec the host does not
//! fully understand must not be drawn as something else.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Deserializer};

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
    /// `Figure.text()`: texts placed in figure fractions.
    #[serde(default)]
    pub texts: Vec<FigureText>,
    pub axes: Vec<Axes>,
}

/// A text at `(x, y)` in figure fractions (0, 0 the lower left corner).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureText {
    pub x: f64,
    pub y: f64,
    pub text: Text,
    pub ha: HAlign,
    pub va: VAlign,
    pub rotation: f64,
}

/// A string with its font size (points), colour and weight; optionally its
/// family, style and line spacing (font sizes between baselines).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub text: String,
    pub fontsize: f64,
    pub color: Rgba,
    pub weight: Weight,
    #[serde(default)]
    pub family: Family,
    #[serde(default)]
    pub style: FontStyle,
    #[serde(default = "default_linespacing")]
    pub linespacing: f64,
}

/// Distance between baselines, in font sizes (matplotlib's default linespacing).
pub const LINE_SPACING: f64 = 1.2;

fn default_linespacing() -> f64 {
    LINE_SPACING
}

/// matplotlib's generic font families (DejaVu Sans, Serif, Sans Mono).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    #[default]
    #[serde(rename = "sans-serif")]
    SansSerif,
    Serif,
    Monospace,
}

/// Upright, or italic (DejaVu Sans' and Sans Mono's oblique faces).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FontStyle {
    #[default]
    Normal,
    Italic,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weight {
    Normal,
    Bold,
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
    /// A colorbar: the index of the axes it stands beside (on the right).
    #[serde(default)]
    pub colorbar_of: Option<usize>,
    /// `[left, bottom, width, height]` in figure fractions.
    pub rect: Option<[f64; 4]>,
    pub twin_of: Option<usize>,
    pub title: Option<Text>,
    pub xlabel: Option<Text>,
    pub ylabel: Option<Text>,
    pub xscale: ScaleKind,
    pub yscale: ScaleKind,
    pub xlim: Option<[Option<f64>; 2]>,
    pub ylim: Option<[Option<f64>; 2]>,
    pub xticks: Option<Ticks>,
    pub yticks: Option<Ticks>,
    pub xtick_rotation: f64,
    pub ytick_rotation: f64,
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
    #[serde(default)]
    pub ylabel_right: bool,
    pub x_categories: Option<Vec<String>>,
    pub y_categories: Option<Vec<String>>,
    pub grid: Option<Grid>,
    pub legend: Option<Legend>,
    pub facecolor: Rgba,
    /// The four frame lines; absent: matplotlib's defaults.
    #[serde(default)]
    pub spines: Spines,
    /// The grid's z-order among the artists (`axes.axisbelow`: 0.5, 1.5, 2.5).
    #[serde(default = "default_grid_zorder")]
    pub grid_zorder: f64,
    pub axis_off: bool,
    pub aspect_equal: bool,
    /// A polar axes: x is the angle in radians, y the radius.
    #[serde(default)]
    pub polar: Option<Polar>,
    pub artists: Vec<Artist>,
    /// Each artist's z-order, when one was set (`zorder=`); null: matplotlib's
    /// defaults by kind.
    #[serde(default)]
    pub zorders: Option<Vec<f64>>,
}

/// The look of one axis' ticks and tick labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TickStyle {
    pub major: TickMarks,
    pub minor: TickMarks,
    pub direction: TickDirection,
    /// Points between a major tick's end and its label.
    pub pad: f64,
    pub labelcolor: Rgba,
    /// Tick labels also on the far side (top of x, right of y: `labeltop`,
    /// `labelright`); the near ones are shown unless `hide_*ticklabels`.
    #[serde(default)]
    pub label_far: bool,
    /// The offset text stands on the far side (`tick_top()`, `tick_right()`).
    #[serde(default)]
    pub offset_far: bool,
}

impl TickStyle {
    /// Pixels from the spine to the near side of a major tick label.
    pub fn label_distance(&self, px: impl Fn(f64) -> f64) -> f64 {
        let out = match self.direction {
            TickDirection::Out => self.major.length,
            TickDirection::InOut => self.major.length / 2.0,
            TickDirection::In => 0.0,
        };
        px(out + self.pad)
    }
}

impl Default for TickStyle {
    fn default() -> Self {
        TickStyle {
            major: TickMarks {
                visible: true,
                far: false,
                color: Rgba::BLACK,
                length: 3.5,
                width: 0.8,
            },
            minor: TickMarks {
                visible: true,
                far: false,
                color: Rgba::BLACK,
                length: 2.0,
                width: 0.6,
            },
            direction: TickDirection::Out,
            pad: 3.5,
            labelcolor: Rgba::BLACK,
            label_far: false,
            offset_far: false,
        }
    }
}

/// The tick lines of one kind (major or minor); lengths in points.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TickMarks {
    /// Drawn on the near side (bottom of x, left of y).
    pub visible: bool,
    /// Drawn on the far side (top of x, right of y).
    #[serde(default)]
    pub far: bool,
    pub color: Rgba,
    pub length: f64,
    pub width: f64,
}

/// Which way ticks point from their spine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TickDirection {
    Out,
    In,
    InOut,
}

impl TickDirection {
    /// The tick's start and end as multiples of its length outwards.
    pub fn span(self) -> (f64, f64) {
        match self {
            TickDirection::Out => (0.0, 1.0),
            TickDirection::In => (-1.0, 0.0),
            TickDirection::InOut => (-0.5, 0.5),
        }
    }
}

fn default_grid_zorder() -> f64 {
    1.5
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScaleKind {
    Linear,
    Log,
}

/// Ticks the user fixed, with optional labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ticks {
    pub positions: Vec<f64>,
    pub labels: Option<Vec<String>>,
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

/// How a line is dashed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum LineStyle {
    #[serde(rename = "-")]
    Solid,
    #[serde(rename = "--")]
    Dashed,
    #[serde(rename = ":")]
    Dotted,
    #[serde(rename = "-.")]
    DashDot,
    #[serde(rename = "none")]
    None,
    /// matplotlib's `(offset, (on, off, ...))`: lengths in points, scaled by
    /// the line width as matplotlib's `lines.scale_dashes` does.
    #[serde(rename = "dashes")]
    Dashes { offset: f64, pattern: Vec<f64> },
}

/// Marker shapes, by their matplotlib codes; `{"polygon": {...}}` is
/// matplotlib's `(numsides, style, angle)` tuple marker (style 0 a regular
/// polygon, 1 a star), turned `angle` degrees counter-clockwise.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub enum Marker {
    #[serde(rename = "X")]
    FilledX,
    #[serde(rename = "P")]
    FilledPlus,
    #[serde(rename = "polygon")]
    Polygon { sides: u8, star: bool, angle: f64 },
    #[serde(rename = "o")]
    Circle,
    #[serde(rename = "s")]
    Square,
    #[serde(rename = "^")]
    TriangleUp,
    #[serde(rename = "v")]
    TriangleDown,
    #[serde(rename = "<")]
    TriangleLeft,
    #[serde(rename = ">")]
    TriangleRight,
    #[serde(rename = "D")]
    Diamond,
    #[serde(rename = "d")]
    ThinDiamond,
    #[serde(rename = "x")]
    X,
    #[serde(rename = "+")]
    Plus,
    #[serde(rename = "*")]
    Star,
    #[serde(rename = ".")]
    Point,
    #[serde(rename = ",")]
    Pixel,
    #[serde(rename = "p")]
    Pentagon,
    #[serde(rename = "h")]
    Hexagon,
    #[serde(rename = "_")]
    HLine,
    #[serde(rename = "|")]
    VLine,
}

/// How a line connects its points (matplotlib's `drawstyle`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrawStyle {
    #[default]
    Default,
    /// Each step rises at the start of its interval (`steps`).
    StepsPre,
    StepsPost,
    StepsMid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    Vertical,
    Horizontal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HAlign {
    Left,
    Center,
    Right,
}

impl HAlign {
    /// The opposite side (centre stays).
    pub fn flip(self) -> HAlign {
        match self {
            HAlign::Left => HAlign::Right,
            HAlign::Right => HAlign::Left,
            HAlign::Center => HAlign::Center,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VAlign {
    Top,
    Center,
    Bottom,
    Baseline,
}

/// Something drawn in an axes.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Artist {
    Line {
        label: Option<String>,
        #[serde(deserialize_with = "series")]
        x: Vec<Option<f64>>,
        #[serde(deserialize_with = "series")]
        y: Vec<Option<f64>>,
        color: Rgba,
        linewidth: f64,
        linestyle: LineStyle,
        marker: Option<Marker>,
        markersize: f64,
        markerfacecolor: Rgba,
        markeredgecolor: Rgba,
        #[serde(default)]
        drawstyle: DrawStyle,
        /// The colour of a dashed line's gaps (matplotlib's `gapcolor`).
        #[serde(default)]
        gapcolor: Option<Rgba>,
        /// What the line is part of, for the description (e.g. "boxplot median").
        #[serde(default)]
        role: Option<String>,
        /// A LineCollection: separate segments, null between them.
        #[serde(default)]
        segments: bool,
        /// Marker outline width, points (matplotlib's lines.markeredgewidth).
        #[serde(default = "one")]
        markeredgewidth: f64,
        /// Where x and y are measured (`transform=ax.transAxes`, blends).
        #[serde(default = "data_coords")]
        coords: [Coords; 2],
        /// False: drawn beyond the axes box too (matplotlib's `clip_on`).
        #[serde(default = "yes")]
        clip_on: bool,
    },
    /// A closed polygon (matplotlib's patches: Rectangle, Circle, Polygon...,
    /// and axvspan); each of x and y in data or axes coordinates.
    Patch {
        label: Option<String>,
        #[serde(deserialize_with = "floats")]
        x: Vec<f64>,
        #[serde(deserialize_with = "floats")]
        y: Vec<f64>,
        coords: [Coords; 2],
        facecolor: Rgba,
        edgecolor: Rgba,
        linewidth: f64,
        linestyle: LineStyle,
        /// The patch as the user made it (`{"kind": "Circle", "center": ..}`),
        /// passed to the description.
        shape: Option<serde_json::Value>,
        /// Where further rings of the outline start in `x`/`y` (a PathPatch of
        /// several subpaths): filled together by the nonzero rule, each
        /// stroked closed.
        #[serde(default)]
        starts: Vec<usize>,
        /// The rings (0-based) whose edge is not closed (a subpath without
        /// CLOSEPOLY): filled as closed, stroked open.
        #[serde(default)]
        open_rings: Vec<usize>,
        #[serde(default)]
        role: Option<String>,
        #[serde(default = "yes")]
        clip_on: bool,
    },
    /// A grid of coloured cells (imshow, pcolormesh, matshow): `rows` x
    /// `cols` cells, row `i` between `y_edges[i]` and `y_edges[i + 1]`.
    Image {
        label: Option<String>,
        x_edges: Vec<f64>,
        y_edges: Vec<f64>,
        rows: usize,
        cols: usize,
        /// Base64 of the cells' RGBA bytes, row by row.
        #[serde(deserialize_with = "rgba_bytes")]
        pixels: Vec<Rgba>,
        /// The numbers the colours were mapped from (row by row), if any.
        #[serde(default, deserialize_with = "series")]
        values: Vec<Option<f64>>,
        cmap: Option<String>,
        vmin: Option<f64>,
        vmax: Option<f64>,
        /// Cell outlines (pcolormesh's edgecolors and linewidths).
        #[serde(default)]
        edgecolor: Option<Rgba>,
        #[serde(default)]
        linewidth: f64,
    },
    Bar {
        label: Option<String>,
        orientation: Orientation,
        x: Vec<f64>,
        heights: Vec<f64>,
        widths: Vec<f64>,
        bottoms: Vec<f64>,
        colors: Vec<Rgba>,
        edgecolor: Option<Rgba>,
        linewidth: f64,
    },
    Hist {
        label: Option<String>,
        edges: Vec<f64>,
        counts: Vec<f64>,
        orientation: Orientation,
        color: Rgba,
        edgecolor: Option<Rgba>,
        histtype: HistType,
    },
    Scatter {
        label: Option<String>,
        #[serde(deserialize_with = "series")]
        x: Vec<Option<f64>>,
        #[serde(deserialize_with = "series")]
        y: Vec<Option<f64>>,
        colors: Vec<Rgba>,
        sizes: Vec<f64>,
        marker: Marker,
        /// One marker per point (seaborn's style= markers), instead of `marker`.
        #[serde(default)]
        markers: Option<Vec<Marker>>,
        edgecolors: Option<Vec<Rgba>>,
        linewidths: f64,
        #[serde(default = "yes")]
        clip_on: bool,
    },
    Fill {
        label: Option<String>,
        #[serde(deserialize_with = "series")]
        x: Vec<Option<f64>>,
        #[serde(deserialize_with = "series")]
        y1: Vec<Option<f64>>,
        #[serde(deserialize_with = "series")]
        y2: Vec<Option<f64>>,
        color: Rgba,
        edgecolor: Option<Rgba>,
        /// The edge's width, points.
        #[serde(default = "one")]
        linewidth: f64,
        #[serde(default = "yes")]
        clip_on: bool,
    },
    Axline {
        label: Option<String>,
        orientation: AxlineOrientation,
        value: f64,
        start: f64,
        end: f64,
        color: Rgba,
        linewidth: f64,
        linestyle: LineStyle,
        #[serde(default = "yes")]
        clip_on: bool,
    },
    Text {
        label: Option<String>,
        x: f64,
        y: f64,
        coords: TextCoords,
        text: Text,
        ha: HAlign,
        va: VAlign,
        rotation: f64,
        #[serde(default)]
        bbox: Option<TextBox>,
        /// Broken into lines that stay inside the figure (matplotlib's `wrap`).
        #[serde(default)]
        wrap: bool,
        /// "anchor": aligned before rotating (matplotlib's `rotation_mode`).
        #[serde(default)]
        rotation_mode: RotationMode,
    },
    Annotation {
        label: Option<String>,
        text: Text,
        xy: [f64; 2],
        xytext: Option<[f64; 2]>,
        ha: HAlign,
        va: VAlign,
        arrow: Option<Arrow>,
        #[serde(default)]
        bbox: Option<TextBox>,
    },
    Pie {
        label: Option<String>,
        values: Vec<f64>,
        labels: Option<Vec<String>>,
        colors: Vec<Rgba>,
        autotexts: Option<Vec<String>>,
        startangle: f64,
        counterclock: bool,
        explode: Vec<f64>,
        radius: f64,
        label_fontsize: f64,
        /// A donut: each wedge is a ring this thick (matplotlib's wedgeprops width).
        #[serde(default)]
        width: Option<f64>,
        /// The wedges' outline (wedgeprops edgecolor and linewidth).
        #[serde(default)]
        edgecolor: Option<Rgba>,
        #[serde(default = "one")]
        linewidth: f64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HistType {
    Bar,
    Step,
    Stepfilled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum AxlineOrientation {
    #[serde(rename = "h")]
    Horizontal,
    #[serde(rename = "v")]
    Vertical,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Coords {
    Data,
    Axes,
}

/// Where a text's position is measured: one system for both coordinates,
/// or one per axis (`[x, y]`, e.g. `ax.get_xaxis_transform()`: x data, y axes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum TextCoords {
    Both(Coords),
    PerAxis([Coords; 2]),
}

impl TextCoords {
    /// The systems of x and y.
    pub fn pair(self) -> [Coords; 2] {
        match self {
            TextCoords::Both(coords) => [coords, coords],
            TextCoords::PerAxis(pair) => pair,
        }
    }
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

/// A box drawn around a text (matplotlib's `bbox=`, a FancyBboxPatch): the
/// text's extent padded by `pad` font sizes, square or with corners rounded
/// by `pad` as well.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextBox {
    pub boxstyle: BoxStyle,
    pub pad: f64,
    pub facecolor: Rgba,
    pub edgecolor: Rgba,
    pub linewidth: f64,
    pub linestyle: LineStyle,
}

/// matplotlib's rotation_mode: align the rotated text's bounding box
/// ("default"), or align the unrotated text and rotate it about the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RotationMode {
    #[default]
    Default,
    Anchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BoxStyle {
    Square,
    Round,
}

fn data_coords() -> [Coords; 2] {
    [Coords::Data, Coords::Data]
}

fn one() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrow {
    pub color: Rgba,
    pub linewidth: f64,
}

/// A data series: a JSON list of numbers and nulls, or, for long series,
/// `{"f64": base64}` of little-endian doubles (NaN for a gap), which the
/// guest encodes in C instead of writing 1,000 float reprs.
fn series<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<f64>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Series {
        List(Vec<Option<f64>>),
        Packed { f64: String },
    }
    match Series::deserialize(deserializer)? {
        Series::List(values) => Ok(values),
        Series::Packed { f64: encoded } => {
            let bytes = BASE64.decode(encoded).map_err(serde::de::Error::custom)?;
            if bytes.len() % 8 != 0 {
                return Err(serde::de::Error::custom(
                    "packed series length is not a multiple of 8",
                ));
            }
            Ok(bytes
                .chunks_exact(8)
                .map(|b| f64::from_le_bytes(b.try_into().expect("8 bytes")))
                .map(|v| v.is_finite().then_some(v))
                .collect())
        }
    }
}

/// Numbers given as a list or packed as a series (a filled contour's many
/// vertices); missing ones are NaN.
fn floats<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<f64>, D::Error> {
    Ok(series(deserializer)?
        .into_iter()
        .map(|v| v.unwrap_or(f64::NAN))
        .collect())
}

/// Base64 of RGBA bytes, four per colour.
fn rgba_bytes<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Rgba>, D::Error> {
    let encoded = String::deserialize(deserializer)?;
    let bytes = BASE64.decode(encoded).map_err(serde::de::Error::custom)?;
    if bytes.len() % 4 != 0 {
        return Err(serde::de::Error::custom(
            "pixel bytes are not a multiple of 4",
        ));
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|b| Rgba {
            r: b[0],
            g: b[1],
            b: b[2],
            a: b[3],
        })
        .collect())
}

impl Artist {
    /// False when the artist is drawn beyond its axes' box (`clip_on=False`).
    pub fn clipped(&self) -> bool {
        match self {
            Artist::Line { clip_on, .. }
            | Artist::Patch { clip_on, .. }
            | Artist::Scatter { clip_on, .. }
            | Artist::Fill { clip_on, .. }
            | Artist::Axline { clip_on, .. } => *clip_on,
            _ => true,
        }
    }

    /// The artist's label, if it has one.
    pub fn label(&self) -> Option<&str> {
        match self {
            Artist::Line { label, .. }
            | Artist::Bar { label, .. }
            | Artist::Hist { label, .. }
            | Artist::Scatter { label, .. }
            | Artist::Fill { label, .. }
            | Artist::Axline { label, .. }
            | Artist::Text { label, .. }
            | Artist::Annotation { label, .. }
            | Artist::Pie { label, .. }
            | Artist::Patch { label, .. }
            | Artist::Image { label, .. } => label.as_deref(),
        }
    }
}

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
    pub axes: Vec<Axes>,
}

/// A string with its font size (points), colour and weight.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub text: String,
    pub fontsize: f64,
    pub color: Rgba,
    pub weight: Weight,
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
    pub x_categories: Option<Vec<String>>,
    pub y_categories: Option<Vec<String>>,
    pub grid: Option<Grid>,
    pub legend: Option<Legend>,
    pub facecolor: Rgba,
    pub axis_off: bool,
    pub aspect_equal: bool,
    pub artists: Vec<Artist>,
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
    /// Index into the artists of the legend's axes, or of `axes`.
    pub artist: usize,
    /// The figure's axes holding the artist, when not the legend's own
    /// (a twinx pair sharing one legend).
    pub axes: Option<usize>,
    /// Which wedge or bar of that artist.
    pub index: Option<usize>,
}

/// How a line is dashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
}

/// Marker shapes, by their matplotlib codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Marker {
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
        edgecolors: Option<Vec<Rgba>>,
        linewidths: f64,
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
    },
    Text {
        label: Option<String>,
        x: f64,
        y: f64,
        coords: Coords,
        text: Text,
        ha: HAlign,
        va: VAlign,
        rotation: f64,
    },
    Annotation {
        label: Option<String>,
        text: Text,
        xy: [f64; 2],
        xytext: Option<[f64; 2]>,
        ha: HAlign,
        va: VAlign,
        arrow: Option<Arrow>,
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

impl Artist {
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
            | Artist::Pie { label, .. } => label.as_deref(),
        }
    }
}

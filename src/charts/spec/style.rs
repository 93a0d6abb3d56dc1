//! The spec's text and line styles, shared by axes and artists.

use serde::Deserialize;

use crate::charts::color::Rgba;

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
    /// How the lines align among themselves (`multialignment`); absent: as
    /// the text aligns to its anchor.
    #[serde(default)]
    pub multialignment: Option<HAlign>,
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
/// polygon, 1 a star), turned `angle` degrees counter-clockwise; `{"path":
/// {...}}` any outline the guest computed (path markers, half-filled ones).
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// matplotlib's tick and caret markers (`TICKLEFT` .. `CARETDOWNBASE`, 0 .. 11): an open
    /// stroke pointing that way from the point (ticks, carets) or ending at it (`base`).
    #[serde(rename = "tick")]
    Tick(Direction),
    #[serde(rename = "caret")]
    Caret { towards: Direction, base: bool },
    #[serde(rename = "path")]
    Path(Box<MarkerPath>),
}

/// The second half of a half-filled marker (matplotlib's alt path), drawn
/// after the first at every point, filled in its own colour.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AltMarker {
    pub marker: Marker,
    pub facecolor: Rgba,
}

/// A marker's outline in marker sizes about its point (y up): its rings
/// filled together by the nonzero rule in the face colour, each stroked in
/// the edge colour with `join` joins and `cap` ends, closed unless `closed`
/// says otherwise.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkerPath {
    pub rings: Vec<Vec<[f64; 2]>>,
    #[serde(default)]
    pub closed: Option<Vec<bool>>,
    #[serde(default)]
    pub join: JoinStyle,
    #[serde(default)]
    pub cap: CapStyle,
}

/// Where a tick or caret marker points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// Degrees counter-clockwise from pointing down.
    pub fn turn_from_down(self) -> f64 {
        match self {
            Direction::Down => 0.0,
            Direction::Right => 90.0,
            Direction::Up => 180.0,
            Direction::Left => 270.0,
        }
    }
}

/// How the ends of a stroke are drawn (matplotlib's `CapStyle`): cut at the
/// end point, carried on half the line's width past it, or rounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CapStyle {
    #[default]
    Butt,
    Projecting,
    Round,
}

/// How the segments of a stroke meet (matplotlib's `JoinStyle`): their outer
/// edges carried on to a point (cut off where the point lies further than the
/// miter limit), rounded, or cut straight across.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JoinStyle {
    Miter,
    #[default]
    Round,
    Bevel,
}

/// Which points of a line carry markers (matplotlib's `markevery`): these
/// indices, or points spaced along the drawn path by `[start, step]` in
/// fractions of the axes box's diagonal.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkEvery {
    Indices(Vec<usize>),
    Spacing([f64; 2]),
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

/// One of a line's path effects (matplotlib.patheffects), drawn in order in
/// place of the plain line.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum PathEffect {
    /// The line itself (`Normal`).
    Normal,
    /// The line stroked `linewidth` points wide in `color` (`Stroke`;
    /// absent: the line's own width or colour).
    Stroke {
        linewidth: Option<f64>,
        color: Option<Rgba>,
    },
    /// Ticks along the line (`TickedStroke`): every `spacing` points, each
    /// `length` spacings long, turned `angle` degrees anticlockwise from
    /// the line's direction, in the line's colour, width and style.
    Ticked {
        spacing: f64,
        angle: f64,
        length: f64,
    },
}

/// Where a point is measured: data, or fractions of the axes box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Coords {
    Data,
    Axes,
}

/// One axis' tick label alignment: `ha` (absent: centred on the x axis,
/// towards the axes on the y axis) and whether it applies before rotating.
#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TickLabelAlign {
    #[serde(default)]
    pub ha: Option<HAlign>,
    #[serde(default)]
    pub rotation_mode: RotationMode,
}

/// Group numbers of `Figure.align_xlabels`, `align_ylabels` and `align_titles`:
/// the axes sharing a number line up that label (title); absent: not aligned.
#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlignGroups {
    #[serde(default)]
    pub xlabel: Option<u32>,
    #[serde(default)]
    pub ylabel: Option<u32>,
    #[serde(default)]
    pub title: Option<u32>,
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

/// Minor ticks beside the host's major ticks: matplotlib's AutoMinorLocator
/// (`ndivs`: the major step divided in that many parts, "auto": 4 or 5) or
/// the guest locator's `positions`; exactly one of them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinorTicks {
    #[serde(default)]
    pub ndivs: Option<Divisions>,
    #[serde(default)]
    pub positions: Option<Vec<f64>>,
}

/// AutoMinorLocator's `n`: a count, or "auto".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Divisions {
    Count(u32),
    Auto(AutoDivisions),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AutoDivisions {
    Auto,
}

//! The spec's artists: what one `Axes` draws.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Deserializer};

use super::arrow::{AnnotationArrow, ClipShape, FancyArrow};
use super::style::{
    AltMarker, CapStyle, Coords, DrawStyle, HAlign, JoinStyle, LineStyle, MarkEvery, Marker,
    Orientation, PathEffect, RotationMode, Text, VAlign,
};
use crate::charts::color::Rgba;

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
        /// A half-filled marker's other half (matplotlib's fillstyle).
        #[serde(default)]
        alt_marker: Option<AltMarker>,
        #[serde(default)]
        drawstyle: DrawStyle,
        /// The colour of a dashed line's gaps (matplotlib's `gapcolor`).
        #[serde(default)]
        gapcolor: Option<Rgba>,
        /// The ends of a solid line (matplotlib's `solid_capstyle`).
        #[serde(default)]
        solid_capstyle: CapStyle,
        /// The ends of each dash (matplotlib's `dash_capstyle`).
        #[serde(default)]
        dash_capstyle: CapStyle,
        /// How a solid line's segments meet (matplotlib's `solid_joinstyle`).
        #[serde(default)]
        solid_joinstyle: JoinStyle,
        /// How each dash's segments meet (matplotlib's `dash_joinstyle`).
        #[serde(default)]
        dash_joinstyle: JoinStyle,
        /// Which points get the marker (none: all).
        #[serde(default)]
        markevery: Option<MarkEvery>,
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
        /// Drawn through these instead of plainly (none: plainly).
        #[serde(default)]
        path_effects: Vec<PathEffect>,
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
        /// How the edge's segments meet (matplotlib's patch `joinstyle`:
        /// miter unless given; round for collections drawn as patches).
        #[serde(default = "miter")]
        joinstyle: JoinStyle,
        #[serde(default)]
        role: Option<String>,
        #[serde(default = "yes")]
        clip_on: bool,
        #[serde(default)]
        hatch: Option<HatchSpec>,
    },
    /// quiver() and quiverkey() arrows (spec/quiver.rs).
    Quiver(super::quiver::Quiver),
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
        /// A non-rectilinear pcolormesh: its (rows + 1) x (cols + 1) corners,
        /// row by row; the edges then only span their extent.
        #[serde(default)]
        quads: Option<Quads>,
        /// The last dimension of an RGB(A) array (3 or 4); none for numbers
        /// through a colormap.
        #[serde(default)]
        depth: Option<u8>,
        /// How imshow() resamples it to the screen's pixels; none: drawn as cells.
        #[serde(default)]
        resampling: Option<Resampling>,
        /// A polygon (data coordinates) the resampled image is clipped to.
        #[serde(default)]
        clip_path: Option<ClipPath>,
        /// Where a resampled image's edges are measured (imshow(transform=
        /// ax.transAxes): axes fractions); data coordinates without.
        #[serde(default)]
        coords: Option<Coords>,
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
        /// One edge colour per bar (1 or n), instead of `edgecolor`.
        #[serde(default)]
        edgecolors: Option<Vec<Rgba>>,
        linewidth: f64,
        /// Each bar's hatch, if any (1 or n).
        #[serde(default)]
        hatches: Option<Vec<Option<HatchSpec>>>,
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
        #[serde(default)]
        hatch: Option<HatchSpec>,
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
        /// `rotation` is an angle in `coords`, turned with them onto the
        /// screen (matplotlib's `transform_rotates_text`).
        #[serde(default)]
        transform_rotates_text: bool,
    },
    Annotation {
        label: Option<String>,
        text: Text,
        xy: [f64; 2],
        xytext: Option<[f64; 2]>,
        ha: HAlign,
        va: VAlign,
        arrow: Option<AnnotationArrow>,
        #[serde(default)]
        bbox: Option<TextBox>,
        /// Where `xy` and `xytext` are measured.
        #[serde(default)]
        xy_coords: PointCoords,
        #[serde(default)]
        xytext_coords: PointCoords,
        /// `xy` is a fraction (y up) of the extent of this text or
        /// annotation of the axes (its index), instead of `xy_coords`.
        #[serde(default)]
        xy_artist: Option<usize>,
        /// Drawn only while `xy` is inside the axes box (matplotlib's
        /// `annotation_clip`, by default for data coordinates).
        #[serde(default)]
        clip_xy: bool,
    },
    /// matplotlib's FancyArrowPatch (spec/arrow.rs) from `posa` to `posb`.
    FancyArrow {
        label: Option<String>,
        posa: [f64; 2],
        posb: [f64; 2],
        coords: [Coords; 2],
        arrow: FancyArrow,
        /// The figure's axes (index) `posa` and `posb` are measured in when
        /// not this one (a ConnectionPatch between axes).
        #[serde(default)]
        axes_a: Option<usize>,
        #[serde(default)]
        axes_b: Option<usize>,
        /// The systems of `posb` when they differ from `coords`.
        #[serde(default)]
        coords_b: Option<[Coords; 2]>,
        #[serde(default)]
        patch_a: Option<ClipShape>,
        #[serde(default)]
        patch_b: Option<ClipShape>,
        #[serde(default = "yes")]
        clip_on: bool,
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
        /// Each wedge's hatch (none, or one per wedge).
        #[serde(default)]
        hatches: Vec<Option<HatchSpec>>,
        /// `shadow=`: a copy of each wedge under all of them.
        #[serde(default)]
        shadow: Option<PieShadow>,
        /// Where labels and percentages sit, in radii from the wedge's centre.
        #[serde(default = "label_distance")]
        labeldistance: f64,
        #[serde(default = "pct_distance")]
        pctdistance: f64,
    },
}

fn label_distance() -> f64 {
    1.1
}

fn pct_distance() -> f64 {
    0.6
}

/// matplotlib's `Shadow` of each pie wedge: the wedge moved `ox`, `oy`
/// times dpi / 72 in data units (matplotlib's "points" shift, applied before
/// the data transform), filled in `colors` (1 or one per wedge) and outlined `linewidth`
/// points wide in `edgecolors` (1 or one per wedge; absent: no outline).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PieShadow {
    pub ox: f64,
    pub oy: f64,
    pub colors: Vec<Rgba>,
    #[serde(default)]
    pub edgecolors: Option<Vec<Rgba>>,
    pub linewidth: f64,
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

/// Where an annotation's point is measured: data (θ, r on polar axes),
/// fractions of the figure (y up), or (its text only) points from its `xy`
/// in display space (y up).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PointCoords {
    #[default]
    Data,
    Figure,
    Offset,
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

fn miter() -> JoinStyle {
    JoinStyle::Miter
}

fn yes() -> bool {
    true
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
pub(super) fn rgba_bytes<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Rgba>, D::Error> {
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
            | Artist::FancyArrow { clip_on, .. }
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
            | Artist::FancyArrow { label, .. }
            | Artist::Image { label, .. } => label.as_deref(),
            Artist::Quiver(quiver) => quiver.label.as_deref(),
        }
    }
}

/// `hatch=`: a matplotlib hatch pattern (`"/"`, `"x"`, `"o."`...) drawn over
/// the fill in `color` (the edge colour, or rcParams `hatch.color`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HatchSpec {
    pub pattern: String,
    pub color: Rgba,
    /// Points (rcParams `hatch.linewidth`).
    pub linewidth: f64,
}

/// imshow()'s resampling (matplotlib's interpolation, interpolation_stage,
/// filternorm and filterrad).
#[derive(Debug, Clone, Deserialize)]
pub struct Resampling {
    pub interpolation: String,
    pub stage: String,
    pub filternorm: bool,
    pub filterrad: f64,
    /// The image's scalar alpha (1 without one).
    pub alpha: f64,
    /// The colormap's colours then its under, over and bad colours (bytes),
    /// for resampling the numbers (a linear norm between vmin and vmax).
    #[serde(default, deserialize_with = "optional_rgba_bytes")]
    pub lut: Option<Vec<Rgba>>,
}

fn optional_rgba_bytes<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<Rgba>>, D::Error> {
    rgba_bytes(deserializer).map(Some)
}

/// A polygon an image is clipped to (data coordinates).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClipPath {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
}

/// The corners of a quadrilateral mesh, row by row.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quads {
    #[serde(deserialize_with = "floats")]
    pub x: Vec<f64>,
    #[serde(deserialize_with = "floats")]
    pub y: Vec<f64>,
    /// The corners are the image's rows x cols points, each of its colour,
    /// shaded between them (matplotlib's `shading='gouraud'`).
    #[serde(default)]
    pub gouraud: bool,
    /// A triangular mesh (matplotlib's `tripcolor`): `x`, `y` are its
    /// points and these the point indices of its triangles, three each; the
    /// image's cells are the triangles (or, gouraud, the points).
    #[serde(default)]
    pub triangles: Option<Vec<usize>>,
}

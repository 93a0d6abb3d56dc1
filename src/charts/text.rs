//! Chart text: fonts embedded in the binary, line layout, and drawing as glyph
//! outlines (rasterized for PNG, paths for SVG), so no system font or
//! fontconfig is involved and SVGs look the same everywhere.
//!
//! DejaVu Sans (and Serif, Sans Mono, their bold and oblique faces) draw
//! Latin, Greek and Cyrillic; glyphs they lack (Chinese, Japanese, Korean)
//! come from WenQuanYi Micro Hei. The fonts come from Debian packages found
//! at build time (build.rs); see `assets/fonts/README.md`.

use std::sync::LazyLock;

use ab_glyph::{Font, FontRef, GlyphId, OutlineCurve};

use super::geometry::{Point, Rect};
use super::mathtext;
use super::spec::{Family, FontStyle, HAlign, LINE_SPACING, VAlign, Weight};

static REGULAR: &[u8] = include_bytes!(env!("CHART_FONT_REGULAR"));
static BOLD: &[u8] = include_bytes!(env!("CHART_FONT_BOLD"));
static OBLIQUE: &[u8] = include_bytes!(env!("CHART_FONT_OBLIQUE"));
static BOLD_OBLIQUE: &[u8] = include_bytes!(env!("CHART_FONT_BOLD_OBLIQUE"));
static SERIF: &[u8] = include_bytes!(env!("CHART_FONT_SERIF"));
static SERIF_BOLD: &[u8] = include_bytes!(env!("CHART_FONT_SERIF_BOLD"));
static SERIF_ITALIC: &[u8] = include_bytes!(env!("CHART_FONT_SERIF_ITALIC"));
static SERIF_BOLD_ITALIC: &[u8] = include_bytes!(env!("CHART_FONT_SERIF_BOLD_ITALIC"));
static MONO: &[u8] = include_bytes!(env!("CHART_FONT_MONO"));
static MONO_BOLD: &[u8] = include_bytes!(env!("CHART_FONT_MONO_BOLD"));
static MONO_OBLIQUE: &[u8] = include_bytes!(env!("CHART_FONT_MONO_OBLIQUE"));
static MONO_BOLD_OBLIQUE: &[u8] = include_bytes!(env!("CHART_FONT_MONO_BOLD_OBLIQUE"));
static CJK: &[u8] = include_bytes!(env!("CHART_FONT_CJK"));

/// The embedded faces, in [`Face`] order (the CJK fallback is the first face
/// of its collection).
static FACES: LazyLock<Vec<FontRef<'static>>> = LazyLock::new(|| {
    [
        REGULAR,
        BOLD,
        OBLIQUE,
        BOLD_OBLIQUE,
        SERIF,
        SERIF_BOLD,
        SERIF_ITALIC,
        SERIF_BOLD_ITALIC,
        MONO,
        MONO_BOLD,
        MONO_OBLIQUE,
        MONO_BOLD_OBLIQUE,
        CJK,
    ]
    .into_iter()
    .map(|bytes| FontRef::try_from_slice(bytes).expect("embedded font parses"))
    .collect()
});

/// An embedded face: DejaVu Sans, Serif and Sans Mono in their four styles
/// each (matplotlib's first choices for the generic families), and the CJK
/// fallback.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Face(usize);

impl Face {
    const REGULAR: Face = Face(0);
    const CJK: Face = Face(12);

    /// The face of `family` in `weight`, upright or italic (oblique).
    fn of(font: &FontChoice) -> Face {
        let family = match font.family {
            Family::SansSerif => 0,
            Family::Serif => 4,
            Family::Monospace => 8,
        };
        let bold = usize::from(font.weight == Weight::Bold);
        let italic = usize::from(font.style == FontStyle::Italic);
        Face(family + bold + 2 * italic)
    }

    fn font(self) -> &'static FontRef<'static> {
        &FACES[self.0]
    }

    /// Pixels per font unit at `size_px`.
    fn scale(self, size_px: f64) -> f64 {
        size_px / f64::from(self.font().units_per_em().unwrap_or(1000.0))
    }
}

/// How a text block is set: family, weight, style and line spacing (in font
/// sizes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FontChoice {
    pub family: Family,
    pub weight: Weight,
    pub style: FontStyle,
    pub linespacing: f64,
    /// How lines align among themselves (matplotlib's `multialignment`);
    /// None: as the block aligns to its anchor.
    pub multialign: Option<HAlign>,
}

impl FontChoice {
    /// DejaVu Sans, upright, at matplotlib's default line spacing.
    pub fn sans(weight: Weight) -> Self {
        Self {
            family: Family::SansSerif,
            weight,
            style: FontStyle::Normal,
            linespacing: LINE_SPACING,
            multialign: None,
        }
    }
}

/// A glyph at its place on a line.
#[derive(Debug)]
struct PlacedGlyph {
    face: Face,
    id: GlyphId,
    /// Pen position from the line's start, in pixels.
    x: f64,
}

#[derive(Debug)]
struct Line {
    glyphs: Vec<PlacedGlyph>,
    width: f64,
}

/// Text laid out at one size: lines of glyphs and the block's extent.
#[derive(Debug)]
pub struct TextBlock {
    lines: Vec<Line>,
    size_px: f64,
    ascent: f64,
    descent: f64,
    width: f64,
    linespacing: f64,
    multialign: Option<HAlign>,
}

/// Where a block goes: an anchor point, how the block's (rotated) bounding
/// box aligns to it, and the rotation in degrees counter-clockwise. When
/// `anchored` (matplotlib's rotation_mode='anchor'), the unrotated block is
/// aligned to the anchor and then rotated about it.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    pub anchor: Point,
    pub ha: HAlign,
    pub va: VAlign,
    pub rotation: f64,
    pub anchored: bool,
}

impl Placement {
    pub fn new(anchor: Point, ha: HAlign, va: VAlign) -> Self {
        Self {
            anchor,
            ha,
            va,
            rotation: 0.0,
            anchored: false,
        }
    }

    /// Aligned before rotating (matplotlib's rotation_mode='anchor').
    pub fn anchored(self, anchored: bool) -> Self {
        Self { anchored, ..self }
    }

    pub fn rotated(self, rotation: f64) -> Self {
        Self { rotation, ..self }
    }
}

/// Receives a glyph outline, already in output pixels.
pub trait OutlineSink {
    fn line(&mut self, from: Point, to: Point);
    fn quad(&mut self, from: Point, control: Point, to: Point);
    fn cubic(&mut self, from: Point, c1: Point, c2: Point, to: Point);
}

impl TextBlock {
    /// Lays out `text` (lines split at `\n`; `$...$` math approximated with
    /// Unicode) at `size_px` pixels per em in DejaVu Sans.
    pub fn new(text: &str, size_px: f64, weight: Weight) -> Self {
        Self::styled(text, size_px, &FontChoice::sans(weight))
    }

    /// Lays out `text` as [`TextBlock::new`] in the face `font` chooses.
    pub fn styled(text: &str, size_px: f64, font: &FontChoice) -> Self {
        let text = mathtext::to_unicode(text);
        let primary = Face::of(font);
        let lines: Vec<Line> = text
            .split('\n')
            .map(|line| layout_line(line, primary, size_px))
            .collect();
        let metrics = primary.font();
        let k = primary.scale(size_px);
        let width = lines.iter().map(|line| line.width).fold(0.0, f64::max);
        Self {
            lines,
            size_px,
            ascent: f64::from(metrics.ascent_unscaled()) * k,
            descent: -f64::from(metrics.descent_unscaled()) * k,
            width,
            linespacing: font.linespacing,
            multialign: font.multialign,
        }
    }

    pub fn width(&self) -> f64 {
        self.width
    }

    /// The font size in pixels.
    pub fn size_px(&self) -> f64 {
        self.size_px
    }

    /// Where a point of the block's own frame (origin at the top left of the
    /// unrotated block, y down, pixels) lands once placed.
    pub fn place(&self, placement: &Placement, p: Point) -> Point {
        self.transform(placement).apply(p)
    }

    pub fn height(&self) -> f64 {
        self.ascent + self.descent + self.line_step() * (self.lines.len() - 1) as f64
    }

    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|line| line.glyphs.is_empty())
    }

    fn line_step(&self) -> f64 {
        self.size_px * self.linespacing
    }

    /// The block's bounding box once placed.
    pub fn bounds(&self, placement: &Placement) -> Rect {
        let transform = self.transform(placement);
        let (w, h) = (self.width, self.height());
        Rect::enclosing(
            [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)]
                .into_iter()
                .map(|(x, y)| transform.apply(Point::new(x, y))),
        )
    }

    /// Sends every glyph's outline, placed and scaled by `scale`, to `sink`.
    pub fn outline(&self, placement: &Placement, scale: f64, sink: &mut impl OutlineSink) {
        let transform = self.transform(placement);
        for (index, line) in self.lines.iter().enumerate() {
            let offset = match self.multialign.unwrap_or(placement.ha) {
                HAlign::Left => 0.0,
                HAlign::Center => (self.width - line.width) / 2.0,
                HAlign::Right => self.width - line.width,
            };
            let baseline = self.ascent + self.line_step() * index as f64;
            for glyph in &line.glyphs {
                let Some(outline) = glyph.face.font().outline(glyph.id) else {
                    continue;
                };
                let k = glyph.face.scale(self.size_px);
                let map = |p: ab_glyph::Point| {
                    let local = Point::new(
                        offset + glyph.x + f64::from(p.x) * k,
                        baseline - f64::from(p.y) * k,
                    );
                    transform.apply(local).scaled(scale)
                };
                for curve in &outline.curves {
                    match *curve {
                        OutlineCurve::Line(a, b) => sink.line(map(a), map(b)),
                        OutlineCurve::Quad(a, b, c) => sink.quad(map(a), map(b), map(c)),
                        OutlineCurve::Cubic(a, b, c, d) => {
                            sink.cubic(map(a), map(b), map(c), map(d))
                        }
                    }
                }
            }
        }
    }

    /// Maps block coordinates (origin top-left, y down) to output pixels.
    fn transform(&self, placement: &Placement) -> Transform {
        let (sin, cos) = placement.rotation.to_radians().sin_cos();
        let rotate = |x: f64, y: f64| Point::new(x * cos + y * sin, -x * sin + y * cos);
        let (w, h) = (self.width, self.height());
        if placement.anchored {
            let x = match placement.ha {
                HAlign::Left => 0.0,
                HAlign::Center => w / 2.0,
                HAlign::Right => w,
            };
            let y = match placement.va {
                VAlign::Top => 0.0,
                VAlign::Center => h / 2.0,
                VAlign::Bottom => h,
                // The last line's baseline, as matplotlib's anchor mode.
                VAlign::Baseline => h - self.descent,
            };
            let at = rotate(x, y);
            return Transform {
                cos,
                sin,
                dx: placement.anchor.x - at.x,
                dy: placement.anchor.y - at.y,
            };
        }
        let bounds = Rect::enclosing(
            [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)]
                .into_iter()
                .map(|(x, y)| rotate(x, y)),
        );
        let anchor = placement.anchor;
        let dx = match placement.ha {
            HAlign::Left => anchor.x - bounds.x0,
            HAlign::Center => anchor.x - (bounds.x0 + bounds.x1) / 2.0,
            HAlign::Right => anchor.x - bounds.x1,
        };
        let dy = match placement.va {
            VAlign::Top => anchor.y - bounds.y0,
            VAlign::Center => anchor.y - (bounds.y0 + bounds.y1) / 2.0,
            VAlign::Bottom => anchor.y - bounds.y1,
            VAlign::Baseline if placement.rotation == 0.0 => anchor.y - self.ascent,
            VAlign::Baseline => anchor.y - bounds.y1,
        };
        Transform { cos, sin, dx, dy }
    }
}

/// Rotation then translation.
struct Transform {
    cos: f64,
    sin: f64,
    dx: f64,
    dy: f64,
}

impl Transform {
    fn apply(&self, p: Point) -> Point {
        Point::new(
            p.x * self.cos + p.y * self.sin + self.dx,
            -p.x * self.sin + p.y * self.cos + self.dy,
        )
    }
}

fn layout_line(text: &str, primary: Face, size_px: f64) -> Line {
    let mut glyphs = Vec::with_capacity(text.len());
    let mut pen = 0.0;
    let mut previous: Option<(Face, GlyphId)> = None;
    for ch in text.chars().filter(|ch| !ch.is_control()) {
        let (face, id) = glyph_for(ch, primary);
        let font = face.font();
        let k = face.scale(size_px);
        if let Some((previous_face, previous_id)) = previous
            && previous_face == face
        {
            pen += f64::from(font.kern_unscaled(previous_id, id)) * k;
        }
        glyphs.push(PlacedGlyph { face, id, x: pen });
        pen += f64::from(font.h_advance_unscaled(id)) * k;
        previous = Some((face, id));
    }
    Line { glyphs, width: pen }
}

/// The face that has `ch` (the primary one first), and the glyph.
fn glyph_for(ch: char, primary: Face) -> (Face, GlyphId) {
    for face in [primary, Face::REGULAR, Face::CJK] {
        let id = face.font().glyph_id(ch);
        if id.0 != 0 {
            return (face, id);
        }
    }
    (primary, primary.font().glyph_id(ch))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_cjk_have_glyphs() {
        for ch in ['A', 'é', 'Ω', '中', '日', 'あ', '한', '⁻', '²'] {
            let (_, id) = glyph_for(ch, Face::REGULAR);
            assert_ne!(id.0, 0, "{ch} has no glyph");
        }
        assert_eq!(glyph_for('中', Face::REGULAR).0, Face::CJK);
    }

    #[test]
    fn width_grows_with_text_and_size() {
        let short = TextBlock::new("GDP", 10.0, Weight::Normal);
        let long = TextBlock::new("GDP growth", 10.0, Weight::Normal);
        let big = TextBlock::new("GDP", 20.0, Weight::Normal);
        assert!(long.width() > short.width());
        assert!((big.width() - 2.0 * short.width()).abs() < 1e-6);
        let two_lines = TextBlock::new("a\nb", 10.0, Weight::Normal);
        assert!(two_lines.height() > short.height() + 10.0);
    }

    #[test]
    fn rotation_and_alignment_move_the_box() {
        let block = TextBlock::new("label", 10.0, Weight::Normal);
        let anchor = Point::new(100.0, 50.0);
        let right_top = block.bounds(&Placement::new(anchor, HAlign::Right, VAlign::Top));
        assert!((right_top.x1 - 100.0).abs() < 1e-9 && (right_top.y0 - 50.0).abs() < 1e-9);
        let upright =
            block.bounds(&Placement::new(anchor, HAlign::Center, VAlign::Center).rotated(90.0));
        assert!((upright.width() - block.height()).abs() < 1e-6);
        assert!((upright.height() - block.width()).abs() < 1e-6);
    }
}

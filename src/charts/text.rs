//! Chart text: fonts embedded in the binary, line layout, and drawing as glyph
//! outlines (rasterized for PNG, paths for SVG), so no system font or
//! fontconfig is involved and SVGs look the same everywhere.
//!
//! DejaVu Sans draws Latin, Greek and Cyrillic; glyphs it lacks (Chinese,
//! Japanese, Korean) come from WenQuanYi Micro Hei. Both fonts come from
//! Debian packages found at build time (build.rs); see `assets/fonts/README.md`.

use std::sync::LazyLock;

use ab_glyph::{Font, FontRef, GlyphId, OutlineCurve};

use super::geometry::{Point, Rect};
use super::mathtext;
use super::spec::{HAlign, VAlign, Weight};

static REGULAR: &[u8] = include_bytes!(env!("CHART_FONT_REGULAR"));
static BOLD: &[u8] = include_bytes!(env!("CHART_FONT_BOLD"));
static CJK: &[u8] = include_bytes!(env!("CHART_FONT_CJK"));

/// Distance between baselines, in font sizes (matplotlib's default linespacing).
const LINE_SPACING: f64 = 1.2;

/// The embedded faces: regular, bold, and the CJK fallback (the first face
/// of its collection).
struct Faces {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
    cjk: FontRef<'static>,
}

static FACES: LazyLock<Faces> = LazyLock::new(|| {
    let parse = |bytes| FontRef::try_from_slice(bytes).expect("embedded font parses");
    Faces {
        regular: parse(REGULAR),
        bold: parse(BOLD),
        cjk: parse(CJK),
    }
});

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Face {
    Regular,
    Bold,
    Cjk,
}

impl Face {
    fn font(self) -> &'static FontRef<'static> {
        let faces = &*FACES;
        match self {
            Face::Regular => &faces.regular,
            Face::Bold => &faces.bold,
            Face::Cjk => &faces.cjk,
        }
    }

    /// Pixels per font unit at `size_px`.
    fn scale(self, size_px: f64) -> f64 {
        size_px / f64::from(self.font().units_per_em().unwrap_or(1000.0))
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
}

/// Where a block goes: an anchor point, how the block's (rotated) bounding
/// box aligns to it, and the rotation in degrees counter-clockwise.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    pub anchor: Point,
    pub ha: HAlign,
    pub va: VAlign,
    pub rotation: f64,
}

impl Placement {
    pub fn new(anchor: Point, ha: HAlign, va: VAlign) -> Self {
        Self {
            anchor,
            ha,
            va,
            rotation: 0.0,
        }
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
    /// Unicode) at `size_px` pixels per em.
    pub fn new(text: &str, size_px: f64, weight: Weight) -> Self {
        let text = mathtext::to_unicode(text);
        let primary = match weight {
            Weight::Normal => Face::Regular,
            Weight::Bold => Face::Bold,
        };
        let lines: Vec<Line> = text
            .split('\n')
            .map(|line| layout_line(line, primary, size_px))
            .collect();
        let metrics = Face::Regular.font();
        let k = Face::Regular.scale(size_px);
        let width = lines.iter().map(|line| line.width).fold(0.0, f64::max);
        Self {
            lines,
            size_px,
            ascent: f64::from(metrics.ascent_unscaled()) * k,
            descent: -f64::from(metrics.descent_unscaled()) * k,
            width,
        }
    }

    pub fn width(&self) -> f64 {
        self.width
    }

    pub fn height(&self) -> f64 {
        self.ascent + self.descent + self.line_step() * (self.lines.len() - 1) as f64
    }

    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|line| line.glyphs.is_empty())
    }

    fn line_step(&self) -> f64 {
        self.size_px * LINE_SPACING
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
            let offset = match placement.ha {
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
    for face in [primary, Face::Regular, Face::Cjk] {
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
            let (_, id) = glyph_for(ch, Face::Regular);
            assert_ne!(id.0, 0, "{ch} has no glyph");
        }
        assert_eq!(glyph_for('中', Face::Regular).0, Face::Cjk);
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

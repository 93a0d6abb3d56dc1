//! SVG output: shapes drawn by plotters' SVG backend on a grid `GRID` times
//! finer than a pixel (the `viewBox` scales it back), text as glyph-outline
//! paths so the file needs no fonts on the viewer's side.

use std::fmt::Write as _;

use plotters::prelude::SVGBackend;

use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::surface::Surface as _;
use super::surface::{PlottersSurface, QueuedText, Strokes};
use super::text::OutlineSink;

/// Sub-pixel steps per pixel in the SVG's coordinates.
const GRID: u32 = 4;

/// Renders a figure of `width` x `height` pixels to an SVG document.
pub fn render_svg(
    width: u32,
    height: u32,
    background: Rgba,
    draw: impl FnOnce(&mut PlottersSurface<SVGBackend<'_>>),
) -> String {
    let (grid_w, grid_h) = (width * GRID, height * GRID);
    let mut svg = String::new();
    let texts = {
        let backend = SVGBackend::with_string(&mut svg, (grid_w, grid_h));
        let mut surface = PlottersSurface::new(backend, f64::from(GRID), Strokes::Paths);
        let page = Rect::new(0.0, 0.0, f64::from(width), f64::from(height));
        surface.fill_rect(&page, background);
        draw(&mut surface);
        surface.finish()
    };
    let header = format!(r#"width="{grid_w}" height="{grid_h}""#);
    svg = svg.replacen(&header, &format!(r#"width="{width}" height="{height}""#), 1);
    let mut glyphs = String::new();
    for text in &texts {
        write_text(&mut glyphs, text);
    }
    match svg.rfind("</svg>") {
        Some(end) => svg.insert_str(end, &glyphs),
        None => svg.push_str(&glyphs),
    }
    svg
}

/// Writes one text block as a filled `<path>`.
fn write_text(out: &mut String, text: &QueuedText) {
    let mut sink = PathSink {
        data: String::new(),
        last: None,
    };
    text.block
        .outline(&text.placement, f64::from(GRID), &mut sink);
    if sink.data.is_empty() {
        return;
    }
    sink.data.push('Z');
    let _ = write!(out, r#"<path fill="{}""#, text.color.hex_rgb());
    if text.color.a < 255 {
        let _ = write!(out, r#" fill-opacity="{:.3}""#, text.color.alpha());
    }
    let _ = writeln!(out, r#" d="{}"/>"#, sink.data);
}

/// Builds SVG path data, starting a new sub-path whenever a curve does not
/// continue the previous one.
struct PathSink {
    data: String,
    last: Option<Point>,
}

impl PathSink {
    fn start(&mut self, from: Point) {
        let continues = self
            .last
            .is_some_and(|last| (last.x - from.x).abs() < 1e-3 && (last.y - from.y).abs() < 1e-3);
        if !continues {
            if self.last.is_some() {
                self.data.push_str("Z ");
            }
            let _ = write!(self.data, "M{:.1} {:.1} ", from.x, from.y);
        }
    }
}

impl OutlineSink for PathSink {
    fn line(&mut self, from: Point, to: Point) {
        self.start(from);
        let _ = write!(self.data, "L{:.1} {:.1} ", to.x, to.y);
        self.last = Some(to);
    }

    fn quad(&mut self, from: Point, control: Point, to: Point) {
        self.start(from);
        let _ = write!(
            self.data,
            "Q{:.1} {:.1} {:.1} {:.1} ",
            control.x, control.y, to.x, to.y
        );
        self.last = Some(to);
    }

    fn cubic(&mut self, from: Point, c1: Point, c2: Point, to: Point) {
        self.start(from);
        let _ = write!(
            self.data,
            "C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1} ",
            c1.x, c1.y, c2.x, c2.y, to.x, to.y
        );
        self.last = Some(to);
    }
}

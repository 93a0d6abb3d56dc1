//! SVG output: shapes drawn by plotters' SVG backend on a grid `GRID` times
//! finer than a pixel (the `viewBox` scales it back), text as glyph-outline
//! paths so the file needs no fonts on the viewer's side.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use plotters::prelude::SVGBackend;

use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::spec::JoinStyle;
use super::surface::Surface as _;
use super::surface::{IMAGE_MARK, PathJoin, PlottersSurface, QueuedText, RasterImage, Strokes};
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
    let images;
    let joins;
    let texts = {
        let backend = SVGBackend::with_string(&mut svg, (grid_w, grid_h));
        let mut surface = PlottersSurface::new(backend, f64::from(GRID), Strokes::Paths);
        let page = Rect::new(0.0, 0.0, f64::from(width), f64::from(height));
        surface.fill_rect(&page, background);
        draw(&mut surface);
        images = surface.take_images();
        joins = surface.take_joins();
        surface.finish()
    };
    svg = with_joins(&svg, &joins);
    for (index, image) in images.iter().enumerate() {
        embed_image(&mut svg, index, image);
    }
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

/// `svg` with the line joins of its polylines (counted in order) that
/// `joins` gives.
fn with_joins(svg: &str, joins: &[PathJoin]) -> String {
    if joins.is_empty() {
        return svg.to_owned();
    }
    let mut out = String::with_capacity(svg.len() + joins.len() * 48);
    let mut pending = joins.iter().peekable();
    for (index, part) in svg.split("<polyline").enumerate() {
        if index > 0 {
            out.push_str("<polyline");
            if let Some(join) = pending.next_if(|j| j.index + 1 == index) {
                let _ = match join.join {
                    JoinStyle::Miter => write!(
                        out,
                        r#" stroke-linejoin="miter" stroke-miterlimit="{}""#,
                        join.miter_limit
                    ),
                    JoinStyle::Round => write!(out, r#" stroke-linejoin="round""#),
                    JoinStyle::Bevel => write!(out, r#" stroke-linejoin="bevel""#),
                };
            }
        }
        out.push_str(part);
    }
    out
}

/// Puts `image` where its placeholder rectangle (number `index`) stands: an
/// `<image>` of the pixels as a PNG, each pixel one figure pixel, not smoothed.
fn embed_image(svg: &mut String, index: usize, image: &RasterImage) {
    let mark = format!(r#"<rect x="{IMAGE_MARK}" y="{index}""#);
    let Some(start) = svg.find(&mark) else {
        return;
    };
    let Some(end) = svg[start..].find("/>").map(|i| start + i + 2) else {
        return;
    };
    let height = image.pixels.len() / image.width.max(1);
    let mut bytes = Vec::new();
    let encoded = (|| -> Result<(), png::EncodingError> {
        let mut encoder = png::Encoder::new(&mut bytes, image.width as u32, height as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let data: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(|p| [p.r, p.g, p.b, p.a])
            .collect();
        encoder.write_header()?.write_image_data(&data)
    })();
    let element = match encoded {
        Ok(()) => format!(
            r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" style="image-rendering:pixelated" href="data:image/png;base64,{}"/>"#,
            image.left * i64::from(GRID),
            image.top * i64::from(GRID),
            image.width * GRID as usize,
            height * GRID as usize,
            BASE64.encode(&bytes)
        ),
        Err(_) => String::new(),
    };
    svg.replace_range(start..end, &element);
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

//! PNG output: shapes drawn by plotters' bitmap backend at twice the size, text rasterized from glyph outlines, then averaged down to the
//! figure's size (anti-aliasing) and encoded.

use ab_glyph_rasterizer::{Rasterizer, point};
use plotters::prelude::BitMapBackend;

use super::ChartError;
use super::color::Rgba;
use super::geometry::Point;
use super::surface::{PlottersSurface, QueuedText, Strokes};
use super::text::OutlineSink;

/// Figures up to this many pixels are drawn at twice the size and averaged
/// down (2 x 2 samples a pixel); larger ones at their size.
const SUPERSAMPLE_MAX_PIXELS: u64 = 4_000_000;

/// An RGB image, 3 bytes a pixel, rows top to bottom.
struct Image {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

impl Image {
    fn filled(width: u32, height: u32, color: [u8; 3]) -> Self {
        let pixels = width as usize * height as usize;
        let data = if color[0] == color[1] && color[1] == color[2] {
            vec![color[0]; pixels * 3]
        } else {
            color.repeat(pixels)
        };
        Self {
            width,
            height,
            data,
        }
    }

    fn blend_pixel(&mut self, x: u32, y: u32, color: Rgba, coverage: f64) {
        let index = (y as usize * self.width as usize + x as usize) * 3;
        let pixel = &mut self.data[index..index + 3];
        let mixed = blend(
            [pixel[0], pixel[1], pixel[2]],
            color,
            coverage * color.alpha(),
        );
        pixel.copy_from_slice(&mixed);
    }

    /// Averages 2 x 2 blocks: rows summed in pairs first (vectorizes), then
    /// neighbouring pixels of the sums.
    fn halved(&self) -> Image {
        let (width, height) = (self.width / 2, self.height / 2);
        let stride = self.width as usize * 3;
        let out_stride = width as usize * 3;
        let mut data = vec![0u8; out_stride * height as usize];
        let mut sums = vec![0u16; stride];
        for (rows, out) in self
            .data
            .chunks_exact(2 * stride)
            .zip(data.chunks_exact_mut(out_stride))
        {
            let (upper, lower) = rows.split_at(stride);
            for ((sum, a), b) in sums.iter_mut().zip(upper).zip(lower) {
                *sum = u16::from(*a) + u16::from(*b);
            }
            for (pair, o) in sums.chunks_exact(6).zip(out.chunks_exact_mut(3)) {
                o[0] = ((pair[0] + pair[3] + 2) >> 2) as u8;
                o[1] = ((pair[1] + pair[4] + 2) >> 2) as u8;
                o[2] = ((pair[2] + pair[5] + 2) >> 2) as u8;
            }
        }
        Image {
            width,
            height,
            data,
        }
    }
}

fn blend(under: [u8; 3], over: Rgba, alpha: f64) -> [u8; 3] {
    let alpha = (alpha.clamp(0.0, 1.0) * 256.0) as u32;
    let mix =
        |a: u8, b: u8| ((u32::from(a) * (256 - alpha) + u32::from(b) * alpha + 128) >> 8) as u8;
    [
        mix(under[0], over.r),
        mix(under[1], over.g),
        mix(under[2], over.b),
    ]
}

/// Renders a figure of `width` x `height` pixels to PNG bytes; `draw` draws
/// the shapes and queues the text on the surface it is given. An opaque
/// background gives an RGB PNG; a see-through one (`savefig(transparent=True)`)
/// an RGBA PNG, from drawing the figure twice, over black and over white: the
/// two differ by how much of the backdrop shows through each pixel.
pub fn render_png(
    width: u32,
    height: u32,
    background: Rgba,
    draw: impl Fn(&mut PlottersSurface<BitMapBackend<'_>>),
) -> Result<Vec<u8>, ChartError> {
    if background.a == 255 {
        let image = render(
            width,
            height,
            [background.r, background.g, background.b],
            &draw,
        );
        return encode(&image.data, (width, height), png::ColorType::Rgb);
    }
    let over = |base: [u8; 3]| {
        render(
            width,
            height,
            blend(base, background, background.alpha()),
            &draw,
        )
    };
    let (black, white) = (over([0; 3]), over([255; 3]));
    let rgba = unmix(&black.data, &white.data);
    encode(&rgba, (width, height), png::ColorType::Rgba)
}

/// The figure drawn over a `backdrop` colour.
fn render(
    width: u32,
    height: u32,
    backdrop: [u8; 3],
    draw: &impl Fn(&mut PlottersSurface<BitMapBackend<'_>>),
) -> Image {
    let supersample = u64::from(width) * u64::from(height) <= SUPERSAMPLE_MAX_PIXELS;
    let factor = if supersample { 2 } else { 1 };
    let mut image = Image::filled(width * factor, height * factor, backdrop);
    let texts = {
        let backend = BitMapBackend::with_buffer(&mut image.data, (image.width, image.height));
        let mut surface = PlottersSurface::new(backend, f64::from(factor), Strokes::Segments);
        draw(&mut surface);
        surface.finish()
    };
    for text in &texts {
        draw_text(&mut image, text, f64::from(factor));
    }
    if supersample { image.halved() } else { image }
}

/// RGBA pixels from the same picture over black and over white: a pixel's
/// opacity is 1 minus how far apart the two are; its colour is the one over
/// black divided by that opacity.
fn unmix(black: &[u8], white: &[u8]) -> Vec<u8> {
    let mut rgba = Vec::with_capacity(black.len() / 3 * 4);
    for (b, w) in black.chunks_exact(3).zip(white.chunks_exact(3)) {
        let through: u32 = (0..3).map(|i| u32::from(w[i].saturating_sub(b[i]))).sum();
        let alpha = 255 - (through + 1) / 3;
        for &channel in b {
            let straight = (u32::from(channel) * 255 + alpha / 2)
                .checked_div(alpha)
                .map_or(0, |v| v.min(255));
            rgba.push(straight as u8);
        }
        rgba.push(alpha as u8);
    }
    rgba
}

/// Collects glyph outlines into a coverage rasterizer of `width` x `height`
/// placed at `origin`.
struct RasterSink {
    rasterizer: Rasterizer,
    origin: Point,
    width: f64,
    height: f64,
}

impl RasterSink {
    /// `p` in the rasterizer's space, clamped into it: text cut by the
    /// image's edge has outlines outside, which the rasterizer must not get
    /// (it indexes with them). Clamping distorts coverage only in the edge
    /// pixels the cut glyphs cross.
    fn local(&self, p: Point) -> ab_glyph_rasterizer::Point {
        point(
            (p.x - self.origin.x).clamp(0.0, self.width) as f32,
            (p.y - self.origin.y).clamp(0.0, self.height) as f32,
        )
    }
}

impl OutlineSink for RasterSink {
    fn line(&mut self, from: Point, to: Point) {
        self.rasterizer.draw_line(self.local(from), self.local(to));
    }

    fn quad(&mut self, from: Point, control: Point, to: Point) {
        let (a, b, c) = (self.local(from), self.local(control), self.local(to));
        self.rasterizer.draw_quad(a, b, c);
    }

    fn cubic(&mut self, from: Point, c1: Point, c2: Point, to: Point) {
        let (a, b, c, d) = (
            self.local(from),
            self.local(c1),
            self.local(c2),
            self.local(to),
        );
        self.rasterizer.draw_cubic(a, b, c, d);
    }
}

fn draw_text(image: &mut Image, text: &QueuedText, scale: f64) {
    let bounds = text.block.bounds(&text.placement);
    let x0 = (bounds.x0 * scale).floor().max(0.0);
    let y0 = (bounds.y0 * scale).floor().max(0.0);
    let x1 = (bounds.x1 * scale).ceil().min(f64::from(image.width));
    let y1 = (bounds.y1 * scale).ceil().min(f64::from(image.height));
    if x1 <= x0 || y1 <= y0 {
        return;
    }
    let mut sink = RasterSink {
        rasterizer: Rasterizer::new((x1 - x0) as usize, (y1 - y0) as usize),
        origin: Point::new(x0, y0),
        width: x1 - x0,
        height: y1 - y0,
    };
    text.block.outline(&text.placement, scale, &mut sink);
    let (ox, oy) = (x0 as u32, y0 as u32);
    sink.rasterizer.for_each_pixel_2d(|x, y, coverage| {
        if coverage > 0.0 {
            image.blend_pixel(ox + x, oy + y, text.color, f64::from(coverage.min(1.0)));
        }
    });
}

fn encode(
    data: &[u8],
    (width, height): (u32, u32),
    color: png::ColorType,
) -> Result<Vec<u8>, ChartError> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::FilterType::Sub);
    let mut writer = encoder
        .write_header()
        .map_err(|e| ChartError::Render(e.to_string()))?;
    writer
        .write_image_data(data)
        .map_err(|e| ChartError::Render(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| ChartError::Render(e.to_string()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmixing_recovers_colour_and_opacity() {
        // Half-opaque red over black and over white; an opaque blue; the bare backdrop.
        let black = [128, 0, 0, 0, 0, 255, 0, 0, 0];
        let white = [255, 127, 127, 0, 0, 255, 255, 255, 255];
        let rgba = unmix(&black, &white);
        assert_eq!(rgba, vec![255, 0, 0, 128, 0, 0, 255, 255, 0, 0, 0, 0]);
    }
}

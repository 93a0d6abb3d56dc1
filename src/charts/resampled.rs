//! imshow() images resampled to the screen's pixels, as matplotlib's
//! `_ImageBase._make_image` does for Agg: the image's extent clipped to the
//! axes, rounded up to whole pixels; 'auto' picking 'nearest' or 'hanning'
//! and the interpolation stage by the scale drawn at; the numbers resampled
//! and then coloured ('data' stage) or the colours resampled ('rgba'); the
//! result placed at the clipped box's truncated corner.

use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::image_filters::{Filter, Lut};
use super::resample::{Affine, Source, nearest, resample};
use super::scale::AxisMap;
use super::spec::{ClipPath, Resampling, ScaleKind};
use super::surface::{RasterImage, Surface};

/// What the resampling needs of an image artist.
pub struct ImageCells<'a> {
    pub x_edges: &'a [f64],
    pub y_edges: &'a [f64],
    pub rows: usize,
    pub cols: usize,
    pub pixels: &'a [Rgba],
    pub values: &'a [Option<f64>],
    pub vmin: Option<f64>,
    pub vmax: Option<f64>,
    pub depth: Option<u8>,
}

/// Where the image goes: the axes' scales, the clip box, the figure's size
/// (pixels) and the polygon it is clipped to, if any.
pub struct Destination<'a> {
    pub x: &'a AxisMap,
    pub y: &'a AxisMap,
    pub clip: Rect,
    pub figure: (f64, f64),
    pub clip_path: Option<&'a ClipPath>,
    /// The image's edges are axes fractions, not data.
    pub axes_coords: bool,
}

/// Draws the image resampled as `resampling` asks; false when matplotlib
/// draws it with 'nearest' at this scale (the caller then fills its cells).
pub fn draw(
    image: &ImageCells<'_>,
    resampling: &Resampling,
    place: &Destination<'_>,
    surface: &mut impl Surface,
) -> bool {
    let linear = place.x.kind == ScaleKind::Linear && place.y.kind == ScaleKind::Linear;
    if !linear && !place.axes_coords {
        return false;
    }
    let at = |map: &AxisMap, v: f64| {
        if place.axes_coords {
            Some(map.fraction_px(v))
        } else {
            map.pixel(v)
        }
    };
    let (width, height) = place.figure;
    let (rows, cols) = (image.rows as f64, image.cols as f64);
    // Display coordinates (y up from the figure's bottom), as matplotlib's.
    let (Some(ax), Some(ex), Some(ay), Some(ey)) = (
        at(place.x, image.x_edges[0]),
        at(place.x, image.x_edges[image.cols]),
        at(place.y, image.y_edges[0]).map(|y| height - y),
        at(place.y, image.y_edges[image.rows]).map(|y| height - y),
    ) else {
        return true;
    };
    let figure = Rect::new(0.0, 0.0, width, height);
    let Some(clip) = place.clip.intersection(&figure) else {
        return true;
    };
    let clip_display = Rect::new(clip.x0, height - clip.y1, clip.x1, height - clip.y0);
    let extent = Rect::new(ax.min(ex), ay.min(ey), ax.max(ex), ay.max(ey));
    let Some(clipped) = extent.intersection(&clip_display) else {
        return true;
    };
    let (w_base, h_base) = (clipped.x1 - clipped.x0, clipped.y1 - clipped.y0);
    if w_base <= 0.0 || h_base <= 0.0 {
        return true;
    }
    let mut t = Affine {
        sx: (ex - ax) / cols,
        shy: 0.0,
        shx: 0.0,
        sy: (ey - ay) / rows,
        tx: ax - clipped.x0,
        ty: ay - clipped.y0,
    };
    let (out_w, out_h) = if w_base % 1.0 != 0.0 || h_base % 1.0 != 0.0 {
        let (out_w, out_h) = (w_base.ceil(), h_base.ceil());
        let (kx, ky) = (
            1.0 + (out_w - w_base) / w_base,
            1.0 + (out_h - h_base) / h_base,
        );
        t = Affine {
            sx: t.sx * kx,
            sy: t.sy * ky,
            tx: t.tx * kx,
            ty: t.ty * ky,
            ..t
        };
        (out_w, out_h)
    } else {
        (w_base.trunc(), h_base.trunc())
    };
    let (out_w, out_h) = (out_w as usize, out_h as usize);
    let colours = match chosen_filter(resampling, &t, (rows, cols)) {
        Some(filter) => filtered(image, resampling, &t, (out_w, out_h), filter),
        None => nearest_resampled(image, &t, (out_w, out_h)),
    };
    // Agg's draw_image puts the image's top-left corner at the truncated
    // corner of the clipped box; the axes' clip box is rounded to pixels.
    let left = clipped.x0.trunc();
    let top = (height - (clipped.y0 + out_h as f64)).trunc();
    let bounds = Rect::new(
        (clip.x0 + 0.5).floor(),
        (clip.y0 + 0.5).floor(),
        (clip.x1 + 0.5).floor(),
        (clip.y1 + 0.5).floor(),
    );
    let outline: Option<Vec<Point>> = place.clip_path.map(|path| {
        path.x
            .iter()
            .zip(&path.y)
            .filter_map(|(&x, &y)| Some(Point::new(place.x.pixel(x)?, place.y.pixel(y)?)))
            .collect()
    });
    paint(
        surface,
        &colours,
        out_w,
        (left, top),
        &bounds,
        outline.as_deref(),
    );
    true
}

/// The image resampled with `filter` at the stage matplotlib picks.
fn filtered(
    image: &ImageCells<'_>,
    resampling: &Resampling,
    t: &Affine,
    (out_w, out_h): (usize, usize),
    filter: Filter,
) -> Vec<Rgba> {
    let lut = Lut::new(filter, resampling.filternorm);
    let data_stage = match resampling.stage.as_str() {
        "data" => true,
        "rgba" => false,
        _ => t.sx.abs() >= 3.0 && t.sy.abs() >= 3.0,
    };
    match (&resampling.lut, image.vmin, image.vmax) {
        (Some(lut_colours), Some(vmin), Some(vmax))
            if data_stage && image.depth.is_none() && !image.values.is_empty() =>
        {
            let norm = Norm {
                vmin,
                vmax,
                colours: lut_colours,
            };
            data_resampled(image, t, (out_w, out_h), &lut, &norm, resampling.alpha)
        }
        _ => rgba_resampled(image, t, (out_w, out_h), &lut, resampling.alpha),
    }
}

/// 'nearest': each output pixel the colour of the cell under its centre
/// (the numbers' colours are the cells' either way); an RGB image keeps its
/// one alpha on the outline.
fn nearest_resampled(image: &ImageCells<'_>, t: &Affine, out: (usize, usize)) -> Vec<Rgba> {
    let bytes: Vec<[f64; 4]> = image
        .pixels
        .iter()
        .map(|p| [p.r, p.g, p.b, p.a].map(f64::from))
        .collect();
    let source = Source {
        width: image.cols,
        height: image.rows,
        pixels: &bytes,
    };
    let opaque = image.depth == Some(3);
    nearest(&source, out, t)
        .iter()
        .map(|&[r, g, b, a]| {
            let alpha = if opaque && a > 0.0 {
                image.pixels[0].a
            } else {
                a as u8
            };
            Rgba {
                r: r as u8,
                g: g as u8,
                b: b as u8,
                a: alpha,
            }
        })
        .collect()
}

/// The filter matplotlib resamples with at this transform, or None for 'nearest'.
fn chosen_filter(resampling: &Resampling, t: &Affine, (rows, cols): (f64, f64)) -> Option<Filter> {
    let mut name = resampling.interpolation.as_str();
    if matches!(name, "auto" | "antialiased") {
        // matplotlib's _resample: no anti-aliasing when upsampling by more
        // than 3 or by exactly 1 or 2 along both axes.
        let (dx, dy) = ((t.sx * cols).abs(), (t.sy * rows).abs());
        let plain = |d: f64, n: f64| d > 3.0 * n || d == n || d == 2.0 * n;
        name = if plain(dx, cols) && plain(dy, rows) {
            "nearest"
        } else {
            "hanning"
        };
    }
    // Agg's resample draws one source pixel to one output pixel as 'nearest'.
    if t.sx.abs() == 1.0 && t.sy.abs() == 1.0 {
        return None;
    }
    Filter::named(name, resampling.filterrad)
}

/// matplotlib's linear Normalize and the colormap's lookup table (bytes).
struct Norm<'a> {
    vmin: f64,
    vmax: f64,
    /// N colours, then under, over and bad.
    colours: &'a [Rgba],
}

impl Norm<'_> {
    fn colour(&self, v: f64) -> Rgba {
        let n = self.colours.len().saturating_sub(3);
        let (under, over, bad) = (n, n + 1, n + 2);
        if n == 0 {
            return Rgba::TRANSPARENT;
        }
        let x = if self.vmin == self.vmax {
            0.0
        } else {
            (v - self.vmin) / (self.vmax - self.vmin)
        };
        let mut xa = x * n as f64;
        if xa == n as f64 {
            xa = (n - 1) as f64;
        }
        let index = if xa.is_nan() {
            bad
        } else if xa < 0.0 {
            under
        } else if xa >= n as f64 {
            over
        } else {
            xa as usize
        };
        self.colours[index]
    }
}

/// The 'data' stage: the numbers resampled, then normalized and coloured;
/// output pixels touching a missing number take the bad colour.
fn data_resampled(
    image: &ImageCells<'_>,
    t: &Affine,
    out: (usize, usize),
    lut: &Lut,
    norm: &Norm<'_>,
    alpha: f64,
) -> Vec<Rgba> {
    let values: Vec<[f64; 1]> = image
        .values
        .iter()
        .map(|v| [v.unwrap_or(f64::NAN)])
        .collect();
    let mask: Vec<[f64; 1]> = values
        .iter()
        .map(|[v]| [if v.is_nan() { f64::NAN } else { 1.0 }])
        .collect();
    let source = |pixels| Source {
        width: image.cols,
        height: image.rows,
        pixels,
    };
    let resampled = resample(&source(&values), out, t, lut);
    let coverage = resample(&source(&mask), out, t, lut);
    resampled
        .iter()
        .zip(&coverage)
        .map(|([v], [c])| {
            let (colour, c) = if c.is_nan() {
                (norm.colour(f64::NAN), 1.0)
            } else {
                (norm.colour(*v), *c)
            };
            // matplotlib scales the alpha bytes as float32 and truncates.
            let a = (f32::from(colour.a) * c as f32 * alpha as f32).clamp(0.0, 255.0);
            Rgba {
                a: a as u8,
                ..colour
            }
        })
        .collect()
}

/// The 'rgba' stage: the colours resampled (alpha apart; an RGB image keeps
/// its one alpha), then truncated to bytes.
fn rgba_resampled(
    image: &ImageCells<'_>,
    t: &Affine,
    out: (usize, usize),
    lut: &Lut,
    alpha: f64,
) -> Vec<Rgba> {
    let unit = |b: u8| f64::from(b) / 255.0;
    let rgb: Vec<[f64; 4]> = image
        .pixels
        .iter()
        .map(|p| [unit(p.r), unit(p.g), unit(p.b), 1.0])
        .collect();
    let source = Source {
        width: image.cols,
        height: image.rows,
        pixels: &rgb,
    };
    let colours = resample(&source, out, t, lut);
    let alphas: Vec<f64> = if image.depth == Some(3) {
        vec![alpha; colours.len()]
    } else {
        let channel: Vec<[f64; 1]> = image.pixels.iter().map(|p| [unit(p.a)]).collect();
        let source = Source {
            width: image.cols,
            height: image.rows,
            pixels: &channel,
        };
        resample(&source, out, t, lut)
            .iter()
            .map(|[a]| *a)
            .collect()
    };
    let byte = |v: f64| (v * 255.0).clamp(0.0, 255.0) as u8;
    colours
        .iter()
        .zip(alphas)
        .map(|(c, a)| Rgba {
            r: byte(c[0]),
            g: byte(c[1]),
            b: byte(c[2]),
            a: byte(a),
        })
        .collect()
}

/// Draws the output pixels (rows bottom-up) from `(left, top)`, cut to `bounds`.
fn paint(
    surface: &mut impl Surface,
    colours: &[Rgba],
    out_w: usize,
    (left, top): (f64, f64),
    bounds: &Rect,
    outline: Option<&[Point]>,
) {
    let out_h = colours.len() / out_w.max(1);
    let (x0, x1) = (left.max(bounds.x0), (left + out_w as f64).min(bounds.x1));
    let (y0, y1) = (top.max(bounds.y0), (top + out_h as f64).min(bounds.y1));
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let (skip_x, width) = ((x0 - left) as usize, (x1 - x0) as usize);
    let mut pixels: Vec<Rgba> = (0..(y1 - y0) as usize)
        .flat_map(|j| {
            let row = out_h - 1 - ((y0 - top) as usize + j);
            &colours[row * out_w + skip_x..row * out_w + skip_x + width]
        })
        .copied()
        .collect();
    if let Some(outline) = outline {
        let cover = coverage(outline, (x0, y0), width, pixels.len() / width.max(1));
        for (pixel, c) in pixels.iter_mut().zip(cover) {
            pixel.a = (f64::from(pixel.a) * c).round() as u8;
        }
    }
    surface.image(RasterImage {
        left: x0 as i64,
        top: y0 as i64,
        width,
        pixels,
    });
}

/// How much of each pixel of a `width` x `height` block at `(left, top)` the
/// polygon `outline` covers (even-odd), from four rows of spans per pixel
/// (the clip path's anti-aliased edge).
fn coverage(outline: &[Point], (left, top): (f64, f64), width: usize, height: usize) -> Vec<f64> {
    const ROWS: usize = 4;
    let mut cover = vec![0.0; width * height];
    let mut crossings = Vec::new();
    for j in 0..height * ROWS {
        let y = top + (j as f64 + 0.5) / ROWS as f64;
        crossings.clear();
        for (p, q) in outline.iter().zip(outline.iter().cycle().skip(1)) {
            if (p.y <= y) != (q.y <= y) {
                crossings.push(p.x + (y - p.y) * (q.x - p.x) / (q.y - p.y) - left);
            }
        }
        crossings.sort_by(f64::total_cmp);
        let row = &mut cover[(j / ROWS) * width..][..width];
        for span in crossings.chunks_exact(2) {
            let (a, b) = (span[0].max(0.0), span[1].min(width as f64));
            let mut x = a;
            while x < b {
                let next = (x.floor() + 1.0).min(b);
                row[x as usize] += (next - x) / ROWS as f64;
                x = next;
            }
        }
    }
    cover.iter_mut().for_each(|c| *c = c.min(1.0));
    cover
}

//! Image resampling as matplotlib's Agg does it (`_image.resample` for an
//! affine transform with `resample=True`): a filter kernel's table
//! (image_filters.rs) stepped through as `span_image_resample_*_affine` does
//! (the kernel widened by the downsampling factor), source pixels outside the
//! image reflected at its edges, and the output pixels on the image's outline
//! weighted by how much of them it covers; or the nearest source pixels.

use super::image_filters::{
    FILTER_SCALE, FILTER_SHIFT, Lut, SUBPIXEL_SCALE, SUBPIXEL_SHIFT, iround,
};

const SUBPIXEL_MASK: i32 = SUBPIXEL_SCALE - 1;
/// Agg's `span_image_resample_affine` scale limit.
const SCALE_LIMIT: f64 = 200.0;

/// An affine map in Agg's form: `x' = sx x + shx y + tx`, `y' = shy x + sy y + ty`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine {
    pub sx: f64,
    pub shy: f64,
    pub shx: f64,
    pub sy: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Affine {
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (
            x * self.sx + y * self.shx + self.tx,
            x * self.shy + y * self.sy + self.ty,
        )
    }

    /// Agg's `trans_affine::invert`, operation for operation.
    fn inverted(&self) -> Self {
        let d = 1.0 / (self.sx * self.sy - self.shy * self.shx);
        let t0 = self.sy * d;
        let sy = self.sx * d;
        let shy = -self.shy * d;
        let shx = -self.shx * d;
        let tx = -self.tx * t0 - self.ty * shx;
        let ty = -self.tx * shy - self.ty * sy;
        Self {
            sx: t0,
            shy,
            shx,
            sy,
            tx,
            ty,
        }
    }
}

/// Source pixels of `N` channels, `width` per row, rows in memory order.
pub struct Source<'a, const N: usize> {
    pub width: usize,
    pub height: usize,
    pub pixels: &'a [[f64; N]],
}

/// Agg's `wrap_mode_reflect`: index `v` reflected into `0..size`.
fn reflect(v: i64, size: usize) -> usize {
    let size = size as i64;
    let m = v.rem_euclid(2 * size);
    (if m >= size { 2 * size - m - 1 } else { m }) as usize
}

/// Agg's `dda2_line_interpolator`: `count` steps from `from` to `to` in integers.
struct Dda {
    y: i32,
    lft: i32,
    rem: i32,
    modulo: i32,
    cnt: i32,
}

impl Dda {
    fn new(from: i32, to: i32, count: i32) -> Self {
        let cnt = count.max(1);
        let (mut lft, mut rem) = ((to - from) / cnt, (to - from) % cnt);
        let mut modulo = rem;
        if modulo <= 0 {
            modulo += count;
            rem += count;
            lft -= 1;
        }
        modulo -= count;
        Self {
            y: from,
            lft,
            rem,
            modulo,
            cnt,
        }
    }

    fn step(&mut self) {
        self.modulo += self.rem;
        self.y += self.lft;
        if self.modulo > 0 {
            self.modulo -= self.cnt;
            self.y += 1;
        }
    }
}

/// The output pixels' coverage by the image: for each output column (row),
/// the overlap in 1/256 pixel of the image's span `[lo, hi]` (Agg's
/// rasterizer coordinates).
fn overlaps(lo: f64, hi: f64, count: usize) -> Vec<i64> {
    let (lo, hi) = (
        i64::from(iround(lo.min(hi) * 256.0)),
        i64::from(iround(lo.max(hi) * 256.0)),
    );
    (0..count as i64)
        .map(|i| (hi.min((i + 1) * 256) - lo.max(i * 256)).clamp(0, 256))
        .collect()
}

/// Resamples `source` to `out_w` x `out_h` pixels through `affine` (source
/// pixel coordinates to output ones; no shear: its `shx` and `shy` are 0) with the kernel `lut`, as
/// Agg's `span_image_resample_*_affine` with matplotlib's gray (`N` = 1,
/// unclamped) or RGBA (`N` = 4, clamped to 0..1 with colour <= alpha)
/// pixel formats. Output pixels the image leaves uncovered stay zero; the
/// partly covered ones on its outline are blended over zero by their
/// coverage (a grey value scaled by it, an RGBA pixel's alpha). Output
/// rows are in the transform's y order (row 0 at y 0..1).
pub fn resample<const N: usize>(
    source: &Source<'_, N>,
    (out_w, out_h): (usize, usize),
    affine: &Affine,
    lut: &Lut,
) -> Vec<[f64; N]> {
    let mut out = vec![[0.0; N]; out_w * out_h];
    let inverse = affine.inverted();
    let coverage = coverage(affine, (source.width, source.height), (out_w, out_h));
    let (scale_x, scale_y) = resample_scales(&inverse);
    let rx = (scale_x * f64::from(SUBPIXEL_SCALE)).round() as i32;
    let ry = (scale_y * f64::from(SUBPIXEL_SCALE)).round() as i32;
    let rx_inv = (f64::from(SUBPIXEL_SCALE) / scale_x).round() as i32;
    let ry_inv = (f64::from(SUBPIXEL_SCALE) / scale_y).round() as i32;
    let diameter = lut.diameter;
    let filter_scale = diameter << SUBPIXEL_SHIFT;
    let (radius_x, radius_y) = ((diameter * rx) >> 1, (diameter * ry) >> 1);
    let half = SUBPIXEL_SCALE / 2;

    let x_kernel = Kernel {
        size: source.width,
        radius: radius_x,
        step: rx_inv,
        end: filter_scale,
    };
    let y_kernel = Kernel {
        size: source.height,
        radius: radius_y,
        step: ry_inv,
        end: filter_scale,
    };
    // Without shear every row's span interpolates the same source columns:
    // their taps are worked out once per span.
    let mut columns: Option<SpanTaps> = None;
    for span in spans(&coverage, out_w, &inverse) {
        let Span {
            row,
            start,
            end,
            covers,
            ..
        } = span;
        if columns
            .as_ref()
            .is_none_or(|(taken, _)| *taken != (start, end))
        {
            let mut dda_x = Dda::new(span.from.0, span.to.0, span.len());
            let taps = (start..=end)
                .map(|_| {
                    let taps = x_kernel.taps(dda_x.y + half, lut);
                    dda_x.step();
                    taps
                })
                .collect();
            columns = Some(((start, end), taps));
        }
        let Some((_, x_taps)) = &columns else {
            continue;
        };
        let y_taps = y_kernel.taps(span.from.1 + half, lut);
        for (col, x_taps) in (start..=end).zip(x_taps) {
            let mut fg = [0.0; N];
            let mut total = 0i64;
            for &(src_y, weight_y) in &y_taps {
                let line = &source.pixels[src_y * source.width..][..source.width];
                for &(src_x, weight_x) in x_taps {
                    let weight = (weight_y * weight_x + FILTER_SCALE / 2) >> FILTER_SHIFT;
                    for (acc, v) in fg.iter_mut().zip(&line[src_x]) {
                        *acc += v * f64::from(weight);
                    }
                    total += i64::from(weight);
                }
            }
            for v in &mut fg {
                *v /= total as f64;
            }
            if N == 4 {
                for v in &mut fg {
                    *v = v.max(0.0);
                }
                fg[3] = fg[3].min(1.0);
                for i in 0..3 {
                    fg[i] = fg[i].min(fg[3]);
                }
            }
            out[row * out_w + col] = covered(fg, covers[col]);
        }
    }
    out
}

/// A span's first and last output columns and each one's source taps.
type SpanTaps = ((usize, usize), Vec<Vec<(usize, i32)>>);

/// One axis of the resampling kernel: `size` source pixels, the kernel's
/// `radius` and `step` through the table (1/256 pixel), its table's `end`.
struct Kernel {
    size: usize,
    radius: i32,
    step: i32,
    end: i32,
}

impl Kernel {
    /// The source pixels (reflected into the image) and table weights the
    /// kernel centred at `at` (1/256 pixel, plus half a pixel) reaches, as
    /// Agg's span_image_resample_*_affine steps through them.
    fn taps(&self, at: i32, lut: &Lut) -> Vec<(usize, i32)> {
        let x = at - self.radius;
        let mut src = i64::from(x >> SUBPIXEL_SHIFT);
        let mut hr = ((SUBPIXEL_MASK - (x & SUBPIXEL_MASK)) * self.step) >> SUBPIXEL_SHIFT;
        let mut taps = Vec::new();
        loop {
            taps.push((reflect(src, self.size), lut.weights[hr as usize]));
            hr += self.step;
            if hr >= self.end {
                return taps;
            }
            src += 1;
        }
    }
}

/// Samples `source` at the output pixels' centres through `affine` (Agg's
/// nearest-neighbour span generator), with the outline's coverage as
/// [`resample`].
pub fn nearest<const N: usize>(
    source: &Source<'_, N>,
    (out_w, out_h): (usize, usize),
    affine: &Affine,
) -> Vec<[f64; N]> {
    let inverse = affine.inverted();
    let coverage = coverage(affine, (source.width, source.height), (out_w, out_h));
    let mut out = vec![[0.0; N]; out_w * out_h];
    // The same spans as for the filters (matplotlib 3.10's nearest-neighbour
    // spans).
    for span in spans(&coverage, out_w, &inverse) {
        let Span { row, covers, .. } = span;
        let mut dda_x = Dda::new(span.from.0, span.to.0, span.len());
        let mut dda_y = Dda::new(span.from.1, span.to.1, span.len());
        for col in span.start..=span.end {
            let (x, y) = (
                reflect(i64::from(dda_x.y >> SUBPIXEL_SHIFT), source.width),
                reflect(i64::from(dda_y.y >> SUBPIXEL_SHIFT), source.height),
            );
            dda_x.step();
            dda_y.step();
            out[row * out_w + col] = covered(source.pixels[y * source.width + x], covers[col]);
        }
    }
    out
}

/// A row's run of covered output pixels, and where its first pixel's centre
/// and the point one pixel past its last fall in the source, in subpixels:
/// the ends of Agg's span_interpolator_linear.
#[derive(Clone, Copy)]
struct Span<'c> {
    row: usize,
    start: usize,
    end: usize,
    /// The row's coverage, 0..=255 per output pixel.
    covers: &'c [i64],
    from: (i32, i32),
    to: (i32, i32),
}

impl Span<'_> {
    fn len(&self) -> i32 {
        (self.end - self.start + 1) as i32
    }
}

/// The spans of the rows of `coverage` (`out_w` pixels each) that cover
/// anything, with their ends mapped through `inverse`.
fn spans<'c>(
    coverage: &'c [i64],
    out_w: usize,
    inverse: &'c Affine,
) -> impl Iterator<Item = Span<'c>> + 'c {
    let subpixels = |v: f64| iround(v * f64::from(SUBPIXEL_SCALE));
    coverage
        .chunks_exact(out_w)
        .enumerate()
        .filter_map(move |(row, covers)| {
            let start = covers.iter().position(|&c| c > 0)?;
            let end = covers.iter().rposition(|&c| c > 0).unwrap_or(start);
            let (y, x) = (row as f64 + 0.5, start as f64 + 0.5);
            let (ax, ay) = inverse.apply(x, y);
            let (bx, by) = inverse.apply(x + (end - start + 1) as f64, y);
            Some(Span {
                row,
                start,
                end,
                covers,
                from: (subpixels(ax), subpixels(ay)),
                to: (subpixels(bx), subpixels(by)),
            })
        })
}

/// A pixel blended over zero by its coverage `cover` (0..=255): a grey
/// value scaled by it, an RGBA pixel's alpha.
fn covered<const N: usize>(mut pixel: [f64; N], cover: i64) -> [f64; N] {
    if cover < 255 {
        let k = cover as f64 / 255.0;
        pixel[if N == 4 { 3 } else { 0 }] *= k;
    }
    pixel
}

/// Each output pixel's coverage (0..=255) by the image's outline, as Agg's
/// rasterizer computes it; it shifts the signed area right, so the
/// outline's orientation decides whether partial coverage rounds up or down.
fn coverage(affine: &Affine, (w, h): (usize, usize), (out_w, out_h): (usize, usize)) -> Vec<i64> {
    let (x0, y0) = affine.apply(0.0, 0.0);
    let (x1, y1) = affine.apply(w as f64, h as f64);
    let columns = overlaps(x0, x1, out_w);
    let rows = overlaps(y0, y1, out_h);
    let sign = if affine.sx * affine.sy - affine.shx * affine.shy > 0.0 {
        -1
    } else {
        1
    };
    rows.iter()
        .flat_map(|&wy| {
            columns
                .iter()
                .map(move |&wx| ((sign * 2 * wx * wy) >> 9).abs().min(255))
        })
        .collect()
}

/// The kernel's widening for downsampling (Agg's
/// `span_image_resample_affine::prepare`): the inverse's scale per axis,
/// at least 1, limited to 200 in area.
fn resample_scales(inverse: &Affine) -> (f64, f64) {
    let mut scale_x = (inverse.sx * inverse.sx + inverse.shx * inverse.shx).sqrt();
    let mut scale_y = (inverse.shy * inverse.shy + inverse.sy * inverse.sy).sqrt();
    if scale_x * scale_y > SCALE_LIMIT {
        scale_x = scale_x * SCALE_LIMIT / (scale_x * scale_y);
        scale_y = scale_y * SCALE_LIMIT / (scale_x * scale_y);
    }
    (
        scale_x.clamp(1.0, SCALE_LIMIT),
        scale_y.clamp(1.0, SCALE_LIMIT),
    )
}

#[cfg(test)]
mod tests {
    use super::super::image_filters::Filter;
    use super::*;

    /// matplotlib's `_image.resample` of a 3 x 4 grey image (testdata/resample_golden.json).
    fn golden() -> serde_json::Value {
        serde_json::from_str(include_str!("testdata/resample_golden.json")).unwrap()
    }

    fn numbers(value: &serde_json::Value) -> Vec<f64> {
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    }

    fn affine(value: &serde_json::Value) -> Affine {
        let m = numbers(value);
        Affine {
            sx: m[0],
            shy: m[1],
            shx: m[2],
            sy: m[3],
            tx: m[4],
            ty: m[5],
        }
    }

    fn check(
        cases: &serde_json::Value,
        run: impl Fn(&serde_json::Value, (usize, usize)) -> Vec<[f64; 1]>,
    ) {
        for case in cases.as_array().unwrap() {
            let rows = case["rows"].as_u64().unwrap() as usize;
            let cols = case["cols"].as_u64().unwrap() as usize;
            let out = run(case, (cols, rows));
            for (i, (got, want)) in out.iter().zip(numbers(&case["expected"])).enumerate() {
                assert!(
                    (got[0] - want).abs() < 1e-12,
                    "{case:?} pixel {i}: {} != {want}",
                    got[0]
                );
            }
        }
    }

    #[test]
    fn grey_resampling_matches_matplotlib() {
        let golden = golden();
        let pixels: Vec<[f64; 1]> = numbers(&golden["data"]).into_iter().map(|v| [v]).collect();
        let source = Source {
            width: 4,
            height: 3,
            pixels: &pixels,
        };
        check(&golden["filtered"], |case, out| {
            let filter = Filter::named(case["filter"].as_str().unwrap(), 4.0).unwrap();
            resample(
                &source,
                out,
                &affine(&case["affine"]),
                &Lut::new(filter, true),
            )
        });
        check(&golden["nearest"], |case, out| {
            nearest(&source, out, &affine(&case["affine"]))
        });
    }
}

//! Image resampling as matplotlib's Agg does it (`_image.resample` for an
//! affine transform with `resample=True`): the filter kernels of
//! `agg_image_filters.h` tabulated in a lookup table of integer weights,
//! `span_image_resample_*_affine` (the kernel widened by the downsampling
//! factor), source pixels outside the image reflected at its edges, and the
//! output pixels on the image's outline weighted by how much of them it covers.

/// Agg's sub-pixel precision of the source coordinates (8 bits).
const SUBPIXEL_SHIFT: i32 = 8;
const SUBPIXEL_SCALE: i32 = 1 << SUBPIXEL_SHIFT;
const SUBPIXEL_MASK: i32 = SUBPIXEL_SCALE - 1;
/// The weights' fixed-point scale (14 bits).
const FILTER_SHIFT: i32 = 14;
const FILTER_SCALE: i32 = 1 << FILTER_SHIFT;
/// Agg's `span_image_resample_affine` scale limit.
const SCALE_LIMIT: f64 = 200.0;

/// A filter kernel of matplotlib's `interpolation=` (all but 'nearest' and
/// 'bessel').
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Filter {
    Bilinear,
    Bicubic,
    Spline16,
    Spline36,
    Hanning,
    Hamming,
    Hermite,
    Kaiser,
    Quadric,
    Catrom,
    Gaussian,
    Mitchell,
    /// The windowed kernels take `filterrad` (at least 2).
    Sinc(f64),
    Lanczos(f64),
    Blackman(f64),
}

impl Filter {
    /// The filter matplotlib names `name`, with `filterrad` for the windowed ones.
    pub fn named(name: &str, filterrad: f64) -> Option<Self> {
        let r = filterrad.max(2.0);
        Some(match name {
            "bilinear" => Self::Bilinear,
            "bicubic" => Self::Bicubic,
            "spline16" => Self::Spline16,
            "spline36" => Self::Spline36,
            "hanning" => Self::Hanning,
            "hamming" => Self::Hamming,
            "hermite" => Self::Hermite,
            "kaiser" => Self::Kaiser,
            "quadric" => Self::Quadric,
            "catrom" => Self::Catrom,
            "gaussian" => Self::Gaussian,
            "mitchell" => Self::Mitchell,
            "sinc" => Self::Sinc(r),
            "lanczos" => Self::Lanczos(r),
            "blackman" => Self::Blackman(r),
            _ => return None,
        })
    }

    fn radius(self) -> f64 {
        match self {
            Self::Bilinear | Self::Hanning | Self::Hamming | Self::Hermite | Self::Kaiser => 1.0,
            Self::Quadric => 1.5,
            Self::Bicubic | Self::Spline16 | Self::Catrom | Self::Gaussian | Self::Mitchell => 2.0,
            Self::Spline36 => 3.0,
            Self::Sinc(r) | Self::Lanczos(r) | Self::Blackman(r) => r,
        }
    }

    /// The kernel at distance `x` (>= 0) from the centre.
    fn weight(self, x: f64) -> f64 {
        use std::f64::consts::PI;
        match self {
            Self::Bilinear => 1.0 - x,
            Self::Hanning => 0.5 + 0.5 * (PI * x).cos(),
            Self::Hamming => 0.54 + 0.46 * (PI * x).cos(),
            Self::Hermite => (2.0 * x - 3.0) * x * x + 1.0,
            Self::Quadric if x < 0.5 => 0.75 - x * x,
            Self::Quadric if x < 1.5 => 0.5 * (x - 1.5) * (x - 1.5),
            Self::Quadric => 0.0,
            Self::Bicubic => {
                let pow3 = |v: f64| if v <= 0.0 { 0.0 } else { v * v * v };
                (1.0 / 6.0)
                    * (pow3(x + 2.0) - 4.0 * pow3(x + 1.0) + 6.0 * pow3(x) - 4.0 * pow3(x - 1.0))
            }
            Self::Kaiser => {
                let a = 6.33;
                bessel_i0(a * (1.0 - x * x).sqrt()) / bessel_i0(a)
            }
            Self::Catrom if x < 1.0 => 0.5 * (2.0 + x * x * (-5.0 + x * 3.0)),
            Self::Catrom if x < 2.0 => 0.5 * (4.0 + x * (-8.0 + x * (5.0 - x))),
            Self::Catrom => 0.0,
            Self::Mitchell => mitchell(x),
            Self::Spline16 if x < 1.0 => ((x - 9.0 / 5.0) * x - 1.0 / 5.0) * x + 1.0,
            Self::Spline16 => {
                let t = x - 1.0;
                ((-1.0 / 3.0 * t + 4.0 / 5.0) * t - 7.0 / 15.0) * t
            }
            Self::Spline36 if x < 1.0 => {
                ((13.0 / 11.0 * x - 453.0 / 209.0) * x - 3.0 / 209.0) * x + 1.0
            }
            Self::Spline36 if x < 2.0 => {
                let t = x - 1.0;
                ((-6.0 / 11.0 * t + 270.0 / 209.0) * t - 156.0 / 209.0) * t
            }
            Self::Spline36 => {
                let t = x - 2.0;
                ((1.0 / 11.0 * t - 45.0 / 209.0) * t + 26.0 / 209.0) * t
            }
            Self::Gaussian => (-2.0 * x * x).exp() * (2.0 / PI).sqrt(),
            Self::Sinc(_) if x == 0.0 => 1.0,
            Self::Sinc(_) => (PI * x).sin() / (PI * x),
            Self::Lanczos(_) | Self::Blackman(_) if x == 0.0 => 1.0,
            Self::Lanczos(r) | Self::Blackman(r) if x > r => 0.0,
            Self::Lanczos(r) => {
                let (t, tr) = (PI * x, PI * x / r);
                (t.sin() / t) * (tr.sin() / tr)
            }
            Self::Blackman(r) => {
                let (t, tr) = (PI * x, PI * x / r);
                (t.sin() / t) * (0.42 + 0.5 * tr.cos() + 0.08 * (2.0 * tr).cos())
            }
        }
    }
}

/// Agg's Mitchell-Netravali kernel with b = c = 1/3.
fn mitchell(x: f64) -> f64 {
    let (b, c) = (1.0 / 3.0, 1.0 / 3.0);
    let p0 = (6.0 - 2.0 * b) / 6.0;
    let p2 = (-18.0 + 12.0 * b + 6.0 * c) / 6.0;
    let p3 = (12.0 - 9.0 * b - 6.0 * c) / 6.0;
    let q0 = (8.0 * b + 24.0 * c) / 6.0;
    let q1 = (-12.0 * b - 48.0 * c) / 6.0;
    let q2 = (6.0 * b + 30.0 * c) / 6.0;
    let q3 = (-b - 6.0 * c) / 6.0;
    if x < 1.0 {
        p0 + x * x * (p2 + x * p3)
    } else if x < 2.0 {
        q0 + x * (q1 + x * (q2 + x * q3))
    } else {
        0.0
    }
}

/// The modified Bessel function I0, by its series (as Agg's Kaiser filter).
fn bessel_i0(x: f64) -> f64 {
    let (mut sum, y) = (1.0, x * x / 4.0);
    let mut t = y;
    let mut i = 2.0;
    while t > 1e-12 {
        sum += t;
        t *= y / (i * i);
        i += 1.0;
    }
    sum
}

/// Agg's rounding to the nearest integer (halves away from zero).
fn iround(v: f64) -> i32 {
    if v < 0.0 {
        (v - 0.5) as i32
    } else {
        (v + 0.5) as i32
    }
}

/// A kernel tabulated at 1/256-pixel steps over its diameter, as 14-bit
/// integers (Agg's `image_filter_lut`).
pub struct Lut {
    diameter: i32,
    weights: Vec<i32>,
}

impl Lut {
    /// The table of `filter`; `normalize` (matplotlib's `filternorm`) makes the
    /// weights at every sub-pixel offset sum to exactly 1.
    pub fn new(filter: Filter, normalize: bool) -> Self {
        let diameter = filter.radius().ceil() as i32 * 2;
        let size = (diameter << SUBPIXEL_SHIFT) as usize;
        let mut weights = vec![0; size];
        let pivot = (diameter << (SUBPIXEL_SHIFT - 1)) as usize;
        for i in 0..pivot {
            let x = i as f64 / f64::from(SUBPIXEL_SCALE);
            let w = iround(filter.weight(x) * f64::from(FILTER_SCALE));
            weights[pivot + i] = w;
            weights[pivot - i] = w;
        }
        weights[0] = weights[size - 1];
        let mut lut = Self { diameter, weights };
        if normalize {
            lut.normalize();
        }
        lut
    }

    /// Agg's `image_filter_lut::normalize`.
    fn normalize(&mut self) {
        let d = self.diameter as usize;
        let scale = SUBPIXEL_SCALE as usize;
        let mut flip = 1;
        for i in 0..scale {
            loop {
                let sum: i32 = (0..d).map(|j| self.weights[j * scale + i]).sum();
                if sum == FILTER_SCALE {
                    break;
                }
                let k = f64::from(FILTER_SCALE) / f64::from(sum);
                let mut sum = 0;
                for j in 0..d {
                    let w = &mut self.weights[j * scale + i];
                    *w = iround(f64::from(*w) * k);
                    sum += *w;
                }
                sum -= FILTER_SCALE;
                let inc = if sum > 0 { -1 } else { 1 };
                let mut j = 0;
                while j < d && sum != 0 {
                    flip ^= 1;
                    let idx = if flip == 1 {
                        d / 2 + j / 2
                    } else {
                        d / 2 - j / 2
                    };
                    let w = &mut self.weights[idx * scale + i];
                    if *w < FILTER_SCALE {
                        *w += inc;
                        sum += inc;
                    }
                    j += 1;
                }
            }
        }
        let pivot = d << (SUBPIXEL_SHIFT - 1);
        for i in 0..pivot {
            self.weights[pivot + i] = self.weights[pivot - i];
        }
        let end = self.weights.len() - 1;
        self.weights[0] = self.weights[end];
    }
}

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
/// pixel coordinates to output ones, no shear) with the kernel `lut`, as
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

    for (row, covers) in coverage.chunks_exact(out_w).enumerate() {
        let Some(start) = covers.iter().position(|&c| c > 0) else {
            continue;
        };
        let end = covers.iter().rposition(|&c| c > 0).unwrap_or(start);
        let len = (end - start + 1) as i32;
        let (yc, xs) = (row as f64 + 0.5, start as f64 + 0.5);
        let (ax, ay) = inverse.apply(xs, yc);
        let (bx, by) = inverse.apply(xs + f64::from(len), yc);
        let scale = f64::from(SUBPIXEL_SCALE);
        let mut dda_x = Dda::new(iround(ax * scale), iround(bx * scale), len);
        let mut dda_y = Dda::new(iround(ay * scale), iround(by * scale), len);
        for col in start..=end {
            let x = dda_x.y + half - radius_x;
            let y = dda_y.y + half - radius_y;
            dda_x.step();
            dda_y.step();
            let mut fg = [0.0; N];
            let mut total = 0i64;
            let mut src_y = i64::from(y >> SUBPIXEL_SHIFT);
            let mut y_hr = ((SUBPIXEL_MASK - (y & SUBPIXEL_MASK)) * ry_inv) >> SUBPIXEL_SHIFT;
            let x_lr = i64::from(x >> SUBPIXEL_SHIFT);
            let x_hr0 = ((SUBPIXEL_MASK - (x & SUBPIXEL_MASK)) * rx_inv) >> SUBPIXEL_SHIFT;
            loop {
                let weight_y = lut.weights[y_hr as usize];
                let line = reflect(src_y, source.height) * source.width;
                let (mut src_x, mut x_hr) = (x_lr, x_hr0);
                loop {
                    let weight =
                        (weight_y * lut.weights[x_hr as usize] + FILTER_SCALE / 2) >> FILTER_SHIFT;
                    let pixel = &source.pixels[line + reflect(src_x, source.width)];
                    for (acc, v) in fg.iter_mut().zip(pixel) {
                        *acc += v * f64::from(weight);
                    }
                    total += i64::from(weight);
                    x_hr += rx_inv;
                    if x_hr >= filter_scale {
                        break;
                    }
                    src_x += 1;
                }
                y_hr += ry_inv;
                if y_hr >= filter_scale {
                    break;
                }
                src_y += 1;
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
    for (i, (pixel, &cover)) in out.iter_mut().zip(&coverage).enumerate() {
        if cover == 0 {
            continue;
        }
        let (x, y) = inverse.apply((i % out_w) as f64 + 0.5, (i / out_w) as f64 + 0.5);
        let (col, row) = (
            reflect(x.floor() as i64, source.width),
            reflect(y.floor() as i64, source.height),
        );
        *pixel = covered(source.pixels[row * source.width + col], cover);
    }
    out
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
    use super::*;

    /// matplotlib 3.10.8's `_image.resample` of a 3 x 4 grey image (filternorm, filterrad 4).
    const DATA: &[f64] = &[
        0.5118216247002567,
        0.9504636963259353,
        0.14415961271963373,
        0.9486494471372439,
        0.31183145201048545,
        0.42332644897257565,
        0.8277025938204418,
        0.4091991363691613,
        0.5495936876730595,
        0.027559113243068367,
        0.7535131086748066,
        0.5381433132192782,
    ];

    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, (usize, usize), [f64; 6], &[f64])] = &[
        (
            "bilinear",
            (7, 9),
            [2.25, 0.0, 0.0, 2.3333333333333335, 0.0, 0.0],
            &[
                0.5118216247002567,
                0.5872132307609202,
                0.7825460282817303,
                0.9000696911005414,
                0.5441620291961974,
                0.18510474196526622,
                0.4615559927047065,
                0.8198053720937984,
                0.9486494471372439,
                0.48213558344161883,
                0.5491807858640144,
                0.7228888103220397,
                0.833054652597225,
                0.5564759152284651,
                0.27747994875856935,
                0.4914080743535883,
                0.7687824242142546,
                0.8685747916326065,
                0.39698532939706754,
                0.4400877202386796,
                0.5517664967215536,
                0.6408273053113962,
                0.5918016617646057,
                0.5422865789400776,
                0.5769747711946406,
                0.6225337880569514,
                0.638886964000884,
                0.31277460746746505,
                0.3314980700062336,
                0.38003981687927607,
                0.4471325020878016,
                0.6261762312965489,
                0.8068191823754652,
                0.6626100563165047,
                0.4766047859694183,
                0.4097028245599821,
                0.4149255985003298,
                0.38687376322401335,
                0.31420069515133314,
                0.2857123489335763,
                0.525758517083649,
                0.7679142235171706,
                0.6651742248711268,
                0.5180252104258156,
                0.46510852555026666,
                0.5161583732830101,
                0.4417460410489041,
                0.24895045298781163,
                0.12575965171711667,
                0.4262390597321638,
                0.7293775775526539,
                0.6677058404373108,
                0.5590783279341873,
                0.5200105383497305,
                0.5495936876730595,
                0.4598689951929048,
                0.22740047376704933,
                0.072931237957552,
                0.39337152263400355,
                0.716608453591526,
                0.6685402215992549,
                0.5726450655121357,
                0.5381433132192782,
            ],
        ),
        (
            "hanning",
            (2, 3),
            [0.675, 0.0, 0.0, 0.6333333333333333, 0.0, 0.0],
            &[
                0.5423077982251719,
                0.5327790099773494,
                0.5119990548165774,
                0.3336495188361087,
                0.48863011955816177,
                0.3278393384750225,
            ],
        ),
        (
            "bicubic",
            (5, 6),
            [1.37, 0.0, 0.0, 1.55, 0.3, 0.2],
            &[
                0.2945374929882352,
                0.5340986863915105,
                0.5650422955817427,
                0.3592433294180031,
                0.48145558125169324,
                0.5497223818206253,
                0.31793070569318843,
                0.5600250648151185,
                0.6320810402320375,
                0.526714124217894,
                0.5964325456645231,
                0.566011448762744,
                0.2724441720319007,
                0.41390265694608597,
                0.49891596916599623,
                0.6166523609143161,
                0.5979267464204383,
                0.4186535632528304,
                0.3101792365439631,
                0.3525374696493764,
                0.35500003658569745,
                0.5979667631788838,
                0.6113789003245321,
                0.3987996823750393,
                0.30510541734419044,
                0.29367515635118163,
                0.23098253008634673,
                0.4738461726211034,
                0.5323102173583202,
                0.3645591985822952,
            ],
        ),
        (
            "spline36",
            (11, 13),
            [3.1, -0.0, 0.0, -3.3, 0.4, 10.6],
            &[
                0.13650132939225723,
                0.20468996263899195,
                0.14292947253546098,
                0.05916578199452586,
                -0.0016167892571334907,
                0.0050857072430257255,
                0.0803697505496207,
                0.1718437077800322,
                0.22737102654766939,
                0.2264161326263422,
                0.19811737227240636,
                0.1711913182713486,
                0.12710284503541375,
                0.44721420976063914,
                0.6641040575885728,
                0.46558134397910256,
                0.19669757689352615,
                0.003547962195517517,
                0.030728319567314883,
                0.2806570809064458,
                0.5809641905754039,
                0.759559489908212,
                0.7499352045924547,
                0.6500274527983464,
                0.5560563766724025,
                0.4165392119373692,
                0.4028953985491227,
                0.6017573486389615,
                0.43050180502615104,
                0.19986731208243566,
                0.043148829410675084,
                0.09273562803294125,
                0.3468144555978531,
                0.6351722126677567,
                0.7905401678654502,
                0.7513835604983281,
                0.6224505532365467,
                0.50621958872953,
                0.3680995387964538,
                0.33039406667945104,
                0.49944689799608616,
                0.37235999086201027,
                0.20350756553476562,
                0.10628756426640683,
                0.19297164239798154,
                0.4551487530314609,
                0.725369205364135,
                0.8427406005408469,
                0.7545285035468143,
                0.5767354380912662,
                0.42308742503237295,
                0.28702336778823767,
                0.249724865051124,
                0.3885189101426927,
                0.31868389177479944,
                0.22942237541598362,
                0.20355860004076026,
                0.3236033121253536,
                0.5739281599423799,
                0.8045578157926202,
                0.8746643953063661,
                0.7450075284197895,
                0.5330930080004265,
                0.35471321031939285,
                0.22211413415352724,
                0.1906921621173409,
                0.31479260084576255,
                0.3072085016383375,
                0.3029791032755667,
                0.3425791829601237,
                0.46622844728600227,
                0.6562847931991351,
                0.8097713312337602,
                0.8330504265143605,
                0.7054460440309865,
                0.5190494281209279,
                0.3645317461023602,
                0.23761382535211692,
                0.1740605937541051,
                0.31017634072104355,
                0.3639140300563819,
                0.44155378740741275,
                0.5279822745204853,
                0.6078889570275315,
                0.6695760974489395,
                0.6972616222578518,
                0.6807390766307703,
                0.6240804776673069,
                0.5538605039482415,
                0.49687564200008727,
                0.3782307657396527,
                0.1933757515615219,
                0.36121057384427346,
                0.4683953468008689,
                0.6158028879885065,
                0.7285910329816678,
                0.7322583770766723,
                0.6263902361450651,
                0.5039823454394089,
                0.4581287454951045,
                0.5188467596821016,
                0.6233880979631187,
                0.7113651495709693,
                0.6019616148633025,
                0.22512119237094597,
                0.42820616407763834,
                0.5770660611850921,
                0.777869946540936,
                0.9041294806053773,
                0.8293620626167102,
                0.5654530971939093,
                0.3063286017988394,
                0.24018113409856276,
                0.4198817670655818,
                0.6971032501607429,
                0.9274997562850398,
                0.8263041938621993,
                0.24861084001447767,
                0.476955562778604,
                0.6539265997277536,
                0.8908191855833772,
                1.025288227331258,
                0.8952815655876177,
                0.5207983562327549,
                0.16687844310639227,
                0.08718435848868478,
                0.35086540029895674,
                0.7493890835848759,
                1.0797336121571364,
                0.9843923126303009,
                0.15370204492798575,
                0.29903371407758905,
                0.4125833229180037,
                0.5640816522477098,
                0.6474072569964979,
                0.5561227597544269,
                0.3045294399155376,
                0.06874497011093568,
                0.017519227699031012,
                0.19597280849047424,
                0.46449439837963513,
                0.6870202396425742,
                0.6266768680094467,
            ],
        ),
        (
            "lanczos",
            (8, 10),
            [2.5, 0.0, 0.0, 2.6, 0.0, 0.0],
            &[
                0.3798803836784664,
                0.660107435783833,
                1.0062530484508359,
                1.0761837710871123,
                0.7172788637582147,
                0.1970618957483624,
                0.0021236491662032504,
                0.3331678233282498,
                0.9293478797084859,
                1.3669087479663262,
                0.33529166801205157,
                0.5633319395202814,
                0.855098960949019,
                0.9476484044372648,
                0.7178087465305936,
                0.3496071600070022,
                0.19458632335024828,
                0.40667827835112036,
                0.8097156899246196,
                1.1074348775368745,
                0.29363442971420506,
                0.4261188266696899,
                0.6116080902887899,
                0.7233298401495839,
                0.6912355942913194,
                0.5687806882701268,
                0.48925522992199966,
                0.5265129751794684,
                0.6342802122669725,
                0.7172979106413655,
                0.3044301027296805,
                0.32249937246114974,
                0.37196838826801937,
                0.4724223548059287,
                0.6176843061390203,
                0.7392737818734786,
                0.753645904336917,
                0.647008828278323,
                0.4906149405885178,
                0.3789163862810805,
                0.3957717077490216,
                0.3067520694602518,
                0.21672217140370006,
                0.26066385715125057,
                0.49267481940564545,
                0.77582632405018,
                0.8830160355281909,
                0.7290800615882099,
                0.44525396249431576,
                0.2347149050859764,
                0.5547743316231386,
                0.37447325167574574,
                0.152806340642047,
                0.10295564406478229,
                0.3298074474098209,
                0.6846518799093619,
                0.8756286348542195,
                0.7686225063905449,
                0.49547233016791864,
                0.28325174282297794,
                0.7140264081534684,
                0.4731982574495597,
                0.15594791850552991,
                0.013962489528283738,
                0.1848502400285957,
                0.542806479821074,
                0.792454083711705,
                0.7747348128655427,
                0.587645230619947,
                0.42968439639370093,
                0.6433275701814986,
                0.4302339803707542,
                0.1417370679372122,
                -0.012462579561522608,
                0.0894067574104834,
                0.3633714860285915,
                0.5840520186217825,
                0.6179713899973297,
                0.5218642322573316,
                0.4308480014166996,
            ],
        ),
    ];

    #[test]
    fn grey_resampling_matches_matplotlib() {
        let pixels: Vec<[f64; 1]> = DATA.iter().map(|&v| [v]).collect();
        let source = Source {
            width: 4,
            height: 3,
            pixels: &pixels,
        };
        for (name, (rows, cols), m, expected) in CASES {
            let affine = Affine {
                sx: m[0],
                shy: m[1],
                shx: m[2],
                sy: m[3],
                tx: m[4],
                ty: m[5],
            };
            let lut = Lut::new(Filter::named(name, 4.0).unwrap(), true);
            let out = resample(&source, (*cols, *rows), &affine, &lut);
            for (i, (got, want)) in out.iter().zip(expected.iter()).enumerate() {
                assert!(
                    (got[0] - want).abs() < 1e-12,
                    "{name} pixel {i}: {} != {want}",
                    got[0]
                );
            }
        }
    }
}

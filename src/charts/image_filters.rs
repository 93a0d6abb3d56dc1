//! Agg's image filter kernels (`agg_image_filters.h`) as matplotlib's
//! `interpolation=` names them, tabulated as Agg's `image_filter_lut`: 14-bit
//! integer weights at 1/256-pixel steps, normalized to sum to exactly 1.

/// Agg's sub-pixel precision of the source coordinates (8 bits).
pub const SUBPIXEL_SHIFT: i32 = 8;
pub const SUBPIXEL_SCALE: i32 = 1 << SUBPIXEL_SHIFT;
/// The weights' fixed-point scale (14 bits).
pub const FILTER_SHIFT: i32 = 14;
pub const FILTER_SCALE: i32 = 1 << FILTER_SHIFT;

/// A filter kernel of matplotlib's `interpolation=` (all but 'nearest').
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
    Bessel,
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
            "bessel" => Self::Bessel,
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
            Self::Bessel => 3.2383,
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
            Self::Bessel if x == 0.0 => PI / 4.0,
            Self::Bessel => bessel_j(PI * x, 1) / (2.0 * x),
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

/// The Bessel function of the first kind of order `n`, by downward
/// recurrence to a 1e-6 tolerance (Agg's `besj`, operation for operation).
fn bessel_j(x: f64, n: i32) -> f64 {
    let d = 1e-6;
    if x.abs() <= d {
        return if n == 0 { 1.0 } else { 0.0 };
    }
    let mut b1 = 0.0;
    let mut m1 = x.abs() as i32 + 6;
    if x.abs() > 5.0 {
        m1 = (1.4 * x + 60.0 / x).abs() as i32;
    }
    let mut m2 = (f64::from(n + 2) + x.abs() / 4.0) as i32;
    m2 = m2.max(m1);
    loop {
        let (mut c3, mut c2, mut c4) = (0.0, 1e-30, 0.0);
        let mut m8 = if m2 / 2 * 2 == m2 { -1 } else { 1 };
        let mut b = 0.0;
        for i in 1..=m2 - 2 {
            let c6 = 2.0 * f64::from(m2 - i) * c2 / x - c3;
            c3 = c2;
            c2 = c6;
            if m2 - i - 1 == n {
                b = c6;
            }
            m8 = -m8;
            if m8 > 0 {
                c4 += 2.0 * c6;
            }
        }
        let c6 = 2.0 * c2 / x - c3;
        if n == 0 {
            b = c6;
        }
        c4 += c6;
        b /= c4;
        if (b - b1).abs() < d {
            return b;
        }
        b1 = b;
        m2 += 3;
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
pub fn iround(v: f64) -> i32 {
    if v < 0.0 {
        (v - 0.5) as i32
    } else {
        (v + 0.5) as i32
    }
}

/// A kernel tabulated at 1/256-pixel steps over its diameter, as 14-bit
/// integers (Agg's `image_filter_lut`).
pub struct Lut {
    pub diameter: i32,
    pub weights: Vec<i32>,
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

//! Tick positions and labels, after matplotlib's AutoLocator, LogLocator and
//! ScalarFormatter (minus signs as U+2212, an offset such as `1e6` shown at
//! the end of an axis whose numbers are very large or very small).

/// One labelled tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub pos: f64,
    pub label: String,
}

/// The ticks of one axis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TickSet {
    pub major: Vec<Tick>,
    /// Unlabelled minor ticks (log axes).
    pub minor: Vec<f64>,
    /// Positions in `major` that are labelled minor ticks: drawn with the
    /// minor tick style and without grid lines.
    pub labelled_minor: Vec<f64>,
    /// A multiplier such as `1e6` printed at the end of the axis.
    pub offset_text: Option<String>,
}

impl TickSet {
    /// The major ticks that get grid lines (not the labelled minor ones).
    pub fn gridded(&self) -> impl Iterator<Item = &Tick> {
        self.major
            .iter()
            .filter(|tick| !self.labelled_minor.contains(&tick.pos))
    }

    /// Every minor tick's position, labelled or not (where minor grid lines go).
    pub fn minor_positions(&self) -> impl Iterator<Item = f64> {
        self.minor.iter().chain(&self.labelled_minor).copied()
    }
}

/// Steps a tick interval may take, times a power of ten (MaxNLocator's).
const STEPS: [f64; 5] = [1.0, 2.0, 2.5, 5.0, 10.0];
/// Orders of magnitude from which labels switch to a `1eN` multiplier.
const SCI_BELOW: i32 = -5;
const SCI_FROM: i32 = 6;
const MINUS: char = '\u{2212}';

/// Ticks for a linear axis showing `lo..hi` with at most `max_ticks` intervals.
pub fn linear(lo: f64, hi: f64, max_ticks: usize) -> TickSet {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let positions = nice_positions(lo, hi, max_ticks.max(1));
    format_linear(&positions)
}

/// Tick positions on multiples of a nice step, inside `lo..=hi`.
fn nice_positions(lo: f64, hi: f64, bins: usize) -> Vec<f64> {
    let span = hi - lo;
    if span <= 0.0 || !span.is_finite() {
        return vec![lo];
    }
    let raw = span / bins as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let tolerance = span * 1e-9;
    // The smallest nice step at least span/bins that leaves two ticks inside.
    for step in STEPS
        .iter()
        .map(|s| s * magnitude)
        .filter(|s| *s >= raw * (1.0 - 1e-9))
    {
        let first = (lo / step - 1e-9).ceil();
        let last = (hi / step + 1e-9).floor();
        if last - first >= 1.0 {
            let count = (last - first) as usize + 1;
            return (0..count)
                .map(|i| clean((first + i as f64) * step, step))
                .filter(|pos| *pos >= lo - tolerance && *pos <= hi + tolerance)
                .collect();
        }
    }
    vec![lo, hi]
}

/// Rounds away floating-point noise (0.30000000000000004 → 0.3).
fn clean(value: f64, step: f64) -> f64 {
    let scale = 10f64.powi(12 - step.abs().log10().floor() as i32);
    if scale.is_finite() && scale > 0.0 {
        (value * scale).round() / scale
    } else {
        value
    }
}

/// Labels for evenly spaced linear ticks, with a shared multiplier when the
/// numbers are very large or very small.
pub fn format_linear(positions: &[f64]) -> TickSet {
    let biggest = positions.iter().map(|p| p.abs()).fold(0.0, f64::max);
    let order = if biggest > 0.0 {
        biggest.log10().floor() as i32
    } else {
        0
    };
    let exponent = if order >= SCI_FROM || order <= SCI_BELOW {
        order
    } else {
        0
    };
    let divisor = 10f64.powi(exponent);
    let scaled: Vec<f64> = positions.iter().map(|p| p / divisor).collect();
    let decimals = decimals_needed(&scaled);
    TickSet {
        major: positions
            .iter()
            .zip(&scaled)
            .map(|(&pos, &value)| Tick {
                pos,
                label: format_number(value, decimals),
            })
            .collect(),
        minor: Vec::new(),
        labelled_minor: Vec::new(),
        offset_text: (exponent != 0).then(|| format!("1e{exponent}").replace('-', "\u{2212}")),
    }
}

/// The fewest decimals that write every value exactly (to 1e-9 relative).
fn decimals_needed(values: &[f64]) -> usize {
    (0..=10)
        .find(|&decimals| {
            let factor = 10f64.powi(decimals as i32);
            values.iter().all(|v| {
                let scaled = v * factor;
                (scaled - scaled.round()).abs() <= 1e-6 * scaled.abs().max(1.0)
            })
        })
        .unwrap_or(10)
}

/// A number with `decimals` places and a typographic minus.
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        text.trim_start_matches('-').to_owned()
    } else {
        text
    };
    text.replace('-', &MINUS.to_string())
}

/// Ticks for a log axis: decades (every k-th when there are many), with
/// minor ticks at 2..9 times each decade when few decades are shown.
pub fn log(lo: f64, hi: f64, max_ticks: usize) -> TickSet {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    // Within the positive doubles, so at most ~630 decades are walked.
    let (lo, hi) = (
        lo.clamp(f64::MIN_POSITIVE, f64::MAX),
        hi.clamp(f64::MIN_POSITIVE, f64::MAX),
    );
    let (first, last) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    let decades = (last - first).max(1);
    let stride = (decades as usize).div_ceil(max_ticks.max(1)).max(1) as i32;
    let inside = |v: f64| v >= lo * (1.0 - 1e-9) && v <= hi * (1.0 + 1e-9);
    let major = (first..=last)
        .filter(|e| (e - first) % stride == 0)
        .map(|e| (e, 10f64.powi(e)))
        .filter(|&(_, pos)| inside(pos))
        .map(|(e, pos)| Tick {
            pos,
            label: format!("10{}", superscript(e)),
        })
        .collect();
    let minor = if stride == 1 && decades <= 8 {
        (first..=last)
            .flat_map(|e| (2..10).map(move |m| f64::from(m) * 10f64.powi(e)))
            .filter(|&pos| inside(pos))
            .collect()
    } else {
        Vec::new()
    };
    TickSet {
        major,
        minor,
        labelled_minor: Vec::new(),
        offset_text: None,
    }
}

fn superscript(exponent: i32) -> String {
    exponent
        .to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(set: &TickSet) -> Vec<&str> {
        set.major.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn linear_ticks_are_nice_and_inside() {
        let set = linear(-0.45, 9.45, 9);
        assert_eq!(labels(&set), ["0", "2", "4", "6", "8"]);
        let set = linear(0.0, 1.0, 9);
        assert_eq!(labels(&set), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        let set = linear(-1.1, 1.1, 9);
        assert_eq!(
            labels(&set)[..3],
            ["\u{2212}1.00", "\u{2212}0.75", "\u{2212}0.50"]
        );
        assert_eq!(labels(&set)[4], "0.00");
        let set = linear(1990.0, 2020.0, 9);
        assert_eq!(
            labels(&set),
            ["1990", "1995", "2000", "2005", "2010", "2015", "2020"]
        );
    }

    #[test]
    fn log_ticks_of_a_range_from_zero_stay_bounded() {
        let set = log(0.0, 10.0, 9);
        assert!((1..=10).contains(&set.major.len()), "{:?}", labels(&set));
    }

    #[test]
    fn large_numbers_get_a_multiplier() {
        let set = linear(0.0, 2.0e12, 9);
        assert_eq!(set.offset_text.as_deref(), Some("1e12"));
        assert_eq!(labels(&set)[..3], ["0.00", "0.25", "0.50"]);
    }

    #[test]
    fn log_ticks_are_decades() {
        let set = log(0.5, 2000.0, 9);
        assert_eq!(labels(&set), ["10⁰", "10¹", "10²", "10³"]);
        assert!(set.minor.contains(&2.0) && set.minor.contains(&900.0));
        let set = log(1e-3, 1.0, 9);
        assert_eq!(labels(&set)[0], "10⁻³");
    }
}

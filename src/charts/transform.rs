//! matplotlib's scale transforms (`matplotlib.scale`): where a data value
//! stands along a linear, log, logit, symlog or asinh axis.

use super::spec::ScaleKind;

/// `value` in `kind`'s scale (log10 on a log axis); NaN where the scale has
/// no place for it (zero or negative on a log axis, outside (0, 1) on a logit
/// one, as matplotlib's `nonpositive="mask"`).
pub fn forward(kind: ScaleKind, value: f64) -> f64 {
    match kind {
        ScaleKind::Linear => value,
        ScaleKind::Log if value > 0.0 => value.log10(),
        ScaleKind::Logit if value > 0.0 && value < 1.0 => (value / (1.0 - value)).log10(),
        ScaleKind::Log | ScaleKind::Logit => f64::NAN,
        ScaleKind::Symlog {
            base,
            linthresh,
            linscale,
        } => {
            let adjusted = linscale / (1.0 - 1.0 / base);
            if value.abs() <= linthresh {
                value * adjusted
            } else {
                value.signum() * linthresh * (adjusted + (value.abs() / linthresh).ln() / base.ln())
            }
        }
        ScaleKind::Asinh { linear_width } => linear_width * (value / linear_width).asinh(),
    }
}

/// The value at `position` of `kind`'s scale (the inverse of [`forward`]).
pub fn inverse(kind: ScaleKind, position: f64) -> f64 {
    match kind {
        ScaleKind::Linear => position,
        ScaleKind::Log => 10f64.powf(position),
        ScaleKind::Logit => 1.0 / (1.0 + 10f64.powf(-position)),
        ScaleKind::Symlog {
            base,
            linthresh,
            linscale,
        } => {
            let adjusted = linscale / (1.0 - 1.0 / base);
            if position.abs() <= linthresh * adjusted {
                position / adjusted
            } else {
                position.signum() * linthresh * base.powf(position.abs() / linthresh - adjusted)
            }
        }
        ScaleKind::Asinh { linear_width } => linear_width * (position / linear_width).sinh(),
    }
}

/// Whether `value` has a place on `kind`'s scale.
pub fn in_domain(kind: ScaleKind, value: f64) -> bool {
    value.is_finite() && !forward(kind, value).is_nan()
}

/// Whether the host picks this scale's ticks itself (else the guest sends them).
pub fn host_ticks(kind: ScaleKind) -> bool {
    matches!(kind, ScaleKind::Linear | ScaleKind::Log)
}

/// The scale's name, as matplotlib's `get_xscale()`.
pub fn name(kind: ScaleKind) -> &'static str {
    match kind {
        ScaleKind::Linear => "linear",
        ScaleKind::Log => "log",
        ScaleKind::Logit => "logit",
        ScaleKind::Symlog { .. } => "symlog",
        ScaleKind::Asinh { .. } => "asinh",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlog_matches_matplotlib() {
        let kind = ScaleKind::Symlog {
            base: 10.0,
            linthresh: 2.0,
            linscale: 1.0,
        };
        // matplotlib: SymmetricalLogTransform(10, 2, 1).transform([-200, -1, 0, 1.5, 20])
        let expected = [
            -6.222222222222222,
            -1.1111111111111112,
            0.0,
            1.6666666666666667,
            4.222222222222222,
        ];
        for (value, want) in [-200.0, -1.0, 0.0, 1.5, 20.0].into_iter().zip(expected) {
            let got = forward(kind, value);
            assert!((got - want).abs() < 1e-12, "{value}: {got} != {want}");
            assert!((inverse(kind, got) - value).abs() < 1e-9 * value.abs().max(1.0));
        }
    }

    #[test]
    fn logit_and_asinh_round_trip() {
        assert!((forward(ScaleKind::Logit, 0.9) - 9f64.log10()).abs() < 1e-12);
        assert!(forward(ScaleKind::Logit, 1.0).is_nan());
        let asinh = ScaleKind::Asinh { linear_width: 0.5 };
        for value in [-30.0, -0.1, 0.0, 2.0] {
            assert!((inverse(asinh, forward(asinh, value)) - value).abs() < 1e-9);
        }
    }
}

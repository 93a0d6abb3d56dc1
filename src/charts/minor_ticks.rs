//! Minor ticks beside the host's major ticks: matplotlib's AutoMinorLocator
//! (the major step divided in 4 or 5 parts) or the positions the guest's
//! locator gave, without those on a major tick (matplotlib's
//! `remove_overlapping_locs`) or outside the view.

use super::scale::{AxisMap, scaled};
use super::spec::{Divisions, MinorTicks, ScaleKind};
use super::ticks::TickSet;

/// More minor ticks than this across a view are not placed.
const MAX_MINOR: i64 = 10_000;

/// Sets `ticks.minor` from `spec` for the axis `map` shows.
pub fn place(spec: Option<&MinorTicks>, ticks: &mut TickSet, map: &AxisMap) {
    let Some(spec) = spec else {
        return;
    };
    let majors: Vec<f64> = ticks.major.iter().map(|t| t.pos).collect();
    let candidates = match (&spec.positions, spec.ndivs) {
        (Some(positions), _) => positions.clone(),
        (None, Some(ndivs)) if map.kind == ScaleKind::Linear => auto_minor(&majors, ndivs, map),
        _ => Vec::new(),
    };
    let forward = |v: f64| scaled(map.kind, v);
    let (lo, hi) = (
        forward(map.lo).min(forward(map.hi)),
        forward(map.lo).max(forward(map.hi)),
    );
    let tolerance = (hi - lo) * 1e-5;
    let slack = (hi - lo) * 1e-10;
    ticks.minor = candidates
        .into_iter()
        .filter(|&v| {
            let t = forward(v);
            t.is_finite()
                && (lo - slack..=hi + slack).contains(&t)
                && !majors.iter().any(|&m| (forward(m) - t).abs() <= tolerance)
        })
        .collect();
}

/// matplotlib's AutoMinorLocator on a linear axis: `ndivs` steps per major
/// step ("auto": 5 when the step is 1, 2.5, 5 or 10 times a power of ten,
/// else 4), from the first major tick across the view.
fn auto_minor(majors: &[f64], ndivs: Divisions, map: &AxisMap) -> Vec<f64> {
    let mut sorted = majors.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.dedup();
    let [first, second, ..] = sorted[..] else {
        return Vec::new();
    };
    let step = second - first;
    let parts = match ndivs {
        Divisions::Count(n) => f64::from(n.max(1)),
        Divisions::Auto(_) => {
            let mantissa = 10f64.powf(step.log10().rem_euclid(1.0));
            let nice = [1.0, 2.5, 5.0, 10.0]
                .iter()
                .any(|&m| (mantissa - m).abs() <= 1e-8 + 1e-5 * m);
            if nice { 5.0 } else { 4.0 }
        }
    };
    let minor = step / parts;
    let (lo, hi) = (map.lo.min(map.hi), map.lo.max(map.hi));
    let start = ((lo - first) / minor).round() as i64;
    let stop = ((hi - first) / minor).round() as i64 + 1;
    if stop.saturating_sub(start) > MAX_MINOR {
        return Vec::new();
    }
    (start..stop).map(|k| k as f64 * minor + first).collect()
}

//! The ticks an axis gets before it is drawn: fixed ones, category names,
//! or ones chosen for its scale and length.

use super::paint::Units;
use super::spec::{ScaleKind, Ticks};
use super::ticks::{self, Tick, TickSet};

/// How many tick intervals an axes in a cell `length_px` long will hold with
/// labels `label_pt` apart, guessing its box at 0.8 of the cell (the first
/// pass of the layout, before the margins are known).
pub fn bins(units: Units, length_px: f64, label_pt: f64) -> usize {
    box_bins(units, length_px * 0.8, label_pt)
}

/// How many tick intervals fit along an axis `length_px` long with labels
/// `label_pt` apart: matplotlib's tick space (1 to 9, MaxNLocator's "auto").
pub fn box_bins(units: Units, length_px: f64, label_pt: f64) -> usize {
    let points = length_px * 72.0 / units.dpi;
    ((points / label_pt.max(1.0)).floor() as usize).clamp(1, 9)
}

pub fn tick_set(
    fixed: Option<&Ticks>,
    categories: Option<&[String]>,
    kind: ScaleKind,
    (lo, hi): (f64, f64),
    bins: usize,
) -> TickSet {
    let inside = |pos: f64| {
        let (min, max) = (lo.min(hi), lo.max(hi));
        let slack = (max - min) * 1e-9;
        pos >= min - slack && pos <= max + slack
    };
    if let Some(fixed) = fixed {
        let labels: Vec<String> = match &fixed.labels {
            Some(labels) => labels.clone(),
            None => ticks::format_linear(&fixed.positions)
                .major
                .into_iter()
                .map(|tick| tick.label)
                .collect(),
        };
        let mut set = TickSet {
            major: fixed
                .positions
                .iter()
                .zip(labels)
                .filter(|(pos, _)| inside(**pos))
                .map(|(&pos, label)| Tick { pos, label })
                .collect(),
            offset_text: fixed.offset.clone(),
            ..TickSet::default()
        };
        let no_labels = Vec::new();
        let minor_labels = fixed.minor_labels.as_ref().unwrap_or(&no_labels);
        for (i, &pos) in fixed.minor.iter().enumerate().filter(|(_, p)| inside(**p)) {
            match minor_labels.get(i).filter(|label| !label.is_empty()) {
                Some(label) => {
                    set.major.push(Tick {
                        pos,
                        label: label.clone(),
                    });
                    set.labelled_minor.push(pos);
                }
                None => set.minor.push(pos),
            }
        }
        return set;
    }
    if let Some(names) = categories {
        return TickSet {
            major: names
                .iter()
                .enumerate()
                .map(|(i, name)| Tick {
                    pos: i as f64,
                    label: name.clone(),
                })
                .filter(|tick| inside(tick.pos))
                .collect(),
            ..TickSet::default()
        };
    }
    match kind {
        ScaleKind::Linear => ticks::linear(lo, hi, bins),
        ScaleKind::Log => ticks::log(lo, hi, bins),
        // The guest sends these scales' ticks (validate refuses them without).
        _ => TickSet::default(),
    }
}

//! matplotlib's `Figure.align_xlabels`, `align_ylabels` and `align_titles`:
//! the axes of one group put their x (y) labels beyond the deepest tick labels
//! of the group, and their titles above the highest top decorations of the
//! group, so that they line up.

use super::axis;
use super::paint::Units;
use super::placed::{Aligned, PlacedAxes};
use super::scale::Dim;
use super::spec::Axes;
use super::ticks::TickSet;

/// For each axes, the `pick` (max or min) of `values` over its group (from
/// `group`); `None` for axes in no group.
fn over_groups(
    axes: &[&Axes],
    group: impl Fn(&Axes) -> Option<u32>,
    values: &[f64],
    pick: fn(f64, f64) -> f64,
) -> Vec<Option<f64>> {
    axes.iter()
        .map(|a| {
            let id = group(a)?;
            axes.iter()
                .zip(values)
                .filter(|(other, _)| group(other) == Some(id))
                .map(|(_, &v)| v)
                .reduce(pick)
        })
        .collect()
}

/// How far above its box an axes' title stands, without alignment: above
/// the x axis' top decorations when matplotlib lifts it, at 1.05 of the
/// height of a polar axes.
pub fn title_lift(axes: &PlacedAxes<'_>, units: Units) -> f64 {
    if axes.polar.is_some() {
        0.05 * axes.frame.height()
    } else if axis::title_lifted(axes.spec) {
        axis::top_room(axes.spec, &axes.xticks, units, axes.frame.height())
    } else {
        0.0
    }
}

/// Sets each placed axes' [`Aligned`] from its groups.
pub fn align(placed: &mut [PlacedAxes<'_>], units: Units) {
    let specs: Vec<&Axes> = placed.iter().map(|a| a.spec).collect();
    let reach = |dim: Dim| -> Vec<f64> {
        placed
            .iter()
            .map(|a| {
                let ticks = if dim == Dim::X { &a.xticks } else { &a.yticks };
                axis::label_reach(a.spec, ticks, dim, a.y_right, units)
            })
            .collect()
    };
    let xlabel = over_groups(&specs, |a| a.align.xlabel, &reach(Dim::X), f64::max);
    let ylabel = over_groups(&specs, |a| a.align.ylabel, &reach(Dim::Y), f64::max);
    let tops: Vec<f64> = placed
        .iter()
        .map(|a| a.frame.y0 - title_lift(a, units))
        .collect();
    let title = over_groups(&specs, |a| a.align.title, &tops, f64::min);
    for (i, axes) in placed.iter_mut().enumerate() {
        axes.aligned = Aligned {
            xlabel_reach: xlabel[i],
            ylabel_reach: ylabel[i],
            title_base: title[i],
        };
    }
}

/// How much further out (left, right, top, bottom, in pixels) each axes'
/// aligned labels and titles stand than its own would, for the layout to
/// make room: `ticks` are each axes' x and y ticks and box height as laid out.
pub fn extra_room(
    axes: &[Axes],
    ticks: &[(&TickSet, &TickSet, f64)],
    units: Units,
) -> Vec<[f64; 4]> {
    let specs: Vec<&Axes> = axes.iter().collect();
    let reach = |dim: Dim| -> Vec<f64> {
        axes.iter()
            .zip(ticks)
            .map(|(a, (x, y, _))| {
                let ticks = if dim == Dim::X { x } else { y };
                axis::label_reach(a, ticks, dim, a.y_on_right(), units)
            })
            .collect()
    };
    let lifts: Vec<f64> = axes
        .iter()
        .zip(ticks)
        .map(|(a, (x, _, height))| {
            if a.polar.is_none() && axis::title_lifted(a) {
                axis::top_room(a, x, units, *height)
            } else {
                0.0
            }
        })
        .collect();
    let (x_reach, y_reach) = (reach(Dim::X), reach(Dim::Y));
    let x = over_groups(&specs, |a| a.align.xlabel, &x_reach, f64::max);
    let y = over_groups(&specs, |a| a.align.ylabel, &y_reach, f64::max);
    let title = over_groups(&specs, |a| a.align.title, &lifts, f64::max);
    axes.iter()
        .enumerate()
        .map(|(i, a)| {
            let mut room = [0.0; 4];
            // A label placed by set_label_coords does not line up.
            if let (Some(_), None, Some(r)) = (&a.xlabel, a.xlabel_coords, x[i]) {
                room[if a.xlabel_top { 2 } else { 3 }] += r - x_reach[i];
            }
            if let (Some(_), None, Some(r)) = (&a.ylabel, a.ylabel_coords, y[i]) {
                // A twin's or colorbar's label on its near (right) side is
                // asked as "left", as the layout asks their tick labels' room.
                room[usize::from(!a.y_on_right() && a.ylabel_right)] += r - y_reach[i];
            }
            if let (true, Some(lift)) = (a.titles().next().is_some(), title[i]) {
                room[2] += lift - lifts[i];
            }
            room
        })
        .collect()
}

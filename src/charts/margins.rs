//! The room one axes needs around its box for its tick labels, axis labels
//! and titles (its spines standing outside the box pushing them further out).

use super::axis;
use super::geometry::{Point, Rect};
use super::paint::Units;
use super::placed::{text_block, tick_label_blocks};
use super::polar_view;
use super::scale::{AxisMap, text_anchor};
use super::spec::{Artist, Axes, RotationMode, Text, TextBox};
use super::spines::{self, Side};
use super::text::Placement;
use super::ticks::TickSet;

/// Room one axes needs around its box, in pixels.
#[derive(Debug, Default, Clone, Copy)]
pub struct Margins {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

/// Room for the tick labels, axis labels and title of one axes in `cell`
/// (its axes' spines standing outside the box push them further out).
pub fn margins(
    axes: &Axes,
    cell: &Rect,
    xticks: &TickSet,
    yticks: &TickSet,
    units: Units,
) -> Margins {
    if axes.polar.is_some() {
        let room = if axes.axis_off {
            0.0
        } else {
            polar_view::label_room(axes, xticks, units)
        };
        let text = |t: &Option<Text>| t.as_ref().map(|t| text_block(t, units).height());
        // The title stands at 1.05 of the (square) box.
        let lift = 0.05 * cell.width().min(cell.height());
        let title =
            title_height(axes, units).map_or(0.0, |h| title_room(axes, h, lift, cell, units));
        let xlabel = text(&axes.xlabel).map_or(0.0, |h| h + units.px(axes.xlabelpad));
        let ylabel = text(&axes.ylabel).map_or(0.0, |h| h + units.px(axes.ylabelpad));
        return Margins {
            left: room.max(ylabel),
            right: room,
            top: room + title,
            bottom: room + xlabel,
        };
    }
    if axes.axis_off {
        let title =
            title_height(axes, units).map_or(0.0, |h| title_room(axes, h, 0.0, cell, units));
        return Margins {
            top: title,
            ..Margins::default()
        };
    }
    let rotated = axis::rotated;
    let x_labels = tick_label_blocks(xticks, axes, units, axes.hide_xticklabels);
    let y_labels = tick_label_blocks(yticks, axes, units, axes.hide_yticklabels);
    let x_label_height = x_labels
        .iter()
        .map(|b| rotated(b, axes.xtick_rotation).1)
        .fold(0.0, f64::max);
    let y_label_width = y_labels
        .iter()
        .map(|b| rotated(b, axes.ytick_rotation).0)
        .fold(0.0, f64::max);
    // A label beyond the tick labels; one placed by set_label_coords instead
    // reaches as far out as it stands (`coords_room`).
    let label = |text: &Option<Text>, pad: f64, bbox: &Option<TextBox>, at: Option<[f64; 2]>| match (
        text, at,
    ) {
        (Some(t), None) => axis::label_depth(t, bbox.as_ref(), units) + units.px(pad),
        _ => 0.0,
    };
    let coords_room = |text: &Option<Text>, bbox: &Option<TextBox>, out: f64, across: f64| {
        text.as_ref().map_or(0.0, |t| {
            -out * across + axis::label_depth(t, bbox.as_ref(), units)
        })
    };
    let offset_height = |set: &TickSet, hidden: bool| {
        set.offset_text
            .as_ref()
            .filter(|_| !hidden)
            .map_or(0.0, |_| units.px(axes.tick_fontsize) * 1.4)
    };
    let title = title_height(axes, units).map_or(0.0, |h| title_room(axes, h, 0.0, cell, units));
    // The y axis stands on the right spine of twinx axes and colorbars; the
    // room is asked as "left" all the same (their parents give it on the right).
    let y_spine = if axes.y_on_right() {
        (&axes.spines.right, Side::Right)
    } else {
        (&axes.spines.left, Side::Left)
    };
    Margins {
        left: (y_label_width
            + axes.ytick_style.label_distance(|pt| units.px(pt))
            + label(
                &axes.ylabel,
                axes.ylabelpad,
                &axes.ylabel_bbox,
                axes.ylabel_coords,
            )
            + spines::overhang(y_spine.0, y_spine.1, cell.width(), units))
        .max(axes.ylabel_coords.map_or(0.0, |[x, _]| {
            coords_room(&axes.ylabel, &axes.ylabel_bbox, x, cell.width())
        })),
        right: if axes.y_on_right() {
            0.0
        } else {
            axis::right_room(axes, yticks, units, cell.width())
        },
        top: top_room(axes, xticks, title, units, cell.height())
            .max(offset_height(yticks, axes.hide_yticklabels)),
        bottom: (x_label_height
            + axes.xtick_style.label_distance(|pt| units.px(pt))
            + label(
                &axes.xlabel,
                axes.xlabelpad,
                &axes.xlabel_bbox,
                axes.xlabel_coords,
            )
            + offset_height(xticks, axes.hide_xticklabels)
            + spines::overhang(&axes.spines.bottom, Side::Bottom, cell.height(), units))
        .max(axes.xlabel_coords.map_or(0.0, |[_, y]| {
            coords_room(&axes.xlabel, &axes.xlabel_bbox, y, cell.height())
        })),
    }
}

/// The height of the tallest title (centre, left, right), if any.
fn title_height(axes: &Axes, units: Units) -> Option<f64> {
    axes.titles()
        .map(|(t, _)| text_block(t, units).height())
        .reduce(f64::max)
}

/// Room above the box for a title `height` pixels tall: its pad and, with
/// `title_y`, the distance above the box's top (`cell` standing in for the
/// box); else `lift` (a polar title's).
fn title_room(axes: &Axes, height: f64, lift: f64, cell: &Rect, units: Units) -> f64 {
    let above = axes.title_y.map_or(lift, |y| (y - 1.0) * cell.height());
    (height + units.px(axes.title_pad) + above).max(0.0)
}

/// Room above an axes for its title and its x axis' top decorations: the
/// title stands above those when matplotlib lifts it, else they overlap.
fn top_room(axes: &Axes, xticks: &TickSet, title: f64, units: Units, height: f64) -> f64 {
    if axes.twin_of.is_some() {
        return title;
    }
    let x_top = axis::top_room(axes, xticks, units, height);
    if axis::title_lifted(axes) && axes.title_y.is_none() {
        title + x_top
    } else {
        title.max(x_top)
    }
}

/// `margins` widened to hold the axes' texts that stand outside its box
/// (panel labels such as "a)" above a corner), as matplotlib's tight and
/// constrained layouts count every text; `x` and `y` map the axes' data to
/// fractions of its box (y down), whose size `cell` stands in for. A text
/// takes at most half the cell.
pub fn with_texts(
    margins: Margins,
    axes: &Axes,
    cell: &Rect,
    (x, y): (&AxisMap, &AxisMap),
    units: Units,
) -> Margins {
    if axes.polar.is_some() {
        return margins;
    }
    let (width, height) = (cell.width(), cell.height());
    let mut room = margins;
    for artist in &axes.artists {
        let Artist::Text {
            x: tx,
            y: ty,
            coords,
            text,
            ha,
            va,
            rotation,
            wrap: false,
            rotation_mode,
            ..
        } = artist
        else {
            continue;
        };
        let Some((fx, fy)) = text_anchor(*coords, *tx, *ty, x, y) else {
            continue;
        };
        let anchor = Point::new(fx * width, fy * height);
        let placement = Placement::new(anchor, *ha, *va)
            .rotated(*rotation)
            .anchored(*rotation_mode == RotationMode::Anchor);
        let bounds = text_block(text, units).bounds(&placement);
        let beyond = |need: f64, side: f64| need.clamp(0.0, side / 2.0);
        room.left = room.left.max(beyond(-bounds.x0, width));
        room.right = room.right.max(beyond(bounds.x1 - width, width));
        room.top = room.top.max(beyond(-bounds.y0, height));
        room.bottom = room.bottom.max(beyond(bounds.y1 - height, height));
    }
    room
}

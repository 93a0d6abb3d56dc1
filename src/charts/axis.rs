//! Drawing one axis (matplotlib's `XAxis`, `YAxis`): tick lines on its near
//! spine (bottom, left) and far one (top, right), tick labels on either, the
//! offset text and the axis label; and the room the far side takes.

use super::geometry::Point;
use super::paint::Units;
use super::placed::{self, PlacedAxes};
use super::scale::Dim;
use super::spec::{
    Axes, HAlign, RotationMode, Text, TextBox, TickMarks, TickStyle, VAlign, Weight,
};
use super::spines::{self, Side};
use super::surface::Surface;
use super::text::{Placement, TextBlock};
use super::textbox;
use super::ticks::TickSet;

/// The x axis: ticks at the bottom and/or top, its label below or above.
pub fn draw_x(axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    let spec = axes.spec;
    let style = &spec.xtick_style;
    let mut reach = [0.0; 2];
    for (i, side) in [Side::Bottom, Side::Top].into_iter().enumerate() {
        reach[i] = draw_side(axes, Dim::X, side, i == 1, units, surface).unwrap_or(0.0);
    }
    let frame = axes.frame;
    let far = usize::from(style.offset_far);
    let offset_side = [Side::Bottom, Side::Top][far];
    let mut offset_reach = 0.0;
    if let Some(offset) = &axes.xticks.offset_text
        && (if style.offset_far {
            style.label_far
        } else {
            !spec.hide_xticklabels
        })
        && let Some(base) = spines::across(axes, offset_side, units)
    {
        let (out, valign) = outward(offset_side);
        let block = TextBlock::new(offset, units.px(spec.tick_fontsize), Weight::Normal);
        let anchor = Point::new(frame.x1, base + out * (reach[far] + units.px(2.0)));
        surface.text(
            block,
            Placement::new(anchor, HAlign::Right, valign),
            style.labelcolor,
        );
        offset_reach = units.px(spec.tick_fontsize) * 1.4;
    }
    if let Some(label) = &spec.xlabel {
        let i = usize::from(spec.xlabel_top);
        let side = [Side::Bottom, Side::Top][i];
        let Some(base) = spines::across(axes, side, units) else {
            return;
        };
        let (out, valign) = outward(side);
        // Below, the label clears the offset text too (above, matplotlib
        // places it by the tick labels only).
        let beyond = if i == 0 && far == 0 {
            offset_reach
        } else {
            0.0
        };
        let (x, ha) = match spec.xlabel_loc {
            Some(HAlign::Left) => (frame.x0, HAlign::Left),
            Some(HAlign::Right) => (frame.x1, HAlign::Right),
            _ => ((frame.x0 + frame.x1) / 2.0, HAlign::Center),
        };
        let clear = axes.aligned.xlabel_reach.unwrap_or(reach[i] + beyond);
        let placement = match spec.xlabel_coords {
            Some(at) => Placement::new(axes_point(axes, at), HAlign::Center, valign),
            None => {
                let anchor = Point::new(x, base + out * (clear + units.px(spec.xlabelpad)));
                Placement::new(anchor, ha, valign)
            }
        };
        draw_label(label, placement, spec.xlabel_bbox.as_ref(), units, surface);
    }
}

/// Pixels an axis label takes across its axis: its height and the padding
/// of its box beyond it.
pub fn label_depth(text: &Text, bbox: Option<&TextBox>, units: Units) -> f64 {
    let block = placed::text_block(text, units);
    block.height() + bbox.map_or(0.0, |b| b.pad * block.size_px())
}

/// The pixel of a point in axes fractions.
fn axes_point(axes: &PlacedAxes<'_>, [x, y]: [f64; 2]) -> Point {
    let frame = axes.frame;
    Point::new(frame.x0 + x * frame.width(), frame.y1 - y * frame.height())
}

/// An axis label at `placement`, on its box if it has one.
fn draw_label(
    label: &Text,
    placement: Placement,
    bbox: Option<&TextBox>,
    units: Units,
    surface: &mut impl Surface,
) {
    let block = placed::text_block(label, units);
    if let Some(bbox) = bbox {
        textbox::draw_box(&block, &placement, bbox, units, surface);
    }
    surface.text(block, placement, label.color);
}

/// The y axis: ticks on the left and/or right (a twinx axes' and a
/// colorbar's near side is the right), its label beside them.
pub fn draw_y(axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    let spec = axes.spec;
    let style = &spec.ytick_style;
    let sides = if axes.y_right {
        [Side::Right, Side::Left]
    } else {
        [Side::Left, Side::Right]
    };
    let mut reach = [0.0; 2];
    for (i, side) in sides.into_iter().enumerate() {
        reach[i] = draw_side(axes, Dim::Y, side, i == 1, units, surface).unwrap_or(0.0);
    }
    let frame = axes.frame;
    let offset_side = sides[usize::from(style.offset_far)];
    if let Some(offset) = &axes.yticks.offset_text
        && (if style.offset_far {
            style.label_far
        } else {
            !spec.hide_yticklabels
        })
        && let Some(x) = spines::across(axes, offset_side, units)
    {
        let block = TextBlock::new(offset, units.px(spec.tick_fontsize), Weight::Normal);
        let anchor = Point::new(x, frame.y0 - units.px(2.0));
        let ha = if offset_side == Side::Left {
            HAlign::Left
        } else {
            HAlign::Right
        };
        surface.text(
            block,
            Placement::new(anchor, ha, VAlign::Bottom),
            style.labelcolor,
        );
    }
    if let Some(label) = &spec.ylabel {
        // A twinx axes' and a right colorbar's label stands on their near
        // (right) side, as matplotlib moves it there.
        let i = usize::from(!axes.y_right && spec.ylabel_right);
        let Some(base) = spines::across(axes, sides[i], units) else {
            return;
        };
        let (out, _) = outward(sides[i]);
        let ha = if sides[i] == Side::Left {
            HAlign::Right
        } else {
            HAlign::Left
        };
        // Along the axis: centred, or from its top or bottom end.
        let (y, va) = match spec.ylabel_loc {
            Some(VAlign::Top) => (frame.y0, VAlign::Top),
            Some(VAlign::Bottom) => (frame.y1, VAlign::Bottom),
            _ => ((frame.y0 + frame.y1) / 2.0, VAlign::Center),
        };
        let clear = axes.aligned.ylabel_reach.unwrap_or(reach[i]);
        let placement = match spec.ylabel_coords {
            Some(at) => Placement::new(axes_point(axes, at), ha, VAlign::Center),
            None => Placement::new(
                Point::new(base + out * (clear + units.px(spec.ylabelpad)), y),
                ha,
                va,
            ),
        };
        draw_label(
            label,
            placement.rotated(90.0),
            spec.ylabel_bbox.as_ref(),
            units,
            surface,
        );
    }
}

/// Pixels outwards (+1 or -1 along y for bottom and top, along x for left and
/// right) and how a text beyond that side aligns its near edge.
fn outward(side: Side) -> (f64, VAlign) {
    match side {
        Side::Bottom => (1.0, VAlign::Top),
        Side::Top => (-1.0, VAlign::Bottom),
        Side::Left => (-1.0, VAlign::Center),
        Side::Right => (1.0, VAlign::Center),
    }
}

/// Draws one side's tick lines and labels; returns how far from its spine
/// its tick labels reach (the tick pad when it has none), `None` when that
/// spine has no place.
fn draw_side(
    axes: &PlacedAxes<'_>,
    dim: Dim,
    side: Side,
    far: bool,
    units: Units,
    surface: &mut impl Surface,
) -> Option<f64> {
    let spec = axes.spec;
    let (style, ticks, hidden, rotation, align, map) = match dim {
        Dim::X => (
            &spec.xtick_style,
            &axes.xticks,
            spec.hide_xticklabels,
            spec.xtick_rotation,
            spec.xtick_align,
            &axes.x,
        ),
        Dim::Y => (
            &spec.ytick_style,
            &axes.yticks,
            spec.hide_yticklabels,
            spec.ytick_rotation,
            spec.ytick_align,
            &axes.y,
        ),
    };
    let at = spines::across(axes, side, units)?;
    let (out, valign) = outward(side);
    let point = |along: f64, off: f64| match dim {
        Dim::X => Point::new(along, at + out * off),
        Dim::Y => Point::new(at + out * off, along),
    };
    let shown = |marks: &TickMarks| if far { marks.far } else { marks.visible };
    let mark = |marks: &TickMarks, along: f64, surface: &mut _| {
        if shown(marks) {
            tick_mark(marks, style, units, surface, |(a, b)| {
                [point(along, a), point(along, b)]
            });
        }
    };
    for &pos in &ticks.minor {
        if let Some(along) = map.pixel(pos) {
            mark(&style.minor, along, surface);
        }
    }
    let labels = if far { style.label_far } else { !hidden };
    let blocks = placed::tick_label_blocks(ticks, spec, units, !labels);
    let distance = style.label_distance(|pt| units.px(pt));
    let ha = align.ha.unwrap_or(match side {
        Side::Left => HAlign::Right,
        Side::Right => HAlign::Left,
        _ => HAlign::Center,
    });
    let anchored = align.rotation_mode == RotationMode::Anchor;
    let mut deepest: f64 = 0.0;
    for (tick, block) in ticks.major.iter().zip(blocks) {
        let Some(along) = map.pixel(tick.pos) else {
            continue;
        };
        let marks = if ticks.labelled_minor.contains(&tick.pos) {
            &style.minor
        } else {
            &style.major
        };
        mark(marks, along, surface);
        if !labels {
            continue;
        }
        let placement = Placement::new(point(along, distance), ha, valign)
            .rotated(rotation)
            .anchored(anchored);
        let bounds = block.bounds(&placement);
        deepest = deepest.max(match dim {
            Dim::X => bounds.height(),
            Dim::Y => bounds.width(),
        });
        surface.text(block, placement, style.labelcolor);
    }
    Some(distance + deepest)
}

/// Pixels from its spine that an axis label clears on its side, as
/// [`draw_x`] and [`draw_y`] place it: the tick distance, the deepest tick
/// label there and, below the x axis, its offset text.
pub fn label_reach(axes: &Axes, ticks: &TickSet, dim: Dim, y_right: bool, units: Units) -> f64 {
    let (style, hidden, rotation, far) = match dim {
        Dim::X => (
            &axes.xtick_style,
            axes.hide_xticklabels,
            axes.xtick_rotation,
            axes.xlabel_top,
        ),
        Dim::Y => (
            &axes.ytick_style,
            axes.hide_yticklabels,
            axes.ytick_rotation,
            !y_right && axes.ylabel_right,
        ),
    };
    let shown = if far { style.label_far } else { !hidden };
    let deepest = if shown {
        placed::tick_label_blocks(ticks, axes, units, false)
            .iter()
            .map(|b| {
                let (width, height) = rotated(b, rotation);
                if dim == Dim::X { height } else { width }
            })
            .fold(0.0, f64::max)
    } else {
        0.0
    };
    let offset_below =
        dim == Dim::X && !far && !style.offset_far && !hidden && ticks.offset_text.is_some();
    let beyond = if offset_below {
        units.px(axes.tick_fontsize) * 1.4
    } else {
        0.0
    };
    style.label_distance(|pt| units.px(pt)) + deepest + beyond
}

/// Strokes one tick of `marks`; `line` gives its ends for a span in pixels
/// outwards from the spine.
fn tick_mark(
    marks: &TickMarks,
    style: &TickStyle,
    units: Units,
    surface: &mut impl Surface,
    line: impl Fn((f64, f64)) -> [Point; 2],
) {
    if marks.length <= 0.0 {
        return;
    }
    let (a, b) = style.direction.span();
    let length = units.px(marks.length);
    surface.stroke(
        &line((a * length, b * length)),
        marks.color,
        units.px(marks.width),
    );
}

/// Whether matplotlib lifts the title above the x axis' top decorations: its
/// ticks' position is neither "bottom" nor "default" (major ticks and labels
/// at the bottom, no labels on top), or its label stands on top.
pub fn title_lifted(axes: &Axes) -> bool {
    let style = &axes.xtick_style;
    let at_bottom = style.major.visible && !axes.hide_xticklabels && !style.label_far;
    axes.xlabel_top || !at_bottom
}

/// Pixels above the axes box taken by the x axis' tick labels, offset text
/// and label on top (0 when nothing of the x axis stands there).
pub fn top_room(axes: &Axes, xticks: &TickSet, units: Units, height: f64) -> f64 {
    let style = &axes.xtick_style;
    let blocks = placed::tick_label_blocks(xticks, axes, units, !style.label_far);
    let labels = if style.label_far {
        style.label_distance(|pt| units.px(pt))
            + blocks
                .iter()
                .map(|b| rotated(b, axes.xtick_rotation).1)
                .fold(0.0, f64::max)
    } else {
        0.0
    };
    let offset = if style.offset_far && style.label_far && xticks.offset_text.is_some() {
        units.px(axes.tick_fontsize) * 1.4
    } else {
        0.0
    };
    let label = match &axes.xlabel {
        Some(text) if axes.xlabel_top => {
            label_depth(text, axes.xlabel_bbox.as_ref(), units) + units.px(axes.xlabelpad)
        }
        _ => 0.0,
    };
    let room = labels.max(offset) + label;
    if room > 0.0 {
        room + spines::overhang(&axes.spines.top, Side::Top, height, units)
    } else {
        0.0
    }
}

/// Pixels right of the axes box taken by the y axis' far tick labels and its
/// label there (for axes whose y axis stands on the left).
pub fn right_room(axes: &Axes, yticks: &TickSet, units: Units, width: f64) -> f64 {
    let style = &axes.ytick_style;
    let blocks = placed::tick_label_blocks(yticks, axes, units, !style.label_far);
    let labels = if style.label_far {
        style.label_distance(|pt| units.px(pt))
            + blocks
                .iter()
                .map(|b| rotated(b, axes.ytick_rotation).0)
                .fold(0.0, f64::max)
    } else {
        0.0
    };
    let label = match &axes.ylabel {
        Some(text) if axes.ylabel_right => {
            label_depth(text, axes.ylabel_bbox.as_ref(), units) + units.px(axes.ylabelpad)
        }
        _ => 0.0,
    };
    let room = labels + label;
    if room > 0.0 {
        room + spines::overhang(&axes.spines.right, Side::Right, width, units)
    } else {
        0.0
    }
}

/// The width and height of `block` turned by `rotation` degrees.
pub fn rotated(block: &TextBlock, rotation: f64) -> (f64, f64) {
    let (sin, cos) = rotation.to_radians().sin_cos();
    (
        block.width() * cos.abs() + block.height() * sin.abs(),
        block.width() * sin.abs() + block.height() * cos.abs(),
    )
}

//! Draws a laid-out figure: per axes the background, grid, artists (in
//! matplotlib's z-order), frame, ticks, labels, title and legend; then the
//! figure's suptitle.

use super::artists;
use super::color::Rgba;
use super::geometry::Point;
use super::layout::{self, LABEL_PAD, Layout, PlacedAxes, TITLE_PAD};
use super::legend;
use super::paint::{Units, stroke_line};
use super::spec::{Artist, GridAxis, HAlign, TickMarks, TickStyle, VAlign, Weight};
use super::spines::{self, Side};
use super::surface::Surface;
use super::text::{Placement, TextBlock};

/// Draws the whole figure on `surface` (whose background is already painted).
pub fn draw_figure(layout: &Layout<'_>, surface: &mut impl Surface) {
    let units = layout.units;
    for axes in &layout.axes {
        draw_axes(axes, &layout.axes, layout.figure.facecolor, units, surface);
    }
    if let Some(title) = &layout.figure.suptitle {
        let block = layout::text_block(title, units);
        let anchor = Point::new(f64::from(layout.width) / 2.0, units.px(10.8) / 2.0);
        surface.text(
            block,
            Placement::new(anchor, HAlign::Center, VAlign::Top),
            title.color,
        );
    }
    for text in &layout.figure.texts {
        let anchor = Point::new(
            text.x * f64::from(layout.width),
            (1.0 - text.y) * f64::from(layout.height),
        );
        let placement = Placement::new(anchor, text.ha, text.va).rotated(text.rotation);
        surface.text(
            layout::text_block(&text.text, units),
            placement,
            text.text.color,
        );
    }
}

fn draw_axes<'a>(
    axes: &PlacedAxes<'a>,
    figure_axes: &[PlacedAxes<'a>],
    background: Rgba,
    units: Units,
    surface: &mut impl Surface,
) {
    let spec = axes.spec;
    let frame = axes.frame;
    if !spec.axis_off && !axes.twin && spec.facecolor != background {
        surface.fill_rect(&frame, spec.facecolor);
    }
    // matplotlib's z-order: images (0), patches (1), grid (1.5), lines (2),
    // text (3), or the artists' own; equal ones in the order they were added.
    let order = |i: usize| {
        spec.zorders
            .as_ref()
            .map_or(f64::from(zorder(&spec.artists[i])), |z| z[i])
    };
    let mut indices: Vec<usize> = (0..spec.artists.len()).collect();
    indices.sort_by(|&a, &b| order(a).total_cmp(&order(b)));
    let below_grid = indices.partition_point(|&i| order(i) < spec.grid_zorder);
    for &i in &indices[..below_grid] {
        artists::draw(&spec.artists[i], axes, units, surface);
    }
    if !spec.axis_off {
        draw_grid(axes, units, surface);
    }
    for &i in &indices[below_grid..] {
        artists::draw(&spec.artists[i], axes, units, surface);
    }
    if !spec.axis_off {
        draw_frame(axes, units, surface);
    }
    if let Some(title) = &spec.title {
        let anchor = Point::new((frame.x0 + frame.x1) / 2.0, frame.y0 - units.px(TITLE_PAD));
        let block = layout::text_block(title, units);
        surface.text(
            block,
            Placement::new(anchor, HAlign::Center, VAlign::Bottom),
            title.color,
        );
    }
    if let Some(legend) = &spec.legend {
        legend::draw(legend, axes, figure_axes, units, surface);
    }
}

fn zorder(artist: &Artist) -> u8 {
    match artist {
        Artist::Bar { .. }
        | Artist::Hist { .. }
        | Artist::Fill { .. }
        | Artist::Pie { .. }
        | Artist::Patch { .. }
        | Artist::Scatter { .. } => 1,
        Artist::Image { .. } => 0,
        Artist::Line { .. } | Artist::Axline { .. } => 2,
        Artist::Text { .. } | Artist::Annotation { .. } => 3,
    }
}

fn draw_grid(axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    let Some(grid) = &axes.spec.grid else {
        return;
    };
    let frame = axes.frame;
    let width = units.px(grid.linewidth);
    if matches!(grid.axis, GridAxis::Both | GridAxis::X) && !axes.twin {
        for tick in &axes.xticks.major {
            if let Some(x) = axes.x.pixel(tick.pos) {
                let line = [Point::new(x, frame.y0), Point::new(x, frame.y1)];
                stroke_line(surface, &line, None, grid.color, width, &grid.linestyle);
            }
        }
    }
    if matches!(grid.axis, GridAxis::Both | GridAxis::Y) {
        for tick in &axes.yticks.major {
            if let Some(y) = axes.y.pixel(tick.pos) {
                let line = [Point::new(frame.x0, y), Point::new(frame.x1, y)];
                stroke_line(surface, &line, None, grid.color, width, &grid.linestyle);
            }
        }
    }
}

/// Spines, ticks, tick labels, offset texts and axis labels.
fn draw_frame(axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    let spec = axes.spec;
    let frame = axes.frame;
    let style = &spec.ytick_style;
    spines::draw(axes, units, surface);
    if !axes.twin {
        draw_x_axis(axes, units, surface);
    }
    // y axis: on the left spine, or on the right one for a twinx axes and a
    // colorbar.
    let (side, direction, ha) = if axes.y_right {
        (Side::Right, 1.0, HAlign::Left)
    } else {
        (Side::Left, -1.0, HAlign::Right)
    };
    let Some(side_x) = spines::across(axes, side, units) else {
        return;
    };
    let across = |(a, b): (f64, f64), y: f64| {
        [
            Point::new(side_x + direction * a, y),
            Point::new(side_x + direction * b, y),
        ]
    };
    for &pos in &axes.yticks.minor {
        if let Some(y) = axes.y.pixel(pos) {
            tick_mark(&style.minor, style, units, surface, |span| across(span, y));
        }
    }
    let blocks = layout::tick_label_blocks(&axes.yticks, spec, units, spec.hide_yticklabels);
    let distance = style.label_distance(|pt| units.px(pt));
    let mut widest: f64 = 0.0;
    for (tick, block) in axes.yticks.major.iter().zip(blocks) {
        let Some(y) = axes.y.pixel(tick.pos) else {
            continue;
        };
        tick_mark(&style.major, style, units, surface, |span| across(span, y));
        let anchor = Point::new(side_x + direction * distance, y);
        let placement = Placement::new(anchor, ha, VAlign::Center).rotated(spec.ytick_rotation);
        widest = widest.max(block.bounds(&placement).width());
        surface.text(block, placement, style.labelcolor);
    }
    if let Some(offset) = &axes.yticks.offset_text
        && !spec.hide_yticklabels
    {
        let block = TextBlock::new(offset, units.px(spec.tick_fontsize), Weight::Normal);
        let anchor = Point::new(side_x, frame.y0 - units.px(2.0));
        surface.text(
            block,
            Placement::new(anchor, ha.flip(), VAlign::Bottom),
            style.labelcolor,
        );
    }
    if let Some(label) = &spec.ylabel {
        let x = side_x + direction * (distance + widest + units.px(LABEL_PAD));
        let anchor = Point::new(x, (frame.y0 + frame.y1) / 2.0);
        let block = layout::text_block(label, units);
        let placement = Placement::new(anchor, ha, VAlign::Center).rotated(90.0);
        surface.text(block, placement, label.color);
    }
}

/// Strokes one tick of `marks` (if shown); `line` gives its ends for a span
/// in pixels outwards from the spine.
fn tick_mark(
    marks: &TickMarks,
    style: &TickStyle,
    units: Units,
    surface: &mut impl Surface,
    line: impl Fn((f64, f64)) -> [Point; 2],
) {
    if !marks.visible || marks.length <= 0.0 {
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

fn draw_x_axis(axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    let spec = axes.spec;
    let frame = axes.frame;
    let style = &spec.xtick_style;
    let Some(base) = spines::across(axes, Side::Bottom, units) else {
        return;
    };
    let across = |(a, b): (f64, f64), x: f64| [Point::new(x, base + a), Point::new(x, base + b)];
    for &pos in &axes.xticks.minor {
        if let Some(x) = axes.x.pixel(pos) {
            tick_mark(&style.minor, style, units, surface, |span| across(span, x));
        }
    }
    let rotation = spec.xtick_rotation;
    // Rotated labels hang from their end, as with matplotlib's ha="right".
    let ha = if rotation.rem_euclid(180.0) == 0.0 || rotation.rem_euclid(180.0) == 90.0 {
        HAlign::Center
    } else if rotation.rem_euclid(180.0) < 90.0 {
        HAlign::Right
    } else {
        HAlign::Left
    };
    let blocks = layout::tick_label_blocks(&axes.xticks, spec, units, spec.hide_xticklabels);
    let distance = style.label_distance(|pt| units.px(pt));
    let mut tallest: f64 = 0.0;
    for (tick, block) in axes.xticks.major.iter().zip(blocks) {
        let Some(x) = axes.x.pixel(tick.pos) else {
            continue;
        };
        tick_mark(&style.major, style, units, surface, |span| across(span, x));
        let anchor = Point::new(x, base + distance);
        let placement = Placement::new(anchor, ha, VAlign::Top).rotated(rotation);
        tallest = tallest.max(block.bounds(&placement).height());
        surface.text(block, placement, style.labelcolor);
    }
    let mut below = base + distance + tallest;
    if let Some(offset) = &axes.xticks.offset_text
        && !spec.hide_xticklabels
    {
        let block = TextBlock::new(offset, units.px(spec.tick_fontsize), Weight::Normal);
        let anchor = Point::new(frame.x1, below + units.px(2.0));
        let placement = Placement::new(anchor, HAlign::Right, VAlign::Top);
        surface.text(block, placement, style.labelcolor);
        below += units.px(spec.tick_fontsize) * 1.4;
    }
    if let Some(label) = &spec.xlabel {
        below += units.px(LABEL_PAD);
        let anchor = Point::new((frame.x0 + frame.x1) / 2.0, below);
        let block = layout::text_block(label, units);
        surface.text(
            block,
            Placement::new(anchor, HAlign::Center, VAlign::Top),
            label.color,
        );
    }
}

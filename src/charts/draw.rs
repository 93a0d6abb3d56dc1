//! Draws a laid-out figure: per axes the background, grid, artists (in
//! matplotlib's z-order), frame, ticks, labels, title and legend; then the
//! figure's suptitle; then each panel (`SubFigure`) with its axes.

use super::annotation;
use super::artists;
use super::axis;
use super::color::Rgba;
use super::figure_legend;
use super::geometry::Point;
use super::label_align;
use super::layout::Layout;
use super::legend;
use super::paint::{Units, stroke_line};
use super::panels;
use super::placed::{self, PlacedAxes};
use super::polar;
use super::spec::{Artist, Grid, GridAxis, HAlign, VAlign};
use super::spines;
use super::surface::{RasterImage, Surface};
use super::text::Placement;
use super::textbox;
use super::ticks::TickSet;

/// Draws the whole figure on `surface` (whose background is already painted).
pub fn draw_figure(layout: &Layout<'_>, surface: &mut impl Surface) {
    let units = layout.units;
    for image in &layout.figure.images {
        // Its own pixels: row 0 at the top, the lower left corner at (xo, yo) from the figure's.
        let rows = i64::try_from(image.rows).unwrap_or(i64::MAX);
        surface.image(RasterImage {
            left: image.xo,
            top: i64::from(layout.height) - image.yo - rows,
            width: image.cols,
            pixels: image.pixels.clone(),
        });
    }
    let in_panel = |axes: &&PlacedAxes<'_>, panel: Option<usize>| axes.spec.panel == panel;
    for axes in layout.axes.iter().filter(|a| in_panel(a, None)) {
        draw_axes(axes, &layout.axes, layout.figure.facecolor, units, surface);
    }
    let size = (f64::from(layout.width), f64::from(layout.height));
    figure_legend::draw(
        (layout.figure, None),
        &layout.legend_frames,
        units,
        size,
        surface,
    );
    if let Some(title) = &layout.figure.suptitle {
        let block = placed::text_block(title, units);
        let x = layout.figure.suptitle_x * f64::from(layout.width);
        let anchor = Point::new(x, units.px(10.8) / 2.0);
        let placement = Placement::new(anchor, layout.figure.suptitle_ha, VAlign::Top);
        surface.text(block, placement, title.color);
    }
    for text in &layout.figure.texts {
        let anchor = Point::new(
            text.x * f64::from(layout.width),
            (1.0 - text.y) * f64::from(layout.height),
        );
        let placement = Placement::new(anchor, text.ha, text.va).rotated(text.rotation);
        let block = placed::text_block(&text.text, units);
        if let Some(bbox) = &text.bbox {
            textbox::draw_box(&block, &placement, bbox, units, surface);
        }
        surface.text(block, placement, text.text.color);
    }
    // Then each panel over its parent, as matplotlib draws subfigures.
    for (index, panel) in layout.panels.iter().enumerate() {
        panels::draw_background(panel, surface);
        let background = panels::background(panel, layout.figure.facecolor);
        for axes in layout.axes.iter().filter(|a| in_panel(a, Some(index))) {
            draw_axes(axes, &layout.axes, background, units, surface);
        }
        panels::draw_texts(panel, units, surface);
        let frames = &panel.legend_frames;
        figure_legend::draw((layout.figure, Some(index)), frames, units, size, surface);
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
    if let Some(view) = &axes.polar {
        if !spec.axis_off {
            view.fill_background(spec.facecolor, surface);
        }
    } else if !spec.axis_off && !axes.twin && spec.facecolor != background {
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
        draw_artist(&spec.artists[i], axes, figure_axes, units, surface);
    }
    if !spec.axis_off {
        draw_grid(axes, units, surface);
    }
    for &i in &indices[below_grid..] {
        draw_artist(&spec.artists[i], axes, figure_axes, units, surface);
    }
    if !spec.axis_off {
        draw_frame(axes, units, surface);
    }
    for (title, align) in spec.titles() {
        // Above the x axis' top tick labels and label, when matplotlib lifts
        // it, and no lower than the titles it is aligned with.
        let own = frame.y0 - label_align::title_lift(axes, units);
        let height = match spec.title_y {
            Some(y) => frame.y1 - y * frame.height(),
            None => axes.aligned.title_base.map_or(own, |base| base.min(own)),
        };
        let x = match align {
            HAlign::Left => frame.x0,
            HAlign::Center => (frame.x0 + frame.x1) / 2.0,
            HAlign::Right => frame.x1,
        };
        let anchor = Point::new(x, height - units.px(spec.title_pad));
        let block = placed::text_block(title, units);
        surface.text(
            block,
            Placement::new(anchor, align, VAlign::Bottom),
            title.color,
        );
    }
    for legend in spec.extra_legends.iter().chain(&spec.legend) {
        legend::draw(legend, axes, figure_axes, units, surface);
    }
}

fn draw_artist(
    artist: &Artist,
    axes: &PlacedAxes<'_>,
    figure_axes: &[PlacedAxes<'_>],
    units: Units,
    surface: &mut impl Surface,
) {
    if let Artist::FancyArrow { .. } = artist {
        return annotation::draw_fancy_arrow(artist, axes, figure_axes, units, surface);
    }
    match &axes.polar {
        Some(view) => polar::draw_artist(artist, axes, view, units, surface),
        None => artists::draw(artist, axes, units, surface),
    }
}

fn zorder(artist: &Artist) -> u8 {
    match artist {
        Artist::Bar { .. }
        | Artist::Hist { .. }
        | Artist::Fill { .. }
        | Artist::Pie { .. }
        | Artist::Patch { .. }
        | Artist::FancyArrow { .. }
        | Artist::Quiver(_)
        | Artist::Scatter { .. } => 1,
        Artist::Image { .. } => 0,
        Artist::Line { .. } | Artist::Axline { .. } => 2,
        Artist::Text { .. } | Artist::Annotation { .. } => 3,
    }
}

fn draw_grid(axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    if let Some(view) = &axes.polar {
        return polar::draw_grid(axes, view, units, surface);
    }
    let major = |ticks: &TickSet| ticks.gridded().map(|tick| tick.pos).collect::<Vec<_>>();
    if let Some(grid) = &axes.spec.grid {
        let lines = (major(&axes.xticks), major(&axes.yticks));
        grid_lines(axes, grid, lines, units, surface);
    }
    // matplotlib draws the minor ticks' grid lines after the major ones.
    if let Some(grid) = &axes.spec.minor_grid {
        let minor = |ticks: &TickSet| ticks.minor_positions().collect::<Vec<_>>();
        let lines = (minor(&axes.xticks), minor(&axes.yticks));
        grid_lines(axes, grid, lines, units, surface);
    }
}

/// Grid lines across the box at the x and y positions `(xs, ys)` its axis says.
fn grid_lines(
    axes: &PlacedAxes<'_>,
    grid: &Grid,
    (xs, ys): (Vec<f64>, Vec<f64>),
    units: Units,
    surface: &mut impl Surface,
) {
    let frame = axes.frame;
    let width = units.px(grid.linewidth);
    if matches!(grid.axis, GridAxis::Both | GridAxis::X) && !axes.twin {
        for x in xs.into_iter().filter_map(|pos| axes.x.pixel(pos)) {
            let line = [Point::new(x, frame.y0), Point::new(x, frame.y1)];
            stroke_line(surface, &line, None, grid.color, width, &grid.linestyle);
        }
    }
    if matches!(grid.axis, GridAxis::Both | GridAxis::Y) {
        for y in ys.into_iter().filter_map(|pos| axes.y.pixel(pos)) {
            let line = [Point::new(frame.x0, y), Point::new(frame.x1, y)];
            stroke_line(surface, &line, None, grid.color, width, &grid.linestyle);
        }
    }
}

/// Spines, ticks, tick labels, offset texts and axis labels.
fn draw_frame(axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    if let Some(view) = &axes.polar {
        return polar::draw_frame(axes, view, units, surface);
    }
    spines::draw(axes, units, surface);
    if !axes.twin {
        axis::draw_x(axes, units, surface);
    }
    axis::draw_y(axes, units, surface);
}

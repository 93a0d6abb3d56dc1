//! The legend box: one row per entry (a handle drawn like its artist, then
//! the label), placed at a named location or where it hides the least data.

use super::color::Rgba;
use super::effects;
use super::geometry::{Point, Rect};
use super::hatch;
use super::legend_frame;
use super::paint::{Pen, Units, fill_rect, line_markers, marker, stroke_line, stroke_over_gaps};
use super::placed::PlacedAxes;
use super::spec::{Anchor, Artist, Axes, HAlign, Legend, LegendLoc, Orientation, VAlign, Weight};
use super::surface::Surface;
use super::text::{Placement, TextBlock};

/// Candidate locations for `best`, in matplotlib's order of preference.
const BEST_ORDER: [LegendLoc; 9] = [
    LegendLoc::UpperRight,
    LegendLoc::UpperLeft,
    LegendLoc::LowerLeft,
    LegendLoc::LowerRight,
    LegendLoc::CenterLeft,
    LegendLoc::CenterRight,
    LegendLoc::LowerCenter,
    LegendLoc::UpperCenter,
    LegendLoc::Center,
];

struct Row<'a> {
    artist: &'a Artist,
    index: Option<usize>,
    label: TextBlock,
}

/// Draws `legend` in `axes`; `figure_axes` are all the figure's axes (an
/// entry may show an artist of another, e.g. of a twinx pair).
pub fn draw<'a>(
    legend: &'a Legend,
    axes: &PlacedAxes<'a>,
    figure_axes: &[PlacedAxes<'a>],
    units: Units,
    surface: &mut impl Surface,
) {
    let lookup = |index: Option<usize>| match index {
        Some(i) => figure_axes.get(i).map(|a| a.spec),
        None => Some(axes.spec),
    };
    let Some(boxed) = measure(legend, lookup, units) else {
        return;
    };
    let pad = legend.style.borderaxespad * boxed.size;
    let within = anchor_box(legend.anchor, &axes.frame, axes.figure_size);
    let place = |loc| place_box(loc, &within, boxed.width, boxed.height, pad);
    let bounds = match legend.loc {
        LegendLoc::Best => {
            let points = data_points(axes);
            BEST_ORDER
                .iter()
                .map(|&loc| place(loc))
                .min_by_key(|candidate| points.iter().filter(|p| candidate.contains(**p)).count())
                .expect("candidates")
        }
        loc => place(loc),
    };
    paint(legend, boxed, bounds, (units, axes.figure_size), surface);
}

/// The box a legend is placed in by its `loc`: its anchor (`bbox_to_anchor`)
/// in pixels, or `frame` (the axes' box, or a figure legend's frame).
pub fn anchor_box(anchor: Option<Anchor>, frame: &Rect, figure_size: (f64, f64)) -> Rect {
    let Some(Anchor {
        bbox: [x, y, w, h],
        figure,
    }) = anchor
    else {
        return *frame;
    };
    let within = if figure {
        Rect::new(0.0, 0.0, figure_size.0, figure_size.1)
    } else {
        *frame
    };
    let (fw, fh) = (within.width(), within.height());
    Rect::new(
        within.x0 + x * fw,
        within.y1 - (y + h) * fh,
        within.x0 + (x + w) * fw,
        within.y1 - y * fh,
    )
}

/// A legend's rows and size, before it is placed.
pub struct Measured<'a> {
    rows: Vec<Row<'a>>,
    /// The font size in pixels.
    size: f64,
    per_column: usize,
    row_height: f64,
    title: Option<TextBlock>,
    title_height: f64,
    column_widths: Vec<f64>,
    pub width: f64,
    pub height: f64,
}

/// Lays out `legend`'s rows; `lookup` gives the axes an entry's artist is
/// in (its `axes` index, or the legend's own for none). None: no rows.
pub fn measure<'a>(
    legend: &'a Legend,
    lookup: impl Fn(Option<usize>) -> Option<&'a Axes>,
    units: Units,
) -> Option<Measured<'a>> {
    let size = units.px(legend.fontsize);
    let style = &legend.style;
    let rows: Vec<Row<'_>> = legend
        .entries
        .iter()
        .filter_map(|entry| {
            let artist = match (&entry.handle, entry.artist) {
                (Some(handle), _) => handle,
                (None, Some(artist)) => lookup(entry.axes)?.artists.get(artist)?,
                (None, None) => return None,
            };
            Some(Row {
                artist,
                index: entry.index,
                label: TextBlock::new(&entry.label, size, Weight::Normal),
            })
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let columns = (legend.ncol.max(1) as usize).min(rows.len());
    let per_column = rows.len().div_ceil(columns);
    let row_height = rows
        .iter()
        .map(|row| row.label.height())
        .fold(size * 0.7, f64::max);
    let title_size = style.title_fontsize.map_or(size, |pt| units.px(pt));
    let title = legend
        .title
        .as_ref()
        .map(|t| TextBlock::new(t, title_size, Weight::Normal));
    let title_height = title
        .as_ref()
        .map_or(0.0, |t| t.height() + style.labelspacing * size);
    let column_widths: Vec<f64> = rows
        .chunks(per_column)
        .map(|chunk| {
            let label = chunk.iter().map(|r| r.label.width()).fold(0.0, f64::max);
            (style.handlelength + style.handletextpad) * size + label
        })
        .collect();
    let content_width = column_widths.iter().sum::<f64>()
        + style.columnspacing * size * (column_widths.len() - 1) as f64;
    let width =
        content_width.max(title.as_ref().map_or(0.0, |t| t.width())) + 2.0 * style.borderpad * size;
    let height = 2.0 * style.borderpad * size
        + title_height
        + per_column as f64 * row_height
        + (per_column - 1) as f64 * style.labelspacing * size;
    Some(Measured {
        rows,
        size,
        per_column,
        row_height,
        title,
        title_height,
        column_widths,
        width,
        height,
    })
}

/// Paints a measured legend in `bounds`; `figure` is the units and the
/// figure's pixel size.
pub fn paint(
    legend: &Legend,
    boxed: Measured<'_>,
    bounds: Rect,
    figure: (Units, (f64, f64)),
    surface: &mut impl Surface,
) {
    let (units, size, style) = (figure.0, boxed.size, &legend.style);
    legend_frame::paint(legend, &bounds, size, units, surface);
    let mut top = bounds.y0 + style.borderpad * size;
    if let Some(title) = boxed.title {
        let anchor = Point::new((bounds.x0 + bounds.x1) / 2.0, top);
        surface.text(
            title,
            Placement::new(anchor, HAlign::Center, VAlign::Top),
            legend.textcolor,
        );
        top += boxed.title_height;
    }
    let mut left = bounds.x0 + style.borderpad * size;
    let mut column_starts = Vec::with_capacity(boxed.column_widths.len());
    for column_width in &boxed.column_widths {
        column_starts.push(left);
        left += column_width + style.columnspacing * size;
    }
    let (per_column, row_height) = (boxed.per_column, boxed.row_height);
    for (i, row) in boxed.rows.into_iter().enumerate() {
        let left = column_starts[i / per_column];
        let middle = top
            + (i % per_column) as f64 * (row_height + style.labelspacing * size)
            + row_height / 2.0;
        let half = style.handleheight / 2.0 * size;
        let handle = Rect::new(
            left,
            middle - half,
            left + style.handlelength * size,
            middle + half,
        );
        let scale = style.markerscale;
        draw_handle(row.artist, row.index, &handle, (figure, scale), surface);
        let anchor = Point::new(
            left + (style.handlelength + style.handletextpad) * size,
            middle,
        );
        let placement = Placement::new(anchor, HAlign::Left, VAlign::Center);
        surface.text(row.label, placement, legend.textcolor);
    }
}

pub fn place_box(loc: LegendLoc, frame: &Rect, width: f64, height: f64, pad: f64) -> Rect {
    let left = frame.x0 + pad;
    let right = frame.x1 - pad - width;
    let centre_x = (frame.x0 + frame.x1 - width) / 2.0;
    let top = frame.y0 + pad;
    let bottom = frame.y1 - pad - height;
    let centre_y = (frame.y0 + frame.y1 - height) / 2.0;
    let (x, y) = match loc {
        LegendLoc::Best | LegendLoc::UpperRight => (right, top),
        LegendLoc::UpperLeft => (left, top),
        LegendLoc::LowerLeft => (left, bottom),
        LegendLoc::LowerRight => (right, bottom),
        LegendLoc::Right | LegendLoc::CenterRight => (right, centre_y),
        LegendLoc::CenterLeft => (left, centre_y),
        LegendLoc::LowerCenter => (centre_x, bottom),
        LegendLoc::UpperCenter => (centre_x, top),
        LegendLoc::Center => (centre_x, centre_y),
    };
    Rect::new(x, y, x + width, y + height)
}

/// Pixel positions of the data the legend should not hide.
fn data_points(axes: &PlacedAxes<'_>) -> Vec<Point> {
    let (xmap, ymap) = (&axes.x, &axes.y);
    let mut points = Vec::new();
    let mut add = |x: f64, y: f64| {
        if let (Some(px), Some(py)) = (xmap.pixel(x), ymap.pixel(y)) {
            points.push(Point::new(px, py));
        }
    };
    for artist in &axes.spec.artists {
        match artist {
            Artist::Line { x, y, .. } | Artist::Scatter { x, y, .. } => {
                for (px, py) in x.iter().zip(y) {
                    if let (Some(px), Some(py)) = (px, py) {
                        add(*px, *py);
                    }
                }
            }
            Artist::Fill { x, y1, y2, .. } => {
                for ((px, a), b) in x.iter().zip(y1).zip(y2) {
                    for y in [a, b] {
                        if let (Some(px), Some(py)) = (px, y) {
                            add(*px, *py);
                        }
                    }
                }
            }
            Artist::Bar {
                orientation,
                x,
                heights,
                bottoms,
                ..
            } => {
                for ((c, h), b) in x.iter().zip(heights).zip(bottoms) {
                    for t in [0.25, 0.5, 0.75, 1.0] {
                        match orientation {
                            Orientation::Vertical => add(*c, b + h * t),
                            Orientation::Horizontal => add(b + h * t, *c),
                        }
                    }
                }
            }
            Artist::Hist { edges, counts, .. } => {
                for (pair, count) in edges.windows(2).zip(counts) {
                    add((pair[0] + pair[1]) / 2.0, *count);
                    add((pair[0] + pair[1]) / 2.0, count / 2.0);
                }
            }
            _ => {}
        }
    }
    points
}

/// The little picture of an artist in front of its label.
fn draw_handle(
    artist: &Artist,
    index: Option<usize>,
    area: &Rect,
    (figure, markerscale): ((Units, (f64, f64)), f64),
    surface: &mut impl Surface,
) {
    let units = figure.0;
    let middle = Point::new((area.x0 + area.x1) / 2.0, (area.y0 + area.y1) / 2.0);
    let nth = |colors: &[Rgba]| colors[index.unwrap_or(0).min(colors.len() - 1)];
    match artist {
        Artist::Line {
            path_effects,
            gapcolor,
            ..
        } => {
            let line = [Point::new(area.x0, middle.y), Point::new(area.x1, middle.y)];
            if let Some(pen) = Pen::of_line(artist, units) {
                effects::draw(surface, &line, None, pen, path_effects, units, |s| {
                    stroke_over_gaps(s, &line, None, pen, *gapcolor);
                });
            }
            line_markers(surface, artist, &[middle], markerscale, units);
        }
        Artist::Axline {
            color,
            linewidth,
            linestyle,
            ..
        } => {
            let line = [Point::new(area.x0, middle.y), Point::new(area.x1, middle.y)];
            stroke_line(
                surface,
                &line,
                None,
                *color,
                units.px(*linewidth),
                linestyle,
            );
        }
        Artist::Bar {
            colors,
            edgecolor,
            edgecolors,
            hatches,
            ..
        } => {
            let first = edgecolors.as_ref().and_then(|e| e.first().copied());
            let edge = first.or(*edgecolor).map(|c| (c, units.px(1.0)));
            let hatch = hatches
                .as_ref()
                .and_then(|h| h.first())
                .and_then(Option::as_ref);
            hatch::rect(surface, (area, area), nth(colors), edge, hatch, figure);
        }
        Artist::Quiver(quiver) => {
            if let Some(&face) = quiver.facecolors.first() {
                fill_rect(surface, area, area, face, None);
            }
        }
        Artist::Pie {
            colors, hatches, ..
        } => {
            let hatch = hatches.get(index.unwrap_or(0)).and_then(Option::as_ref);
            hatch::rect(surface, (area, area), nth(colors), None, hatch, figure);
        }
        Artist::Hist {
            color, edgecolor, ..
        } => {
            let edge = edgecolor.map(|c| (c, units.px(1.0)));
            fill_rect(surface, area, area, *color, edge);
        }
        Artist::Fill {
            color,
            edgecolor,
            hatch,
            ..
        } => {
            let edge = edgecolor.map(|c| (c, units.px(1.0)));
            hatch::rect(surface, (area, area), *color, edge, hatch.as_ref(), figure);
        }
        Artist::Scatter {
            colors,
            sizes,
            marker: shape,
            edgecolors,
            linewidths,
            ..
        } => {
            let face = colors[0];
            let edge = edgecolors.as_ref().map_or(face, |e| e[0]);
            let size = units.px(sizes[0].max(0.0).sqrt() * markerscale);
            marker(
                surface,
                shape,
                middle,
                size,
                face,
                edge,
                units.px(*linewidths),
            );
        }
        Artist::Patch {
            facecolor,
            edgecolor,
            linewidth,
            hatch,
            ..
        } => {
            let edge = (!edgecolor.is_transparent() && *linewidth > 0.0)
                .then(|| (*edgecolor, units.px(*linewidth)));
            hatch::rect(
                surface,
                (area, area),
                *facecolor,
                edge,
                hatch.as_ref(),
                figure,
            );
        }
        Artist::Text { .. }
        | Artist::Annotation { .. }
        | Artist::FancyArrow { .. }
        | Artist::Image { .. } => {}
    }
}

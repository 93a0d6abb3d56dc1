//! Draws one artist (line, bars, histogram, scatter, fill, reference line,
//! text, annotation, pie) in its axes.

use super::caps::Caps;
use super::clip::clip_polygon;
use super::color::Rgba;
use super::effects;
use super::geometry::{Point, Rect};
use super::gouraud;
use super::hatch;
use super::joins::Joins;
use super::markevery;
use super::mesh;
use super::paint::{
    Pen, Units, fill_rect, line_markers, marker, outline, stroke_capped, stroke_line,
    stroke_over_gaps,
};
use super::pie;
use super::placed::{PlacedAxes, font_of, text_block};
use super::resampled::{self, Destination, ImageCells};
use super::scale::{position, text_anchor};
use super::series::{data_rect, fill_polygons, pick, pick_ref, pixels, runs, runs_of, steps};
use super::spec::{
    Artist, AxlineOrientation, Coords, DrawStyle, HistType, LineStyle, Orientation, RotationMode,
};
use super::surface::Surface;
use super::text::{Placement, TextBlock};
use super::textbox;

/// How far artists with clip_on=False may reach (figure pixels).
const UNCLIPPED_PX: f64 = 1e6;

pub fn draw(artist: &Artist, axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    // clip_on=False: cut at the canvas only (the surface does that).
    let frame = if artist.clipped() {
        axes.frame
    } else {
        Rect::new(-UNCLIPPED_PX, -UNCLIPPED_PX, UNCLIPPED_PX, UNCLIPPED_PX)
    };
    let (xmap, ymap) = (&axes.x, &axes.y);
    match artist {
        Artist::Line {
            x,
            y,
            drawstyle,
            gapcolor,
            coords,
            path_effects,
            markevery,
            ..
        } => {
            let points = pixels(x, y, *coords, xmap, ymap);
            let runs = runs_of(&points);
            let stepped = (*drawstyle != DrawStyle::Default).then(|| {
                let (sx, sy) = steps(x, y, *drawstyle);
                self::runs(&sx, &sy, *coords, xmap, ymap)
            });
            let Some(pen) = Pen::of_line(artist, units) else {
                return;
            };
            for run in stepped.as_ref().unwrap_or(&runs) {
                effects::draw(surface, run, Some(&frame), pen, path_effects, units, |s| {
                    // The gaps' colour: the whole line under its dashes.
                    stroke_over_gaps(s, run, Some(&frame), pen, *gapcolor);
                });
            }
            let diagonal = frame.width().hypot(frame.height());
            let mut marked = markevery::marked(&points, markevery.as_ref(), diagonal);
            marked.retain(|p| frame.contains(*p));
            line_markers(surface, artist, &marked, 1.0, units);
        }
        Artist::Patch {
            x,
            y,
            coords,
            facecolor,
            edgecolor,
            linewidth,
            linestyle,
            starts,
            open_rings,
            joinstyle,
            hatch,
            ..
        } => {
            let Some(points) = x
                .iter()
                .zip(y)
                .map(|(&px, &py)| {
                    Some(Point::new(
                        position(coords[0], px, xmap)?,
                        position(coords[1], py, ymap)?,
                    ))
                })
                .collect::<Option<Vec<Point>>>()
            else {
                return;
            };
            let mut bounds: Vec<usize> = std::iter::once(0)
                .chain(starts.iter().copied().filter(|&i| i < points.len()))
                .chain(std::iter::once(points.len()))
                .collect();
            bounds.sort_unstable();
            bounds.dedup();
            let rings: Vec<&[Point]> = bounds.windows(2).map(|w| &points[w[0]..w[1]]).collect();
            if rings.len() == 1 {
                surface.fill_polygon(&clip_polygon(&points, &frame), *facecolor);
            } else {
                let clipped: Vec<Vec<Point>> = rings
                    .iter()
                    .map(|ring| clip_polygon(ring, &frame))
                    .collect();
                surface.fill_rings(&clipped, *facecolor);
            }
            let figure = (units, axes.figure_size);
            hatch::over(surface, &rings, &frame, hatch.as_ref(), figure);
            let pen = Pen {
                color: *edgecolor,
                width_px: units.px(*linewidth),
                style: linestyle,
                caps: Caps::BUTT,
                joins: Some(Joins {
                    solid: *joinstyle,
                    dash: *joinstyle,
                }),
            };
            for (index, ring) in rings.into_iter().enumerate() {
                let closed = !open_rings.contains(&index);
                stroke_capped(
                    surface,
                    &outline(ring, closed, linestyle),
                    Some(&frame),
                    pen,
                );
            }
        }
        Artist::Image {
            x_edges,
            y_edges,
            rows,
            cols,
            pixels,
            edgecolor,
            linewidth,
            quads,
            values,
            vmin,
            vmax,
            depth,
            resampling,
            clip_path,
            coords,
            ..
        } => {
            if let Some(resampling) = resampling {
                let cells = ImageCells {
                    x_edges,
                    y_edges,
                    rows: *rows,
                    cols: *cols,
                    pixels,
                    values,
                    vmin: *vmin,
                    vmax: *vmax,
                    depth: *depth,
                };
                let place = Destination {
                    x: xmap,
                    y: ymap,
                    clip: frame,
                    figure: axes.figure_size,
                    clip_path: clip_path.as_ref(),
                    axes_coords: *coords == Some(Coords::Axes),
                };
                if resampled::draw(&cells, resampling, &place, surface) {
                    return;
                }
            }
            let edge = edgecolor
                .filter(|_| *linewidth > 0.0)
                .map(|c| (c, units.px(*linewidth)));
            if let Some(quads) = quads {
                let place = (xmap, ymap, &frame);
                if quads.gouraud {
                    gouraud::draw_mesh(surface, quads, (*rows, *cols), (pixels, values), place);
                } else {
                    mesh::draw(surface, quads, (*rows, *cols), pixels, place, edge);
                }
                return;
            }
            for (row, (y0, y1)) in y_edges.iter().zip(&y_edges[1..]).enumerate() {
                for (col, (x0, x1)) in x_edges.iter().zip(&x_edges[1..]).enumerate() {
                    let rect = data_rect((*x0, *x1), (*y0, *y1), xmap, ymap, &frame);
                    let rect = Rect::new(
                        rect.x0.min(rect.x1),
                        rect.y0.min(rect.y1),
                        rect.x0.max(rect.x1),
                        rect.y0.max(rect.y1),
                    );
                    fill_rect(surface, &rect, &frame, pixels[row * cols + col], edge);
                }
            }
        }
        Artist::Bar {
            orientation,
            x,
            heights,
            widths,
            bottoms,
            colors,
            edgecolor,
            edgecolors,
            linewidth,
            hatches,
            ..
        } => {
            for (i, ((centre, height), (width, bottom))) in x
                .iter()
                .zip(heights)
                .zip(widths.iter().zip(bottoms))
                .enumerate()
            {
                let (along, across) = (
                    (centre - width / 2.0, centre + width / 2.0),
                    (*bottom, bottom + height),
                );
                let rect = match orientation {
                    Orientation::Vertical => data_rect(along, across, xmap, ymap, &frame),
                    Orientation::Horizontal => data_rect(across, along, xmap, ymap, &frame),
                };
                let edge = edgecolors.as_ref().map_or(*edgecolor, |e| Some(pick(e, i)));
                let edge = edge.map(|c| (c, units.px(*linewidth)));
                let hatch = hatches
                    .as_ref()
                    .and_then(|h| h.get(if h.len() == 1 { 0 } else { i }))
                    .and_then(Option::as_ref);
                let fill = pick(colors, i);
                let figure = (units, axes.figure_size);
                hatch::rect(surface, (&rect, &frame), fill, edge, hatch, figure);
            }
        }
        Artist::Hist {
            edges,
            counts,
            orientation,
            color,
            edgecolor,
            histtype,
            ..
        } => draw_hist(
            (edges, counts),
            *orientation,
            (*color, *edgecolor),
            *histtype,
            axes,
            units,
            surface,
        ),
        Artist::Scatter {
            x,
            y,
            colors,
            sizes,
            marker: shape,
            markers,
            edgecolors,
            linewidths,
            ..
        } => {
            for (i, (px, py)) in x.iter().zip(y).enumerate() {
                let (Some(px), Some(py)) = (px, py) else {
                    continue;
                };
                let (Some(sx), Some(sy)) = (xmap.pixel(*px), ymap.pixel(*py)) else {
                    continue;
                };
                let at = Point::new(sx, sy);
                if !frame.contains(at) {
                    continue;
                }
                let face = pick(colors, i);
                let edge = edgecolors.as_ref().map_or(face, |e| pick(e, i));
                let size = units.px(pick(sizes, i).max(0.0).sqrt());
                let shape = markers.as_ref().map_or(shape, |m| pick_ref(m, i));
                marker(surface, shape, at, size, face, edge, units.px(*linewidths));
            }
        }
        Artist::Fill {
            x,
            y1,
            y2,
            color,
            edgecolor,
            linewidth,
            hatch,
            ..
        } => {
            for polygon in fill_polygons(x, y1, y2, xmap, ymap) {
                surface.fill_polygon(&clip_polygon(&polygon, &frame), *color);
                let figure = (units, axes.figure_size);
                hatch::over(
                    surface,
                    &[polygon.as_slice()],
                    &frame,
                    hatch.as_ref(),
                    figure,
                );
                if let Some(edge) = edgecolor {
                    let mut outline = polygon.clone();
                    outline.push(polygon[0]);
                    stroke_line(
                        surface,
                        &outline,
                        Some(&frame),
                        *edge,
                        units.px(*linewidth),
                        &LineStyle::Solid,
                    );
                }
            }
        }
        Artist::Axline {
            orientation,
            value,
            start,
            end,
            color,
            linewidth,
            linestyle,
            ..
        } => {
            let line = match orientation {
                AxlineOrientation::Horizontal => ymap.pixel(*value).map(|y| {
                    [
                        Point::new(xmap.fraction_px(*start), y),
                        Point::new(xmap.fraction_px(*end), y),
                    ]
                }),
                AxlineOrientation::Vertical => xmap.pixel(*value).map(|x| {
                    [
                        Point::new(x, ymap.fraction_px(*start)),
                        Point::new(x, ymap.fraction_px(*end)),
                    ]
                }),
            };
            if let Some(line) = line {
                stroke_line(
                    surface,
                    &line,
                    Some(&frame),
                    *color,
                    units.px(*linewidth),
                    linestyle,
                );
            }
        }
        Artist::Text {
            x,
            y,
            coords,
            rotation,
            transform_rotates_text,
            ..
        } => {
            if let Some((ax, ay)) = text_anchor(*coords, *x, *y, xmap, ymap) {
                let rotation = if *transform_rotates_text {
                    screen_angle(
                        *rotation,
                        |(x, y)| text_anchor(*coords, x, y, xmap, ymap),
                        (*x, *y),
                    )
                    .unwrap_or(*rotation)
                } else {
                    *rotation
                };
                draw_text(artist, Point::new(ax, ay), rotation, axes, units, surface);
            }
        }
        Artist::Annotation { .. } => {
            let data_pixel = |[x, y]: [f64; 2]| Some(Point::new(xmap.pixel(x)?, ymap.pixel(y)?));
            super::annotation::draw_annotation(artist, axes, data_pixel, units, surface);
        }
        // Drawn by draw.rs, which knows the other axes a ConnectionPatch reaches.
        Artist::FancyArrow { .. } => {}
        Artist::Pie { .. } => pie::draw(artist, axes, units, surface),
        Artist::Quiver(quiver) => super::quiver::draw(quiver, axes, units, surface),
    }
}

/// The screen angle (degrees, counterclockwise) of the direction `degrees`
/// at `at` in coordinates that `pixel` maps to the screen, as matplotlib's
/// `transform_angles` measures it (a step of 1e-5 along it).
fn screen_angle(
    degrees: f64,
    pixel: impl Fn((f64, f64)) -> Option<(f64, f64)>,
    at: (f64, f64),
) -> Option<f64> {
    const PUSHOFF: f64 = 1e-5;
    let (sin, cos) = degrees.to_radians().sin_cos();
    let from = pixel(at)?;
    let to = pixel((at.0 + PUSHOFF * cos, at.1 + PUSHOFF * sin))?;
    // Pixels run down the screen.
    let angle = (from.1 - to.1).atan2(to.0 - from.0).to_degrees();
    angle.is_finite().then_some(angle)
}

/// Draws a text artist whose anchor is at `anchor` (pixels), turned
/// `rotation` degrees, with its box and wrapping.
pub fn draw_text(
    artist: &Artist,
    anchor: Point,
    rotation: f64,
    axes: &PlacedAxes<'_>,
    units: Units,
    surface: &mut impl Surface,
) {
    let Artist::Text {
        text,
        ha,
        va,
        bbox,
        wrap,
        rotation_mode,
        ..
    } = artist
    else {
        return;
    };
    let placement = Placement::new(anchor, *ha, *va).rotated(rotation);
    // matplotlib places wrapped text with rotation_mode 'anchor'.
    let placement = placement.anchored(*wrap || *rotation_mode == RotationMode::Anchor);
    let block = if *wrap {
        let size = units.px(text.fontsize);
        let font = font_of(text);
        let lines = textbox::wrap(&text.text, &font, size, &placement, axes.figure_size);
        TextBlock::styled(&lines, size, &font)
    } else {
        text_block(text, units)
    };
    if let Some(bbox) = bbox {
        textbox::draw_box(&block, &placement, bbox, units, surface);
    }
    surface.text(block, placement, text.color);
}

fn draw_hist(
    (edges, counts): (&[f64], &[f64]),
    orientation: Orientation,
    (color, edgecolor): (Rgba, Option<Rgba>),
    histtype: HistType,
    axes: &PlacedAxes<'_>,
    units: Units,
    surface: &mut impl Surface,
) {
    let frame = axes.frame;
    let (xmap, ymap) = (&axes.x, &axes.y);
    let rect_of = |i: usize| {
        let along = (edges[i], edges[i + 1]);
        let across = (0.0, counts[i]);
        match orientation {
            Orientation::Vertical => data_rect(along, across, xmap, ymap, &frame),
            Orientation::Horizontal => data_rect(across, along, xmap, ymap, &frame),
        }
    };
    let bins = counts.len().min(edges.len().saturating_sub(1));
    match histtype {
        HistType::Bar => {
            for i in 0..bins {
                let edge = edgecolor.map(|c| (c, units.px(1.0)));
                fill_rect(surface, &rect_of(i), &frame, color, edge);
            }
        }
        HistType::Step | HistType::Stepfilled => {
            let mut outline = Vec::with_capacity(bins * 2 + 2);
            for (i, count) in counts.iter().enumerate().take(bins) {
                let rect = rect_of(i);
                match orientation {
                    Orientation::Vertical => {
                        let base = rect.y1.max(rect.y0);
                        let top = if *count >= 0.0 { rect.y0 } else { rect.y1 };
                        if i == 0 {
                            outline.push(Point::new(rect.x0, base));
                        }
                        outline.push(Point::new(rect.x0, top));
                        outline.push(Point::new(rect.x1, top));
                        if i + 1 == bins {
                            outline.push(Point::new(rect.x1, base));
                        }
                    }
                    Orientation::Horizontal => {
                        if i == 0 {
                            outline.push(Point::new(rect.x0, rect.y1));
                        }
                        outline.push(Point::new(rect.x1, rect.y1));
                        outline.push(Point::new(rect.x1, rect.y0));
                        if i + 1 == bins {
                            outline.push(Point::new(rect.x0, rect.y0));
                        }
                    }
                }
            }
            if histtype == HistType::Stepfilled {
                surface.fill_polygon(&clip_polygon(&outline, &frame), color);
            }
            let line = if histtype == HistType::Step {
                color
            } else {
                edgecolor.unwrap_or(color)
            };
            stroke_line(
                surface,
                &outline,
                Some(&frame),
                line,
                units.px(1.5),
                &LineStyle::Solid,
            );
        }
    }
}

//! Drawing polar axes (see `polar_view` for the mapping). Lines and fills
//! join their points with straight segments in the picture (matplotlib
//! interpolates only bars); bars are annular sectors. The grid is circles at
//! the radial ticks and rays at the angular ticks; angular tick labels stand
//! outside the circle, radial ones along `rlabel_position`.

use super::artists::draw_text;
use super::caps::{Caps, extend_ends};
use super::geometry::Point;
use super::markevery;
use super::paint::{Pen, Units, line_markers, marker, stroke_capped, stroke_line};
use super::placed::{PlacedAxes, text_block};
use super::polar_view::{PolarView, THETA_LABEL_PAD, label_room};
use super::series::{pick_ref, runs_of};
use super::spec::{
    Artist, CapStyle, Coords, GridAxis, HAlign, LineStyle, Orientation, VAlign, Weight,
};
use super::surface::Surface;
use super::text::{Placement, TextBlock};
use super::ticks::{Tick, TickSet};

/// Radial tick labels of a wedge stand this far from its start edge, points.
const R_LABEL_PAD: f64 = 7.0;

/// Draws one artist of a polar axes (lines, scatter, bars, patches, fills
/// and text; validation refuses the others).
pub fn draw_artist(
    artist: &Artist,
    axes: &PlacedAxes<'_>,
    view: &PolarView,
    units: Units,
    surface: &mut impl Surface,
) {
    match artist {
        Artist::Line {
            x,
            y,
            linestyle,
            markevery,
            solid_capstyle,
            ..
        } => {
            let points = view.pixels(x, y);
            let runs = runs_of(&points);
            // Projecting ends go on half the width, then the wedge clips (the
            // guest refuses other caps on polar axes).
            let projecting =
                *solid_capstyle == CapStyle::Projecting && *linestyle == LineStyle::Solid;
            let Some(pen) = Pen::of_line(artist, units) else {
                return;
            };
            let pen = Pen {
                caps: Caps::BUTT,
                ..pen
            };
            for run in &runs {
                let capped;
                let run = if projecting {
                    capped = extend_ends(run, pen.width_px / 2.0);
                    &capped
                } else {
                    run
                };
                for piece in view.clip(run) {
                    stroke_capped(surface, &piece, None, pen);
                }
            }
            let diagonal = view.frame.width().hypot(view.frame.height());
            let mut marked = markevery::marked(&points, markevery.as_ref(), diagonal);
            marked.retain(|p| view.inside(*p));
            line_markers(surface, artist, &marked, 1.0, units);
        }
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
            for (i, (t, r)) in x.iter().zip(y).enumerate() {
                let Some(at) = t.zip(*r).and_then(|(t, r)| view.pixel(t, r)) else {
                    continue;
                };
                if !view.inside(at) {
                    continue;
                }
                let face = pick(colors, i);
                let edge = edgecolors.as_ref().map_or(face, |e| pick(e, i));
                let size = units.px(pick(sizes, i).max(0.0).sqrt());
                let shape = markers.as_ref().map_or(shape, |m| pick_ref(m, i));
                marker(surface, shape, at, size, face, edge, units.px(*linewidths));
            }
        }
        Artist::Bar {
            orientation: Orientation::Vertical,
            x,
            heights,
            widths,
            bottoms,
            colors,
            edgecolor,
            edgecolors,
            linewidth,
            ..
        } => {
            for (i, ((centre, height), (width, bottom))) in x
                .iter()
                .zip(heights)
                .zip(widths.iter().zip(bottoms))
                .enumerate()
            {
                let sector = view.sector(
                    (centre - width / 2.0, centre + width / 2.0),
                    (*bottom, bottom + height),
                );
                surface.fill_polygon(&sector, pick(colors, i));
                let edge = edgecolors.as_ref().map_or(*edgecolor, |e| Some(pick(e, i)));
                if let (Some(edge), Some(&first)) = (edge, sector.first()) {
                    let mut outline = sector.clone();
                    outline.push(first);
                    let width = units.px(*linewidth);
                    stroke_line(surface, &outline, None, edge, width, &LineStyle::Solid);
                }
            }
        }
        Artist::Patch {
            x,
            y,
            coords,
            facecolor,
            edgecolor,
            linewidth,
            linestyle,
            ..
        } => {
            let Some(points) = x
                .iter()
                .zip(y)
                .map(|(&t, &r)| {
                    let same = coords[0] == coords[1];
                    same.then(|| position(view, coords[0], t, r)).flatten()
                })
                .collect::<Option<Vec<Point>>>()
            else {
                return;
            };
            surface.fill_polygon(&points, *facecolor);
            if let Some(&first) = points.first() {
                let mut outline = points.clone();
                outline.push(first);
                stroke_line(
                    surface,
                    &outline,
                    None,
                    *edgecolor,
                    units.px(*linewidth),
                    linestyle,
                );
            }
        }
        Artist::Fill {
            x,
            y1,
            y2,
            color,
            edgecolor,
            linewidth,
            ..
        } => {
            let forward = view.runs(x, y1);
            let back = view.runs(x, y2);
            if let (Some(forward), Some(back)) = (forward.first(), back.first()) {
                let mut polygon = forward.clone();
                polygon.extend(back.iter().rev());
                surface.fill_polygon(&polygon, *color);
                if let Some(edge) = edgecolor {
                    polygon.push(polygon[0]);
                    let width = units.px(*linewidth);
                    stroke_line(surface, &polygon, None, *edge, width, &LineStyle::Solid);
                }
            }
        }
        Artist::Text {
            x,
            y,
            coords,
            rotation,
            ..
        } => {
            let [cx, cy] = coords.pair();
            let anchor = if cx == cy {
                position(view, cx, *x, *y)
            } else {
                None
            };
            if let Some(anchor) = anchor {
                draw_text(artist, anchor, *rotation, axes, units, surface);
            }
        }
        Artist::Annotation { .. } => {
            let data_pixel = |[theta, r]: [f64; 2]| view.pixel(theta, r);
            super::annotation::draw_annotation(artist, axes, data_pixel, units, surface);
        }
        _ => {}
    }
}

/// A point of a patch or text: data (θ, r), or axes fractions of the box.
fn position(view: &PolarView, coords: Coords, x: f64, y: f64) -> Option<Point> {
    match coords {
        Coords::Data => view.pixel(x, y),
        Coords::Axes => Some(Point::new(
            view.frame.x0 + x * view.frame.width(),
            view.frame.y1 - y * view.frame.height(),
        )),
    }
}

fn pick<T: Copy>(values: &[T], i: usize) -> T {
    values[i.min(values.len() - 1)]
}

/// The grid: circles at the radial ticks, rays at the angular ones.
pub fn draw_grid(
    axes: &PlacedAxes<'_>,
    view: &PolarView,
    units: Units,
    surface: &mut impl Surface,
) {
    let Some(grid) = &axes.spec.grid else {
        return;
    };
    let width = units.px(grid.linewidth);
    if matches!(grid.axis, GridAxis::Both | GridAxis::X) {
        let inner = view.inner();
        for tick in theta_in_view(view, &axes.xticks) {
            let phi = view.angle(tick.pos);
            let ray = [view.at(phi, inner), view.at(phi, 1.0)];
            stroke_line(surface, &ray, None, grid.color, width, &grid.linestyle);
        }
    }
    if matches!(grid.axis, GridAxis::Both | GridAxis::Y) {
        for tick in r_in_view(view, &axes.yticks) {
            if let Some(rho) = view.rho(tick.pos) {
                let arc = view.arc(rho, view.phi.0, view.phi.1);
                stroke_line(surface, &arc, None, grid.color, width, &grid.linestyle);
            }
        }
    }
}

/// The angular ticks within thetamin..thetamax.
fn theta_in_view<'t>(view: &PolarView, ticks: &'t TickSet) -> impl Iterator<Item = &'t Tick> {
    let (lo, hi) = view.theta;
    let slack = 1e-9 * (hi - lo).abs().max(1.0);
    let full = view.full;
    ticks
        .major
        .iter()
        .filter(move |t| full || (t.pos >= lo - slack && t.pos <= hi + slack))
}

/// The radial ticks drawn: within rmin..rmax, and beyond the origin on a
/// full circle (matplotlib's RadialLocator).
fn r_in_view<'t>(view: &PolarView, ticks: &'t TickSet) -> impl Iterator<Item = &'t Tick> {
    let (lo, hi) = (view.r.0.min(view.r.1), view.r.0.max(view.r.1));
    let slack = 1e-9 * (hi - lo).abs().max(1e-300);
    let (full, origin) = (view.full, view.rorigin);
    ticks.major.iter().filter(move |t| {
        t.pos >= lo - slack && t.pos <= hi + slack && !(full && lo <= origin && t.pos <= origin)
    })
}

/// The outline (spines) and the tick labels.
pub fn draw_frame(
    axes: &PlacedAxes<'_>,
    view: &PolarView,
    units: Units,
    surface: &mut impl Surface,
) {
    let spec = axes.spec;
    let Some(polar) = &spec.polar else {
        return;
    };
    let spine = &polar.spine;
    if spine.visible {
        let mut outline = view.outline();
        if let Some(&first) = outline.first()
            && !view.full
        {
            outline.push(first);
        }
        let width = units.px(spine.linewidth);
        stroke_line(
            surface,
            &outline,
            None,
            spine.color,
            width,
            &spine.linestyle,
        );
    }
    let size = units.px(spec.tick_fontsize);
    if !spec.hide_xticklabels {
        let color = spec.xtick_style.labelcolor;
        let distance = units.px(THETA_LABEL_PAD);
        for tick in theta_in_view(view, &axes.xticks) {
            let phi = view.angle(tick.pos);
            let edge = view.at(phi, 1.0);
            let anchor = Point::new(edge.x + distance * phi.cos(), edge.y - distance * phi.sin());
            let block = TextBlock::new(&tick.label, size, Weight::Normal);
            surface.text(
                block,
                Placement::new(anchor, HAlign::Center, VAlign::Center),
                color,
            );
        }
    }
    // The axis labels: below the angular tick labels, and left of the box
    // (the radial tick labels stand inside it), as matplotlib places them.
    let pad = units.px(spec.xlabelpad);
    if let Some(label) = &spec.xlabel {
        let room = label_room(spec, &axes.xticks, units);
        let anchor = Point::new(
            (view.frame.x0 + view.frame.x1) / 2.0,
            view.frame.y1 + room + pad,
        );
        let placement = Placement::new(anchor, HAlign::Center, VAlign::Top);
        surface.text(text_block(label, units), placement, label.color);
    }
    if let Some(label) = &spec.ylabel {
        let pad = units.px(spec.ylabelpad);
        let anchor = Point::new(view.frame.x0 - pad, (view.frame.y0 + view.frame.y1) / 2.0);
        let placement = Placement::new(anchor, HAlign::Right, VAlign::Center).rotated(90.0);
        surface.text(text_block(label, units), placement, label.color);
    }
    if !spec.hide_yticklabels {
        let color = spec.ytick_style.labelcolor;
        for tick in r_in_view(view, &axes.yticks) {
            if let Some((anchor, ha, va)) = r_label_anchor(view, tick.pos, units) {
                let block = TextBlock::new(&tick.label, size, Weight::Normal);
                surface.text(block, Placement::new(anchor, ha, va), color);
            }
        }
    }
}

/// Where the label of radial tick `r` goes: along `rlabel_position` on a
/// full circle (left and bottom aligned at the point), else beside the
/// wedge's start edge (matplotlib's RadialTick).
fn r_label_anchor(view: &PolarView, r: f64, units: Units) -> Option<(Point, HAlign, VAlign)> {
    let rho = view.rho(r)?;
    if view.full {
        let at = view.at(view.angle(view.rlabel_position.to_radians()), rho);
        return Some((at, HAlign::Left, VAlign::Bottom));
    }
    // The start edge: thetamin when turning counter-clockwise.
    let start = view.direction > 0.0;
    let phi = if start { view.phi.0 } else { view.phi.1 };
    let at = view.at(phi, rho);
    // Away from the wedge, perpendicular to the edge.
    let side = if start { -1.0 } else { 1.0 };
    let (nx, ny) = (-phi.sin() * side, phi.cos() * side);
    let pad = units.px(R_LABEL_PAD);
    let anchor = Point::new(at.x + nx * pad, at.y - ny * pad);
    let angle = (phi.to_degrees().rem_euclid(360.0)) - 90.0;
    let (ha, va) = if start {
        match angle {
            a if a < -68.5 => (HAlign::Center, VAlign::Top),
            a if a < -23.5 => (HAlign::Left, VAlign::Top),
            a if a < 22.5 => (HAlign::Left, VAlign::Center),
            a if a < 67.5 => (HAlign::Left, VAlign::Bottom),
            a if a < 112.5 => (HAlign::Center, VAlign::Bottom),
            a if a < 157.5 => (HAlign::Right, VAlign::Bottom),
            a if a < 202.5 => (HAlign::Right, VAlign::Center),
            a if a < 247.5 => (HAlign::Right, VAlign::Top),
            _ => (HAlign::Center, VAlign::Top),
        }
    } else {
        match angle {
            a if a < -68.5 => (HAlign::Center, VAlign::Bottom),
            a if a < -23.5 => (HAlign::Right, VAlign::Bottom),
            a if a < 22.5 => (HAlign::Right, VAlign::Center),
            a if a < 67.5 => (HAlign::Right, VAlign::Top),
            a if a < 112.5 => (HAlign::Center, VAlign::Top),
            a if a < 157.5 => (HAlign::Left, VAlign::Top),
            a if a < 202.5 => (HAlign::Left, VAlign::Center),
            a if a < 247.5 => (HAlign::Left, VAlign::Bottom),
            _ => (HAlign::Center, VAlign::Bottom),
        }
    };
    Some((anchor, ha, va))
}

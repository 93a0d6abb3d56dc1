//! Annotation artists (a text with an arrow to a point) and FancyArrowPatch
//! artists, placed in their axes and drawn through `arrows`.

use super::arrows::{self, Ends, Region};
use super::geometry::{Point, Rect};
use super::paint::Units;
use super::placed::{PlacedAxes, text_block};
use super::scale::{position, text_anchor};
use super::spec::{Artist, ClipShape, Coords, PointCoords, RotationMode};
use super::surface::Surface;
use super::text::Placement;
use super::textbox;

/// How far an unclipped arrow may reach (figure pixels).
const UNCLIPPED_PX: f64 = 1e6;

/// The pixel of (x, y) measured in `coords`.
fn pixel(coords: [Coords; 2], x: f64, y: f64, axes: &PlacedAxes<'_>) -> Option<Point> {
    Some(Point::new(
        position(coords[0], x, &axes.x)?,
        position(coords[1], y, &axes.y)?,
    ))
}

/// `shape` in figure pixels; none for the annotation's own text (resolved
/// by the caller) and for points off the scale.
fn region(shape: &ClipShape, axes: &PlacedAxes<'_>, units: Units) -> Option<Region> {
    match shape {
        ClipShape::Text => None,
        ClipShape::Polygon { x, y, coords } => x
            .iter()
            .zip(y)
            .map(|(&px, &py)| pixel(*coords, px, py, axes))
            .collect::<Option<Vec<Point>>>()
            .map(Region::Polygon),
        ClipShape::Circle {
            x,
            y,
            coords,
            radius,
        } => pixel(*coords, *x, *y, axes).map(|c| Region::Circle(c, units.px(*radius))),
    }
}

/// How deep annotations placed relative to other annotations may chain.
const MAX_CHAIN: usize = 16;

/// Where an annotation points (none: off the scale) and where its text is
/// anchored, in pixels; `data_pixel` places data points (the axes' scales,
/// or θ and r on polar axes).
fn annotation_points(
    artist: &Artist,
    axes: &PlacedAxes<'_>,
    data_pixel: &dyn Fn([f64; 2]) -> Option<Point>,
    units: Units,
    depth: usize,
) -> Option<(Option<Point>, Point)> {
    let Artist::Annotation {
        xy,
        xytext,
        xy_coords,
        xytext_coords,
        xy_artist,
        ..
    } = artist
    else {
        return None;
    };
    let (width, height) = axes.figure_size;
    let place = |point: [f64; 2], coords: PointCoords| match coords {
        PointCoords::Data => data_pixel(point),
        PointCoords::Figure => Some(Point::new(point[0] * width, (1.0 - point[1]) * height)),
        // Validation keeps offsets to the text.
        PointCoords::Offset => None,
    };
    let target = match xy_artist {
        Some(index) => {
            let extent = text_extent(*index, axes, data_pixel, units, depth + 1)?;
            Some(Point::new(
                extent.x0 + xy[0] * extent.width(),
                extent.y1 - xy[1] * extent.height(),
            ))
        }
        None => place(*xy, *xy_coords),
    };
    let at = match (xytext, xytext_coords) {
        (Some(offset), PointCoords::Offset) => {
            target.map(|t| Point::new(t.x + units.px(offset[0]), t.y - units.px(offset[1])))
        }
        (Some(point), _) => place(*point, *xytext_coords),
        (None, _) => target,
    }?;
    Some((target, at))
}

/// The extent (pixels) of the axes' text or annotation `index`, as
/// matplotlib's `Text.get_window_extent`.
fn text_extent(
    index: usize,
    axes: &PlacedAxes<'_>,
    data_pixel: &dyn Fn([f64; 2]) -> Option<Point>,
    units: Units,
    depth: usize,
) -> Option<Rect> {
    if depth > MAX_CHAIN {
        return None;
    }
    let artist = axes.spec.artists.get(index)?;
    match artist {
        Artist::Text {
            x,
            y,
            coords,
            text,
            ha,
            va,
            rotation,
            rotation_mode,
            ..
        } => {
            let (ax, ay) = text_anchor(*coords, *x, *y, &axes.x, &axes.y)?;
            let placement = Placement::new(Point::new(ax, ay), *ha, *va)
                .rotated(*rotation)
                .anchored(*rotation_mode == RotationMode::Anchor);
            Some(text_block(text, units).bounds(&placement))
        }
        Artist::Annotation { text, ha, va, .. } => {
            let (_, at) = annotation_points(artist, axes, data_pixel, units, depth)?;
            Some(text_block(text, units).bounds(&Placement::new(at, *ha, *va)))
        }
        _ => None,
    }
}

/// Draws an annotation: its arrow first, then its box and text, as
/// matplotlib's `Annotation.draw`; `data_pixel` places data points (the
/// axes' scales, or θ and r on polar axes).
pub fn draw_annotation(
    artist: &Artist,
    axes: &PlacedAxes<'_>,
    data_pixel: impl Fn([f64; 2]) -> Option<Point>,
    units: Units,
    surface: &mut impl Surface,
) {
    let Artist::Annotation {
        text,
        ha,
        va,
        arrow,
        bbox,
        clip_xy,
        ..
    } = artist
    else {
        return;
    };
    let Some((target, at)) = annotation_points(artist, axes, &data_pixel, units, 0) else {
        return;
    };
    // matplotlib's Annotation._check_xy: the axes patch's contains_point with a
    // radius of 1 pixel (here the axes' box, a polar axes' too).
    let frame = axes.frame;
    let near = Rect::new(
        frame.x0 - 1.0,
        frame.y0 - 1.0,
        frame.x1 + 1.0,
        frame.y1 + 1.0,
    );
    if *clip_xy && !target.is_some_and(|t| near.contains(t)) {
        return;
    }
    let block = text_block(text, units);
    let placement = Placement::new(at, *ha, *va);
    if let (Some(arrow), Some(target)) = (arrow, target) {
        let outline = bbox
            .as_ref()
            .map(|b| textbox::box_outline(&block, &placement, b));
        let resolve =
            |shape: &Option<ClipShape>| shape.as_ref().and_then(|s| region(s, axes, units));
        arrows::draw_annotation(
            arrow,
            &block.bounds(&placement),
            outline,
            !text.text.is_empty(),
            target,
            resolve(&arrow.patch_a),
            resolve(&arrow.patch_b),
            units,
            surface,
        );
    }
    if let Some(bbox) = bbox {
        textbox::draw_box(&block, &placement, bbox, units, surface);
    }
    surface.text(block, placement, text.color);
}

/// Draws a FancyArrowPatch artist of `axes`, its ends perhaps in other axes
/// of the figure (a ConnectionPatch), clipped to `axes` unless `clip_on` is
/// false.
pub fn draw_fancy_arrow(
    artist: &Artist,
    axes: &PlacedAxes<'_>,
    figure_axes: &[PlacedAxes<'_>],
    units: Units,
    surface: &mut impl Surface,
) {
    let Artist::FancyArrow {
        posa,
        posb,
        coords,
        arrow,
        axes_a,
        axes_b,
        coords_b,
        patch_a,
        patch_b,
        clip_on,
        ..
    } = artist
    else {
        return;
    };
    let owner = |index: &Option<usize>| index.map_or(Some(axes), |i| figure_axes.get(i));
    let (Some(owner_a), Some(owner_b)) = (owner(axes_a), owner(axes_b)) else {
        return;
    };
    let (Some(a), Some(b)) = (
        pixel(*coords, posa[0], posa[1], owner_a),
        pixel(coords_b.unwrap_or(*coords), posb[0], posb[1], owner_b),
    ) else {
        return;
    };
    let region_a = patch_a.as_ref().and_then(|s| region(s, axes, units));
    let region_b = patch_b.as_ref().and_then(|s| region(s, axes, units));
    let ends = Ends {
        a,
        b,
        region_a: region_a.as_ref(),
        region_b: region_b.as_ref(),
        shrink_a: units.px(arrow.shrink_a),
        shrink_b: units.px(arrow.shrink_b),
    };
    let far = Rect::new(-UNCLIPPED_PX, -UNCLIPPED_PX, UNCLIPPED_PX, UNCLIPPED_PX);
    let clip = if *clip_on { axes.frame } else { far };
    arrows::draw(arrow, &ends, Some(&clip), units, surface);
}

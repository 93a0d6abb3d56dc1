//! validate.rs's helpers and its checks of the optional parts of lines and
//! pies (path effects, shadows) and of axis scales.

use super::ChartError;
use super::spec::{
    AnnotationArrow, ArrowStyle, Artist, Axes, ClipShape, ConnectionStyle, Divisions, FancyArrow,
    Figure, Legend, Marker, MinorTicks, PathEffect, PieShadow, PointCoords, Quiver, QuiverCoords,
    ScaleKind, Text, Ticks,
};
use super::transform;

/// Most characters in one text.
pub(super) const MAX_TEXT_CHARS: usize = 10_000;
/// Most ticks or categories on one axis.
pub(super) const MAX_TICKS: usize = 10_000;

/// Largest font size, line width or marker size, in points.
pub(super) const MAX_POINTS: f64 = 1_000.0;

pub(super) fn invalid<T>(message: String) -> Result<T, ChartError> {
    Err(ChartError::Invalid(message))
}

/// Largest line spacing, in font sizes.
pub(super) const MAX_LINESPACING: f64 = 100.0;

pub(super) fn check_text(text: &Text, what: &str) -> Result<(), ChartError> {
    if text.text.chars().count() > MAX_TEXT_CHARS {
        return invalid(format!("{what} is longer than {MAX_TEXT_CHARS} characters"));
    }
    size(text.fontsize, &format!("{what} font size"))?;
    if !(0.0..=MAX_LINESPACING).contains(&text.linespacing) {
        return invalid(format!("{what} line spacing of {}", text.linespacing));
    }
    Ok(())
}

pub(super) fn size(value: f64, what: &str) -> Result<(), ChartError> {
    if (0.0..=MAX_POINTS).contains(&value) {
        Ok(())
    } else {
        invalid(format!("{what} of {value} points (0..={MAX_POINTS})"))
    }
}

/// `n` matches `expected`, or is 1 (one value for all) when `broadcast`.
pub(super) fn same_length(
    what: &str,
    n: usize,
    expected: usize,
    broadcast: bool,
) -> Result<(), ChartError> {
    if n == expected || (broadcast && n == 1) {
        Ok(())
    } else {
        invalid(format!("{n} {what} for {expected} items"))
    }
}

/// A triangular mesh's point indices: three per triangle, each a point; one
/// row of cells, one per triangle (or, gouraud, per point).
pub(super) fn check_triangles(
    triangles: &[usize],
    points: usize,
    (rows, cols): (usize, usize),
    gouraud: bool,
) -> Result<(), ChartError> {
    if !triangles.len().is_multiple_of(3) || triangles.iter().any(|&i| i >= points) {
        return invalid(format!(
            "mesh triangles must be triples of indices below {points}"
        ));
    }
    let cells = if gouraud { points } else { triangles.len() / 3 };
    if rows != 1 || cols != cells {
        return invalid(format!(
            "a triangular mesh of {rows}x{cols} cells (1x{cells})"
        ));
    }
    Ok(())
}

/// The smallest spacing (points) between a ticked stroke's ticks.
const MIN_TICK_SPACING: f64 = 0.1;

pub(super) fn check_path_effect(effect: &PathEffect) -> Result<(), ChartError> {
    match *effect {
        PathEffect::Normal => Ok(()),
        PathEffect::Stroke { linewidth, .. } => {
            linewidth.map_or(Ok(()), |w| size(w, "stroke width"))
        }
        PathEffect::Ticked {
            spacing,
            angle,
            length,
        } => {
            let ok = (MIN_TICK_SPACING..=MAX_POINTS).contains(&spacing)
                && angle.is_finite()
                && length.is_finite()
                && length.abs() <= MAX_POINTS;
            if !ok {
                return invalid(format!(
                    "ticked stroke (spacing {spacing}, angle {angle}, length {length}): spacing \
                     {MIN_TICK_SPACING}..={MAX_POINTS} points, finite angle and length"
                ));
            }
            Ok(())
        }
    }
}

/// Farthest a pie's labels may sit from its centre, in radii.
pub(super) const MAX_PIE_DISTANCE: f64 = 100.0;

pub(super) fn check_pie_shadow(shadow: &PieShadow, wedges: usize) -> Result<(), ChartError> {
    if !(shadow.ox.abs() <= MAX_POINTS && shadow.oy.abs() <= MAX_POINTS) {
        return invalid(format!(
            "pie shadow offset ({}, {}) points",
            shadow.ox, shadow.oy
        ));
    }
    size(shadow.linewidth, "pie shadow edge width")?;
    same_length("shadow colours", shadow.colors.len(), wedges.max(1), true)?;
    if let Some(edges) = &shadow.edgecolors {
        same_length("shadow edge colours", edges.len(), wedges.max(1), true)?;
    }
    Ok(())
}

/// Most minor ticks one axis may list.
const MAX_MINOR_TICKS: usize = 10_000;

/// A scale's parameters, and the ticks its guest-chosen scales must come with.
pub(super) fn check_scale(
    kind: ScaleKind,
    ticks: Option<&Ticks>,
    axis: &str,
) -> Result<(), ChartError> {
    let usable = match kind {
        ScaleKind::Symlog {
            base,
            linthresh,
            linscale,
        } => {
            base > 1.0
                && linthresh > 0.0
                && linscale > 0.0
                && (base + linthresh + linscale).is_finite()
        }
        ScaleKind::Asinh { linear_width } => linear_width > 0.0 && linear_width.is_finite(),
        _ => true,
    };
    if !usable {
        return invalid(format!("{axis} scale parameters {kind:?}"));
    }
    if !transform::host_ticks(kind) && ticks.is_none() {
        return invalid(format!(
            "a {} {axis} scale needs its ticks from the guest",
            transform::name(kind)
        ));
    }
    if let Some(ticks) = ticks
        && (ticks.minor.len() > MAX_MINOR_TICKS
            || ticks.minor.iter().any(|v| !v.is_finite())
            || ticks
                .minor_labels
                .as_ref()
                .is_some_and(|l| l.len() != ticks.minor.len()))
    {
        return invalid(format!(
            "{axis} minor ticks: at most {MAX_MINOR_TICKS}, all finite, a label for each"
        ));
    }
    Ok(())
}

/// Most vertices one quiver arrow may have.
const MAX_ARROW_SIDES: usize = 64;

/// A quiver's arrays agree in length and its numbers are usable.
pub(super) fn check_quiver(quiver: &Quiver) -> Result<(), ChartError> {
    let n = quiver.x.len();
    same_length("arrow y positions", quiver.y.len(), n, false)?;
    if !(3..=MAX_ARROW_SIDES).contains(&quiver.sides) {
        return invalid(format!(
            "{} sides per arrow (3..={MAX_ARROW_SIDES})",
            quiver.sides
        ));
    }
    if let Some(fancy) = &quiver.fancy {
        same_length("arrow tail x positions", fancy.tail_x.len(), n, false)?;
        same_length("arrow tail y positions", fancy.tail_y.len(), n, false)?;
        same_length("arrow line widths", fancy.linewidths.len(), n, true)?;
        for value in [fancy.shrink, fancy.head_length, fancy.head_width]
            .iter()
            .chain(&fancy.linewidths)
        {
            size(*value, "arrow shrink, head or line width")?;
        }
        if fancy.head_width <= 0.0 || quiver.coords != QuiverCoords::Data {
            return invalid("fancy arrows need a head width and data anchors".to_owned());
        }
    }
    let vertices = if quiver.fancy.is_some() {
        Some(0)
    } else {
        n.checked_mul(quiver.sides)
    };
    if vertices != Some(quiver.shape_x.len()) || vertices != Some(quiver.shape_y.len()) {
        return invalid(format!(
            "{} arrow vertices for {n} arrows of {} sides",
            quiver.shape_x.len(),
            quiver.sides
        ));
    }
    same_length("arrow face colours", quiver.facecolors.len(), n, true)?;
    same_length("arrow edge colours", quiver.edgecolors.len(), n, true)?;
    size(quiver.linewidth, "arrow edge width")?;
    if quiver.key_label.as_ref().is_some_and(|l| {
        l.offset
            .iter()
            .any(|v| !v.is_finite() || v.abs() > MAX_POINTS)
    }) {
        return invalid("quiver key label offset".to_owned());
    }
    Ok(())
}

/// Largest legend spacing, in font sizes, and anchor coordinate, in fractions.
const MAX_LEGEND_SPACING: f64 = 100.0;
const MAX_ANCHOR: f64 = 100.0;

pub(super) fn check_legend_style(legend: &Legend) -> Result<(), ChartError> {
    let style = &legend.style;
    let spacings = [
        ("borderpad", style.borderpad),
        ("labelspacing", style.labelspacing),
        ("handlelength", style.handlelength),
        ("handleheight", style.handleheight),
        ("handletextpad", style.handletextpad),
        ("columnspacing", style.columnspacing),
        ("borderaxespad", style.borderaxespad),
        ("markerscale", style.markerscale),
    ];
    for (name, value) in spacings {
        if !(-MAX_LEGEND_SPACING..=MAX_LEGEND_SPACING).contains(&value) {
            return invalid(format!(
                "legend {name} of {value} (at most {MAX_LEGEND_SPACING})"
            ));
        }
    }
    if style.markerscale < 0.0 {
        return invalid(format!("legend markerscale of {}", style.markerscale));
    }
    if let Some(title) = style.title_fontsize {
        size(title, "legend title font size")?;
    }
    if let Some(anchor) = &legend.anchor
        && !anchor.bbox.iter().all(|v| v.abs() <= MAX_ANCHOR)
    {
        return invalid(format!(
            "legend anchor {:?} beyond {MAX_ANCHOR}",
            anchor.bbox
        ));
    }
    Ok(())
}

/// The tight layout's pads, and subplot parameters giving every cell room.
pub(super) fn check_layout(figure: &Figure) -> Result<(), ChartError> {
    let pads = figure.tight;
    for (name, value) in [
        ("pad", pads.pad),
        ("w_pad", pads.w_pad),
        ("h_pad", pads.h_pad),
    ] {
        size(value, &format!("tight layout {name}"))?;
    }
    if let Some([left, bottom, right, top]) = pads.rect
        && !(0.0 <= left
            && left < right
            && right <= 1.0
            && 0.0 <= bottom
            && bottom < top
            && top <= 1.0)
    {
        return invalid(format!("tight layout rect {:?}", pads.rect));
    }
    figure.axes.iter().try_for_each(check_subplotpars)
}

fn check_subplotpars(axes: &Axes) -> Result<(), ChartError> {
    let Some(given) = axes.subplotpars else {
        return Ok(());
    };
    // Null ones are the tight layout's: check the given ones against defaults.
    let defaults = [0.0, 0.0, 1.0, 1.0, 0.0, 0.0];
    let pars: [f64; 6] = std::array::from_fn(|i| given[i].unwrap_or(defaults[i]));
    let [left, bottom, right, top, wspace, hspace] = pars;
    let [rows, cols, ..] = axes.grid_pos.unwrap_or([1, 1, 0, 0, 1, 1]);
    let room = |n: u32, space: f64| f64::from(n) + space * f64::from(n.saturating_sub(1)) > 0.0;
    let sane = pars.iter().all(|v| v.abs() <= MAX_ANCHOR);
    if !sane || left >= right || bottom >= top || !room(cols, wspace) || !room(rows, hspace) {
        return invalid(format!(
            "subplot parameters {pars:?} leave no room for the cells"
        ));
    }
    Ok(())
}

/// Each axis' tick marks (lengths, widths, pads) and minor ticks.
pub(super) fn check_ticks_look(axes: &Axes) -> Result<(), ChartError> {
    for style in [&axes.xtick_style, &axes.ytick_style] {
        for marks in [&style.major, &style.minor] {
            size(marks.length, "tick length")?;
            size(marks.width, "tick width")?;
        }
        size(style.pad.abs(), "tick pad")?;
    }
    axes.xminor
        .iter()
        .chain(&axes.yminor)
        .try_for_each(check_minor_ticks)
}

/// Minor ticks beside the host's: exactly one of `ndivs` (1..=1000) and
/// `positions` (at most MAX_TICKS, finite).
fn check_minor_ticks(minor: &MinorTicks) -> Result<(), ChartError> {
    match (&minor.ndivs, &minor.positions) {
        (Some(Divisions::Count(n)), None) if !(1..=1000).contains(n) => {
            invalid(format!("{n} minor divisions (1 to 1000)"))
        }
        (Some(_), None) => Ok(()),
        (None, Some(positions)) if positions.len() > MAX_TICKS => {
            invalid(format!("more than {MAX_TICKS} minor ticks"))
        }
        (None, Some(positions)) if positions.iter().any(|p| !p.is_finite()) => {
            invalid("a minor tick position is not finite".to_owned())
        }
        (None, Some(_)) => Ok(()),
        _ => invalid("minor ticks need exactly one of ndivs and positions".to_owned()),
    }
}

/// A tick set's sizes: at most MAX_TICKS ticks, a label per tick, no text too long.
pub(super) fn check_ticks(ticks: &Ticks) -> Result<(), ChartError> {
    if ticks.positions.len() > MAX_TICKS {
        return invalid(format!("more than {MAX_TICKS} ticks"));
    }
    if let Some(labels) = &ticks.labels {
        if labels.len() != ticks.positions.len() {
            return invalid(format!(
                "{} tick labels for {} ticks",
                labels.len(),
                ticks.positions.len()
            ));
        }
        if labels.iter().any(|l| l.chars().count() > MAX_TEXT_CHARS) {
            return invalid("a tick label is too long".to_owned());
        }
    }
    if ticks
        .offset
        .as_ref()
        .is_some_and(|o| o.chars().count() > MAX_TEXT_CHARS)
    {
        return invalid("a tick offset text is too long".to_owned());
    }
    Ok(())
}

/// Largest arrow style fraction or connection length (pixels), in absolute value.
const MAX_ARROW_NUMBER: f64 = 1e6;

/// A fancy arrow's sizes (points) and its style's and connection's numbers.
pub(super) fn check_arrow(arrow: &FancyArrow) -> Result<(), ChartError> {
    size(arrow.linewidth, "arrow line width")?;
    size(arrow.mutation_scale, "arrow mutation scale")?;
    size(arrow.shrink_a.abs(), "arrow shrinkA")?;
    size(arrow.shrink_b.abs(), "arrow shrinkB")?;
    let numbers: Vec<f64> = match arrow.arrowstyle {
        ArrowStyle::Curve {
            head_length,
            head_width,
            width_a,
            width_b,
            length_a,
            length_b,
            angle_a,
            angle_b,
            scale_a,
            scale_b,
            ..
        } => [
            head_length,
            head_width,
            width_a,
            width_b,
            length_a,
            length_b,
            angle_a,
            angle_b,
        ]
        .into_iter()
        .chain(scale_a)
        .chain(scale_b)
        .collect(),
        ArrowStyle::Simple {
            head_length,
            head_width,
            tail_width,
        }
        | ArrowStyle::Fancy {
            head_length,
            head_width,
            tail_width,
        } => vec![head_length, head_width, tail_width],
        ArrowStyle::Wedge {
            tail_width,
            shrink_factor,
        } => vec![tail_width, shrink_factor],
    };
    let connection: Vec<f64> = match arrow.connectionstyle {
        ConnectionStyle::Arc3 { rad } => vec![rad],
        ConnectionStyle::Angle3 { angle_a, angle_b } => vec![angle_a, angle_b],
        ConnectionStyle::Angle {
            angle_a,
            angle_b,
            rad,
        } => vec![angle_a, angle_b, rad],
        ConnectionStyle::Arc {
            angle_a,
            angle_b,
            arm_a,
            arm_b,
            rad,
        } => [angle_a, angle_b, rad]
            .into_iter()
            .chain(arm_a)
            .chain(arm_b)
            .collect(),
        ConnectionStyle::Bar {
            arm_a,
            arm_b,
            fraction,
            angle,
        } => [arm_a, arm_b, fraction].into_iter().chain(angle).collect(),
    };
    let aspect = arrow.mutation_aspect;
    let out_of_range = |v: f64| v.is_nan() || v.abs() > MAX_ARROW_NUMBER;
    if out_of_range(aspect)
        || aspect <= 0.0
        || numbers.iter().chain(&connection).any(|&v| out_of_range(v))
    {
        return invalid("arrow style or connection numbers out of range".to_owned());
    }
    Ok(())
}

/// An annotation's point (not an offset) and arrow.
pub(super) fn check_annotation_arrow(
    xy_coords: PointCoords,
    arrow: Option<&AnnotationArrow>,
) -> Result<(), ChartError> {
    if xy_coords == PointCoords::Offset {
        return invalid("an annotation's xy as an offset".to_owned());
    }
    let Some(arrow) = arrow else {
        return Ok(());
    };
    check_arrow(&arrow.patch)?;
    check_clip_shape(arrow.patch_a.as_ref())?;
    check_clip_shape(arrow.patch_b.as_ref())?;
    if let Some(shrink) = arrow.shrink
        && (shrink.is_nan() || shrink.abs() > 1.0)
    {
        return invalid(format!("annotation arrow shrink {shrink}"));
    }
    Ok(())
}

/// The shape an arrow's end is clipped by: as many x as y.
pub(super) fn check_clip_shape(shape: Option<&ClipShape>) -> Result<(), ChartError> {
    match shape {
        Some(ClipShape::Polygon { x, y, .. }) => {
            same_length("arrow clip x values", x.len(), y.len(), false)
        }
        Some(ClipShape::Circle { radius, .. }) => size(*radius, "arrow clip radius"),
        _ => Ok(()),
    }
}

/// A ConnectionPatch's ends name axes that exist.
pub(super) fn check_arrow_axes(artist: &Artist, axes: usize) -> Result<(), ChartError> {
    if let Artist::FancyArrow { axes_a, axes_b, .. } = artist
        && [axes_a, axes_b].into_iter().flatten().any(|&i| i >= axes)
    {
        return invalid("an arrow end in a missing axes".to_owned());
    }
    Ok(())
}

/// Most corners of a polygon marker.
const MAX_MARKER_SIDES: u8 = 64;

/// Most vertices of a path marker.
const MAX_MARKER_VERTICES: usize = 4096;

pub(super) fn check_marker(marker: &Marker) -> Result<(), ChartError> {
    match marker {
        Marker::Polygon { sides, angle, .. }
            if !(3..=MAX_MARKER_SIDES).contains(sides) || !angle.is_finite() =>
        {
            invalid(format!(
                "a polygon marker of {sides} sides at {angle} degrees"
            ))
        }
        Marker::Path(path) => {
            let vertices: usize = path.rings.iter().map(Vec::len).sum();
            if path.rings.is_empty() || vertices > MAX_MARKER_VERTICES {
                return invalid(format!("a path marker of {vertices} vertices"));
            }
            if path
                .rings
                .iter()
                .flatten()
                .flatten()
                .any(|v| !v.is_finite())
            {
                return invalid("a path marker with a vertex that is not finite".to_owned());
            }
            if path
                .closed
                .as_ref()
                .is_some_and(|c| c.len() != path.rings.len())
            {
                return invalid("a path marker's \"closed\" not one per ring".to_owned());
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

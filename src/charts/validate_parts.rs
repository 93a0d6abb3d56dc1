//! validate.rs's helpers and its checks of the optional parts of lines and
//! pies (path effects, shadows) and of axis scales.

use super::ChartError;
use super::spec::{
    AnnotationArrow, ArrowStyle, ClipShape, ConnectionStyle, FancyArrow, PathEffect, PieShadow,
    PointCoords, Quiver, ScaleKind, Ticks,
};
use super::transform;

/// Largest font size, line width or marker size, in points.
pub(super) const MAX_POINTS: f64 = 1_000.0;

pub(super) fn invalid<T>(message: String) -> Result<T, ChartError> {
    Err(ChartError::Invalid(message))
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
    let vertices = n.checked_mul(quiver.sides);
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

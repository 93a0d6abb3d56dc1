//! `pie()`: wedges (and their shadows, hatches, labels and percentages) as
//! matplotlib draws them.

use std::f64::consts::PI;

use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::hatch;
use super::paint::{Units, stroke_line};
use super::placed::PlacedAxes;
use super::series::pick;
use super::spec::{Artist, HAlign, LineStyle, PieShadow, VAlign, Weight};
use super::surface::Surface;
use super::text::{Placement, TextBlock};

/// Draws a pie artist: the shadows first (under every wedge, as matplotlib's
/// zorder puts them), then each wedge, its hatch, outline and texts.
pub fn draw(artist: &Artist, axes: &PlacedAxes<'_>, units: Units, surface: &mut impl Surface) {
    let Artist::Pie {
        values,
        labels,
        colors,
        autotexts,
        startangle,
        counterclock,
        explode,
        radius,
        label_fontsize,
        width,
        edgecolor,
        linewidth,
        hatches,
        shadow,
        labeldistance,
        pctdistance,
        ..
    } = artist
    else {
        return;
    };
    let (xmap, ymap) = (&axes.x, &axes.y);
    let figure = Rect::new(0.0, 0.0, axes.figure_size.0, axes.figure_size.1);
    let wedges = || wedges(values, *startangle, *counterclock, explode, *radius, *width);
    let to_pixels = |wedge: &[(f64, f64)]| -> Vec<Point> {
        wedge
            .iter()
            .filter_map(|&(x, y)| Some(Point::new(xmap.pixel(x)?, ymap.pixel(y)?)))
            .collect()
    };
    if let Some(shadow) = shadow {
        // matplotlib moves a shadow by `units.px(ox)` in data units (its
        // patch transform comes before the data transform).
        let (dx, dy) = (units.px(shadow.ox), units.px(shadow.oy));
        for (i, wedge) in wedges().into_iter().enumerate() {
            let moved: Vec<(f64, f64)> = wedge
                .outline
                .iter()
                .map(|&(x, y)| (x + dx, y + dy))
                .collect();
            draw_shadow(surface, &to_pixels(&moved), i, shadow, units);
        }
    }
    let font = units.px(*label_fontsize);
    for (i, wedge) in wedges().into_iter().enumerate() {
        let points = to_pixels(&wedge.outline);
        surface.fill_polygon(&points, pick(colors, i));
        let hatch = hatches.get(i).and_then(Option::as_ref);
        hatch::over(
            surface,
            &[points.as_slice()],
            &figure,
            hatch,
            (units, axes.figure_size),
        );
        if let (Some(edge), Some(&first)) = (edgecolor, points.first()) {
            let mut outline = points.clone();
            outline.push(first);
            let px = units.px(*linewidth);
            stroke_line(surface, &outline, None, *edge, px, &LineStyle::Solid);
        }
        let (centre, middle) = (wedge.centre, wedge.middle);
        let at = |r: f64| {
            let (x, y) = (centre.0 + r * middle.cos(), centre.1 + r * middle.sin());
            xmap.pixel(x)
                .zip(ymap.pixel(y))
                .map(|(x, y)| Point::new(x, y))
        };
        if let Some(label) = labels.as_ref().and_then(|l| l.get(i))
            && let Some(anchor) = at(labeldistance * radius)
        {
            let ha = if middle.cos() >= 0.0 {
                HAlign::Left
            } else {
                HAlign::Right
            };
            let block = TextBlock::new(label, font, Weight::Normal);
            surface.text(
                block,
                Placement::new(anchor, ha, VAlign::Center),
                Rgba::BLACK,
            );
        }
        if let Some(auto) = autotexts.as_ref().and_then(|t| t.get(i))
            && let Some(anchor) = at(pctdistance * radius)
        {
            let block = TextBlock::new(auto, font, Weight::Normal);
            let placement = Placement::new(anchor, HAlign::Center, VAlign::Center);
            surface.text(block, placement, Rgba::BLACK);
        }
    }
}

/// A shadow: the wedge filled and (unless without edge) outlined in its
/// shadow colour.
fn draw_shadow(
    surface: &mut impl Surface,
    points: &[Point],
    i: usize,
    shadow: &PieShadow,
    units: Units,
) {
    surface.fill_polygon(points, pick(&shadow.colors, i));
    if let (Some(edges), Some(&first)) = (shadow.edgecolors.as_ref(), points.first()) {
        let mut outline = points.to_vec();
        outline.push(first);
        let px = units.px(shadow.linewidth);
        stroke_line(
            surface,
            &outline,
            None,
            pick(edges, i),
            px,
            &LineStyle::Solid,
        );
    }
}

/// One wedge in data coordinates: its outline, exploded centre and middle angle.
struct Wedge {
    outline: Vec<(f64, f64)>,
    centre: (f64, f64),
    middle: f64,
}

fn wedges(
    values: &[f64],
    startangle: f64,
    counterclock: bool,
    explode: &[f64],
    radius: f64,
    width: Option<f64>,
) -> Vec<Wedge> {
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let direction = if counterclock { 1.0 } else { -1.0 };
    let mut angle = startangle.to_radians();
    let mut out = Vec::with_capacity(values.len());
    for (i, value) in values.iter().enumerate() {
        // The fraction first: 2π times a huge value overflows.
        let sweep = direction * 2.0 * PI * (value / total);
        let middle = angle + sweep / 2.0;
        let shift = explode.get(i).copied().unwrap_or(0.0) * radius;
        let centre = (shift * middle.cos(), shift * middle.sin());
        let steps = ((sweep.abs() / (2.0 * PI) * 180.0).ceil() as usize).max(2);
        let start = angle;
        let arc = |r: f64| {
            (0..=steps).map(move |s| {
                let a = start + sweep * s as f64 / steps as f64;
                (centre.0 + r * a.cos(), centre.1 + r * a.sin())
            })
        };
        // A donut's ring runs back along its inner arc.
        let mut outline: Vec<(f64, f64)> = match width {
            Some(w) if w < radius => arc(radius - w).rev().collect(),
            _ => vec![(centre.0, centre.1)],
        };
        outline.extend(arc(radius));
        out.push(Wedge {
            outline,
            centre,
            middle,
        });
        angle += sweep;
    }
    out
}

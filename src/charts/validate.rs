//! Checks a figure spec before layout: consistent lengths, sane sizes, and
//! bounds on everything whose cost grows with its size.

use super::ChartError;
use super::spec::{
    Artist, Axes, Coords, DrawStyle, Figure, HatchSpec, LineStyle, Orientation, ScaleKind,
    SpinePosition, Spines, TextBox,
};
use super::validate_panels;
use super::validate_parts::{
    self as parts, MAX_LINESPACING, MAX_POINTS, MAX_TICKS, check_legend_style, check_marker,
    check_text, invalid, same_length, size,
};

/// Most legends kept on one axes besides its own.
const MAX_LEGENDS: usize = 16;
/// Most axes in a figure.
const MAX_AXES: usize = 400;
/// Most cells in one image: an RGBA image this large is 11 MB of base64,
/// within the guest's 16 MB host-call payload (a 1500x1250 imshow of RGBA).
const MAX_IMAGE_CELLS: usize = 1 << 21;
/// Most figure texts and vertices of one patch.
const MAX_ITEMS: usize = 100_000;

/// Refuses a figure the host will not draw faithfully.
pub fn check(figure: &Figure) -> Result<(), ChartError> {
    if figure.axes.len() > MAX_AXES {
        return invalid(format!("{} axes, more than {MAX_AXES}", figure.axes.len()));
    }
    for image in &figure.images {
        let cells = image
            .rows
            .checked_mul(image.cols)
            .filter(|&n| n <= MAX_IMAGE_CELLS);
        same_length(
            "figimage pixels",
            image.pixels.len(),
            cells.unwrap_or(0),
            false,
        )?;
        if cells.is_none() || image.xo.abs() > 1 << 20 || image.yo.abs() > 1 << 20 {
            return invalid("a figimage too large or too far out".to_owned());
        }
    }
    if let Some(title) = &figure.suptitle {
        check_text(title, "suptitle")?;
        if !(-1e6..=1e6).contains(&figure.suptitle_x) {
            return invalid(format!("suptitle x of {}", figure.suptitle_x));
        }
    }
    if figure.texts.len() > MAX_ITEMS {
        return invalid(format!("more than {MAX_ITEMS} figure texts"));
    }
    // A panel's texts are figure texts placed in its box.
    let panel_texts = figure.panels.iter().flat_map(|panel| &panel.texts);
    for text in figure.texts.iter().chain(panel_texts) {
        check_text(&text.text, "figure text")?;
        check_box(text.bbox.as_ref())?;
    }
    parts::check_layout(figure)?;
    validate_panels::check(figure)?;
    for placed in &figure.legends {
        if placed.legend.anchor.is_some() {
            return invalid("a figure legend with an anchor".to_owned());
        }
        check_legend_style(&placed.legend)?;
    }
    for (index, axes) in figure.axes.iter().enumerate() {
        check_axes(axes, figure).map_err(|e| match e {
            ChartError::Invalid(message) => ChartError::Invalid(format!("axes {index}: {message}")),
            other => other,
        })?;
    }
    Ok(())
}

fn check_box(bbox: Option<&TextBox>) -> Result<(), ChartError> {
    let Some(bbox) = bbox else {
        return Ok(());
    };
    if !(0.0..=MAX_LINESPACING).contains(&bbox.pad) {
        return invalid(format!("text box pad of {} font sizes", bbox.pad));
    }
    size(bbox.linewidth, "text box line width")?;
    check_linestyle(&bbox.linestyle)
}

/// Spines stand at most this many axes sizes outside the box.
const MAX_SPINE_FRACTION: f64 = 10.0;

/// Most entries of a custom dash pattern.
const MAX_DASHES: usize = 100;
/// A dash pattern's shortest period, in points (each dash costs a stroke).
const MIN_DASH_PERIOD: f64 = 0.1;

fn check_linestyle(style: &LineStyle) -> Result<(), ChartError> {
    let LineStyle::Dashes { offset, pattern } = style else {
        return Ok(());
    };
    let period: f64 = pattern.iter().sum();
    if pattern.is_empty()
        || pattern.len() > MAX_DASHES
        || pattern.iter().any(|d| !(d.is_finite() && *d >= 0.0))
        || !offset.is_finite()
        || period < MIN_DASH_PERIOD
    {
        return invalid(format!(
            "dash pattern {pattern:?}: 1..={MAX_DASHES} non-negative lengths adding up to at \
             least {MIN_DASH_PERIOD} points"
        ));
    }
    Ok(())
}

fn check_spines(spines: &Spines) -> Result<(), ChartError> {
    for spine in [&spines.left, &spines.right, &spines.bottom, &spines.top] {
        size(spine.linewidth, "spine width")?;
        check_linestyle(&spine.linestyle)?;
        let ok = match spine.position {
            SpinePosition::Outward(points) => points.abs() <= MAX_POINTS,
            SpinePosition::Axes(fraction) => fraction.abs() <= MAX_SPINE_FRACTION,
            SpinePosition::Data(value) => value.is_finite(),
        };
        if !ok {
            return invalid(format!(
                "spine position {:?} is too far from the axes",
                spine.position
            ));
        }
    }
    Ok(())
}

/// A polar axes: what the host draws in one (see polar.rs).
fn check_polar(axes: &Axes) -> Result<(), ChartError> {
    let Some(polar) = &axes.polar else {
        return Ok(());
    };
    if axes.twin_of.is_some() || axes.colorbar_of.is_some() {
        return invalid("a polar axes cannot be a twin or a colorbar".to_owned());
    }
    if axes.xscale != ScaleKind::Linear || axes.yscale != ScaleKind::Linear {
        return invalid("polar axes have linear scales only".to_owned());
    }
    if !(polar.theta_offset.is_finite() && polar.rlabel_position.is_finite())
        || polar.theta_direction.abs() != 1.0
        || polar.rorigin.is_some_and(|r| !r.is_finite())
    {
        return invalid("polar offset, direction, origin or label position".to_owned());
    }
    size(polar.spine.linewidth, "polar spine width")?;
    for artist in &axes.artists {
        let drawn = match artist {
            Artist::Line {
                drawstyle,
                coords,
                path_effects,
                ..
            } => {
                *drawstyle == DrawStyle::Default
                    && *coords == [Coords::Data; 2]
                    && path_effects.is_empty()
            }
            Artist::Bar { orientation, .. } => *orientation == Orientation::Vertical,
            Artist::Scatter { .. } | Artist::Patch { .. } | Artist::Fill { .. } => true,
            Artist::Text { coords, .. } => coords.pair()[0] == coords.pair()[1],
            Artist::Annotation { .. } => true,
            _ => false,
        };
        if !drawn {
            return invalid(
                "polar axes draw lines (without path effects), scatter, vertical bars, patches, annotations, \
                 fills and text"
                    .to_owned(),
            );
        }
        if !hatches(artist).is_empty() {
            return invalid("hatches on polar axes".to_owned());
        }
    }
    Ok(())
}

fn check_axes(axes: &Axes, figure: &Figure) -> Result<(), ChartError> {
    if let Some([rows, cols, row, col, rowspan, colspan]) = axes.grid_pos
        && (rows == 0
            || cols == 0
            || rows > 100
            || cols > 100
            || row.checked_add(rowspan.max(1)).is_none_or(|end| end > rows)
            || col.checked_add(colspan.max(1)).is_none_or(|end| end > cols))
    {
        return invalid(format!(
            "grid position {:?} is outside its grid",
            axes.grid_pos
        ));
    }
    if axes.polar.is_some() {
        check_polar(axes)?;
    }
    parts::check_scale(axes.xscale, axes.xticks.as_ref(), "x")?;
    parts::check_scale(axes.yscale, axes.yticks.as_ref(), "y")?;
    for (text, what) in [
        (&axes.title, "title"),
        (&axes.title_left, "left title"),
        (&axes.title_right, "right title"),
        (&axes.xlabel, "xlabel"),
        (&axes.ylabel, "ylabel"),
    ] {
        if let Some(text) = text {
            check_text(text, what)?;
        }
    }
    size(axes.tick_fontsize, "tick font size")?;
    check_spines(&axes.spines)?;
    for grid in axes.grid.iter().chain(&axes.minor_grid) {
        check_linestyle(&grid.linestyle)?;
    }
    parts::check_ticks_look(axes)?;
    if let Some([rows, cols, ..]) = axes.grid_pos {
        for (ratios, count, what) in [
            (&axes.width_ratios, cols, "width_ratios"),
            (&axes.height_ratios, rows, "height_ratios"),
        ] {
            if let Some(ratios) = ratios
                && (ratios.len() != count as usize
                    || ratios.iter().any(|r| !(r.is_finite() && *r > 0.0)))
            {
                return invalid(format!(
                    "{what} must be {count} positive numbers, not {ratios:?}"
                ));
            }
        }
    }
    for ticks in [&axes.xticks, &axes.yticks].into_iter().flatten() {
        parts::check_ticks(ticks)?;
    }
    for names in [&axes.x_categories, &axes.y_categories]
        .into_iter()
        .flatten()
    {
        if names.len() > MAX_TICKS {
            return invalid(format!("more than {MAX_TICKS} categories"));
        }
    }
    if axes.extra_legends.len() > MAX_LEGENDS {
        return invalid(format!("more than {MAX_LEGENDS} legends"));
    }
    for legend in axes.extra_legends.iter().chain(&axes.legend) {
        size(legend.fontsize, "legend font size")?;
        check_legend_style(legend)?;
        for entry in &legend.entries {
            if let Some(handle) = &entry.handle {
                if entry.artist.is_some() {
                    return invalid("a legend entry with both artist and handle".to_owned());
                }
                check_artist(handle)?;
                continue;
            }
            let holder = match entry.axes {
                Some(index) => figure.axes.get(index),
                None => Some(axes),
            };
            let Some(artist) = entry.artist else {
                return invalid("a legend entry without artist or handle".to_owned());
            };
            if holder.is_none_or(|holder| artist >= holder.artists.len()) {
                return invalid(format!(
                    "legend entry for missing artist {artist} of axes {:?}",
                    entry.axes
                ));
            }
        }
    }
    if let Some(zorders) = &axes.zorders
        && (zorders.len() != axes.artists.len() || zorders.iter().any(|z| !z.is_finite()))
    {
        return invalid(format!(
            "{} zorders for {} artists",
            zorders.len(),
            axes.artists.len()
        ));
    }
    for (index, artist) in axes.artists.iter().enumerate() {
        parts::check_arrow_axes(artist, figure.axes.len())
            .and_then(|()| check_artist(artist))
            .map_err(|e| match e {
                ChartError::Invalid(message) => {
                    ChartError::Invalid(format!("artist {index}: {message}"))
                }
                other => other,
            })?;
    }
    Ok(())
}

/// Longest hatch pattern (each character adds 6 lines or rows per inch).
const MAX_HATCH_CHARS: usize = 16;

/// The hatches an artist asks for.
fn hatches(artist: &Artist) -> Vec<&HatchSpec> {
    match artist {
        Artist::Patch { hatch, .. } | Artist::Fill { hatch, .. } => hatch.iter().collect(),
        Artist::Bar { hatches, .. } => hatches.iter().flatten().flatten().collect(),
        Artist::Pie { hatches, .. } => hatches.iter().flatten().collect(),
        _ => Vec::new(),
    }
}

fn check_hatches(artist: &Artist) -> Result<(), ChartError> {
    for hatch in hatches(artist) {
        let pattern = &hatch.pattern;
        if pattern.chars().count() > MAX_HATCH_CHARS
            || !pattern.chars().all(|c| "-+|/\\xXoO.*".contains(c))
        {
            return invalid(format!("hatch pattern {pattern:?}"));
        }
        size(hatch.linewidth, "hatch line width")?;
    }
    Ok(())
}

fn check_artist(artist: &Artist) -> Result<(), ChartError> {
    check_hatches(artist)?;
    match artist {
        Artist::Quiver(quiver) => {
            if let Some(label) = &quiver.key_label {
                check_text(&label.text, "quiver key label")?;
            }
            parts::check_quiver(quiver)
        }
        Artist::Line {
            x,
            y,
            linewidth,
            linestyle,
            markersize,
            markeredgewidth,
            marker,
            alt_marker,
            path_effects,
            ..
        } => {
            same_length("y values", y.len(), x.len(), false)?;
            path_effects.iter().try_for_each(parts::check_path_effect)?;
            size(*linewidth, "line width")?;
            check_linestyle(linestyle)?;
            size(*markeredgewidth, "marker edge width")?;
            marker.as_ref().map_or(Ok(()), check_marker)?;
            alt_marker
                .as_ref()
                .map_or(Ok(()), |alt| check_marker(&alt.marker))?;
            size(*markersize, "marker size")
        }
        Artist::Bar {
            x,
            heights,
            widths,
            bottoms,
            colors,
            edgecolors,
            hatches,
            linewidth,
            ..
        } => {
            same_length("heights", heights.len(), x.len(), false)?;
            if let Some(edgecolors) = edgecolors {
                same_length("edge colours", edgecolors.len(), x.len().max(1), true)?;
            }
            if let Some(hatches) = hatches {
                same_length("hatches", hatches.len(), x.len().max(1), true)?;
            }
            same_length("widths", widths.len(), x.len(), false)?;
            same_length("bottoms", bottoms.len(), x.len(), false)?;
            if !x.is_empty() {
                same_length("colours", colors.len(), x.len(), true)?;
            }
            size(*linewidth, "line width")
        }
        Artist::Hist { edges, counts, .. } => {
            if counts.is_empty() || edges.len() != counts.len() + 1 {
                return invalid(format!("{} edges for {} counts", edges.len(), counts.len()));
            }
            Ok(())
        }
        Artist::Scatter {
            x,
            y,
            colors,
            sizes,
            marker,
            markers,
            edgecolors,
            linewidths,
            ..
        } => {
            same_length("y values", y.len(), x.len(), false)?;
            check_marker(marker)?;
            if let Some(markers) = markers {
                same_length("markers", markers.len(), x.len(), true)?;
                markers.iter().try_for_each(check_marker)?;
            }
            if !x.is_empty() {
                same_length("colours", colors.len(), x.len(), true)?;
                same_length("sizes", sizes.len(), x.len(), true)?;
                if let Some(edges) = edgecolors {
                    same_length("edge colours", edges.len(), x.len(), true)?;
                }
            }
            if sizes
                .iter()
                .any(|s| !(0.0..=MAX_POINTS * MAX_POINTS).contains(s))
            {
                return invalid("a marker size is out of range".to_owned());
            }
            size(*linewidths, "line width")
        }
        Artist::Fill {
            x,
            y1,
            y2,
            linewidth,
            ..
        } => {
            same_length("y1 values", y1.len(), x.len(), false)?;
            same_length("y2 values", y2.len(), x.len(), false)?;
            size(*linewidth, "edge width")
        }
        Artist::Axline {
            linewidth,
            linestyle,
            ..
        } => {
            check_linestyle(linestyle)?;
            size(*linewidth, "line width")
        }
        Artist::Patch {
            x,
            y,
            linewidth,
            linestyle,
            ..
        } => {
            check_linestyle(linestyle)?;
            same_length("y values", y.len(), x.len(), false)?;
            if x.len() > MAX_ITEMS {
                return invalid(format!("a patch of more than {MAX_ITEMS} vertices"));
            }
            size(*linewidth, "line width")
        }
        Artist::Image {
            x_edges,
            y_edges,
            rows,
            cols,
            pixels,
            values,
            linewidth,
            quads,
            ..
        } => {
            size(*linewidth, "cell edge width")?;
            if let Some(quads) = quads {
                let points = quads.x.len();
                if let Some(triangles) = &quads.triangles {
                    parts::check_triangles(triangles, points, (*rows, *cols), quads.gouraud)?;
                } else {
                    let corners = if quads.gouraud {
                        rows * cols
                    } else {
                        (rows + 1) * (cols + 1)
                    };
                    same_length("mesh x corners", points, corners, false)?;
                }
                same_length("mesh y corners", quads.y.len(), points, false)?;
                if quads.x.iter().chain(&quads.y).any(|v| !v.is_finite()) {
                    return invalid("mesh corners must be finite".to_owned());
                }
            }
            let cells = rows.checked_mul(*cols).filter(|&n| n <= MAX_IMAGE_CELLS);
            let Some(cells) = cells else {
                return invalid(format!(
                    "an image of {rows}x{cols} cells (at most {MAX_IMAGE_CELLS})"
                ));
            };
            same_length("x edges", x_edges.len(), cols + 1, false)?;
            same_length("y edges", y_edges.len(), rows + 1, false)?;
            same_length("pixels", pixels.len(), cells, false)?;
            if !values.is_empty() {
                same_length("values", values.len(), cells, false)?;
            }
            if x_edges.iter().chain(y_edges).any(|v| !v.is_finite()) {
                return invalid("image edges must be finite".to_owned());
            }
            Ok(())
        }
        Artist::Text { text, bbox, .. } => {
            check_text(text, "text")?;
            check_box(bbox.as_ref())
        }
        Artist::Annotation {
            text,
            arrow,
            bbox,
            xy_coords,
            ..
        } => {
            check_text(text, "annotation")?;
            check_box(bbox.as_ref())?;
            parts::check_annotation_arrow(*xy_coords, arrow.as_ref())
        }
        Artist::FancyArrow {
            arrow,
            patch_a,
            patch_b,
            ..
        } => {
            parts::check_arrow(arrow)?;
            parts::check_clip_shape(patch_a.as_ref())?;
            parts::check_clip_shape(patch_b.as_ref())
        }
        Artist::Pie {
            values,
            labels,
            colors,
            autotexts,
            explode,
            radius,
            label_fontsize,
            width,
            linewidth,
            hatches,
            shadow,
            labeldistance,
            pctdistance,
            ..
        } => {
            size(*linewidth, "wedge edge width")?;
            if !(labeldistance.abs() <= parts::MAX_PIE_DISTANCE
                && pctdistance.abs() <= parts::MAX_PIE_DISTANCE)
            {
                return invalid(format!(
                    "pie text distances {labeldistance}, {pctdistance} radii"
                ));
            }
            if !hatches.is_empty() {
                same_length("wedge hatches", hatches.len(), values.len(), false)?;
            }
            if let Some(shadow) = shadow {
                parts::check_pie_shadow(shadow, values.len())?;
            }
            if width.is_some_and(|w| !(w.is_finite() && w > 0.0)) {
                return invalid("a donut's width must be positive".to_owned());
            }
            if values.iter().any(|v| !(v.is_finite() && *v >= 0.0)) {
                return invalid("pie wedge sizes must be finite and non-negative".to_owned());
            }
            if !values.is_empty() {
                same_length("colours", colors.len(), values.len(), true)?;
            }
            for list in [labels, autotexts].into_iter().flatten() {
                same_length("labels", list.len(), values.len(), false)?;
            }
            if !explode.is_empty() {
                same_length("explode values", explode.len(), values.len(), false)?;
            }
            if !(*radius > 0.0 && *radius < 1e6) {
                return invalid(format!("pie radius {radius}"));
            }
            size(*label_fontsize, "label font size")
        }
    }
}

//! Axes boxes inside the room the layout gives them: insets in their
//! parent's box, boxes shrunk to an aspect and placed by an anchor.

use super::ChartError;
use super::geometry::Rect;
use super::scale::{self, AxisMap};
use super::spec::{Axes, Figure};

/// An inset's box: `rect` (left, bottom, width, height) in fractions of its
/// parent's box.
pub fn inset_rect(parent: &Rect, rect: Option<[f64; 4]>) -> Rect {
    let [l, b, w, h] = rect.unwrap_or([0.0, 0.0, 1.0, 1.0]);
    let (pw, ph) = (parent.width(), parent.height());
    Rect::new(
        parent.x0 + l * pw,
        parent.y1 - (b + h) * ph,
        parent.x0 + (l + w) * pw,
        parent.y1 - b * ph,
    )
}

/// A box `width` wide and `ratio` times as tall placed in `frame` by
/// `anchor` (axes fractions, y up), as matplotlib's `Bbox.anchored`.
pub fn anchored(frame: Rect, width: f64, ratio: f64, [ax, ay]: [f64; 2]) -> Rect {
    let height = width * ratio;
    let x0 = frame.x0 + ax * (frame.width() - width);
    let y1 = frame.y1 - ay * (frame.height() - height);
    Rect::new(x0, y1 - height, x0 + width, y1)
}

/// The largest square centred in `frame`.
pub fn square(frame: Rect) -> Rect {
    let side = frame.width().min(frame.height());
    let (cx, cy) = ((frame.x0 + frame.x1) / 2.0, (frame.y0 + frame.y1) / 2.0);
    Rect::new(
        cx - side / 2.0,
        cy - side / 2.0,
        cx + side / 2.0,
        cy + side / 2.0,
    )
}

/// Shrinks `frame` (placed by `anchor`) so one data unit has the same
/// length on both axes.
pub fn equal_aspect(frame: Rect, x: &AxisMap, y: &AxisMap, anchor: [f64; 2]) -> Rect {
    // As matplotlib, in the axes' scales (decades on a log axis).
    let span = |map: &AxisMap| {
        let (lo, hi) = (
            scale::scaled(map.kind, map.lo),
            scale::scaled(map.kind, map.hi),
        );
        (hi - lo).abs()
    };
    let (dx, dy) = (span(x), span(y));
    if !(dx > 0.0 && dy > 0.0) {
        return frame;
    }
    let scale = (frame.width() / dx).min(frame.height() / dy);
    anchored(frame, dx * scale, dy / dx, anchor)
}

/// The outer box of an axes: its grid cell within `area` with `gaps`
/// (pixels between columns, rows) between cells, its fixed box by subplot
/// parameters `pars`, or its rect; fractions are of `whole` (the figure's
/// box, or its panel's).
pub fn cell_rect(
    axes: &Axes,
    (area, gaps): (&Rect, (f64, f64)),
    pars: Option<[f64; 6]>,
    whole: &Rect,
) -> Rect {
    let (fw, fh) = (whole.width(), whole.height());
    let at = |x0: f64, y0: f64, x1: f64, y1: f64| {
        Rect::new(
            whole.x0 + x0 * fw,
            whole.y0 + y0 * fh,
            whole.x0 + x1 * fw,
            whole.y0 + y1 * fh,
        )
    };
    if let Some([l, b, w, h]) = axes.rect {
        return at(l, 1.0 - b - h, l + w, 1.0 - b);
    }
    let [rows, cols, row, col, rowspan, colspan] = axes.grid_pos.unwrap_or([1, 1, 0, 0, 1, 1]);
    let (widths, heights) = (axes.width_ratios.as_deref(), axes.height_ratios.as_deref());
    if let Some([left, bottom, right, top, wspace, hspace]) = pars {
        let (x0, x1) = fixed_span(widths, (cols, col, colspan), (left, right), wspace);
        let (y0, y1) = fixed_span(
            heights,
            (rows, row, rowspan),
            (1.0 - top, 1.0 - bottom),
            hspace,
        );
        return at(x0, y0, x1, y1);
    }
    let (x0, x1) = grid_span(widths, cols, col, colspan);
    let (y0, y1) = grid_span(heights, rows, row, rowspan);
    Rect::new(
        area.x0 + x0 * area.width() + if col > 0 { gaps.0 / 2.0 } else { 0.0 },
        area.y0 + y0 * area.height() + if row > 0 { gaps.1 / 2.0 } else { 0.0 },
        area.x1
            - (1.0 - x1) * area.width()
            - if col + colspan < cols {
                gaps.0 / 2.0
            } else {
                0.0
            },
        area.y1
            - (1.0 - y1) * area.height()
            - if row + rowspan < rows {
                gaps.1 / 2.0
            } else {
                0.0
            },
    )
}

/// Where cells `start..start + span` of `count` begin and end between `lo`
/// and `hi` (fractions from the left, or the top) with `space` (in average
/// cells) between cells, as matplotlib's `GridSpec.get_grid_positions`.
pub fn fixed_span(
    ratios: Option<&[f64]>,
    (count, start, span): (u32, u32, u32),
    (lo, hi): (f64, f64),
    space: f64,
) -> (f64, f64) {
    let n = f64::from(count.max(1));
    let cell = (hi - lo) / (n + space * (n - 1.0));
    let (a, b) = grid_span(ratios, count, start, span);
    let end = f64::from(start + span.max(1));
    (
        lo + a * cell * n + f64::from(start) * space * cell,
        lo + b * cell * n + (end - 1.0) * space * cell,
    )
}

/// Where cells `start..start + span` of `count` begin and end, as fractions
/// of the grid, with cells sized by `ratios` (equal when absent).
fn grid_span(ratios: Option<&[f64]>, count: u32, start: u32, span: u32) -> (f64, f64) {
    let count = count.max(1) as usize;
    let (start, end) = (start as usize, (start + span.max(1)) as usize);
    match ratios.filter(|r| r.len() == count) {
        Some(ratios) => {
            let total: f64 = ratios.iter().sum();
            let before: f64 = ratios[..start].iter().sum();
            let upto: f64 = ratios[..end].iter().sum();
            (before / total, upto / total)
        }
        None => (start as f64 / count as f64, end as f64 / count as f64),
    }
}

/// Largest figure side, and area, in pixels.
const MAX_SIDE_PX: u32 = 8192;
const MAX_AREA_PX: u64 = 16_000_000;

/// The figure's width and height in pixels, refusing sizes the host will not render.
pub fn pixel_size(figure: &Figure) -> Result<(u32, u32), ChartError> {
    let side = |inches: f64| (inches * figure.dpi).round();
    let (w, h) = (side(figure.width_in), side(figure.height_in));
    let ok = |v: f64| v.is_finite() && v >= 1.0 && v <= f64::from(MAX_SIDE_PX);
    if !(ok(w) && ok(h)) || (w * h) as u64 > MAX_AREA_PX || figure.dpi <= 0.0 {
        return Err(ChartError::Invalid(format!(
            "figure of {w}x{h} pixels ({}x{} in at {} dpi): each side must be 1..={MAX_SIDE_PX} \
             pixels and the area at most {MAX_AREA_PX}",
            figure.width_in, figure.height_in, figure.dpi
        )));
    }
    Ok((w as u32, h as u32))
}

#[cfg(test)]
mod tests {
    use super::fixed_span;

    #[test]
    fn fixed_cells_are_matplotlibs_grid_positions() {
        // GridSpec(2, 3, left=0.1, right=0.9, bottom=0.2, top=0.8, wspace=0.3, hspace=0.5,
        // width_ratios=[1, 2, 1]).get_grid_positions(fig) in matplotlib 3.10.
        let ratios = [1.0, 2.0, 1.0];
        let columns = [
            (0.1, 0.266_666_67),
            (0.333_333_33, 0.666_666_67),
            (0.733_333_33, 0.9),
        ];
        for (col, (lo, hi)) in columns.into_iter().enumerate() {
            let (x0, x1) = fixed_span(Some(&ratios), (3, col as u32, 1), (0.1, 0.9), 0.3);
            assert!(
                (x0 - lo).abs() < 1e-6 && (x1 - hi).abs() < 1e-6,
                "{col}: {x0} {x1}"
            );
        }
        // Rows from the top (fractions down): tops 0.8 and 0.44, bottoms 0.56 and 0.2.
        let (y0, y1) = fixed_span(None, (2, 1, 1), (0.2, 0.8), 0.5);
        assert!((y0 - 0.56).abs() < 1e-9 && (y1 - 0.8).abs() < 1e-9);
        let (x0, x1) = fixed_span(Some(&ratios), (3, 0, 3), (0.1, 0.9), 0.3);
        assert!((x0 - 0.1).abs() < 1e-9 && (x1 - 0.9).abs() < 1e-9);
    }
}

//! Axes boxes inside the room the layout gives them: insets in their
//! parent's box, boxes shrunk to an aspect and placed by an anchor.

use super::geometry::Rect;
use super::scale::{self, AxisMap};
use super::spec::Axes;

/// Space around the whole figure (tight_layout's pad of 1.08 font sizes).
pub const FIGURE_PAD: f64 = 10.8;

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

/// The outer box of an axes: its grid cell within `area`, or its figure rect.
pub fn cell_rect(axes: &Axes, area: &Rect, width: u32, height: u32) -> Rect {
    if let Some([l, b, w, h]) = axes.rect {
        let (fw, fh) = (f64::from(width), f64::from(height));
        return Rect::new(l * fw, (1.0 - b - h) * fh, (l + w) * fw, (1.0 - b) * fh);
    }
    let [rows, cols, row, col, rowspan, colspan] = axes.grid_pos.unwrap_or([1, 1, 0, 0, 1, 1]);
    let (x0, x1) = grid_span(axes.width_ratios.as_deref(), cols, col, colspan);
    let (y0, y1) = grid_span(axes.height_ratios.as_deref(), rows, row, rowspan);
    let gap = FIGURE_PAD / 2.0;
    Rect::new(
        area.x0 + x0 * area.width() + if col > 0 { gap } else { 0.0 },
        area.y0 + y0 * area.height() + if row > 0 { gap } else { 0.0 },
        area.x0 + x1 * area.width(),
        area.y0 + y1 * area.height(),
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

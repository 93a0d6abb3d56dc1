//! An equal aspect reached by widening the view instead of shrinking the box
//! (matplotlib's `adjustable='datalim'`, `axis('equal')`): Axes.apply_aspect.

use super::geometry::Rect;
use super::scale::{AxisMap, scaled, unscaled};

/// Which view limits to change, and to what (in the view's own order, so an
/// inverted axis stays inverted).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Widened {
    X(f64, f64),
    Y(f64, f64),
}

/// matplotlib's choice for a box `frame` (pixels) showing the views of `x`
/// and `y` (in their scales, as matplotlib) of data within `datalim`
/// (`[x0, x1, y0, y1]`); None when the aspect is already equal to within 0.5%.
pub fn widen(
    frame: &Rect,
    (xmap, ymap): (&AxisMap, &AxisMap),
    datalim: [f64; 4],
) -> Option<Widened> {
    let (fx, fy) = (|v| scaled(xmap.kind, v), |v| scaled(ymap.kind, v));
    let [x0, x1, y0, y1] = datalim;
    let widened = widen_scaled(
        frame,
        (fx(xmap.lo), fx(xmap.hi)),
        (fy(ymap.lo), fy(ymap.hi)),
        [fx(x0), fx(x1), fy(y0), fy(y1)],
    )?;
    Some(match widened {
        Widened::X(lo, hi) => Widened::X(unscaled(xmap.kind, lo), unscaled(xmap.kind, hi)),
        Widened::Y(lo, hi) => Widened::Y(unscaled(ymap.kind, lo), unscaled(ymap.kind, hi)),
    })
}

fn widen_scaled(frame: &Rect, x: (f64, f64), y: (f64, f64), datalim: [f64; 4]) -> Option<Widened> {
    let (xmin, xmax) = (x.0.min(x.1), x.0.max(x.1));
    let (ymin, ymax) = (y.0.min(y.1), y.0.max(y.1));
    let xsize = (xmax - xmin).max(1e-30);
    let ysize = (ymax - ymin).max(1e-30);
    let data_ratio = frame.height() / frame.width();
    let y_expander = data_ratio * xsize / ysize - 1.0;
    if !y_expander.is_finite() || y_expander.abs() < 0.005 {
        return None;
    }
    let [x0, x1, y0, y1] = datalim;
    let (xr, yr) = (1.05 * (x1 - x0), 1.05 * (y1 - y0));
    let (xmarg, ymarg) = (xsize - xr, ysize - yr);
    let y_size = data_ratio * xsize;
    let x_size = ysize / data_ratio;
    let (x_marg, y_marg) = (x_size - xr, y_size - yr);
    let adjust_y = if xmarg > 0.0 && ymarg > 0.0 {
        (y_marg > 0.0 && y_expander < 0.0) || (x_marg < 0.0 && y_expander > 0.0)
    } else {
        y_expander > 0.0
    };
    let around = |centre: f64, size: f64, inverted: bool| {
        let (lo, hi) = (centre - size / 2.0, centre + size / 2.0);
        if inverted { (hi, lo) } else { (lo, hi) }
    };
    Some(if adjust_y {
        let (lo, hi) = around(0.5 * (ymin + ymax), y_size, y.0 > y.1);
        Widened::Y(lo, hi)
    } else {
        let (lo, hi) = around(0.5 * (xmin + xmax), x_size, x.0 > x.1);
        Widened::X(lo, hi)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_box_widens_the_x_view() {
        // A 200 x 100 px box showing 0..1 on both axes: x must span 2.
        let frame = Rect::new(0.0, 0.0, 200.0, 100.0);
        let widened = widen_scaled(&frame, (0.0, 1.0), (0.0, 1.0), [0.0, 1.0, 0.0, 1.0]);
        assert_eq!(widened, Some(Widened::X(-0.5, 1.5)));
        assert_eq!(
            widen_scaled(&frame, (0.0, 2.0), (0.0, 1.0), [0.0, 1.0, 0.0, 1.0]),
            None
        );
    }
}

//! Subplot parameters (`subplots_adjust`, `GridSpec(left=...)`): grid cells
//! that are fixed boxes in figure fractions. Parameters left null are the
//! tight layout's (`tight_layout()` then `subplots_adjust(hspace=0)`): taken
//! from the boxes a tight pass gave the grid.

use super::ChartError;
use super::geometry::Rect;
use super::spec::Figure;

/// `[left, bottom, right, top, wspace, hspace]`.
pub type Pars = [f64; 6];

/// Each axes' parameters when the spec gives them all, and whether some
/// axes needs a tight pass to fill in the rest.
pub fn given(figure: &Figure) -> (Vec<Option<Pars>>, bool) {
    let mut partial = false;
    let pars = figure
        .axes
        .iter()
        .map(|axes| {
            let pars = axes.subplotpars?;
            let full: Option<Vec<f64>> = pars.iter().copied().collect();
            partial |= full.is_none();
            full.map(|v| [v[0], v[1], v[2], v[3], v[4], v[5]])
        })
        .collect();
    (pars, partial)
}

/// Every axes' parameters, the missing ones measured on `frames` (the boxes
/// of a tight pass) over the axes of the same grid, in a figure of `size`
/// pixels; refused if the given ones and those leave a cell no room.
pub fn completed(
    figure: &Figure,
    frames: &[Rect],
    (w, h): (f64, f64),
) -> Result<Vec<Option<Pars>>, ChartError> {
    let pars: Vec<Option<Pars>> = figure
        .axes
        .iter()
        .map(|axes| {
            let pars = axes.subplotpars?;
            let [rows, cols, ..] = axes.grid_pos?;
            let group: Vec<(Rect, [u32; 6])> = figure
                .axes
                .iter()
                .zip(frames)
                .filter(|(other, _)| {
                    other.subplotpars.is_some()
                        && other.twin_of.is_none()
                        && other.colorbar_of.is_none()
                        && other.panel == axes.panel
                        && other.grid_pos.is_some_and(|p| p[..2] == [rows, cols])
                })
                .filter_map(|(other, frame)| Some((*frame, other.grid_pos?)))
                .collect();
            let measured = measure(&group, (rows, cols), (w, h))?;
            Some(std::array::from_fn(|i| pars[i].unwrap_or(measured[i])))
        })
        .collect();
    for [left, bottom, right, top, ..] in pars.iter().flatten() {
        if left >= right || bottom >= top {
            return Err(ChartError::Invalid(format!(
                "subplot parameters left {left}, right {right}, bottom {bottom}, top {top} leave \
                 no room for the cells"
            )));
        }
    }
    Ok(pars)
}

/// The parameters a tight pass gave one grid: its boxes' extent, and the
/// mean gap between columns (rows) over the mean cell width (height).
fn measure(
    group: &[(Rect, [u32; 6])],
    (rows, cols): (u32, u32),
    (w, h): (f64, f64),
) -> Option<Pars> {
    let x0 = group.iter().map(|(r, _)| r.x0).reduce(f64::min)?;
    let x1 = group.iter().map(|(r, _)| r.x1).reduce(f64::max)?;
    let y0 = group.iter().map(|(r, _)| r.y0).reduce(f64::min)?;
    let y1 = group.iter().map(|(r, _)| r.y1).reduce(f64::max)?;
    let mean = |sizes: Vec<f64>| sizes.iter().sum::<f64>() / sizes.len().max(1) as f64;
    let cell_w = mean(
        group
            .iter()
            .map(|(r, p)| r.width() / f64::from(p[5].max(1)))
            .collect(),
    );
    let cell_h = mean(
        group
            .iter()
            .map(|(r, p)| r.height() / f64::from(p[4].max(1)))
            .collect(),
    );
    let space = |total: f64, cell: f64, n: u32| {
        if n < 2 || cell <= 0.0 {
            0.0
        } else {
            ((total - f64::from(n) * cell) / f64::from(n - 1) / cell).max(0.0)
        }
    };
    Some([
        x0 / w,
        1.0 - y1 / h,
        x1 / w,
        1.0 - y0 / h,
        space(x1 - x0, cell_w, cols),
        space(y1 - y0, cell_h, rows),
    ])
}

//! Checks a figure's panels (`SubFigure`) and the axes naming them: each a
//! cell of its parent's grid, parents before children, sane spacing.

use super::ChartError;
use super::spec::{Figure, Panel};
use super::validate_parts::{check_text, invalid};

/// Most panels in a figure (as axes).
const MAX_PANELS: usize = 400;
/// Most texts of one panel.
const MAX_PANEL_TEXTS: usize = 10_000;
/// Largest `wspace` / `hspace`, in average cells.
const MAX_SPACE: f64 = 100.0;

/// Refuses panels the layout cannot place.
pub(super) fn check(figure: &Figure) -> Result<(), ChartError> {
    if figure.panels.len() > MAX_PANELS {
        return invalid(format!("more than {MAX_PANELS} panels"));
    }
    for (index, panel) in figure.panels.iter().enumerate() {
        check_panel(index, panel).map_err(|e| match e {
            ChartError::Invalid(message) => {
                ChartError::Invalid(format!("panel {index}: {message}"))
            }
            other => other,
        })?;
    }
    if figure
        .legends
        .iter()
        .any(|l| l.panel.is_some_and(|p| p >= figure.panels.len()))
    {
        return invalid("a legend of a panel that is no panel".to_owned());
    }
    for (index, axes) in figure.axes.iter().enumerate() {
        if let Some(panel) = axes.panel
            && panel >= figure.panels.len()
        {
            return invalid(format!("axes {index}: panel {panel} is no panel"));
        }
        if axes.panel.is_some() && axes.subplotpars.is_some_and(|p| p.contains(&None)) {
            return invalid(format!(
                "axes {index}: subplot parameters partly the tight layout's in a panel are not \
                 supported"
            ));
        }
        // An axes' parent (twin, inset, colorbar parent) is in the same panel.
        let parents = axes
            .twin_of
            .iter()
            .chain(&axes.inset_of)
            .chain(axes.colorbar.iter().flat_map(|bar| &bar.parents));
        for &parent in parents {
            if figure
                .axes
                .get(parent)
                .is_some_and(|p| p.panel != axes.panel)
            {
                return invalid(format!("axes {index}: axes {parent} is in another panel"));
            }
        }
    }
    Ok(())
}

fn check_panel(index: usize, panel: &Panel) -> Result<(), ChartError> {
    if panel.parent.is_some_and(|parent| parent >= index) {
        return invalid("its parent must be an earlier panel".to_owned());
    }
    let [rows, cols, row, col, rowspan, colspan] = panel.grid_pos;
    let fits = |count: u32, start: u32, span: u32| {
        count >= 1 && span >= 1 && start.checked_add(span).is_some_and(|end| end <= count)
    };
    if !fits(rows, row, rowspan) || !fits(cols, col, colspan) || rows > 1000 || cols > 1000 {
        return invalid(format!(
            "grid_pos {:?} is no cell block of its grid",
            panel.grid_pos
        ));
    }
    for (ratios, count, what) in [
        (&panel.width_ratios, cols, "width_ratios"),
        (&panel.height_ratios, rows, "height_ratios"),
    ] {
        if let Some(ratios) = ratios
            && (ratios.len() != count as usize || !ratios.iter().all(|r| r.is_finite() && *r > 0.0))
        {
            return invalid(format!("{what} must be {count} positive numbers"));
        }
    }
    for (value, what) in [(panel.wspace, "wspace"), (panel.hspace, "hspace")] {
        if !(0.0..=MAX_SPACE).contains(&value) {
            return invalid(format!("{what} of {value} (0..={MAX_SPACE})"));
        }
    }
    if panel.texts.len() > MAX_PANEL_TEXTS {
        return invalid(format!("more than {MAX_PANEL_TEXTS} texts"));
    }
    for (text, what) in [
        (panel.suptitle.as_ref().map(|t| &t.text), "suptitle"),
        (panel.supxlabel.as_ref().map(|t| &t.text), "supxlabel"),
        (panel.supylabel.as_ref().map(|t| &t.text), "supylabel"),
    ] {
        if let Some(text) = text {
            check_text(text, what)?;
        }
    }
    let at = [
        panel.suptitle.as_ref().map(|t| t.x),
        panel.supxlabel.as_ref().map(|t| t.x),
        panel.supylabel.as_ref().map(|t| t.y),
    ];
    if at.iter().flatten().any(|v| !v.is_finite() || v.abs() > 1e6) {
        return invalid("a sup text's position is out of range".to_owned());
    }
    Ok(())
}

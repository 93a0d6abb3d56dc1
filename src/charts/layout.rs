//! Placing a figure's axes: limits, ticks, and boxes that leave room for tick
//! labels, axis labels and titles (always "tight", so nothing is cut off).

use super::ChartError;
use super::aspect::{self, Widened};
use super::boxes::{anchored, cell_rect, equal_aspect, inset_rect, pixel_size, square};
use super::colorbar;
use super::figure_legend;
use super::geometry::Rect;
use super::label_align;
use super::legend_room;
use super::margins::{Margins, margins, with_texts};
use super::minor_ticks;
use super::paint::Units;
use super::panels::{self, PlacedPanel};
use super::placed::{Aligned, PlacedAxes, TITLE_PAD, text_block};
use super::polar_view::{self, PolarView};
use super::scale::{self, AxisMap, Dim};
use super::spec::{Axes, Figure, Location};
use super::subplotpars;
use super::tick_choice::{bins, box_bins, tick_set};

/// A figure ready to draw: pixel size and its axes placed.
pub struct Layout<'a> {
    pub figure: &'a Figure,
    pub width: u32,
    pub height: u32,
    pub units: Units,
    pub axes: Vec<PlacedAxes<'a>>,
    /// The box each figure legend is placed in.
    pub legend_frames: Vec<Rect>,
    /// The figure's panels (`SubFigure`), in spec order.
    pub panels: Vec<PlacedPanel<'a>>,
}

/// Lays out `figure`, refusing sizes the host will not render.
pub fn layout(figure: &Figure) -> Result<Layout<'_>, ChartError> {
    let (pars, partial) = subplotpars::given(figure);
    let pars = if partial {
        // Subplot parameters partly the tight layout's: measured on a tight pass.
        let tight = place(figure, &pars, &[])?;
        let frames: Vec<Rect> = tight.axes.iter().map(|a| a.frame).collect();
        let size = (f64::from(tight.width), f64::from(tight.height));
        subplotpars::completed(figure, &frames, size)?
    } else {
        pars
    };
    let laid = place(figure, &pars, &[])?;
    // Panels in a grid with their parent's axes span those axes' boxes.
    match panels::spans(figure, &laid.axes, &laid.panels) {
        Some(spans) => place(figure, &pars, &spans),
        None => Ok(laid),
    }
}

/// Lays out `figure` with the grid cells of axes with subplot parameters
/// `pars` fixed, and the panels with a box in `spans` there.
fn place<'a>(
    figure: &'a Figure,
    pars: &[Option<[f64; 6]>],
    spans: &[Option<Rect>],
) -> Result<Layout<'a>, ChartError> {
    let (width, height) = pixel_size(figure)?;
    let units = Units { dpi: figure.dpi };
    for (index, axes) in figure.axes.iter().enumerate() {
        if let Some(parent) = axes.twin_of
            && (parent >= figure.axes.len()
                || parent == index
                || figure.axes[parent].twin_of.is_some())
        {
            return Err(ChartError::Invalid(format!(
                "axes {index}: twin_of {parent} is not another top-level axes"
            )));
        }
        if let Some(parent) = axes.colorbar_of
            && parent >= figure.axes.len()
        {
            return Err(ChartError::Invalid(format!(
                "axes {index}: colorbar_of {parent} is no axes"
            )));
        }
        let earlier = |parent: usize| parent < index && figure.axes[parent].colorbar_of.is_none();
        if let Some(settings) = axes.colorbar_settings()
            && !settings.parents.iter().all(|&p| earlier(p))
        {
            return Err(ChartError::Invalid(format!(
                "axes {index}: a colorbar's parents must be earlier axes, not colorbars"
            )));
        }
        if let Some(parent) = axes.inset_of
            && (parent >= index || axes.rect.is_none())
        {
            return Err(ChartError::Invalid(format!(
                "axes {index}: inset_of {parent} is not an earlier axes (with a rect)"
            )));
        }
        if axes.grid_pos.is_none() == axes.rect.is_none() {
            return Err(ChartError::Invalid(format!(
                "axes {index}: give exactly one of grid_pos and rect"
            )));
        }
    }
    let (fw, fh) = (f64::from(width), f64::from(height));
    let [l, b, r, t] = figure.tight.rect.unwrap_or([0.0, 0.0, 1.0, 1.0]);
    let mut area = Rect::new(l * fw, (1.0 - t) * fh, r * fw, (1.0 - b) * fh);
    let outer = area; // the panels reach its edges
    let pad = units.px(figure.tight.pad);
    area = Rect::new(area.x0 + pad, area.y0 + pad, area.x1 - pad, area.y1 - pad);
    if let Some(title) = &figure.suptitle {
        let block = text_block(title, units);
        area.y0 += block.height() + units.px(TITLE_PAD);
    }
    let size = (f64::from(width), f64::from(height));
    let whole = Rect::new(0.0, 0.0, size.0, size.1);
    let legend_frames = figure_legend::reserve(figure, (None, whole), &mut area, units);
    let panels = panels::place(figure, (&outer, spans), units, pad);
    let rooms = panels::axes_rooms(figure, &panels, (area, Rect::new(0.0, 0.0, fw, fh)));

    let first_cells = axes_cells(figure, &rooms, pars, None);

    // Limits and ticks first: the margins depend on the tick labels.
    let mut prepared = Vec::with_capacity(figure.axes.len());
    for (index, axes) in figure.axes.iter().enumerate() {
        let cell = first_cells[index];
        let owner = axes.twin_of.unwrap_or(index);
        let x_owner = &figure.axes[owner];
        let x_group: Vec<&Axes> = std::iter::once(x_owner)
            .chain(
                figure
                    .axes
                    .iter()
                    .filter(|other| other.twin_of == Some(owner)),
            )
            .collect();
        let (xlo, xhi) = scale::limits(&x_group, Dim::X);
        let (ylo, yhi) = scale::limits(&[axes], Dim::Y);
        let (ylo, yhi) = if axes.polar.is_some() {
            polar_view::r_limits(axes, (ylo, yhi))
        } else {
            (ylo, yhi)
        };
        let tick_size = axes.tick_fontsize;
        let x_bins = bins(units, cell.width(), tick_size * 3.0);
        let y_bins = bins(units, cell.height(), tick_size * 2.0);
        let xticks = match (&axes.polar, &axes.xticks) {
            (Some(_), None) => polar_view::theta_ticks(xlo, xhi, x_bins),
            _ => tick_set(
                x_owner.xticks.as_ref(),
                x_owner.x_categories.as_deref(),
                x_owner.xscale,
                (xlo, xhi),
                x_bins,
            ),
        };
        let yticks = tick_set(
            axes.yticks.as_ref(),
            axes.y_categories.as_deref(),
            axes.yscale,
            (ylo, yhi),
            y_bins,
        );
        let x = AxisMap {
            kind: x_owner.xscale,
            lo: xlo,
            hi: xhi,
            px_lo: 0.0,
            px_hi: 1.0,
        };
        let y = AxisMap {
            kind: axes.yscale,
            lo: ylo,
            hi: yhi,
            px_lo: 1.0,
            px_hi: 0.0,
        };
        prepared.push((cell, x, y, xticks, yticks));
    }

    let mut margins: Vec<Margins> = figure
        .axes
        .iter()
        .zip(&prepared)
        .map(|(axes, (cell, x, y, xticks, yticks))| {
            let room = margins(axes, cell, xticks, yticks, units);
            with_texts(room, axes, cell, (x, y), units)
        })
        .collect();
    let ticks: Vec<_> = prepared
        .iter()
        .map(|(c, _, _, x, y)| (x, y, c.height()))
        .collect();
    for (m, [left, right, top, bottom]) in
        margins
            .iter_mut()
            .zip(label_align::extra_room(&figure.axes, &ticks, units))
    {
        (m.left, m.right, m.top, m.bottom) = (
            m.left + left,
            m.right + right,
            m.top + top,
            m.bottom + bottom,
        );
    }
    legend_margins(figure, (&first_cells, pars), &mut margins, units);
    // The colorbars' slots again, now that their labels' room is known.
    let outer: Vec<f64> = figure
        .axes
        .iter()
        .zip(&margins)
        .map(|(axes, m)| {
            axes.colorbar_settings()
                .map_or(0.0, |bar| outer_margin(bar.location, m))
        })
        .collect();
    let cells = axes_cells(figure, &rooms, pars, Some(&outer));
    let mut placed: Vec<PlacedAxes<'_>> = Vec::with_capacity(figure.axes.len());
    // Each axes' box before its aspect shrinks it (matplotlib's position).
    let mut positions: Vec<Rect> = Vec::with_capacity(figure.axes.len());
    for (index, (axes, (_, mut x, mut y, mut xticks, mut yticks))) in
        figure.axes.iter().zip(prepared).enumerate()
    {
        let cell = cells[index];
        let parent = axes.twin_of.unwrap_or(index);
        let bar = axes.colorbar_settings();
        let frame = if let Some(bar) = bar.as_ref().filter(|b| !b.parents.is_empty()) {
            let union = colorbar::union(bar.parents.iter().map(|&p| positions[p]));
            let outer = outer_margin(bar.location, &margins[index]);
            let room = colorbar::room(bar, cell, outer);
            colorbar::frame(bar, room, union.unwrap_or(cell), units.px(2.0))
        } else if let Some(host) = figure.axes[parent].inset_of {
            inset_rect(&placed[host].frame, figure.axes[parent].rect)
        } else if figure.axes[parent].rect.is_some() || pars[parent].is_some() {
            cell
        } else {
            let mut room = aligned_margins(figure, parent, &margins);
            inset_room(figure, parent, &cell, &margins, &mut room);
            for (other, m) in figure.axes.iter().zip(&margins) {
                if other.twin_of == Some(parent) {
                    room.right = room.right.max(m.left);
                }
            }
            let frame = Rect::new(
                cell.x0 + room.left,
                cell.y0 + room.top,
                cell.x1 - room.right,
                cell.y1 - room.bottom,
            );
            if frame.width() < 1.0 || frame.height() < 1.0 {
                cell
            } else {
                frame
            }
        };
        positions.push(frame);
        // A twin's box is its parent's.
        let owner = &figure.axes[parent];
        let anchor = owner.anchor.unwrap_or([0.5, 0.5]);
        let frame = match owner.box_aspect.filter(|r| *r > 0.0 && bar.is_none()) {
            Some(ratio) => {
                let width = frame.width().min(frame.height() / ratio);
                anchored(frame, width, ratio, anchor)
            }
            None => frame,
        };
        let frame = if let Some(bar) = &bar {
            colorbar::interior(bar, frame)
        } else if axes.polar.is_some() {
            square(frame)
        } else if let (true, Some(datalim)) = (axes.aspect_equal, axes.datalim) {
            // The view widens instead (adjustable='datalim'); its ticks follow.
            match aspect::widen(&frame, (&x, &y), datalim) {
                // Its ticks follow below.
                Some(Widened::X(lo, hi)) => (x.lo, x.hi) = (lo, hi),
                Some(Widened::Y(lo, hi)) => (y.lo, y.hi) = (lo, hi),
                None => {}
            }
            frame
        } else if axes.aspect_equal {
            equal_aspect(frame, &x, &y, anchor)
        } else {
            frame
        };
        (x.px_lo, x.px_hi) = (frame.x0, frame.x1);
        (y.px_lo, y.px_hi) = (frame.y1, frame.y0);
        if axes.polar.is_none() && bar.is_none() {
            // matplotlib's tick counts follow the axes box, known now (the
            // first pass guessed it from the cell). Twins share the x axis of
            // the axes they twin.
            let owner = &figure.axes[parent];
            let bins = box_bins(units, frame.width(), axes.tick_fontsize * 3.0);
            let (given, names) = (owner.xticks.as_ref(), owner.x_categories.as_deref());
            xticks = tick_set(given, names, owner.xscale, (x.lo, x.hi), bins);
            let bins = box_bins(units, frame.height(), axes.tick_fontsize * 2.0);
            let (given, names) = (axes.yticks.as_ref(), axes.y_categories.as_deref());
            yticks = tick_set(given, names, axes.yscale, (y.lo, y.hi), bins);
        }
        if axes.polar.is_some() {
            // matplotlib's tick counts follow the axes box.
            let points = frame.width() * 72.0 / units.dpi;
            let count =
                |per: f64| ((points / (axes.tick_fontsize * per)).floor() as usize).clamp(1, 9);
            if axes.xticks.is_none() {
                xticks = polar_view::theta_ticks(x.lo, x.hi, count(3.0));
            }
            let range = (y.lo, y.hi);
            yticks = tick_set(axes.yticks.as_ref(), None, axes.yscale, range, count(2.0));
        }
        minor_ticks::place(axes.xminor.as_ref(), &mut xticks, &x);
        minor_ticks::place(axes.yminor.as_ref(), &mut yticks, &y);
        let polar = PolarView::new(axes, frame, (x.lo, x.hi), (y.lo, y.hi));
        placed.push(PlacedAxes {
            spec: axes,
            frame,
            x,
            y,
            xticks,
            yticks,
            twin: axes.twin_of.is_some(),
            y_right: axes.y_on_right(),
            figure_size: (f64::from(width), f64::from(height)),
            polar,
            aligned: Aligned::default(),
        });
    }
    label_align::align(&mut placed, units);
    Ok(Layout {
        figure,
        width,
        height,
        units,
        axes: placed,
        legend_frames,
        panels,
    })
}

/// Widens the margins of grid axes whose legends stand outside their box
/// (a twin's legend widening its parent's) in their `cells`, unless fixed by `pars`.
fn legend_margins(
    figure: &Figure,
    (cells, pars): (&[Rect], &[Option<[f64; 6]>]),
    margins: &mut [Margins],
    units: Units,
) {
    for (index, axes) in figure.axes.iter().enumerate() {
        let owner = axes.twin_of.unwrap_or(index);
        let fixed = pars[owner].is_some();
        if figure.axes[owner].grid_pos.is_none() || fixed || axes.colorbar_settings().is_some() {
            continue;
        }
        let m = margins[owner];
        let sides = [m.left, m.right, m.top, m.bottom];
        let [left, right, top, bottom] =
            legend_room::overflow(figure, axes, &cells[owner], sides, units);
        let m = &mut margins[owner];
        m.left = m.left.max(left);
        m.right = m.right.max(right);
        m.top = m.top.max(top);
        m.bottom = m.bottom.max(bottom);
    }
}

/// An axes' margins, widened to those of the axes sharing its grid row
/// (top, bottom) and column (left, right) so the boxes line up.
fn aligned_margins(figure: &Figure, index: usize, margins: &[Margins]) -> Margins {
    let Some(pos) = figure.axes[index].grid_pos else {
        return margins[index];
    };
    let mut room = margins[index];
    for (other, m) in figure.axes.iter().zip(margins) {
        let Some(other_pos) = other.grid_pos else {
            continue;
        };
        // Another grid: another panel's, or of another shape.
        let elsewhere = other.panel != figure.axes[index].panel || other_pos[..2] != pos[..2];
        if other.twin_of.is_some() || other.colorbar_of.is_some() || elsewhere {
            continue;
        }
        if other_pos[3] == pos[3] {
            room.left = room.left.max(m.left);
        }
        if other_pos[3] + other_pos[5] == pos[3] + pos[5] {
            room.right = room.right.max(m.right);
        }
        if other_pos[2] == pos[2] {
            room.top = room.top.max(m.top);
        }
        if other_pos[2] + other_pos[4] == pos[2] + pos[4] {
            room.bottom = room.bottom.max(m.bottom);
        }
    }
    room
}

/// Every axes' outer box (see [`cell_rect`]) in its room (grid area, box of
/// its fractions), the colorbars' slots taken from their parents (their
/// labels taking `outer` pixels, if known).
fn axes_cells(
    figure: &Figure,
    rooms: &[(Rect, Rect)],
    pars: &[Option<[f64; 6]>],
    outer: Option<&[f64]>,
) -> Vec<Rect> {
    let units = Units { dpi: figure.dpi };
    let gaps = (units.px(figure.tight.w_pad), units.px(figure.tight.h_pad));
    let mut cells: Vec<Rect> = Vec::with_capacity(figure.axes.len());
    for ((axes, pars), (area, whole)) in figure.axes.iter().zip(pars).zip(rooms) {
        let cell = match axes.inset_of {
            // An estimate for the tick counts; the box follows its parent's.
            Some(parent) => inset_rect(&cells[parent], axes.rect),
            None => cell_rect(axes, (area, gaps), *pars, whole),
        };
        cells.push(cell);
    }
    let none = vec![0.0; figure.axes.len()];
    colorbar::make_room(figure, &mut cells, outer.unwrap_or(&none));
    cells
}

/// The room a colorbar's tick labels and label take on its outer side.
fn outer_margin(location: Location, margins: &Margins) -> f64 {
    match location {
        // A right bar's y axis stands on its right, asked as "left".
        Location::Right | Location::Left => margins.left,
        Location::Bottom => margins.bottom,
        Location::Top => margins.top,
    }
}

/// Widens `room` (an axes' margins in `cell`) to hold its insets standing
/// beyond its box, with their own margins.
fn inset_room(
    figure: &Figure,
    parent: usize,
    cell: &Rect,
    margins: &[Margins],
    room: &mut Margins,
) {
    for (inset, m) in figure.axes.iter().zip(margins) {
        let (Some(host), Some([l, b, w, h])) = (inset.inset_of, inset.rect) else {
            continue;
        };
        if host != parent {
            continue;
        }
        let (cw, ch) = (cell.width(), cell.height());
        // Beyond the box by fractions of it (of the cell, which the box will not exceed).
        let beyond = |lo: f64, hi: f64, near: f64, far: f64, size: f64| {
            let below = if lo < 0.0 {
                -lo * size + near
            } else {
                (near - lo * size).max(0.0)
            };
            let above = if hi > 1.0 {
                (hi - 1.0) * size + far
            } else {
                (far - (1.0 - hi) * size).max(0.0)
            };
            (below, above)
        };
        let (left, right) = beyond(l, l + w, m.left, m.right, cw);
        let (bottom, top) = beyond(b, b + h, m.bottom, m.top, ch);
        room.left = room.left.max(left);
        room.right = room.right.max(right);
        room.bottom = room.bottom.max(bottom);
        room.top = room.top.max(top);
    }
}

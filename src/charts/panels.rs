//! Panels (`SubFigure`): each one's box in its parent's room, the room its
//! suptitle and sup labels take, the area left for its axes; and drawing its
//! background and those texts.

use super::boxes::fixed_span;
use super::color::Rgba;
use super::figure_legend;
use super::geometry::{Point, Rect};
use super::paint::Units;
use super::placed::{PlacedAxes, text_block};
use super::spec::{Figure, HAlign, Panel, Text, VAlign};
use super::surface::Surface;
use super::text::Placement;
use super::textbox;

/// Points between the figure's top and its suptitle, and below it (it is
/// drawn half the default pad down).
const SUPTITLE_PAD: f64 = 10.8;

/// Points between a panel's edge and its suptitle (or sup label), and
/// between that and what it leaves room for: half the figure's pad, as the
/// figure's own suptitle stands.
const GAP: f64 = 5.4;

/// A panel placed on the figure, in pixels.
pub struct PlacedPanel<'a> {
    pub spec: &'a Panel,
    /// Its whole box (its background).
    pub rect: Rect,
    /// The box less its suptitle's and sup labels' room: its own panels'
    /// grid fills it.
    pub inner: Rect,
    /// `inner` less the figure's pad (half of it beside a text) and its
    /// outside legends' strips: its axes' grid.
    pub area: Rect,
    /// The box each of its legends is placed in.
    pub legend_frames: Vec<Rect>,
}

/// Places `figure`'s panels: the top-level ones in `outer` (the figure's box
/// the layout fills) below its suptitle, the others in their parent's inner
/// box, or at their box in `spans`; `pad`: the pixels the figure's grid
/// keeps from its edges.
pub fn place<'a>(
    figure: &'a Figure,
    (outer, spans): (&Rect, &[Option<Rect>]),
    units: Units,
    pad: f64,
) -> Vec<PlacedPanel<'a>> {
    let mut room = *outer;
    if let Some(title) = &figure.suptitle {
        room.y0 += text_block(title, units).height() + units.px(SUPTITLE_PAD);
    }
    let mut placed: Vec<PlacedPanel<'a>> = Vec::with_capacity(figure.panels.len());
    for (index, panel) in figure.panels.iter().enumerate() {
        let parent = panel.parent.map_or(room, |p| placed[p].inner);
        let span = spans.get(index).copied().flatten();
        let rect = span.unwrap_or_else(|| cell(panel, &parent));
        let gap = units.px(GAP);
        let room =
            |text: Option<&Text>| text.map_or(0.0, |t| text_block(t, units).height() + 2.0 * gap);
        let top = room(panel.suptitle.as_ref().map(|t| &t.text));
        let bottom = room(panel.supxlabel.as_ref().map(|t| &t.text));
        let left = room(panel.supylabel.as_ref().map(|t| &t.text));
        let inner = Rect::new(
            rect.x0 + left,
            rect.y0 + top,
            rect.x1,
            (rect.y1 - bottom).max(rect.y0 + top),
        );
        // Half the pad below a text (its gap is the other half), for the
        // ends of the tick labels standing beyond the axes' boxes.
        let edge = |taken: f64| if taken > 0.0 { pad / 2.0 } else { pad };
        let mut area = Rect::new(
            inner.x0 + edge(left),
            inner.y0 + edge(top),
            inner.x1 - pad,
            inner.y1 - edge(bottom),
        );
        let legend_frames = figure_legend::reserve(figure, (Some(index), rect), &mut area, units);
        placed.push(PlacedPanel {
            spec: panel,
            rect,
            inner,
            area,
            legend_frames,
        });
    }
    placed
}

/// Each axes' grid area and the box its fractions are of: its panel's, or
/// the figure's `area` and `whole` box.
pub fn axes_rooms(
    figure: &Figure,
    panels: &[PlacedPanel<'_>],
    (area, whole): (Rect, Rect),
) -> Vec<(Rect, Rect)> {
    let room = |p: usize| (panels[p].area, panels[p].rect);
    figure
        .axes
        .iter()
        .map(|axes| axes.panel.map_or((area, whole), room))
        .collect()
}

/// The panel's cells of its grid, which fills `parent` with its `wspace`
/// and `hspace` between cells.
fn cell(panel: &Panel, parent: &Rect) -> Rect {
    let [rows, cols, row, col, rowspan, colspan] = panel.grid_pos;
    let (x0, x1) = fixed_span(
        panel.width_ratios.as_deref(),
        (cols, col, colspan),
        (0.0, 1.0),
        panel.wspace,
    );
    let (y0, y1) = fixed_span(
        panel.height_ratios.as_deref(),
        (rows, row, rowspan),
        (0.0, 1.0),
        panel.hspace,
    );
    let (w, h) = (parent.width(), parent.height());
    Rect::new(
        parent.x0 + x0 * w,
        parent.y0 + y0 * h,
        parent.x0 + x1 * w,
        parent.y0 + y1 * h,
    )
}

/// The boxes of the panels whose grid is also their parent's axes' (matplotlib's
/// constrained layout: the cells' inner boxes): from the top of those axes'
/// boxes in its first row to the bottom of those in its last, and so across
/// (an edge without such axes stays); `None` when no panel shares a grid.
pub fn spans(
    figure: &Figure,
    axes: &[PlacedAxes<'_>],
    panels: &[PlacedPanel<'_>],
) -> Option<Vec<Option<Rect>>> {
    if !figure.panels.iter().any(|p| p.shares_grid) {
        return None;
    }
    let spans = panels.iter().map(|placed| {
        let panel = placed.spec;
        if !panel.shares_grid {
            return None;
        }
        let [rows, cols, row, col, rowspan, colspan] = panel.grid_pos;
        let grid: Vec<([u32; 6], Rect)> = axes
            .iter()
            .filter(|a| a.spec.panel == panel.parent && !a.twin && a.spec.colorbar_of.is_none())
            .filter_map(|a| Some((a.spec.grid_pos?, a.frame)))
            .filter(|(pos, _)| pos[..2] == [rows, cols])
            .collect();
        let edge = |at: &dyn Fn(&[u32; 6]) -> bool, side: fn(&Rect) -> f64, near: bool| {
            let sides = grid.iter().filter(|(pos, _)| at(pos)).map(|(_, r)| side(r));
            if near {
                sides.reduce(f64::min)
            } else {
                sides.reduce(f64::max)
            }
        };
        let rect = placed.rect;
        Some(Rect::new(
            edge(&|p| p[3] == col, |r| r.x0, true).unwrap_or(rect.x0),
            edge(&|p| p[2] == row, |r| r.y0, true).unwrap_or(rect.y0),
            edge(&|p| p[3] + p[5] == col + colspan, |r| r.x1, false).unwrap_or(rect.x1),
            edge(&|p| p[2] + p[4] == row + rowspan, |r| r.y1, false).unwrap_or(rect.y1),
        ))
    });
    Some(spans.collect())
}

/// The panel's background, unless transparent.
pub fn draw_background(panel: &PlacedPanel<'_>, surface: &mut impl Surface) {
    if !panel.spec.facecolor.is_transparent() {
        surface.fill_rect(&panel.rect, panel.spec.facecolor);
    }
}

/// The background the panel's axes stand on: its own if it has one.
pub fn background(panel: &PlacedPanel<'_>, figure: Rgba) -> Rgba {
    if panel.spec.facecolor.is_transparent() {
        figure
    } else {
        panel.spec.facecolor
    }
}

/// The panel's suptitle (at its top), sup labels (bottom, left) and texts.
pub fn draw_texts(panel: &PlacedPanel<'_>, units: Units, surface: &mut impl Surface) {
    let (rect, spec) = (&panel.rect, panel.spec);
    let gap = units.px(GAP);
    let along = |x: f64| rect.x0 + x * rect.width();
    if let Some(title) = &spec.suptitle {
        let anchor = Point::new(along(title.x), rect.y0 + gap);
        let placement = Placement::new(anchor, title.ha, VAlign::Top);
        surface.text(text_block(&title.text, units), placement, title.text.color);
    }
    if let Some(label) = &spec.supxlabel {
        let anchor = Point::new(along(label.x), rect.y1 - gap);
        let placement = Placement::new(anchor, label.ha, VAlign::Bottom);
        surface.text(text_block(&label.text, units), placement, label.text.color);
    }
    if let Some(label) = &spec.supylabel {
        let anchor = Point::new(rect.x0 + gap, rect.y1 - label.y * rect.height());
        let placement = Placement::new(anchor, HAlign::Left, label.va).rotated(90.0);
        surface.text(text_block(&label.text, units), placement, label.text.color);
    }
    for text in &spec.texts {
        let anchor = Point::new(along(text.x), rect.y1 - text.y * rect.height());
        let placement = Placement::new(anchor, text.ha, text.va).rotated(text.rotation);
        let block = text_block(&text.text, units);
        if let Some(bbox) = &text.bbox {
            textbox::draw_box(&block, &placement, bbox, units, surface);
        }
        surface.text(block, placement, text.text.color);
    }
}

//! Charts: figure specs recorded by the guest's `matplotlib` package
//! (docs/CHARTS.md), laid out and rendered on the host with plotters to PNG
//! and SVG, with a structured description of what was drawn.

mod annotation;
mod arrows;
mod artists;
mod aspect;
mod axis;
mod boxes;
mod caps;
mod clip;
mod color;
mod colorbar;
mod describe;
mod draw;
mod effects;
mod figure_legend;
mod fill;
mod geometry;
mod gouraud;
mod hatch;
mod image_filters;
mod joins;
mod label_align;
mod layout;
mod legend;
mod legend_frame;
mod legend_room;
mod margins;
mod marker_path;
mod markevery;
mod mathtext;
mod mesh;
mod minor_ticks;
mod paint;
mod panels;
mod pie;
mod placed;
mod polar;
mod polar_view;
mod quiver;
mod raster;
mod resample;
mod resampled;
mod scale;
mod series;
mod spec;
mod spines;
mod stream_arrows;
mod subplotpars;
mod surface;
mod text;
mod textbox;
mod tick_choice;
mod ticks;
mod transform;
mod validate;
mod validate_panels;
mod validate_parts;
mod vector;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::events::{Display, MimeData};
pub use spec::Figure;

/// MIME type of the chart description.
pub const DESCRIPTION_MIME: &str = "application/vnd.code-interpreter.chart+json";

/// Why a figure was not rendered.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The spec is malformed or asks for more than the host draws.
    #[error("invalid figure: {0}")]
    Invalid(String),
    /// Encoding the image failed.
    #[error("cannot render the figure: {0}")]
    Render(String),
}

/// An image format for `savefig`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Png,
    Svg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Action {
    Display,
    Render,
}

/// The payload of the `chart` host call.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    action: Action,
    format: Format,
    figure: Figure,
}

/// What the `chart` host call produces.
#[derive(Debug)]
pub enum ChartOutput {
    /// A display event for the running cell.
    Display(Display),
    /// The figure's file bytes, for the guest to write.
    File(Vec<u8>),
}

/// Handles one `chart` host call payload.
pub fn handle(payload: &[u8]) -> Result<ChartOutput, ChartError> {
    let request: Request =
        serde_json::from_slice(payload).map_err(|e| ChartError::Invalid(e.to_string()))?;
    match request.action {
        Action::Display => display(&request.figure).map(ChartOutput::Display),
        Action::Render => render(&request.figure, request.format).map(ChartOutput::File),
    }
}

/// Renders `figure` as PNG or SVG bytes.
pub fn render(figure: &Figure, format: Format) -> Result<Vec<u8>, ChartError> {
    validate::check(figure)?;
    let layout = layout::layout(figure)?;
    render_layout(&layout, format)
}

fn render_layout(layout: &layout::Layout<'_>, format: Format) -> Result<Vec<u8>, ChartError> {
    let background = layout.figure.facecolor;
    match format {
        Format::Png => raster::render_png(layout.width, layout.height, background, |surface| {
            draw::draw_figure(layout, surface)
        }),
        Format::Svg => Ok(
            vector::render_svg(layout.width, layout.height, background, |surface| {
                draw::draw_figure(layout, surface)
            })
            .into_bytes(),
        ),
    }
}

/// The display of `figure`: PNG, SVG, description and a text summary.
pub fn display(figure: &Figure) -> Result<Display, ChartError> {
    validate::check(figure)?;
    let layout = layout::layout(figure)?;
    let png = render_layout(&layout, Format::Png)?;
    let svg = render_layout(&layout, Format::Svg)?;
    let description = describe::describe(&layout);
    // As matplotlib's repr, which counts fig.axes (insets are their parents' children).
    let count = figure.axes.iter().filter(|a| a.inset_of.is_none()).count();
    let summary = format!(
        "<Figure size {}x{} with {count} Axes>",
        layout.width, layout.height
    );
    let item = |mime_type: &str, data: Vec<u8>| MimeData {
        mime_type: mime_type.to_owned(),
        data,
    };
    Ok(Display {
        data: vec![
            item("image/png", png),
            item("image/svg+xml", svg),
            item(DESCRIPTION_MIME, description.to_string().into_bytes()),
            item("text/plain", summary.into_bytes()),
        ],
        metadata: BTreeMap::from([
            ("width".to_owned(), layout.width.to_string()),
            ("height".to_owned(), layout.height.to_string()),
        ]),
    })
}

//! The chart description sent with every displayed figure
//! (`application/vnd.code-interpreter.chart+json`): what was drawn, with the
//! numbers, so an agent can read a chart back without looking at it.

use serde_json::{Value, json};

use super::layout::Layout;
use super::placed::PlacedAxes;
use super::spec::{Artist, AxlineOrientation, Coords, DrawStyle, Orientation, Text};
use super::transform;

/// Images with more cells than this are described without their values.
const MAX_DESCRIBED_CELLS: usize = 10_000;

/// The description of a laid-out figure.
pub fn describe(layout: &Layout<'_>) -> Value {
    json!({
        "width": layout.width,
        "height": layout.height,
        "title": layout.figure.suptitle.as_ref().map(|t| &t.text),
        "texts": layout.figure.texts.iter().map(|t| json!({
            "text": t.text.text, "position": [t.x, t.y],
        })).collect::<Vec<_>>(),
        "axes": top_level(layout),
    })
}

/// The figure's axes but insets, each with its insets nested (`"insets"`), as matplotlib lists
/// them (`fig.axes`, and `ax.child_axes`); indices (`twin_of`, `colorbar_of`) count the listed
/// axes (null: an inset).
fn top_level(layout: &Layout<'_>) -> Vec<Value> {
    let mut listed = Vec::with_capacity(layout.axes.len());
    let mut count = 0;
    for axes in &layout.axes {
        listed.push(axes.spec.inset_of.is_none().then_some(count));
        count += usize::from(axes.spec.inset_of.is_none());
    }
    let renumber = |index: Option<usize>| index.and_then(|i| listed.get(i).copied().flatten());
    let described = |axes: &PlacedAxes<'_>| {
        let mut value = describe_axes(axes);
        value["twin_of"] = json!(renumber(axes.spec.twin_of));
        value["colorbar_of"] = json!(renumber(axes.spec.colorbar_of));
        value
    };
    layout
        .axes
        .iter()
        .enumerate()
        .filter(|(_, axes)| axes.spec.inset_of.is_none())
        .map(|(index, axes)| {
            let mut value = described(axes);
            let insets: Vec<Value> = layout
                .axes
                .iter()
                .filter(|other| other.spec.inset_of == Some(index))
                .map(described)
                .collect();
            if !insets.is_empty() {
                value["insets"] = Value::Array(insets);
            }
            value
        })
        .collect()
}

fn describe_axes(axes: &PlacedAxes<'_>) -> Value {
    let spec = axes.spec;
    let scale = transform::name;
    let text = |t: &Option<Text>| t.as_ref().map(|t| t.text.clone());
    json!({
        "title": text(&spec.title),
        "xlabel": text(&spec.xlabel),
        "ylabel": text(&spec.ylabel),
        "xscale": scale(axes.x.kind),
        "yscale": scale(axes.y.kind),
        "xlim": [axes.x.lo, axes.x.hi],
        "ylim": [axes.y.lo, axes.y.hi],
        "twin_of": spec.twin_of,
        "colorbar_of": spec.colorbar_of,
        "series": spec.artists.iter().map(|a| describe_artist(a, axes)).collect::<Vec<_>>(),
    })
}

/// How far from a category's position a coordinate may be and still read as that category:
/// rounding noise of arithmetic on positions (a dodged box's edge at 5.6e-17).
const CATEGORY_SLACK: f64 = 1e-9;

/// A data value, or on a categorical axis the category name when the value sits on that
/// category's position (matplotlib's category units put category `i` at `i`).
fn value(v: f64, categories: Option<&[String]>) -> Value {
    let nearest = v.round();
    if let Some(names) = categories
        && nearest >= 0.0
        && (v - nearest).abs() < CATEGORY_SLACK
        && let Some(name) = names.get(nearest as usize)
    {
        return json!(name);
    }
    json!(v)
}

fn describe_artist(artist: &Artist, axes: &PlacedAxes<'_>) -> Value {
    let xcat = axes.spec.x_categories.as_deref();
    let ycat = axes.spec.y_categories.as_deref();
    let label = artist.label();
    match artist {
        Artist::Quiver(quiver) => json!({
            "type": quiver.role.as_deref().unwrap_or("quiver"), "label": label,
            "arrows": quiver.x.len(),
            "color": quiver.facecolors.first().map(|c| c.hex()),
        }),
        Artist::Line {
            x,
            y,
            color,
            drawstyle,
            role,
            segments,
            coords,
            ..
        } => {
            if role.as_deref() == Some("contour") {
                // One level of contour lines: pieces split by missing points.
                return json!({
                    "type": "contour", "label": label, "color": color.hex(),
                    "lines": x.split(Option::is_none).filter(|p| !p.is_empty()).count(),
                    "vertices": x.iter().flatten().count(),
                });
            }
            let mut line = if *segments {
                json!({
                    "type": "line_collection", "label": label, "color": color.hex(),
                    "segments": pairs(x, y, xcat, ycat)
                        .split(|p| p[0].is_null() && p[1].is_null())
                        .filter(|segment| !segment.is_empty())
                        .collect::<Vec<_>>(),
                })
            } else {
                json!({
                    "type": "line", "label": label, "color": color.hex(),
                    "points": pairs(x, y, xcat, ycat),
                })
            };
            if *drawstyle != DrawStyle::Default {
                line["drawstyle"] = json!(drawstyle);
            }
            if let Some(role) = role {
                line["role"] = json!(role);
            }
            if *coords != [Coords::Data; 2] {
                line["coords"] = json!(coords);
            }
            line
        }
        Artist::Patch {
            x,
            y,
            facecolor,
            edgecolor,
            shape,
            role,
            starts,
            ..
        } => {
            if role.as_deref() == Some("contourf") {
                // A filled contour band: often hundreds of thousands of vertices.
                return json!({
                    "type": "contourf", "label": label, "color": facecolor.hex(),
                    "rings": starts.len() + 1, "vertices": x.len(),
                });
            }
            let mut patch = json!({
                "type": "patch", "label": label, "color": facecolor.hex(),
                "edgecolor": edgecolor.hex(),
                "points": x.iter().zip(y).map(|(x, y)| json!([x, y])).collect::<Vec<_>>(),
            });
            if let Some(shape) = shape {
                patch["shape"] = shape.clone();
            }
            if let Some(role) = role {
                patch["role"] = json!(role);
            }
            patch
        }
        Artist::Image {
            x_edges,
            y_edges,
            rows,
            cols,
            values,
            cmap,
            vmin,
            vmax,
            depth,
            quads,
            ..
        } => {
            let shape: Vec<usize> = [*rows, *cols]
                .into_iter()
                .chain(depth.map(usize::from))
                .collect();
            // A tripcolor's triangles (a PolyCollection or TriMesh in matplotlib) are no grid.
            let triangles = quads.as_ref().is_some_and(|q| q.triangles.is_some());
            let kind = if triangles { "tripcolor" } else { "image" };
            let mut image = json!({
                "type": kind, "label": label, "shape": shape,
                "extent": [x_edges[0], x_edges[*cols], y_edges[0], y_edges[*rows]],
                "cmap": cmap, "vmin": vmin, "vmax": vmax,
            });
            if !values.is_empty() && values.len() <= MAX_DESCRIBED_CELLS {
                image["values"] = json!(values.chunks(*cols).collect::<Vec<_>>());
            }
            image
        }
        Artist::Scatter { x, y, colors, .. } => json!({
            "type": "scatter", "label": label,
            "color": (colors.len() == 1).then(|| colors[0].hex()),
            "colors": (colors.len() > 1).then(|| colors.iter().map(|c| c.hex()).collect::<Vec<_>>()),
            "points": pairs(x, y, xcat, ycat),
        }),
        Artist::Bar {
            orientation,
            x,
            heights,
            colors,
            ..
        } => {
            let (kind, cat) = match orientation {
                Orientation::Vertical => ("bar", xcat),
                Orientation::Horizontal => ("barh", ycat),
            };
            json!({
                "type": kind, "label": label,
                "color": (colors.len() == 1).then(|| colors[0].hex()),
                "colors": (colors.len() > 1).then(|| colors.iter().map(|c| c.hex()).collect::<Vec<_>>()),
                "points": x.iter().zip(heights).map(|(p, h)| json!([value(*p, cat), h])).collect::<Vec<_>>(),
            })
        }
        Artist::Hist {
            edges,
            counts,
            color,
            orientation,
            ..
        } => json!({
            "type": "hist", "label": label, "color": color.hex(), "edges": edges, "counts": counts,
            "orientation": match orientation {
                Orientation::Vertical => "vertical",
                Orientation::Horizontal => "horizontal",
            },
        }),
        Artist::Fill {
            x, y1, y2, color, ..
        } => json!({
            "type": "fill_between", "label": label, "color": color.hex(),
            "points": x.iter().zip(y1).zip(y2)
                .filter_map(|((x, a), b)| Some(json!([value((*x)?, xcat), (*a)?, (*b)?])))
                .collect::<Vec<_>>(),
        }),
        Artist::Axline {
            orientation,
            value: v,
            color,
            ..
        } => json!({
            "type": match orientation {
                AxlineOrientation::Horizontal => "hline",
                AxlineOrientation::Vertical => "vline",
            },
            "label": label, "color": color.hex(), "value": v,
        }),
        Artist::Text { text, x, y, .. } => json!({
            "type": "text", "label": label, "text": text.text, "position": [x, y],
        }),
        Artist::Annotation { text, xy, .. } => json!({
            "type": "annotation", "label": label, "text": text.text,
            "xy": [value(xy[0], xcat), value(xy[1], ycat)],
        }),
        Artist::FancyArrow {
            posa, posb, arrow, ..
        } => json!({
            "type": "arrow", "label": label, "color": arrow.edgecolor.hex(),
            "from": [value(posa[0], xcat), value(posa[1], ycat)],
            "to": [value(posb[0], xcat), value(posb[1], ycat)],
        }),
        Artist::Pie {
            values,
            labels,
            colors,
            ..
        } => {
            let total: f64 = values.iter().sum();
            json!({
                "type": "pie", "label": label,
                "slices": values.iter().enumerate().map(|(i, v)| json!({
                    "label": labels.as_ref().and_then(|l| l.get(i)),
                    "value": v,
                    "fraction": if total > 0.0 { v / total } else { 0.0 },
                    "color": colors.get(i).or(colors.first()).map(|c| c.hex()),
                })).collect::<Vec<_>>(),
            })
        }
    }
}

fn pairs(
    x: &[Option<f64>],
    y: &[Option<f64>],
    xcat: Option<&[String]>,
    ycat: Option<&[String]>,
) -> Vec<Value> {
    x.iter()
        .zip(y)
        .map(|(x, y)| {
            json!([
                x.map_or(Value::Null, |v| value(v, xcat)),
                y.map_or(Value::Null, |v| value(v, ycat)),
            ])
        })
        .collect()
}

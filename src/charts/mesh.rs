//! A non-rectilinear pcolormesh (matplotlib's QuadMesh of arbitrary
//! quadrilaterals): each cell filled in its colour between its four corners.

use super::clip::clip_polygon;
use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::paint::stroke_line;
use super::scale::{AxisMap, position};
use super::spec::{Coords, LineStyle, Quads};
use super::surface::Surface;

/// Fills the `rows` x `cols` cells of `quads` with `pixels` (row by row),
/// clipped to `frame`, outlined with `edge` (colour, pixels) if any.
pub fn draw(
    surface: &mut impl Surface,
    quads: &Quads,
    (rows, cols): (usize, usize),
    pixels: &[Rgba],
    (xmap, ymap, frame): (&AxisMap, &AxisMap, &Rect),
    edge: Option<(Rgba, f64)>,
) {
    // Each corner once: neighbouring cells share them.
    let points: Vec<Option<Point>> = quads
        .x
        .iter()
        .zip(&quads.y)
        .map(|(&x, &y)| {
            Some(Point::new(
                position(Coords::Data, x, xmap)?,
                position(Coords::Data, y, ymap)?,
            ))
        })
        .collect();
    let corner = |r: usize, c: usize| points[r * (cols + 1) + c];
    for row in 0..rows {
        for col in 0..cols {
            let Some(cell) = [
                (row, col),
                (row, col + 1),
                (row + 1, col + 1),
                (row + 1, col),
            ]
            .into_iter()
            .map(|(r, c)| corner(r, c))
            .collect::<Option<Vec<Point>>>() else {
                continue;
            };
            let color = pixels[row * cols + col];
            surface.fill_polygon(&clip_polygon(&cell, frame), color);
            let mut outline = cell.clone();
            outline.push(cell[0]);
            // matplotlib draws the mesh unantialiased: the cells' own colour
            // over their borders keeps the background from showing between them.
            let (line, width) = edge.unwrap_or((color, 1.0));
            stroke_line(
                surface,
                &outline,
                Some(frame),
                line,
                width,
                &LineStyle::Solid,
            );
        }
    }
}

//! A non-rectilinear pcolormesh (matplotlib's QuadMesh of arbitrary
//! quadrilaterals) or a flat tripcolor (a PolyCollection of triangles): each
//! cell filled in its colour between its corners.

use super::clip::clip_polygon;
use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::paint::stroke_line;
use super::scale::{AxisMap, position};
use super::spec::{Coords, LineStyle, Quads};
use super::surface::Surface;

/// Fills the `rows` x `cols` cells of `quads` (its triangles, if any) with `pixels` (row by row),
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
    let cells: Vec<Vec<usize>> = match &quads.triangles {
        Some(triangles) => triangles.chunks(3).map(<[usize]>::to_vec).collect(),
        None => (0..rows * cols)
            .map(|cell| {
                let (row, col) = (cell / cols, cell % cols);
                let at = |r: usize, c: usize| r * (cols + 1) + c;
                vec![
                    at(row, col),
                    at(row, col + 1),
                    at(row + 1, col + 1),
                    at(row + 1, col),
                ]
            })
            .collect(),
    };
    for (index, corners) in cells.iter().enumerate() {
        let Some(cell) = corners
            .iter()
            .map(|&i| points[i])
            .collect::<Option<Vec<Point>>>()
        else {
            continue;
        };
        let color = pixels[index];
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

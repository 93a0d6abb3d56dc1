//! Gouraud shading (matplotlib's `pcolormesh(shading='gouraud')`, and
//! `tripcolor`'s TriMesh of its own triangles): each
//! quadrilateral of the mesh split into four triangles about its centre (the
//! mean of its corners, in the mean of their colours, as matplotlib's
//! `QuadMesh._convert_mesh_to_triangles`), each triangle filled with its
//! corners' colours interpolated linearly (Agg's `span_gouraud_rgba`) at the
//! centres of the pixels it covers.

use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::scale::{AxisMap, position};
use super::spec::{Coords, Quads};
use super::surface::{RasterImage, Surface};

/// A corner: where it is (figure pixels) and its colour (0..255 floats).
#[derive(Clone, Copy)]
struct Corner {
    at: Point,
    rgba: [f64; 4],
}

/// Draws the `rows` x `cols` points of `quads`, coloured by `pixels`, as
/// gouraud-shaded triangles, clipped to `frame`. A point whose value is
/// missing (masked) leaves out every quad it is a corner of, as matplotlib's
/// NaN alpha there leaves out their triangles.
pub fn draw_mesh(
    surface: &mut impl Surface,
    quads: &Quads,
    (rows, cols): (usize, usize),
    (pixels, values): (&[Rgba], &[Option<f64>]),
    (xmap, ymap, frame): (&AxisMap, &AxisMap, &Rect),
) {
    let masked = |i: usize| values.get(i).is_some_and(Option::is_none);
    let corners: Vec<Option<Corner>> = quads
        .x
        .iter()
        .zip(&quads.y)
        .zip(pixels)
        .enumerate()
        .map(|(i, ((&x, &y), p))| {
            if masked(i) && quads.triangles.is_none() {
                return None;
            }
            Some(Corner {
                at: Point::new(
                    position(Coords::Data, x, xmap)?,
                    position(Coords::Data, y, ymap)?,
                ),
                rgba: [p.r, p.g, p.b, p.a].map(f64::from),
            })
        })
        .collect();
    let mut triangles = Vec::new();
    if let Some(indices) = &quads.triangles {
        // A tripcolor's TriMesh: its own triangles, each between its points.
        triangles.extend(
            indices
                .chunks(3)
                .filter_map(|t| Some([corners[t[0]]?, corners[t[1]]?, corners[t[2]]?])),
        );
        fill_triangles(surface, &triangles, frame);
        return;
    }
    for row in 0..rows.saturating_sub(1) {
        for col in 0..cols.saturating_sub(1) {
            let at = |r: usize, c: usize| corners[r * cols + c];
            let (Some(a), Some(b), Some(c), Some(d)) = (
                at(row, col),
                at(row, col + 1),
                at(row + 1, col + 1),
                at(row + 1, col),
            ) else {
                continue;
            };
            let centre = Corner {
                at: Point::new(
                    (a.at.x + b.at.x + c.at.x + d.at.x) / 4.0,
                    (a.at.y + b.at.y + c.at.y + d.at.y) / 4.0,
                ),
                rgba: std::array::from_fn(|i| {
                    (a.rgba[i] + b.rgba[i] + c.rgba[i] + d.rgba[i]) / 4.0
                }),
            };
            triangles.extend([
                [a, b, centre],
                [b, c, centre],
                [c, d, centre],
                [d, a, centre],
            ]);
        }
    }
    fill_triangles(surface, &triangles, frame);
}

/// Fills `triangles` (later ones over earlier ones where they share pixels)
/// as one raster image over their extent within `clip`.
fn fill_triangles(surface: &mut impl Surface, triangles: &[[Corner; 3]], clip: &Rect) {
    let points = triangles.iter().flatten().map(|c| c.at);
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
    }
    let left = x0.max(clip.x0).floor();
    let top = y0.max(clip.y0).floor();
    let right = x1.min(clip.x1).ceil();
    let bottom = y1.min(clip.y1).ceil();
    if !(left < right && top < bottom) {
        return;
    }
    let (width, height) = ((right - left) as usize, (bottom - top) as usize);
    let mut pixels = vec![Rgba::TRANSPARENT; width * height];
    for triangle in triangles {
        paint_triangle(&mut pixels, (width, height), (left, top), triangle, clip);
    }
    surface.image(RasterImage {
        left: left as i64,
        top: top as i64,
        width,
        pixels,
    });
}

/// Sets the pixels whose centres `triangle` covers (and `clip` holds) to
/// its corners' colours weighted by the centres' barycentric coordinates.
fn paint_triangle(
    pixels: &mut [Rgba],
    (width, height): (usize, usize),
    (left, top): (f64, f64),
    [a, b, c]: &[Corner; 3],
    clip: &Rect,
) {
    let area = (b.at.x - a.at.x) * (c.at.y - a.at.y) - (c.at.x - a.at.x) * (b.at.y - a.at.y);
    if area == 0.0 || !area.is_finite() {
        return;
    }
    let xs = [a.at.x, b.at.x, c.at.x];
    let ys = [a.at.y, b.at.y, c.at.y];
    let lo_x = ((xs.iter().copied().fold(f64::MAX, f64::min) - left)
        .floor()
        .max(0.0)) as usize;
    let hi_x = ((xs.iter().copied().fold(f64::MIN, f64::max) - left).ceil() as usize).min(width);
    let lo_y = ((ys.iter().copied().fold(f64::MAX, f64::min) - top)
        .floor()
        .max(0.0)) as usize;
    let hi_y = ((ys.iter().copied().fold(f64::MIN, f64::max) - top).ceil() as usize).min(height);
    let edge =
        |p: Point, q: Point, x: f64, y: f64| (q.x - p.x) * (y - p.y) - (x - p.x) * (q.y - p.y);
    for j in lo_y..hi_y {
        let y = top + j as f64 + 0.5;
        if y < clip.y0 || y > clip.y1 {
            continue;
        }
        for i in lo_x..hi_x {
            let x = left + i as f64 + 0.5;
            if x < clip.x0 || x > clip.x1 {
                continue;
            }
            let (wa, wb, wc) = (
                edge(b.at, c.at, x, y) / area,
                edge(c.at, a.at, x, y) / area,
                edge(a.at, b.at, x, y) / area,
            );
            if wa < 0.0 || wb < 0.0 || wc < 0.0 {
                continue;
            }
            let channel =
                |k: usize| (wa * a.rgba[k] + wb * b.rgba[k] + wc * c.rgba[k]).round() as u8;
            pixels[j * width + i] = Rgba {
                r: channel(0),
                g: channel(1),
                b: channel(2),
                a: channel(3),
            };
        }
    }
}

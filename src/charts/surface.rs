//! What the chart drawing code draws on: filled polygons, stroked polylines and
//! text, in figure pixels with sub-pixel precision. Shapes go to a plotters
//! backend (bitmap or SVG) at `scale` times the figure's size, which keeps
//! sub-pixel positions on plotters' integer grid; text is kept aside and drawn
//! last, as glyph outlines, by the output format.

use plotters::prelude::DrawingBackend;
use plotters::style::{RGBAColor, ShapeStyle};

use super::clip::{clip_polygon, clip_polyline};
use super::color::Rgba;
use super::fill;
use super::geometry::{Point, Rect};
use super::joins;
use super::spec::JoinStyle;
use super::text::{Placement, TextBlock};

/// A text block waiting to be drawn over the shapes.
pub struct QueuedText {
    pub block: TextBlock,
    pub placement: Placement,
    pub color: Rgba,
}

/// A raster image on the figure's pixel grid: `width` pixels a row, rows
/// top to bottom, its top-left pixel at (`left`, `top`).
pub struct RasterImage {
    pub left: i64,
    pub top: i64,
    pub width: usize,
    pub pixels: Vec<Rgba>,
}

/// Drawing operations in figure pixels.
pub trait Surface {
    /// Draws `image` (an imshow image resampled to the figure's pixels).
    fn image(&mut self, image: RasterImage);
    fn fill_polygon(&mut self, points: &[Point], color: Rgba);
    /// Fills several rings as one shape by the nonzero winding rule.
    fn fill_rings(&mut self, rings: &[Vec<Point>], color: Rgba);
    /// Fills an axis-aligned rectangle (much faster than a polygon).
    fn fill_rect(&mut self, rect: &Rect, color: Rgba);
    /// A polyline of `width` pixels (at least one output pixel wide).
    fn stroke(&mut self, points: &[Point], color: Rgba, width: f64);
    /// A polyline of `width` pixels whose segments meet by `join`, as
    /// matplotlib's Agg joins them (its miter limit the width in pixels).
    fn stroke_joined(&mut self, points: &[Point], color: Rgba, width: f64, join: JoinStyle);
    fn text(&mut self, block: TextBlock, placement: Placement, color: Rgba);
}

/// How wide lines reach the backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strokes {
    /// As one path: the backend joins segments (SVG).
    Paths,
    /// Opaque ones as a quad per segment plus a round join per vertex: a
    /// bitmap backend fills a wide path as one polygon whose self-overlaps
    /// (every sharp turn of noisy data) cancel out.
    Segments,
}

/// A [`Surface`] over a plotters backend.
pub struct PlottersSurface<DB: DrawingBackend> {
    backend: DB,
    scale: f64,
    strokes: Strokes,
    texts: Vec<QueuedText>,
    images: Vec<RasterImage>,
    /// How many paths (SVG polylines) were drawn.
    paths: usize,
    /// The joins of some of them: (index among the paths, join, miter limit).
    joins: Vec<PathJoin>,
}

/// How one of a vector surface's paths joins its segments.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathJoin {
    pub index: usize,
    pub join: JoinStyle,
    pub miter_limit: f64,
}

impl<DB: DrawingBackend> PlottersSurface<DB> {
    /// Draws on `backend`, which is `scale` times the figure's size.
    pub fn new(backend: DB, scale: f64, strokes: Strokes) -> Self {
        Self {
            backend,
            scale,
            strokes,
            texts: Vec::new(),
            images: Vec::new(),
            paths: 0,
            joins: Vec::new(),
        }
    }

    /// The joins of the paths drawn on a vector backend (which draws every
    /// path with its own default joins otherwise).
    pub fn take_joins(&mut self) -> Vec<PathJoin> {
        std::mem::take(&mut self.joins)
    }

    /// The images drawn on a vector backend, each where a placeholder
    /// `<rect x="IMAGE_MARK" y="index" ...>` stands in the output.
    pub fn take_images(&mut self) -> Vec<RasterImage> {
        std::mem::take(&mut self.images)
    }

    /// Flushes the backend; returns the text still to draw.
    pub fn finish(mut self) -> Vec<QueuedText> {
        // Bitmap and SVG backends only fail on file output, which is not used.
        let _ = self.backend.present();
        self.texts
    }

    /// The figure plus a margin wider than any line: shapes are clipped to it
    /// before they reach the backend, whose integer coordinates (and line
    /// rasterizer) cannot take points far outside, as an annotation or data
    /// point at 1e300 would give.
    fn canvas(&self) -> Rect {
        let (width, height) = self.backend.get_size();
        let margin = CANVAS_MARGIN_PX;
        Rect::new(
            -margin,
            -margin,
            f64::from(width) / self.scale + margin,
            f64::from(height) / self.scale + margin,
        )
    }

    fn coords(&self, points: &[Point]) -> Vec<(i32, i32)> {
        let mut coords: Vec<(i32, i32)> = points
            .iter()
            .map(|p| {
                let q = p.scaled(self.scale);
                (q.x.round() as i32, q.y.round() as i32)
            })
            .collect();
        coords.dedup();
        coords
    }
}

impl<DB: DrawingBackend> PlottersSurface<DB> {
    /// A wide opaque polyline as filled quads and round joins (`width` in
    /// backend pixels).
    fn stroke_segments(&mut self, points: &[Point], color: Rgba, width: f64) {
        let fill = style(color, true, 1);
        let half = width / 2.0;
        let to_backend = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
        let scaled: Vec<Point> = points.iter().map(|p| p.scaled(self.scale)).collect();
        for pair in scaled.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let length = (b.x - a.x).hypot(b.y - a.y);
            if length < 1e-9 {
                continue;
            }
            let (nx, ny) = (-(b.y - a.y) / length * half, (b.x - a.x) / length * half);
            let quad = [
                to_backend(a.x + nx, a.y + ny),
                to_backend(b.x + nx, b.y + ny),
                to_backend(b.x - nx, b.y - ny),
                to_backend(a.x - nx, a.y - ny),
            ];
            let _ = self.backend.fill_polygon(quad, &fill);
        }
        for triple in scaled.windows(3) {
            let (before, joint, after) = (triple[0], triple[1], triple[2]);
            if turn_angle(before, joint, after) < MIN_JOIN_TURN {
                continue;
            }
            let octagon = (0..8).map(|i| {
                let angle = std::f64::consts::FRAC_PI_4 * f64::from(i);
                to_backend(joint.x + half * angle.cos(), joint.y + half * angle.sin())
            });
            let _ = self.backend.fill_polygon(octagon, &fill);
        }
    }
}

/// How far past the figure's edge (figure pixels) shapes are kept.
const CANVAS_MARGIN_PX: f64 = 256.0;

/// Turns smaller than this (radians) get no round join: the notch they leave
/// is under a quarter of a pixel for the line widths charts use.
const MIN_JOIN_TURN: f64 = 0.25;

/// The angle between segments `a→b` and `b→c`, in radians (0 = straight on).
fn turn_angle(a: Point, b: Point, c: Point) -> f64 {
    let (ux, uy) = (b.x - a.x, b.y - a.y);
    let (vx, vy) = (c.x - b.x, c.y - b.y);
    (ux * vy - uy * vx).atan2(ux * vx + uy * vy).abs()
}

fn style(color: Rgba, filled: bool, width: u32) -> ShapeStyle {
    ShapeStyle {
        color: RGBAColor(color.r, color.g, color.b, color.alpha()),
        filled,
        stroke_width: width,
    }
}

/// The x of the placeholder rectangles standing for images on a vector backend.
pub const IMAGE_MARK: i32 = -999_999;

impl<DB: DrawingBackend> Surface for PlottersSurface<DB> {
    fn image(&mut self, image: RasterImage) {
        if self.strokes == Strokes::Paths {
            // A vector backend embeds the image whole (vector.rs), in its turn
            // among the shapes.
            let index = self.images.len() as i32;
            let mark = (IMAGE_MARK, index);
            let end = (IMAGE_MARK + 1, index + 1);
            let _ = self
                .backend
                .draw_rect(mark, end, &style(Rgba::BLACK, true, 1), true);
            self.images.push(image);
            return;
        }
        // A bitmap one fills a run of equal pixels at a time.
        for (j, row) in image.pixels.chunks_exact(image.width.max(1)).enumerate() {
            let y = (image.top + j as i64) as f64;
            let mut i = 0;
            while i < row.len() {
                let colour = row[i];
                let end = i + row[i..].iter().take_while(|&&c| c == colour).count();
                let x = (image.left + i as i64) as f64;
                let rect = Rect::new(x, y, x + (end - i) as f64, y + 1.0);
                self.fill_rect(&rect, colour);
                i = end;
            }
        }
    }

    fn fill_polygon(&mut self, points: &[Point], color: Rgba) {
        if color.is_transparent() || points.len() < 3 {
            return;
        }
        if !points.iter().all(Point::is_finite) {
            return;
        }
        let points = clip_polygon(points, &self.canvas());
        if points.len() < 3 {
            return;
        }
        let coords = self.coords(&points);
        let _ = self.backend.fill_polygon(coords, &style(color, true, 1));
    }

    fn fill_rings(&mut self, rings: &[Vec<Point>], color: Rgba) {
        if color.is_transparent() || rings.iter().flatten().any(|p| !p.is_finite()) {
            return;
        }
        let canvas = self.canvas();
        let scaled: Vec<Vec<Point>> = rings
            .iter()
            .map(|ring| {
                clip_polygon(ring, &canvas)
                    .iter()
                    .map(|p| p.scaled(self.scale))
                    .collect()
            })
            .filter(|ring: &Vec<Point>| ring.len() >= 3)
            .collect();
        if self.strokes == Strokes::Paths {
            // A vector backend fills a polygon by the nonzero rule itself: the
            // rings as one polygon, each reached from the first ring's start
            // and left back along the same bridge (which adds no winding).
            let Some(anchor) = scaled.first().map(|ring| ring[0]) else {
                return;
            };
            let joined = scaled
                .iter()
                .flat_map(|ring| ring.iter().chain([&ring[0], &anchor]))
                .map(|p| (p.x.round() as i32, p.y.round() as i32));
            let _ = self.backend.fill_polygon(joined, &style(color, true, 1));
            return;
        }
        let (_, height) = self.backend.get_size();
        let rows = 0..i32::try_from(height).unwrap_or(i32::MAX);
        // One pixel row per span: rows never overlap, so translucent fills
        // stay even.
        for (row, x0, x1) in fill::nonzero_spans(&scaled, rows) {
            let (x0, x1) = (x0.round() as i32, x1.round() as i32);
            if x0 < x1 {
                let _ =
                    self.backend
                        .draw_rect((x0, row), (x1, row + 1), &style(color, true, 1), true);
            }
        }
    }

    fn fill_rect(&mut self, rect: &Rect, color: Rgba) {
        if color.is_transparent() {
            return;
        }
        if ![rect.x0, rect.y0, rect.x1, rect.y1]
            .iter()
            .all(|v| v.is_finite())
        {
            return;
        }
        let canvas = self.canvas();
        let rect = Rect::new(
            rect.x0.clamp(canvas.x0, canvas.x1),
            rect.y0.clamp(canvas.y0, canvas.y1),
            rect.x1.clamp(canvas.x0, canvas.x1),
            rect.y1.clamp(canvas.y0, canvas.y1),
        );
        let corner = |x: f64, y: f64| {
            let q = Point::new(x, y).scaled(self.scale);
            (q.x.round() as i32, q.y.round() as i32)
        };
        let (upper_left, lower_right) = (corner(rect.x0, rect.y0), corner(rect.x1, rect.y1));
        if upper_left.0 < lower_right.0 && upper_left.1 < lower_right.1 {
            // A filled draw_rect covers up to, not including, the lower-right
            // corner (bitmap and SVG): rectangles sharing an edge meet exactly.
            let _ = self
                .backend
                .draw_rect(upper_left, lower_right, &style(color, true, 1), true);
        }
    }

    fn stroke(&mut self, points: &[Point], color: Rgba, width: f64) {
        if color.is_transparent() || points.len() < 2 || width <= 0.0 {
            return;
        }
        for piece in clip_polyline(points, &self.canvas()) {
            self.stroke_inside(&piece, color, width);
        }
    }

    fn stroke_joined(&mut self, points: &[Point], color: Rgba, width: f64, join: JoinStyle) {
        if color.is_transparent() || points.len() < 2 || width <= 0.0 {
            return;
        }
        // matplotlib's Agg miter limit: the line width in pixels.
        let limit = width;
        for piece in clip_polyline(points, &self.canvas()) {
            let backend_width = width * self.scale;
            if self.strokes == Strokes::Paths {
                let index = self.paths;
                self.stroke_inside(&piece, color, width);
                if self.paths > index {
                    let miter_limit = limit.max(1.0);
                    self.joins.push(PathJoin {
                        index,
                        join,
                        miter_limit,
                    });
                    if join == JoinStyle::Miter {
                        // SVG bevels a miter beyond its limit; Agg cuts it off.
                        for tip in joins::cut_miter_tips(&piece, width / 2.0, miter_limit) {
                            self.fill_polygon(&tip, color);
                        }
                    }
                }
            } else if backend_width.round() > 2.0 {
                // As wide as the backend's own strokes: whole output pixels.
                let half = backend_width.round() / self.scale / 2.0;
                let pieces = joins::stroke_pieces(&piece, half, join, limit);
                if color.a == 255 {
                    for piece in &pieces {
                        self.fill_polygon(piece, color);
                    }
                } else {
                    // Overlapping pieces painted once: filled together.
                    self.fill_rings(&pieces, color);
                }
            } else {
                self.stroke_inside(&piece, color, width);
            }
        }
    }

    fn text(&mut self, block: TextBlock, placement: Placement, color: Rgba) {
        if !color.is_transparent() && !block.is_empty() {
            self.texts.push(QueuedText {
                block,
                placement,
                color,
            });
        }
    }
}

impl<DB: DrawingBackend> PlottersSurface<DB> {
    /// Strokes a polyline that lies within the canvas.
    fn stroke_inside(&mut self, points: &[Point], color: Rgba, width: f64) {
        let coords = self.coords(points);
        if coords.len() < 2 {
            return;
        }
        // No wider than the canvas margin: the quads of wider strokes would
        // reach past what the backend's integer coordinates take.
        let width = (width * self.scale)
            .round()
            .clamp(1.0, CANVAS_MARGIN_PX * self.scale);
        if self.strokes == Strokes::Segments && width > 2.0 && color.a == 255 {
            self.stroke_segments(points, color, width);
        } else {
            self.paths += 1;
            let _ = self
                .backend
                .draw_path(coords, &style(color, false, width as u32));
        }
    }
}

//! Hatching (matplotlib's `hatch=`): matplotlib's hatch patterns (lines,
//! circles, dots and stars, 6 per inch per repeated character) tiled in cells
//! of one inch from the figure's top-left corner, clipped to the filled shape
//! and the axes, drawn over the fill and under the edge as matplotlib's Agg
//! does.

use std::f64::consts::PI;

use super::clip::{clip_by, clip_polygon, clip_polyline};
use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::paint::{Units, fill_rect};
use super::spec::HatchSpec;
use super::surface::Surface;

/// Lines (or rows of shapes) per inch of one pattern character.
const DENSITY: usize = 6;
/// Straight segments of a hatch circle (matplotlib's unit circle: 8 Béziers).
const CIRCLE_STEPS: usize = 24;

/// A hatch: its pattern, colour and line width in pixels.
#[derive(Debug, Clone, Copy)]
pub struct Hatch<'a> {
    pub pattern: &'a str,
    pub color: Rgba,
    pub width_px: f64,
    /// The tile's side in pixels (one inch).
    pub cell_px: f64,
}

/// One tile of a pattern in the unit square (y up), cut to that square as
/// Agg draws it into its tile.
#[derive(Debug, Default)]
struct Tile {
    /// Stroked segments.
    segments: Vec<[Point; 2]>,
    /// Filled convex pieces (their outlines are among the segments).
    pieces: Vec<Vec<Point>>,
}

impl Tile {
    fn of(pattern: &str) -> Tile {
        let count = |chars: &str| pattern.chars().filter(|c| chars.contains(*c)).count() * DENSITY;
        let mut tile = Tile::default();
        // Horizontal and vertical lines at the middles of n equal bands.
        let n = count("-+");
        for k in 0..n {
            let v = (k as f64 + 0.5) / n as f64;
            tile.segment(Point::new(0.0, v), Point::new(1.0, v));
        }
        let n = count("|+");
        for k in 0..n {
            let u = (k as f64 + 0.5) / n as f64;
            tile.segment(Point::new(u, 0.0), Point::new(u, 1.0));
        }
        // Diagonals: n + 1 lines offset by -0.5..0.5.
        let n = count("/xX");
        for s in steps(n) {
            tile.segment(Point::new(s, -s), Point::new(1.0 + s, 1.0 - s));
        }
        let n = count("\\xX");
        for s in steps(n) {
            tile.segment(Point::new(s, 1.0 + s), Point::new(1.0 + s, s));
        }
        // Shapes on staggered rows: (radius in row spacings, filled, star).
        for (chars, size, filled, star) in [
            ("o", 0.2, false, false),
            ("O", 0.35, false, false),
            (".", 0.1, true, false),
            ("*", 1.0 / 3.0, true, true),
        ] {
            let rows = count(chars);
            if rows == 0 {
                continue;
            }
            let offset = 1.0 / rows as f64;
            let radius = offset * size;
            for row in 0..=rows {
                let (first, columns) = if row.is_multiple_of(2) {
                    (0.0, rows + 1)
                } else {
                    (offset / 2.0, rows)
                };
                for col in 0..columns {
                    let centre = Point::new(first + col as f64 * offset, row as f64 * offset);
                    if star {
                        tile.star(centre, radius);
                    } else {
                        tile.circle(centre, radius, filled);
                    }
                }
            }
        }
        tile
    }

    fn segment(&mut self, a: Point, b: Point) {
        for piece in clip_polyline(&[a, b], &UNIT) {
            if let &[p, q] = piece.as_slice() {
                self.segments.push([p, q]);
            }
        }
    }

    fn outline(&mut self, points: &[Point]) {
        for (i, &a) in points.iter().enumerate() {
            self.segment(a, points[(i + 1) % points.len()]);
        }
    }

    fn piece(&mut self, points: Vec<Point>) {
        let cut = clip_polygon(&points, &UNIT);
        // A sliver cut off at the tile's edge has no inside to fill.
        if cut.len() >= 3 && twice_area(&cut).abs() > 1e-12 {
            self.pieces.push(cut);
        }
    }

    /// An open circle is drawn as matplotlib's ring (the circle and one of
    /// 0.9 its radius, stroked); a filled one is a disc.
    fn circle(&mut self, centre: Point, radius: f64, filled: bool) {
        let ring = |r: f64| -> Vec<Point> {
            (0..CIRCLE_STEPS)
                .map(|i| {
                    let a = 2.0 * PI * i as f64 / CIRCLE_STEPS as f64;
                    Point::new(centre.x + r * a.cos(), centre.y + r * a.sin())
                })
                .collect()
        };
        let outer = ring(radius);
        self.outline(&outer);
        if filled {
            self.piece(outer);
        } else {
            self.outline(&ring(0.9 * radius));
        }
    }

    /// matplotlib's unit_regular_star(5) (inner radius 0.5), filled as its
    /// inner pentagon and five tips.
    fn star(&mut self, centre: Point, radius: f64) {
        let corner = |i: usize| {
            let r = if i.is_multiple_of(2) {
                radius
            } else {
                radius / 2.0
            };
            let a = PI / 2.0 + PI * i as f64 / 5.0;
            Point::new(centre.x + r * a.cos(), centre.y + r * a.sin())
        };
        let corners: Vec<Point> = (0..10).map(corner).collect();
        self.outline(&corners);
        self.piece((0..5).map(|i| corners[2 * i + 1]).collect());
        for i in 0..5 {
            let tip = 2 * i;
            self.piece(vec![
                corners[(tip + 9) % 10],
                corners[tip],
                corners[tip + 1],
            ]);
        }
    }
}

const UNIT: Rect = Rect {
    x0: 0.0,
    y0: 0.0,
    x1: 1.0,
    y1: 1.0,
};

/// matplotlib's `linspace(-0.5, 0.5, n + 1)` (nothing for n = 0).
fn steps(n: usize) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    (0..=n).map(|k| -0.5 + k as f64 / n as f64).collect()
}

/// Hatches the shape of `rings` (pixels) with `spec`, if any, inside `clip`
/// and the figure.
pub fn over(
    surface: &mut impl Surface,
    rings: &[&[Point]],
    clip: &Rect,
    spec: Option<&HatchSpec>,
    (units, figure_size): (Units, (f64, f64)),
) {
    let Some(spec) = spec else {
        return;
    };
    let (width, height) = figure_size;
    let Some(clip) = clip.intersection(&Rect::new(0.0, 0.0, width, height)) else {
        return;
    };
    let rings: Vec<Vec<Point>> = rings.iter().map(|r| r.to_vec()).collect();
    let hatch = Hatch {
        pattern: &spec.pattern,
        color: spec.color,
        width_px: units.px(spec.linewidth),
        cell_px: units.dpi,
    };
    draw(surface, &rings, &clip, &hatch);
}

/// A bar: filled, hatched, then outlined.
pub fn rect(
    surface: &mut impl Surface,
    (rect, clip): (&Rect, &Rect),
    fill: Rgba,
    edge: Option<(Rgba, f64)>,
    spec: Option<&HatchSpec>,
    figure: (Units, (f64, f64)),
) {
    if spec.is_none() {
        fill_rect(surface, rect, clip, fill, edge);
        return;
    }
    fill_rect(surface, rect, clip, fill, None);
    let corners = [
        Point::new(rect.x0, rect.y0),
        Point::new(rect.x1, rect.y0),
        Point::new(rect.x1, rect.y1),
        Point::new(rect.x0, rect.y1),
    ];
    over(surface, &[corners.as_slice()], clip, spec, figure);
    fill_rect(surface, rect, clip, Rgba::TRANSPARENT, edge);
}

/// Hatches the shape filled from `rings` (figure pixels, nonzero rule),
/// inside `clip`.
pub fn draw(surface: &mut impl Surface, rings: &[Vec<Point>], clip: &Rect, hatch: &Hatch<'_>) {
    let tile = Tile::of(hatch.pattern);
    let size = hatch.cell_px;
    if tile.segments.is_empty() || size.is_nan() || size <= 0.0 {
        return;
    }
    let Some(bounds) = Rect::enclosing(rings.iter().flatten().copied()).intersection(clip) else {
        return;
    };
    let ring_bounds: Vec<Rect> = rings
        .iter()
        .map(|r| Rect::enclosing(r.iter().copied()))
        .collect();
    let cells = |lo: f64, hi: f64| (lo / size).floor() as i64..(hi / size).ceil() as i64;
    for row in cells(bounds.y0, bounds.y1) {
        for col in cells(bounds.x0, bounds.x1) {
            let (x0, y0) = (col as f64 * size, row as f64 * size);
            let Some(cell) = Rect::new(x0, y0, x0 + size, y0 + size).intersection(clip) else {
                continue;
            };
            // The shape's part in this cell: winding numbers inside it stay.
            let local: Vec<Vec<Point>> = rings
                .iter()
                .zip(&ring_bounds)
                .filter(|(_, b)| b.intersection(&cell).is_some())
                .map(|(ring, _)| clip_polygon(ring, &cell))
                .filter(|ring| ring.len() >= 3)
                .collect();
            if local.is_empty() {
                continue;
            }
            let at = |p: &Point| Point::new(x0 + p.x * size, y0 + (1.0 - p.y) * size);
            for piece in &tile.pieces {
                let piece: Vec<Point> = piece.iter().map(at).collect();
                let parts: Vec<Vec<Point>> = local
                    .iter()
                    .map(|ring| clip_convex(ring, &piece))
                    .filter(|part| part.len() >= 3)
                    .collect();
                if !parts.is_empty() {
                    surface.fill_rings(&parts, hatch.color);
                }
            }
            for [a, b] in &tile.segments {
                for part in inside(at(a), at(b), &local) {
                    surface.stroke(&part, hatch.color, hatch.width_px);
                }
            }
        }
    }
}

fn cross(o: Point, a: Point, b: Point) -> f64 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

fn edges(ring: &[Point]) -> impl Iterator<Item = (Point, Point)> + '_ {
    ring.iter()
        .zip(ring.iter().cycle().skip(1))
        .map(|(a, b)| (*a, *b))
}

/// The nonzero winding number of `p` around `rings`.
fn winding(p: Point, rings: &[Vec<Point>]) -> i32 {
    let mut w = 0;
    for (a, b) in rings.iter().flat_map(|r| edges(r)) {
        if a.y <= p.y {
            if b.y > p.y && cross(a, b, p) > 0.0 {
                w += 1;
            }
        } else if b.y <= p.y && cross(a, b, p) < 0.0 {
            w -= 1;
        }
    }
    w
}

/// The parts of segment `a`-`b` inside `rings` (nonzero rule).
fn inside(a: Point, b: Point, rings: &[Vec<Point>]) -> Vec<[Point; 2]> {
    let d = Point::new(b.x - a.x, b.y - a.y);
    let mut ts = vec![0.0, 1.0];
    for (p, q) in rings.iter().flat_map(|r| edges(r)) {
        let e = Point::new(q.x - p.x, q.y - p.y);
        let denom = d.x * e.y - d.y * e.x;
        if denom == 0.0 {
            continue;
        }
        let t = ((p.x - a.x) * e.y - (p.y - a.y) * e.x) / denom;
        let s = ((p.x - a.x) * d.y - (p.y - a.y) * d.x) / denom;
        if t > 0.0 && t < 1.0 && (0.0..=1.0).contains(&s) {
            ts.push(t);
        }
    }
    ts.sort_by(f64::total_cmp);
    let at = |t: f64| Point::new(a.x + d.x * t, a.y + d.y * t);
    let mut parts: Vec<[Point; 2]> = Vec::new();
    for pair in ts.windows(2) {
        let (t0, t1) = (pair[0], pair[1]);
        if t1 - t0 < 1e-12 || winding(at((t0 + t1) / 2.0), rings) == 0 {
            continue;
        }
        match parts.last_mut() {
            Some(last) if last[1] == at(t0) => last[1] = at(t1),
            _ => parts.push([at(t0), at(t1)]),
        }
    }
    parts
}

/// Twice the signed area of a polygon.
fn twice_area(points: &[Point]) -> f64 {
    edges(points).map(|(a, b)| a.x * b.y - b.x * a.y).sum()
}

/// The part of polygon `subject` inside the convex polygon `clipper`
/// (Sutherland–Hodgman; the subject keeps its turning direction).
fn clip_convex(subject: &[Point], clipper: &[Point]) -> Vec<Point> {
    let area = twice_area(clipper);
    if area == 0.0 {
        return Vec::new();
    }
    let sign = area.signum();
    let mut polygon = subject.to_vec();
    for (e0, e1) in edges(clipper) {
        let meet = |p: Point, q: Point| {
            let (dp, dq) = (cross(e0, e1, p), cross(e0, e1, q));
            let t = dp / (dp - dq);
            Point::new(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t)
        };
        polygon = clip_by(&polygon, |p| sign * cross(e0, e1, p) >= 0.0, meet);
    }
    polygon
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_count_as_matplotlib() {
        // '/' : 7 diagonals, of which the corner ones touch the tile in a point.
        let tile = Tile::of("/");
        assert!(tile.segments.len() >= 5 && tile.segments.len() <= 7);
        assert_eq!(Tile::of("--").segments.len(), 12);
        assert_eq!(Tile::of("+").segments.len(), 12);
        // '.' : rows 0..=6 of 7 and 6 dots, cut at the tile's edges.
        assert!(!Tile::of(".").pieces.is_empty());
        assert!(Tile::of("").segments.is_empty());
    }

    #[test]
    fn segments_are_cut_to_the_shape() {
        let square = vec![vec![
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
            Point::new(0.0, 10.0),
        ]];
        let parts = inside(Point::new(-5.0, 5.0), Point::new(15.0, 5.0), &square);
        assert_eq!(parts, vec![[Point::new(0.0, 5.0), Point::new(10.0, 5.0)]]);
        let cut = clip_convex(
            &square[0],
            &[
                Point::new(5.0, -1.0),
                Point::new(20.0, -1.0),
                Point::new(20.0, 20.0),
                Point::new(5.0, 20.0),
            ],
        );
        assert!((twice_area(&cut) / 2.0 - 50.0).abs() < 1e-9);
        // Every star piece has an inside.
        assert!(
            Tile::of("*")
                .pieces
                .iter()
                .all(|p| twice_area(p).abs() > 1e-12)
        );
    }
}

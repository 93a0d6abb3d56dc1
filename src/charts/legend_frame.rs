//! A legend's frame (matplotlib's `legendPatch`): square or rounded
//! (`fancybox`), filled and edged, with an optional shadow, or none
//! (`frameon=False`).

use super::color::Rgba;
use super::geometry::{Point, Rect};
use super::paint::{Units, stroke_line};
use super::spec::{Legend, LineStyle};
use super::surface::Surface;
use super::textbox::rounded;

/// The corners' radius of a fancy box, in font sizes ("round,rounding_size=0.2").
const ROUNDING: f64 = 0.2;
/// The shadow's offset right and down, in points, and its shade of the fill.
const SHADOW_OFFSET: f64 = 2.0;
const SHADOW_SHADE: f64 = 0.3;

/// Paints `legend`'s frame around `bounds`; `size` is its font size in pixels.
pub fn paint(legend: &Legend, bounds: &Rect, size: f64, units: Units, surface: &mut impl Surface) {
    let style = &legend.style;
    if !style.frameon {
        return;
    }
    let outline = |dx: f64, dy: f64| -> Vec<Point> {
        let (x0, y0, x1, y1) = (
            bounds.x0 + dx,
            bounds.y0 + dy,
            bounds.x1 + dx,
            bounds.y1 + dy,
        );
        if style.fancybox {
            rounded(x0, y0, x1, y1, ROUNDING * size)
        } else {
            vec![
                Point::new(x0, y0),
                Point::new(x1, y0),
                Point::new(x1, y1),
                Point::new(x0, y1),
            ]
        }
    };
    if style.shadow {
        let offset = units.px(SHADOW_OFFSET);
        let face = legend.facecolor;
        let shade = |c: u8| (f64::from(c) * SHADOW_SHADE).round() as u8;
        let color = Rgba {
            r: shade(face.r),
            g: shade(face.g),
            b: shade(face.b),
            a: 128,
        };
        surface.fill_polygon(&outline(offset, offset), color);
    }
    let mut points = outline(0.0, 0.0);
    surface.fill_polygon(&points, legend.facecolor);
    points.push(points[0]);
    stroke_line(
        surface,
        &points,
        None,
        style.edgecolor,
        units.px(1.0),
        &LineStyle::Solid,
    );
}

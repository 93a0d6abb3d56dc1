//! Decorations of text artists: the box around a text (matplotlib's `bbox=`),
//! and automatic wrapping (`wrap=True`).

use super::geometry::Point;
use super::paint::{Units, stroke_line};
use super::spec::{BoxStyle, HAlign, TextBox};
use super::surface::Surface;
use super::text::{FontChoice, Placement, TextBlock};

/// Segments per rounded corner (a quadratic Bézier in matplotlib).
const CORNER_STEPS: usize = 8;

/// Draws `bbox` around `block` placed at `placement` (matplotlib's
/// FancyBboxPatch of a Text).
pub fn draw_box(
    block: &TextBlock,
    placement: &Placement,
    bbox: &TextBox,
    units: Units,
    surface: &mut impl Surface,
) {
    let outline = box_outline(block, placement, bbox);
    surface.fill_polygon(&outline, bbox.facecolor);
    let mut closed = outline.clone();
    closed.push(outline[0]);
    stroke_line(
        surface,
        &closed,
        None,
        bbox.edgecolor,
        units.px(bbox.linewidth),
        &bbox.linestyle,
    );
}

/// The outline of `bbox` around `block` at `placement`: the block's extent
/// padded by `pad` font sizes, rotated with the text.
pub fn box_outline(block: &TextBlock, placement: &Placement, bbox: &TextBox) -> Vec<Point> {
    let pad = bbox.pad * block.size_px();
    let (x0, y0, x1, y1) = (-pad, -pad, block.width() + pad, block.height() + pad);
    let local = match bbox.boxstyle {
        BoxStyle::Square => vec![
            Point::new(x0, y0),
            Point::new(x1, y0),
            Point::new(x1, y1),
            Point::new(x0, y1),
        ],
        BoxStyle::Round => rounded(x0, y0, x1, y1, pad),
    };
    local.iter().map(|&p| block.place(placement, p)).collect()
}

/// A rectangle whose corners are rounded by `radius` with quadratic Béziers
/// (control point at the corner), as matplotlib's "round" box style.
pub fn rounded(x0: f64, y0: f64, x1: f64, y1: f64, radius: f64) -> Vec<Point> {
    let corners = [
        // (start, corner, end) going around: top left, top right, ...
        ((x0, y0 + radius), (x0, y0), (x0 + radius, y0)),
        ((x1 - radius, y0), (x1, y0), (x1, y0 + radius)),
        ((x1, y1 - radius), (x1, y1), (x1 - radius, y1)),
        ((x0 + radius, y1), (x0, y1), (x0, y1 - radius)),
    ];
    let mut points = Vec::with_capacity(4 * (CORNER_STEPS + 1));
    for (a, c, b) in corners {
        for step in 0..=CORNER_STEPS {
            let t = step as f64 / CORNER_STEPS as f64;
            let (u, v, w) = ((1.0 - t) * (1.0 - t), 2.0 * t * (1.0 - t), t * t);
            points.push(Point::new(
                u * a.0 + v * c.0 + w * b.0,
                u * a.1 + v * c.1 + w * b.1,
            ));
        }
    }
    points
}

/// `text` broken into lines that fit between the anchor and the figure's
/// edges along the text's direction (matplotlib's `Text._get_wrapped_text`):
/// words are added to a line while its width stays within the room; a word
/// wider than the room gets a line of its own.
pub fn wrap(
    text: &str,
    font: &FontChoice,
    size_px: f64,
    placement: &Placement,
    figure: (f64, f64),
) -> String {
    let room = line_room(placement, figure);
    let width = |line: &str| TextBlock::styled(line, size_px, font).width().ceil();
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut words: Vec<&str> = paragraph.split(' ').collect();
        while !words.is_empty() {
            if words.len() == 1 {
                lines.push(words.remove(0).to_owned());
                continue;
            }
            for i in 2..=words.len() {
                let line = words[..i].join(" ");
                if width(&line) > room {
                    lines.push(words[..i - 1].join(" "));
                    words.drain(..i - 1);
                    break;
                } else if i == words.len() {
                    lines.push(line);
                    words.clear();
                    break;
                }
            }
        }
    }
    lines.join("\n")
}

/// The longest line that fits, in pixels (matplotlib's
/// `Text._get_wrap_line_width`).
fn line_room(placement: &Placement, (width, height): (f64, f64)) -> f64 {
    let rotation = placement.rotation.rem_euclid(360.0);
    // matplotlib measures upwards from the figure's bottom.
    let (x0, y0) = (placement.anchor.x, height - placement.anchor.y);
    let left = distance_to_box(rotation, x0, y0, width, height);
    let right = distance_to_box((180.0 + rotation) % 360.0, x0, y0, width, height);
    match placement.ha {
        HAlign::Left => left,
        HAlign::Right => right,
        HAlign::Center => 2.0 * left.min(right),
    }
}

/// How far from (x0, y0) along `rotation` degrees the figure's edge is
/// (matplotlib's `Text._get_dist_to_box`).
fn distance_to_box(rotation: f64, x0: f64, y0: f64, width: f64, height: f64) -> f64 {
    let cos = |degrees: f64| degrees.to_radians().cos();
    let (h1, h2) = if rotation > 270.0 {
        let quad = rotation - 270.0;
        (y0 / cos(quad), (width - x0) / cos(90.0 - quad))
    } else if rotation > 180.0 {
        let quad = rotation - 180.0;
        (x0 / cos(quad), y0 / cos(90.0 - quad))
    } else if rotation > 90.0 {
        let quad = rotation - 90.0;
        ((height - y0) / cos(quad), x0 / cos(90.0 - quad))
    } else {
        (
            (width - x0) / cos(rotation),
            (height - y0) / cos(90.0 - rotation),
        )
    };
    h1.min(h2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::spec::{VAlign, Weight};

    #[test]
    fn wrapping_keeps_lines_within_the_room() {
        let font = FontChoice::sans(Weight::Normal);
        let placement = Placement::new(Point::new(500.0, 100.0), HAlign::Left, VAlign::Baseline);
        let text = "a long sentence that will not fit in the hundred pixels left of the figure";
        let wrapped = wrap(text, &font, 14.0, &placement, (600.0, 400.0));
        assert!(wrapped.lines().count() > 3);
        for line in wrapped.lines().filter(|l| l.contains(' ')) {
            assert!(TextBlock::styled(line, 14.0, &font).width() <= 100.0);
        }
        assert_eq!(wrapped.replace('\n', " "), text);
    }

    #[test]
    fn rounded_boxes_stay_within_their_rectangle() {
        let points = rounded(0.0, 0.0, 10.0, 5.0, 2.0);
        assert!(
            points
                .iter()
                .all(|p| (0.0..=10.0).contains(&p.x) && (0.0..=5.0).contains(&p.y))
        );
        assert!(!points.contains(&Point::new(0.0, 0.0)));
    }
}

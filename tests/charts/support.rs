//! What the chart tests share: the displayed figures of a cell, decoded, and pixel tests.

use crate::common;

use code_interpreter::service::proto::{self, event::Kind};
use common::server::{Client, outcome, run};
use serde_json::Value;

/// One displayed figure: its images and description.
pub(crate) struct Chart {
    pub(crate) png: Image,
    pub(crate) svg: String,
    pub(crate) description: Value,
    pub(crate) summary: String,
}

/// A decoded RGB image.
pub(crate) struct Image {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) pixels: Vec<[u8; 3]>,
}

impl Image {
    pub(crate) fn decode(bytes: &[u8]) -> Image {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG header");
        let mut buffer = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buffer).expect("PNG data");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        Image {
            width: info.width,
            height: info.height,
            pixels: buffer[..info.buffer_size()]
                .chunks_exact(3)
                .map(|p| [p[0], p[1], p[2]])
                .collect(),
        }
    }

    /// The pixel at column `x`, row `y`.
    pub(crate) fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        self.pixels[(y * self.width + x) as usize]
    }

    /// Pixels in the box of fractions `x0..x1`, `y0..y1` of the image (y down).
    pub(crate) fn region(&self, (x0, x1): (f64, f64), (y0, y1): (f64, f64)) -> Vec<[u8; 3]> {
        let (w, h) = (f64::from(self.width), f64::from(self.height));
        let mut out = Vec::new();
        for y in (y0 * h) as u32..(y1 * h) as u32 {
            for x in (x0 * w) as u32..(x1 * w) as u32 {
                out.push(self.pixels[(y * self.width + x) as usize]);
            }
        }
        out
    }

    /// Dark pixels (see [`is_dark`]) in the box of fractions `x`, `y` (as [`Image::region`]).
    pub(crate) fn dark_in(&self, x: (f64, f64), y: (f64, f64)) -> usize {
        self.region(x, y).iter().filter(|p| is_dark(p)).count()
    }
}

/// The box (fractions of the image: x0, x1, y0, y1, y down) holding every pixel `wanted`.
pub(crate) fn bounds(
    image: &Image,
    wanted: impl Fn(&[u8; 3]) -> bool,
) -> Option<(f64, f64, f64, f64)> {
    let (mut x0, mut x1, mut y0, mut y1) = (u32::MAX, 0, u32::MAX, 0);
    for y in 0..image.height {
        for x in 0..image.width {
            if wanted(&image.pixel(x, y)) {
                (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
            }
        }
    }
    let (w, h) = (f64::from(image.width), f64::from(image.height));
    (x0 <= x1).then(|| {
        (
            f64::from(x0) / w,
            f64::from(x1 + 1) / w,
            f64::from(y0) / h,
            f64::from(y1 + 1) / h,
        )
    })
}

/// Whether `p` is `rgb`, give or take 3 in each channel.
pub(crate) fn near(p: &[u8; 3], rgb: [u8; 3]) -> bool {
    p.iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 3)
}

pub(crate) fn is_red(p: &[u8; 3]) -> bool {
    p[0] > 200 && p[1] < 60 && p[2] < 60
}

pub(crate) fn is_dark(p: &[u8; 3]) -> bool {
    p.iter().all(|c| *c < 100)
}

pub(crate) fn is_background(p: &[u8; 3]) -> bool {
    p.iter().all(|c| *c > 245)
}

/// The charts displayed by a cell, in order.
pub(crate) fn charts(events: &[Kind]) -> Vec<Chart> {
    events
        .iter()
        .filter_map(|event| match event {
            Kind::Display(display) => Some(chart(display)),
            _ => None,
        })
        .collect()
}

pub(crate) fn chart(display: &proto::Display) -> Chart {
    let item = |mime: &str| {
        display
            .data
            .iter()
            .find(|item| item.mime_type == mime)
            .unwrap_or_else(|| panic!("no {mime} in the display"))
            .data
            .clone()
    };
    Chart {
        png: Image::decode(&item("image/png")),
        svg: String::from_utf8(item("image/svg+xml")).expect("UTF-8 SVG"),
        description: serde_json::from_slice(&item("application/vnd.code-interpreter.chart+json"))
            .expect("JSON description"),
        summary: String::from_utf8(item("text/plain")).expect("text"),
    }
}

pub(crate) async fn run_ok(client: &mut Client, session: &str, code: &str) -> Vec<Kind> {
    let events = run(client, session, code).await;
    assert_eq!(outcome(&events), proto::Outcome::Ok, "{events:?}");
    events
}

/// The first chart of `code`, run in a one-off cell that must end well.
pub(crate) async fn chart_of(code: &str) -> Chart {
    let mut client = common::server::client().await;
    let events = run_ok(&mut client, "", code).await;
    charts(&events).remove(0)
}

/// The series of the first axes of a description with the given `role`.
pub(crate) fn with_role<'a>(description: &'a Value, role: &str) -> Vec<&'a Value> {
    description["axes"][0]["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["role"] == role)
        .collect()
}

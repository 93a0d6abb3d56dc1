//! An axis' ticks in the spec: the look of its tick marks and labels, and
//! the ticks the guest fixed.

use serde::Deserialize;

use crate::charts::color::Rgba;

/// Ticks the user fixed, with optional labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ticks {
    pub positions: Vec<f64>,
    pub labels: Option<Vec<String>>,
    /// Minor ticks (the guest's scales' minor locators), drawn with the minor
    /// tick style; `minor_labels` (parallel, "" for none) labels some of them.
    #[serde(default)]
    pub minor: Vec<f64>,
    #[serde(default)]
    pub minor_labels: Option<Vec<String>>,
    /// The formatter's offset text (ConciseDateFormatter's "2005-Feb"),
    /// drawn where ScalarFormatter's "1e6" goes.
    #[serde(default)]
    pub offset: Option<String>,
}

/// The look of one axis' ticks and tick labels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TickStyle {
    pub major: TickMarks,
    pub minor: TickMarks,
    pub direction: TickDirection,
    /// Points between a major tick's end and its label.
    pub pad: f64,
    pub labelcolor: Rgba,
    /// Tick labels also on the far side (top of x, right of y: `labeltop`,
    /// `labelright`); the near ones are shown unless `hide_*ticklabels`.
    #[serde(default)]
    pub label_far: bool,
    /// The offset text stands on the far side (`tick_top()`, `tick_right()`).
    #[serde(default)]
    pub offset_far: bool,
}

impl TickStyle {
    /// Pixels from the spine to the near side of a major tick label.
    pub fn label_distance(&self, px: impl Fn(f64) -> f64) -> f64 {
        let out = match self.direction {
            TickDirection::Out => self.major.length,
            TickDirection::InOut => self.major.length / 2.0,
            TickDirection::In => 0.0,
        };
        px(out + self.pad)
    }
}

impl Default for TickStyle {
    fn default() -> Self {
        TickStyle {
            major: TickMarks {
                visible: true,
                far: false,
                color: Rgba::BLACK,
                length: 3.5,
                width: 0.8,
            },
            minor: TickMarks {
                visible: true,
                far: false,
                color: Rgba::BLACK,
                length: 2.0,
                width: 0.6,
            },
            direction: TickDirection::Out,
            pad: 3.5,
            labelcolor: Rgba::BLACK,
            label_far: false,
            offset_far: false,
        }
    }
}

/// The tick lines of one kind (major or minor); lengths in points.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TickMarks {
    /// Drawn on the near side (bottom of x, left of y).
    pub visible: bool,
    /// Drawn on the far side (top of x, right of y).
    #[serde(default)]
    pub far: bool,
    pub color: Rgba,
    pub length: f64,
    pub width: f64,
}

/// Which way ticks point from their spine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TickDirection {
    Out,
    In,
    InOut,
}

impl TickDirection {
    /// The tick's start and end as multiples of its length outwards.
    pub fn span(self) -> (f64, f64) {
        match self {
            TickDirection::Out => (0.0, 1.0),
            TickDirection::In => (-1.0, 0.0),
            TickDirection::InOut => (-0.5, 0.5),
        }
    }
}

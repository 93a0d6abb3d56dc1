//! `Figure.figimage`: images placed on the figure's own pixels.

use serde::Deserialize;

use super::artist::rgba_bytes;
use crate::charts::color::Rgba;

/// `rows` x `cols` pixels (row 0 at the top) whose lower left corner is
/// `xo`, `yo` pixels from the figure's lower left corner, unresampled.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureImage {
    pub xo: i64,
    pub yo: i64,
    pub rows: usize,
    pub cols: usize,
    /// Base64 of the pixels' RGBA bytes, row by row.
    #[serde(deserialize_with = "rgba_bytes")]
    pub pixels: Vec<Rgba>,
}

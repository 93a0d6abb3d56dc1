//! A colorbar's placement beside the axes it belongs to (matplotlib's
//! `make_axes`), or in an axes of its own (`cax=`), and its end extensions.

use serde::Deserialize;

/// Where a colorbar stands and how big it is (`Figure.colorbar`'s `location`,
/// `fraction`, `pad`, `shrink`, `aspect`, `anchor`, `extend`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colorbar {
    pub location: Location,
    /// The axes it takes its room from (earlier axes); empty: it fills its
    /// own grid cell or rect (`cax=`).
    pub parents: Vec<usize>,
    /// The share of the parents' extent the bar's slot takes, and the gap.
    pub fraction: f64,
    pub pad: f64,
    /// The bar's length over the parents' extent.
    pub shrink: f64,
    /// Its length over its thickness.
    pub aspect: f64,
    /// Where the bar sits in its slot, as an axes anchor (0, 0 lower left).
    pub anchor: [f64; 2],
    /// The end triangles' lengths (lower, upper) as fractions of the bar's
    /// interior, which shrinks to leave them room (0: no triangle).
    #[serde(default)]
    pub extend: [f64; 2],
}

/// The side of its parents a colorbar stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    Left,
    Right,
    Top,
    Bottom,
}

impl Location {
    /// A bar along y (left or right of its parents).
    pub fn vertical(self) -> bool {
        matches!(self, Location::Left | Location::Right)
    }
}

impl Colorbar {
    /// A colorbar spec without settings (`colorbar_of` only): matplotlib's
    /// defaults on the right of that axes.
    pub fn beside(parent: usize) -> Colorbar {
        Colorbar {
            location: Location::Right,
            parents: vec![parent],
            fraction: 0.15,
            pad: 0.05,
            shrink: 1.0,
            aspect: 20.0,
            anchor: [0.0, 0.5],
            extend: [0.0, 0.0],
        }
    }
}

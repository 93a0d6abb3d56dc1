//! Samples of a timed measurement and their summary figures.

use std::time::Duration;

/// Samples of one measurement, sorted.
pub struct Stats {
    sorted: Vec<Duration>,
}

impl Stats {
    /// The samples, which must not be empty.
    pub fn new(mut samples: Vec<Duration>) -> Self {
        assert!(!samples.is_empty(), "no samples");
        samples.sort();
        Self { sorted: samples }
    }

    /// How many samples.
    pub fn n(&self) -> usize {
        self.sorted.len()
    }

    /// The smallest sample.
    pub fn min(&self) -> Duration {
        self.sorted[0]
    }

    /// The median sample.
    pub fn median(&self) -> Duration {
        let n = self.sorted.len();
        if n % 2 == 1 {
            self.sorted[n / 2]
        } else {
            (self.sorted[n / 2 - 1] + self.sorted[n / 2]) / 2
        }
    }

    /// Nearest-rank 90th percentile.
    pub fn p90(&self) -> Duration {
        let rank = (self.sorted.len() * 9).div_ceil(10);
        self.sorted[rank.max(1) - 1]
    }
}

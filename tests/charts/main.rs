//! Charts through the gRPC API: matplotlib figures, contours, polar axes and seaborn, each checked against what real matplotlib draws.
//!
//! One test binary per topic: each links the whole crate once.

#[path = "../common/mod.rs"]
mod common;

mod chart_styles;
mod charts;
mod contours;
mod hatches;
mod images;
mod legends;
mod path_effects;
mod polar;
mod seaborn;
mod seaborn_grids;
mod support;

//! Charts through the gRPC API: matplotlib figures, contours, polar axes and seaborn, each checked against what real matplotlib draws.
//!
//! One test binary per topic: each links the whole crate once.

#[path = "../common/mod.rs"]
mod common;

mod arrows;
mod chart_styles;
mod charts;
mod clabels;
mod contours;
mod fields;
mod hatches;
mod images;
mod layout;
mod legends;
mod path_effects;
mod polar;
mod quivers;
mod scales;
mod seaborn;
mod seaborn_grids;
mod strokes;
mod subfigures;
mod support;
mod ticks;

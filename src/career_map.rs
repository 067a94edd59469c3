//! Career-map diagram: titles grouped by education level, joined by directed
//! moves ("advance" = step up, "lateral" = move across). [`layout()`] places
//! and routes everything, [`svg()`] draws it. It uses nothing else of the
//! crate (pages build its input from the content and place its drawing).
//!
//! Horizontal (desktop): levels are columns left to right; titles are ordered
//! inside each column to minimise crossings (barycentre sweeps over a layered
//! graph with dummy nodes for level-skipping moves, then local search on the
//! real drawn crossings). Moves between columns are short horizontal stubs
//! joined by a straight diagonal; moves that skip a column pass through a gap
//! between its boxes; same-column moves between neighbours are straight
//! vertical lines, other same-column moves run in a lane beside the column.
//!
//! Vertical (phone, 300 wide): levels are rows, wrapped into sub-rows of two
//! boxes (one if the names or the lanes do not fit). Neighbours are joined
//! straight; every other move runs in one of three vertical channels (left
//! margin, centre gap, right margin). The order search is redone for this grid.
//!
//! Crossings are counted on the drawn polylines, so the local search optimises
//! exactly what [`crossings()`] reports (then total edge length).
//!
//! Every route stays in free space by construction, so no edge crosses a box.
//!
//! Submodules:
//! - `model`: input and output types, sizing constants, text wrapping.
//! - `geometry`: points, rectangles, rounded polylines, segment tests, crossings.
//! - `graph`: the layered graph (merged moves, dummy nodes, wrapped names).
//! - `order`: ordering titles within levels, and [`layout()`].
//! - `route`: edge routing shared by both layouts: ports, lane tracks, polylines.
//! - `columns`: desktop placement (columns' x, nodes' y).
//! - `horizontal`: desktop geometry (levels as columns): routing and drawing.
//! - `rows`: phone placement (rows of boxes, the channels' widths).
//! - `vertical`: phone geometry (levels as rows of one or two boxes): routing
//!   and drawing.
//! - `draw`: SVG markup ([`svg()`]) and its stylesheet ([`CSS`]).
//! - `tests`, `tests_data`: invariant tests and their inputs.
//!
//! No function here is over 80 lines (clippy's `too_many_lines`, its limit
//! set in `clippy.toml`).

#![warn(clippy::too_many_lines)]

mod columns;
mod draw;
mod geometry;
mod graph;
mod horizontal;
mod model;
mod order;
mod route;
mod rows;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_data;
mod vertical;

pub(crate) use draw::{SvgOpts, svg};
pub(crate) use model::{LevelIn, MapInput, MoveIn, MoveKind, Orientation, TitleIn};
pub(crate) use order::layout;
#[cfg(test)]
pub(crate) use {geometry::crossings, tests::check};

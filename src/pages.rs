//! Pages: one askama template per page kind (the kinds and their paths are
//! in [`crate::registry`]); each function turns one page into HTML. The
//! site builder (`crate::build`) renders them all into the store and runs
//! the checks here on the rendered pages.
//!
//! - `layout`: the parts every page has (chrome, head data, share panel,
//!   pathway menu).
//! - `cx`: what every view needs while rendering.
//! - `docs`: sections' Markdown rendered with the pathway's data.
//! - `views`: the template of each page kind and what fills it.
//! - `pathway`: the views of a pathway's pages (overview, sections, map,
//!   handouts).
//! - `handouts`: the one-sheet handout and the whole pathway to print.
//! - `qr`: their QR codes, drawn once per address.
//! - `map_page`: the career map page (the diagram's layout and drawing are
//!   [`crate::career_map`]'s).
//! - `render`: one page's HTML (by kind, or by path in editor mode).
//! - `check`: links, anchors and duplicate ids on the rendered pages.
//! - `cards`: link-preview images per page.
//! - `jsonld`: structured data.
//! - `selfcheck`, `search`: pages rendered per request.

pub(crate) mod answer;
pub(crate) mod cards;
pub(crate) mod check;
pub(crate) mod cx;
pub(crate) mod docs;
pub(crate) mod handouts;
pub(crate) mod jsonld;
pub(crate) mod layout;
pub(crate) mod map_page;
pub(crate) mod pathway;
pub(crate) mod qr;
pub(crate) mod render;
pub mod search;
pub mod selfcheck;
pub(crate) mod sitemap;
pub(crate) mod states;
pub(crate) mod views;

pub use layout::Chrome;

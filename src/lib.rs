//! pathways: a fast, server-rendered career-pathway website.
//!
//! Content (Markdown with TOML front matter, and TOML data) is loaded and
//! validated into an immutable [`content::Site`]; every page that does not
//! depend on the query string is rendered at load into a [`store::Store`]
//! with ETags and precompressed bodies, and checked (links, anchors, ids)
//! before it may be served; the router in [`http::app`] answers from it.
//! Routes are defined in `http`; the page kinds and their paths in
//! `registry`; their templates in `pages`.
//!
//! # Layout
//!
//! Imports run one way, down this list:
//!
//! - `cli`: the command line (`serve`, `check`, `export`, `gen-corpus`).
//! - `server`: binding, connection limits, graceful shutdown.
//! - `http`: `app(state)`, handlers, the guard layer, responses.
//! - `reload`: live content reload (SIGHUP, `--watch`), serialised.
//! - `export`: the store written to files for a static host.
//! - `state`: one loaded version of the site, swapped atomically.
//! - `build`: the site builder (every page rendered, checked and stored;
//!   cards, sitemap, robots.txt; the search indexes meanwhile).
//! - `pages`: templates per page kind, one page into HTML, checks on
//!   rendered pages.
//! - `search`: the full-text index and queries.
//! - `share`: link-preview PNGs drawn from an SVG template.
//! - `blocks`: figures in words, tables, the pay picture, forms.
//! - `markdown`: the one place that owns pulldown-cmark.
//! - `registry`: every page kind and its path.
//! - `store`, `assets`: stored responses; fingerprinted static files.
//! - `content`: the typed model, loading and validation.
//! - `error`: the request error type.
//! - `config`, `diag`, `util`: the command line's shape, diagnostics,
//!   small utilities.
//! - `career_map`: the career map diagram's layout and drawing (uses
//!   nothing else of the crate).

pub mod assets;
mod blocks;
pub mod build;
mod career_map;
pub mod cli;
pub mod config;
pub mod content;
pub mod diag;
mod error;
pub mod export;
pub mod http;
pub mod markdown;
pub mod pages;
pub(crate) mod registry;
pub mod reload;
pub mod search;
pub mod server;
mod share;
pub mod state;
pub mod store;
pub mod util;

pub use http::app;
pub use state::{AppState, Loaded};

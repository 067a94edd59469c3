//! pathways: a fast, server-rendered career-pathway website.
//!
//! Content (Markdown with TOML front matter, and TOML data) is loaded and
//! validated once into an immutable [`content::Site`]; every page that does
//! not depend on the query string is rendered at load into a
//! [`store::Store`] with ETags and precompressed bodies; the router in
//! [`http::app`] answers from it.
//!
//! # Layout
//!
//! - `config`: the command line (`serve`, `check`).
//! - `diag`: content diagnostics with `path:line:col`.
//! - `content`: the typed model, loading and whole-site validation.
//! - `markdown`: the one place that owns pulldown-cmark.
//! - `blocks`: data-driven blocks inside sections (tables, self-check form).
//! - `pages`: one askama template per page kind and `render_all`.
//! - `share`: link-preview PNGs drawn from an SVG template.
//! - `store`: rendered pages, ETags, compression, encoding negotiation.
//! - `assets`: fingerprinted static files served by `ServeDir`.
//! - `state`: one loaded version of the site, swapped atomically.
//! - `http`: `app(state)`, handlers and headers (routes are defined there).
//! - `export`: the store written to files for a static host.
//! - `reload`: live content reload (SIGHUP, `--watch`), atomic swap.
//! - `server`: binding, timeouts and graceful shutdown.

pub mod assets;
pub mod blocks;
pub mod config;
pub mod content;
pub mod corpus;
pub mod diag;
pub mod export;
pub mod http;
pub mod markdown;
pub mod pages;
pub mod reload;
pub mod search;
pub mod server;
pub mod share;
pub mod state;
pub mod store;
pub mod util;

pub use http::app;
pub use state::{AppState, Loaded};

//! Small utilities at the bottom of the module tree: nothing here imports
//! another module of this crate.
//!
//! - `base_url`: the checked base URL.
//! - `clock`: the thread that keeps the server's timers.
//! - `html`: escaping, and reading the ids a rendered page defines.
//! - `hash`: stable content hashes (ETags, fingerprints).
//! - `compress`: gzip and brotli at load.
//! - `log`: the batched log writer, and the access log line.
//! - `mem`: handing freed memory back to the system after a load.
//! - `par`: a slice mapped on every core.
//! - `query`: reading a query string.
//! - `text`: ids, slugs, wrapping, numbers as readers see them.

pub mod base_url;
pub mod clock;
pub mod compress;
pub mod hash;
pub mod html;
pub mod log;
pub mod mem;
pub mod par;
pub mod query;
pub mod text;

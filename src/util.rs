//! Small utilities at the bottom of the module tree: nothing here imports
//! another module of this crate.

pub mod base_url;

//! Reading `content/`: files, TOML, front matter and cross-references. All
//! problems are collected, then reported at once.
//!
//! - `files`: reading a file safely, parsing TOML at a position.
//! - `site`: site.toml, sources, glossary, resources, the ui table.
//! - `pathway`: pathway.toml, its occupations, history and figures.
//! - `extras`: sections (front matter), the career map, the self-check.

mod extras;
mod files;
mod pathway;
mod site;

use crate::diag::{Diagnostic, Diagnostics, LoadError, file_error};
use std::path::{Path, PathBuf};

pub use files::split_front_matter;

/// Largest content file we read; anything bigger is a mistake.
const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Link previews cut descriptions near here.
const MAX_DESCRIPTION: usize = 200;

/// Load and validate everything under `dir`.
pub fn load(dir: &Path) -> Result<super::Site, LoadError> {
    let mut loader = Loader {
        root: dir.to_path_buf(),
        canonical_root: dir.canonicalize().ok(),
        diags: Diagnostics::default(),
    };
    let site = loader.site();
    let mut diags = loader.diags;
    diags.sort();
    match site {
        Some(mut site) if !diags.has_errors() => {
            site.warnings = diags.items;
            Ok(site)
        }
        _ => {
            if !diags.has_errors() {
                diags.push(file_error(dir, "the content could not be loaded"));
            }
            Err(LoadError {
                diagnostics: diags.items,
            })
        }
    }
}

/// The state of one load: where, and every problem found so far.
struct Loader {
    root: PathBuf,
    canonical_root: Option<PathBuf>,
    diags: Diagnostics,
}

impl Loader {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }
}

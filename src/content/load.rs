//! Reading `content/`: files, TOML, front matter and cross-references. All
//! problems are collected, then reported at once.
//!
//! - `files`: reading a file safely, parsing TOML at a position.
//! - `site`: site.toml, sources, glossary, resources, the ui table.
//! - `pathway`: pathway.toml, its occupations and history groups.
//! - `figures`: checking each figure's source and year.
//! - `extras`: sections (front matter), the career map, the self-check.
//! - `i18n`: other editions: translated words over the English site.

mod extras;
mod figures;
mod files;
mod group;
mod i18n;
mod lists;
mod oews;
mod oews_data;
mod pathway;
mod site;

use crate::diag::{Diagnostic, Diagnostics, LoadError, file_error};
use std::path::{Path, PathBuf};

pub use files::split_front_matter;

/// Largest content file we read; anything bigger is a mistake.
const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Link previews cut descriptions near here.
const MAX_DESCRIPTION: usize = 200;
/// The longest one-line answer of a section (the overview's contents).
const MAX_ANSWER: usize = 70;

/// Load and validate the default edition under `dir`.
pub fn load(dir: &Path) -> Result<super::Site, LoadError> {
    load_all(dir).map(|mut editions| editions.swap_remove(0))
}

/// Load and validate every edition under `dir`: the default language
/// first, then each of site.toml's `translations`.
pub fn load_all(dir: &Path) -> Result<Vec<super::Site>, LoadError> {
    let mut loader = Loader {
        root: dir.to_path_buf(),
        canonical_root: dir.canonicalize().ok(),
        diags: Diagnostics::default(),
    };
    let site = loader.site().map(|(site, langs)| {
        let mut editions = vec![];
        for lang in &langs {
            if let Some(t) = loader.translate(&site, lang) {
                editions.push(t);
            }
        }
        editions.insert(0, site);
        editions
    });
    let mut diags = loader.diags;
    diags.sort();
    match site {
        Some(mut editions) if !diags.has_errors() => {
            editions[0].warnings = diags.items;
            Ok(editions)
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

//! `career-map.toml`, through the whole loader: the input replaces the
//! career map of a copy of the `minimal` test fixture, and the site is
//! built as `pathways serve` builds it (parse, check, lay out both
//! drawings, render every page).
//!
//! Invariants: no panic; a map the loader refuses is refused with content
//! diagnostics, each at a line and column (1-based) of a content file; a
//! map it takes gives a career-map page in the store. The loader's limits
//! (at most 8 levels, 12 titles per level, 4 moves per title) bound the
//! layout's work, so an input of any shape builds in bounded time.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::state::{BuildError, build};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// A copy of the fixture, made once per process.
static SITE: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("pathways-fuzz-map-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy(&Path::new(ROOT).join("tests/fixtures/minimal"), &dir);
    dir
});

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for e in std::fs::read_dir(from).expect("read fixture") {
        let e = e.expect("fixture entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy fixture file");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let site = &*SITE;
    std::fs::write(site.join("pathways/demo/career-map.toml"), text).expect("write map");
    match build(site, &Path::new(ROOT).join("static"), None) {
        Ok(loaded) => {
            let map = loaded
                .default_edition()
                .site
                .pathways
                .iter()
                .any(|p| loaded.store.page(&format!("/pathways/{}/career-map", p.slug)).is_some());
            assert!(map, "a map the loader took has no career-map page");
        }
        Err(BuildError::Content(e)) => {
            assert!(!e.diagnostics.is_empty(), "refused without a reason");
            for d in &e.diagnostics {
                assert!(d.line >= 1 && d.col >= 1, "no position: {d}");
                assert!(d.path.starts_with(site), "outside the content: {d}");
            }
        }
        Err(other) => panic!("not a content error: {other}"),
    }
});

//! Build time on adversarial sections: each case appends about 2 MB of one
//! pattern that once made the loader quadratic (a text merge that copied
//! the text so far, a glossary matcher that rescanned per term, and a column
//! count per diagnostic) to a section of the test fixture, then builds the
//! site as a start does (load, render the Markdown, check, compress).
//!
//! A second group builds the hostile inputs of issue 25 (item 3), as
//! `pathways gen-corpus --hostile KIND` writes them, at the size the review
//! measured: 10,000 headings with one text, 40,000 footnotes, a career map
//! level of 200 titles (refused), the largest career map the loader allows,
//! 1,600 glossary terms sharing a first word over
//! 1.4 MB, and 150,000 broken links (a build that fails, as `check` does).
//!
//! `cargo bench --bench content`. Every case must stay well under a second.

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::{Path, PathBuf};

const TARGET: usize = 2 * 1024 * 1024 - 4096;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A copy of the fixture with `payload` repeated to ~2 MB in one section
/// (and, for the glossary case, 600 extra terms).
fn case(name: &str, unit: &str, terms: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pathways-bench-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new("tests/fixtures/minimal"), &dir);
    let section = dir.join("pathways/demo/pay.md");
    let mut text = std::fs::read_to_string(&section).unwrap();
    text.push_str("\n\n");
    while text.len() + unit.len() < TARGET {
        text.push_str(unit);
    }
    text.push('\n');
    std::fs::write(&section, text).unwrap();
    if terms > 0 {
        let glossary = dir.join("glossary.toml");
        let mut g = std::fs::read_to_string(&glossary).unwrap();
        for i in 0..terms {
            g.push_str(&format!(
                "\n[[terms]]\nid = \"t{i}\"\nterm = \"term{i}x\"\ndefinition = \"d\"\n"
            ));
        }
        std::fs::write(&glossary, g).unwrap();
    }
    dir
}

fn bench(c: &mut Criterion) {
    let cases = [
        ("escaped-stars", "a\\*", 0),
        ("emphasis", "*a **a ", 0),
        ("open-links", "[a](/x ", 0),
        ("brackets", "a]", 0),
        ("raw-html", "<a ", 0),
        ("bad-figures", "{{ figure nope }} ", 0),
        ("600-terms", "word term17x term401x plain ", 600),
    ];
    let mut group = c.benchmark_group("load-2mb-section");
    group.sample_size(10);
    for (name, unit, terms) in cases {
        let dir = case(name, unit, terms);
        group.bench_function(name, |b| {
            b.iter(|| {
                let _ =
                    std::hint::black_box(pathways::state::build(&dir, Path::new("static"), None));
            });
        });
        let _ = std::fs::remove_dir_all(&dir);
    }
    group.finish();
}

fn hostile(c: &mut Criterion) {
    use pathways::cli::corpus::hostile::{self, Hostile};
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for kind in [
        Hostile::Headings,
        Hostile::Footnotes,
        Hostile::MapLevel,
        Hostile::MapFull,
        Hostile::Glossary,
        Hostile::BrokenLinks,
    ] {
        let size = kind.reported_size();
        let dir = std::env::temp_dir().join(format!(
            "pathways-bench-{}-hostile-{kind:?}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        hostile::write(&dir, kind, size).unwrap();
        group.bench_function(format!("{kind:?}-{size}"), |b| {
            b.iter(|| {
                let _ =
                    std::hint::black_box(pathways::state::build(&dir, Path::new("static"), None));
            });
        });
        let _ = std::fs::remove_dir_all(&dir);
    }
    group.finish();
}

criterion_group!(benches, bench, hostile);
criterion_main!(benches);

//! Hostile content: one generated pathway with one pattern that once made
//! a content rule slow (issue 25, item 3), at any size. The benchmark
//! (`benches/content.rs`), the tests and `pathways gen-corpus --hostile
//! KIND --size N` all write it here, so they measure the same input.
//!
//! The pattern goes into the pathway's first section (by file name), its
//! `career-map.toml` or the site's `glossary.toml`; everything else is
//! [`super::write`]'s corpus of one pathway.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One hostile pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Hostile {
    /// `size` headings with the same text (ids `same-question`,
    /// `same-question-2`, ...).
    Headings,
    /// `size` footnotes, each referenced once, defined after the text.
    Footnotes,
    /// A career map with `size` titles at one level (and a few above).
    MapLevel,
    /// The largest career map the loader allows, with `size` titles at
    /// each of its levels (moves up, across and over levels: the most
    /// work for its layout).
    MapFull,
    /// `size` glossary terms that share their first word, over about
    /// 1.4 MB of prose that repeats that word.
    Glossary,
    /// `size` links to an anchor and a page that do not exist, in turn,
    /// on one line.
    BrokenLinks,
}

impl Hostile {
    /// The size issue 25 measured.
    pub fn reported_size(self) -> usize {
        match self {
            Self::Headings => 10_000,
            Self::Footnotes => 40_000,
            Self::MapLevel => 200,
            Self::MapFull => crate::content::CareerMap::MAX_TITLES_PER_LEVEL,
            Self::Glossary => 1_600,
            Self::BrokenLinks => 150_000,
        }
    }
}

/// The text every generated heading has.
pub const HEADING: &str = "Same question";
/// The first word every generated glossary term shares.
pub const SHARED_WORD: &str = "shared";
/// Bytes of prose in the glossary case.
const GLOSSARY_PROSE: usize = 1_400_000;

/// Write a one-pathway corpus to `dir` with `kind` at `size`; returns the
/// file the pattern went into.
pub fn write(dir: &Path, kind: Hostile, size: usize) -> io::Result<PathBuf> {
    super::write(dir, 1, 1)?;
    let pathway = first_entry(&dir.join("pathways"), |p| p.is_dir())?;
    let section = first_entry(&pathway, |p| {
        p.extension().is_some_and(|e| e == "md") && !p.to_string_lossy().ends_with(".es.md")
    })?;
    let mut text = fs::read_to_string(&section)?;
    text.push_str("\n\n");
    let target = match kind {
        Hostile::Headings => {
            for i in 0..size {
                let _ = write!(text, "## {HEADING}\n\nAnswer {i}.\n\n");
            }
            section
        }
        Hostile::Footnotes => {
            for i in 0..size {
                let _ = write!(text, "A[^n{i}] ");
            }
            text.push_str("\n\n");
            for i in 0..size {
                let _ = writeln!(text, "[^n{i}]: B{i}.");
            }
            section
        }
        Hostile::BrokenLinks => {
            for i in 0..size {
                // A missing anchor of this page, then a missing page.
                text.push_str(if i % 2 == 0 { "[a](#x) " } else { "[a](/x) " });
            }
            text.push('\n');
            section
        }
        Hostile::Glossary => {
            let glossary = dir.join("glossary.toml");
            let mut g = fs::read_to_string(&glossary)?;
            for i in 0..size {
                let _ = write!(
                    g,
                    "\n[[terms]]\nid = \"shared-{i}\"\nterm = \"{SHARED_WORD} thing{i}\"\ndefinition = \"Term {i} of many that share a word.\"\n"
                );
            }
            fs::write(&glossary, g)?;
            // Every term's first word, over and over, then the last term.
            let unit = format!("{SHARED_WORD} word, ");
            let start = text.len();
            while text.len() - start < GLOSSARY_PROSE {
                text.push_str(&unit);
            }
            let _ = writeln!(text, "and {SHARED_WORD} thing{}.", size.saturating_sub(1));
            section
        }
        Hostile::MapLevel | Hostile::MapFull => {
            let map = pathway.join("career-map.toml");
            let text = match kind {
                Hostile::MapLevel => career_map(size),
                _ => full_map(size),
            };
            fs::write(&map, text)?;
            return Ok(map);
        }
    };
    fs::write(&target, text)?;
    Ok(target)
}

/// A career map: `size` titles at the first level, each moving across to
/// a neighbour and up to one of four titles above, which move on up.
fn career_map(size: usize) -> String {
    let mut m = String::new();
    for (id, name) in [("entry", "Entry"), ("middle", "Middle"), ("top", "Top")] {
        let _ = write!(
            m,
            "[[levels]]\nid = \"{id}\"\nname = \"{name}\"\nlength = \"varies\"\nprepares = \"Work at the {id} level.\"\n\n"
        );
    }
    let title = |m: &mut String, id: &str, level: &str, moves: &[(String, &str)]| {
        let moves: Vec<String> = moves
            .iter()
            .map(|(to, kind)| format!("{{ to = \"{to}\", kind = \"{kind}\" }}"))
            .collect();
        let _ = write!(
            m,
            "[[titles]]\nid = \"{id}\"\nname = \"Title {id}\"\noccupation = \"main\"\neducation = \"{level}\"\nsummary = \"Does the work of {id}.\"\nmoves = [{}]\n\n",
            moves.join(", ")
        );
    };
    for i in 0..size {
        let mut moves = vec![(format!("m{}", (i * 7) % 4), "advance")];
        if i + 1 < size {
            moves.push((format!("e{}", i + 1), "lateral"));
        }
        title(&mut m, &format!("e{i}"), "entry", &moves);
    }
    for i in 0..4 {
        title(
            &mut m,
            &format!("m{i}"),
            "middle",
            &[(format!("t{}", i % 2), "advance")],
        );
    }
    for i in 0..2 {
        title(&mut m, &format!("t{i}"), "top", &[]);
    }
    m
}

/// The most levels, `size` titles at each, each title with the most
/// moves: up one level, up over levels, and across.
fn full_map(size: usize) -> String {
    use crate::content::CareerMap;
    let levels = CareerMap::MAX_LEVELS;
    let mut m = String::new();
    for l in 0..levels {
        let _ = write!(
            m,
            "[[levels]]\nid = \"l{l}\"\nname = \"Level {l}\"\nlength = \"varies\"\nprepares = \"Work at level {l}.\"\n\n"
        );
    }
    for l in 0..levels {
        for i in 0..size {
            let mut moves = Vec::new();
            for k in 0..CareerMap::MAX_MOVES_PER_TITLE {
                // Spread the targets so moves cross: a seeded walk.
                let (to_level, kind) = match k {
                    0 | 1 if l + 1 < levels => ((l + 1 + k * (i % 3)).min(levels - 1), "advance"),
                    _ => (l, "lateral"),
                };
                let to = (i * 5 + k * 7 + l) % size;
                if (to_level, to) != (l, i) {
                    moves.push(format!(
                        "{{ to = \"t{to_level}-{to}\", kind = \"{kind}\" }}"
                    ));
                }
            }
            let _ = write!(
                m,
                "[[titles]]\nid = \"t{l}-{i}\"\nname = \"Title {i} of level {l}\"\noccupation = \"main\"\neducation = \"l{l}\"\nsummary = \"Work.\"\nmoves = [{}]\n\n",
                moves.join(", ")
            );
        }
    }
    m
}

/// The first entry of `dir` (by name) that `keep` accepts.
fn first_entry(dir: &Path, keep: impl Fn(&Path) -> bool) -> io::Result<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    entries.sort();
    entries
        .into_iter()
        .find(|p| keep(p))
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, dir.display().to_string()))
}

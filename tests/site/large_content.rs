//! Content at the sizes that once loaded far too slowly (issue 25, item 3):
//! each test builds the input `pathways gen-corpus --hostile KIND` writes,
//! at the size the review measured, and checks what a reader or an editor
//! sees. The old code was quadratic in these inputs (9 to 44 s each in a
//! release build, so many minutes in this debug build: a test that hangs
//! is the failure); the times are measured by `cargo bench --bench content`
//! and quoted in the README, never asserted here.

use crate::helpers::*;
use pathways::cli::corpus::hostile::{self, HEADING, Hostile};
use scraper::Html;
use std::path::PathBuf;

/// A generated content tree, removed when dropped.
struct Case {
    dir: PathBuf,
    /// The file the hostile pattern went into.
    file: PathBuf,
}

impl Case {
    fn new(kind: Hostile, size: usize) -> Self {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("pathways-large-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = hostile::write(&dir, kind, size).expect("write the hostile corpus");
        Self { dir, file }
    }

    fn build(&self) -> Result<pathways::state::Loaded, Vec<String>> {
        match pathways::state::build(&self.dir, std::path::Path::new("static"), None) {
            Ok(loaded) => Ok(loaded),
            Err(pathways::state::BuildError::Content(e)) => {
                Err(e.diagnostics.iter().map(ToString::to_string).collect())
            }
            Err(other) => panic!("the build failed for another reason: {other}"),
        }
    }

    /// The section page the pattern is on.
    async fn page(&self) -> Html {
        let loaded = self
            .build()
            .unwrap_or_else(|e| panic!("should build:\n{}", e.join("\n")));
        self.page_of(loaded).await
    }

    async fn page_of(&self, loaded: pathways::state::Loaded) -> Html {
        let slug = self.file.parent().unwrap().file_name().unwrap();
        let section = self.file.file_stem().unwrap();
        let path = format!(
            "/pathways/{}/{}",
            slug.to_string_lossy(),
            section.to_string_lossy()
        );
        let got = get_from(&pathways::AppState::new(loaded), &path).await;
        assert_eq!(got.status, 200, "{path}");
        got.html()
    }
}

impl Drop for Case {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn ten_thousand_headings_with_one_text_get_the_usual_numbered_anchors() {
    let case = Case::new(Hostile::Headings, 10_000);
    let page = case.page().await;
    let ids: Vec<String> = page
        .select(&sel("h2"))
        .filter(|h| h.text().collect::<String>() == HEADING)
        .map(|h| h.value().attr("id").unwrap_or("").to_string())
        .collect();
    // The naming is the one every page has always had: the text's slug,
    // then `-2`, `-3`... in order.
    let want: Vec<String> = std::iter::once("same-question".to_string())
        .chain((2..=10_000).map(|n| format!("same-question-{n}")))
        .collect();
    assert_eq!(ids, want);
    // Each heading's `#` link points at its own id.
    let links: Vec<String> = page
        .select(&sel("a.anchor"))
        .filter_map(|a| {
            a.value()
                .attr("href")?
                .strip_prefix("#same-question")
                .map(|rest| format!("same-question{rest}"))
        })
        .collect();
    assert_eq!(links, want);
}

#[tokio::test]
async fn forty_thousand_footnotes_are_numbered_in_order_and_linked_both_ways() {
    let case = Case::new(Hostile::Footnotes, 40_000);
    let page = case.page().await;
    let refs: Vec<(String, String)> = page
        .select(&sel("sup.fn-ref a"))
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("href").unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(refs.len(), 40_000);
    for (i, (n, href)) in refs.iter().enumerate() {
        assert_eq!(n, &(i + 1).to_string());
        assert_eq!(href, &format!("#fn-n{i}"));
    }
    let notes: Vec<(String, String)> = page
        .select(&sel("div.footnote"))
        .map(|d| {
            let label = d
                .select(&sel(".fn-label"))
                .next()
                .map(|l| l.text().collect())
                .unwrap_or_default();
            (d.value().attr("id").unwrap_or("").to_string(), label)
        })
        .collect();
    assert_eq!(notes.len(), 40_000);
    for (i, (id, label)) in notes.iter().enumerate() {
        assert_eq!(id, &format!("fn-n{i}"));
        assert_eq!(label, &format!("{}.", i + 1));
    }
}

#[tokio::test]
async fn glossary_terms_sharing_a_first_word_are_linked_only_where_written() {
    let case = Case::new(Hostile::Glossary, 1_600);
    let loaded = case
        .build()
        .unwrap_or_else(|e| panic!("should build:\n{}", e.join("\n")));
    // 1,599 terms are unused: a warning each, listed 100 to a file.
    let unused: Vec<String> = loaded
        .warnings
        .iter()
        .filter(|w| w.path.ends_with("glossary.toml"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(unused.len(), 101, "{:#?}", &unused[..3]);
    assert!(
        unused[100].contains("more problems in this file (0 errors)"),
        "{}",
        unused[100]
    );
    assert!(!unused.iter().any(|w| w.contains("thing1599`")));
    let page = case.page_of(loaded).await;
    let shared: Vec<(String, String)> = page
        .select(&sel("a.term"))
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            href.contains("#shared-")
                .then(|| (href.to_string(), a.text().collect()))
        })
        .collect();
    // 1.4 MB say the shared first word; only the last term is written
    // whole, and it is linked once.
    assert_eq!(
        shared,
        [(
            "/glossary#shared-1599".to_string(),
            "shared thing1599".to_string()
        )]
    );
}

#[test]
fn a_glossary_term_over_sixty_characters_is_an_error_at_the_term() {
    let s = Scratch::of("minimal");
    let long = "a".repeat(61);
    let mut g = s.read("glossary.toml");
    g.push_str(&format!(
        "\n[[terms]]\nid = \"long\"\nterm = \"{long}\"\ndefinition = \"d\"\n"
    ));
    s.write("glossary.toml", g);
    let errors = s.errors();
    let (line, col) = s.position("glossary.toml", &format!("\"{long}\""));
    let at = format!("{}:{line}:{col}: ", s.shown("glossary.toml"));
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&at) && e.contains("over 60 characters")),
        "{at} in {errors:#?}"
    );
    // A form in `also` too.
    let s = Scratch::of("minimal");
    let g = s.read("glossary.toml");
    s.write(
        "glossary.toml",
        g.replacen(
            "[[terms]]\n",
            &format!("[[terms]]\nalso = [\"{long}\"]\n"),
            1,
        ),
    );
    assert!(
        s.errors().iter().any(|e| e.contains("over 60 characters")),
        "{:#?}",
        s.errors()
    );
}

#[test]
fn a_hundred_and_fifty_thousand_broken_links_list_a_hundred_and_one_summary() {
    let case = Case::new(Hostile::BrokenLinks, 150_000);
    let errors = case.build().expect_err("broken links are errors");
    let shown = case.file.display().to_string();
    let here: Vec<&String> = errors.iter().filter(|e| e.starts_with(&shown)).collect();
    assert_eq!(here.len(), 101, "100 problems and one line for the rest");
    assert!(
        here[100].contains("149900 more problems in this file (149900 errors)"),
        "{}",
        here[100]
    );
    // The first hundred are the first links, each at its own column.
    let text = std::fs::read_to_string(&case.file).unwrap();
    let links: Vec<usize> = text.match_indices("[a](").map(|(i, _)| i).collect();
    let line_start = text[..links[0]].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..links[0]].matches('\n').count() + 1;
    for (n, shown_line) in here[..100].iter().enumerate() {
        let col = links[n] - line_start + 1;
        assert!(
            shown_line.starts_with(&format!("{shown}:{line}:{col}: ")),
            "link {n}: {shown_line}"
        );
    }
}

#[test]
fn a_career_map_level_of_two_hundred_titles_is_an_error_at_the_first_title_past_the_bound() {
    let case = Case::new(Hostile::MapLevel, 200);
    let errors = case
        .build()
        .expect_err("200 titles at one level are refused");
    let text = std::fs::read_to_string(&case.file).unwrap();
    // The 13th title of the level, at its `education` value.
    let at = text
        .match_indices("education = \"entry\"")
        .nth(12)
        .map(|(i, _)| i + "education = ".len())
        .unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    let here = format!("{}:{line}:{col}: ", case.file.display());
    let about: Vec<&String> = errors.iter().filter(|e| e.contains("titles")).collect();
    assert_eq!(about.len(), 1, "one error for the level: {about:#?}");
    assert!(
        about[0].starts_with(&here) && about[0].contains("at most 12 per level"),
        "{here} in {about:#?}"
    );
}

#[test]
fn a_career_map_with_too_many_levels_or_moves_is_an_error_at_each() {
    let s = Scratch::of("minimal");
    let map = "pathways/demo/career-map.toml";
    let mut text = s.read(map);
    for l in 0..8 {
        text = text.replacen(
            "[[titles]]",
            &format!("[[levels]]\nid = \"extra-{l}\"\nname = \"Extra {l}\"\nlength = \"a year\"\nprepares = \"Work.\"\n\n[[titles]]"),
            1,
        );
    }
    text = text.replacen(
        "moves = [{ to = \"senior\", kind = \"advance\" }]",
        &format!(
            "moves = [{}]",
            ["{ to = \"senior\", kind = \"lateral\" }"; 5].join(", ")
        ),
        1,
    );
    s.write(map, text);
    let errors = s.errors();
    let (line, col) = s.position(map, "\"extra-7\"");
    assert!(
        errors.iter().any(
            |e| e.starts_with(&format!("{}:{line}:{col}: ", s.shown(map)))
                && e.contains("at most 8 levels")
        ),
        "{errors:#?}"
    );
    let text = s.read(map);
    let fifth = text.match_indices("{ to = \"senior\"").nth(4).unwrap().0 + "{ to = ".len();
    let line = text[..fifth].matches('\n').count() + 1;
    let col = fifth - text[..fifth].rfind('\n').map_or(0, |i| i + 1) + 1;
    assert!(
        errors.iter().any(
            |e| e.starts_with(&format!("{}:{line}:{col}: ", s.shown(map)))
                && e.contains("more than 4 moves")
        ),
        "{errors:#?}"
    );
}

#[tokio::test]
async fn the_largest_career_map_allowed_is_drawn_whole() {
    let case = Case::new(Hostile::MapFull, 12);
    let loaded = case
        .build()
        .unwrap_or_else(|e| panic!("should build:\n{}", e.join("\n")));
    let slug = case.file.parent().unwrap().file_name().unwrap();
    let path = format!("/pathways/{}/career-map", slug.to_string_lossy());
    let page = get_from(&pathways::AppState::new(loaded), &path).await;
    assert_eq!(page.status, 200);
    let html = page.html();
    // Every title has its box (a link in each drawing: wide and phone).
    let linked: std::collections::HashSet<&str> = html
        .select(&sel("svg a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    for l in 0..8 {
        for i in 0..12 {
            assert!(linked.contains(format!("#t{l}-{i}").as_str()), "t{l}-{i}");
        }
    }
}

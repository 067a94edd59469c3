//! Unit tests of the renderer with a small context.

use super::*;
use crate::content::Term;
use crate::diag::{Diagnostic, SourceFile};
use crate::util::text::slugify;

struct Ctx(Glossary);

impl Context for Ctx {
    fn figure(&self, name: &str) -> Result<Piece, String> {
        if name == "x.median_pay" {
            Ok(Piece {
                html: "$1,000 a year (May 2022)<sup>1</sup>".into(),
                text: "$1,000 a year (May 2022)".into(),
            })
        } else {
            Err(format!("no figure {name}"))
        }
    }
    fn compare(&self, name: &str, _whole: bool) -> Result<Piece, String> {
        Err(format!("no comparison {name}"))
    }
    fn block(&self, name: &str, _args: &[&str]) -> Result<Piece, String> {
        if name == "table" {
            Ok(Piece {
                html: "<table class=\"t\"></table>".into(),
                text: String::new(),
            })
        } else {
            Err(format!("no block {name}"))
        }
    }
    fn glossary(&self) -> &Glossary {
        &self.0
    }
}

fn ctx() -> Ctx {
    Ctx(Glossary::new(&[
        Term {
            id: "rhit".into(),
            term: "RHIT".into(),
            expansion: Some("Registered Health Information Technician".into()),
            definition: "d".into(),
            also: vec![],
            defined_at: Default::default(),
        },
        Term {
            id: "accreditation".into(),
            term: "accreditation".into(),
            expansion: None,
            definition: "d".into(),
            also: vec![],
            defined_at: Default::default(),
        },
    ]))
}

fn md(src: &str) -> (Rendered, Vec<Diagnostic>) {
    let file = SourceFile::new("t.md", src.to_string());
    let mut diags = Vec::new();
    let r = render(&file, src, 0, &Ids::default(), &ctx(), &mut diags);
    (r, diags)
}

#[test]
fn headings_get_slug_ids_deduplicated_and_explicit_ids_win() {
    let (r, d) =
        md("## How long does it take?\n\n## How long does it take?\n\n### Exam {#rhit-exam}\n");
    assert!(d.is_empty(), "{d:?}");
    let ids: Vec<_> = r.toc.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "how-long-does-it-take",
            "how-long-does-it-take-2",
            "rhit-exam"
        ]
    );
    assert!(r.html.contains("<h2 id=\"how-long-does-it-take\">"));
    assert!(r.html.contains("href=\"#rhit-exam\""));
}

#[test]
fn h1_in_markdown_is_an_error_with_its_line() {
    let (_, d) = md("Intro\n\n# Title\n");
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].line, d[0].col), (3, 1));
    assert!(d[0].message.contains("`##`"));
}

#[test]
fn raw_html_is_escaped_and_warned() {
    let (r, d) = md("Hello <script>alert(1)</script> there\n");
    assert!(!r.html.contains("<script>"));
    assert!(r.html.contains("&lt;script&gt;"));
    assert_eq!(d.len(), 2);
}

#[test]
fn external_links_carry_noopener_and_internal_links_are_collected() {
    let (r, d) = md("[BLS](https://www.bls.gov/) and [pay](/pathways/x/salary#pay)\n");
    assert!(d.is_empty());
    assert!(
        r.html
            .contains("<a href=\"https://www.bls.gov/\" rel=\"noopener\">")
    );
    assert_eq!(r.links[0].href, "/pathways/x/salary#pay");
}

#[test]
fn javascript_links_are_refused() {
    let (r, d) = md("[x](javascript:alert(1))\n");
    assert!(!r.html.contains("javascript:"));
    assert_eq!(d.len(), 1);
}

#[test]
fn footnote_ids_are_prefixed_and_never_collide_with_headings() {
    let (r, _) = md("Text[^1]\n\n## fn 1\n\n[^1]: A note.\n");
    assert!(r.html.contains("id=\"fn-1\""));
    assert!(r.toc[0].id != "fn-1");
}

#[test]
fn figures_expand_and_unknown_figures_are_errors_with_position() {
    let (r, d) = md("Pay is {{ figure x.median_pay }}.\n\nLine two {{ figure nope }}\n");
    assert!(r.html.contains("$1,000 a year (May 2022)"));
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].line, d[0].col), (3, 10));
}

#[test]
fn block_shortcodes_replace_their_paragraph() {
    let (r, d) = md("Before\n\n{{ table pay }}\n\nAfter\n");
    assert!(d.is_empty());
    assert!(r.html.contains("<table class=\"t\"></table>"));
    assert!(!r.html.contains("{{"));
}

#[test]
fn glossary_terms_are_marked_once_and_never_in_headings_or_links() {
    let (r, _) = md("## RHIT basics\n\n[RHIT](/x) then RHIT and RHIT again, plus accreditation.\n");
    assert_eq!(r.html.matches("<abbr").count(), 1);
    assert_eq!(
        r.html.matches("href=\"/glossary#accreditation\"").count(),
        1
    );
    assert!(r.html.contains("<h2 id=\"rhit-basics\">RHIT basics</h2>"));
    assert_eq!(r.terms, ["rhit", "accreditation"]);
}

#[test]
fn terms_match_whole_words_only() {
    let (r, _) = md("RHITS and xRHIT are not terms.\n");
    assert!(!r.html.contains("<abbr"));
}

#[test]
fn lowercasing_that_moves_offsets_does_not_split_a_char() {
    // Found by `cargo fuzz run markdown` (fuzz/regressions/markdown/):
    // `İ` grows and `ẞ` shrinks when lowercased, so the lengths agree but
    // a match in the lowercased text ended inside `ẞ` in the original.
    let (r, _) = md("İACCREDITATIONẞ, then accreditation.\n");
    assert_eq!(r.html.matches("class=\"term\"").count(), 1);
    assert!(r.html.contains(">accreditation</a>"));
}

#[test]
fn slugify_makes_stable_ids() {
    assert_eq!(slugify("What's the pay?"), "whats-the-pay");
    assert_eq!(slugify("RHIT & RHIA"), "rhit-rhia");
    assert_eq!(slugify("???"), "section");
}

#[test]
fn tables_are_wrapped_for_scrolling_on_phones() {
    let (r, _) = md("## Pay\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert!(r.html.contains(
        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Pay\"><table role=\"table\">"
    ));
    // phones stack each row into a card: the first cell heads its row, the
    // others carry their column's heading
    assert!(
        r.html
            .contains("<th scope=\"row\" role=\"rowheader\">1</th>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<td role=\"cell\" data-label=\"b\">2</td>"),
        "{}",
        r.html
    );
}

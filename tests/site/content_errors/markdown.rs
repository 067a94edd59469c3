//! Mistakes in Markdown: an anchor used twice on a page, a heading id the
//! printed pathway uses, raw HTML (a warning, shown as text) and an h1.

use super::{demo, located, one_error};
use crate::helpers::*;

#[test]
fn a_duplicate_anchor_on_a_page_is_an_error() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "## First question",
        "## First {#same}\n\n## Second {#same}",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (12, 1));
    assert!(e.contains("`same` is used twice"), "{e}");
}

/// The page that prints every section heads each with `{section}-title`
/// and prefixes the section's ids with `{section}-`: a heading may not take
/// the id `title`, and one that would by its words gets another.
#[test]
fn a_heading_may_not_take_an_id_the_printed_pathway_uses() {
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "## How much?", "## How much? {#title}");
    s.edit(&demo("intro.md"), "pay#how-much", "pay#title");
    let e = one_error(&s);
    located(
        &e,
        &s,
        &demo("pay.md"),
        s.position(&demo("pay.md"), "## How much?"),
    );
    assert!(e.contains("`title` is used by the page layout"), "{e}");
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "## How much?", "## Title\n\n## How much?");
    let loaded = s.built();
    let ids = attrs(
        &stored_html(&loaded, "/pathways/demo/print/all"),
        "[id]",
        "id",
    );
    assert!(ids.contains(&"pay-title".to_string()));
    assert!(ids.contains(&"pay-title-2".to_string()), "{ids:?}");
}

#[test]
fn raw_html_in_markdown_is_a_warning_and_is_shown_as_text() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "## How much?",
        "<script>alert(1)</script>\n\n## How much?",
    );
    let loaded = s.load().expect("raw HTML does not stop the build");
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("raw HTML"))
        .expect("a warning");
    assert_eq!((w.line, w.col), (9, 1));
    let doc = stored_html(&loaded, "/pathways/demo/pay");
    assert_eq!(doc.select(&sel("main script")).count(), 0);
    let prose = texts(&doc, ".prose").join(" ");
    assert!(prose.contains("<script>alert(1)</script>"), "{prose}");
}

#[test]
fn a_markdown_h1_is_an_error_that_says_to_use_h2() {
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "## How much?", "# How much?");
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (9, 1));
    assert!(e.contains("##"), "{e}");
}

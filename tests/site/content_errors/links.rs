//! Broken links, checked against the rendered pages: to a missing page or
//! anchor, to an anchor only the rendered page has or lacks, to an unknown
//! glossary term, through an alias, and from a data file.

use super::{demo, located, one_error};
use crate::helpers::*;

#[test]
fn a_link_to_a_missing_page_names_the_link() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "(/pathways/demo/pay#how-much)",
        "(/pathways/demo/salary)",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (8, 23));
    assert!(
        e.contains("`/pathways/demo/salary`, which is not a page"),
        "{e}"
    );
}

#[test]
fn a_link_to_a_missing_anchor_lists_the_anchors_that_exist() {
    let s = Scratch::of("minimal");
    s.edit(&demo("intro.md"), "pay#how-much", "pay#how-little");
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (8, 23));
    assert!(e.contains("`#how-little`") && e.contains("how-much"), "{e}");
}

/// Anchors are read from the rendered page: the layout's table of contents
/// (`#contents`) is there only when a page has more than one heading, so a
/// link to it from a page with one heading goes nowhere.
#[test]
fn a_link_to_an_anchor_the_rendered_page_lacks_is_an_error_at_the_link() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "## How much?",
        "See [the contents](#contents).\n\n## How much?",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pay.md"), "[the contents]");
    located(&e, &s, &demo("pay.md"), at);
    assert!(
        e.contains("`#contents`") && e.contains("/pathways/demo/pay"),
        "{e}"
    );
}

/// The other side of the same rule: an anchor no Markdown file defines, but
/// the rendered page has (a glossary entry, the layout's source list), is
/// a good link.
#[test]
fn anchors_that_exist_only_in_rendered_pages_are_accepted() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "Text about ABC again.",
        "Text about [the term](/glossary#abc) and [our sources](#sources) again.",
    );
    let loaded = s.built();
    let doc = stored_html(&loaded, "/pathways/demo/intro");
    let hrefs = attrs(&doc, ".prose a", "href");
    assert!(hrefs.contains(&"/glossary#abc".to_string()), "{hrefs:?}");
    assert!(hrefs.contains(&"#sources".to_string()), "{hrefs:?}");
    assert_eq!(doc.select(&sel("#sources")).count(), 1);
    let glossary = stored_html(&loaded, "/glossary");
    assert_eq!(glossary.select(&sel("#abc")).count(), 1);
}

#[test]
fn a_link_to_an_unknown_glossary_term_says_so() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "Text about ABC again.",
        "Text about [XYZ](/glossary#xyz).",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (12, 12));
    assert!(e.contains("the glossary has no term `xyz`"), "{e}");
}

#[test]
fn a_link_through_an_alias_asks_for_the_canonical_path() {
    let s = Scratch::of("minimal");
    s.edit(&demo("intro.md"), "(/pathways/demo/pay#how-much)", "(/dp)");
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (8, 23));
    assert!(
        e.contains("alias `/dp`") && e.contains("`/pathways/demo`"),
        "{e}"
    );
}

#[test]
fn a_broken_link_in_a_data_file_points_at_the_data_file() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "key_figure = \"worker.median_pay\"",
        "key_figure = \"worker.median_pay\"\nhandout = [\"/pathways/demo/pay#how-little\"]",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pathway.toml"), "\"/pathways/demo/pay#how-little\"");
    located(&e, &s, &demo("pathway.toml"), at);
    assert!(e.contains("`#how-little`"), "{e}");
}

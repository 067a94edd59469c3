//! Search query handling: the `/search` query string (`search::params`) and
//! `Index::search` over the index of the sample site
//! (`tests/fixtures/sample`, a frozen copy of the HIM content), built once
//! as the server builds it.
//!
//! Invariants: no panic; at most `PER_PAGE` hits; the page shown is within
//! the pages there are; snippets are escaped text whose only markup is
//! `<mark>`/`</mark>`; the query used is at most `MAX_QUERY_CHARS` long.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::search::{MAX_QUERY_CHARS, PER_PAGE, params};
use std::path::Path;
use std::sync::LazyLock;

static SITE: LazyLock<pathways::Loaded> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    pathways::state::build(
        &root.join("tests/fixtures/sample"),
        &root.join("static"),
        None,
    )
    .expect("the sample site builds")
});

fn check(q: &str, page: usize) {
    let r = SITE.default_edition().search.search(q, page);
    assert!(r.query.chars().count() <= MAX_QUERY_CHARS);
    assert!(r.hits.len() <= PER_PAGE);
    assert!(r.page >= 1);
    if r.total > 0 {
        assert!(r.page <= r.pages, "page {} of {}", r.page, r.pages);
    }
    for hit in &r.hits {
        let rest = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(
            !rest.contains('<') && !rest.contains('>'),
            "unescaped markup in snippet {:?} for query {q:?}",
            hit.snippet
        );
        assert_eq!(
            hit.snippet.matches("<mark>").count(),
            hit.snippet.matches("</mark>").count()
        );
    }
}

fuzz_target!(|data: &[u8]| {
    LazyLock::force(&SITE);
    let raw = String::from_utf8_lossy(data);
    // The query string as the handler sees it.
    if let Ok(p) = params::parse(Some(&raw)) {
        assert!(p.page >= 1);
        check(&p.q, p.page);
    }
    // The same text typed straight into the box, on a page from the first byte.
    let page = data.first().map_or(1, |b| usize::from(*b % 8));
    check(&raw, page);
});

//! Links and the glossary: internal links on every page land on pages and
//! anchors, glossary terms are marked once per page and never inside
//! headings or links, the glossary and resources list every entry, and
//! external links carry `noopener`.

use crate::helpers::*;
use std::collections::{HashMap, HashSet};

#[tokio::test]
async fn internal_links_on_every_page_resolve_to_pages_and_anchors() {
    let loaded = sample_state().current();
    let mut pages: HashMap<String, HashSet<String>> = HashMap::new();
    for path in html_pages(&loaded) {
        let ids = attrs(&stored_html(&loaded, &path), "[id]", "id")
            .into_iter()
            .collect();
        pages.insert(path, ids);
    }
    let mut checked = 0;
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        for href in attrs(&doc, "a[href^='/'], a[href^='#']", "href") {
            let (target, anchor) = href.split_once('#').unwrap_or((&href, ""));
            let target = if target.is_empty() {
                path.as_str()
            } else {
                target.split('?').next().unwrap()
            };
            let ids = match pages.get(target) {
                Some(ids) => ids.clone(),
                None => {
                    let got = get(target).await;
                    assert_eq!(got.status, 200, "{path} links to {href}");
                    attrs(&got.html(), "[id]", "id").into_iter().collect()
                }
            };
            if !anchor.is_empty() {
                assert!(
                    ids.contains(anchor),
                    "{path} links to missing anchor {href}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[tokio::test]
async fn glossary_terms_are_marked_once_per_page_and_never_inside_headings_or_links() {
    let doc = get(&format!("{HIM}/education")).await.html();
    let marked = attrs(&doc, "main a.term", "href");
    let unique: HashSet<&String> = marked.iter().collect();
    assert!(!marked.is_empty());
    assert_eq!(
        marked.len(),
        unique.len(),
        "each term marked once: {marked:?}"
    );
    assert_eq!(
        doc.select(&sel("h1 a.term, h2 a.term, h3 a.term, a a.term"))
            .count(),
        0
    );
    let abbr = attrs(&doc, "main abbr", "title");
    assert!(
        abbr.iter()
            .any(|t| t.contains("Registered Health Information")),
        "{abbr:?}"
    );
}

#[tokio::test]
async fn the_glossary_and_resources_list_every_entry_with_anchors() {
    let loaded = sample_state().current();
    let doc = get("/glossary").await.html();
    let ids = attrs(&doc, ".term-entry", "id");
    let want: Vec<String> = loaded
        .default_edition()
        .site
        .glossary
        .iter()
        .map(|t| t.id.clone())
        .collect();
    assert_eq!(ids, want);
    let doc = get("/resources").await.html();
    assert_eq!(
        doc.select(&sel(".resources li")).count(),
        loaded.default_edition().site.resources.len()
    );
    for a in attrs(&doc, ".resources a", "href") {
        assert!(a.starts_with("https://"), "{a}");
    }
}

#[tokio::test]
async fn external_links_carry_noopener() {
    let loaded = sample_state().current();
    let mut external = 0;
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        // Links to this site's own address are not external.
        let links = sel("main a[href^='http']");
        let external_links = doc
            .select(&links)
            .filter(|a| !a.value().attr("href").unwrap().starts_with(BASE));
        for a in external_links {
            assert_eq!(
                a.value().attr("rel"),
                Some("noopener"),
                "{path}: {:?}",
                a.value().attr("href")
            );
            external += 1;
        }
    }
    assert!(external > 20);
}

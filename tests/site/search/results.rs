//! What the search page shows: snippets with the matched words marked, each
//! result's kind, breadcrumb and title, result links that land on real
//! anchors, the labelled form, examples for an empty query, help when
//! nothing is found, and results ten to a page.

use super::{result_links, search_uri, state};
use crate::helpers::*;
use axum::http::StatusCode;

#[tokio::test]
async fn snippets_mark_the_matched_words() {
    for q in [
        "rhit",
        "coder salary",
        "cerification",
        "median pay",
        "29-2072",
    ] {
        let html = get(&search_uri(q)).await.html();
        let marked = html.select(&sel("ol.results .snippet mark")).count();
        assert!(marked > 0, "{q}: no <mark> in any snippet");
    }
    let html = get(&search_uri("rhit")).await.html();
    let first = html.select(&sel("ol.results .snippet")).next().unwrap();
    let mark = first
        .select(&sel("mark"))
        .next()
        .expect("the first snippet marks a word");
    assert_eq!(mark.text().collect::<String>(), "RHIT");
}

#[tokio::test]
async fn each_result_shows_its_kind_breadcrumb_title_and_count() {
    let loaded = state().current();
    let ui = &loaded.default_edition().site.ui.search;
    let a = get(&search_uri("rhit")).await;
    let html = a.html();
    let count = texts(&html, "p.count").join(" ");
    assert!(count.contains("results for “rhit”"), "{count}");
    // A heading under a heading: the breadcrumb names the section and the
    // heading above.
    let result = html
        .select(&sel("ol.results li.result"))
        .find(|r| {
            r.select(&sel(".result-title a"))
                .next()
                .and_then(|a| a.value().attr("href"))
                == Some(&format!("{HIM}/education#rhit"))
        })
        .expect("the RHIT part of the education section");
    let kind = text_of(result.select(&sel(".kind")).next().unwrap());
    assert_eq!(kind, ui.kind_section);
    let crumb = text_of(result.select(&sel(".crumb")).next().unwrap());
    assert_eq!(
        crumb,
        "HIM › Education › Which credentials do employers look for?"
    );
    let title = text_of(result.select(&sel(".result-title")).next().unwrap());
    assert_eq!(title, "RHIT: Registered Health Information Technician");
    // A job title on the career map says so.
    let html = get(&search_uri("coder")).await.html();
    let result = html
        .select(&sel("ol.results li.result"))
        .find(|r| text_of(*r).contains("Coder"))
        .unwrap();
    let kinds = texts(&html, "ol.results .kind");
    assert!(kinds.contains(&ui.kind_title), "{kinds:?}");
    assert!(text_of(result).contains("HIM"));
}

#[tokio::test]
async fn every_result_link_lands_on_a_page_with_that_anchor() {
    let mut checked = 0;
    for q in [
        "rhit",
        "coder",
        "salary",
        "29-2072",
        "certification",
        "ahima",
        "job titles",
        "bls",
        "accredited program",
        "health information",
    ] {
        let mut page = 1;
        loop {
            let a = get(&format!("{}&page={page}", search_uri(q))).await;
            let html = a.html();
            for link in result_links(&html) {
                let (path, anchor) = link.split_once('#').unwrap_or((&link, ""));
                let target = get(path).await;
                assert_eq!(target.status, StatusCode::OK, "{q}: {link}");
                if !anchor.is_empty() {
                    let found = target
                        .html()
                        .select(&sel(&format!("[id=\"{anchor}\"]")))
                        .count();
                    assert_eq!(found, 1, "{q}: {link} has no element with that id");
                }
                checked += 1;
            }
            if html.select(&sel("a[rel=next]")).next().is_none() {
                break;
            }
            page += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[tokio::test]
async fn every_document_in_the_index_links_to_an_existing_anchor() {
    // A broad query: every kind of document (sections, glossary terms,
    // resources, titles) has some of these words.
    let loaded = state().current();
    let query = "him health records glossary resources data credential";
    let total = loaded.default_edition().search.search(query, 1).total;
    assert!(total > 10, "the query should match most pages: {total}");
    let mut checked = 0;
    let mut page = 1;
    loop {
        let r = loaded.default_edition().search.search(query, page);
        let urls = r
            .hits
            .iter()
            .flat_map(|h| std::iter::once(&h.url).chain(h.more.iter().map(|(_, u)| u)));
        for url in urls {
            checked += 1;
            let (path, anchor) = url.split_once('#').unwrap_or((url, ""));
            let target = get(path).await;
            assert_eq!(target.status, StatusCode::OK, "{url}");
            if !anchor.is_empty() {
                assert_eq!(
                    target
                        .html()
                        .select(&sel(&format!("[id=\"{anchor}\"]")))
                        .count(),
                    1,
                    "{url}"
                );
            }
        }
        if !r.has_next() {
            break;
        }
        page += 1;
    }
    assert!(
        checked > total,
        "every result and its headings were checked"
    );
}

#[tokio::test]
async fn the_form_is_labelled_and_prefilled_with_the_query() {
    let html = get(&search_uri("coder salary")).await.html();
    let input = html
        .select(&sel("main form[action=\"/search\"] input[name=q]"))
        .next()
        .unwrap();
    assert_eq!(input.value().attr("value"), Some("coder salary"));
    let id = input.value().attr("id").unwrap();
    assert_eq!(
        html.select(&sel(&format!("label[for=\"{id}\"]"))).count(),
        1
    );
}

#[tokio::test]
async fn an_empty_query_shows_the_search_page_with_examples_that_find_something() {
    let loaded = state().current();
    let want: Vec<String> = loaded
        .default_edition()
        .site
        .ui
        .search
        .example_list
        .split(',')
        .map(|e| e.trim().to_string())
        .collect();
    assert_eq!(want.len(), 5);
    for uri in ["/search", "/search?q=", "/search?q=+++"] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let html = a.html();
        assert_eq!(texts(&html, "ul.examples a"), want);
        let hrefs = attrs(&html, "ul.examples a", "href");
        let links: Vec<String> = want.iter().map(|e| search_uri(e)).collect();
        assert_eq!(hrefs, links);
        assert!(result_links(&html).is_empty());
    }
    for example in &want {
        let html = get(&search_uri(example)).await.html();
        assert!(
            !result_links(&html).is_empty(),
            "the example {example:?} finds nothing"
        );
    }
}

#[tokio::test]
async fn no_results_suggests_what_to_try_and_links_to_sections_and_the_glossary() {
    let a = get(&search_uri("xylophone zebra")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.text().contains("No results for “xylophone zebra”"));
    assert!(a.text().contains("Check the spelling"));
    let html = a.html();
    let hrefs: Vec<&str> = html
        .select(&sel("main a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains(&"/glossary"));
    assert!(hrefs.contains(&"/resources"));
    assert!(hrefs.contains(&"/pathways/health-information-management/salary"));
}

#[tokio::test]
async fn results_are_paged_ten_at_a_time_with_prev_and_next_links() {
    let a = get(&search_uri("health")).await;
    let html = a.html();
    assert_eq!(result_links(&html).len(), 10);
    let nav = html
        .select(&sel("nav[aria-label=\"Search results pages\"]"))
        .next()
        .expect("a pager");
    let next = nav
        .select(&sel("a[rel=next]"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert_eq!(next, "/search?q=health&page=2");
    assert!(nav.select(&sel("a[rel=prev]")).next().is_none());
    let page2 = get(next).await.html();
    let prev = page2
        .select(&sel("a[rel=prev]"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert_eq!(prev, "/search?q=health");
    assert_ne!(result_links(&page2), result_links(&html));
}

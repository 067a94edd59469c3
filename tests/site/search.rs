//! Search: relevance on the sample HIM content, safe snippets with `<mark>`,
//! links that land on real anchors, and calm answers to hostile or odd
//! input.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use scraper::Html;

fn state() -> pathways::AppState {
    sample_state()
}

async fn get_with(uri: &str, accept_encoding: &str) -> Got {
    send(
        Request::get(uri)
            .header(header::ACCEPT_ENCODING, accept_encoding)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

fn search_uri(q: &str) -> String {
    let enc: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    format!("/search?q={enc}")
}

/// The result links of a search page, in order.
fn result_links(html: &Html) -> Vec<String> {
    html.select(&sel("ol.results .result-title a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

/// (query, the results that may come first), read from the sample: paths
/// without a leading `/` are on the HIM pathway. Where the sample answers a
/// question in two places equally well (the RHIT is explained on its own and
/// beside the RHIA), either may come first.
const RELEVANCE: &[(&str, &[&str])] = &[
    ("rhit", &["credentials#rhit", "credentials#rhit-vs-rhia"]),
    ("rhia", &["credentials#rhia", "credentials#rhit-vs-rhia"]),
    ("\"rhit exam\"", &["credentials#rhit"]),
    (
        "how much do they make",
        &["salary", "salary#median", "salary#pay-range"],
    ),
    ("29-2072", &["what-is-him#soc-codes"]),
    ("29-9021", &["what-is-him#soc-codes"]),
    (
        "coder",
        &["career-map#coder", "credentials#coding-credentials"],
    ),
    ("coding", &["/glossary#medical-coding", "ai-and-coding"]),
    (
        "certified",
        &["/glossary#certification", "/resources#certification"],
    ),
    ("cahiim", &["education#cahiim"]),
    ("median pay", &["salary#median"]),
    ("work with patients", &["roles#working-with-patients"]),
    ("privacy", &["roles#tasks"]),
    ("what will I learn", &["education#what-you-will-learn"]),
    ("bridge role", &["roles#bridge-role"]),
    ("pay by state", &["salary#pay-by-region"]),
    (
        "renew",
        &["education#renewal", "credentials#recertification"],
    ),
    ("registrar", &["career-map#medical-registrar"]),
    ("remote work", &["workplace#remote-work", "workplace"]),
    ("hours and shifts", &["workplace#hours-and-shifts"]),
    ("will ai replace coders", &["ai-and-coding"]),
    ("exam fees", &["credentials#exam-costs"]),
    (
        "cancer registry",
        &["credentials#registry-credentials", "/glossary#ncra"],
    ),
    ("ehr", &["/glossary#ehr"]),
];

fn full(url: &str) -> String {
    if url.starts_with('/') {
        url.to_string()
    } else {
        format!("{HIM}/{url}")
    }
}

#[tokio::test]
async fn each_query_in_the_relevance_table_puts_an_expected_result_first() {
    let mut wrong = Vec::new();
    for (q, want) in RELEVANCE {
        let a = get(&search_uri(q)).await;
        assert_eq!(a.status, StatusCode::OK, "{q}");
        let links = result_links(&a.html());
        let want: Vec<String> = want.iter().map(|w| full(w)).collect();
        if !links.first().is_some_and(|l| want.contains(l)) {
            wrong.push(format!(
                "{q:?}: want one of {want:?}, got {:?}",
                links.iter().take(3).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// No coder-specific pay is in the sample: the pay section is the answer.
#[tokio::test]
async fn coder_salary_finds_the_pay_section() {
    let links = result_links(&get(&search_uri("coder salary")).await.html());
    let first = links.first().expect("results");
    assert!(first.starts_with(&format!("{HIM}/salary")), "{links:?}");
}

#[tokio::test]
async fn a_misspelt_word_of_five_letters_or_more_still_finds_the_education_page() {
    let links = result_links(&get(&search_uri("cerification")).await.html());
    let first = links.first().expect("cerification should find something");
    assert!(first.starts_with(&format!("{HIM}/education")), "{first}");
}

/// Near forms: "coding" also finds what only says "coder".
#[tokio::test]
async fn coding_finds_pages_that_say_coder() {
    let loaded = state().current();
    let mut page = 1;
    let found = loop {
        let r = loaded.search.search("coding", page);
        if let Some(hit) = r.hits.iter().find(|h| h.url.ends_with("career-map#coder")) {
            break hit.clone();
        }
        assert!(r.has_next(), "coding never finds the coder");
        page += 1;
    };
    assert!(found.snippet.contains("<mark>"), "{}", found.snippet);
    assert_eq!(found.title, "Coder");
}

/// Documents that match every word of a query come before those that match
/// only some, whatever their scores on one word.
#[tokio::test]
async fn documents_matching_every_word_come_before_those_matching_some() {
    let loaded = state().current();
    let all = |q: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut page = 1;
        loop {
            let r = loaded.search.search(q, page);
            out.extend(r.hits.iter().map(|h| h.url.clone()));
            if !r.has_next() {
                break out;
            }
            page += 1;
        }
    };
    let privacy = all("privacy");
    let hospital = all("hospital");
    let both: Vec<&String> = privacy.iter().filter(|u| hospital.contains(u)).collect();
    assert!(!both.is_empty() && both.len() < privacy.len().min(hospital.len()));
    let r = all("privacy hospital");
    let mut union: Vec<&String> = privacy.iter().chain(&hospital).collect();
    union.sort();
    union.dedup();
    assert_eq!(r.len(), union.len());
    let mut first: Vec<&String> = r.iter().take(both.len()).collect();
    first.sort();
    let mut want = both.clone();
    want.sort();
    assert_eq!(first, want, "the documents with both words come first");
    // On its own, "hospital" ranks something else first.
    assert!(!both.contains(&&hospital[0]));
}

#[tokio::test]
async fn quoted_words_must_appear_together() {
    let loaded = state().current();
    let loose = loaded.search.search("rhit exam", 1);
    let phrase = loaded.search.search("\"rhit exam\"", 1);
    assert!(
        phrase.total >= 1 && phrase.total < loose.total,
        "{} vs {}",
        phrase.total,
        loose.total
    );
    assert!(
        phrase.hits[0]
            .snippet
            .contains("<mark>RHIT</mark> <mark>exam</mark>"),
        "{}",
        phrase.hits[0].snippet
    );
}

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
    let ui = &loaded.site.ui.search;
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
    // A query matching every document: each has some of these words.
    let loaded = state().current();
    let r = loaded.search.search("health the a", 1);
    assert!(r.total > 0);
    let mut page = 1;
    loop {
        let r = loaded.search.search(
            "him health records glossary resources data credential",
            page,
        );
        for hit in &r.hits {
            let (path, anchor) = hit.url.split_once('#').unwrap_or((&hit.url, ""));
            let target = get(path).await;
            assert_eq!(target.status, StatusCode::OK, "{}", hit.url);
            if !anchor.is_empty() {
                assert_eq!(
                    target
                        .html()
                        .select(&sel(&format!("[id=\"{anchor}\"]")))
                        .count(),
                    1,
                    "{}",
                    hit.url
                );
            }
        }
        if !r.has_next() {
            break;
        }
        page += 1;
    }
}

#[tokio::test]
async fn search_pages_are_noindex_and_never_cached_as_static_pages() {
    let a = get(&search_uri("coder salary")).await;
    assert_eq!(a.status, StatusCode::OK);
    let cc = a
        .headers
        .get(header::CACHE_CONTROL)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cc.contains("no-cache") || cc.contains("no-store"), "{cc}");
    assert!(a.headers.get(header::ETAG).is_none());
    let html = a.html();
    let robots = html
        .select(&sel("meta[name=robots]"))
        .next()
        .expect("a robots meta tag");
    assert_eq!(robots.value().attr("content"), Some("noindex"));
}

#[tokio::test]
async fn the_search_page_is_compressed_when_the_browser_accepts_it() {
    let a = get_with(&search_uri("coder salary"), "br, gzip").await;
    assert_eq!(a.status, StatusCode::OK);
    let enc = a
        .headers
        .get(header::CONTENT_ENCODING)
        .map(|v| v.to_str().unwrap().to_string());
    assert!(matches!(enc.as_deref(), Some("br" | "gzip")), "{enc:?}");
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

#[tokio::test]
async fn query_syntax_characters_never_cause_an_error() {
    for q in [
        "\"",
        ":",
        "*",
        "(",
        ")",
        "\"coder",
        "coder\"",
        "title:rhit",
        "rhit*",
        "(rhit OR rhia",
        "+-!^~[]{}\\/",
        "AND OR NOT",
        "\"\"\"",
        "%",
        "&",
    ] {
        let a = get(&search_uri(q)).await;
        assert_eq!(a.status, StatusCode::OK, "{q:?}");
    }
    let plain = result_links(&get(&search_uri("rhit")).await.html());
    for q in ["rhit*", "(rhit", "rhit:", "\"rhit"] {
        let links = result_links(&get(&search_uri(q)).await.html());
        assert_eq!(links, plain, "{q} is read as rhit");
    }
}

#[tokio::test]
async fn a_query_over_two_hundred_characters_is_cut_with_a_note() {
    let long = "rhit ".repeat(60);
    let a = get(&search_uri(&long)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.text().contains("longer than 200 characters"));
    let html = a.html();
    let value = html
        .select(&sel("main input[name=q]"))
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    assert!(value.chars().count() <= 200, "{}", value.len());
    assert!(!result_links(&html).is_empty());
}

#[tokio::test]
async fn broken_percent_escapes_and_invalid_utf8_get_a_400_page() {
    for uri in [
        "/search?q=%ZZ",
        "/search?q=%FF",
        "/search?q=abc%",
        "/search?q=%C3%28",
        "/search?page=%ZZ&q=rhit",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(a.text().contains("We could not read that search"), "{uri}");
    }
}

#[tokio::test]
async fn odd_page_numbers_give_the_first_page() {
    let first = result_links(&get(&search_uri("health")).await.html());
    for p in ["0", "-1", "abc", "", "1e3", "%20"] {
        let a = get(&format!("{}&page={p}", search_uri("health"))).await;
        assert_eq!(a.status, StatusCode::OK, "page={p}");
        assert_eq!(result_links(&a.html()), first, "page={p}");
    }
}

#[tokio::test]
async fn a_page_past_the_end_shows_the_last_page_with_a_link_back() {
    for p in ["99999", "184467440737095516150"] {
        let a = get(&format!("{}&page={p}", search_uri("health"))).await;
        assert_eq!(a.status, StatusCode::OK, "page={p}");
        assert!(
            a.text().contains(&format!("There is no page {p}")) || p.len() > 10,
            "page={p}"
        );
        let html = a.html();
        assert!(!result_links(&html).is_empty(), "page={p}");
        assert!(html.select(&sel("a[rel=next]")).next().is_none());
        assert!(
            html.select(&sel("a[href=\"/search?q=health\"]"))
                .next()
                .is_some()
        );
    }
}

#[tokio::test]
async fn a_script_in_the_query_is_escaped_everywhere() {
    for q in [
        "<script>alert(1)</script>",
        "rhit <script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
    ] {
        let a = get(&search_uri(q)).await;
        assert_eq!(a.status, StatusCode::OK);
        assert!(!a.text().contains("<script>alert"), "{q}");
        assert!(!a.text().contains("<img src=x"), "{q}");
        let html = a.html();
        assert!(html.select(&sel("img")).next().is_none(), "{q}");
        assert!(
            html.select(&sel("script"))
                .all(|s| !s.inner_html().contains("alert")),
            "{q}"
        );
        let value = html
            .select(&sel("main input[name=q]"))
            .next()
            .unwrap()
            .value()
            .attr("value")
            .unwrap()
            .to_string();
        assert_eq!(value, *q);
    }
}

#[tokio::test]
async fn head_requests_get_headers_only() {
    let got = send(
        Request::head(search_uri("rhit"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(got.status, StatusCode::OK);
    assert!(got.body.is_empty());
}

/// The self-check's statements are words of its page: a phrase only a
/// statement has finds the page that shows the self-check.
#[tokio::test]
async fn search_finds_the_self_check_statements_on_the_self_check_page() {
    let loaded = state().current();
    let check = him(&loaded).self_check.clone().unwrap();
    let phrase = "lawyers, administrators and executives";
    assert!(
        check.statements.iter().any(|s| s.text.contains(phrase)),
        "a statement has the phrase"
    );
    let page = self_check_path(&loaded, "health-information-management").unwrap();
    let html = get(&search_uri(&format!("\"{phrase}\""))).await.html();
    let links = result_links(&html);
    assert_eq!(
        links,
        std::slice::from_ref(&page),
        "only the self-check page has the phrase"
    );
    let snippet = texts(&html, "ol.results .snippet").join(" ");
    assert!(snippet.contains("administrators"), "{snippet}");
    // Unquoted, it still comes first.
    let html = get(&search_uri("enjoy working with lawyers administrators"))
        .await
        .html();
    assert_eq!(result_links(&html).first(), Some(&page));
}

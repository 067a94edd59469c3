//! Search: relevance on the real HIM content, safe snippets with `<mark>`,
//! links that land on real anchors, and calm answers to hostile or odd
//! input.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt as _;
use pathways::AppState;
use scraper::{Html, Selector};
use std::path::Path;
use std::sync::OnceLock;
use tower::ServiceExt as _;

const HIM: &str = "/pathways/health-information-management";

fn state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let loaded = pathways::state::build(Path::new("content"), Path::new("static"), None)
                .unwrap_or_else(|e| panic!("content should load: {e}"));
            AppState::new(loaded)
        })
        .clone()
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Answer {
    fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }
}

async fn get_with(uri: &str, accept_encoding: Option<&str>) -> Answer {
    let mut req = Request::builder().uri(uri);
    if let Some(enc) = accept_encoding {
        req = req.header(header::ACCEPT_ENCODING, enc);
    }
    let res = pathways::app(state())
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(uri: &str) -> Answer {
    get_with(uri, None).await
}

fn search_uri(q: &str) -> String {
    let enc: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    format!("/search?q={enc}")
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The result links of a search page, in order.
fn result_links(html: &Html) -> Vec<String> {
    html.select(&sel("ol.results .result-title a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

/// (query, the result that must come first)
const RELEVANCE: &[(&str, &str)] = &[
    (
        "rhit",
        "/pathways/health-information-management/education#rhit",
    ),
    (
        "rhia",
        "/pathways/health-information-management/education#rhia",
    ),
    (
        "how much do they make",
        "/pathways/health-information-management/salary",
    ),
    (
        "29-2072",
        "/pathways/health-information-management/what-is-him#soc-codes",
    ),
    (
        "29-9021",
        "/pathways/health-information-management/what-is-him#soc-codes",
    ),
    (
        "coder",
        "/pathways/health-information-management/career-map#coder",
    ),
    ("coding", "/glossary#medical-coding"),
    ("certified", "/glossary#certification"),
    (
        "coder salary",
        "/pathways/health-information-management/salary#entry-pay",
    ),
    (
        "cahiim",
        "/pathways/health-information-management/education#cahiim",
    ),
    (
        "median pay",
        "/pathways/health-information-management/salary#median",
    ),
    (
        "work with patients",
        "/pathways/health-information-management/roles#working-with-patients",
    ),
    (
        "privacy",
        "/pathways/health-information-management/roles#tasks",
    ),
    (
        "what will I learn",
        "/pathways/health-information-management/education#what-you-will-learn",
    ),
    (
        "bridge role",
        "/pathways/health-information-management/roles#bridge-role",
    ),
    (
        "pay by state",
        "/pathways/health-information-management/salary#pay-by-region",
    ),
    (
        "renew",
        "/pathways/health-information-management/education#renewal",
    ),
    (
        "registrar",
        "/pathways/health-information-management/career-map#medical-registrar",
    ),
    (
        "\"rhit exam\"",
        "/pathways/health-information-management/education#certificate-or-degree",
    ),
    ("ehr", "/glossary#ehr"),
];

#[tokio::test]
async fn each_query_in_the_relevance_table_puts_the_expected_result_first() {
    let mut wrong = Vec::new();
    for (q, want) in RELEVANCE {
        let a = get(&search_uri(q)).await;
        assert_eq!(a.status, StatusCode::OK, "{q}");
        let links = result_links(&a.html());
        if links.first().map(String::as_str) != Some(*want) {
            wrong.push(format!(
                "{q:?}: want {want}, got {:?}",
                links.iter().take(3).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[tokio::test]
async fn a_misspelt_word_of_five_letters_or_more_still_finds_the_education_page() {
    let links = result_links(&get(&search_uri("cerification")).await.html());
    let first = links.first().expect("cerification should find something");
    assert!(first.starts_with(&format!("{HIM}/education")), "{first}");
}

#[tokio::test]
async fn coding_finds_pages_that_say_coder() {
    let a = get(&search_uri("coding")).await;
    let links = result_links(&a.html());
    assert!(
        links
            .iter()
            .take(3)
            .any(|l| l.ends_with("career-map#coder")),
        "{links:?}"
    );
}

#[tokio::test]
async fn documents_matching_every_word_come_before_those_matching_some() {
    let loaded = state().current();
    let r = loaded.search.search("privacy hospital", 1);
    // Only roles#tasks has both words; others with "hospital" score higher
    // on that word alone but come after it.
    assert_eq!(r.hits[0].url, format!("{HIM}/roles#tasks"));
    assert_eq!(loaded.search.search("privacy", 1).total, 1);
    assert!(loaded.search.search("hospital", 1).hits[0].url != r.hits[0].url);
    assert!(r.total > 1);
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
    let a = get(&search_uri("rhit")).await;
    let html = a.html();
    let count = html
        .select(&sel("p.count"))
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    assert!(count.contains("results for “rhit”"), "{count}");
    let first = html.select(&sel("ol.results li.result")).next().unwrap();
    let text = first.text().collect::<String>();
    assert!(text.contains("Section"), "{text}");
    assert!(
        text.contains("HIM › Education and credentials › Which credentials do employers look for?"),
        "{text}"
    );
    assert!(
        text.contains("RHIT: Registered Health Information Technician"),
        "{text}"
    );
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
    let a = get_with(&search_uri("coder salary"), Some("br, gzip")).await;
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
async fn an_empty_query_shows_the_search_page_with_five_examples() {
    for uri in ["/search", "/search?q=", "/search?q=+++"] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let html = a.html();
        let examples: Vec<String> = html
            .select(&sel("ul.examples a"))
            .map(|e| e.text().collect::<String>())
            .collect();
        assert_eq!(
            examples,
            [
                "coder salary",
                "rhit exam",
                "cerification",
                "how much do they make",
                "29-2072"
            ]
        );
        assert!(result_links(&html).is_empty());
    }
}

#[tokio::test]
async fn no_results_suggests_what_to_try_and_links_to_sections_and_the_glossary() {
    let a = get(&search_uri("xylophone zebra")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("No results for “xylophone zebra”"));
    assert!(a.body.contains("Check the spelling"));
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
    for q in ["rhit*", "(rhit", "rhit:", "\"rhit"] {
        let links = result_links(&get(&search_uri(q)).await.html());
        assert_eq!(
            links.first().map(String::as_str),
            Some("/pathways/health-information-management/education#rhit"),
            "{q}"
        );
    }
}

#[tokio::test]
async fn a_query_over_two_hundred_characters_is_cut_with_a_note() {
    let long = "rhit ".repeat(60);
    let a = get(&search_uri(&long)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("longer than 200 characters"));
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
        assert!(a.body.contains("We could not read that search"), "{uri}");
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
            a.body.contains(&format!("There is no page {p}")) || p.len() > 10,
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
        assert!(!a.body.contains("<script>alert"), "{q}");
        assert!(!a.body.contains("<img src=x"), "{q}");
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
    let res = pathways::app(state())
        .oneshot(
            Request::head(search_uri("rhit"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    assert!(bytes.is_empty());
}

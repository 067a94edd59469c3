//! Hostile or odd input: query syntax characters, queries over 200
//! characters, broken percent escapes and invalid UTF-8, odd page numbers
//! and pages past the end, and scripts in the query.

use super::{result_links, search_uri};
use crate::helpers::*;
use axum::http::StatusCode;

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
    let [value] = &attrs(&html, "main input[name=q]", "value")[..] else {
        panic!("one search box with a value")
    };
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
        // A number too big to hold is read as the largest page there is:
        // the note still says that page does not exist.
        let said = a.text();
        assert!(said.contains("There is no page "), "page={p}");
        if p.parse::<usize>().is_ok() {
            assert!(said.contains(&format!("There is no page {p}")), "page={p}");
        }
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
        let [value] = &attrs(&html, "main input[name=q]", "value")[..] else {
            panic!("{q}: one search box with a value")
        };
        assert_eq!(value, q);
    }
}

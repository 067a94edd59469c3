//! The second review (issue 25), HTTP details answered in process: each
//! is answered the way the rest of the site answers it.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};

async fn with(path: &str, headers: &[(&str, &str)]) -> Got {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    send(req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn search_sends_the_plain_page_to_a_client_that_refuses_every_encoding() {
    for path in ["/search?q=coder", HIM] {
        let got = with(path, &[("accept-encoding", "*;q=0")]).await;
        assert_eq!(got.status, StatusCode::OK, "{path}");
        assert_eq!(got.header("content-encoding"), "", "{path}");
        assert!(got.text().contains("<h1"), "{path}");
    }
    // And gzip to one that takes it, as before.
    let got = with("/search?q=coder", &[("accept-encoding", "gzip")]).await;
    assert_eq!(got.header("content-encoding"), "gzip");
}

async fn stylesheet() -> String {
    let doc = get("/").await.html();
    attrs(&doc, "link[rel=stylesheet]", "href").remove(0)
}

#[tokio::test]
async fn a_static_range_in_an_unknown_unit_or_invalid_is_ignored() {
    let css = stylesheet().await;
    let whole = get(&css).await;
    assert_eq!(whole.status, StatusCode::OK);
    for range in ["items=0-5", "bytes=abc", "bytes=5-1", "bytes"] {
        let got = with(&css, &[("range", range)]).await;
        assert_eq!(got.status, StatusCode::OK, "{range}");
        assert_eq!(got.body, whole.body, "{range}");
    }
    // A valid byte range is still served, and one past the end is 416.
    let got = with(&css, &[("range", "bytes=0-9")]).await;
    assert_eq!(got.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(got.body, whole.body[..10]);
    let got = with(&css, &[("range", "bytes=99999999-")]).await;
    assert_eq!(got.status, StatusCode::RANGE_NOT_SATISFIABLE);
}

#[tokio::test]
async fn a_static_range_is_served_only_when_if_range_matches() {
    let css = stylesheet().await;
    let whole = get(&css).await;
    let etag = whole.header("etag").to_string();
    let modified = whole.header("last-modified").to_string();
    assert!(!etag.is_empty() && !modified.is_empty());
    for stale in [
        "\"not-the-tag\"",
        "W/\"not-the-tag\"",
        "Thu, 01 Jan 1970 00:00:00 GMT",
    ] {
        let got = with(&css, &[("range", "bytes=0-9"), ("if-range", stale)]).await;
        assert_eq!(got.status, StatusCode::OK, "{stale}");
        assert_eq!(got.body, whole.body, "{stale}");
    }
    for current in [etag.as_str(), modified.as_str()] {
        let got = with(&css, &[("range", "bytes=0-9"), ("if-range", current)]).await;
        assert_eq!(got.status, StatusCode::PARTIAL_CONTENT, "{current}");
        assert_eq!(got.body, whole.body[..10], "{current}");
    }
}

#[tokio::test]
async fn routed_paths_redirect_on_slash_and_case_like_every_page() {
    for (from, to) in [
        ("/search/", "/search"),
        ("/SEARCH", "/search"),
        ("/Search?q=rhit", "/search?q=rhit"),
        ("/healthz/", "/healthz"),
        ("/HEALTHZ", "/healthz"),
    ] {
        let got = get(from).await;
        assert_eq!(got.status, StatusCode::MOVED_PERMANENTLY, "{from}");
        assert_eq!(got.header("location"), to, "{from}");
    }
}

#[tokio::test]
async fn a_self_check_link_with_a_broken_escape_says_so_in_sentences() {
    let got = get(&format!("{HIM}/right-for-me?a=%ZZ")).await;
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    let doc = got.html();
    let text = doc
        .select(&sel("main p"))
        .map(text_of)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("The address has a broken %-escape. Start the self-check again"),
        "{text}"
    );
}

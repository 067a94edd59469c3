//! How search pages are sent: not indexed and never cached as static pages,
//! compressed when the browser accepts it, and HEAD answered with headers
//! only.

use super::search_uri;
use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

async fn get_with(uri: &str, accept_encoding: &str) -> Got {
    send(
        Request::get(uri)
            .header(header::ACCEPT_ENCODING, accept_encoding)
            .body(Body::empty())
            .unwrap(),
    )
    .await
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

//! The server stays up: an unexpected panic becomes the styled 500 page
//! (checked in process, through `http::with_layers`), and a burst of
//! hostile requests at once leaves the real server answering.

use super::{expect, fetch, sane, state};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use http_body_util::BodyExt as _;
use tower::ServiceExt as _;

/// An unexpected panic becomes the styled 500 page with the security
/// headers, and says nothing about what panicked.
#[tokio::test]
async fn a_panic_becomes_the_styled_500_page() {
    async fn boom() -> &'static str {
        panic!("boom")
    }
    let routes = Router::new().route("/boom", get(boom));
    let app = pathways::http::with_layers(routes, state());
    let res = app
        .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
        .await
        .expect("infallible");
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let headers = res.headers().clone();
    assert!(
        headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html")),
        "{headers:?}"
    );
    for h in [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
        "x-frame-options",
        "permissions-policy",
    ] {
        assert!(headers.contains_key(h), "the 500 page lacks {h}");
    }
    assert_eq!(
        headers.get("cache-control").and_then(|v| v.to_str().ok()),
        Some("no-store"),
    );
    let body = res.into_body().collect().await.expect("body").to_bytes();
    let text = String::from_utf8(body.to_vec()).expect("UTF-8");
    let doc = scraper::Html::parse_document(&text);
    let all = |css: &str| -> Vec<scraper::ElementRef<'_>> {
        doc.select(&scraper::Selector::parse(css).unwrap())
            .collect()
    };
    assert_eq!(all("main#main h1").len(), 1, "not the site layout:\n{text}");
    let sheets = all("link[rel=stylesheet]");
    assert!(
        !sheets.is_empty()
            && sheets.iter().all(|l| l
                .value()
                .attr("href")
                .is_some_and(|h| h.starts_with("/static/"))),
        "no site stylesheet"
    );
    assert!(!text.contains("boom"), "the panic message leaked:\n{text}");
    assert!(!text.contains("panicked"));
}

/// A burst of hostile requests at once leaves the server answering.
#[tokio::test]
async fn the_server_survives_a_burst_of_hostile_requests() {
    let mut tasks = Vec::new();
    for i in 0..64 {
        tasks.push(tokio::spawn(async move {
            let target = match i % 4 {
                0 => "/static/%2e%2e%2fCargo.toml".to_string(),
                1 => "/search?q=%FF".to_string(),
                2 => format!("/search?q={}", "b".repeat(10_000)),
                _ => "/search?q=coder+salary".to_string(),
            };
            let r = fetch(&target).await;
            sane(&target, &r);
        }));
    }
    for t in tasks {
        t.await.expect("no task panicked");
    }
    expect("still up", &fetch("/healthz").await, 200);
}

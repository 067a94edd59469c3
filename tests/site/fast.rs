//! Stored pages are answered without the router (the fast path): the
//! answer is byte for byte the router's, for every encoding, HEAD and 304;
//! brotli bodies are made on demand without making anyone wait; share
//! images are drawn on first request and kept.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt as _;
use std::time::Duration;
use tower::ServiceExt as _;

async fn through_router(req: Request<Body>) -> Got {
    let res = pathways::http::router(sample_state())
        .oneshot(req)
        .await
        .expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Got {
        status,
        headers,
        body,
    }
}

fn req(method: &str, path: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut r = Request::builder().method(method).uri(path);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.body(Body::empty()).unwrap()
}

/// A request: method, path and headers.
type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>);

#[tokio::test]
async fn the_fast_path_answers_exactly_as_the_router_does() {
    let etag = get(HIM).await.header("etag").to_string();
    let gz_etag = send(req("GET", HIM, &[("accept-encoding", "gzip")]))
        .await
        .header("etag")
        .to_string();
    let cases: Vec<Case<'_>> = vec![
        ("GET", HIM, vec![]),
        ("GET", HIM, vec![("accept-encoding", "gzip")]),
        ("GET", HIM, vec![("accept-encoding", "gzip, deflate, br")]),
        ("GET", HIM, vec![("accept-encoding", "br;q=0.1, gzip")]),
        ("HEAD", HIM, vec![("accept-encoding", "gzip")]),
        ("HEAD", "/", vec![]),
        ("GET", HIM, vec![("if-none-match", etag.as_str())]),
        (
            "GET",
            HIM,
            vec![
                ("accept-encoding", "gzip"),
                ("if-none-match", gz_etag.as_str()),
            ],
        ),
        ("GET", HIM, vec![("if-none-match", "\"other\"")]),
        ("GET", "/sitemap.xml", vec![("accept-encoding", "gzip")]),
        ("GET", "/robots.txt", vec![]),
        ("GET", "/glossary", vec![("accept-encoding", "br")]),
    ];
    for (method, path, headers) in cases {
        let fast = send(req(method, path, &headers)).await;
        let slow = through_router(req(method, path, &headers)).await;
        let what = format!("{method} {path} {headers:?}");
        assert_eq!(fast.status, slow.status, "{what}");
        assert_eq!(fast.body, slow.body, "{what}");
        let mut slow_headers = slow.headers.clone();
        if slow.status == StatusCode::NOT_MODIFIED {
            // axum adds `content-length: 0` to a 304 (the length of no
            // body, not of the page); the fast path leaves it out.
            slow_headers.remove("content-length");
        }
        assert_eq!(fast.headers, slow_headers, "{what}");
        assert!(
            fast.headers.contains_key("content-security-policy"),
            "{what}"
        );
    }
    let head = send(req("HEAD", HIM, &[])).await;
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length"),
        get(HIM).await.body.len().to_string()
    );
}

#[tokio::test]
async fn requests_the_fast_path_does_not_take_still_get_their_answers() {
    // A body, a query, another method, a near miss: the router's answers.
    let with_body = send(
        Request::get(HIM)
            .header("content-length", "3")
            .body(Body::from("abc"))
            .unwrap(),
    )
    .await;
    assert_eq!(with_body.status, StatusCode::PAYLOAD_TOO_LARGE);
    let query = send(req("GET", &format!("{HIM}?utm_source=x"), &[])).await;
    assert_eq!(query.status, StatusCode::OK);
    assert_eq!(query.body, get(HIM).await.body);
    assert_eq!(
        send(req("POST", HIM, &[])).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    assert_eq!(
        get(&format!("{HIM}/")).await.status,
        StatusCode::MOVED_PERMANENTLY
    );
    assert_eq!(get("/404").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn pages_made_per_request_are_sent_only_in_an_encoding_the_client_takes() {
    // An error page is rendered per request (gzip made by the page, brotli
    // by the compression layer): never in an encoding the client refused.
    for (accept, want) in [
        ("gzip", Some("gzip")),
        ("br", Some("br")),
        ("br, gzip;q=0", Some("br")),
        ("identity", None),
    ] {
        let got = send(req("GET", "/no-such-page", &[("accept-encoding", accept)])).await;
        assert_eq!(got.status, StatusCode::NOT_FOUND);
        let enc = got
            .headers
            .get("content-encoding")
            .map(|v| v.to_str().unwrap());
        assert_eq!(enc, want, "accept-encoding: {accept}");
        if want.is_none() {
            assert_styled_page(&got.text(), &format!("a plain page for {accept}"));
        }
    }
}

#[tokio::test]
async fn brotli_is_made_on_first_request_and_nobody_waits_for_it() {
    let s = Scratch::of("minimal");
    let state = s.state();
    let br = || req("GET", "/pathways/demo", &[("accept-encoding", "gzip, br")]);
    let first = send_to(state.clone(), br()).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(
        first.header("content-encoding"),
        "gzip",
        "until brotli is made, gzip"
    );
    let only_br = send_to(
        state.clone(),
        req("GET", "/pathways/demo", &[("accept-encoding", "br")]),
    )
    .await;
    assert_eq!(only_br.header("content-encoding"), "", "or the plain page");
    let mut got = String::new();
    for _ in 0..100 {
        got = send_to(state.clone(), br())
            .await
            .header("content-encoding")
            .to_string();
        if got == "br" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(got, "br", "brotli is made in the background, then sent");
}

#[tokio::test]
async fn share_images_are_drawn_on_first_request_and_kept() {
    let doc = get(HIM).await.html();
    let image = attrs(&doc, "meta[property=\"og:image\"]", "content").remove(0);
    let path = image.trim_start_matches(BASE).to_string();
    let first = get(&path).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.header("content-type"), "image/png");
    assert_eq!(
        first.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(first.body.starts_with(b"\x89PNG"));
    let again = get(&path).await;
    assert_eq!(again.body, first.body);
    assert!(sample_state().current().store.get(&path).is_some(), "kept");
}

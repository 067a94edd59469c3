//! Hostile request lines and headers: huge, many and malformed headers,
//! strange Host headers, absolute-form targets, methods other than GET and
//! HEAD, Range and conditional headers, and HTTP/1.0 and 0.9.

use super::{expect, expect_one_of, not_found, raw, request, too_large};
use crate::helpers::assert_styled_page;

#[tokio::test]
async fn big_and_many_headers() {
    let long = format!("X-Long: {}", "a".repeat(60 * 1000));
    let r = raw(&request("GET", "/", &[&long])).await;
    // Within hyper's read buffer (about 400 KB): served.
    expect("60 KB header value", &r, 200);
    let huge = format!("X-Huge: {}", "a".repeat(1024 * 1024));
    let r = raw(&request("GET", "/", &[&huge])).await;
    too_large("1 MB header value", &r);
    // hyper takes at most 100 headers.
    let many: Vec<String> = (0..200).map(|i| format!("X-H{i}: {i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let r = raw(&request("GET", "/", &many)).await;
    expect("200 headers", &r, 431);
    let cookie = format!("Cookie: {}", "c=1; ".repeat(5000));
    let r = raw(&request("GET", "/", &[&cookie])).await;
    expect("a 25 KB cookie", &r, 200);
    for bad in [
        "X-No-Colon",
        ": no-name",
        "X Space: 1",
        "Content-Length: -1",
        "Content-Length: 1, 2",
        "Transfer-Encoding: chunked, gzip",
    ] {
        let r = raw(&request("GET", "/", &[bad])).await;
        expect(bad, &r, 400);
    }
}

#[tokio::test]
async fn host_missing_or_strange() {
    let r = raw(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n").await;
    expect("no Host (HTTP/1.1)", &r, 200);
    for host in [
        "Host: ../../",
        "Host:",
        "Host: ",
        "Host: example.com:99999",
        "Host: [::1",
        "Host: a\tb",
        "Host: localhost\r\nHost: evil.example",
        &format!("Host: {}", "h".repeat(4000)),
    ] {
        let bytes = format!("GET / HTTP/1.1\r\n{host}\r\nConnection: close\r\n\r\n");
        let r = raw(bytes.as_bytes()).await;
        expect(host, &r, 200);
        assert!(
            !r.text().contains("evil.example") && !r.text().contains("../../"),
            "{host}: the Host header is reflected in the page"
        );
    }
}

#[tokio::test]
async fn absolute_form_targets() {
    let r = raw(
        b"GET http://example.com/pathways HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await;
    expect("absolute form", &r, 200);
    assert!(!r.text().contains("http://example.com"));
    let r = raw(
        b"GET http://example.com/static/../Cargo.toml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await;
    not_found("absolute form traversal", &r);
    let r = raw(b"GET * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    expect("asterisk form GET", &r, 404);
    let r =
        raw(b"GET example.com:80 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    // Its path is empty: a redirect to the home page, or a refusal.
    expect_one_of("authority form GET", &r, &[301, 400, 404]);
    if r.status == 301 {
        assert_eq!(r.header("location").as_deref(), Some("/"));
    }
}

#[tokio::test]
async fn other_methods_are_405() {
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"] {
        for target in ["/", "/search?q=rhit", "/static/site.css", "/nowhere"] {
            let what = format!("{method} {target}");
            let r = raw(&request(method, target, &["Content-Length: 0"])).await;
            expect(&what, &r, 405);
            assert_eq!(r.header("allow").as_deref(), Some("GET, HEAD"), "{what}");
            assert_styled_page(&r.text(), &what);
        }
    }
    let r = raw(&request("POST", "/search", &["Content-Length: 5"])).await;
    expect("POST with a body", &r, 405);
    let r = raw(b"OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    expect("OPTIONS *", &r, 405);
    let r = raw(
        b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nConnection: close\r\n\r\n",
    )
    .await;
    expect("CONNECT", &r, 405);
    assert_eq!(r.header("allow").as_deref(), Some("GET, HEAD"));
    let r = raw(b"G@T / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    expect("a method that is not a token", &r, 400);
    let r = raw(b"GET / HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    expect("HTTP/9.9", &r, 400);
    // HEAD: headers only.
    let r = raw(&request("HEAD", "/", &[])).await;
    expect("HEAD /", &r, 200);
    assert!(r.body.is_empty(), "HEAD sent a body");
}

#[tokio::test]
async fn range_headers() {
    for target in ["/", "/search?q=rhit", "/static/site.css"] {
        for range in [
            "Range: bytes=0-10",
            "Range: bytes=x",
            "Range: bytes=0-1,5-6,10-20",
            "Range: bytes=999999999-",
            "Range: bytes=-0",
            "Range: bytes=18446744073709551615-18446744073709551616",
            "Range: lines=1-2",
        ] {
            let r = raw(&request("GET", target, &[range])).await;
            let what = format!("{range} on {target}");
            if target.starts_with("/static/") {
                // ServeDir: ranges, one at a time; anything else is a 416
                // (multipart ranges are not supported).
                expect_one_of(&what, &r, &[200, 206, 416]);
            } else {
                // Pages ignore Range and send the whole page.
                expect(&what, &r, 200);
            }
        }
    }
    let r = raw(&request("GET", "/static/site.css", &["Range: bytes=0-10"])).await;
    expect("a valid range on an asset", &r, 206);
    assert_eq!(r.body.len(), 11, "206 with the wrong length");
    // A range past the end is a 416 that says how long the file is.
    let r = raw(&request(
        "GET",
        "/static/site.css",
        &["Range: bytes=999999999-"],
    ))
    .await;
    expect("a range past the end of an asset", &r, 416);
    let range = r.header("content-range").unwrap_or_default();
    assert!(range.starts_with("bytes */"), "{range:?}");
}

#[tokio::test]
async fn conditional_requests() {
    let r = raw(&request("GET", "/", &["If-None-Match: *"])).await;
    expect("If-None-Match: *", &r, 304);
    assert!(r.body.is_empty());
    for garbage in [
        "If-None-Match: garbage",
        "If-None-Match: \"",
        "If-None-Match: W/",
        "If-None-Match: ,,,,",
        "If-Modified-Since: yesterday",
        "If-Match: *",
    ] {
        expect(garbage, &raw(&request("GET", "/", &[garbage])).await, 200);
    }
    let long = format!("If-None-Match: {}", "\"x\",".repeat(5000));
    expect(
        "5000 ETags",
        &raw(&request("GET", "/", &[&long])).await,
        200,
    );
    let r = raw(&request(
        "GET",
        "/static/site.css",
        &["If-None-Match: garbage"],
    ))
    .await;
    expect("garbage If-None-Match on an asset", &r, 200);
}

#[tokio::test]
async fn http_1_0() {
    let r = raw(b"GET / HTTP/1.0\r\n\r\n").await;
    expect("HTTP/1.0 without Host", &r, 200);
    assert!(r.head.starts_with("HTTP/1."), "{}", r.head);
    assert_styled_page(&r.text(), "HTTP/1.0 without Host");
    let r = raw(b"GET /search?q=coder+salary HTTP/1.0\r\n\r\n").await;
    expect("HTTP/1.0 search", &r, 200);
    // HTTP/0.9 (no version) is not spoken.
    expect("HTTP/0.9", &raw(b"GET /\r\n\r\n").await, 400);
}

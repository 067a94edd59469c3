//! Hostile request targets: path traversal, redirects off the site, NUL
//! bytes, broken percent-encoding and UTF-8, odd but valid queries and
//! over-long URIs, after a normal request as a baseline.

use super::{expect, fetch, not_found, raw, sane, too_large};
use crate::helpers::assert_styled_page;

#[tokio::test]
async fn the_server_answers_normally() {
    let r = fetch("/").await;
    expect("GET /", &r, 200);
    assert_styled_page(&r.text(), "GET /");
    assert_eq!(
        r.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    expect("GET /healthz", &fetch("/healthz").await, 200);
}

#[tokio::test]
async fn path_traversal_is_a_404() {
    for target in [
        "/static/../Cargo.toml",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/Cargo.toml",
        "/static/%2e%2e%2fCargo.toml",
        "/static/%2E%2E%2FCargo.toml",
        "/static/..%2fCargo.toml",
        "/static/..%5cCargo.toml",
        "/static/..\\Cargo.toml",
        "/static/%252e%252e%252fCargo.toml",
        "/static/%c0%ae%c0%ae/Cargo.toml",
        "/static/....//....//Cargo.toml",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/pathways/../../Cargo.toml",
        "//etc/passwd",
        "/Cargo.toml",
        "/src/main.rs",
        "/.git/config",
    ] {
        not_found(target, &fetch(target).await);
    }
}

/// `//host` as a Location would send the reader to another site.
#[tokio::test]
async fn no_redirect_leaves_the_site() {
    for target in [
        "//example.com",
        "//example.com/",
        "///example.com/",
        "/\\example.com",
        "//example.com/%2e%2e",
        "/%2fexample.com/",
    ] {
        let r = fetch(target).await;
        sane(target, &r);
        if let Some(loc) = r.header("location") {
            assert!(
                loc.starts_with('/') && !loc.starts_with("//") && !loc.starts_with("/\\"),
                "{target}: redirects off the site to {loc}"
            );
        }
    }
}

#[tokio::test]
async fn nul_bytes() {
    not_found("%00 in a page path", &fetch("/pathways%00").await);
    not_found(
        "%00 in a static path",
        &fetch("/static/site.css%00.txt").await,
    );
    not_found(
        "%00 then traversal",
        &fetch("/static/%00/../Cargo.toml").await,
    );
    // A NUL in a search is just text (it finds nothing).
    expect("%00 in a search", &fetch("/search?q=a%00b").await, 200);
    expect(
        "%00 in a self-check",
        &fetch("/pathways/health-information-management/right-for-me?a=1%00,3").await,
        400,
    );
    // A raw NUL byte in the request line is not HTTP: hyper refuses it.
    let r = raw(b"GET /a\0b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    expect("raw NUL in the request line", &r, 400);
    let r =
        raw(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-A: a\0b\r\nConnection: close\r\n\r\n").await;
    expect("raw NUL in a header value", &r, 400);
}

#[tokio::test]
async fn broken_percent_encoding_and_utf8() {
    for target in [
        "/search?q=%FF",
        "/search?q=%ZZ",
        "/search?q=%",
        "/search?q=%F",
        "/search?q=%C3%28",
        "/search?q=%ED%A0%80",
        "/search?%FF=1",
    ] {
        let r = fetch(target).await;
        expect(target, &r, 400);
        assert_styled_page(&r.text(), &format!("{target}: the 400 page"));
    }
    for target in [
        "/%FF",
        "/%ZZ",
        "/%",
        "/pathways/%C3%28",
        "/static/%FF",
        "/static/%ZZ",
        "/static/%",
    ] {
        not_found(target, &fetch(target).await);
    }
    // Raw bytes above 0x7F in the request target: hyper refuses them.
    let r = raw(b"GET /caf\xe9 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    expect("raw non-ASCII in the target", &r, 400);
    // A self-check with bytes that are not UTF-8 is a 400, not a panic.
    expect(
        "self-check %FF",
        &fetch("/pathways/health-information-management/right-for-me?s%FF=y").await,
        400,
    );
}

#[tokio::test]
async fn odd_but_valid_queries() {
    let hundred: Vec<String> = (0..100).map(|i| format!("k{i}=v{i}")).collect();
    let target = format!("/search?{}&q=coder", hundred.join("&"));
    expect("100 query parameters", &fetch(&target).await, 200);
    let target = format!("/?{}", hundred.join("&"));
    expect("100 query parameters on a page", &fetch(&target).await, 200);
    for target in [
        "/search?q=coder&page=0",
        "/search?q=coder&page=-1",
        "/search?q=coder&page=18446744073709551615",
        "/search?q=coder&page=99999999999999999999999999",
        "/search?q=%22%22%22((((",
        "/search?q=*:*%20OR%20title:a%5E99999",
        "/search?q=%E2%80%AE%F0%9F%92%A9",
        "/search?q=&q=&q=",
        "/search?&&&=&=",
    ] {
        expect(target, &fetch(target).await, 200);
    }
    for target in [
        "/pathways/health-information-management/right-for-me?a=1,3&u=2",
        "/pathways/health-information-management/right-for-me?junk=1",
    ] {
        expect(target, &fetch(target).await, 200);
    }
    for target in [
        "/pathways/health-information-management/right-for-me?a=99999999999999999999",
        "/pathways/health-information-management/right-for-me?s1=maybe",
        &format!(
            "/pathways/health-information-management/right-for-me?a={}",
            vec!["1"; 500].join(",")
        ),
    ] {
        expect(target, &fetch(target).await, 400);
    }
}

#[tokio::test]
async fn long_uris() {
    let target = format!("/search?q={}", "a".repeat(9 * 1024));
    let r = fetch(&target).await;
    expect("9 KiB URI", &r, 414);
    assert_styled_page(&r.text(), "the 414 page");
    let target = format!("/{}", "a".repeat(9 * 1024));
    expect("9 KiB path", &fetch(&target).await, 414);
    // Still within hyper's read buffer (about 400 KB): the app's 414.
    let target = format!("/search?q={}", "a".repeat(200 * 1024));
    expect("200 KiB URI", &fetch(&target).await, 414);
    // Beyond it, hyper refuses before the app sees it.
    let target = format!("/search?q={}", "a".repeat(1024 * 1024));
    too_large("1 MiB URI", &fetch(&target).await);
}

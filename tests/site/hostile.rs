//! The hostile-input battery: the real server (`server::serve` over
//! `app(state)` of the sample site) on 127.0.0.1:0, spoken to over raw TCP, because `oneshot`
//! cannot send malformed HTTP. Every case checks its expected status, that
//! nothing answered 5xx, and that no body leaks a panic, a stack trace or a
//! source path. The panic layer is checked in process at the end.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use http_body_util::BodyExt as _;
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tower::ServiceExt as _;

/// How long a well-formed exchange may take before the test calls it a hang.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

fn state() -> pathways::AppState {
    crate::helpers::sample_state()
}

/// The real server, started once for the whole binary on its own thread and
/// runtime (each `#[tokio::test]` has a runtime of its own that ends with
/// the test). It stops when the test process exits.
fn addr() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let state = state();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind 127.0.0.1:0");
                tx.send(listener.local_addr().expect("local addr"))
                    .expect("send addr");
                let app = pathways::app(state);
                pathways::server::serve(listener, app, std::future::pending::<()>()).await;
            });
        });
        rx.recv_timeout(Duration::from_secs(60))
            .expect("the server started")
    })
}

/// A server of its own with short limits, for the idle and cap tests.
fn server_with(limits: pathways::server::Limits) -> SocketAddr {
    let state = state();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind 127.0.0.1:0");
            tx.send(listener.local_addr().expect("local addr"))
                .expect("send addr");
            let app = pathways::app(state);
            pathways::server::serve_with(listener, app, std::future::pending::<()>(), limits).await;
        });
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the server started")
}

/// An h2c connection (prior knowledge) that has made one request for
/// `/healthz` and read the answer's first frame.
async fn h2_after_one_request(addr: SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let mut out = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
    out.extend_from_slice(&[0, 0, 0, 4, 0, 0, 0, 0, 0]); // SETTINGS
    // HEADERS, END_STREAM | END_HEADERS, stream 1: GET http /healthz, authority localhost.
    let mut block = vec![0x82, 0x86, 0x44, 8];
    block.extend_from_slice(b"/healthz");
    block.extend_from_slice(&[0x41, 9]);
    block.extend_from_slice(b"localhost");
    out.extend_from_slice(&[0, 0, block.len() as u8, 1, 0x05, 0, 0, 0, 1]);
    out.extend_from_slice(&block);
    stream.write_all(&out).await.expect("write");
    // Read frames until one on stream 1 arrives (the response).
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + READ_TIMEOUT;
    loop {
        let n = tokio::time::timeout(deadline - Instant::now(), stream.read(&mut buf))
            .await
            .expect("an h2 answer in time")
            .expect("read");
        assert!(n > 0, "closed before answering");
        got.extend_from_slice(&buf[..n]);
        let mut at = 0;
        let mut answered = false;
        while at + 9 <= got.len() {
            let len = (usize::from(got[at]) << 16)
                | (usize::from(got[at + 1]) << 8)
                | usize::from(got[at + 2]);
            if got[at + 5..at + 9] == [0, 0, 0, 1] {
                answered = true;
            }
            at += 9 + len;
        }
        if answered {
            return stream;
        }
    }
}

/// Read until the server closes; `true` if it did within `limit`.
async fn closes_within(stream: &mut TcpStream, limit: Duration) -> bool {
    let mut sink = Vec::new();
    matches!(
        tokio::time::timeout(limit, stream.read_to_end(&mut sink)).await,
        Ok(Ok(_)) | Ok(Err(_))
    )
}

/// Idle HTTP/2 connections are closed like HTTP/1 ones: after one request,
/// and with a HEADERS frame left open (no END_HEADERS), the idle timer (1 s
/// here) ends them; keep-alive pings do not keep them open.
#[tokio::test]
async fn idle_http2_connections_are_closed() {
    let addr = server_with(pathways::server::Limits {
        header: Duration::from_secs(2),
        idle: Duration::from_secs(1),
        max_connections: 1000,
        grace: Duration::from_secs(2),
    });
    let mut conns = Vec::new();
    for _ in 0..40 {
        conns.push(h2_after_one_request(addr).await);
    }
    // On half of them, start a second request and never finish its headers.
    for c in conns.iter_mut().step_by(2) {
        let block = [0x82, 0x86, 0x84];
        let mut frame = vec![0, 0, block.len() as u8, 1, 0x01, 0, 0, 0, 3];
        frame.extend_from_slice(&block);
        c.write_all(&frame).await.expect("write partial headers");
    }
    let started = Instant::now();
    for (i, c) in conns.iter_mut().enumerate() {
        assert!(
            closes_within(c, Duration::from_secs(8)).await,
            "connection {i} still open after {:?}",
            started.elapsed()
        );
    }
}

/// Past the connection cap, a new client is answered 503 and closed at
/// once; the connections already open are not disturbed.
#[tokio::test]
async fn connections_past_the_cap_are_turned_away() {
    let addr = server_with(pathways::server::Limits {
        header: Duration::from_secs(5),
        idle: Duration::from_secs(5),
        max_connections: 4,
        grace: Duration::from_secs(2),
    });
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut s = TcpStream::connect(addr).await.expect("connect");
        s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        let mut buf = [0u8; 16 * 1024];
        let n = tokio::time::timeout(READ_TIMEOUT, s.read(&mut buf))
            .await
            .unwrap()
            .unwrap();
        assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
        held.push(s);
    }
    let mut extra = TcpStream::connect(addr).await.expect("connect");
    let mut got = Vec::new();
    tokio::time::timeout(Duration::from_secs(3), extra.read_to_end(&mut got))
        .await
        .expect("the extra connection is closed at once")
        .expect("read");
    assert!(
        got.starts_with(b"HTTP/1.1 503"),
        "{}",
        String::from_utf8_lossy(&got)
    );
    // The held ones still work.
    held[0]
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 16 * 1024];
    let n = tokio::time::timeout(READ_TIMEOUT, held[0].read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
}

/// What came back on a raw connection.
struct Raw {
    /// 0 when the server closed without answering.
    status: u16,
    head: String,
    body: Vec<u8>,
    /// The server closed the connection (rather than the read timing out).
    closed: bool,
}

impl Raw {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }
}

/// Send `bytes` as they are, then read until the server closes or
/// `timeout` passes. Write errors are tolerated: a server may answer and
/// close before reading all of a huge request.
async fn raw_with(bytes: &[u8], timeout: Duration) -> Raw {
    let mut stream = TcpStream::connect(addr()).await.expect("connect");
    let _ = stream.write_all(bytes).await;
    let _ = stream.flush().await;
    let mut got = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let deadline = Instant::now() + timeout;
    let mut closed = false;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => {
                closed = true;
                break;
            }
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
            Err(_) => break,
        }
    }
    parse(got, closed)
}

async fn raw(bytes: &[u8]) -> Raw {
    raw_with(bytes, READ_TIMEOUT).await
}

fn parse(got: Vec<u8>, closed: bool) -> Raw {
    let split = got
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(got.len());
    let head = String::from_utf8_lossy(&got[..split]).into_owned();
    let body = got.get(split + 4..).unwrap_or_default().to_vec();
    let status = head
        .strip_prefix("HTTP/1.")
        .and_then(|rest| rest.get(2..5))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Raw {
        status,
        head,
        body,
        closed,
    }
}

/// A plain request: `GET target HTTP/1.1` with a Host, `Connection: close`
/// and any extra header lines.
fn request(method: &str, target: &str, extra: &[&str]) -> Vec<u8> {
    let mut r = format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for h in extra {
        r.push_str(h);
        r.push_str("\r\n");
    }
    r.push_str("\r\n");
    r.into_bytes()
}

async fn fetch(target: &str) -> Raw {
    raw(&request("GET", target, &[])).await
}

/// Never a server error, never a hang, never a leak.
#[track_caller]
fn sane(what: &str, r: &Raw) {
    assert!(
        r.status != 0,
        "{what}: no HTTP answer (closed: {}): {:?}",
        r.closed,
        r.head
    );
    assert!(
        r.status < 500,
        "{what}: server error {}\n{}\n{}",
        r.status,
        r.head,
        r.text()
    );
    assert!(r.closed, "{what}: the connection was not closed (hang?)");
    let text = r.text();
    for leak in [
        "panicked",
        "stack backtrace",
        "RUST_BACKTRACE",
        "src/",
        ".rs:",
        "/root/",
        "/work/",
        "/home/",
    ] {
        assert!(
            !text.contains(leak),
            "{what}: the body leaks {leak:?}:\n{text}"
        );
    }
}

#[track_caller]
fn expect(what: &str, r: &Raw, status: u16) {
    sane(what, r);
    assert_eq!(r.status, status, "{what}: {}\n{}", r.head, r.text());
}

#[track_caller]
fn expect_one_of(what: &str, r: &Raw, statuses: &[u16]) {
    sane(what, r);
    assert!(
        statuses.contains(&r.status),
        "{what}: {} is not one of {statuses:?}\n{}",
        r.status,
        r.head
    );
}

/// Too large for hyper's read buffer: a 431, or (if the reset of the
/// unread upload overtakes the answer) a closed connection; never a hang.
#[track_caller]
fn too_large(what: &str, r: &Raw) {
    assert!(r.closed, "{what}: the connection was not closed");
    if r.status != 0 {
        expect(what, r, 431);
    }
}

/// The 404 is the site's own page, and nothing of the file asked for.
#[track_caller]
fn not_found(what: &str, r: &Raw) {
    expect(what, r, 404);
    let text = r.text();
    assert!(text.contains("<h1"), "{what}: not the site's 404 page");
    for secret in ["[package]", "[dependencies]", "root:x:0:0"] {
        assert!(!text.contains(secret), "{what}: leaked {secret:?}");
    }
}

#[tokio::test]
async fn the_server_answers_normally() {
    let r = fetch("/").await;
    expect("GET /", &r, 200);
    assert!(r.text().contains("<h1"));
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
        assert!(
            r.text().contains("<h1"),
            "{target}: not the styled 400 page"
        );
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
    assert!(r.text().contains("<h1"), "not the styled 414 page");
    let target = format!("/{}", "a".repeat(9 * 1024));
    expect("9 KiB path", &fetch(&target).await, 414);
    // Still within hyper's read buffer (about 400 KB): the app's 414.
    let target = format!("/search?q={}", "a".repeat(200 * 1024));
    expect("200 KiB URI", &fetch(&target).await, 414);
    // Beyond it, hyper refuses before the app sees it.
    let target = format!("/search?q={}", "a".repeat(1024 * 1024));
    too_large("1 MiB URI", &fetch(&target).await);
}

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
            assert!(r.text().contains("<h1"), "{what}: not the styled page");
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
    assert!(r.text().contains("<h1"));
    let r = raw(b"GET /search?q=coder+salary HTTP/1.0\r\n\r\n").await;
    expect("HTTP/1.0 search", &r, 200);
    // HTTP/0.9 (no version) is not spoken.
    expect("HTTP/0.9", &raw(b"GET /\r\n\r\n").await, 400);
}

/// The server speaks h2c with prior knowledge: its first frame is SETTINGS.
#[tokio::test]
async fn http2_prior_knowledge() {
    let mut stream = TcpStream::connect(addr()).await.expect("connect");
    let mut hello = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
    // An empty SETTINGS frame: length 0, type 4, flags 0, stream 0.
    hello.extend_from_slice(&[0, 0, 0, 4, 0, 0, 0, 0, 0]);
    stream.write_all(&hello).await.expect("write");
    let mut frame = [0u8; 9];
    tokio::time::timeout(READ_TIMEOUT, stream.read_exact(&mut frame))
        .await
        .expect("the server answered the h2 preface in time")
        .expect("the server answered the h2 preface");
    assert_eq!(frame[3], 4, "the first frame is SETTINGS: {frame:?}");
    assert_eq!(&frame[5..9], &[0, 0, 0, 0], "on stream 0");
    // Garbage after the preface: the server closes (GOAWAY), it does not hang.
    stream.write_all(&[0xff; 64]).await.expect("write garbage");
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(READ_TIMEOUT, stream.read_to_end(&mut rest)).await;
    assert!(
        closed.is_ok(),
        "the server left a broken h2 connection open"
    );
}

/// A request line that says HTTP/2.0, and a bare h2 preface with nothing
/// after it: no hang, no 5xx.
#[tokio::test]
async fn http2_oddities() {
    let r = raw(b"GET / HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    expect("HTTP/2.0 request line", &r, 400);
    // The preface alone: the server answers in h2 and, as no request
    // follows, closes at the header timeout (about 10 s).
    let r = raw_with(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", Duration::from_secs(13)).await;
    assert!(r.closed, "a bare h2 preface held the connection open");
    assert!(
        r.status == 0,
        "an h2 preface got an HTTP/1 answer: {}",
        r.head
    );
}

/// Slow client (slowloris): half a request line, then nothing. The server's
/// header timeout (10 s) closes the socket. This test takes about 10 s.
#[tokio::test]
async fn a_slow_header_client_is_cut_off() {
    addr(); // start the server before the clock
    let started = Instant::now();
    let r = raw_with(b"GET /pathways HT", Duration::from_secs(13)).await;
    let took = started.elapsed();
    assert!(r.closed, "the connection was still open after {took:?}");
    assert!(
        took >= Duration::from_secs(9) && took <= Duration::from_secs(12),
        "closed after {took:?}, not at the 10 s header timeout"
    );
    assert!(r.status == 0 || r.status == 408, "{}", r.head);
}

/// A client that connects and sends nothing at all is cut off too (before
/// any byte arrives, hyper-util has not yet chosen HTTP/1 or HTTP/2, so
/// hyper's own header timeout is not running). About 10 s.
#[tokio::test]
async fn a_silent_client_is_cut_off() {
    addr(); // start the server before the clock
    let started = Instant::now();
    let r = raw_with(b"", Duration::from_secs(13)).await;
    let took = started.elapsed();
    assert!(r.closed, "the connection was still open after {took:?}");
    assert!(took <= Duration::from_secs(12), "closed after {took:?}");
    assert!(r.status == 0 || r.status == 408, "{}", r.head);
}

/// A keep-alive client that is slow on its second request is cut off too.
#[tokio::test]
async fn a_slow_second_request_is_cut_off() {
    let mut stream = TcpStream::connect(addr()).await.expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\nGET /healthz HT")
        .await
        .expect("write");
    let started = Instant::now();
    let mut got = Vec::new();
    let done = tokio::time::timeout(Duration::from_secs(13), stream.read_to_end(&mut got)).await;
    assert!(done.is_ok(), "still open after {:?}", started.elapsed());
    let text = String::from_utf8_lossy(&got);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
}

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
    assert!(text.contains("<h1>"), "not the site layout:\n{text}");
    assert!(text.contains("<html"), "not a whole page");
    assert!(text.contains("/static/"), "no site stylesheet");
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

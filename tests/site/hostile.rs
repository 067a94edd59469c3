//! The hostile-input battery: the real server (`server::serve` over
//! `app(state)` of the sample site) on 127.0.0.1:0, spoken to over raw TCP, because `oneshot`
//! cannot send malformed HTTP. Every case checks its expected status, that
//! nothing answered 5xx, and that no body leaks a panic, a stack trace or a
//! source path. This root holds the shared server and the raw-connection
//! helpers; the cases are in its modules, by what they attack, and the
//! panic layer is checked in process in `resilience`.

mod connections;
mod requests;
mod resilience;
mod review;
mod targets;

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

/// How long a well-formed exchange may take before the test calls it a hang.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

fn state() -> pathways::AppState {
    crate::helpers::sample_state()
}

/// The real server, started once for the whole binary with the default
/// limits. It stops when the test process exits.
fn addr() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| server_with(pathways::server::Limits::default()))
}

/// A real server with `limits` on a port of its own, on its own thread and
/// runtime (each `#[tokio::test]` has a runtime of its own that ends with
/// the test). That runtime has no time driver, as `pathways serve`'s has
/// none: every timer the server sets (idle watchdogs, HTTP/2 pings, the
/// request time limit, turning clients away) is kept by its clock thread,
/// and one made on the serving runtime would panic here.
fn server_with(limits: pathways::server::Limits) -> SocketAddr {
    let state = state();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_io()
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
    let doc = scraper::Html::parse_document(&text);
    let count = |css: &str| doc.select(&scraper::Selector::parse(css).unwrap()).count();
    assert_eq!(count("main#main h1"), 1, "{what}: not the site's 404 page");
    for secret in ["[package]", "[dependencies]", "root:x:0:0"] {
        assert!(!text.contains(secret), "{what}: leaked {secret:?}");
    }
}

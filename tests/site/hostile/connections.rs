//! Hostile connections: idle HTTP/2 connections and connections past the
//! cap (each on a server of its own with short limits), h2c by prior
//! knowledge and its oddities, and slow or silent clients cut off at the
//! idle timer.

use super::{READ_TIMEOUT, addr, expect, raw, raw_with, sane, server_with};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

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

/// After a client's preface: send an empty SETTINGS frame (length 0, type
/// 4, flags 0, stream 0) and check that the server's first frame is
/// SETTINGS on stream 0, as HTTP/2 requires.
async fn settings_answered(stream: &mut TcpStream) {
    stream
        .write_all(&[0, 0, 0, 4, 0, 0, 0, 0, 0])
        .await
        .expect("write SETTINGS");
    let mut frame = [0u8; 9];
    tokio::time::timeout(READ_TIMEOUT, stream.read_exact(&mut frame))
        .await
        .expect("the server answered the h2 preface in time")
        .expect("the server answered the h2 preface");
    assert_eq!(frame[3], 4, "the first frame is SETTINGS: {frame:?}");
    assert_eq!(&frame[5..9], &[0, 0, 0, 0], "on stream 0");
}

/// The server speaks h2c with prior knowledge: its first frame is SETTINGS.
#[tokio::test]
async fn http2_prior_knowledge() {
    let mut stream = TcpStream::connect(addr()).await.expect("connect");
    stream
        .write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
        .await
        .expect("write");
    settings_answered(&mut stream).await;
    // Garbage after the preface: the server closes (GOAWAY), it does not hang.
    stream.write_all(&[0xff; 64]).await.expect("write garbage");
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(READ_TIMEOUT, stream.read_to_end(&mut rest)).await;
    assert!(
        closed.is_ok(),
        "the server left a broken h2 connection open"
    );
}

/// The protocol is chosen from a peek at the first bytes: an h2 preface
/// sent in pieces is still HTTP/2, a request whose first bytes begin like
/// the preface is still HTTP/1, and half a preface then silence is closed
/// by the idle timer (about 10 s), like any silent client.
#[tokio::test]
async fn http2_preface_in_pieces() {
    let pieces = async {
        let mut stream = TcpStream::connect(addr()).await.expect("connect");
        for piece in [&b"PRI * HT"[..], b"TP/2.0\r\n\r", b"\nSM\r\n\r\n"] {
            stream.write_all(piece).await.expect("write");
            tokio::time::sleep(Duration::from_millis(60)).await;
        }
        settings_answered(&mut stream).await;
    };
    let look_alike = async {
        // `raw` reads an HTTP/1 status line: an h2 answer would leave 0.
        let r = raw(b"PRI /x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
        sane("a look-alike of the preface", &r);
        assert!(
            (400..500).contains(&r.status),
            "an HTTP/1 request starting like the preface: {}",
            r.head
        );
    };
    let half = async {
        let started = Instant::now();
        let r = raw_with(b"PRI * HTTP/2.0\r\n", Duration::from_secs(13)).await;
        let took = started.elapsed();
        assert!(
            r.closed,
            "half a preface held the connection open: {took:?}"
        );
        assert!(took <= Duration::from_secs(12), "closed after {took:?}");
        assert_eq!(r.status, 0, "{}", r.head);
    };
    tokio::join!(pieces, look_alike, half);
}

/// A request line that says HTTP/2.0, and a bare h2 preface with nothing
/// after it: no hang, no 5xx.
#[tokio::test]
async fn http2_oddities() {
    let r = raw(b"GET / HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    expect("HTTP/2.0 request line", &r, 400);
    // The preface alone: the server answers in h2 and, as no request
    // follows, closes at the idle timeout (about 10 s).
    let r = raw_with(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", Duration::from_secs(13)).await;
    assert!(r.closed, "a bare h2 preface held the connection open");
    assert!(
        r.status == 0,
        "an h2 preface got an HTTP/1 answer: {}",
        r.head
    );
}

/// Slow client (slowloris): half a request line, then nothing. The server's
/// idle timer (10 s) closes the socket. This test takes about 10 s.
#[tokio::test]
async fn a_slow_header_client_is_cut_off() {
    addr(); // start the server before the clock
    let started = Instant::now();
    let r = raw_with(b"GET /pathways HT", Duration::from_secs(13)).await;
    let took = started.elapsed();
    assert!(r.closed, "the connection was still open after {took:?}");
    assert!(
        took >= Duration::from_secs(9) && took <= Duration::from_secs(12),
        "closed after {took:?}, not at the 10 s idle timeout"
    );
    assert!(r.status == 0 || r.status == 408, "{}", r.head);
}

/// A client that connects and sends nothing at all is cut off too, by the
/// same idle timer. About 10 s.
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

/// HTTP/2 with a stream window of 0: a client that never lets the server
/// send may open only a few streams at once (SETTINGS_MAX_CONCURRENT_STREAMS),
/// so the answers one connection can make the server hold are bounded; the
/// rest are refused, not queued in memory.
#[tokio::test]
async fn http2_streams_held_unsent_are_capped() {
    let mut stream = TcpStream::connect(addr()).await.expect("connect");
    let mut out = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
    // SETTINGS: INITIAL_WINDOW_SIZE (4) = 0.
    out.extend_from_slice(&[0, 0, 6, 4, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0]);
    let path = b"/pathways/health-information-management/print/all";
    for i in 0..100u32 {
        let id = 2 * i + 1;
        // GET, http, :path and :authority as literals without indexing.
        let mut block = vec![0x82, 0x86, 0x04, path.len() as u8];
        block.extend_from_slice(path);
        block.extend_from_slice(&[0x01, 9]);
        block.extend_from_slice(b"localhost");
        out.extend_from_slice(&[0, 0, block.len() as u8, 1, 0x05]);
        out.extend_from_slice(&id.to_be_bytes());
        out.extend_from_slice(&block);
    }
    stream.write_all(&out).await.expect("write");
    // Read frames for a second: count the streams answered with HEADERS
    // and find the server's stream limit.
    let mut got = Vec::new();
    let mut buf = [0u8; 16384];
    let until = Instant::now() + Duration::from_secs(1);
    while let Ok(Ok(n)) = tokio::time::timeout_at(until.into(), stream.read(&mut buf)).await {
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    let (mut at, mut answered, mut limit) = (0, 0, None);
    while at + 9 <= got.len() {
        let len = (usize::from(got[at]) << 16)
            | (usize::from(got[at + 1]) << 8)
            | usize::from(got[at + 2]);
        let (kind, flags) = (got[at + 3], got[at + 4]);
        let payload = &got[(at + 9).min(got.len())..(at + 9 + len).min(got.len())];
        if kind == 1 {
            answered += 1;
        } else if kind == 4 && flags & 1 == 0 {
            for s in payload.chunks_exact(6) {
                if s[..2] == [0, 3] {
                    limit = Some(u32::from_be_bytes([s[2], s[3], s[4], s[5]]));
                }
            }
        }
        at += 9 + len;
    }
    let limit = limit.expect("the server states its stream limit");
    assert!(limit <= 32, "the server allows {limit} streams at once");
    assert!(
        answered <= limit as usize,
        "{answered} answers held for a client that reads none (limit {limit})"
    );
    assert!(answered > 0, "the first streams are answered");
}

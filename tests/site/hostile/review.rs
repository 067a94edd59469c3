//! The second review (issue 25) over raw TCP: bodies that are empty
//! however they are framed, and clients past the connection cap.

use super::*;

#[tokio::test]
async fn an_empty_body_however_framed_is_no_body() {
    for (what, bytes) in [
        (
            "Content-Length: 00",
            request("GET", "/", &["Content-Length: 00"]),
        ),
        (
            "an empty chunked body",
            b"GET /glossary HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".to_vec(),
        ),
    ] {
        expect(what, &raw(&bytes).await, 200);
    }
    // A body with bytes is still refused.
    let chunked = b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n";
    expect("a chunked body", &raw(chunked).await, 413);
    expect(
        "Content-Length: 01",
        &raw(&request("GET", "/", &["Content-Length: 01"])).await,
        413,
    );
}

/// A client past the cap that sent its request at once (as every client
/// does) reads the 503, not a reset.
#[tokio::test]
async fn clients_past_the_cap_read_the_503_not_a_reset() {
    let addr = server_with(pathways::server::Limits {
        idle: Duration::from_secs(5),
        max_connections: 1,
        grace: Duration::from_secs(2),
    });
    let mut held = TcpStream::connect(addr).await.expect("connect");
    held.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 4096];
    let n = tokio::time::timeout(READ_TIMEOUT, held.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    for i in 0..20 {
        let mut extra = TcpStream::connect(addr).await.expect("connect");
        extra
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: a client that sends its request at once\r\n\r\n")
            .await
            .unwrap();
        // Give the server time to answer and close before reading.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let mut got = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(5), extra.read_to_end(&mut got))
            .await
            .expect("the extra connection is closed");
        assert!(read.is_ok(), "client {i}: {read:?} after {got:?}");
        assert!(
            got.starts_with(b"HTTP/1.1 503"),
            "client {i}: {}",
            String::from_utf8_lossy(&got)
        );
    }
}

//! Graceful shutdown of the real server (`server::serve_with`) on
//! 127.0.0.1:0: a request in flight finishes, new connections are refused,
//! and the serve future returns.

use crate::helpers::*;
use axum::Router;
use axum::routing::get as route_get;
use std::time::Duration;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::sync::{Notify, oneshot};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_the_request_in_flight_finish_then_refuses_new_connections() {
    // A slow page: it says when it has started, then takes a while.
    let started = std::sync::Arc::new(Notify::new());
    let slow = {
        let started = started.clone();
        move || async move {
            started.notify_one();
            tokio::time::sleep(Duration::from_millis(700)).await;
            "done\n"
        }
    };
    let routes = Router::new()
        .route("/slow", route_get(slow))
        .fallback_service(pathways::app(sample_state()));
    let app = pathways::http::with_layers(routes, sample_state());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let limits = pathways::server::Limits {
        grace: Duration::from_secs(5),
        ..pathways::server::Limits::default()
    };
    let server = tokio::spawn(pathways::server::serve_with(
        listener,
        app,
        async {
            let _ = stopped.await;
        },
        limits,
    ));

    // The server answers normally first.
    let mut plain = TcpStream::connect(addr).await.unwrap();
    plain
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut got = Vec::new();
    plain.read_to_end(&mut got).await.unwrap();
    assert!(
        got.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&got)
    );

    // A request in flight when shutdown starts.
    let mut client = TcpStream::connect(addr).await.unwrap();
    client
        .write_all(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    tokio::time::timeout(Duration::from_secs(10), started.notified())
        .await
        .expect("the slow request started");
    stop.send(()).unwrap();

    // It completes with 200, then the server closes the connection.
    let mut got = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), client.read_to_end(&mut got))
        .await
        .expect("the connection closes after the answer")
        .unwrap();
    let text = String::from_utf8_lossy(&got);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(text.ends_with("done\n"), "the whole answer arrived: {text}");

    // The serve future returns, and nobody listens any more.
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("serve returns after shutdown")
        .expect("serve did not panic");
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "a new connection after shutdown is refused"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_server_shuts_down_at_once() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(pathways::server::serve(
        listener,
        pathways::app(sample_state()),
        async {
            let _ = stopped.await;
        },
    ));
    // An idle keep-alive connection does not hold the shutdown up.
    let mut idle = TcpStream::connect(addr).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 1024];
    let n = idle.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    let t = std::time::Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("serve returns")
        .unwrap();
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "took {:?}",
        t.elapsed()
    );
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(2), idle.read_to_end(&mut rest)).await;
    assert!(closed.is_ok(), "the idle connection was closed");
    assert!(TcpStream::connect(addr).await.is_err());
}

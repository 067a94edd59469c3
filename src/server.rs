//! Binding and serving: hyper connections with a header-read timeout
//! (slow clients cannot hold a connection open without sending a request),
//! HTTP/1.1 and HTTP/2, and graceful shutdown that lets requests in flight
//! finish.

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt as _;

/// How long a client may take to send its request headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long shutdown waits for requests in flight.
pub const GRACE: Duration = Duration::from_secs(20);

/// Serve `app` on `listener` until `shutdown` completes, then stop accepting
/// and wait (up to [`GRACE`]) for open requests to finish.
pub async fn serve(listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .keep_alive(true);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(Some(Duration::from_secs(30)));
    tokio::pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            conn = listener.accept() => match conn {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: back off briefly.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        // Until the first request arrives, hyper-util is still choosing
        // HTTP/1 or HTTP/2 and hyper's header timeout is not running: a
        // client that connects and sends nothing (or half the h2 preface)
        // would hold the connection forever. Close it if no request has
        // started within HEADER_TIMEOUT.
        let started = Arc::new(AtomicBool::new(false));
        let seen = started.clone();
        let service = app
            .clone()
            .map_request(move |req: hyper::Request<Incoming>| {
                seen.store(true, Ordering::Relaxed);
                req.map(axum::body::Body::new)
            });
        let conn = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            tokio::pin!(conn);
            let ended = tokio::select! {
                r = &mut conn => Some(r),
                () = tokio::time::sleep(HEADER_TIMEOUT) => None,
            };
            let result = match ended {
                Some(r) => r,
                None if !started.load(Ordering::Relaxed) => {
                    tracing::debug!("no request within the header timeout: closing");
                    return;
                }
                None => conn.await,
            };
            if let Err(e) = result {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tracing::info!("shutting down: waiting for requests in flight");
    if tokio::time::timeout(GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("some connections were still open after the grace period");
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

//! Binding and serving: hyper connections over HTTP/1.1 and HTTP/2, with
//! limits that keep idle or slow clients from holding the server, a cap on
//! open connections, and graceful shutdown that lets requests in flight
//! finish.
//!
//! Every connection has one idle timer, whatever its protocol: when no
//! request has been in flight for [`Limits::idle`] (including before the
//! first request, while a client sends its headers slowly, and a half-sent
//! HTTP/2 HEADERS frame, which never becomes a request), the connection is
//! shut down gracefully. That one timer per connection also stands in for
//! hyper's header timeout, which would arm a timer for every request.

use crate::util::clock;
use hyper_util::rt::TokioExecutor;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tokio::time::Instant;

mod conn;
pub use crate::http::App;

/// The connection limits. [`Limits::default`] is what `serve` uses.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a connection may stay open with no request in flight
    /// (which includes a client taking this long to send its headers).
    pub idle: Duration,
    /// Most connections open at once; more are answered 503 and closed.
    pub max_connections: usize,
    /// How long shutdown (of the server or of an idle connection) waits
    /// for responses in flight.
    pub grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(10),
            max_connections: 2048,
            grace: Duration::from_secs(20),
        }
    }
}

/// Most HTTP/2 streams open at once on one connection (browsers open
/// far fewer for a page and its assets; nginx allows 128).
pub const MAX_STREAMS: u32 = 32;

/// How long an idle connection being closed may take to finish closing.
const IDLE_BACKSTOP: Duration = Duration::from_secs(1);

/// Sent, best effort, to a client turned away because the server is full.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 49\r\nretry-after: 1\r\nconnection: close\r\n\r\nThe site is busy. Please try again in a moment.\n";

/// Most turned-away clients being answered at once; past it, a client is
/// closed without an answer.
const MAX_TURNING_AWAY: usize = 64;
/// How long a turned-away client has to take its answer.
const TURN_AWAY_TIME: Duration = Duration::from_secs(2);

/// Answer a client the server has no room for with [`BUSY`], then close
/// in order: stop sending, and read what the client sent (its request)
/// until it closes or [`TURN_AWAY_TIME`] passes. Closing a socket with
/// its request unread would send a reset, and most clients would lose
/// the answer with it.
fn turn_away(stream: tokio::net::TcpStream, turning_away: &Arc<Semaphore>) {
    let Ok(permit) = turning_away.clone().try_acquire_owned() else {
        let _ = stream.try_write(BUSY);
        return;
    };
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let _permit = permit;
        let mut stream = stream;
        let _ = clock::timeout(TURN_AWAY_TIME, async {
            stream.write_all(BUSY).await?;
            stream.shutdown().await?;
            let mut sink = [0u8; 4096];
            let mut read = 0usize;
            // At most 64 KiB: a request, not an upload.
            while read < 64 * 1024 {
                match stream.read(&mut sink).await? {
                    0 => break,
                    n => read += n,
                }
            }
            Ok::<(), std::io::Error>(())
        })
        .await;
    });
}

/// Serve `app` on `listener` with the default [`Limits`] until `shutdown`
/// completes.
pub async fn serve(listener: TcpListener, app: impl App, shutdown: impl Future<Output = ()>) {
    serve_with(listener, app, shutdown, Limits::default()).await;
}

/// Serve with chosen limits (tests use short ones).
pub async fn serve_with(
    listener: TcpListener,
    app: impl App,
    shutdown: impl Future<Output = ()>,
    limits: Limits,
) {
    let mut h1 = hyper::server::conn::http1::Builder::new();
    h1.header_read_timeout(None).keep_alive(true);
    let mut h2 = hyper::server::conn::http2::Builder::new(TokioExecutor::new());
    h2.timer(clock::Timer::default())
        .keep_alive_interval(Some(Duration::from_secs(30)))
        // A client may keep every stream's answer unsent (a flow-control
        // window of 0); what one connection can hold is at most this many
        // answers, and stored pages share one plain copy between them.
        .max_concurrent_streams(MAX_STREAMS);
    let protocols = Arc::new(conn::Protocols { h1, h2 });
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let turning_away = Arc::new(Semaphore::new(MAX_TURNING_AWAY));
    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let (stream, _peer) = tokio::select! {
            conn = listener.accept() => match conn {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: back off briefly.
                    tracing::warn!(error = %e, "accept failed");
                    clock::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            tracing::warn!(
                max = limits.max_connections,
                "too many open connections: turning one away"
            );
            turn_away(stream, &turning_away);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let activity = Arc::new(Activity::new());
        let orders = Arc::new(conn::Orders::default());
        let service = conn::Service {
            app: app.clone(),
            activity: activity.clone(),
        };
        let dog = clock::spawn(conn::watchdog(
            activity,
            orders.clone(),
            stop_rx.clone(),
            limits.idle,
            (IDLE_BACKSTOP, limits.grace),
        ));
        let protocols = protocols.clone();
        tokio::spawn(async move {
            let _slot = slot;
            conn::serve(stream, service, &protocols, &orders).await;
            dog.abort();
        });
    }
    drop(listener);
    tracing::info!("shutting down: waiting for requests in flight");
    let _ = stop_tx.send(true);
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    if clock::timeout(limits.grace, slots.acquire_many(all))
        .await
        .is_err()
    {
        tracing::warn!("some connections were still open after the grace period");
    }
}

/// Requests in flight on one connection, and when the last one ended.
struct Activity {
    base: Instant,
    in_flight: AtomicUsize,
    /// Milliseconds after `base` when the connection last went idle.
    idle_since: AtomicU64,
}

impl Activity {
    fn new() -> Self {
        Self {
            base: Instant::now(),
            in_flight: AtomicUsize::new(0),
            idle_since: AtomicU64::new(0),
        }
    }

    fn begin(&self) {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
    }

    fn end(&self) {
        self.touch();
        self.in_flight.fetch_sub(1, Ordering::AcqRel);
    }

    /// A request was answered at once: the idle time starts again now.
    fn touch(&self) {
        let ms = u64::try_from(self.base.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.idle_since.store(ms, Ordering::Release);
    }

    /// When the connection will have been idle for `idle`, if nothing
    /// changes (a request in flight pushes it one `idle` ahead).
    fn idle_deadline(&self, idle: Duration) -> Instant {
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return Instant::now() + idle;
        }
        self.base + Duration::from_millis(self.idle_since.load(Ordering::Acquire)) + idle
    }

    fn idle_for(&self, idle: Duration) -> bool {
        self.in_flight.load(Ordering::Acquire) == 0 && Instant::now() >= self.idle_deadline(idle)
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

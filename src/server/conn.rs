//! One connection's side of the request path, kept as short as it can be:
//! hyper calls [`Service`] directly (no tower adapter cloning the app for
//! every request), an answer the app can give at once ([`App::answer_now`])
//! is handed back without a boxed future or a boxed body ([`Out`]), and the
//! connection's idle timer and the server's shutdown signal are watched by
//! a task of their own ([`watchdog`]), so a request wakes nothing but its
//! own connection: polling a shutdown signal on every wake-up would take
//! a lock that every connection shares.
//!
//! A connection's protocol is chosen once, from a peek at its first bytes
//! ([`sniff`]): the HTTP/2 preface, or else HTTP/1. Its bytes are left in
//! the socket for hyper to read, so nothing wraps the connection's reads
//! and writes afterwards (as hyper_util's automatic choice does, at about
//! 2% of the request rate on a stored page).

use super::Activity;
use crate::http::{App, Out};
use atomic_waker::AtomicWaker;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::sync::watch;
use tower::ServiceExt as _;

/// The service hyper calls for each request on one connection.
pub(super) struct Service<A> {
    pub(super) app: A,
    pub(super) activity: Arc<Activity>,
}

/// A request in flight: counted while its answer is being made, and the
/// connection's idle time starts again when it ends (or is dropped, as
/// when an HTTP/2 client resets the stream).
struct InFlight(Arc<Activity>);

impl InFlight {
    fn new(activity: &Arc<Activity>) -> Self {
        activity.begin();
        Self(activity.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.end();
    }
}

/// An answer: ready at once, or the app's.
pub(super) enum Answer {
    Ready(Option<axum::http::Response<Out>>),
    Routed(Pin<Box<dyn Future<Output = axum::http::Response<Out>> + Send>>),
}

impl Future for Answer {
    type Output = Result<axum::http::Response<Out>, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            Answer::Ready(res) => Poll::Ready(Ok(res.take().unwrap_or_default())),
            Answer::Routed(fut) => fut.as_mut().poll(cx).map(Ok),
        }
    }
}

impl<A: App> hyper::service::Service<hyper::Request<Incoming>> for Service<A> {
    type Response = axum::http::Response<Out>;
    type Error = Infallible;
    type Future = Answer;

    fn call(&self, req: hyper::Request<Incoming>) -> Answer {
        if let Some(res) = self.app.answer_now(&req) {
            self.activity.touch();
            return Answer::Ready(Some(res));
        }
        let busy = InFlight::new(&self.activity);
        let fut = self.app.clone().oneshot(req.map(axum::body::Body::new));
        Answer::Routed(Box::pin(async move {
            let _busy = busy;
            match fut.await {
                Ok(res) => res.map(Out::Routed),
                Err(never) => match never {},
            }
        }))
    }
}

/// What the watchdog asks of its connection (0, the start: nothing).
const CLOSE: u8 = 1;
const GIVE_UP: u8 = 2;

/// The watchdog's word to its connection, and how to wake it.
#[derive(Default)]
pub(super) struct Orders {
    what: AtomicU8,
    waker: AtomicWaker,
}

impl Orders {
    fn say(&self, what: u8) {
        self.what.store(what, Ordering::Release);
        self.waker.wake();
    }
}

/// Drive `conn` until it ends, or until the watchdog gives up on it; shut
/// it down gracefully when the watchdog says so.
async fn drive<C>(conn: C, orders: &Orders, shut_down: impl Fn(Pin<&mut C>))
where
    C: Future<Output = Result<(), hyper::Error>>,
{
    tokio::pin!(conn);
    let mut closing = false;
    std::future::poll_fn(|cx| {
        orders.waker.register(cx.waker());
        match orders.what.load(Ordering::Acquire) {
            GIVE_UP => return Poll::Ready(()),
            CLOSE if !closing => {
                closing = true;
                shut_down(conn.as_mut());
            }
            _ => {}
        }
        conn.as_mut().poll(cx).map(|result| {
            if let Err(e) = result {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        })
    })
    .await;
}

/// hyper's two protocols, set up once for every connection.
pub(super) struct Protocols {
    pub(super) h1: hyper::server::conn::http1::Builder,
    pub(super) h2: hyper::server::conn::http2::Builder<TokioExecutor>,
}

/// The HTTP/2 connection preface (RFC 9113, section 3.4).
const PREFACE: &[u8; 24] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

/// How long to wait before looking again at a connection that has sent
/// part of the HTTP/2 preface and no more (a real client sends it whole).
const SNIFF_AGAIN: Duration = Duration::from_millis(5);

/// Whether the client speaks HTTP/2 (its first bytes are the preface) or
/// HTTP/1 (anything else), read without taking the bytes from the socket;
/// `None` when it closes first.
async fn sniff(stream: &TcpStream) -> Option<bool> {
    let mut first = [0u8; PREFACE.len()];
    loop {
        let n = stream.peek(&mut first).await.ok()?;
        if n == 0 {
            return None;
        }
        if first[..n] != PREFACE[..n] {
            return Some(false);
        }
        if n == PREFACE.len() {
            return Some(true);
        }
        // A peek finds the same bytes again at once: wait for more.
        crate::util::clock::sleep(SNIFF_AGAIN).await;
    }
}

/// Serve one connection until it ends, or until the watchdog gives up on
/// it (before its protocol is known, a word from the watchdog closes it).
pub(super) async fn serve<A: App>(
    stream: TcpStream,
    service: Service<A>,
    protocols: &Protocols,
    orders: &Orders,
) {
    let h2 = {
        let sniffed = sniff(&stream);
        tokio::pin!(sniffed);
        std::future::poll_fn(|cx| {
            orders.waker.register(cx.waker());
            if orders.what.load(Ordering::Acquire) != 0 {
                return Poll::Ready(None);
            }
            sniffed.as_mut().poll(cx)
        })
        .await
    };
    let io = TokioIo::new(stream);
    match h2 {
        Some(true) => {
            let conn = protocols.h2.serve_connection(io, service);
            drive(conn, orders, |c| c.graceful_shutdown()).await;
        }
        Some(false) => {
            let conn = protocols.h1.serve_connection(io, service);
            drive(conn, orders, |c| c.graceful_shutdown()).await;
        }
        None => {}
    }
}

/// Watch one connection: when it has been idle for `idle`, or the server
/// is stopping, tell it to close gracefully; give up on it `backstop`
/// later (the idle backstop, or the server's grace period).
pub(super) async fn watchdog(
    activity: Arc<Activity>,
    orders: Arc<Orders>,
    mut stop: watch::Receiver<bool>,
    idle: Duration,
    (idle_backstop, grace): (Duration, Duration),
) {
    let backstop = loop {
        let deadline = activity.idle_deadline(idle);
        tokio::select! {
            () = tokio::time::sleep_until(deadline) => {
                if activity.idle_for(idle) {
                    tracing::debug!("idle connection: closing");
                    // Nothing is in flight: an HTTP/2 client that does not
                    // answer the GOAWAY's ping is not waited for.
                    break idle_backstop;
                }
            }
            _ = stop.changed() => break grace,
        }
    };
    orders.say(CLOSE);
    tokio::time::sleep(backstop).await;
    orders.say(GIVE_UP);
}

//! The whole site as one service. A request for a stored page (GET or
//! HEAD, no query string, no body) is answered here straight from the
//! store, without the router and its layers: that is nearly every request,
//! and the answer is the same one the router would give (same headers,
//! encodings, ETags and 304s). Everything else goes through the router.
//! Both paths write the same access log line.

use super::respond;
use crate::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, header};
use axum::response::Response;
use bytes::Bytes;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;
use tower::Service;

/// The site: the fast path for stored pages in front of the router.
#[derive(Clone, Debug)]
pub struct Site {
    state: AppState,
    router: Router,
}

impl Site {
    pub fn new(state: AppState, router: Router) -> Self {
        Self { state, router }
    }
}

impl Service<Request> for Site {
    type Response = Response;
    type Error = Infallible;
    type Future = SiteFuture;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request) -> SiteFuture {
        let started = Instant::now();
        if let Some(res) = stored_page(&self.state, &req) {
            served(req.method(), req.uri().path(), &res, started);
            return SiteFuture::Ready(Some(res.map(Body::from)));
        }
        let method = req.method().clone();
        let path = req.uri().path().to_string();
        // The router is always ready.
        let fut = self.router.call(req);
        SiteFuture::Routed(Box::pin(async move {
            let res = match fut.await {
                Ok(res) => res,
                Err(never) => match never {},
            };
            served(&method, &path, &res, started);
            res
        }))
    }
}

/// The answer of [`Site`]: ready at once, or the router's.
pub enum SiteFuture {
    Ready(Option<Response>),
    Routed(Pin<Box<dyn Future<Output = Response> + Send>>),
}

impl Future for SiteFuture {
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            SiteFuture::Ready(res) => Poll::Ready(Ok(res.take().unwrap_or_default())),
            SiteFuture::Routed(fut) => fut.as_mut().poll(cx).map(Ok),
        }
    }
}

impl super::App for Site {
    /// A stored page, straight from the store (the server calls this
    /// before the service: no request or response body is boxed).
    fn answer_now(
        &self,
        req: &hyper::Request<hyper::body::Incoming>,
    ) -> Option<axum::http::Response<super::Out>> {
        let started = Instant::now();
        let res = stored_page(&self.state, req)?;
        served(req.method(), req.uri().path(), &res, started);
        Some(res.map(super::Out::bytes))
    }
}

/// A stored page, answered without the router, when the request is a plain
/// GET or HEAD of one (no query, no body, not in editor mode).
fn stored_page<B>(
    state: &AppState,
    req: &axum::http::Request<B>,
) -> Option<axum::http::Response<Bytes>> {
    let head = match *req.method() {
        Method::GET => false,
        Method::HEAD => true,
        _ => return None,
    };
    let uri = req.uri();
    let path = uri.path();
    if state.is_editor()
        || uri.query().is_some()
        || path.len() > super::MAX_URI
        || path == "/404"
        || super::guard::has_body(req.headers())
    {
        return None;
    }
    let loaded = state.peek();
    let page = loaded.store.page(path)?;
    // The security headers and the cache policy came with the stored
    // answer; HSTS is per site.
    let mut res = respond::answer(page, req.headers(), Some(loaded.store.head_budget()));
    if head {
        *res.body_mut() = Bytes::new();
    }
    if loaded.https {
        super::guard::hsts(res.headers_mut());
    }
    Some(res)
}

/// The access log line of one request.
fn served<B>(method: &Method, path: &str, res: &axum::http::Response<B>, started: Instant) {
    let bytes = res
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok());
    crate::util::log::access(method.as_str(), path, res.status().as_u16(), bytes, started);
}

//! HTTP: `app(state)` builds the router (the test seam). Routes are defined
//! here; handlers live in `handlers`, the layer that guards every request
//! and renders every error page in `guard`, and answers from the store in
//! `respond`. Binding and serving live in `server`.
//!
//! Routes: `/healthz`; `/static/*` through tower-http's `ServeDir`;
//! `/search`; everything else is a lookup in the store (a self-check page
//! with answers in its query renders a result), then aliases and
//! near-misses (trailing slash, letter case) redirect, then the 404 page.
//! HEAD is answered by the framework from GET.

mod guard;
mod handlers;
mod out;
mod respond;
mod site;

use crate::state::AppState;
use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::get;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

pub use guard::security_headers;
pub use out::Out;
pub use site::{Site, SiteFuture};

/// Longest request target we accept.
pub const MAX_URI: usize = 8 * 1024;
/// Whole-request time limit.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The whole application: stored pages straight from the store, the rest
/// through the router.
pub fn app(state: AppState) -> Site {
    Site::new(state.clone(), router(state))
}

/// `Cache-Control` for every answer of the router, errors and timeouts
/// included: handlers ask for a policy, this decides.
async fn settle_cache(mut res: axum::response::Response) -> axum::response::Response {
    crate::store::settle(&mut res);
    res
}

/// The whole-request time limit: past [`REQUEST_TIMEOUT`], an empty 408,
/// as tower-http's `TimeoutLayer` answered in this place. The deadline is
/// kept by the server's clock thread ([`crate::util::clock`]), so the
/// runtime serving requests needs no timer of its own.
async fn time_limit(
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    match crate::util::clock::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(res) => res,
        Err(_) => {
            let mut res = axum::response::Response::default();
            *res.status_mut() = StatusCode::REQUEST_TIMEOUT;
            res
        }
    }
}

/// The router with every route and layer.
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .route(crate::registry::HEALTHZ, get(handlers::healthz))
        .route(
            &format!("{}/{{*path}}", crate::registry::STATIC),
            get(handlers::static_file),
        )
        .route("/search", get(handlers::search))
        .route("/{lang}/search", get(handlers::search))
        .fallback(handlers::page);
    with_layers(routes, state)
}

/// The layers every route goes through, outermost last: a panic becomes an
/// error; the guard adds security headers, enforces limits and renders every
/// error page; a whole-request timeout; a span naming the request, for
/// whatever a handler logs (the access log line is written by [`Site`]);
/// and `Cache-Control`, set on every answer by [`crate::store::settle`] from
/// the policy the answer asked for (the fast path of [`Site`] calls it too).
pub fn with_layers(routes: Router<AppState>, state: AppState) -> Router {
    routes
        .layer(CatchPanicLayer::custom(
            |panic: Box<dyn std::any::Any + Send>| {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                tracing::error!(panic = %what, "a request panicked");
                axum::response::IntoResponse::into_response(crate::error::AppError::Internal(
                    "a handler panicked".into(),
                ))
            },
        ))
        .layer(middleware::from_fn_with_state(state.clone(), guard::guard))
        .layer(middleware::from_fn(time_limit))
        .layer(TraceLayer::new_for_http().make_span_with(
            |req: &axum::extract::Request| {
                tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
            },
        ))
        .layer(middleware::map_response(settle_cache))
        .with_state(state)
}

/// What can be served: [`crate::http::app`], or any router.
pub trait App:
    tower::Service<
        axum::extract::Request,
        Response = axum::response::Response,
        Error = std::convert::Infallible,
        Future: Send + 'static,
    > + Clone
    + Send
    + Sync
    + 'static
{
    /// The answer to `req` when it can be given at once, without the
    /// service (a stored page); `None` sends the request to the service.
    fn answer_now(
        &self,
        _req: &hyper::Request<hyper::body::Incoming>,
    ) -> Option<axum::http::Response<Out>> {
        None
    }
}

impl App for axum::Router {}

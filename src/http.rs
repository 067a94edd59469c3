//! HTTP: `app(state)` builds the router (the test seam); handlers, headers
//! and limits live here. Binding and serving live in `server`.
//!
//! Routes: `/healthz`; `/static/*` through tower-http's `ServeDir`;
//! `/pathways/{slug}/right-for-me` (static page, or a result per request
//! when the query carries answers); everything else is a lookup in the
//! [`Store`](crate::store::Store), then aliases and near-misses (trailing
//! slash, letter case) redirect, then the 404 page.

use crate::pages::{self, ErrorPage, Meta};
use crate::state::{AppState, Loaded};
use crate::store::{CachePolicy, Page, negotiate};
use askama::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::time::Duration;
use tower::ServiceExt as _;
use tower_http::CompressionLevel;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Longest request target we accept.
pub const MAX_URI: usize = 8 * 1024;
/// Whole-request time limit.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The whole application as a router.
pub fn app(state: AppState) -> Router {
    let dynamic = || CompressionLayer::new().quality(CompressionLevel::Fastest);
    let routes = Router::new()
        .route("/healthz", get(healthz))
        .route("/static/{*path}", get(static_file))
        .route(
            "/pathways/{slug}/right-for-me",
            get(right_for_me).layer(dynamic()),
        )
        .route("/search", get(search).layer(dynamic()))
        .fallback(page);
    with_layers(routes, state)
}

/// The layers every route goes through, outermost last: a panic becomes the
/// styled 500 page and a log line; the guard adds security headers and
/// limits; a whole-request timeout; the access log.
pub fn with_layers(routes: Router<AppState>, state: AppState) -> Router {
    let for_panics = state.clone();
    routes
        .layer(CatchPanicLayer::custom(move |panic: Box<dyn std::any::Any + Send>| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(panic = %what, "a request panicked");
            error_page(
                &for_panics.current(),
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side",
                "Sorry: this page could not be shown. Please try again in a moment, or start from the home page.",
            )
        }))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_response(|res: &Response, latency: Duration, _span: &tracing::Span| {
                    let bytes = res
                        .headers()
                        .get(header::CONTENT_LENGTH)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info!(
                        status = res.status().as_u16(),
                        bytes,
                        micros = latency.as_micros() as u64,
                        "served"
                    );
                }),
        )
        .with_state(state)
}

async fn healthz() -> &'static str {
    "ok\n"
}

/// Security headers on every response, limits on every request, and the
/// GET/HEAD-only rule.
async fn guard(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let loaded = state.current();
    let notice = state.editor_notice();
    let mut res = if req.uri().to_string().len() > MAX_URI {
        error_page(
            &loaded,
            StatusCode::URI_TOO_LONG,
            "That address is too long",
            "Web addresses on this site are short. Check the link you followed, or search instead.",
        )
    } else if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = error_page(
            &loaded,
            StatusCode::METHOD_NOT_ALLOWED,
            "That kind of request is not supported",
            "This site only shows pages: it accepts GET and HEAD requests, nothing that sends data.",
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        r
    } else if has_body(req.headers()) {
        error_page(
            &loaded,
            StatusCode::PAYLOAD_TOO_LARGE,
            "This site does not take uploads",
            "Requests to this site carry no body. Open the page without sending data.",
        )
    } else if let Some(notice) = notice {
        // Editor mode with a rejected edit: plain bodies, so the banner can
        // be added to each page; HEAD runs as GET so its length matches.
        let head = req.method() == Method::HEAD;
        *req.method_mut() = Method::GET;
        req.headers_mut().remove(header::ACCEPT_ENCODING);
        req.headers_mut().remove(header::IF_NONE_MATCH);
        let mut res = with_banner(next.run(req).await, &notice).await;
        if head {
            *res.body_mut() = Body::empty();
        }
        res
    } else {
        next.run(req).await
    };
    if (res.status().is_client_error() || res.status().is_server_error()) && !is_html(&res) {
        // An error made by the framework (a path that is not UTF-8, a
        // timeout): answer with the site's own page for that status.
        res = framework_error(&loaded, res.status());
    }
    security_headers(res.headers_mut(), loaded.https);
    res
}

fn is_html(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
}

/// The site's error page for an error status the framework produced.
fn framework_error(loaded: &Loaded, status: StatusCode) -> Response {
    let (heading, message) = match status {
        StatusCode::NOT_FOUND => (
            "We could not find that page",
            "The link may be mistyped or out of date. Try a search, or start from the home page.",
        ),
        StatusCode::REQUEST_TIMEOUT => (
            "That took too long",
            "The request did not finish in time. Please try again.",
        ),
        s if s.is_client_error() => (
            "We could not read that address",
            "Part of the address is not valid. Check the link you followed, or start from the home page.",
        ),
        _ => (
            "Something went wrong on our side",
            "Sorry: this page could not be shown. Please try again in a moment, or start from the home page.",
        ),
    };
    error_page(loaded, status, heading, message)
}

/// Add the "your last edit was rejected" banner to an HTML page.
async fn with_banner(res: Response, notice: &str) -> Response {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !is_html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 16 * 1024 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let html = String::from_utf8_lossy(&bytes);
    let banner = format!(
        "<div class=\"editor-banner\" role=\"alert\"><p><strong>Your last content edit was rejected.</strong> The site is still showing the last good version. Fix these problems and save again:</p><pre>{}</pre></div>",
        crate::markdown::escape(notice)
    );
    let body = html.replacen(
        "<a class=\"skip\"",
        &format!("{banner}<a class=\"skip\""),
        1,
    );
    parts.headers.remove(header::ETAG);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    parts
        .headers
        .insert(header::CACHE_CONTROL, CachePolicy::NoStore.header());
    Response::from_parts(parts, Body::from(body))
}

fn has_body(headers: &HeaderMap) -> bool {
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0")
}

/// The security headers, in one place.
pub fn security_headers(h: &mut HeaderMap, https: bool) {
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
}

/// Answer from a stored page: pick the encoding, honour `If-None-Match`,
/// and send headers only for HEAD.
pub fn respond(page: &Page, req_headers: &HeaderMap, head: bool) -> Response {
    let (enc, bytes, etag) = page.variant(negotiate(req_headers));
    let mut res = if etag_matches(req_headers, &etag) && page.status == StatusCode::OK {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        r
    } else {
        let body = if head {
            Body::empty()
        } else {
            Body::from(bytes.clone())
        };
        let mut r = Response::new(body);
        *r.status_mut() = page.status;
        let h = r.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(page.content_type),
        );
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
        if let Some(v) = enc.header() {
            h.insert(header::CONTENT_ENCODING, v);
        }
        r
    };
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    h.insert(header::CACHE_CONTROL, page.cache.header());
    res
}

fn etag_matches(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag)
}

/// An error page with the site's layout (rendered per request: errors are
/// rare and carry their own message).
pub fn error_page(loaded: &Loaded, status: StatusCode, heading: &str, message: &str) -> Response {
    let mut meta = Meta::new(&loaded.site, "/", heading, message);
    meta.noindex = true;
    let page = ErrorPage {
        meta,
        chrome: &loaded.chrome,
        heading: heading.to_string(),
        message: message.to_string(),
        links: Vec::new(),
    };
    let body = page
        .render()
        .unwrap_or_else(|_| format!("{heading}\n{message}\n"));
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res.headers_mut()
        .insert(header::CACHE_CONTROL, CachePolicy::NoStore.header());
    res
}

fn redirect(to: &str, query: Option<&str>) -> Response {
    let location = match query {
        Some(q) if !q.is_empty() => format!("{to}?{q}"),
        _ => to.to_string(),
    };
    let mut res = Response::new(Body::empty());
    *res.status_mut() = StatusCode::MOVED_PERMANENTLY;
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, CachePolicy::Page.header());
    res
}

/// Any other path: a stored page, a redirect to one, or the 404 page.
async fn page(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let loaded = state.current();
    let head = method == Method::HEAD;
    let path = uri.path();
    if let Some(page) = loaded.store.get(path).filter(|_| path != "/404") {
        return respond(page, &headers, head);
    }
    if let Some(target) = loaded.redirect_for(path) {
        return redirect(&target, uri.query());
    }
    not_found(&loaded, &headers, head)
}

fn not_found(loaded: &Loaded, headers: &HeaderMap, head: bool) -> Response {
    match loaded.store.get("/404") {
        Some(p) => respond(p, headers, head),
        None => error_page(
            loaded,
            StatusCode::NOT_FOUND,
            "Page not found",
            "This page does not exist.",
        ),
    }
}

/// `/static/*`: fingerprinted assets through `ServeDir` (with `.br`/`.gz`
/// siblings), cached for a year; plain names still work with a short cache.
/// The `/static` prefix is removed exactly once, and directories are never
/// listed or redirected: a directory is a 404 like any missing file.
async fn static_file(State(state): State<AppState>, req: Request) -> Response {
    let loaded = state.current();
    let head = req.method() == Method::HEAD;
    let uri = req
        .uri()
        .path()
        .strip_prefix("/static/")
        .filter(|rest| !rest.is_empty())
        .and_then(|rest| format!("/{rest}").parse::<Uri>().ok());
    let (mut parts, body) = req.into_parts();
    let Some(uri) = uri else {
        return not_found(&loaded, &parts.headers, head);
    };
    let fingerprinted = crate::assets::is_fingerprinted(uri.path());
    parts.uri = uri;
    let serve = ServeDir::new(loaded.assets.dir())
        .append_index_html_on_directories(false)
        .redirect_to_trailing_slash(false)
        .precompressed_br()
        .precompressed_gzip();
    let headers = parts.headers.clone();
    let Ok(res) = serve.oneshot(Request::from_parts(parts, body)).await;
    let status = res.status();
    if status == StatusCode::NOT_FOUND
        || (status.is_redirection() && status != StatusCode::NOT_MODIFIED)
    {
        return not_found(&loaded, &headers, head);
    }
    if status.is_server_error() {
        tracing::error!(
            status = status.as_u16(),
            "a static file could not be served"
        );
        return error_page(
            &loaded,
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong on our side",
            "Please try again in a moment.",
        );
    }
    let mut res = res.map(Body::new);
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let policy = if fingerprinted {
            CachePolicy::Immutable
        } else {
            CachePolicy::ShortAsset
        };
        res.headers_mut()
            .insert(header::CACHE_CONTROL, policy.header());
    }
    res
}

/// The self-check: the plain page, or the result for the answers in the query.
async fn right_for_me(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let loaded = state.current();
    let head = method == Method::HEAD;
    let path = uri.path();
    let Some(p) = loaded.site.pathway(&slug) else {
        return match loaded.redirect_for(path) {
            Some(target) => redirect(&target, uri.query()),
            None => not_found(&loaded, &headers, head),
        };
    };
    let stored = loaded.store.get(path);
    let (Some(check), Some(query)) = (&p.self_check, uri.query().filter(|q| !q.is_empty())) else {
        return match stored {
            Some(page) => respond(page, &headers, head),
            None => not_found(&loaded, &headers, head),
        };
    };
    match pages::selfcheck::parse(query, check) {
        Ok(None) => match stored {
            Some(page) => respond(page, &headers, head),
            None => not_found(&loaded, &headers, head),
        },
        Ok(Some(answers)) => {
            match pages::selfcheck::render_result(&loaded.site, &loaded.chrome, p, check, &answers)
            {
                Ok(body) => dynamic(body, head),
                Err(e) => {
                    tracing::error!(error = %e, "self-check result failed to render");
                    error_page(
                        &loaded,
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "Something went wrong on our side",
                        "Please try again in a moment.",
                    )
                }
            }
        }
        Err(bad) => {
            let mut res = error_page(
                &loaded,
                StatusCode::BAD_REQUEST,
                "We could not read those answers",
                &format!("{} Start the self-check again from its page.", bad.0),
            );
            if head {
                *res.body_mut() = Body::empty();
            }
            res
        }
    }
}

/// `/search`: results for `q` (page `page`), rendered per request. A query
/// string that is not valid percent-encoded UTF-8 gets a 400 page.
async fn search(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    let loaded = state.current();
    let head = method == Method::HEAD;
    let params = match crate::search::params::parse(uri.query()) {
        Ok(p) => p,
        Err(bad) => {
            let mut res = error_page(
                &loaded,
                StatusCode::BAD_REQUEST,
                "We could not read that search",
                &format!(
                    "The search in the address could not be read: {bad}. Type your search in the box below."
                ),
            );
            if head {
                *res.body_mut() = Body::empty();
            }
            return res;
        }
    };
    let results = loaded.search.search(&params.q, params.page);
    match pages::search::render(&loaded.site, &loaded.chrome, &results) {
        Ok(body) => dynamic(body, head),
        Err(e) => {
            tracing::error!(error = %e, "search page failed to render");
            error_page(
                &loaded,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong on our side",
                "Please try again in a moment.",
            )
        }
    }
}

/// A page rendered for this request.
fn dynamic(body: String, head: bool) -> Response {
    let len = body.len();
    let mut res = Response::new(if head {
        Body::empty()
    } else {
        Body::from(body)
    });
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::CACHE_CONTROL, CachePolicy::Dynamic.header());
    res
}

//! The layer around every request: limits (URI length, methods, bodies),
//! the site's page for every error (one place renders them), and the
//! security headers on every response.

use super::MAX_URI;
use super::respond;
use crate::error::AppError;
use crate::state::{AppState, Loaded};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Security headers on every response, limits on every request, the
/// GET/HEAD-only rule, and the error page for every error.
pub(super) async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let loaded = state.current();
    let edition_index = loaded.edition_index(req.uri().path());
    let mut req = req;
    let early = if req.uri().path().len() + req.uri().query().map_or(0, str::len) > MAX_URI {
        Some(AppError::UriTooLong)
    } else if req.method() != Method::GET && req.method() != Method::HEAD {
        Some(AppError::MethodNotAllowed)
    } else if has_body(req.headers()) {
        // A chunked body may still be empty (`0\r\n\r\n`): read it, but
        // not one byte more.
        let chunked = !req.headers().contains_key(header::CONTENT_LENGTH);
        let (parts, body) = req.into_parts();
        let empty = chunked && axum::body::to_bytes(body, 0).await.is_ok();
        req = Request::from_parts(parts, axum::body::Body::empty());
        (!empty).then_some(AppError::PayloadTooLarge)
    } else {
        None
    };
    // Only the encoding the client accepts is needed for an error page.
    let accept_encoding = req.headers().get(header::ACCEPT_ENCODING).cloned();
    let mut res = match early {
        Some(e) => e.into_response(),
        None => next.run(req).await,
    };
    let error = res.extensions_mut().remove::<AppError>().or_else(|| {
        let s = res.status();
        // A range a static file does not have is answered as `ServeDir`
        // answers it (416 with `Content-Range`), not as a 400 page.
        let own_answer = s == StatusCode::RANGE_NOT_SATISFIABLE;
        (s.is_client_error() || s.is_server_error())
            .then(|| (!is_html(&res) && !own_answer).then(|| AppError::from_status(s)))
            .flatten()
    });
    if let Some(e) = error {
        let mut accept = HeaderMap::new();
        if let Some(v) = accept_encoding {
            accept.insert(header::ACCEPT_ENCODING, v);
        }
        res = error_response(&state, &loaded, edition_index, &e, &accept);
    }
    security_headers(res.headers_mut(), loaded.https);
    res
}

fn is_html(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
}

/// Whether the request may carry a body: a `Content-Length` that is not
/// zero (`00` is zero), or any `Transfer-Encoding` (a chunked body is read
/// to learn whether it is empty).
pub(super) fn has_body(headers: &HeaderMap) -> bool {
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .is_some_and(|v| v.to_str().map_or(true, |v| v.trim().parse() != Ok(0u64)))
}

/// The site's page for an error: the stored 404 (precompressed), or an
/// error page rendered with the current site's layout.
fn error_response(
    state: &AppState,
    loaded: &Loaded,
    edition: usize,
    e: &AppError,
    accept: &HeaderMap,
) -> Response {
    let ed = loaded.edition(edition);
    let chrome = state.chrome(&ed.chrome);
    if *e == AppError::NotFound
        && chrome.banner.is_none()
        && let Some(page) = loaded
            .store
            .get(&crate::registry::Page::NotFound(&ed.site).path())
    {
        return respond::stored(&page, accept);
    }
    let u = &ed.site.ui.errors;
    let fill = crate::util::text::fill;
    let (heading, message) = match e {
        AppError::NotFound => (u.not_found.clone(), u.not_found_text.clone()),
        AppError::BadAddress => (u.bad_request.clone(), u.bad_request_text.clone()),
        AppError::UriTooLong => (u.too_long.clone(), u.too_long_text.clone()),
        AppError::MethodNotAllowed => (u.method.clone(), u.method_text.clone()),
        AppError::PayloadTooLarge => (u.upload.clone(), u.upload_text.clone()),
        AppError::Timeout => (u.timeout.clone(), u.timeout_text.clone()),
        AppError::BadAnswers(why) => (
            u.answers.clone(),
            fill(&u.answers_text, &[("problem", why)]),
        ),
        AppError::BadSearch(why) => (u.search.clone(), fill(&u.search_text, &[("problem", why)])),
        AppError::Internal(_) => (u.internal.clone(), u.internal_text.clone()),
    };
    let html = crate::pages::views::error_page(&ed.site, &chrome, &heading, &message)
        .unwrap_or_else(|_| format!("{heading}\n{message}\n"));
    // An error status is never kept (`store::settle` decides that).
    let mut res = respond::dynamic(html, accept, e.status());
    if *e == AppError::MethodNotAllowed {
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    res
}

/// The security headers, in one place.
pub fn security_headers(h: &mut HeaderMap, https: bool) {
    for (name, value) in SECURITY {
        h.insert(name, HeaderValue::from_static(value));
    }
    if https {
        hsts(h);
    }
}

/// Strict-Transport-Security, for sites served over https.
pub(super) fn hsts(h: &mut HeaderMap) {
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000"),
    );
}

/// Every response's security headers (HSTS is added on https sites). The
/// policy says `default-src 'self'` once: scripts, styles, fonts and
/// connections fall back to it, so naming each again would only add bytes
/// to every response.
const SECURITY: [(HeaderName, &str); 6] = [
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    (
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
    (header::X_FRAME_OPTIONS, "DENY"),
];

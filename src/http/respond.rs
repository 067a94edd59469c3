//! Answers: a stored response (pick the encoding, honour `If-None-Match`),
//! a page rendered for this request (compressed on the way out when the
//! client accepts it), and redirects.

use crate::store::{CachePolicy, Encoding, Stored, negotiate};
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;

/// Answer from a stored response.
pub(crate) fn stored(page: &Stored, req_headers: &HeaderMap) -> Response {
    let (enc, bytes, etag) = page.variant(negotiate(req_headers));
    let mut res = if etag_matches(req_headers, &etag) && page.status == StatusCode::OK {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        r
    } else {
        let mut r = Response::new(Body::from(bytes.clone()));
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

/// A page rendered for this request: HTML, not cached as a static page,
/// gzip-compressed (fast) when the client accepts it.
pub(crate) fn dynamic(body: String, req_headers: &HeaderMap, status: StatusCode) -> Response {
    let (bytes, enc) = match negotiate(req_headers) {
        Encoding::Identity => (body.into_bytes(), None),
        _ => (
            crate::util::compress::gzip_fast(body.as_bytes()),
            Encoding::Gzip.header(),
        ),
    };
    let mut res = Response::new(Body::from(bytes));
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Some(v) = enc {
        h.insert(header::CONTENT_ENCODING, v);
    }
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    h.insert(header::CACHE_CONTROL, CachePolicy::Dynamic.header());
    res
}

/// A permanent redirect to `to`, keeping the query string.
pub(crate) fn redirect(to: &str, query: Option<&str>) -> Response {
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

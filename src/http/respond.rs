//! Answers: a stored response (pick the encoding, honour `If-None-Match`),
//! a page rendered for this request (compressed on the way out when the
//! client accepts it), and redirects.

use crate::store::{CachePolicy, Encoding, HeadBudget, Stored, accepts};
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use bytes::Bytes;
use std::sync::Arc;

/// The headers every stored answer carries whatever the page (`Vary` and
/// the security headers, without HSTS), made once; each answer starts from
/// a copy with room for its own.
fn stored_base() -> HeaderMap {
    static BASE: std::sync::LazyLock<HeaderMap> = std::sync::LazyLock::new(|| {
        let mut h = HeaderMap::with_capacity(16);
        h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        super::security_headers(&mut h, false);
        h
    });
    let mut h = BASE.clone();
    h.reserve(6);
    h
}

/// Answer from a stored response (see [`answer`]), asking for the page's
/// cache policy ([`crate::store::settle`] sets it on the way out).
pub(crate) fn stored(page: &Arc<Stored>, req_headers: &HeaderMap) -> Response {
    let mut res = answer(page, req_headers, None).map(Body::from);
    page.cache.ask(&mut res);
    res
}

/// A stored response's answer, its body in hand: the encoding the client
/// takes best of those at hand (asking for the brotli body to be made when
/// the client prefers it and it is not made yet), or 304 when its ETag
/// matches. Its `Cache-Control` is the page's policy for its status
/// ([`CachePolicy::header_for`], as [`crate::store::settle`] sets it). With a `budget`, a 200
/// answer's headers are the page's kept ones ([`Stored::head`]).
pub(crate) fn answer(
    page: &Arc<Stored>,
    req_headers: &HeaderMap,
    budget: Option<&HeadBudget>,
) -> axum::http::Response<Bytes> {
    let accepts = accepts(req_headers);
    let brotli_ready = page.brotli().is_some();
    if accepts.prefers_brotli() && !brotli_ready {
        page.want_brotli();
    }
    // A body that does not compress (an image) is stored plain and has no
    // brotli body either.
    let enc = match accepts.best(brotli_ready) {
        Encoding::Gzip if page.gzip().is_none() => Encoding::Identity,
        e => e,
    };
    let matches = page.status == StatusCode::OK
        && if_none_match(req_headers).any(|tag| tag == "*" || page.etag_is(tag, enc));
    // What every stored answer with `status` carries: the common headers,
    // its ETag and its cache policy.
    let tagged = |status| {
        let mut h = stored_base();
        h.insert(header::ETAG, page.etag_header(enc));
        h.insert(
            header::CACHE_CONTROL,
            CachePolicy::header_for(status, Some(page.cache)),
        );
        h
    };
    if matches {
        let mut r = axum::http::Response::new(Bytes::new());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        *r.headers_mut() = tagged(StatusCode::NOT_MODIFIED);
        return r;
    }
    let body = match enc {
        Encoding::Brotli => page.brotli().cloned().unwrap_or_default(),
        Encoding::Gzip => page.gzip().cloned().unwrap_or_default(),
        Encoding::Identity => page.identity(),
    };
    let len = body.len();
    let make = || {
        let mut h = tagged(page.status);
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(page.content_type),
        );
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
        if let Some(v) = enc.header() {
            h.insert(header::CONTENT_ENCODING, v);
        }
        h
    };
    let mut r = axum::http::Response::new(body);
    *r.status_mut() = page.status;
    *r.headers_mut() = match budget {
        // Every 200 answer of this page in this encoding has these headers
        // (the body, so its length, is fixed per encoding).
        Some(budget) if page.status == StatusCode::OK => page.head(enc, budget, make),
        _ => make(),
    };
    r
}

/// The entity tags of `If-None-Match`, weak marks removed.
fn if_none_match(headers: &HeaderMap) -> impl Iterator<Item = &str> {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
}

/// A page rendered for this request: HTML, not cached as a static page,
/// gzip-compressed (fast) when the client accepts it.
pub(crate) fn dynamic(body: String, req_headers: &HeaderMap, status: StatusCode) -> Response {
    // Only gzip is made per request: a client that takes brotli but not
    // gzip gets the plain body.
    let (bytes, enc) = match accepts(req_headers).best(false) {
        Encoding::Gzip => (
            crate::util::compress::gzip_fast(body.as_bytes()),
            Encoding::Gzip.header(),
        ),
        _ => (body.into_bytes(), None),
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
    CachePolicy::Dynamic.ask(&mut res);
    res
}

/// A permanent redirect to `to`, keeping the query string.
/// `303 See Other` to `to`: the answer to a form sent with GET.
pub(crate) fn see_other(to: &str) -> Response {
    let mut res = Response::new(Body::empty());
    *res.status_mut() = StatusCode::SEE_OTHER;
    if let Ok(v) = HeaderValue::from_str(to) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    CachePolicy::Page.ask(&mut res);
    res
}

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
    CachePolicy::Page.ask(&mut res);
    res
}

//! Request handlers. Each returns `Result<Response, AppError>`; error pages
//! are made by the guard layer, never here.

use super::respond;
use crate::error::AppError;
use crate::pages;
use crate::state::AppState;
use crate::store::{CachePolicy, Kind};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::Response;
use tower::ServiceExt as _;
use tower_http::services::ServeDir;

pub(super) async fn healthz() -> &'static str {
    "ok\n"
}

/// Any other path: a stored page (a self-check page with answers renders a
/// result), a redirect to one, or the 404 page.
pub(super) async fn page(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let loaded = state.current();
    let path = uri.path();
    let mut found = loaded.store.get(path);
    if found.is_none() && loaded.store.is_lazy(path) {
        // Drawn on a blocking thread, then kept in the store's cache; at
        // most one drawing per core at once (a crawler asking for every
        // image waits here, not in the blocking pool).
        static DRAWS: std::sync::LazyLock<tokio::sync::Semaphore> =
            std::sync::LazyLock::new(|| {
                tokio::sync::Semaphore::new(
                    std::thread::available_parallelism().map_or(1, |n| n.get()),
                )
            });
        let _turn = DRAWS
            .acquire()
            .await
            .map_err(|e| AppError::Internal(format!("making {path}: {e}")))?;
        let (l, p) = (loaded.clone(), path.to_string());
        found = tokio::task::spawn_blocking(move || l.store.make(&p))
            .await
            .map_err(|e| AppError::Internal(format!("making {path}: {e}")))?;
    }
    if let Some(page) = found.filter(|_| path != "/404") {
        if let Kind::SelfCheck(ei, pi, si) = page.kind
            && uri.query().is_some_and(|q| !q.is_empty())
        {
            return self_check(&state, (ei, pi, si), uri.query(), &headers);
        }
        if let Kind::StatePicker(ei, pi) = page.kind
            && let Some(state) = picked_state(uri.query())?
        {
            // The picker's answer: that state's page (a GET form, so it
            // works without JavaScript), or the 404 page for a name that
            // is no state's.
            let p = loaded.edition(ei).site.pathways.get(pi).ok_or_else(|| {
                AppError::Internal("a pay-by-state page's pathway is gone".into())
            })?;
            let target = crate::registry::state_path(p, &state);
            if !loaded.store.contains(&target) {
                return Err(AppError::NotFound);
            }
            return Ok(respond::see_other(&target));
        }
        let edition = loaded.edition(loaded.edition_index(path));
        if let Some(chrome) = state.editor_chrome(&edition.chrome)
            && page.content_type.starts_with("text/html")
        {
            let html = pages::render::render_path(&edition.site, &chrome, path)
                .ok_or_else(|| AppError::Internal(format!("{path} could not be rendered")))?;
            return Ok(respond::dynamic(html, &HeaderMap::new(), page.status));
        }
        return Ok(respond::stored(&page, &headers));
    }
    if let Some(target) = loaded.redirect_for(path) {
        return Ok(respond::redirect(&target, uri.query()));
    }
    Err(AppError::NotFound)
}

/// The `state` a pay-by-state picker sent, as a path segment; other keys
/// are ignored.
fn picked_state(query: Option<&str>) -> Result<Option<String>, AppError> {
    let pairs = crate::util::query::pairs(query).map_err(|_| AppError::BadAddress)?;
    Ok(pairs
        .into_iter()
        .find(|(k, _)| k == "state")
        .map(|(_, v)| crate::content::oews::slug(&v))
        .filter(|s| !s.is_empty()))
}

/// A self-check page with a query: the result, the page again with a
/// "choose an answer" message, or the plain page.
fn self_check(
    state: &AppState,
    (ei, pi, si): (usize, usize, usize),
    query: Option<&str>,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    use pages::selfcheck::{Asked, parse, render_result, render_unanswered};
    let loaded = state.current();
    let edition = loaded.edition(ei);
    let chrome = state.chrome(&edition.chrome);
    let p = edition
        .site
        .pathways
        .get(pi)
        .ok_or_else(|| AppError::Internal("a self-check's pathway is gone".into()))?;
    let check = p
        .self_check
        .as_ref()
        .ok_or_else(|| AppError::Internal("a self-check page has no self-check".into()))?;
    let asked = parse(query, check)
        .map_err(|bad| AppError::BadAnswers(bad.explain(&edition.site.ui, check)))?;
    match asked {
        Asked::Nothing => {
            let path = crate::registry::Page::Section(p, si).path();
            let page = loaded.store.get(&path).ok_or(AppError::NotFound)?;
            Ok(respond::stored(&page, headers))
        }
        Asked::Unanswered => {
            let html = render_unanswered(&edition.site, &chrome, p, si)?;
            Ok(respond::dynamic(html, headers, StatusCode::OK))
        }
        Asked::Answers(answers) => {
            let html = render_result(&edition.site, &chrome, p, si, &answers)?;
            Ok(respond::dynamic(html, headers, StatusCode::OK))
        }
    }
}

/// `/search` (and each edition's): results for `q` (page `page`),
/// rendered per request in the edition's language.
pub(super) async fn search(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let loaded = state.current();
    let edition = loaded.edition(loaded.edition_index(uri.path()));
    // `/{lang}/search` matches any first segment: only an edition's own
    // search page is one; anything else is looked up like every other path.
    if uri.path() != crate::registry::Page::Search(&edition.site).path() {
        return page(State(state), uri, headers).await;
    }
    let params = crate::search::params::parse(uri.query()).map_err(|bad| {
        let e = &edition.site.ui.errors;
        AppError::BadSearch(match bad {
            crate::util::query::BadQuery::Escape => e.bad_escape.clone(),
            crate::util::query::BadQuery::Utf8 => e.bad_utf8.clone(),
        })
    })?;
    let results = edition.search.search(&params.q, params.page);
    let chrome = state.chrome(&edition.chrome);
    // A query in another edition's language: offer that edition's results.
    let this = loaded.edition_index(uri.path());
    let mut offers = Vec::new();
    if !results.query.is_empty() && !edition.search.knows(&results.query) {
        for i in (0..loaded.editions.len()).filter(|&i| i != this) {
            let other = loaded.edition(i);
            if other.search.knows(&results.query) {
                let count = other.search.search(&results.query, 1).total;
                offers.push(pages::search::Offer::new(
                    &edition.site,
                    &other.site,
                    &results.query,
                    count,
                ));
            }
        }
    }
    let html = pages::search::render(&edition.site, &chrome, &results, &offers)?;
    // Compressed as every page made per request is: gzip when the client
    // takes it, else the plain body (never a 406).
    Ok(respond::dynamic(html, &headers, StatusCode::OK))
}

/// `/static/*`: fingerprinted assets through `ServeDir` (with `.br`/`.gz`
/// siblings), cached for a year; plain names still work with a short cache.
/// The `/static` prefix is removed exactly once, and directories are never
/// listed or redirected: a directory is a 404 like any missing file.
pub(super) async fn static_file(
    State(state): State<AppState>,
    req: Request,
) -> Result<Response, AppError> {
    let loaded = state.current();
    let uri = req
        .uri()
        .path()
        .strip_prefix("/static/")
        .filter(|rest| !rest.is_empty())
        .and_then(|rest| format!("/{rest}").parse::<Uri>().ok())
        .ok_or(AppError::NotFound)?;
    let (mut parts, body) = req.into_parts();
    let fingerprinted = crate::assets::is_fingerprinted(uri.path());
    parts.uri = uri;
    let serve = ServeDir::new(loaded.assets.dir())
        .append_index_html_on_directories(false)
        .redirect_to_trailing_slash(false)
        .precompressed_br()
        .precompressed_gzip();
    // A `Range` in a unit other than bytes, or not a valid byte range, is
    // ignored (the whole file, as RFC 9110 asks), not refused; so is one
    // whose `If-Range` names another version of the file.
    if parts
        .headers
        .get(header::RANGE)
        .is_some_and(|r| !r.to_str().is_ok_and(valid_byte_ranges))
    {
        parts.headers.remove(header::RANGE);
    }
    if parts.headers.contains_key(header::RANGE)
        && let Some(if_range) = parts.headers.remove(header::IF_RANGE)
    {
        let mut head = Request::head(parts.uri.clone())
            .body(Body::empty())
            .map_err(|e| AppError::Internal(format!("checking If-Range: {e}")))?;
        if let Some(v) = parts.headers.get(header::ACCEPT_ENCODING) {
            head.headers_mut()
                .insert(header::ACCEPT_ENCODING, v.clone());
        }
        let Ok(current) = serve.clone().oneshot(head).await;
        if !if_range_matches(&if_range, current.headers()) {
            parts.headers.remove(header::RANGE);
        }
    }
    let Ok(res) = serve.oneshot(Request::from_parts(parts, body)).await;
    let status = res.status();
    if status == StatusCode::NOT_FOUND
        || (status.is_redirection() && status != StatusCode::NOT_MODIFIED)
    {
        return Err(AppError::NotFound);
    }
    if status.is_server_error() {
        return Err(AppError::Internal(format!(
            "a static file could not be served ({status})"
        )));
    }
    let mut res = res.map(Body::new);
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let policy = if fingerprinted {
            CachePolicy::Immutable
        } else {
            CachePolicy::ShortAsset
        };
        policy.ask(&mut res);
    }
    Ok(res)
}

/// A `Range` value this server understands: `bytes=` and a list of byte
/// ranges (`0-99`, `100-`, `-50`), each first position at most its last.
fn valid_byte_ranges(value: &str) -> bool {
    let Some((unit, set)) = value.split_once('=') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    unit.trim().eq_ignore_ascii_case("bytes")
        && set.split(',').all(|spec| {
            let Some((first, last)) = spec.trim().split_once('-') else {
                return false;
            };
            match (first.parse::<u64>(), last.parse::<u64>()) {
                _ if !(digits(first) || first.is_empty()) || !(digits(last) || last.is_empty()) => {
                    false
                }
                (Ok(a), Ok(b)) => a <= b,
                (Ok(_), Err(_)) => last.is_empty(),
                (Err(_), Ok(_)) => first.is_empty(),
                (Err(_), Err(_)) => false,
            }
        })
}

/// Does `If-Range` name the file as it is now? An entity tag matches
/// the `ETag` strongly (a weak one never does); a date matches
/// `Last-Modified` exactly.
fn if_range_matches(if_range: &axum::http::HeaderValue, current: &HeaderMap) -> bool {
    let given = if_range.as_bytes().trim_ascii();
    let header = if given.starts_with(b"\"") {
        header::ETAG
    } else if given.starts_with(b"W/") {
        return false;
    } else {
        header::LAST_MODIFIED
    };
    current
        .get(header)
        .is_some_and(|v| v.as_bytes().trim_ascii() == given && !v.as_bytes().starts_with(b"W/"))
}

#[cfg(test)]
mod tests {
    use super::valid_byte_ranges;

    #[test]
    fn only_byte_ranges_are_understood() {
        for ok in [
            "bytes=0-99",
            "bytes=100-",
            "bytes=-50",
            "BYTES=0-0, 5-9",
            "bytes=0-99999999",
        ] {
            assert!(valid_byte_ranges(ok), "{ok}");
        }
        for bad in [
            "items=0-5",
            "bytes",
            "bytes=",
            "bytes=abc",
            "bytes=5-1",
            "bytes=-",
            "bytes=1-2-3",
            "bytes=+1-2",
            "bytes=0-5,",
            "bytes=99999999999999999999-",
        ] {
            assert!(!valid_byte_ranges(bad), "{bad}");
        }
    }
}

//! `Cache-Control`, decided in one place. A response says which
//! [`CachePolicy`] it asks for by carrying it (see [`CachePolicy::ask`]);
//! [`settle`] then sets the header from the status and that policy,
//! replacing any `Cache-Control` set before it. The HTTP layer calls
//! `settle` on every answer it gives, so a handler cannot bypass it: an
//! error is never kept, and an answer that asks for nothing is not kept
//! either.

use axum::http::{HeaderValue, Response, StatusCode, header};

/// How long clients and caches may keep a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// HTML pages: fresh for five minutes, then served stale while a cache
    /// revalidates (cheap: ETags make that a 304).
    Page,
    /// Fingerprinted assets and share images: the name changes when the
    /// bytes do, so keep them for a year.
    Immutable,
    /// Unfingerprinted asset names: short, like pages.
    ShortAsset,
    /// Per-request pages (search results): never stored as static pages.
    Dynamic,
    /// Errors: not cached, so a fix shows at once.
    NoStore,
}

impl CachePolicy {
    /// The `Cache-Control` value of this policy.
    pub fn value(self) -> &'static str {
        match self {
            CachePolicy::Page => "public, max-age=300, stale-while-revalidate=86400",
            CachePolicy::Immutable => "public, max-age=31536000, immutable",
            CachePolicy::ShortAsset => "public, max-age=300",
            CachePolicy::Dynamic => "no-cache",
            CachePolicy::NoStore => "no-store",
        }
    }

    /// Ask for this policy on `res`; [`settle`] decides.
    pub fn ask<B>(self, res: &mut Response<B>) {
        res.extensions_mut().insert(self);
    }

    /// The policy an answer with `status` gets when it asks for `asked`:
    /// errors are never kept, and neither is an answer that asks nothing.
    pub fn decide(status: StatusCode, asked: Option<CachePolicy>) -> CachePolicy {
        if status.is_client_error() || status.is_server_error() {
            CachePolicy::NoStore
        } else {
            asked.unwrap_or(CachePolicy::NoStore)
        }
    }

    /// The `Cache-Control` value of an answer with `status` that asked for
    /// `asked` (see [`CachePolicy::decide`]).
    pub fn header_for(status: StatusCode, asked: Option<CachePolicy>) -> HeaderValue {
        HeaderValue::from_static(Self::decide(status, asked).value())
    }
}

/// Set `res`'s `Cache-Control` from its status and the policy it asked
/// for, replacing whatever was set before.
pub fn settle<B>(res: &mut Response<B>) {
    let asked = res.extensions_mut().remove::<CachePolicy>();
    let value = CachePolicy::header_for(res.status(), asked);
    res.headers_mut().insert(header::CACHE_CONTROL, value);
}

#[cfg(test)]
mod tests {
    use super::{CachePolicy, settle};
    use axum::http::{HeaderValue, Response, StatusCode, header};

    fn settled(
        status: StatusCode,
        asked: Option<CachePolicy>,
        preset: Option<&'static str>,
    ) -> String {
        let mut res = Response::new(());
        *res.status_mut() = status;
        if let Some(v) = preset {
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(v));
        }
        if let Some(p) = asked {
            p.ask(&mut res);
        }
        settle(&mut res);
        assert_eq!(
            res.headers().get_all(header::CACHE_CONTROL).iter().count(),
            1
        );
        res.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn the_asked_policy_is_set_and_a_header_set_elsewhere_is_replaced() {
        assert_eq!(
            settled(
                StatusCode::OK,
                Some(CachePolicy::Immutable),
                Some("public, max-age=1")
            ),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(
            settled(StatusCode::NOT_MODIFIED, Some(CachePolicy::Page), None),
            CachePolicy::Page.value()
        );
        assert_eq!(
            settled(StatusCode::MOVED_PERMANENTLY, Some(CachePolicy::Page), None),
            CachePolicy::Page.value()
        );
    }

    #[test]
    fn errors_and_answers_that_ask_nothing_are_never_kept() {
        assert_eq!(
            settled(StatusCode::OK, None, Some("public, max-age=9")),
            "no-store"
        );
        for status in [StatusCode::NOT_FOUND, StatusCode::INTERNAL_SERVER_ERROR] {
            assert_eq!(
                settled(status, Some(CachePolicy::Immutable), None),
                "no-store"
            );
        }
    }
}

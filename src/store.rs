//! Rendered pages held in memory: body, strong ETag, and gzip and brotli
//! bodies compressed once at load. Serving a page is a lookup and a choice
//! of encoding, never a render or a compression.

use crate::util::compress::{brotli_at, gzip};
use crate::util::hash::hash_hex;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use bytes::Bytes;
use std::collections::HashMap;

/// How long clients and caches may keep a response. One place decides the
/// headers for every kind of response.
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
    pub fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            CachePolicy::Page => "public, max-age=300, stale-while-revalidate=86400",
            CachePolicy::Immutable => "public, max-age=31536000, immutable",
            CachePolicy::ShortAsset => "public, max-age=300",
            CachePolicy::Dynamic => "no-cache",
            CachePolicy::NoStore => "no-store",
        })
    }
}

/// Content encodings we store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    pub fn header(self) -> Option<HeaderValue> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
        }
    }

    /// Suffix of the ETag for this encoding: each representation has its own
    /// strong validator.
    fn etag_suffix(self) -> &'static str {
        match self {
            Encoding::Identity => "",
            Encoding::Gzip => "-gz",
            Encoding::Brotli => "-br",
        }
    }
}

/// Pick the best encoding the client accepts, honouring q-values
/// (`gzip;q=0` refuses gzip; `*` covers the rest; identity is acceptable
/// unless refused).
pub fn negotiate(headers: &HeaderMap) -> Encoding {
    let Some(value) = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return Encoding::Identity;
    };
    let mut br = None;
    let mut gzip = None;
    let mut star = None;
    for part in value.split(',') {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim().to_ascii_lowercase();
        let mut q = 1.0f32;
        for param in it {
            let param = param.trim();
            if param.len() > 2 && param[..2].eq_ignore_ascii_case("q=") {
                q = param[2..].trim().parse().unwrap_or(0.0);
            }
        }
        match name.as_str() {
            "br" => br = Some(q),
            "gzip" | "x-gzip" => gzip = Some(q),
            "*" => star = Some(q),
            _ => {}
        }
    }
    let br = br.or(star).unwrap_or(0.0);
    let gzip = gzip.or(star).unwrap_or(0.0);
    if br > 0.0 && br >= gzip {
        Encoding::Brotli
    } else if gzip > 0.0 {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// What a stored response is, for the router.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The same bytes for every request.
    Static,
    /// A page that shows a self-check (edition, pathway and section
    /// index): with answers in the query string, the result is rendered
    /// per request.
    SelfCheck(usize, usize, usize),
}

/// One stored response.
#[derive(Debug, Clone)]
pub struct Stored {
    pub status: StatusCode,
    pub content_type: &'static str,
    pub cache: CachePolicy,
    pub body: Bytes,
    pub gzip: Bytes,
    pub br: Bytes,
    /// Strong ETag of the identity body, quoted.
    pub etag: String,
    pub kind: Kind,
}

impl Stored {
    /// A page; its compressed bodies are made by [`Stored::compress`] (the
    /// store does that for all pages at once, on every core).
    pub fn new(
        status: StatusCode,
        content_type: &'static str,
        cache: CachePolicy,
        body: Vec<u8>,
    ) -> Self {
        let etag = format!("\"{}\"", hash_hex(&body));
        Self {
            status,
            content_type,
            cache,
            body: Bytes::from(body),
            gzip: Bytes::new(),
            br: Bytes::new(),
            etag,
            kind: Kind::Static,
        }
    }

    /// Make the gzip and brotli bodies (once, at load).
    pub fn compress(&mut self) {
        self.compress_at(11);
    }

    fn compress_at(&mut self, quality: i32) {
        if compressible(self.content_type) && self.br.is_empty() {
            self.gzip = Bytes::from(gzip(&self.body));
            self.br = Bytes::from(brotli_at(&self.body, quality));
        }
    }

    /// The body and ETag for an encoding (falls back to identity when the
    /// type is not compressed).
    pub fn variant(&self, enc: Encoding) -> (Encoding, &Bytes, String) {
        let (enc, bytes) = match enc {
            Encoding::Brotli if !self.br.is_empty() => (enc, &self.br),
            Encoding::Gzip if !self.gzip.is_empty() => (enc, &self.gzip),
            _ => (Encoding::Identity, &self.body),
        };
        let etag = format!("{}{}\"", self.etag.trim_end_matches('"'), enc.etag_suffix());
        (enc, bytes, etag)
    }
}

fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("application/json")
        || content_type.starts_with("image/svg")
}

/// A response made on first use and then kept (share images: drawing them
/// all would slow startup on big sites, so a background thread draws them
/// right after load and a request that comes first draws its own).
pub struct Lazy {
    make: Box<dyn Fn() -> Stored + Send + Sync>,
    page: std::sync::OnceLock<Stored>,
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lazy")
            .field("ready", &self.page.get().is_some())
            .finish()
    }
}

impl Lazy {
    pub fn new(make: impl Fn() -> Stored + Send + Sync + 'static) -> Self {
        Self {
            make: Box::new(make),
            page: std::sync::OnceLock::new(),
        }
    }

    fn get(&self) -> &Stored {
        self.page.get_or_init(|| {
            let mut page = (self.make)();
            page.compress();
            page
        })
    }
}

/// All stored responses by path.
#[derive(Debug, Default)]
pub struct Store {
    pages: HashMap<String, Stored>,
    /// Lowercased path → path, for redirects that fix letter case.
    lower: HashMap<String, String>,
    lazy: HashMap<String, Lazy>,
}

impl Store {
    pub fn insert(&mut self, path: impl Into<String>, page: Stored) {
        let path = path.into();
        self.lower.insert(path.to_ascii_lowercase(), path.clone());
        self.pages.insert(path, page);
    }

    pub fn insert_lazy(&mut self, path: impl Into<String>, lazy: Lazy) {
        self.lazy.insert(path.into(), lazy);
    }

    pub fn get(&self, path: &str) -> Option<&Stored> {
        self.pages
            .get(path)
            .or_else(|| self.lazy.get(path).map(Lazy::get))
    }

    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.pages.keys().chain(self.lazy.keys())
    }

    pub fn len(&self) -> usize {
        self.pages.len() + self.lazy.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.lazy.is_empty()
    }

    /// Compress every page, spread over the machine's cores. Brotli quality
    /// 10 is nearly as small as 11 at well under half the time, which keeps
    /// startup (and every reload) short; past 4 MB of pages, quality 5 keeps a
    /// big site's startup in seconds.
    pub fn compress_all(&mut self) {
        let bytes: usize = self.pages.values().map(|p| p.body.len()).sum();
        let quality = if bytes > 4 * 1024 * 1024 { 5 } else { 10 };
        let mut pages: Vec<&mut Stored> = self.pages.values_mut().collect();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = pages.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            for part in pages.chunks_mut(chunk) {
                scope.spawn(move || part.iter_mut().for_each(|p| p.compress_at(quality)));
            }
        });
    }

    /// Make one lazy response now (`check` draws one share image to prove
    /// the font and template work).
    pub fn warm_one(&self) {
        if let Some(lazy) = self.lazy.values().next() {
            lazy.get();
        }
    }

    /// Make every lazy response now (run on a background thread after load).
    pub fn warm(&self) {
        for lazy in self.lazy.values() {
            lazy.get();
        }
    }

    /// The stored path that equals `path` ignoring ASCII case (one lookup).
    pub fn find_case_insensitive(&self, path: &str) -> Option<&str> {
        self.lower
            .get(&path.to_ascii_lowercase())
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn negotiation_honours_q_values_and_refusals() {
        assert_eq!(negotiate(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(negotiate(&accept("gzip, deflate, br")), Encoding::Brotli);
        assert_eq!(negotiate(&accept("gzip")), Encoding::Gzip);
        assert_eq!(negotiate(&accept("br;q=0.5, gzip;q=0.8")), Encoding::Gzip);
        assert_eq!(negotiate(&accept("br;q=0, gzip;q=0")), Encoding::Identity);
        assert_eq!(negotiate(&accept("identity")), Encoding::Identity);
        assert_eq!(negotiate(&accept("*")), Encoding::Brotli);
        assert_eq!(negotiate(&accept("*;q=0")), Encoding::Identity);
        assert_eq!(negotiate(&accept("garbage;;q=x,,")), Encoding::Identity);
        assert_eq!(negotiate(&accept("br;Q=0, gzip")), Encoding::Gzip);
        assert_eq!(negotiate(&accept("GZIP;Q=0.5, br;q=0.1")), Encoding::Gzip);
    }

    #[test]
    fn compressed_bodies_decode_to_the_original() {
        let body = b"<p>hello hello hello hello</p>".repeat(20);
        let mut page = Stored::new(
            StatusCode::OK,
            "text/html; charset=utf-8",
            CachePolicy::Page,
            body.clone(),
        );
        page.compress();
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &page.br[..], &mut out).unwrap();
        assert_eq!(out, body);
        assert!(page.gzip.len() < body.len());
        let (_, _, etag_br) = page.variant(Encoding::Brotli);
        let (_, _, etag_id) = page.variant(Encoding::Identity);
        assert_ne!(etag_br, etag_id);
    }
}

//! Rendered pages held in memory, each as its gzip body (the encoding most
//! requests take) with a strong ETag made at load. The plain body is
//! derived from the gzip one when a client takes no compression; the
//! brotli body is made off the request path the first time a client asks
//! for it (or, on a small site, for every page right after start) and then
//! kept. Serving a page is a lookup and a choice of encoding, never a
//! render. Share images are drawn on first request and kept in a cache of
//! bounded size.

mod cache;
mod encoding;
mod head;
mod made;

pub use cache::{CachePolicy, settle};
pub use encoding::{Accepts, Encoding, accepts};
pub use head::HeadBudget;
pub use made::Lazy;

use crate::util::compress::{brotli_at, gunzip, gzip};
use crate::util::hash::hash64;
use axum::http::{HeaderValue, StatusCode};
use bytes::Bytes;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};

/// Brotli quality of stored pages: made once per page, off the request
/// path, so the smallest output is worth its time (about 17 ms for a
/// 17 KB page).
const BROTLI_QUALITY: i32 = 11;

/// A site whose gzip bodies total less than this gets all its brotli
/// bodies made right after start; a bigger one makes each on demand.
const WARM_ALL_BELOW: usize = 8 * 1024 * 1024;

/// What a stored response is, for the router.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The same bytes for every request.
    Static,
    /// A page that shows a self-check (edition, pathway and section
    /// index): with answers in the query string, the result is rendered
    /// per request.
    SelfCheck(usize, usize, usize),
    /// A pay-by-state page (edition and pathway index): `?state=<name>`
    /// (its picker's answer) sends the reader to that state's page.
    StatePicker(usize, usize),
}

/// One stored response.
#[derive(Debug)]
pub struct Stored {
    pub status: StatusCode,
    pub content_type: &'static str,
    pub cache: CachePolicy,
    pub kind: Kind,
    /// The gzip body when the type compresses, else the plain body.
    body: Bytes,
    gzipped: bool,
    /// Length of the plain body.
    len: usize,
    /// Hash of the plain body: the ETag.
    hash: u64,
    br: OnceLock<Bytes>,
    br_started: AtomicBool,
    /// The plain body while some response still holds it: every request
    /// for it meanwhile shares that one copy (a client that never reads
    /// its streams cannot make the server unpack a copy per stream), and
    /// it is freed when the last response carrying it is dropped.
    plain: Mutex<Weak<[u8]>>,
    /// The kept header sets of its 200 answers.
    heads: head::Heads,
}

impl Stored {
    /// A response; a compressible body is stored gzip-compressed.
    pub fn new(
        status: StatusCode,
        content_type: &'static str,
        cache: CachePolicy,
        body: Vec<u8>,
    ) -> Self {
        let hash = hash64(&body);
        let len = body.len();
        let gzipped = compressible(content_type) && !body.is_empty();
        let body = if gzipped {
            Bytes::from(gzip(&body))
        } else {
            Bytes::from(body)
        };
        Self {
            status,
            content_type,
            cache,
            kind: Kind::Static,
            body,
            gzipped,
            len,
            hash,
            br: OnceLock::new(),
            br_started: AtomicBool::new(false),
            plain: Mutex::new(Weak::<[u8; 0]>::new()),
            heads: head::Heads::default(),
        }
    }

    /// The headers of a 200 answer in `enc`: kept from an earlier answer,
    /// or made by `make` (and kept while the store's budget lasts).
    pub fn head(
        &self,
        enc: Encoding,
        budget: &HeadBudget,
        make: impl FnOnce() -> axum::http::HeaderMap,
    ) -> axum::http::HeaderMap {
        self.heads.get(enc, budget, make)
    }

    /// The plain body (decompressed from the stored gzip body). Requests
    /// made while an earlier answer is still in flight share its copy.
    pub fn identity(&self) -> Bytes {
        if !self.gzipped {
            return self.body.clone();
        }
        let mut held = self.plain.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(plain) = held.upgrade() {
            return Bytes::from_owner(plain);
        }
        // The bytes were compressed here, so they decompress.
        let plain: Arc<[u8]> = gunzip(&self.body).unwrap_or_default().into();
        *held = Arc::downgrade(&plain);
        Bytes::from_owner(plain)
    }

    /// Length of the plain body.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The gzip body, when the type compresses.
    pub fn gzip(&self) -> Option<&Bytes> {
        self.gzipped.then_some(&self.body)
    }

    /// The brotli body, if made yet.
    pub fn brotli(&self) -> Option<&Bytes> {
        self.br.get()
    }

    /// The brotli body, made now if need be (export, warming).
    pub fn brotli_now(&self) -> Option<&Bytes> {
        self.gzipped.then(|| {
            self.br
                .get_or_init(|| Bytes::from(brotli_at(&self.identity(), BROTLI_QUALITY)))
        })
    }

    /// The strong ETag of one encoding of the body (`"<hash><suffix>"`),
    /// written without `format!` (it is on every response).
    pub fn etag_header(&self, enc: Encoding) -> HeaderValue {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut tag = [b'"'; 22];
        for (i, d) in tag[1..17].iter_mut().enumerate() {
            *d = HEX[((self.hash >> (60 - 4 * i)) & 0xf) as usize];
        }
        let suffix = enc.etag_suffix().as_bytes();
        let end = 17 + suffix.len().min(4);
        tag[17..end].copy_from_slice(&suffix[..end - 17]);
        HeaderValue::from_bytes(&tag[..=end]).unwrap_or_else(|_| HeaderValue::from_static("\"\""))
    }

    /// Whether `tag` (from `If-None-Match`, `W/` already removed) names
    /// this body in encoding `enc`, without allocating.
    pub fn etag_is(&self, tag: &str, enc: Encoding) -> bool {
        let Some(inner) = tag.strip_prefix('"').and_then(|t| t.strip_suffix('"')) else {
            return false;
        };
        inner.len() >= 16
            && inner.is_char_boundary(16)
            && u64::from_str_radix(&inner[..16], 16).is_ok_and(|h| h == self.hash)
            && &inner[16..] == enc.etag_suffix()
    }

    /// Start making the brotli body on a blocking thread, if it is not made
    /// or being made, and few are being made (a crawler asking for every
    /// page does not start thousands at once).
    pub fn want_brotli(self: &Arc<Self>) {
        static MAKING: AtomicUsize = AtomicUsize::new(0);
        if !self.gzipped || self.br.get().is_some() || self.br_started.swap(true, Ordering::AcqRel)
        {
            return;
        }
        let limit = std::thread::available_parallelism().map_or(1, |n| n.get());
        let Ok(rt) = tokio::runtime::Handle::try_current() else {
            self.br_started.store(false, Ordering::Release);
            return;
        };
        if MAKING.fetch_add(1, Ordering::AcqRel) >= limit {
            MAKING.fetch_sub(1, Ordering::AcqRel);
            self.br_started.store(false, Ordering::Release);
            return;
        }
        let page = self.clone();
        rt.spawn_blocking(move || {
            page.brotli_now();
            MAKING.fetch_sub(1, Ordering::AcqRel);
        });
    }
}

fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("application/json")
        || content_type.starts_with("image/svg")
}

/// All stored responses by path.
#[derive(Debug, Default)]
pub struct Store {
    pages: HashMap<Box<str>, Arc<Stored>>,
    /// How many more answers' header sets the pages may keep.
    heads: HeadBudget,
    /// Lowercased path → path, for redirects that fix letter case.
    lower: HashMap<Box<str>, Box<str>>,
    lazy: HashMap<Box<str>, Lazy>,
    made: made::Cache,
}

impl Store {
    pub fn insert(&mut self, path: impl Into<String>, page: Stored) {
        let path: Box<str> = path.into().into_boxed_str();
        self.lower
            .insert(path.to_ascii_lowercase().into_boxed_str(), path.clone());
        self.pages.insert(path, Arc::new(page));
    }

    pub fn insert_lazy(&mut self, path: impl Into<String>, lazy: Lazy) {
        self.lazy.insert(path.into().into_boxed_str(), lazy);
    }

    /// The budget of kept header sets (see [`Stored::head`]).
    pub fn head_budget(&self) -> &HeadBudget {
        &self.heads
    }

    /// A stored page (not a lazy response).
    pub fn page(&self, path: &str) -> Option<&Arc<Stored>> {
        self.pages.get(path)
    }

    /// A response ready to send: a page, or a lazy one already made.
    pub fn get(&self, path: &str) -> Option<Arc<Stored>> {
        match self.pages.get(path) {
            Some(p) => Some(p.clone()),
            None => self.made.get(path),
        }
    }

    /// Whether `path` has a response (ready, or made on request).
    pub fn contains(&self, path: &str) -> bool {
        self.pages.contains_key(path) || self.lazy.contains_key(path)
    }

    /// The content type and cache policy of the response at `path`.
    pub fn head(&self, path: &str) -> Option<(&'static str, CachePolicy)> {
        match (self.pages.get(path), self.lazy.get(path)) {
            (Some(p), _) => Some((p.content_type, p.cache)),
            (None, Some(l)) => Some((l.content_type, l.cache)),
            (None, None) => None,
        }
    }

    /// Whether `path` is a response made on first request.
    pub fn is_lazy(&self, path: &str) -> bool {
        self.lazy.contains_key(path)
    }

    /// Make the lazy response at `path` (slow: call it off the async
    /// threads) and keep it in the bounded cache.
    pub fn make(&self, path: &str) -> Option<Arc<Stored>> {
        if let Some(p) = self.get(path) {
            return Some(p);
        }
        let lazy = self.lazy.get(path)?;
        let _drawing = lazy.drawing.lock().unwrap_or_else(|p| p.into_inner());
        // Another request may have made it while this one waited.
        if let Some(p) = self.get(path) {
            return Some(p);
        }
        let page = Arc::new(lazy.make());
        self.made.put(path, page.clone());
        Some(page)
    }

    /// Make the response at `path` without keeping it (export).
    pub fn make_once(&self, path: &str) -> Option<Arc<Stored>> {
        self.get(path)
            .or_else(|| self.lazy.get(path).map(|l| Arc::new(l.make())))
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.pages.keys().chain(self.lazy.keys()).map(|p| &**p)
    }

    pub fn len(&self) -> usize {
        self.pages.len() + self.lazy.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.lazy.is_empty()
    }

    /// Bytes of the stored pages: (plain, as stored).
    pub fn bytes(&self) -> (usize, usize) {
        self.pages
            .values()
            .fold((0, 0), |(p, s), page| (p + page.len, s + page.body.len()))
    }

    /// Make one lazy response now (`check` draws one share image to prove
    /// the font and template work).
    pub fn warm_one(&self) {
        if let Some(lazy) = self.lazy.values().next() {
            lazy.make();
        }
    }

    /// On a small site, make every page's brotli body now (run on a
    /// background thread after start), for as long as `still_wanted` says
    /// this site is the one served; a big site makes them on demand.
    /// Returns how many pages it went through (0 on a big site).
    pub fn warm(&self, still_wanted: impl Fn() -> bool) -> usize {
        if self.bytes().1 >= WARM_ALL_BELOW {
            return 0;
        }
        let mut made = 0;
        for page in self.pages.values() {
            // A reload replaced this site: stop spending time on it.
            if !still_wanted() {
                break;
            }
            page.brotli_now();
            made += 1;
        }
        // The encoder's buffers are free now; hand them back.
        crate::util::mem::release_free();
        made
    }

    /// The stored path that equals `path` ignoring ASCII case (one lookup).
    pub fn find_case_insensitive(&self, path: &str) -> Option<&str> {
        self.lower.get(&*path.to_ascii_lowercase()).map(|p| &**p)
    }
}

#[cfg(test)]
mod tests;

//! Responses made on first request (share images: drawing them all would
//! slow startup and hold hundreds of megabytes on a big site), kept in a
//! cache of bounded size, oldest first out.

use super::Stored;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

/// Bytes of made responses kept at most.
const BUDGET: usize = 16 * 1024 * 1024;

/// How to make one response, and what it will be.
pub struct Lazy {
    pub content_type: &'static str,
    pub cache: super::CachePolicy,
    make: Box<dyn Fn() -> Stored + Send + Sync>,
    /// Held while drawing: requests for the same image at once wait for
    /// the first drawing and take it from the cache, instead of each
    /// drawing it again.
    pub(super) drawing: Mutex<()>,
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lazy")
    }
}

impl Lazy {
    pub fn new(
        content_type: &'static str,
        cache: super::CachePolicy,
        make: impl Fn() -> Stored + Send + Sync + 'static,
    ) -> Self {
        Self {
            content_type,
            cache,
            make: Box::new(make),
            drawing: Mutex::new(()),
        }
    }

    pub(super) fn make(&self) -> Stored {
        (self.make)()
    }
}

/// Made responses, by path, within [`BUDGET`].
#[derive(Debug, Default)]
pub(super) struct Cache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    by_path: HashMap<Box<str>, Arc<Stored>>,
    order: VecDeque<Box<str>>,
    bytes: usize,
}

impl Cache {
    pub(super) fn get(&self, path: &str) -> Option<Arc<Stored>> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.by_path.get(path).cloned()
    }

    pub(super) fn put(&self, path: &str, page: Arc<Stored>) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.by_path.contains_key(path) {
            return;
        }
        inner.bytes += page.body.len();
        inner.by_path.insert(path.into(), page);
        inner.order.push_back(path.into());
        while inner.bytes > BUDGET && inner.order.len() > 1 {
            let Some(old) = inner.order.pop_front() else {
                break;
            };
            if let Some(p) = inner.by_path.remove(&old) {
                inner.bytes -= p.body.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::CachePolicy;
    use axum::http::StatusCode;

    #[test]
    fn the_cache_keeps_to_its_budget_dropping_the_oldest() {
        let cache = Cache::default();
        let big = || {
            Arc::new(Stored::new(
                StatusCode::OK,
                "image/png",
                CachePolicy::Immutable,
                vec![0; BUDGET / 3],
            ))
        };
        for i in 0..5 {
            cache.put(&format!("/{i}"), big());
        }
        assert!(cache.get("/0").is_none() && cache.get("/1").is_none());
        assert!(cache.get("/2").is_some() && cache.get("/4").is_some());
        let inner = cache.inner.lock().unwrap();
        assert!(inner.bytes <= BUDGET);
    }
}

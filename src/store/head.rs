//! The header set of a stored page's 200 answer in each encoding, kept once
//! made: answering is then one copy of it, with nothing formatted, hashed
//! or inserted per request. Each store keeps at most [`MAX_HEADS`] of them
//! (about 1.5 KB each), made for the pages asked for first; past that, an
//! answer's headers are made for it as before, so a catalogue-sized site
//! does not grow by a header set per page.

use super::Encoding;
use axum::http::HeaderMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many header sets one store keeps at most.
const MAX_HEADS: usize = 4096;

/// The header sets a store may still keep.
#[derive(Debug)]
pub struct HeadBudget(AtomicUsize);

impl Default for HeadBudget {
    fn default() -> Self {
        Self(AtomicUsize::new(MAX_HEADS))
    }
}

impl HeadBudget {
    /// Take one from the budget, if any is left.
    fn take(&self) -> bool {
        self.0
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok()
    }

    /// How many are left (tests).
    #[cfg(test)]
    pub(crate) fn left(&self) -> usize {
        self.0.load(Ordering::Acquire)
    }

    /// A budget of `n` (tests).
    #[cfg(test)]
    pub(crate) fn of(n: usize) -> Self {
        Self(AtomicUsize::new(n))
    }
}

/// One page's kept header sets, one per encoding.
#[derive(Debug, Default)]
pub(super) struct Heads([OnceLock<Box<HeaderMap>>; 3]);

impl Heads {
    /// The header set for `enc`: the kept one, or `make`'s (kept if the
    /// budget allows).
    pub(super) fn get(
        &self,
        enc: Encoding,
        budget: &HeadBudget,
        make: impl FnOnce() -> HeaderMap,
    ) -> HeaderMap {
        let cell = &self.0[enc as usize];
        if let Some(h) = cell.get() {
            return (**h).clone();
        }
        let h = make();
        if budget.take() && cell.set(Box::new(h.clone())).is_err() {
            // Another request kept one first: give the unit back.
            budget.0.fetch_add(1, Ordering::AcqRel);
        }
        h
    }
}

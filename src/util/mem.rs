//! Handing memory back to the system after a load.
//!
//! Loading renders and compresses every page on every core; the temporary
//! strings and buffers are freed as it goes, and the allocator (mimalloc,
//! set in `main.rs`) keeps freed pages for a while in case they are wanted
//! again. That is the right trade while loading (measured on 1,000
//! pathways: returning each page at once cost 0.4 s of a 3.5 s load), and
//! the wrong one once the load is done: nothing will want them soon.

/// Return every page the allocator holds free to the system now.
///
/// This is the one place the crate uses `unsafe`: a call into the C
/// allocator the binary already runs on.
#[allow(unsafe_code)]
pub fn release_free() {
    // SAFETY: `mi_collect` takes no pointers and has no preconditions: it
    // walks mimalloc's own bookkeeping and may be called from any thread at
    // any time. In a binary on another allocator it finds nothing to free.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

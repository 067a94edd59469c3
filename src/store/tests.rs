//! Stored responses: made once, every encoding decodes to the page, plain bodies shared while in flight, ETags per encoding, images kept plain.

use super::*;

fn etag(p: &Stored, enc: Encoding) -> String {
    p.etag_header(enc).to_str().unwrap().to_string()
}

fn page(body: &[u8]) -> Stored {
    Stored::new(
        StatusCode::OK,
        "text/html; charset=utf-8",
        CachePolicy::Page,
        body.to_vec(),
    )
}

#[test]
fn a_response_asked_for_by_many_at_once_is_made_once() {
    use std::sync::atomic::AtomicUsize;
    let made = Arc::new(AtomicUsize::new(0));
    let mut store = Store::default();
    let count = made.clone();
    store.insert_lazy(
        "/og/x.png",
        Lazy::new("image/png", CachePolicy::Immutable, move || {
            count.fetch_add(1, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(50));
            Stored::new(
                StatusCode::OK,
                "image/png",
                CachePolicy::Immutable,
                vec![1; 10],
            )
        }),
    );
    std::thread::scope(|s| {
        for _ in 0..6 {
            s.spawn(|| assert!(store.make("/og/x.png").is_some()));
        }
    });
    assert_eq!(made.load(Ordering::SeqCst), 1);
}

#[test]
fn every_encoding_decodes_to_the_original() {
    let body = b"<p>hello hello hello hello</p>".repeat(20);
    let p = page(&body);
    assert_eq!(p.identity(), body);
    assert_eq!(p.len(), body.len());
    assert!(p.gzip().unwrap().len() < body.len());
    assert!(p.brotli().is_none(), "brotli is made on demand");
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &p.brotli_now().unwrap()[..], &mut out).unwrap();
    assert_eq!(out, body);
    assert_ne!(etag(&p, Encoding::Brotli), etag(&p, Encoding::Identity));
}

#[test]
fn plain_bodies_in_flight_share_one_copy_and_go_when_dropped() {
    let body = b"<p>plain plain plain</p>".repeat(50);
    let p = page(&body);
    let first = p.identity();
    let copies: Vec<Bytes> = (0..200).map(|_| p.identity()).collect();
    for c in &copies {
        assert_eq!(c.as_ptr(), first.as_ptr(), "one unpacked copy for all");
    }
    drop((first, copies));
    assert!(
        p.plain.lock().unwrap().upgrade().is_none(),
        "freed after use"
    );
    assert_eq!(p.identity(), body);
}

#[test]
fn etags_match_only_their_own_encoding() {
    let p = page(b"<p>x</p>");
    for enc in [Encoding::Identity, Encoding::Gzip, Encoding::Brotli] {
        let tag = etag(&p, enc);
        assert!(p.etag_is(&tag, enc), "{tag}");
        assert!(!p.etag_is(&tag, Encoding::Gzip) || enc == Encoding::Gzip);
    }
    assert!(!p.etag_is("\"nope\"", Encoding::Identity));
    assert!(!p.etag_is("\"é\u{301}\"", Encoding::Identity));
    assert!(!page(b"other").etag_is(&etag(&p, Encoding::Gzip), Encoding::Gzip));
}

#[test]
fn images_are_not_compressed() {
    let png = Stored::new(
        StatusCode::OK,
        "image/png",
        CachePolicy::Immutable,
        vec![1, 2, 3],
    );
    assert!(png.gzip().is_none() && png.brotli_now().is_none());
    assert_eq!(png.identity(), vec![1, 2, 3]);
}

/// A page keeps the headers of its answer in an encoding while the store's
/// budget lasts; past it, every answer makes its own (and loses nothing).
#[test]
fn header_sets_are_kept_within_the_budget_and_made_past_it() {
    use super::{Encoding, HeadBudget};
    use axum::http::{HeaderMap, HeaderValue, header};
    let page = Stored::new(
        StatusCode::OK,
        "text/html; charset=utf-8",
        CachePolicy::Page,
        b"<p>hello</p>".repeat(20),
    );
    let budget = HeadBudget::of(1);
    let made = std::cell::Cell::new(0);
    let make = |tag: &'static str| {
        made.set(made.get() + 1);
        let mut h = HeaderMap::new();
        h.insert(header::ETAG, HeaderValue::from_static(tag));
        h
    };
    let first = page.head(Encoding::Gzip, &budget, || make("\"gz\""));
    let again = page.head(Encoding::Gzip, &budget, || make("\"other\""));
    assert_eq!(made.get(), 1, "the gzip headers were kept");
    assert_eq!(first, again);
    assert_eq!(budget.left(), 0);
    // The budget is spent: the plain answer's headers are made each time.
    for _ in 0..2 {
        let h = page.head(Encoding::Identity, &budget, || make("\"plain\""));
        assert_eq!(h.get(header::ETAG).unwrap(), "\"plain\"");
    }
    assert_eq!(made.get(), 3);
}

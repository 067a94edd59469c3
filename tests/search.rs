//! Search: relevance on the real HIM content, safe snippets, links that
//! land on real anchors, and calm answers to hostile or odd input.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt as _;
use pathways::AppState;
use scraper::{Html, Selector};
use std::path::Path;
use std::sync::OnceLock;
use tower::ServiceExt as _;

fn state() -> &'static AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE.get_or_init(|| {
        let loaded = pathways::state::build(Path::new("content"), Path::new("static"), None)
            .unwrap_or_else(|e| panic!("content should load: {e}"));
        AppState::new(loaded)
    })
}

#[test]
#[ignore]
fn dump() {
    let loaded = state().current();
    for q in std::env::var("QS").unwrap_or_default().split('|') {
        let r = loaded.search.search(q, 1);
        println!("== {q} ({})", r.total);
        for h in r.hits.iter().take(5) {
            println!(
                "   {} [{}] {} -- {}",
                h.url,
                h.kind.label(),
                h.title,
                h.snippet
            );
        }
    }
}

//! Search: relevance on the sample HIM content, safe snippets with `<mark>`,
//! links that land on real anchors, and calm answers to hostile or odd
//! input. This root holds the helpers that ask for a search and read its
//! results; the cases are in its modules, by what they check.

mod answers;
mod input;
mod relevance;
mod responses;
mod results;

use crate::helpers::*;
use scraper::Html;

fn state() -> pathways::AppState {
    sample_state()
}

fn search_uri(q: &str) -> String {
    let enc: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    format!("/search?q={enc}")
}

/// The result links of a search page, in order.
fn result_links(html: &Html) -> Vec<String> {
    html.select(&sel("ol.results .result-title a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

//! The `/search` page: the form, a page of results, the no-results help,
//! or examples for an empty query. Rendered per request, never stored.

use super::{Chrome, Meta};
use crate::content::Site;
use crate::search::Results;
use askama::Template;

/// Example searches shown for an empty query.
pub const EXAMPLES: [&str; 5] = [
    "coder salary",
    "rhit exam",
    "cerification",
    "how much do they make",
    "29-2072",
];

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    /// The query as searched (cut to 200 characters), for the form.
    q: &'a str,
    results: &'a Results,
    count_text: String,
    examples: Vec<(String, String)>,
    /// Each pathway's title and its section links, for the no-results page.
    browse: Vec<(String, Vec<(String, String)>)>,
    prev_href: Option<String>,
    next_href: Option<String>,
    first_href: String,
}

/// `/search?q=…&page=…` for a query and page.
pub fn href(q: &str, page: usize) -> String {
    let enc: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    if page > 1 {
        format!("/search?q={enc}&page={page}")
    } else {
        format!("/search?q={enc}")
    }
}

/// Render the search page for some results.
pub fn render(site: &Site, chrome: &Chrome, results: &Results) -> Result<String, askama::Error> {
    let q = results.query.as_str();
    let title = if q.is_empty() {
        "Search".to_string()
    } else {
        format!("Search: {q}")
    };
    let mut meta = Meta::new(
        site,
        "/search",
        &title,
        "Search every guide, term and resource on this site.",
    );
    meta.noindex = true;
    let count_text = match results.total {
        1 => format!("1 result for “{q}”."),
        n => format!(
            "{} results for “{q}”.",
            crate::content::format_number(n as u64)
        ),
    };
    let browse = if results.total == 0 && !q.is_empty() {
        site.pathways
            .iter()
            .take(5)
            .map(|p| {
                let mut links = vec![(format!("{} overview", p.short_title), p.path())];
                links.extend(
                    p.sections
                        .iter()
                        .map(|s| (s.nav_title.clone(), p.section_path(s))),
                );
                if p.career_map.is_some() {
                    links.push(("Career map".to_string(), format!("{}/career-map", p.path())));
                }
                (p.title.clone(), links)
            })
            .collect()
    } else {
        Vec::new()
    };
    SearchPage {
        meta,
        chrome,
        q,
        results,
        count_text,
        examples: EXAMPLES
            .iter()
            .map(|e| (e.to_string(), href(e, 1)))
            .collect(),
        browse,
        prev_href: results.has_prev().then(|| href(q, results.page - 1)),
        next_href: results.has_next().then(|| href(q, results.page + 1)),
        first_href: href(q, 1),
    }
    .render()
}

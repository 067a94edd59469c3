//! The `/search` page: the form, a page of results, the no-results help,
//! or examples for an empty query. Rendered per request, never stored.

use super::layout::{Chrome, Meta};
use crate::content::Site;
use crate::registry::{self, Page};
use crate::search::{Hit, Results};
use crate::util::text::fill;
use askama::Template;

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    /// The query as searched (cut to 200 characters), for the form.
    q: &'a str,
    results: &'a Results,
    hits: Vec<(&'a Hit, String)>,
    count_text: String,
    none_text: String,
    past_end: String,
    examples: Vec<(String, String)>,
    /// Each pathway's title and its section links, for the no-results page.
    browse: Vec<(String, Vec<(String, String)>)>,
    prev: Option<(String, String)>,
    next: Option<(String, String)>,
    first_href: String,
    offers: &'a [Offer],
    card: Option<super::answer::Card>,
}

/// Another edition's results for a query in its language.
#[derive(Debug, Clone)]
pub struct Offer {
    pub lang: String,
    pub href: String,
    pub text: String,
}

impl Offer {
    /// "Search the Spanish edition for “cuánto gana” (12)": in `site`'s
    /// words, to `other`'s search page.
    pub fn new(site: &Site, other: &Site, q: &str, count: usize) -> Self {
        let u = &site.ui.search;
        let lang = other.ui.lang.clone();
        let language = u
            .language_names
            .split(',')
            .filter_map(|pair| pair.split_once(':'))
            .find(|(code, _)| code.trim() == lang)
            .map_or_else(
                || other.ui.name.clone(),
                |(_, name)| name.trim().to_string(),
            );
        Self {
            href: href(other, q, 1),
            text: fill(
                &u.other_edition,
                &[
                    ("language", &language),
                    ("query", q),
                    ("count", &site.ui.numbers.number(count as u64)),
                ],
            ),
            lang,
        }
    }
}

/// `/search?q=…&page=…` for a query and page.
pub fn href(site: &Site, q: &str, page: usize) -> String {
    let enc: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let base = Page::Search(site).path();
    if page > 1 {
        format!("{base}?q={enc}&page={page}")
    } else {
        format!("{base}?q={enc}")
    }
}

/// Render the search page for some results.
pub fn render(
    site: &Site,
    chrome: &Chrome,
    results: &Results,
    offers: &[Offer],
) -> Result<String, String> {
    let u = &site.ui.search;
    let q = results.query.as_str();
    let title = if q.is_empty() {
        u.title.clone()
    } else {
        fill(&u.title_query, &[("query", q)])
    };
    let mut meta = Meta::new(site, &Page::Search(site).path(), &title, &u.description);
    meta.noindex = true;
    if !q.is_empty() {
        let enc: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
        meta.switch_query = format!("?q={enc}");
    }
    let mut count_text = match results.total {
        1 => fill(&u.one, &[("query", q)]),
        n => fill(
            &u.many,
            &[("count", &site.ui.numbers.number(n as u64)), ("query", q)],
        ),
    };
    if results.pages > 1 {
        count_text.push(' ');
        count_text.push_str(&fill(
            &u.page_of,
            &[
                ("page", &results.page.to_string()),
                ("pages", &results.pages.to_string()),
            ],
        ));
    }
    let browse = if results.total == 0 && !q.is_empty() {
        site.pathways
            .iter()
            .take(5)
            .map(|p| {
                let mut links = vec![(
                    fill(&site.ui.errors.overview, &[("pathway", &p.short_title)]),
                    registry::pathway_path(p),
                )];
                links.extend(chrome.menu(p).iter().cloned());
                (p.title.clone(), links)
            })
            .collect()
    } else {
        Vec::new()
    };
    let page_label = |n: usize| fill(&u.page, &[("page", &n.to_string())]);
    crate::blocks::html(&SearchPage {
        meta,
        chrome,
        q,
        results,
        hits: results.hits.iter().map(|h| (h, h.kind.label(u))).collect(),
        count_text,
        none_text: fill(&u.none, &[("query", q)]),
        past_end: fill(
            &u.past_end,
            &[("requested", &results.requested_page.to_string())],
        ),
        examples: u
            .example_list
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| (e.to_string(), href(site, e, 1)))
            .collect(),
        browse,
        prev: results.has_prev().then(|| {
            (
                href(site, q, results.page - 1),
                page_label(results.page - 1),
            )
        }),
        next: results.has_next().then(|| {
            (
                href(site, q, results.page + 1),
                page_label(results.page + 1),
            )
        }),
        first_href: href(site, q, 1),
        offers,
        card: super::answer::card(site, results),
    })
}

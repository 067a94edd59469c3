//! What every page view needs while rendering: the site, its chrome, its
//! rendered sections; the source list as a page shows it.

use super::docs::Docs;
use super::layout::Chrome;
use crate::blocks::cite::Cited;
use crate::content::{Pathway, Site};
use crate::markdown::Glossary;
use crate::util::text::fill;

/// What rendering needs: the site, its chrome and its rendered sections.
pub(crate) struct Cx<'a> {
    pub(crate) site: &'a Site,
    pub(crate) chrome: &'a Chrome,
    pub(crate) docs: &'a Docs<'a>,
    pub(crate) glossary: &'a Glossary,
}

impl Cx<'_> {
    /// The index of a pathway in the site (`Docs` is keyed by it).
    pub(crate) fn index(&self, p: &Pathway) -> usize {
        self.site.index_of(p)
    }
}

/// A source list entry as a page shows it.
pub(crate) struct SourceView {
    pub(crate) id: String,
    pub(crate) n: usize,
    pub(crate) publisher: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) edition: Option<String>,
    pub(crate) years: String,
    pub(crate) stale: String,
}

/// A page's source list, with the data years and, for a source of old
/// figures, how old they are.
pub(crate) fn sources_view(cx: &Cx<'_>, p: &Pathway, cited: &[Cited<'_>]) -> Vec<SourceView> {
    let ui = &cx.site.ui;
    cited
        .iter()
        .map(|c| SourceView {
            id: c.id.clone(),
            n: c.n,
            publisher: c.source.publisher.clone(),
            title: c.source.title.clone(),
            url: c.source.url.clone(),
            edition: c.source.edition.clone(),
            years: if c.years.is_empty() {
                String::new()
            } else {
                fill(&ui.sources.entry_years, &[("years", &c.years.join(", "))])
            },
            stale: c
                .oldest
                .filter(|&y| crate::content::figures::is_stale(p.last_reviewed.year, y))
                .map(|y| fill(&ui.figures.stale, &[("year", &y.to_string())]))
                .unwrap_or_default(),
        })
        .collect()
}

//! Rendering one page: the HTML of a page of the registry (the site
//! builder, `crate::build`, calls it for every page), and one page by path,
//! for editor mode, where each page carries the "edit rejected" banner.

use super::cx::Cx;
use super::docs;
use super::layout::Chrome;
use super::{pathway, views};
use crate::content::Site;
use crate::markdown::Glossary;
use crate::registry::{self, Page};

/// The HTML of one stored page.
pub(crate) fn page_html(cx: &Cx<'_>, page: Page<'_>) -> Result<String, String> {
    match page {
        Page::Home(_) => views::home(cx),
        Page::Pathways(_) => views::pathways(cx),
        Page::Glossary(_) => views::glossary(cx),
        Page::Resources(_) => views::resources(cx),
        Page::About(_) => views::about(cx),
        Page::NotFound(_) => views::not_found(cx),
        Page::Search(_) => Err("the search page is rendered per request".into()),
        Page::Overview(p) => pathway::overview(cx, p),
        Page::Section(p, i) => pathway::section_page(cx, p, i),
        Page::CareerMap(p) => super::map_page::career_map(cx, p),
        Page::Handout(p) => super::handouts::handout(cx, p),
        Page::PrintAll(p) => super::handouts::print_all(cx, p),
        Page::PayByState(p, o) => super::states::pay_by_state(cx, p, o),
        Page::StatePay(p, o, i) => {
            super::states::state_page(cx, p, o, i, &super::states::national_path(cx, p))
        }
    }
}

/// Render the page at `path` with `chrome` (editor mode), or `None` when
/// no stored page has that path.
pub(crate) fn render_path(site: &Site, chrome: &Chrome, path: &str) -> Option<String> {
    // `chrome` comes from a full build, so it already has the menus.
    let glossary = Glossary::new(&site.glossary);
    let mut diags = Vec::new();
    let docs = docs::render_all(site, &glossary, &mut diags);
    let cx = Cx {
        site,
        chrome,
        docs: &docs,
        glossary: &glossary,
    };
    let page = registry::all(site)
        .into_iter()
        .find(|p| p.stored() && p.path() == path)?;
    page_html(&cx, page).ok()
}

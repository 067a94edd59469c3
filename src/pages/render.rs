//! Rendering: every page of the registry into a new [`Store`], checked
//! (links, anchors, ids) before it may be served; and one page by path,
//! for editor mode, where each page carries the "edit rejected" banner.

use super::check;
use super::cx::Cx;
use super::docs::{self, Docs};
use super::layout::Chrome;
use super::{cards, pathway, views};
use crate::content::Site;
use crate::diag::{Diagnostic, LoadError, Severity, file_error};
use crate::markdown::Glossary;
use crate::registry::{self, Page};
use crate::store::{CachePolicy, Kind, Store, Stored};
use axum::http::StatusCode;

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
    }
}

/// Everything rendered from the site's editions.
#[derive(Debug)]
pub struct Built {
    pub store: Store,
    /// One per edition, in the order of the sites given.
    pub chromes: Vec<Chrome>,
    /// Warnings found while rendering (errors stop the build).
    pub warnings: Vec<Diagnostic>,
}

/// One edition while it renders.
struct Work<'a> {
    site: &'a Site,
    glossary: &'a Glossary,
    docs: Docs<'a>,
}

/// Render and check every page of every edition (the default language
/// first). `index` runs on another thread with each edition's rendered
/// sections (its search index), while the pages render.
pub fn build<R: Send>(
    sites: &[Site],
    assets: &crate::assets::Assets,
    index: impl Fn(&Site, &dyn crate::search::Sections) -> R + Sync,
) -> Result<(Built, Vec<R>), LoadError> {
    let mut diags = Vec::new();
    let glossaries: Vec<Glossary> = sites.iter().map(|s| Glossary::new(&s.glossary)).collect();
    let works: Vec<Work<'_>> = sites
        .iter()
        .zip(&glossaries)
        .map(|(site, glossary)| {
            let docs = docs::render_all(site, glossary, &mut diags);
            check::features(site, &docs, &mut diags);
            check::unused_terms(site, &docs, &mut diags);
            Work {
                site,
                glossary,
                docs,
            }
        })
        .collect();
    if let Some((first, rest)) = works.split_first() {
        for w in rest {
            check::twins(first.site, &first.docs, w.site, &w.docs, &mut diags);
        }
    }
    let editions: Vec<super::layout::Edition> = sites
        .iter()
        .map(|s| super::layout::Edition {
            lang: s.ui.lang.clone(),
            name: s.ui.name.clone(),
            prefix: s.prefix.clone(),
            locale: s.ui.locale.clone(),
        })
        .collect();
    let mut store = Store::default();
    let mut chromes = Vec::new();
    for w in &works {
        let mut chrome = Chrome::new(w.site, assets);
        chrome.editions.clone_from(&editions);
        chrome.other_locales = editions
            .iter()
            .filter(|e| e.prefix != w.site.prefix)
            .map(|e| e.locale.clone())
            .collect();
        cards::add(w.site, &mut chrome, &mut store);
        let cx = Cx {
            site: w.site,
            chrome: &chrome,
            docs: &w.docs,
            glossary: w.glossary,
        };
        let menus = w
            .site
            .pathways
            .iter()
            .map(|p| (p.slug.clone(), pathway::menu_order(&cx, p)))
            .collect();
        chrome.menus = menus;
        chromes.push(chrome);
    }
    let (rendered, indexed) = std::thread::scope(|scope| {
        let works = &works;
        let index = &index;
        let search = scope.spawn(move || {
            works
                .iter()
                .map(|w| index(w.site, &w.docs))
                .collect::<Vec<R>>()
        });
        let mut rendered = Vec::new();
        for (w, chrome) in works.iter().zip(&chromes) {
            let cx = Cx {
                site: w.site,
                chrome,
                docs: &w.docs,
                glossary: w.glossary,
            };
            let mut pages = Vec::new();
            for page in registry::all(w.site) {
                if !page.stored() {
                    continue;
                }
                match page_html(&cx, page) {
                    Ok(html) => pages.push((page, html)),
                    Err(e) => diags.push(file_error(
                        std::path::Path::new("templates"),
                        format!("{}: {e}", page.path()),
                    )),
                }
            }
            rendered.push(pages);
        }
        (rendered, search.join())
    });
    let Ok(indexed) = indexed else {
        return Err(LoadError {
            diagnostics: vec![file_error(
                std::path::Path::new("content"),
                "the search index could not be built",
            )],
        });
    };
    let has_asset = |name: &str| assets.urls().contains_key(name);
    for (w, pages) in works.iter().zip(&rendered) {
        check::rendered(w.site, &w.docs, pages, &has_asset, &mut diags);
    }
    if diags.iter().any(|d| d.severity == Severity::Error) {
        diags.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        diags.dedup();
        return Err(LoadError { diagnostics: diags });
    }
    for (ei, (w, pages)) in works.iter().zip(rendered).enumerate() {
        for (page, html) in pages {
            let (status, cache) = match page {
                Page::NotFound(_) => (StatusCode::NOT_FOUND, CachePolicy::NoStore),
                _ => (StatusCode::OK, CachePolicy::Page),
            };
            let kind = match page {
                Page::Section(p, i) => {
                    let pi = w
                        .site
                        .pathways
                        .iter()
                        .position(|x| std::ptr::eq(x, p))
                        .unwrap_or(0);
                    if w.docs
                        .get(pi, i)
                        .is_some_and(docs::SectionDoc::has_self_check)
                    {
                        Kind::SelfCheck(ei, pi, i)
                    } else {
                        Kind::Static
                    }
                }
                _ => Kind::Static,
            };
            let mut stored =
                Stored::new(status, "text/html; charset=utf-8", cache, html.into_bytes());
            stored.kind = kind;
            store.insert(page.path(), stored);
        }
    }
    store.insert(
        "/sitemap.xml",
        Stored::new(
            StatusCode::OK,
            "application/xml; charset=utf-8",
            CachePolicy::Page,
            super::sitemap::sitemap(sites).into_bytes(),
        ),
    );
    store.insert(
        "/robots.txt",
        Stored::new(
            StatusCode::OK,
            "text/plain; charset=utf-8",
            CachePolicy::Page,
            format!(
                "User-agent: *\nAllow: /\nSitemap: {}\n",
                sites[0].url("/sitemap.xml")
            )
            .into_bytes(),
        ),
    );
    store.compress_all();
    Ok((
        Built {
            store,
            chromes,
            warnings: diags,
        },
        indexed,
    ))
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

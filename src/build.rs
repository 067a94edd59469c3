//! The site builder: every edition's sections rendered once, every page of
//! the registry rendered (by `pages`), compressed and checked (links,
//! anchors, ids, twins) before it may be served, then stored with the
//! share cards, the sitemap and robots.txt; each edition's search index is
//! built on another thread meanwhile. `pages` turns one page into HTML;
//! this module decides what is built and keeps it.

use crate::content::Site;
use crate::diag::{Diagnostic, LoadError, Severity, file_error};
use crate::markdown::Glossary;
use crate::pages::check;
use crate::pages::cx::Cx;
use crate::pages::docs::{self, Docs};
use crate::pages::{self, Chrome, cards, pathway};
use crate::registry::{self, Page};
use crate::store::{CachePolicy, Kind, Store, Stored};
use axum::http::StatusCode;

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
    let t = std::time::Instant::now();
    let mut diags = Vec::new();
    let glossaries: Vec<Glossary> = sites.iter().map(|s| Glossary::new(&s.glossary)).collect();
    let works: Vec<Work<'_>> = sites
        .iter()
        .zip(&glossaries)
        .map(|(site, glossary)| {
            let docs = docs::render_all(site, glossary, &mut diags);
            check::features(site, &docs, &mut diags);
            check::unused_terms(site, &docs, &mut diags);
            check::gives_no(site, &mut diags);
            Work {
                site,
                glossary,
                docs,
            }
        })
        .collect();
    check::aliases(sites, &mut diags);
    tracing::debug!(elapsed = ?t.elapsed(), "sections rendered");
    if let Some((first, rest)) = works.split_first() {
        for w in rest {
            check::twins(first.site, &first.docs, w.site, &w.docs, &mut diags);
        }
    }
    let editions: Vec<pages::layout::Edition> = sites
        .iter()
        .map(|s| pages::layout::Edition {
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
        if registry::states_on_demand(w.site) {
            add_states_on_demand(&cx_parts(w), &chrome, &mut store);
        }
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
        let rendered: Vec<Vec<Done<'_>>> = works
            .iter()
            .zip(&chromes)
            .enumerate()
            .map(|(ei, (w, chrome))| {
                let cx = Cx {
                    site: w.site,
                    chrome,
                    docs: &w.docs,
                    glossary: w.glossary,
                };
                let on_demand = registry::states_on_demand(w.site);
                let pages: Vec<Page<'_>> = registry::all(w.site)
                    .into_iter()
                    .filter(Page::stored)
                    .filter(|pg| !(on_demand && matches!(pg, Page::StatePay(..))))
                    .collect();
                crate::util::par::on_all_cores(&pages, |&page| finish(&cx, w, ei, page))
                    .unwrap_or_else(|panicked| {
                        let page = pages[panicked.index];
                        vec![(page, Err(format!("rendering failed: {}", panicked.message)))]
                    })
            })
            .collect();
        tracing::debug!(elapsed = ?t.elapsed(), "pages rendered and compressed");
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
    let mut ready = Vec::new();
    for (w, pages) in works.iter().zip(rendered) {
        let mut ids = Vec::with_capacity(pages.len());
        for (page, done) in pages {
            match done {
                Ok((stored, page_ids)) => {
                    ids.push((page, page_ids));
                    ready.push((page.path(), stored));
                }
                Err(e) => diags.push(file_error(
                    std::path::Path::new("templates"),
                    format!("{}: {e}", page.path()),
                )),
            }
        }
        check::rendered(w.site, &w.docs, &ids, &has_asset, &mut diags);
    }
    tracing::debug!(elapsed = ?t.elapsed(), "pages checked");
    if diags.iter().any(|d| d.severity == Severity::Error) {
        diags.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        diags.dedup();
        crate::diag::cap_per_file(&mut diags);
        return Err(LoadError { diagnostics: diags });
    }
    for (path, stored) in ready {
        store.insert(path, stored);
    }
    store.insert(
        registry::SITEMAP,
        Stored::new(
            StatusCode::OK,
            "application/xml; charset=utf-8",
            CachePolicy::Page,
            pages::sitemap::sitemap(sites).into_bytes(),
        ),
    );
    store.insert(
        registry::ROBOTS,
        Stored::new(
            StatusCode::OK,
            "text/plain; charset=utf-8",
            CachePolicy::Page,
            format!(
                "User-agent: *\nAllow: /\nSitemap: {}\n",
                sites[0].url(registry::SITEMAP)
            )
            .into_bytes(),
        ),
    );
    tracing::debug!(elapsed = ?t.elapsed(), "pages stored");
    Ok((
        Built {
            store,
            chromes,
            warnings: diags,
        },
        indexed,
    ))
}

/// An edition's parts for [`add_states_on_demand`].
fn cx_parts<'a>(w: &'a Work<'a>) -> (&'a Site, &'a Docs<'a>, &'a Glossary) {
    (w.site, &w.docs, w.glossary)
}

/// Register every state page of an edition to be made on first request
/// (and kept in the store's bounded cache), not rendered now.
fn add_states_on_demand(
    (site, docs, glossary): &(&Site, &Docs<'_>, &Glossary),
    chrome: &Chrome,
    store: &mut Store,
) {
    let cx = Cx {
        site,
        chrome,
        docs,
        glossary,
    };
    let shared = std::sync::Arc::new((Site::clone(site), chrome.clone()));
    for (pi, p) in site.pathways.iter().enumerate() {
        let national = crate::pages::states::national_path(&cx, p);
        for page in registry::pathway_pages(p, site.oews.as_deref()) {
            let Page::StatePay(_, _, area) = page else {
                continue;
            };
            let (shared, national) = (shared.clone(), national.clone());
            store.insert_lazy(
                page.path(),
                crate::store::Lazy::new("text/html; charset=utf-8", CachePolicy::Page, move || {
                    let (site, chrome) = &*shared;
                    match crate::pages::states::state_page_alone(site, chrome, pi, area, &national)
                    {
                        Ok(html) => Stored::new(
                            StatusCode::OK,
                            "text/html; charset=utf-8",
                            CachePolicy::Page,
                            html.into_bytes(),
                        ),
                        Err(e) => {
                            tracing::error!(error = %e, "a state page failed to render");
                            Stored::new(
                                StatusCode::NOT_FOUND,
                                "text/plain; charset=utf-8",
                                CachePolicy::NoStore,
                                Vec::new(),
                            )
                        }
                    }
                }),
            );
        }
    }
}

/// A page rendered, compressed and stored, with the ids its HTML has (for
/// the checks), or why it could not be rendered.
type Done<'a> = (Page<'a>, Result<(Stored, Vec<String>), String>);

/// Render one page, read its ids, and compress it.
fn finish<'a>(cx: &Cx<'_>, w: &Work<'_>, edition: usize, page: Page<'a>) -> Done<'a> {
    let html = match pages::render::page_html(cx, page) {
        Ok(html) => html,
        Err(e) => return (page, Err(e)),
    };
    let ids = crate::util::html::ids(&html)
        .into_iter()
        .map(str::to_string)
        .collect();
    let (status, cache) = match page {
        Page::NotFound(_) => (StatusCode::NOT_FOUND, CachePolicy::NoStore),
        _ => (StatusCode::OK, CachePolicy::Page),
    };
    let mut stored = Stored::new(status, "text/html; charset=utf-8", cache, html.into_bytes());
    if let Page::PayByState(p, _) = page {
        stored.kind = Kind::StatePicker(edition, w.site.index_of(p));
    }
    if let Page::Section(p, i) = page {
        let pi = w.site.index_of(p);
        if w.docs
            .get(pi, i)
            .is_some_and(docs::SectionDoc::has_self_check)
        {
            stored.kind = Kind::SelfCheck(edition, pi, i);
        }
    }
    (page, Ok((stored, ids)))
}

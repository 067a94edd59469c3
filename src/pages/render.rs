//! Rendering: every page of the registry into a new [`Store`], checked
//! (links, anchors, ids) before it may be served; and one page by path,
//! for editor mode, where each page carries the "edit rejected" banner.

use super::check;
use super::docs::{self, Docs};
use super::layout::Chrome;
use super::{cards, pathway, views};
use crate::blocks::cite::Cited;
use crate::content::{Pathway, Site};
use crate::diag::{Diagnostic, LoadError, Severity, file_error};
use crate::markdown::Glossary;
use crate::registry::{self, Page};
use crate::store::{CachePolicy, Kind, Store, Stored};
use crate::util::text::fill;
use axum::http::StatusCode;

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
        self.site
            .pathways
            .iter()
            .position(|x| std::ptr::eq(x, p))
            .unwrap_or(0)
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
                .filter(|y| p.last_reviewed.year - y > crate::blocks::fmt::STALE_YEARS)
                .map(|y| fill(&ui.figures.stale, &[("year", &y.to_string())]))
                .unwrap_or_default(),
        })
        .collect()
}

/// The HTML of one stored page.
pub(crate) fn page_html(cx: &Cx<'_>, page: Page<'_>) -> Result<String, String> {
    match page {
        Page::Home => views::home(cx),
        Page::Pathways => views::pathways(cx),
        Page::Glossary => views::glossary(cx),
        Page::Resources => views::resources(cx),
        Page::About => views::about(cx),
        Page::NotFound => views::not_found(cx),
        Page::Search => Err("the search page is rendered per request".into()),
        Page::Overview(p) => pathway::overview(cx, p),
        Page::Section(p, i) => pathway::section_page(cx, p, i),
        Page::CareerMap(p) => super::map_page::career_map(cx, p),
        Page::Handout(p) => super::handouts::handout(cx, p),
        Page::PrintAll(p) => super::handouts::print_all(cx, p),
    }
}

/// Everything rendered from one site.
#[derive(Debug)]
pub struct Built {
    pub store: Store,
    pub chrome: Chrome,
    /// Warnings found while rendering (errors stop the build).
    pub warnings: Vec<Diagnostic>,
}

/// Render and check every page. `index` runs on another thread with the
/// rendered sections (the search index), while the pages render.
pub fn build<R: Send>(
    site: &Site,
    assets: &crate::assets::Assets,
    index: impl FnOnce(&dyn crate::search::Sections) -> R + Send,
) -> Result<(Built, R), LoadError> {
    let glossary = Glossary::new(&site.glossary);
    let mut diags = Vec::new();
    let docs = docs::render_all(site, &glossary, &mut diags);
    check::features(site, &docs, &mut diags);
    check::unused_terms(site, &docs, &mut diags);
    let mut chrome = Chrome::new(site, assets);
    let mut store = Store::default();
    cards::add(site, &mut chrome, &mut store);
    {
        let cx = Cx {
            site,
            chrome: &chrome,
            docs: &docs,
            glossary: &glossary,
        };
        let menus = site
            .pathways
            .iter()
            .map(|p| (p.slug.clone(), pathway::menu_order(&cx, p)))
            .collect();
        chrome.menus = menus;
    }
    let (rendered, indexed) = std::thread::scope(|scope| {
        let docs = &docs;
        let search = scope.spawn(move || index(docs));
        let cx = Cx {
            site,
            chrome: &chrome,
            docs,
            glossary: &glossary,
        };
        let mut pages = Vec::new();
        for page in registry::all(site) {
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
        (pages, search.join())
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
    check::rendered(site, &docs, &rendered, &has_asset, &mut diags);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        diags.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        return Err(LoadError { diagnostics: diags });
    }
    for (page, html) in rendered {
        let (status, cache) = match page {
            Page::NotFound => (StatusCode::NOT_FOUND, CachePolicy::NoStore),
            _ => (StatusCode::OK, CachePolicy::Page),
        };
        let kind = match page {
            Page::Section(p, i) => {
                let pi = site
                    .pathways
                    .iter()
                    .position(|x| std::ptr::eq(x, p))
                    .unwrap_or(0);
                if docs
                    .get(pi, i)
                    .is_some_and(docs::SectionDoc::has_self_check)
                {
                    Kind::SelfCheck(pi, i)
                } else {
                    Kind::Static
                }
            }
            _ => Kind::Static,
        };
        let mut stored = Stored::new(status, "text/html; charset=utf-8", cache, html.into_bytes());
        stored.kind = kind;
        store.insert(page.path(), stored);
    }
    store.insert(
        "/sitemap.xml",
        Stored::new(
            StatusCode::OK,
            "application/xml; charset=utf-8",
            CachePolicy::Page,
            sitemap(site).into_bytes(),
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
                site.url("/sitemap.xml")
            )
            .into_bytes(),
        ),
    );
    store.compress_all();
    Ok((
        Built {
            store,
            chrome,
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

fn sitemap(site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in registry::all(site).into_iter().filter(|p| p.in_sitemap()) {
        out.push_str("  <url><loc>");
        out.push_str(&crate::util::html::escape(&site.url(&page.path())));
        out.push_str("</loc>");
        if let Some(p) = page.pathway() {
            out.push_str("<lastmod>");
            out.push_str(&p.last_reviewed.iso());
            out.push_str("</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// A QR code of `url` as inline SVG.
pub(crate) fn qr_svg(url: &str, label: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(148, 148)
            .quiet_zone(true)
            .build()
            .replace("<?xml version=\"1.0\" standalone=\"yes\"?>", "")
            .replacen(
                "<svg ",
                &format!(
                    "<svg class=\"qr-code\" role=\"img\" aria-label=\"{}\" ",
                    crate::util::html::escape(label)
                ),
                1,
            ),
        Err(_) => String::new(),
    }
}

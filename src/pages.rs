//! Every page kind as an askama template, and `render_all`, which renders
//! each page that does not depend on the query string into the [`Store`].
//!
//! `svg` draws the career map; `jsonld` builds the structured data;
//! `selfcheck` renders the per-request self-check result.

pub mod jsonld;
pub mod search;
pub mod selfcheck;
mod svg;

use crate::assets::Assets;
use crate::content::figures::{decade, format_percent};
use crate::content::{
    CareerMap, Occupation, Pathway, Resource, ResourceKind, Section, Site, Source, format_money,
    format_number,
};
use crate::store::{CachePolicy, Page, Store};
use askama::Template;
use axum::http::StatusCode;

/// Site-wide parts of every page's layout.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub site_name: String,
    pub locale: String,
    pub css: String,
    pub js: String,
    pub icon: String,
    /// Show the header search box (when search is available).
    pub search: bool,
    /// Link-preview image by page path.
    pub images: std::collections::HashMap<String, Image>,
    /// The site-wide preview image, for pages without their own.
    pub site_image: Option<Image>,
}

impl Chrome {
    pub fn new(site: &Site, assets: &Assets) -> Self {
        Self {
            site_name: site.name.clone(),
            locale: site.locale.clone(),
            css: assets.url("site.css"),
            js: assets.url("site.js"),
            icon: assets.url("icon.svg"),
            search: true,
            images: std::collections::HashMap::new(),
            site_image: None,
        }
    }

    /// The preview image of a page (its own, else the site's).
    pub fn image(&self, path: &str) -> Option<&Image> {
        self.images.get(path).or(self.site_image.as_ref())
    }
}

/// A breadcrumb step.
#[derive(Debug, Clone)]
pub struct Crumb {
    pub label: String,
    pub href: String,
}

/// A link-preview image.
#[derive(Debug, Clone)]
pub struct Image {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// Per-page head data.
#[derive(Debug, Clone)]
pub struct Meta {
    /// The page's path (its canonical URL without the base).
    pub path: String,
    pub title: String,
    pub og_title: String,
    pub description: String,
    pub canonical: String,
    pub og_type: &'static str,
    pub crumbs: Vec<Crumb>,
    pub noindex: bool,
    pub json_ld: String,
    /// Which top navigation item is current.
    pub nav: &'static str,
}

impl Meta {
    pub fn new(site: &Site, path: &str, title: &str, description: &str) -> Self {
        let full_title = if path == "/" {
            format!("{}: {}", site.name, site.tagline)
        } else {
            format!("{title} | {}", site.name)
        };
        Self {
            path: path.to_string(),
            title: full_title,
            og_title: title.to_string(),
            description: description.to_string(),
            canonical: site.url(path),
            og_type: "website",
            crumbs: Vec::new(),
            noindex: false,
            json_ld: String::new(),
            nav: "",
        }
    }

    fn crumbs(mut self, crumbs: Vec<(&str, String)>) -> Self {
        self.crumbs = crumbs
            .into_iter()
            .map(|(label, href)| Crumb {
                label: label.to_string(),
                href,
            })
            .collect();
        self
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    site: &'a Site,
    first: Option<&'a Pathway>,
}

#[derive(Template)]
#[template(path = "pathways.html")]
struct PathwaysPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    site: &'a Site,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    p: &'a Pathway,
    facts: String,
    share: String,
}

#[derive(Template)]
#[template(path = "section.html")]
struct SectionPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    p: &'a Pathway,
    s: &'a Section,
    prev: Option<&'a Section>,
    next: Option<&'a Section>,
    sources: Vec<&'a Source>,
    share: String,
}

#[derive(Template)]
#[template(path = "career_map.html")]
struct CareerMapPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    p: &'a Pathway,
    map: &'a CareerMap,
    svg: String,
    share: String,
}

impl CareerMapPage<'_> {
    fn occupation_name(&self, id: &str) -> String {
        self.p
            .occupation(id)
            .map(|o| format!("{} (SOC {})", o.title, o.soc))
            .unwrap_or_default()
    }

    fn title_name(&self, id: &str) -> String {
        self.map
            .title(id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "print.html")]
struct PrintPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    p: &'a Pathway,
    url: String,
    qr: String,
    facts: String,
    sections: Vec<(&'a Section, String)>,
    sources: Vec<&'a Source>,
}

#[derive(Template)]
#[template(path = "glossary.html")]
struct GlossaryPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    site: &'a Site,
}

#[derive(Template)]
#[template(path = "resources.html")]
struct ResourcesPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    groups: Vec<(ResourceKind, Vec<&'a Resource>)>,
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub meta: Meta,
    pub chrome: &'a Chrome,
    pub heading: String,
    pub message: String,
    pub links: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "quick_facts.html")]
struct QuickFacts<'a> {
    p: &'a Pathway,
    o: &'a Occupation,
    pay: String,
    growth: String,
    decade: String,
    jobs: String,
    source: &'a Source,
    base_pay: String,
    base_year: i32,
}

#[derive(Template)]
#[template(path = "share.html")]
struct Share<'a> {
    key: &'a str,
    url: String,
    title: String,
    subject_enc: String,
    body_enc: String,
    sms_enc: String,
}

/// Percent-encode for a `mailto:`/`sms:` query value.
pub fn encode_component(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The share panel for a page.
pub fn share_panel(site: &Site, path: &str, title: &str, summary: &str) -> String {
    let url = site.url(path);
    let body = format!("{summary}\n\n{url}");
    Share {
        key: "page",
        title: title.to_string(),
        subject_enc: encode_component(&format!("{title} | {}", site.name)),
        body_enc: encode_component(&body),
        sms_enc: encode_component(&format!("{title}: {url}")),
        url,
    }
    .render()
    .unwrap_or_default()
}

fn quick_facts(site: &Site, p: &Pathway) -> String {
    let o = p.key();
    let Some(source) = site.sources.get(&o.median_pay.source) else {
        return String::new();
    };
    QuickFacts {
        p,
        o,
        pay: format_money(o.median_pay.annual),
        growth: format_percent(o.growth.percent),
        decade: decade(o.growth.from, o.growth.to),
        jobs: format_number(u64::from(o.jobs.value)),
        source,
        base_pay: format_money(site.baseline.median_pay.annual),
        base_year: site.baseline.median_pay.year,
    }
    .render()
    .unwrap_or_default()
}

fn html(page: &impl Template) -> Result<Vec<u8>, askama::Error> {
    page.render().map(String::into_bytes)
}

fn page(body: Vec<u8>) -> Page {
    Page::new(
        StatusCode::OK,
        "text/html; charset=utf-8",
        CachePolicy::Page,
        body,
    )
}

/// Paths of every canonical HTML page, in sitemap order, with last-modified dates.
pub fn canonical_pages(site: &Site) -> Vec<(String, Option<String>)> {
    let mut out = vec![
        ("/".to_string(), None),
        ("/pathways".to_string(), None),
        ("/glossary".to_string(), None),
        ("/resources".to_string(), None),
    ];
    for p in &site.pathways {
        let d = Some(p.last_reviewed.iso());
        out.push((p.path(), d.clone()));
        for s in &p.sections {
            out.push((p.section_path(s), d.clone()));
        }
        if p.career_map.is_some() {
            out.push((format!("{}/career-map", p.path()), d.clone()));
        }
        out.push((format!("{}/print", p.path()), d.clone()));
    }
    out
}

/// The 404 page (also stored, so it is precompressed).
pub fn not_found_page(chrome: &Chrome, site: &Site) -> Result<Vec<u8>, askama::Error> {
    let mut meta = Meta::new(site, "/404", "Page not found", "This page does not exist.");
    meta.noindex = true;
    let links = site
        .pathways
        .iter()
        .map(|p| (format!("{} overview", p.title), p.path()))
        .collect();
    html(&ErrorPage {
        meta,
        chrome,
        heading: "We could not find that page".into(),
        message: "The link may be mistyped or out of date. Try a search, or start from one of these pages.".into(),
        links,
    })
}

/// Render every static page and share image into a new store; return it
/// with the chrome (which knows each page's preview image).
pub fn render_all(site: &Site, assets: &Assets) -> Result<(Store, Chrome), askama::Error> {
    let mut chrome = Chrome::new(site, assets);
    let mut store = Store::default();
    for card in crate::share::cards(site) {
        let url_path = card.url_path();
        let image = Image {
            url: site.url(&url_path),
            width: crate::share::WIDTH,
            height: crate::share::HEIGHT,
            alt: card.alt(),
        };
        if card.page.is_empty() {
            chrome.site_image = Some(image);
        } else {
            chrome.images.insert(card.page.clone(), image);
        }
        let svg = card.svg();
        store.insert_lazy(
            url_path,
            crate::store::Lazy::new(move || match crate::share::render_png(&svg) {
                Ok(png) => Page::new(StatusCode::OK, "image/png", CachePolicy::Immutable, png),
                Err(e) => {
                    tracing::error!(error = %e, "share image failed to render");
                    Page::new(
                        StatusCode::NOT_FOUND,
                        "text/plain; charset=utf-8",
                        CachePolicy::NoStore,
                        Vec::new(),
                    )
                }
            }),
        );
    }
    let chrome = chrome;
    let first = site.pathways.first();

    let mut meta = Meta::new(site, "/", &site.name, &site.description);
    meta.json_ld = jsonld::website(site);
    store.insert(
        "/",
        page(html(&HomePage {
            meta,
            chrome: &chrome,
            site,
            first,
        })?),
    );

    let meta = Meta::new(
        site,
        "/pathways",
        "Career pathways",
        "Every career pathway on this site: plain-language guides with sourced pay, outlook and training.",
    )
    .crumbs(vec![("Home", "/".into()), ("Career pathways", "/pathways".into())]);
    let meta = Meta {
        nav: "pathways",
        json_ld: jsonld::page(site, &meta, None),
        ..meta
    };
    store.insert(
        "/pathways",
        page(html(&PathwaysPage {
            meta,
            chrome: &chrome,
            site,
        })?),
    );

    let meta = Meta::new(
        site,
        "/glossary",
        "Glossary",
        "Plain-language definitions of the words and abbreviations used in health information careers.",
    )
    .crumbs(vec![("Home", "/".into()), ("Glossary", "/glossary".into())]);
    let meta = Meta {
        nav: "glossary",
        json_ld: jsonld::page(site, &meta, None),
        ..meta
    };
    store.insert(
        "/glossary",
        page(html(&GlossaryPage {
            meta,
            chrome: &chrome,
            site,
        })?),
    );

    let meta = Meta::new(
        site,
        "/resources",
        "Resources",
        "Outside resources for the next step: certification, accredited programs, and official jobs and pay data.",
    )
    .crumbs(vec![("Home", "/".into()), ("Resources", "/resources".into())]);
    let meta = Meta {
        nav: "resources",
        json_ld: jsonld::page(site, &meta, None),
        ..meta
    };
    let groups = ResourceKind::ALL
        .into_iter()
        .map(|k| {
            (
                k,
                site.resources
                    .iter()
                    .filter(|r| r.kind == k)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    store.insert(
        "/resources",
        page(html(&ResourcesPage {
            meta,
            chrome: &chrome,
            groups,
        })?),
    );

    for p in &site.pathways {
        render_pathway(site, &chrome, p, &mut store)?;
    }

    store.insert(
        "/404",
        Page::new(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            CachePolicy::NoStore,
            not_found_page(&chrome, site)?,
        ),
    );
    store.insert(
        "/sitemap.xml",
        Page::new(
            StatusCode::OK,
            "application/xml; charset=utf-8",
            CachePolicy::Page,
            sitemap(site).into_bytes(),
        ),
    );
    store.insert(
        "/robots.txt",
        Page::new(
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
    tracing::debug!(pages = store.len(), "pages rendered");
    store.compress_all();
    tracing::debug!("pages compressed");
    Ok((store, chrome))
}

fn pathway_crumbs(p: &Pathway) -> Vec<(&str, String)> {
    vec![
        ("Home", "/".into()),
        ("Career pathways", "/pathways".into()),
        (p.short_title.as_str(), p.path()),
    ]
}

fn render_pathway(
    site: &Site,
    chrome: &Chrome,
    p: &Pathway,
    store: &mut Store,
) -> Result<(), askama::Error> {
    let title = format!("{} ({})", p.title, p.short_title);
    let meta = Meta::new(site, &p.path(), &title, &p.description).crumbs(pathway_crumbs(p));
    let meta = Meta {
        nav: "pathways",
        og_type: "article",
        json_ld: jsonld::page(site, &meta, Some((p, true))),
        ..meta
    };
    let share = share_panel(site, &p.path(), &title, &p.description);
    store.insert(
        p.path(),
        page(html(&OverviewPage {
            meta,
            chrome,
            p,
            facts: quick_facts(site, p),
            share,
        })?),
    );

    for (i, s) in p.sections.iter().enumerate() {
        let path = p.section_path(s);
        let mut crumbs = pathway_crumbs(p);
        crumbs.push((s.nav_title.as_str(), path.clone()));
        let meta = Meta::new(site, &path, &s.title, &s.summary).crumbs(crumbs);
        let with_occupations = matches!(s.slug.as_str(), "outlook" | "salary");
        let meta = Meta {
            nav: "pathways",
            og_type: "article",
            json_ld: jsonld::page(site, &meta, Some((p, with_occupations))),
            ..meta
        };
        let sources = s
            .sources
            .iter()
            .filter_map(|id| site.sources.get(id))
            .collect();
        let share = share_panel(site, &path, &s.title, &s.summary);
        let body = html(&SectionPage {
            meta,
            chrome,
            p,
            s,
            prev: i.checked_sub(1).and_then(|j| p.sections.get(j)),
            next: p.sections.get(i + 1),
            sources,
            share,
        })?;
        store.insert(path, page(body));
    }

    store.insert(
        format!("{}/print", p.path()),
        page(html(&print_page(site, chrome, p))?),
    );

    if let Some(map) = &p.career_map {
        let path = format!("{}/career-map", p.path());
        let mut crumbs = pathway_crumbs(p);
        crumbs.push(("Career map", path.clone()));
        let title = format!("{} career map", p.short_title);
        let description = format!(
            "{} job titles by the education they usually start with, and how people move up or across between them.",
            p.short_title
        );
        let meta = Meta::new(site, &path, &title, &description).crumbs(crumbs);
        let meta = Meta {
            nav: "pathways",
            json_ld: jsonld::page(site, &meta, Some((p, false))),
            ..meta
        };
        let share = share_panel(site, &path, &title, &description);
        let body = html(&CareerMapPage {
            meta,
            chrome,
            p,
            map,
            svg: svg::career_map(map),
            share,
        })?;
        store.insert(path, page(body));
    }
    Ok(())
}

fn sitemap(site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in canonical_pages(site) {
        out.push_str("  <url><loc>");
        out.push_str(&crate::markdown::escape(&site.url(&path)));
        out.push_str("</loc>");
        if let Some(d) = lastmod {
            out.push_str("<lastmod>");
            out.push_str(&d);
            out.push_str("</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// A QR code of `url` as inline SVG.
pub fn qr_svg(url: &str) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(148, 148)
            .quiet_zone(true)
            .build()
            .replace("<?xml version=\"1.0\" standalone=\"yes\"?>", "")
            .replacen("<svg ", "<svg class=\"qr-code\" role=\"img\" aria-label=\"QR code of the pathway's web address\" ", 1),
        Err(_) => String::new(),
    }
}

/// A section's HTML, made to sit inside one long page: ids and in-page
/// links get the section's slug as a prefix, and headings move down a level.
fn embed_section(slug: &str, html: &str) -> String {
    html.replace(" id=\"", &format!(" id=\"{slug}-"))
        .replace(" href=\"#", &format!(" href=\"#{slug}-"))
        .replace("<h3", "<h4")
        .replace("</h3>", "</h4>")
        .replace("<h2", "<h3")
        .replace("</h2>", "</h3>")
}

fn print_page<'a>(site: &'a Site, chrome: &'a Chrome, p: &'a Pathway) -> PrintPage<'a> {
    let path = format!("{}/print", p.path());
    let title = format!("{} ({}): printable handout", p.title, p.short_title);
    let mut crumbs = pathway_crumbs(p);
    crumbs.push(("Printable handout", path.clone()));
    let meta = Meta::new(site, &path, &title, &p.description).crumbs(crumbs);
    let meta = Meta {
        nav: "pathways",
        json_ld: jsonld::page(site, &meta, Some((p, false))),
        ..meta
    };
    let mut sources: Vec<&Source> = Vec::new();
    for s in &p.sections {
        for id in &s.sources {
            if let Some(src) = site.sources.get(id)
                && !sources.iter().any(|x| x.id == src.id)
            {
                sources.push(src);
            }
        }
    }
    let url = site.url(&p.path());
    PrintPage {
        meta,
        chrome,
        p,
        qr: qr_svg(&url),
        url,
        facts: quick_facts(site, p),
        sections: p
            .sections
            .iter()
            .map(|s| (s, embed_section(&s.slug, &s.doc.html)))
            .collect(),
        sources,
    }
}

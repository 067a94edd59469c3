//! The site's own pages: home, the list of pathways, glossary, resources,
//! About and the error page. (A pathway's pages are in `pathway`.)

use super::cx::Cx;
use super::jsonld;
use super::layout::{Chrome, Meta};
use crate::blocks::html;
use crate::content::{Resource, ResourceKind, Site};
use crate::registry::{self, Page};
use crate::util::text::fill;
use askama::Template;

pub(crate) struct Card {
    pub(crate) href: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) count: String,
}

pub(crate) struct First {
    pub(crate) href: String,
    pub(crate) overview: String,
    pub(crate) self_check: Option<String>,
    pub(crate) handout: String,
    pub(crate) handout_label: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    site: &'a Site,
    cards: Vec<Card>,
    first: Option<First>,
}

#[derive(Template)]
#[template(path = "pathways.html")]
struct Pathways<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "glossary.html")]
struct Glossary<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    site: &'a Site,
}

#[derive(Template)]
#[template(path = "resources.html")]
struct Resources<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    groups: Vec<(&'static str, String, Vec<&'a Resource>)>,
}

#[derive(Template)]
#[template(path = "about.html")]
struct About<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    site: &'a Site,
    publishers: Vec<(String, String)>,
}

/// An error page (the 404, and every error the server answers).
#[derive(Template)]
#[template(path = "error.html")]
pub(crate) struct ErrorView<'a> {
    pub meta: Meta,
    pub chrome: &'a Chrome,
    pub heading: String,
    pub message: String,
    pub links: Vec<(String, String)>,
}

fn cards(cx: &Cx<'_>) -> Vec<Card> {
    cx.site
        .pathways
        .iter()
        .map(|p| Card {
            href: registry::pathway_path(p),
            title: format!("{} ({})", p.title, p.short_title),
            summary: p.summary.clone(),
            // The same count as the pathway's menu ("4 of 11").
            count: fill(
                &cx.site.ui.list.sections,
                &[
                    ("count", &cx.chrome.menu(p).len().to_string()),
                    ("sections", &p.sections.len().to_string()),
                ],
            ),
        })
        .collect()
}

fn site_meta(
    cx: &Cx<'_>,
    page: Page<'_>,
    title: &str,
    description: &str,
    nav: &'static str,
) -> Meta {
    let ui = &cx.site.ui;
    let path = page.path();
    let mut meta = Meta::new(cx.site, &path, title, description).crumbs(vec![
        (ui.chrome.home.clone(), Page::Home(cx.site).path()),
        (title.to_string(), path),
    ]);
    meta.nav = nav;
    meta.json_ld = jsonld::page(cx.site, &meta, None, &[]);
    meta
}

pub(crate) fn home(cx: &Cx<'_>) -> Result<String, String> {
    let site = cx.site;
    let ui = &site.ui.home;
    let mut meta = Meta::new(
        site,
        &Page::Home(site).path(),
        &site.name,
        &site.description,
    );
    meta.title = fill(
        &ui.title,
        &[("site", &site.name), ("tagline", &site.tagline)],
    );
    meta.json_ld = jsonld::website(site);
    let first = site.pathways.first().map(|p| {
        let pi = 0;
        First {
            href: registry::pathway_path(p),
            overview: fill(&ui.overview, &[("pathway", &p.title)]),
            self_check: cx
                .docs
                .self_check_section(pi, p)
                .map(|i| Page::Section(p, i).path()),
            handout: Page::Handout(p).path(),
            handout_label: fill(&ui.handout, &[("pathway", &p.short_title)]),
        }
    });
    html(&Home {
        meta,
        chrome: cx.chrome,
        site,
        cards: cards(cx),
        first,
    })
}

pub(crate) fn pathways(cx: &Cx<'_>) -> Result<String, String> {
    let ui = &cx.site.ui.list;
    html(&Pathways {
        meta: site_meta(
            cx,
            Page::Pathways(cx.site),
            &ui.title,
            &ui.description,
            "pathways",
        ),
        chrome: cx.chrome,
        cards: cards(cx),
    })
}

pub(crate) fn glossary(cx: &Cx<'_>) -> Result<String, String> {
    let ui = &cx.site.ui.glossary;
    html(&Glossary {
        meta: site_meta(
            cx,
            Page::Glossary(cx.site),
            &ui.title,
            &ui.description,
            "glossary",
        ),
        chrome: cx.chrome,
        site: cx.site,
    })
}

pub(crate) fn resources(cx: &Cx<'_>) -> Result<String, String> {
    let ui = &cx.site.ui.resources;
    let groups = ResourceKind::ALL
        .into_iter()
        .map(|k| {
            let items: Vec<&Resource> = cx.site.resources.iter().filter(|r| r.kind == k).collect();
            (k.id(), k.heading(&cx.site.ui).to_string(), items)
        })
        .filter(|(_, _, v)| !v.is_empty())
        .collect();
    html(&Resources {
        meta: site_meta(
            cx,
            Page::Resources(cx.site),
            &ui.title,
            &ui.description,
            "resources",
        ),
        chrome: cx.chrome,
        groups,
    })
}

pub(crate) fn about(cx: &Cx<'_>) -> Result<String, String> {
    let ui = &cx.site.ui.about;
    let mut publishers: Vec<(String, String)> = Vec::new();
    for s in cx.site.sources.values() {
        match publishers.iter_mut().find(|(p, _)| *p == s.publisher) {
            Some((_, titles)) => {
                titles.push_str("; ");
                titles.push_str(&s.title);
            }
            None => publishers.push((s.publisher.clone(), s.title.clone())),
        }
    }
    html(&About {
        meta: site_meta(cx, Page::About(cx.site), &ui.title, &ui.description, ""),
        chrome: cx.chrome,
        site: cx.site,
        publishers,
    })
}

/// An error page with the site's layout.
pub(crate) fn error_page(
    site: &Site,
    chrome: &Chrome,
    heading: &str,
    message: &str,
) -> Result<String, String> {
    // An error page stands for no page: its head data (and its "in the
    // other language" link) are those of the edition's home.
    let mut meta = Meta::new(site, &Page::Home(site).path(), heading, message);
    meta.noindex = true;
    let links = site
        .pathways
        .iter()
        .map(|p| {
            (
                fill(&site.ui.errors.overview, &[("pathway", &p.title)]),
                registry::pathway_path(p),
            )
        })
        .collect();
    html(&ErrorView {
        meta,
        chrome,
        heading: heading.to_string(),
        message: message.to_string(),
        links,
    })
}

pub(crate) fn not_found(cx: &Cx<'_>) -> Result<String, String> {
    let e = &cx.site.ui.errors;
    error_page(cx.site, cx.chrome, &e.not_found, &e.not_found_text)
}

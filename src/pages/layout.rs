//! The parts every page has: the site's chrome (assets, words, preview
//! images, the editor banner), per-page head data, the share panel and a
//! pathway's menu.

use crate::content::{Pathway, Site, Ui};
use crate::registry::{self, Page};
use crate::util::text::fill;
use std::collections::HashMap;
use std::sync::Arc;

/// Site-wide parts of every page's layout.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub site_name: String,
    pub locale: String,
    pub css: String,
    pub js: String,
    pub icon: String,
    pub footer: String,
    pub ui: Ui,
    /// Link-preview image by page path.
    pub images: HashMap<String, Image>,
    /// The site-wide preview image, for pages without their own.
    pub site_image: Option<Image>,
    /// In editor mode, why the last edit was rejected (shown on every page).
    pub banner: Option<Arc<String>>,
    /// The site's base URL, for absolute alternate links.
    pub base_url: String,
    /// Each pathway's menu (label, path), in reading order, by slug.
    pub menus: HashMap<String, Vec<(String, String)>>,
    /// The edition's own site pages.
    pub links: SiteLinks,
    /// This edition's path prefix, and every edition (this one included).
    pub prefix: String,
    pub editions: Vec<Edition>,
    /// The other editions' Open Graph locales.
    pub other_locales: Vec<String>,
}

/// The paths of an edition's site pages (from the registry).
#[derive(Debug, Clone)]
pub struct SiteLinks {
    pub home: String,
    pub pathways: String,
    pub glossary: String,
    pub resources: String,
    pub about: String,
    pub search: String,
    pub sitemap: String,
}

/// An edition, for the language switch and `hreflang` links.
#[derive(Debug, Clone)]
pub struct Edition {
    /// The language code (`lang`, `hreflang`).
    pub lang: String,
    /// Its own name for itself ("English", "Español").
    pub name: String,
    pub prefix: String,
    pub locale: String,
}

/// One language version of the page being rendered.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub lang: String,
    pub name: String,
    pub href: String,
    /// The absolute URL, for `<link rel="alternate">`.
    pub url: String,
    pub current: bool,
}

impl Chrome {
    pub fn new(site: &Site, assets: &crate::assets::Assets) -> Self {
        Self {
            site_name: site.name.clone(),
            locale: site.locale.clone(),
            css: assets.url("site.css"),
            js: assets.url("site.js"),
            icon: assets.url("icon.svg"),
            footer: fill(&site.ui.chrome.footer, &[("site", &site.name)]),
            ui: site.ui.clone(),
            images: HashMap::new(),
            site_image: None,
            banner: None,
            menus: HashMap::new(),
            links: SiteLinks {
                home: Page::Home(site).path(),
                pathways: Page::Pathways(site).path(),
                glossary: Page::Glossary(site).path(),
                resources: Page::Resources(site).path(),
                about: Page::About(site).path(),
                search: Page::Search(site).path(),
                sitemap: "/sitemap.xml".into(),
            },
            prefix: site.prefix.clone(),
            editions: vec![Edition {
                lang: site.ui.lang.clone(),
                name: site.ui.name.clone(),
                prefix: site.prefix.clone(),
                locale: site.ui.locale.clone(),
            }],
            other_locales: Vec::new(),
            base_url: site.base_url.clone(),
        }
    }

    /// The page at `path` in every edition (this one marked current).
    pub fn alternates(&self, path: &str) -> Vec<Alternate> {
        self.editions
            .iter()
            .map(|e| {
                let href = registry::twin(path, &self.prefix, &e.prefix);
                Alternate {
                    url: format!("{}{href}", self.base_url),
                    lang: e.lang.clone(),
                    name: e.name.clone(),
                    current: e.prefix == self.prefix,
                    href,
                }
            })
            .collect()
    }

    /// The default edition's version of `path` (for `x-default`).
    pub fn default_url(&self, path: &str) -> String {
        let first = self.editions.first().map_or("", |e| e.prefix.as_str());
        format!(
            "{}{}",
            self.base_url,
            registry::twin(path, &self.prefix, first)
        )
    }

    /// A pathway's menu: (label, path) in reading order.
    pub fn menu(&self, p: &Pathway) -> &[(String, String)] {
        self.menus.get(&p.slug).map_or(&[], Vec::as_slice)
    }

    /// The preview image of a page (its own, else the site's).
    pub fn image(&self, path: &str) -> Option<&Image> {
        self.images.get(path).or(self.site_image.as_ref())
    }
}

/// A link-preview image.
#[derive(Debug, Clone)]
pub struct Image {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// A breadcrumb step.
#[derive(Debug, Clone)]
pub(crate) struct Crumb {
    pub label: String,
    pub href: String,
}

/// Per-page head data.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
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
    /// An extra class on `<main>`.
    pub main_class: &'static str,
    /// A per-request page's query (`?q=…`, `?a=1,3`), kept by the language
    /// switch: the other edition shows the same result.
    pub switch_query: String,
}

impl Meta {
    pub(crate) fn new(site: &Site, path: &str, title: &str, description: &str) -> Self {
        Self {
            path: path.to_string(),
            title: format!("{title} | {}", site.name),
            og_title: title.to_string(),
            description: description.to_string(),
            canonical: site.url(path),
            og_type: "website",
            crumbs: Vec::new(),
            noindex: false,
            json_ld: String::new(),
            nav: "",
            main_class: "",
            switch_query: String::new(),
        }
    }

    pub(crate) fn crumbs(mut self, crumbs: Vec<(String, String)>) -> Self {
        self.crumbs = crumbs
            .into_iter()
            .map(|(label, href)| Crumb { label, href })
            .collect();
        self
    }
}

/// Home › Career pathways › HIM.
pub(crate) fn pathway_crumbs(ui: &Ui, p: &Pathway) -> Vec<(String, String)> {
    vec![
        (ui.chrome.home.clone(), registry::home_path(&p.prefix)),
        (
            ui.chrome.nav_pathways.clone(),
            registry::pathways_path(&p.prefix),
        ),
        (p.short_title.clone(), registry::pathway_path(p)),
    ]
}

/// The share panel's values.
#[derive(Debug, Clone)]
pub(crate) struct Share {
    pub url: String,
    pub title: String,
    pub subject_enc: String,
    pub body_enc: String,
    pub sms_enc: String,
}

/// Percent-encode for a `mailto:`/`sms:` query value.
pub(crate) fn encode_component(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

impl Share {
    pub(crate) fn new(site: &Site, path: &str, title: &str, summary: &str) -> Self {
        let url = site.url(path);
        Self {
            subject_enc: encode_component(&format!("{title} | {}", site.name)),
            body_enc: encode_component(&format!("{summary}\n\n{url}")),
            sms_enc: encode_component(&format!("{title}: {url}")),
            title: title.to_string(),
            url,
        }
    }
}

/// One entry of a pathway's menu.
#[derive(Debug, Clone)]
pub(crate) struct MenuItem {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// A pathway's menu, with the current page marked.
#[derive(Debug, Clone)]
pub(crate) struct Menu {
    pub label: String,
    pub pathway: String,
    pub overview: String,
    pub button: String,
    pub step: String,
    pub items: Vec<MenuItem>,
}

/// The label of a page in a pathway's menu.
pub(crate) fn menu_label(ui: &Ui, page: &Page<'_>) -> String {
    match page {
        Page::Section(p, i) => p.sections[*i].nav_title.clone(),
        Page::CareerMap(p) => fill(&ui.map.title, &[("short", &p.short_title)]),
        _ => String::new(),
    }
}

impl Menu {
    pub(crate) fn new(ui: &Ui, p: &Pathway, order: &[(String, String)], current: &str) -> Self {
        let items: Vec<MenuItem> = order
            .iter()
            .map(|(label, href)| MenuItem {
                label: label.clone(),
                current: href == current,
                href: href.clone(),
            })
            .collect();
        let n = items.iter().position(|i| i.current).map_or(0, |i| i + 1);
        let total = items.len().to_string();
        let n = n.to_string();
        let u = &ui.section;
        Self {
            label: fill(&u.menu, &[("pathway", &p.short_title)]),
            pathway: p.short_title.clone(),
            overview: registry::pathway_path(p),
            button: fill(
                &u.menu_button,
                &[("pathway", &p.short_title), ("n", &n), ("total", &total)],
            ),
            step: fill(&u.step, &[("n", &n), ("total", &total)]),
            items,
        }
    }
}

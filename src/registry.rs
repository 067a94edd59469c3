//! The registry of pages: every page kind, and how its path is built, in
//! one place. The store, the sitemap, share cards, export, the link check,
//! the pathway menu and the handouts all walk [`all`]; no other module
//! formats a page's path.

use crate::content::{Pathway, Site};

/// A page of the site.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Page<'a> {
    Home,
    Pathways,
    Glossary,
    Resources,
    About,
    /// Search results: rendered per request, never stored.
    Search,
    NotFound,
    Overview(&'a Pathway),
    /// A section, by its index in the pathway.
    Section(&'a Pathway, usize),
    CareerMap(&'a Pathway),
    /// The one-sheet handout.
    Handout(&'a Pathway),
    /// Every section of a pathway on one page, for printing.
    PrintAll(&'a Pathway),
}

/// Path segments of a pathway's own pages (a section may not take them).
pub(crate) const PATHWAY_PAGES: [&str; 2] = ["career-map", "print"];

pub(crate) fn pathway_path(p: &Pathway) -> String {
    format!("/pathways/{}", p.slug)
}

pub(crate) fn section_path(p: &Pathway, slug: &str) -> String {
    format!("/pathways/{}/{slug}", p.slug)
}

pub(crate) fn career_map_path(p: &Pathway) -> String {
    format!("/pathways/{}/career-map", p.slug)
}

/// A job title's card on the career map.
pub(crate) fn title_path(p: &Pathway, title: &str) -> String {
    format!("/pathways/{}/career-map#{title}", p.slug)
}

pub(crate) fn glossary_term(id: &str) -> String {
    format!("/glossary#{id}")
}

pub(crate) fn resource_group(id: &str) -> String {
    format!("/resources#{id}")
}

impl<'a> Page<'a> {
    /// The page's path: its canonical URL without the base.
    pub(crate) fn path(&self) -> String {
        match self {
            Page::Home => "/".into(),
            Page::Pathways => "/pathways".into(),
            Page::Glossary => "/glossary".into(),
            Page::Resources => "/resources".into(),
            Page::About => "/about".into(),
            Page::Search => "/search".into(),
            Page::NotFound => "/404".into(),
            Page::Overview(p) => pathway_path(p),
            Page::Section(p, i) => section_path(p, &p.sections[*i].slug),
            Page::CareerMap(p) => career_map_path(p),
            Page::Handout(p) => format!("/pathways/{}/print", p.slug),
            Page::PrintAll(p) => format!("/pathways/{}/print/all", p.slug),
        }
    }

    /// Rendered once and kept in the store (not per request).
    pub(crate) fn stored(&self) -> bool {
        !matches!(self, Page::Search)
    }

    /// Listed in the sitemap.
    pub(crate) fn in_sitemap(&self) -> bool {
        !matches!(self, Page::Search | Page::NotFound)
    }

    /// Has a link-preview image of its own.
    pub(crate) fn has_card(&self) -> bool {
        matches!(
            self,
            Page::Overview(_) | Page::Section(..) | Page::CareerMap(_)
        )
    }

    pub(crate) fn pathway(&self) -> Option<&'a Pathway> {
        match self {
            Page::Overview(p)
            | Page::Section(p, _)
            | Page::CareerMap(p)
            | Page::Handout(p)
            | Page::PrintAll(p) => Some(p),
            _ => None,
        }
    }
}

/// Every page, in sitemap order.
pub(crate) fn all(site: &Site) -> Vec<Page<'_>> {
    let mut out = vec![
        Page::Home,
        Page::Pathways,
        Page::Glossary,
        Page::Resources,
        Page::About,
        Page::Search,
        Page::NotFound,
    ];
    for p in &site.pathways {
        out.extend(pathway_pages(p));
    }
    out
}

/// A pathway's pages: overview, sections, career map, handouts.
pub(crate) fn pathway_pages(p: &Pathway) -> Vec<Page<'_>> {
    let mut out = vec![Page::Overview(p)];
    out.extend((0..p.sections.len()).map(|i| Page::Section(p, i)));
    if p.career_map.is_some() {
        out.push(Page::CareerMap(p));
    }
    out.push(Page::Handout(p));
    out.push(Page::PrintAll(p));
    out
}

//! The registry of pages: every page kind, and how its path is built, in
//! one place. The store, the sitemap, share cards, export, the link check,
//! the pathway menu and the handouts all walk [`all`]; no other module
//! formats a page's path.

use crate::content::oews::Oews;
use crate::content::{Pathway, Site};

/// A page of the site.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Page<'a> {
    Home(&'a Site),
    Pathways(&'a Site),
    Glossary(&'a Site),
    Resources(&'a Site),
    About(&'a Site),
    /// Search results: rendered per request, never stored.
    Search(&'a Site),
    NotFound(&'a Site),
    Overview(&'a Pathway),
    /// A section, by its index in the pathway.
    Section(&'a Pathway, usize),
    CareerMap(&'a Pathway),
    /// The one-sheet handout.
    Handout(&'a Pathway),
    /// Every section of a pathway on one page, for printing.
    PrintAll(&'a Pathway),
    /// Pay by state: the tile map, the table of states and the picker.
    PayByState(&'a Pathway, &'a Oews),
    /// Pay in one state (an index into the OEWS areas).
    StatePay(&'a Pathway, &'a Oews, usize),
}

/// The health check for load balancers (answered by the router, not stored).
pub(crate) const HEALTHZ: &str = "/healthz";
/// Where static files are served (`/static/<name>`).
pub(crate) const STATIC: &str = "/static";
/// Where link-preview images are served (`/og/<page>.<hash>.png`).
pub(crate) const CARDS: &str = "/og";
pub(crate) const SITEMAP: &str = "/sitemap.xml";
pub(crate) const ROBOTS: &str = "/robots.txt";
/// Paths the site answers that are not pages of [`all`].
pub(crate) const MACHINE_PATHS: [&str; 5] = [HEALTHZ, STATIC, CARDS, SITEMAP, ROBOTS];

/// The first segment (lowercased) of every path the site serves, in every
/// edition: its pages, the editions' prefixes and [`MACHINE_PATHS`]. An
/// alias may take none of them, or it would hide what is served there.
pub(crate) fn reserved_segments(sites: &[Site]) -> std::collections::HashSet<String> {
    sites
        .iter()
        .flat_map(all)
        .map(|p| p.path())
        .chain(MACHINE_PATHS.iter().map(|p| (*p).to_string()))
        .filter_map(|path| {
            let first = path.trim_start_matches('/').split('/').next()?;
            (!first.is_empty()).then(|| first.to_ascii_lowercase())
        })
        .collect()
}

/// Path segments of a pathway's own pages (a section may not take them).
pub(crate) const PATHWAY_PAGES: [&str; 3] = ["career-map", "print", PAY];

/// The path segment of a pathway's pay-by-state pages.
const PAY: &str = "pay";

/// A pathway's pay-by-state page (its state picker answers there too).
pub(crate) fn pay_path(p: &Pathway) -> String {
    format!("{}/{PAY}", pathway_path(p))
}

/// A state's pay page: `/pathways/{slug}/pay/{state}`.
pub(crate) fn state_path(p: &Pathway, state_slug: &str) -> String {
    format!("{}/{PAY}/{state_slug}", pathway_path(p))
}

/// Where the link-preview image of the page at `page_path` is served:
/// `/og/<page path>.<hash>.png` (`/og/site.<hash>.png` for the site's own).
pub(crate) fn card_path(page_path: &str, hash: &str) -> String {
    let key = page_path.trim_matches('/');
    let key = if key.is_empty() { "site" } else { key };
    format!("{CARDS}/{key}.{hash}.png")
}

pub(crate) fn pathway_path(p: &Pathway) -> String {
    format!("{}/pathways/{}", p.prefix, p.slug)
}

pub(crate) fn section_path(p: &Pathway, slug: &str) -> String {
    format!("{}/pathways/{}/{slug}", p.prefix, p.slug)
}

pub(crate) fn career_map_path(p: &Pathway) -> String {
    format!("{}/pathways/{}/career-map", p.prefix, p.slug)
}

/// A job title's card on the career map.
pub(crate) fn title_path(p: &Pathway, title: &str) -> String {
    format!("{}#{title}", career_map_path(p))
}

/// A term's entry in an edition's glossary.
pub(crate) fn glossary_term(prefix: &str, id: &str) -> String {
    format!("{prefix}/glossary#{id}")
}

/// A group of an edition's resources.
pub(crate) fn resource_group(prefix: &str, id: &str) -> String {
    format!("{prefix}/resources#{id}")
}

pub(crate) use crate::util::text::in_edition;

fn site_path(site: &Site, path: &str) -> String {
    in_edition(&site.prefix, path)
}

/// An edition's home page (`prefix` as in `Site::prefix`).
pub(crate) fn home_path(prefix: &str) -> String {
    in_edition(prefix, "/")
}

/// An edition's list of pathways.
pub(crate) fn pathways_path(prefix: &str) -> String {
    in_edition(prefix, "/pathways")
}

/// The same page in another edition: `/pathways/x` ↔ `/<lang>/pathways/x`.
pub(crate) fn twin(path: &str, from_prefix: &str, to_prefix: &str) -> String {
    let bare = if from_prefix.is_empty() {
        path
    } else {
        match path.strip_prefix(from_prefix) {
            Some("") => "/",
            Some(rest) if rest.starts_with('/') => rest,
            _ => path,
        }
    };
    in_edition(to_prefix, bare)
}

/// Which edition a request path belongs to: the index into `prefixes`
/// (the default edition, with prefix `""`, first).
pub(crate) fn edition_of(path: &str, prefixes: &[&str]) -> usize {
    prefixes
        .iter()
        .position(|p| {
            !p.is_empty()
                && path
                    .strip_prefix(p)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .unwrap_or(0)
}

impl<'a> Page<'a> {
    /// The page's path: its canonical URL without the base.
    pub(crate) fn path(&self) -> String {
        match self {
            Page::Home(s) => home_path(&s.prefix),
            Page::Pathways(s) => pathways_path(&s.prefix),
            Page::Glossary(s) => site_path(s, "/glossary"),
            Page::Resources(s) => site_path(s, "/resources"),
            Page::About(s) => site_path(s, "/about"),
            Page::Search(s) => site_path(s, "/search"),
            Page::NotFound(s) => site_path(s, "/404"),
            Page::Overview(p) => pathway_path(p),
            Page::Section(p, i) => section_path(p, &p.sections[*i].slug),
            Page::CareerMap(p) => career_map_path(p),
            Page::Handout(p) => format!("{}/print", pathway_path(p)),
            Page::PrintAll(p) => format!("{}/print/all", pathway_path(p)),
            Page::PayByState(p, _) => pay_path(p),
            Page::StatePay(p, o, i) => state_path(p, &o.areas[*i].slug),
        }
    }

    /// Rendered once and kept in the store (not per request).
    pub(crate) fn stored(&self) -> bool {
        !matches!(self, Page::Search(_))
    }

    /// Listed in the sitemap.
    pub(crate) fn in_sitemap(&self) -> bool {
        !matches!(self, Page::Search(_) | Page::NotFound(_))
    }

    /// Has a link-preview image of its own.
    pub(crate) fn has_card(&self) -> bool {
        matches!(
            self,
            Page::Overview(_)
                | Page::Section(..)
                | Page::CareerMap(_)
                | Page::PayByState(..)
                | Page::StatePay(..)
        )
    }

    pub(crate) fn pathway(&self) -> Option<&'a Pathway> {
        match self {
            Page::Overview(p)
            | Page::Section(p, _)
            | Page::CareerMap(p)
            | Page::Handout(p)
            | Page::PrintAll(p)
            | Page::PayByState(p, _)
            | Page::StatePay(p, _, _) => Some(p),
            _ => None,
        }
    }
}

/// Every page, in sitemap order.
pub(crate) fn all(site: &Site) -> Vec<Page<'_>> {
    let mut out = vec![
        Page::Home(site),
        Page::Pathways(site),
        Page::Glossary(site),
        Page::Resources(site),
        Page::About(site),
        Page::Search(site),
        Page::NotFound(site),
    ];
    for p in &site.pathways {
        out.extend(pathway_pages(p, site.oews.as_deref()));
    }
    out
}

/// An edition with more state pages than this renders none of them at
/// load: each is made on its first request and kept in the store's bounded
/// cache of made responses (the sitemap still lists every one; search
/// finds the pay-by-state pages).
const EAGER_STATE_PAGES: usize = 1_000;

/// Whether an edition's state pages are made on demand.
pub(crate) fn states_on_demand(site: &Site) -> bool {
    let Some(oews) = site.oews.as_deref() else {
        return false;
    };
    let pathways = site
        .pathways
        .iter()
        .filter(|p| has_state_pay(p, Some(oews)))
        .count();
    pathways * oews.states().len() > EAGER_STATE_PAGES
}

/// Whether a pathway has pay-by-state pages: the OEWS files hold one of
/// its occupations.
pub(crate) fn has_state_pay(p: &Pathway, oews: Option<&Oews>) -> bool {
    p.state_pay && oews.is_some()
}

/// A pathway's pages: overview, sections, career map, handouts, and pay
/// by state with a page per state.
pub(crate) fn pathway_pages<'a>(p: &'a Pathway, oews: Option<&'a Oews>) -> Vec<Page<'a>> {
    let mut out = vec![Page::Overview(p)];
    out.extend((0..p.sections.len()).map(|i| Page::Section(p, i)));
    if p.career_map.is_some() {
        out.push(Page::CareerMap(p));
    }
    out.push(Page::Handout(p));
    out.push(Page::PrintAll(p));
    if let Some(o) = oews.filter(|o| has_state_pay(p, Some(o))) {
        out.push(Page::PayByState(p, o));
        out.extend(o.states().into_iter().map(|(i, _)| Page::StatePay(p, o, i)));
    }
    out
}

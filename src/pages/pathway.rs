//! A pathway's pages: overview, sections, career map, and the two
//! handouts (one sheet, and every section to print).

use super::cx::{Cx, SourceView, sources_view};
use super::docs::SectionDoc;
use super::jsonld;
use super::layout::{Chrome, Menu, Meta, Share, pathway_crumbs};
use crate::blocks::{self, Citations, Fmt, html};
use crate::content::{Pathway, Section};
use crate::markdown::{Piece, Rendered};
use crate::registry::{self, Page};
use crate::util::text::fill;
use askama::Template;

/// The order of a pathway's menu and pager: its sections, with the career
/// map after the section that lists the job titles (else at the end).
pub(crate) fn menu_order<'a>(cx: &Cx<'a>, p: &'a Pathway) -> Vec<(String, String)> {
    menu_pages(cx, p)
        .iter()
        .map(|pg| (super::layout::menu_label(&cx.site.ui, pg), pg.path()))
        .collect()
}

fn menu_pages<'a>(cx: &Cx<'a>, p: &'a Pathway) -> Vec<Page<'a>> {
    let pi = cx.index(p);
    let mut out: Vec<Page<'a>> = Vec::new();
    let mut map_placed = p.career_map.is_none();
    for i in 0..p.sections.len() {
        out.push(Page::Section(p, i));
        let lists_titles = cx
            .docs
            .get(pi, i)
            .is_some_and(|d| d.doc.uses.iter().any(|u| u == "titles"));
        if lists_titles && !map_placed {
            out.push(Page::CareerMap(p));
            map_placed = true;
        }
    }
    if !map_placed {
        out.push(Page::CareerMap(p));
    }
    out
}

pub(crate) fn reviewed(cx: &Cx<'_>, p: &Pathway) -> String {
    let ui = &cx.site.ui;
    fill(&ui.chrome.reviewed, &[("date", &ui.date(&p.last_reviewed))])
}

pub(crate) fn meta_for(
    cx: &Cx<'_>,
    page: Page<'_>,
    p: &Pathway,
    title: &str,
    description: &str,
    groups: &[String],
) -> Meta {
    let path = page.path();
    let mut crumbs = pathway_crumbs(&cx.site.ui, p);
    if !matches!(page, Page::Overview(_)) {
        crumbs.push((
            super::layout::menu_label(&cx.site.ui, &page).if_empty(title),
            path.clone(),
        ));
    }
    let mut meta = Meta::new(cx.site, &path, title, description).crumbs(crumbs);
    meta.nav = "pathways";
    meta.og_type = "article";
    let shown: Vec<_> = p.occupations().filter(|g| groups.contains(&g.id)).collect();
    meta.json_ld = jsonld::page(cx.site, &meta, Some(p), &shown);
    meta
}

trait IfEmpty {
    fn if_empty(self, other: &str) -> String;
}

impl IfEmpty for String {
    fn if_empty(self, other: &str) -> String {
        if self.is_empty() {
            other.to_string()
        } else {
            self
        }
    }
}

struct SectionItem {
    href: String,
    title: String,
    summary: String,
    questions: Vec<(String, String)>,
    /// The collapsed questions' summary ("Questions in this section: 5").
    questions_label: String,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct Overview<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    p: &'a Pathway,
    title: String,
    picture: String,
    first_steps: String,
    facts: String,
    anchor_sections: String,
    sections: Vec<SectionItem>,
    career_map: Option<String>,
    career_map_text: String,
    handout: String,
    print_all: String,
    sources_id: &'a str,
    sources: Vec<SourceView>,
    reviewed: String,
    share: Share,
}

/// The parts of a pathway the overview and the one-sheet share.
pub(crate) struct Summary {
    pub(crate) picture: Piece,
    pub(crate) facts: String,
    pub(crate) first_steps: Option<Piece>,
}

pub(crate) fn summary(
    cx: &Cx<'_>,
    p: &Pathway,
    f: &Fmt<'_, '_>,
    prefix: &str,
) -> Result<Summary, String> {
    let site = cx.site;
    Ok(Summary {
        picture: blocks::picture::pay_picture(
            f,
            p,
            &site.baseline,
            &format!("{prefix}pay-picture"),
        )?,
        facts: blocks::facts::quick_facts(f, p, &site.baseline)?,
        first_steps: if p.first_steps.is_empty() {
            None
        } else {
            Some(blocks::parts::first_steps(
                &site.ui.parts,
                p,
                &format!("{prefix}first-steps"),
            )?)
        },
    })
}

pub(crate) fn overview(cx: &Cx<'_>, p: &Pathway) -> Result<String, String> {
    let site = cx.site;
    let ui = &site.ui;
    let pi = cx.index(p);
    let cites = Citations::new(site, "");
    let f = Fmt {
        ui,
        cites: &cites,
        review_year: Some(p.last_reviewed.year),
    };
    let parts = summary(cx, p, &f, "")?;
    let title = fill(
        &ui.overview.title,
        &[("title", &p.title), ("short", &p.short_title)],
    );
    let sections = p
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let href = Page::Section(p, i).path();
            let questions: Vec<(String, String)> = cx
                .docs
                .get(pi, i)
                .map(|d| {
                    d.doc
                        .toc
                        .iter()
                        .filter(|t| t.level == 2)
                        .map(|t| (t.text.clone(), format!("{href}#{}", t.id)))
                        .collect()
                })
                .unwrap_or_default();
            SectionItem {
                questions_label: fill(
                    &ui.overview.questions,
                    &[("n", &questions.len().to_string())],
                ),
                title: s.title.clone(),
                summary: s.answer.clone().unwrap_or_else(|| s.summary.clone()),
                href,
                questions,
            }
        })
        .collect();
    let meta = meta_for(
        cx,
        Page::Overview(p),
        p,
        &title,
        &p.description,
        &cites.groups(),
    );
    html(&Overview {
        share: Share::new(site, &meta.path, &title, &p.description),
        meta,
        chrome: cx.chrome,
        p,
        anchor_sections: fill(&ui.chrome.anchor, &[("name", &ui.overview.covers)]),
        title,
        picture: parts.picture.html,
        first_steps: parts.first_steps.map(|x| x.html).unwrap_or_default(),
        facts: parts.facts,
        sections,
        career_map: p.career_map.as_ref().map(|_| registry::career_map_path(p)),
        career_map_text: fill(&ui.overview.career_map_text, &[("short", &p.short_title)]),
        handout: Page::Handout(p).path(),
        print_all: Page::PrintAll(p).path(),
        sources_id: "sources",
        sources: sources_view(cx, p, &cites.list()),
        reviewed: reviewed(cx, p),
    })
}

struct Step {
    href: String,
    label: String,
    next_label: String,
}

#[derive(Template)]
#[template(path = "section.html")]
struct SectionPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    menu: Menu,
    s: &'a Section,
    key: Option<&'a Piece>,
    key_label: String,
    doc: &'a Rendered,
    sources_id: &'a str,
    sources: Vec<SourceView>,
    reviewed: String,
    pager_label: String,
    prev: Option<Step>,
    next: Option<Step>,
    share: Share,
}

fn step(cx: &Cx<'_>, item: Option<&(String, String)>) -> Option<Step> {
    let (label, href) = item?;
    Some(Step {
        href: href.clone(),
        next_label: fill(&cx.site.ui.section.next, &[("title", label)]),
        label: label.clone(),
    })
}

/// A section page; `doc` is its rendered Markdown (the one in `Docs`, or
/// one rendered again, for a self-check sent with no answer).
pub(crate) fn section(
    cx: &Cx<'_>,
    p: &Pathway,
    i: usize,
    doc: &SectionDoc<'_>,
) -> Result<String, String> {
    let site = cx.site;
    let s = &p.sections[i];
    let page = Page::Section(p, i);
    let path = page.path();
    let order = cx.chrome.menu(p);
    let at = order.iter().position(|(_, h)| *h == path).unwrap_or(0);
    let cites = Citations::seeded(site, "", doc.cited.clone());
    cites.also(&s.sources);
    let key_label = s
        .key_figure
        .as_ref()
        .and_then(|n| p.group(&n.group))
        .map(|g| g.title.clone())
        .unwrap_or_default();
    let meta = meta_for(cx, page, p, &s.title, &s.summary, &doc.groups);
    html(&SectionPage {
        share: Share::new(site, &path, &s.title, &s.summary),
        menu: Menu::new(&site.ui, p, order, &path),
        meta,
        chrome: cx.chrome,
        s,
        key: doc.key.as_ref(),
        key_label,
        doc: &doc.doc,
        sources_id: "sources",
        sources: sources_view(cx, p, &cites.list()),
        reviewed: reviewed(cx, p),
        pager_label: fill(&site.ui.section.pager, &[("pathway", &p.short_title)]),
        prev: step(cx, at.checked_sub(1).and_then(|j| order.get(j))),
        next: step(cx, order.get(at + 1)),
    })
}

/// Render a section's page from `Docs`.
pub(crate) fn section_page(cx: &Cx<'_>, p: &Pathway, i: usize) -> Result<String, String> {
    let doc = cx
        .docs
        .get(cx.index(p), i)
        .ok_or("a section was not rendered")?;
    section(cx, p, i, doc)
}

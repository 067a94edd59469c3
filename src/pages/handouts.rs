//! The handouts: one sheet (quick facts, pay picture, first steps, the
//! section parts pathway.toml names, a QR code), and every section on one
//! page to print.

use super::cx::{Cx, SourceView, sources_view};
use super::docs;
use super::layout::{Chrome, Meta};
use super::pathway::{meta_for, reviewed, summary};
use crate::blocks::{Citations, Fmt, html};
use crate::content::Pathway;
use crate::markdown::Ids;
use crate::registry::{self, Page};
use crate::util::text::fill;
use askama::Template;

#[derive(Template)]
#[template(path = "handout.html")]
struct Handout<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    p: &'a Pathway,
    kicker: String,
    heading: String,
    reviewed: String,
    url: String,
    qr: String,
    picture: String,
    facts: String,
    first_steps: String,
    parts: Vec<(String, String)>,
    sources_id: &'a str,
    sources: Vec<SourceView>,
    see_all: String,
}

/// The one-sheet handout: quick facts, the pay picture, first steps, the
/// parts of sections pathway.toml names, sources and a QR code.
pub(crate) fn handout(cx: &Cx<'_>, p: &Pathway) -> Result<String, String> {
    let site = cx.site;
    let ui = &site.ui.print;
    let cites = Citations::new(site, "h-");
    let f = Fmt {
        ui: &site.ui,
        cites: &cites,
        review_year: Some(p.last_reviewed.year),
    };
    let summary = summary(cx, p, &f, "h-")?;
    let mut parts = Vec::new();
    for (k, (slug, id)) in p.handout.iter().enumerate() {
        let Some(si) = p.sections.iter().position(|s| &s.slug == slug) else {
            continue;
        };
        // A heading that is not there is reported at the handout entry by
        // the link check; the page just leaves the part out.
        if let Some(part) = excerpt(cx, p, si, id, &format!("h{k}-"), &cites)? {
            parts.push(part);
        }
    }
    let heading = fill(
        &ui.handout_title,
        &[("title", &p.title), ("short", &p.short_title)],
    );
    let page = Page::Handout(p);
    let url = site.url(&registry::pathway_path(p));
    let meta = meta_for(cx, page, p, &heading, &p.description, &cites.groups());
    html(&Handout {
        meta,
        chrome: cx.chrome,
        p,
        kicker: fill(&ui.kicker, &[("site", &site.name)]),
        heading,
        reviewed: reviewed(cx, p),
        qr: cx.docs.qr.svg(&url, &ui.qr_label),
        url,
        picture: summary.picture.html,
        facts: summary.facts,
        first_steps: summary.first_steps.map(|x| x.html).unwrap_or_default(),
        parts,
        sources_id: "h-sources",
        sources: sources_view(cx, p, &cites.list()),
        see_all: fill(
            &ui.see_all,
            &[("url", &site.url(&Page::PrintAll(p).path()))],
        ),
    })
}

/// The part of a section under one heading (up to the next heading of the
/// same or a higher level), rendered with its own id prefix; `None` when
/// the section has no such id (the link check reports that at the entry).
fn excerpt<'a>(
    cx: &Cx<'a>,
    p: &'a Pathway,
    si: usize,
    id: &str,
    prefix: &str,
    cites: &Citations<'a>,
) -> Result<Option<(String, String)>, String> {
    let s = &p.sections[si];
    let doc = cx
        .docs
        .get(cx.index(p), si)
        .ok_or("a section was not rendered")?;
    let Some(entry) = doc.doc.toc.iter().position(|t| t.id == id) else {
        if doc.doc.ids.iter().any(|(x, _)| x == id) {
            return Err(format!(
                "the handout names `{}#{id}`, which is not a `##` or `###` heading",
                s.slug
            ));
        }
        return Ok(None);
    };
    let level = doc.doc.toc[entry].level;
    let start = doc.doc.ids.iter().find(|(x, _)| x == id).map(|(_, o)| *o);
    let end = doc.doc.toc[entry + 1..]
        .iter()
        .find(|t| t.level <= level)
        .and_then(|t| {
            doc.doc
                .ids
                .iter()
                .find(|(x, _)| *x == t.id)
                .map(|(_, o)| *o)
        })
        .unwrap_or(s.file.text.len());
    let Some(start) = start else {
        return Err(format!("the heading `{id}` has no position"));
    };
    // Skip the heading line itself: the handout gives the part its own title.
    let body_from = s.file.text[start..end]
        .find('\n')
        .map_or(end, |n| start + n + 1);
    let part = crate::content::Section {
        slug: s.slug.clone(),
        title: s.title.clone(),
        nav_title: s.nav_title.clone(),
        summary: s.summary.clone(),
        answer: s.answer.clone(),
        sources: s.sources.clone(),
        key_figure: None,
        file: std::sync::Arc::new(crate::diag::SourceFile::new(
            s.file.path.clone(),
            s.file.text[..end].to_string(),
        )),
        body_start: body_from,
    };
    let mut diags = Vec::new();
    let ids = Ids {
        prefix: prefix.to_string(),
        shift: 1,
    };
    let at = docs::Where {
        site: cx.site,
        pathway: p,
        glossary: cx.glossary,
    };
    let rendered = docs::render_section(at, &part, &ids, cites, false, &mut diags);
    Ok(Some((doc.doc.toc[entry].text.clone(), rendered.html)))
}

struct PrintSection {
    id: String,
    title: String,
    summary: String,
    html: String,
}

#[derive(Template)]
#[template(path = "print_all.html")]
struct PrintAll<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    p: &'a Pathway,
    kicker: String,
    heading: String,
    reviewed: String,
    url: String,
    qr: String,
    sections: Vec<PrintSection>,
    sources_id: &'a str,
    sources: Vec<SourceView>,
}

/// Every section on one page, rendered again with an id prefix per section
/// and headings one level down (so ids never collide), one source list.
pub(crate) fn print_all(cx: &Cx<'_>, p: &Pathway) -> Result<String, String> {
    let site = cx.site;
    let ui = &site.ui.print;
    let cites = Citations::new(site, "p-");
    let mut sections = Vec::new();
    let mut diags = Vec::new();
    for s in &p.sections {
        let ids = Ids {
            prefix: format!("{}-", s.slug),
            shift: 1,
        };
        let doc = docs::render_section(
            docs::Where {
                site,
                pathway: p,
                glossary: cx.glossary,
            },
            s,
            &ids,
            &cites,
            false,
            &mut diags,
        );
        sections.push(PrintSection {
            id: s.slug.clone(),
            title: s.title.clone(),
            summary: s.summary.clone(),
            html: doc.html,
        });
    }
    let heading = fill(
        &ui.all_title,
        &[("title", &p.title), ("short", &p.short_title)],
    );
    let url = site.url(&registry::pathway_path(p));
    let meta = meta_for(
        cx,
        Page::PrintAll(p),
        p,
        &heading,
        &p.description,
        &cites.groups(),
    );
    html(&PrintAll {
        meta,
        chrome: cx.chrome,
        p,
        kicker: fill(&ui.kicker, &[("site", &site.name)]),
        heading,
        reviewed: reviewed(cx, p),
        qr: cx.docs.qr.svg(&url, &ui.qr_label),
        url,
        sections,
        sources_id: "p-sources",
        sources: sources_view(cx, p, &cites.list()),
    })
}

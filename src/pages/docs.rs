//! Rendering sections' Markdown: the [`markdown::Context`] of a section
//! (figures, comparisons and blocks from the pathway's data, the glossary,
//! the layout's reserved ids), and [`Docs`], every section rendered once
//! for its page and for search.

use crate::blocks::{self, Citations, Fmt, cite::Cited};
use crate::content::figures::{self, FigureName};
use crate::content::{Pathway, Section, Site};
use crate::diag::Diagnostic;
use crate::markdown::{self, Glossary, Ids, Piece, Rendered};
use crate::registry;
use crate::util::text::fill;
use std::collections::HashMap;

/// Ids the layout of a section page uses around the Markdown (`title`: on
/// the page that prints every section, `{section}-title` heads each one,
/// where the section's own ids take the prefix `{section}-`).
pub(crate) const SECTION_LAYOUT_IDS: &[&str] = &[
    "main",
    "title",
    "top",
    "contents",
    "sources",
    "share",
    "share-title",
    "site-q",
    "pathway-menu",
    "key-figure",
    "first-steps",
    "pay-picture",
    "self-check",
];

/// The Markdown context of one section on one page.
pub(crate) struct SectionCtx<'a, 'c> {
    pub(crate) site: &'a Site,
    pub(crate) pathway: &'a Pathway,
    /// The section's slug (the self-check form sends answers to its page).
    pub(crate) section: String,
    pub(crate) glossary: &'a Glossary,
    pub(crate) fmt: Fmt<'a, 'c>,
    /// The id prefix of the page (`""`, or the section's on a print page).
    pub(crate) prefix: String,
    /// The answers and the "sent with no answer" flag, on a result page.
    pub(crate) unanswered: bool,
}

impl SectionCtx<'_, '_> {
    fn name(&self, name: &str) -> Result<FigureName, String> {
        FigureName::parse(name)
    }
}

impl markdown::Context for SectionCtx<'_, '_> {
    fn figure(&self, name: &str) -> Result<Piece, String> {
        let name = self.name(name)?;
        let fig = figures::find(&name, self.pathway, &self.site.baseline)?;
        Ok(self.fmt.figure(&fig))
    }

    fn compare(&self, name: &str, whole: bool) -> Result<Piece, String> {
        let name = self.name(name)?;
        let c = figures::compare(&name, self.pathway, &self.site.baseline)?;
        Ok(self.fmt.compare(&c, whole))
    }

    fn block(&self, name: &str, args: &[&str]) -> Result<Piece, String> {
        let p = self.pathway;
        let f = &self.fmt;
        let title_href = |id: &str| registry::title_path(p, id);
        match (name, args) {
            ("table", ["pay"]) => blocks::tables::pay(f, p, &self.site.baseline),
            ("table", ["outlook"]) => blocks::tables::outlook(f, p, &self.site.baseline),
            ("table", ["history"]) => blocks::tables::history(f, p),
            ("table", ["industries", id]) => blocks::tables::industries(f, p, id),
            ("table", ["education"]) => blocks::parts::education(f, p, &title_href),
            ("titles", []) => blocks::parts::titles(p, &title_href),
            ("pay-picture", []) => blocks::picture::pay_picture(
                f,
                p,
                &self.site.baseline,
                &format!("{}pay-picture", self.prefix),
            ),
            ("first-steps", []) => blocks::parts::first_steps(
                &self.site.ui.parts,
                p,
                &format!("{}first-steps", self.prefix),
            ),
            ("self-check", []) => {
                let check = p
                    .self_check
                    .as_ref()
                    .ok_or("`{{ self-check }}` needs a self-check.toml beside pathway.toml")?;
                let action = registry::section_path(p, &self.section);
                blocks::parts::self_check_form(
                    &self.site.ui.parts,
                    &self.prefix,
                    check,
                    &action,
                    &|_| None,
                    self.unanswered,
                )
            }
            _ => Err(format!(
                "unknown block `{{{{ {} }}}}`; use one of: table pay, table outlook, table history, table industries OCCUPATION-ID, table education, titles, pay-picture, first-steps, self-check, details TITLE",
                std::iter::once(name)
                    .chain(args.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
        }
    }

    fn glossary(&self) -> &Glossary {
        self.glossary
    }

    fn reserved_ids(&self) -> &[&str] {
        SECTION_LAYOUT_IDS
    }

    fn anchor_label(&self, heading: &str) -> String {
        fill(&self.site.ui.chrome.anchor, &[("name", heading)])
    }

    fn note_label(&self, n: usize) -> String {
        fill(&self.site.ui.chrome.note, &[("n", &n.to_string())])
    }

    fn table_label(&self) -> String {
        self.site.ui.chrome.table.clone()
    }

    fn term_href(&self, id: &str) -> String {
        registry::glossary_term(&self.site.prefix, id)
    }

    fn local_href(&self, href: &str) -> String {
        registry::in_edition(&self.site.prefix, href)
    }
}

/// One section rendered for its page.
#[derive(Debug)]
pub(crate) struct SectionDoc<'a> {
    /// The key figure under the title, when the section names one.
    pub(crate) key: Option<Piece>,
    pub(crate) doc: Rendered,
    /// The page's sources so far (key figure, then body), in marker order.
    pub(crate) cited: Vec<Cited<'a>>,
    /// Occupations whose figures the section shows.
    pub(crate) groups: Vec<String>,
}

impl SectionDoc<'_> {
    /// Does this section show the pathway's self-check?
    pub(crate) fn has_self_check(&self) -> bool {
        self.doc.uses.iter().any(|u| u == "self-check")
    }
}

/// Every section of every pathway, rendered once; QR codes drawn once per
/// address (a pathway's handout and its all-sections page share one).
#[derive(Debug, Default)]
pub(crate) struct Docs<'a> {
    pub(crate) sections: HashMap<(usize, usize), SectionDoc<'a>>,
    pub(crate) qr: super::qr::QrCodes,
}

impl<'a> Docs<'a> {
    pub(crate) fn get(&self, pathway: usize, section: usize) -> Option<&SectionDoc<'a>> {
        self.sections.get(&(pathway, section))
    }

    /// The section of a pathway that shows its self-check.
    pub(crate) fn self_check_section(&self, pathway: usize, p: &Pathway) -> Option<usize> {
        (0..p.sections.len())
            .find(|&i| self.get(pathway, i).is_some_and(SectionDoc::has_self_check))
    }
}

impl crate::search::Sections for Docs<'_> {
    fn rendered(&self, pathway: usize, section: usize) -> Option<&Rendered> {
        self.get(pathway, section).map(|d| &d.doc)
    }
}

/// Where a section is rendered: its site, pathway and glossary.
#[derive(Clone, Copy)]
pub(crate) struct Where<'a> {
    pub(crate) site: &'a Site,
    pub(crate) pathway: &'a Pathway,
    pub(crate) glossary: &'a Glossary,
}

/// Render one section's Markdown with `ids`, citing into `cites`.
pub(crate) fn render_section<'a>(
    at: Where<'a>,
    s: &Section,
    ids: &Ids,
    cites: &Citations<'a>,
    unanswered: bool,
    diags: &mut Vec<Diagnostic>,
) -> Rendered {
    let Where {
        site,
        pathway: p,
        glossary,
    } = at;
    let ctx = SectionCtx {
        site,
        pathway: p,
        section: s.slug.clone(),
        glossary,
        fmt: Fmt {
            ui: &site.ui,
            cites,
            review_year: Some(p.last_reviewed.year),
        },
        prefix: ids.prefix.clone(),
        unanswered,
    };
    markdown::render(&s.file, s.body(), s.body_start, ids, &ctx, diags)
}

/// Render every section for its own page, the sections spread over every
/// core. A section whose rendering panics is an error naming its file.
pub(crate) fn render_all<'a>(
    site: &'a Site,
    glossary: &'a Glossary,
    diags: &mut Vec<Diagnostic>,
) -> Docs<'a> {
    let at = |p| Where {
        site,
        pathway: p,
        glossary,
    };
    // One item per section, each carrying its own (pathway, section)
    // numbers: a result can only land where it belongs.
    let items: Vec<(usize, usize)> = site
        .pathways
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..p.sections.len()).map(move |si| (pi, si)))
        .collect();
    let done = crate::util::par::on_all_cores(&items, |&(pi, si)| {
        let p = &site.pathways[pi];
        let mut found = Vec::new();
        let doc = render_for_page(at(p), &p.sections[si], &mut found);
        ((pi, si), doc, found)
    });
    let mut docs = Docs::default();
    match done {
        Ok(done) => {
            for (at, doc, found) in done {
                diags.extend(found);
                docs.sections.insert(at, doc);
            }
        }
        Err(panicked) => {
            let (pi, si) = items[panicked.index];
            let section = &site.pathways[pi].sections[si];
            diags.push(crate::diag::file_error(
                &section.file.path,
                format!("rendering this section failed: {}", panicked.message),
            ));
        }
    }
    docs
}

/// One section rendered for its own page, with its key figure.
fn render_for_page<'a>(at: Where<'a>, s: &Section, diags: &mut Vec<Diagnostic>) -> SectionDoc<'a> {
    let (site, p) = (at.site, at.pathway);
    let cites = Citations::new(site, "");
    let fmt = Fmt {
        ui: &site.ui,
        cites: &cites,
        review_year: Some(p.last_reviewed.year),
    };
    let key = s.key_figure.as_ref().and_then(|name| {
        figures::find(name, p, &site.baseline)
            .ok()
            .map(|fig| fmt.figure(&fig))
    });
    let doc = render_section(at, s, &Ids::default(), &cites, false, diags);
    SectionDoc {
        key,
        doc,
        cited: cites.list(),
        groups: cites.groups(),
    }
}

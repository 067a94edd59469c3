//! The search documents: every page part a student can land on, taken from
//! the loaded [`Site`].

use super::Kind;
use super::Sections;
use crate::content::{Pathway, Site};
use crate::registry;

/// One searchable document.
#[derive(Debug, Clone)]
pub(super) struct Doc {
    pub(super) kind: Kind,
    /// The heading, term, job title or resource title (boosted).
    pub(super) title: String,
    /// Where it sits, outermost first ("HIM", "Pay").
    pub(super) crumbs: Vec<String>,
    /// Surrounding headings (section title, parent heading), boosted a little.
    pub(super) context: String,
    /// The text a snippet comes from.
    pub(super) body: String,
    /// Site path with anchor.
    pub(super) url: String,
    /// The figure its section explains (the section's key figure).
    pub(super) topic: Option<super::Topic>,
    /// A state page's state: (name, postal code).
    pub(super) place: Option<(String, String)>,
}

impl Doc {
    /// Bytes held by this document's strings (for the memory estimate).
    pub(super) fn heap_bytes(&self) -> usize {
        self.title.capacity()
            + self.context.capacity()
            + self.body.capacity()
            + self.url.capacity()
            + self.crumbs.iter().map(String::capacity).sum::<usize>()
            + self.crumbs.capacity() * std::mem::size_of::<String>()
    }
}

/// Every document of the site, in a stable order.
pub(super) fn collect(site: &Site, sections: &dyn Sections) -> Vec<Doc> {
    let mut docs = Vec::new();
    for (pi, p) in site.pathways.iter().enumerate() {
        pathway(site, p, pi, sections, &mut docs);
    }
    for t in &site.glossary {
        let title = match &t.expansion {
            Some(exp) => format!("{} ({exp})", t.term),
            None => t.term.clone(),
        };
        let mut body = t.definition.clone();
        if !t.also.is_empty() {
            body.push_str(" Also written: ");
            body.push_str(&t.also.join(", "));
            body.push('.');
        }
        docs.push(Doc {
            kind: Kind::Glossary,
            title,
            crumbs: vec![site.ui.glossary.title.clone()],
            context: String::new(),
            body,
            url: registry::glossary_term(&site.prefix, &t.id),
            topic: None,
            place: None,
        });
    }
    for r in &site.resources {
        docs.push(Doc {
            kind: Kind::Resource,
            title: r.title.clone(),
            crumbs: vec![
                site.ui.resources.title.clone(),
                r.kind.heading(&site.ui).to_string(),
            ],
            context: r.kind.heading(&site.ui).to_string(),
            body: format!("{} {}", r.why, r.organisation),
            url: registry::resource_group(&site.prefix, r.kind.id()),
            topic: None,
            place: None,
        });
    }
    docs
}

/// A pathway's pay-by-state page and each state's page: found by the
/// state's name or postal code with "pay", "salary" or a job's name.
fn state_pages(site: &Site, p: &Pathway, docs: &mut Vec<Doc>) {
    use crate::content::oews::Datatype;
    let Some(oews) = site
        .oews
        .as_deref()
        .filter(|o| registry::has_state_pay(p, Some(o)))
    else {
        return;
    };
    let u = &site.ui.states;
    let year = oews.year.to_string();
    let index_title = crate::util::text::fill(&u.title, &[("pathway", &p.short_title)]);
    let jobs: Vec<String> = p
        .occupations()
        .map(|o| format!("{}: {}", o.title, o.description))
        .collect();
    docs.push(Doc {
        kind: Kind::StatePay,
        title: index_title.clone(),
        crumbs: vec![p.short_title.clone()],
        context: u.map_hint.clone(),
        body: format!(
            "{} {}",
            crate::util::text::fill(
                &u.description,
                &[("pathway", &p.short_title), ("year", &year)]
            ),
            jobs.join(" ")
        ),
        url: registry::pay_path(p),
        topic: None,
        place: None,
    });
    if registry::states_on_demand(site) {
        // Too many to index one by one: the pay-by-state page (above)
        // lists every state.
        return;
    }
    for (i, area) in oews.states() {
        let place = site.places.iter().find(|pl| pl.fips == area.fips);
        let name = place
            .and_then(|pl| pl.name.clone())
            .unwrap_or_else(|| area.name.clone());
        let postal = place.map_or("", |pl| pl.postal.as_str());
        let medians: Vec<String> = p
            .occupations()
            .filter_map(|o| {
                let median = oews
                    .get(i, o.soc.as_deref()?)?
                    .whole(Datatype::AnnualMedian)?;
                Some(format!("{} {}.", o.title, site.ui.numbers.money(median)))
            })
            .collect();
        docs.push(Doc {
            kind: Kind::StatePay,
            title: crate::util::text::fill(
                &u.page_title,
                &[("pathway", &p.short_title), ("state", &name)],
            ),
            crumbs: vec![p.short_title.clone(), index_title.clone()],
            context: format!("{name} {postal} {}", area.name),
            body: format!(
                "{} {} {}",
                crate::util::text::fill(
                    &u.page_description,
                    &[
                        ("pathway", &p.short_title),
                        ("state", &name),
                        ("year", &year)
                    ]
                ),
                medians.join(" "),
                jobs.join(" ")
            ),
            url: registry::state_path(p, &area.slug),
            topic: None,
            place: Some((name.clone(), postal.to_string())),
        });
    }
}

fn pathway(site: &Site, p: &Pathway, pi: usize, sections: &dyn Sections, docs: &mut Vec<Doc>) {
    let ui = &site.ui;
    let overview = registry::pathway_path(p);
    let occupations: Vec<String> = p
        .occupations()
        .map(|o| format!("{}: {}", o.title, o.description))
        .collect();
    docs.push(Doc {
        kind: Kind::Overview,
        title: format!("{} ({})", p.title, p.short_title),
        crumbs: vec![ui.chrome.nav_pathways.clone()],
        context: String::new(),
        body: format!("{} {} {}", p.summary, p.description, occupations.join(" ")),
        url: overview.clone(),
        topic: None,
        place: None,
    });
    for (si, s) in p.sections.iter().enumerate() {
        let Some(doc) = sections.rendered(pi, si) else {
            continue;
        };
        let path = registry::section_path(p, &s.slug);
        let topic = s.key_figure.as_ref().map(|f| super::Topic::of(f.field));
        let mut parent: Option<&str> = None;
        if doc.blocks.first().is_none_or(|b| b.heading.is_some()) {
            docs.push(Doc {
                kind: Kind::Section,
                title: s.title.clone(),
                crumbs: vec![p.short_title.clone(), s.nav_title.clone()],
                context: s.nav_title.clone(),
                body: s.summary.clone(),
                url: path.clone(),
                topic,
                place: None,
            });
        }
        for block in &doc.blocks {
            let text = block.text.split_whitespace().collect::<Vec<_>>().join(" ");
            match &block.heading {
                None => docs.push(Doc {
                    kind: Kind::Section,
                    title: s.title.clone(),
                    crumbs: vec![p.short_title.clone(), s.nav_title.clone()],
                    context: s.nav_title.clone(),
                    body: format!("{} {text}", s.summary),
                    url: path.clone(),
                    topic,
                    place: None,
                }),
                Some((id, heading)) => {
                    let level = doc.toc.iter().find(|t| &t.id == id).map_or(2, |t| t.level);
                    let mut crumbs = vec![p.short_title.clone(), s.nav_title.clone()];
                    let mut context = format!("{} {}", s.nav_title, s.title);
                    if level == 2 {
                        parent = Some(heading);
                    } else if let Some(h2) = parent {
                        crumbs.push(h2.to_string());
                        context.push(' ');
                        context.push_str(h2);
                    }
                    docs.push(Doc {
                        kind: Kind::Section,
                        title: heading.clone(),
                        crumbs,
                        context,
                        body: text,
                        url: format!("{path}#{id}"),
                        topic,
                        place: None,
                    });
                }
            }
        }
    }
    state_pages(site, p, docs);
    if let Some(map) = &p.career_map {
        let map_title = crate::util::text::fill(&ui.map.title, &[("short", &p.short_title)]);
        for t in &map.titles {
            let level = map
                .levels
                .iter()
                .find(|l| l.id == t.education)
                .map_or("", |l| l.name.as_str());
            let occupation = p
                .group(&t.occupation)
                .map(|o| format!("{} ({})", o.title, o.soc.as_deref().unwrap_or_default()))
                .unwrap_or_default();
            let mut body = format!("{} {level}. {occupation}.", t.summary);
            if !t.credentials.is_empty() {
                body.push(' ');
                body.push_str(&t.credentials.join(", "));
                body.push('.');
            }
            docs.push(Doc {
                kind: Kind::JobTitle,
                title: t.name.clone(),
                crumbs: vec![p.short_title.clone(), map_title.clone()],
                context: level.to_string(),
                body,
                url: registry::title_path(p, &t.id),
                topic: None,
                place: None,
            });
        }
    }
}

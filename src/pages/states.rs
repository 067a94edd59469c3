//! Pay where you live, from BLS's OEWS files: a pathway's pay-by-state
//! page (a tile map per occupation, a table of every state, a state
//! picker that works without JavaScript) and one page per state (each
//! occupation's median, hourly pay, spread, jobs and concentration, a
//! same-state same-year comparison, and every area of the state).

mod occupation;
mod tiles;
mod words;

use super::cx::{Cx, SourceView, sources_view};
use super::jsonld;
use super::layout::{Chrome, Meta, Share, pathway_crumbs};
use crate::blocks::{Citations, Fmt};
use crate::content::Pathway;
use crate::content::oews::{ALL_SOC, Datatype, Oews};
use crate::registry::{self, Page};
use crate::util::html::escape;
use crate::util::text::fill;
use askama::Template;
use occupation::{OccupationView, occupation_view};
use words::Words;

/// One occupation's map and table on the pay-by-state page.
struct Panel {
    id: String,
    title: String,
    caption: String,
    tiles: Vec<tiles::Tile>,
    key: Vec<tiles::KeyItem>,
    table_caption: String,
    rows: Vec<StateRow>,
}

struct StateRow {
    href: String,
    name: String,
    median: String,
    range: String,
    employment: String,
    per_thousand: String,
}

/// A state in the picker.
struct Choice {
    slug: String,
    name: String,
}

#[derive(Template)]
#[template(path = "pay_by_state.html")]
struct PayByState<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    heading: String,
    lead: String,
    action: String,
    choices: Vec<Choice>,
    panels: Vec<Panel>,
    national: String,
    sources: Vec<SourceView>,
    sources_id: String,
    share: Share,
}

/// The pathway's occupations that the files hold, with their SOC codes.
fn occupations<'a>(p: &'a Pathway, oews: &Oews) -> Vec<(&'a crate::content::Group, &'a str)> {
    p.occupations()
        .filter_map(|g| g.soc.as_deref().map(|soc| (g, soc)))
        .filter(|(_, soc)| oews.has(soc))
        .collect()
}

/// Where a reader sees the national pay: the section that shows the pay
/// table or picture, else the overview.
pub(crate) fn national_path(cx: &Cx<'_>, p: &Pathway) -> String {
    let pi = cx.index(p);
    (0..p.sections.len())
        .find(|&i| {
            cx.docs.get(pi, i).is_some_and(|d| {
                d.doc
                    .uses
                    .iter()
                    .any(|u| u == "pay-picture" || u == "table pay")
            })
        })
        .map_or_else(
            || registry::pathway_path(p),
            |i| registry::section_path(p, &p.sections[i].slug),
        )
}

fn crumbs(cx: &Cx<'_>, p: &Pathway, extra: &[(String, String)]) -> Vec<(String, String)> {
    let ui = &cx.site.ui;
    let mut c = pathway_crumbs(ui, p);
    c.push((
        fill(&ui.states.title, &[("pathway", &p.short_title)]),
        registry::pay_path(p),
    ));
    c.extend_from_slice(extra);
    c
}

pub(crate) fn pay_by_state(cx: &Cx<'_>, p: &Pathway, oews: &Oews) -> Result<String, String> {
    let site = cx.site;
    let u = &site.ui.states;
    let cites = Citations::new(site, "");
    let fmt = Fmt {
        ui: &site.ui,
        cites: &cites,
        review_year: None,
    };
    let w = Words {
        site,
        oews,
        fmt: &fmt,
    };
    let year = oews.year.to_string();
    let states = oews.states();
    let mut choices: Vec<Choice> = states
        .iter()
        .map(|&(i, a)| Choice {
            slug: a.slug.clone(),
            name: w.place_name(i),
        })
        .collect();
    choices.sort_by(|a, b| a.name.cmp(&b.name));
    let panels = occupations(p, oews)
        .into_iter()
        .map(|(g, soc)| {
            let rows = states
                .iter()
                .map(|&(i, a)| {
                    let e = oews.get(i, soc);
                    StateRow {
                        href: registry::state_path(p, &a.slug),
                        name: w.place_name(i),
                        median: w.cell(e, Datatype::AnnualMedian),
                        range: w.range_cell(e),
                        employment: w.count_cell(e, Datatype::Employment),
                        per_thousand: w.count_cell(e, Datatype::PerThousand),
                    }
                })
                .collect();
            let (tiles, key) = tiles::map(&w, p, soc);
            Panel {
                id: format!("map-{}", g.id),
                title: g.title.clone(),
                caption: fill(&u.map_caption, &[("occupation", &g.title), ("year", &year)]),
                tiles,
                key,
                table_caption: fill(
                    &u.table_caption,
                    &[("occupation", &g.title), ("year", &year)],
                ),
                rows,
            }
        })
        .collect();
    let page = Page::PayByState(p, oews);
    let path = page.path();
    let heading = fill(&u.title, &[("pathway", &p.short_title)]);
    let description = fill(
        &u.description,
        &[("pathway", &p.short_title), ("year", &year)],
    );
    let mut meta = Meta::new(site, &path, &heading, &description).crumbs(crumbs(cx, p, &[]));
    meta.nav = "pathways";
    meta.json_ld = jsonld::page(site, &meta, Some(p), &[]);
    let view = PayByState {
        chrome: cx.chrome,
        heading: heading.clone(),
        lead: fill(&u.lead, &[("year", &year)]),
        action: path.clone(),
        choices,
        panels,
        national: national_path(cx, p),
        sources: sources_view(cx, p, &cites.list()),
        sources_id: "sources".into(),
        share: Share::new(site, &path, &heading, &description),
        meta,
    };
    view.render().map_err(|e| e.to_string())
}

struct AreaRow {
    name: String,
    cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "state_pay.html")]
struct StatePage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    heading: String,
    lead: String,
    occupations: Vec<OccupationView>,
    spread_key: String,
    metros_heading: String,
    metros_caption: String,
    metro_heads: Vec<String>,
    metros: Vec<AreaRow>,
    no_metros: String,
    back: String,
    national: String,
    sources: Vec<SourceView>,
    sources_id: String,
    share: Share,
}

pub(crate) fn state_page(
    cx: &Cx<'_>,
    p: &Pathway,
    oews: &Oews,
    area: usize,
    national: &str,
) -> Result<String, String> {
    let site = cx.site;
    let u = &site.ui.states;
    let cites = Citations::new(site, "");
    let fmt = Fmt {
        ui: &site.ui,
        cites: &cites,
        review_year: None,
    };
    let w = Words {
        site,
        oews,
        fmt: &fmt,
    };
    let state = w.place_name(area);
    let year = oews.year.to_string();
    let all = oews.get(area, ALL_SOC);
    let occs = occupations(p, oews);
    let scale = tiles::spread_scale(oews, area, &occs);
    let mut views = Vec::new();
    let mut ld = Vec::new();
    for &(g, soc) in &occs {
        let e = oews.get(area, soc);
        if e.and_then(|e| e.whole(Datatype::AnnualMedian)).is_some() {
            cites.shows(&g.id);
        }
        ld.push(jsonld::state_occupation(g, &site.ui, &state, oews.year, e));
        views.push(occupation_view(&w, g, soc, &state, e, all, scale));
    }
    let metros = oews.metros_of(
        area,
        super::states::words::place_of(site, &oews.areas[area].fips).map(|pl| pl.postal.as_str()),
    );
    let metro_rows = metros
        .iter()
        .map(|&(i, a)| AreaRow {
            name: a.name.clone(),
            cells: occs
                .iter()
                .map(|&(_, soc)| {
                    let e = oews.get(i, soc);
                    let median = w.cell(e, Datatype::AnnualMedian);
                    let has_median = w.amount(e, Datatype::AnnualMedian).is_some();
                    match w.count(e, Datatype::Employment) {
                        // Nothing published here: say so once.
                        None if !has_median => median,
                        Some(n) => format!(
                            "{median}<br><span class=\"meta\">{}{}</span>",
                            escape(&fill(&u.jobs_short, &[("count", &n)])),
                            w.marker()
                        ),
                        None => format!(
                            "{median}<br><span class=\"meta\">{}: {}</span>",
                            escape(&u.employment),
                            escape(&u.no_estimate)
                        ),
                    }
                })
                .collect(),
        })
        .collect();
    let page = Page::StatePay(p, oews, area);
    let path = page.path();
    let heading = fill(
        &u.page_title,
        &[("pathway", &p.short_title), ("state", &state)],
    );
    let description = fill(
        &u.page_description,
        &[
            ("pathway", &p.short_title),
            ("state", &state),
            ("year", &year),
        ],
    );
    let mut meta = Meta::new(site, &path, &heading, &description).crumbs(crumbs(
        cx,
        p,
        &[(state.clone(), path.clone())],
    ));
    meta.nav = "pathways";
    meta.og_type = "article";
    meta.json_ld = jsonld::page_with(site, &meta, Some(p), ld);
    let view = StatePage {
        chrome: cx.chrome,
        lead: fill(&u.page_lead, &[("state", &state), ("year", &year)]),
        occupations: views,
        spread_key: u.spread_key.clone(),
        metros_heading: fill(&u.metros_heading, &[("state", &state)]),
        metros_caption: fill(&u.metros_caption, &[("state", &state), ("year", &year)]),
        metro_heads: occs.iter().map(|(g, _)| g.title.clone()).collect(),
        metros: metro_rows,
        no_metros: fill(&u.no_metros, &[("state", &state)]),
        back: registry::pay_path(p),
        national: national.to_string(),
        sources: sources_view(cx, p, &cites.list()),
        sources_id: "sources".into(),
        share: Share::new(site, &path, &heading, &description),
        heading,
        meta,
    };
    view.render().map_err(|e| e.to_string())
}

/// An occupation's anchor on a state's page: its id, unless the layout
/// or the page already uses that id.
pub(super) fn section_id(id: &str) -> String {
    const PAGE_IDS: [&str; 3] = ["areas", "find", "choose"];
    if super::docs::SECTION_LAYOUT_IDS.contains(&id) || PAGE_IDS.contains(&id) {
        format!("job-{id}")
    } else {
        id.to_string()
    }
}

/// A state's page rendered on its own, after the build (a site with more
/// state pages than [`super::render`] keeps makes them on first request):
/// `national` is where the pathway's national pay is shown.
pub(crate) fn state_page_alone(
    site: &crate::content::Site,
    chrome: &Chrome,
    pathway: usize,
    area: usize,
    national: &str,
) -> Result<String, String> {
    let p = site.pathways.get(pathway).ok_or("the pathway is gone")?;
    let oews = site.oews.as_deref().ok_or("the OEWS files are gone")?;
    let glossary = crate::markdown::Glossary::new(&[]);
    let docs = super::docs::Docs {
        sections: std::collections::HashMap::new(),
        qr: super::qr::QrCodes::default(),
    };
    let cx = Cx {
        site,
        chrome,
        docs: &docs,
        glossary: &glossary,
    };
    state_page(&cx, p, oews, area, national)
}

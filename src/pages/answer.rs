//! The answer card of a figure question on the search page ("coder pay",
//! "medical coder salary in Ohio", "cuánto gana"): the figure, its date,
//! its source marker (with the source under the card) and a link to where
//! the site explains it. The pathway is the top result's (or the only
//! one); the occupation is the pathway's key figure's; a state named in
//! the query gives that state's median from the OEWS files.

use crate::blocks::{Citations, Fmt};
use crate::content::figures::{self, Field, FigureName, Value, When};
use crate::content::oews::Datatype;
use crate::content::{Group, Pathway, Site};
use crate::registry;
use crate::search::{Results, Topic};
use crate::util::html::escape;
use crate::util::text::fill;

/// What the card shows.
#[derive(Debug, Clone)]
pub(crate) struct Card {
    pub label: String,
    /// Safe HTML: the figure in words with its date and marker.
    pub figure: String,
    pub where_href: String,
    pub where_text: String,
    /// (id, number, text) of each source cited.
    pub sources: Vec<(String, usize, String)>,
}

/// The card for these results, when the query asks for a figure the site has.
pub(crate) fn card(site: &Site, results: &Results) -> Option<Card> {
    let cites = Citations::new(site, "answer-");
    let (label, figure, where_href, where_text) = match &results.place {
        Some(url) if matches!(results.topic, None | Some(Topic::Pay | Topic::Jobs)) => {
            let jobs = results.topic == Some(Topic::Jobs);
            in_state(site, &cites, url, jobs)?
        }
        _ => {
            let p = pathway_of(site, results)?;
            let topic = results.topic?;
            national(site, &cites, p, topic)?
        }
    };
    let sources = cites
        .list()
        .iter()
        .map(|c| {
            let mut text = format!("{}, {}", c.source.publisher, c.source.title);
            if !c.years.is_empty() {
                text.push_str(". ");
                text.push_str(&fill(
                    &site.ui.sources.entry_years,
                    &[("years", &c.years.join(", "))],
                ));
            }
            (c.id.clone(), c.n, text)
        })
        .collect();
    Some(Card {
        label,
        figure,
        where_href,
        where_text,
        sources,
    })
}

/// The pathway the top result is on, or the site's only pathway.
fn pathway_of<'a>(site: &'a Site, results: &Results) -> Option<&'a Pathway> {
    let on = |p: &Pathway, url: &str| {
        let base = registry::pathway_path(p);
        url.strip_prefix(&base)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '#']))
    };
    results
        .hits
        .iter()
        .find_map(|h| site.pathways.iter().find(|p| on(p, &h.url)))
        .or(match site.pathways.as_slice() {
            [only] => Some(only),
            _ => None,
        })
}

fn field_of(topic: Topic) -> Field {
    match topic {
        Topic::Pay => Field::MedianPay,
        Topic::Growth => Field::Growth,
        Topic::Jobs => Field::Jobs,
        Topic::Education => Field::EntryEducation,
    }
}

fn national<'a>(
    site: &'a Site,
    cites: &Citations<'a>,
    p: &'a Pathway,
    topic: Topic,
) -> Option<(String, String, String, String)> {
    let field = field_of(topic);
    let name = FigureName {
        group: p.key_figure.group.clone(),
        field,
        year: None,
    };
    let fig = figures::find(&name, p, &site.baseline).ok()?;
    let group = p.group(&name.group)?;
    let fmt = Fmt {
        ui: &site.ui,
        cites,
        review_year: Some(p.last_reviewed.year),
    };
    let u = &site.ui.search;
    let label = match topic {
        Topic::Pay => &u.answer_pay,
        Topic::Growth => &u.answer_growth,
        Topic::Jobs => &u.answer_jobs,
        Topic::Education => &u.answer_education,
    };
    let label = fill(label, &[("group", &fmt.group_name(group))]);
    // Where it is explained: the section whose key figure it is, else the
    // first that shows the figure, else the overview.
    let shows = format!(".{}", field.name());
    let section = p
        .sections
        .iter()
        .find(|s| {
            s.key_figure
                .as_ref()
                .is_some_and(|k| Topic::of(k.field) == topic)
        })
        .or_else(|| p.sections.iter().find(|s| s.body().contains(&shows)));
    let (href, text) = match section {
        Some(s) => (registry::section_path(p, &s.slug), s.title.clone()),
        None => (registry::pathway_path(p), p.title.clone()),
    };
    Some((label, fmt.figure(&fig).html, href, text))
}

/// A state's median pay (or, for `jobs`, its wage and salary jobs).
fn in_state<'a>(
    site: &'a Site,
    cites: &Citations<'a>,
    url: &str,
    jobs: bool,
) -> Option<(String, String, String, String)> {
    let (datatype, label) = if jobs {
        (Datatype::Employment, &site.ui.search.answer_jobs_state)
    } else {
        (Datatype::AnnualMedian, &site.ui.search.answer_pay_state)
    };
    let oews = site.oews.as_deref()?;
    let (p, area) = site.pathways.iter().find_map(|p| {
        oews.states()
            .into_iter()
            .find(|(_, a)| registry::state_path(p, &a.slug) == url)
            .map(|(i, _)| (p, i))
    })?;
    let fips = &oews.areas[area].fips;
    let state = site
        .places
        .iter()
        .find(|pl| &pl.fips == fips)
        .and_then(|pl| pl.name.clone())
        .unwrap_or_else(|| oews.areas[area].name.clone());
    let key = p.group(&p.key_figure.group);
    let with_median = |g: &&Group| {
        let soc = g.soc.as_deref()?;
        oews.get(area, soc)?.whole(datatype)
    };
    let (group, median) = key
        .into_iter()
        .chain(p.occupations())
        .find_map(|g| with_median(&g).map(|m| (g, m)))?;
    let fmt = Fmt {
        ui: &site.ui,
        cites,
        review_year: None,
    };
    let when = When::May(oews.year);
    let value = if jobs {
        Value::Employment(median)
    } else {
        Value::Annual(median)
    };
    let text = fill(
        &site.ui.figures.with_when,
        &[("value", &fmt.value(&value)), ("when", &fmt.when(when))],
    );
    let figure = format!("{}{}", escape(&text), fmt.marker(&oews.source, when));
    let label = fill(
        label,
        &[("group", &fmt.group_name(group)), ("state", &state)],
    );
    let title = fill(
        &site.ui.states.page_title,
        &[("pathway", &p.short_title), ("state", &state)],
    );
    Some((label, figure, url.to_string(), title))
}

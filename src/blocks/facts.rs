//! Quick facts: for each current occupation, its jobs, its projected growth
//! beside all occupations over the same years, and the education it
//! usually starts with (explained when the words need it).

use super::Fmt;
use super::tables::{Cell, Row, Table};
use crate::content::figures::{Figure, Subject, Value, When};
use crate::content::{Baseline, Pathway};
use crate::util::html::escape;
use crate::util::text::fill;

/// The quick-facts table of a pathway (HTML).
pub(crate) fn quick_facts(
    f: &Fmt<'_, '_>,
    p: &Pathway,
    baseline: &Baseline,
) -> Result<String, String> {
    let ui = &f.ui.overview;
    let t = &f.ui.tables;
    let mut rows = Vec::new();
    for g in p.occupations() {
        let fig = |value, when, source: &'_ str| {
            f.cell(&Figure {
                subject: Subject::Group(g),
                value,
                when,
                source,
            })
        };
        let jobs = g
            .jobs
            .first()
            .map(|c| {
                format!(
                    "{} <span class=\"note\">({})</span>",
                    fig(Value::Jobs(c.value), When::Year(c.year), &c.source),
                    c.year
                )
            })
            .unwrap_or_default();
        let growth = g
            .growth
            .first()
            .map(|x| {
                let when = When::Period(x.from, x.to);
                let mut s = format!(
                    "{} <span class=\"note\">({})</span>",
                    fig(Value::Percent(x.percent), when, &x.source),
                    escape(&f.when(when))
                );
                if let Some(b) = baseline.growth_over(x.from, x.to) {
                    let all = f.cell(&Figure {
                        subject: Subject::AllOccupations,
                        value: Value::Percent(b.percent),
                        when,
                        source: &b.source,
                    });
                    s.push_str(&format!(
                        "<span class=\"note\"> {}: {all}</span>",
                        escape(&t.all_same_period)
                    ));
                }
                s
            })
            .unwrap_or_default();
        let education = g
            .entry_education
            .as_ref()
            .map(|e| {
                let mut s = fig(Value::Education(e), When::Year(e.year), &e.source);
                if let Some(m) = &e.meaning {
                    s.push_str(&format!(
                        "<span class=\"note meaning\"> ({})</span>",
                        escape(m)
                    ));
                }
                s
            })
            .unwrap_or_default();
        rows.push(Row {
            title: g.title.clone(),
            code: g
                .soc
                .as_deref()
                .map(|c| fill(&f.ui.figures.soc, &[("code", c)]))
                .unwrap_or_default(),
            cells: vec![
                Cell {
                    label: ui.jobs.clone(),
                    html: jobs,
                    class: "",
                },
                Cell {
                    label: ui.growth.clone(),
                    html: growth,
                    class: "",
                },
                Cell {
                    label: ui.education.clone(),
                    html: education,
                    class: "",
                },
            ],
            class: "",
        });
    }
    let table = Table {
        caption: ui.quick_facts.clone(),
        show_caption: false,
        class: "facts",
        head: vec![
            ui.occupation.clone(),
            ui.jobs.clone(),
            ui.growth.clone(),
            ui.education.clone(),
        ],
        numeric: false,
        rows,
        note: String::new(),
    };
    table.html()
}

//! Figure tables (`{{ table pay }}`, `outlook`, `history`, `industries ID`,
//! `education`). Every row of a current occupation is compared with all
//! occupations in its own year or projection period; history groups are
//! shown under their own names and never compared.

use super::{Fmt, html};
use crate::content::figures::{Subject, Value, When};
use crate::content::{Baseline, Group, Pathway};
use crate::markdown::Piece;
use crate::util::text::fill;
use askama::Template;

/// One cell: its label (for phone cards) and HTML (escaped, with markers).
#[derive(Debug)]
pub(crate) struct Cell {
    pub(crate) label: String,
    pub(crate) html: String,
    pub(crate) class: &'static str,
}

#[derive(Debug)]
pub(crate) struct Row {
    pub(crate) title: String,
    pub(crate) code: String,
    pub(crate) cells: Vec<Cell>,
    pub(crate) class: &'static str,
}

#[derive(Debug)]
pub(crate) struct Table {
    pub(crate) caption: String,
    /// Show the caption (a table right under a heading of the same words
    /// keeps it for screen readers only, as the region's name).
    pub(crate) show_caption: bool,
    pub(crate) class: &'static str,
    pub(crate) head: Vec<String>,
    pub(crate) numeric: bool,
    pub(crate) rows: Vec<Row>,
    pub(crate) note: String,
}

#[derive(Template)]
#[template(path = "blocks/table.html")]
struct TableView<'a> {
    t: &'a Table,
}

impl Table {
    pub(crate) fn html(&self) -> Result<String, String> {
        html(&TableView { t: self })
    }

    fn piece(&self) -> Result<Piece, String> {
        let text = self
            .rows
            .iter()
            .map(|r| r.title.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Piece {
            html: html(&TableView { t: self })?,
            text: format!("{} {text}", self.caption),
        })
    }
}

fn cell(label: &str, html: String) -> Cell {
    Cell {
        label: label.to_string(),
        html,
        class: "",
    }
}

fn code(f: &Fmt<'_, '_>, g: &Group) -> String {
    g.soc
        .as_deref()
        .map(|c| fill(&f.ui.figures.soc, &[("code", c)]))
        .unwrap_or_default()
}

fn when_cell(f: &Fmt<'_, '_>, label: &str, when: When) -> Cell {
    Cell {
        label: label.to_string(),
        html: crate::util::html::escape(&f.when(when)),
        class: if f.is_stale(when) {
            "when stale"
        } else {
            "when"
        },
    }
}

/// `{{ table pay }}`: every occupation's newest median pay, beside the
/// all-occupations median of the same May year.
pub(crate) fn pay(f: &Fmt<'_, '_>, p: &Pathway, baseline: &Baseline) -> Result<Piece, String> {
    let t = &f.ui.tables;
    let mut rows = Vec::new();
    for g in p.occupations() {
        let Some(pay) = g.pay.first() else { continue };
        let when = When::May(pay.year);
        let fig = |value| crate::content::figures::Figure {
            subject: Subject::Group(g),
            value,
            when,
            source: &pay.source,
        };
        let hourly = pay
            .hourly
            .map(|h| f.cell(&fig(Value::Hourly(h))))
            .unwrap_or_default();
        let base = baseline
            .pay_in(pay.year)
            .map(|b| {
                f.cell(&crate::content::figures::Figure {
                    subject: Subject::AllOccupations,
                    value: Value::Annual(b.annual),
                    when,
                    source: &b.source,
                })
            })
            .unwrap_or_default();
        rows.push(Row {
            title: g.title.clone(),
            code: code(f, g),
            cells: vec![
                cell(&t.per_year, f.cell(&fig(Value::Annual(pay.annual)))),
                cell(&t.per_hour, hourly),
                when_cell(f, &t.when, when),
                cell(&t.all_same_year, base),
            ],
            class: "",
        });
    }
    Table {
        caption: t.pay_caption.clone(),
        show_caption: true,
        class: "pay",
        head: vec![
            t.occupation.clone(),
            t.per_year.clone(),
            t.per_hour.clone(),
            t.when.clone(),
            t.all_same_year.clone(),
        ],
        numeric: false,
        rows,
        note: t.pay_note.clone(),
    }
    .piece()
}

/// `{{ table outlook }}`: jobs, projected growth and openings, beside all
/// occupations over the same period.
pub(crate) fn outlook(f: &Fmt<'_, '_>, p: &Pathway, baseline: &Baseline) -> Result<Piece, String> {
    let t = &f.ui.tables;
    let mut rows = Vec::new();
    for g in p.occupations() {
        let Some(growth) = g.growth.first() else {
            continue;
        };
        let period = When::Period(growth.from, growth.to);
        let figure = |value, when, source: &'_ str| {
            f.cell(&crate::content::figures::Figure {
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
                    figure(Value::Jobs(c.value), When::Year(c.year), &c.source),
                    c.year
                )
            })
            .unwrap_or_default();
        let mut growth_html = figure(Value::Percent(growth.percent), period, &growth.source);
        if let Some(words) = &growth.outlook {
            growth_html.push_str(&format!(
                "<span class=\"note\">{}</span>",
                crate::util::html::escape(words)
            ));
        }
        let openings = g
            .openings
            .iter()
            .find(|o| o.year == growth.from)
            .map(|o| figure(Value::Openings(o.value), period, &o.source))
            .unwrap_or_default();
        let base = baseline
            .growth_over(growth.from, growth.to)
            .map(|b| {
                f.cell(&crate::content::figures::Figure {
                    subject: Subject::AllOccupations,
                    value: Value::Percent(b.percent),
                    when: period,
                    source: &b.source,
                })
            })
            .unwrap_or_default();
        rows.push(Row {
            title: g.title.clone(),
            code: code(f, g),
            cells: vec![
                cell(&t.jobs, jobs),
                cell(&t.growth, growth_html),
                when_cell(f, &t.when, period),
                cell(&t.openings, openings),
                cell(&t.all_same_period, base),
            ],
            class: "",
        });
    }
    Table {
        caption: t.outlook_caption.clone(),
        show_caption: true,
        class: "outlook",
        head: vec![
            t.occupation.clone(),
            t.jobs.clone(),
            t.growth.clone(),
            t.when.clone(),
            t.openings.clone(),
            t.all_same_period.clone(),
        ],
        numeric: false,
        rows,
        note: String::new(),
    }
    .piece()
}

/// `{{ table history }}`: each older or broader group under its own name.
pub(crate) fn history(f: &Fmt<'_, '_>, p: &Pathway) -> Result<Piece, String> {
    let t = &f.ui.tables;
    let mut rows = Vec::new();
    for g in p.history() {
        let dated = |value: Value<'_>, when: When, source: &str| {
            let fig = crate::content::figures::Figure {
                subject: Subject::Group(g),
                value,
                when,
                source,
            };
            format!(
                "{} <span class=\"note\">({})</span>",
                f.cell(&fig),
                crate::util::html::escape(&f.when(when))
            )
        };
        let pay = g
            .pay
            .first()
            .map(|x| dated(Value::Annual(x.annual), When::May(x.year), &x.source))
            .unwrap_or_default();
        let jobs = g
            .jobs
            .first()
            .map(|x| dated(Value::Jobs(x.value), When::Year(x.year), &x.source))
            .unwrap_or_default();
        let growth = g
            .growth
            .first()
            .map(|x| {
                dated(
                    Value::Percent(x.percent),
                    When::Period(x.from, x.to),
                    &x.source,
                )
            })
            .unwrap_or_default();
        rows.push(Row {
            title: g.title.clone(),
            code: code(f, g),
            cells: vec![
                cell(&t.pay, pay),
                cell(&t.jobs, jobs),
                cell(&t.growth, growth),
            ],
            class: "history",
        });
    }
    if rows.is_empty() {
        return Err("`{{ table history }}` needs [[history]] groups in pathway.toml".into());
    }
    Table {
        caption: t.history_caption.clone(),
        show_caption: true,
        class: "history",
        head: vec![
            t.group.clone(),
            t.pay.clone(),
            t.jobs.clone(),
            t.growth.clone(),
        ],
        numeric: false,
        rows,
        note: t.history_note.clone(),
    }
    .piece()
}

/// `{{ table industries ID }}`: where a group's jobs were, by industry.
pub(crate) fn industries(f: &Fmt<'_, '_>, p: &Pathway, id: &str) -> Result<Piece, String> {
    let t = &f.ui.tables;
    let g = p
        .group(id)
        .ok_or_else(|| format!("there is no occupation `{id}` in pathway.toml"))?;
    if g.industries.is_empty() {
        return Err(format!("`{id}` has no [[occupations.industries]] figures"));
    }
    let rows = g
        .industries
        .iter()
        .map(|i| {
            let fig = crate::content::figures::Figure {
                subject: Subject::Group(g),
                value: Value::Jobs(i.jobs),
                when: When::May(i.year),
                source: &i.source,
            };
            Row {
                title: i.name.clone(),
                code: String::new(),
                cells: vec![
                    cell(
                        &f.ui.states.employment,
                        format!(
                            "{}{}",
                            f.ui.numbers.number(u64::from(i.jobs)),
                            f.marker(&i.source, fig.when)
                        ),
                    ),
                    when_cell(f, &t.when, fig.when),
                ],
                class: "",
            }
        })
        .collect();
    Table {
        caption: fill(&t.industries_caption, &[("group", &f.group_name(g))]),
        show_caption: true,
        class: "industries",
        head: vec![
            t.industry.clone(),
            f.ui.states.employment.clone(),
            t.when.clone(),
        ],
        numeric: false,
        rows,
        note: String::new(),
    }
    .piece()
}

//! The pay picture: each current occupation's newest median pay as a bar,
//! in the order of the education it usually starts with, with a line at
//! the all-occupations median of the same year. Drawn on the server as
//! SVG (no JavaScript); the list under it says the same in words, with
//! source markers, and is what screen readers read.

use super::{Fmt, html};
use crate::content::figures::{Figure, Subject, Value, When};
use crate::content::{Baseline, Pathway};
use crate::markdown::Piece;
use crate::util::html::escape;
use crate::util::text::{fill, lower_first};
use askama::Template;

/// The drawing's width: on a phone it is drawn about 1:1, so its 15-unit
/// text stays about 15 px.
const WIDTH: f64 = 340.0;
/// Characters of a name per line (15-unit bold text is about 8.5 units a character).
const NAME_CHARS: usize = 38;
/// Characters of the "usually starts with" line (14-unit text).
const START_CHARS: usize = 44;
/// Labels wrap onto as many lines as they need: never cut off (a long
/// Spanish job name takes three).
const NEVER_CLIP: usize = usize::MAX;

struct Row {
    y: i32,
    /// The name's and the start's lines: (y, class, text).
    lines: Vec<(i32, &'static str, String)>,
    name: String,
    starts: String,
    bar: i32,
    inside: bool,
    value: String,
    base_x: Option<i32>,
    figure: String,
    base: String,
}

#[derive(Template)]
#[template(path = "blocks/pay_picture.html")]
struct View<'a> {
    id: &'a str,
    title: String,
    width: f64,
    height: f64,
    rows: Vec<Row>,
    key: &'a str,
    /// The pay-by-state page, when the pathway has one: (href, words).
    more: Option<(String, String)>,
    /// Each entry education the picture names, in plain words (the
    /// content's `meaning`), so jargon is explained where it first appears.
    terms: Vec<(String, String)>,
}

/// The picture for a pathway, with the page's id prefix.
pub(crate) fn pay_picture(
    f: &Fmt<'_, '_>,
    p: &Pathway,
    baseline: &Baseline,
    id: &str,
) -> Result<Piece, String> {
    let ui = &f.ui.picture;
    let groups: Vec<_> = p.occupations().filter(|g| !g.pay.is_empty()).collect();
    if groups.is_empty() {
        return Err("the pay picture needs occupations with pay figures".into());
    }
    // One May year for every bar: the newest year all occupations have.
    let year = groups[0]
        .pay
        .iter()
        .map(|x| x.year)
        .find(|y| groups.iter().all(|g| g.pay.iter().any(|x| x.year == *y)))
        .ok_or("the pay picture sets every occupation's bar side by side, so they need pay of one May year in common; add it for each occupation")?;
    let pays: Vec<_> = groups
        .iter()
        .filter_map(|g| g.pay.iter().find(|x| x.year == year).map(|x| (*g, x)))
        .collect();
    let max = pays
        .iter()
        .map(|(_, x)| x.annual)
        .chain(baseline.pay_in(year).map(|b| b.annual))
        .max()
        .unwrap_or(1)
        .max(1);
    let scale = (WIDTH - 4.0) / f64::from(max);
    let mut rows = Vec::new();
    let mut text = String::new();
    let mut y = 0;
    for &(g, pay) in &pays {
        let when = When::May(pay.year);
        let fig = Figure {
            subject: Subject::Group(g),
            value: Value::Annual(pay.annual),
            when,
            source: &pay.source,
        };
        let starts = g
            .entry_education
            .as_ref()
            .map(|e| fill(&ui.starts, &[("education", &lower_first(&e.text))]))
            .unwrap_or_default();
        let base = baseline.pay_in(pay.year);
        let bar = f64::from(pay.annual) * scale;
        let piece = f.figure(&fig);
        let base_html = base
            .map(|b| {
                let words = fill(
                    &ui.all_jobs,
                    &[
                        ("when", &f.when(when)),
                        ("amount", &f.ui.numbers.money(b.annual)),
                    ],
                );
                format!("{}{}", escape(&words), f.marker(&b.source, when))
            })
            .unwrap_or_default();
        text.push_str(&format!("{} {} ", g.title, piece.text));
        let mut lines = Vec::new();
        let mut ly = y + 16;
        for l in crate::util::text::wrap(&g.title, NAME_CHARS, NEVER_CLIP) {
            lines.push((ly, "pp-name", l));
            ly += 18;
        }
        for l in crate::util::text::wrap(&starts, START_CHARS, NEVER_CLIP) {
            lines.push((ly - 1, "pp-start", l));
            ly += 17;
        }
        // The bar sits under the last line; `y` of the row is that line.
        let row_y = ly - 17;
        y = row_y + 56;
        rows.push(Row {
            y: row_y,
            lines,
            name: g.title.clone(),
            starts,
            bar: bar.round() as i32,
            inside: bar > WIDTH * 0.62,
            value: f.ui.numbers.money(pay.annual),
            base_x: base.map(|b| (f64::from(b.annual) * scale).round() as i32),
            figure: piece.html,
            base: base_html,
        });
    }
    let mut terms: Vec<(String, String)> = Vec::new();
    for e in pays.iter().filter_map(|(g, _)| g.entry_education.as_ref()) {
        if let Some(m) = &e.meaning
            && !terms.iter().any(|(t, _)| *t == e.text)
        {
            terms.push((e.text.clone(), m.trim_end_matches('.').to_string()));
        }
    }
    let view = View {
        terms,
        id,
        title: fill(&ui.title, &[("pathway", &p.short_title)]),
        width: WIDTH,
        height: f64::from(y) - 4.0,
        rows,
        key: &ui.key,
        more: p.state_pay.then(|| {
            (
                crate::registry::pay_path(p),
                f.ui.states.in_your_state.clone(),
            )
        }),
    };
    Ok(Piece {
        html: html(&view)?,
        text,
    })
}

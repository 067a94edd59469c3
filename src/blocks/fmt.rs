//! Figures in words, with their date and source marker, and comparisons
//! with all occupations as whole sentences. The words come from the `Ui`
//! table, numbers in the edition's format (`ui.numbers`).

use super::Citations;
use crate::content::figures::{Comparison, Figure, Relation, Subject, Value, When};
use crate::content::{Group, Ui};
use crate::markdown::Piece;
use crate::util::html::escape;
use crate::util::text::{decade, fill, lower_first};

/// Formats figures for one page.
pub(crate) struct Fmt<'a, 'c> {
    pub(crate) ui: &'a Ui,
    pub(crate) cites: &'c Citations<'a>,
    /// The pathway's review year (older data is said to be older).
    pub(crate) review_year: Option<i32>,
}

impl<'a> Fmt<'a, '_> {
    /// "May 2024", "2024", "projected 2024–34".
    pub(crate) fn when(&self, when: When) -> String {
        let f = &self.ui.figures;
        match when {
            When::May(y) => fill(&f.may, &[("year", &y.to_string())]),
            When::Year(y) => fill(&f.year, &[("year", &y.to_string())]),
            When::Period(a, b) => fill(&f.period, &[("period", &decade(a, b))]),
        }
    }

    /// The date as a source list shows it ("May 2024", "2024–34").
    pub(crate) fn year_label(&self, when: When) -> String {
        match when {
            When::Period(a, b) => decade(a, b),
            w => self.when(w),
        }
    }

    /// "$50,250 a year", "7%", "194,800 jobs".
    pub(crate) fn value(&self, v: &Value<'_>) -> String {
        let f = &self.ui.figures;
        let n = &self.ui.numbers;
        let number = |c: u64| n.number(c);
        match v {
            Value::Annual(a) => fill(&f.annual, &[("amount", &n.money(*a))]),
            Value::Hourly(h) => fill(&f.hourly, &[("amount", &n.cents(*h))]),
            Value::Range(lo, hi) => {
                fill(&f.range, &[("low", &n.money(*lo)), ("high", &n.money(*hi))])
            }
            Value::Jobs(n) => fill(&f.jobs, &[("count", &number(u64::from(*n)))]),
            Value::Employment(n) => fill(&f.employment, &[("count", &number(u64::from(*n)))]),
            Value::Percent(p) => fill(&f.percent, &[("percent", &n.percent(*p))]),
            Value::Change(c) => {
                let t = if *c < 0 { &f.fewer_jobs } else { &f.more_jobs };
                fill(t, &[("count", &number(c.unsigned_abs()))])
            }
            Value::Openings(n) => fill(&f.openings, &[("count", &number(u64::from(*n)))]),
            Value::Education(e) => lower_first(&e.text),
        }
    }

    /// The marker after a figure: `<sup class="src"><a href="#src-1">[1]</a></sup>`.
    pub(crate) fn marker(&self, source: &str, when: When) -> String {
        match self
            .cites
            .cite(source, &self.year_label(when), Some(when.year()))
        {
            Some((n, id)) => {
                let label = fill(&self.ui.sources.marker, &[("n", &n.to_string())]);
                format!(
                    "<sup class=\"src\"><a href=\"#{id}\" aria-label=\"{}\">[{n}]</a></sup>",
                    escape(&label)
                )
            }
            None => String::new(),
        }
    }

    /// A figure in prose: value, date (and, for history, its group's own
    /// name), then the source marker.
    pub(crate) fn figure(&self, fig: &Figure<'_>) -> Piece {
        self.note_group(fig);
        let value = self.value(&fig.value);
        let when = self.when(fig.when);
        let text = match fig.subject {
            Subject::Group(g) if g.history => fill(
                &self.ui.figures.history,
                &[("value", &value), ("when", &when), ("group", &g.title)],
            ),
            _ => fill(
                &self.ui.figures.with_when,
                &[("value", &value), ("when", &when)],
            ),
        };
        Piece {
            html: format!("{}{}", escape(&text), self.marker(fig.source, fig.when)),
            text,
        }
    }

    /// A value with its marker but no date (tables show dates in a column).
    pub(crate) fn cell(&self, fig: &Figure<'_>) -> String {
        self.note_group(fig);
        format!(
            "{}{}",
            escape(&self.value(&fig.value)),
            self.marker(fig.source, fig.when)
        )
    }

    fn note_group(&self, fig: &Figure<'_>) {
        if let Subject::Group(g) = fig.subject
            && !g.history
        {
            self.cites.shows(&g.id);
        }
    }

    /// The name of a group inside a sentence.
    pub(crate) fn group_name(&self, g: &Group) -> String {
        lower_first(&g.title)
    }

    /// A comparison as one sentence, both figures marked; without the
    /// figure itself (`whole` false) when a table beside it shows it.
    pub(crate) fn compare(&self, c: &Comparison<'_>, whole: bool) -> Piece {
        let Subject::Group(g) = c.figure.subject else {
            return Piece::default();
        };
        self.note_group(&c.figure);
        let group = self.group_name(g);
        let ui = &self.ui.compare;
        let (template, slots_when) = match (c.figure.when, c.relation, whole) {
            (When::Period(..), Relation::Above, true) => (&ui.growth_above, false),
            (When::Period(..), Relation::Below, true) => (&ui.growth_below, false),
            (When::Period(..), Relation::Same, true) => (&ui.growth_same, false),
            (When::Period(..), Relation::Above, false) => (&ui.growth_above_only, false),
            (When::Period(..), Relation::Below, false) => (&ui.growth_below_only, false),
            (When::Period(..), Relation::Same, false) => (&ui.growth_same_only, false),
            (_, Relation::Above, true) => (&ui.pay_above, true),
            (_, Relation::Below, true) => (&ui.pay_below, true),
            (_, Relation::Same, true) => (&ui.pay_same, true),
            (_, Relation::Above, false) => (&ui.pay_above_only, true),
            (_, Relation::Below, false) => (&ui.pay_below_only, true),
            (_, Relation::Same, false) => (&ui.pay_same_only, true),
        };
        let figure = self.value(&c.figure.value);
        let base = self.value(&c.baseline.value);
        let when = if slots_when {
            self.when(c.figure.when)
        } else {
            String::new()
        };
        let period = match c.figure.when {
            When::Period(a, b) => decade(a, b),
            _ => String::new(),
        };
        // Plain text, and HTML with a marker after each figure.
        let text = fill(
            template,
            &[
                ("when", &when),
                ("group", &group),
                ("figure", &figure),
                ("base", &base),
                ("period", &period),
            ],
        );
        let fig_html = format!(
            "{}{}",
            escape(&figure),
            self.marker(c.figure.source, c.figure.when)
        );
        let base_html = format!(
            "{}{}",
            escape(&base),
            self.marker(c.baseline.source, c.baseline.when)
        );
        let html = fill(
            &escape(template),
            &[
                ("when", &escape(&when)),
                ("group", &escape(&group)),
                ("figure", &fig_html),
                ("base", &base_html),
                ("period", &escape(&period)),
            ],
        );
        Piece { html, text }
    }

    /// Is a figure of this date older than the page's review allows?
    pub(crate) fn is_stale(&self, when: When) -> bool {
        self.review_year
            .is_some_and(|r| crate::content::figures::is_stale(r, when.year()))
    }
}

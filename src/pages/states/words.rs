//! OEWS estimates in words: a value BLS did not publish is said so, a
//! top-coded wage reads "$239,200 or more" (in the edition's number format), and every figure carries its
//! source marker.

use crate::blocks::Fmt;
use crate::content::figures::When;
use crate::content::oews::{Datatype, Estimates, Oews, Value};
use crate::content::{Place, Site};
use crate::util::text::fill;

/// Formats one page's OEWS figures.
pub(super) struct Words<'a, 'f, 'c> {
    pub(super) site: &'a Site,
    pub(super) oews: &'a Oews,
    pub(super) fmt: &'f Fmt<'a, 'c>,
}

impl Words<'_, '_, '_> {
    /// The marker of the OEWS source for this release.
    pub(super) fn marker(&self) -> String {
        self.fmt
            .marker(&self.oews.source, When::May(self.oews.year))
    }

    pub(super) fn may(&self) -> String {
        self.fmt.when(When::May(self.oews.year))
    }

    fn dollars(&self, v: f64, hourly: bool) -> String {
        let n = &self.site.ui.numbers;
        if hourly {
            n.cents(v)
        } else {
            n.money(v.round() as u32)
        }
    }

    /// An amount, or `None` when there is no published number: top-coded
    /// wages read "$239,200 or more".
    pub(super) fn amount(&self, e: Option<&Estimates>, d: Datatype) -> Option<String> {
        let hourly = d == Datatype::HourlyMedian;
        match e?.get(d)? {
            Value::Published(v) => Some(self.dollars(v, hourly)),
            Value::AtLeast(v) => Some(fill(
                &self.site.ui.states.at_least,
                &[("amount", &self.dollars(v, hourly))],
            )),
            Value::NotReleased => None,
        }
    }

    /// "$51,140 a year" with its marker (HTML), or the not-published words.
    pub(super) fn annual_html(&self, e: Option<&Estimates>) -> String {
        match self.amount(e, Datatype::AnnualMedian) {
            Some(a) => format!(
                "{}{}",
                crate::util::html::escape(&fill(&self.site.ui.figures.annual, &[("amount", &a)])),
                self.marker()
            ),
            None => crate::util::html::escape(&self.site.ui.states.not_published),
        }
    }

    /// A table cell: the amount with its marker, or "Not published".
    pub(super) fn cell(&self, e: Option<&Estimates>, d: Datatype) -> String {
        match self.amount(e, d) {
            Some(a) => format!("{}{}", crate::util::html::escape(&a), self.marker()),
            None => crate::util::html::escape(&self.site.ui.states.no_estimate),
        }
    }

    /// A count (jobs), or `None`.
    pub(super) fn count(&self, e: Option<&Estimates>, d: Datatype) -> Option<String> {
        let v = e?.get(d)?.exact()?;
        Some(if d == Datatype::Employment {
            self.site.ui.numbers.number(v.round() as u64)
        } else {
            self.site.ui.numbers.decimal(v, 2)
        })
    }

    /// A count for a table cell with its marker, or the not-published words.
    pub(super) fn count_cell(&self, e: Option<&Estimates>, d: Datatype) -> String {
        match self.count(e, d) {
            Some(n) => format!("{}{}", crate::util::html::escape(&n), self.marker()),
            None => crate::util::html::escape(&self.site.ui.states.no_estimate),
        }
    }

    /// "10th to 90th percentile" range for a table cell, or the words.
    pub(super) fn range_cell(&self, e: Option<&Estimates>) -> String {
        match (
            self.amount(e, Datatype::Annual10),
            self.amount(e, Datatype::Annual90),
        ) {
            (Some(lo), Some(hi)) => format!(
                "{}{}",
                crate::util::html::escape(&fill(
                    &self.site.ui.figures.range,
                    &[("low", &lo), ("high", &hi)]
                )),
                self.marker()
            ),
            _ => crate::util::html::escape(&self.site.ui.states.no_estimate),
        }
    }

    /// The state's name in this edition.
    pub(super) fn place_name(&self, area: usize) -> String {
        let a = &self.oews.areas[area];
        place_of(self.site, &a.fips)
            .and_then(|p| p.name.clone())
            .unwrap_or_else(|| a.name.clone())
    }
}

/// The tile-map square of a state.
pub(super) fn place_of<'a>(site: &'a Site, fips: &str) -> Option<&'a Place> {
    site.places.iter().find(|p| p.fips == fips)
}

//! Figures in data files: each checked for its source and a plausible
//! year, old ones flagged, lists kept newest first with one entry a year.

use super::Loader;
use crate::content::model;
use crate::content::{Count, Growth, Pay, Source};
use crate::diag::SourceFile;
use std::collections::BTreeMap;
use toml::Spanned;

/// Most a year's pay can be, in dollars (sources top-code far below it).
const MAX_ANNUAL: u32 = 1_000_000;
/// Most an hour's pay can be, in dollars.
const MAX_HOURLY: f64 = 500.0;
/// Hours in a full-time year: sources' annual pay is the hourly times this.
const HOURS_A_YEAR: f64 = 2080.0;
/// How far (as a factor) hourly times [`HOURS_A_YEAR`] may be from the
/// annual figure.
const HOURLY_SLACK: f64 = 1.25;
/// Most jobs, openings or change in jobs one figure can count (more than
/// every job in the country).
pub(super) const MAX_COUNT: u32 = 200_000_000;
/// Largest growth over a projection period, in per cent.
const MAX_GROWTH: f64 = 1000.0;

impl Loader {
    /// Sort a figure list newest first; two entries for one year is an error.
    pub(super) fn newest_first_unique<T>(
        &mut self,
        file: &SourceFile,
        list: &mut [T],
        year: impl Fn(&T) -> i32,
        what: &str,
        unit: &str,
    ) {
        list.sort_by_key(|x| std::cmp::Reverse(year(x)));
        for pair in list.windows(2) {
            if year(&pair[0]) == year(&pair[1]) {
                let y = year(&pair[0]);
                let at = file.find_from(0, &format!("{y}"));
                self.push(file.error(
                    at,
                    format!("two {what} figures for the {unit} {y}; keep one per {unit}"),
                ));
            }
        }
    }

    /// Check a figure's source and year; warn when it is old.
    pub(super) fn figure_meta(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        source: &Spanned<String>,
        year: &Spanned<i32>,
        review: Option<i32>,
    ) {
        if !sources.contains_key(source.get_ref()) {
            self.push(file.error(
                source.span().start,
                format!("the source `{}` is not in sources.toml; every figure needs a source listed there", source.get_ref()),
            ));
        }
        let y = *year.get_ref();
        if !(1900..=2100).contains(&y) {
            self.push(file.error(
                year.span().start,
                format!("{y} is not a plausible data year"),
            ));
        } else if let Some(review) = review
            && crate::content::figures::is_stale(review, y)
        {
            self.push(file.warning(
                year.span().start,
                format!("figure may be out of date: its data year {y} is more than {} years before last_reviewed ({review}); pages say how old it is, but look for a newer figure", crate::content::figures::STALE_YEARS),
            ));
        }
    }

    /// A history figure whose source links to a live page, which shows
    /// newer figures by now, is a warning at its `source`, unless the
    /// source links an archived copy or its `edition` says none was found.
    pub(super) fn history_on_live_page(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        source: &Spanned<String>,
    ) {
        let Some(s) = sources.get(source.get_ref()) else {
            return;
        };
        let archived = [
            "web.archive.org",
            "webarchive.",
            "archive.org/",
            "archive.ph/",
        ]
        .iter()
        .any(|a| s.url.contains(a));
        let said = s
            .edition
            .as_deref()
            .is_some_and(|e| e.to_ascii_lowercase().contains("archived"));
        if !archived && !said {
            self.push(file.warning(
                source.span().start,
                format!(
                    "this history figure cites `{}`, whose link ({}) goes to a live page that now shows newer figures; link an archived copy of the page and say \"archived\" in its `edition`, or say there that no archived copy was found",
                    source.get_ref(),
                    s.url
                ),
            ));
        }
    }

    pub(super) fn pay(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        p: model::PayFile,
        review: Option<i32>,
    ) -> Pay {
        self.figure_meta(file, sources, &p.source, &p.year, review);
        let annual = *p.annual.get_ref();
        self.within(file, &p.annual, MAX_ANNUAL, "a year's pay, in dollars");
        for x in [&p.p10, &p.p90].into_iter().flatten() {
            self.within(file, x, MAX_ANNUAL, "a year's pay, in dollars");
        }
        if let Some(h) = &p.hourly {
            let hourly = *h.get_ref();
            if !hourly.is_finite() {
                // Reported with every other value that is not a number.
            } else if !(hourly > 0.0 && hourly <= MAX_HOURLY) {
                self.push(file.error(
                    h.span().start,
                    format!("{hourly} is not a plausible hourly pay; write dollars an hour, more than 0 and at most {MAX_HOURLY}"),
                ));
            } else if annual > 0 {
                // Sources give the hourly figure as the annual one over
                // a full-time year; far from it is a typing mistake.
                let ratio = hourly * HOURS_A_YEAR / f64::from(annual);
                if !(1.0 / HOURLY_SLACK..=HOURLY_SLACK).contains(&ratio) {
                    self.push(file.error(
                        h.span().start,
                        format!(
                            "{hourly} an hour is {:.0} a year over {HOURS_A_YEAR} hours, far from the annual {annual}; check both figures",
                            hourly * HOURS_A_YEAR
                        ),
                    ));
                }
            }
        }
        if let (Some(lo), Some(hi)) = (&p.p10, &p.p90)
            && !(lo.get_ref() <= &annual && &annual <= hi.get_ref())
        {
            self.push(file.error(
                p.annual.span().start,
                format!(
                    "the median {annual} must lie between p10 {} and p90 {}",
                    lo.get_ref(),
                    hi.get_ref()
                ),
            ));
        }
        if p.p10.is_some() != p.p90.is_some() {
            self.push(file.error(
                p.year.span().start,
                "give both `p10` and `p90` (the spread of pay), or neither",
            ));
        }
        Pay {
            annual,
            hourly: p.hourly.map(Spanned::into_inner),
            p10: p.p10.map(Spanned::into_inner),
            p90: p.p90.map(Spanned::into_inner),
            year: *p.year.get_ref(),
            source: p.source.into_inner(),
        }
    }

    /// A count or amount that can only be positive: more than 0 and at
    /// most `max`.
    pub(super) fn within(&mut self, file: &SourceFile, value: &Spanned<u32>, max: u32, what: &str) {
        let v = *value.get_ref();
        if v == 0 || v > max {
            self.push(file.error(
                value.span().start,
                format!("{v} is not a plausible figure for {what}; it must be more than 0 and at most {max}"),
            ));
        }
    }

    pub(super) fn count(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        c: model::CountFile,
        review: Option<i32>,
    ) -> Count {
        self.figure_meta(file, sources, &c.source, &c.year, review);
        self.within(file, &c.value, MAX_COUNT, "a number of jobs");
        Count {
            value: *c.value.get_ref(),
            year: *c.year.get_ref(),
            source: c.source.into_inner(),
        }
    }

    pub(super) fn growth(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        g: model::GrowthFile,
        review: Option<i32>,
    ) -> Growth {
        let year = Spanned::new(g.source.span(), g.from);
        self.figure_meta(file, sources, &g.source, &year, review);
        if g.to <= g.from {
            self.push(file.error(
                g.source.span().start,
                format!(
                    "growth runs from {} to {}; `to` must be after `from`",
                    g.from, g.to
                ),
            ));
        }
        let percent = *g.percent.get_ref();
        if percent.is_finite() && !(percent > -100.0 && percent <= MAX_GROWTH) {
            self.push(file.error(
                g.percent.span().start,
                format!("{percent} is not a plausible change in per cent; it must be more than -100 and at most {MAX_GROWTH}"),
            ));
        }
        if let Some(c) = &g.change
            && c.get_ref().unsigned_abs() > u64::from(MAX_COUNT)
        {
            self.push(file.error(
                c.span().start,
                format!(
                    "{} is not a plausible change in jobs; it must be at most {MAX_COUNT} either way",
                    c.get_ref()
                ),
            ));
        }
        Growth {
            percent,
            change: g.change.map(Spanned::into_inner),
            from: g.from,
            to: g.to,
            outlook: g.outlook,
            source: g.source.into_inner(),
        }
    }
}

//! Figures in data files: each checked for its source and a plausible
//! year, old ones flagged, lists kept newest first with one entry a year.

use super::Loader;
use crate::content::model;
use crate::content::{Count, Growth, Pay, Source};
use crate::diag::SourceFile;
use std::collections::BTreeMap;
use toml::Spanned;

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

    pub(super) fn pay(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        p: model::PayFile,
        review: Option<i32>,
    ) -> Pay {
        self.figure_meta(file, sources, &p.source, &p.year, review);
        if let (Some(lo), Some(hi)) = (p.p10, p.p90)
            && !(lo <= p.annual && p.annual <= hi)
        {
            self.push(file.error(
                p.year.span().start,
                format!(
                    "the median {} must lie between p10 {lo} and p90 {hi}",
                    p.annual
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
            annual: p.annual,
            hourly: p.hourly,
            p10: p.p10,
            p90: p.p90,
            year: *p.year.get_ref(),
            source: p.source.into_inner(),
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
        Count {
            value: c.value,
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
        Growth {
            percent: g.percent,
            change: g.change,
            from: g.from,
            to: g.to,
            outlook: g.outlook,
            source: g.source.into_inner(),
        }
    }
}

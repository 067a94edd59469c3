//! One occupation on a state's page: pay beside all occupations in the
//! same state and year, hourly pay, the spread picture, jobs and how
//! concentrated they are.

use super::tiles;
use super::words::Words;
use crate::content::oews::Datatype;
use crate::util::html::escape;
use crate::util::text::fill;

/// One occupation on a state's page.
pub(super) struct OccupationView {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) soc: String,
    pub(super) compare: String,
    pub(super) hourly: Option<String>,
    pub(super) spread_svg: String,
    pub(super) spread: String,
    pub(super) jobs: Option<String>,
    pub(super) per_thousand: Option<String>,
    pub(super) concentration: Option<String>,
}

pub(super) fn occupation_view(
    w: &Words<'_, '_, '_>,
    g: &crate::content::Group,
    soc: &str,
    state: &str,
    e: Option<&crate::content::oews::Estimates>,
    all: Option<&crate::content::oews::Estimates>,
    scale: f64,
) -> OccupationView {
    let u = &w.site.ui.states;
    let group = w.fmt.group_name(g);
    let figure = w.annual_html(e);
    let compare = match (
        e.and_then(|e| e.get(Datatype::AnnualMedian)?.exact()),
        all.and_then(|a| a.get(Datatype::AnnualMedian)?.exact()),
    ) {
        (Some(v), Some(base)) => {
            let base_html = w.cell(all, Datatype::AnnualMedian);
            let t = if (v - base).abs() < 0.5 {
                &u.pay_same
            } else if v > base {
                &u.pay_above
            } else {
                &u.pay_below
            };
            fill_html(
                t,
                &[
                    ("group", &escape(&group)),
                    ("state", &escape(state)),
                    ("figure", &figure),
                    ("base", &base_html),
                ],
            )
        }
        (Some(_), None) => fill_html(
            &u.pay_alone,
            &[
                ("group", &escape(&group)),
                ("state", &escape(state)),
                ("figure", &figure),
            ],
        ),
        _ => escape(&u.not_published),
    };
    let hourly = w.amount(e, Datatype::HourlyMedian).map(|h| {
        format!(
            "{}{}",
            escape(&fill(&w.site.ui.figures.hourly, &[("amount", &h)])),
            w.marker()
        )
    });
    let spread = match (
        w.amount(e, Datatype::Annual10),
        w.amount(e, Datatype::Annual90),
        w.amount(e, Datatype::Annual25),
        w.amount(e, Datatype::Annual75),
    ) {
        (Some(low), Some(high), Some(p25), Some(p75)) => format!(
            "{}{}",
            escape(&fill(
                &u.spread,
                &[("low", &low), ("high", &high), ("p25", &p25), ("p75", &p75)]
            )),
            w.marker()
        ),
        _ => escape(&u.spread_unknown),
    };
    let jobs = w
        .count(e, Datatype::Employment)
        .map(|n| {
            let text = fill(&w.site.ui.figures.employment, &[("count", &n)]);
            let when = w.may();
            format!(
                "{}{}",
                escape(&fill(
                    &w.site.ui.figures.with_when,
                    &[("value", &text), ("when", &when)]
                )),
                w.marker()
            )
        })
        .or_else(|| {
            // A median without a count of jobs: say the count was withheld.
            e.is_some()
                .then(|| escape(&format!("{}: {}", u.employment, u.not_published)))
        });
    let per_thousand = w.count(e, Datatype::PerThousand).map(|v| {
        format!(
            "{}{}",
            escape(&fill(
                &u.per_thousand_line,
                &[("value", &v), ("state", state)]
            )),
            w.marker()
        )
    });
    let concentration = e
        .and_then(|e| e.get(Datatype::LocationQuotient)?.exact())
        .map(|lq| {
            let text = if lq >= 1.15 {
                fill(
                    &u.lq_more,
                    &[
                        ("state", state),
                        ("times", &w.site.ui.numbers.decimal(lq, 1)),
                    ],
                )
            } else if lq <= 0.85 {
                fill(&u.lq_less, &[("state", state)])
            } else {
                fill(&u.lq_same, &[("state", state)])
            };
            format!("{}{}", escape(&text), w.marker())
        });
    OccupationView {
        id: super::section_id(&g.id),
        title: g.title.clone(),
        soc: fill(&w.site.ui.figures.soc, &[("code", soc)]),
        compare,
        hourly,
        spread_svg: tiles::spread_svg(e, all, scale),
        spread,
        jobs,
        per_thousand,
        concentration,
    }
}

/// Fill slots with HTML that is already escaped (the template's own text
/// is escaped here).
fn fill_html(template: &str, args: &[(&str, &str)]) -> String {
    let escaped = escape(template);
    fill(&escaped, args)
}

//! Sourced figures by name. Prose never types a figure; it names one
//! (`{{ figure medical-records-specialists.median_pay }}`, optionally
//! `@2023` for a data year) and this module finds it, so pages and data
//! always agree. A comparison with all occupations is made here too, and
//! only with the baseline of the same year or projection period: a name
//! with no such baseline is an error, never a cross-year comparison.

mod compare;

pub(crate) use compare::{Comparison, Relation, compare};

use super::{Baseline, Count, Education, Group, Growth, Pathway, Pay};

/// The group name of the all-occupations baseline.
pub(crate) const ALL: &str = "all-occupations";

/// How many years before a pathway's review a figure may describe before
/// it is called out of date (a warning at load, a note on the page).
pub(crate) const STALE_YEARS: i32 = 3;

/// Whether a figure of `data_year` is out of date for a review in
/// `review_year`: the one rule the loader's warning and the pages share.
pub(crate) fn is_stale(review_year: i32, data_year: i32) -> bool {
    review_year - data_year > STALE_YEARS
}

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    MedianPay,
    HourlyPay,
    PayRange,
    Jobs,
    /// OEWS wage and salary jobs in a May: never the Handbook's `jobs`.
    Employment,
    Growth,
    Change,
    Openings,
    EntryEducation,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::MedianPay,
        Field::HourlyPay,
        Field::PayRange,
        Field::Jobs,
        Field::Employment,
        Field::Growth,
        Field::Change,
        Field::Openings,
        Field::EntryEducation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::MedianPay => "median_pay",
            Field::HourlyPay => "hourly_pay",
            Field::PayRange => "pay_range",
            Field::Jobs => "jobs",
            Field::Employment => "employment",
            Field::Growth => "growth",
            Field::Change => "change",
            Field::Openings => "openings",
            Field::EntryEducation => "entry_education",
        }
    }
}

/// A parsed figure name: `group.field` or `group.field@year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureName {
    pub group: String,
    pub field: Field,
    pub year: Option<i32>,
}

impl FigureName {
    /// Parse; the error says how a name is written.
    pub fn parse(name: &str) -> Result<Self, String> {
        let (name, year) = match name.split_once('@') {
            Some((n, y)) => {
                let y: i32 = y
                    .parse()
                    .map_err(|_| format!("`@{y}` is not a year; write a data year like `@2023`"))?;
                (n, Some(y))
            }
            None => (name, None),
        };
        let Some((group, field)) = name.split_once('.') else {
            return Err(format!(
                "`{name}` is not a figure name; write `group-id.field`, for example `{ALL}.median_pay`"
            ));
        };
        let field = Field::ALL
            .into_iter()
            .find(|f| f.name() == field)
            .ok_or_else(|| {
                format!(
                    "`{field}` is not a figure; use one of {}",
                    Field::ALL.map(Field::name).join(", ")
                )
            })?;
        Ok(Self {
            group: group.to_string(),
            field,
            year,
        })
    }
}

/// When a figure applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum When {
    /// A May pay year (wage data).
    May(i32),
    /// A year (counts).
    Year(i32),
    /// A projection period.
    Period(i32, i32),
}

impl When {
    /// The data year (the start of a projection period).
    pub(crate) fn year(self) -> i32 {
        match self {
            When::May(y) | When::Year(y) | When::Period(y, _) => y,
        }
    }
}

/// A figure's value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    Annual(u32),
    Hourly(f64),
    Range(u32, u32),
    Jobs(u32),
    /// OEWS wage and salary jobs.
    Employment(u32),
    Percent(f64),
    Change(i64),
    Openings(u32),
    Education(&'a Education),
}

/// Who a figure is about.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject<'a> {
    Group(&'a Group),
    AllOccupations,
}

/// A figure found by name.
#[derive(Debug, Clone)]
pub(crate) struct Figure<'a> {
    pub subject: Subject<'a>,
    pub value: Value<'a>,
    pub when: When,
    pub source: &'a str,
}

/// Pick the entry of `year` (or the newest) from a list kept newest first.
fn pick<'a, T>(
    list: &'a [T],
    year: Option<i32>,
    year_of: impl Fn(&T) -> i32,
    what: &str,
    group: &str,
) -> Result<&'a T, String> {
    match year {
        None => list
            .first()
            .ok_or_else(|| format!("`{group}` has no {what} figure in the data")),
        Some(y) => list.iter().find(|x| year_of(x) == y).ok_or_else(|| {
            let years: Vec<String> = list.iter().map(|x| year_of(x).to_string()).collect();
            format!(
                "`{group}` has no {what} figure for {y}; its {what} years are: {}",
                if years.is_empty() {
                    "none".into()
                } else {
                    years.join(", ")
                }
            )
        }),
    }
}

pub(super) fn pay_figure<'a>(
    subject: Subject<'a>,
    p: &'a Pay,
    field: Field,
) -> Result<Figure<'a>, String> {
    let value = match field {
        Field::MedianPay => Value::Annual(p.annual),
        Field::HourlyPay => Value::Hourly(
            p.hourly
                .ok_or_else(|| format!("the pay of May {} has no `hourly` figure", p.year))?,
        ),
        Field::PayRange => match (p.p10, p.p90) {
            (Some(a), Some(b)) => Value::Range(a, b),
            _ => {
                return Err(format!(
                    "the pay of May {} has no `p10` and `p90` (the spread of pay)",
                    p.year
                ));
            }
        },
        _ => unreachable!("only pay fields reach here"),
    };
    Ok(Figure {
        subject,
        value,
        when: When::May(p.year),
        source: &p.source,
    })
}

pub(super) fn growth_figure<'a>(
    subject: Subject<'a>,
    g: &'a Growth,
    field: Field,
) -> Result<Figure<'a>, String> {
    let value = match field {
        Field::Growth => Value::Percent(g.percent),
        Field::Change => Value::Change(g.change.ok_or_else(|| {
            format!(
                "the growth over {}-{} has no `change` (jobs added)",
                g.from, g.to
            )
        })?),
        _ => unreachable!("only growth fields reach here"),
    };
    Ok(Figure {
        subject,
        value,
        when: When::Period(g.from, g.to),
        source: &g.source,
    })
}

/// Find a figure of a pathway (or of all occupations) by name.
pub(crate) fn find<'a>(
    name: &FigureName,
    pathway: &'a Pathway,
    baseline: &'a Baseline,
) -> Result<Figure<'a>, String> {
    let year = name.year;
    if name.group == ALL {
        let subject = Subject::AllOccupations;
        return match name.field {
            Field::MedianPay => {
                let p = pick(&baseline.pay, year, |p| p.year, "pay", ALL)?;
                pay_figure(subject, p, Field::MedianPay)
            }
            Field::Growth => {
                let g = pick(&baseline.growth, year, |g| g.from, "growth", ALL)?;
                growth_figure(subject, g, Field::Growth)
            }
            f => Err(format!(
                "`{ALL}` has only `median_pay` and `growth`, not `{}`",
                f.name()
            )),
        };
    }
    let Some(group) = pathway.group(&name.group) else {
        let known: Vec<&str> = pathway.groups.iter().map(|g| g.id.as_str()).collect();
        return Err(format!(
            "there is no occupation or history group `{}` in pathway.toml; known: {}, {ALL}",
            name.group,
            known.join(", ")
        ));
    };
    let subject = Subject::Group(group);
    let gid = group.id.as_str();
    match name.field {
        Field::MedianPay | Field::HourlyPay | Field::PayRange => {
            let list: Vec<&Pay> = match name.field {
                Field::HourlyPay => group.pay.iter().filter(|p| p.hourly.is_some()).collect(),
                Field::PayRange => group
                    .pay
                    .iter()
                    .filter(|p| p.p10.is_some() && p.p90.is_some())
                    .collect(),
                _ => group.pay.iter().collect(),
            };
            let p = match year {
                Some(_) => pick(&group.pay, year, |p| p.year, "pay", gid)?,
                None => list.first().copied().ok_or_else(|| {
                    format!("`{gid}` has no pay figure with `{}`", name.field.name())
                })?,
            };
            pay_figure(subject, p, name.field)
        }
        Field::Jobs => {
            let c = pick(&group.jobs, year, |c| c.year, "jobs", gid)?;
            Ok(count(subject, c, Value::Jobs(c.value)))
        }
        Field::Employment => {
            let c = pick(&group.employment, year, |c| c.year, "employment", gid)?;
            Ok(Figure {
                subject,
                value: Value::Employment(c.value),
                when: When::May(c.year),
                source: &c.source,
            })
        }
        Field::Openings => {
            let c = pick(&group.openings, year, |c| c.year, "openings", gid)?;
            // Openings are a yearly average over the projection period that
            // starts in their year.
            let period = group
                .growth
                .iter()
                .find(|g| g.from == c.year)
                .map_or(When::Year(c.year), |g| When::Period(g.from, g.to));
            Ok(Figure {
                subject,
                value: Value::Openings(c.value),
                when: period,
                source: &c.source,
            })
        }
        Field::Growth | Field::Change => {
            let g = match (name.field, year) {
                (Field::Change, None) => group
                    .growth
                    .iter()
                    .find(|g| g.change.is_some())
                    .ok_or_else(|| format!("`{gid}` has no growth figure with `change`"))?,
                _ => pick(&group.growth, year, |g| g.from, "growth", gid)?,
            };
            growth_figure(subject, g, name.field)
        }
        Field::EntryEducation => {
            let e = group
                .entry_education
                .as_ref()
                .ok_or_else(|| format!("`{gid}` has no `entry_education`"))?;
            Ok(Figure {
                subject,
                value: Value::Education(e),
                when: When::Year(e.year),
                source: &e.source,
            })
        }
    }
}

fn count<'a>(subject: Subject<'a>, c: &'a Count, value: Value<'a>) -> Figure<'a> {
    Figure {
        subject,
        value,
        when: When::Year(c.year),
        source: &c.source,
    }
}

//! Sourced figures as readers see them: "$58,250 a year (May 2022)".
//! Prose never types a figure; it names one (`{{ figure ID }}`) and this
//! module finds and formats it, so pages and data always agree.

use super::{Baseline, Fact, Occupation};

/// `12345` -> `12,345`.
pub fn format_number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `58250` -> `$58,250`.
pub fn format_money(n: u32) -> String {
    format!("${}", format_number(u64::from(n)))
}

/// `8.0` -> `8%`, `3.1` -> `3.1%`.
pub fn format_percent(p: f64) -> String {
    if p.fract() == 0.0 {
        format!("{p:.0}%")
    } else {
        format!("{p}%")
    }
}

/// `2019, 2029` -> `2019–29`.
pub fn decade(from: i32, to: i32) -> String {
    if from / 100 == to / 100 {
        format!("{from}–{:02}", to % 100)
    } else {
        format!("{from}–{to}")
    }
}

/// A figure named in prose, resolved: its text, its source id, its year.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRef {
    pub text: String,
    pub source: String,
    pub year: i32,
}

/// The fields a `{{ figure occupation.FIELD }}` may name.
pub const FIELDS: &[&str] = &[
    "median_pay",
    "hourly_pay",
    "jobs",
    "growth",
    "change",
    "openings",
    "entry_education",
];

/// Resolves `occupation-id.field`, `all-occupations.field` or `fact-id`.
/// The error is a sentence saying what exists.
pub fn resolve(
    name: &str,
    occupations: &[Occupation],
    facts: &std::collections::BTreeMap<String, Fact>,
    baseline: &Baseline,
) -> Result<FigureRef, String> {
    let Some((who, field)) = name.split_once('.') else {
        return facts
            .get(name)
            .map(|f| FigureRef {
                text: format!("{} ({})", f.value, f.as_of),
                source: f.source.clone(),
                year: f.year,
            })
            .ok_or_else(|| {
                let known: Vec<&str> = facts.keys().map(String::as_str).collect();
                format!(
                    "there is no fact `{name}` in pathway.toml; known facts: {}; for an occupation's figure write `occupation-id.field`",
                    list_or_none(&known)
                )
            });
    };
    if who == "all-occupations" {
        return match field {
            "median_pay" => Ok(pay(&baseline.median_pay)),
            "growth" => Ok(growth(&baseline.growth)),
            _ => Err(format!(
                "`all-occupations` has only `median_pay` and `growth`, not `{field}`"
            )),
        };
    }
    let Some(o) = occupations.iter().find(|o| o.id == who) else {
        let known: Vec<&str> = occupations.iter().map(|o| o.id.as_str()).collect();
        return Err(format!(
            "there is no occupation `{who}` in pathway.toml; known occupations: {}",
            list_or_none(&known)
        ));
    };
    let missing = || format!("occupation `{who}` has no `{field}` figure in pathway.toml");
    match field {
        "median_pay" => Ok(pay(&o.median_pay)),
        "hourly_pay" => {
            let hourly = o.median_pay.hourly.ok_or_else(missing)?;
            Ok(FigureRef {
                text: format!("${hourly:.2} an hour ({})", o.median_pay.as_of),
                source: o.median_pay.source.clone(),
                year: o.median_pay.year,
            })
        }
        "jobs" => Ok(FigureRef {
            text: format!(
                "{} jobs ({})",
                format_number(u64::from(o.jobs.value)),
                o.jobs.as_of
            ),
            source: o.jobs.source.clone(),
            year: o.jobs.year,
        }),
        "growth" => Ok(growth(&o.growth)),
        "change" => {
            let change = o.growth.change.ok_or_else(missing)?;
            let sign = if change < 0 { "fewer" } else { "more" };
            Ok(FigureRef {
                text: format!(
                    "{} {sign} jobs (projected {})",
                    format_number(change.unsigned_abs()),
                    decade(o.growth.from, o.growth.to)
                ),
                source: o.growth.source.clone(),
                year: o.growth.year,
            })
        }
        "openings" => {
            let openings = o.openings.as_ref().ok_or_else(missing)?;
            Ok(FigureRef {
                text: format!(
                    "about {} openings a year (projected {})",
                    format_number(u64::from(openings.value)),
                    decade(o.growth.from, o.growth.to)
                ),
                source: openings.source.clone(),
                year: openings.year,
            })
        }
        "entry_education" => Ok(FigureRef {
            text: o.entry_education.text.to_lowercase(),
            source: o.entry_education.source.clone(),
            year: o.entry_education.year,
        }),
        _ => Err(format!(
            "`{field}` is not a figure; use one of {}",
            FIELDS.join(", ")
        )),
    }
}

fn pay(p: &super::Pay) -> FigureRef {
    FigureRef {
        text: format!("{} a year ({})", format_money(p.annual), p.as_of),
        source: p.source.clone(),
        year: p.year,
    }
}

fn growth(g: &super::Growth) -> FigureRef {
    FigureRef {
        text: format!(
            "{} (projected {})",
            format_percent(g.percent),
            decade(g.from, g.to)
        ),
        source: g.source.clone(),
        year: g.year,
    }
}

fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(format_number(0), "0");
        assert_eq!(format_number(999), "999");
        assert_eq!(format_number(1000), "1,000");
        assert_eq!(format_number(562700), "562,700");
        assert_eq!(format_money(110680), "$110,680");
    }

    #[test]
    fn percent_and_decade_read_naturally() {
        assert_eq!(format_percent(16.0), "16%");
        assert_eq!(format_percent(3.1), "3.1%");
        assert_eq!(decade(2022, 2032), "2022–32");
        assert_eq!(decade(1995, 2005), "1995–2005");
    }
}

//! Comparisons with all occupations: always with the baseline of the same
//! May year or projection period; a figure with none is an error.

use super::{
    ALL, Field, Figure, FigureName, Subject, Value, When, find, growth_figure, pay_figure,
};
use crate::content::{Baseline, Pathway};

/// Which way a figure compares with all occupations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    Above,
    Below,
    Same,
}

/// A figure beside the all-occupations figure of the same year or period.
#[derive(Debug, Clone)]
pub(crate) struct Comparison<'a> {
    pub figure: Figure<'a>,
    pub baseline: Figure<'a>,
    pub relation: Relation,
}

/// Compare a group's median pay or growth with all occupations in the same
/// May year or over the same projection period.
pub(crate) fn compare<'a>(
    name: &FigureName,
    pathway: &'a Pathway,
    baseline: &'a Baseline,
) -> Result<Comparison<'a>, String> {
    if name.group == ALL {
        return Err(format!(
            "`{ALL}` is what other figures are compared with; name an occupation"
        ));
    }
    let figure = match name.field {
        Field::MedianPay | Field::Growth => find(name, pathway, baseline)?,
        f => {
            return Err(format!(
                "only `median_pay` and `growth` can be compared with all occupations, not `{}`",
                f.name()
            ));
        }
    };
    let (baseline_fig, relation) = match (figure.when, &figure.value) {
        (When::May(y), Value::Annual(a)) => {
            let b = baseline.pay_in(y).ok_or_else(|| {
                format!(
                    "there is no all-occupations median pay for May {y} in site.toml, so this figure cannot be compared; add that year's baseline (with its source) or compare a year that has one"
                )
            })?;
            (
                pay_figure(Subject::AllOccupations, b, Field::MedianPay)?,
                relation(f64::from(*a), f64::from(b.annual)),
            )
        }
        (When::Period(from, to), Value::Percent(p)) => {
            let b = baseline.growth_over(from, to).ok_or_else(|| {
                format!(
                    "there is no all-occupations growth for {from}-{to} in site.toml, so this projection cannot be compared; add that period's baseline (with its source) or compare a period that has one"
                )
            })?;
            (
                growth_figure(Subject::AllOccupations, b, Field::Growth)?,
                relation(*p, b.percent),
            )
        }
        _ => unreachable!("median pay is annual and growth a percent"),
    };
    Ok(Comparison {
        figure,
        baseline: baseline_fig,
        relation,
    })
}

fn relation(a: f64, b: f64) -> Relation {
    if (a - b).abs() < f64::EPSILON {
        Relation::Same
    } else if a > b {
        Relation::Above
    } else {
        Relation::Below
    }
}

//! Blocks that are not figure tables: the certificate-or-degree table
//! (from the career map), job titles by education, the self-check form and
//! the first-steps card.

use super::{Fmt, html};
use crate::content::figures::{Subject, Value, When};
use crate::content::ui::Parts as PartsUi;
use crate::content::{Level, Link, Pathway, SelfCheck};
use crate::markdown::Piece;
use crate::util::html::escape;
use askama::Template;

struct EducationRow<'a> {
    level: &'a Level,
    titles: Vec<(String, String)>,
    pay: Vec<String>,
}

#[derive(Template)]
#[template(path = "blocks/education.html")]
struct EducationView<'a> {
    caption: &'a str,
    head: (&'a str, &'a str, &'a str, &'a str, &'a str),
    rows: Vec<EducationRow<'a>>,
}

/// `{{ table education }}`: each level, how long it takes, what it prepares
/// for, its titles, and the median pay of the occupations they belong to.
pub(crate) fn education(
    f: &Fmt<'_, '_>,
    p: &Pathway,
    title_href: &dyn Fn(&str) -> String,
) -> Result<Piece, String> {
    let map = p
        .career_map
        .as_ref()
        .ok_or("`{{ table education }}` needs a career-map.toml beside pathway.toml")?;
    let t = &f.ui.tables;
    let mut rows = Vec::new();
    for level in map.used_levels() {
        let titles: Vec<_> = map.titles_at(&level.id).collect();
        let mut seen: Vec<&str> = Vec::new();
        let mut pay = Vec::new();
        for title in &titles {
            if seen.contains(&title.occupation.as_str()) {
                continue;
            }
            seen.push(&title.occupation);
            if let Some(g) = p.group(&title.occupation)
                && let Some(x) = g.pay.first()
            {
                let fig = crate::content::figures::Figure {
                    subject: Subject::Group(g),
                    value: Value::Annual(x.annual),
                    when: When::May(x.year),
                    source: &x.source,
                };
                pay.push(format!(
                    "{} <span class=\"note\">{}, {}</span>",
                    f.cell(&fig),
                    escape(&f.group_name(g)),
                    escape(&f.when(fig.when))
                ));
            }
        }
        rows.push(EducationRow {
            level,
            titles: titles
                .iter()
                .map(|t| (t.name.clone(), title_href(&t.id)))
                .collect(),
            pay,
        });
    }
    let view = EducationView {
        caption: &t.education_caption,
        head: (
            &t.level,
            &t.length,
            &t.prepares,
            &t.titles,
            &t.occupation_pay,
        ),
        rows,
    };
    Ok(Piece {
        html: html(&view)?,
        text: t.education_caption.clone(),
    })
}

/// A title in the list: its name, link and summary.
type TitleItem = (String, String, String);

#[derive(Template)]
#[template(path = "blocks/titles.html")]
struct TitlesView {
    groups: Vec<(String, Vec<TitleItem>)>,
}

/// `{{ titles }}`: job titles grouped by the education they start with.
pub(crate) fn titles(p: &Pathway, title_href: &dyn Fn(&str) -> String) -> Result<Piece, String> {
    let map = p
        .career_map
        .as_ref()
        .ok_or("`{{ titles }}` needs a career-map.toml beside pathway.toml")?;
    let mut text = String::new();
    let groups = map
        .used_levels()
        .map(|l| {
            let titles = map
                .titles_at(&l.id)
                .map(|t| {
                    text.push_str(&t.name);
                    text.push(' ');
                    (t.name.clone(), title_href(&t.id), t.summary.clone())
                })
                .collect();
            (l.name.clone(), titles)
        })
        .collect();
    Ok(Piece {
        html: html(&TitlesView { groups })?,
        text,
    })
}

#[derive(Template)]
#[template(path = "blocks/self_check_form.html")]
struct FormView<'a> {
    ui: &'a PartsUi,
    intro: &'a str,
    action: &'a str,
    rows: Vec<FormRow<'a>>,
    choices: [(&'static str, &'a str); 3],
    unanswered: bool,
}

struct FormRow<'a> {
    id: String,
    name: String,
    text: &'a str,
    chosen: &'static str,
}

/// The self-check form: a plain GET form to `action` (no JavaScript), with
/// answers preselected, and a message when it was sent with no answer.
pub(crate) fn self_check_form(
    ui: &PartsUi,
    prefix: &str,
    check: &SelfCheck,
    action: &str,
    answer: &dyn Fn(u32) -> Option<char>,
    unanswered: bool,
) -> Result<Piece, String> {
    let rows = check
        .statements
        .iter()
        .map(|s| FormRow {
            id: format!("{prefix}statement-{}", s.id),
            name: format!("s{}", s.id),
            text: &s.text,
            chosen: match answer(s.id) {
                Some('y') => "y",
                Some('u') => "u",
                Some('n') => "n",
                _ => "",
            },
        })
        .collect();
    let view = FormView {
        ui,
        intro: &check.intro,
        action,
        rows,
        choices: [
            ("y", ui.answer_yes.as_str()),
            ("u", ui.answer_unsure.as_str()),
            ("n", ui.answer_no.as_str()),
        ],
        unanswered,
    };
    Ok(Piece {
        html: html(&view)?,
        text: check
            .statements
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    })
}

#[derive(Template)]
#[template(path = "blocks/first_steps.html")]
struct FirstStepsView<'a> {
    id: &'a str,
    heading: &'a str,
    steps: &'a [Link],
}

/// The first-steps card.
pub(crate) fn first_steps(ui: &PartsUi, p: &Pathway, id: &str) -> Result<Piece, String> {
    if p.first_steps.is_empty() {
        return Err("`{{ first-steps }}` needs [[first_steps]] entries in pathway.toml".into());
    }
    let view = FirstStepsView {
        id,
        heading: &ui.first_steps,
        steps: &p.first_steps,
    };
    Ok(Piece {
        html: html(&view)?,
        text: p
            .first_steps
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    })
}

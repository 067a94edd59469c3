//! The self-check result: a per-request page whose URL carries the answers
//! (`?a=1,3,4&u=2&n=5`, or the form's own `?s1=y&s2=u`), so a student can
//! send it to an advisor who then sees the same result. Nothing is stored.

use super::{Chrome, Meta, encode_component, html};
use crate::blocks::self_check_form_with;
use crate::content::{Link, Pathway, SelfCheck, Site};
use askama::Template;
use std::collections::BTreeMap;

/// Most answer items a query may carry (there are only a few statements).
const MAX_ITEMS: usize = 100;

/// One answer to one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    Unsure,
    No,
}

impl Answer {
    fn code(self) -> char {
        match self {
            Answer::Yes => 'y',
            Answer::Unsure => 'u',
            Answer::No => 'n',
        }
    }
}

/// Answers by statement id.
pub type Answers = BTreeMap<u32, Answer>;

/// Why a query could not be read, in words for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadQuery(pub String);

/// Parse the query string. `Ok(None)` means it carries no answers at all
/// (show the plain form page).
pub fn parse(query: &str, check: &SelfCheck) -> Result<Option<Answers>, BadQuery> {
    let known: Vec<u32> = check.statements.iter().map(|s| s.id).collect();
    let valid = || {
        known
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut answers = Answers::new();
    let mut items = 0usize;
    let mut any = false;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let (answer, ids): (Answer, Vec<&str>) = match key.as_ref() {
            "a" | "y" => (Answer::Yes, value.split(',').collect()),
            "u" => (Answer::Unsure, value.split(',').collect()),
            "n" => (Answer::No, value.split(',').collect()),
            k if k.starts_with('s') && k.len() > 1 => {
                let answer = match value.as_ref() {
                    "y" => Answer::Yes,
                    "u" => Answer::Unsure,
                    "n" => Answer::No,
                    other => {
                        return Err(BadQuery(format!(
                            "The answer “{}” is not one we know; answers are y (sounds like me), u (not sure) or n (not really).",
                            truncate(other)
                        )));
                    }
                };
                (answer, vec![&k[1..]])
            }
            _ => continue,
        };
        any = true;
        for id in ids.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
            items += 1;
            if items > MAX_ITEMS {
                return Err(BadQuery(format!(
                    "This link carries more than {MAX_ITEMS} answers, but the self-check has only {} statements.",
                    known.len()
                )));
            }
            let n: u32 = id.parse().map_err(|_| {
                BadQuery(format!(
                    "“{}” is not a statement number. The statements are numbered {}.",
                    truncate(id),
                    valid()
                ))
            })?;
            if !known.contains(&n) {
                return Err(BadQuery(format!(
                    "There is no statement {n}. The statements are numbered {}.",
                    valid()
                )));
            }
            // The first answer given for a statement stands.
            answers.entry(n).or_insert(answer);
        }
    }
    Ok(any.then_some(answers))
}

fn truncate(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// The canonical query for a set of answers: `a=1,3&u=2&n=4`.
pub fn canonical_query(answers: &Answers) -> String {
    let list = |want: Answer| {
        answers
            .iter()
            .filter(|(_, a)| **a == want)
            .map(|(id, _)| id.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut parts = Vec::new();
    for (key, want) in [("a", Answer::Yes), ("u", Answer::Unsure), ("n", Answer::No)] {
        let l = list(want);
        if !l.is_empty() {
            parts.push(format!("{key}={l}"));
        }
    }
    parts.join("&")
}

struct Row {
    id: u32,
    kind: &'static str,
    text: String,
    answer: &'static str,
    meaning: String,
    read_more: Vec<Link>,
}

#[derive(Template)]
#[template(path = "self_check_result.html")]
struct ResultPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    p: &'a Pathway,
    check: &'a SelfCheck,
    rows: Vec<Row>,
    answered: usize,
    yes: usize,
    unsure: usize,
    no: usize,
    result_url: String,
    subject_enc: String,
    body_enc: String,
    form: String,
}

/// Render the result page for these answers.
pub fn render_result(
    site: &Site,
    chrome: &Chrome,
    p: &Pathway,
    check: &SelfCheck,
    answers: &Answers,
) -> Result<String, askama::Error> {
    let path = format!("{}/right-for-me", p.path());
    let query = canonical_query(answers);
    let result_url = if query.is_empty() {
        site.url(&path)
    } else {
        format!("{}?{query}", site.url(&path))
    };
    let rows = check
        .statements
        .iter()
        .map(|s| {
            let (kind, answer, meaning) = match answers.get(&s.id) {
                Some(Answer::Yes) => ("yes", "sounds like me", s.yes.clone()),
                Some(Answer::Unsure) => ("unsure", "not sure", s.unsure.clone()),
                Some(Answer::No) => ("no", "not really", s.no.clone()),
                None => ("skipped", "skipped", s.unsure.clone()),
            };
            Row {
                id: s.id,
                kind,
                text: s.text.clone(),
                answer,
                meaning,
                read_more: s.read_more.clone(),
            }
        })
        .collect();
    let count = |want| answers.values().filter(|a| **a == want).count();
    let title = format!("Is {} right for me? My self-check", p.short_title);
    let mut meta = Meta::new(
        site,
        &path,
        &title,
        &format!(
            "A self-check for a career in {}: what each answer means and where to read more.",
            p.title.to_lowercase()
        ),
    );
    meta.noindex = true;
    meta.nav = "pathways";
    let mut crumbs = super::pathway_crumbs(p);
    crumbs.push(("Is it right for me?", path.clone()));
    crumbs.push(("My results", format!("{path}?{query}")));
    let meta = meta.crumbs(crumbs);
    let answer_of = |id: u32| answers.get(&id).map(|a| a.code());
    let body = format!(
        "My answers to the {} self-check:\n\n{result_url}",
        p.short_title
    );
    let page = ResultPage {
        meta,
        chrome,
        p,
        check,
        rows,
        answered: answers.len(),
        yes: count(Answer::Yes),
        unsure: count(Answer::Unsure),
        no: count(Answer::No),
        subject_enc: encode_component(&title),
        body_enc: encode_component(&body),
        result_url,
        form: self_check_form_with(p, check, &answer_of),
    };
    html(&page).map(|b| String::from_utf8(b).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Statement;

    fn check() -> SelfCheck {
        SelfCheck {
            intro: String::new(),
            statements: (1..=6)
                .map(|id| Statement {
                    id,
                    text: format!("s{id}"),
                    yes: String::new(),
                    unsure: String::new(),
                    no: String::new(),
                    read_more: vec![],
                })
                .collect(),
            next_steps: vec![],
        }
    }

    #[test]
    fn comma_lists_and_form_fields_give_the_same_answers() {
        let a = parse("a=1,3&u=2&n=4", &check()).unwrap().unwrap();
        let b = parse("s1=y&s2=u&s3=y&s4=n", &check()).unwrap().unwrap();
        assert_eq!(a, b);
        assert_eq!(canonical_query(&a), "a=1,3&u=2&n=4");
    }

    #[test]
    fn unknown_ids_non_numbers_and_floods_are_refused_politely() {
        assert!(
            parse("a=9", &check())
                .unwrap_err()
                .0
                .contains("no statement 9")
        );
        assert!(parse("a=x", &check()).is_err());
        assert!(parse("s1=maybe", &check()).is_err());
        let flood = format!("a={}", vec!["1"; 10_000].join(","));
        assert!(parse(&flood, &check()).is_err());
    }

    #[test]
    fn repeats_keep_the_first_answer_and_other_keys_are_ignored() {
        let a = parse("a=1,1&n=1&utm_source=x", &check()).unwrap().unwrap();
        assert_eq!(a.get(&1), Some(&Answer::Yes));
        assert_eq!(parse("utm_source=x", &check()).unwrap(), None);
    }
}

//! The self-check result: a per-request page whose URL carries the answers
//! (`?a=1,3,4&u=2&n=5`, or the form's own `?s1=y&s2=u`), so a student can
//! send it to an advisor who then sees the same result. Nothing is stored.
//! Keys the self-check does not know (`src`, `utm_source`...) are ignored.

use super::cx::Cx;
use super::docs::{self, SectionDoc};
use super::layout::{Chrome, Menu, Meta, encode_component, pathway_crumbs};
use crate::blocks::{Citations, html};
use crate::content::{Link, Pathway, SelfCheck, Site};
use crate::markdown::{Glossary, Ids};
use crate::registry::Page;
use crate::util::query::{BadQuery, pairs};
use crate::util::text::fill;
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

/// What a query string asks of the self-check page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// No answers and no form submit: the plain page.
    Nothing,
    /// The form was sent with no answer chosen.
    Unanswered,
    Answers(Answers),
}

/// Why a query could not be read (the page says it in the reader's words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadAnswers {
    /// A broken `%`-escape or text that is not UTF-8.
    Address(BadQuery),
    /// An answer other than y, u or n.
    Answer(String),
    /// A statement "number" that is not a number.
    NotANumber(String),
    /// A statement that does not exist.
    NoStatement(u32),
    /// More answers than any self-check could need.
    TooMany,
}

impl From<BadQuery> for BadAnswers {
    fn from(e: BadQuery) -> Self {
        BadAnswers::Address(e)
    }
}

/// A clause as a sentence: a capital first letter and a full stop.
fn sentence(clause: &str) -> String {
    let clause = clause.trim();
    let mut chars = clause.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

impl BadAnswers {
    /// The sentence for the reader, in the edition's words.
    pub fn explain(&self, ui: &crate::content::Ui, check: &SelfCheck) -> String {
        let u = &ui.results;
        let list = check
            .statements
            .iter()
            .map(|s| s.id.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        match self {
            // These words are a clause (search puts them after a colon);
            // here they open the message, so they become a sentence.
            BadAnswers::Address(BadQuery::Escape) => sentence(&ui.errors.bad_escape),
            BadAnswers::Address(BadQuery::Utf8) => sentence(&ui.errors.bad_utf8),
            BadAnswers::Answer(v) => fill(&u.bad_answer, &[("answer", &truncate(v))]),
            BadAnswers::NotANumber(v) => {
                fill(&u.bad_number, &[("value", &truncate(v)), ("list", &list)])
            }
            BadAnswers::NoStatement(n) => {
                fill(&u.no_statement, &[("n", &n.to_string()), ("list", &list)])
            }
            BadAnswers::TooMany => fill(&u.too_many, &[("max", &MAX_ITEMS.to_string())]),
        }
    }
}

/// Read the query string.
pub fn parse(query: Option<&str>, check: &SelfCheck) -> Result<Asked, BadAnswers> {
    let known: Vec<u32> = check.statements.iter().map(|s| s.id).collect();
    let mut answers = Answers::new();
    let mut items = 0usize;
    let mut sent = false;
    for (key, value) in pairs(query)? {
        let (answer, ids): (Answer, Vec<&str>) = match key.as_str() {
            "a" | "y" => (Answer::Yes, value.split(',').collect()),
            "u" => (Answer::Unsure, value.split(',').collect()),
            "n" => (Answer::No, value.split(',').collect()),
            "sent" => {
                sent = true;
                continue;
            }
            k if k.len() > 1
                && k.starts_with('s')
                && k[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                let answer = match value.as_str() {
                    "y" => Answer::Yes,
                    "u" => Answer::Unsure,
                    "n" => Answer::No,
                    other => return Err(BadAnswers::Answer(other.to_string())),
                };
                (answer, vec![&k[1..]])
            }
            // Keys the self-check does not use: tracking tags and the like.
            _ => continue,
        };
        for id in ids.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
            items += 1;
            if items > MAX_ITEMS {
                return Err(BadAnswers::TooMany);
            }
            let n: u32 = id
                .parse()
                .map_err(|_| BadAnswers::NotANumber(id.to_string()))?;
            if !known.contains(&n) {
                return Err(BadAnswers::NoStatement(n));
            }
            // The first answer given for a statement stands.
            answers.entry(n).or_insert(answer);
        }
    }
    Ok(match (answers.is_empty(), sent) {
        (false, _) => Asked::Answers(answers),
        (true, true) => Asked::Unanswered,
        (true, false) => Asked::Nothing,
    })
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
    let mut parts = Vec::new();
    for (key, want) in [("a", Answer::Yes), ("u", Answer::Unsure), ("n", Answer::No)] {
        let list: Vec<String> = answers
            .iter()
            .filter(|(_, a)| **a == want)
            .map(|(id, _)| id.to_string())
            .collect();
        if !list.is_empty() {
            parts.push(format!("{key}={}", list.join(",")));
        }
    }
    parts.join("&")
}

struct Row {
    id: u32,
    kind: &'static str,
    text: String,
    answer: String,
    meaning: String,
    read_more: Vec<Link>,
}

#[derive(Template)]
#[template(path = "self_check_result.html")]
struct ResultPage<'a> {
    meta: Meta,
    chrome: &'a Chrome,
    menu: Menu,
    summary: &'a str,
    read_next: Option<&'a Link>,
    answered: String,
    rows: Vec<Row>,
    next_steps: &'a [Link],
    result_url: String,
    subject_enc: String,
    body_enc: String,
    sms_enc: String,
    form: String,
}

/// Render the result page for these answers, on the page of section `i`.
pub fn render_result(
    site: &Site,
    chrome: &Chrome,
    p: &Pathway,
    i: usize,
    answers: &Answers,
) -> Result<String, String> {
    let check = p.self_check.as_ref().ok_or("no self-check")?;
    let ui = &site.ui;
    let u = &ui.results;
    let path = Page::Section(p, i).path();
    let query = canonical_query(answers);
    let result_url = format!("{}?{query}", site.url(&path));
    let rows = check
        .statements
        .iter()
        .map(|s| {
            let (kind, answer, meaning) = match answers.get(&s.id) {
                Some(Answer::Yes) => ("yes", &ui.parts.answer_yes, &s.yes),
                Some(Answer::Unsure) => ("unsure", &ui.parts.answer_unsure, &s.unsure),
                Some(Answer::No) => ("no", &ui.parts.answer_no, &s.no),
                None => ("skipped", &u.skipped, &s.unsure),
            };
            Row {
                id: s.id,
                kind,
                text: s.text.clone(),
                answer: answer.clone(),
                meaning: meaning.clone(),
                read_more: s.read_more.clone(),
            }
        })
        .collect();
    let count = |want| answers.values().filter(|a| **a == want).count();
    let (yes, unsure, no) = (count(Answer::Yes), count(Answer::Unsure), count(Answer::No));
    let outcome = if yes > no + unsure {
        &check.outcomes[0]
    } else if no > yes + unsure {
        &check.outcomes[2]
    } else {
        &check.outcomes[1]
    };
    let title = fill(&u.title, &[("short", &p.short_title)]);
    let mut meta = Meta::new(
        site,
        &path,
        &title,
        &fill(&u.description, &[("field", &p.title.to_lowercase())]),
    );
    meta.noindex = true;
    meta.nav = "pathways";
    meta.switch_query = format!("?{query}");
    let mut crumbs = pathway_crumbs(ui, p);
    crumbs.push((p.sections[i].nav_title.clone(), path.clone()));
    crumbs.push((u.crumb.clone(), format!("{path}?{query}")));
    let meta = meta.crumbs(crumbs);
    let answer_of = |id: u32| answers.get(&id).map(|a| a.code());
    // The form's ids take a prefix: the result rows use `statement-N`.
    let form = crate::blocks::parts::self_check_form(
        &ui.parts, "change-", check, &path, &answer_of, false,
    )?;
    let body = format!(
        "{}\n\n{result_url}",
        fill(&u.mail, &[("short", &p.short_title)])
    );
    html(&ResultPage {
        menu: Menu::new(ui, p, chrome.menu(p), &path),
        meta,
        chrome,
        summary: &outcome.summary,
        read_next: Some(&outcome.read_next),
        answered: fill(
            &u.answered,
            &[
                ("answered", &answers.len().to_string()),
                ("total", &check.statements.len().to_string()),
                ("yes", &yes.to_string()),
                ("unsure", &unsure.to_string()),
                ("no", &no.to_string()),
            ],
        ),
        rows,
        next_steps: &check.next_steps,
        subject_enc: encode_component(&title),
        body_enc: encode_component(&body),
        sms_enc: encode_component(&format!("{title}: {result_url}")),
        result_url,
        form: form.html,
    })
}

/// The self-check's own page again, with the "choose an answer" message
/// (the form was sent with nothing chosen).
pub fn render_unanswered(
    site: &Site,
    chrome: &Chrome,
    p: &Pathway,
    i: usize,
) -> Result<String, String> {
    let glossary = Glossary::new(&site.glossary);
    let s = &p.sections[i];
    let cites = Citations::new(site, "");
    let mut diags = Vec::new();
    let at = docs::Where {
        site,
        pathway: p,
        glossary: &glossary,
    };
    let doc = docs::render_section(at, s, &Ids::default(), &cites, true, &mut diags);
    let section_doc = SectionDoc {
        key: None,
        doc,
        cited: cites.list(),
        groups: cites.groups(),
    };
    let mut all = docs::Docs::default();
    let pi = site.index_of(p);
    all.sections.insert((pi, i), section_doc);
    let cx = Cx {
        site,
        chrome,
        docs: &all,
        glossary: &glossary,
    };
    let doc = all.get(pi, i).ok_or("no section")?;
    super::pathway::section(&cx, p, i, doc)
}

#[cfg(test)]
mod tests;

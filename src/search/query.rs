//! From what a student typed to a tantivy query, without tantivy's query
//! parser: every character is text, so nothing a student types is an error.
//!
//! The text is split into groups: a word, or a phrase (words in double
//! quotes, or a word the tokenizer splits, like `29-2072`). Each word group
//! matches its stem, near forms of it in the index (`coding` → `coder`),
//! one-typo neighbours for words of five letters or more that the index
//! does not hold as typed ("covers" is never "coder"), and the edition's
//! everyday synonyms (`[vocabulary]` in its `ui/<lang>.toml`); the exact
//! stem scores highest.
//! Each group also adds a large constant when it matches, so documents
//! matching more groups always come first, and BM25 orders them within.

use super::Fields;
use std::collections::BTreeMap;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// Score added per matched group; BM25 scores stay far below it.
pub(super) const TIER: f32 = 1000.0;
/// Most groups a query uses (the rest of a long query is ignored).
const MAX_GROUPS: usize = 12;
/// Most index terms one word expands to.
const MAX_VARIANTS: usize = 16;

const EXACT: f32 = 1.0;
const NEAR_FORM: f32 = 0.4;
const SYNONYM: f32 = 0.5;
const TYPO: f32 = 0.3;
/// Bonus when the words of a query of several words appear close together.
const NEAR_EACH_OTHER: f32 = 3.0;
/// How far apart (in words) they may be for the bonus.
const NEAR_SLOP: u32 = 2;

/// Characters that split words (query syntax elsewhere); other
/// punctuation inside a word (`29-2072`, `O*NET`) makes it a phrase.
const SEPARATORS: &[char] = &[
    ':', '(', ')', '[', ']', '{', '}', '!', '^', '~', '+', ',', ';', '?', '<', '>', '=', '|', '&',
    '\\',
];

/// One part of the query.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Group {
    /// A word: its lowercased form, its stem, and whether near forms,
    /// typos and synonyms count (not inside quotes).
    Word {
        raw: String,
        stem: String,
        loose: bool,
    },
    /// Stems that must appear next to each other.
    Phrase(Vec<String>),
}

/// Analyzers a parse needs: one that only splits and lowercases, and the
/// index's stemming one.
pub(super) struct Analyzers<'v> {
    pub(super) plain: TextAnalyzer,
    pub(super) stem: TextAnalyzer,
    /// The language's stop words and synonyms.
    pub(super) lang: &'v crate::content::ui::Vocabulary,
}

impl Analyzers<'_> {
    fn tokens(an: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = an.token_stream(text);
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    fn stem_of(&mut self, word: &str) -> String {
        Self::tokens(&mut self.stem, word)
            .into_iter()
            .next()
            .unwrap_or_else(|| word.to_string())
    }
}

/// Split the query into groups.
pub(super) fn parse(q: &str, an: &mut Analyzers<'_>) -> Vec<Group> {
    let mut groups = Vec::new();
    // Even parts are free text; odd parts were inside quotes (an unclosed
    // quote runs to the end).
    for (i, part) in q.split('"').enumerate() {
        if i % 2 == 1 {
            let stems = Analyzers::tokens(&mut an.stem, part);
            match stems.len() {
                0 => {}
                1 => {
                    let raw = Analyzers::tokens(&mut an.plain, part)
                        .into_iter()
                        .next()
                        .unwrap_or_default();
                    groups.push(Group::Word {
                        raw,
                        stem: stems[0].clone(),
                        loose: false,
                    });
                }
                _ => groups.push(Group::Phrase(stems)),
            }
            continue;
        }
        for word in part.split(|c: char| c.is_whitespace() || SEPARATORS.contains(&c)) {
            let raws = Analyzers::tokens(&mut an.plain, word);
            match raws.len() {
                0 => {}
                1 => {
                    let stem = an.stem_of(&raws[0]);
                    let raw = raws.into_iter().next().unwrap_or_default();
                    groups.push(Group::Word {
                        raw,
                        stem,
                        loose: true,
                    });
                }
                _ => groups.push(Group::Phrase(raws.iter().map(|r| an.stem_of(r)).collect())),
            }
        }
    }
    let mut seen = Vec::new();
    groups.retain(|g| {
        let key = match g {
            Group::Word { stem, .. } => stem.clone(),
            Group::Phrase(s) => s.join(" "),
        };
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
    let lang = an.lang;
    let is_stop =
        |g: &Group| matches!(g, Group::Word { raw, loose: true, .. } if lang.is_stop(raw));
    if groups.iter().any(|g| !is_stop(g)) {
        groups.retain(|g| !is_stop(g));
    }
    groups.truncate(MAX_GROUPS);
    groups
}

/// The query for some groups, and the index terms a snippet should mark
/// (with a weight: higher for better matches).
pub(super) fn build(
    groups: &[Group],
    searcher: &Searcher,
    fields: &Fields,
    an: &mut Analyzers<'_>,
) -> (Box<dyn Query>, BTreeMap<String, f32>) {
    let mut marks = BTreeMap::new();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for g in groups {
        let group: Box<dyn Query> = match g {
            Group::Word { raw, stem, loose } => {
                let variants = variants(raw, stem, *loose, searcher, fields, an);
                let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (term, boost) in &variants {
                    let e = marks.entry(term.clone()).or_insert(0.0_f32);
                    *e = e.max(*boost);
                    for (field, field_boost) in fields.boosted() {
                        let tq = TermQuery::new(
                            Term::from_field_text(field, term),
                            IndexRecordOption::WithFreqs,
                        );
                        should.push((
                            Occur::Should,
                            Box::new(BoostQuery::new(Box::new(tq), boost * field_boost)),
                        ));
                    }
                }
                Box::new(BooleanQuery::new(should))
            }
            Group::Phrase(stems) => {
                for s in stems {
                    marks.entry(s.clone()).or_insert(EXACT);
                }
                let should = fields
                    .boosted()
                    .into_iter()
                    .map(|(field, field_boost)| {
                        let terms = stems
                            .iter()
                            .map(|s| Term::from_field_text(field, s))
                            .collect();
                        let pq: Box<dyn Query> = Box::new(PhraseQuery::new(terms));
                        (
                            Occur::Should,
                            Box::new(BoostQuery::new(pq, field_boost)) as Box<dyn Query>,
                        )
                    })
                    .collect();
                Box::new(BooleanQuery::new(should))
            }
        };
        clauses.push((
            Occur::Should,
            Box::new(ConstScoreQuery::new(group.box_clone(), TIER)),
        ));
        clauses.push((Occur::Should, group));
    }
    // Words typed together score more where they stand together.
    let words: Vec<&str> = groups
        .iter()
        .filter_map(|g| match g {
            Group::Word { stem, .. } => Some(stem.as_str()),
            Group::Phrase(_) => None,
        })
        .collect();
    if words.len() >= 2 && words.len() == groups.len() {
        for field in [fields.title, fields.body] {
            let terms = words
                .iter()
                .enumerate()
                .map(|(i, w)| (i, Term::from_field_text(field, w)))
                .collect();
            let near: Box<dyn Query> =
                Box::new(PhraseQuery::new_with_offset_and_slop(terms, NEAR_SLOP));
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(near, NEAR_EACH_OTHER)),
            ));
        }
    }
    (Box::new(BooleanQuery::new(clauses)), marks)
}

/// Index terms a word stands for, each with its boost.
fn variants(
    raw: &str,
    stem: &str,
    loose: bool,
    searcher: &Searcher,
    fields: &Fields,
    an: &mut Analyzers<'_>,
) -> Vec<(String, f32)> {
    let mut out: Vec<(String, f32)> = vec![(stem.to_string(), EXACT)];
    let add = |out: &mut Vec<(String, f32)>, term: String, boost: f32| {
        if let Some(v) = out.iter_mut().find(|(t, _)| *t == term) {
            v.1 = v.1.max(boost);
        } else if out.len() < MAX_VARIANTS {
            out.push((term, boost));
        }
    };
    if !loose || !raw.chars().all(char::is_alphabetic) {
        return out;
    }
    if let Some(syns) = an.lang.synonyms_of(raw) {
        for s in syns {
            let term = an.stem_of(s);
            add(&mut out, term, SYNONYM);
        }
    }
    let stem_chars = stem.chars().count();
    // Whether the word as typed (or a near form) is in the index: typo
    // neighbours are only tried for a word that is not.
    let mut found = false;
    for segment in searcher.segment_readers() {
        for field in fields.text() {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let dict = inverted.terms();
            found |= dict.get(stem.as_bytes()).ok().flatten().is_some();
            if stem_chars < 4 {
                continue;
            }
            // Shorter forms: "coder" → "code".
            for cut in 1..=2 {
                if stem_chars - cut < 4 {
                    break;
                }
                let shorter: String = stem.chars().take(stem_chars - cut).collect();
                if dict.get(shorter.as_bytes()).ok().flatten().is_some() {
                    add(&mut out, shorter, NEAR_FORM);
                    found = true;
                }
            }
            // Longer forms: "code" → "coder", "coded".
            let mut upper = stem.as_bytes().to_vec();
            upper.push(0xFF);
            if let Ok(mut stream) = dict.range().ge(stem.as_bytes()).lt(&upper).into_stream() {
                while stream.advance() {
                    if let Ok(t) = std::str::from_utf8(stream.key())
                        && t.chars().count() <= stem_chars + 3
                    {
                        add(&mut out, t.to_string(), NEAR_FORM);
                        found = true;
                    }
                }
            }
        }
    }
    if found || raw.chars().count() < 5 {
        return out;
    }
    // One automaton per word, run over each field's dictionary.
    let Ok(automaton) =
        FuzzyTermQuery::new(Term::from_field_text(fields.body, stem), 1, true).automaton()
    else {
        return out;
    };
    for segment in searcher.segment_readers() {
        for field in fields.text() {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            if let Ok(mut stream) = inverted.terms().search(&automaton).into_stream() {
                while stream.advance() {
                    if let Ok(t) = std::str::from_utf8(stream.key()) {
                        add(&mut out, t.to_string(), TYPO);
                    }
                }
            }
        }
    }
    out
}

/// The stems of a parse, phrases in quotes (for tests).
#[cfg(test)]
fn stems(groups: &[Group]) -> Vec<String> {
    groups
        .iter()
        .map(|g| match g {
            Group::Word { stem, .. } => stem.clone(),
            Group::Phrase(s) => format!("\"{}\"", s.join(" ")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default edition's vocabulary, read from `content/ui/` (no stop
    /// word is written in `src/`).
    fn english() -> crate::content::ui::Vocabulary {
        let ui: crate::content::Ui =
            toml::from_str(include_str!("../../content/ui/en.toml")).expect("ui/en.toml");
        ui.vocabulary
    }

    fn analyzers(lang: &crate::content::ui::Vocabulary) -> Analyzers<'_> {
        Analyzers {
            plain: super::super::plain_analyzer(),
            stem: super::super::stem_analyzer(lang),
            lang,
        }
    }

    #[test]
    fn stop_words_go_unless_nothing_else_is_left() {
        let lang = english();
        let mut an = analyzers(&lang);
        assert_eq!(
            stems(&parse("how much do they make", &mut an)),
            ["much", "make"]
        );
        assert_eq!(stems(&parse("how do they", &mut an)), ["how", "do", "they"]);
    }

    #[test]
    fn quotes_make_phrases_and_an_unclosed_quote_runs_to_the_end() {
        let lang = english();
        let mut an = analyzers(&lang);
        assert_eq!(
            stems(&parse("\"medical records\" pay", &mut an)),
            ["\"medic record\"", "pay"]
        );
        assert_eq!(
            stems(&parse("pay \"medical records", &mut an)),
            ["pay", "\"medic record\""]
        );
    }

    #[test]
    fn codes_with_hyphens_are_phrases_and_syntax_characters_are_text() {
        let lang = english();
        let mut an = analyzers(&lang);
        assert_eq!(stems(&parse("29-2072", &mut an)), ["\"29 2072\""]);
        assert!(parse("\" : * ( ) \"", &mut an).is_empty());
    }
}

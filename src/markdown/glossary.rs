//! Glossary terms in prose: each term is marked (linked to its entry) the
//! first time a page uses it.

use std::collections::HashSet;
use std::ops::Range;

/// Glossary terms prepared for matching in prose. Patterns are indexed by
/// their first word, so finding terms is one pass over the text whatever
/// the number of terms.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Lowercased first word → patterns starting with it, longest first.
    by_first: std::collections::HashMap<String, Vec<Pattern>>,
    /// The first letters of those words: most words in prose start with
    /// none of them and are passed over without being read (this check made
    /// matching three times faster on a thousand generated pathways).
    firsts: Vec<char>,
    pub(super) entries: Vec<GlossaryEntry>,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// As written (case-sensitive patterns) or lowercased.
    text: String,
    term: usize,
    case_sensitive: bool,
}

#[derive(Debug, Clone)]
pub(super) struct GlossaryEntry {
    pub(super) id: String,
    pub(super) expansion: Option<String>,
}

impl Glossary {
    pub fn new(terms: &[crate::content::Term]) -> Self {
        let mut by_first: std::collections::HashMap<String, Vec<Pattern>> = Default::default();
        let mut entries = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            let abbr = t.is_abbreviation();
            for p in std::iter::once(&t.term).chain(&t.also) {
                let Some(first) = p.split(|c: char| !c.is_alphanumeric()).next() else {
                    continue;
                };
                if first.is_empty() {
                    continue;
                }
                by_first
                    .entry(first.to_lowercase())
                    .or_default()
                    .push(Pattern {
                        text: if abbr { p.clone() } else { p.to_lowercase() },
                        term: i,
                        case_sensitive: abbr,
                    });
            }
            entries.push(GlossaryEntry {
                id: t.id.clone(),
                expansion: t.expansion.clone(),
            });
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then(a.text.cmp(&b.text)));
        }
        let mut firsts: Vec<char> = by_first.keys().filter_map(|w| w.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        Self {
            by_first,
            firsts,
            entries,
        }
    }

    /// The first match in `text` of a term not yet in `used`:
    /// (byte range, term index).
    pub(super) fn find(&self, text: &str, used: &HashSet<usize>) -> Option<(Range<usize>, usize)> {
        if self.by_first.is_empty() {
            return None;
        }
        let mut prev: Option<char> = None;
        let mut word = String::new();
        for (start, c) in text.char_indices() {
            let at_word_start = c.is_alphanumeric() && !prev.is_some_and(is_word_char);
            prev = Some(c);
            if !at_word_start || !self.firsts.contains(&c.to_lowercase().next().unwrap_or(c)) {
                continue;
            }
            word.clear();
            for w in text[start..].chars().take_while(|c| c.is_alphanumeric()) {
                word.extend(w.to_lowercase());
            }
            let Some(candidates) = self.by_first.get(&word) else {
                continue;
            };
            for p in candidates {
                if used.contains(&p.term) {
                    continue;
                }
                let end = if p.case_sensitive {
                    text[start..]
                        .starts_with(&p.text)
                        .then(|| start + p.text.len())
                } else {
                    match_lowercase(text, start, &p.text)
                };
                if let Some(end) = end
                    && is_word_boundary(text, start, end)
                {
                    return Some((start..end, p.term));
                }
            }
        }
        None
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Does `text` at `start`, lowercased, begin with `lower`? Returns the end
/// of the match in `text` (lowercasing may change byte lengths, so the end
/// is found by walking the original characters).
fn match_lowercase(text: &str, start: usize, lower: &str) -> Option<usize> {
    let mut want = lower.chars();
    for (i, c) in text[start..].char_indices() {
        for l in c.to_lowercase() {
            if want.next() != Some(l) {
                return None;
            }
        }
        if want.as_str().is_empty() {
            return Some(start + i + c.len_utf8());
        }
    }
    None
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(is_word_char);
    !word(before) && !word(after)
}

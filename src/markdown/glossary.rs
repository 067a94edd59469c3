//! Glossary terms in prose: each term is marked (linked to its entry) the
//! first time a page uses it.
//!
//! Terms are held in two tries of characters: one of the lowercased
//! patterns (matched whatever the case) and one of abbreviations as
//! written. At each word start the text is walked down both tries once, so
//! finding terms costs the text's length times the longest term (at most
//! [`crate::content::Term::MAX_CHARS`] characters), however
//! many terms share a first word (1,600 terms starting with one word over
//! a 1.4 MB section took 44 s when each term was tried in turn).

use std::collections::HashMap;
use std::ops::Range;

/// The lowercased trie's root.
const LOWER: u32 = 0;
/// The trie of patterns as written (abbreviations)'s root.
const EXACT: u32 = 1;

/// Glossary terms prepared for matching in prose.
#[derive(Debug, Clone)]
pub struct Glossary {
    /// Trie edges: (node, next character) → node.
    edges: HashMap<(u32, char), u32>,
    /// Per node, the patterns that end there, in the glossary's order.
    ends: Vec<Vec<Pattern>>,
    /// The lowercased first letters of the patterns: most words in prose
    /// start with none of them and are passed over without being read.
    firsts: Vec<char>,
    pub(super) entries: Vec<GlossaryEntry>,
}

impl Default for Glossary {
    fn default() -> Self {
        Self::new(&[])
    }
}

#[derive(Debug, Clone)]
struct Pattern {
    /// Its text as matched (lowercased, or as written): ties between
    /// patterns of one length are broken by it.
    text: String,
    term: usize,
}

#[derive(Debug, Clone)]
pub(super) struct GlossaryEntry {
    pub(super) id: String,
    pub(super) expansion: Option<String>,
}

/// What one document has marked so far: the terms, and per trie node how
/// many of its patterns are used (they are used in order, so each is
/// passed over once).
#[derive(Debug, Default)]
pub(super) struct Marked {
    pub(super) terms: std::collections::HashSet<usize>,
    skip: HashMap<u32, usize>,
}

impl Glossary {
    pub fn new(terms: &[crate::content::Term]) -> Self {
        let mut g = Self {
            edges: HashMap::new(),
            ends: vec![Vec::new(), Vec::new()],
            firsts: Vec::new(),
            entries: Vec::new(),
        };
        for (i, t) in terms.iter().enumerate() {
            let abbr = t.is_abbreviation();
            for p in std::iter::once(&t.term).chain(&t.also) {
                // A pattern is found at the start of a word only.
                if !p.chars().next().is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let text = if abbr { p.clone() } else { p.to_lowercase() };
                g.firsts
                    .extend(p.chars().next().and_then(|c| c.to_lowercase().next()));
                let mut node = if abbr { EXACT } else { LOWER };
                for c in text.chars() {
                    let fresh = g.ends.len() as u32;
                    node = *g.edges.entry((node, c)).or_insert(fresh);
                    if node == fresh {
                        g.ends.push(Vec::new());
                    }
                }
                g.ends[node as usize].push(Pattern { text, term: i });
            }
            g.entries.push(GlossaryEntry {
                id: t.id.clone(),
                expansion: t.expansion.clone(),
            });
        }
        g.firsts.sort_unstable();
        g.firsts.dedup();
        g
    }

    /// The first unused pattern ending at `node`, if any.
    fn unused(&self, node: u32, marked: &mut Marked) -> Option<&Pattern> {
        let list = &self.ends[node as usize];
        let skip = marked.skip.entry(node).or_default();
        while list
            .get(*skip)
            .is_some_and(|p| marked.terms.contains(&p.term))
        {
            *skip += 1;
        }
        list.get(*skip)
    }

    /// The first match in `text` of a term not yet marked: (byte range,
    /// term index). Where several start at one place, the longest wins
    /// (then the smaller text, then the glossary's order).
    pub(super) fn find(&self, text: &str, marked: &mut Marked) -> Option<(Range<usize>, usize)> {
        if self.edges.is_empty() {
            return None;
        }
        let mut prev: Option<char> = None;
        for (start, c) in text.char_indices() {
            let at_word_start = c.is_alphanumeric() && !prev.is_some_and(is_word_char);
            prev = Some(c);
            if !at_word_start || !self.firsts.contains(&c.to_lowercase().next().unwrap_or(c)) {
                continue;
            }
            // (pattern length, pattern text, term, end in `text`)
            let mut best: Option<(usize, &str, usize, usize)> = None;
            let (mut lower, mut exact) = (Some(LOWER), Some(EXACT));
            for (i, c) in text[start..].char_indices() {
                exact = exact.and_then(|n| self.edges.get(&(n, c)).copied());
                lower = lower.and_then(|mut n| {
                    for l in c.to_lowercase() {
                        n = *self.edges.get(&(n, l))?;
                    }
                    Some(n)
                });
                if lower.is_none() && exact.is_none() {
                    break;
                }
                let end = start + i + c.len_utf8();
                if !is_word_boundary(text, start, end) {
                    continue;
                }
                for node in [lower, exact].into_iter().flatten() {
                    if let Some(p) = self.unused(node, marked) {
                        let key = (p.text.len(), p.text.as_str(), p.term);
                        // Longest first, then by text, then in the glossary's order.
                        if best.is_none_or(|b| {
                            key.0
                                .cmp(&b.0)
                                .reverse()
                                .then(key.1.cmp(b.1))
                                .then(key.2.cmp(&b.2))
                                == std::cmp::Ordering::Less
                        }) {
                            best = Some((key.0, key.1, key.2, end));
                        }
                    }
                }
            }
            if let Some((_, _, term, end)) = best {
                return Some((start..end, term));
            }
        }
        None
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(is_word_char);
    !word(before) && !word(after)
}

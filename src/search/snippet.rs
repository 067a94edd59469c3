//! Snippets: the best short passage of a document's text, HTML-escaped,
//! with the matched words wrapped in `<mark>`.
//!
//! tantivy's `SnippetGenerator` picks the passage and the ranges to mark
//! from the index terms a query matched (including near forms and typo
//! neighbours, which tantivy's fuzzy query would not report); the HTML is
//! built here, escaping every piece of text before any markup is added.

use crate::util::html::escape;
use std::collections::BTreeMap;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;

/// Longest snippet, in characters.
pub(super) const MAX_CHARS: usize = 180;

/// A snippet maker for one query.
pub(super) struct Snippets {
    generator: SnippetGenerator,
}

impl Snippets {
    pub(super) fn new(marks: BTreeMap<String, f32>, analyzer: TextAnalyzer, field: Field) -> Self {
        Self {
            generator: SnippetGenerator::new(marks, analyzer, field, MAX_CHARS),
        }
    }

    /// Safe HTML for `text`: the best passage with its matches marked, or
    /// the opening words when nothing matches in it.
    pub(super) fn html(&self, text: &str) -> String {
        let snippet = self.generator.snippet(text);
        let fragment = snippet.fragment();
        if snippet.highlighted().is_empty() || fragment.is_empty() {
            return opening(text);
        }
        let range = snippet.fragment_range();
        let mut out = String::with_capacity(fragment.len() + 32);
        if range.start > 0 {
            out.push('…');
        }
        let mut at = 0;
        for r in snippet.highlighted() {
            if r.start < at || r.end > fragment.len() {
                continue;
            }
            out.push_str(&escape(&fragment[at..r.start]));
            out.push_str("<mark>");
            out.push_str(&escape(&fragment[r.start..r.end]));
            out.push_str("</mark>");
            at = r.end;
        }
        out.push_str(&escape(&fragment[at..]));
        if range.end < text.len() {
            out.push('…');
        }
        out
    }
}

/// The first words of `text`, escaped, cut at a word boundary.
fn opening(text: &str) -> String {
    if text.chars().count() <= MAX_CHARS {
        return escape(text);
    }
    let mut end = 0;
    for (n, (i, c)) in text.char_indices().enumerate() {
        if n >= MAX_CHARS {
            break;
        }
        if c.is_whitespace() {
            end = i;
        }
    }
    if end == 0 {
        end = text
            .char_indices()
            .nth(MAX_CHARS)
            .map_or(text.len(), |(i, _)| i);
    }
    format!("{}…", escape(text[..end].trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_cuts_long_text_at_a_word_and_escapes_it() {
        let text = "<b> ".repeat(100);
        let out = opening(&text);
        assert!(out.starts_with("&lt;b&gt;"));
        assert!(out.ends_with('…'));
        assert!(!out.contains('<'));
    }
}

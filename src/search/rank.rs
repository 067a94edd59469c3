//! What makes a search answer: the figure a query asks about and the state
//! it names (the answering page ranks first), and results grouped by page.

use super::docs::Doc;
use super::results::Topic;
use crate::content::ui::SearchUi;
use tantivy::tokenizer::TextAnalyzer;

/// Most matches read for one query (results are grouped by page after).
pub(super) const MOST: usize = 2000;
/// Tiers (matched words) added to the page that answers the question.
pub(super) const LIFT: f32 = 2.0;
/// Headings shown under a result, beside its best one.
const MORE: usize = 3;

/// The words of figure questions, and the state pages by state.
#[derive(Debug, Default)]
pub(super) struct Hints {
    topics: Vec<(Topic, Vec<String>)>,
    /// Words that ask where: pay by state rather than the nation's.
    where_words: Vec<String>,
    /// (the state's name as words, its postal code, the document).
    places: Vec<(Vec<String>, String, usize)>,
}

/// The query's words, lowercased and without accents.
pub(super) fn words_of(text: &str, plain: &mut TextAnalyzer) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = plain.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

impl Hints {
    pub(super) fn new(ui: &SearchUi, docs: &[Doc], plain: &mut TextAnalyzer) -> Self {
        let topics = Topic::ALL
            .into_iter()
            .map(|t| {
                let words = t
                    .words(ui)
                    .split(',')
                    .flat_map(|w| words_of(w, plain))
                    .collect();
                (t, words)
            })
            .collect();
        let places = docs
            .iter()
            .enumerate()
            .filter_map(|(n, d)| {
                let (name, postal) = d.place.as_ref()?;
                Some((words_of(name, plain), postal.clone(), n))
            })
            .collect();
        let where_words = ui
            .words_state
            .split(',')
            .flat_map(|w| words_of(w, plain))
            .collect();
        Self {
            topics,
            where_words,
            places,
        }
    }

    /// The first topic one of the words asks about.
    pub(super) fn topic(&self, words: &[String]) -> Option<Topic> {
        self.topics
            .iter()
            .find(|(_, list)| words.iter().any(|w| list.contains(w)))
            .map(|(t, _)| *t)
    }

    /// Whether the words ask where (pay by state).
    pub(super) fn asks_where(&self, words: &[String]) -> bool {
        words.iter().any(|w| self.where_words.contains(w))
    }

    /// The state page a query names: the state's whole name in its words,
    /// or its postal code typed in capitals ("TX"; "in" is a word, "IN" is
    /// Indiana). The longest name wins ("West Virginia" over "Virginia").
    pub(super) fn place(&self, raw: &str, words: &[String]) -> Option<usize> {
        let capitals: Vec<&str> = raw
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        self.places
            .iter()
            .filter(|(name, postal, _)| {
                (!name.is_empty() && words.windows(name.len()).any(|w| w == name.as_slice()))
                    || (!postal.is_empty() && capitals.contains(&postal.as_str()))
            })
            .max_by_key(|(name, _, _)| name.len())
            .map(|(_, _, n)| *n)
    }
}

/// The page a document is on (its URL without the anchor).
fn page_of(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

/// Matches grouped by page, in the order of each page's best match: each
/// entry is the best document, then up to [`MORE`] more from its page.
/// State pages are one entry under the page that lists them, but for the
/// state the query names (`named`). That entry, and the answering page's (`leads`), open
/// with the page itself, its best headings under it.
pub(super) fn by_page(
    docs: &[Doc],
    top: &[usize],
    named: Option<usize>,
    leads: impl Fn(&Doc) -> bool,
    page_doc: impl Fn(&str) -> Option<usize>,
) -> Vec<Vec<usize>> {
    let mut entries: Vec<(String, bool, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &n in top {
        let Some(d) = docs.get(n) else { continue };
        let folded = d.place.is_some() && named != Some(n);
        let page = match d.url.rsplit_once('/') {
            Some((list, _)) if folded => list,
            _ => page_of(&d.url),
        };
        match index.get(page) {
            Some(&e) => entries[e].2.push(n),
            None => {
                index.insert(page.to_string(), entries.len());
                entries.push((page.to_string(), folded || leads(d), vec![n]));
            }
        }
    }
    entries
        .into_iter()
        .map(|(page, lead, mut list)| {
            if lead && let Some(p) = page_doc(&page) {
                list.retain(|&n| n != p);
                list.insert(0, p);
            }
            let mut out: Vec<usize> = Vec::new();
            for n in list {
                if out.len() <= MORE && !out.iter().any(|&m| docs[m].url == docs[n].url) {
                    out.push(n);
                }
            }
            out
        })
        .collect()
}

/// Whether the index holds every word of the query as typed (its stem, in
/// any field): a query in another language does not.
pub(super) fn knows(
    groups: &[super::query::Group],
    searcher: &tantivy::Searcher,
    fields: &super::Fields,
) -> bool {
    use super::query::Group;
    let has = |stem: &str| {
        searcher.segment_readers().iter().any(|segment| {
            fields.text().into_iter().any(|field| {
                segment
                    .inverted_index(field)
                    .is_ok_and(|inv| inv.terms().get(stem.as_bytes()).ok().flatten().is_some())
            })
        })
    };
    !groups.is_empty()
        && groups.iter().all(|g| match g {
            Group::Word { stem, .. } => has(stem),
            Group::Phrase(stems) => stems.iter().all(|s| has(s)),
        })
}

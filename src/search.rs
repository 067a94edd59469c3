//! Full-text search: an in-memory tantivy index built from the loaded
//! [`Site`] at load, and [`Index::search`] for `/search`.
//!
//! Documents are every pathway overview, every section split at its h2/h3
//! headings, glossary terms, career-map job titles and resources (see
//! `docs`). Ranking is BM25 over three stemmed fields (the edition's stemmer) (title ×3,
//! surrounding headings ×1.5, text ×1), with near forms, one-typo
//! neighbours and a few synonyms scoring below exact words, phrases in
//! double quotes, and documents that match every query word before those
//! that match some (see `query`). A small weight per kind puts the page
//! sections above glossary entries, job titles and resources on ties.
//!
//! - `docs`: the documents.
//! - `query`: what the student typed → a tantivy query (never tantivy's
//!   query parser).
//! - `snippet`: escaped snippets with `<mark>`.
//! - `params`: the `/search` query string.

mod docs;
pub mod params;
mod query;
mod rank;
mod results;
mod snippet;

use crate::content::Site;
use crate::content::ui::Vocabulary;
use docs::Doc;
use std::fmt;
use std::sync::Arc;
use tantivy::collector::TopDocs;
use tantivy::directory::RamDirectory;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{DocAddress, IndexReader, IndexSettings, ReloadPolicy, Searcher, TantivyDocument};

pub use params::{BadParams, Params};
pub use results::{Hit, Kind, Results, Topic};

/// The rendered sections the index reads (the page layer provides them, so
/// search never imports the layers above it).
pub trait Sections: Sync {
    /// Section `section` of pathway `pathway`, rendered for its page.
    fn rendered(&self, pathway: usize, section: usize) -> Option<&crate::markdown::Rendered>;
}

/// Results per page.
pub const PER_PAGE: usize = 10;
/// Longest query used, in characters; the rest is cut.
pub const MAX_QUERY_CHARS: usize = 200;
/// The index's analyzer name.
const ANALYZER: &str = "pathways";

/// Why the index could not be built.
pub type IndexError = tantivy::TantivyError;

/// The three text fields and the document-number fast field.
#[derive(Debug, Clone, Copy)]
struct Fields {
    title: Field,
    context: Field,
    body: Field,
    n: Field,
}

impl Fields {
    fn text(&self) -> [Field; 3] {
        [self.title, self.context, self.body]
    }

    fn boosted(&self) -> [(Field, f32); 3] {
        [(self.title, 3.0), (self.context, 1.5), (self.body, 1.0)]
    }
}

/// The search index of one loaded site.
pub struct Index {
    ram: RamDirectory,
    reader: IndexReader,
    fields: Fields,
    docs: Vec<Doc>,
    weights: Arc<[f32]>,
    /// Stemmer, stop words and synonyms of the index's language.
    lang: Vocabulary,
    /// The words of figure questions, and the states by name.
    hints: rank::Hints,
    /// The document of each page (a URL without an anchor) by its URL.
    pages: std::collections::HashMap<String, usize>,
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Index")
            .field("docs", &self.docs.len())
            .field("bytes", &self.memory_bytes())
            .finish()
    }
}

/// Split, lowercase, fold accents (no stemming): for reading queries.
fn plain_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The index's analyzer: [`plain_analyzer`] plus the language's stemmer.
fn stem_analyzer(lang: &Vocabulary) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(lang.stemmer.0))
        .build()
}

impl Index {
    /// Index every document of the site in RAM.
    pub fn build(site: &Site, sections: &dyn Sections) -> Result<Self, IndexError> {
        let docs = docs::collect(site, sections);
        let hints = rank::Hints::new(&site.ui.search, &docs, &mut plain_analyzer());
        Self::from_docs(docs, site.ui.vocabulary.clone(), hints)
    }

    fn from_docs(docs: Vec<Doc>, lang: Vocabulary, hints: rank::Hints) -> Result<Self, IndexError> {
        let mut schema = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fields = Fields {
            title: schema.add_text_field("title", text.clone()),
            context: schema.add_text_field("context", text.clone()),
            body: schema.add_text_field("body", text),
            n: schema.add_u64_field("n", INDEXED | FAST),
        };
        let ram = RamDirectory::create();
        let index = tantivy::Index::create(ram.clone(), schema.build(), IndexSettings::default())?;
        index.tokenizers().register(ANALYZER, stem_analyzer(&lang));
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 15_000_000)?;
        for (n, d) in docs.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.title, &d.title);
            doc.add_text(fields.context, &d.context);
            doc.add_text(fields.body, &d.body);
            doc.add_u64(fields.n, n as u64);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let weights = docs.iter().map(|d| d.kind.weight()).collect();
        let mut pages = std::collections::HashMap::new();
        for (n, d) in docs.iter().enumerate() {
            if !d.url.contains('#') {
                pages.entry(d.url.clone()).or_insert(n);
            }
        }
        Ok(Self {
            ram,
            reader,
            fields,
            docs,
            weights,
            lang,
            hints,
            pages,
        })
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Memory held: the index files in RAM plus the documents' text.
    pub fn memory_bytes(&self) -> usize {
        self.ram.total_mem_usage()
            + self.docs.capacity() * std::mem::size_of::<Doc>()
            + self.docs.iter().map(Doc::heap_bytes).sum::<usize>()
    }

    /// Bytes of the index files alone.
    pub fn index_bytes(&self) -> usize {
        self.ram.total_mem_usage()
    }

    /// One page (1-based) of results for what a student typed: one entry
    /// per page (its best document, with its next best headings), the page
    /// that answers a figure question first.
    pub fn search(&self, q: &str, page: usize) -> Results {
        let (query, cut) = cut_query(q);
        let mut results = Results {
            query,
            cut,
            page: 1,
            requested_page: page,
            ..Results::default()
        };
        let mut an = query::Analyzers {
            plain: plain_analyzer(),
            stem: stem_analyzer(&self.lang),
            lang: &self.lang,
        };
        let groups = query::parse(&results.query, &mut an);
        if groups.is_empty() {
            return results;
        }
        let words = rank::words_of(&results.query, &mut an.plain);
        results.topic = self.hints.topic(&words);
        let place = self.hints.place(&results.query, &words);
        results.place = place.and_then(|n| self.docs.get(n)).map(|d| d.url.clone());
        let by_state = results.topic == Some(Topic::Pay) && self.hints.asks_where(&words);
        let boosted: Vec<bool> = match (place, results.topic) {
            (Some(n), _) => (0..self.docs.len()).map(|i| i == n).collect(),
            (None, _) if by_state => self
                .docs
                .iter()
                .map(|d| d.kind == Kind::StatePay && d.place.is_none())
                .collect(),
            (None, Some(t)) => self.docs.iter().map(|d| d.topic == Some(t)).collect(),
            (None, None) => Vec::new(),
        };
        let searcher = self.reader.searcher();
        let (tq, marks) = query::build(&groups, &searcher, &self.fields, &mut an);
        let top = match self.run(&searcher, &*tq, boosted.into()) {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, "search failed");
                return results;
            }
        };
        let leads = |d: &Doc| {
            results.topic.is_some() && place.is_none() && !by_state && d.topic == results.topic
        };
        let page_doc = |url: &str| self.pages.get(url).copied();
        let entries = rank::by_page(&self.docs, &top, place, leads, page_doc);
        results.total = entries.len();
        results.pages = entries.len().div_ceil(PER_PAGE);
        results.page = page.clamp(1, results.pages.max(1));
        let snippets = snippet::Snippets::new(marks, stem_analyzer(&self.lang), self.fields.body);
        results.hits = entries
            .into_iter()
            .skip((results.page - 1) * PER_PAGE)
            .take(PER_PAGE)
            .filter_map(|e| {
                let d = self.docs.get(e[0])?;
                Some(Hit {
                    kind: d.kind,
                    crumbs: d.crumbs.clone(),
                    title: d.title.clone(),
                    url: d.url.clone(),
                    snippet: snippets.html(&d.body),
                    more: e[1..]
                        .iter()
                        .filter_map(|&n| self.docs.get(n))
                        .map(|m| (m.title.clone(), m.url.clone()))
                        .collect(),
                })
            })
            .collect();
        results
    }

    /// Whether this edition's index holds every word of `q` as typed (a
    /// query in another edition's language does not).
    pub fn knows(&self, q: &str) -> bool {
        let mut an = query::Analyzers {
            plain: plain_analyzer(),
            stem: stem_analyzer(&self.lang),
            lang: &self.lang,
        };
        let groups = query::parse(&cut_query(q).0, &mut an);
        rank::knows(&groups, &self.reader.searcher(), &self.fields)
    }

    /// The document numbers of every match (up to [`rank::MOST`]), best
    /// first; `boosted` documents (the answer to a figure question) rank
    /// as if they matched two more words.
    fn run(
        &self,
        searcher: &Searcher,
        q: &dyn tantivy::query::Query,
        boosted: Arc<[bool]>,
    ) -> tantivy::Result<Vec<usize>> {
        let weights = Arc::clone(&self.weights);
        let top =
            TopDocs::with_limit(rank::MOST).tweak_score(move |segment: &tantivy::SegmentReader| {
                let numbers = segment.fast_fields().u64("n").ok();
                let weights = Arc::clone(&weights);
                let boosted = Arc::clone(&boosted);
                move |doc: tantivy::DocId, score: tantivy::Score| {
                    let n = numbers.as_ref().and_then(|c| c.first(doc)).unwrap_or(0) as usize;
                    let w = weights.get(n).copied().unwrap_or(1.0);
                    let tier = (score / query::TIER).floor();
                    let rest = (score - tier * query::TIER).min(query::TIER - 1.0);
                    let lift = if boosted.get(n).copied().unwrap_or(false) {
                        rank::LIFT
                    } else {
                        0.0
                    };
                    (tier + lift, rest * w)
                }
            });
        let top = searcher.search(q, &top)?;
        Ok(top
            .into_iter()
            .filter_map(|(_, addr)| self.doc_number(searcher, addr))
            .collect())
    }

    fn doc_number(&self, searcher: &Searcher, addr: DocAddress) -> Option<usize> {
        let col = searcher
            .segment_reader(addr.segment_ord)
            .fast_fields()
            .u64("n")
            .ok()?;
        col.first(addr.doc_id).map(|n| n as usize)
    }
}

/// The query cut to [`MAX_QUERY_CHARS`] characters, and whether it was cut.
pub fn cut_query(q: &str) -> (String, bool) {
    let q = q.trim();
    match q.char_indices().nth(MAX_QUERY_CHARS) {
        Some((i, _)) => (q[..i].trim_end().to_string(), true),
        None => (q.to_string(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_queries_are_cut_at_two_hundred_characters() {
        let (q, cut) = cut_query(&"é".repeat(300));
        assert!(cut);
        assert_eq!(q.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(cut_query("  coder  "), ("coder".to_string(), false));
    }
}

//! The one place that owns pulldown-cmark: options, heading ids and
//! self-links, the table of contents, footnotes, links and images,
//! shortcodes, glossary markup and safe HTML.
//!
//! Raw HTML in Markdown is never passed through: it is shown as text and
//! reported as a warning. Figures, comparisons and blocks come from a
//! [`Context`] the page layer implements, so this module knows nothing of
//! pathways. Internal links are collected so they can be checked against
//! the rendered pages. The same document can be rendered again with an id
//! prefix and shifted headings ([`Ids`]), for a page that holds several
//! documents (the printable pathway).
//!
//! - `glossary`: finding glossary terms in prose in one pass.
//! - `inline`: text, shortcodes, terms, links and images.

mod glossary;
mod inline;
mod structure;
mod table;
#[cfg(test)]
mod tests;
mod walk;

pub use glossary::Glossary;

use crate::diag::{Diagnostic, SourceFile};
use crate::util::html::escape;
use pulldown_cmark::{Event, HeadingLevel, Options};
use std::collections::{HashMap, HashSet};

/// Most problems listed for one document; a flood of the same mistake is
/// summed up in one line instead (and stays fast to report).
pub const MAX_PROBLEMS: usize = 100;

/// Shortcodes that sit inside a sentence; every other is a block.
const INLINE: [&str; 3] = ["figure", "compare", "relation"];

/// The Markdown dialect of every content file.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

/// A piece of markup made by the context, with its plain text (for search
/// and the table of contents).
#[derive(Debug, Clone, Default)]
pub struct Piece {
    pub html: String,
    pub text: String,
}

/// What a renderer needs from the page around it.
pub trait Context {
    /// `{{ figure NAME }}`: the figure with its source marker.
    fn figure(&self, name: &str) -> Result<Piece, String>;
    /// `{{ compare NAME }}` (`whole`): a sentence giving the figure and how
    /// it compares with all occupations; `{{ relation NAME }}`: the same
    /// sentence without the figure, for a figure a table already shows.
    fn compare(&self, name: &str, whole: bool) -> Result<Piece, String>;
    /// A block shortcode alone in its paragraph (`{{ table pay }}`).
    fn block(&self, name: &str, args: &[&str]) -> Result<Piece, String>;
    /// The glossary terms to mark on first use.
    fn glossary(&self) -> &Glossary;
    /// Ids the page layout around the document already uses.
    fn reserved_ids(&self) -> &[&str] {
        &[]
    }
    /// The accessible name of a heading's `#` link.
    fn anchor_label(&self, heading: &str) -> String {
        format!("Link to this section: {heading}")
    }
    /// The accessible name of a footnote reference.
    fn note_label(&self, n: usize) -> String {
        format!("Note {n}")
    }
    /// The name of a table that has no heading above it.
    fn table_label(&self) -> String {
        "Table".to_string()
    }
    /// Where a glossary term's link goes.
    fn term_href(&self, id: &str) -> String {
        format!("/glossary#{id}")
    }
    /// An internal link as this page writes it (another edition adds its
    /// prefix: `/pathways/x` → `/<lang>/pathways/x`).
    fn local_href(&self, href: &str) -> String {
        href.to_string()
    }
}

/// How ids are made: a prefix for every id (and `#` link), and how many
/// levels headings move down.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    pub prefix: String,
    pub shift: u8,
}

/// An entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link to a page of this site, to be checked after rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalLink {
    pub href: String,
    /// Byte offset in the file.
    pub offset: usize,
}

/// Part of a page between headings, for search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    /// Id and text of the h2/h3 the block sits under; `None` before the first.
    pub heading: Option<(String, String)>,
    pub text: String,
}

/// A rendered Markdown document.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Every id the document defines, with its byte offset in the file.
    pub ids: Vec<(String, usize)>,
    pub links: Vec<InternalLink>,
    /// Glossary term ids the document marks.
    pub terms: Vec<String>,
    pub blocks: Vec<Block>,
    /// Block shortcode names the document uses (`self-check`, `table`).
    pub uses: Vec<String>,
    /// Every shortcode as written (`figure x.median_pay`, `table pay`;
    /// `details` without its title, which is words), in order, with its
    /// byte offset in the file: a translation must use the same ones.
    pub shortcodes: Vec<(String, usize)>,
}

/// Render `body`, which starts at byte `base` of `file`.
pub fn render(
    file: &SourceFile,
    body: &str,
    base: usize,
    ids: &Ids,
    ctx: &dyn Context,
    diags: &mut Vec<Diagnostic>,
) -> Rendered {
    let mut r = Renderer {
        file,
        body,
        base,
        ids,
        ctx,
        diags,
        out: Vec::new(),
        doc: Rendered::default(),
        used_ids: HashSet::new(),
        marked: glossary::Marked::default(),
        suffixes: HashMap::new(),
        defined: HashSet::new(),
        footnotes: HashMap::new(),
        footnote_ids: HashMap::new(),
        cursor: 0,
        reported: 0,
        suppressed: 0,
        suppressed_warnings: 0,
        details: 0,
        block: Block::default(),
        table: table::TableCells::default(),
    };
    r.run();
    if r.suppressed > 0 {
        let d = file.error(
            base,
            format!(
                "{} more errors in this file are not listed; fix the ones above and check again",
                r.suppressed
            ),
        );
        r.diags.push(d);
    } else if r.suppressed_warnings > 0 {
        let d = file.warning(
            base,
            format!(
                "{} more warnings in this file are not listed",
                r.suppressed_warnings
            ),
        );
        r.diags.push(d);
    }
    let Renderer {
        mut doc,
        out,
        block,
        ..
    } = r;
    if !block.text.trim().is_empty() || block.heading.is_some() {
        doc.blocks.push(block);
    }
    pulldown_cmark::html::push_html(&mut doc.html, out.into_iter());
    doc
}

/// The heading-with-self-link markup shared by Markdown and page templates.
pub fn heading_html(level: u8, id: &str, inner_html: &str, label: &str) -> String {
    format!(
        "<div class=\"h\"><h{level} id=\"{id}\">{inner_html}</h{level}><a class=\"anchor\" href=\"#{id}\" aria-label=\"{}\">#</a></div>\n",
        escape(label)
    )
}

struct Renderer<'a, 'd> {
    file: &'a SourceFile,
    body: &'a str,
    base: usize,
    ids: &'a Ids,
    ctx: &'a dyn Context,
    diags: &'d mut Vec<Diagnostic>,
    out: Vec<Event<'a>>,
    doc: Rendered,
    used_ids: HashSet<String>,
    /// Per id base, the next suffix to try (`base-2`, `base-3`...): every
    /// lower one is taken, so 10,000 headings with one text cost 10,000
    /// steps, not 50 million.
    suffixes: HashMap<String, usize>,
    /// The ids of `doc.ids`, to find one twice without reading the list.
    defined: HashSet<String>,
    /// Glossary terms marked so far.
    marked: glossary::Marked,
    /// Footnote label → its number (the order of first use).
    footnotes: HashMap<String, usize>,
    /// Footnote label → its unique id.
    footnote_ids: HashMap<String, String>,
    /// Where in the body the last shortcode was found (searches go forward).
    cursor: usize,
    /// Problems reported, and those only counted past the limit.
    reported: usize,
    suppressed: usize,
    suppressed_warnings: usize,
    /// `{{ details }}` blocks open.
    details: usize,
    block: Block,
    /// The Markdown table being written, if any.
    table: table::TableCells,
}

pub(crate) struct HeadingState<'a> {
    level: u8,
    explicit: Option<String>,
    inner: Vec<Event<'a>>,
    text: String,
    offset: usize,
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

//! The one place that owns pulldown-cmark: options, heading ids and
//! self-links, the table of contents, footnotes, links, shortcodes, glossary
//! markup and safe HTML.
//!
//! Raw HTML in Markdown is never passed through: it is shown as text and
//! reported as a warning. Internal links are collected so the loader can
//! check them against every page's anchors once everything is rendered.

use crate::content::FigureRef;
use crate::diag::{Diagnostic, SourceFile};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;

/// Most problems listed for one document; a flood of the same mistake is
/// summed up in one line instead (and stays fast to report).
pub const MAX_PROBLEMS: usize = 100;

/// The Markdown dialect of every content file.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
}

/// What a renderer needs from the site: figures, block shortcodes, glossary.
pub trait Context {
    /// Resolve `{{ figure NAME }}`.
    fn figure(&self, name: &str) -> Result<FigureRef, String>;
    /// Render a block shortcode (`{{ table pay }}`) to HTML.
    fn block(&self, name: &str, args: &[&str]) -> Result<String, String>;
    /// The glossary terms to mark on first use.
    fn glossary(&self) -> &Glossary;
    /// Ids the page layout around the document already uses.
    fn reserved_ids(&self) -> &[&str] {
        &[]
    }
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
    /// Every id the document defines (headings, footnotes).
    pub ids: Vec<String>,
    pub links: Vec<InternalLink>,
    /// Figures the prose names, in order of first use.
    pub figures: Vec<FigureRef>,
    /// Glossary term ids the document marks.
    pub terms: Vec<String>,
    pub blocks: Vec<Block>,
}

/// Glossary terms prepared for matching in prose. Patterns are indexed by
/// their first word, so finding terms is one pass over the text whatever
/// the number of terms.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Lowercased first word → patterns starting with it, longest first.
    by_first: std::collections::HashMap<String, Vec<Pattern>>,
    entries: Vec<GlossaryEntry>,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// As written (case-sensitive patterns) or lowercased.
    text: String,
    term: usize,
    case_sensitive: bool,
}

#[derive(Debug, Clone)]
struct GlossaryEntry {
    id: String,
    expansion: Option<String>,
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
        Self { by_first, entries }
    }

    /// The first match in `text` of a term not yet in `used`:
    /// (byte range, term index).
    fn find(&self, text: &str, used: &HashSet<usize>) -> Option<(Range<usize>, usize)> {
        if self.by_first.is_empty() {
            return None;
        }
        let mut prev: Option<char> = None;
        let mut word = String::new();
        for (start, c) in text.char_indices() {
            let at_word_start = c.is_alphanumeric() && !prev.is_some_and(is_word_char);
            prev = Some(c);
            if !at_word_start {
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

/// A heading id: lowercase words joined by hyphens.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' {
            pending_hyphen = true;
        }
    }
    if out.is_empty() {
        "section".to_string()
    } else {
        out
    }
}

/// Is `id` usable as an explicit anchor (`{#id}`)?
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

/// HTML-escape text for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The heading-with-self-link markup shared by Markdown and page templates.
pub fn heading_html(level: u8, id: &str, inner_html: &str, plain: &str) -> String {
    format!(
        "<div class=\"h\"><h{level} id=\"{id}\">{inner_html}</h{level}><a class=\"anchor\" href=\"#{id}\" aria-label=\"Link to this section: {}\">#</a></div>\n",
        escape(plain)
    )
}

/// A parsed shortcode: `{{ name arg arg }}`.
fn parse_shortcode(inner: &str) -> Option<(&str, Vec<&str>)> {
    let mut words = inner.split_whitespace();
    let name = words.next()?;
    Some((name, words.collect()))
}

/// Render `body`, which starts at byte `base` of `file`.
pub fn render(
    file: &SourceFile,
    body: &str,
    base: usize,
    ctx: &dyn Context,
    diags: &mut Vec<Diagnostic>,
) -> Rendered {
    let mut r = Renderer {
        file,
        body,
        base,
        ctx,
        diags,
        out: Vec::new(),
        doc: Rendered::default(),
        used_ids: HashSet::new(),
        used_terms: HashSet::new(),
        footnotes: Vec::new(),
        footnote_ids: std::collections::HashMap::new(),
        cursor: 0,
        reported: 0,
        suppressed: 0,
        suppressed_warnings: 0,
        block: Block::default(),
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

struct Renderer<'a, 'd> {
    file: &'a SourceFile,
    body: &'a str,
    base: usize,
    ctx: &'a dyn Context,
    diags: &'d mut Vec<Diagnostic>,
    out: Vec<Event<'a>>,
    doc: Rendered,
    used_ids: HashSet<String>,
    used_terms: HashSet<usize>,
    /// Footnote labels in order of first use (their numbers).
    footnotes: Vec<String>,
    /// Footnote label → its unique id.
    footnote_ids: std::collections::HashMap<String, String>,
    /// Where in the body the last shortcode was found (searches go forward).
    cursor: usize,
    /// Problems reported, and those only counted past the limit.
    reported: usize,
    suppressed: usize,
    suppressed_warnings: usize,
    block: Block,
}

struct HeadingState<'a> {
    level: u8,
    explicit: Option<String>,
    inner: Vec<Event<'a>>,
    text: String,
    offset: usize,
}

impl<'a> Renderer<'a, '_> {
    /// Record a problem; past [`MAX_PROBLEMS`] in one document they are
    /// only counted (one summary line says how many more there were).
    fn error(&mut self, offset: usize, msg: impl Into<String>) {
        if self.reported >= MAX_PROBLEMS {
            self.suppressed += 1;
            return;
        }
        self.reported += 1;
        let d = self.file.error(self.base + offset, msg);
        self.diags.push(d);
    }

    fn warning(&mut self, offset: usize, msg: impl Into<String>) {
        if self.reported >= MAX_PROBLEMS {
            self.suppressed_warnings += 1;
            return;
        }
        self.reported += 1;
        let d = self.file.warning(self.base + offset, msg);
        self.diags.push(d);
    }

    /// Parse and coalesce adjacent text events (pulldown splits text at
    /// punctuation; shortcodes and terms must be seen whole). Runs of text
    /// are gathered in one buffer, so this is linear in the input.
    fn events(&self) -> Vec<(Event<'a>, Range<usize>)> {
        let mut events: Vec<(Event<'a>, Range<usize>)> = Vec::new();
        let mut run: Option<(String, Range<usize>)> = None;
        let flush = |events: &mut Vec<(Event<'a>, Range<usize>)>,
                     run: &mut Option<(String, Range<usize>)>| {
            if let Some((text, range)) = run.take() {
                events.push((Event::Text(CowStr::from(text)), range));
            }
        };
        for (ev, range) in Parser::new_ext(self.body, options()).into_offset_iter() {
            if let Event::Text(t) = &ev {
                match &mut run {
                    Some((text, r)) => {
                        text.push_str(t);
                        r.end = range.end;
                    }
                    None => run = Some((t.to_string(), range.clone())),
                }
                continue;
            }
            flush(&mut events, &mut run);
            events.push((ev, range));
        }
        flush(&mut events, &mut run);
        events
    }

    fn run(&mut self) {
        let events = self.events();
        // The layout's ids, then footnote ids, are reserved first, so a
        // heading can never take one. Labels that slug alike (`a b`, `a-b`,
        // `A_B`) get distinct ids.
        for id in self.ctx.reserved_ids() {
            self.used_ids.insert((*id).to_string());
        }
        for (ev, _) in &events {
            if let Event::Start(Tag::FootnoteDefinition(label)) | Event::FootnoteReference(label) =
                ev
                && !self.footnote_ids.contains_key(label.as_ref())
            {
                let id = self.unique_id(&format!("fn-{}", slugify(label)));
                self.footnote_ids.insert(label.to_string(), id);
            }
        }
        let mut heading: Option<HeadingState<'a>> = None;
        let mut link_depth = 0usize;
        let mut code_depth = 0usize;
        // An image being read: its opening markup, and its alt text.
        let mut image: Option<String> = None;
        let mut image_alt = String::new();
        let mut i = 0;
        while i < events.len() {
            let (ev, range) = events[i].clone();
            i += 1;
            // A paragraph that is only a shortcode is a block shortcode.
            if let Event::Start(Tag::Paragraph) = ev
                && let (Some((Event::Text(t), trange)), Some((Event::End(TagEnd::Paragraph), _))) =
                    (events.get(i), events.get(i + 1))
                && let Some(inner) = t
                    .trim()
                    .strip_prefix("{{")
                    .and_then(|s| s.strip_suffix("}}"))
                && heading.is_none()
            {
                let offset = trange.start;
                if let Some((name, args)) = parse_shortcode(inner)
                    && name != "figure"
                {
                    match self.ctx.block(name, &args) {
                        Ok(html) => self.out.push(Event::Html(html.into())),
                        Err(e) => self.error(offset, e),
                    }
                    i += 2;
                    continue;
                }
            }
            if image.is_some() {
                match &ev {
                    Event::Text(t) | Event::Code(t) => image_alt.push_str(t),
                    Event::End(TagEnd::Image) => {}
                    _ => continue,
                }
                if !matches!(ev, Event::End(TagEnd::Image)) {
                    continue;
                }
            }
            match ev {
                Event::Start(Tag::Heading { level, id, .. }) => {
                    let level = heading_level(level);
                    if level == 1 {
                        self.error(
                            range.start,
                            "a `#` heading is not allowed here: the page title comes from `title` in the front matter; use `##` for sections",
                        );
                    }
                    let explicit = id.map(|s| s.to_string());
                    if let Some(id) = &explicit
                        && !is_valid_id(id)
                    {
                        self.error(
                            range.start,
                            format!("the anchor `{{#{id}}}` may use only lowercase letters, digits and hyphens"),
                        );
                    }
                    heading = Some(HeadingState {
                        level,
                        explicit,
                        inner: Vec::new(),
                        text: String::new(),
                        offset: range.start,
                    });
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some(h) = heading.take() {
                        self.finish_heading(h);
                    }
                }
                Event::Start(Tag::Link {
                    dest_url, title, ..
                }) => {
                    link_depth += 1;
                    let html = self.link_open(&dest_url, &title, range.start);
                    self.push(&mut heading, Event::Html(html.into()));
                }
                Event::End(TagEnd::Link) => {
                    link_depth = link_depth.saturating_sub(1);
                    self.push(&mut heading, Event::Html("</a>".into()));
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    code_depth += 1;
                    self.out.push(ev);
                }
                Event::End(TagEnd::CodeBlock) => {
                    code_depth = code_depth.saturating_sub(1);
                    self.out.push(ev);
                }
                Event::Start(Tag::Table(_)) => {
                    let label = self
                        .block
                        .heading
                        .as_ref()
                        .map_or_else(|| "Table".to_string(), |(_, t)| format!("Table: {t}"));
                    self.out.push(Event::Html(
                        format!(
                            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
                            escape(&label)
                        )
                        .into(),
                    ));
                    self.out.push(ev);
                }
                Event::End(TagEnd::Table) => {
                    self.out.push(ev);
                    self.out.push(Event::Html("</div>".into()));
                }
                Event::Html(raw) | Event::InlineHtml(raw) => {
                    self.warning(
                        range.start,
                        "raw HTML is shown as plain text, not run; write it in Markdown instead",
                    );
                    self.push(&mut heading, Event::Text(raw));
                }
                Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
                Event::FootnoteReference(label) => {
                    let n = self.footnote_number(&label);
                    let id = self
                        .footnote_ids
                        .get(label.as_ref())
                        .cloned()
                        .unwrap_or_default();
                    // Only the first reference to a note carries the back-link id.
                    let back = format!("ref-{id}");
                    let back_attr = if self.used_ids.insert(back.clone()) {
                        self.doc.ids.push(back.clone());
                        format!(" id=\"{back}\"")
                    } else {
                        String::new()
                    };
                    self.push(
                        &mut heading,
                        Event::Html(
                            format!(
                                "<sup class=\"fn-ref\"><a href=\"#{id}\"{back_attr} aria-label=\"Note {n}\">{n}</a></sup>"
                            )
                            .into(),
                        ),
                    );
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let n = self.footnote_number(&label);
                    let id = self
                        .footnote_ids
                        .get(label.as_ref())
                        .cloned()
                        .unwrap_or_default();
                    self.doc.ids.push(id.clone());
                    self.out.push(Event::Html(
                        format!("<div class=\"footnote\" id=\"{id}\"><span class=\"fn-label\">{n}.</span>").into(),
                    ));
                }
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    let html = self.image_open(&dest_url, &title, range.start);
                    image = Some(html);
                    image_alt.clear();
                }
                Event::End(TagEnd::Image) => {
                    if let Some(open) = image.take() {
                        let html = open.replace("\u{0}ALT\u{0}", &escape(&image_alt));
                        self.push(&mut heading, Event::Html(html.into()));
                    }
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    self.out.push(Event::Html("</div>".into()));
                }
                Event::Text(text) => {
                    if code_depth > 0 {
                        self.block.text.push_str(&text);
                        self.out.push(Event::Text(text));
                    } else {
                        let mark = heading.is_none() && link_depth == 0;
                        self.text(&mut heading, &text, range.start, mark);
                    }
                }
                Event::Code(code) => {
                    if let Some(h) = heading.as_mut() {
                        h.text.push_str(&code);
                    } else {
                        self.block.text.push_str(&code);
                    }
                    self.push(&mut heading, Event::Code(code));
                }
                Event::SoftBreak | Event::HardBreak => {
                    self.block.text.push(' ');
                    self.push(&mut heading, ev);
                }
                Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                    self.block.text.push(' ');
                    self.out.push(ev);
                }
                other => self.push(&mut heading, other),
            }
        }
    }

    fn push(&mut self, heading: &mut Option<HeadingState<'a>>, ev: Event<'a>) {
        match heading {
            Some(h) => h.inner.push(ev),
            None => self.out.push(ev),
        }
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        if let Some(i) = self.footnotes.iter().position(|l| l == label) {
            return i + 1;
        }
        self.footnotes.push(label.to_string());
        self.footnotes.len()
    }

    fn finish_heading(&mut self, h: HeadingState<'a>) {
        let plain = h.text.trim().to_string();
        let id = match h.explicit {
            Some(id) => {
                if self.ctx.reserved_ids().contains(&id.as_str()) {
                    self.error(
                        h.offset,
                        format!("the anchor `{id}` is used by the page layout; give this heading another `{{#id}}`"),
                    );
                } else if !self.used_ids.insert(id.clone()) {
                    self.error(
                        h.offset,
                        format!("the anchor `{id}` is used twice on this page; give one heading another `{{#id}}`"),
                    );
                }
                id
            }
            None => self.unique_id(&slugify(&plain)),
        };
        let mut inner = String::new();
        pulldown_cmark::html::push_html(&mut inner, h.inner.into_iter());
        self.doc.ids.push(id.clone());
        if h.level == 2 || h.level == 3 {
            self.doc.toc.push(TocEntry {
                level: h.level,
                id: id.clone(),
                text: plain.clone(),
            });
            let done = std::mem::take(&mut self.block);
            if !done.text.trim().is_empty() || done.heading.is_some() {
                self.doc.blocks.push(done);
            }
            self.block.heading = Some((id.clone(), plain.clone()));
        }
        self.out.push(Event::Html(
            heading_html(h.level, &id, &inner, &plain).into(),
        ));
    }

    /// `base`, or `base-2`, `base-3`... whichever is free; marks it used.
    fn unique_id(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while !self.used_ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// An image: only files of this site (`/static/...`) are allowed; they
    /// are checked like links. Anything else is an error and renders nothing.
    /// The alt text is filled in when the image ends.
    fn image_open(&mut self, dest: &str, title: &str, offset: usize) -> String {
        let safe_path = dest.starts_with("/static/")
            && !dest.contains("..")
            && !dest.contains(['"', '<', '>', '\\', ' ']);
        if !safe_path {
            self.error(
                offset,
                format!(
                    "the image `{}` is not a file of this site: put the image in static/ and write its path, like `/static/diagram.png` (outside images, `data:` and `javascript:` are not allowed)",
                    dest.chars().take(80).collect::<String>()
                ),
            );
            return String::new();
        }
        self.doc.links.push(InternalLink {
            href: dest.to_string(),
            offset: self.base + offset,
        });
        let title_attr = if title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape(title))
        };
        format!(
            "<img src=\"{}\" alt=\"\u{0}ALT\u{0}\"{title_attr} loading=\"lazy\">",
            escape(dest)
        )
    }

    fn link_open(&mut self, dest: &str, title: &str, offset: usize) -> String {
        let title_attr = if title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape(title))
        };
        let lower = dest.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            format!("<a href=\"{}\" rel=\"noopener\"{title_attr}>", escape(dest))
        } else if lower.starts_with("mailto:") {
            format!("<a href=\"{}\"{title_attr}>", escape(dest))
        } else if dest.starts_with('/') || dest.starts_with('#') {
            self.doc.links.push(InternalLink {
                href: dest.to_string(),
                offset: self.base + offset,
            });
            format!("<a href=\"{}\"{title_attr}>", escape(dest))
        } else {
            self.error(
                offset,
                format!(
                    "the link `{dest}` is neither a site path nor a web address: start links to this site with `/` (e.g. `/pathways/...`) or `#`, and outside links with `https://`"
                ),
            );
            "<a>".to_string()
        }
    }

    /// Prose text: expand `{{ figure }}` shortcodes, then mark glossary terms.
    fn text(
        &mut self,
        heading: &mut Option<HeadingState<'a>>,
        text: &str,
        offset: usize,
        mark_terms: bool,
    ) {
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let (before, after) = rest.split_at(start);
            self.plain(heading, before, mark_terms);
            let Some(end) = after.find("}}") else {
                let src_off = self.src_offset(offset, "{{");
                self.error(src_off, "this `{{` has no closing `}}`");
                self.plain(heading, after, false);
                return;
            };
            let inner = &after[2..end];
            let shortcode = &after[..end + 2];
            let src_off = self.src_offset(offset, shortcode);
            match parse_shortcode(inner) {
                Some(("figure", args)) if args.len() == 1 => match self.ctx.figure(args[0]) {
                    Ok(fig) => {
                        self.plain(heading, &fig.text, false);
                        if !self.doc.figures.contains(&fig) {
                            self.doc.figures.push(fig);
                        }
                    }
                    Err(e) => self.error(src_off, e),
                },
                Some((name, _)) if name != "figure" => self.error(
                    src_off,
                    format!(
                        "`{{{{ {name} }}}}` is a block shortcode: put it on a line of its own, with a blank line before and after"
                    ),
                ),
                _ => self.error(
                    src_off,
                    "write a figure as `{{ figure occupation-id.field }}` or `{{ figure fact-id }}`",
                ),
            }
            rest = &after[end + 2..];
        }
        self.plain(heading, rest, mark_terms);
    }

    /// The byte offset (relative to body) of `needle` at or after `from`.
    /// Searches move forward from the last shortcode found, so many
    /// shortcodes in one paragraph stay linear.
    fn src_offset(&mut self, from: usize, needle: &str) -> usize {
        let from = from.max(self.cursor).min(self.body.len());
        let found = self
            .body
            .get(from..)
            .and_then(|s| s.find(needle))
            .map_or(from, |i| from + i);
        self.cursor = found + needle.len().min(1);
        found
    }

    fn plain(&mut self, heading: &mut Option<HeadingState<'a>>, text: &str, mark_terms: bool) {
        if text.is_empty() {
            return;
        }
        if let Some(h) = heading.as_mut() {
            h.text.push_str(text);
            h.inner.push(Event::Text(text.to_string().into()));
            return;
        }
        self.block.text.push_str(text);
        if !mark_terms {
            self.out.push(Event::Text(text.to_string().into()));
            return;
        }
        let glossary = self.ctx.glossary();
        let mut rest = text;
        while let Some((range, idx)) = glossary.find(rest, &self.used_terms) {
            self.used_terms.insert(idx);
            let entry = &glossary.entries[idx];
            if !rest[..range.start].is_empty() {
                self.out
                    .push(Event::Text(rest[..range.start].to_string().into()));
            }
            let word = escape(&rest[range.clone()]);
            let mut html = String::new();
            match &entry.expansion {
                Some(exp) => {
                    let _ = write!(
                        html,
                        "<a class=\"term\" href=\"/glossary#{}\"><abbr title=\"{}\">{word}</abbr></a>",
                        entry.id,
                        escape(exp)
                    );
                }
                None => {
                    let _ = write!(
                        html,
                        "<a class=\"term\" href=\"/glossary#{}\">{word}</a>",
                        entry.id
                    );
                }
            }
            self.out.push(Event::Html(html.into()));
            if !self.doc.terms.contains(&entry.id) {
                self.doc.terms.push(entry.id.clone());
            }
            rest = &rest[range.end..];
        }
        if !rest.is_empty() {
            self.out.push(Event::Text(rest.to_string().into()));
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Term;

    struct Ctx(Glossary);

    impl Context for Ctx {
        fn figure(&self, name: &str) -> Result<FigureRef, String> {
            if name == "x.median_pay" {
                Ok(FigureRef {
                    text: "$1,000 a year (May 2022)".into(),
                    source: "src".into(),
                    year: 2022,
                })
            } else {
                Err(format!("no figure {name}"))
            }
        }
        fn block(&self, name: &str, _args: &[&str]) -> Result<String, String> {
            if name == "table" {
                Ok("<table class=\"t\"></table>".into())
            } else {
                Err(format!("no block {name}"))
            }
        }
        fn glossary(&self) -> &Glossary {
            &self.0
        }
    }

    fn ctx() -> Ctx {
        Ctx(Glossary::new(&[
            Term {
                id: "rhit".into(),
                term: "RHIT".into(),
                expansion: Some("Registered Health Information Technician".into()),
                definition: "d".into(),
                also: vec![],
                defined_at: Default::default(),
            },
            Term {
                id: "accreditation".into(),
                term: "accreditation".into(),
                expansion: None,
                definition: "d".into(),
                also: vec![],
                defined_at: Default::default(),
            },
        ]))
    }

    fn md(src: &str) -> (Rendered, Vec<Diagnostic>) {
        let file = SourceFile::new("t.md", src.to_string());
        let mut diags = Vec::new();
        let r = render(&file, src, 0, &ctx(), &mut diags);
        (r, diags)
    }

    #[test]
    fn headings_get_slug_ids_deduplicated_and_explicit_ids_win() {
        let (r, d) =
            md("## How long does it take?\n\n## How long does it take?\n\n### Exam {#rhit-exam}\n");
        assert!(d.is_empty(), "{d:?}");
        let ids: Vec<_> = r.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "how-long-does-it-take",
                "how-long-does-it-take-2",
                "rhit-exam"
            ]
        );
        assert!(r.html.contains("<h2 id=\"how-long-does-it-take\">"));
        assert!(r.html.contains("href=\"#rhit-exam\""));
    }

    #[test]
    fn h1_in_markdown_is_an_error_with_its_line() {
        let (_, d) = md("Intro\n\n# Title\n");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].col), (3, 1));
        assert!(d[0].message.contains("`##`"));
    }

    #[test]
    fn raw_html_is_escaped_and_warned() {
        let (r, d) = md("Hello <script>alert(1)</script> there\n");
        assert!(!r.html.contains("<script>"));
        assert!(r.html.contains("&lt;script&gt;"));
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn external_links_carry_noopener_and_internal_links_are_collected() {
        let (r, d) = md("[BLS](https://www.bls.gov/) and [pay](/pathways/x/salary#pay)\n");
        assert!(d.is_empty());
        assert!(
            r.html
                .contains("<a href=\"https://www.bls.gov/\" rel=\"noopener\">")
        );
        assert_eq!(r.links[0].href, "/pathways/x/salary#pay");
    }

    #[test]
    fn javascript_links_are_refused() {
        let (r, d) = md("[x](javascript:alert(1))\n");
        assert!(!r.html.contains("javascript:"));
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn footnote_ids_are_prefixed_and_never_collide_with_headings() {
        let (r, _) = md("Text[^1]\n\n## fn 1\n\n[^1]: A note.\n");
        assert!(r.html.contains("id=\"fn-1\""));
        assert!(r.toc[0].id != "fn-1");
    }

    #[test]
    fn figures_expand_and_unknown_figures_are_errors_with_position() {
        let (r, d) = md("Pay is {{ figure x.median_pay }}.\n\nLine two {{ figure nope }}\n");
        assert!(r.html.contains("$1,000 a year (May 2022)"));
        assert_eq!(r.figures.len(), 1);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].col), (3, 10));
    }

    #[test]
    fn block_shortcodes_replace_their_paragraph() {
        let (r, d) = md("Before\n\n{{ table pay }}\n\nAfter\n");
        assert!(d.is_empty());
        assert!(r.html.contains("<table class=\"t\"></table>"));
        assert!(!r.html.contains("{{"));
    }

    #[test]
    fn glossary_terms_are_marked_once_and_never_in_headings_or_links() {
        let (r, _) =
            md("## RHIT basics\n\n[RHIT](/x) then RHIT and RHIT again, plus accreditation.\n");
        assert_eq!(r.html.matches("<abbr").count(), 1);
        assert_eq!(
            r.html.matches("href=\"/glossary#accreditation\"").count(),
            1
        );
        assert!(r.html.contains("<h2 id=\"rhit-basics\">RHIT basics</h2>"));
        assert_eq!(r.terms, ["rhit", "accreditation"]);
    }

    #[test]
    fn terms_match_whole_words_only() {
        let (r, _) = md("RHITS and xRHIT are not terms.\n");
        assert!(!r.html.contains("<abbr"));
    }

    #[test]
    fn lowercasing_that_moves_offsets_does_not_split_a_char() {
        // Found by `cargo fuzz run markdown` (fuzz/regressions/markdown/):
        // `İ` grows and `ẞ` shrinks when lowercased, so the lengths agree but
        // a match in the lowercased text ended inside `ẞ` in the original.
        let (r, _) = md("İACCREDITATIONẞ, then accreditation.\n");
        assert_eq!(r.html.matches("class=\"term\"").count(), 1);
        assert!(r.html.contains(">accreditation</a>"));
    }

    #[test]
    fn slugify_makes_stable_ids() {
        assert_eq!(slugify("What's the pay?"), "whats-the-pay");
        assert_eq!(slugify("RHIT & RHIA"), "rhit-rhia");
        assert_eq!(slugify("???"), "section");
    }

    #[test]
    fn tables_are_wrapped_for_scrolling_on_phones() {
        let (r, _) = md("## Pay\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(r.html.contains("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table: Pay\"><table>"));
    }
}

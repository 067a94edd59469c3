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

/// Glossary terms prepared for matching in prose.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// (pattern, term index, case-sensitive), longest pattern first.
    patterns: Vec<(String, usize, bool)>,
    entries: Vec<GlossaryEntry>,
}

#[derive(Debug, Clone)]
struct GlossaryEntry {
    id: String,
    expansion: Option<String>,
}

impl Glossary {
    pub fn new(terms: &[crate::content::Term]) -> Self {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            let abbr = t.is_abbreviation();
            for p in std::iter::once(&t.term).chain(&t.also) {
                if !p.is_empty() {
                    patterns.push((p.clone(), i, abbr));
                }
            }
            entries.push(GlossaryEntry {
                id: t.id.clone(),
                expansion: t.expansion.clone(),
            });
        }
        patterns.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Self { patterns, entries }
    }

    /// The first match in `text` of a term not yet in `used`:
    /// (byte range, term index).
    fn find(&self, text: &str, used: &HashSet<usize>) -> Option<(Range<usize>, usize)> {
        let lower = text.to_lowercase();
        // Lowercasing can change byte lengths (`İ` 2 → 3, `ẞ` 3 → 2), and then
        // offsets in `lower` are not offsets in `text` even when the totals
        // agree; fall back to exact matching unless every char keeps its length.
        let lower_ok = text
            .chars()
            .all(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8());
        let mut best: Option<(Range<usize>, usize)> = None;
        for (pattern, idx, case_sensitive) in &self.patterns {
            if used.contains(idx) {
                continue;
            }
            let (hay, needle) = if *case_sensitive || !lower_ok {
                (text, pattern.clone())
            } else {
                (lower.as_str(), pattern.to_lowercase())
            };
            let mut from = 0;
            while let Some(pos) = hay[from..].find(&needle) {
                let start = from + pos;
                let end = start + needle.len();
                if is_word_boundary(text, start, end) {
                    if best.as_ref().is_none_or(|(r, _)| start < r.start) {
                        best = Some((start..end, *idx));
                    }
                    break;
                }
                from = start + needle.len().max(1);
                while from < hay.len() && !hay.is_char_boundary(from) {
                    from += 1;
                }
            }
        }
        best
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
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
        block: Block::default(),
    };
    r.run();
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
    footnotes: Vec<String>,
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
    fn error(&mut self, offset: usize, msg: impl Into<String>) {
        let d = self.file.error(self.base + offset, msg);
        self.diags.push(d);
    }

    fn warning(&mut self, offset: usize, msg: impl Into<String>) {
        let d = self.file.warning(self.base + offset, msg);
        self.diags.push(d);
    }

    /// Parse and coalesce adjacent text events (pulldown splits text at
    /// punctuation; shortcodes and terms must be seen whole).
    fn events(&self) -> Vec<(Event<'a>, Range<usize>)> {
        let mut events: Vec<(Event<'a>, Range<usize>)> = Vec::new();
        for (ev, range) in Parser::new_ext(self.body, options()).into_offset_iter() {
            if let (Event::Text(t), Some((Event::Text(prev), prev_range))) =
                (&ev, events.last_mut())
            {
                let mut joined = prev.to_string();
                joined.push_str(t);
                *prev = CowStr::from(joined);
                prev_range.end = range.end;
                continue;
            }
            events.push((ev, range));
        }
        events
    }

    fn run(&mut self) {
        let events = self.events();
        // Footnote ids are reserved first so a heading can never take one.
        for (ev, _) in &events {
            if let Event::Start(Tag::FootnoteDefinition(label)) = ev {
                self.used_ids.insert(format!("fn-{}", slugify(label)));
            }
        }
        let mut heading: Option<HeadingState<'a>> = None;
        let mut link_depth = 0usize;
        let mut code_depth = 0usize;
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
                    let id = slugify(&label);
                    self.push(
                        &mut heading,
                        Event::Html(
                            format!(
                                "<sup class=\"fn-ref\"><a href=\"#fn-{id}\" id=\"fnref-{id}\" aria-label=\"Note {n}\">{n}</a></sup>"
                            )
                            .into(),
                        ),
                    );
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let n = self.footnote_number(&label);
                    let id = slugify(&label);
                    self.doc.ids.push(format!("fn-{id}"));
                    self.out.push(Event::Html(
                        format!("<div class=\"footnote\" id=\"fn-{id}\"><span class=\"fn-label\">{n}.</span>").into(),
                    ));
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
                if !self.used_ids.insert(id.clone()) {
                    self.error(
                        h.offset,
                        format!("the anchor `{id}` is used twice on this page; give one heading another `{{#id}}`"),
                    );
                }
                id
            }
            None => {
                let base = slugify(&plain);
                let mut id = base.clone();
                let mut n = 2;
                while !self.used_ids.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                id
            }
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
    fn src_offset(&self, from: usize, needle: &str) -> usize {
        self.body
            .get(from..)
            .and_then(|s| s.find(needle))
            .map_or(from, |i| from + i)
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

//! The walk over pulldown-cmark's events: the main loop of a render.

use super::table::TableCells;
use super::{HeadingState, MAX_PROBLEMS, Renderer, heading_level, options};
use crate::util::html::escape;
use crate::util::text::{is_valid_id, slugify};
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use std::ops::Range;

impl<'a> Renderer<'a, '_> {
    /// Record a problem; past [`MAX_PROBLEMS`] in one document they are
    /// only counted (one summary line says how many more there were).
    pub(super) fn error(&mut self, offset: usize, msg: impl Into<String>) {
        if self.reported >= MAX_PROBLEMS {
            self.suppressed += 1;
            return;
        }
        self.reported += 1;
        let d = self.file.error(self.base + offset, msg);
        self.diags.push(d);
    }

    pub(super) fn warning(&mut self, offset: usize, msg: impl Into<String>) {
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
            if let Some((text, r)) = run.take() {
                events.push((Event::Text(CowStr::from(text)), r));
            }
            events.push((ev, range));
        }
        if let Some((text, r)) = run.take() {
            events.push((Event::Text(CowStr::from(text)), r));
        }
        events
    }

    /// The id with this document's prefix.
    pub(super) fn id(&self, id: &str) -> String {
        format!("{}{id}", self.ids.prefix)
    }

    pub(super) fn run(&mut self) {
        let events = self.events();
        // The layout's ids, then footnote ids, are reserved first, so a
        // heading can never take one. Labels that slug alike (`a b`, `a-b`,
        // `A_B`) get distinct ids.
        for id in self.ctx.reserved_ids() {
            self.used_ids.insert((*id).to_string());
        }
        for (ev, range) in &events {
            if let Event::Start(Tag::FootnoteDefinition(label)) | Event::FootnoteReference(label) =
                ev
                && !self.footnote_ids.contains_key(label.as_ref())
            {
                let id = self.unique_id(&format!("fn-{}", slugify(label)));
                self.define(self.id(&id), self.base + range.start);
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
                && heading.is_none()
                && let (Some((Event::Text(t), trange)), Some((Event::End(TagEnd::Paragraph), _))) =
                    (events.get(i), events.get(i + 1))
                && let Some(inner) = t
                    .trim()
                    .strip_prefix("{{")
                    .and_then(|s| s.strip_suffix("}}"))
            {
                let offset = trange.start;
                let words: Vec<&str> = inner.split_whitespace().collect();
                if let Some((&name, args)) = words.split_first()
                    && !super::INLINE.contains(&name)
                {
                    self.block(name, args, inner, offset);
                    i += 2;
                    continue;
                }
            }
            if image.is_some() {
                match &ev {
                    Event::Text(t) | Event::Code(t) => image_alt.push_str(t),
                    Event::End(TagEnd::Image) => {
                        if let Some(open) = image.take() {
                            let html = open.replace("\u{0}ALT\u{0}", &escape(&image_alt));
                            self.push(&mut heading, Event::Html(html.into()));
                        }
                    }
                    _ => {}
                }
                continue;
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
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    image = Some(self.image_open(&dest_url, &title, range.start));
                    image_alt.clear();
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
                        .map_or_else(|| self.ctx.table_label(), |(_, t)| t.clone());
                    self.out.push(Event::Html(
                        format!(
                            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
                            escape(&label)
                        )
                        .into(),
                    ));
                    self.out.push(Event::Html(self.table.open().into()));
                }
                Event::End(TagEnd::Table) => {
                    self.out.push(Event::Html(TableCells::close().into()));
                    self.out.push(Event::Html("</div>".into()));
                }
                Event::Start(Tag::TableHead) => {
                    self.out.push(Event::Html(self.table.head_open().into()));
                }
                Event::End(TagEnd::TableHead) => {
                    self.out.push(Event::Html(self.table.head_close().into()));
                }
                Event::Start(Tag::TableRow) => {
                    self.out.push(Event::Html(self.table.row_open().into()));
                }
                Event::End(TagEnd::TableRow) => self.out.push(Event::Html("</tr>".into())),
                Event::Start(Tag::TableCell) => {
                    self.out.push(Event::Html(self.table.cell_open().into()));
                }
                Event::End(TagEnd::TableCell) => {
                    self.block.text.push(' ');
                    self.out.push(Event::Html(self.table.cell_close().into()));
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
                    let html = self.footnote_ref(&label);
                    self.push(&mut heading, Event::Html(html.into()));
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let n = self.footnote_number(&label);
                    let id = self.id(self.footnote_ids.get(label.as_ref()).map_or("", |s| s));
                    self.out.push(Event::Html(
                        format!("<div class=\"footnote\" id=\"{id}\"><span class=\"fn-label\">{n}.</span>").into(),
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
                        self.table.text(&text);
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
                Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                    self.block.text.push(' ');
                    self.out.push(ev);
                }
                other => self.push(&mut heading, other),
            }
        }
        if self.details > 0 {
            let end = self.body.len();
            self.error(
                end,
                "a `{{ details ... }}` block is not closed; add `{{ end details }}` on its own line",
            );
            for _ in 0..self.details {
                self.out.push(Event::Html("</div></details>".into()));
            }
        }
    }
}

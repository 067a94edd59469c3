//! Block shortcodes, headings and footnotes: the parts of a document that
//! give it structure and ids.

use super::{Event, HeadingState, Renderer, TocEntry, heading_html};
use crate::util::html::escape;
use crate::util::text::slugify;

impl<'a> Renderer<'a, '_> {
    /// A block shortcode: `details`/`end details`, or one from the context.
    pub(super) fn block(&mut self, name: &str, args: &[&str], inner: &str, offset: usize) {
        let written = match (name, args) {
            ("details", _) => name.to_string(),
            _ => std::iter::once(name)
                .chain(args.iter().copied())
                .collect::<Vec<_>>()
                .join(" "),
        };
        self.doc.shortcodes.push((written, self.base + offset));
        match (name, args) {
            ("details", [_, ..]) => {
                self.details += 1;
                let title = inner.trim().strip_prefix("details").unwrap_or("").trim();
                self.block.text.push_str(title);
                self.block.text.push(' ');
                self.out.push(Event::Html(
                    format!(
                        "<details class=\"more\"><summary>{}</summary><div class=\"more-body\">\n",
                        escape(title)
                    )
                    .into(),
                ));
            }
            ("details", []) => self.error(
                offset,
                "write a title after `details`, e.g. `{{ details About these figures }}`",
            ),
            ("end", ["details"]) => {
                if self.details == 0 {
                    self.error(
                        offset,
                        "`{{ end details }}` has no `{{ details ... }}` before it",
                    );
                } else {
                    self.details -= 1;
                    self.out.push(Event::Html("</div></details>\n".into()));
                }
            }
            _ => match self.ctx.block(name, args) {
                Ok(piece) => {
                    // The ids the block's markup defines are the
                    // document's: a block twice on one page is an error
                    // here, at the second one.
                    // (The layout reserves these ids against headings, so
                    // the document's own list says whether one is here.)
                    let mut twice = false;
                    for id in crate::util::html::ids(&piece.html) {
                        twice |= self.defined.contains(id);
                        self.used_ids.insert(id.to_string());
                        self.define(id.to_string(), self.base + offset);
                    }
                    if twice {
                        self.error(
                            offset,
                            format!(
                                "`{{{{ {} }}}}` is on this page already; keep one",
                                inner.trim()
                            ),
                        );
                        return;
                    }
                    self.block.text.push_str(&piece.text);
                    self.block.text.push(' ');
                    self.doc.uses.push(name.to_string());
                    self.out.push(Event::Html(piece.html.into()));
                }
                Err(e) => self.error(offset, e),
            },
        }
    }

    pub(super) fn push(&mut self, heading: &mut Option<HeadingState<'a>>, ev: Event<'a>) {
        match heading {
            Some(h) => h.inner.push(ev),
            None => self.out.push(ev),
        }
    }

    pub(super) fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_string()).or_insert(next)
    }

    /// Add an id (with this document's prefix) to the document's list.
    pub(super) fn define(&mut self, id: String, offset: usize) {
        self.defined.insert(id.clone());
        self.doc.ids.push((id, offset));
    }

    pub(super) fn footnote_ref(&mut self, label: &str) -> String {
        let n = self.footnote_number(label);
        let own = self.footnote_ids.get(label).cloned().unwrap_or_default();
        let id = self.id(&own);
        // Only the first reference to a note carries the back-link id.
        let back = format!("ref-{own}");
        let back_attr = if self.used_ids.insert(back.clone()) {
            let full = self.id(&back);
            self.define(full.clone(), self.base);
            format!(" id=\"{full}\"")
        } else {
            String::new()
        };
        let label = escape(&self.ctx.note_label(n));
        format!(
            "<sup class=\"fn-ref\"><a href=\"#{id}\"{back_attr} aria-label=\"{label}\">{n}</a></sup>"
        )
    }

    /// `base`, or `base-2`, `base-3`... whichever is free; marks it used.
    pub(super) fn unique_id(&mut self, base: &str) -> String {
        if self.used_ids.insert(base.to_string()) {
            return base.to_string();
        }
        // Ids are never freed, so every suffix below the one kept for this
        // base is taken: start there.
        let n = self.suffixes.entry(base.to_string()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used_ids.insert(id.clone()) {
                return id;
            }
        }
    }

    pub(super) fn finish_heading(&mut self, h: HeadingState<'a>) {
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
        let id = self.id(&id);
        let mut inner = String::new();
        pulldown_cmark::html::push_html(&mut inner, h.inner.into_iter());
        self.define(id.clone(), self.base + h.offset);
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
        let level = (h.level + self.ids.shift).min(6);
        let label = self.ctx.anchor_label(&plain);
        self.out
            .push(Event::Html(heading_html(level, &id, &inner, &label).into()));
    }
}

//! Inline content: text with `{{ figure }}`, `{{ compare }}` and
//! `{{ relation }}` shortcodes,
//! glossary terms marked on first use, links and images.

use super::{HeadingState, InternalLink, Renderer};
use crate::util::html::escape;
use pulldown_cmark::Event;
use std::fmt::Write as _;

impl<'a> Renderer<'a, '_> {
    /// Prose text: expand inline shortcodes, then mark glossary terms.
    pub(super) fn text(
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
            let words: Vec<&str> = inner.split_whitespace().collect();
            if let ["figure" | "compare" | "relation", _] = words.as_slice() {
                self.doc
                    .shortcodes
                    .push((words.join(" "), self.base + src_off));
            }
            let piece = match words.as_slice() {
                ["figure", name] => Some(self.ctx.figure(name)),
                ["compare", name] => Some(self.ctx.compare(name, true)),
                ["relation", name] => Some(self.ctx.compare(name, false)),
                [name, ..] if !super::INLINE.contains(name) => {
                    self.error(
                        src_off,
                        format!(
                            "`{{{{ {name} }}}}` is a block shortcode: put it on a line of its own, with a blank line before and after"
                        ),
                    );
                    None
                }
                _ => {
                    self.error(
                        src_off,
                        "write a figure as `{{ figure group-id.field }}`, a comparison as `{{ compare group-id.median_pay }}`, and, where a table on the page already shows the figure, only how it compares as `{{ relation group-id.median_pay }}`",
                    );
                    None
                }
            };
            match piece {
                Some(Ok(_)) if heading.is_some() => self.error(
                    src_off,
                    "a heading is a question and holds no figure; put the figure in the text below it",
                ),
                Some(Ok(p)) => {
                    self.block.text.push_str(&p.text);
                    self.out.push(Event::Html(p.html.into()));
                }
                Some(Err(e)) => self.error(src_off, e),
                None => {}
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
        while let Some((range, idx)) = glossary.find(rest, &mut self.marked) {
            self.marked.terms.insert(idx);
            let entry = &glossary.entries[idx];
            if !rest[..range.start].is_empty() {
                self.out
                    .push(Event::Text(rest[..range.start].to_string().into()));
            }
            let word = escape(&rest[range.clone()]);
            let href = escape(&self.ctx.term_href(&entry.id));
            let mut html = String::new();
            match &entry.expansion {
                Some(exp) => {
                    let _ = write!(
                        html,
                        "<a class=\"term\" href=\"{href}\"><abbr title=\"{}\">{word}</abbr></a>",
                        escape(exp)
                    );
                }
                None => {
                    let _ = write!(html, "<a class=\"term\" href=\"{href}\">{word}</a>");
                }
            }
            self.out.push(Event::Html(html.into()));
            // Each term is marked once, so its id is listed once.
            self.doc.terms.push(entry.id.clone());
            rest = &rest[range.end..];
        }
        if !rest.is_empty() {
            self.out.push(Event::Text(rest.to_string().into()));
        }
    }

    /// An image: only files of this site (`/static/...`) are allowed; they
    /// are checked like links. Anything else is an error and renders nothing.
    /// The alt text is filled in when the image ends.
    pub(super) fn image_open(&mut self, dest: &str, title: &str, offset: usize) -> String {
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

    pub(super) fn link_open(&mut self, dest: &str, title: &str, offset: usize) -> String {
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
        } else if let Some(anchor) = dest.strip_prefix('#') {
            self.doc.links.push(InternalLink {
                href: dest.to_string(),
                offset: self.base + offset,
            });
            format!("<a href=\"#{}\"{title_attr}>", escape(&self.id(anchor)))
        } else if dest.starts_with('/') {
            let href = self.ctx.local_href(dest);
            self.doc.links.push(InternalLink {
                href: href.clone(),
                offset: self.base + offset,
            });
            format!("<a href=\"{}\"{title_attr}>", escape(&href))
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
}

//! HTML helpers: escaping for text and attributes, and the ids a rendered
//! page defines (for checking links and duplicate ids after rendering).

/// HTML-escape text for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str) {
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
}

/// Every `id="..."` attribute value in `html`, in order (duplicates kept).
/// The markup is our own (templates and the Markdown renderer always quote
/// attributes with `"` and escape values), so a scan is exact.
pub fn ids(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(i) = html[from..].find(" id=\"") {
        let start = from + i + 5;
        let Some(len) = html[start..].find('"') else {
            break;
        };
        // Only inside a tag: the nearest `<` before must come after the
        // nearest `>` (text never contains a raw `<`, it is escaped).
        let tag_open = html[..start].rfind('<');
        let tag_close = html[..start].rfind('>');
        if tag_open > tag_close || (tag_close.is_none() && tag_open.is_some()) {
            out.push(&html[start..start + len]);
        }
        from = start + len + 1;
        if from >= bytes.len() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn ids_are_read_from_tags_only() {
        let html = "<h2 id=\"a\">x id=\"not\"</h2><p data-x=\"1\" id=\"b\">y</p>";
        assert_eq!(ids(html), ["a", "b"]);
    }
}

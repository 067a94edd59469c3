//! Text helpers: ids and slugs, wrapping for drawn text, year spans and
//! template slots. Numbers and money are written in each edition's own
//! format (`content::ui::Numbers`, from its `ui/<lang>.toml`).

/// Is `id` usable as an id or anchor (`{#id}`, a slug)?
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
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

/// Break `text` into at most `max_lines` lines of about `width`
/// characters, ending with `…` when it does not fit.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let count = lines.len();
        let last = lines.last_mut().expect("never empty");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            if count == max_lines {
                last.push('…');
                break;
            }
            lines.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

/// `2019, 2029` -> `2019–29`.
pub fn decade(from: i32, to: i32) -> String {
    if from / 100 == to / 100 {
        format!("{from}–{:02}", to % 100)
    } else {
        format!("{from}–{to}")
    }
}

/// Fill `{name}` slots in a template string from `args`. Unknown slots are
/// left as they are (`check` verifies every template's slots at load).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` slots a template string uses.
pub fn slots(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// A site path in the edition with this prefix: `("/xx", "/x")` →
/// `/xx/x`, and `("/xx", "/")` → `/xx` (the edition's home).
pub fn in_edition(prefix: &str, path: &str) -> String {
    match (prefix, path) {
        ("", p) => p.to_string(),
        (prefix, "/") => prefix.to_string(),
        (prefix, p) => format!("{prefix}{p}"),
    }
}

/// `Medical records specialists` -> `medical records specialists`, but
/// `RHIT holders` stays (a word in capitals is a name).
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            let mut out: String = a.to_lowercase().collect();
            out.push_str(&text[a.len_utf8()..]);
            out
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_spans_read_naturally() {
        assert_eq!(decade(2022, 2032), "2022–32");
        assert_eq!(decade(1995, 2005), "1995–2005");
    }

    #[test]
    fn slugs_and_ids() {
        assert_eq!(slugify("What's the pay?"), "whats-the-pay");
        assert_eq!(slugify("RHIT & RHIA"), "rhit-rhia");
        assert_eq!(slugify("???"), "section");
        assert!(is_valid_id("rhit-vs-rhia"));
        assert!(!is_valid_id("-x") && !is_valid_id("A") && !is_valid_id(""));
    }

    #[test]
    fn templates_fill_their_slots() {
        assert_eq!(
            fill("In {when}, {who}.", &[("when", "May 2024"), ("who", "x")]),
            "In May 2024, x."
        );
        assert_eq!(fill("{missing} ok", &[]), "{missing} ok");
        assert_eq!(slots("a {b} c {d}"), ["b", "d"]);
    }

    #[test]
    fn wrap_and_lower_first() {
        let lines = wrap("one two three four five six seven eight nine ten", 10, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert_eq!(lower_first("Medical records"), "medical records");
        assert_eq!(lower_first("RHIT holders"), "RHIT holders");
    }
}

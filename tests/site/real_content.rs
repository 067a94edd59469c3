//! The real content in `content/`: it builds with no error, every stored
//! page renders, and every section reads at grade 9 or below. These are the
//! only tests that read `content/`; behaviour tests use the frozen sample.

use crate::helpers::*;
use axum::http::StatusCode;
use pathways::AppState;
use std::path::Path;
use std::sync::OnceLock;

mod switch;

fn real_state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let loaded =
                pathways::state::build(Path::new("content"), Path::new("static"), Some(BASE))
                    .unwrap_or_else(|e| panic!("the real content must build with no error:\n{e}"));
            AppState::new(loaded)
        })
        .clone()
}

#[test]
fn the_real_content_builds_with_no_error() {
    let loaded = real_state().current();
    assert!(!loaded.default_edition().site.pathways.is_empty());
    for p in &loaded.default_edition().site.pathways {
        assert!(!p.sections.is_empty(), "{} has sections", p.slug);
    }
}

#[tokio::test]
async fn every_stored_page_of_the_real_content_renders() {
    let state = real_state();
    let loaded = state.current();
    let pages = html_pages(&loaded);
    assert!(pages.len() > 5);
    for path in pages {
        let got = get_from(&state, &path).await;
        let want = if path.ends_with("/404") {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::OK
        };
        assert_eq!(got.status, want, "{path}");
        let doc = got.html();
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{path} has one h1");
        assert_eq!(
            doc.select(&sel("footer.site-footer")).count(),
            1,
            "{path} is whole"
        );
    }
}

/// Every section listed in a pathway's `pathway.toml` reads at
/// Flesch-Kincaid grade 9 or below.
#[test]
fn every_section_reads_at_grade_nine_or_below() {
    let mut checked = 0;
    let mut too_hard = Vec::new();
    for dir in std::fs::read_dir("content/pathways").unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let listed: toml::Table =
            toml::from_str(&std::fs::read_to_string(dir.join("pathway.toml")).unwrap()).unwrap();
        let sections = listed["sections"].as_array().expect("a list of sections");
        for slug in sections {
            let path = dir.join(format!("{}.md", slug.as_str().unwrap()));
            let text = std::fs::read_to_string(&path).unwrap();
            let grade = fk::grade(&text);
            if grade > 9.0 {
                too_hard.push(format!("{}: grade {grade:.1}", path.display()));
            }
            checked += 1;
        }
    }
    assert!(checked > 0);
    assert!(too_hard.is_empty(), "{too_hard:#?}");
}

#[test]
fn the_grade_follows_the_specs_rules() {
    // Two sentences, eight words, ten syllables ("reading" 2, "the" 1,
    // "simple" 2, "site" 1 with its silent e, "is" 1; "cats" 1, "sleep" 1,
    // "here" 1 with its silent e).
    let text = "+++\ntitle = \"x\"\n+++\nReading the simple site is.\n\n## Cats sleep here\n";
    let g = fk::grade(text);
    let want = 0.39 * 8.0 / 2.0 + 11.8 * 10.0 / 8.0 - 15.59;
    assert!((g - want).abs() < 1e-9, "{g} vs {want}");
    // Block shortcodes are dropped, figures vanish, links keep their words.
    let with_parts = "+++\n+++\n{{ table pay }}\n\nReading the [simple](/x#y) site {{ figure a.median_pay }}is.\n\n## Cats sleep here {#cats}\n";
    assert!((fk::grade(with_parts) - want).abs() < 1e-9);
}

/// A port of `fk.py` (the content spec's Flesch-Kincaid check), same rules.
mod fk {
    const COMPARE_SENTENCE: &str = "In May 2024, medical records specialists earned a median of a year, more than the median for all occupations.";
    const BLOCKS: [&str; 6] = [
        "table",
        "titles",
        "self-check",
        "first-steps",
        "details",
        "end details",
    ];

    /// The body after the `+++` front matter.
    fn body_of(text: &str) -> String {
        let lines: Vec<&str> = text.split('\n').collect();
        if lines.first().is_some_and(|l| l.trim() == "+++") {
            for i in 1..lines.len() {
                if lines[i].trim() == "+++" {
                    return lines[i + 1..].join("\n");
                }
            }
        }
        text.to_string()
    }

    fn is_word_char(c: char) -> bool {
        c.is_alphanumeric() || c == '_'
    }

    /// `^\s*\{\{\s*(table|titles|…)\b.*\}\}\s*$`
    fn is_block(line: &str) -> bool {
        let Some(rest) = line.trim_start().strip_prefix("{{") else {
            return false;
        };
        let rest = rest.trim_start();
        let named = BLOCKS.iter().any(|name| {
            rest.strip_prefix(name)
                .is_some_and(|after| !after.starts_with(is_word_char))
        });
        named && rest.trim_end().ends_with("}}")
    }

    /// `^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`
    fn is_table_separator(line: &str) -> bool {
        let s = line.trim();
        let s = s.strip_prefix('|').unwrap_or(s);
        let s = s.strip_suffix('|').unwrap_or(s);
        s.split('|').all(|cell| {
            let c = cell.trim();
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            c.len() >= 2 && c.chars().all(|ch| ch == '-')
        })
    }

    /// `^\s*(?:[-*+]|\d+[.)])\s+`: the rest of a list item's line.
    fn list_item(line: &str) -> Option<&str> {
        let s = line.trim_start();
        let after = if let Some(r) = s.strip_prefix(['-', '*', '+']) {
            r
        } else {
            let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 {
                return None;
            }
            s[digits..].strip_prefix(['.', ')'])?
        };
        let rest = after.trim_start();
        (rest.len() < after.len()).then_some(rest)
    }

    /// Replace every `{{ NAME ...}}` (NAME then whitespace, no `}` inside).
    fn replace_shortcodes(s: &str, name: &str, with: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("{{") {
            out.push_str(&rest[..i]);
            let after = &rest[i + 2..];
            let inner = after.trim_start();
            let matched = inner
                .strip_prefix(name)
                .filter(|r| r.starts_with(char::is_whitespace))
                .and_then(|r| {
                    let end = r.find('}')?;
                    r[end..].starts_with("}}").then_some(&r[end + 2..])
                });
            match matched {
                Some(tail) => {
                    out.push_str(with);
                    rest = tail;
                }
                None => {
                    out.push_str("{{");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// `\[([^\]]*)\]\([^)]*\)` → the link's words.
    fn unlink(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('[') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let replaced = after.find(']').and_then(|close| {
                let words = &after[..close];
                let tail = after[close + 1..].strip_prefix('(')?;
                let end = tail.find(')')?;
                Some((words, &tail[end + 1..]))
            });
            match replaced {
                Some((words, tail)) => {
                    out.push_str(words);
                    rest = tail;
                }
                None => {
                    out.push('[');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// `\{#[^}]*\}` → nothing.
    fn drop_ids(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("{#") {
            out.push_str(&rest[..i]);
            match rest[i..].find('}') {
                Some(end) => rest = &rest[i + end + 1..],
                None => {
                    out.push_str(&rest[i..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn clean(s: &str) -> String {
        let s = replace_shortcodes(s, "figure", "");
        let s = replace_shortcodes(&s, "compare", COMPARE_SENTENCE);
        let s = unlink(&s);
        let s = s.replace("**", "");
        drop_ids(&s).replace('#', "")
    }

    /// `[A-Za-z]+(?:['’][A-Za-z]+)*`
    fn words(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            while i + 1 < chars.len()
                && (chars[i] == '\'' || chars[i] == '\u{2019}')
                && chars[i + 1].is_ascii_alphabetic()
            {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_alphabetic() {
                    i += 1;
                }
            }
            out.push(chars[start..i].iter().collect());
        }
        out
    }

    fn syllables(word: &str) -> usize {
        let w = word.to_lowercase().replace(['\'', '\u{2019}'], "");
        let mut n = 0;
        let mut in_group = false;
        for c in w.chars() {
            let vowel = "aeiouy".contains(c);
            if vowel && !in_group {
                n += 1;
            }
            in_group = vowel;
        }
        if w.ends_with('e') && !w.ends_with("le") && n >= 2 {
            n -= 1;
        }
        n.max(1)
    }

    /// Heading lines, list items, table rows and paragraphs, in order.
    fn units(body: &str) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        let mut para: Vec<String> = Vec::new();
        let flush = |para: &mut Vec<String>, out: &mut Vec<(&'static str, String)>| {
            if !para.is_empty() {
                out.push(("para", para.join(" ")));
                para.clear();
            }
        };
        for raw in body.split('\n') {
            let line = raw.trim_end();
            if is_block(line) || line.trim().is_empty() {
                flush(&mut para, &mut out);
                continue;
            }
            if line.trim_start().starts_with('#') {
                flush(&mut para, &mut out);
                out.push(("heading", line.to_string()));
                continue;
            }
            if line.trim_start().starts_with('|') {
                flush(&mut para, &mut out);
                if !is_table_separator(line) {
                    out.push(("row", line.replace('|', " ")));
                }
                continue;
            }
            if let Some(item) = list_item(line) {
                flush(&mut para, &mut out);
                out.push(("item", item.to_string()));
                continue;
            }
            if para.is_empty()
                && raw.starts_with("  ")
                && let Some((kind, text)) = out.last_mut()
                && *kind == "item"
            {
                text.push(' ');
                text.push_str(line.trim());
                continue;
            }
            para.push(line.trim().to_string());
        }
        flush(&mut para, &mut out);
        out
    }

    /// Sentences end at `.`, `!` or `?` before whitespace or the end, and
    /// at the end of each unit.
    fn sentences(text: &str) -> Vec<String> {
        let text = clean(text);
        let text = text.trim();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut start = 0;
        for (k, (i, c)) in chars.iter().enumerate() {
            if matches!(c, '.' | '!' | '?')
                && chars.get(k + 1).is_none_or(|(_, n)| n.is_whitespace())
            {
                let end = i + c.len_utf8();
                out.push(text[start..end].to_string());
                start = end;
            }
        }
        let rest = &text[start..];
        if !words(rest).is_empty() {
            out.push(rest.to_string());
        }
        out.into_iter()
            .filter(|s| !words(s).is_empty())
            .map(|s| s.trim().to_string())
            .collect()
    }

    /// The grade of a section file.
    pub(super) fn grade(text: &str) -> f64 {
        let body = body_of(text);
        let sentences: Vec<String> = units(&body)
            .iter()
            .flat_map(|(_, t)| sentences(t))
            .collect();
        let words: Vec<String> = sentences.iter().flat_map(|s| words(s)).collect();
        let (nw, ns) = (words.len() as f64, sentences.len() as f64);
        let nsyl: usize = words.iter().map(|w| syllables(w)).sum();
        if nw == 0.0 || ns == 0.0 {
            return 0.0;
        }
        0.39 * nw / ns + 11.8 * nsyl as f64 / nw - 15.59
    }
}

/// Every state of BLS's files has a page in both editions, twinned by
/// hreflang, with the state's name in the edition's language.
#[tokio::test]
async fn every_state_has_a_page_in_both_editions() {
    let state = real_state();
    let loaded = state.current();
    let oews = loaded
        .default_edition()
        .site
        .oews
        .clone()
        .expect("the real content has OEWS files");
    let states = oews.states();
    assert_eq!(
        states.len(),
        54,
        "50 states, DC, Guam, Puerto Rico, Virgin Islands"
    );
    let him = "/pathways/health-information-management";
    let got = get_from(&state, &format!("/es{him}/pay/new-york")).await;
    assert_eq!(got.status, StatusCode::OK);
    let doc = got.html();
    assert_eq!(attrs(&doc, "html", "lang"), ["es"]);
    assert!(
        texts(&doc, "h1")[0].contains("Nueva York"),
        "{:?}",
        texts(&doc, "h1")
    );
    let alternates = attrs(&doc, "link[rel=alternate][hreflang=en]", "href");
    assert_eq!(alternates, [format!("{BASE}{him}/pay/new-york")]);
    for (_, area) in states {
        for prefix in ["", "/es"] {
            let path = format!("{prefix}{him}/pay/{}", area.slug);
            assert!(loaded.store.contains(&path), "{path}");
        }
    }
}

/// The sentences the engine writes on state pages (comparisons, "not
/// published", how common the jobs are, the spread) read at grade 9 or
/// below in every edition.
#[test]
fn the_state_pages_sentences_read_at_grade_nine_or_below() {
    for lang in ["en", "es"] {
        let ui: toml::Table =
            toml::from_str(&std::fs::read_to_string(format!("content/ui/{lang}.toml")).unwrap())
                .unwrap();
        let states = ui["states"].as_table().unwrap();
        let keys = [
            "pay_above",
            "pay_below",
            "pay_same",
            "pay_alone",
            "not_published",
            "spread",
            "spread_unknown",
            "per_thousand_line",
            "lq_more",
            "lq_less",
            "lq_same",
            "page_lead",
            "metros_lead",
            "lead",
        ];
        for key in keys {
            let text = states[key]
                .as_str()
                .unwrap()
                .replace("{group}", "medical records specialists")
                .replace("{state}", "Texas")
                .replace("{figure}", "$48,860 a year")
                .replace("{base}", "$48,620")
                .replace("{times}", "1.3")
                .replace("{value}", "1.22")
                .replace("{year}", "2025")
                .replace(['{', '}'], "");
            let grade = fk::grade(&format!("+++\n+++\n{text}\n"));
            assert!(
                grade <= 9.0,
                "{lang} states.{key}: grade {grade:.1}: {text}"
            );
        }
    }
}

/// The real content (two editions, each with its own 404 page) exports
/// whole.
#[test]
fn the_real_content_exports_every_edition() {
    let loaded = real_state().current();
    let out = std::env::temp_dir().join(format!("pathways-real-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    pathways::export::export(&loaded, &out).expect("the real content exports");
    for file in ["404.html", "es/404/index.html", "es/index.html"] {
        let path = out.join(file);
        assert!(
            path.exists() || out.join(file.replace("/index.html", ".html")).exists(),
            "{} written",
            path.display()
        );
    }
    std::fs::remove_dir_all(&out).unwrap();
}

//! Section files: TOML front matter + Markdown, through the loader's path
//! (`content::split_front_matter`, `toml::from_str` into the shape of a
//! section's front matter, then `markdown::render` with a small `Context`),
//! for the section's own page and again with an id prefix and shifted
//! headings (as the printable pathway renders it).
//!
//! Invariants: no panic; the HTML never contains an element other than the
//! ones the renderer emits (so never `<script`, whatever the input); every
//! id the document defines is unique and none is the layout's when the
//! render reported no error; every id carries the page's prefix and points
//! inside the file; every TOC entry points at a defined id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::content::Term;
use pathways::diag::{Diagnostic, Severity, SourceFile};
use pathways::markdown::{self, Context, Glossary, Ids, Piece};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;
use toml::Spanned;

/// The shape of a section's front matter (`content::model::FrontMatter`,
/// which is private to the crate): same fields, same strictness.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct FrontMatter {
    title: String,
    nav_title: String,
    summary: Spanned<String>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
    key_figure: Option<Spanned<String>>,
}

struct Ctx(Glossary);

fn piece(html: &str, text: &str) -> Piece {
    Piece {
        html: html.into(),
        text: text.into(),
    }
}

impl Context for Ctx {
    fn figure(&self, name: &str) -> Result<Piece, String> {
        match name {
            "x.median_pay" => Ok(piece(
                "$1,000 a year (May 2022)<sup class=\"src\"><a href=\"#src-1\">[1]</a></sup>",
                "$1,000 a year (May 2022)",
            )),
            // The context escapes figure text; a context that did not would
            // be caught below (this one does, as the real one does).
            "evil" => Ok(piece(
                "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;",
                "<script>alert(1)</script> & \"x\"",
            )),
            _ => Err(format!("no figure {name}")),
        }
    }

    fn compare(&self, name: &str, whole: bool) -> Result<Piece, String> {
        match name {
            "x.median_pay" if whole => Ok(piece(
                "In May 2022, x earned $1,000 a year<sup class=\"src\"><a href=\"#src-1\">[1]</a></sup>.",
                "In May 2022, x earned $1,000 a year.",
            )),
            "x.median_pay" => Ok(piece(
                "In May 2022, x earned more than the $900 a year<sup class=\"src\"><a href=\"#src-1\">[1]</a></sup> median for all occupations.",
                "In May 2022, x earned more than the $900 a year median for all occupations.",
            )),
            _ => Err(format!("no comparison {name}")),
        }
    }

    fn block(&self, name: &str, args: &[&str]) -> Result<Piece, String> {
        match name {
            "table" if args.len() <= 1 => {
                Ok(piece("<table class=\"t\"><tr><td>1</td></tr></table>", "1"))
            }
            _ => Err(format!("no block {name}")),
        }
    }

    fn glossary(&self) -> &Glossary {
        &self.0
    }

    fn reserved_ids(&self) -> &[&str] {
        &["main", "contents", "sources"]
    }
}

fn term(id: &str, term: &str, expansion: Option<&str>, also: &[&str]) -> Term {
    Term {
        id: id.into(),
        term: term.into(),
        expansion: expansion.map(Into::into),
        definition: "d".into(),
        also: also.iter().map(|s| (*s).into()).collect(),
        defined_at: Default::default(),
    }
}

static CTX: LazyLock<Ctx> = LazyLock::new(|| {
    // 200 terms that share their first word (issue 25: matching them once
    // tried each term at every "shared" in the text).
    let shared: Vec<Term> = (0..200)
        .map(|i| term(&format!("shared-{i}"), &format!("shared thing{i}"), None, &[]))
        .collect();
    Ctx(Glossary::new(&[
        term(
            "rhit",
            "RHIT",
            Some("Registered <Health> \"Information\" Technician"),
            &[],
        ),
        term(
            "accreditation",
            "accreditation",
            None,
            &["accredited", "CAHIIM accreditation"],
        ),
        term("cafe", "café", None, &["İstanbul"]),
        term("ehr", "EHR", Some("electronic health record"), &["EHRs"]),
        term("a", "a", None, &[]),
    ]
    .into_iter()
    .chain(shared)
    .collect::<Vec<_>>()))
});

/// Elements the renderer (and pulldown-cmark with our options) may emit.
const ALLOWED: &[&str] = &[
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "del",
    "details",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

fn check_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "unescaped <script in {html:?}");
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            ALLOWED.contains(&name.to_ascii_lowercase().as_str()),
            "unexpected element <{name} in {html:?}"
        );
    }
}

fn render(file: &SourceFile, body: &str, base: usize, ids: &Ids) {
    let mut diags: Vec<Diagnostic> = Vec::new();
    let doc = markdown::render(file, body, base, ids, &*CTX, &mut diags);
    for d in &diags {
        assert!(d.line >= 1 && d.col >= 1);
    }
    check_html(&doc.html);
    let errors = diags.iter().any(|d| d.severity == Severity::Error);
    let defined: HashSet<&str> = doc.ids.iter().map(|(id, _)| id.as_str()).collect();
    if !errors {
        assert_eq!(defined.len(), doc.ids.len(), "duplicate ids {:?}", doc.ids);
        for r in CTX.reserved_ids() {
            let taken = format!("{}{r}", ids.prefix);
            assert!(
                !defined.contains(taken.as_str()),
                "the layout's id {taken} was taken"
            );
        }
    }
    for (id, offset) in &doc.ids {
        assert!(
            id.starts_with(&ids.prefix),
            "id {id} lacks {:?}",
            ids.prefix
        );
        assert!(
            *offset <= file.text.len(),
            "id {id} at {offset} is past the file"
        );
    }
    for t in &doc.toc {
        assert!(
            defined.contains(t.id.as_str()),
            "toc id {} not defined",
            t.id
        );
    }
}

fn render_both(file: &SourceFile, body: &str, base: usize) {
    render(file, body, base, &Ids::default());
    render(
        file,
        body,
        base,
        &Ids {
            prefix: "p-".into(),
            shift: 1,
        },
    );
}

const FRONT: &str = "+++\ntitle = \"T\"\nnav_title = \"T\"\nsummary = \"S\"\n+++\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The input as a whole file: front matter (if any) parsed as the loader does.
    if let Some((fm_start, fm, body_start)) = pathways::content::split_front_matter(text) {
        let file = SourceFile::new("fuzz.md", text.to_string());
        match toml::from_str::<FrontMatter>(fm) {
            Ok(front) => {
                let _ = file.error(fm_start + front.summary.span().start, "summary");
                for s in &front.sources {
                    let _ = file.error(fm_start + s.span().start, "source");
                }
            }
            Err(e) => {
                let _ = file.error(fm_start + e.span().map_or(0, |s| s.start), e.message());
            }
        }
        render_both(&file, &text[body_start..], body_start);
    }
    // The input as the body after a valid front matter.
    let whole = format!("{FRONT}{text}");
    let file = SourceFile::new("fuzz.md", whole);
    render_both(&file, text, FRONT.len());
});

//! Section files: TOML front matter + Markdown, through the loader's path
//! (`content::split_front_matter`, `toml::from_str` into
//! `content::model::FrontMatter`, then `markdown::render` with a small
//! `Context`).
//!
//! Invariants: no panic; the HTML never contains an element other than the
//! ones the renderer emits (so never `<script`, whatever the input); every
//! id the document defines is unique when the render reported no error;
//! every TOC entry points at a defined id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::content::model::FrontMatter;
use pathways::content::{FigureRef, Term};
use pathways::diag::{Diagnostic, Severity, SourceFile};
use pathways::markdown::{self, Context, Glossary};
use std::collections::HashSet;
use std::sync::LazyLock;

struct Ctx(Glossary);

impl Context for Ctx {
    fn figure(&self, name: &str) -> Result<FigureRef, String> {
        match name {
            "x.median_pay" => Ok(FigureRef {
                text: "$1,000 a year (May 2022)".into(),
                source: "bls".into(),
                year: 2022,
            }),
            // Figure text is data: it must come out escaped.
            "evil" => Ok(FigureRef {
                text: "<script>alert(1)</script> & \"x\"".into(),
                source: "bls".into(),
                year: 2022,
            }),
            _ => Err(format!("no figure {name}")),
        }
    }

    fn block(&self, name: &str, args: &[&str]) -> Result<String, String> {
        match name {
            "table" if args.len() <= 1 => {
                Ok("<table class=\"t\"><tr><td>1</td></tr></table>".into())
            }
            _ => Err(format!("no block {name}")),
        }
    }

    fn glossary(&self) -> &Glossary {
        &self.0
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
    ]))
});

/// Elements the renderer (and pulldown-cmark with our options) may emit.
const ALLOWED: &[&str] = &[
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "del",
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

fn render(file: &SourceFile, body: &str, base: usize) {
    let mut diags: Vec<Diagnostic> = Vec::new();
    let doc = markdown::render(file, body, base, &*CTX, &mut diags);
    for d in &diags {
        assert!(d.line >= 1 && d.col >= 1);
    }
    check_html(&doc.html);
    let errors = diags.iter().any(|d| d.severity == Severity::Error);
    let ids: HashSet<&str> = doc.ids.iter().map(String::as_str).collect();
    if !errors {
        assert_eq!(ids.len(), doc.ids.len(), "duplicate ids {:?}", doc.ids);
    }
    for t in &doc.toc {
        assert!(ids.contains(t.id.as_str()), "toc id {} not defined", t.id);
    }
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
        render(&file, &text[body_start..], body_start);
    }
    // The input as the body after a valid front matter.
    let whole = format!("{FRONT}{text}");
    let file = SourceFile::new("fuzz.md", whole);
    render(&file, text, FRONT.len());
});

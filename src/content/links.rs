//! Internal links and anchors, checked after every page is rendered:
//! a link to a page that does not exist, or to an `#anchor` the page does not
//! have, is an error at the link's line and column.

use super::Site;
use crate::diag::{Diagnostic, SourceFile};
use crate::markdown::InternalLink;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// The links of one content file.
pub struct LinkSource {
    pub file: PathBuf,
    pub text: String,
    /// The page the links sit on (for `#anchor` links).
    pub page: String,
    pub links: Vec<InternalLink>,
}

/// Ids every page layout defines.
const LAYOUT_IDS: &[&str] = &["main", "top"];

/// Ids the layout of a section page uses around the Markdown, which a
/// heading or footnote must never take.
pub const SECTION_LAYOUT_IDS: &[&str] = &[
    "main",
    "top",
    "contents",
    "sources",
    "share",
    "share-title",
    "site-q",
];

/// Every page of the site and the anchors it has.
pub fn anchors(site: &Site) -> HashMap<String, HashSet<String>> {
    let mut pages: HashMap<String, HashSet<String>> = HashMap::new();
    let mut add = |path: String, ids: Vec<String>| {
        let mut set: HashSet<String> = LAYOUT_IDS.iter().map(|s| s.to_string()).collect();
        set.extend(ids);
        pages.insert(path, set);
    };
    add("/".into(), vec![]);
    add("/pathways".into(), vec![]);
    add("/search".into(), vec![]);
    add(
        "/glossary".into(),
        site.glossary.iter().map(|t| t.id.clone()).collect(),
    );
    add(
        "/resources".into(),
        crate::content::ResourceKind::ALL
            .iter()
            .map(|k| k.id().to_string())
            .collect(),
    );
    for p in &site.pathways {
        add(
            p.path(),
            vec!["quick-facts".into(), "sections".into(), "share".into()],
        );
        add(
            format!("{}/print", p.path()),
            p.sections.iter().map(|s| s.slug.clone()).collect(),
        );
        if let Some(map) = &p.career_map {
            let mut ids: Vec<String> = map.titles.iter().map(|t| t.id.clone()).collect();
            ids.extend(map.levels.iter().map(|l| l.id.clone()));
            ids.push("diagram".into());
            add(format!("{}/career-map", p.path()), ids);
        }
        for s in &p.sections {
            let mut ids = s.doc.ids.clone();
            ids.extend(["sources".into(), "contents".into(), "share".into()]);
            if let Some(check) = p.self_check.as_ref().filter(|_| s.slug == "right-for-me") {
                ids.extend(
                    check
                        .statements
                        .iter()
                        .map(|st| format!("statement-{}", st.id)),
                );
            }
            add(p.section_path(s), ids);
        }
    }
    pages
}

/// Check every collected link; return the problems.
pub fn check(site: &Site, sources: &[LinkSource]) -> Vec<Diagnostic> {
    let pages = anchors(site);
    let aliases: HashMap<String, String> = site
        .pathways
        .iter()
        .flat_map(|p| p.aliases.iter().map(move |a| (a.clone(), p.path())))
        .collect();
    let mut out = Vec::new();
    for src in sources {
        let file = SourceFile::new(src.file.clone(), src.text.clone());
        for link in &src.links {
            let href = link.href.as_str();
            let (path, anchor) = match href.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (href, None),
            };
            let path = path.split('?').next().unwrap_or("");
            let path = if path.is_empty() {
                src.page.as_str()
            } else {
                path
            };
            let Some(ids) = pages.get(path) else {
                let msg = match aliases.get(path) {
                    Some(canonical) => format!(
                        "the link `{href}` uses the alias `{path}`; link to `{canonical}` instead so the URL is stable"
                    ),
                    None => format!(
                        "the link `{href}` goes to `{path}`, which is not a page of this site; fix the path"
                    ),
                };
                out.push(file.error(link.offset, msg));
                continue;
            };
            if let Some(anchor) = anchor
                && !anchor.is_empty()
                && !ids.contains(anchor)
            {
                let msg = if path == "/glossary" {
                    format!(
                        "the glossary has no term `{anchor}`; add it to glossary.toml or fix the link `{href}`"
                    )
                } else {
                    let mut known: Vec<&str> = ids.iter().map(String::as_str).collect();
                    known.sort_unstable();
                    format!(
                        "the anchor `#{anchor}` in link `{href}` does not exist on {path}; anchors there: {}",
                        known.join(", ")
                    )
                };
                out.push(file.error(link.offset, msg));
            }
        }
    }
    // Glossary terms no page uses.
    let used: HashSet<&str> = site
        .pathways
        .iter()
        .flat_map(|p| p.sections.iter())
        .flat_map(|s| s.doc.terms.iter().map(String::as_str))
        .collect();
    for t in &site.glossary {
        if !used.contains(t.id.as_str()) {
            let (path, line, col) = t.defined_at.clone();
            out.push(Diagnostic {
                path,
                line,
                col,
                severity: crate::diag::Severity::Warning,
                message: format!(
                    "the glossary term `{}` is not used on any page; use it or remove it",
                    t.term
                ),
            });
        }
    }
    out
}

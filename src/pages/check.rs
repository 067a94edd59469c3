//! Checks that need rendered pages: every internal link goes to a page that
//! exists and to an anchor that page really has (read from its HTML, the
//! way zola checks anchors), no page has an id twice, no two pages share a
//! path, and content-driven features are complete. Problems point at the
//! content file, line and column that caused them.

use super::docs::Docs;
use crate::content::Site;
use crate::diag::{Diagnostic, Severity, SourceFile, file_error};
use crate::registry::{self, Page};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

mod twins;
pub(crate) use twins::twins;

/// A self-check must be shown by exactly one section.
pub(crate) fn features(site: &Site, docs: &Docs<'_>, diags: &mut Vec<Diagnostic>) {
    for (pi, p) in site.pathways.iter().enumerate() {
        let showing: Vec<usize> = (0..p.sections.len())
            .filter(|&i| {
                docs.get(pi, i)
                    .is_some_and(super::docs::SectionDoc::has_self_check)
            })
            .collect();
        match (&p.self_check, showing.as_slice()) {
            (Some(check), []) => diags.push(file_error(
                &check.file,
                "no section shows this self-check; put `{{ self-check }}` alone on a line in the section that should",
            )),
            (Some(_), [_, second, ..]) => {
                let file = &p.sections[*second].file;
                let at = docs
                    .get(pi, *second)
                    .and_then(|d| d.doc.shortcodes.iter().find(|(s, _)| s == "self-check"))
                    .map_or(0, |(_, at)| *at);
                diags.push(file.error(
                    at,
                    "the self-check is shown by another section already; keep `{{ self-check }}` in one section",
                ));
            }
            _ => {}
        }
    }
}

/// An alias may not take a path the site serves (a page of any edition,
/// an edition's prefix, `/healthz`, `/static/...`): each is an error at
/// the alias.
pub(crate) fn aliases(sites: &[Site], diags: &mut Vec<Diagnostic>) {
    let reserved = registry::reserved_segments(sites);
    for p in sites.iter().flat_map(|s| &s.pathways) {
        for a in &p.aliases {
            let first = a.href.trim_start_matches('/').split('/').next();
            if first.is_some_and(|f| reserved.contains(&f.to_ascii_lowercase())) {
                diags.push(a.file.error(
                    a.offset,
                    format!(
                        "the alias `{}` is a path the site serves already; choose another alias",
                        a.href
                    ),
                ));
            }
        }
    }
}

/// Glossary terms no page uses (a warning).
pub(crate) fn unused_terms(site: &Site, docs: &Docs<'_>, diags: &mut Vec<Diagnostic>) {
    let used: HashSet<&str> = docs
        .sections
        .values()
        .flat_map(|d| d.doc.terms.iter().map(String::as_str))
        .collect();
    for t in &site.glossary {
        if !used.contains(t.id.as_str()) {
            let (path, line, col) = t.defined_at.clone();
            diags.push(Diagnostic {
                path,
                line,
                col,
                severity: Severity::Warning,
                message: format!(
                    "the glossary term `{}` is not used on any page; use it or remove it",
                    t.term
                ),
            });
        }
    }
}

/// A link to check: where it is written, and the page it sits on.
struct LinkAt {
    file: Arc<SourceFile>,
    offset: usize,
    href: String,
    page: String,
}

/// Check links, anchors, ids and paths on the rendered pages.
pub(crate) fn rendered(
    site: &Site,
    docs: &Docs<'_>,
    pages: &[(Page<'_>, Vec<String>)],
    assets: &dyn Fn(&str) -> bool,
    diags: &mut Vec<Diagnostic>,
) {
    // An explicit `{#id}` used twice in one section, or one the layout
    // uses, is reported by the renderer at its heading; the pages that show
    // the section (with or without an id prefix) are not reported again.
    let reported: HashSet<&str> = docs
        .sections
        .values()
        .flat_map(|d| {
            let mut once = HashSet::new();
            d.doc
                .ids
                .iter()
                .filter(move |(id, _)| {
                    !once.insert(id.as_str())
                        || super::docs::SECTION_LAYOUT_IDS.contains(&id.as_str())
                })
                .map(|(id, _)| id.as_str())
        })
        .collect();
    // The id itself, or a prefixed copy (`p-3-<id>`): every tail after a `-`.
    let echoes = |id: &str| {
        reported.contains(id)
            || id
                .match_indices('-')
                .any(|(i, _)| reported.contains(&id[i + 1..]))
    };
    // Each page's ids, read from its HTML; an id twice is an error.
    let mut anchors: HashMap<String, HashSet<&str>> = HashMap::new();
    let mut first: HashMap<String, &Page<'_>> = HashMap::new();
    for (page, ids) in pages {
        let path = page.path();
        let mut seen = HashSet::new();
        for id in ids.iter().map(String::as_str) {
            if !seen.insert(id) && !echoes(id) {
                diags.push(duplicate_id(site, docs, page, id));
            }
        }
        if anchors.insert(path.clone(), seen).is_some() {
            let other = first.get(&path).copied().unwrap_or(page);
            let section = if matches!(page, Page::Section(..)) {
                page
            } else {
                other
            };
            diags.push(duplicate_path(section, &path));
        }
        first.entry(path).or_insert(page);
    }
    // The search page exists without being stored.
    anchors.insert(Page::Search(site).path(), HashSet::new());
    let mut aliases: HashMap<String, String> = HashMap::new();
    for p in &site.pathways {
        for a in &p.aliases {
            aliases.insert(a.href.clone(), registry::pathway_path(p));
        }
    }
    let mut links: Vec<LinkAt> = site
        .links
        .iter()
        .map(|l| LinkAt {
            file: l.file.clone(),
            offset: l.offset,
            href: l.href.clone(),
            page: String::new(),
        })
        .collect();
    for (pi, p) in site.pathways.iter().enumerate() {
        for (si, s) in p.sections.iter().enumerate() {
            if let Some(d) = docs.get(pi, si) {
                let page = Page::Section(p, si).path();
                links.extend(d.doc.links.iter().map(|l| LinkAt {
                    file: s.file.clone(),
                    offset: l.offset,
                    href: l.href.clone(),
                    page: page.clone(),
                }));
            }
        }
    }
    let glossary = Page::Glossary(site).path();
    let mut listed = HashMap::new();
    let known = Known {
        anchors: &anchors,
        aliases: &aliases,
        glossary: &glossary,
        assets,
    };
    for link in links {
        if let Some(d) = check_link(&link, &known, &mut listed) {
            diags.push(link.file.error(link.offset, d));
        }
    }
}

/// What links are checked against.
struct Known<'k, 'p> {
    anchors: &'k HashMap<String, HashSet<&'p str>>,
    aliases: &'k HashMap<String, String>,
    glossary: &'k str,
    assets: &'k dyn Fn(&str) -> bool,
}

/// `listed` keeps, per page, the anchors a message lists: made once per
/// page, however many links miss an anchor there.
fn check_link(
    link: &LinkAt,
    known: &Known<'_, '_>,
    listed: &mut HashMap<String, String>,
) -> Option<String> {
    let Known {
        anchors,
        aliases,
        glossary,
        assets,
    } = known;
    let href = link.href.as_str();
    if let Some(name) = href.strip_prefix("/static/") {
        return (!assets(name))
            .then(|| format!("`{href}` is not a file in static/; add the file or fix the path"));
    }
    let (path, anchor) = match href.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let path = if path.is_empty() {
        link.page.as_str()
    } else {
        path
    };
    let Some(ids) = anchors.get(path) else {
        return Some(match aliases.get(path) {
            Some(canonical) => format!(
                "the link `{href}` uses the alias `{path}`; link to `{canonical}` instead so the URL is stable"
            ),
            None => format!(
                "the link `{href}` goes to `{path}`, which is not a page of this site; fix the path"
            ),
        });
    };
    let anchor = anchor.filter(|a| !a.is_empty())?;
    if ids.contains(anchor) {
        return None;
    }
    Some(if path == *glossary {
        format!(
            "the glossary has no term `{anchor}`; add it to glossary.toml or fix the link `{href}`"
        )
    } else {
        let there = listed.entry(path.to_string()).or_insert_with(|| {
            let mut known: Vec<&str> = ids.iter().copied().collect();
            known.sort_unstable();
            crate::diag::listed(known.iter().map(|k| (*k).to_string()))
        });
        format!(
            "the anchor `#{anchor}` in link `{href}` does not exist on {path}; anchors there: {there}"
        )
    })
}

/// An id twice on a page: point at the section heading that made it, if one
/// did, else at the page's templates.
fn duplicate_id(site: &Site, docs: &Docs<'_>, page: &Page<'_>, id: &str) -> Diagnostic {
    if let Page::Section(p, i) = page {
        let pi = site.index_of(p);
        let s = &p.sections[*i];
        if let Some(d) = docs.get(pi, *i)
            && let Some((_, offset)) = d.doc.ids.iter().find(|(x, _)| x == id)
        {
            return s.file.error(
                *offset,
                format!(
                    "the id `{id}` appears twice on {}; give this heading another `{{#id}}`",
                    page.path()
                ),
            );
        }
    }
    file_error(
        std::path::Path::new("templates"),
        format!("the id `{id}` appears twice on {}", page.path()),
    )
}

fn duplicate_path(page: &Page<'_>, path: &str) -> Diagnostic {
    match page {
        Page::Section(p, i) => {
            let names = registry::PATHWAY_PAGES.join(", ");
            file_error(
                &p.sections[*i].file.path,
                format!(
                    "this section's address {path} belongs to another page; a section may not be named {names}, so rename the file and its entry in `sections`"
                ),
            )
        }
        _ => file_error(
            std::path::Path::new("templates"),
            format!("two pages have the address {path}"),
        ),
    }
}

/// A sentence that says a source "gives no" figure of a kind the data has
/// (openings, the spread of pay, industries) is a warning at its words:
/// before writing that a source has none, look. A sentence naming an
/// occupation is checked against that occupation's data only.
pub(crate) fn gives_no(site: &Site, diags: &mut Vec<Diagnostic>) {
    const NEGATIONS: [&str; 6] = [
        "gives no",
        "give no",
        "does not give",
        "do not give",
        "has no ",
        "have no ",
    ];
    for p in &site.pathways {
        let groups: Vec<_> = p.groups.iter().filter(|g| !g.history).collect();
        for sec in &p.sections {
            let body = sec.body();
            let mut start = 0;
            for (i, c) in body.char_indices() {
                let end = matches!(c, '.' | '!' | '?' | '\n');
                if !end && i + c.len_utf8() < body.len() {
                    continue;
                }
                let sentence = body[start..i + c.len_utf8()].to_ascii_lowercase();
                let from = start;
                start = i + c.len_utf8();
                let Some(at) = NEGATIONS.iter().filter_map(|n| sentence.find(n)).min() else {
                    continue;
                };
                let named: Vec<_> = groups
                    .iter()
                    .filter(|g| sentence.contains(&g.title.to_ascii_lowercase()))
                    .collect();
                let about: Vec<_> = if named.is_empty() {
                    groups.iter().collect()
                } else {
                    named
                };
                let kinds: [(&str, &[&str], bool); 3] = [
                    (
                        "openings",
                        &["openings"],
                        about.iter().any(|g| !g.openings.is_empty()),
                    ),
                    (
                        "pay_range",
                        &["spread", "percentile", "pay range"],
                        about
                            .iter()
                            .any(|g| g.pay.iter().any(|x| x.p10.is_some() && x.p90.is_some())),
                    ),
                    (
                        "industries",
                        &["industr"],
                        about.iter().any(|g| !g.industries.is_empty()),
                    ),
                ];
                for (kind, words, has) in kinds {
                    if has && words.iter().any(|w| sentence.contains(w)) {
                        diags.push(sec.file.warning(
                            sec.body_start + from + at,
                            format!("this sentence says a source gives no {kind} figure, but the data has one; show it with a shortcode, or say what we could not confirm"),
                        ));
                    }
                }
            }
        }
    }
}

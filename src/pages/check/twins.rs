//! A translation held to its original: the same shortcodes in the same
//! order, and the same internal link targets.

use super::super::docs::Docs;
use crate::content::Site;
use crate::diag::{Diagnostic, file_error};
use crate::registry;
use std::collections::HashSet;

/// A translated section has the same ids as the default edition's, so a
/// link to `#id` works in every language: an id only in the translation is
/// an error at its heading, one only in the original at the file's top.
pub(crate) fn twins(
    original: &Site,
    first: &Docs<'_>,
    site: &Site,
    docs: &Docs<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    for (&(pi, si), d) in &docs.sections {
        let (Some(en), Some(p), Some(op)) = (
            first.get(pi, si),
            site.pathways.get(pi),
            original.pathways.get(pi),
        ) else {
            continue;
        };
        let (Some(s), Some(os)) = (p.sections.get(si), op.sections.get(si)) else {
            continue;
        };
        same_shortcodes(s, os, &d.doc, &en.doc, diags);
        same_links(s, os, &site.prefix, &d.doc, &en.doc, diags);
        let ours: HashSet<&str> = d.doc.ids.iter().map(|(id, _)| id.as_str()).collect();
        let theirs: HashSet<&str> = en.doc.ids.iter().map(|(id, _)| id.as_str()).collect();
        for (id, offset) in &d.doc.ids {
            if !theirs.contains(id.as_str()) {
                diags.push(s.file.error(
                    *offset,
                    format!(
                        "the id `{id}` is not in {}; give this heading the original's `{{#id}}` so links to it work in every language",
                        os.file.path.display()
                    ),
                ));
            }
        }
        let mut missing: Vec<&str> = en
            .doc
            .ids
            .iter()
            .map(|(id, _)| id.as_str())
            .filter(|id| !ours.contains(id))
            .collect();
        missing.dedup();
        if !missing.is_empty() {
            diags.push(file_error(
                &s.file.path,
                format!(
                    "{} has the id(s) {} that this translation lacks; give the matching headings `{{#id}}`",
                    os.file.path.display(),
                    crate::diag::listed(missing.iter().map(|m| format!("`{m}`")))
                ),
            ));
        }
    }
}

/// A translated section uses its original's shortcodes, in the same order:
/// the first that differs is an error where the translation has it (or at
/// its end, when it lacks one).
fn same_shortcodes(
    s: &crate::content::Section,
    os: &crate::content::Section,
    ours: &crate::markdown::Rendered,
    theirs: &crate::markdown::Rendered,
    diags: &mut Vec<Diagnostic>,
) {
    let mut pairs = ours.shortcodes.iter().zip(&theirs.shortcodes);
    if let Some(((mine, at), (original, _))) = pairs.find(|((a, _), (b, _))| a != b) {
        diags.push(s.file.error(
            *at,
            format!(
                "this translation has `{{{{ {mine} }}}}` where {} has `{{{{ {original} }}}}`; a translation uses the original's shortcodes, in the same order",
                os.file.path.display()
            ),
        ));
    } else if let Some((extra, at)) = ours.shortcodes.get(theirs.shortcodes.len()) {
        diags.push(s.file.error(
            *at,
            format!(
                "{} has no `{{{{ {extra} }}}}` here; a translation uses the original's shortcodes, in the same order",
                os.file.path.display()
            ),
        ));
    } else if let Some((lacking, _)) = theirs.shortcodes.get(ours.shortcodes.len()) {
        diags.push(s.file.error(
            s.file.text.len(),
            format!(
                "this translation lacks `{{{{ {lacking} }}}}`, which {} has next; a translation uses the original's shortcodes, in the same order",
                os.file.path.display()
            ),
        ));
    }
}

/// A translated section links to the pages and anchors its original links
/// to: a target only in the translation is an error at its link, one only
/// in the original an error at the translation's text.
fn same_links(
    s: &crate::content::Section,
    os: &crate::content::Section,
    prefix: &str,
    ours: &crate::markdown::Rendered,
    theirs: &crate::markdown::Rendered,
    diags: &mut Vec<Diagnostic>,
) {
    // The translation's links carry the edition's prefix.
    let bare = |href: &str| {
        if href.starts_with('#') {
            href.to_string()
        } else {
            registry::twin(href, prefix, "")
        }
    };
    let original: HashSet<String> = theirs.links.iter().map(|l| bare(&l.href)).collect();
    let mut translated = HashSet::new();
    for l in &ours.links {
        let target = bare(&l.href);
        if !original.contains(&target) {
            diags.push(s.file.error(
                l.offset,
                format!(
                    "{} has no link to `{target}`; a translation links to the same pages and anchors as its original",
                    os.file.path.display()
                ),
            ));
        }
        translated.insert(target);
    }
    let mut lacking: Vec<&String> = original.difference(&translated).collect();
    lacking.sort();
    if !lacking.is_empty() {
        diags.push(s.file.error(
            s.body_start,
            format!(
                "{} links to {} and this translation does not; a translation links to the same pages and anchors as its original",
                os.file.path.display(),
                crate::diag::listed(lacking.iter().map(|t| format!("`{t}`")))
            ),
        ));
    }
}

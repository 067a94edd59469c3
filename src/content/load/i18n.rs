//! Editions in other languages: the English site with its words replaced
//! from the translation files beside each English file (`*.<lang>.toml`,
//! `<section>.<lang>.md`, `ui/<lang>.toml`). Figures, ids, links and
//! structure are the English site's own, so they cannot differ. A page or
//! an id that exists in one language and not the other is an error at the
//! file that has it.

use super::Loader;
use crate::content::words::{
    CheckWords, GlossaryWords, MapWords, PathwayWords, ResourcesWords, SiteWords, SourcesWords,
};
use crate::content::{Link, Pathway, Site};
use crate::diag::{SourceFile, file_error};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// `dir/name.toml` → `dir/name.<lang>.toml`.
fn twin(path: &Path, lang: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}.{lang}.{ext}"))
}

/// Prefix a site path with the edition's (`/pathways/x` → `/<lang>/pathways/x`).
fn localize(prefix: &str, href: &str) -> String {
    if href.starts_with('/') {
        crate::util::text::in_edition(prefix, href)
    } else {
        href.to_string()
    }
}

fn localize_links(prefix: &str, links: &mut [Link]) {
    for l in links {
        l.href = localize(prefix, &l.href);
    }
}

impl Loader {
    /// Report every id of `english` missing from `words`, and every id of
    /// `words` that English does not have.
    fn same_ids<'a>(
        &mut self,
        file: &SourceFile,
        what: &str,
        table: &str,
        english: impl Iterator<Item = &'a str>,
        words: &BTreeMap<String, impl Sized>,
    ) {
        let english: Vec<&str> = english.collect();
        for id in &english {
            if !words.contains_key(*id) {
                self.push(file_error(
                    &file.path,
                    format!("the {what} `{id}` has no translation here; add `[{table}.{id}]`"),
                ));
            }
        }
        for id in words.keys() {
            if !english.contains(&id.as_str()) {
                let at = file.find_from(0, id);
                self.push(file.error(
                    at,
                    format!(
                        "there is no {what} `{id}` in the English file; remove it or fix the id"
                    ),
                ));
            }
        }
    }

    /// The `lang` edition of the English site.
    pub(super) fn translate(&mut self, en: &Site, lang: &str) -> Option<Site> {
        let mut site = en.clone();
        site.prefix = format!("/{lang}");
        site.ui = self.ui(lang)?;
        site.locale = site.ui.locale.clone();
        site.warnings = Vec::new();
        let root = self.root.clone();
        if let Some((file, w)) = self.toml_file::<SiteWords>(&twin(&root.join("site.toml"), lang)) {
            self.check_description(&file, &w.description);
            w.apply(&mut site);
            w.about.apply(&mut site.about);
        }
        let places = twin(&root.join("places.toml"), lang);
        if fs::symlink_metadata(&places).is_ok()
            && let Some((file, w)) = self.toml_file::<crate::content::words::PlacesWords>(&places)
        {
            for (postal, name) in w.names {
                match site.places.iter_mut().find(|p| p.postal == postal) {
                    Some(p) => p.name = Some(name),
                    None => {
                        let at = file.find_from(0, &format!("{postal} ="));
                        self.push(file.error(at, format!("there is no place `{postal}` in places.toml; use a postal code listed there")));
                    }
                }
            }
        }
        let sources = twin(&root.join("sources.toml"), lang);
        if fs::symlink_metadata(&sources).is_ok()
            && let Some((file, w)) = self.toml_file::<SourcesWords>(&sources)
        {
            for (id, sw) in w {
                let Some(src) = site.sources.get_mut(&id) else {
                    let at = file.find_from(0, &format!("[{id}]"));
                    self.push(file.error(
                        at,
                        format!(
                            "there is no source `{id}` in sources.toml; remove it or fix the id"
                        ),
                    ));
                    continue;
                };
                if let Some(t) = sw.title {
                    src.title = t;
                }
                if sw.edition.is_some() {
                    src.edition = sw.edition;
                }
                if let Some(p) = sw.publisher {
                    src.publisher = p;
                }
            }
        }
        if let Some((file, w)) =
            self.toml_file::<GlossaryWords>(&twin(&root.join("glossary.toml"), lang))
        {
            self.same_ids(
                &file,
                "term",
                "terms",
                en.glossary.iter().map(|t| t.id.as_str()),
                &w.terms,
            );
            // Where each `[terms.<id>]` table starts, found in one pass.
            let mut tables: HashMap<&str, usize> = HashMap::new();
            for (i, _) in file.text.match_indices("[terms.") {
                let rest = &file.text[i + 7..];
                if let Some(end) = rest.find([']', '\n'])
                    && rest[end..].starts_with(']')
                {
                    tables.entry(&rest[..end]).or_insert(i);
                }
            }
            for t in &mut site.glossary {
                if let Some(tw) = w.terms.get(&t.id) {
                    let at = tables.get(t.id.as_str()).copied().unwrap_or(0);
                    let (line, col) = file.line_col(at);
                    t.term = tw.term.clone();
                    tw.apply(t);
                    t.defined_at = (file.path.clone(), line, col);
                    if let Some(form) = t.too_long() {
                        let e = file.error(at, super::lists::too_long(form));
                        self.push(e);
                    }
                }
            }
            site.glossary.sort_by_key(|t| t.term.to_lowercase());
        }
        if let Some((file, w)) =
            self.toml_file::<ResourcesWords>(&twin(&root.join("resources.toml"), lang))
        {
            if w.resources.len() == site.resources.len() {
                for (r, rw) in site.resources.iter_mut().zip(&w.resources) {
                    rw.apply(r);
                }
            } else {
                self.push(file_error(
                    &file.path,
                    format!(
                        "lists {} resources, but resources.toml lists {}; translate each one, in the same order",
                        w.resources.len(),
                        site.resources.len()
                    ),
                ));
            }
        }
        for l in &mut site.links {
            l.href = localize(&site.prefix, &l.href);
        }
        let prefix = site.prefix.clone();
        for (i, p) in site.pathways.iter_mut().enumerate() {
            p.prefix.clone_from(&prefix);
            // Aliases (`/him`) lead to the default edition only.
            p.aliases.clear();
            self.translate_pathway(&root, en, &en.pathways[i], p, lang);
        }
        Some(site)
    }

    fn translate_pathway(
        &mut self,
        root: &Path,
        en: &Site,
        en_p: &Pathway,
        p: &mut Pathway,
        lang: &str,
    ) {
        let dir = root.join("pathways").join(&p.slug);
        let prefix = p.prefix.clone();
        localize_links(&prefix, &mut p.first_steps);
        if let Some((file, w)) =
            self.toml_file::<PathwayWords>(&twin(&dir.join("pathway.toml"), lang))
        {
            self.check_description(&file, &w.description);
            w.apply(p);
            let current: Vec<String> = p.occupations().map(|g| g.id.clone()).collect();
            let past: Vec<String> = p.history().map(|g| g.id.clone()).collect();
            self.same_ids(
                &file,
                "occupation",
                "occupations",
                current.iter().map(String::as_str),
                &w.occupations,
            );
            self.same_ids(
                &file,
                "history",
                "history",
                past.iter().map(String::as_str),
                &w.history,
            );
            for g in &mut p.groups {
                let words = if g.history {
                    &w.history
                } else {
                    &w.occupations
                };
                let Some(gw) = words.get(&g.id) else { continue };
                gw.apply(g);
                if let (Some(e), Some(ew)) = (&mut g.entry_education, &gw.entry_education) {
                    ew.apply(e);
                }
                for i in &mut g.industries {
                    match w.industries.get(&i.name) {
                        Some(name) => i.name.clone_from(name),
                        None => self.push(file_error(
                            &file.path,
                            format!(
                                "the industry “{}” has no translation; add it under [industries]",
                                i.name
                            ),
                        )),
                    }
                }
            }
            if w.first_steps.len() == p.first_steps.len() {
                for (l, t) in p.first_steps.iter_mut().zip(&w.first_steps) {
                    t.apply(l);
                }
            } else {
                self.push(file_error(
                    &file.path,
                    format!(
                        "lists {} first steps, but pathway.toml lists {}; translate each one, in the same order",
                        w.first_steps.len(),
                        p.first_steps.len()
                    ),
                ));
            }
        }
        if let Some(map) = &mut p.career_map
            && let Some((file, w)) =
                self.toml_file::<MapWords>(&twin(&dir.join("career-map.toml"), lang))
        {
            let levels: Vec<String> = map.levels.iter().map(|l| l.id.clone()).collect();
            let titles: Vec<String> = map.titles.iter().map(|t| t.id.clone()).collect();
            self.same_ids(
                &file,
                "level",
                "levels",
                levels.iter().map(String::as_str),
                &w.levels,
            );
            self.same_ids(
                &file,
                "title",
                "titles",
                titles.iter().map(String::as_str),
                &w.titles,
            );
            for l in &mut map.levels {
                if let Some(lw) = w.levels.get(&l.id) {
                    lw.apply(l);
                }
            }
            for t in &mut map.titles {
                if let Some(tw) = w.titles.get(&t.id) {
                    tw.apply(t);
                }
            }
        }
        if let Some(check) = &mut p.self_check {
            localize_links(&prefix, &mut check.next_steps);
            for o in &mut check.outcomes {
                o.read_next.href = localize(&prefix, &o.read_next.href);
            }
            for s in &mut check.statements {
                localize_links(&prefix, &mut s.read_more);
            }
            if let Some((file, w)) =
                self.toml_file::<CheckWords>(&twin(&dir.join("self-check.toml"), lang))
            {
                let ids: Vec<String> = check.statements.iter().map(|s| s.id.to_string()).collect();
                self.same_ids(
                    &file,
                    "statement",
                    "statements",
                    ids.iter().map(String::as_str),
                    &w.statements,
                );
                w.apply(check);
                let mut words = |links: &mut Vec<Link>, texts: &[String], what: &str| {
                    if texts.len() == links.len() {
                        for (l, t) in links.iter_mut().zip(texts) {
                            l.text.clone_from(t);
                        }
                    } else {
                        self.push(file_error(
                            &file.path,
                            format!("{what} has {} link words, but the English has {}; translate each one, in order", texts.len(), links.len()),
                        ));
                    }
                };
                words(&mut check.next_steps, &w.next_steps, "`next_steps`");
                for s in &mut check.statements {
                    if let Some(sw) = w.statements.get(&s.id.to_string()) {
                        sw.apply(s);
                        words(
                            &mut s.read_more,
                            &sw.read_more,
                            &format!("statement {}'s `read_more`", s.id),
                        );
                    }
                }
                let o = &w.outcomes;
                for (outcome, ow) in check.outcomes.iter_mut().zip([&o.yes, &o.mixed, &o.no]) {
                    ow.apply(outcome);
                    outcome.read_next.text.clone_from(&ow.read_next);
                }
            }
        }
        // Sections: each English section has its twin `<slug>.<lang>.md`.
        let mut sections = Vec::new();
        for s in &p.sections {
            let path = dir.join(format!("{}.{lang}.md", s.slug));
            if fs::symlink_metadata(&path).is_err() {
                self.push(file_error(
                    &s.file.path,
                    format!(
                        "has no translation {}; write it (same headings' ids, same shortcodes)",
                        path.display()
                    ),
                ));
                continue;
            }
            if let Some(t) = self.section_file(&path, &s.slug, en_p, en) {
                sections.push(t);
            }
        }
        // A translation with no English section.
        if let Ok(entries) = fs::read_dir(&dir) {
            let suffix = format!(".{lang}.md");
            let mut extra: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|path| {
                    path.file_name()
                        .and_then(|n| n.to_str())
                        .and_then(|n| n.strip_suffix(&suffix))
                        .is_some_and(|stem| !p.sections.iter().any(|s| s.slug == stem))
                })
                .collect();
            extra.sort();
            for path in extra {
                self.push(file_error(
                    &path,
                    "has no English section; add the English file and list it in `sections`, or delete this one",
                ));
            }
        }
        if sections.len() == p.sections.len() {
            p.sections = sections;
        }
    }
}

//! The site-wide lists: sources.toml, glossary.toml and resources.toml.

use super::Loader;
use crate::content::model;
use crate::content::{Resource, ResourceKind, Source, Term};
use crate::util::text::is_valid_id;
use std::collections::{BTreeMap, HashSet};

impl Loader {
    pub(super) fn sources(&mut self) -> Option<BTreeMap<String, Source>> {
        let (file, raw) =
            self.toml_file::<BTreeMap<String, model::SourceFile>>(&self.root.join("sources.toml"))?;
        let mut out = BTreeMap::new();
        for (id, s) in raw {
            if !is_valid_id(&id) {
                let at = file.find_from(0, &format!("[{id}]"));
                self.push(file.error(
                    at,
                    format!("source id `{id}` may use only lowercase letters, digits and hyphens"),
                ));
            }
            self.check_url(&file, &s.url);
            out.insert(
                id.clone(),
                Source {
                    id,
                    title: s.title,
                    edition: s.edition,
                    publisher: s.publisher,
                    url: s.url.into_inner(),
                },
            );
        }
        Some(out)
    }

    pub(super) fn glossary(&mut self) -> Option<Vec<Term>> {
        let (file, raw) = self
            .toml_file::<crate::content::words::GlossaryFile>(&self.root.join("glossary.toml"))?;
        let mut ids = HashSet::new();
        let mut words = HashSet::new();
        let mut out = Vec::new();
        for t in raw.terms {
            if !is_valid_id(t.id.get_ref()) {
                self.push(file.error(
                    t.id.span().start,
                    "a term id may use only lowercase letters, digits and hyphens",
                ));
            }
            if !ids.insert(t.id.get_ref().clone()) {
                self.push(file.error(
                    t.id.span().start,
                    format!(
                        "the term id `{}` is used twice; glossary anchors must be unique",
                        t.id.get_ref()
                    ),
                ));
            }
            if !words.insert(t.term.get_ref().to_lowercase()) {
                self.push(file.error(
                    t.term.span().start,
                    format!("the term `{}` is defined twice", t.term.get_ref()),
                ));
            }
            let (line, col) = file.line_col(t.id.span().start);
            let mut term = Term {
                defined_at: (file.path.clone(), line, col),
                id: t.id.get_ref().clone(),
                term: t.term.get_ref().clone(),
                ..Term::default()
            };
            let at = t.term.span().start;
            t.apply(&mut term);
            if let Some(form) = term.too_long() {
                self.push(file.error(at, too_long(form)));
            }
            out.push(term);
        }
        out.sort_by_key(|t| t.term.to_lowercase());
        Some(out)
    }

    pub(super) fn resources(&mut self) -> Option<Vec<Resource>> {
        let (file, raw) = self
            .toml_file::<crate::content::words::ResourcesFile>(&self.root.join("resources.toml"))?;
        let mut out = Vec::new();
        for r in raw.resources {
            self.check_url(&file, &r.url);
            let Some(kind) = ResourceKind::parse(r.kind.get_ref()) else {
                self.push(file.error(
                    r.kind.span().start,
                    format!(
                        "`{}` is not a resource kind; use one of certification, accreditation, education, data",
                        r.kind.get_ref()
                    ),
                ));
                continue;
            };
            out.push(Resource {
                title: r.title,
                organisation: r.organisation,
                kind,
                why: r.why,
                url: r.url.into_inner(),
            });
        }
        Some(out)
    }
}

/// The error for a glossary term (or `also` form) that is too long.
pub(super) fn too_long(form: &str) -> String {
    format!(
        "the term `{}...` is over {} characters; a glossary term is a word or a short phrase: put the rest in its definition",
        form.chars().take(30).collect::<String>(),
        Term::MAX_CHARS
    )
}

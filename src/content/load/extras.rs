//! The files beside pathway.toml: section front matter, the career map and
//! the self-check.

use super::Loader;
use crate::content::model;
use crate::content::{
    CareerMap, JobTitle, Level, Move, MoveKind, Outcome, Pathway, Section, SelfCheck, Site,
    Statement,
};
use crate::diag::{SourceFile, file_error};
use crate::util::text::is_valid_id;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

impl Loader {
    /// The sections listed in pathway.toml, in order; a listed file that is
    /// missing, or a Markdown file that is not listed, is an error.
    pub(super) fn sections(
        &mut self,
        site: &Site,
        dir: &Path,
        file: &SourceFile,
        listed: &[Spanned<String>],
        pathway: &Pathway,
    ) -> Vec<Section> {
        let mut seen = HashSet::new();
        let mut sections = Vec::new();
        for s in listed {
            let name = s.get_ref();
            if !is_valid_id(name) {
                self.push(file.error(s.span().start, format!("the section `{name}` is part of a URL; use only lowercase letters, digits and hyphens")));
                continue;
            }
            if !seen.insert(name.clone()) {
                self.push(file.error(
                    s.span().start,
                    format!("the section `{name}` is listed twice"),
                ));
                continue;
            }
            let path = dir.join(format!("{name}.md"));
            if fs::symlink_metadata(&path).is_err() {
                self.push(file.error(
                    s.span().start,
                    format!("the section `{name}` is listed but {} does not exist; create it or remove it from `sections`", path.display()),
                ));
                continue;
            }
            if let Some(section) = self.section_file(&path, name, pathway, site) {
                sections.push(section);
            }
        }
        if let Ok(entries) = fs::read_dir(dir) {
            let mut extra: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                // `name.<lang>.md` is a translation, checked with its edition.
                .filter(|p| {
                    p.file_stem()
                        .is_some_and(|s| !s.to_string_lossy().contains('.'))
                })
                .filter(|p| {
                    p.file_stem()
                        .is_some_and(|s| !seen.contains(&*s.to_string_lossy()))
                })
                .collect();
            extra.sort();
            for p in extra {
                let stem = p
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                self.push(file_error(
                    &p,
                    format!(
                        "is not listed in {}; add \"{stem}\" to `sections` or delete the file",
                        file.path.display()
                    ),
                ));
            }
        }
        sections
    }

    /// One section file: front matter checked, Markdown kept for rendering.
    pub(super) fn section_file(
        &mut self,
        path: &Path,
        slug: &str,
        pathway: &Pathway,
        site: &Site,
    ) -> Option<Section> {
        let file = self.read(path)?;
        let Some((fm_start, fm, body_start)) = crate::content::split_front_matter(&file.text)
        else {
            self.push(file.error(
                0,
                "has no front matter: start the file with a line `+++`, then title, nav_title, summary and sources, then another `+++`",
            ));
            return None;
        };
        let fm_text = fm.to_string();
        let front: model::FrontMatter = self.parse(&file, &fm_text, fm_start)?;
        let shift = |s: &Spanned<String>| {
            let span = s.span();
            Spanned::new(
                span.start + fm_start..span.end + fm_start,
                s.get_ref().clone(),
            )
        };
        self.check_description(&file, &shift(&front.summary));
        if let Some(a) = &front.answer {
            self.check_answer(&file, &shift(a));
        }
        let mut sources = Vec::new();
        for s in &front.sources {
            if !site.sources.contains_key(s.get_ref()) {
                self.push(file.error(
                    fm_start + s.span().start,
                    format!(
                        "the source `{}` is not in sources.toml; add it there or fix the id",
                        s.get_ref()
                    ),
                ));
            } else if !sources.contains(s.get_ref()) {
                sources.push(s.get_ref().clone());
            }
        }
        let key_figure = front
            .key_figure
            .as_ref()
            .and_then(|k| self.figure_name(&file, &shift(k), pathway, site));
        Some(Section {
            slug: slug.to_string(),
            title: front.title,
            nav_title: front.nav_title,
            summary: front.summary.into_inner(),
            answer: front.answer.map(|a| a.into_inner().trim().to_string()),
            sources,
            key_figure,
            file,
            body_start,
        })
    }

    pub(super) fn career_map(&mut self, dir: &Path, pathway: &Pathway) -> Option<CareerMap> {
        let path = dir.join("career-map.toml");
        fs::symlink_metadata(&path).ok()?;
        let (file, raw) = self.toml_file::<crate::content::words::CareerMapFile>(&path)?;
        let mut levels = Vec::new();
        let mut rank: HashMap<String, usize> = HashMap::new();
        for l in raw.levels {
            if levels.len() == CareerMap::MAX_LEVELS {
                self.push(file.error(
                    l.id.span().start,
                    format!(
                        "a career map has at most {} levels; merge this one with another",
                        CareerMap::MAX_LEVELS
                    ),
                ));
            }
            if rank.insert(l.id.get_ref().clone(), levels.len()).is_some() {
                self.push(file.error(
                    l.id.span().start,
                    format!("the level `{}` is listed twice", l.id.get_ref()),
                ));
            }
            let mut level = Level {
                id: l.id.get_ref().clone(),
                ..Level::default()
            };
            l.apply(&mut level);
            levels.push(level);
        }
        let level_of: HashMap<String, String> = raw
            .titles
            .iter()
            .map(|t| (t.id.get_ref().clone(), t.education.get_ref().clone()))
            .collect();
        let mut seen = HashSet::new();
        let mut titles = Vec::new();
        let mut per_level: HashMap<String, usize> = HashMap::new();
        for t in raw.titles {
            let id = t.id.get_ref().clone();
            let here = per_level.entry(t.education.get_ref().clone()).or_default();
            *here += 1;
            if *here == CareerMap::MAX_TITLES_PER_LEVEL + 1 {
                self.push(file.error(
                    t.education.span().start,
                    format!(
                        "the level `{}` has more than {} titles; a career map shows at most {} per level, so keep the titles students meet most",
                        t.education.get_ref(),
                        CareerMap::MAX_TITLES_PER_LEVEL,
                        CareerMap::MAX_TITLES_PER_LEVEL
                    ),
                ));
            }
            if let Some(m) = t.moves.get(CareerMap::MAX_MOVES_PER_TITLE) {
                self.push(file.error(
                    m.to.span().start,
                    format!(
                        "`{id}` has more than {} moves; a title shows at most {}, so keep the most common",
                        CareerMap::MAX_MOVES_PER_TITLE,
                        CareerMap::MAX_MOVES_PER_TITLE
                    ),
                ));
            }
            if !is_valid_id(&id) {
                self.push(file.error(
                    t.id.span().start,
                    "a title id is an anchor: use only lowercase letters, digits and hyphens",
                ));
            }
            if !seen.insert(id.clone()) {
                self.push(file.error(
                    t.id.span().start,
                    format!("the title id `{id}` is used twice; anchors must be unique"),
                ));
            }
            match pathway.group(t.occupation.get_ref()) {
                Some(g) if !g.history => {}
                _ => self.push(file.error(
                    t.occupation.span().start,
                    format!(
                        "`{}` is not an occupation in pathway.toml (history groups cannot have titles)",
                        t.occupation.get_ref()
                    ),
                )),
            }
            if !rank.contains_key(t.education.get_ref()) {
                let known = crate::diag::listed(levels.iter().map(|l| l.id.clone()));
                self.push(file.error(
                    t.education.span().start,
                    format!(
                        "`{}` is not a level in [[levels]]; use one of {}",
                        t.education.get_ref(),
                        known
                    ),
                ));
            }
            let from_rank = rank.get(t.education.get_ref()).copied();
            let mut moves = Vec::new();
            for m in &t.moves {
                let kind = match m.kind.get_ref().as_str() {
                    "advance" => MoveKind::Advance,
                    "lateral" => MoveKind::Lateral,
                    other => {
                        self.push(file.error(
                            m.kind.span().start,
                            format!("`{other}` is not a kind of move; use `advance` (a step up) or `lateral` (a move across)"),
                        ));
                        continue;
                    }
                };
                let to = m.to.get_ref();
                let Some(to_level) = level_of.get(to) else {
                    self.push(file.error(
                        m.to.span().start,
                        format!("this move goes to `{to}`, which is not a title id in this file"),
                    ));
                    continue;
                };
                if to == &id {
                    self.push(file.error(m.to.span().start, "a title cannot move to itself"));
                    continue;
                }
                let to_rank = rank.get(to_level).copied();
                if let (Some(a), Some(b)) = (from_rank, to_rank) {
                    if kind == MoveKind::Advance && b < a {
                        self.push(file.error(
                            m.to.span().start,
                            format!("a step up from `{id}` ({}) cannot go to `{to}` at a lower level ({to_level}); make it a move from `{to}` instead", t.education.get_ref()),
                        ));
                    } else if kind == MoveKind::Lateral && a != b {
                        self.push(file.error(
                            m.kind.span().start,
                            format!("a move across stays at one level, but `{id}` ({}) and `{to}` ({to_level}) differ; use `advance` for a step up", t.education.get_ref()),
                        ));
                    }
                }
                moves.push(Move {
                    to: to.clone(),
                    kind,
                });
            }
            let mut title = JobTitle {
                id,
                occupation: t.occupation.get_ref().clone(),
                education: t.education.get_ref().clone(),
                credentials: t.credentials.clone(),
                moves,
                ..JobTitle::default()
            };
            t.apply(&mut title);
            titles.push(title);
        }
        Some(CareerMap { levels, titles })
    }

    pub(super) fn self_check(&mut self, site: &mut Site, dir: &Path) -> Option<SelfCheck> {
        let path = dir.join("self-check.toml");
        fs::symlink_metadata(&path).ok()?;
        let (file, raw) = self.toml_file::<crate::content::words::SelfCheckFile>(&path)?;
        let file: Arc<SourceFile> = file;
        let mut words = SelfCheck::default();
        raw.apply(&mut words);
        let mut ids = HashSet::new();
        let mut statements = Vec::new();
        for s in raw.statements {
            let id = *s.id.get_ref();
            if id == 0 || id > 99 {
                self.push(file.error(
                    s.id.span().start,
                    "statement ids are small numbers from 1 to 99",
                ));
            }
            if !ids.insert(id) {
                self.push(file.error(
                    s.id.span().start,
                    format!("the statement id {id} is used twice"),
                ));
            }
            let mut statement = Statement {
                id,
                ..Statement::default()
            };
            s.apply(&mut statement);
            statement.read_more = s
                .read_more
                .into_iter()
                .map(|l| self.data_link(site, &file, l))
                .collect();
            statements.push(statement);
        }
        if statements.is_empty() {
            self.push(file.error(0, "a self-check needs at least one [[statements]] entry"));
        }
        let next_steps = raw
            .next_steps
            .into_iter()
            .map(|l| self.data_link(site, &file, l))
            .collect();
        let o = raw.outcomes;
        let mut outcome = |x: crate::content::words::OutcomeFile| {
            let mut outcome = Outcome::default();
            x.apply(&mut outcome);
            outcome.read_next = self.data_link(site, &file, x.read_next);
            outcome
        };
        let outcomes = [outcome(o.yes), outcome(o.mixed), outcome(o.no)];
        Some(SelfCheck {
            statements,
            next_steps,
            outcomes,
            file: file.path.clone(),
            ..words
        })
    }
}

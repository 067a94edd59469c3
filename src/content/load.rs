//! Reading `content/`: files, TOML, front matter, cross-references, and
//! rendering every section. All problems are collected, then reported at once.

use super::model::{self, PathwayFile};
use super::{
    Baseline, CareerMap, Count, Date, Education, Fact, Growth, JobTitle, Level, Link, Move,
    MoveKind, Occupation, Pathway, Pay, Resource, ResourceKind, Section, SelfCheck, Site, Source,
    Statement, Term,
};
use crate::diag::{Diagnostic, Diagnostics, LoadError, SourceFile, file_error};
use crate::markdown::{self, Glossary, is_valid_id};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Largest content file we read; anything bigger is a mistake.
const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Link previews cut descriptions near here.
const MAX_DESCRIPTION: usize = 200;
/// Section slugs that are pages of their own.
const RESERVED_SECTIONS: &[&str] = &["career-map", "print"];

/// Load, validate and render everything under `dir`.
pub fn load(dir: &Path) -> Result<Site, LoadError> {
    let mut loader = Loader {
        root: dir.to_path_buf(),
        canonical_root: dir.canonicalize().ok(),
        diags: Diagnostics::default(),
    };
    let site = loader.site();
    let mut diags = loader.diags;
    diags.sort();
    match site {
        Some(mut site) if !diags.has_errors() => {
            site.warnings = diags.items;
            Ok(site)
        }
        _ => {
            if !diags.has_errors() {
                diags.push(file_error(dir, "the content could not be loaded"));
            }
            Err(LoadError {
                diagnostics: diags.items,
            })
        }
    }
}

struct Loader {
    root: PathBuf,
    canonical_root: Option<PathBuf>,
    diags: Diagnostics,
}

impl Loader {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Is `path`, with every symbolic link followed, inside the content
    /// folder? Reports an error when it is not.
    fn inside_root(&mut self, path: &Path) -> bool {
        let inside = match (fs::canonicalize(path), &self.canonical_root) {
            (Ok(real), Some(root)) => real.starts_with(root),
            _ => false,
        };
        if !inside {
            self.push(file_error(
                path,
                "leads outside the content folder (through a symbolic link); copy the files into the content folder instead",
            ));
        }
        inside
    }

    /// Read a file as UTF-8 text, refusing what cannot be content: paths
    /// that lead outside the content folder, anything but a regular file
    /// (a FIFO or a device is never opened for a blocking read), files over
    /// the size limit, text that is not UTF-8, and empty files.
    fn read(&mut self, path: &Path) -> Option<SourceFile> {
        if let Err(e) = fs::symlink_metadata(path) {
            self.push(file_error(path, format!("cannot be read: {e}")));
            return None;
        }
        if !self.inside_root(path) {
            return None;
        }
        let bytes = match read_regular_file(path, MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(ReadError::NotRegular) => {
                self.push(file_error(
                    path,
                    "is not a regular file (a folder, pipe or device); content must be plain text files",
                ));
                return None;
            }
            Err(ReadError::TooBig(len)) => {
                self.push(file_error(
                    path,
                    format!(
                        "is {:.1} MB; content files must be under {} MB, so split it or remove what does not belong",
                        len as f64 / 1_048_576.0,
                        MAX_FILE_BYTES / 1_048_576
                    ),
                ));
                return None;
            }
            Err(ReadError::Io(e)) => {
                self.push(file_error(path, format!("cannot be read: {e}")));
                return None;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let valid = String::from_utf8_lossy(&bytes[..at]).into_owned();
                let f = SourceFile::new(path, valid);
                self.push(f.error(
                    at,
                    format!(
                        "is not valid UTF-8 here (byte 0x{:02X}); save the file as UTF-8",
                        bytes[at]
                    ),
                ));
                return None;
            }
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text);
        if text.trim().is_empty() {
            self.push(file_error(
                path,
                "is empty; write its content or delete the file",
            ));
            return None;
        }
        Some(SourceFile::new(path, text))
    }

    /// Parse TOML text that starts at byte `base` of `file`.
    fn parse<T: DeserializeOwned>(
        &mut self,
        file: &SourceFile,
        text: &str,
        base: usize,
    ) -> Option<T> {
        match toml::from_str::<T>(text) {
            Ok(v) => Some(v),
            Err(e) => {
                let offset = base + e.span().map_or(0, |s| s.start);
                let msg = e.message().trim().to_string();
                let hint = toml_hint(&msg);
                self.push(file.error(offset, format!("{msg}{hint}")));
                None
            }
        }
    }

    fn toml_file<T: DeserializeOwned>(&mut self, path: &Path) -> Option<(SourceFile, T)> {
        let file = self.read(path)?;
        let text = file.text.clone();
        let value = self.parse(&file, &text, 0)?;
        Some((file, value))
    }

    fn site(&mut self) -> Option<Site> {
        if !self.root.is_dir() {
            self.push(file_error(
                &self.root,
                "is not a folder; pass the content folder with --content",
            ));
            return None;
        }
        let site_file = self.toml_file::<model::SiteFile>(&self.root.join("site.toml"));
        let sources = self.sources();
        let glossary = self.glossary();
        let resources = self.resources();
        let (site_src, site_file) = site_file?;
        let base_url = match crate::util::base_url::BaseUrl::parse(site_file.base_url.get_ref()) {
            Ok(u) => u.to_string(),
            Err(e) => {
                self.push(site_src.error(site_file.base_url.span().start, e));
                String::new()
            }
        };
        self.check_description(&site_src, &site_file.description, None);
        let sources = sources.unwrap_or_default();
        let baseline = Baseline {
            median_pay: self.pay(
                &site_src,
                &sources,
                site_file.all_occupations.median_pay,
                None,
            ),
            growth: self.growth(&site_src, &sources, site_file.all_occupations.growth, None),
        };
        let glossary_terms = glossary.unwrap_or_default();
        let matcher = Glossary::new(&glossary_terms);
        let mut site = Site {
            name: site_file.name,
            tagline: site_file.tagline,
            description: site_file.description,
            locale: site_file.locale,
            base_url,
            baseline,
            sources,
            glossary: glossary_terms,
            resources: resources.unwrap_or_default(),
            pathways: Vec::new(),
            warnings: Vec::new(),
        };
        let mut link_sources = Vec::new();
        site.pathways = self.pathways(&site, &matcher, &mut link_sources);
        if self.diags.has_errors() {
            return None;
        }
        let diags = super::links::check(&site, &link_sources);
        for d in diags {
            self.push(d);
        }
        Some(site)
    }

    fn check_description(&mut self, file: &SourceFile, text: &str, span: Option<usize>) {
        let n = text.chars().count();
        if n > MAX_DESCRIPTION {
            let at = span.unwrap_or_else(|| file.find_from(0, "description"));
            self.push(file.error(
                at,
                format!("this description is {n} characters; link previews cut it at {MAX_DESCRIPTION}, so shorten it"),
            ));
        }
        if text.trim().is_empty() {
            let at = span.unwrap_or(0);
            self.push(file.error(
                at,
                "this description is empty; write one or two plain sentences",
            ));
        }
    }

    fn sources(&mut self) -> Option<BTreeMap<String, Source>> {
        let (file, raw) =
            self.toml_file::<BTreeMap<String, model::Source>>(&self.root.join("sources.toml"))?;
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
                    publisher: s.publisher,
                    url: s.url.into_inner(),
                },
            );
        }
        Some(out)
    }

    fn check_url(&mut self, file: &SourceFile, url: &Spanned<String>) {
        let u = url.get_ref();
        if !(u.starts_with("https://") || u.starts_with("http://"))
            || u.contains(char::is_whitespace)
        {
            self.push(file.error(
                url.span().start,
                format!("`{u}` is not a web address; write the full https:// address"),
            ));
        }
    }

    fn glossary(&mut self) -> Option<Vec<Term>> {
        let (file, raw) =
            self.toml_file::<model::GlossaryFile>(&self.root.join("glossary.toml"))?;
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
            out.push(Term {
                defined_at: (file.path.clone(), line, col),
                id: t.id.into_inner(),
                term: t.term.into_inner(),
                expansion: t.expansion,
                definition: t.definition,
                also: t.also,
            });
        }
        out.sort_by_key(|t| t.term.to_lowercase());
        Some(out)
    }

    fn resources(&mut self) -> Option<Vec<Resource>> {
        let (file, raw) =
            self.toml_file::<model::ResourcesFile>(&self.root.join("resources.toml"))?;
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

    fn pathways(
        &mut self,
        site: &Site,
        glossary: &Glossary,
        links: &mut Vec<super::links::LinkSource>,
    ) -> Vec<Pathway> {
        let dir = self.root.join("pathways");
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(_) => {
                self.push(file_error(
                    &dir,
                    "is missing; each pathway lives in content/pathways/<slug>/",
                ));
                return Vec::new();
            }
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        dirs.retain(|d| self.inside_root(d));
        let mut out = Vec::new();
        let mut aliases: HashMap<String, PathBuf> = HashMap::new();
        for d in dirs {
            let slug = d
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !is_valid_id(&slug) {
                self.push(file_error(&d, format!("the folder name `{slug}` is the pathway's URL; use only lowercase letters, digits and hyphens")));
                continue;
            }
            if let Some(p) = self.pathway(site, glossary, &d, slug, links, &mut aliases) {
                out.push(p);
            }
        }
        if out.is_empty() && !self.diags.has_errors() {
            self.push(file_error(
                &dir,
                "has no pathways; add a folder with a pathway.toml",
            ));
        }
        out
    }

    fn pathway(
        &mut self,
        site: &Site,
        glossary: &Glossary,
        dir: &Path,
        slug: String,
        links: &mut Vec<super::links::LinkSource>,
        aliases: &mut HashMap<String, PathBuf>,
    ) -> Option<Pathway> {
        let (file, raw): (SourceFile, PathwayFile) = self.toml_file(&dir.join("pathway.toml"))?;
        let sources = &site.sources;
        let reviewed = raw.last_reviewed.get_ref();
        let last_reviewed = match reviewed.date {
            Some(d) if reviewed.time.is_none() => Date {
                year: i32::from(d.year),
                month: d.month,
                day: d.day,
            },
            _ => {
                self.push(file.error(
                    raw.last_reviewed.span().start,
                    "`last_reviewed` must be a date like 2026-11-24",
                ));
                Date {
                    year: 1970,
                    month: 1,
                    day: 1,
                }
            }
        };
        let ctx = FigureCtx {
            review_year: last_reviewed.year,
        };
        self.check_description(
            &file,
            raw.description.get_ref(),
            Some(raw.description.span().start),
        );
        for a in &raw.aliases {
            let path = a.get_ref();
            if !path.starts_with('/')
                || path.starts_with("/pathways")
                || path.starts_with("/static")
                || path.len() < 2
            {
                self.push(file.error(a.span().start, format!("the alias `{path}` must be a short path like `/him`, outside /pathways and /static")));
            } else if let Some(other) = aliases.insert(path.to_ascii_lowercase(), file.path.clone())
            {
                self.push(file.error(
                    a.span().start,
                    format!("the alias `{path}` is already used by {}", other.display()),
                ));
            }
        }
        // Occupations and their figures.
        let mut occupations = Vec::new();
        let mut occ_ids = HashSet::new();
        for o in raw.occupations {
            if !is_valid_id(o.id.get_ref()) {
                self.push(file.error(
                    o.id.span().start,
                    "an occupation id may use only lowercase letters, digits and hyphens",
                ));
            }
            if !occ_ids.insert(o.id.get_ref().clone()) {
                self.push(file.error(
                    o.id.span().start,
                    format!("the occupation `{}` is listed twice", o.id.get_ref()),
                ));
            }
            let soc = o.soc.get_ref();
            let soc_ok = soc.len() == 7
                && soc.as_bytes()[2] == b'-'
                && soc
                    .chars()
                    .enumerate()
                    .all(|(i, c)| i == 2 || c.is_ascii_digit());
            if !soc_ok {
                self.push(file.error(
                    o.soc.span().start,
                    format!("`{soc}` is not a SOC code; write it like 29-2072"),
                ));
            }
            occupations.push(Occupation {
                id: o.id.get_ref().clone(),
                title: o.title,
                soc: o.soc.into_inner(),
                onet: o.onet,
                description: o.description,
                credentials: o.credentials,
                median_pay: self.pay(&file, sources, o.median_pay, Some(&ctx)),
                jobs: self.count(&file, sources, o.jobs, &ctx),
                growth: self.growth(&file, sources, o.growth, Some(&ctx)),
                openings: o.openings.map(|c| self.count(&file, sources, c, &ctx)),
                entry_education: self.education(&file, sources, o.entry_education, &ctx),
            });
        }
        let key_occupation = match occupations
            .iter()
            .position(|o| &o.id == raw.key_occupation.get_ref())
        {
            Some(i) => i,
            None => {
                self.push(file.error(
                    raw.key_occupation.span().start,
                    format!(
                        "`key_occupation` names `{}`, which is not an occupation in this file",
                        raw.key_occupation.get_ref()
                    ),
                ));
                0
            }
        };
        if occupations.is_empty() {
            self.push(file.error(0, "a pathway needs at least one [[occupations]] entry"));
            return None;
        }
        let mut facts = BTreeMap::new();
        for (id, f) in raw.facts {
            // Facts are dated history on purpose: no age warning.
            self.figure_meta(&file, sources, &f.source, &f.year, None);
            facts.insert(
                id,
                Fact {
                    value: f.value,
                    as_of: f.as_of,
                    year: *f.year.get_ref(),
                    source: f.source.into_inner(),
                },
            );
        }
        let career_map = self.career_map(dir, &occupations);
        let self_check = self.self_check(dir, &slug, links);
        let mut pathway = Pathway {
            slug: slug.clone(),
            title: raw.title,
            short_title: raw.short_title,
            summary: raw.summary,
            description: raw.description.into_inner(),
            aliases: raw.aliases.into_iter().map(Spanned::into_inner).collect(),
            last_reviewed,
            occupations,
            key_occupation,
            facts,
            sections: Vec::new(),
            career_map,
            self_check,
        };
        // Sections: listed in order, one file each, no extras.
        let mut listed = HashSet::new();
        let mut sections = Vec::new();
        for s in &raw.sections {
            let name = s.get_ref();
            if !is_valid_id(name) {
                self.push(file.error(s.span().start, format!("the section `{name}` is part of a URL; use only lowercase letters, digits and hyphens")));
                continue;
            }
            if RESERVED_SECTIONS.contains(&name.as_str()) {
                self.push(file.error(
                    s.span().start,
                    format!("`{name}` is a page of its own; give the section another name"),
                ));
                continue;
            }
            if !listed.insert(name.clone()) {
                self.push(file.error(
                    s.span().start,
                    format!("the section `{name}` is listed twice"),
                ));
                continue;
            }
            let path = dir.join(format!("{name}.md"));
            if !path.exists() {
                self.push(file.error(
                    s.span().start,
                    format!("the section `{name}` is listed but {} does not exist; create it or remove it from `sections`", path.display()),
                ));
                continue;
            }
            if let Some(section) = self.section(&path, name, &pathway, site, glossary, links) {
                sections.push(section);
            }
        }
        if let Ok(entries) = fs::read_dir(dir) {
            let mut extra: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .filter(|p| {
                    p.file_stem()
                        .is_some_and(|s| !listed.contains(&*s.to_string_lossy()))
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
        pathway.sections = sections;
        Some(pathway)
    }

    fn section(
        &mut self,
        path: &Path,
        slug: &str,
        pathway: &Pathway,
        site: &Site,
        glossary: &Glossary,
        links: &mut Vec<super::links::LinkSource>,
    ) -> Option<Section> {
        let file = self.read(path)?;
        let Some((fm_start, fm, body_start)) = split_front_matter(&file.text) else {
            self.push(file.error(
                0,
                "has no front matter: start the file with a line `+++`, then title, nav_title, summary and sources, then another `+++`",
            ));
            return None;
        };
        let fm_text = fm.to_string();
        let front: model::FrontMatter = self.parse(&file, &fm_text, fm_start)?;
        let summary_at = fm_start + front.summary.span().start;
        self.check_description(&file, front.summary.get_ref(), Some(summary_at));
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
        let body = file.text[body_start..].to_string();
        let ctx = SectionCtx {
            pathway,
            site,
            glossary,
        };
        let mut diags = Vec::new();
        let doc = markdown::render(&file, &body, body_start, &ctx, &mut diags);
        for d in diags {
            self.push(d);
        }
        for f in &doc.figures {
            if !sources.contains(&f.source) {
                sources.push(f.source.clone());
            }
        }
        links.push(super::links::LinkSource {
            file: file.path.clone(),
            text: file.text.clone(),
            page: format!("/pathways/{}/{slug}", pathway.slug),
            links: doc.links.clone(),
        });
        Some(Section {
            slug: slug.to_string(),
            title: front.title,
            nav_title: front.nav_title,
            summary: front.summary.into_inner(),
            sources,
            doc,
        })
    }

    fn career_map(&mut self, dir: &Path, occupations: &[Occupation]) -> Option<CareerMap> {
        let path = dir.join("career-map.toml");
        if !path.exists() {
            return None;
        }
        let (file, raw) = self.toml_file::<model::CareerMapFile>(&path)?;
        let mut levels = Vec::new();
        let mut level_ids = HashSet::new();
        for l in raw.levels {
            if !level_ids.insert(l.id.get_ref().clone()) {
                self.push(file.error(
                    l.id.span().start,
                    format!("the level `{}` is listed twice", l.id.get_ref()),
                ));
            }
            levels.push(Level {
                id: l.id.into_inner(),
                name: l.name,
                length: l.length,
                prepares: l.prepares,
            });
        }
        let ids: HashSet<String> = raw.titles.iter().map(|t| t.id.get_ref().clone()).collect();
        let mut seen = HashSet::new();
        let mut titles = Vec::new();
        for t in raw.titles {
            let id = t.id.get_ref();
            if !is_valid_id(id) {
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
            if !occupations.iter().any(|o| &o.id == t.occupation.get_ref()) {
                self.push(file.error(
                    t.occupation.span().start,
                    format!(
                        "`{}` is not an occupation in pathway.toml",
                        t.occupation.get_ref()
                    ),
                ));
            }
            if !level_ids.contains(t.education.get_ref()) {
                let known: Vec<&str> = levels.iter().map(|l| l.id.as_str()).collect();
                self.push(file.error(
                    t.education.span().start,
                    format!(
                        "`{}` is not a level in [[levels]]; use one of {}",
                        t.education.get_ref(),
                        known.join(", ")
                    ),
                ));
            }
            let mut moves = Vec::new();
            for m in t.moves {
                if !ids.contains(m.to.get_ref()) {
                    self.push(file.error(
                        m.to.span().start,
                        format!(
                            "this move goes to `{}`, which is not a title id in this file",
                            m.to.get_ref()
                        ),
                    ));
                }
                if m.to.get_ref() == id {
                    self.push(file.error(m.to.span().start, "a title cannot move to itself"));
                }
                let kind = match m.kind.get_ref().as_str() {
                    "advance" => MoveKind::Advance,
                    "lateral" => MoveKind::Lateral,
                    other => {
                        self.push(file.error(
                            m.kind.span().start,
                            format!("`{other}` is not a kind of move; use `advance` or `lateral`"),
                        ));
                        MoveKind::Lateral
                    }
                };
                moves.push(Move {
                    to: m.to.into_inner(),
                    kind,
                });
            }
            titles.push(JobTitle {
                id: id.clone(),
                name: t.name,
                occupation: t.occupation.into_inner(),
                education: t.education.into_inner(),
                credentials: t.credentials,
                summary: t.summary,
                moves,
            });
        }
        Some(CareerMap { levels, titles })
    }

    fn self_check(
        &mut self,
        dir: &Path,
        slug: &str,
        links: &mut Vec<super::links::LinkSource>,
    ) -> Option<SelfCheck> {
        let path = dir.join("self-check.toml");
        if !path.exists() {
            return None;
        }
        let (file, raw) = self.toml_file::<model::SelfCheckFile>(&path)?;
        let mut internal = Vec::new();
        let to_link = |l: model::LinkFile, internal: &mut Vec<markdown::InternalLink>| {
            internal.push(markdown::InternalLink {
                href: l.href.get_ref().clone(),
                offset: l.href.span().start,
            });
            Link {
                text: l.text,
                href: l.href.into_inner(),
            }
        };
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
            let read_more = s
                .read_more
                .into_iter()
                .map(|l| to_link(l, &mut internal))
                .collect();
            statements.push(Statement {
                id,
                text: s.text,
                yes: s.yes,
                unsure: s.unsure,
                no: s.no,
                read_more,
            });
        }
        let next_steps = raw
            .next_steps
            .into_iter()
            .map(|l| to_link(l, &mut internal))
            .collect();
        links.push(super::links::LinkSource {
            file: file.path.clone(),
            text: file.text.clone(),
            page: format!("/pathways/{slug}/right-for-me"),
            links: internal,
        });
        Some(SelfCheck {
            intro: raw.intro,
            statements,
            next_steps,
        })
    }

    /// Check a figure's source and year; warn when it is old.
    fn figure_meta(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        source: &Spanned<String>,
        year: &Spanned<i32>,
        ctx: Option<&FigureCtx>,
    ) {
        if !sources.contains_key(source.get_ref()) {
            self.push(file.error(
                source.span().start,
                format!("the source `{}` is not in sources.toml; every figure needs a source listed there", source.get_ref()),
            ));
        }
        let y = *year.get_ref();
        if !(1900..=2100).contains(&y) {
            self.push(file.error(
                year.span().start,
                format!("{y} is not a plausible data year"),
            ));
        } else if let Some(ctx) = ctx
            && ctx.review_year - y > 3
        {
            self.push(file.warning(
                year.span().start,
                format!("figure may be out of date: its data year {y} is more than three years before last_reviewed ({}); look for a newer figure", ctx.review_year),
            ));
        }
    }

    fn pay(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        p: model::PayFigure,
        ctx: Option<&FigureCtx>,
    ) -> Pay {
        self.figure_meta(file, sources, &p.source, &p.year, ctx);
        Pay {
            annual: p.annual,
            hourly: p.hourly,
            as_of: p.as_of,
            year: *p.year.get_ref(),
            source: p.source.into_inner(),
        }
    }

    fn count(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        c: model::CountFigure,
        ctx: &FigureCtx,
    ) -> Count {
        self.figure_meta(file, sources, &c.source, &c.year, Some(ctx));
        let year = *c.year.get_ref();
        Count {
            value: c.value,
            as_of: c.as_of.unwrap_or_else(|| year.to_string()),
            year,
            source: c.source.into_inner(),
        }
    }

    fn growth(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        g: model::GrowthFigure,
        ctx: Option<&FigureCtx>,
    ) -> Growth {
        self.figure_meta(file, sources, &g.source, &g.year, ctx);
        if g.to <= g.from {
            self.push(file.error(
                g.year.span().start,
                format!(
                    "growth runs from {} to {}; `to` must be after `from`",
                    g.from, g.to
                ),
            ));
        }
        Growth {
            percent: g.percent,
            change: g.change,
            from: g.from,
            to: g.to,
            outlook: g.outlook,
            year: *g.year.get_ref(),
            source: g.source.into_inner(),
        }
    }

    fn education(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        e: model::EducationFigure,
        ctx: &FigureCtx,
    ) -> Education {
        self.figure_meta(file, sources, &e.source, &e.year, Some(ctx));
        Education {
            text: e.text,
            note: e.note,
            year: *e.year.get_ref(),
            source: e.source.into_inner(),
        }
    }
}

struct FigureCtx {
    review_year: i32,
}

/// Shortcodes and glossary for one section.
struct SectionCtx<'a> {
    pathway: &'a Pathway,
    site: &'a Site,
    glossary: &'a Glossary,
}

impl markdown::Context for SectionCtx<'_> {
    fn figure(&self, name: &str) -> Result<super::FigureRef, String> {
        super::figures::resolve(
            name,
            &self.pathway.occupations,
            &self.pathway.facts,
            &self.site.baseline,
        )
    }

    fn block(&self, name: &str, args: &[&str]) -> Result<String, String> {
        crate::blocks::render(self.pathway, &self.site.baseline, name, args)
    }

    fn glossary(&self) -> &Glossary {
        self.glossary
    }

    fn reserved_ids(&self) -> &[&str] {
        super::links::SECTION_LAYOUT_IDS
    }
}

/// Split `+++\nTOML\n+++\nbody`: (front matter start, front matter, body start).
pub fn split_front_matter(text: &str) -> Option<(usize, &str, usize)> {
    let first_line_end = text.find('\n')?;
    if text[..first_line_end].trim_end() != "+++" {
        return None;
    }
    let fm_start = first_line_end + 1;
    let mut pos = fm_start;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..line_end].trim_end() == "+++" {
            let body_start = (line_end + 1).min(text.len());
            return Some((fm_start, &text[fm_start..pos], body_start));
        }
        if line_end >= text.len() {
            break;
        }
        pos = line_end + 1;
    }
    None
}

enum ReadError {
    NotRegular,
    TooBig(u64),
    Io(std::io::Error),
}

/// Open without blocking (a FIFO would otherwise wait for a writer
/// forever), check on the open file that it is a regular file of at most
/// `max` bytes, then read it.
fn read_regular_file(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // O_NONBLOCK on Linux.
        options.custom_flags(0o4000);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > max {
        return Err(ReadError::TooBig(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A plain sentence on what to do, after toml's own message.
fn toml_hint(msg: &str) -> &'static str {
    if msg.contains("unknown field") {
        "; remove the field or fix its spelling"
    } else if msg.contains("missing field `source`") || msg.contains("missing field `year`") {
        "; every figure needs `year` (its data year) and `source` (an id from sources.toml)"
    } else if msg.contains("missing field") {
        "; add it"
    } else if msg.contains("invalid type") {
        "; check the value's type (text in quotes, numbers without)"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_splits_at_plus_lines() {
        let text = "+++\ntitle = \"x\"\n+++\nBody\n";
        let (start, fm, body) = split_front_matter(text).unwrap();
        assert_eq!(start, 4);
        assert_eq!(fm, "title = \"x\"\n");
        assert_eq!(&text[body..], "Body\n");
    }

    #[test]
    fn front_matter_without_closing_line_is_none() {
        assert!(split_front_matter("+++\ntitle = \"x\"\nBody\n").is_none());
        assert!(split_front_matter("title = \"x\"\n").is_none());
    }
}

//! The typed content model and its loader.
//!
//! `load(dir)` reads `content/`, checks every file and every cross-reference,
//! renders the Markdown, and returns an immutable [`Site`] — or every problem
//! found, each with `path:line:col`. Nothing is half-loaded.
//!
//! Layout: `model` is the serde shape of the files, `load` reads and converts
//! them, `links` checks internal links and anchors after rendering, and
//! `figures` formats sourced figures for pages.

pub mod figures;
pub mod links;
mod load;
pub mod model;

pub use figures::{FigureRef, format_money, format_number};
pub use load::{load, split_front_matter};

use std::collections::BTreeMap;

/// The whole loaded site.
#[derive(Debug)]
pub struct Site {
    pub name: String,
    pub tagline: String,
    pub description: String,
    pub locale: String,
    /// Canonical base URL without a trailing slash.
    pub base_url: String,
    pub baseline: Baseline,
    pub sources: BTreeMap<String, Source>,
    pub glossary: Vec<Term>,
    pub resources: Vec<Resource>,
    pub pathways: Vec<Pathway>,
    /// Warnings found while loading (errors stop the load).
    pub warnings: Vec<crate::diag::Diagnostic>,
}

impl Site {
    pub fn pathway(&self, slug: &str) -> Option<&Pathway> {
        self.pathways.iter().find(|p| p.slug == slug)
    }

    /// The absolute URL of a site path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// All-occupations figures, for comparison.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub median_pay: Pay,
    pub growth: Growth,
}

/// A citation.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
}

/// A glossary term.
#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub expansion: Option<String>,
    pub definition: String,
    pub also: Vec<String>,
    /// Where the term is defined (for diagnostics).
    pub defined_at: (std::path::PathBuf, usize, usize),
}

impl Term {
    pub fn is_abbreviation(&self) -> bool {
        self.expansion.is_some()
    }
}

/// A curated outside resource.
#[derive(Debug, Clone)]
pub struct Resource {
    pub title: String,
    pub organisation: String,
    pub kind: ResourceKind,
    pub why: String,
    pub url: String,
}

/// What a resource is for; also the order of groups on `/resources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ResourceKind {
    Certification,
    Accreditation,
    Education,
    Data,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 4] = [
        ResourceKind::Certification,
        ResourceKind::Accreditation,
        ResourceKind::Education,
        ResourceKind::Data,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == s)
    }

    pub fn id(self) -> &'static str {
        match self {
            ResourceKind::Certification => "certification",
            ResourceKind::Accreditation => "accreditation",
            ResourceKind::Education => "education",
            ResourceKind::Data => "data",
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            ResourceKind::Certification => "Certification",
            ResourceKind::Accreditation => "Accredited programs",
            ResourceKind::Education => "Education",
            ResourceKind::Data => "Jobs and pay data",
        }
    }
}

/// A calendar date (from TOML front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `2026-11-24`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `24 November 2026`.
    pub fn long(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        format!("{} {month} {}", self.day, self.year)
    }
}

/// One career pathway.
#[derive(Debug)]
pub struct Pathway {
    pub slug: String,
    pub title: String,
    pub short_title: String,
    pub summary: String,
    pub description: String,
    pub aliases: Vec<String>,
    pub last_reviewed: Date,
    pub occupations: Vec<Occupation>,
    pub key_occupation: usize,
    pub facts: BTreeMap<String, Fact>,
    pub sections: Vec<Section>,
    pub career_map: Option<CareerMap>,
    pub self_check: Option<SelfCheck>,
}

impl Pathway {
    pub fn path(&self) -> String {
        format!("/pathways/{}", self.slug)
    }

    pub fn section_path(&self, section: &Section) -> String {
        format!("/pathways/{}/{}", self.slug, section.slug)
    }

    pub fn key(&self) -> &Occupation {
        &self.occupations[self.key_occupation]
    }

    pub fn occupation(&self, id: &str) -> Option<&Occupation> {
        self.occupations.iter().find(|o| o.id == id)
    }

    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.slug == slug)
    }
}

/// An occupation and its sourced figures.
#[derive(Debug, Clone)]
pub struct Occupation {
    pub id: String,
    pub title: String,
    pub soc: String,
    pub onet: Option<String>,
    pub description: String,
    pub credentials: Vec<String>,
    pub median_pay: Pay,
    pub jobs: Count,
    pub growth: Growth,
    pub openings: Option<Count>,
    pub entry_education: Education,
}

/// A median wage with its source.
#[derive(Debug, Clone)]
pub struct Pay {
    pub annual: u32,
    pub hourly: Option<f64>,
    pub as_of: String,
    pub year: i32,
    pub source: String,
}

/// A count with its source.
#[derive(Debug, Clone)]
pub struct Count {
    pub value: u32,
    pub as_of: String,
    pub year: i32,
    pub source: String,
}

/// A projected change in employment.
#[derive(Debug, Clone)]
pub struct Growth {
    pub percent: f64,
    pub change: Option<i64>,
    pub from: i32,
    pub to: i32,
    pub outlook: Option<String>,
    pub year: i32,
    pub source: String,
}

/// Typical entry-level education.
#[derive(Debug, Clone)]
pub struct Education {
    pub text: String,
    pub note: Option<String>,
    pub year: i32,
    pub source: String,
}

/// A dated one-off figure.
#[derive(Debug, Clone)]
pub struct Fact {
    pub value: String,
    pub as_of: String,
    pub year: i32,
    pub source: String,
}

/// One section page of a pathway, rendered.
#[derive(Debug)]
pub struct Section {
    pub slug: String,
    pub title: String,
    pub nav_title: String,
    pub summary: String,
    /// Source ids: those in front matter, then those of figures the page uses.
    pub sources: Vec<String>,
    pub doc: crate::markdown::Rendered,
}

/// The career map of a pathway.
#[derive(Debug, Clone)]
pub struct CareerMap {
    pub levels: Vec<Level>,
    pub titles: Vec<JobTitle>,
}

impl CareerMap {
    pub fn title(&self, id: &str) -> Option<&JobTitle> {
        self.titles.iter().find(|t| t.id == id)
    }

    pub fn titles_at<'a>(&'a self, level: &'a str) -> impl Iterator<Item = &'a JobTitle> + 'a {
        self.titles.iter().filter(move |t| t.education == level)
    }
}

/// An education level on the career map.
#[derive(Debug, Clone)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub length: String,
    pub prepares: String,
}

/// A job title on the career map.
#[derive(Debug, Clone)]
pub struct JobTitle {
    pub id: String,
    pub name: String,
    pub occupation: String,
    pub education: String,
    pub credentials: Vec<String>,
    pub summary: String,
    pub moves: Vec<Move>,
}

/// A move from one title to another.
#[derive(Debug, Clone)]
pub struct Move {
    pub to: String,
    pub kind: MoveKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveKind {
    Advance,
    Lateral,
}

impl MoveKind {
    pub fn label(self) -> &'static str {
        match self {
            MoveKind::Advance => "Step up to",
            MoveKind::Lateral => "Move across to",
        }
    }
}

/// The "is it right for me?" self-check.
#[derive(Debug, Clone)]
pub struct SelfCheck {
    pub intro: String,
    pub statements: Vec<Statement>,
    pub next_steps: Vec<Link>,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub id: u32,
    pub text: String,
    pub yes: String,
    pub unsure: String,
    pub no: String,
    pub read_more: Vec<Link>,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub text: String,
    pub href: String,
}

//! The typed content model and its loader.
//!
//! `load(dir)` reads `content/`, checks every file and every
//! cross-reference that does not need rendering, and returns an immutable
//! [`Site`] — or every problem found, each with `path:line:col`. Sections
//! keep their Markdown source; rendering it is the job of the layers above
//! (which also check links and anchors on the rendered pages).
//!
//! Layout: `model` is the serde shape of the files, `extras` the career
//! map and self-check types, `load` reads and
//! converts them (`load/` holds the parts: files, data, career map and
//! self-check), `figures` names and finds sourced figures, `ui` is the
//! table of interface words.

mod extras;
pub(crate) mod figures;
mod load;
pub(crate) mod model;
pub mod oews;
pub(crate) mod ui;
pub(crate) mod words;

pub use extras::{CareerMap, JobTitle, Level, Link, Move, MoveKind, Outcome, SelfCheck, Statement};
pub use load::{load, load_all, split_front_matter};
pub use ui::Ui;

use crate::diag::SourceFile;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The whole loaded site.
#[derive(Debug, Clone)]
pub struct Site {
    pub name: String,
    pub tagline: String,
    pub description: String,
    pub locale: String,
    /// Canonical base URL without a trailing slash.
    pub base_url: String,
    /// The edition's path prefix: `""` for the default language, `/<lang>` for the others.
    pub prefix: String,
    pub about: About,
    pub baseline: Baseline,
    /// BLS's OEWS estimates (`content/oews/`), shared by every edition.
    pub oews: Option<Arc<oews::Oews>>,
    /// Each state's square on the tile map and its name in this edition.
    pub places: Vec<Place>,
    pub sources: BTreeMap<String, Source>,
    pub glossary: Vec<Term>,
    pub resources: Vec<Resource>,
    pub pathways: Vec<Pathway>,
    pub ui: Ui,
    /// Links found in data files, checked against the rendered pages.
    pub links: Vec<LinkRef>,
    /// Warnings found while loading (errors stop the load).
    pub warnings: Vec<crate::diag::Diagnostic>,
}

impl Site {
    /// The place of `p` (one of this site's pathways) in `pathways`.
    pub(crate) fn index_of(&self, p: &Pathway) -> usize {
        self.pathways
            .iter()
            .position(|x| std::ptr::eq(x, p))
            .unwrap_or(0)
    }

    pub fn pathway(&self, slug: &str) -> Option<&Pathway> {
        self.pathways.iter().find(|p| p.slug == slug)
    }

    /// The absolute URL of a site path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// A state, DC or territory on the tile map (`content/places.toml`).
#[derive(Debug, Clone)]
pub struct Place {
    pub fips: String,
    pub postal: String,
    pub row: u8,
    pub col: u8,
    /// Its name in this edition, when it differs from BLS's.
    pub name: Option<String>,
}

/// Who publishes the site (the About page).
#[derive(Debug, Clone, Default)]
pub struct About {
    pub publisher: String,
    pub review: String,
    pub report: String,
    pub report_text: String,
}

/// All-occupations figures, for same-year comparisons.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    pub pay: Vec<Pay>,
    pub growth: Vec<Growth>,
}

impl Baseline {
    /// The all-occupations median pay of a May year.
    pub fn pay_in(&self, year: i32) -> Option<&Pay> {
        self.pay.iter().find(|p| p.year == year)
    }

    /// The all-occupations growth over exactly this period.
    pub fn growth_over(&self, from: i32, to: i32) -> Option<&Growth> {
        self.growth.iter().find(|g| g.from == from && g.to == to)
    }
}

/// A citation.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub edition: Option<String>,
    pub publisher: String,
    pub url: String,
}

/// A glossary term.
#[derive(Debug, Clone, Default)]
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
    /// The most characters a term, or one of its `also` forms, may have:
    /// a term is a word or a short phrase, and finding terms in prose costs
    /// up to this many steps at each word.
    pub const MAX_CHARS: usize = 60;

    pub fn is_abbreviation(&self) -> bool {
        self.expansion.is_some()
    }

    /// A form of the term (itself or an `also`) over [`Term::MAX_CHARS`].
    pub fn too_long(&self) -> Option<&str> {
        std::iter::once(&self.term)
            .chain(&self.also)
            .find(|f| f.chars().count() > Self::MAX_CHARS)
            .map(String::as_str)
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

    /// The group's heading in the site's words.
    pub fn heading(self, ui: &Ui) -> &str {
        let r = &ui.resources;
        match self {
            ResourceKind::Certification => &r.certification,
            ResourceKind::Accreditation => &r.accreditation,
            ResourceKind::Education => &r.education,
            ResourceKind::Data => &r.data,
        }
    }
}

/// A calendar date (from TOML).
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
}

/// One career pathway.
#[derive(Debug, Clone)]
pub struct Pathway {
    pub slug: String,
    /// The edition's path prefix (`""`, `/<lang>`).
    pub prefix: String,
    pub title: String,
    pub short_title: String,
    pub summary: String,
    pub description: String,
    /// Short paths that redirect here (`/him`), each where it is written.
    pub aliases: Vec<LinkRef>,
    pub last_reviewed: Date,
    /// The figure link previews show unless a section names its own.
    pub key_figure: figures::FigureName,
    /// Current occupations, then history groups.
    pub groups: Vec<Group>,
    pub sections: Vec<Section>,
    pub career_map: Option<CareerMap>,
    pub self_check: Option<SelfCheck>,
    pub first_steps: Vec<Link>,
    /// Headings of sections the one-sheet handout shows: (section slug, id).
    pub handout: Vec<(String, String)>,
    /// Has pay-by-state pages: the OEWS files hold one of its occupations.
    pub state_pay: bool,
}

impl Pathway {
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The current occupations (not history groups).
    pub fn occupations(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| !g.history)
    }

    /// The older or broader groups, shown as history.
    pub fn history(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.history)
    }
}

/// An occupation (one SOC code) or a history group, and its figures.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub id: String,
    pub title: String,
    /// The group's own code; every figure here is for exactly this code.
    pub soc: Option<String>,
    pub onet: Option<String>,
    pub description: String,
    pub credentials: Vec<String>,
    /// An older or broader group: shown only as history, under its name.
    pub history: bool,
    pub entry_education: Option<Education>,
    /// Newest first.
    pub pay: Vec<Pay>,
    pub jobs: Vec<Count>,
    /// OEWS wage and salary jobs (not the Handbook's `jobs`).
    pub employment: Vec<Count>,
    pub growth: Vec<Growth>,
    pub openings: Vec<Count>,
    pub industries: Vec<Industry>,
}

/// A median wage for a May year.
#[derive(Debug, Clone, PartialEq)]
pub struct Pay {
    pub annual: u32,
    pub hourly: Option<f64>,
    pub p10: Option<u32>,
    pub p90: Option<u32>,
    pub year: i32,
    pub source: String,
}

/// A count for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub value: u32,
    pub year: i32,
    pub source: String,
}

/// A projected change in employment over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Growth {
    pub percent: f64,
    pub change: Option<i64>,
    pub from: i32,
    pub to: i32,
    pub outlook: Option<String>,
    pub source: String,
}

/// Jobs in one industry in a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Industry {
    pub name: String,
    pub jobs: u32,
    pub year: i32,
    pub source: String,
}

/// Typical entry-level education.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Education {
    pub text: String,
    pub meaning: Option<String>,
    pub note: Option<String>,
    pub year: i32,
    pub source: String,
}

/// One section of a pathway: front matter, and its Markdown source (the
/// layers above render it).
#[derive(Debug, Clone)]
pub struct Section {
    pub slug: String,
    pub title: String,
    pub nav_title: String,
    pub summary: String,
    /// The one-line answer on the overview's contents (else the summary).
    pub answer: Option<String>,
    /// Source ids the page relies on for its words.
    pub sources: Vec<String>,
    pub key_figure: Option<figures::FigureName>,
    /// The whole file, and where the Markdown body starts in it.
    pub file: Arc<SourceFile>,
    pub body_start: usize,
}

impl Section {
    pub fn body(&self) -> &str {
        &self.file.text[self.body_start..]
    }
}

/// A link written in a data file, for checking against rendered pages.
#[derive(Debug, Clone)]
pub struct LinkRef {
    pub file: Arc<SourceFile>,
    pub offset: usize,
    pub href: String,
}

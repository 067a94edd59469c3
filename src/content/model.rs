//! The serde shape of every content file. Each struct denies unknown fields so
//! a misspelt key is an error with its line and column, never silently lost.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// `content/site.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// The site's name, shown in the header and in link previews.
    pub name: String,
    /// One short line under the name on the home page.
    pub tagline: String,
    /// Meta description of the home page (at most 200 characters).
    pub description: String,
    /// Open Graph locale, e.g. `en_US`.
    pub locale: String,
    /// Canonical base URL; `--base-url` overrides it.
    pub base_url: Spanned<String>,
    /// Figures for all occupations, the baseline pathways compare against.
    pub all_occupations: Baseline,
}

/// All-occupations figures.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub median_pay: PayFigure,
    pub growth: GrowthFigure,
}

/// One entry of `content/sources.toml`.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    pub url: Spanned<String>,
}

/// `content/glossary.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    pub terms: Vec<TermFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermFile {
    /// Anchor on `/glossary`.
    pub id: Spanned<String>,
    /// The term as written in prose (`RHIT`, `accreditation`).
    pub term: Spanned<String>,
    /// The spelled-out form, for abbreviations only.
    pub expansion: Option<String>,
    pub definition: String,
    /// Other spellings to recognise in prose.
    #[serde(default)]
    pub also: Vec<String>,
}

/// `content/resources.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourcesFile {
    pub resources: Vec<ResourceFile>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct ResourceFile {
    pub title: String,
    pub organisation: String,
    pub kind: Spanned<String>,
    pub why: String,
    pub url: Spanned<String>,
}

/// `content/pathways/<slug>/pathway.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathwayFile {
    pub title: String,
    pub short_title: String,
    pub summary: String,
    /// Link-preview text for someone outside the field (at most 200 characters).
    pub description: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub last_reviewed: Spanned<toml::value::Datetime>,
    /// Section slugs in reading order; each is a `<slug>.md` beside this file.
    pub sections: Vec<Spanned<String>>,
    /// The occupation the overview's quick-facts box shows.
    pub key_occupation: Spanned<String>,
    pub occupations: Vec<OccupationFile>,
    /// Dated one-off figures, referred to from prose as `{{ figure ID }}`.
    #[serde(default)]
    pub facts: BTreeMap<String, Fact>,
}

/// An occupation (a 2018 SOC code) and its sourced figures.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct OccupationFile {
    pub id: Spanned<String>,
    pub title: String,
    pub soc: Spanned<String>,
    pub onet: Option<String>,
    pub description: String,
    #[serde(default)]
    pub credentials: Vec<String>,
    pub median_pay: PayFigure,
    pub jobs: CountFigure,
    pub growth: GrowthFigure,
    pub openings: Option<CountFigure>,
    pub entry_education: EducationFigure,
}

/// A median wage.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct PayFigure {
    /// Dollars per year.
    pub annual: u32,
    /// Dollars per hour, where the source gives it.
    pub hourly: Option<f64>,
    /// When the figure applies, as the source says it ("May 2022").
    pub as_of: String,
    pub year: Spanned<i32>,
    pub source: Spanned<String>,
}

/// A count (jobs, openings per year).
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct CountFigure {
    pub value: u32,
    pub as_of: Option<String>,
    pub year: Spanned<i32>,
    pub source: Spanned<String>,
}

/// A projected change in employment over a decade.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct GrowthFigure {
    pub percent: f64,
    /// Jobs added over the decade.
    pub change: Option<i64>,
    pub from: i32,
    pub to: i32,
    /// BLS's wording ("much faster than average").
    pub outlook: Option<String>,
    pub year: Spanned<i32>,
    pub source: Spanned<String>,
}

/// Typical entry-level education.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct EducationFigure {
    pub text: String,
    pub note: Option<String>,
    pub year: Spanned<i32>,
    pub source: Spanned<String>,
}

/// A dated one-off figure (history, or a figure for one year).
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub value: String,
    pub as_of: String,
    pub year: Spanned<i32>,
    pub source: Spanned<String>,
}

/// The TOML front matter of a section file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page's h1.
    pub title: String,
    /// Short label for navigation.
    pub nav_title: String,
    /// The one-to-two-sentence answer: overview line and link preview.
    pub summary: Spanned<String>,
    /// Ids from `content/sources.toml` this page cites.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}

/// `career-map.toml` beside a pathway.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareerMapFile {
    /// Education levels from entry to senior.
    pub levels: Vec<LevelFile>,
    pub titles: Vec<TitleFile>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct LevelFile {
    pub id: Spanned<String>,
    pub name: String,
    /// Typical length of study, in words.
    pub length: String,
    /// What the level prepares you for (credentials, accreditation).
    pub prepares: String,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct TitleFile {
    pub id: Spanned<String>,
    pub name: String,
    pub occupation: Spanned<String>,
    pub education: Spanned<String>,
    #[serde(default)]
    pub credentials: Vec<String>,
    pub summary: String,
    #[serde(default)]
    pub moves: Vec<MoveFile>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct MoveFile {
    pub to: Spanned<String>,
    pub kind: Spanned<String>,
}

/// `self-check.toml` beside a pathway: the "is it right for me?" statements.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfCheckFile {
    pub intro: String,
    pub statements: Vec<StatementFile>,
    pub next_steps: Vec<LinkFile>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    pub id: Spanned<u32>,
    pub text: String,
    pub yes: String,
    pub unsure: String,
    pub no: String,
    #[serde(default)]
    pub read_more: Vec<LinkFile>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct LinkFile {
    #[serde(alias = "label")]
    pub text: String,
    pub href: Spanned<String>,
}

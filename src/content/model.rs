//! The serde shape of every content file. Each struct denies unknown fields
//! so a misspelt key is an error with its line and column, never silently
//! lost. `///` on a field is what an editor sees in the README.

use serde::Deserialize;
use toml::Spanned;

/// `content/site.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteFile {
    /// The site's name, shown in the header and in link previews.
    pub(crate) name: String,
    /// One short line under the name on the home page.
    pub(crate) tagline: String,
    /// Meta description of the home page (at most 200 characters).
    pub(crate) description: Spanned<String>,
    /// The default edition's locale, e.g. `en_US` (its language, `en`,
    /// picks `ui/en.toml`).
    pub(crate) locale: String,
    /// Other editions, by language code: each needs `ui/<lang>.toml` and a
    /// translation beside every content file (`*.<lang>.toml`, `*.<lang>.md`).
    #[serde(default)]
    pub(crate) translations: Vec<Spanned<String>>,
    /// Canonical base URL; `--base-url` overrides it.
    pub(crate) base_url: Spanned<String>,
    /// Who publishes the site and how readers reach them (the About page).
    pub(crate) about: AboutFile,
    /// Figures for all occupations together, the baseline of comparisons.
    pub(crate) all_occupations: BaselineFile,
    /// BLS's OEWS files in `content/oews/`: the source every figure read
    /// from them cites.
    pub(crate) oews: Option<OewsFile>,
}

/// `content/places.toml`: where each state sits on the tile map.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlacesFile {
    pub(crate) places: Vec<PlaceFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceFile {
    /// The state's FIPS code, as in BLS's `oe.area` (`48`).
    pub(crate) fips: Spanned<String>,
    /// Its two-letter postal code, shown on its tile (`TX`).
    pub(crate) postal: Spanned<String>,
    /// Its square on the tile map: row and column, from 0 at the top left.
    pub(crate) row: Spanned<u8>,
    pub(crate) col: Spanned<u8>,
}

/// `content/places.<lang>.toml`: place names in another language, by
/// postal code (names left out stay as BLS writes them).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlacesWords {
    pub(crate) names: std::collections::BTreeMap<String, String>,
}

/// `[oews]` in site.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OewsFile {
    /// An id from sources.toml; its `edition` names the files' May year.
    pub(crate) source: Spanned<String>,
}

/// `[about]` in site.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AboutFile {
    /// Who publishes the site, in one sentence.
    pub(crate) publisher: String,
    /// How often figures are reviewed, in one sentence.
    pub(crate) review: String,
    /// Where to report a mistake: an https:// or mailto: address.
    pub(crate) report: Spanned<String>,
    /// The words of the report link.
    pub(crate) report_text: String,
}

/// All-occupations figures, one per year (pay) or period (growth).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BaselineFile {
    #[serde(default)]
    pub(crate) pay: Vec<PayFile>,
    #[serde(default)]
    pub(crate) growth: Vec<GrowthFile>,
}

/// One entry of `content/sources.toml`.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceFile {
    pub(crate) title: String,
    /// Which version of the page or table we read (`2025-26 edition`).
    pub(crate) edition: Option<String>,
    pub(crate) publisher: String,
    pub(crate) url: Spanned<String>,
}

/// `content/glossary.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GlossaryFile {
    pub(crate) terms: Vec<TermFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TermFile {
    /// Anchor on `/glossary`.
    pub(crate) id: Spanned<String>,
    /// The term as written in prose (`RHIT`, `accreditation`).
    pub(crate) term: Spanned<String>,
    /// The spelled-out form, for abbreviations only.
    pub(crate) expansion: Option<String>,
    pub(crate) definition: String,
    /// Other spellings to recognise in prose.
    #[serde(default)]
    pub(crate) also: Vec<String>,
}

/// `content/resources.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResourcesFile {
    pub(crate) resources: Vec<ResourceFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResourceFile {
    pub(crate) title: String,
    pub(crate) organisation: String,
    pub(crate) kind: Spanned<String>,
    pub(crate) why: String,
    pub(crate) url: Spanned<String>,
}

/// `content/pathways/<slug>/pathway.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PathwayFile {
    pub(crate) title: String,
    pub(crate) short_title: String,
    pub(crate) summary: String,
    /// Link-preview text for someone outside the field (at most 200 characters).
    pub(crate) description: Spanned<String>,
    #[serde(default)]
    pub(crate) aliases: Vec<Spanned<String>>,
    pub(crate) last_reviewed: Spanned<toml::value::Datetime>,
    /// Section slugs in reading order; each is a `<slug>.md` beside this file.
    pub(crate) sections: Vec<Spanned<String>>,
    /// The figure link previews show (`occupation-id.field`) unless a
    /// section names its own.
    pub(crate) key_figure: Spanned<String>,
    /// Current occupations: every figure is for exactly its SOC code.
    pub(crate) occupations: Vec<GroupFile>,
    /// Older or broader groups, shown only under their own names.
    #[serde(default)]
    pub(crate) history: Vec<GroupFile>,
    /// The first steps card (overview and `{{ first-steps }}`).
    #[serde(default)]
    pub(crate) first_steps: Vec<LinkFile>,
    /// Parts of sections the one-sheet handout shows, as links to their
    /// headings (`/pathways/<slug>/<section>#<heading>`).
    #[serde(default)]
    pub(crate) handout: Vec<Spanned<String>>,
}

/// An occupation or a history group, with its dated figures.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupFile {
    pub(crate) id: Spanned<String>,
    pub(crate) title: String,
    /// The group's own SOC code (required for occupations).
    pub(crate) soc: Option<Spanned<String>>,
    pub(crate) onet: Option<String>,
    pub(crate) description: String,
    #[serde(default)]
    pub(crate) credentials: Vec<String>,
    pub(crate) entry_education: Option<EducationFile>,
    /// One entry per May year.
    #[serde(default)]
    pub(crate) pay: Vec<PayFile>,
    /// One entry per year.
    #[serde(default)]
    pub(crate) jobs: Vec<CountFile>,
    /// One entry per projection period.
    #[serde(default)]
    pub(crate) growth: Vec<GrowthFile>,
    /// Openings a year, one entry per projection start year.
    #[serde(default)]
    pub(crate) openings: Vec<CountFile>,
    /// Jobs by industry.
    #[serde(default)]
    pub(crate) industries: Vec<IndustryFile>,
}

/// A median wage for a May year, and its spread where the source gives it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PayFile {
    /// Dollars per year.
    pub(crate) annual: Spanned<u32>,
    /// Dollars per hour.
    pub(crate) hourly: Option<Spanned<f64>>,
    /// 10th and 90th percentiles, dollars per year.
    pub(crate) p10: Option<Spanned<u32>>,
    pub(crate) p90: Option<Spanned<u32>>,
    pub(crate) year: Spanned<i32>,
    pub(crate) source: Spanned<String>,
}

/// A count for a year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CountFile {
    pub(crate) value: Spanned<u32>,
    pub(crate) year: Spanned<i32>,
    pub(crate) source: Spanned<String>,
}

/// A projected change in employment over a period.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GrowthFile {
    pub(crate) percent: Spanned<f64>,
    /// Jobs added over the period.
    pub(crate) change: Option<Spanned<i64>>,
    pub(crate) from: i32,
    pub(crate) to: i32,
    /// The source's wording ("much faster than average").
    pub(crate) outlook: Option<String>,
    pub(crate) source: Spanned<String>,
}

/// Jobs in one industry in a year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IndustryFile {
    pub(crate) name: String,
    pub(crate) jobs: Spanned<u32>,
    pub(crate) year: Spanned<i32>,
    pub(crate) source: Spanned<String>,
}

/// Typical entry-level education.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EducationFile {
    pub(crate) text: String,
    /// What the words mean, for readers outside the field.
    pub(crate) meaning: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) year: Spanned<i32>,
    pub(crate) source: Spanned<String>,
}

/// The TOML front matter of a section file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    /// The page's h1: the reader's question.
    pub(crate) title: String,
    /// Short label for menus, the same everywhere.
    pub(crate) nav_title: String,
    /// The one-to-two-sentence answer: shown under the title, on the
    /// overview and in link previews.
    pub(crate) summary: Spanned<String>,
    /// Ids from `content/sources.toml` the page relies on for its words.
    #[serde(default)]
    pub(crate) sources: Vec<Spanned<String>>,
    /// The figure this page's link preview shows.
    pub(crate) key_figure: Option<Spanned<String>>,
}

/// `career-map.toml` beside a pathway.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CareerMapFile {
    /// Education levels from entry to senior.
    pub(crate) levels: Vec<LevelFile>,
    pub(crate) titles: Vec<TitleFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LevelFile {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    /// Typical length of study, in words.
    pub(crate) length: String,
    /// What the level prepares you for (credentials, accreditation).
    pub(crate) prepares: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TitleFile {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) occupation: Spanned<String>,
    pub(crate) education: Spanned<String>,
    #[serde(default)]
    pub(crate) credentials: Vec<String>,
    pub(crate) summary: String,
    #[serde(default)]
    pub(crate) moves: Vec<MoveFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MoveFile {
    pub(crate) to: Spanned<String>,
    pub(crate) kind: Spanned<String>,
}

/// `self-check.toml` beside a pathway: the "is it right for me?" statements.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SelfCheckFile {
    pub(crate) intro: String,
    pub(crate) statements: Vec<StatementFile>,
    pub(crate) next_steps: Vec<LinkFile>,
    /// The summary and the page to read next, by the shape of the answers.
    pub(crate) outcomes: OutcomesFile,
}

/// `[outcomes.yes]`, `[outcomes.mixed]`, `[outcomes.no]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomesFile {
    pub(crate) yes: OutcomeFile,
    pub(crate) mixed: OutcomeFile,
    pub(crate) no: OutcomeFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomeFile {
    pub(crate) summary: String,
    pub(crate) read_next: LinkFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatementFile {
    pub(crate) id: Spanned<u32>,
    pub(crate) text: String,
    pub(crate) yes: String,
    pub(crate) unsure: String,
    pub(crate) no: String,
    #[serde(default)]
    pub(crate) read_more: Vec<LinkFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LinkFile {
    #[serde(alias = "label")]
    pub(crate) text: String,
    pub(crate) href: Spanned<String>,
}

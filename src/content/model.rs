//! The serde shape of every content file. Each struct denies unknown fields
//! so a misspelt key is an error with its line and column, never silently
//! lost. `///` on a field is what an editor sees in the README.

use serde::Deserialize;
use toml::Spanned;

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

/// `[oews]` in site.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OewsFile {
    /// An id from sources.toml; its `edition` names the files' May year.
    pub(crate) source: Spanned<String>,
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
    /// The one-line answer the overview's contents list shows (at most
    /// 70 characters); the summary when there is none.
    pub(crate) answer: Option<Spanned<String>>,
    /// Ids from `content/sources.toml` the page relies on for its words.
    #[serde(default)]
    pub(crate) sources: Vec<Spanned<String>>,
    /// The figure this page's link preview shows.
    pub(crate) key_figure: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MoveFile {
    pub(crate) to: Spanned<String>,
    pub(crate) kind: Spanned<String>,
}

//! The serde shape of translation files (`*.es.toml` beside each English
//! file): words only. Figures, ids, links, the career map's structure and
//! the self-check's scoring come from the English files and are never
//! repeated, so a figure cannot differ between languages. Every table
//! denies unknown fields; ids are checked against the English file.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// `site.<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SiteWords {
    pub(crate) name: String,
    pub(crate) tagline: String,
    pub(crate) description: Spanned<String>,
    pub(crate) about: AboutWords,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AboutWords {
    pub(crate) publisher: String,
    pub(crate) review: String,
    pub(crate) report_text: String,
}

/// `sources.<lang>.toml` (optional): `[<id>]` with the words of a source
/// to show instead (its title may stay in the language it is written in).
pub(crate) type SourcesWords = BTreeMap<String, SourceWords>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceWords {
    pub(crate) title: Option<String>,
    pub(crate) edition: Option<String>,
    pub(crate) publisher: Option<String>,
}

/// `glossary.<lang>.toml`: `[terms.<id>]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GlossaryWords {
    pub(crate) terms: BTreeMap<String, TermWords>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TermWords {
    pub(crate) term: String,
    pub(crate) expansion: Option<String>,
    pub(crate) definition: String,
    #[serde(default)]
    pub(crate) also: Vec<String>,
}

/// `resources.<lang>.toml`: the same entries, in the same order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResourcesWords {
    pub(crate) resources: Vec<ResourceWords>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResourceWords {
    pub(crate) title: String,
    pub(crate) why: String,
}

/// `pathway.<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PathwayWords {
    pub(crate) title: String,
    pub(crate) short_title: String,
    pub(crate) summary: String,
    pub(crate) description: Spanned<String>,
    #[serde(default)]
    pub(crate) occupations: BTreeMap<String, GroupWords>,
    #[serde(default)]
    pub(crate) history: BTreeMap<String, GroupWords>,
    /// English industry name → its translation.
    #[serde(default)]
    pub(crate) industries: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) first_steps: Vec<TextWords>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GroupWords {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) entry_education: Option<EducationWords>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EducationWords {
    pub(crate) text: String,
    pub(crate) meaning: Option<String>,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TextWords {
    pub(crate) text: String,
}

/// `career-map.<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MapWords {
    pub(crate) levels: BTreeMap<String, LevelWords>,
    pub(crate) titles: BTreeMap<String, TitleWords>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LevelWords {
    pub(crate) name: String,
    pub(crate) length: String,
    pub(crate) prepares: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TitleWords {
    pub(crate) name: String,
    pub(crate) summary: String,
}

/// `self-check.<lang>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CheckWords {
    pub(crate) intro: String,
    /// Link words, in the English order.
    pub(crate) next_steps: Vec<String>,
    pub(crate) statements: BTreeMap<String, StatementWords>,
    pub(crate) outcomes: OutcomesWords,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatementWords {
    pub(crate) text: String,
    pub(crate) yes: String,
    pub(crate) unsure: String,
    pub(crate) no: String,
    #[serde(default)]
    pub(crate) read_more: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomesWords {
    pub(crate) yes: OutcomeWords,
    pub(crate) mixed: OutcomeWords,
    pub(crate) no: OutcomeWords,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomeWords {
    pub(crate) summary: String,
    pub(crate) read_next: String,
}

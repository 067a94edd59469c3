//! Every content shape that editors translate, each declared once with
//! [`translatable!`]: the English file's shape (`<Name>File`, words and
//! data) and the translation file's shape (`<Name>Words`, words only,
//! `*.<lang>.toml` beside the English file) come from one list, and the
//! words they share are put over the English site's typed value by the
//! generated `apply`. Figures, ids, links, the career map's structure and
//! the self-check's scoring come from the English files only, so a figure
//! cannot differ between languages. Every table denies unknown fields; ids
//! are checked against the English file.
//!
//! A new translatable field is one line in a `shared` list (and its place
//! in the typed model, `content.rs`, with the same name). `shape` holds the
//! macros; `pathway` the shapes of a pathway's files.

#[macro_use]
mod shape;
mod pathway;

pub(crate) use pathway::{
    CareerMapFile, CheckWords, GroupFile, LinkFile, MapWords, OutcomeFile, PathwayFile,
    PathwayWords, SelfCheckFile,
};

use crate::content::model::{BaselineFile, OewsFile};
use std::collections::BTreeMap;
use toml::Spanned;

translatable! {
    /// `content/site.toml`.
    file SiteFile,
    /// `site.<lang>.toml`.
    words SiteWords => crate::content::Site,
    shared {
        /// The site's name, shown in the header and in link previews.
        name: String,
        /// One short line under the name on the home page.
        tagline: String,
        /// Meta description of the home page (at most 200 characters).
        description: Spanned<String>,
    }
    file {
        /// The default edition's locale, `<lang>_<COUNTRY>` (its language
        /// picks `ui/<lang>.toml`).
        locale: String,
        /// Other editions, by language code: each needs `ui/<lang>.toml` and a
        /// translation beside every content file (`*.<lang>.toml`, `*.<lang>.md`).
        #[serde(default)]
        translations: Vec<Spanned<String>>,
        /// Canonical base URL; `--base-url` overrides it.
        base_url: Spanned<String>,
        /// Who publishes the site and how readers reach them (the About page).
        about: AboutFile,
        /// Figures for all occupations together, the baseline of comparisons.
        all_occupations: BaselineFile,
        /// BLS's OEWS files in `content/oews/`: the source every figure read
        /// from them cites.
        oews: Option<OewsFile>,
    }
    words { about: AboutWords }
}

translatable! {
    /// `[about]` in site.toml.
    file AboutFile,
    words AboutWords => crate::content::About,
    shared {
        /// Who publishes the site, in one sentence.
        publisher: String,
        /// How often figures are reviewed, in one sentence.
        review: String,
        /// The words of the report link.
        report_text: String,
    }
    file {
        /// Where to report a mistake: an https:// or mailto: address.
        report: Spanned<String>,
    }
    words {}
}

/// `sources.<lang>.toml` (optional): `[<id>]` with the words of a source
/// to show instead (its title may stay in the language it is written in).
pub(crate) type SourcesWords = BTreeMap<String, SourceWords>;

shape! {
    SourceWords {
        title: Option<String>,
        edition: Option<String>,
        publisher: Option<String>,
    }
}

shape! {
    /// `glossary.<lang>.toml`: `[terms.<id>]`.
    GlossaryWords {
        terms: BTreeMap<String, TermWords>,
    }
}

translatable! {
    /// A term of `content/glossary.toml`.
    file TermFile,
    /// A term of `glossary.<lang>.toml`.
    words TermWords => crate::content::Term,
    shared {
        /// The spelled-out form, for abbreviations only.
        expansion: Option<String>,
        definition: String,
        /// Other spellings to recognise in prose.
        #[serde(default)]
        also: Vec<String>,
    }
    file {
        /// Anchor on `/glossary`.
        id: Spanned<String>,
        /// The term as written in prose (`RHIT`, `accreditation`).
        term: Spanned<String>,
    }
    words { term: String }
}

shape! {
    /// `resources.<lang>.toml`: the same entries, in the same order.
    ResourcesWords {
        resources: Vec<ResourceWords>,
    }
}

translatable! {
    /// An entry of `content/resources.toml`.
    file ResourceFile,
    words ResourceWords => crate::content::Resource,
    shared { title: String, why: String }
    file {
        organisation: String,
        kind: Spanned<String>,
        url: Spanned<String>,
    }
    words {}
}

shape! {
    /// `content/glossary.toml`.
    GlossaryFile {
        terms: Vec<TermFile>,
    }
}

shape! {
    /// `content/resources.toml`.
    ResourcesFile {
        resources: Vec<ResourceFile>,
    }
}

shape! {
    /// `content/places.<lang>.toml`: place names in another language, by
    /// postal code (names left out stay as BLS writes them).
    PlacesWords {
        names: BTreeMap<String, String>,
    }
}

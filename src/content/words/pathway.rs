//! The shapes of a pathway's files: `pathway.toml`, `career-map.toml`,
//! `self-check.toml`, and their translations.

use crate::content::model::{CountFile, GrowthFile, IndustryFile, MoveFile, PayFile};
use std::collections::BTreeMap;
use toml::Spanned;

translatable! {
    /// `content/pathways/<slug>/pathway.toml`.
    file PathwayFile,
    /// `pathway.<lang>.toml`.
    words PathwayWords => crate::content::Pathway,
    shared {
        title: String,
        short_title: String,
        summary: String,
        /// Link-preview text for someone outside the field (at most 200 characters).
        description: Spanned<String>,
    }
    file {
        #[serde(default)]
        aliases: Vec<Spanned<String>>,
        last_reviewed: Spanned<toml::value::Datetime>,
        /// Section slugs in reading order; each is a `<slug>.md` beside this file.
        sections: Vec<Spanned<String>>,
        /// The figure link previews show (`occupation-id.field`) unless a
        /// section names its own.
        key_figure: Spanned<String>,
        /// Current occupations: every figure is for exactly its SOC code.
        occupations: Vec<GroupFile>,
        /// Older or broader groups, shown only under their own names.
        #[serde(default)]
        history: Vec<GroupFile>,
        /// The first steps card (overview and `{{ first-steps }}`).
        #[serde(default)]
        first_steps: Vec<LinkFile>,
        /// Parts of sections the one-sheet handout shows, as links to their
        /// headings (`/pathways/<slug>/<section>#<heading>`).
        #[serde(default)]
        handout: Vec<Spanned<String>>,
    }
    words {
        #[serde(default)]
        occupations: BTreeMap<String, GroupWords>,
        #[serde(default)]
        history: BTreeMap<String, GroupWords>,
        /// English industry name → its translation.
        #[serde(default)]
        industries: BTreeMap<String, String>,
        #[serde(default)]
        first_steps: Vec<TextWords>,
    }
}

translatable! {
    /// An occupation or a history group, with its dated figures.
    file GroupFile,
    words GroupWords => crate::content::Group,
    shared { title: String, description: String }
    file {
        id: Spanned<String>,
        /// The group's own SOC code (required for occupations).
        soc: Option<Spanned<String>>,
        onet: Option<String>,
        #[serde(default)]
        credentials: Vec<String>,
        entry_education: Option<EducationFile>,
        /// One entry per May year.
        #[serde(default)]
        pay: Vec<PayFile>,
        /// One entry per year.
        #[serde(default)]
        jobs: Vec<CountFile>,
        /// One entry per projection period.
        #[serde(default)]
        growth: Vec<GrowthFile>,
        /// Openings a year, one entry per projection start year.
        #[serde(default)]
        openings: Vec<CountFile>,
        /// Jobs by industry.
        #[serde(default)]
        industries: Vec<IndustryFile>,
    }
    words { entry_education: Option<EducationWords> }
}

translatable! {
    /// Typical entry-level education.
    file EducationFile,
    words EducationWords => crate::content::Education,
    shared {
        text: String,
        /// What the words mean, for readers outside the field.
        meaning: Option<String>,
        note: Option<String>,
    }
    file {
        year: Spanned<i32>,
        source: Spanned<String>,
    }
    words {}
}

translatable! {
    /// A link: its words and where it goes.
    file LinkFile,
    /// A link's words (it goes where the English one does).
    words TextWords => crate::content::Link,
    shared {
        #[serde(alias = "label")]
        text: String,
    }
    file { href: Spanned<String> }
    words {}
}

shape! {
    /// `career-map.<lang>.toml`.
    MapWords {
        levels: BTreeMap<String, LevelWords>,
        titles: BTreeMap<String, TitleWords>,
    }
}

translatable! {
    /// An education level of `career-map.toml`.
    file LevelFile,
    words LevelWords => crate::content::Level,
    shared {
        name: String,
        /// Typical length of study, in words.
        length: String,
        /// What the level prepares you for (credentials, accreditation).
        prepares: String,
    }
    file { id: Spanned<String> }
    words {}
}

translatable! {
    /// A job title of `career-map.toml`.
    file TitleFile,
    words TitleWords => crate::content::JobTitle,
    shared { name: String, summary: String }
    file {
        id: Spanned<String>,
        occupation: Spanned<String>,
        education: Spanned<String>,
        #[serde(default)]
        credentials: Vec<String>,
        #[serde(default)]
        moves: Vec<MoveFile>,
    }
    words {}
}

translatable! {
    /// `self-check.toml` beside a pathway: the "is it right for me?" statements.
    file SelfCheckFile,
    /// `self-check.<lang>.toml`.
    words CheckWords => crate::content::SelfCheck,
    shared { intro: String }
    file {
        statements: Vec<StatementFile>,
        next_steps: Vec<LinkFile>,
        /// The summary and the page to read next, by the shape of the answers.
        outcomes: OutcomesFile,
    }
    words {
        /// Link words, in the English order.
        next_steps: Vec<String>,
        statements: BTreeMap<String, StatementWords>,
        outcomes: OutcomesWords,
    }
}

translatable! {
    /// A statement of the self-check.
    file StatementFile,
    words StatementWords => crate::content::Statement,
    shared {
        text: String,
        yes: String,
        unsure: String,
        no: String,
    }
    file {
        id: Spanned<u32>,
        #[serde(default)]
        read_more: Vec<LinkFile>,
    }
    words {
        #[serde(default)]
        read_more: Vec<String>,
    }
}

shape! {
    OutcomesWords {
        yes: OutcomeWords,
        mixed: OutcomeWords,
        no: OutcomeWords,
    }
}

translatable! {
    /// One outcome of the self-check: its summary and the page to read next.
    file OutcomeFile,
    words OutcomeWords => crate::content::Outcome,
    shared { summary: String }
    file { read_next: LinkFile }
    words {
        read_next: String,
    }
}

shape! {
    /// `career-map.toml` beside a pathway.
    CareerMapFile {
        /// Education levels from entry to senior.
        levels: Vec<LevelFile>,
        titles: Vec<TitleFile>,
    }
}

shape! {
    /// `[outcomes.yes]`, `[outcomes.mixed]`, `[outcomes.no]`.
    OutcomesFile {
        yes: OutcomeFile,
        mixed: OutcomeFile,
        no: OutcomeFile,
    }
}

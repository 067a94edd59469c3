//! What a search answers with: the kinds of result, a result (one page
//! with its best headings), a page of results, and the figure a question
//! asks about.

use super::PER_PAGE;

/// What a figure question asks about (from the words of the query; the
/// words are the site's, in the `[search]` table of each language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Pay,
    Growth,
    Jobs,
    Education,
}

impl Topic {
    pub const ALL: [Topic; 4] = [Topic::Pay, Topic::Growth, Topic::Jobs, Topic::Education];

    /// The topic a figure belongs to.
    pub fn of(field: crate::content::figures::Field) -> Topic {
        use crate::content::figures::Field as F;
        match field {
            F::MedianPay | F::HourlyPay | F::PayRange => Topic::Pay,
            F::Growth | F::Change | F::Openings => Topic::Growth,
            F::Jobs | F::Employment => Topic::Jobs,
            F::EntryEducation => Topic::Education,
        }
    }

    /// The words that ask about it, comma-separated, in the site's language.
    pub(super) fn words(self, ui: &crate::content::ui::SearchUi) -> &str {
        match self {
            Topic::Pay => &ui.words_pay,
            Topic::Growth => &ui.words_growth,
            Topic::Jobs => &ui.words_jobs,
            Topic::Education => &ui.words_education,
        }
    }
}

/// What a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Overview,
    Section,
    Glossary,
    JobTitle,
    Resource,
    /// A state's pay page.
    StatePay,
}

impl Kind {
    /// The label shown on a result, in the site's words.
    pub fn label(self, ui: &crate::content::ui::SearchUi) -> String {
        match self {
            Kind::Overview => ui.kind_overview.clone(),
            Kind::Section => ui.kind_section.clone(),
            Kind::Glossary => ui.kind_glossary.clone(),
            Kind::JobTitle => ui.kind_title.clone(),
            Kind::Resource => ui.kind_resource.clone(),
            Kind::StatePay => ui.kind_state.clone(),
        }
    }

    /// Multiplies the text score: full explanations first on ties.
    pub(super) fn weight(self) -> f32 {
        match self {
            Kind::Section => 1.0,
            Kind::Overview => 0.9,
            Kind::Glossary => 0.8,
            Kind::JobTitle => 0.8,
            Kind::Resource => 0.75,
            Kind::StatePay => 1.0,
        }
    }
}

/// One result.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: Kind,
    /// Where it sits, outermost first ("HIM", "Pay").
    pub crumbs: Vec<String>,
    pub title: String,
    /// Site path with anchor.
    pub url: String,
    /// Safe HTML: escaped text with `<mark>` around matched words.
    pub snippet: String,
    /// The page's next best headings: (title, site path with anchor).
    pub more: Vec<(String, String)>,
}

impl Hit {
    /// The breadcrumb as one line of text ("HIM › Pay").
    pub fn breadcrumb(&self) -> String {
        self.crumbs.join(" › ")
    }
}

/// One page of results.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// The query as used (cut to [`MAX_QUERY_CHARS`]).
    pub query: String,
    /// The query was longer than [`MAX_QUERY_CHARS`] and was cut.
    pub cut: bool,
    /// Pages with a document matching at least one word.
    pub total: usize,
    /// The page shown (1-based; the last page when a later one was asked for).
    pub page: usize,
    /// The page asked for.
    pub requested_page: usize,
    /// Number of pages.
    pub pages: usize,
    pub hits: Vec<Hit>,
    /// The figure the query asks about, if it names one.
    pub topic: Option<Topic>,
    /// The state page the query names (a state by name), if any.
    pub place: Option<String>,
}

impl Results {
    pub fn has_prev(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.pages
    }

    /// 1-based position of the first hit on this page.
    pub fn first_position(&self) -> usize {
        (self.page - 1) * PER_PAGE + 1
    }
}

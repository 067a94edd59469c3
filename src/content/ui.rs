//! The table of interface words (`content/ui/<lang>.toml`): navigation,
//! buttons, table headings, figure formats, comparison sentences, error
//! pages. Templates and the engine take every fixed word from here, so a
//! language is added by adding a file. Each key lists the `{slots}` the
//! engine fills; a missing key, an unknown key or a wrong slot is an error
//! at `path:line:col`.

use serde::Deserialize;

mod numbers;
mod vocabulary;

pub(crate) use vocabulary::Vocabulary;

/// One string of a group: (key, text, the slots it must use).
type Entry<'a> = (&'static str, &'a str, &'static [&'static str]);

/// Declares one group of strings: its fields and the slots each may use.
macro_rules! strings {
    ($(#[$doc:meta])* $name:ident { $($field:ident : [$($slot:literal),*]),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(pub $field: String,)*
        }

        impl $name {
            /// (key, text, the slots it must use).
            fn entries(&self) -> Vec<Entry<'_>> {
                vec![$((stringify!($field), self.$field.as_str(), &[$($slot),*]),)*]
            }
        }
    };
}

strings!(
    /// Header, footer, breadcrumbs: on every page.
    Chrome {
        skip: [], site_nav: [], nav_pathways: [], nav_pathways_short: [], nav_glossary: [], nav_resources: [],
        nav_about: [], search_label: [], search_placeholder: [], search_button: [],
        crumbs: [], home: [], footer: ["site"], footer_nav: [], sitemap: [],
        reviewed: ["date"], anchor: ["name"], anchor_copied: [], language: [], note: ["n"], table: [],
    }
);

strings!(
    /// How figures are written.
    Figures {
        annual: ["amount"], hourly: ["amount"], range: ["low", "high"], jobs: ["count"],
        employment: ["count"], percent: ["percent"], more_jobs: ["count"], fewer_jobs: ["count"],
        openings: ["count"], may: ["year"], year: ["year"], period: ["period"],
        with_when: ["value", "when"], history: ["value", "when", "group"],
        not_given: [], soc: ["code"], stale: ["year"], median_name: ["when"], soc_set: [],
    }
);

strings!(
    /// How numbers are written: the thousands separator, the decimal mark,
    /// money (`${amount}`, `{amount} $`) and percentages (see `numbers`).
    Numbers {
        group: [], decimal: [], money: ["amount"], percent: ["percent"],
    }
);

strings!(
    /// The sentences of same-year comparisons with all occupations.
    Compare {
        pay_above: ["when", "group", "figure", "base"],
        pay_below: ["when", "group", "figure", "base"],
        pay_same: ["when", "group", "figure"],
        growth_above: ["group", "figure", "period", "base"],
        growth_below: ["group", "figure", "period", "base"],
        growth_same: ["group", "figure", "period", "base"],
        pay_above_only: ["when", "group", "base"],
        pay_below_only: ["when", "group", "base"],
        pay_same_only: ["when", "group", "base"],
        growth_above_only: ["group", "period", "base"],
        growth_below_only: ["group", "period", "base"],
        growth_same_only: ["group", "period", "base"],
    }
);

strings!(
    /// Figure tables.
    Tables {
        occupation: [], group: [], per_year: [], per_hour: [], when: [],
        all_same_year: [], all_same_period: [], pay_caption: [], pay_note: [],
        outlook_caption: [], jobs: [], growth: [], openings: [], history_caption: [],
        history_note: [], pay: [], industries_caption: ["group"], industry: [],
        education_caption: [], level: [], length: [], prepares: [], titles: [],
        occupation_pay: [],
    }
);

strings!(
    /// Source markers and lists.
    Sources {
        heading: [], marker: ["n"], entry_years: ["years"], data_note: [],
    }
);

strings!(
    /// The share panel.
    Share {
        heading: [], link: [], copy: [], email: [], sms: [], native: [], copied: [],
        copy_failed: [],
    }
);

strings!(
    /// The self-check form and the first-steps card.
    Parts {
        answer_yes: [], answer_unsure: [], answer_no: [], submit: [], unanswered: [],
        first_steps: [],
    }
);

strings!(
    /// The pay picture.
    Picture {
        title: ["pathway"], starts: ["education"], all_jobs: ["when", "amount"], key: [],
    }
);

strings!(
    /// Pay by state, and each state's pay page.
    States {
        title: ["pathway"], description: ["pathway", "year"], lead: ["year"],
        picker_heading: [], picker: [], picker_button: [], choose: [],
        map_caption: ["occupation", "year"], map_hint: [], no_estimate: [], key_range: ["low", "high"],
        table_caption: ["occupation", "year"], state: [], median: [], range: [], employment: [],
        per_thousand: [], page_title: ["pathway", "state"], page_description: ["pathway", "state", "year"],
        page_lead: ["state", "year"], not_published: [], at_least: ["amount"],
        spread: ["low", "high", "p25", "p75"], spread_unknown: [], spread_key: [], per_thousand_line: ["value", "state"],
        lq_more: ["state", "times"], lq_less: ["state"], lq_same: ["state"],
        pay_above: ["group", "state", "figure", "base"], pay_below: ["group", "state", "figure", "base"],
        pay_same: ["group", "state", "figure"], pay_alone: ["group", "state", "figure"],
        metros_heading: ["state"], metros_lead: [], metros_caption: ["state", "year"], area: [],
        jobs_short: ["count"], no_metros: ["state"], back: [], national: [], in_your_state: [],
        in_your_state_text: [], unknown_state: [],
    }
);

strings!(
    /// Home page.
    Home {
        title: ["site", "tagline"], pathways: [], start: [], students: [], students_text: [], self_check: [], overview: ["pathway"], advisors: [], advisors_text: [], handout: ["pathway"], family: [], family_text: [], glossary: [],
    }
);

strings!(
    /// The list of pathways.
    List {
        title: [], description: [], lead: [], sections: ["count", "sections"],
    }
);

strings!(
    /// A pathway overview.
    Overview {
        title: ["title", "short"], quick_facts: [], occupation: [], jobs: [], growth: [], education: [], covers: [], career_map: [], career_map_text: ["short"], print_heading: [], handout: [], handout_text: [], print_all: [], print_all_text: [], questions: ["n"],
    }
);

strings!(
    /// Section pages: menu, pager, table of contents.
    SectionUi {
        menu: ["pathway"], menu_button: ["pathway", "n", "total"], step: ["n", "total"], next: ["title"], on_this_page: [], previous: [], next_short: [], pager: ["pathway"], key_figure: [],
    }
);

strings!(
    /// The career map.
    Map {
        title: ["short"], description: ["short"], lead: ["field"], diagram: [], diagram_desc: [], legend_advance: [], legend_lateral: [], legend_hint: [], length: ["length"], occupation: ["occupation"], credentials: ["list"], advance: [], lateral: [], pay_note: [], footer: [],
    }
);

strings!(
    /// The handouts.
    Print {
        handout_title: ["title", "short"], all_title: ["title", "short"], kicker: ["site"], online: [], qr: [], qr_label: [], print_button: [], print_hint: [], contents: [], see_all: ["url"],
    }
);

strings!(
    /// The glossary page.
    GlossaryUi {
        title: [], description: [], lead: [],
    }
);

strings!(
    /// The resources page.
    ResourcesUi {
        title: [], description: [], lead: [], certification: [], accreditation: [], education: [], data: [],
    }
);

strings!(
    /// The About page.
    AboutUi {
        title: [], description: [], who: [], figures: [], figures_text: [], review: [], report: [], report_text: [],
    }
);

strings!(
    /// Error pages.
    Errors {
        not_found: [], not_found_text: [], bad_request: [], bad_request_text: [], too_long: [], too_long_text: [], method: [], method_text: [], upload: [], upload_text: [], timeout: [], timeout_text: [], internal: [], internal_text: [], answers: [], answers_text: ["problem"], search: [], search_text: ["problem"], where_next: [], overview: ["pathway"], editor: [], editor_text: [], bad_escape: [], bad_utf8: [],
    }
);

strings!(
    /// The self-check result page.
    Results {
        title: ["short"], description: ["field"], crumb: [], heading: [], answered: ["answered", "total", "yes", "unsure", "no"], read_next: [], your_answer: [], skipped: [], read_more: [], next_steps: [], send: [], send_text: [], link: [], mail: ["short"], change: [], bad_answer: ["answer"], bad_number: ["value", "list"], no_statement: ["n", "list"], too_many: ["max"],
    }
);

strings!(
    /// The search page.
    SearchUi {
        title: [], title_query: ["query"], results: [], description: [], cut: [], empty: [], examples: [], example_list: [], none: ["query"], suggestions: [], tip_spelling: [], tip_fewer: [], tip_quotes: [], browse: [], one: ["query"], many: ["count", "query"], page_of: ["page", "pages"], past_end: ["requested"], first_page: [], pages: [], page: ["page"], kind_overview: [], kind_section: [], kind_glossary: [], kind_title: [], kind_resource: [], kind_state: [], glossary_desc: [], resources_desc: [],
        more: [], words_pay: [], words_state: [], words_growth: [], words_jobs: [], words_education: [], answer_heading: [], answer_pay: ["group"], answer_pay_state: ["group", "state"], answer_growth: ["group"], answer_jobs: ["group"], answer_jobs_state: ["group", "state"], answer_education: ["group"], answer_where: [], other_edition: ["language", "query", "count"], language_names: [],
    }
);

/// Dates: month names and the order of day, month and year.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    pub months: Vec<String>,
    pub date: String,
}

/// Every interface word of one language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    /// BCP 47 code (the file's name): `lang`, `hreflang`, URL prefix.
    pub lang: String,
    /// The language's own name ("English", "Español"), for the switch.
    pub name: String,
    /// Open Graph locale (`<lang>_<COUNTRY>`).
    pub locale: String,
    pub dates: Dates,
    pub numbers: Numbers,
    /// The search stemmer, stop words and synonyms.
    pub vocabulary: Vocabulary,
    pub chrome: Chrome,
    pub figures: Figures,
    pub compare: Compare,
    pub tables: Tables,
    pub sources: Sources,
    pub share: Share,
    pub parts: Parts,
    pub picture: Picture,
    pub states: States,
    pub home: Home,
    pub list: List,
    pub overview: Overview,
    pub section: SectionUi,
    pub map: Map,
    pub print: Print,
    pub glossary: GlossaryUi,
    pub resources: ResourcesUi,
    pub about: AboutUi,
    pub errors: Errors,
    pub results: Results,
    pub search: SearchUi,
}

impl Ui {
    /// `24 November 2026` (or the language's order and month names).
    pub fn date(&self, d: &super::Date) -> String {
        let month = self
            .dates
            .months
            .get(usize::from(d.month.clamp(1, 12)) - 1)
            .map_or("", String::as_str);
        crate::util::text::fill(
            &self.dates.date,
            &[
                ("day", &d.day.to_string()),
                ("month", month),
                ("year", &d.year.to_string()),
            ],
        )
    }

    /// Every string that uses a slot it may not, or leaves out one it
    /// must: (key, message).
    pub(crate) fn slot_problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let groups: Vec<(&str, Vec<Entry<'_>>)> = vec![
            ("numbers", self.numbers.entries()),
            ("chrome", self.chrome.entries()),
            ("figures", self.figures.entries()),
            ("compare", self.compare.entries()),
            ("tables", self.tables.entries()),
            ("sources", self.sources.entries()),
            ("share", self.share.entries()),
            ("parts", self.parts.entries()),
            ("picture", self.picture.entries()),
            ("states", self.states.entries()),
            ("home", self.home.entries()),
            ("list", self.list.entries()),
            ("overview", self.overview.entries()),
            ("section", self.section.entries()),
            ("map", self.map.entries()),
            ("print", self.print.entries()),
            ("glossary", self.glossary.entries()),
            ("resources", self.resources.entries()),
            ("about", self.about.entries()),
            ("errors", self.errors.entries()),
            ("results", self.results.entries()),
            ("search", self.search.entries()),
        ];
        for (group, entries) in groups {
            for (key, text, want) in entries {
                let used = crate::util::text::slots(text);
                for u in &used {
                    if !want.contains(u) {
                        out.push((
                            format!("{group}.{key}"),
                            format!(
                                "`{{{u}}}` is not a slot of `{group}.{key}`; its slots are: {}",
                                slot_list(want)
                            ),
                        ));
                    }
                }
                for w in want.iter() {
                    if !used.contains(w) {
                        out.push((
                            format!("{group}.{key}"),
                            format!("`{group}.{key}` must use the slot `{{{w}}}`"),
                        ));
                    }
                }
            }
        }
        if self.dates.months.len() != 12 {
            out.push((
                "dates.months".into(),
                format!(
                    "`months` lists {} names; it needs 12",
                    self.dates.months.len()
                ),
            ));
        }
        out
    }
}

fn slot_list(slots: &[&str]) -> String {
    if slots.is_empty() {
        "none".into()
    } else {
        slots
            .iter()
            .map(|s| format!("{{{s}}}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

//! Figures as readers see them: every figure carries a visible source
//! marker that leads to its entry in the page's source list (which names the
//! publisher and the data years), comparisons are made with all occupations
//! of the same year, and a history group's figure always carries the group's
//! own name.

use crate::helpers::*;
use scraper::CaseSensitivity::CaseSensitive;
use scraper::{ElementRef, Html, Node};

/// A run of text in `main`.
struct Run<'a> {
    text: String,
    /// The element right after it.
    next: Option<ElementRef<'a>>,
    /// It sits in a row of a history table.
    in_history_row: bool,
}

/// Text nodes of `main` outside drawings (an SVG is `aria-hidden`; its
/// text equivalent is beside it).
fn text_runs(doc: &Html) -> Vec<Run<'_>> {
    let main = one(doc, "main");
    let mut out = Vec::new();
    for node in main.descendants() {
        let Node::Text(t) = node.value() else {
            continue;
        };
        let inside_drawing = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "svg" | "script" | "title" | "desc"))
        });
        if inside_drawing {
            continue;
        }
        let in_history_row = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.name() == "tr" && e.has_class("history", CaseSensitive))
        });
        out.push(Run {
            text: t.to_string(),
            next: node.next_sibling().and_then(ElementRef::wrap),
            in_history_row,
        });
    }
    out
}

/// Figures as the engine writes them: `$50,250`, `$24.16`, `7%`, `3.1%`,
/// `194,800`. Prose never types one (the content spec), so every such
/// number on a page came from the data.
fn figures_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let dollar = chars[i] == '$';
        let start = i;
        if dollar {
            i += 1;
        }
        if i < chars.len()
            && chars[i].is_ascii_digit()
            && (dollar || start == 0 || !chars[start - 1].is_alphanumeric())
        {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || ((chars[j] == ',' || chars[j] == '.')
                        && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                j += 1;
            }
            let number: String = chars[i..j].iter().collect();
            let percent = chars.get(j) == Some(&'%');
            if dollar || percent || number.contains(',') {
                let end = if percent { j + 1 } else { j };
                out.push(chars[start..end].iter().collect());
            }
            i = j.max(i + 1);
        } else {
            i = start + 1;
        }
    }
    out
}

/// The date a figure's words give, as its source entry lists it:
/// "(May 2024)" → "May 2024", "(projected 2024–34)" → "2024–34",
/// "(May 2020, for the older group …)" → "May 2020".
fn date_of(run: &str) -> Option<String> {
    let run = run.trim_end();
    let open = run.rfind('(')?;
    let inner = run[open + 1..].strip_suffix(')')?;
    let date = inner.split(',').next()?.trim();
    let date = date.strip_prefix("projected ").unwrap_or(date);
    date.chars()
        .any(|c| c.is_ascii_digit())
        .then(|| date.to_string())
}

/// A run of four digits that reads as a year.
fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")))
}

#[test]
fn the_figure_finder_finds_figures_and_nothing_else() {
    assert_eq!(
        figures_in(
            "In May 2024, they earned $50,250 a year (May 2024), and 7% or 3.1% more; 194,800 jobs; code 29-2072; $24.16"
        ),
        ["$50,250", "7%", "3.1%", "194,800", "$24.16"]
    );
    assert!(figures_in("2022–32, 1 in 10, RHIT").is_empty());
    assert_eq!(
        date_of("$50,250 a year (May 2024)").as_deref(),
        Some("May 2024")
    );
    assert_eq!(
        date_of("7% (projected 2024–34)").as_deref(),
        Some("2024–34")
    );
    assert_eq!(
        date_of("$44,090 a year (May 2020, for the older group “X”)").as_deref(),
        Some("May 2020")
    );
    assert_eq!(date_of("$50,250 a year"), None);
    assert!(has_year("Figures from 2024–34.") && !has_year("Code 29-9021, 1 in 10."));
}

/// Every figure on every page of the sample has a visible source marker
/// right after it; the marker's link lands on an entry of the page's own
/// source list, which names the publisher and the data years.
#[tokio::test]
async fn every_figure_on_every_page_has_a_marker_that_leads_to_its_source() {
    let loaded = sample_state().current();
    let mut figures = 0;
    let mut markers = 0;
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        for Run {
            text: run, next, ..
        } in text_runs(&doc)
        {
            let found = figures_in(&run);
            if found.is_empty() {
                continue;
            }
            figures += found.len();
            let marker = next
                .filter(|e| e.value().name() == "sup" && e.value().has_class("src", CaseSensitive))
                .unwrap_or_else(|| {
                    panic!("{path}: {found:?} in {run:?} has no source marker after it")
                });
            let a = marker
                .select(&sel("a"))
                .next()
                .expect("the marker is a link");
            let label = text_of(a);
            assert!(
                label.starts_with('[') && label.len() > 2,
                "{path}: marker {label:?}"
            );
            let href = a.value().attr("href").unwrap();
            let id = href
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{path}: {href} is not on the page"));
            let entry = one(&doc, &format!(".source-list li[id='{id}']"));
            let entry_text = text_of(entry);
            let url = entry
                .select(&sel("a"))
                .next()
                .unwrap()
                .value()
                .attr("href")
                .unwrap();
            // Editions of one page share its address: the entry names one.
            let named = loaded.default_edition().site.sources.values().any(|s| {
                s.url == url
                    && entry_text.contains(&s.publisher)
                    && entry_text.contains(&s.title)
                    && s.edition
                        .as_ref()
                        .is_none_or(|e| entry_text.contains(e.as_str()))
            });
            assert!(named, "{path}: {entry_text} names its publisher and title");
            if let Some(date) = date_of(&run) {
                assert!(entry_text.contains(&date), "{path}: {date} in {entry_text}");
            } else {
                assert!(
                    has_year(&entry_text),
                    "{path}: {entry_text} names no data year"
                );
            }
            markers += 1;
        }
    }
    assert!(
        figures > 100 && markers > 100,
        "{figures} figures, {markers} markers"
    );
}

#[tokio::test]
async fn every_marker_on_a_page_leads_to_an_entry_of_its_source_list() {
    let loaded = sample_state().current();
    let mut markers = 0;
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        let entries = attrs(&doc, ".source-list li", "id");
        // Each marker's entry, in the order the markers stand on the page.
        let mut cited: Vec<usize> = Vec::new();
        for href in attrs(&doc, "sup.src a", "href") {
            markers += 1;
            let id = href
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{path}: {href}"));
            let at = entries.iter().position(|e| e == id);
            let at = at.unwrap_or_else(|| panic!("{path}: {href} has no entry"));
            if !cited.contains(&at) {
                cited.push(at);
            }
        }
        // Entries are numbered 1, 2, ... in the order markers first cite
        // them (entries cited by no marker, for words only, come after).
        let values = attrs(&doc, ".source-list li", "value");
        let want: Vec<String> = (1..=values.len()).map(|n| n.to_string()).collect();
        assert_eq!(values, want, "{path}");
        let first_cited: Vec<usize> = (0..cited.len()).collect();
        assert_eq!(cited, first_cited, "{path}: entries out of marker order");
    }
    assert!(markers > 50, "markers on the sample's pages: {markers}");
}

/// History groups (older or broader groups) are shown only under their own
/// names: a history figure in prose names its group, a history row shows the
/// group's title, and no row labelled with a current occupation's SOC code
/// shows a history figure.
#[tokio::test]
async fn a_history_figure_always_carries_its_own_groups_name() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let history: Vec<_> = p.history().collect();
    assert!(!history.is_empty());
    // Each history group's values as pages write them.
    let values: Vec<(String, &str)> = history
        .iter()
        .flat_map(|g| {
            g.pay
                .iter()
                .map(|x| money(x.annual))
                .chain(g.jobs.iter().map(|x| number(u64::from(x.value))))
                .map(move |v| (v, g.title.as_str()))
        })
        .collect();
    let codes: Vec<String> = p.occupations().map(|o| o.soc.clone().unwrap()).collect();
    let mut seen = 0;
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        // Rows: a history row is titled with the group's own name.
        for row in doc.select(&sel("tr")) {
            let Some(th) = row.select(&sel("th")).next() else {
                continue;
            };
            let label = text_of(th);
            let text = text_of(row);
            if codes.iter().any(|c| label.contains(c.as_str())) {
                for (v, group) in &values {
                    assert!(
                        !text.contains(v.as_str()),
                        "{path}: the row {label:?} shows {v}, a figure of {group}"
                    );
                }
            }
            if row.value().has_class("history", CaseSensitive) {
                assert!(
                    history.iter().any(|g| label.starts_with(&g.title)),
                    "{path}: history row {label:?}"
                );
            }
        }
        // Prose: the words around a history figure name its group.
        for run in text_runs(&doc) {
            for (v, group) in &values {
                if !figures_in(&run.text).contains(v) {
                    continue;
                }
                if run.in_history_row {
                    continue;
                }
                assert!(
                    run.text.to_lowercase().contains(&group.to_lowercase()),
                    "{path}: {v} of {group} appears without its name: {:?}",
                    run.text
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 0, "the sample shows history figures in prose");
}

#[tokio::test]
async fn history_tables_show_each_group_under_its_own_name_and_code() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let doc = get(&format!("{HIM}/salary")).await.html();
    let rows: Vec<_> = doc.select(&sel("table.figures.history tbody tr")).collect();
    let history: Vec<_> = p.history().collect();
    assert_eq!(rows.len(), history.len());
    for (row, g) in rows.iter().zip(&history) {
        assert!(row.value().has_class("history", CaseSensitive));
        let th = text_of(row.select(&sel("th")).next().unwrap());
        match &g.soc {
            Some(code) => assert_eq!(th, format!("{}SOC {code}", g.title)),
            None => assert_eq!(th, g.title),
        }
        let pay = g.pay.first().unwrap();
        let text = text_of(*row);
        assert!(text.contains(&money(pay.annual)), "{text}");
        assert!(text.contains(&format!("May {}", pay.year)), "{text}");
    }
}

/// A comparison is one sentence with both figures, each marked, and the
/// year they share.
#[tokio::test]
async fn a_comparison_names_both_figures_and_the_year_they_share() {
    let (s, one) = pay_sentence("{{ compare worker.median_pay }}", "median");
    let text = &one.text;
    assert!(text.contains(&money(one.pay)), "{text}");
    assert!(text.contains(&money(one.base)), "{text}");
    assert!(text.contains(&format!("May {}", one.year)), "{text}");
    assert!(
        text.to_lowercase().contains(&one.group.to_lowercase()),
        "{text}"
    );
    assert!(text.ends_with('.'), "{text}");
    assert_eq!(one.html.select(&sel("sup.src")).count(), 2, "{text}");
    // An older year compares with the baseline of that year.
    s.edit(
        "pathways/demo/pay.md",
        "{{ compare worker.median_pay }}",
        "{{ compare worker.median_pay@2023 }}",
    );
    let loaded = s.built();
    let doc = stored_html(&loaded, "/pathways/demo/pay");
    let text = texts(&doc, ".prose p").join(" ");
    let old = loaded.default_edition().site.pathways[0]
        .group("worker")
        .unwrap()
        .pay[1]
        .clone();
    let old_base = loaded.default_edition().site.baseline.pay_in(2023).unwrap();
    assert!(text.contains(&money(old.annual)), "{text}");
    assert!(text.contains(&money(old_base.annual)), "{text}");
    assert!(
        text.contains("May 2023") && !text.contains("May 2024"),
        "{text}"
    );
}

/// `{{ relation }}` says how a figure compares (the engine's word, from
/// data) and gives the same-year all-jobs figure, without repeating the
/// figure a table on the page already shows.
#[tokio::test]
async fn a_relation_gives_the_engines_word_and_the_baseline_but_not_the_figure() {
    let (s, one) = pay_sentence("{{ relation worker.median_pay }}", "all occupations");
    let text = &one.text;
    assert!(!text.contains(&money(one.pay)), "{text}");
    assert!(text.contains(&money(one.base)), "{text}");
    assert!(text.contains(&format!("May {}", one.year)), "{text}");
    let word = match one.pay.cmp(&one.base) {
        std::cmp::Ordering::Greater => "more than",
        std::cmp::Ordering::Less => "less than",
        std::cmp::Ordering::Equal => "the same as",
    };
    assert!(text.contains(word), "{text}");
    // One source marker: the all-occupations figure's.
    assert_eq!(one.html.select(&sel("sup.src")).count(), 1, "{text}");
    // A relation with no same-year baseline is an error, as a comparison is.
    s.edit(
        "pathways/demo/pay.md",
        "{{ relation worker.median_pay }}",
        "{{ relation worker.median_pay@1999 }}",
    );
    let (line, col) = s.position("pathways/demo/pay.md", "{{ relation");
    let errors = s.errors();
    let at = format!("pay.md:{line}:{col}:");
    assert!(
        errors.iter().any(|e| e.contains(&at) && e.contains("1999")),
        "{errors:?}"
    );
}

/// The demo pathway's pay page with `shortcode` in place of its figure.
struct PaySentence {
    text: String,
    html: scraper::Html,
    group: String,
    pay: u32,
    base: u32,
    year: i32,
}

/// Build the minimal fixture with `shortcode` on its pay page, and read
/// back the paragraph holding `marker`, with the figures it should name.
fn pay_sentence(shortcode: &str, marker: &str) -> (Scratch, PaySentence) {
    let s = Scratch::of("minimal");
    s.edit(
        "pathways/demo/pay.md",
        "Workers earn {{ figure worker.median_pay }}.",
        shortcode,
    );
    let loaded = s.built();
    let site = &loaded.default_edition().site;
    let worker = site.pathways[0].group("worker").unwrap();
    let pay = worker.pay.first().unwrap();
    let base = site.baseline.pay_in(pay.year).unwrap();
    let doc = stored_html(&loaded, "/pathways/demo/pay");
    let sentence = doc
        .select(&sel(".prose p"))
        .find(|p| text_of(*p).contains(marker))
        .expect("the sentence");
    let one = PaySentence {
        text: text_of(sentence),
        html: scraper::Html::parse_fragment(&sentence.html()),
        group: worker.title.clone(),
        pay: pay.annual,
        base: base.annual,
        year: pay.year,
    };
    (s, one)
}

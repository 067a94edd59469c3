//! Mistakes in figures: a figure without a source or citing one that is not
//! in `sources.toml`, an old figure (a warning), an unknown figure or year
//! in prose, and comparisons with no all-occupations baseline of the same
//! years.

use super::{demo, located, one_error};
use crate::helpers::*;

#[test]
fn a_figure_without_a_source_is_an_error_that_says_figures_need_sources() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "value = 1000\nyear = 2024\nsource = \"stats\"",
        "value = 1000\nyear = 2024",
    );
    let e = one_error(&s);
    assert!(e.starts_with(&s.shown(&demo("pathway.toml"))), "{e}");
    assert!(e.contains("missing field `source`"), "{e}");
    assert!(e.contains("every figure needs `year`"), "{e}");
}

#[test]
fn a_figure_citing_an_unknown_source_points_at_the_source() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "value = 1000\nyear = 2024\nsource = \"stats\"",
        "value = 1000\nyear = 2024\nsource = \"nowhere\"",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pathway.toml"), "\"nowhere\"");
    located(&e, &s, &demo("pathway.toml"), at);
    assert!(e.contains("`nowhere` is not in sources.toml"), "{e}");
}

#[test]
fn an_old_figure_is_a_warning_not_an_error() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "value = 1000\nyear = 2024",
        "value = 1000\nyear = 2019",
    );
    let loaded = s.load().expect("warnings do not stop the build");
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("figure may be out of date"))
        .expect("a warning about the old figure");
    assert_eq!(
        (w.line, w.col),
        s.position(&demo("pathway.toml"), "2019"),
        "{w}"
    );
}

#[test]
fn an_unknown_figure_in_prose_points_at_the_shortcode() {
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "worker.median_pay", "worker.salary");
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (7, 14));
    assert!(e.contains("`salary` is not a figure"), "{e}");
}

#[test]
fn a_figure_of_a_year_the_data_lacks_lists_the_years_it_has() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "{{ figure worker.median_pay }}",
        "{{ figure worker.median_pay@2020 }}",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (7, 14));
    assert!(
        e.contains("no pay figure for 2020") && e.contains("2024, 2023"),
        "{e}"
    );
}

/// The history group's pay is from May 2019; the baseline has 2023 and
/// 2024 only. A comparison across years is never made: the build stops.
#[test]
fn a_comparison_with_no_baseline_of_the_same_year_stops_the_build() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "Workers earn {{ figure worker.median_pay }}.",
        "Workers earn {{ figure worker.median_pay }}. {{ compare old-group.median_pay }}",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pay.md"), "{{ compare old-group");
    located(&e, &s, &demo("pay.md"), at);
    assert!(
        e.contains("no all-occupations median pay for May 2019"),
        "{e}"
    );
}

#[test]
fn a_comparison_of_a_growth_period_without_a_baseline_stops_the_build() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "from = 2024\nto = 2034\noutlook",
        "from = 2023\nto = 2033\noutlook",
    );
    s.edit(
        &demo("pay.md"),
        "Workers earn {{ figure worker.median_pay }}.",
        "Workers earn {{ figure worker.median_pay }}. {{ compare worker.growth }}",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pay.md"), "{{ compare worker.growth");
    located(&e, &s, &demo("pay.md"), at);
    assert!(e.contains("no all-occupations growth for 2023-2033"), "{e}");
}

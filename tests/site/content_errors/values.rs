//! Values no page should print (issue 25): figures that are not numbers,
//! negative, zero or absurd; blank titles; an implausible review date; and
//! control characters, from a TOML escape or in the file itself. Each is an
//! error at the value.

use super::{demo, located, one_error};
use crate::helpers::*;

/// Replace `from` with `to` in the demo pathway.toml; the one error must
/// be at `to` and say `says`.
#[track_caller]
fn bad_figure(from: &str, to: &str, at: &str, says: &str) {
    let s = Scratch::of("minimal");
    s.edit(&demo("pathway.toml"), from, to);
    let e = one_error(&s);
    let (line, col) = s.position(&demo("pathway.toml"), to);
    let within = to.find(at).expect("`at` is in `to`");
    assert!(!to[..within].contains('\n'));
    located(&e, &s, &demo("pathway.toml"), (line, col + within));
    assert!(e.contains(says), "{e}");
}

#[test]
fn figures_that_are_not_numbers_are_errors_at_the_value() {
    bad_figure(
        "hourly = 24.04",
        "hourly = nan",
        "nan",
        "not a number a page can show",
    );
    bad_figure(
        "percent = 5",
        "percent = inf",
        "inf",
        "not a number a page can show",
    );
    bad_figure(
        "percent = 5",
        "percent = -inf",
        "-inf",
        "not a number a page can show",
    );
}

#[test]
fn negative_zero_and_absurd_figures_are_errors_at_the_value() {
    bad_figure(
        "hourly = 24.04",
        "hourly = -24.04",
        "-24.04",
        "not a plausible hourly pay",
    );
    bad_figure(
        "hourly = 24.04",
        "hourly = 0.0",
        "0.0",
        "not a plausible hourly pay",
    );
    bad_figure(
        "hourly = 24.04",
        "hourly = 2404.0",
        "2404.0",
        "not a plausible hourly pay",
    );
    // An hourly figure far from the annual one is a typing mistake.
    bad_figure(
        "hourly = 24.04",
        "hourly = 2.404",
        "2.404",
        "far from the annual 50000",
    );
    bad_figure(
        "annual = 50000\nhourly = 24.04",
        "annual = 0",
        "0",
        "more than 0",
    );
    bad_figure(
        "annual = 50000\nhourly = 24.04",
        "annual = 4000000000",
        "4000000000",
        "at most 1000000",
    );
    bad_figure("value = 1000", "value = 0", "0", "a number of jobs");
    bad_figure(
        "value = 1000",
        "value = 3000000000",
        "3000000000",
        "at most",
    );
    bad_figure(
        "percent = 5",
        "percent = -100",
        "-100",
        "not a plausible change",
    );
    bad_figure(
        "percent = 5",
        "percent = 5000",
        "5000",
        "not a plausible change",
    );
    bad_figure(
        "change = 50",
        "change = -9000000000",
        "-9000000000",
        "change in jobs",
    );
}

#[test]
fn a_blank_title_is_an_error_at_the_value() {
    for blank in ["\"\"", "\"   \""] {
        let s = Scratch::of("minimal");
        s.edit(
            &demo("intro.md"),
            "title = \"What is it?\"",
            &format!("title = {blank}"),
        );
        let e = one_error(&s);
        located(
            &e,
            &s,
            &demo("intro.md"),
            s.position(&demo("intro.md"), blank),
        );
        assert!(e.contains("this text is blank"), "{e}");
    }
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "title = \"Demo Pathway\"",
        "title = \" \"",
    );
    let e = one_error(&s);
    located(
        &e,
        &s,
        &demo("pathway.toml"),
        s.position(&demo("pathway.toml"), "\" \""),
    );
}

#[test]
fn an_implausible_review_date_is_an_error_at_the_date() {
    for (date, says) in [
        // So early that no figure would ever be out of date.
        ("0000-01-01", "not a plausible date"),
        // Before the data year of the figures it reviewed.
        ("2023-12-31", "before 2024"),
        ("2999-01-01", "in the future"),
    ] {
        let s = Scratch::of("minimal");
        s.edit(
            &demo("pathway.toml"),
            "last_reviewed = 2025-01-15",
            &format!("last_reviewed = {date}"),
        );
        let e = one_error(&s);
        located(
            &e,
            &s,
            &demo("pathway.toml"),
            s.position(&demo("pathway.toml"), date),
        );
        assert!(e.contains(says), "{e}");
    }
}

#[test]
fn a_control_character_never_gets_past_the_loader() {
    // `\b` in double quotes is a backspace.
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "title = \"What is it?\"",
        "title = \"C:\\backup\"",
    );
    let e = one_error(&s);
    located(
        &e,
        &s,
        &demo("intro.md"),
        s.position(&demo("intro.md"), "\"C:"),
    );
    assert!(e.contains("control character \\u{8}"), "{e}");
    // An escape anywhere in any TOML file, in a list too.
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "credentials = [\"ABC\"]",
        "credentials = [\"A\\u0007BC\"]",
    );
    let e = one_error(&s);
    located(
        &e,
        &s,
        &demo("pathway.toml"),
        s.position(&demo("pathway.toml"), "\"A\\u0007"),
    );
    // A raw one in Markdown.
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "ABC work is work.",
        "ABC work\u{1b}[2J is work.",
    );
    let e = one_error(&s);
    located(
        &e,
        &s,
        &demo("intro.md"),
        s.position(&demo("intro.md"), "\u{1b}"),
    );
    assert!(e.contains("control character"), "{e}");
    // Tabs are whitespace, not control characters a reader would see.
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "summary = \"An introduction.\"",
        "summary = \"An\\tintroduction.\"",
    );
    s.built();
}

#[test]
fn export_never_writes_an_image_that_could_not_be_made() {
    use pathways::store::{CachePolicy, Lazy, Stored};
    let s = Scratch::of("minimal");
    let mut loaded = s.built();
    let path = "/og/broken.0123456789.png";
    loaded.store.insert_lazy(
        path,
        Lazy::new("image/png", CachePolicy::Immutable, || {
            Stored::new(
                axum::http::StatusCode::NOT_FOUND,
                "text/plain; charset=utf-8",
                CachePolicy::NoStore,
                Vec::new(),
            )
        }),
    );
    let out = s.path("exported");
    let e = pathways::export::export(&loaded, &out).expect_err("export refuses");
    assert!(e.to_string().contains(path), "{e:#}");
    assert!(!out.join(pathways::export::file_for(path)).exists());
}

//! What `check` holds content to beyond each file (issue 25): a
//! translation uses its original's shortcodes and link targets; an alias
//! takes no path the site serves; a block shown twice is an error at the
//! second; and no file lists more than 100 problems, nor one line more
//! than a few items.

use super::{demo, located, one_error};
use crate::helpers::*;

/// The minimal fixture with a Spanish edition, as in `editions.rs`.
fn bilingual() -> Scratch {
    crate::editions::bilingual()
}

#[test]
fn a_translation_with_other_shortcodes_is_an_error_at_the_shortcode() {
    let s = bilingual();
    s.built();
    let es = "pathways/demo/pay.es.md";
    s.edit(es, "{{ table pay }}", "{{ table outlook }}");
    let e = one_error(&s);
    located(&e, &s, es, s.position(es, "{{ table outlook }}"));
    assert!(e.contains("`{{ table pay }}`"), "{e}");
    // Another figure.
    let s = bilingual();
    s.edit(
        es,
        "{{ figure worker.median_pay }}",
        "{{ figure worker.jobs }}",
    );
    let e = one_error(&s);
    located(&e, &s, es, s.position(es, "{{ figure worker.jobs }}"));
    // One left out: at the end of the translation.
    let s = bilingual();
    s.edit(es, "{{ table pay }}", "");
    let e = one_error(&s);
    assert!(e.contains("lacks `{{ table pay }}`"), "{e}");
    assert!(e.starts_with(&s.shown(es)), "{e}");
}

#[test]
fn a_translation_linking_elsewhere_is_an_error_at_the_link() {
    let s = bilingual();
    let es = "pathways/demo/intro.es.md";
    s.edit(
        es,
        "(/pathways/demo/career-map#starter)",
        "(/pathways/demo/pay)",
    );
    let errors = s.errors();
    let at = s.position(es, "[mapa](/pathways/demo/pay)");
    assert!(
        errors.iter().any(
            |e| e.starts_with(&format!("{}:{}:{}: ", s.shown(es), at.0, at.1))
                && e.contains("no link to `/pathways/demo/pay`")
        ),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("links to `/pathways/demo/career-map#starter`")),
        "{errors:#?}"
    );
}

#[test]
fn an_alias_may_not_take_a_path_the_site_serves() {
    for alias in [
        "/es",
        "/healthz",
        "/search",
        "/static",
        "/og",
        "/Glossary",
        "/404",
    ] {
        let s = bilingual();
        s.edit(
            &demo("pathway.toml"),
            "aliases = [\"/dp\"]",
            &format!("aliases = [\"{alias}\"]"),
        );
        let e = one_error(&s);
        located(
            &e,
            &s,
            &demo("pathway.toml"),
            s.position(&demo("pathway.toml"), &format!("\"{alias}\"")),
        );
        assert!(e.contains("a path the site serves"), "{alias}: {e}");
    }
}

#[test]
fn a_block_twice_on_a_page_is_an_error_at_the_second() {
    let s = Scratch::of("sample");
    let salary = "pathways/health-information-management/salary.md";
    let text = s.read(salary);
    if !text.contains("{{ pay-picture }}") {
        s.write(salary, format!("{text}\n{{{{ pay-picture }}}}\n"));
    }
    let text = s.read(salary);
    s.write(
        salary,
        format!("{text}\n## Again\n\n{{{{ pay-picture }}}}\n"),
    );
    let e = one_error(&s);
    let last = s.read(salary).rfind("{{ pay-picture }}").unwrap();
    let before = &s.read(salary)[..last];
    let line = before.matches('\n').count() + 1;
    located(&e, &s, salary, (line, 1));
    assert!(e.contains("on this page already"), "{e}");
}

#[test]
fn a_second_self_check_is_an_error_at_its_shortcode() {
    let s = Scratch::of("sample");
    let other = "pathways/health-information-management/outlook.md";
    let text = s.read(other);
    s.write(
        other,
        format!("{text}\n## Try it\n\n{{{{ self-check }}}}\n"),
    );
    // The later section in reading order is the second.
    let e = one_error(&s);
    let second = "pathways/health-information-management/right-for-me.md";
    located(&e, &s, second, s.position(second, "{{ self-check }}"));
    assert!(e.contains("shown by another section already"), "{e}");
}

#[test]
fn no_file_lists_more_than_100_problems_nor_a_line_more_than_a_few_items() {
    let s = Scratch::of("minimal");
    let mut text = s.read(&demo("intro.md"));
    for i in 0..2000 {
        text.push_str(&format!("\n[x](/no-such-page-{i})\n"));
    }
    s.write(&demo("intro.md"), text);
    let errors = s.errors();
    let shown = s.shown(&demo("intro.md"));
    let here: Vec<&String> = errors.iter().filter(|e| e.starts_with(&shown)).collect();
    assert_eq!(here.len(), 101, "100 problems and one line for the rest");
    assert!(
        here[100].contains("more problems in this file"),
        "{}",
        here[100]
    );
    // A translation lacking thousands of ids names a few.
    let s = bilingual();
    let mut en = s.read(&demo("pay.md"));
    for i in 0..3000 {
        en.push_str(&format!("\n## Question {i}\n"));
    }
    s.write(&demo("pay.md"), en);
    for e in s.errors() {
        assert!(e.len() < 2000, "{} characters: {}...", e.len(), &e[..200]);
    }
}

#[test]
fn a_placeholder_report_address_is_a_warning_at_the_address() {
    let s = Scratch::of("minimal");
    s.edit(
        "site.toml",
        "mailto:fixes@demo.test",
        "mailto:fixes@example.org",
    );
    let loaded = s.load().expect("warnings do not stop the build");
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("placeholder address"))
        .expect("a warning about the placeholder address");
    assert_eq!(
        (w.line, w.col),
        s.position("site.toml", "\"mailto:fixes@example.org\""),
        "{w}"
    );
    assert!(w.message.contains("set `report`"), "{w}");
}

#[test]
fn a_history_figure_citing_a_live_page_is_a_warning_at_its_source() {
    let s = Scratch::of("minimal");
    let file = demo("pathway.toml");
    s.edit(
        &file,
        "year = 2019\nsource = \"stats-2019\"",
        "year = 2019\nsource = \"stats\"",
    );
    let loaded = s.load().expect("warnings do not stop the build");
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("live page"))
        .expect("a warning about the live page");
    let text = s.read(&file);
    let at = text.find("[[history.pay]]").expect("history pay");
    let rel = at + text[at..].find("\"stats\"").expect("its source");
    let line = text[..rel].matches('\n').count() + 1;
    let col = rel - text[..rel].rfind('\n').map_or(0, |i| i + 1) + 1;
    assert_eq!((w.line, w.col), (line, col), "{w}");
    assert!(w.message.contains("archived"), "{w}");
}

#[test]
fn a_sentence_saying_a_source_gives_no_figure_the_data_has_is_a_warning() {
    let s = Scratch::of("minimal");
    let file = demo("pay.md");
    s.edit(
        &file,
        "## How much?",
        "Our source gives no spread of pay for this job.\n\n## How much?",
    );
    let loaded = s.load().expect("warnings do not stop the build");
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("gives no pay_range figure"))
        .expect("a warning about the sentence");
    assert_eq!((w.line, w.col), s.position(&file, "gives no spread"), "{w}");
    assert!(w.message.contains("could not confirm"), "{w}");
}

//! The language switch keeps your place: a self-check result opens the other
//! edition's result with the same answers, search results keep the query,
//! and a heading's anchor is carried by the switch's script.

use super::real_state;
use crate::helpers::*;
use axum::http::StatusCode;

const HIM: &str = "/pathways/health-information-management";

async fn switch_of(path: &str) -> Vec<String> {
    let got = get_from(&real_state(), path).await;
    assert_eq!(got.status, StatusCode::OK, "{path}");
    attrs(&got.html(), ".lang-switch a", "href")
}

#[tokio::test]
async fn a_self_check_result_switches_to_the_same_result_in_the_other_edition() {
    let loaded = real_state().current();
    let check = self_check_path(&loaded, "health-information-management").expect("a self-check");
    let en = format!("{check}?a=1,3&u=2&n=4");
    let es = format!("/es{check}?a=1,3&u=2&n=4");
    assert_eq!(switch_of(&en).await, [es.as_str()]);
    assert_eq!(switch_of(&es).await, [en.as_str()]);
    // The Spanish result is a result, not a blank questionnaire.
    let doc = get_from(&real_state(), &es).await.html();
    assert!(doc.select(&sel("li[id^=statement-]")).count() >= 4);
    // Without answers the switch is the plain page.
    assert_eq!(switch_of(&check).await, [format!("/es{check}")]);
}

#[tokio::test]
async fn search_results_switch_with_their_query() {
    assert_eq!(
        switch_of("/search?q=coder+salary&page=2").await,
        ["/es/search?q=coder+salary"]
    );
    assert_eq!(
        switch_of("/es/search?q=cu%C3%A1nto+gana").await,
        ["/search?q=cu%C3%A1nto+gana"]
    );
    assert_eq!(switch_of("/search").await, ["/es/search"]);
}

#[tokio::test]
async fn the_switch_is_marked_to_keep_the_heading_anchor() {
    let doc = get_from(&real_state(), &format!("{HIM}/salary"))
        .await
        .html();
    let marked = doc.select(&sel(".lang-switch a[data-keep-hash]")).count();
    assert_eq!(marked, 1);
    let js = std::fs::read_to_string("static/site.js").unwrap();
    assert!(js.contains("location.hash") && js.contains("hashchange"));
}

/// A query in the other edition's language offers that edition's results.
#[tokio::test]
async fn a_query_in_the_other_language_offers_that_editions_results() {
    for (path, want) in [
        (
            "/search?q=cu%C3%A1nto+gana",
            "/es/search?q=cu%C3%A1nto+gana",
        ),
        (
            "/search?q=certificaci%C3%B3n",
            "/es/search?q=certificaci%C3%B3n",
        ),
        ("/es/search?q=coder+salary", "/search?q=coder+salary"),
    ] {
        let doc = get_from(&real_state(), path).await.html();
        assert_eq!(attrs(&doc, ".other-edition a", "href"), [want], "{path}");
        let text = texts(&doc, ".other-edition a").join("");
        assert!(text.chars().any(|c| c.is_ascii_digit()), "a count: {text}");
    }
    let doc = get_from(&real_state(), "/search?q=cuanto+gana")
        .await
        .html();
    assert!(texts(&doc, ".other-edition a")[0].contains("Spanish"));
    // A query in this edition's language is not sent elsewhere.
    let doc = get_from(&real_state(), "/search?q=coder+salary")
        .await
        .html();
    assert_eq!(doc.select(&sel(".other-edition")).count(), 0);
}

/// The small things: a text message beside email on a self-check result,
/// the same count of parts on /pathways as in the menu, a career-map hint
/// for touch screens too.
#[tokio::test]
async fn result_texts_pathway_counts_and_map_hints_fit_every_reader() {
    let loaded = real_state().current();
    let check = self_check_path(&loaded, "health-information-management").unwrap();
    for prefix in ["", "/es"] {
        let doc = get_from(&real_state(), &format!("{prefix}{check}?a=1,2"))
            .await
            .html();
        let sms = attrs(&doc, ".share a[href^=\"sms:\"]", "href");
        assert_eq!(sms.len(), 1, "{prefix}");
        assert!(sms[0].contains("a%3D1%2C2"), "{sms:?}");
        let map = get_from(&real_state(), &format!("{prefix}{HIM}/career-map"))
            .await
            .html();
        let hint = texts(&map, ".legend-hint").join(" ").to_lowercase();
        assert!(
            !hint.contains("hover") && !hint.contains("cursor"),
            "{hint}"
        );
        let list = get_from(&real_state(), &format!("{prefix}/pathways"))
            .await
            .html();
        let menu = get_from(&real_state(), &format!("{prefix}{HIM}/salary"))
            .await
            .html();
        let total = attrs(&menu, ".pathway-menu li a", "href").len();
        let count = texts(&list, "main").join(" ");
        assert!(total > 5, "{total}");
        assert!(count.contains(&format!("{total} ")), "{total}: {count}");
    }
}

/// Spanish fits: the pay picture wraps its labels and never cuts them off,
/// and the header has a short name for the pathways link on phones.
#[tokio::test]
async fn picture_labels_wrap_and_the_header_has_a_short_link_in_both_languages() {
    for prefix in ["", "/es"] {
        let doc = get_from(&real_state(), &format!("{prefix}{HIM}"))
            .await
            .html();
        let lines = texts(&doc, ".pay-picture svg text");
        assert!(lines.len() > 3, "{prefix}");
        for l in &lines {
            assert!(!l.contains('…'), "{prefix}: cut off: {l}");
        }
        let names: String = texts(&doc, ".pay-picture .pp-text strong").join(" ");
        let svg: String = lines.join(" ");
        for word in names.split_whitespace() {
            assert!(
                svg.contains(word),
                "{prefix}: {word} missing from the picture"
            );
        }
        let short = texts(&doc, ".site-nav .nav-short");
        assert_eq!(short.len(), 1, "{prefix}");
        assert!(!short[0].is_empty() && short[0].len() < 14, "{short:?}");
    }
}

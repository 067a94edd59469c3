//! Career exploration: career map, self-check, education comparison.

use crate::helpers::*;
use axum::http::StatusCode;
use std::collections::HashSet;

const HIM: &str = "/pathways/health-information-management";

#[tokio::test]
async fn the_career_map_lists_every_title_with_an_anchor_and_every_move_resolves() {
    let loaded = real_state().current();
    let map = him(&loaded).career_map.clone().expect("a career map");
    let doc = get(&format!("{HIM}/career-map")).await.html();
    let ids: HashSet<String> = attrs(&doc, "[id]", "id").into_iter().collect();
    for t in &map.titles {
        assert!(ids.contains(&t.id), "title #{} on the page", t.id);
    }
    assert!(ids.contains("medical-records-technician"));
    for href in attrs(&doc, ".moves a", "href") {
        assert!(
            ids.contains(href.trim_start_matches('#')),
            "move {href} resolves"
        );
    }
    let moves: usize = map.titles.iter().map(|t| t.moves.len()).sum();
    assert_eq!(doc.select(&sel(".moves li")).count(), moves);
    let svg = doc.select(&sel("svg.career-svg")).count();
    assert_eq!(svg, 1, "one diagram");
    // One line per move, except that a lateral move both ways is one
    // line with two arrowheads.
    let two_way = doc.select(&sel("svg path.lateral[marker-start]")).count();
    assert_eq!(
        doc.select(&sel("svg path.edge")).count() + two_way,
        moves,
        "one line per move"
    );
    assert!(doc.select(&sel("svg path.lateral")).count() > 0);
    assert!(doc.select(&sel("svg path.advance")).count() > 0);
    let seed_titles = [
        "Coder",
        "Health information clerk",
        "Health information specialist",
        "Health information technician",
        "Medical records analyst",
        "Medical records clerk",
        "Medical records coordinator",
        "Medical records director",
        "Medical records technician",
    ];
    let names = texts(&doc, ".title-card h3");
    for t in seed_titles {
        assert!(
            names.iter().any(|n| n.starts_with(t)),
            "career map has {t}: {names:?}"
        );
    }
}

#[tokio::test]
async fn the_education_section_compares_certificate_and_degrees() {
    let doc = get(&format!("{HIM}/education")).await.html();
    let rows = texts(&doc, "table.figures tbody th");
    for level in [
        "Certificate",
        "Associate's degree",
        "Bachelor's degree",
        "Master's degree",
    ] {
        assert!(rows.iter().any(|r| r == level), "{level} in {rows:?}");
    }
    let links = attrs(&doc, "table.figures a", "href");
    assert!(
        links
            .iter()
            .all(|l| l.starts_with(&format!("{HIM}/career-map#")))
    );
}

#[tokio::test]
async fn the_self_check_form_works_without_javascript() {
    let doc = get(&format!("{HIM}/right-for-me")).await.html();
    let form = doc.select(&sel("form.self-check")).next().expect("a form");
    assert_eq!(form.value().attr("method"), Some("get"));
    assert_eq!(
        form.value().attr("action"),
        Some(format!("{HIM}/right-for-me").as_str())
    );
    assert_eq!(doc.select(&sel("form.self-check fieldset")).count(), 6);
    assert_eq!(
        doc.select(&sel("form.self-check input[type=radio]"))
            .count(),
        18
    );
}

#[tokio::test]
async fn a_self_check_result_url_round_trips() {
    let from_form = get(&format!("{HIM}/right-for-me?s1=y&s2=u&s3=y&s4=n")).await;
    assert_eq!(from_form.status, StatusCode::OK);
    assert_eq!(from_form.header("cache-control"), "no-cache");
    let doc = from_form.html();
    assert_eq!(texts(&doc, "h1"), ["What your answers mean"]);
    let link = attrs(&doc, "#result-url", "value").remove(0);
    assert_eq!(
        link,
        format!("https://pathways.example{HIM}/right-for-me?a=1,3&u=2&n=4")
    );
    let shared = get(link.trim_start_matches("https://pathways.example"))
        .await
        .html();
    assert_eq!(texts(&shared, ".results"), texts(&doc, ".results"));
    assert_eq!(
        attrs(&shared, "input[checked]", "name"),
        ["s1", "s2", "s3", "s4"]
    );
    let answers = texts(&shared, ".your-answer");
    assert_eq!(answers[0], "Your answer: sounds like me");
    assert_eq!(answers[4], "Your answer: skipped");
    assert!(doc.select(&sel(".next-steps a")).count() >= 3);
}

#[tokio::test]
async fn the_self_check_never_calls_anyone_unfit() {
    let doc = get(&format!("{HIM}/right-for-me?n=1,2,3,4,5,6"))
        .await
        .html();
    let text = texts(&doc, "main").join(" ").to_lowercase();
    for word in ["unfit", "not suited", "fail", "score"] {
        assert!(!text.contains(word), "result page says {word:?}");
    }
}

#[tokio::test]
async fn hostile_self_check_queries_get_a_helpful_400_or_a_normal_page() {
    let flood = format!("a={}", vec!["1"; 10_000].join(","));
    for (query, want) in [
        ("a=99", StatusCode::BAD_REQUEST),
        ("a=x", StatusCode::BAD_REQUEST),
        ("s1=%3Cscript%3E", StatusCode::BAD_REQUEST),
        (flood.as_str(), StatusCode::BAD_REQUEST),
        ("a=1,1,1&a=1", StatusCode::OK),
        ("utm_source=mail", StatusCode::OK),
        ("a=", StatusCode::OK),
        ("a=%ZZ", StatusCode::BAD_REQUEST),
    ] {
        let got = get(&format!("{HIM}/right-for-me?{query}")).await;
        let shown = &query[..query.len().min(30)];
        if query.len() > 8000 {
            assert_eq!(got.status, StatusCode::URI_TOO_LONG, "{shown}");
            continue;
        }
        assert_eq!(got.status, want, "{shown}");
        assert!(!got.text().contains("<script>"), "{shown} is escaped");
        assert!(got.text().contains("<h1>"), "{shown} gets a page");
    }
    let short_flood = format!("a={}", vec!["1"; 1_000].join(","));
    let got = get(&format!("{HIM}/right-for-me?{short_flood}")).await;
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(got.text().contains("more than 100 answers"));
}

//! Career exploration on the sample: the career map and the self-check.

use crate::helpers::*;
use axum::http::StatusCode;
use std::collections::HashSet;

fn check_path() -> String {
    self_check_path(&sample_state().current(), "health-information-management")
        .expect("the sample has a self-check page")
}

#[tokio::test]
async fn the_career_map_lists_every_title_with_an_anchor_and_every_move_resolves() {
    let loaded = sample_state().current();
    let map = him(&loaded).career_map.clone().expect("a career map");
    let doc = get(&format!("{HIM}/career-map")).await.html();
    let ids: HashSet<String> = attrs(&doc, "[id]", "id").into_iter().collect();
    for t in &map.titles {
        assert!(ids.contains(&t.id), "title #{} on the page", t.id);
    }
    let names = texts(&doc, ".title-card h3");
    let want: Vec<String> = map
        .used_levels()
        .flat_map(|l| map.titles_at(&l.id).map(|t| format!("{} #", t.name)))
        .collect();
    assert_eq!(names, want, "every title, grouped by level");
    for href in attrs(&doc, ".moves a", "href") {
        assert!(
            ids.contains(href.trim_start_matches('#')),
            "move {href} resolves"
        );
    }
    let moves: usize = map.titles.iter().map(|t| t.moves.len()).sum();
    assert_eq!(doc.select(&sel(".moves li")).count(), moves);
    // One diagram wide, one narrow; in each, one line per pair of titles a
    // kind of move joins (a move and its reverse share a line).
    let mut pairs = HashSet::new();
    for t in &map.titles {
        for m in &t.moves {
            let (a, b) = if t.id < m.to {
                (t.id.clone(), m.to.clone())
            } else {
                (m.to.clone(), t.id.clone())
            };
            pairs.insert((a, b, format!("{:?}", m.kind)));
        }
    }
    let diagrams: Vec<_> = doc.select(&sel("svg.career-svg")).collect();
    assert_eq!(diagrams.len(), 2, "a wide and a narrow diagram");
    for svg in diagrams {
        assert_eq!(svg.select(&sel("g.edges path.edge")).count(), pairs.len());
        assert!(svg.select(&sel("g.edges path.lateral")).count() > 0);
        assert!(svg.select(&sel("g.edges path.advance")).count() > 0);
        // One box per title, each a link to the title's card.
        let mut boxes: Vec<String> = svg
            .select(&sel("g.node-group > a"))
            .filter_map(|a| a.value().attr("href").map(String::from))
            .collect();
        boxes.sort();
        let mut want: Vec<String> = map.titles.iter().map(|t| format!("#{}", t.id)).collect();
        want.sort();
        assert_eq!(boxes, want);
    }
}

#[tokio::test]
async fn the_self_check_form_works_without_javascript() {
    let loaded = sample_state().current();
    let check = him(&loaded).self_check.clone().unwrap();
    let path = check_path();
    let doc = get(&path).await.html();
    let form = one(&doc, "form.self-check");
    assert_eq!(form.value().attr("method"), Some("get"));
    assert_eq!(form.value().attr("action"), Some(path.as_str()));
    let n = check.statements.len();
    assert_eq!(form.select(&sel("fieldset")).count(), n);
    assert_eq!(form.select(&sel("input[type=radio]")).count(), 3 * n);
    assert_eq!(
        texts(&doc, "form.self-check legend"),
        check
            .statements
            .iter()
            .map(|s| s.text.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        attrs(&doc, "form.self-check input[type=hidden]", "name"),
        ["sent"]
    );
    assert_eq!(doc.select(&sel(".form-error")).count(), 0);
}

#[tokio::test]
async fn a_self_check_result_url_round_trips() {
    let loaded = sample_state().current();
    let path = check_path();
    let from_form = get(&format!("{path}?s1=y&s2=u&s3=y&s4=n&sent=1")).await;
    assert_eq!(from_form.status, StatusCode::OK);
    assert_eq!(from_form.header("cache-control"), "no-cache");
    let doc = from_form.html();
    assert_eq!(
        texts(&doc, "h1"),
        std::slice::from_ref(&loaded.default_edition().site.ui.results.heading)
    );
    let link = attrs(&doc, "#result-url", "value").remove(0);
    assert_eq!(link, format!("{BASE}{path}?a=1,3&u=2&n=4"));
    let shared = get(link.trim_start_matches(BASE)).await.html();
    assert_eq!(texts(&shared, ".results"), texts(&doc, ".results"));
    assert_eq!(
        attrs(&shared, "form.self-check input[checked]", "name"),
        ["s1", "s2", "s3", "s4"]
    );
    let answers = texts(&shared, ".your-answer");
    assert_eq!(answers[0], "Your answer: Sounds like me");
    assert_eq!(answers[4], "Your answer: skipped");
    assert!(doc.select(&sel(".next-steps a")).count() >= 3);
}

/// A link passed on through a newsletter or a social network picks up
/// tracking keys; the result still opens.
#[tokio::test]
async fn a_result_link_with_extra_keys_is_still_the_result() {
    let path = check_path();
    let plain = get(&format!("{path}?a=1")).await;
    let tagged = get(&format!("{path}?a=1&src=newsletter&utm_source=x&fbclid=y")).await;
    assert_eq!(tagged.status, StatusCode::OK);
    let doc = tagged.html();
    assert_eq!(doc.select(&sel(".result-summary")).count(), 1);
    assert_eq!(texts(&doc, ".results"), texts(&plain.html(), ".results"));
    // The link to share is the clean one.
    assert_eq!(
        attrs(&doc, "#result-url", "value"),
        [format!("{BASE}{path}?a=1")]
    );
    // Extra keys alone are the plain page.
    let only_tags = get(&format!("{path}?utm_source=x")).await;
    assert_eq!(only_tags.status, StatusCode::OK);
    assert_eq!(only_tags.html().select(&sel(".result-summary")).count(), 0);
}

#[tokio::test]
async fn a_form_sent_with_no_answer_says_so_on_the_page() {
    let loaded = sample_state().current();
    let path = check_path();
    let got = get(&format!("{path}?sent=1")).await;
    assert_eq!(got.status, StatusCode::OK);
    let doc = got.html();
    let message = one(&doc, "form.self-check .form-error");
    assert_eq!(message.value().attr("role"), Some("alert"));
    assert_eq!(
        text_of(message),
        loaded.default_edition().site.ui.parts.unanswered
    );
    // Still the self-check page, with its form to answer.
    let page = stored_html(&loaded, &path);
    assert_eq!(texts(&doc, "h1"), texts(&page, "h1"));
    assert_eq!(doc.select(&sel("form.self-check fieldset")).count(), 6);
    assert_eq!(doc.select(&sel(".result-summary")).count(), 0);
    // The stored page itself has no message.
    assert_eq!(page.select(&sel(".form-error")).count(), 0);
}

#[tokio::test]
async fn a_result_opens_with_a_one_line_summary_and_one_page_to_read_next() {
    let loaded = sample_state().current();
    let check = him(&loaded).self_check.clone().unwrap();
    let path = check_path();
    for (query, outcome) in [
        ("a=1,2,3,4,5&n=6", &check.outcomes[0]),
        ("a=1,2&u=3,4&n=5,6", &check.outcomes[1]),
        ("n=1,2,3,4,5&u=6", &check.outcomes[2]),
    ] {
        let doc = get(&format!("{path}?{query}")).await.html();
        let main = one(&doc, "main article");
        // The summary comes first, right under the heading.
        let first: Vec<String> = main
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .take(3)
            .map(|e| {
                let class = e.value().attr("class").unwrap_or_default();
                format!("{} {class}", e.value().name()).trim().to_string()
            })
            .collect();
        assert_eq!(
            first,
            ["h1", "p lead result-summary", "p read-next"],
            "{query}"
        );
        let summary = one(&doc, ".result-summary");
        assert_eq!(summary.value().name(), "p");
        assert_eq!(text_of(summary), outcome.summary, "{query}");
        let next = attrs(&doc, ".read-next a", "href");
        assert_eq!(
            next,
            std::slice::from_ref(&outcome.read_next.href),
            "{query}"
        );
        // The form to change the answers is folded away.
        let details = one(&doc, "details.change-answers");
        assert_eq!(details.value().attr("open"), None);
        assert_eq!(details.select(&sel("form.self-check")).count(), 1);
        assert_eq!(doc.select(&sel("form.self-check")).count(), 1);
    }
}

#[tokio::test]
async fn a_result_page_has_no_id_twice() {
    let path = check_path();
    let doc = get(&format!("{path}?a=1,3&u=2&n=4")).await.html();
    let ids = attrs(&doc, "[id]", "id");
    let mut seen = HashSet::new();
    let twice: Vec<&String> = ids.iter().filter(|id| !seen.insert(*id)).collect();
    assert!(twice.is_empty(), "ids used twice: {twice:?}");
    // Each label of the form still points at its own control.
    for label in attrs(&doc, "label[for]", "for") {
        assert_eq!(doc.select(&sel(&format!("[id='{label}']"))).count(), 1);
    }
}

#[tokio::test]
async fn the_self_check_never_calls_anyone_unfit() {
    let path = check_path();
    let loaded = sample_state().current();
    let check = him(&loaded).self_check.clone().expect("a self-check");
    let ids: Vec<String> = check.statements.iter().map(|s| s.id.to_string()).collect();
    let all = ids.join(",");
    // Every statement answered "no", "not sure", and "yes": each answer
    // renders a result row for every statement, and none of them (nor
    // anything else in the page) judges the reader.
    let mut checked = 0;
    for key in ["n", "u", "a"] {
        let got = get(&format!("{path}?{key}={all}")).await;
        assert_eq!(got.status, StatusCode::OK, "{key}={all} renders a result");
        let doc = got.html();
        let rows = texts(&doc, "ol.results li.result");
        assert_eq!(rows.len(), ids.len(), "{key}: one result per statement");
        let summary = one(&doc, ".result-summary");
        assert!(!text_of(summary).trim().is_empty(), "{key}: a summary");
        let text = texts(&doc, "main").join(" ").to_lowercase();
        for word in ["unfit", "not suited", "fail", "score"] {
            assert!(!text.contains(word), "{key}: the result page says {word:?}");
        }
        checked += rows.len();
    }
    assert_eq!(checked, 3 * ids.len());
    assert!(checked >= 3, "the sample's self-check has statements");
}

#[tokio::test]
async fn hostile_self_check_queries_get_a_helpful_400_or_a_normal_page() {
    let path = check_path();
    let flood = format!("a={}", vec!["1"; 10_000].join(","));
    for (query, want) in [
        ("a=99", StatusCode::BAD_REQUEST),
        ("a=x", StatusCode::BAD_REQUEST),
        ("s1=%3Cscript%3E", StatusCode::BAD_REQUEST),
        (flood.as_str(), StatusCode::URI_TOO_LONG),
        ("a=1,1,1&a=1", StatusCode::OK),
        ("utm_source=mail", StatusCode::OK),
        ("a=", StatusCode::OK),
        ("a=%ZZ", StatusCode::BAD_REQUEST),
    ] {
        let got = get(&format!("{path}?{query}")).await;
        let shown = &query[..query.len().min(30)];
        assert_eq!(got.status, want, "{shown}");
        assert!(!got.text().contains("<script>"), "{shown} is escaped");
        assert_eq!(
            got.html().select(&sel("h1")).count(),
            1,
            "{shown} gets a page"
        );
    }
    let bad = get(&format!("{path}?a=99")).await.html();
    assert!(
        texts(&bad, "main")
            .join(" ")
            .contains("There is no statement 99"),
        "the 400 page says what is wrong"
    );
    let short_flood = format!("a={}", vec!["1"; 1_000].join(","));
    let got = get(&format!("{path}?{short_flood}")).await;
    assert_eq!(got.status, StatusCode::BAD_REQUEST);
    assert!(got.text().contains("more than 100 answers"));
}

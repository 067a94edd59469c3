//! Relevance: a table of queries and the results that may come first, then
//! misspellings, near forms, documents that match every word, quoted
//! phrases, and the self-check's statements.

use super::{result_links, search_uri, state};
use crate::helpers::*;
use axum::http::StatusCode;

/// (query, the results that may come first), read from the sample: paths
/// without a leading `/` are on the HIM pathway. Where the sample answers a
/// question in two places equally well (the RHIT is explained on its own and
/// beside the RHIA), either may come first.
const RELEVANCE: &[(&str, &[&str])] = &[
    ("rhit", &["credentials#rhit", "credentials#rhit-vs-rhia"]),
    ("rhia", &["credentials#rhia", "credentials#rhit-vs-rhia"]),
    ("\"rhit exam\"", &["credentials#rhit"]),
    (
        "how much do they make",
        &["salary", "salary#median", "salary#pay-range"],
    ),
    ("29-2072", &["what-is-him#soc-codes"]),
    ("29-9021", &["what-is-him#soc-codes"]),
    (
        "coder",
        &["career-map#coder", "credentials#coding-credentials"],
    ),
    ("coding", &["/glossary#medical-coding", "ai-and-coding"]),
    (
        "certified",
        &["/glossary#certification", "/resources#certification"],
    ),
    ("cahiim", &["education#cahiim"]),
    ("median pay", &["salary", "salary#median"]),
    ("work with patients", &["roles#working-with-patients"]),
    ("privacy", &["roles#tasks"]),
    ("what will I learn", &["education#what-you-will-learn"]),
    ("bridge role", &["roles#bridge-role"]),
    ("pay by state", &["pay", "salary#pay-by-region"]),
    ("coder pay texas", &["pay/texas"]),
    ("ohio", &["pay/ohio"]),
    ("Texas", &["pay/texas"]),
    ("salary in vermont", &["pay/vermont"]),
    (
        "renew",
        &["education#renewal", "credentials#recertification"],
    ),
    ("registrar", &["career-map#medical-registrar"]),
    ("remote work", &["workplace#remote-work", "workplace"]),
    ("hours and shifts", &["workplace#hours-and-shifts"]),
    ("will ai replace coders", &["ai-and-coding"]),
    ("exam fees", &["credentials#exam-costs"]),
    (
        "cancer registry",
        &["credentials#registry-credentials", "/glossary#ncra"],
    ),
    ("ehr", &["/glossary#ehr"]),
    // The questions of issue 24.
    (
        "coder pay",
        &["salary", "salary#median", "salary#pay-range"],
    ),
    (
        "medical coder salary",
        &["salary", "salary#median", "salary#pay-range"],
    ),
];

fn full(url: &str) -> String {
    if url.starts_with('/') {
        url.to_string()
    } else {
        format!("{HIM}/{url}")
    }
}

#[tokio::test]
async fn each_query_in_the_relevance_table_puts_an_expected_result_first() {
    let mut wrong = Vec::new();
    for (q, want) in RELEVANCE {
        let a = get(&search_uri(q)).await;
        assert_eq!(a.status, StatusCode::OK, "{q}");
        let links = result_links(&a.html());
        let want: Vec<String> = want.iter().map(|w| full(w)).collect();
        if !links.first().is_some_and(|l| want.contains(l)) {
            wrong.push(format!(
                "{q:?}: want one of {want:?}, got {:?}",
                links.iter().take(3).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// No coder-specific pay is in the sample: the pay section is the answer.
#[tokio::test]
async fn coder_salary_finds_the_pay_section() {
    let links = result_links(&get(&search_uri("coder salary")).await.html());
    let first = links.first().expect("results");
    assert!(first.starts_with(&format!("{HIM}/salary")), "{links:?}");
}

#[tokio::test]
async fn a_misspelt_word_of_five_letters_or_more_still_finds_the_education_page() {
    let links = result_links(&get(&search_uri("cerification")).await.html());
    let first = links.first().expect("cerification should find something");
    assert!(first.starts_with(&format!("{HIM}/education")), "{first}");
}

/// Near forms: "coding" also finds what only says "coder".
#[tokio::test]
async fn coding_finds_pages_that_say_coder() {
    let loaded = state().current();
    let mut page = 1;
    let found = loop {
        let r = loaded.default_edition().search.search("coding", page);
        if let Some(hit) = r.hits.iter().find(|h| h.url.ends_with("career-map#coder")) {
            break hit.clone();
        }
        assert!(r.has_next(), "coding never finds the coder");
        page += 1;
    };
    assert!(found.snippet.contains("<mark>"), "{}", found.snippet);
    assert_eq!(found.title, "Coder");
}

/// Documents that match every word of a query come before those that match
/// only some, whatever their scores on one word; results are pages, so the
/// pages of either word are all there, once each.
#[tokio::test]
async fn documents_matching_every_word_come_before_those_matching_some() {
    let loaded = state().current();
    let all = |q: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut page = 1;
        loop {
            let r = loaded.default_edition().search.search(q, page);
            out.extend(
                r.hits
                    .iter()
                    .map(|h| h.url.split('#').next().unwrap().to_string()),
            );
            if !r.has_next() {
                break out;
            }
            page += 1;
        }
    };
    let privacy = all("privacy");
    let hospital = all("hospital");
    let both: Vec<&String> = privacy.iter().filter(|u| hospital.contains(u)).collect();
    assert!(!both.is_empty() && both.len() < privacy.len().min(hospital.len()));
    let r = all("privacy hospital");
    let mut union: Vec<&String> = privacy.iter().chain(&hospital).collect();
    union.sort();
    union.dedup();
    assert_eq!(r.len(), union.len());
    assert!(
        both.contains(&&r[0]),
        "a page with both words comes first: {r:?}"
    );
    // Only pages with both words can come before a page with one.
    let first_single = r.iter().position(|u| !both.contains(&u)).unwrap();
    assert!(r[..first_single].iter().all(|u| both.contains(&u)));
}

#[tokio::test]
async fn quoted_words_must_appear_together() {
    let loaded = state().current();
    let loose = loaded.default_edition().search.search("rhit exam", 1);
    let phrase = loaded.default_edition().search.search("\"rhit exam\"", 1);
    assert!(
        phrase.total >= 1 && phrase.total < loose.total,
        "{} vs {}",
        phrase.total,
        loose.total
    );
    assert!(
        phrase.hits[0]
            .snippet
            .contains("<mark>RHIT</mark> <mark>exam</mark>"),
        "{}",
        phrase.hits[0].snippet
    );
}

/// The self-check's statements are words of its page: a phrase only a
/// statement has finds the page that shows the self-check.
#[tokio::test]
async fn search_finds_the_self_check_statements_on_the_self_check_page() {
    let loaded = state().current();
    let check = him(&loaded).self_check.clone().unwrap();
    let phrase = "lawyers, administrators and executives";
    assert!(
        check.statements.iter().any(|s| s.text.contains(phrase)),
        "a statement has the phrase"
    );
    let page = self_check_path(&loaded, "health-information-management").unwrap();
    let html = get(&search_uri(&format!("\"{phrase}\""))).await.html();
    let links = result_links(&html);
    assert_eq!(
        links,
        std::slice::from_ref(&page),
        "only the self-check page has the phrase"
    );
    let snippet = texts(&html, "ol.results .snippet").join(" ");
    assert!(snippet.contains("administrators"), "{snippet}");
    // Unquoted, it still comes first.
    let html = get(&search_uri("enjoy working with lawyers administrators"))
        .await
        .html();
    assert_eq!(result_links(&html).first(), Some(&page));
}

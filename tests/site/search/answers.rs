//! Search that answers: one entry per page with its best headings, the page
//! that answers a figure question first, typos only for words the site does
//! not hold, and an answer card (figure, date, source marker, where it is
//! explained) for pay, growth, education and jobs, by state too.

use super::{result_links, search_uri, state};
use crate::helpers::*;

fn page_of(url: &str) -> &str {
    url.split('#').next().unwrap()
}

/// Real questions whose answer is the pay section.
#[tokio::test]
async fn pay_questions_put_the_salary_page_first() {
    for q in [
        "coder pay",
        "medical coder salary",
        "coder salary",
        "how much do coders earn",
    ] {
        let links = result_links(&get(&search_uri(q)).await.html());
        let first = links.first().map(|l| page_of(l)).unwrap_or("");
        assert_eq!(first, format!("{HIM}/salary"), "{q}: {links:?}");
    }
}

#[tokio::test]
async fn results_are_grouped_one_entry_per_page_with_its_best_headings() {
    for q in ["coder", "rhit", "coder pay", "privacy"] {
        let html = get(&search_uri(q)).await.html();
        let links = result_links(&html);
        let mut pages: Vec<&str> = links.iter().map(|l| page_of(l)).collect();
        let n = pages.len();
        pages.sort();
        pages.dedup();
        assert_eq!(pages.len(), n, "{q}: a page twice in {links:?}");
        for result in html.select(&sel("ol.results li.result")) {
            let main = result
                .select(&sel(".result-title a"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap();
            for more in result.select(&sel("ul.result-more a")) {
                let href = more.value().attr("href").unwrap();
                // A state's page sits under the page that lists them.
                let under = href.starts_with(&format!("{}/", page_of(main)));
                assert!(page_of(href) == page_of(main) || under, "{q}: {href}");
                assert_ne!(href, main, "{q}");
            }
        }
    }
    let html = get(&search_uri("rhit")).await.html();
    assert!(
        html.select(&sel("ul.result-more a")).count() > 0,
        "a page with several matching headings lists them"
    );
}

#[tokio::test]
async fn typos_only_step_in_for_words_the_site_does_not_hold() {
    let loaded = state().current();
    let r = loaded.default_edition().search.search("coder", 1);
    for h in &r.hits {
        assert!(!h.snippet.contains("<mark>cover"), "{}", h.snippet);
    }
    let r = loaded.default_edition().search.search("cerification", 1);
    assert!(r.total > 0);
}

#[tokio::test]
async fn a_pay_question_opens_with_an_answer_card() {
    let loaded = state().current();
    let p = him(&loaded);
    let html = get(&search_uri("coder pay")).await.html();
    let card = one(&html, ".answer-card");
    let figure = text_of(card.select(&sel(".answer-figure")).next().unwrap());
    let median = p.group(&p.key_figure.group).unwrap().pay[0].annual;
    let money = format!("${},{:03}", median / 1000, median % 1000);
    assert!(figure.contains(&money), "{figure}");
    assert!(figure.contains("May 20"), "the year: {figure}");
    let marker = attrs(&html, ".answer-figure sup.src a", "href");
    assert_eq!(marker.len(), 1, "one source marker");
    let id = marker[0].trim_start_matches('#');
    assert_eq!(
        html.select(&sel(&format!(".answer-sources li#{id}")))
            .count(),
        1,
        "the marker leads to its source"
    );
    assert_eq!(
        attrs(&html, ".answer-where a", "href"),
        [format!("{HIM}/salary")]
    );
    // A question about no figure has no card.
    let html = get(&search_uri("rhit exam")).await.html();
    assert_eq!(html.select(&sel(".answer-card")).count(), 0);
}

#[tokio::test]
async fn growth_education_and_jobs_questions_have_cards_too() {
    for (q, word) in [
        ("coder job growth", "%"),
        ("coder jobs", "jobs"),
        ("what education do coders need", ""),
    ] {
        let html = get(&search_uri(q)).await.html();
        let card = one(&html, ".answer-card");
        let figure = text_of(card.select(&sel(".answer-figure")).next().unwrap());
        assert!(figure.contains(word) && !figure.is_empty(), "{q}: {figure}");
        assert_eq!(attrs(&html, ".answer-figure sup.src a", "href").len(), 1);
        let href = attrs(&html, ".answer-where a", "href");
        assert!(href[0].starts_with(HIM), "{q}: {href:?}");
    }
}

#[tokio::test]
async fn pay_in_a_state_gives_the_state_median_and_links_to_its_page() {
    let loaded = state().current();
    let oews = loaded
        .default_edition()
        .site
        .oews
        .as_deref()
        .expect("the sample has OEWS files");
    let p = him(&loaded);
    let (area, _) = oews
        .states()
        .into_iter()
        .find(|(_, a)| a.slug == "vermont")
        .unwrap();
    let soc = p.group(&p.key_figure.group).unwrap().soc.clone().unwrap();
    let median = oews
        .get(area, &soc)
        .unwrap()
        .whole(pathways::content::oews::Datatype::AnnualMedian)
        .unwrap();
    let money = format!("${},{:03}", median / 1000, median % 1000);
    for q in [
        "salary in vermont",
        "coder pay Vermont",
        "medical coder pay VT",
    ] {
        let html = get(&search_uri(q)).await.html();
        let figure = texts(&html, ".answer-card .answer-figure").join(" ");
        assert!(figure.contains(&money), "{q}: {figure}");
        assert!(figure.contains(&format!("May {}", oews.year)), "{figure}");
        assert_eq!(attrs(&html, ".answer-figure sup.src a", "href").len(), 1);
        assert_eq!(
            attrs(&html, ".answer-where a", "href"),
            [format!("{HIM}/pay/vermont")],
            "{q}"
        );
        assert_eq!(
            result_links(&html).first(),
            Some(&format!("{HIM}/pay/vermont"))
        );
    }
}

#[tokio::test]
async fn jobs_in_a_state_gives_the_states_wage_and_salary_jobs() {
    use pathways::content::oews::Datatype;
    let loaded = state().current();
    let oews = loaded.default_edition().site.oews.as_deref().unwrap();
    let p = him(&loaded);
    let soc = p.group(&p.key_figure.group).unwrap().soc.clone().unwrap();
    let (area, jobs) = oews
        .states()
        .into_iter()
        .find_map(|(i, a)| {
            let n = oews.get(i, &soc)?.whole(Datatype::Employment)?;
            Some((a, n))
        })
        .expect("a state with jobs in the sample");
    let html = get(&search_uri(&format!("coder jobs in {}", area.name)))
        .await
        .html();
    let figure = texts(&html, ".answer-card .answer-figure").join(" ");
    let digits: String = figure.chars().filter(char::is_ascii_digit).collect();
    assert!(digits.starts_with(&jobs.to_string()), "{jobs}: {figure}");
    assert!(figure.contains("wage and salary jobs"), "{figure}");
    assert_eq!(
        attrs(&html, ".answer-where a", "href"),
        [format!("{HIM}/pay/{}", area.slug)]
    );
}

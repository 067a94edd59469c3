//! Pay where you live: every May figure equals BLS's value in the
//! fixture's OEWS files (read here with a parser of the test's own), the
//! national pay picture is of one May, a state's page compares it only
//! with that state's all-jobs median, and what BLS did not publish is said
//! in words. The fixture holds Texas, Ohio, Alabama (no 29-9021), Vermont
//! (withheld counts), Guam and Puerto Rico.

use crate::helpers::*;
use axum::http::StatusCode;
use std::collections::HashMap;
use std::sync::OnceLock;

/// BLS's values in the fixture's data file, by series id.
fn bls() -> &'static HashMap<String, String> {
    static DATA: OnceLock<HashMap<String, String>> = OnceLock::new();
    DATA.get_or_init(|| {
        let text = std::fs::read_to_string(format!("{SAMPLE}/oews/oe.data.0.Current")).unwrap();
        text.lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split('\t').map(str::trim).collect();
                (f[0].to_string(), f[3].to_string())
            })
            .collect()
    })
}

/// The value of one series: area type and code, occupation (no hyphen),
/// datatype.
fn value(area: &str, occupation: &str, datatype: &str) -> Option<&'static str> {
    let kind = match area {
        "0000000" => "N",
        a if a.ends_with("00000") => "S",
        _ => "M",
    };
    bls()
        .get(&format!("OEU{kind}{area}000000{occupation}{datatype}"))
        .map(String::as_str)
        .filter(|v| *v != "-")
}

/// `51140` → `$51,140`; `24.59` → `$24.59`.
fn dollars(v: &str) -> String {
    if v.contains('.') {
        return format!("${v}");
    }
    format!("${}", commas(v))
}

fn commas(v: &str) -> String {
    let mut out = String::new();
    for (i, c) in v.chars().enumerate() {
        if i > 0 && (v.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const OCCUPATIONS: [(&str, &str); 3] = [
    ("medical-records-specialists", "292072"),
    ("health-information-technologists", "299021"),
    ("health-services-managers", "119111"),
];

#[tokio::test]
async fn national_pay_of_the_newest_may_equals_bls_values_and_the_picture_is_of_one_may() {
    let got = get(&format!("{HIM}/salary")).await;
    assert_eq!(got.status, StatusCode::OK);
    let doc = got.html();
    let table = doc
        .select(&sel("table.figures"))
        .map(text_of)
        .find(|t| t.contains("SOC 29-2072"))
        .expect("the pay table");
    let mut checked = 0;
    for (_, soc) in OCCUPATIONS {
        for datatype in ["13", "08"] {
            let want = dollars(value("0000000", soc, datatype).expect("national value"));
            assert!(
                table.contains(&want),
                "{soc}/{datatype}: {want} not in {table}"
            );
            checked += 1;
        }
        let range = format!(
            "{} to {}",
            dollars(value("0000000", soc, "11").unwrap()),
            dollars(value("0000000", soc, "15").unwrap())
        );
        assert!(got.text().contains(&range), "{soc}: the range {range}");
        checked += 1;
    }
    assert_eq!(checked, 9);
    let all = dollars(value("0000000", "000000", "13").unwrap());
    assert!(
        table.contains(&all),
        "the all-occupations median {all} of the same May"
    );
    let bars = texts(&doc, ".pay-picture .pp-text li");
    assert_eq!(bars.len(), 3, "{bars:?}");
    for b in &bars {
        assert!(b.contains("(May 2025)"), "every bar is of May 2025: {b}");
        assert!(!b.contains("2024") && !b.contains("2022"), "{b}");
    }
    let more = attrs(&doc, ".pay-picture .pp-more a", "href");
    assert_eq!(
        more,
        [format!("{HIM}/pay")],
        "the picture leads to pay by state"
    );
}

#[tokio::test]
async fn a_states_page_shows_its_figures_and_compares_with_all_jobs_in_that_state() {
    let got = get(&format!("{HIM}/pay/texas")).await;
    assert_eq!(got.status, StatusCode::OK);
    let doc = got.html();
    assert_eq!(texts(&doc, "h1"), ["HIM pay in Texas"]);
    let state_all = dollars(value("4800000", "000000", "13").unwrap());
    let national_all = dollars(value("0000000", "000000", "13").unwrap());
    for (id, soc) in OCCUPATIONS {
        let section = text_of(one(&doc, &format!("section:has(> .h > h2#{id})")));
        let median = dollars(value("4800000", soc, "13").unwrap());
        let hourly = dollars(value("4800000", soc, "08").unwrap());
        let jobs = commas(value("4800000", soc, "01").unwrap());
        for want in [&median, &hourly, &jobs, &state_all] {
            assert!(section.contains(want.as_str()), "{id}: {want} in {section}");
        }
        assert!(
            section.contains("for all jobs in Texas that year"),
            "{id}: the comparison is with Texas: {section}"
        );
        assert!(
            !section.contains(&national_all),
            "{id}: never the nation's baseline"
        );
        for p in ["11", "12", "14", "15"] {
            let want = dollars(value("4800000", soc, p).unwrap());
            assert!(section.contains(&want), "{id}: percentile {p} {want}");
        }
    }
    assert_eq!(
        doc.select(&sel(".spread-picture svg")).count(),
        3,
        "a spread picture per occupation"
    );
    // Every area of Texas, with its median.
    let rows = texts(&doc, ".metros-table tbody th");
    assert!(rows.len() > 20, "{rows:?}");
    assert!(
        rows.iter().any(|r| r.starts_with("Austin-Round Rock")),
        "{rows:?}"
    );
    assert!(
        rows.iter().all(|r| r.contains("TX") || r.contains("Texas")),
        "{rows:?}"
    );
    assert_eq!(
        attrs(&doc, "link[rel=canonical]", "href"),
        [format!("{BASE}{HIM}/pay/texas")]
    );
}

#[tokio::test]
async fn what_bls_did_not_publish_is_said_in_words() {
    // Alabama has no estimate for 29-9021; Guam is a territory without it.
    for state in ["alabama", "guam"] {
        let got = get(&format!("{HIM}/pay/{state}")).await;
        assert_eq!(got.status, StatusCode::OK, "{state}");
        let doc = got.html();
        let section = text_of(one(
            &doc,
            "section:has(> .h > h2#health-information-technologists)",
        ));
        assert!(
            section.contains("BLS did not publish this estimate."),
            "{state}: {section}"
        );
        assert!(!section.contains("$0"), "{state}: never $0");
        let other = text_of(one(
            &doc,
            "section:has(> .h > h2#medical-records-specialists)",
        ));
        let area = if state == "guam" {
            "6600000"
        } else {
            "0100000"
        };
        let median = dollars(value(area, "292072", "13").unwrap());
        assert!(other.contains(&median), "{state}: {median}");
    }
    // Vermont: BLS withheld the count of 29-2072 jobs in the state and in
    // Burlington.
    let doc = get(&format!("{HIM}/pay/vermont")).await.html();
    let section = text_of(one(
        &doc,
        "section:has(> .h > h2#medical-records-specialists)",
    ));
    assert!(
        section.contains("Wage and salary jobs: BLS did not publish this estimate."),
        "{section}"
    );
    let burlington = doc
        .select(&sel(".metros-table tbody tr"))
        .find(|r| text_of(*r).starts_with("Burlington"))
        .expect("Burlington is listed");
    let cells: Vec<String> = burlington.select(&sel("td")).map(text_of).collect();
    assert!(cells[0].contains("Not published by BLS"), "{cells:?}");
    for c in &cells {
        assert!(!c.trim().is_empty() && !c.contains("$0"), "{cells:?}");
    }
}

#[tokio::test]
async fn the_state_picker_works_without_javascript_and_an_unknown_state_is_the_404() {
    let doc = get(&format!("{HIM}/pay")).await.html();
    let form = one(&doc, "form.state-picker");
    assert_eq!(form.value().attr("method"), Some("get"));
    assert_eq!(
        form.value().attr("action"),
        Some(format!("{HIM}/pay").as_str())
    );
    let options = attrs(&doc, "form.state-picker select[name=state] option", "value");
    assert_eq!(options.len(), 6, "{options:?}");
    for state in ["texas", "Texas", "puerto%20rico"] {
        let got = get(&format!("{HIM}/pay?state={state}")).await;
        assert_eq!(got.status, StatusCode::SEE_OTHER, "{state}");
        let to = got.header("location").to_string();
        assert!(to.starts_with(&format!("{HIM}/pay/")), "{to}");
        assert_eq!(get(&to).await.status, StatusCode::OK, "{to}");
    }
    for bad in [
        format!("{HIM}/pay?state=narnia"),
        format!("{HIM}/pay/narnia"),
    ] {
        let got = get(&bad).await;
        assert_eq!(got.status, StatusCode::NOT_FOUND, "{bad}");
        assert_eq!(
            texts(&got.html(), "main h1").len(),
            1,
            "the site's 404 page"
        );
    }
    // Other keys alone: the page itself.
    assert_eq!(
        get(&format!("{HIM}/pay?utm_source=x")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_tile_map_links_every_state_and_states_are_in_the_sitemap() {
    let doc = get(&format!("{HIM}/pay")).await.html();
    let panels = doc.select(&sel(".panel")).count();
    assert_eq!(panels, 3, "a map per occupation");
    let tiles = attrs(&doc, "#map-medical-records-specialists .tiles a", "href");
    assert_eq!(tiles.len(), 6, "{tiles:?}");
    let sitemap = get("/sitemap.xml").await.text();
    for t in &tiles {
        assert!(
            sitemap.contains(&format!("{BASE}{t}<")),
            "{t} in the sitemap"
        );
        assert_eq!(get(t).await.status, StatusCode::OK, "{t}");
    }
    // Each state's row in the table has its median with a source marker.
    let rows = doc
        .select(&sel("#map-medical-records-specialists tbody tr"))
        .count();
    assert_eq!(rows, 6);
}

#[tokio::test]
async fn a_states_page_has_structured_data_for_the_state_and_a_share_card() {
    let doc = get(&format!("{HIM}/pay/ohio")).await.html();
    let script = one(&doc, "script[type='application/ld+json']");
    let v: serde_json::Value = serde_json::from_str(&text_of(script)).unwrap();
    let graph = v["@graph"].as_array().unwrap();
    let occ: Vec<&serde_json::Value> = graph
        .iter()
        .filter(|x| x["@type"] == "Occupation")
        .collect();
    assert_eq!(occ.len(), 3);
    for o in occ {
        assert_eq!(o["occupationLocation"][0]["name"], "Ohio");
        let soc = o["occupationalCategory"]["codeValue"]
            .as_str()
            .unwrap()
            .replace('-', "");
        let want: u64 = value("3900000", &soc, "13").unwrap().parse().unwrap();
        assert_eq!(o["estimatedSalary"][0]["median"], want, "{soc}");
    }
    let image = attrs(&doc, "meta[property='og:image']", "content");
    assert_eq!(image.len(), 1);
    let path = image[0].trim_start_matches(BASE);
    let png = get(path).await;
    assert_eq!(png.status, StatusCode::OK);
    assert_eq!(png.header("content-type"), "image/png");
}

#[tokio::test]
async fn search_finds_a_state_by_its_name() {
    for (q, want) in [
        ("ohio", "ohio"),
        ("coder pay texas", "texas"),
        ("Guam", "guam"),
    ] {
        let doc = get(&format!("/search?q={}", q.replace(' ', "+")))
            .await
            .html();
        let first = attrs(&doc, "ol.results .result-title a", "href");
        assert!(
            first
                .iter()
                .take(2)
                .any(|h| h == &format!("{HIM}/pay/{want}")),
            "{q}: {first:?}"
        );
    }
}

/// A catalogue-sized site makes its state pages on first request instead
/// of at load (bounded cache), and they answer like the stored ones.
#[tokio::test]
async fn a_site_with_many_state_pages_makes_them_on_demand() {
    let dir = std::env::temp_dir().join(format!("pathways-states-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    pathways::cli::corpus::write_with(&dir, 20, 3, 30).unwrap();
    let loaded = pathways::state::build(&dir, std::path::Path::new("static"), Some(BASE))
        .unwrap_or_else(|e| panic!("the corpus builds:\n{e}"));
    let slug = loaded.default_edition().site.pathways[0].slug.clone();
    let path = format!("/pathways/{slug}/pay/ohio");
    assert!(loaded.store.page(&path).is_none(), "not rendered at load");
    assert!(loaded.store.is_lazy(&path), "made on first request");
    let state = pathways::AppState::new(loaded);
    let got = get_from(&state, &path).await;
    assert_eq!(got.status, StatusCode::OK);
    let doc = got.html();
    assert!(
        texts(&doc, "h1")[0].ends_with("pay in Ohio"),
        "{:?}",
        texts(&doc, "h1")
    );
    assert_eq!(doc.select(&sel(".state-occupation")).count(), 1);
    assert!(
        get_from(&state, "/sitemap.xml")
            .await
            .text()
            .contains(&path)
    );
    assert_eq!(
        get_from(&state, &format!("/pathways/{slug}/pay/narnia"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

//! Sharing and linking: canonical URLs, link previews, share links,
//! structured data, the sitemap, share images and the handout's QR code.

use crate::helpers::*;
use axum::http::StatusCode;
use std::collections::BTreeSet;

fn page_kinds() -> Vec<String> {
    vec![
        "/".into(),
        "/pathways".into(),
        HIM.into(),
        format!("{HIM}/salary"),
        format!("{HIM}/career-map"),
        format!("{HIM}/print"),
        "/glossary".into(),
        "/resources".into(),
    ]
}

fn meta(doc: &scraper::Html, key: &str) -> String {
    let by_property = attrs(doc, &format!("meta[property='{key}']"), "content");
    let by_name = attrs(doc, &format!("meta[name='{key}']"), "content");
    by_property
        .into_iter()
        .chain(by_name)
        .next()
        .unwrap_or_default()
}

#[tokio::test]
async fn every_page_kind_has_canonical_open_graph_and_card_tags() {
    for path in page_kinds() {
        let doc = get(&path).await.html();
        let canonical = attrs(&doc, "link[rel=canonical]", "href");
        assert_eq!(canonical, [format!("{BASE}{path}")], "{path}");
        assert_eq!(meta(&doc, "og:url"), format!("{BASE}{path}"));
        for key in [
            "og:title",
            "og:description",
            "og:type",
            "og:site_name",
            "og:locale",
            "og:image",
            "og:image:alt",
            "twitter:title",
            "twitter:description",
            "twitter:image",
        ] {
            assert!(!meta(&doc, key).is_empty(), "{path} has {key}");
        }
        assert_eq!(meta(&doc, "og:image:width"), "1200");
        assert_eq!(meta(&doc, "og:image:height"), "630");
        assert_eq!(meta(&doc, "twitter:card"), "summary_large_image");
        assert!(
            meta(&doc, "og:description").chars().count() <= 200,
            "{path}"
        );
        let image = meta(&doc, "og:image");
        let image_path = image
            .strip_prefix(BASE)
            .unwrap_or_else(|| panic!("{path}: {image}"));
        assert!(image_path.starts_with("/og/"), "{path}: {image}");
        assert!(!image_path.contains("//"), "{path}: {image}");
        assert!(image_path.ends_with(".png"), "{path}: {image}");
    }
}

#[tokio::test]
async fn sections_and_pathways_have_their_own_share_images_and_they_are_1200_by_630_pngs() {
    let mut seen = BTreeSet::new();
    for path in [
        HIM.to_string(),
        format!("{HIM}/salary"),
        format!("{HIM}/outlook"),
    ] {
        let doc = get(&path).await.html();
        let url = meta(&doc, "og:image");
        assert!(seen.insert(url.clone()), "{path} has its own image");
        let got = get(url.trim_start_matches(BASE)).await;
        assert_eq!(got.status, StatusCode::OK);
        assert_eq!(got.header("content-type"), "image/png");
        assert_eq!(
            got.header("cache-control"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(&got.body[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(got.body[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(got.body[20..24].try_into().unwrap());
        assert_eq!((w, h), (1200, 630));
    }
}

#[tokio::test]
async fn share_links_carry_the_canonical_url_encoded() {
    let path = format!("{HIM}/education");
    let doc = get(&path).await.html();
    let url = format!("{BASE}{path}");
    let encoded =
        percent_encoding::utf8_percent_encode(&url, percent_encoding::NON_ALPHANUMERIC).to_string();
    let mailto = attrs(&doc, ".share a[href^='mailto:']", "href").remove(0);
    assert!(
        mailto.contains("subject=") && mailto.contains(&encoded),
        "{mailto}"
    );
    let sms = attrs(&doc, ".share a[href^='sms:']", "href").remove(0);
    assert!(sms.contains(&encoded), "{sms}");
    assert_eq!(
        attrs(&doc, ".share input", "value"),
        std::slice::from_ref(&url)
    );
    assert_eq!(attrs(&doc, ".share [data-copy]", "data-copy"), [url]);
    for script in attrs(&doc, "script[src]", "src") {
        assert!(
            script.starts_with("/static/"),
            "no third-party script: {script}"
        );
    }
}

/// The page's structured data (at most one block), parsed.
fn json_ld(doc: &scraper::Html) -> Option<serde_json::Value> {
    let scripts: Vec<_> = doc
        .select(&sel("script[type='application/ld+json']"))
        .collect();
    assert!(scripts.len() <= 1, "one JSON-LD block at most");
    scripts
        .first()
        .map(|s| serde_json::from_str(&s.inner_html()).expect("JSON-LD parses"))
}

/// The SOC codes of the `Occupation` objects in a page's structured data.
fn occupations_in(v: Option<serde_json::Value>) -> BTreeSet<String> {
    let Some(v) = v else {
        return BTreeSet::new();
    };
    v["@graph"]
        .as_array()
        .map(|g| {
            g.iter()
                .filter(|n| n["@type"] == "Occupation")
                .map(|n| {
                    n["occupationalCategory"]["codeValue"]
                        .as_str()
                        .expect("an occupation has its code")
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn json_ld_describes_the_page_in_its_language_with_the_visible_breadcrumb() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        let Some(v) = json_ld(&doc) else {
            assert_eq!(path, "/404", "only the error page has no structured data");
            continue;
        };
        assert_eq!(v["@context"], "https://schema.org", "{path}");
        if path == "/" {
            assert_eq!(v["@type"], "WebSite");
            assert_eq!(v["inLanguage"], loaded.default_edition().site.ui.lang);
            continue;
        }
        let graph = v["@graph"].as_array().expect("a graph");
        let page = graph.iter().find(|n| n["@type"] == "WebPage").unwrap();
        assert_eq!(
            page["inLanguage"],
            loaded.default_edition().site.ui.lang,
            "{path}"
        );
        if path.starts_with(HIM) {
            assert_eq!(page["lastReviewed"], p.last_reviewed.iso(), "{path}");
        }
        assert_eq!(page["url"], format!("{BASE}{path}"));
        let crumbs = graph
            .iter()
            .find(|n| n["@type"] == "BreadcrumbList")
            .unwrap();
        let names: Vec<&str> = crumbs["itemListElement"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, texts(&doc, "nav.crumbs li"), "{path}");
    }
}

/// An `Occupation` (with its pay, education and code) is structured data
/// for the figures a page shows: it is on the pages that show that
/// occupation's figures, and on no other.
#[tokio::test]
async fn json_ld_occupations_appear_only_on_pages_that_show_their_figures() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let all: BTreeSet<String> = p.occupations().map(|o| o.soc.clone().unwrap()).collect();
    let none = BTreeSet::new();
    let specialists: BTreeSet<String> = ["29-2072".to_string()].into();
    for (path, want) in [
        (HIM.to_string(), &all),
        (format!("{HIM}/salary"), &all),
        (format!("{HIM}/outlook"), &all),
        (format!("{HIM}/education"), &all),
        (format!("{HIM}/print"), &all),
        (format!("{HIM}/print/all"), &all),
        // Its only figures: the growth of medical records specialists.
        (format!("{HIM}/ai-and-coding"), &specialists),
        // Pages with no figures at all.
        (format!("{HIM}/what-is-him"), &none),
        (format!("{HIM}/credentials"), &none),
        (format!("{HIM}/right-for-me"), &none),
        (format!("{HIM}/career-map"), &none),
        ("/glossary".to_string(), &none),
        ("/resources".to_string(), &none),
        ("/about".to_string(), &none),
        ("/pathways".to_string(), &none),
    ] {
        let doc = stored_html(&loaded, &path);
        assert_eq!(&occupations_in(json_ld(&doc)), want, "{path}");
    }
    // On every page: an occupation in the data is one the page names next
    // to its figures, which carry source markers.
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        let found = occupations_in(json_ld(&doc));
        if found.is_empty() {
            continue;
        }
        assert!(doc.select(&sel("main sup.src")).count() > 0, "{path}");
        let text = texts(&doc, "main").join(" ").to_lowercase();
        for soc in found {
            let o = p
                .occupations()
                .find(|o| o.soc.as_deref() == Some(&soc))
                .unwrap();
            assert!(
                text.contains(&o.title.to_lowercase()),
                "{path} names {}",
                o.title
            );
        }
    }
}

#[tokio::test]
async fn json_ld_occupations_match_the_data_and_the_page() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let doc = get(&format!("{HIM}/salary")).await.html();
    let v = json_ld(&doc).expect("structured data");
    let graph = v["@graph"].as_array().unwrap();
    let shown = texts(&doc, "table.figures.pay").join(" ");
    for o in p.occupations() {
        let node = graph
            .iter()
            .find(|n| n["occupationalCategory"]["codeValue"] == o.soc.as_deref().unwrap())
            .unwrap();
        assert_eq!(node["@type"], "Occupation");
        assert_eq!(node["name"], o.title.as_str());
        assert_eq!(node["occupationalCategory"]["@type"], "CategoryCode");
        let pay = o.pay.first().unwrap();
        let salary = &node["estimatedSalary"][0];
        assert_eq!(salary["@type"], "MonetaryAmountDistribution");
        assert_eq!(salary["currency"], "USD");
        assert_eq!(salary["duration"], "P1Y");
        assert_eq!(salary["median"], pay.annual);
        assert_eq!(
            salary["name"],
            format!("Median annual pay, May {}", pay.year)
        );
        assert!(
            shown.contains(&crate::helpers::money(pay.annual)),
            "the visible table shows the same median"
        );
        assert_eq!(
            node["educationRequirements"]["credentialCategory"],
            o.entry_education.as_ref().unwrap().text.as_str()
        );
    }
    // History groups are never structured data of an occupation.
    let names: Vec<&str> = graph.iter().filter_map(|n| n["name"].as_str()).collect();
    for h in p.history() {
        assert!(!names.contains(&h.title.as_str()), "{}", h.title);
    }
}

#[tokio::test]
async fn the_sitemap_lists_exactly_the_stored_pages() {
    let loaded = sample_state().current();
    let text = get("/sitemap.xml").await.text();
    let locs: BTreeSet<String> = text
        .split("<loc>")
        .skip(1)
        .map(|s| {
            s.split("</loc>")
                .next()
                .unwrap()
                .trim_start_matches(BASE)
                .to_string()
        })
        .collect();
    let want: BTreeSet<String> = html_pages(&loaded)
        .into_iter()
        .filter(|p| p != "/404")
        .collect();
    assert_eq!(locs, want);
    for path in &locs {
        assert_eq!(get(path).await.status, StatusCode::OK, "{path}");
    }
    let reviewed = him(&loaded).last_reviewed.iso();
    assert!(text.contains(&format!("<lastmod>{reviewed}</lastmod>")));
    assert!(!locs.contains("/him") && !locs.iter().any(|l| l.contains("search")));
}

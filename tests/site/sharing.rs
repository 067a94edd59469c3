//! Sharing and linking: canonical URLs, link previews, share links,
//! structured data, the sitemap, share images and the handout's QR code.

use crate::helpers::*;
use axum::http::StatusCode;
use std::collections::BTreeSet;

const BASE: &str = "https://pathways.example";
const HIM: &str = "/pathways/health-information-management";

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
        assert!(meta(&doc, "og:image").starts_with(&format!("{BASE}/og/")));
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

fn json_ld(doc: &scraper::Html) -> serde_json::Value {
    let raw = texts(doc, "script[type='application/ld+json']");
    assert_eq!(raw.len(), 1);
    serde_json::from_str(
        &doc.select(&sel("script[type='application/ld+json']"))
            .next()
            .unwrap()
            .inner_html(),
    )
    .expect("JSON-LD parses")
}

#[tokio::test]
async fn json_ld_parses_and_its_occupations_match_the_data_and_the_page() {
    let loaded = real_state().current();
    let p = him(&loaded);
    for path in [
        HIM.to_string(),
        format!("{HIM}/outlook"),
        format!("{HIM}/salary"),
    ] {
        let doc = get(&path).await.html();
        let v = json_ld(&doc);
        let graph = v["@graph"].as_array().expect("a graph");
        let page = graph.iter().find(|n| n["@type"] == "WebPage").unwrap();
        assert_eq!(page["lastReviewed"], "2026-11-24");
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
        assert_eq!(names, texts(&doc, "nav.crumbs li"));
        let occupations: Vec<_> = graph
            .iter()
            .filter(|n| n["@type"] == "Occupation")
            .collect();
        assert_eq!(occupations.len(), p.occupations.len(), "{path}");
        for o in &p.occupations {
            let node = occupations
                .iter()
                .find(|n| n["occupationalCategory"]["codeValue"] == o.soc.as_str())
                .unwrap();
            assert_eq!(node["occupationalCategory"]["@type"], "CategoryCode");
            let salary = &node["estimatedSalary"][0];
            assert_eq!(salary["@type"], "MonetaryAmountDistribution");
            assert_eq!(salary["currency"], "USD");
            assert_eq!(salary["duration"], "P1Y");
            assert_eq!(salary["median"], o.median_pay.annual);
            assert_eq!(
                node["educationRequirements"]["credentialCategory"],
                o.entry_education.text.as_str()
            );
        }
    }
    let salary = get(&format!("{HIM}/salary")).await.html();
    let shown = texts(&salary, "table.figures").join(" ");
    for o in &p.occupations {
        assert!(
            shown.contains(&pathways::content::format_money(o.median_pay.annual)),
            "visible page matches JSON-LD"
        );
    }
    let glossary = json_ld(&get("/glossary").await.html());
    assert!(
        glossary["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["@type"] != "Occupation")
    );
}

#[tokio::test]
async fn the_sitemap_lists_exactly_the_canonical_pages() {
    let state = real_state();
    let loaded = state.current();
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
    let want: BTreeSet<String> = pathways::pages::canonical_pages(&loaded.site)
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(locs, want);
    for path in &locs {
        assert_eq!(get(path).await.status, StatusCode::OK, "{path}");
    }
    assert!(text.contains("<lastmod>2026-11-24</lastmod>"));
    assert!(!locs.contains("/him") && !locs.iter().any(|l| l.contains("search")));
}

/// Rasterise the QR code's SVG path (`M x y h w v h H x V y` squares) and
/// decode it.
fn decode_qr(svg_path: &str, size: usize) -> String {
    let mut grid = vec![vec![false; size]; size];
    for cmd in svg_path.split('M').skip(1) {
        let nums: Vec<usize> = cmd
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let (x, y, w, h) = (nums[0], nums[1], nums[2], nums[3]);
        for row in grid.iter_mut().skip(y).take(h) {
            for cell in row.iter_mut().skip(x).take(w) {
                *cell = true;
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_bitmap(size, size, |x, y| grid[y][x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code found");
    grids[0].decode().expect("the QR code decodes").1
}

#[tokio::test]
async fn the_printable_handout_has_every_section_sources_and_a_qr_code_of_the_canonical_url() {
    let loaded = real_state().current();
    let p = him(&loaded);
    let doc = get(&format!("{HIM}/print")).await.html();
    let section_titles = texts(&doc, ".handout-section > h2");
    let want: Vec<String> = p.sections.iter().map(|s| s.title.clone()).collect();
    assert_eq!(section_titles, want);
    assert!(doc.select(&sel("#quick-facts")).count() == 1);
    assert!(doc.select(&sel(".sources li")).count() >= 5);
    let ids: Vec<String> = attrs(&doc, "[id]", "id");
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "ids are unique on the handout");
    let svg = doc.select(&sel("svg.qr-code")).next().expect("a QR code");
    let size: usize = svg.value().attr("width").unwrap().parse().unwrap();
    let path = svg
        .select(&sel("path"))
        .next()
        .unwrap()
        .value()
        .attr("d")
        .unwrap()
        .to_string();
    assert_eq!(decode_qr(&path, size), format!("{BASE}{HIM}"));
    let overview = get(HIM).await.html();
    assert!(attrs(&overview, "main a", "href").contains(&format!("{HIM}/print")));
}

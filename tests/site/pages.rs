//! What readers see: section structure, headings, quick facts, sources.

use crate::helpers::*;
use pathways::content::format_money;
use std::collections::HashSet;

const HIM: &str = "/pathways/health-information-management";

#[tokio::test]
async fn the_real_content_has_every_him_section_in_order_and_each_renders() {
    let loaded = real_state().current();
    let p = him(&loaded);
    let slugs: Vec<&str> = p.sections.iter().map(|s| s.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "what-is-him",
            "roles",
            "outlook",
            "salary",
            "education",
            "job-titles",
            "right-for-me"
        ]
    );
    for s in &p.sections {
        assert!(s.doc.html.len() > 500, "{} has content", s.slug);
        assert!(!s.sources.is_empty(), "{} lists sources", s.slug);
        assert!(
            !s.doc.html.contains("{{"),
            "{} has no unexpanded shortcode",
            s.slug
        );
    }
}

#[tokio::test]
async fn a_section_page_has_breadcrumb_toc_body_pager_review_date_and_sources() {
    let doc = get(&format!("{HIM}/outlook")).await.html();
    assert_eq!(
        texts(&doc, "nav.crumbs li"),
        ["Home", "Career pathways", "HIM", "Job outlook"]
    );
    let toc = attrs(&doc, "nav.toc a", "href");
    assert!(toc.len() >= 3);
    let ids: HashSet<String> = attrs(&doc, "[id]", "id").into_iter().collect();
    for href in &toc {
        assert!(
            ids.contains(href.trim_start_matches('#')),
            "toc link {href} has a target"
        );
    }
    assert_eq!(attrs(&doc, "a[rel=prev]", "href"), [format!("{HIM}/roles")]);
    assert_eq!(
        attrs(&doc, "a[rel=next]", "href"),
        [format!("{HIM}/salary")]
    );
    assert_eq!(attrs(&doc, ".reviewed time", "datetime")[0], "2026-11-24");
    let sources = attrs(&doc, ".sources a", "href");
    assert!(sources.iter().any(|s| s.contains("bls.gov")), "{sources:?}");
}

#[tokio::test]
async fn every_h2_and_h3_has_a_stable_id_and_a_visible_self_link() {
    for section in ["what-is-him", "roles", "education", "salary"] {
        let doc = get(&format!("{HIM}/{section}")).await.html();
        let headings = doc.select(&sel("main h2, main h3")).count();
        assert!(headings > 0);
        for h in doc.select(&sel("main .h")) {
            let heading = h.select(&sel("h2, h3")).next().expect("heading inside .h");
            let id = heading.value().attr("id").expect("heading has an id");
            let link = h.select(&sel("a.anchor")).next().expect("self-link");
            assert_eq!(link.value().attr("href"), Some(format!("#{id}").as_str()));
        }
    }
    let doc = get(&format!("{HIM}/education")).await.html();
    let ids: HashSet<String> = attrs(&doc, "h2, h3", "id").into_iter().collect();
    for explicit in [
        "rhit",
        "rhia",
        "cahiim",
        "certificate-or-degree",
        "what-you-will-learn",
    ] {
        assert!(ids.contains(explicit), "education has #{explicit}");
    }
}

#[tokio::test]
async fn internal_links_on_every_page_resolve_to_pages_and_anchors() {
    let state = real_state();
    let site = &state.current().site;
    let mut pages = Vec::new();
    for (path, _) in pathways::pages::canonical_pages(site) {
        pages.push((path.clone(), get(&path).await.html()));
    }
    let ids =
        |doc: &scraper::Html| -> HashSet<String> { attrs(doc, "[id]", "id").into_iter().collect() };
    for (path, doc) in &pages {
        for href in attrs(doc, "main a[href^='/'], main a[href^='#']", "href") {
            let (target, anchor) = href.split_once('#').unwrap_or((&href, ""));
            let target = if target.is_empty() {
                path.as_str()
            } else {
                target.split('?').next().unwrap()
            };
            let target_doc = match pages.iter().find(|(p, _)| p == target) {
                Some((_, d)) => d.clone(),
                None => {
                    let got = get(target).await;
                    assert_eq!(got.status, 200, "{path} links to {href}");
                    got.html()
                }
            };
            if !anchor.is_empty() {
                assert!(
                    ids(&target_doc).contains(anchor),
                    "{path} links to missing anchor {href}"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_overview_quick_facts_show_the_key_occupations_figures_with_years() {
    let loaded = real_state().current();
    let p = him(&loaded);
    let o = p.key();
    let doc = get(HIM).await.html();
    let facts = texts(&doc, "#quick-facts").join(" ");
    assert!(
        facts.contains(&format_money(o.median_pay.annual)),
        "{facts}"
    );
    assert!(facts.contains(&o.median_pay.as_of));
    assert!(facts.contains(&o.entry_education.text));
    assert!(facts.contains(&o.jobs.as_of));
    let sections = attrs(&doc, "ol.section-list a", "href");
    assert_eq!(
        sections.len(),
        p.sections.len() + 1,
        "every section plus the career map"
    );
}

#[tokio::test]
async fn outlook_and_salary_tables_agree_with_the_occupation_data() {
    let loaded = real_state().current();
    let p = him(&loaded);
    let salary = get(&format!("{HIM}/salary")).await.html();
    let rows = texts(&salary, "table.figures tbody tr");
    for o in &p.occupations {
        let row = rows
            .iter()
            .find(|r| r.contains(&o.soc))
            .unwrap_or_else(|| panic!("row for {}", o.soc));
        assert!(row.contains(&format_money(o.median_pay.annual)), "{row}");
        if let Some(h) = o.median_pay.hourly {
            assert!(row.contains(&format!("${h:.2}")), "{row}");
        }
    }
    let base = rows.last().unwrap();
    assert!(
        base.starts_with("All occupations") && base.contains("$49,500"),
        "{base}"
    );
    let outlook = get(&format!("{HIM}/outlook")).await.html();
    let rows = texts(&outlook, "table.figures tbody tr");
    for o in &p.occupations {
        let row = rows.iter().find(|r| r.contains(&o.soc)).unwrap();
        let pct = pathways::content::figures::format_percent(o.growth.percent);
        assert!(row.contains(&pct), "{row} has {pct}");
    }
}

#[tokio::test]
async fn glossary_terms_are_marked_once_per_page_and_never_inside_headings_or_links() {
    let doc = get(&format!("{HIM}/education")).await.html();
    let marked = attrs(&doc, "main a.term", "href");
    let unique: HashSet<&String> = marked.iter().collect();
    assert!(!marked.is_empty());
    assert_eq!(
        marked.len(),
        unique.len(),
        "each term marked once: {marked:?}"
    );
    assert_eq!(
        doc.select(&sel("h1 a.term, h2 a.term, h3 a.term, a a.term"))
            .count(),
        0
    );
    let abbr = attrs(&doc, "main abbr", "title");
    assert!(
        abbr.iter()
            .any(|t| t.contains("Registered Health Information")),
        "{abbr:?}"
    );
}

#[tokio::test]
async fn the_glossary_and_resources_list_every_entry_with_anchors() {
    let state = real_state();
    let loaded = state.current();
    let doc = get("/glossary").await.html();
    let ids = attrs(&doc, ".term-entry", "id");
    assert_eq!(ids.len(), loaded.site.glossary.len());
    for t in ["him", "rhit", "rhia", "cahiim", "soc", "bls", "ehr"] {
        assert!(ids.contains(&t.to_string()), "glossary has #{t}");
    }
    let doc = get("/resources").await.html();
    assert_eq!(
        doc.select(&sel(".resources li")).count(),
        loaded.site.resources.len()
    );
    for a in attrs(&doc, ".resources a", "href") {
        assert!(a.starts_with("https://"), "{a}");
    }
}

#[tokio::test]
async fn external_links_carry_noopener() {
    let doc = get(&format!("{HIM}/what-is-him")).await.html();
    let external: Vec<_> = doc.select(&sel("main a[href^='http']")).collect();
    assert!(!external.is_empty());
    for a in external {
        assert_eq!(
            a.value().attr("rel"),
            Some("noopener"),
            "{:?}",
            a.value().attr("href")
        );
    }
}

#[tokio::test]
async fn the_old_soc_code_is_explained_against_the_current_ones() {
    let doc = get(&format!("{HIM}/what-is-him")).await.html();
    let text = texts(&doc, "main").join(" ");
    for code in ["29-2071", "29-2072", "29-9021"] {
        assert!(text.contains(code), "what-is-him mentions {code}");
    }
    assert!(attrs(&doc, "h2, h3", "id").contains(&"soc-codes".to_string()));
}

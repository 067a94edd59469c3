//! Section pages: one per section in the order of `pathway.toml`, each
//! with breadcrumb, contents, pager, review date and sources, the pathway
//! menu with the page marked current, and headings with stable ids and
//! self-links.

use crate::helpers::*;
use std::collections::HashSet;

/// The menu and pager order: sections, with the career map after the
/// section that lists the job titles.
fn reading_order(loaded: &pathways::Loaded) -> Vec<String> {
    let p = him(loaded);
    let mut out = Vec::new();
    for s in &p.sections {
        out.push(format!("{HIM}/{}", s.slug));
        if s.slug == "job-titles" {
            out.push(format!("{HIM}/career-map"));
        }
    }
    out
}

#[tokio::test]
async fn every_section_is_a_page_in_the_order_of_pathway_toml_with_no_shortcode_left() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let slugs: Vec<&str> = p.sections.iter().map(|s| s.slug.as_str()).collect();
    let listed = std::fs::read_to_string(format!("{SAMPLE}{HIM}/pathway.toml")).unwrap();
    let line = listed
        .lines()
        .find(|l| l.starts_with("sections = "))
        .unwrap();
    let want: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
    assert_eq!(slugs, want);
    for s in &p.sections {
        let doc = stored_html(&loaded, &format!("{HIM}/{}", s.slug));
        assert_eq!(texts(&doc, "h1"), std::slice::from_ref(&s.title));
        assert_eq!(texts(&doc, "main p.lead"), std::slice::from_ref(&s.summary));
        let prose = texts(&doc, ".prose").join(" ");
        assert!(prose.len() > 500, "{} has content", s.slug);
        assert!(
            !prose.contains("{{"),
            "{} has an unexpanded shortcode",
            s.slug
        );
    }
}

#[tokio::test]
async fn a_section_page_has_breadcrumb_toc_body_pager_review_date_and_sources() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let order = reading_order(&loaded);
    let path = format!("{HIM}/outlook");
    let at = order.iter().position(|o| *o == path).unwrap();
    let doc = get(&path).await.html();
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
    assert_eq!(attrs(&doc, "a[rel=prev]", "href"), [order[at - 1].clone()]);
    assert_eq!(attrs(&doc, "a[rel=next]", "href"), [order[at + 1].clone()]);
    let reviewed = texts(&doc, "main .reviewed").join(" ");
    assert!(
        reviewed.contains(&loaded.default_edition().site.ui.date(&p.last_reviewed)),
        "{reviewed}"
    );
    let sources = attrs(&doc, ".sources a", "href");
    assert!(sources.iter().any(|s| s.contains("bls.gov")), "{sources:?}");
}

#[tokio::test]
async fn every_section_page_has_the_pathway_menu_with_itself_marked_current() {
    let loaded = sample_state().current();
    let order = reading_order(&loaded);
    for path in &order {
        let doc = stored_html(&loaded, path);
        // The menu as a side column, and again as a fold-out on phones.
        for menu in ["nav.pathway-menu", ".pathway-menu-phone nav"] {
            let items = attrs(&doc, &format!("{menu} ol a"), "href");
            assert_eq!(&items, &order, "{path}: {menu} lists the reading order");
            let current = attrs(&doc, &format!("{menu} a[aria-current=page]"), "href");
            assert_eq!(current, std::slice::from_ref(path), "{path}: {menu}");
        }
    }
    // Pages outside the reading order have no pathway menu.
    for path in [HIM.to_string(), format!("{HIM}/print"), "/glossary".into()] {
        let doc = stored_html(&loaded, &path);
        assert_eq!(doc.select(&sel("nav.pathway-menu")).count(), 0, "{path}");
    }
}

#[tokio::test]
async fn every_h2_and_h3_has_a_stable_id_and_a_visible_self_link() {
    for section in ["what-is-him", "roles", "education", "salary"] {
        let doc = get(&format!("{HIM}/{section}")).await.html();
        let headings = doc.select(&sel(".prose h2, .prose h3")).count();
        assert!(headings > 0);
        let mut wrapped = 0;
        for h in doc.select(&sel("main .h")) {
            let heading = h.select(&sel("h2, h3")).next().expect("heading inside .h");
            let id = heading.value().attr("id").expect("heading has an id");
            let link = h.select(&sel("a.anchor")).next().expect("self-link");
            assert_eq!(link.value().attr("href"), Some(format!("#{id}").as_str()));
            wrapped += 1;
        }
        assert!(wrapped >= headings, "{section}: every heading has its link");
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

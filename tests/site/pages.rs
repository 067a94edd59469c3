//! What readers see on the sample site: section structure, headings,
//! the pathway menu, quick facts, the pay picture, figure tables, first
//! steps, the handouts and the glossary.

use crate::helpers::*;
use pathways::util::text::{cents, money, number, percent};
use std::collections::{HashMap, HashSet};

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
        reviewed.contains(&loaded.site.ui.date(&p.last_reviewed)),
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

#[tokio::test]
async fn internal_links_on_every_page_resolve_to_pages_and_anchors() {
    let loaded = sample_state().current();
    let mut pages: HashMap<String, HashSet<String>> = HashMap::new();
    for path in html_pages(&loaded) {
        let ids = attrs(&stored_html(&loaded, &path), "[id]", "id")
            .into_iter()
            .collect();
        pages.insert(path, ids);
    }
    let mut checked = 0;
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        for href in attrs(&doc, "a[href^='/'], a[href^='#']", "href") {
            let (target, anchor) = href.split_once('#').unwrap_or((&href, ""));
            let target = if target.is_empty() {
                path.as_str()
            } else {
                target.split('?').next().unwrap()
            };
            let ids = match pages.get(target) {
                Some(ids) => ids.clone(),
                None => {
                    let got = get(target).await;
                    assert_eq!(got.status, 200, "{path} links to {href}");
                    attrs(&got.html(), "[id]", "id").into_iter().collect()
                }
            };
            if !anchor.is_empty() {
                assert!(
                    ids.contains(anchor),
                    "{path} links to missing anchor {href}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[tokio::test]
async fn the_overview_quick_facts_show_each_occupations_figures_with_their_years() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let doc = get(HIM).await.html();
    let rows: Vec<_> = doc.select(&sel("#quick-facts tbody tr")).collect();
    let occupations: Vec<_> = p.occupations().collect();
    assert_eq!(rows.len(), occupations.len());
    for (row, o) in rows.iter().zip(&occupations) {
        let text = text_of(*row);
        let th = text_of(row.select(&sel("th")).next().unwrap());
        assert!(th.starts_with(&o.title), "{th}");
        assert!(th.contains(o.soc.as_deref().unwrap()), "{th}");
        let jobs = o.jobs.first().unwrap();
        assert!(text.contains(&number(u64::from(jobs.value))), "{text}");
        assert!(text.contains(&format!("({})", jobs.year)), "{text}");
        let growth = o.growth.first().unwrap();
        assert!(text.contains(&percent(growth.percent)), "{text}");
        let e = o.entry_education.as_ref().unwrap();
        assert!(
            text.to_lowercase().contains(&e.text.to_lowercase()),
            "{text}"
        );
        // Jobs, growth (and all occupations over the same years) and
        // education each carry a source marker.
        assert!(row.select(&sel("sup.src")).count() >= 3, "{text}");
    }
    let sections = attrs(&doc, "ol.section-list > li > a", "href");
    let mut want: Vec<String> = p
        .sections
        .iter()
        .map(|s| format!("{HIM}/{}", s.slug))
        .collect();
    want.push(format!("{HIM}/career-map"));
    assert_eq!(sections, want, "every section plus the career map");
}

#[tokio::test]
async fn the_overview_shows_the_pay_picture_and_the_first_steps_card() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let doc = get(HIM).await.html();
    pay_picture_is_complete(&doc, p);
    let steps: Vec<String> = p.first_steps.iter().map(|l| l.href.clone()).collect();
    assert_eq!(attrs(&doc, "aside.first-steps ol li a", "href"), steps);
    assert_eq!(
        texts(&doc, "aside.first-steps ol li"),
        p.first_steps
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
    );
}

/// The pay picture: a drawing screen readers skip, and its text equivalent,
/// one line per occupation, each figure with its source marker.
#[track_caller]
fn pay_picture_is_complete(doc: &scraper::Html, p: &pathways::content::Pathway) {
    let picture = one(doc, "figure.pay-picture");
    let svg = picture.select(&sel("svg")).next().expect("a drawing");
    assert_eq!(svg.value().attr("aria-hidden"), Some("true"));
    let items: Vec<_> = picture.select(&sel(".pp-text li")).collect();
    let with_pay: Vec<_> = p.occupations().filter(|o| !o.pay.is_empty()).collect();
    assert_eq!(items.len(), with_pay.len());
    for o in with_pay {
        let pay = o.pay.first().unwrap();
        let li = items
            .iter()
            .find(|li| text_of(li.select(&sel("strong")).next().unwrap()) == o.title)
            .unwrap_or_else(|| panic!("a line for {}", o.title));
        let text = text_of(*li);
        assert!(text.contains(&money(pay.annual)), "{text}");
        assert!(text.contains(&format!("May {}", pay.year)), "{text}");
        assert!(li.select(&sel("sup.src a")).count() >= 1, "{text}");
    }
    assert_eq!(picture.select(&sel("svg .pp-bar")).count(), items.len());
}

#[tokio::test]
async fn the_pay_section_shows_the_pay_picture_and_a_table_that_agrees_with_the_data() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let salary = get(&format!("{HIM}/salary")).await.html();
    pay_picture_is_complete(&salary, p);
    let rows: Vec<String> = texts(&salary, "table.figures.pay tbody tr");
    assert_eq!(rows.len(), p.occupations().count());
    for o in p.occupations() {
        let soc = o.soc.as_deref().unwrap();
        let row = rows
            .iter()
            .find(|r| r.contains(soc))
            .unwrap_or_else(|| panic!("row for {soc}"));
        let pay = o.pay.first().unwrap();
        assert!(row.contains(&money(pay.annual)), "{row}");
        if let Some(h) = pay.hourly {
            assert!(row.contains(&cents(h)), "{row}");
        }
        assert!(row.contains(&format!("May {}", pay.year)), "{row}");
        // Beside it, all occupations in the same May.
        let base = loaded.site.baseline.pay_in(pay.year).unwrap();
        assert!(row.contains(&money(base.annual)), "{row}");
    }
    let outlook = get(&format!("{HIM}/outlook")).await.html();
    let rows = texts(&outlook, "table.figures.outlook tbody tr");
    for o in p.occupations() {
        let row = rows
            .iter()
            .find(|r| r.contains(o.soc.as_deref().unwrap()))
            .unwrap();
        let g = o.growth.first().unwrap();
        assert!(row.contains(&percent(g.percent)), "{row} has its growth");
        let base = loaded.site.baseline.growth_over(g.from, g.to).unwrap();
        assert!(
            row.contains(&percent(base.percent)),
            "{row} has all occupations"
        );
    }
}

#[tokio::test]
async fn the_education_table_compares_every_level_and_links_to_the_career_map() {
    let loaded = sample_state().current();
    let map = him(&loaded).career_map.clone().unwrap();
    let doc = get(&format!("{HIM}/education")).await.html();
    let rows = texts(&doc, "table.figures.education tbody th");
    let used: Vec<String> = map.used_levels().map(|l| l.name.clone()).collect();
    assert_eq!(rows, used);
    let links = attrs(&doc, "table.figures.education td a[href^='/']", "href");
    assert_eq!(links.len(), map.titles.len(), "every title, once");
    for l in links {
        let id = l
            .strip_prefix(&format!("{HIM}/career-map#"))
            .unwrap_or_else(|| panic!("{l} goes to the career map"));
        assert!(map.title(id).is_some(), "{l}");
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
    let loaded = sample_state().current();
    let doc = get("/glossary").await.html();
    let ids = attrs(&doc, ".term-entry", "id");
    let want: Vec<String> = loaded.site.glossary.iter().map(|t| t.id.clone()).collect();
    assert_eq!(ids, want);
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
    let loaded = sample_state().current();
    let mut external = 0;
    for path in html_pages(&loaded) {
        let doc = stored_html(&loaded, &path);
        // Links to this site's own address are not external.
        let links = sel("main a[href^='http']");
        let external_links = doc
            .select(&links)
            .filter(|a| !a.value().attr("href").unwrap().starts_with(BASE));
        for a in external_links {
            assert_eq!(
                a.value().attr("rel"),
                Some("noopener"),
                "{path}: {:?}",
                a.value().attr("href")
            );
            external += 1;
        }
    }
    assert!(external > 20);
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

/// The QR code on a page, decoded.
fn qr_of(doc: &scraper::Html) -> String {
    let svg = one(doc, "svg.qr-code");
    let size: usize = svg.value().attr("width").unwrap().parse().unwrap();
    let path = svg
        .select(&sel("path"))
        .next()
        .unwrap()
        .value()
        .attr("d")
        .unwrap()
        .to_string();
    decode_qr(&path, size)
}

#[track_caller]
fn ids_are_unique(doc: &scraper::Html, what: &str) {
    let ids: Vec<String> = attrs(doc, "[id]", "id");
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "ids are unique on {what}");
}

#[tokio::test]
async fn the_one_sheet_handout_has_the_qr_code_the_pay_picture_the_first_steps_and_its_parts() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let doc = get(&format!("{HIM}/print")).await.html();
    assert_eq!(qr_of(&doc), format!("{BASE}{HIM}"));
    pay_picture_is_complete(&doc, p);
    let steps: Vec<String> = p.first_steps.iter().map(|l| l.href.clone()).collect();
    assert_eq!(attrs(&doc, "aside.first-steps ol li a", "href"), steps);
    assert_eq!(doc.select(&sel(".quick-facts table")).count(), 1);
    // The parts pathway.toml names, under their headings' words.
    let parts = texts(&doc, ".handout-part > h2");
    assert_eq!(parts.len(), p.handout.len());
    for ((slug, id), title) in p.handout.iter().zip(&parts) {
        let section = stored_html(&loaded, &format!("{HIM}/{slug}"));
        let heading = text_of(one(&section, &format!("[id='{id}']")));
        assert_eq!(&heading, title);
    }
    assert!(doc.select(&sel(".source-list li")).count() >= 3);
    ids_are_unique(&doc, "the handout");
    let overview = get(HIM).await.html();
    let links = attrs(&overview, "main a", "href");
    assert!(links.contains(&format!("{HIM}/print")), "{links:?}");
    assert!(links.contains(&format!("{HIM}/print/all")), "{links:?}");
}

#[tokio::test]
async fn the_whole_pathway_to_print_has_every_section_and_a_qr_code() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let doc = get(&format!("{HIM}/print/all")).await.html();
    assert_eq!(qr_of(&doc), format!("{BASE}{HIM}"));
    let titles = texts(&doc, ".handout-section > h2");
    let want: Vec<String> = p.sections.iter().map(|s| s.title.clone()).collect();
    assert_eq!(titles, want);
    // The sections' headings move one level down under each section's title.
    assert_eq!(doc.select(&sel(".handout-section .prose .h h2")).count(), 0);
    assert!(doc.select(&sel(".handout-section .prose .h h3")).count() > 20);
    ids_are_unique(&doc, "the whole pathway");
    // Every in-page link lands on this page.
    let ids: HashSet<String> = attrs(&doc, "[id]", "id").into_iter().collect();
    for href in attrs(&doc, "main a[href^='#']", "href") {
        assert!(ids.contains(&href[1..]), "{href}");
    }
}

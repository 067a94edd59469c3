//! The handouts to print: the one-sheet handout and the whole pathway,
//! each with a QR code that decodes to the pathway's address and ids that
//! are unique on the page.

use super::pay_picture_is_complete;
use crate::helpers::*;
use std::collections::HashSet;

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

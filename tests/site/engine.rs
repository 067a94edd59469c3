//! The engine knows no page by name: what a pathway has (its sections, a
//! self-check, a career map) comes from its content. A pathway whose
//! sections are all renamed works the same; one without a self-check or a
//! career map simply has neither.

use crate::helpers::*;
use axum::http::StatusCode;

/// A copy of the sample with every section renamed: the files, the
/// `sections` list, and every link to a section in every content file
/// (Markdown, pathway.toml's handout and first steps, the self-check).
fn renamed_sample() -> (Scratch, Vec<(String, String)>) {
    let s = Scratch::of("sample");
    let dir = format!("pathways{HIM_DIR}");
    let pathway = format!("{dir}/pathway.toml");
    let text = s.read(&pathway);
    let line = text
        .lines()
        .find(|l| l.starts_with("sections = "))
        .unwrap()
        .to_string();
    let slugs: Vec<String> = line
        .split('"')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect();
    assert!(slugs.len() >= 5);
    let renames: Vec<(String, String)> = slugs
        .iter()
        .enumerate()
        .map(|(i, old)| (old.clone(), format!("part-{}", i + 1)))
        .collect();
    let new_line = format!(
        "sections = [{}]",
        renames
            .iter()
            .map(|(_, new)| format!("\"{new}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    s.write(&pathway, text.replace(&line, &new_line));
    for file in files_under(&s.dir) {
        let Ok(mut text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for (old, new) in &renames {
            for end in ['#', ')', '"', '\n', ' '] {
                text = text.replace(&format!("{HIM}/{old}{end}"), &format!("{HIM}/{new}{end}"));
            }
        }
        std::fs::write(&file, text).unwrap();
    }
    for (old, new) in &renames {
        std::fs::rename(
            s.path(&format!("{dir}/{old}.md")),
            s.path(&format!("{dir}/{new}.md")),
        )
        .unwrap();
    }
    (s, renames)
}

/// A stored page as a reader gets it: 200 (the 404 page 404) with one h1.
async fn served_whole(state: &pathways::AppState, path: &str) -> scraper::Html {
    let got = get_from(state, path).await;
    let want = if path == "/404" {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::OK
    };
    assert_eq!(got.status, want, "{path}");
    let doc = got.html();
    assert_eq!(doc.select(&sel("h1")).count(), 1, "{path}");
    doc
}

const HIM_DIR: &str = "/health-information-management";

#[tokio::test]
async fn a_pathway_with_every_section_renamed_builds_and_serves_every_page() {
    let (s, renames) = renamed_sample();
    let state = s.state();
    let loaded = state.current();
    let p = him(&loaded);
    let slugs: Vec<&str> = p.sections.iter().map(|x| x.slug.as_str()).collect();
    let want: Vec<&str> = renames.iter().map(|(_, new)| new.as_str()).collect();
    assert_eq!(slugs, want);
    let pages = html_pages(&loaded);
    // The same pages as the sample, at their new addresses.
    assert_eq!(pages.len(), html_pages(&sample_state().current()).len());
    for path in &pages {
        served_whole(&state, path).await;
    }
    for (old, new) in &renames {
        assert!(pages.contains(&format!("{HIM}/{new}")), "{new} is a page");
        let gone = get_from(&state, &format!("{HIM}/{old}")).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND, "{old} is gone");
    }
    // The menu and the pager follow the new names.
    let first = format!("{HIM}/{}", renames[0].1);
    let doc = get_from(&state, &first).await.html();
    // Every renamed section and the map (which the menu places beside the
    // section that shows job titles), each once.
    let mut menu = attrs(&doc, "nav.pathway-menu ol a", "href");
    menu.sort();
    let mut want: Vec<String> = renames
        .iter()
        .map(|(_, new)| format!("{HIM}/{new}"))
        .collect();
    want.push(format!("{HIM}/career-map"));
    want.sort();
    assert_eq!(menu, want);
    assert_eq!(
        attrs(&doc, "a[rel=next]", "href"),
        [format!("{HIM}/{}", renames[1].1)]
    );
}

#[tokio::test]
async fn the_self_check_works_at_its_new_address() {
    let (s, renames) = renamed_sample();
    let state = s.state();
    let loaded = state.current();
    let (_, new) = renames
        .iter()
        .find(|(old, _)| old == "right-for-me")
        .expect("the sample's self-check section");
    let path = format!("{HIM}/{new}");
    assert_eq!(
        self_check_path(&loaded, "health-information-management"),
        Some(path.clone())
    );
    let page = get_from(&state, &path).await.html();
    assert_eq!(
        attrs(&page, "form.self-check", "action"),
        std::slice::from_ref(&path)
    );
    let result = get_from(&state, &format!("{path}?a=1,3&u=2&n=4")).await;
    assert_eq!(result.status, StatusCode::OK);
    let doc = result.html();
    assert_eq!(doc.select(&sel(".result-summary")).count(), 1);
    assert_eq!(
        attrs(&doc, "#result-url", "value"),
        [format!(
            "{}{path}?a=1,3&u=2&n=4",
            loaded.default_edition().site.base_url
        )]
    );
    let unanswered = get_from(&state, &format!("{path}?sent=1")).await;
    assert_eq!(unanswered.status, StatusCode::OK);
    assert_eq!(unanswered.html().select(&sel(".form-error")).count(), 1);
    // Other sections are plain pages, whatever their query.
    let other = format!("{HIM}/{}", renames[0].1);
    let plain = get_from(&state, &format!("{other}?a=1")).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(plain.html().select(&sel(".result-summary")).count(), 0);
    // The home page links to it.
    let home = get_from(&state, "/").await.html();
    assert!(attrs(&home, "main a", "href").contains(&path));
    // Search finds its statements there.
    let hits = loaded
        .default_edition()
        .search
        .search("\"lawyers, administrators and executives\"", 1);
    assert_eq!(
        hits.hits.first().map(|h| h.url.as_str()),
        Some(path.as_str())
    );
}

/// The minimal fixture without its career map (it has no self-check).
fn bare() -> Scratch {
    let s = Scratch::of("minimal");
    s.remove("pathways/demo/career-map.toml");
    s.edit(
        "pathways/demo/intro.md",
        " and the [map](/pathways/demo/career-map#starter)",
        "",
    );
    assert!(!s.path("pathways/demo/self-check.toml").exists());
    s
}

#[tokio::test]
async fn a_pathway_with_no_self_check_and_no_career_map_renders_every_page_without_them() {
    let s = bare();
    let state = s.state();
    let loaded = state.current();
    let p = &loaded.default_edition().site.pathways[0];
    assert!(p.self_check.is_none() && p.career_map.is_none());
    let pages = html_pages(&loaded);
    for want in [
        "/pathways/demo",
        "/pathways/demo/intro",
        "/pathways/demo/pay",
        "/pathways/demo/print",
        "/pathways/demo/print/all",
    ] {
        assert!(pages.contains(&want.to_string()), "{want} in {pages:?}");
    }
    assert!(!pages.iter().any(|p| p.contains("career-map")), "{pages:?}");
    assert_eq!(self_check_path(&loaded, "demo"), None);
    for path in &pages {
        let doc = served_whole(&state, path).await;
        assert_eq!(doc.select(&sel("form.self-check")).count(), 0, "{path}");
        let links = attrs(&doc, "a", "href");
        assert!(
            !links.iter().any(|l| l.contains("career-map")),
            "{path} links to a career map: {links:?}"
        );
    }
    // The menu has the two sections only.
    let doc = get_from(&state, "/pathways/demo/intro").await.html();
    assert_eq!(
        attrs(&doc, "nav.pathway-menu ol a", "href"),
        ["/pathways/demo/intro", "/pathways/demo/pay"]
    );
    assert_eq!(
        get_from(&state, "/pathways/demo/career-map").await.status,
        StatusCode::NOT_FOUND
    );
    // A query on a section is just the section.
    let got = get_from(&state, "/pathways/demo/pay?a=1&sent=1").await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(
        got.html()
            .select(&sel(".form-error, .result-summary"))
            .count(),
        0
    );
}

#[test]
fn a_self_check_block_without_a_self_check_file_is_an_error_at_the_block() {
    let s = bare();
    s.edit(
        "pathways/demo/pay.md",
        "## How much?",
        "{{ self-check }}\n\n## How much?",
    );
    let errors = s.errors();
    let at = s.position("pathways/demo/pay.md", "{{ self-check }}");
    let prefix = format!("{}:{}:{}: ", s.shown("pathways/demo/pay.md"), at.0, at.1);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&prefix) && e.contains("self-check.toml")),
        "{errors:#?}"
    );
}

#[test]
fn a_self_check_no_section_shows_is_an_error_on_its_file() {
    let s = Scratch::of("sample");
    let dir = format!("pathways{HIM_DIR}");
    s.edit(&format!("{dir}/right-for-me.md"), "{{ self-check }}", "");
    let errors = s.errors();
    let file = s.shown(&format!("{dir}/self-check.toml"));
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("{file}:1:1: ")) && e.contains("no section shows")),
        "{errors:#?}"
    );
}

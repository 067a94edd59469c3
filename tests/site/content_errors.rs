//! Every kind of content mistake names the file, line and column and says
//! what to fix. Each test breaks one thing in a copy of a small valid site.

use crate::helpers::Scratch;

const DEMO: &str = "pathways/demo";

/// The single error line, which must start with `path:line:col:`.
fn one_error(s: &Scratch) -> String {
    let errors: Vec<String> = s
        .errors()
        .into_iter()
        .filter(|e| !e.contains(": warning:"))
        .collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors[0].clone()
}

fn located(line: &str, file: &str, at: (usize, usize)) {
    let prefix = format!("{file}:{}:{}: ", at.0, at.1);
    assert!(
        line.contains(&prefix),
        "{line:?} should point at {prefix:?}"
    );
}

fn rel(s: &Scratch, path: &str) -> String {
    s.path(path).display().to_string()
}

#[test]
fn the_fixture_itself_is_valid() {
    let s = Scratch::of("minimal");
    let site = s.load().unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(site.pathways.len(), 1);
}

#[test]
fn bad_toml_names_the_line_and_column() {
    let s = Scratch::of("minimal");
    s.edit(
        "site.toml",
        "tagline = \"A small site for tests.\"",
        "tagline = \"unclosed",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, "site.toml"), (2, 20));
}

#[test]
fn an_unknown_front_matter_field_names_its_line_and_says_to_remove_it() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pay.md"),
        "nav_title = \"Pay\"\n",
        "nav_title = \"Pay\"\nsubtitle = \"x\"\n",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/pay.md")), (4, 1));
    assert!(
        e.contains("unknown field `subtitle`") && e.contains("remove the field"),
        "{e}"
    );
}

#[test]
fn a_field_of_the_wrong_type_is_reported() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pathway.toml"),
        "value = 1000",
        "value = \"many\"",
    );
    let e = one_error(&s);
    assert!(e.contains("pathway.toml:"), "{e}");
    assert!(e.contains("check the value's type"), "{e}");
}

#[test]
fn a_figure_without_a_source_is_an_error_that_says_figures_need_sources() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pathway.toml"),
        "value = 1000\nyear = 2024\nsource = \"stats\"",
        "value = 1000\nyear = 2024",
    );
    let e = one_error(&s);
    assert!(e.contains("missing field `source`"), "{e}");
    assert!(e.contains("every figure needs `year`"), "{e}");
}

#[test]
fn a_figure_citing_an_unknown_source_points_at_the_source() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pathway.toml"),
        "value = 1000\nyear = 2024\nsource = \"stats\"",
        "value = 1000\nyear = 2024\nsource = \"nowhere\"",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/pathway.toml")), (25, 10));
    assert!(e.contains("`nowhere` is not in sources.toml"), "{e}");
}

#[test]
fn an_old_figure_is_a_warning_not_an_error() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pathway.toml"),
        "value = 1000\nyear = 2024",
        "value = 1000\nyear = 2019",
    );
    let site = s.load().expect("warnings do not stop the load");
    assert!(
        site.warnings
            .iter()
            .any(|w| w.message.contains("figure may be out of date"))
    );
}

#[test]
fn a_listed_section_without_a_file_points_at_the_list_entry() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pathway.toml"),
        "sections = [\"intro\", \"pay\"]",
        "sections = [\"intro\", \"pay\", \"jobs\"]",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/pathway.toml")), (7, 29));
    assert!(
        e.contains("`jobs` is listed but") && e.contains("does not exist"),
        "{e}"
    );
}

#[test]
fn a_section_file_that_is_not_listed_is_an_error_on_that_file() {
    let s = Scratch::of("minimal");
    s.write(
        &format!("{DEMO}/extra.md"),
        "+++\ntitle = \"x\"\nnav_title = \"x\"\nsummary = \"x\"\n+++\nBody\n",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/extra.md")), (1, 1));
    assert!(e.contains("add \"extra\" to `sections`"), "{e}");
}

#[test]
fn a_section_listed_twice_is_a_duplicate() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pathway.toml"),
        "sections = [\"intro\", \"pay\"]",
        "sections = [\"intro\", \"pay\", \"pay\"]",
    );
    let e = one_error(&s);
    assert!(e.contains("listed twice"), "{e}");
}

#[test]
fn a_duplicate_anchor_on_a_page_is_an_error() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/intro.md"),
        "## First question",
        "## First {#same}\n\n## Second {#same}",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/intro.md")), (12, 1));
    assert!(e.contains("`same` is used twice"), "{e}");
}

#[test]
fn a_link_to_a_missing_page_names_the_link() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/intro.md"),
        "(/pathways/demo/pay#how-much)",
        "(/pathways/demo/salary)",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/intro.md")), (8, 23));
    assert!(
        e.contains("`/pathways/demo/salary`, which is not a page"),
        "{e}"
    );
}

#[test]
fn a_link_to_a_missing_anchor_lists_the_anchors_that_exist() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/intro.md"),
        "pay#how-much",
        "pay#how-little",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/intro.md")), (8, 23));
    assert!(e.contains("`#how-little`") && e.contains("how-much"), "{e}");
}

#[test]
fn a_link_to_an_unknown_glossary_term_says_so() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/intro.md"),
        "Text about ABC again.",
        "Text about [XYZ](/glossary#xyz).",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/intro.md")), (12, 12));
    assert!(e.contains("the glossary has no term `xyz`"), "{e}");
}

#[test]
fn a_link_through_an_alias_asks_for_the_canonical_path() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/intro.md"),
        "(/pathways/demo/pay#how-much)",
        "(/dp)",
    );
    let e = one_error(&s);
    assert!(
        e.contains("alias `/dp`") && e.contains("/pathways/demo"),
        "{e}"
    );
}

#[test]
fn a_career_map_move_to_an_unknown_title_points_at_the_move() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/career-map.toml"),
        "{ to = \"senior\"",
        "{ to = \"boss\"",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/career-map.toml")), (13, 17));
    assert!(e.contains("`boss`, which is not a title id"), "{e}");
}

#[test]
fn an_unknown_figure_in_prose_points_at_the_shortcode() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pay.md"),
        "worker.median_pay",
        "worker.salary",
    );
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/pay.md")), (7, 14));
    assert!(e.contains("`salary` is not a figure"), "{e}");
}

#[test]
fn a_file_that_is_not_utf8_names_the_position_of_the_bad_byte() {
    let s = Scratch::of("minimal");
    let mut bytes = s.read(&format!("{DEMO}/intro.md")).into_bytes();
    let at = bytes.iter().position(|b| *b == b'A').unwrap();
    bytes[at] = 0xFF;
    s.write(&format!("{DEMO}/intro.md"), bytes);
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/intro.md")), (4, 12));
    assert!(
        e.contains("not valid UTF-8") && e.contains("save the file as UTF-8"),
        "{e}"
    );
}

#[test]
fn an_empty_file_is_an_error() {
    let s = Scratch::of("minimal");
    s.write(&format!("{DEMO}/pay.md"), "");
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/pay.md")), (1, 1));
    assert!(e.contains("is empty"), "{e}");
}

#[test]
fn a_file_without_front_matter_says_how_to_start_it() {
    let s = Scratch::of("minimal");
    s.write(&format!("{DEMO}/pay.md"), "Just text.\n");
    let e = one_error(&s);
    assert!(e.contains("has no front matter"), "{e}");
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let s = Scratch::of("minimal");
    let mut text = s.read(&format!("{DEMO}/pay.md"));
    text.push_str(&"word ".repeat(2_100_000));
    s.write(&format!("{DEMO}/pay.md"), text);
    let e = one_error(&s);
    assert!(e.contains("MB; content files must be under"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_symlink_pointing_outside_the_content_folder_is_refused() {
    let s = Scratch::of("minimal");
    let outside = std::env::temp_dir().join(format!("pathways-outside-{}.md", std::process::id()));
    std::fs::write(&outside, s.read(&format!("{DEMO}/pay.md"))).unwrap();
    std::fs::remove_file(s.path(&format!("{DEMO}/pay.md"))).unwrap();
    std::os::unix::fs::symlink(&outside, s.path(&format!("{DEMO}/pay.md"))).unwrap();
    let e = one_error(&s);
    assert!(
        e.contains("outside the content folder (through a symbolic link)"),
        "{e}"
    );
    let _ = std::fs::remove_file(outside);
}

#[test]
fn every_error_is_reported_at_once() {
    let s = Scratch::of("minimal");
    s.edit(&format!("{DEMO}/pay.md"), "nav_title", "navtitle");
    s.edit(
        &format!("{DEMO}/career-map.toml"),
        "{ to = \"senior\"",
        "{ to = \"boss\"",
    );
    s.edit("resources.toml", "kind = \"data\"", "kind = \"video\"");
    let errors = s.errors();
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn raw_html_in_markdown_is_a_warning_and_is_shown_as_text() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/pay.md"),
        "## How much?",
        "<script>alert(1)</script>\n\n## How much?",
    );
    let site = s.load().expect("raw HTML does not stop the load");
    let w = site
        .warnings
        .iter()
        .find(|w| w.message.contains("raw HTML"))
        .expect("a warning");
    assert_eq!(w.line, 9);
    let html = &site.pathways[0].sections[1].doc.html;
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
}

#[test]
fn a_markdown_h1_is_an_error_that_says_to_use_h2() {
    let s = Scratch::of("minimal");
    s.edit(&format!("{DEMO}/pay.md"), "## How much?", "# How much?");
    let e = one_error(&s);
    located(&e, &rel(&s, &format!("{DEMO}/pay.md")), (9, 1));
}

#[test]
fn the_check_command_prints_errors_and_exits_non_zero() {
    let s = Scratch::of("minimal");
    s.edit(
        &format!("{DEMO}/career-map.toml"),
        "{ to = \"senior\"",
        "{ to = \"boss\"",
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pathways"))
        .args(["check", "--content"])
        .arg(&s.dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("career-map.toml:13:17:"), "{stderr}");
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_pathways"))
        .args(["check", "--content", "content"])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("ok: 1 pathway(s), 7 section(s)"));
}

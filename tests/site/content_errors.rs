//! Every kind of content mistake names the file, line and column and says
//! what to fix. Each test breaks one thing in a copy of a small valid site
//! and builds it as the server does: load, render, and the checks that need
//! rendered pages (links, anchors, ids, pages that share an address).

use crate::helpers::*;

const DEMO: &str = "pathways/demo";

fn demo(file: &str) -> String {
    format!("{DEMO}/{file}")
}

/// The single error line (warnings aside).
#[track_caller]
fn one_error(s: &Scratch) -> String {
    let errors: Vec<String> = s
        .errors()
        .into_iter()
        .filter(|e| !e.contains(": warning:"))
        .collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors[0].clone()
}

/// The error line starts with `file:line:col: `.
#[track_caller]
fn located(line: &str, s: &Scratch, file: &str, at: (usize, usize)) {
    let prefix = format!("{}:{}:{}: ", s.shown(file), at.0, at.1);
    assert!(
        line.starts_with(&prefix),
        "{line:?} should start with {prefix:?}"
    );
}

#[test]
fn the_fixture_itself_is_valid() {
    let s = Scratch::of("minimal");
    let loaded = s.built();
    assert_eq!(loaded.site.pathways.len(), 1);
    assert!(
        loaded.site.warnings.is_empty(),
        "{:#?}",
        loaded.site.warnings
    );
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
    located(&e, &s, "site.toml", (2, 20));
}

#[test]
fn an_unknown_front_matter_field_names_its_line_and_says_to_remove_it() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "nav_title = \"Pay\"\n",
        "nav_title = \"Pay\"\nsubtitle = \"x\"\n",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (4, 1));
    assert!(
        e.contains("unknown field `subtitle`") && e.contains("remove the field"),
        "{e}"
    );
}

#[test]
fn a_field_of_the_wrong_type_is_reported() {
    let s = Scratch::of("minimal");
    s.edit(&demo("pathway.toml"), "value = 1000", "value = \"many\"");
    let e = one_error(&s);
    let at = s.position(&demo("pathway.toml"), "\"many\"");
    located(&e, &s, &demo("pathway.toml"), at);
    assert!(e.contains("check the value's type"), "{e}");
}

#[test]
fn a_figure_without_a_source_is_an_error_that_says_figures_need_sources() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "value = 1000\nyear = 2024\nsource = \"stats\"",
        "value = 1000\nyear = 2024",
    );
    let e = one_error(&s);
    assert!(e.starts_with(&s.shown(&demo("pathway.toml"))), "{e}");
    assert!(e.contains("missing field `source`"), "{e}");
    assert!(e.contains("every figure needs `year`"), "{e}");
}

#[test]
fn a_figure_citing_an_unknown_source_points_at_the_source() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "value = 1000\nyear = 2024\nsource = \"stats\"",
        "value = 1000\nyear = 2024\nsource = \"nowhere\"",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pathway.toml"), "\"nowhere\"");
    located(&e, &s, &demo("pathway.toml"), at);
    assert!(e.contains("`nowhere` is not in sources.toml"), "{e}");
}

#[test]
fn an_old_figure_is_a_warning_not_an_error() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "value = 1000\nyear = 2024",
        "value = 1000\nyear = 2019",
    );
    let loaded = s.load().expect("warnings do not stop the build");
    let w = loaded
        .site
        .warnings
        .iter()
        .find(|w| w.message.contains("figure may be out of date"))
        .expect("a warning about the old figure");
    assert_eq!(
        (w.line, w.col),
        s.position(&demo("pathway.toml"), "2019"),
        "{w}"
    );
}

#[test]
fn a_listed_section_without_a_file_points_at_the_list_entry() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "sections = [\"intro\", \"pay\"]",
        "sections = [\"intro\", \"pay\", \"jobs\"]",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("pathway.toml"), (7, 29));
    assert!(
        e.contains("`jobs` is listed but") && e.contains("does not exist"),
        "{e}"
    );
}

#[test]
fn a_section_file_that_is_not_listed_is_an_error_on_that_file() {
    let s = Scratch::of("minimal");
    s.write(
        &demo("extra.md"),
        "+++\ntitle = \"x\"\nnav_title = \"x\"\nsummary = \"x\"\n+++\nBody\n",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("extra.md"), (1, 1));
    assert!(e.contains("add \"extra\" to `sections`"), "{e}");
}

#[test]
fn a_section_listed_twice_is_a_duplicate() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "sections = [\"intro\", \"pay\"]",
        "sections = [\"intro\", \"pay\", \"pay\"]",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("pathway.toml"), (7, 29));
    assert!(e.contains("listed twice"), "{e}");
}

#[test]
fn a_section_named_print_is_refused_because_its_address_is_the_handouts() {
    let s = Scratch::of("minimal");
    s.write(
        &demo("print.md"),
        "+++\ntitle = \"Print\"\nnav_title = \"Print\"\nsummary = \"A page to print.\"\n+++\n\nSome words.\n",
    );
    s.edit(
        &demo("pathway.toml"),
        "sections = [\"intro\", \"pay\"]",
        "sections = [\"intro\", \"pay\", \"print\"]",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("print.md"), (1, 1));
    assert!(
        e.contains("/pathways/demo/print belongs to another page") && e.contains("rename"),
        "{e}"
    );
}

#[test]
fn a_section_named_career_map_is_refused_too() {
    let s = Scratch::of("minimal");
    s.write(
        &demo("career-map.md"),
        "+++\ntitle = \"Map\"\nnav_title = \"Map\"\nsummary = \"A map.\"\n+++\n\nSome words.\n",
    );
    s.edit(
        &demo("pathway.toml"),
        "sections = [\"intro\", \"pay\"]",
        "sections = [\"intro\", \"pay\", \"career-map\"]",
    );
    let errors: Vec<String> = s.errors();
    assert!(
        errors.iter().any(
            |e| e.starts_with(&format!("{}:1:1: ", s.shown(&demo("career-map.md"))))
                && e.contains("belongs to another page")
        ),
        "{errors:#?}"
    );
}

#[test]
fn a_duplicate_anchor_on_a_page_is_an_error() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "## First question",
        "## First {#same}\n\n## Second {#same}",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (12, 1));
    assert!(e.contains("`same` is used twice"), "{e}");
}

/// The page that prints every section heads each with `{section}-title`
/// and prefixes the section's ids with `{section}-`: a heading may not take
/// the id `title`, and one that would by its words gets another.
#[test]
fn a_heading_may_not_take_an_id_the_printed_pathway_uses() {
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "## How much?", "## How much? {#title}");
    s.edit(&demo("intro.md"), "pay#how-much", "pay#title");
    let e = one_error(&s);
    located(
        &e,
        &s,
        &demo("pay.md"),
        s.position(&demo("pay.md"), "## How much?"),
    );
    assert!(e.contains("`title` is used by the page layout"), "{e}");
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "## How much?", "## Title\n\n## How much?");
    let loaded = s.built();
    let ids = attrs(
        &stored_html(&loaded, "/pathways/demo/print/all"),
        "[id]",
        "id",
    );
    assert!(ids.contains(&"pay-title".to_string()));
    assert!(ids.contains(&"pay-title-2".to_string()), "{ids:?}");
}

#[test]
fn a_link_to_a_missing_page_names_the_link() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "(/pathways/demo/pay#how-much)",
        "(/pathways/demo/salary)",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (8, 23));
    assert!(
        e.contains("`/pathways/demo/salary`, which is not a page"),
        "{e}"
    );
}

#[test]
fn a_link_to_a_missing_anchor_lists_the_anchors_that_exist() {
    let s = Scratch::of("minimal");
    s.edit(&demo("intro.md"), "pay#how-much", "pay#how-little");
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (8, 23));
    assert!(e.contains("`#how-little`") && e.contains("how-much"), "{e}");
}

/// Anchors are read from the rendered page: the layout's table of contents
/// (`#contents`) is there only when a page has more than one heading, so a
/// link to it from a page with one heading goes nowhere.
#[test]
fn a_link_to_an_anchor_the_rendered_page_lacks_is_an_error_at_the_link() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "## How much?",
        "See [the contents](#contents).\n\n## How much?",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pay.md"), "[the contents]");
    located(&e, &s, &demo("pay.md"), at);
    assert!(
        e.contains("`#contents`") && e.contains("/pathways/demo/pay"),
        "{e}"
    );
}

/// The other side of the same rule: an anchor no Markdown file defines, but
/// the rendered page has (a glossary entry, the layout's source list), is
/// a good link.
#[test]
fn anchors_that_exist_only_in_rendered_pages_are_accepted() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "Text about ABC again.",
        "Text about [the term](/glossary#abc) and [our sources](#sources) again.",
    );
    let loaded = s.built();
    let doc = stored_html(&loaded, "/pathways/demo/intro");
    let hrefs = attrs(&doc, ".prose a", "href");
    assert!(hrefs.contains(&"/glossary#abc".to_string()), "{hrefs:?}");
    assert!(hrefs.contains(&"#sources".to_string()), "{hrefs:?}");
    assert_eq!(doc.select(&sel("#sources")).count(), 1);
    let glossary = stored_html(&loaded, "/glossary");
    assert_eq!(glossary.select(&sel("#abc")).count(), 1);
}

#[test]
fn a_link_to_an_unknown_glossary_term_says_so() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("intro.md"),
        "Text about ABC again.",
        "Text about [XYZ](/glossary#xyz).",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (12, 12));
    assert!(e.contains("the glossary has no term `xyz`"), "{e}");
}

#[test]
fn a_link_through_an_alias_asks_for_the_canonical_path() {
    let s = Scratch::of("minimal");
    s.edit(&demo("intro.md"), "(/pathways/demo/pay#how-much)", "(/dp)");
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (8, 23));
    assert!(
        e.contains("alias `/dp`") && e.contains("`/pathways/demo`"),
        "{e}"
    );
}

#[test]
fn a_broken_link_in_a_data_file_points_at_the_data_file() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "key_figure = \"worker.median_pay\"",
        "key_figure = \"worker.median_pay\"\nhandout = [\"/pathways/demo/pay#how-little\"]",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pathway.toml"), "\"/pathways/demo/pay#how-little\"");
    located(&e, &s, &demo("pathway.toml"), at);
    assert!(e.contains("`#how-little`"), "{e}");
}

#[test]
fn a_career_map_move_to_an_unknown_title_points_at_the_move() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("career-map.toml"),
        "{ to = \"senior\"",
        "{ to = \"boss\"",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("career-map.toml"), (13, 17));
    assert!(e.contains("`boss`, which is not a title id"), "{e}");
}

/// Adds an associate level below the fixture's bachelor level, with a
/// title on it.
fn with_a_lower_level(s: &Scratch) {
    let map = demo("career-map.toml");
    let text = s.read(&map);
    s.write(
        &map,
        format!(
            "[[levels]]\nid = \"associate\"\nname = \"Associate's degree\"\nlength = \"about two years\"\nprepares = \"Prepares you for a first job.\"\n\n{text}\n[[titles]]\nid = \"junior\"\nname = \"Junior\"\noccupation = \"worker\"\neducation = \"associate\"\nsummary = \"Just starting.\"\n"
        ),
    );
}

#[test]
fn a_step_up_to_a_title_at_a_lower_level_is_an_error_at_the_move() {
    let s = Scratch::of("minimal");
    with_a_lower_level(&s);
    // Sanity: the map with the new level and title is valid.
    s.built();
    s.edit(
        &demo("career-map.toml"),
        "moves = [{ to = \"starter\", kind = \"lateral\" }]",
        "moves = [{ to = \"starter\", kind = \"lateral\" }, { to = \"junior\", kind = \"advance\" }]",
    );
    let e = one_error(&s);
    let at = s.position(&demo("career-map.toml"), "\"junior\", kind = \"advance\"");
    located(&e, &s, &demo("career-map.toml"), at);
    assert!(
        e.contains("step up") && e.contains("`junior`") && e.contains("lower level"),
        "{e}"
    );
}

#[test]
fn a_move_across_between_levels_is_an_error_at_its_kind() {
    let s = Scratch::of("minimal");
    with_a_lower_level(&s);
    s.edit(
        &demo("career-map.toml"),
        "moves = [{ to = \"starter\", kind = \"lateral\" }]",
        "moves = [{ to = \"starter\", kind = \"lateral\" }, { to = \"junior\", kind = \"lateral\" }]",
    );
    let e = one_error(&s);
    // The second `"lateral"` on the line: the kind of the new move.
    let at = s.position(&demo("career-map.toml"), "\"lateral\" }]");
    located(&e, &s, &demo("career-map.toml"), at);
    assert!(e.contains("move across stays at one level"), "{e}");
}

#[test]
fn an_unknown_figure_in_prose_points_at_the_shortcode() {
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "worker.median_pay", "worker.salary");
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (7, 14));
    assert!(e.contains("`salary` is not a figure"), "{e}");
}

#[test]
fn a_figure_of_a_year_the_data_lacks_lists_the_years_it_has() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "{{ figure worker.median_pay }}",
        "{{ figure worker.median_pay@2020 }}",
    );
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (7, 14));
    assert!(
        e.contains("no pay figure for 2020") && e.contains("2024, 2023"),
        "{e}"
    );
}

/// The history group's pay is from May 2019; the baseline has 2023 and
/// 2024 only. A comparison across years is never made: the build stops.
#[test]
fn a_comparison_with_no_baseline_of_the_same_year_stops_the_build() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "Workers earn {{ figure worker.median_pay }}.",
        "Workers earn {{ figure worker.median_pay }}. {{ compare old-group.median_pay }}",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pay.md"), "{{ compare old-group");
    located(&e, &s, &demo("pay.md"), at);
    assert!(
        e.contains("no all-occupations median pay for May 2019"),
        "{e}"
    );
}

#[test]
fn a_comparison_of_a_growth_period_without_a_baseline_stops_the_build() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pathway.toml"),
        "from = 2024\nto = 2034\noutlook",
        "from = 2023\nto = 2033\noutlook",
    );
    s.edit(
        &demo("pay.md"),
        "Workers earn {{ figure worker.median_pay }}.",
        "Workers earn {{ figure worker.median_pay }}. {{ compare worker.growth }}",
    );
    let e = one_error(&s);
    let at = s.position(&demo("pay.md"), "{{ compare worker.growth");
    located(&e, &s, &demo("pay.md"), at);
    assert!(e.contains("no all-occupations growth for 2023-2033"), "{e}");
}

#[test]
fn a_file_that_is_not_utf8_names_the_position_of_the_bad_byte() {
    let s = Scratch::of("minimal");
    let mut bytes = s.read(&demo("intro.md")).into_bytes();
    let at = bytes.iter().position(|b| *b == b'A').unwrap();
    bytes[at] = 0xFF;
    s.write(&demo("intro.md"), bytes);
    let e = one_error(&s);
    located(&e, &s, &demo("intro.md"), (4, 12));
    assert!(
        e.contains("not valid UTF-8") && e.contains("save the file as UTF-8"),
        "{e}"
    );
}

#[test]
fn an_empty_file_is_an_error() {
    let s = Scratch::of("minimal");
    s.write(&demo("pay.md"), "");
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (1, 1));
    assert!(e.contains("is empty"), "{e}");
}

#[test]
fn a_file_without_front_matter_says_how_to_start_it() {
    let s = Scratch::of("minimal");
    s.write(&demo("pay.md"), "Just text.\n");
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (1, 1));
    assert!(e.contains("has no front matter"), "{e}");
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let s = Scratch::of("minimal");
    let mut text = s.read(&demo("pay.md"));
    text.push_str(&"word ".repeat(2_100_000));
    s.write(&demo("pay.md"), text);
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (1, 1));
    assert!(e.contains("MB; content files must be under"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_symlink_pointing_outside_the_content_folder_is_refused() {
    let s = Scratch::of("minimal");
    let outside = std::env::temp_dir().join(format!("pathways-outside-{}.md", std::process::id()));
    std::fs::write(&outside, s.read(&demo("pay.md"))).unwrap();
    s.remove(&demo("pay.md"));
    std::os::unix::fs::symlink(&outside, s.path(&demo("pay.md"))).unwrap();
    let e = one_error(&s);
    let _ = std::fs::remove_file(outside);
    located(&e, &s, &demo("pay.md"), (1, 1));
    assert!(
        e.contains("outside the content folder (through a symbolic link)"),
        "{e}"
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "nav_title", "navtitle");
    s.edit(
        &demo("career-map.toml"),
        "{ to = \"senior\"",
        "{ to = \"boss\"",
    );
    s.edit("resources.toml", "kind = \"data\"", "kind = \"video\"");
    let errors = s.errors();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    for file in [
        demo("pay.md"),
        demo("career-map.toml"),
        "resources.toml".into(),
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(&s.shown(&file))),
            "{file} in {errors:#?}"
        );
    }
}

#[test]
fn raw_html_in_markdown_is_a_warning_and_is_shown_as_text() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "## How much?",
        "<script>alert(1)</script>\n\n## How much?",
    );
    let loaded = s.load().expect("raw HTML does not stop the build");
    let w = loaded
        .site
        .warnings
        .iter()
        .find(|w| w.message.contains("raw HTML"))
        .expect("a warning");
    assert_eq!((w.line, w.col), (9, 1));
    let doc = stored_html(&loaded, "/pathways/demo/pay");
    assert_eq!(doc.select(&sel("main script")).count(), 0);
    let prose = texts(&doc, ".prose").join(" ");
    assert!(prose.contains("<script>alert(1)</script>"), "{prose}");
}

#[test]
fn a_markdown_h1_is_an_error_that_says_to_use_h2() {
    let s = Scratch::of("minimal");
    s.edit(&demo("pay.md"), "## How much?", "# How much?");
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (9, 1));
    assert!(e.contains("##"), "{e}");
}

#[test]
fn a_missing_interface_word_is_an_error_in_the_ui_table() {
    let s = Scratch::of("minimal");
    s.edit("ui/en.toml", "submit = \"See what my answers mean\"\n", "");
    let e = one_error(&s);
    assert!(e.starts_with(&format!("{}:", s.shown("ui/en.toml"))), "{e}");
    assert!(e.contains("missing field `submit`"), "{e}");
    // It points into the table the key belongs to.
    let (table, _) = s.position("ui/en.toml", "[parts]");
    let (next, _) = s.position("ui/en.toml", "[picture]");
    let line: usize = e
        .trim_start_matches(&format!("{}:", s.shown("ui/en.toml")))
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (table..next).contains(&line),
        "line {line} is not in [parts]: {e}"
    );
}

#[test]
fn a_slot_an_interface_word_may_not_use_is_an_error_at_that_word() {
    let s = Scratch::of("minimal");
    // `title` is a key of several tables; the error must point at this one.
    s.edit(
        "ui/en.toml",
        "title = \"Is {short} right for me? My self-check\"",
        "title = \"Is {short} right for me, {name}?\"",
    );
    let e = one_error(&s);
    let at = s.position("ui/en.toml", "title = \"Is {short} right for me, {name}?\"");
    located(&e, &s, "ui/en.toml", at);
    assert!(
        e.contains("`{name}` is not a slot of `results.title`") && e.contains("{short}"),
        "{e}"
    );
}

#[test]
fn an_interface_word_without_a_slot_it_needs_is_an_error() {
    let s = Scratch::of("minimal");
    s.edit(
        "ui/en.toml",
        "reviewed = \"Last reviewed {date}.\"",
        "reviewed = \"Reviewed.\"",
    );
    let e = one_error(&s);
    let at = s.position("ui/en.toml", "reviewed = \"Reviewed.\"");
    located(&e, &s, "ui/en.toml", at);
    assert!(e.contains("must use the slot `{date}`"), "{e}");
}

#[test]
fn the_check_command_prints_errors_and_exits_non_zero() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("career-map.toml"),
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
        .args(["check", "--content", SAMPLE])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        stdout.contains("ok: 1 pathway(s), 10 section(s)"),
        "{stdout}"
    );
}

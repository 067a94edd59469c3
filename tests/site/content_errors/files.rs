//! Mistakes in the files themselves: TOML that does not parse, unknown
//! fields and values of the wrong type, bytes that are not UTF-8, empty
//! files, files without front matter, files too large to read, and symbolic
//! links out of the content folder.

use super::{demo, located, one_error};
use crate::helpers::*;

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
fn an_overlong_one_line_answer_is_an_error_at_the_answer() {
    let s = Scratch::of("minimal");
    let long = "a ".repeat(40);
    s.edit(
        &demo("pay.md"),
        "nav_title = \"Pay\"\n",
        &format!("nav_title = \"Pay\"\nanswer = \"{}\"\n", long.trim()),
    );
    let e = one_error(&s);
    located(&e, &s, &demo("pay.md"), (4, 10));
    assert!(
        e.contains("this answer is 79 characters") && e.contains("keep it to 70"),
        "{e}"
    );
}

#[tokio::test]
async fn a_one_line_answer_replaces_the_summary_on_the_overview_only() {
    let s = Scratch::of("minimal");
    s.edit(
        &demo("pay.md"),
        "nav_title = \"Pay\"\n",
        "nav_title = \"Pay\"\nanswer = \"It depends on the job.\"\n",
    );
    let state = s.state();
    let overview = get_from(&state, "/pathways/demo").await.text();
    assert!(
        overview.contains("<p>It depends on the job.</p>"),
        "{overview}"
    );
    assert!(!overview.contains("<p>What it pays.</p>"), "{overview}");
    let page = get_from(&state, "/pathways/demo/pay").await.text();
    assert!(page.contains("What it pays."), "{page}");
}

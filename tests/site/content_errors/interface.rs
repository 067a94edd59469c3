//! Mistakes in the interface words (`ui/en.toml`): a missing word, a slot a
//! word may not use, and a slot a word must use.

use super::{located, one_error};
use crate::helpers::*;

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

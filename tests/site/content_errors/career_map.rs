//! Mistakes in the career map: a move to a title that does not exist, a
//! step up to a title at a lower level, and a move across between levels.

use super::{demo, located, one_error};
use crate::helpers::*;

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

//! Mistakes in a pathway's list of sections: a listed section without a
//! file, a file that is not listed, a section listed twice, and sections
//! whose addresses belong to other pages (the handouts, the career map).

use super::{demo, located, one_error};
use crate::helpers::*;

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

//! How mistakes are reported: the fixture itself is valid, every error is
//! reported at once, and the `check` command prints them and exits
//! non-zero (and succeeds on the sample).

use super::demo;
use crate::helpers::*;

#[test]
fn the_fixture_itself_is_valid() {
    let s = Scratch::of("minimal");
    let loaded = s.built();
    assert_eq!(loaded.default_edition().site.pathways.len(), 1);
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
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

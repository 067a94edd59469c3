//! Mistakes in BLS's OEWS files (`content/oews/`): each row is checked and
//! refused at its `path:line:col`, a SOC code the pathways name must be in
//! the files, one release holds one May year, and a pay figure typed by
//! hand for that May is refused. Also `trim-oews`, which cuts BLS's full
//! files down to what the content needs.

use super::{located, one_error};
use crate::helpers::*;

const DATA: &str = "oews/oe.data.0.Current";
/// A row of the fixture: Texas, medical records specialists, median.
const ROW: &str = "OEUS480000000000029207213\t2025\tA01\t48860\t";

fn sample_with(from: &str, to: &str) -> Scratch {
    let s = Scratch::of("sample");
    s.edit(DATA, from, to);
    s
}

#[test]
fn a_bad_series_id_is_an_error_at_its_row() {
    let s = sample_with(ROW, "OEUS48000000000002920721\t2025\tA01\t48860\t");
    let e = one_error(&s);
    located(&e, &s, DATA, s.position(DATA, "OEUS48000000000002920721\t"));
    assert!(e.contains("is not an OEWS series id"), "{e}");
}

#[test]
fn an_unknown_area_or_occupation_is_an_error_at_its_code() {
    let s = sample_with(ROW, "OEUS490000000000029207213\t2025\tA01\t48860\t");
    let e = one_error(&s);
    let (line, col) = s.position(DATA, "OEUS490000000000029207213");
    located(&e, &s, DATA, (line, col + 4));
    assert!(e.contains("the area 4900000 is not in oe.area"), "{e}");
    let s = sample_with(ROW, "OEUS480000000000029999913\t2025\tA01\t48860\t");
    let e = one_error(&s);
    let (line, col) = s.position(DATA, "OEUS480000000000029999913");
    located(&e, &s, DATA, (line, col + 17));
    assert!(
        e.contains("the occupation 299999 is not in oe.occupation"),
        "{e}"
    );
}

#[test]
fn a_series_listed_twice_is_an_error_at_the_second() {
    let s = sample_with(ROW, &format!("{ROW}\n{ROW}"));
    let e = one_error(&s);
    let (line, col) = s.position(DATA, ROW);
    located(&e, &s, DATA, (line + 1, col));
    assert!(e.contains("is listed twice"), "{e}");
}

#[test]
fn a_row_of_another_year_is_an_error_that_says_one_release_holds_one_may() {
    let s = sample_with(ROW, "OEUS480000000000029207213\t2024\tA01\t48860\t");
    let e = one_error(&s);
    let (line, col) = s.position(DATA, ROW.split('\t').next().unwrap());
    located(&e, &s, DATA, (line, col + 26));
    assert!(
        e.contains("this row is for 2024") && e.contains("one May year"),
        "{e}"
    );
}

#[test]
fn a_value_that_is_not_a_number_is_an_error_and_never_a_zero() {
    let s = sample_with(ROW, "OEUS480000000000029207213\t2025\tA01\tn/a\t");
    let e = one_error(&s);
    assert!(e.contains("`n/a` is not a value"), "{e}");
}

#[test]
fn a_soc_code_the_files_lack_is_an_error_at_the_code() {
    let s = Scratch::of("sample");
    let file = "pathways/health-information-management/pathway.toml";
    s.edit(file, "soc = \"29-9021\"", "soc = \"29-9099\"");
    let e = one_error(&s);
    located(&e, &s, file, s.position(file, "\"29-9099\""));
    assert!(e.contains("have no national estimates for 29-9099"), "{e}");
}

#[test]
fn pay_typed_by_hand_for_the_files_may_is_refused() {
    let s = Scratch::of("sample");
    let file = "pathways/health-information-management/pathway.toml";
    s.edit(
        file,
        "annual = 50250\nhourly = 24.16\nyear = 2024",
        "annual = 50250\nhourly = 24.16\nyear = 2025",
    );
    let errors: Vec<String> = s
        .errors()
        .into_iter()
        .filter(|e| !e.contains("warning:"))
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("pay of May 2025 for 29-2072 comes from the OEWS files")),
        "{errors:#?}"
    );
}

#[test]
fn the_source_edition_must_name_the_files_may() {
    let s = Scratch::of("sample");
    s.edit(
        "sources.toml",
        "edition = \"May 2025\"",
        "edition = \"May 2024\"",
    );
    let e = one_error(&s);
    located(
        &e,
        &s,
        "sources.toml",
        s.position("sources.toml", "edition = \"May 2024\""),
    );
    assert!(e.contains("the OEWS files are for May 2025"), "{e}");
}

#[test]
fn trim_oews_keeps_the_pathways_occupations_and_all_occupations_in_blss_layout() {
    let s = Scratch::of("sample");
    // A "full" BLS file: the fixture's rows plus an occupation no pathway
    // names, in every area and industry.
    let full = tempdir();
    for f in [
        "oe.area",
        "oe.occupation",
        "oe.industry",
        "oe.datatype",
        "oe.footnote",
    ] {
        std::fs::copy(s.path(&format!("oews/{f}")), full.join(f)).unwrap();
    }
    let mut occupations = s.read("oews/oe.occupation");
    occupations.push_str("151252\tSoftware Developers\t3\n");
    std::fs::write(full.join("oe.occupation"), occupations).unwrap();
    let data = s.read(DATA);
    let mut more = data.clone();
    for line in data.lines().skip(1).filter(|l| l.contains("000000292072")) {
        more.push_str(&line.replacen("292072", "151252", 1));
        more.push('\n');
    }
    std::fs::write(full.join("oe.data.0.Current"), &more).unwrap();
    std::fs::remove_dir_all(s.path("oews")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pathways"))
        .args(["trim-oews", "--from"])
        .arg(&full)
        .arg("--content")
        .arg(&s.dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("4 occupations"), "{summary}");
    let trimmed = s.read(DATA);
    assert_eq!(
        trimmed, data,
        "exactly the rows the content needs, in BLS's layout"
    );
    assert!(!s.read("oews/oe.occupation").contains("151252"));
    s.built();
    std::fs::remove_dir_all(&full).unwrap();
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "pathways-bls-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

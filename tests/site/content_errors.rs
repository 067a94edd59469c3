//! Every kind of content mistake names the file, line and column and says
//! what to fix. Each test breaks one thing in a copy of a small valid site
//! and builds it as the server does: load, render, and the checks that need
//! rendered pages (links, anchors, ids, pages that share an address). This
//! root holds the helpers that find and place the error; the cases are in
//! its modules, by what they break.

mod career_map;
mod checks;
mod figures;
mod files;
mod interface;
mod links;
mod markdown;
mod oews;
mod reporting;
mod sections;
mod values;

use crate::helpers::Scratch;

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

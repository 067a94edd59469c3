//! The self-check query parser (`/pathways/<slug>/right-for-me?...`):
//! arbitrary query strings against a self-check of six statements.
//!
//! Invariants: no panic; `Ok(Some(answers))` only names statements 1..=6;
//! the canonical query of those answers parses back to the same answers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::content::{SelfCheck, Statement};
use pathways::pages::selfcheck::{canonical_query, parse};
use std::sync::LazyLock;

static CHECK: LazyLock<SelfCheck> = LazyLock::new(|| SelfCheck {
    intro: String::new(),
    statements: (1..=6)
        .map(|id| Statement {
            id,
            text: format!("statement {id}"),
            yes: "y".into(),
            unsure: "u".into(),
            no: "n".into(),
            read_more: vec![],
        })
        .collect(),
    next_steps: vec![],
});

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    match parse(&query, &CHECK) {
        Ok(Some(answers)) => {
            assert!(answers.len() <= 6);
            for id in answers.keys() {
                assert!((1..=6).contains(id), "unknown id {id} accepted");
            }
            let canonical = canonical_query(&answers);
            let again = parse(&canonical, &CHECK).expect("canonical query must parse");
            if answers.is_empty() {
                assert_eq!(again, None);
            } else {
                assert_eq!(
                    again.as_ref(),
                    Some(&answers),
                    "round trip of {canonical:?}"
                );
            }
        }
        Ok(None) | Err(_) => {}
    }
});

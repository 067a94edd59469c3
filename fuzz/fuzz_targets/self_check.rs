//! The self-check query parser (the query string of a pathway's self-check
//! page): arbitrary query strings against a self-check of six statements,
//! through `pages::selfcheck::parse`.
//!
//! Invariants: no panic; accepted answers name only statements 1..=6; the
//! canonical query of those answers parses back to the same answers; the
//! "sent with no answer" reading comes only from a query with a `sent` key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pathways::content::{Link, Outcome, SelfCheck, Statement};
use pathways::pages::selfcheck::{Asked, canonical_query, parse};
use std::sync::LazyLock;

static CHECK: LazyLock<SelfCheck> = LazyLock::new(|| {
    let outcome = || Outcome {
        summary: "s".into(),
        read_next: Link {
            text: "t".into(),
            href: "/x".into(),
        },
    };
    SelfCheck {
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
        outcomes: [outcome(), outcome(), outcome()],
        file: Default::default(),
    }
});

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    match parse(Some(&query), &CHECK) {
        Ok(Asked::Answers(answers)) => {
            assert!(!answers.is_empty() && answers.len() <= 6);
            for id in answers.keys() {
                assert!((1..=6).contains(id), "unknown id {id} accepted");
            }
            let canonical = canonical_query(&answers);
            let again = parse(Some(&canonical), &CHECK).expect("canonical query must parse");
            assert_eq!(
                again,
                Asked::Answers(answers),
                "round trip of {canonical:?}"
            );
        }
        Ok(Asked::Unanswered) => {
            let pairs = pathways::util::query::pairs(Some(&query)).expect("it parsed");
            assert!(
                pairs.iter().any(|(k, _)| k == "sent"),
                "no `sent` key in {query:?}"
            );
        }
        Ok(Asked::Nothing) | Err(_) => {}
    }
});

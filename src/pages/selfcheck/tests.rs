use super::*;
use crate::content::{Outcome, Statement};

fn check() -> SelfCheck {
    let outcome = || Outcome {
        summary: String::new(),
        read_next: Link {
            text: String::new(),
            href: String::new(),
        },
    };
    SelfCheck {
        intro: String::new(),
        statements: (1..=6)
            .map(|id| Statement {
                id,
                text: format!("s{id}"),
                yes: String::new(),
                unsure: String::new(),
                no: String::new(),
                read_more: vec![],
            })
            .collect(),
        next_steps: vec![],
        outcomes: [outcome(), outcome(), outcome()],
        file: Default::default(),
    }
}

fn answers(q: &str) -> Answers {
    match parse(Some(q), &check()).unwrap() {
        Asked::Answers(a) => a,
        other => panic!("{other:?}"),
    }
}

#[test]
fn comma_lists_and_form_fields_give_the_same_answers() {
    let a = answers("a=1,3&u=2&n=4");
    let b = answers("s1=y&s2=u&s3=y&s4=n&sent=1");
    assert_eq!(a, b);
    assert_eq!(canonical_query(&a), "a=1,3&u=2&n=4");
}

#[test]
fn unknown_ids_non_numbers_and_floods_are_refused_politely() {
    assert_eq!(
        parse(Some("a=9"), &check()).unwrap_err(),
        BadAnswers::NoStatement(9)
    );
    assert!(parse(Some("a=x"), &check()).is_err());
    assert!(parse(Some("s1=maybe"), &check()).is_err());
    let flood = format!("a={}", vec!["1"; 10_000].join(","));
    assert!(parse(Some(&flood), &check()).is_err());
}

#[test]
fn keys_the_self_check_does_not_use_are_ignored() {
    assert_eq!(
        answers("a=1&src=newsletter&utm_source=x&fbclid=y&share=1").len(),
        1
    );
    assert_eq!(
        parse(Some("src=x&utm_source=x"), &check()).unwrap(),
        Asked::Nothing
    );
    assert_eq!(parse(Some("sent=1"), &check()).unwrap(), Asked::Unanswered);
}

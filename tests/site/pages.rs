//! What readers see on the sample site: section structure, headings,
//! the pathway menu, quick facts, the pay picture, figure tables, first
//! steps, the handouts and the glossary. This root holds the pay-picture
//! check that the overview, the pay section and the one-sheet handout
//! share; the cases are in its modules, by what they check.

mod figures;
mod handouts;
mod links;
mod sections;

use crate::helpers::*;

/// The pay picture: a drawing screen readers skip, and its text equivalent,
/// one line per occupation, each figure with its source marker.
#[track_caller]
fn pay_picture_is_complete(doc: &scraper::Html, p: &pathways::content::Pathway) {
    let picture = one(doc, "figure.pay-picture");
    let svg = picture.select(&sel("svg")).next().expect("a drawing");
    assert_eq!(svg.value().attr("aria-hidden"), Some("true"));
    let items: Vec<_> = picture.select(&sel(".pp-text li")).collect();
    let with_pay: Vec<_> = p.occupations().filter(|o| !o.pay.is_empty()).collect();
    assert_eq!(items.len(), with_pay.len());
    for o in with_pay {
        let pay = o.pay.first().unwrap();
        let li = items
            .iter()
            .find(|li| text_of(li.select(&sel("strong")).next().unwrap()) == o.title)
            .unwrap_or_else(|| panic!("a line for {}", o.title));
        let text = text_of(*li);
        assert!(text.contains(&money(pay.annual)), "{text}");
        assert!(text.contains(&format!("May {}", pay.year)), "{text}");
        assert!(li.select(&sel("sup.src a")).count() >= 1, "{text}");
    }
    assert_eq!(picture.select(&sel("svg .pp-bar")).count(), items.len());
}

//! Figures on the pages, checked against the data: the overview's quick
//! facts, pay picture and first steps, and the pay, outlook and education
//! tables.

use super::pay_picture_is_complete;
use crate::helpers::*;

#[tokio::test]
async fn the_overview_quick_facts_show_each_occupations_figures_with_their_years() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let doc = get(HIM).await.html();
    let rows: Vec<_> = doc.select(&sel("#quick-facts tbody tr")).collect();
    let occupations: Vec<_> = p.occupations().collect();
    assert_eq!(rows.len(), occupations.len());
    for (row, o) in rows.iter().zip(&occupations) {
        let text = text_of(*row);
        let th = text_of(row.select(&sel("th")).next().unwrap());
        assert!(th.starts_with(&o.title), "{th}");
        assert!(th.contains(o.soc.as_deref().unwrap()), "{th}");
        let jobs = o.jobs.first().unwrap();
        assert!(text.contains(&number(u64::from(jobs.value))), "{text}");
        assert!(text.contains(&format!("({})", jobs.year)), "{text}");
        let growth = o.growth.first().unwrap();
        assert!(text.contains(&percent(growth.percent)), "{text}");
        let e = o.entry_education.as_ref().unwrap();
        assert!(
            text.to_lowercase().contains(&e.text.to_lowercase()),
            "{text}"
        );
        // Jobs, growth (and all occupations over the same years) and
        // education each carry a source marker.
        assert!(row.select(&sel("sup.src")).count() >= 3, "{text}");
    }
    let sections = attrs(&doc, "ol.section-list > li > a", "href");
    let mut want: Vec<String> = p
        .sections
        .iter()
        .map(|s| format!("{HIM}/{}", s.slug))
        .collect();
    want.push(format!("{HIM}/career-map"));
    assert_eq!(sections, want, "every section plus the career map");
}

#[tokio::test]
async fn the_overview_shows_the_pay_picture_and_the_first_steps_card() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let doc = get(HIM).await.html();
    pay_picture_is_complete(&doc, p);
    let steps: Vec<String> = p.first_steps.iter().map(|l| l.href.clone()).collect();
    assert_eq!(attrs(&doc, "aside.first-steps ol li a", "href"), steps);
    assert_eq!(
        texts(&doc, "aside.first-steps ol li"),
        p.first_steps
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn the_pay_section_shows_the_pay_picture_and_a_table_that_agrees_with_the_data() {
    let loaded = sample_state().current();
    let p = him(&loaded);
    let salary = get(&format!("{HIM}/salary")).await.html();
    pay_picture_is_complete(&salary, p);
    let rows: Vec<String> = texts(&salary, "table.figures.pay tbody tr");
    assert_eq!(rows.len(), p.occupations().count());
    for o in p.occupations() {
        let soc = o.soc.as_deref().unwrap();
        let row = rows
            .iter()
            .find(|r| r.contains(soc))
            .unwrap_or_else(|| panic!("row for {soc}"));
        let pay = o.pay.first().unwrap();
        assert!(row.contains(&money(pay.annual)), "{row}");
        if let Some(h) = pay.hourly {
            assert!(row.contains(&cents(h)), "{row}");
        }
        assert!(row.contains(&format!("May {}", pay.year)), "{row}");
        // Beside it, all occupations in the same May.
        let base = loaded
            .default_edition()
            .site
            .baseline
            .pay_in(pay.year)
            .unwrap();
        assert!(row.contains(&money(base.annual)), "{row}");
    }
    let outlook = get(&format!("{HIM}/outlook")).await.html();
    let rows = texts(&outlook, "table.figures.outlook tbody tr");
    for o in p.occupations() {
        let row = rows
            .iter()
            .find(|r| r.contains(o.soc.as_deref().unwrap()))
            .unwrap();
        let g = o.growth.first().unwrap();
        assert!(row.contains(&percent(g.percent)), "{row} has its growth");
        let base = loaded
            .default_edition()
            .site
            .baseline
            .growth_over(g.from, g.to)
            .unwrap();
        assert!(
            row.contains(&percent(base.percent)),
            "{row} has all occupations"
        );
    }
}

#[tokio::test]
async fn the_education_table_compares_every_level_and_links_to_the_career_map() {
    let loaded = sample_state().current();
    let map = him(&loaded).career_map.clone().unwrap();
    let doc = get(&format!("{HIM}/education")).await.html();
    let rows = texts(&doc, "table.figures.education tbody th");
    let used: Vec<String> = map.used_levels().map(|l| l.name.clone()).collect();
    assert_eq!(rows, used);
    let links = attrs(&doc, "table.figures.education td a[href^='/']", "href");
    assert_eq!(links.len(), map.titles.len(), "every title, once");
    for l in links {
        let id = l
            .strip_prefix(&format!("{HIM}/career-map#"))
            .unwrap_or_else(|| panic!("{l} goes to the career map"));
        assert!(map.title(id).is_some(), "{l}");
    }
}

//! JSON-LD structured data, built from the same data as the visible page.

use super::layout::Meta;
use crate::content::{Group, Pathway, Site};
use crate::registry::Page;
use serde_json::{Value, json};

/// Serialise for a `<script type="application/ld+json">` block: `<`, `>`
/// and `&` become JSON escapes (`\u003c`...), so no text in the data can
/// close the script element or open a comment (`<!--<script`) that would
/// swallow the rest of the page. JSON parsers read the same strings.
pub(crate) fn to_script(v: &Value) -> String {
    let json = v.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// The home page: the site itself.
pub(crate) fn website(site: &Site) -> String {
    to_script(&json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.name,
        "url": site.url(&Page::Home(site).path()),
        "description": site.description,
        "inLanguage": site.ui.lang,
        "potentialAction": {
            "@type": "SearchAction",
            "target": site.url(&format!("{}?q={{query}}", Page::Search(site).path())),
            "query-input": "required name=query",
        },
    }))
}

/// Schema.org `Occupation` for one occupation, from its newest figures.
pub(crate) fn occupation(o: &Group, ui: &crate::content::Ui) -> Value {
    let mut v = json!({
        "@type": "Occupation",
        "name": o.title,
        "description": o.description,
    });
    if let Some(soc) = &o.soc {
        v["occupationalCategory"] = json!({
            "@type": "CategoryCode",
            "codeValue": soc,
            "inCodeSet": {
                "@type": "CategoryCodeSet",
                "name": ui.figures.soc_set,
            },
        });
    }
    if let Some(pay) = o.pay.first() {
        let mut dist = json!({
            "@type": "MonetaryAmountDistribution",
            "name": crate::util::text::fill(
                &ui.figures.median_name,
                &[("when", &crate::util::text::fill(&ui.figures.may, &[("year", &pay.year.to_string())]))],
            ),
            "currency": "USD",
            "duration": "P1Y",
            "median": pay.annual,
        });
        if let (Some(lo), Some(hi)) = (pay.p10, pay.p90) {
            dist["percentile10"] = json!(lo);
            dist["percentile90"] = json!(hi);
        }
        v["estimatedSalary"] = json!([dist]);
    }
    if let Some(e) = &o.entry_education {
        v["educationRequirements"] = json!({
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": e.text,
        });
    }
    if !o.credentials.is_empty() {
        v["qualifications"] = Value::String(o.credentials.join(", "));
    }
    v
}

/// Schema.org `Occupation` of one occupation in one state: the state as
/// `occupationLocation`, and the state's median and percentiles as
/// `estimatedSalary` (only values BLS published exactly).
pub(crate) fn state_occupation(
    o: &Group,
    ui: &crate::content::Ui,
    state: &str,
    year: i32,
    e: Option<&crate::content::oews::Estimates>,
) -> Value {
    use crate::content::oews::Datatype;
    let mut v = occupation(o, ui);
    v["occupationLocation"] = json!([{ "@type": "State", "name": state }]);
    let get = |d: Datatype| e.and_then(|e| e.whole(d));
    match get(Datatype::AnnualMedian) {
        Some(median) => {
            let when = crate::util::text::fill(&ui.figures.may, &[("year", &year.to_string())]);
            let mut dist = json!({
                "@type": "MonetaryAmountDistribution",
                "name": crate::util::text::fill(&ui.figures.median_name, &[("when", &when)]),
                "currency": "USD",
                "duration": "P1Y",
                "median": median,
            });
            for (key, d) in [
                ("percentile10", Datatype::Annual10),
                ("percentile25", Datatype::Annual25),
                ("percentile75", Datatype::Annual75),
                ("percentile90", Datatype::Annual90),
            ] {
                if let Some(x) = get(d) {
                    dist[key] = json!(x);
                }
            }
            v["estimatedSalary"] = json!([dist]);
        }
        None => {
            if let Some(m) = v.as_object_mut() {
                m.remove("estimatedSalary");
            }
        }
    }
    v
}

/// A page with its own structured data items after the page's own.
pub(crate) fn page_with(
    site: &Site,
    meta: &Meta,
    pathway: Option<&Pathway>,
    items: Vec<Value>,
) -> String {
    let mut graph = page_graph(site, meta, pathway);
    graph.extend(items);
    to_script(&json!({ "@context": "https://schema.org", "@graph": graph }))
}

/// A page: `WebPage` with `lastReviewed`, `BreadcrumbList`, and, where the
/// page shows them, one `Occupation` per occupation.
pub(crate) fn page(
    site: &Site,
    meta: &Meta,
    pathway: Option<&Pathway>,
    shown: &[&Group],
) -> String {
    let items = shown.iter().map(|o| occupation(o, &site.ui)).collect();
    page_with(site, meta, pathway, items)
}

/// The `WebPage` and its `BreadcrumbList`.
fn page_graph(site: &Site, meta: &Meta, pathway: Option<&Pathway>) -> Vec<Value> {
    let mut web_page = json!({
        "@type": "WebPage",
        "name": meta.og_title,
        "url": meta.canonical,
        "description": meta.description,
        "inLanguage": site.ui.lang,
        "isPartOf": { "@type": "WebSite", "name": site.name, "url": site.url(&Page::Home(site).path()) },
    });
    if let Some(p) = pathway {
        web_page["lastReviewed"] = Value::String(p.last_reviewed.iso());
    }
    let crumbs: Vec<Value> = meta
        .crumbs
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": c.label,
                "item": site.url(&c.href),
            })
        })
        .collect();
    let mut graph = vec![web_page];
    if !crumbs.is_empty() {
        graph.push(json!({ "@type": "BreadcrumbList", "itemListElement": crumbs }));
    }
    graph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_data_cannot_open_a_comment_or_close_the_element() {
        let v = json!({ "description": "<!--<script> </script> & more" });
        let s = to_script(&v);
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}

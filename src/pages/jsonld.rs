//! JSON-LD structured data, built from the same data as the visible page.

use super::Meta;
use crate::content::{Occupation, Pathway, Site};
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
pub(super) fn website(site: &Site) -> String {
    to_script(&json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.name,
        "url": site.url("/"),
        "description": site.description,
        "potentialAction": {
            "@type": "SearchAction",
            "target": site.url("/search?q={query}"),
            "query-input": "required name=query",
        },
    }))
}

/// Schema.org `Occupation` for one occupation.
pub fn occupation(o: &Occupation) -> Value {
    let mut v = json!({
        "@type": "Occupation",
        "name": o.title,
        "description": o.description,
        "occupationalCategory": {
            "@type": "CategoryCode",
            "codeValue": o.soc,
            "inCodeSet": {
                "@type": "CategoryCodeSet",
                "name": "2018 Standard Occupational Classification (SOC)",
            },
        },
        "estimatedSalary": [{
            "@type": "MonetaryAmountDistribution",
            "name": format!("Median annual pay, {}", o.median_pay.as_of),
            "currency": "USD",
            "duration": "P1Y",
            "median": o.median_pay.annual,
        }],
        "educationRequirements": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": o.entry_education.text,
        },
    });
    if !o.credentials.is_empty() {
        v["qualifications"] = Value::String(o.credentials.join(", "));
    }
    v
}

/// A page: `WebPage` with `lastReviewed`, `BreadcrumbList`, and, where the
/// page shows them, one `Occupation` per occupation.
pub(super) fn page(site: &Site, meta: &Meta, pathway: Option<(&Pathway, bool)>) -> String {
    let mut web_page = json!({
        "@type": "WebPage",
        "name": meta.og_title,
        "url": meta.canonical,
        "description": meta.description,
        "isPartOf": { "@type": "WebSite", "name": site.name, "url": site.url("/") },
    });
    if let Some((p, _)) = pathway {
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
    if let Some((p, true)) = pathway {
        graph.extend(p.occupations.iter().map(occupation));
    }
    to_script(&json!({ "@context": "https://schema.org", "@graph": graph }))
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

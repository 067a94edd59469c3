//! Block shortcodes: the data-driven parts of section pages (`{{ table pay }}`,
//! `{{ table outlook }}`, `{{ table education }}`, `{{ titles }}`,
//! `{{ self-check }}`). Every figure comes from `pathway.toml`, so tables,
//! quick facts and prose always agree.

use crate::content::figures::{decade, format_percent};
use crate::content::{Baseline, Pathway, format_money, format_number};
use crate::markdown::escape;
use std::fmt::Write as _;

/// The names `{{ ... }}` may use on its own line, for error messages.
pub const NAMES: &str = "`table pay`, `table outlook`, `table education`, `titles`, `self-check`";

/// Render a block shortcode, or say what is wrong.
pub fn render(
    pathway: &Pathway,
    baseline: &Baseline,
    name: &str,
    args: &[&str],
) -> Result<String, String> {
    match (name, args) {
        ("table", ["pay"]) => Ok(pay_table(pathway, baseline)),
        ("table", ["outlook"]) => Ok(outlook_table(pathway, baseline)),
        ("table", ["education"]) => education_table(pathway),
        ("titles", []) => titles(pathway),
        ("self-check", []) => self_check_form(pathway),
        _ => Err(format!(
            "unknown block shortcode `{{{{ {} }}}}`; use one of {NAMES}",
            std::iter::once(name)
                .chain(args.iter().copied())
                .collect::<Vec<_>>()
                .join(" ")
        )),
    }
}

fn table_open(out: &mut String, label: &str, caption: &str) {
    let _ = write!(
        out,
        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table class=\"figures\"><caption>{}</caption>",
        escape(label),
        escape(caption)
    );
}

fn occupation_cell(out: &mut String, title: &str, soc: &str) {
    let _ = write!(
        out,
        "<th scope=\"row\">{}<span class=\"soc\">SOC {}</span></th>",
        escape(title),
        escape(soc)
    );
}

fn pay_table(p: &Pathway, baseline: &Baseline) -> String {
    let mut out = String::new();
    table_open(
        &mut out,
        "Median pay by occupation",
        "Median pay, by occupation",
    );
    out.push_str("<thead><tr><th scope=\"col\">Occupation</th><th scope=\"col\" class=\"num\">Per year</th><th scope=\"col\" class=\"num\">Per hour</th><th scope=\"col\">As of</th></tr></thead><tbody>");
    for o in &p.occupations {
        out.push_str("<tr>");
        occupation_cell(&mut out, &o.title, &o.soc);
        let hourly = o
            .median_pay
            .hourly
            .map_or_else(|| "not given".to_string(), |h| format!("${h:.2}"));
        let _ = write!(
            out,
            "<td class=\"num\" data-label=\"Per year\">{}</td><td class=\"num\" data-label=\"Per hour\">{}</td><td class=\"when\" data-label=\"As of\">{}</td></tr>",
            format_money(o.median_pay.annual),
            hourly,
            escape(&o.median_pay.as_of)
        );
    }
    let b = &baseline.median_pay;
    let _ = write!(
        out,
        "<tr class=\"baseline\"><th scope=\"row\">All occupations</th><td class=\"num\" data-label=\"Per year\">{}</td><td class=\"num\" data-label=\"Per hour\">{}</td><td class=\"when\" data-label=\"As of\">{}</td></tr></tbody></table></div>",
        format_money(b.annual),
        b.hourly
            .map_or_else(|| "not given".to_string(), |h| format!("${h:.2}")),
        escape(&b.as_of)
    );
    out.push_str("<p class=\"table-note\">The median is the middle wage: half of workers earn more, half earn less. Figures come from different years; each row says which.</p>");
    out
}

fn outlook_table(p: &Pathway, baseline: &Baseline) -> String {
    let mut out = String::new();
    table_open(
        &mut out,
        "Job outlook by occupation",
        "Jobs and projected growth, by occupation",
    );
    out.push_str("<thead><tr><th scope=\"col\">Occupation</th><th scope=\"col\">Jobs</th><th scope=\"col\">Projected growth</th><th scope=\"col\">Openings a year</th></tr></thead><tbody>");
    for o in &p.occupations {
        out.push_str("<tr>");
        occupation_cell(&mut out, &o.title, &o.soc);
        let outlook = o
            .growth
            .outlook
            .as_deref()
            .map(|s| format!("<span class=\"note\">{}</span>", escape(s)))
            .unwrap_or_default();
        let openings = o.openings.as_ref().map_or_else(
            || "not given".to_string(),
            |c| format!("about {}", format_number(u64::from(c.value))),
        );
        let _ = write!(
            out,
            "<td class=\"num\" data-label=\"Jobs\">{} <span class=\"note\">({})</span></td><td data-label=\"Projected growth\">{} over {}{outlook}</td><td class=\"num\" data-label=\"Openings a year\">{openings}</td></tr>",
            format_number(u64::from(o.jobs.value)),
            escape(&o.jobs.as_of),
            format_percent(o.growth.percent),
            decade(o.growth.from, o.growth.to),
        );
    }
    let g = &baseline.growth;
    let _ = write!(
        out,
        "<tr class=\"baseline\"><th scope=\"row\">All occupations</th><td data-label=\"Jobs\">–</td><td data-label=\"Projected growth\">{} over {}</td><td data-label=\"Openings a year\">–</td></tr></tbody></table></div>",
        format_percent(g.percent),
        decade(g.from, g.to)
    );
    out
}

fn education_table(p: &Pathway) -> Result<String, String> {
    let map = p
        .career_map
        .as_ref()
        .ok_or("`{{ table education }}` needs a career-map.toml beside pathway.toml")?;
    let mut out = String::new();
    table_open(
        &mut out,
        "Certificate or degree compared",
        "Certificate or degree: what each level leads to",
    );
    out.push_str("<thead><tr><th scope=\"col\">Level</th><th scope=\"col\">Typical length</th><th scope=\"col\">Prepares you for</th><th scope=\"col\">Job titles</th><th scope=\"col\">Median pay of those jobs</th></tr></thead><tbody>");
    for level in &map.levels {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td data-label=\"Typical length\">{}</td><td data-label=\"Prepares you for\">{}</td><td data-label=\"Job titles\">",
            escape(&level.name),
            escape(&level.length),
            escape(&level.prepares)
        );
        let titles: Vec<_> = map.titles_at(&level.id).collect();
        if titles.is_empty() {
            out.push('–');
        }
        for (i, t) in titles.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(
                out,
                "<a href=\"/pathways/{}/career-map#{}\">{}</a>",
                p.slug,
                t.id,
                escape(&t.name)
            );
        }
        out.push_str("</td><td data-label=\"Median pay of those jobs\">");
        let mut seen = Vec::new();
        for t in &titles {
            if seen.contains(&t.occupation) {
                continue;
            }
            seen.push(t.occupation.clone());
            if let Some(o) = p.occupation(&t.occupation) {
                let _ = write!(
                    out,
                    "<span class=\"pay\">{} <span class=\"note\">{}, {}</span></span>",
                    format_money(o.median_pay.annual),
                    escape(&o.title.to_lowercase()),
                    escape(&o.median_pay.as_of)
                );
            }
        }
        if seen.is_empty() {
            out.push('–');
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></div>");
    Ok(out)
}

fn titles(p: &Pathway) -> Result<String, String> {
    let map = p
        .career_map
        .as_ref()
        .ok_or("`{{ titles }}` needs a career-map.toml beside pathway.toml")?;
    let mut out = String::from("<div class=\"title-groups\">");
    for level in &map.levels {
        let titles: Vec<_> = map.titles_at(&level.id).collect();
        if titles.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<div class=\"title-group\"><p class=\"level\">{}</p><ul>",
            escape(&level.name)
        );
        for t in titles {
            let _ = write!(
                out,
                "<li><a href=\"/pathways/{}/career-map#{}\">{}</a> <span class=\"note\">{}</span></li>",
                p.slug,
                t.id,
                escape(&t.name),
                escape(&t.summary)
            );
        }
        out.push_str("</ul></div>");
    }
    out.push_str("</div>");
    Ok(out)
}

/// The self-check form (a plain GET form; no JavaScript).
pub fn self_check_form(p: &Pathway) -> Result<String, String> {
    let check = p
        .self_check
        .as_ref()
        .ok_or("`{{ self-check }}` needs a self-check.toml beside pathway.toml")?;
    Ok(self_check_form_with(p, check, &|_| None))
}

/// The form, with answers preselected (for the result page).
pub fn self_check_form_with(
    p: &Pathway,
    check: &crate::content::SelfCheck,
    answer: &dyn Fn(u32) -> Option<char>,
) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<form class=\"self-check\" method=\"get\" action=\"/pathways/{}/right-for-me\"><p class=\"intro\">{}</p>",
        p.slug,
        escape(&check.intro)
    );
    for s in &check.statements {
        let _ = write!(
            out,
            "<fieldset id=\"statement-{id}\"><legend>{}</legend><div class=\"choices\">",
            escape(&s.text),
            id = s.id
        );
        for (value, label) in [
            ('y', "Sounds like me"),
            ('u', "Not sure"),
            ('n', "Not really"),
        ] {
            let checked = if answer(s.id) == Some(value) {
                " checked"
            } else {
                ""
            };
            let _ = write!(
                out,
                "<label><input type=\"radio\" name=\"s{id}\" value=\"{value}\"{checked}> {label}</label>",
                id = s.id
            );
        }
        out.push_str("</div></fieldset>");
    }
    out.push_str("<button type=\"submit\">See what my answers mean</button></form>");
    out
}

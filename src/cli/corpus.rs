//! A generator of large, valid content trees for benchmarks and load tests.
//!
//! [`write`] fills a folder with `site.toml`, `sources.toml`,
//! `glossary.toml`, `resources.toml`, `ui/en.toml` (the site's own English
//! words) and any number of pathway folders, each
//! with a `pathway.toml` and five to eight section files. The Markdown is
//! built from word lists and sentence templates with a seeded random number
//! generator, so every pathway reads differently (headings, lists,
//! paragraphs, sub-headings) but the same seed always gives the same tree.
//! Everything it writes passes the loader.

pub mod hostile;
mod oews;
mod words;

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;
use words::{
    CREDENTIALS, FIELDS, OBJECTS, QUALIFIERS, ROLES, SECTIONS, SETTINGS, SKILLS, SUBJECTS, VERBS,
};

/// A small, fast, seeded random number generator (SplitMix64).
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }
}

fn fill(template: &str, field: &str, role: &str) -> String {
    template.replace("{field}", field).replace("{role}", role)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn sentence(rng: &mut Rng, field: &str, role: &str) -> String {
    let subject = fill(rng.pick(SUBJECTS), field, role);
    match rng.range(0, 5) {
        0 => format!(
            "{subject} {} {} {}.",
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(QUALIFIERS)
        ),
        1 => format!(
            "In {field} work, {} is as important as {}.",
            rng.pick(SKILLS),
            rng.pick(SKILLS)
        ),
        2 => format!(
            "Many {role}s work in {} or {}, and some move on to {}.",
            rng.pick(SETTINGS),
            rng.pick(SETTINGS),
            rng.pick(SETTINGS)
        ),
        3 => format!(
            "Employers often ask for {} and {}.",
            rng.pick(CREDENTIALS),
            rng.pick(CREDENTIALS)
        ),
        4 => format!(
            "A {role} may {} {} and then {} {} {}.",
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(QUALIFIERS)
        ),
        _ => format!(
            "About {} in {} {field} {role}s say the hardest part is learning to {} {} {}.",
            rng.range(2, 4),
            rng.range(5, 9),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(QUALIFIERS)
        ),
    }
}

fn paragraph(rng: &mut Rng, field: &str, role: &str) -> String {
    let n = rng.range(2, 5);
    (0..n)
        .map(|_| sentence(rng, field, role))
        .collect::<Vec<_>>()
        .join(" ")
}

fn list(rng: &mut Rng, field: &str, role: &str) -> String {
    let n = rng.range(3, 6);
    let mut out = String::new();
    for _ in 0..n {
        let item = match rng.range(0, 2) {
            0 => format!(
                "**{}.** {}",
                capitalize(rng.pick(SETTINGS)),
                sentence(rng, field, role)
            ),
            1 => format!("{} {}", capitalize(rng.pick(VERBS)), rng.pick(OBJECTS)),
            _ => capitalize(rng.pick(SKILLS)),
        };
        let _ = writeln!(out, "- {item}");
    }
    out
}

fn section_md(rng: &mut Rng, kind: usize, field: &str, role: &str) -> String {
    let (_, title, nav, questions) = SECTIONS[kind];
    let title = fill(title, field, role);
    let summary = format!(
        "{} {}",
        sentence(rng, field, role),
        sentence(rng, field, role)
    );
    let summary: String = summary.chars().take(190).collect();
    let mut md = format!(
        "+++\ntitle = \"{title}\"\nnav_title = \"{nav}\"\nsummary = \"{}\"\nsources = [\"gen-bls\"]\n+++\n\n{}\n",
        summary.replace('"', "'"),
        paragraph(rng, field, role)
    );
    let mut order: Vec<usize> = (0..questions.len()).collect();
    for i in (1..order.len()).rev() {
        let j = rng.range(0, i);
        order.swap(i, j);
    }
    let headings = rng.range(3, questions.len().min(6));
    for &q in order.iter().take(headings) {
        let _ = write!(
            md,
            "\n## {}\n\n{}\n",
            fill(questions[q], field, role),
            paragraph(rng, field, role)
        );
        match rng.range(0, 3) {
            0 => {
                let _ = write!(md, "\n{}", list(rng, field, role));
            }
            1 => {
                let _ = write!(
                    md,
                    "\n### {} and {}\n\n{}\n",
                    capitalize(rng.pick(OBJECTS)),
                    rng.pick(OBJECTS),
                    paragraph(rng, field, role)
                );
            }
            2 => {
                let _ = write!(
                    md,
                    "\n{}\n\n{}",
                    paragraph(rng, field, role),
                    list(rng, field, role)
                );
            }
            _ => {}
        }
    }
    md
}

fn pathway_toml(rng: &mut Rng, i: usize, field: &str, role: &str, sections: &[&str]) -> String {
    let title = format!("{} {}", capitalize(field), role);
    let initials: String = field
        .split(' ')
        .chain([role])
        .filter_map(|w| w.chars().next())
        .collect();
    let short = format!("{}{i}", initials.to_uppercase());
    let soc = format!("{}-{:04}", rng.range(11, 53), rng.range(1000, 9999));
    let pay = rng.range(28, 95) * 1000 + rng.range(0, 9) * 100;
    let jobs = rng.range(5, 400) * 1000;
    let growth = rng.range(1, 20);
    let sections = sections
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        r#"title = "{title}"
short_title = "{short}"
summary = "A {field} {role} helps patients and care teams by making sure {} are handled well, mostly in {} and {}."
description = "What {field} {role}s do, what they earn, how fast jobs are growing and how to get started. Plain language, dated figures."
last_reviewed = 2026-01-15
sections = [{sections}]
key_figure = "main.median_pay"

[[occupations]]
id = "main"
title = "{title}s"
soc = "{soc}"
description = "{} {} {}."

[occupations.entry_education]
text = "Postsecondary nondegree award"
year = 2024
source = "gen-bls"

[[occupations.pay]]
annual = {pay}
year = 2024
source = "gen-bls"

[[occupations.jobs]]
value = {jobs}
year = 2024
source = "gen-bls"

[[occupations.growth]]
percent = {growth}
from = 2024
to = 2034
source = "gen-bls"
"#,
        rng.pick(OBJECTS),
        rng.pick(SETTINGS),
        rng.pick(SETTINGS),
        capitalize(rng.pick(VERBS)),
        rng.pick(OBJECTS),
        rng.pick(QUALIFIERS),
    )
}

const SITE_TOML: &str = r#"name = "Pathways"
tagline = "Plain answers about careers: the work, the pay, and the way in."
description = "A generated site for benchmarks: many career pathways built from word lists."
locale = "en_US"
base_url = "http://127.0.0.1:3000"

[about]
publisher = "This site is generated from word lists, for benchmarks."
review = "Generated figures are never reviewed."
report = "mailto:nobody@example.org"
report_text = "Email"

[[all_occupations.pay]]
annual = 49500
year = 2024
source = "gen-bls"

[[all_occupations.growth]]
percent = 3.1
from = 2024
to = 2034
source = "gen-bls"
"#;

/// The interface words: the site's own English table.
const UI_EN_TOML: &str = include_str!("../../content/ui/en.toml");

const SOURCES_TOML: &str = r#"[gen-bls]
title = "Occupational Outlook Handbook"
publisher = "U.S. Bureau of Labor Statistics"
url = "https://www.bls.gov/ooh/"

[gen-onet]
title = "O*NET OnLine"
publisher = "National Center for O*NET Development"
url = "https://www.onetonline.org/"
"#;

const GLOSSARY_TOML: &str = r#"[[terms]]
id = "median"
term = "median"
definition = "The middle value. Half of the workers in a job earn more than the median pay, and half earn less."

[[terms]]
id = "certification"
term = "certification"
definition = "Proof that a person passed a national exam and met a professional group's standards."
also = ["certified"]

[[terms]]
id = "license"
term = "license"
definition = "Permission from a state to do a job; some health jobs need one before you start."
"#;

const RESOURCES_TOML: &str = r#"[[resources]]
title = "Occupational Outlook Handbook"
organisation = "U.S. Bureau of Labor Statistics"
kind = "data"
why = "What workers do, how to get started, what they earn and how fast jobs are growing."
url = "https://www.bls.gov/ooh/"

[[resources]]
title = "O*NET OnLine"
organisation = "National Center for O*NET Development"
kind = "data"
why = "Tasks, skills and sample job titles for every occupation."
url = "https://www.onetonline.org/"
"#;

/// Write a content tree with `pathways` generated pathways into `dir`
/// (created if needed; existing generated files are overwritten).
pub fn write(dir: &Path, pathways: usize, seed: u64) -> io::Result<()> {
    write_with(dir, pathways, seed, 0)
}

/// [`write`], with OEWS files for `oews` occupations (0: none) shared by the pathways.
pub fn write_with(dir: &Path, pathways: usize, seed: u64, oews: usize) -> io::Result<()> {
    let mut rng = Rng(seed);
    let catalogue = oews::catalogue(oews);
    fs::create_dir_all(dir.join("pathways"))?;
    if catalogue.is_empty() {
        fs::write(dir.join("site.toml"), SITE_TOML)?;
        fs::write(dir.join("sources.toml"), SOURCES_TOML)?;
    } else {
        fs::write(
            dir.join("site.toml"),
            format!("{SITE_TOML}\n[oews]\nsource = \"gen-oews\"\n"),
        )?;
        fs::write(
            dir.join("sources.toml"),
            format!(
                "{SOURCES_TOML}\n[gen-oews]\ntitle = \"Occupational Employment and Wage Statistics\"\nedition = \"May 2025\"\npublisher = \"U.S. Bureau of Labor Statistics\"\nurl = \"https://www.bls.gov/oes/\"\n"
            ),
        )?;
        fs::write(dir.join("places.toml"), oews::PLACES)?;
        oews::write(dir, &catalogue)?;
    }
    fs::write(dir.join("glossary.toml"), GLOSSARY_TOML)?;
    fs::write(dir.join("resources.toml"), RESOURCES_TOML)?;
    fs::create_dir_all(dir.join("ui"))?;
    fs::write(dir.join("ui").join("en.toml"), UI_EN_TOML)?;
    for i in 0..pathways {
        let field = rng.pick(FIELDS);
        let role = rng.pick(ROLES);
        let slug = format!("{}-{role}-{i}", field.replace(' ', "-"));
        let folder = dir.join("pathways").join(&slug);
        fs::create_dir_all(&folder)?;
        let mut kinds: Vec<usize> = (0..SECTIONS.len()).collect();
        for k in (1..kinds.len()).rev() {
            let j = rng.range(0, k);
            kinds.swap(k, j);
        }
        kinds.truncate(rng.range(5, SECTIONS.len()));
        kinds.sort_unstable();
        let slugs: Vec<&str> = kinds.iter().map(|&k| SECTIONS[k].0).collect();
        let mut toml = pathway_toml(&mut rng, i, field, role, &slugs);
        if !catalogue.is_empty() {
            // A SOC code of the catalogue, shared with other pathways.
            let soc = &catalogue[rng.range(0, catalogue.len() - 1)];
            let start = toml.find("soc = \"").unwrap_or(0) + 7;
            toml.replace_range(start..start + 7, soc);
        }
        fs::write(folder.join("pathway.toml"), toml)?;
        for &k in &kinds {
            fs::write(
                folder.join(format!("{}.md", SECTIONS[k].0)),
                section_md(&mut rng, k, field, role),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_tree_passes_the_loader_and_varies_between_pathways() {
        let dir = std::env::temp_dir().join(format!("pathways-corpus-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        write(&dir, 20, 7).unwrap();
        let site = crate::content::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(site.pathways.len(), 20);
        let firsts: std::collections::HashSet<&str> =
            site.pathways.iter().map(|p| p.sections[0].body()).collect();
        assert_eq!(
            firsts.len(),
            20,
            "every pathway's first section should differ"
        );
        assert!(site.pathways.iter().all(|p| p.sections.len() >= 5));
        fs::remove_dir_all(&dir).unwrap();
    }
}

//! `pathways trim-oews`: BLS's full OEWS files (about 330 MB for every
//! occupation) cut down to what the content needs, in BLS's own layout,
//! so the engine reads the same files BLS publishes. Kept: the
//! cross-industry estimates of every area for the SOC codes the pathways
//! name and for all occupations (00-0000), and the national estimates by
//! industry of those SOC codes. The data file is read line by line.

use crate::config::TrimArgs;
use anyhow::{Context as _, bail};
use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead as _, BufReader, BufWriter, Write as _};
use std::path::Path;

/// The files BLS publishes beside the data, copied (and filtered) too.
const FILES: [&str; 5] = [
    "oe.area",
    "oe.occupation",
    "oe.industry",
    "oe.datatype",
    "oe.footnote",
];
const DATA: &str = "oe.data.0.Current";

/// The SOC codes (`292072`, no hyphen) named in every pathway.toml.
fn wanted_occupations(content: &Path) -> anyhow::Result<BTreeSet<String>> {
    let mut out = BTreeSet::from(["000000".to_string()]);
    let dir = content.join("pathways");
    let entries = fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries.flatten() {
        let file = entry.path().join("pathway.toml");
        let Ok(text) = fs::read_to_string(&file) else {
            continue;
        };
        let value: toml::Table = toml::from_str(&text).with_context(|| {
            format!("{} is not valid TOML; run `pathways check`", file.display())
        })?;
        let occupations = value.get("occupations").and_then(toml::Value::as_array);
        for o in occupations.into_iter().flatten() {
            if let Some(soc) = o.get("soc").and_then(toml::Value::as_str) {
                out.insert(soc.replace('-', ""));
            }
        }
    }
    if out.len() == 1 {
        bail!("no pathway in {} names a SOC code", dir.display());
    }
    Ok(out)
}

/// Trim BLS's files in `args.from` into `<content>/oews/`; returns a
/// one-line summary.
pub fn run(args: &TrimArgs) -> anyhow::Result<String> {
    let occupations = wanted_occupations(&args.content)?;
    let out_dir = args.content.join("oews");
    fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let states: BTreeSet<&str> = args.states.iter().map(String::as_str).collect();
    // Areas kept: every area, or the nation and the chosen states' areas.
    let mut areas = BTreeSet::new();
    let area_text = fs::read_to_string(args.from.join("oe.area"))
        .with_context(|| format!("reading {}", args.from.join("oe.area").display()))?;
    for line in area_text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() >= 3 && (states.is_empty() || f[2] == "N" || states.contains(f[0])) {
            areas.insert(f[1].to_string());
        }
    }
    for name in FILES {
        let text = fs::read_to_string(args.from.join(name))
            .with_context(|| format!("reading {}", args.from.join(name).display()))?;
        let mut lines = text.lines();
        let mut kept: Vec<&str> = lines.next().into_iter().collect();
        kept.extend(lines.filter(|line| {
            let first = line.split('\t').next().unwrap_or("").trim();
            match name {
                "oe.occupation" => occupations.contains(first),
                "oe.area" => areas.contains(line.split('\t').nth(1).unwrap_or("").trim()),
                _ => true,
            }
        }));
        fs::write(out_dir.join(name), kept.join("\n") + "\n")
            .with_context(|| format!("writing {}", out_dir.join(name).display()))?;
    }
    let input = fs::File::open(args.from.join(DATA))
        .with_context(|| format!("reading {}", args.from.join(DATA).display()))?;
    let output = fs::File::create(out_dir.join(DATA))
        .with_context(|| format!("writing {}", out_dir.join(DATA).display()))?;
    let mut writer = BufWriter::new(output);
    let (mut read, mut kept) = (0usize, 0usize);
    for (i, line) in BufReader::new(input).lines().enumerate() {
        let line = line.with_context(|| format!("reading line {} of {DATA}", i + 1))?;
        read += 1;
        if i == 0 || keep(&line, &occupations, &areas) {
            writeln!(writer, "{line}")?;
            kept += usize::from(i > 0);
        }
    }
    writer.flush()?;
    Ok(format!(
        "kept {kept} of {} series ({} occupations, {} areas) in {}; now run `pathways check`",
        read.saturating_sub(1),
        occupations.len(),
        areas.len(),
        out_dir.display()
    ))
}

/// Whether a data row is one the content needs.
fn keep(line: &str, occupations: &BTreeSet<String>, areas: &BTreeSet<String>) -> bool {
    let id = line.split('\t').next().unwrap_or("").trim();
    if id.len() != 25 || !id.is_ascii() {
        // Not a series id: keep it, so `check` reports it at its line.
        return true;
    }
    let (area, industry, occupation) = (&id[4..11], &id[11..17], &id[17..23]);
    if !occupations.contains(occupation) || !areas.contains(area) {
        return false;
    }
    industry == "000000" || (&id[3..4] == "N" && occupation != "000000")
}

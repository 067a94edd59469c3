//! `content/oews/`: BLS's OEWS flat files, read in BLS's own layout
//! (tab-separated, one header line): `oe.area`, `oe.occupation`,
//! `oe.industry`, `oe.footnote` and `oe.data.0.Current`. Every row is
//! checked; each problem is an error at its `path:line:col`, at most
//! [`MAX_PROBLEMS`] per file.

use super::Loader;
use crate::content::oews::{ALL_INDUSTRIES, Area, AreaKind, IndustryName, Occupation, Oews, slug};
use crate::diag::{Diagnostic, SourceFile};
use std::collections::HashMap;

/// The folder of the files, under `content/`.
pub(crate) const FOLDER: &str = "oews";
/// BLS's full data file is about 330 MB; a trimmed one is far smaller.
pub(super) const MAX_DATA_BYTES: u64 = 1024 * 1024 * 1024;
/// Problems listed per file before one summary line.
pub(super) const MAX_PROBLEMS: usize = 100;
/// BLS's footnote for a top-coded wage.
pub(super) const TOP_CODED: &str = "5";

/// One file's problems, capped.
struct Problems<'a> {
    file: &'a SourceFile,
    found: Vec<Diagnostic>,
    more: usize,
}

impl<'a> Problems<'a> {
    fn new(file: &'a SourceFile) -> Self {
        Self {
            file,
            found: Vec::new(),
            more: 0,
        }
    }

    fn at(&mut self, offset: usize, message: impl Into<String>) {
        if self.found.len() < MAX_PROBLEMS {
            self.found.push(self.file.error(offset, message));
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self, loader: &mut Loader) -> bool {
        if self.more > 0 {
            let last = self.found.last().map_or(0, |d| d.line);
            let mut d = self.file.error(0, format!("{} more problems after line {last} are not listed; fix these and run check again", self.more));
            d.line = last;
            self.found.push(d);
        }
        let clean = self.found.is_empty();
        for d in self.found {
            loader.push(d);
        }
        clean
    }
}

/// The fields of each line after the header: (line start offset, fields
/// with their offsets). Fields are trimmed (BLS pads series ids).
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<(usize, &str)>)> {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            return None;
        }
        let mut fields = Vec::with_capacity(6);
        let mut at = start;
        for f in body.split('\t') {
            let lead = f.len() - f.trim_start().len();
            fields.push((at + lead, f.trim()));
            at += f.len() + 1;
        }
        Some((start, fields))
    })
}

impl Loader {
    /// Read `content/oews/` if it exists; `source` is the id every figure
    /// cites.
    pub(super) fn oews(&mut self, source: &str) -> Option<Oews> {
        let dir = self.root.join(FOLDER);
        if !dir.is_dir() {
            return None;
        }
        let area = self.read(&dir.join("oe.area"))?;
        let occupation = self.read(&dir.join("oe.occupation"))?;
        let industry = self.read(&dir.join("oe.industry"))?;
        let footnote = self.read(&dir.join("oe.footnote"))?;
        let mut oews = Oews {
            source: source.to_string(),
            ..Oews::default()
        };
        let ok = self.oews_areas(&area, &mut oews)
            & self.oews_occupations(&occupation, &mut oews)
            & self.oews_industries(&industry, &mut oews);
        let top = self.oews_top_code(&footnote)?;
        if !ok {
            return None;
        }
        self.oews_data(&dir.join("oe.data.0.Current"), &mut oews, top)
            .then_some(oews)
    }

    /// Check the header line: BLS's column names, in order.
    fn oews_header(p: &mut Problems<'_>, want: &[&str]) -> bool {
        let first = p.file.text.lines().next().unwrap_or("");
        let got: Vec<&str> = first.split('\t').map(str::trim).collect();
        if got.len() < want.len() || got[..want.len()] != *want {
            p.at(
                0,
                format!(
                    "the first line must name BLS's columns: {}",
                    want.join(", ")
                ),
            );
            return false;
        }
        true
    }

    fn oews_areas(&mut self, file: &SourceFile, oews: &mut Oews) -> bool {
        let mut p = Problems::new(file);
        if Self::oews_header(
            &mut p,
            &["state_code", "area_code", "areatype_code", "area_name"],
        ) {
            let mut seen = HashMap::new();
            for (start, f) in rows(&file.text).skip(1) {
                if f.len() < 4 {
                    p.at(start, "a row needs state_code, area_code, areatype_code and area_name, separated by tabs");
                    continue;
                }
                let kind = match f[2].1 {
                    "N" => AreaKind::National,
                    "S" => AreaKind::State,
                    "M" => AreaKind::Metro,
                    other => {
                        p.at(f[2].0, format!("`{other}` is not an area type; BLS uses N (national), S (state) or M (metropolitan or nonmetropolitan area)"));
                        continue;
                    }
                };
                let code = f[1].1;
                if code.len() != 7 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    p.at(f[1].0, format!("`{code}` is not an area code (7 digits)"));
                    continue;
                }
                if let Some(line) = seen.insert(code.to_string(), file.line_col(start).0) {
                    p.at(
                        f[1].0,
                        format!("the area {code} is listed twice (first on line {line})"),
                    );
                    continue;
                }
                oews.areas.push(Area {
                    code: code.to_string(),
                    kind,
                    fips: f[0].1.to_string(),
                    name: f[3].1.to_string(),
                    slug: slug(f[3].1),
                });
            }
            let states: Vec<&Area> = oews
                .areas
                .iter()
                .filter(|a| a.kind == AreaKind::State)
                .collect();
            for (i, a) in states.iter().enumerate() {
                if states[..i].iter().any(|b| b.slug == a.slug) {
                    let at = file.find_from(0, &a.code);
                    p.at(at, format!("two states share the URL name `{}`", a.slug));
                }
            }
            if oews.national().is_none() {
                p.at(0, "no national area (area type N); BLS's file has one");
            }
        }
        p.finish(self)
    }

    fn oews_occupations(&mut self, file: &SourceFile, oews: &mut Oews) -> bool {
        let mut p = Problems::new(file);
        if Self::oews_header(&mut p, &["occupation_code", "occupation_name"]) {
            for (start, f) in rows(&file.text).skip(1) {
                let code = f[0].1;
                if f.len() < 2 || code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    p.at(
                        start,
                        "a row is a 6-digit occupation code and its name, separated by a tab",
                    );
                    continue;
                }
                let soc = format!("{}-{}", &code[..2], &code[2..]);
                if oews.occupations.iter().any(|o| o.soc == soc) {
                    p.at(f[0].0, format!("the occupation {soc} is listed twice"));
                    continue;
                }
                oews.occupations.push(Occupation {
                    soc,
                    name: f[1].1.to_string(),
                });
            }
        }
        p.finish(self)
    }

    fn oews_industries(&mut self, file: &SourceFile, oews: &mut Oews) -> bool {
        let mut p = Problems::new(file);
        if Self::oews_header(&mut p, &["industry_code", "industry_name", "display_level"]) {
            for (start, f) in rows(&file.text).skip(1) {
                let level = f.get(2).and_then(|l| l.1.parse::<u8>().ok());
                let (Some(level), true) = (level, f[0].1.len() == 6) else {
                    p.at(start, "a row is a 6-character industry code, its name and its display level (a number), separated by tabs");
                    continue;
                };
                oews.industries.push(IndustryName {
                    code: f[0].1.to_string(),
                    name: f[1].1.to_string(),
                    level,
                });
            }
            if !oews.industries.iter().any(|i| i.code == ALL_INDUSTRIES) {
                p.at(
                    0,
                    format!("the cross-industry code {ALL_INDUSTRIES} is missing"),
                );
            }
        }
        p.finish(self)
    }

    /// The top-code amounts (hourly, annual) from footnote 5's own text.
    fn oews_top_code(&mut self, file: &SourceFile) -> Option<(f64, f64)> {
        let mut p = Problems::new(file);
        let mut found = None;
        if Self::oews_header(&mut p, &["footnote_code", "footnote_text"]) {
            for (_, f) in rows(&file.text).skip(1) {
                if f[0].1 == TOP_CODED && f.len() > 1 {
                    let amounts: Vec<f64> = f[1]
                        .1
                        .split('$')
                        .skip(1)
                        .filter_map(|s| {
                            let n: String = s
                                .chars()
                                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                                .filter(|c| *c != ',')
                                .collect();
                            n.trim_end_matches('.').parse().ok()
                        })
                        .collect();
                    match amounts[..] {
                        [hourly, annual] => found = Some((hourly, annual)),
                        _ => p.at(f[1].0, "footnote 5 should give the top-coded wage as two amounts ($ an hour and $ a year), as BLS writes it"),
                    }
                }
            }
            if found.is_none() && p.found.is_empty() {
                p.at(
                    0,
                    "footnote 5 (the top-coded wage) is missing; use BLS's oe.footnote",
                );
            }
        }
        p.finish(self);
        found
    }
}

//! `content/oews/`: BLS's OEWS flat files, read in BLS's own layout
//! (tab-separated, one header line): `oe.area`, `oe.occupation`,
//! `oe.industry`, `oe.footnote` and `oe.data.0.Current`. Every row is
//! checked; each problem is an error at its `path:line:col`, at most
//! [`MAX_PROBLEMS`] per file.

use super::Loader;
use crate::content::oews::{
    ALL_INDUSTRIES, Area, AreaKind, DATATYPES, Estimates, IndustryName, Occupation, Oews, Value,
    slug,
};
use crate::diag::{Diagnostic, SourceFile, file_error};
use std::collections::HashMap;
use std::path::Path;

/// The folder of the files, under `content/`.
pub(crate) const FOLDER: &str = "oews";
/// BLS's full data file is about 330 MB; a trimmed one is far smaller.
const MAX_DATA_BYTES: u64 = 1024 * 1024 * 1024;
/// Problems listed per file before one summary line.
const MAX_PROBLEMS: usize = 100;
/// BLS's footnote for a top-coded wage.
const TOP_CODED: &str = "5";

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

    /// `oe.data.0.Current`, read line by line (BLS's full file is about
    /// 330 MB; it is never held whole).
    fn oews_data(&mut self, path: &Path, oews: &mut Oews, top: (f64, f64)) -> bool {
        if !self.inside_root(path) {
            return false;
        }
        let file = match open_regular(path) {
            Ok(f) => f,
            Err(message) => {
                self.push(file_error(path, message));
                return false;
            }
        };
        let mut p = Rows::new(path);
        let areas: HashMap<&str, (u16, AreaKind)> = oews
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.as_str(), (i as u16, a.kind)))
            .collect();
        let occupations: HashMap<String, u16> = oews
            .occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.soc.replace('-', ""), i as u16))
            .collect();
        let industries: HashMap<&str, u16> = oews
            .industries
            .iter()
            .enumerate()
            .map(|(i, x)| (x.code.as_str(), i as u16))
            .collect();
        // Only the occupations some pathway names (and all occupations)
        // are kept: every row is still checked.
        let named = named_occupations(&self.root);
        let keep: Vec<bool> = oews
            .occupations
            .iter()
            .map(|o| o.soc == crate::content::oews::ALL_SOC || named.contains(&o.soc))
            .collect();
        let started = std::time::Instant::now();
        let mut year: Option<(i32, usize)> = None;
        let mut cells: HashMap<(u16, u16, u16), Estimates> = HashMap::new();
        let mut last_group = String::new();
        let mut current: Option<((u16, u16, u16), Estimates)> = None;
        let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
        let mut line = String::new();
        let mut n = 0;
        loop {
            line.clear();
            match std::io::BufRead::read_line(&mut reader, &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    p.at(
                        n + 1,
                        1,
                        format!("cannot be read here ({e}); use BLS's file as downloaded"),
                    );
                    break;
                }
            }
            n += 1;
            let body = line.trim_end_matches(['\n', '\r']);
            if n == 1 {
                let want = ["series_id", "year", "period", "value", "footnote_codes"];
                let got: Vec<&str> = body.split('\t').map(str::trim).collect();
                if got.len() < want.len() || got[..want.len()] != want {
                    p.at(
                        1,
                        1,
                        format!(
                            "the first line must name BLS's columns: {}",
                            want.join(", ")
                        ),
                    );
                    return p.finish(self);
                }
                continue;
            }
            if body.trim().is_empty() {
                continue;
            }
            let mut f: [(usize, &str); 5] = [(0, ""); 5];
            let mut count = 0;
            let mut at = 0;
            for part in body.split('\t') {
                if count < 5 {
                    let lead = part.len() - part.trim_start().len();
                    f[count] = (at + lead + 1, part.trim());
                }
                count += 1;
                at += part.len() + 1;
            }
            if count < 4 {
                p.at(n, 1, "a row needs series_id, year, period, value (and footnote_codes), separated by tabs");
                continue;
            }
            let (col, id) = f[0];
            let b = id.as_bytes();
            if b.len() != 25 || !id.starts_with("OEU") || !id.is_ascii() {
                p.at(n, col, format!("`{id}` is not an OEWS series id: OEU, the area type, a 7-digit area, a 6-digit industry, a 6-digit occupation and a 2-digit datatype"));
                continue;
            }
            // Rows of one series group (area, industry, occupation) come
            // together: look its codes up once.
            let group = &id[3..23];
            if group != last_group {
                let Some(&(area, kind)) = areas.get(&id[4..11]) else {
                    p.at(
                        n,
                        col + 4,
                        format!("the area {} is not in oe.area", &id[4..11]),
                    );
                    continue;
                };
                let want = match kind {
                    AreaKind::National => b'N',
                    AreaKind::State => b'S',
                    AreaKind::Metro => b'M',
                };
                if b[3] != want {
                    p.at(
                        n,
                        col + 3,
                        format!(
                            "the area type `{}` does not match area {}'s type in oe.area",
                            b[3] as char,
                            &id[4..11]
                        ),
                    );
                    continue;
                }
                let Some(&industry) = industries.get(&id[11..17]) else {
                    p.at(
                        n,
                        col + 11,
                        format!("the industry {} is not in oe.industry", &id[11..17]),
                    );
                    continue;
                };
                let Some(&occupation) = occupations.get(&id[17..23]) else {
                    p.at(
                        n,
                        col + 17,
                        format!("the occupation {} is not in oe.occupation", &id[17..23]),
                    );
                    continue;
                };
                if let Some((key, done)) = current.take()
                    && !merge_into(&mut cells, key, done)
                {
                    p.at(n, col, format!("a series of {group} is listed twice in the file; keep one row per series"));
                }
                last_group.clear();
                last_group.push_str(group);
                current = Some(((area, occupation, industry), Estimates::default()));
            }
            let Some(((_, occupation, _), cell)) = current.as_mut() else {
                continue;
            };
            let occupation = *occupation;
            let datatype = id[23..25].parse::<usize>().unwrap_or(0);
            if !(1..=DATATYPES).contains(&datatype) {
                p.at(
                    n,
                    col + 23,
                    format!("`{}` is not an OEWS datatype (01 to 17)", &id[23..25]),
                );
                continue;
            }
            let Ok(y) = f[1].1.parse::<i32>() else {
                p.at(n, f[1].0, format!("`{}` is not a year", f[1].1));
                continue;
            };
            match year {
                None => year = Some((y, n)),
                Some((first, line)) if first != y => {
                    p.at(n, f[1].0, format!("this row is for {y}, but the file's first row (line {line}) is for {first}; a release holds one May year, so use one release's file"));
                    continue;
                }
                _ => {}
            }
            if f[2].1 != "A01" {
                p.at(
                    n,
                    f[2].0,
                    format!("the period `{}` is not BLS's annual period A01", f[2].1),
                );
                continue;
            }
            let notes = if count > 4 { f[4].1 } else { "" };
            let value = match f[3].1 {
                "-" | "*" | "#" | "**" => {
                    if notes.split(',').any(|x| x.trim() == TOP_CODED) {
                        let annual = (11..=15).contains(&datatype) || datatype == 4;
                        Value::AtLeast(if annual { top.1 } else { top.0 })
                    } else {
                        Value::NotReleased
                    }
                }
                text => match if text.contains(',') {
                    text.replace(',', "").parse::<f64>()
                } else {
                    text.parse::<f64>()
                } {
                    Ok(v) if v.is_finite() && v >= 0.0 => Value::Published(v),
                    _ => {
                        p.at(n, f[3].0, format!("`{text}` is not a value: BLS writes a number, or `-` for an estimate it did not publish"));
                        continue;
                    }
                },
            };
            if !keep[usize::from(occupation)] {
                continue;
            }
            if !cell.set(datatype, value) {
                p.at(
                    n,
                    col,
                    format!("the series {id} is listed twice; keep one row per series"),
                );
            }
        }
        match year {
            Some((y, _)) => oews.year = y,
            None => p.at(n.max(1), 1, "has no rows of estimates"),
        }
        if let Some((key, done)) = current.take()
            && !merge_into(&mut cells, key, done)
        {
            p.at(
                n,
                1,
                "a series is listed twice in the file; keep one row per series",
            );
        }
        oews.cells = cells;
        oews.index();
        tracing::debug!(elapsed = ?started.elapsed(), rows = n, cells = oews.cells.len(), "OEWS files read");
        p.finish(self)
    }
}

/// Keep a series group's rows; `false` when the map already had a row for
/// one of its datatypes (a series listed twice, far apart).
fn merge_into(
    cells: &mut HashMap<(u16, u16, u16), Estimates>,
    key: (u16, u16, u16),
    done: Estimates,
) -> bool {
    if done.is_empty() {
        return true;
    }
    match cells.entry(key) {
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(done);
            true
        }
        std::collections::hash_map::Entry::Occupied(mut o) => o.get_mut().merge(&done),
    }
}

/// The SOC codes the pathways' `pathway.toml` files name (`soc = "..."`
/// lines), read before the pathways themselves are loaded.
fn named_occupations(root: &Path) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let Ok(dirs) = std::fs::read_dir(root.join("pathways")) else {
        return out;
    };
    for dir in dirs.flatten() {
        let Ok(text) = std::fs::read_to_string(dir.path().join("pathway.toml")) else {
            continue;
        };
        for line in text.lines() {
            if let Some(v) = line.trim().strip_prefix("soc") {
                let v = v.trim_start().trim_start_matches('=').trim();
                out.insert(v.trim_matches('"').to_string());
            }
        }
    }
    out
}

/// The data file's problems, by line and column, capped.
struct Rows<'a> {
    path: &'a Path,
    found: Vec<Diagnostic>,
    more: usize,
}

impl<'a> Rows<'a> {
    fn new(path: &'a Path) -> Self {
        Self {
            path,
            found: Vec::new(),
            more: 0,
        }
    }

    fn at(&mut self, line: usize, col: usize, message: impl Into<String>) {
        if self.found.len() < MAX_PROBLEMS {
            self.found.push(Diagnostic {
                path: self.path.to_path_buf(),
                line,
                col,
                severity: crate::diag::Severity::Error,
                message: message.into(),
            });
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self, loader: &mut Loader) -> bool {
        if self.more > 0 {
            let last = self.found.last().map_or(1, |d| d.line);
            self.at(last, 1, "");
            if let Some(d) = self.found.last_mut() {
                d.message = format!(
                    "{} more problems after line {last} are not listed; fix these and run check again",
                    self.more
                );
            }
        }
        let clean = self.found.is_empty();
        for d in self.found {
            loader.push(d);
        }
        clean
    }
}

/// Open a regular file of at most [`MAX_DATA_BYTES`] without blocking.
fn open_regular(path: &Path) -> Result<std::fs::File, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(0o4000);
    }
    let file = options
        .open(path)
        .map_err(|e| format!("cannot be read: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot be read: {e}"))?;
    if !meta.is_file() {
        return Err("is not a regular file".into());
    }
    if meta.len() > MAX_DATA_BYTES {
        return Err(format!(
            "is {} MB, more than any BLS release; is it the right file?",
            meta.len() / 1_048_576
        ));
    }
    Ok(file)
}

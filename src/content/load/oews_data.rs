//! `content/oews/oe.data.0.Current`, BLS's data file, read line by line:
//! every row checked (series id, area, industry, occupation, datatype,
//! year, period, value), each problem at its `path:line:col`.

use super::Loader;
use super::oews::{MAX_DATA_BYTES, MAX_PROBLEMS, TOP_CODED};
use crate::content::oews::{AreaKind, DATATYPES, Estimates, Oews, Value};
use crate::diag::{Diagnostic, file_error};
use std::collections::HashMap;
use std::path::Path;

impl Loader {
    /// `oe.data.0.Current`, read line by line (BLS's full file is about
    /// 330 MB; it is never held whole).
    pub(super) fn oews_data(&mut self, path: &Path, oews: &mut Oews, top: (f64, f64)) -> bool {
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

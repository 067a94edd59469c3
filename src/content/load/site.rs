//! site.toml, the interface words, sources, glossary, resources, and the
//! list of pathway folders.

use super::Loader;
use crate::content::model;
use crate::content::{About, Baseline, Growth, Pathway, Pay, Site, Source, Ui};
use crate::diag::{SourceFile, file_error};
use crate::util::base_url::BaseUrl;
use crate::util::text::is_valid_id;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::PathBuf;

impl Loader {
    /// The default edition, and the codes of the other editions.
    pub(super) fn site(&mut self) -> Option<(Site, Vec<String>)> {
        if !self.root.is_dir() {
            self.push(file_error(
                &self.root,
                "is not a folder; pass the content folder with --content",
            ));
            return None;
        }
        let site_file =
            self.toml_file::<crate::content::words::SiteFile>(&self.root.join("site.toml"));
        let sources = self.sources().unwrap_or_default();
        let glossary = self.glossary();
        let resources = self.resources();
        let (site_src, raw) = site_file?;
        let base_url = match BaseUrl::parse(raw.base_url.get_ref()) {
            Ok(u) => u.to_string(),
            Err(e) => {
                self.push(site_src.error(raw.base_url.span().start, e));
                String::new()
            }
        };
        self.check_description(&site_src, &raw.description);
        let report = raw.about.report.get_ref();
        if !(report.starts_with("https://") || report.starts_with("mailto:"))
            || report.contains(['"', '<', '>', ' '])
        {
            self.push(site_src.error(
                raw.about.report.span().start,
                "`report` must be an https:// or mailto: address where readers can report a mistake",
            ));
        } else if is_placeholder_address(report) {
            self.push(site_src.warning(
                raw.about.report.span().start,
                format!("`{report}` is a placeholder address, so readers' reports of a mistake go nowhere; set `report` to the address of whoever runs this site"),
            ));
        }
        let lang = raw
            .locale
            .split(['_', '-'])
            .next()
            .unwrap_or_default()
            .to_string();
        let ui = self.ui(&lang)?;
        let mut langs = Vec::new();
        for t in &raw.translations {
            let code = t.get_ref();
            if code == &lang || code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
                self.push(site_src.error(
                    t.span().start,
                    format!("`{code}` is not another language's two-letter code (the name of its `ui/<lang>.toml`)"),
                ));
            } else if !langs.contains(code) {
                langs.push(code.clone());
            }
        }
        let oews = self.oews_for(&site_src, &sources, raw.oews.as_ref());
        let places = oews.as_ref().map(|o| self.places(o)).unwrap_or_default();
        let mut baseline = self.baseline(&site_src, &sources, raw.all_occupations);
        if let Some(o) = &oews {
            self.baseline_from_oews(&site_src, o, &mut baseline);
        }
        let mut site = Site {
            name: raw.name,
            tagline: raw.tagline,
            description: raw.description.into_inner(),
            locale: ui.locale.clone(),
            base_url,
            prefix: String::new(),
            about: {
                let mut about = About {
                    report: raw.about.report.get_ref().clone(),
                    ..About::default()
                };
                raw.about.apply(&mut about);
                about
            },
            baseline,
            oews: oews.map(std::sync::Arc::new),
            places,
            sources,
            glossary: glossary.unwrap_or_default(),
            resources: resources.unwrap_or_default(),
            pathways: Vec::new(),
            ui,
            links: Vec::new(),
            warnings: Vec::new(),
        };
        site.pathways = self.pathways(&mut site);
        Some((site, langs))
    }

    /// The OEWS files, when `content/oews/` exists: `[oews]` in site.toml
    /// names their source, whose edition must name their May year.
    fn oews_for(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        config: Option<&model::OewsFile>,
    ) -> Option<crate::content::oews::Oews> {
        let folder = self.root.join(super::oews::FOLDER);
        let Some(config) = config else {
            if folder.is_dir() {
                self.push(file.error(0, "content/oews/ holds BLS's OEWS files, so add `[oews]` with `source = \"<id from sources.toml>\"` to say where they come from"));
            }
            return None;
        };
        let id = config.source.get_ref();
        let Some(source) = sources.get(id) else {
            self.push(file.error(
                config.source.span().start,
                format!("the source `{id}` is not in sources.toml"),
            ));
            return None;
        };
        if !folder.is_dir() {
            self.push(file.error(config.source.span().start, "`[oews]` is set, but content/oews/ is missing; put BLS's files there (see `pathways trim-oews`)"));
            return None;
        }
        let oews = self.oews(id)?;
        let year = oews.year.to_string();
        let edition = source.edition.as_deref().unwrap_or("");
        if !edition.contains(&year) {
            let sources_file = self.root.join("sources.toml");
            let text = fs::read_to_string(&sources_file).unwrap_or_default();
            let src = SourceFile::new(&sources_file, text);
            let at = src.find_from(src.find_from(0, &format!("[{id}]")), "edition");
            self.push(src.error(at, format!("the OEWS files are for May {year}, but this source's edition is `{edition}`; write `edition = \"May {year}\"` so every figure names the year it describes")));
        }
        Some(oews)
    }

    /// `places.toml`: one square on the tile map for every state of the
    /// OEWS files, none shared.
    fn places(&mut self, oews: &crate::content::oews::Oews) -> Vec<crate::content::Place> {
        let path = self.root.join("places.toml");
        if !path.exists() {
            self.push(file_error(&path, "is missing; the pay-by-state map needs each state's square (fips, postal, row, col)"));
            return Vec::new();
        }
        let Some((file, raw)) = self.toml_file::<model::PlacesFile>(&path) else {
            return Vec::new();
        };
        let mut out: Vec<crate::content::Place> = Vec::new();
        for p in raw.places {
            let fips = p.fips.get_ref();
            let postal = p.postal.get_ref();
            if !oews.states().iter().any(|(_, a)| &a.fips == fips) {
                self.push(file.error(
                    p.fips.span().start,
                    format!("no state in content/oews/oe.area has the FIPS code `{fips}`"),
                ));
            }
            if postal.len() != 2 || !postal.bytes().all(|b| b.is_ascii_uppercase()) {
                self.push(file.error(
                    p.postal.span().start,
                    format!("`{postal}` is not a two-letter postal code like `TX`"),
                ));
            }
            if out.iter().any(|o| &o.fips == fips || &o.postal == postal) {
                self.push(file.error(
                    p.fips.span().start,
                    format!("the state `{fips}` ({postal}) is listed twice"),
                ));
            }
            let (row, col) = (*p.row.get_ref(), *p.col.get_ref());
            if row > 15 || col > 15 {
                self.push(file.error(
                    p.row.span().start,
                    "the map has at most 16 rows and 16 columns (0 to 15)",
                ));
            }
            if out.iter().any(|o| o.row == row && o.col == col) {
                self.push(file.error(
                    p.row.span().start,
                    format!("row {row}, column {col} is already another state's square"),
                ));
            }
            out.push(crate::content::Place {
                fips: fips.clone(),
                postal: postal.clone(),
                row,
                col,
                name: None,
            });
        }
        for (_, a) in oews.states() {
            if !out.iter().any(|p| p.fips == a.fips) {
                self.push(file.error(
                    file.text.len(),
                    format!(
                        "{} (FIPS {}) has no square; add a [[places]] entry for it",
                        a.name, a.fips
                    ),
                ));
            }
        }
        out
    }

    /// The all-occupations median of the OEWS year comes from the files;
    /// site.toml keeps only older years.
    fn baseline_from_oews(
        &mut self,
        file: &SourceFile,
        oews: &crate::content::oews::Oews,
        baseline: &mut Baseline,
    ) {
        use crate::content::oews::{ALL_SOC, Datatype};
        if let Some(typed) = baseline.pay.iter().find(|p| p.year >= oews.year) {
            let at = file.find_from(
                file.find_from(0, "[[all_occupations.pay]]"),
                &format!("year = {}", typed.year),
            );
            self.push(file.error(at, format!("the all-occupations pay of May {} comes from the OEWS files in content/oews/ (May {}); remove this entry", typed.year, oews.year)));
            return;
        }
        let Some(all) = oews.nation(ALL_SOC) else {
            self.push(file.error(0, format!("the OEWS files have no national estimate for all occupations ({ALL_SOC}); every comparison needs it")));
            return;
        };
        if let Some(annual) = all.whole(Datatype::AnnualMedian) {
            baseline.pay.insert(
                0,
                Pay {
                    annual,
                    hourly: all
                        .get(Datatype::HourlyMedian)
                        .and_then(crate::content::oews::Value::exact),
                    p10: None,
                    p90: None,
                    year: oews.year,
                    source: oews.source.clone(),
                },
            );
        }
    }

    /// `ui/<lang>.toml`: the interface words.
    pub(super) fn ui(&mut self, lang: &str) -> Option<Ui> {
        let path = self.root.join("ui").join(format!("{lang}.toml"));
        let (file, ui) = self.toml_file::<Ui>(&path)?;
        for (key, message) in ui.slot_problems() {
            // Keys repeat between tables (`title`): look in the key's own.
            let (group, last) = key.split_once('.').unwrap_or(("", &key));
            let table = file.find_from(0, &format!("\n[{group}]"));
            let at = file.find_from(table, &format!("\n{last} ="));
            self.push(file.error(at + 1, message));
        }
        if ui.lang != lang {
            let at = file.find_from(0, "lang");
            self.push(file.error(
                at,
                format!(
                    "this file is for `{lang}` (its name), but says `lang = \"{}\"`",
                    ui.lang
                ),
            ));
        }
        Some(ui)
    }

    fn baseline(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        raw: model::BaselineFile,
    ) -> Baseline {
        let mut pay: Vec<Pay> = raw
            .pay
            .into_iter()
            .map(|p| self.pay(file, sources, p, None))
            .collect();
        let mut growth: Vec<Growth> = raw
            .growth
            .into_iter()
            .map(|g| self.growth(file, sources, g, None))
            .collect();
        self.newest_first_unique(file, &mut pay, |p| p.year, "pay", "year");
        self.newest_first_unique(file, &mut growth, |g| g.from, "growth", "period");
        Baseline { pay, growth }
    }

    /// Every folder in `content/pathways/` is a pathway.
    fn pathways(&mut self, site: &mut Site) -> Vec<Pathway> {
        let dir = self.root.join("pathways");
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(_) => {
                self.push(file_error(
                    &dir,
                    "is missing; each pathway lives in content/pathways/<slug>/",
                ));
                return Vec::new();
            }
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        dirs.retain(|d| self.inside_root(d));
        let mut out = Vec::new();
        let mut aliases: HashMap<String, PathBuf> = HashMap::new();
        for d in dirs {
            let slug = d
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !is_valid_id(&slug) {
                self.push(file_error(&d, format!("the folder name `{slug}` is the pathway's URL; use only lowercase letters, digits and hyphens")));
                continue;
            }
            if let Some(p) = self.pathway(site, &d, slug, &mut aliases) {
                out.push(p);
            }
        }
        if out.is_empty() && !self.diags.has_errors() {
            self.push(file_error(
                &dir,
                "has no pathways; add a folder with a pathway.toml",
            ));
        }
        out
    }
}

/// An address on a domain kept for examples (`.example`, `.invalid`,
/// `example.com`, `example.org`, `example.net`): no one reads its mail.
fn is_placeholder_address(address: &str) -> bool {
    let rest = address
        .strip_prefix("mailto:")
        .or_else(|| address.strip_prefix("https://"))
        .unwrap_or(address);
    let host = rest
        .rsplit_once('@')
        .map_or(rest, |(_, h)| h)
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    [".example", ".invalid"].iter().any(|t| host.ends_with(t))
        || ["example.com", "example.org", "example.net"]
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

#[cfg(test)]
mod placeholder_tests {
    use super::is_placeholder_address;

    #[test]
    fn example_domains_are_placeholders() {
        assert!(is_placeholder_address(
            "mailto:corrections@pathways.example"
        ));
        assert!(is_placeholder_address("mailto:fixes@example.org"));
        assert!(is_placeholder_address("https://www.example.com/report"));
        assert!(!is_placeholder_address("mailto:editors@pathways.org"));
        assert!(!is_placeholder_address("https://counterexample.com/"));
    }
}

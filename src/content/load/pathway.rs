//! pathway.toml: the pathway, its occupations and history groups with their
//! dated figures, aliases, the key figure and the first steps.

use super::Loader;
use crate::content::figures::{self, FigureName};
use crate::content::oews::{Datatype, Oews, Value};
use crate::content::words::{self, PathwayFile};
use crate::content::{Count, Date, Group, Industry, Link, LinkRef, Pathway, Pay, Site};
use crate::diag::SourceFile;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

impl Loader {
    pub(super) fn pathway(
        &mut self,
        site: &mut Site,
        dir: &Path,
        slug: String,
        aliases: &mut HashMap<String, PathBuf>,
    ) -> Option<Pathway> {
        let (file, raw): (Arc<SourceFile>, PathwayFile) =
            self.toml_file(&dir.join("pathway.toml"))?;
        let reviewed = raw.last_reviewed.get_ref();
        let last_reviewed = match reviewed.date {
            Some(d) if reviewed.time.is_none() => Date {
                year: i32::from(d.year),
                month: d.month,
                day: d.day,
            },
            _ => {
                self.push(file.error(
                    raw.last_reviewed.span().start,
                    "`last_reviewed` must be a date like 2026-11-24",
                ));
                Date {
                    year: 1970,
                    month: 1,
                    day: 1,
                }
            }
        };
        self.check_description(&file, &raw.description);
        for a in &raw.aliases {
            let path = a.get_ref();
            // Paths the site serves are refused with the rendered pages
            // (`pages::check::aliases`), from the page registry.
            if !path.starts_with('/')
                || path.len() < 2
                || !path[1..]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                self.push(file.error(a.span().start, format!("the alias `{path}` must be a short path like `/him` (letters, digits, hyphens)")));
            } else if let Some(other) = aliases.insert(path.to_ascii_lowercase(), file.path.clone())
            {
                self.push(file.error(
                    a.span().start,
                    format!("the alias `{path}` is already used by {}", other.display()),
                ));
            }
        }
        let review_year = Some(last_reviewed.year);
        let mut groups = Vec::new();
        let mut ids = HashSet::new();
        let occupations = raw.occupations.into_iter().map(|g| (g, false));
        let history = raw.history.into_iter().map(|g| (g, true));
        for (g, is_history) in occupations.chain(history) {
            if !ids.insert(g.id.get_ref().clone()) {
                self.push(file.error(
                    g.id.span().start,
                    format!("the id `{}` is listed twice", g.id.get_ref()),
                ));
            }
            // History is old on purpose: no age warning.
            let review = if is_history { None } else { review_year };
            let oews = site.oews.clone();
            let mut group = self.group(&file, &site.sources, g, is_history, review);
            if let (Some(oews), false) = (oews, is_history) {
                self.figures_from_oews(&file, &oews, &mut group);
            }
            groups.push(group);
        }
        if raw.last_reviewed.get_ref().date.is_some() && raw.last_reviewed.get_ref().time.is_none()
        {
            self.check_reviewed(&file, &raw.last_reviewed, &last_reviewed, &groups);
        }
        if !groups.iter().any(|g| !g.history) {
            self.push(file.error(0, "a pathway needs at least one [[occupations]] entry"));
            return None;
        }
        let first_steps = raw
            .first_steps
            .into_iter()
            .map(|l| self.data_link(site, &file, l))
            .collect();
        let prefix = format!("/pathways/{slug}/");
        let mut handout = Vec::new();
        for h in &raw.handout {
            let parts = h
                .get_ref()
                .strip_prefix(&prefix)
                .and_then(|rest| rest.split_once('#'));
            match parts {
                Some((section, id)) if !section.is_empty() && !id.is_empty() => {
                    site.links.push(LinkRef {
                        file: file.clone(),
                        offset: h.span().start,
                        href: h.get_ref().clone(),
                    });
                    handout.push((section.to_string(), id.to_string()));
                }
                _ => self.push(file.error(
                    h.span().start,
                    format!("a handout part is a link to a heading of a section of this pathway, like `{prefix}<section>#<heading-id>`"),
                )),
            }
        }
        let mut pathway = Pathway {
            slug: slug.clone(),
            prefix: String::new(),
            title: raw.title,
            short_title: raw.short_title,
            summary: raw.summary,
            description: raw.description.into_inner(),
            aliases: raw
                .aliases
                .into_iter()
                .map(|a| LinkRef {
                    file: file.clone(),
                    offset: a.span().start,
                    href: a.into_inner(),
                })
                .collect(),
            last_reviewed,
            key_figure: FigureName {
                group: String::new(),
                field: figures::Field::MedianPay,
                year: None,
            },
            groups,
            sections: Vec::new(),
            career_map: None,
            self_check: None,
            first_steps,
            handout,
            state_pay: false,
        };
        pathway.state_pay = site.oews.as_ref().is_some_and(|o| {
            pathway
                .occupations()
                .any(|g| g.soc.as_deref().is_some_and(|soc| o.has(soc)))
        });
        if let Some(name) = self.figure_name(&file, &raw.key_figure, &pathway, site) {
            pathway.key_figure = name;
        }
        pathway.career_map = self.career_map(dir, &pathway);
        pathway.self_check = self.self_check(site, dir);
        pathway.sections = self.sections(site, dir, &file, &raw.sections, &pathway);
        Some(pathway)
    }

    /// `last_reviewed` is a plausible date: not in the future (a day's
    /// slack for time zones), and not before the data year of a current
    /// figure (a date that early would silence every out-of-date warning).
    fn check_reviewed(
        &mut self,
        file: &SourceFile,
        at: &Spanned<toml::value::Datetime>,
        date: &Date,
        groups: &[Group],
    ) {
        let at = at.span().start;
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        let (y, m, d) = crate::util::log::civil(days + 1);
        let tomorrow = (i64::try_from(y).unwrap_or(i64::MAX), m, d);
        let given = (
            i64::from(date.year),
            u64::from(date.month),
            u64::from(date.day),
        );
        let newest = groups
            .iter()
            .filter(|g| !g.history)
            .flat_map(|g| {
                g.pay
                    .iter()
                    .map(|p| p.year)
                    .chain(g.jobs.iter().map(|c| c.year))
                    .chain(g.openings.iter().map(|c| c.year))
                    .chain(g.growth.iter().map(|x| x.from))
                    .chain(g.industries.iter().map(|i| i.year))
                    .chain(g.entry_education.iter().map(|e| e.year))
            })
            .max();
        if given > tomorrow {
            self.push(file.error(
                at,
                format!("`last_reviewed` {} is in the future; write the date the figures were last checked", date.iso()),
            ));
        } else if date.year < 1900 {
            self.push(file.error(
                at,
                format!("`last_reviewed` {} is not a plausible date; write the date the figures were last checked", date.iso()),
            ));
        } else if let Some(newest) = newest.filter(|&n| date.year < n) {
            self.push(file.error(
                at,
                format!("`last_reviewed` {} is before {newest}, the data year of a figure in this file; write the date the figures were last checked", date.iso()),
            ));
        }
    }

    /// A `group.field[@year]` name in a data file: it must name a figure
    /// that exists.
    pub(super) fn figure_name(
        &mut self,
        file: &SourceFile,
        name: &Spanned<String>,
        pathway: &Pathway,
        site: &Site,
    ) -> Option<FigureName> {
        let parsed = FigureName::parse(name.get_ref())
            .and_then(|n| figures::find(&n, pathway, &site.baseline).map(|_| n));
        match parsed {
            Ok(n) => Some(n),
            Err(e) => {
                self.push(file.error(name.span().start, e));
                None
            }
        }
    }

    /// A link in a data file: kept for checking against rendered pages.
    pub(super) fn data_link(
        &mut self,
        site: &mut Site,
        file: &Arc<SourceFile>,
        l: words::LinkFile,
    ) -> Link {
        let href = l.href.get_ref();
        if href.starts_with('/') {
            site.links.push(LinkRef {
                file: file.clone(),
                offset: l.href.span().start,
                href: href.clone(),
            });
        } else {
            self.check_url(file, &l.href);
        }
        let mut link = Link {
            href: l.href.get_ref().clone(),
            ..Link::default()
        };
        l.apply(&mut link);
        link
    }

    /// An occupation's national figures of the OEWS year, from the files:
    /// pay (median, hourly, 10th and 90th percentiles), wage and salary
    /// jobs, and where the jobs are by industry. A figure typed by hand for
    /// that May year or later is an error: the files are the one source.
    fn figures_from_oews(&mut self, file: &SourceFile, oews: &Oews, group: &mut Group) {
        let Some(soc) = group.soc.clone() else {
            return;
        };
        let soc_at = file.find_from(
            file.find_from(0, &format!("id = \"{}\"", group.id)),
            &format!("\"{soc}\""),
        );
        let Some(nation) = oews.nation(&soc).filter(|_| oews.has(&soc)) else {
            self.push(file.error(soc_at, format!("the OEWS files in content/oews/ have no national estimates for {soc}; add the occupation's rows (`pathways trim-oews` keeps every SOC code the pathways name) or fix the code")));
            return;
        };
        if let Some(typed) = group.pay.iter().find(|p| p.year >= oews.year) {
            let at = file.find_from(soc_at, &format!("year = {}", typed.year));
            self.push(file.error(at, format!("pay of May {} for {soc} comes from the OEWS files (May {}); remove this entry and keep only older years", typed.year, oews.year)));
        }
        let year = oews.year;
        let source = oews.source.clone();
        if let Some(annual) = nation.whole(Datatype::AnnualMedian) {
            let (p10, p90) = match (
                nation.whole(Datatype::Annual10),
                nation.whole(Datatype::Annual90),
            ) {
                (Some(lo), Some(hi)) => (Some(lo), Some(hi)),
                _ => (None, None),
            };
            group.pay.insert(
                0,
                Pay {
                    annual,
                    hourly: nation.get(Datatype::HourlyMedian).and_then(Value::exact),
                    p10,
                    p90,
                    year,
                    source: source.clone(),
                },
            );
        }
        if let Some(value) = nation.whole(Datatype::Employment) {
            group.employment.push(Count {
                value,
                year,
                source: source.clone(),
            });
        }
        let by_industry = oews.by_industry(&soc, INDUSTRY_LEVEL);
        if !by_industry.is_empty() {
            group.industries.retain(|i| i.year < year);
            let mut fresh: Vec<Industry> = by_industry
                .into_iter()
                .filter_map(|(ind, e)| {
                    Some(Industry {
                        name: ind.name.clone(),
                        jobs: e.whole(Datatype::Employment)?,
                        year,
                        source: source.clone(),
                    })
                })
                .take(INDUSTRIES_SHOWN)
                .collect();
            fresh.append(&mut group.industries);
            group.industries = fresh;
        }
    }
}

/// The industries of an occupation shown from the OEWS files: BLS's
/// four-digit industries (display level 4), the largest first.
const INDUSTRY_LEVEL: u8 = 4;
const INDUSTRIES_SHOWN: usize = 5;

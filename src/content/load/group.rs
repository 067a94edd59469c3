//! An occupation or a history group of pathway.toml, with its dated
//! figures.

use super::Loader;
use crate::content::words;
use crate::content::{Count, Education, Group, Growth, Industry, Pay, Source};
use crate::diag::SourceFile;
use crate::util::text::is_valid_id;
use std::collections::BTreeMap;
use toml::Spanned;

impl Loader {
    pub(super) fn group(
        &mut self,
        file: &SourceFile,
        sources: &BTreeMap<String, Source>,
        g: words::GroupFile,
        history: bool,
        review: Option<i32>,
    ) -> Group {
        let mut words = Group::default();
        g.apply(&mut words);
        if !is_valid_id(g.id.get_ref()) {
            self.push(file.error(
                g.id.span().start,
                "an id may use only lowercase letters, digits and hyphens",
            ));
        }
        match &g.soc {
            Some(soc) if !is_soc(soc.get_ref()) => self.push(file.error(
                soc.span().start,
                format!("`{}` is not a SOC code; write it like 29-2072", soc.get_ref()),
            )),
            None if !history => self.push(file.error(
                g.id.span().start,
                "an occupation needs its `soc` code: its figures are for exactly that code (older or broader groups go under [[history]])",
            )),
            _ => {}
        }
        let entry_education = g.entry_education.map(|e| {
            self.figure_meta(file, sources, &e.source, &e.year, review);
            let mut education = Education {
                year: *e.year.get_ref(),
                source: e.source.get_ref().clone(),
                ..Education::default()
            };
            e.apply(&mut education);
            education
        });
        if history {
            let cited = g.pay.iter().map(|p| &p.source);
            let cited = cited
                .chain(g.jobs.iter().map(|c| &c.source))
                .chain(g.growth.iter().map(|x| &x.source))
                .chain(g.openings.iter().map(|c| &c.source));
            let mut seen = std::collections::HashSet::new();
            for source in cited {
                if seen.insert(source.get_ref().clone()) {
                    self.history_on_live_page(file, sources, source);
                }
            }
        }
        // Only the newest figure of each kind can be "out of date": older
        // entries are kept as dated history on purpose.
        let newest = |list: &[i32], y: i32| list.iter().max() == Some(&y);
        let pay_years: Vec<i32> = g.pay.iter().map(|p| *p.year.get_ref()).collect();
        let mut pay: Vec<Pay> = g
            .pay
            .into_iter()
            .map(|p| {
                let r = review.filter(|_| newest(&pay_years, *p.year.get_ref()));
                self.pay(file, sources, p, r)
            })
            .collect();
        let mut jobs: Vec<Count> = g
            .jobs
            .into_iter()
            .map(|c| self.count(file, sources, c, review))
            .collect();
        let mut growth: Vec<Growth> = g
            .growth
            .into_iter()
            .map(|x| self.growth(file, sources, x, review))
            .collect();
        let mut openings: Vec<Count> = g
            .openings
            .into_iter()
            .map(|c| self.count(file, sources, c, review))
            .collect();
        let industries = g
            .industries
            .into_iter()
            .map(|i| {
                self.figure_meta(file, sources, &i.source, &i.year, None);
                self.within(file, &i.jobs, super::figures::MAX_COUNT, "a number of jobs");
                Industry {
                    name: i.name,
                    jobs: *i.jobs.get_ref(),
                    year: *i.year.get_ref(),
                    source: i.source.into_inner(),
                }
            })
            .collect();
        self.newest_first_unique(file, &mut pay, |p| p.year, "pay", "year");
        self.newest_first_unique(file, &mut jobs, |c| c.year, "jobs", "year");
        self.newest_first_unique(file, &mut growth, |x| x.from, "growth", "period");
        self.newest_first_unique(file, &mut openings, |c| c.year, "openings", "year");
        Group {
            id: g.id.into_inner(),
            soc: g.soc.map(Spanned::into_inner),
            onet: g.onet,
            credentials: g.credentials,
            history,
            entry_education,
            pay,
            jobs,
            employment: Vec::new(),
            growth,
            openings,
            industries,
            ..words
        }
    }
}

fn is_soc(soc: &str) -> bool {
    soc.len() == 7
        && soc.as_bytes()[2] == b'-'
        && soc
            .chars()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

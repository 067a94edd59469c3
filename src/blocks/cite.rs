//! Source markers: every figure on a page carries a numbered marker that
//! links to its entry in the page's source list. Entries are numbered in
//! the order a page first cites them; each names the publisher, the page
//! or table (and edition) and the data years of the figures that cite it.

use crate::content::{Site, Source};
use std::cell::RefCell;

/// One entry of a page's source list.
#[derive(Debug, Clone)]
pub(crate) struct Cited<'a> {
    pub(crate) n: usize,
    /// The entry's id on the page (`src-1`, or with the page's prefix).
    pub(crate) id: String,
    pub(crate) source: &'a Source,
    /// The data years of the figures citing it, as readers see them.
    pub(crate) years: Vec<String>,
    /// The oldest data year cited from it.
    pub(crate) oldest: Option<i32>,
}

/// The sources a page cites, collected while it renders.
#[derive(Debug)]
pub(crate) struct Citations<'a> {
    site: &'a Site,
    prefix: String,
    entries: RefCell<Vec<Cited<'a>>>,
    /// Occupations whose figures the page shows (for structured data).
    groups: RefCell<Vec<String>>,
}

impl<'a> Citations<'a> {
    pub(crate) fn new(site: &'a Site, prefix: &str) -> Self {
        Self {
            site,
            prefix: prefix.to_string(),
            entries: RefCell::new(Vec::new()),
            groups: RefCell::new(Vec::new()),
        }
    }

    /// Continue a list begun elsewhere (a section's body, rendered earlier).
    pub(crate) fn seeded(site: &'a Site, prefix: &str, list: Vec<Cited<'a>>) -> Self {
        Self {
            site,
            prefix: prefix.to_string(),
            entries: RefCell::new(list),
            groups: RefCell::new(Vec::new()),
        }
    }

    /// Cite `source` for a figure of `year` (words: "May 2024"); returns
    /// the marker's number and the entry's id.
    pub(crate) fn cite(
        &self,
        source: &str,
        year: &str,
        data_year: Option<i32>,
    ) -> Option<(usize, String)> {
        let src = self.site.sources.get(source)?;
        let mut entries = self.entries.borrow_mut();
        if let Some(e) = entries.iter_mut().find(|e| e.source.id == source) {
            if !year.is_empty() && !e.years.iter().any(|y| y == year) {
                e.years.push(year.to_string());
            }
            e.oldest = match (e.oldest, data_year) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            return Some((e.n, e.id.clone()));
        }
        let n = entries.len() + 1;
        let id = format!("{}src-{n}", self.prefix);
        entries.push(Cited {
            n,
            id: id.clone(),
            source: src,
            years: if year.is_empty() {
                Vec::new()
            } else {
                vec![year.to_string()]
            },
            oldest: data_year,
        });
        Some((n, id))
    }

    /// Sources the page relies on for its words, listed after the cited ones.
    pub(crate) fn also(&self, ids: &[String]) {
        for id in ids {
            let _ = self.cite(id, "", None);
        }
    }

    /// Note that the page shows figures of this occupation.
    pub(crate) fn shows(&self, group: &str) {
        let mut groups = self.groups.borrow_mut();
        if !groups.iter().any(|g| g == group) {
            groups.push(group.to_string());
        }
    }

    /// The occupations whose figures the page shows.
    pub(crate) fn groups(&self) -> Vec<String> {
        self.groups.borrow().clone()
    }

    /// The list, in marker order.
    pub(crate) fn list(&self) -> Vec<Cited<'a>> {
        self.entries.borrow().clone()
    }
}

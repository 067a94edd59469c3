//! BLS's Occupational Employment and Wage Statistics (OEWS), read from
//! BLS's own flat files (`content/oews/oe.*`): one May year of estimates
//! for every area (nation, states and territories, metropolitan and
//! nonmetropolitan areas) and, nationally, by industry. Nothing here is
//! typed by hand: an editor refreshes every figure by replacing the files.
//!
//! A value BLS did not publish stays [`Value::NotReleased`]; a top-coded
//! wage (footnote 5) is [`Value::AtLeast`]; a series with no row is `None`.
//! Pages say each in words, never as 0 or a guess.

use std::collections::HashMap;

/// The datatypes of an OEWS series the pages use (the last two digits of
/// its id). The rest (relative standard errors, means, the 25th and 75th
/// hourly percentiles) are checked when read but not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datatype {
    Employment = 1,
    HourlyMedian = 8,
    Annual10 = 11,
    Annual25 = 12,
    AnnualMedian = 13,
    Annual75 = 14,
    Annual90 = 15,
    PerThousand = 16,
    LocationQuotient = 17,
}

/// How many datatypes BLS publishes (01 to 17).
pub const DATATYPES: usize = 17;

/// The kept datatypes, in slot order, with the factor each is stored at
/// (cents for hourly wages, thousandths for jobs per thousand, hundredths
/// for the location quotient; whole numbers otherwise).
const KEPT: [(Datatype, f64); 9] = [
    (Datatype::Employment, 1.0),
    (Datatype::HourlyMedian, 100.0),
    (Datatype::Annual10, 1.0),
    (Datatype::Annual25, 1.0),
    (Datatype::AnnualMedian, 1.0),
    (Datatype::Annual75, 1.0),
    (Datatype::Annual90, 1.0),
    (Datatype::PerThousand, 1000.0),
    (Datatype::LocationQuotient, 100.0),
];

fn slot(datatype: usize) -> Option<(usize, f64)> {
    KEPT.iter()
        .position(|(d, _)| *d as usize == datatype)
        .map(|i| (i, KEPT[i].1))
}

/// One estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Published(f64),
    /// BLS did not release it (`-`, footnote 8 and the like).
    NotReleased,
    /// Top-coded: at least this much (footnote 5).
    AtLeast(f64),
}

impl Value {
    /// The number, when BLS published one exactly.
    pub fn exact(self) -> Option<f64> {
        match self {
            Value::Published(v) => Some(v),
            _ => None,
        }
    }
}

/// A kept value, packed: `MISSING`, `NOT_RELEASED`, or the scaled number
/// with the top bit set when it is a top-coded "at least".
const MISSING: u32 = u32::MAX;
const NOT_RELEASED: u32 = u32::MAX - 1;
const AT_LEAST: u32 = 1 << 31;

/// The estimates of one occupation in one area and industry: 40 bytes
/// (a catalogue of every occupation in every area is about 470,000 of
/// them).
#[derive(Debug, Clone)]
pub struct Estimates {
    values: [u32; KEPT.len()],
    /// Which datatypes (01-17) the file had a row for: a second row for
    /// one is a duplicate.
    seen: u32,
}

impl Default for Estimates {
    fn default() -> Self {
        Self {
            values: [MISSING; KEPT.len()],
            seen: 0,
        }
    }
}

impl Estimates {
    /// `None` when the file has no row for this datatype.
    pub fn get(&self, d: Datatype) -> Option<Value> {
        let (i, factor) = slot(d as usize)?;
        match self.values[i] {
            MISSING => None,
            NOT_RELEASED => Some(Value::NotReleased),
            v if v & AT_LEAST != 0 => Some(Value::AtLeast(f64::from(v & !AT_LEAST) / factor)),
            v => Some(Value::Published(f64::from(v) / factor)),
        }
    }

    /// Record a row; `false` when this datatype was already recorded.
    pub(crate) fn set(&mut self, datatype: usize, v: Value) -> bool {
        let bit = 1u32 << datatype;
        let fresh = self.seen & bit == 0;
        self.seen |= bit;
        if let Some((i, factor)) = slot(datatype) {
            let pack = |x: f64| ((x * factor).round().clamp(0.0, f64::from(AT_LEAST - 1))) as u32;
            self.values[i] = match v {
                Value::NotReleased => NOT_RELEASED,
                Value::Published(x) => pack(x),
                Value::AtLeast(x) => pack(x) | AT_LEAST,
            };
        }
        fresh
    }

    /// No row recorded yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.seen == 0
    }

    /// Add the rows of `other` (the same series read further on); `false`
    /// when both have a row for one datatype.
    pub(crate) fn merge(&mut self, other: &Estimates) -> bool {
        let apart = self.seen & other.seen == 0;
        for (i, v) in other.values.iter().enumerate() {
            if *v != MISSING {
                self.values[i] = *v;
            }
        }
        self.seen |= other.seen;
        apart
    }

    /// A published value as a whole number (wages, counts).
    pub fn whole(&self, d: Datatype) -> Option<u32> {
        self.get(d)?
            .exact()
            .filter(|v| v.is_finite() && *v >= 0.0 && *v <= f64::from(u32::MAX))
            .map(|v| v.round() as u32)
    }
}

/// What kind of area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaKind {
    National,
    /// A state, the District of Columbia or a territory.
    State,
    /// A metropolitan or nonmetropolitan area.
    Metro,
}

/// An OEWS area.
#[derive(Debug, Clone)]
pub struct Area {
    /// BLS's 7-digit area code.
    pub code: String,
    pub kind: AreaKind,
    /// The FIPS code of its state (of its principal state, for an area
    /// that crosses state lines).
    pub fips: String,
    pub name: String,
    /// The area's URL segment, from its name (`new-york`).
    pub slug: String,
}

/// An occupation in the files.
#[derive(Debug, Clone)]
pub struct Occupation {
    /// `29-2072`; `00-0000` is all occupations.
    pub soc: String,
    pub name: String,
}

/// An industry in the files.
#[derive(Debug, Clone)]
pub struct IndustryName {
    pub code: String,
    pub name: String,
    /// BLS's display level: 0 cross-industry, 2 sector, 3 to 5 narrower.
    pub level: u8,
}

/// The SOC code of all occupations together.
pub const ALL_SOC: &str = "00-0000";
/// The industry code of cross-industry estimates.
pub const ALL_INDUSTRIES: &str = "000000";

/// One May release of OEWS estimates.
#[derive(Debug, Clone, Default)]
pub struct Oews {
    /// The May year of every estimate.
    pub year: i32,
    /// The source id (in sources.toml) every figure cites.
    pub source: String,
    pub areas: Vec<Area>,
    pub occupations: Vec<Occupation>,
    pub industries: Vec<IndustryName>,
    /// (area, occupation, industry) indexes → estimates.
    pub(crate) cells: HashMap<(u16, u16, u16), Estimates>,
    /// Lookups made once the files are read ([`Oews::index`]).
    pub(crate) occupation_at: HashMap<String, u16>,
    pub(crate) industry_at: HashMap<String, u16>,
    /// Occupations with any estimate.
    pub(crate) with_data: Vec<bool>,
    /// The industries of each occupation's national estimates.
    pub(crate) industries_of: HashMap<u16, Vec<u16>>,
    pub(crate) national_at: Option<usize>,
}

impl Oews {
    /// Make the lookups, once every row is read.
    pub(crate) fn index(&mut self) {
        self.occupation_at = self
            .occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.soc.clone(), i as u16))
            .collect();
        self.industry_at = self
            .industries
            .iter()
            .enumerate()
            .map(|(i, x)| (x.code.clone(), i as u16))
            .collect();
        self.national_at = self.areas.iter().position(|a| a.kind == AreaKind::National);
        self.with_data = vec![false; self.occupations.len()];
        self.industries_of.clear();
        let cross = self.industry_at.get(ALL_INDUSTRIES).copied();
        for &(a, o, i) in self.cells.keys() {
            self.with_data[usize::from(o)] = true;
            if Some(usize::from(a)) == self.national_at && Some(i) != cross {
                self.industries_of.entry(o).or_default().push(i);
            }
        }
    }

    pub fn occupation_index(&self, soc: &str) -> Option<usize> {
        self.occupation_at.get(soc).map(|&i| usize::from(i))
    }

    fn industry_index(&self, code: &str) -> Option<usize> {
        self.industry_at.get(code).map(|&i| usize::from(i))
    }

    /// Cross-industry estimates of `soc` in the area at `area`.
    pub fn get(&self, area: usize, soc: &str) -> Option<&Estimates> {
        let occ = self.occupation_index(soc)?;
        let ind = self.industry_index(ALL_INDUSTRIES)?;
        self.cells.get(&(area as u16, occ as u16, ind as u16))
    }

    /// Whether the files hold any estimate of `soc` at all.
    pub fn has(&self, soc: &str) -> bool {
        self.occupation_index(soc)
            .is_some_and(|occ| self.with_data.get(occ).copied().unwrap_or(false))
    }

    /// The national area's index.
    pub fn national(&self) -> Option<usize> {
        self.national_at
            .or_else(|| self.areas.iter().position(|a| a.kind == AreaKind::National))
    }

    /// Cross-industry national estimates of `soc`.
    pub fn nation(&self, soc: &str) -> Option<&Estimates> {
        self.get(self.national()?, soc)
    }

    /// States, DC and territories, by name.
    pub fn states(&self) -> Vec<(usize, &Area)> {
        let mut out: Vec<(usize, &Area)> = self
            .areas
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == AreaKind::State)
            .collect();
        out.sort_by(|a, b| a.1.name.cmp(&b.1.name));
        out
    }

    /// The state with this URL segment.
    pub fn state_by_slug(&self, slug: &str) -> Option<usize> {
        self.areas
            .iter()
            .position(|a| a.kind == AreaKind::State && a.slug == slug)
    }

    /// The metropolitan and nonmetropolitan areas in a state: those whose
    /// principal state it is, and those whose name lists its postal code
    /// (`Allentown-Bethlehem-Easton, PA-NJ` is in New Jersey too).
    pub fn metros_of(&self, state: usize, postal: Option<&str>) -> Vec<(usize, &Area)> {
        let fips = &self.areas[state].fips;
        let mut out: Vec<(usize, &Area)> = self
            .areas
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == AreaKind::Metro)
            .filter(|(_, a)| {
                &a.fips == fips
                    || postal.is_some_and(|p| {
                        a.name
                            .rsplit_once(", ")
                            .is_some_and(|(_, codes)| codes.split('-').any(|c| c == p))
                    })
            })
            .collect();
        out.sort_by(|a, b| a.1.name.cmp(&b.1.name));
        out
    }

    /// National estimates of `soc` by industry at one display level,
    /// largest employment first.
    pub fn by_industry(&self, soc: &str, level: u8) -> Vec<(&IndustryName, &Estimates)> {
        let (Some(occ), Some(nation)) = (self.occupation_index(soc), self.national()) else {
            return Vec::new();
        };
        let mut out: Vec<(&IndustryName, &Estimates)> = self
            .industries_of
            .get(&(occ as u16))
            .into_iter()
            .flatten()
            .filter_map(|&i| {
                let ind = &self.industries[usize::from(i)];
                let e = self.cells.get(&(nation as u16, occ as u16, i))?;
                (ind.level == level && !self.is_ownership_split(ind)).then_some((ind, e))
            })
            .collect();
        out.sort_by(|a, b| {
            let jobs = |e: &Estimates| e.whole(Datatype::Employment).unwrap_or(0);
            jobs(b.1)
                .cmp(&jobs(a.1))
                .then_with(|| a.0.name.cmp(&b.0.name))
        });
        out
    }
}

impl Oews {
    /// An industry split by ownership (`611002 Educational Services, State
    /// Government Owned` under `611000`): it overlaps its parent, so lists
    /// of industries leave it out. BLS codes such a split by putting a
    /// digit in place of its parent's last `0`.
    fn is_ownership_split(&self, ind: &IndustryName) -> bool {
        let Some(last) = ind.code.chars().last() else {
            return false;
        };
        if !('1'..='9').contains(&last) {
            return false;
        }
        let parent = format!("{}0", &ind.code[..ind.code.len() - 1]);
        self.industries.iter().any(|i| i.code == parent)
    }
}

/// A URL segment from a place name: `District of Columbia` →
/// `district-of-columbia`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(slug("District of Columbia"), "district-of-columbia");
        assert_eq!(slug("Virgin Islands"), "virgin-islands");
        assert_eq!(slug("Texas"), "texas");
    }
}

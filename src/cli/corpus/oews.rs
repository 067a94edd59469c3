//! OEWS files for a generated corpus, the way BLS publishes them for a
//! whole catalogue: one data file with every occupation of the catalogue
//! in every area (BLS's real area list), all 17 datatypes, a few national
//! industries each, in BLS's flat-file layout. With about 800 occupations
//! it is about the size of BLS's own file (~330 MB). Pathways share the
//! catalogue's SOC codes.

use std::fs;
use std::io::{self, BufWriter, Write as _};
use std::path::Path;

/// BLS's own area, industry, datatype and footnote lists (copied from the
/// bundled content).
const AREAS: &str = include_str!("../../../content/oews/oe.area");
const INDUSTRIES: &str = include_str!("../../../content/oews/oe.industry");
const DATATYPES: &str = include_str!("../../../content/oews/oe.datatype");
const FOOTNOTES: &str = include_str!("../../../content/oews/oe.footnote");
/// Each state's square on the tile map.
pub(super) const PLACES: &str = include_str!("../../../content/places.toml");

/// The catalogue's SOC codes: `n` distinct codes, deterministic.
pub(super) fn catalogue(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("{}-{:04}", 11 + (i % 43), 1000 + (i * 7919) % 9000))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .chain((0..n).map(|i| format!("{}-{:04}", 11 + (i % 43), 1000 + i)))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .take(n)
        .collect()
}

/// A deterministic pseudo-random number in `0..m` from a key.
fn mix(a: u64, b: u64, m: u64) -> u64 {
    let mut x = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 32;
    x % m.max(1)
}

/// Write `dir/oews/` for the SOC codes of `socs`.
pub(super) fn write(dir: &Path, socs: &[String]) -> io::Result<()> {
    let out = dir.join("oews");
    fs::create_dir_all(&out)?;
    fs::write(out.join("oe.area"), AREAS)?;
    fs::write(out.join("oe.industry"), INDUSTRIES)?;
    fs::write(out.join("oe.datatype"), DATATYPES)?;
    fs::write(out.join("oe.footnote"), FOOTNOTES)?;
    let mut occ = String::from(
        "occupation_code\toccupation_name\tdisplay_level\n000000\tAll Occupations\t0\n",
    );
    for (i, s) in socs.iter().enumerate() {
        occ.push_str(&format!(
            "{}\tGenerated occupation {i}\t3\n",
            s.replace('-', "")
        ));
    }
    fs::write(out.join("oe.occupation"), occ)?;
    let areas: Vec<(char, &str)> = AREAS
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((f.get(2)?.chars().next()?, *f.get(1)?))
        })
        .collect();
    let industries: Vec<&str> = INDUSTRIES
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.get(2) == Some(&"4")).then(|| f[0])
        })
        .collect();
    let mut w = BufWriter::with_capacity(1 << 20, fs::File::create(out.join("oe.data.0.Current"))?);
    writeln!(w, "series_id\tyear\tperiod\tvalue\tfootnote_codes")?;
    let codes: Vec<String> = std::iter::once("000000".to_string())
        .chain(socs.iter().map(|s| s.replace('-', "")))
        .collect();
    for (ai, &(kind, area)) in areas.iter().enumerate() {
        for (oi, code) in codes.iter().enumerate() {
            let withheld = oi > 0 && mix(ai as u64, oi as u64, 40) == 0;
            series(&mut w, kind, area, "000000", code, ai, oi, withheld)?;
        }
    }
    // National estimates by industry: a few industries per occupation.
    for (oi, code) in codes.iter().enumerate().skip(1) {
        let start = mix(oi as u64, 1, industries.len() as u64) as usize;
        for k in 0..4 {
            let ind = industries[(start + k * 37) % industries.len()];
            series(&mut w, 'N', "0000000", ind, code, 10_000 + k, oi, false)?;
        }
    }
    w.flush()
}

/// The 17 rows of one occupation in one area and industry.
#[allow(clippy::too_many_arguments)]
fn series(
    w: &mut impl io::Write,
    kind: char,
    area: &str,
    industry: &str,
    code: &str,
    ai: usize,
    oi: usize,
    withheld: bool,
) -> io::Result<()> {
    let median = 30_000 + mix(ai as u64 + 7, oi as u64, 90_000) as u32;
    let jobs = 50 + mix(oi as u64, ai as u64 + 3, 20_000) as u32;
    let annual = |f: f64| (f64::from(median) * f).round() / 10.0 * 10.0;
    let values: [String; 17] = [
        jobs.to_string(),
        "2.5".into(),
        format!("{:.2}", annual(1.1) / 2080.0),
        format!("{:.0}", annual(1.1)),
        "1.1".into(),
        format!("{:.2}", annual(0.62) / 2080.0),
        format!("{:.2}", annual(0.8) / 2080.0),
        format!("{:.2}", f64::from(median) / 2080.0),
        format!("{:.2}", annual(1.25) / 2080.0),
        format!("{:.2}", annual(1.6) / 2080.0),
        format!("{:.0}", annual(0.62)),
        format!("{:.0}", annual(0.8)),
        median.to_string(),
        format!("{:.0}", annual(1.25)),
        format!("{:.0}", annual(1.6)),
        format!("{:.2}", f64::from(jobs) / 800.0),
        format!("{:.2}", 0.5 + mix(oi as u64, ai as u64, 100) as f64 / 100.0),
    ];
    for (d, v) in values.iter().enumerate() {
        let national_only = kind == 'N' && d >= 15;
        if national_only {
            continue;
        }
        let (value, note) = if withheld && matches!(d, 0 | 1 | 15 | 16) {
            ("-", "8")
        } else {
            (v.as_str(), "")
        };
        writeln!(
            w,
            "OEU{kind}{area}{industry}{code}{:02}\t2025\tA01\t{value}\t{note}",
            d + 1
        )?;
    }
    Ok(())
}

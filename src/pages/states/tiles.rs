//! The pictures of the state pages: the tile map (one equal square per
//! state, placed by `content/places.toml`, shaded by median pay in five
//! equal steps) and the spread of pay as a bar from the 10th to the 90th
//! percentile. Positions are classes and SVG attributes, never inline
//! styles (the site's content security policy forbids them).

use super::words::{Words, place_of};
use crate::content::oews::{ALL_SOC, Datatype, Estimates, Oews, Value};
use crate::content::{Group, Pathway};
use crate::registry;
use crate::util::html::escape;
use crate::util::text::fill;

/// Shades of the map (`s1` lightest to `s5` darkest; `s0` no estimate).
const SHADES: usize = 5;

/// One square of the map.
pub(super) struct Tile {
    /// `r2 c0`: its row and column.
    pub(super) class: String,
    /// `s3`: its shade (on the link, so a focus ring is drawn against
    /// the page, not the square).
    pub(super) shade: String,
    pub(super) href: String,
    pub(super) postal: String,
    /// Read after the postal code by screen readers: " Texas" (the table
    /// below the map gives every state's figures with their sources).
    pub(super) label: String,
}

/// One entry of the map's key.
pub(super) struct KeyItem {
    pub(super) class: String,
    /// The shade's range with its source marker.
    pub(super) html: String,
}

/// The squares and key of the map of `soc`'s median pay.
pub(super) fn map(w: &Words<'_, '_, '_>, p: &Pathway, soc: &str) -> (Vec<Tile>, Vec<KeyItem>) {
    let oews = w.oews;
    let states = oews.states();
    let medians: Vec<f64> = states
        .iter()
        .filter_map(|&(i, _)| oews.get(i, soc)?.get(Datatype::AnnualMedian)?.exact())
        .collect();
    let lo = medians.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = medians.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let step = ((hi - lo) / SHADES as f64).max(1.0);
    let shade = |v: f64| (((v - lo) / step).floor() as usize).min(SHADES - 1) + 1;
    let tiles = states
        .iter()
        .filter_map(|&(i, a)| {
            let place = place_of(w.site, &a.fips)?;
            let e = oews.get(i, soc);
            let s = match e.and_then(|e| e.get(Datatype::AnnualMedian)) {
                Some(Value::Published(v)) => shade(v),
                Some(Value::AtLeast(_)) => SHADES,
                _ => 0,
            };
            Some(Tile {
                class: format!("r{} c{}", place.row, place.col),
                shade: format!("s{s}"),
                href: registry::state_path(p, &a.slug),
                postal: place.postal.clone(),
                label: format!(" {}", w.place_name(i)),
            })
        })
        .collect();
    let mut key: Vec<KeyItem> = if medians.is_empty() {
        Vec::new()
    } else {
        (0..SHADES)
            .map(|k| {
                let from = lo + step * k as f64;
                let to = if k + 1 == SHADES { hi } else { from + step };
                KeyItem {
                    class: format!("s{}", k + 1),
                    html: format!(
                        "{}{}",
                        escape(&fill(
                            &w.site.ui.states.key_range,
                            &[
                                ("low", &w.site.ui.numbers.money(from.round() as u32)),
                                ("high", &w.site.ui.numbers.money(to.round() as u32)),
                            ],
                        )),
                        w.marker()
                    ),
                }
            })
            .collect()
    };
    key.push(KeyItem {
        class: "s0".into(),
        html: escape(&w.site.ui.states.no_estimate),
    });
    (tiles, key)
}

/// The top of the spread pictures' common scale on a state's page: the
/// highest 90th percentile (or median) of its occupations and all jobs.
pub(super) fn spread_scale(oews: &Oews, area: usize, occs: &[(&Group, &str)]) -> f64 {
    let top = |e: Option<&Estimates>| {
        e.and_then(|e| {
            [Datatype::Annual90, Datatype::AnnualMedian]
                .into_iter()
                .find_map(|d| match e.get(d)? {
                    Value::Published(v) | Value::AtLeast(v) => Some(v),
                    Value::NotReleased => None,
                })
        })
        .unwrap_or(0.0)
    };
    occs.iter()
        .map(|&(_, soc)| top(oews.get(area, soc)))
        .chain(std::iter::once(top(oews.get(area, ALL_SOC))))
        .fold(1.0, f64::max)
}

/// The spread of pay as a bar: 10th to 90th percentile, the middle half
/// darker, a solid line at the median and a dashed one at all jobs'
/// median. Empty when BLS did not publish the percentiles. Decorative:
/// the sentence beside it says the same.
pub(super) fn spread_svg(e: Option<&Estimates>, all: Option<&Estimates>, scale: f64) -> String {
    const WIDTH: f64 = 400.0;
    let at = |e: Option<&Estimates>, d: Datatype| match e?.get(d)? {
        Value::Published(v) | Value::AtLeast(v) => Some(v / scale * WIDTH),
        Value::NotReleased => None,
    };
    let (Some(p10), Some(p25), Some(p50), Some(p75), Some(p90)) = (
        at(e, Datatype::Annual10),
        at(e, Datatype::Annual25),
        at(e, Datatype::AnnualMedian),
        at(e, Datatype::Annual75),
        at(e, Datatype::Annual90),
    ) else {
        return String::new();
    };
    let mut svg = format!(
        "<svg class=\"spread\" viewBox=\"0 0 {WIDTH} 32\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">\
<rect class=\"spread-outer\" x=\"{p10:.1}\" y=\"8\" width=\"{:.1}\" height=\"16\"/>\
<rect class=\"spread-inner\" x=\"{p25:.1}\" y=\"8\" width=\"{:.1}\" height=\"16\"/>\
<line class=\"spread-median\" x1=\"{p50:.1}\" x2=\"{p50:.1}\" y1=\"2\" y2=\"30\" vector-effect=\"non-scaling-stroke\"/>",
        (p90 - p10).max(1.0),
        (p75 - p25).max(1.0),
    );
    if let Some(base) = at(all, Datatype::AnnualMedian) {
        svg.push_str(&format!(
            "<line class=\"spread-all\" x1=\"{base:.1}\" x2=\"{base:.1}\" y1=\"0\" y2=\"32\" vector-effect=\"non-scaling-stroke\"/>"
        ));
    }
    svg.push_str("</svg>");
    svg
}

//! The career map diagram: inline SVG drawn on the server. Columns are
//! education levels from entry to senior; solid lines are steps up, dotted
//! lines are moves across. The page's lists are its text equivalent.

use crate::content::{CareerMap, MoveKind};
use crate::markdown::escape;
use std::collections::HashMap;
use std::fmt::Write as _;

const BOX_W: f32 = 200.0;
const BOX_H: f32 = 56.0;
const COL_GAP: f32 = 64.0;
const ROW_GAP: f32 = 22.0;
const TOP: f32 = 44.0;
const PAD: f32 = 12.0;

pub(super) fn career_map(map: &CareerMap) -> String {
    let levels: Vec<_> = map
        .levels
        .iter()
        .filter(|l| map.titles_at(&l.id).next().is_some())
        .collect();
    let mut pos: HashMap<&str, (f32, f32)> = HashMap::new();
    let mut max_rows = 0usize;
    for (col, level) in levels.iter().enumerate() {
        for (row, t) in map.titles_at(&level.id).enumerate() {
            let x = PAD + col as f32 * (BOX_W + COL_GAP);
            let y = TOP + row as f32 * (BOX_H + ROW_GAP);
            pos.insert(t.id.as_str(), (x, y));
            max_rows = max_rows.max(row + 1);
        }
    }
    let width = PAD * 2.0
        + 36.0
        + levels.len() as f32 * BOX_W
        + (levels.len().saturating_sub(1)) as f32 * COL_GAP;
    let height = TOP + max_rows as f32 * (BOX_H + ROW_GAP) + PAD;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"career-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"map-title map-desc\"><title id=\"map-title\">Career map diagram</title><desc id=\"map-desc\">Job titles in columns by education level, with lines for moves between them. The same information is listed below the diagram.</desc>"
    );
    s.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" class=\"arrowhead\"/></marker></defs>");
    for (col, level) in levels.iter().enumerate() {
        let x = PAD + col as f32 * (BOX_W + COL_GAP) + BOX_W / 2.0;
        let _ = write!(
            s,
            "<text class=\"level-label\" x=\"{x:.0}\" y=\"24\" text-anchor=\"middle\">{}</text>",
            escape(&level.name)
        );
    }
    // Lines first, so boxes sit on top of them.
    for t in &map.titles {
        let Some(&(x1, y1)) = pos.get(t.id.as_str()) else {
            continue;
        };
        for m in &t.moves {
            let Some(&(x2, y2)) = pos.get(m.to.as_str()) else {
                continue;
            };
            let class = match m.kind {
                MoveKind::Advance => "edge advance",
                MoveKind::Lateral => "edge lateral",
            };
            let d = if (x1 - x2).abs() < 1.0 {
                // Same column: a loop out to the right side.
                let (ya, yb) = (y1 + BOX_H / 2.0, y2 + BOX_H / 2.0);
                let xr = x1 + BOX_W;
                format!(
                    "M{xr:.0},{ya:.0} C{:.0},{ya:.0} {:.0},{yb:.0} {xr:.0},{yb:.0}",
                    xr + 28.0,
                    xr + 28.0
                )
            } else if x2 > x1 {
                let (xa, ya, xb, yb) = (x1 + BOX_W, y1 + BOX_H / 2.0, x2, y2 + BOX_H / 2.0);
                let mid = (xa + xb) / 2.0;
                format!("M{xa:.0},{ya:.0} C{mid:.0},{ya:.0} {mid:.0},{yb:.0} {xb:.0},{yb:.0}")
            } else {
                let (xa, ya, xb, yb) = (x1, y1 + BOX_H / 2.0, x2 + BOX_W, y2 + BOX_H / 2.0);
                let mid = (xa + xb) / 2.0;
                format!("M{xa:.0},{ya:.0} C{mid:.0},{ya:.0} {mid:.0},{yb:.0} {xb:.0},{yb:.0}")
            };
            let _ = write!(
                s,
                "<path class=\"{class}\" d=\"{d}\" marker-end=\"url(#arrow)\"/>"
            );
        }
    }
    for t in &map.titles {
        let Some(&(x, y)) = pos.get(t.id.as_str()) else {
            continue;
        };
        let _ = write!(
            s,
            "<rect class=\"node\" x=\"{x:.0}\" y=\"{y:.0}\" width=\"{BOX_W:.0}\" height=\"{BOX_H:.0}\" rx=\"8\"/>"
        );
        let lines = crate::share::wrap(&t.name, 24, 3);
        let cx = x + BOX_W / 2.0;
        let first_y = y + BOX_H / 2.0 - (lines.len() as f32 - 1.0) * 7.5 + 4.5;
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                s,
                "<text class=\"node-label\" x=\"{cx:.0}\" y=\"{:.0}\" text-anchor=\"middle\">{}</text>",
                first_y + i as f32 * 15.0,
                escape(line)
            );
        }
    }
    s.push_str("</svg>");
    s
}

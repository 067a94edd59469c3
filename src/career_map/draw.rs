//! SVG rendering of a career-map [`Layout`].
//!
//! No inline styles: everything is styled through classes by the site's
//! stylesheet (`static/site.css`). Hovering or focusing a title highlights its moves and the
//! titles they lead to, with pure CSS: each title's group holds hidden copies of
//! its moves and neighbours (class `hl`), shown by `:hover`/`:focus-within`.

use super::geometry::rounded;
use super::model::{
    LINE_HEIGHT, Layout, LevelBand, MapInput, MoveKind, Orientation, Point, RoutedEdge, TitleBox,
};
use std::fmt::Write;

/// Options for [`svg`].
pub(crate) struct SvgOpts<'a> {
    /// Prefix of every id in the SVG; unique per SVG on the page (e.g. "h", "v").
    pub id_prefix: &'a str,
    /// Accessible name (`<title>`).
    pub title: &'a str,
    /// Accessible description (`<desc>`).
    pub desc: &'a str,
    /// Link target for a title id, e.g. `#coder`.
    pub href: &'a dyn Fn(&str) -> String,
}

/// Escapes text for XML content and attribute values.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// SVG path data for a polyline with rounded corners.
fn path_d(points: &[Point]) -> String {
    let mut d = format!("M{:.1},{:.1}", points[0].0, points[0].1);
    for (s, q) in rounded(points) {
        let _ = write!(d, "L{:.1},{:.1}", s.0, s.1);
        if let Some((c, e)) = q {
            let _ = write!(d, "Q{:.1},{:.1} {:.1},{:.1}", c.0, c.1, e.0, e.1);
        }
    }
    d
}

/// Appends edge `e` as a path; `hl` gives the highlight copy shown on hover/focus.
fn edge(s: &mut String, pre: &str, e: &RoutedEdge, hl: bool) {
    let (cls, m) = if e.kind == MoveKind::Advance {
        ("advance", "ma")
    } else {
        ("lateral", "ml")
    };
    let (h, mh) = if hl { (" hl", "-hl") } else { ("", "") };
    let _ = write!(
        s,
        r#"<path class="edge {cls}{h}" d="{}" fill="none""#,
        path_d(&e.points)
    );
    if e.kind == MoveKind::Lateral {
        s.push_str(r#" stroke-dasharray="5 4""#);
    }
    let _ = write!(s, r#" marker-end="url(#{pre}-{m}{mh})""#);
    if e.two_way {
        let _ = write!(s, r#" marker-start="url(#{pre}-{m}{mh})""#);
    }
    s.push_str("/>");
}

/// Appends a title's box and its wrapped name.
fn node(s: &mut String, b: &TitleBox) {
    let r = b.rect;
    let _ = write!(
        s,
        r#"<rect class="node" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6"/>"#,
        r.x, r.y, r.w, r.h
    );
    let _ = write!(
        s,
        r#"<text class="node-label" font-size="14" text-anchor="middle">"#
    );
    for (i, l) in b.lines.iter().enumerate() {
        // A space between lines, so the link's text (its accessible name)
        // reads as the title's words, not "informationclerk".
        let sep = if i + 1 < b.lines.len() { " " } else { "" };
        let _ = write!(
            s,
            r#"<tspan x="{:.1}" y="{:.1}">{}{sep}</tspan>"#,
            r.x + r.w / 2.0,
            b.baseline(i),
            esc(l)
        );
    }
    s.push_str("</text>");
}

/// Draws the layout as a standalone, deterministic `<svg>` element.
pub(crate) fn svg(l: &Layout, input: &MapInput<'_>, o: &SvgOpts<'_>) -> String {
    let p = o.id_prefix;
    let dir = if l.orientation == Orientation::Horizontal {
        "h"
    } else {
        "v"
    };
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="career-svg career-svg-{dir}" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="group" aria-labelledby="{p}-title" aria-describedby="{p}-desc"><title id="{p}-title">{}</title><desc id="{p}-desc">{}</desc><defs>"#,
        esc(o.title),
        esc(o.desc),
        w = l.width.ceil(),
        h = l.height.ceil(),
    );
    markers(&mut s, p);
    s.push_str(r#"</defs><g class="levels">"#);
    l.levels.iter().for_each(|lv| level(&mut s, lv));
    s.push_str(r#"</g><g class="edges">"#);
    l.edges.iter().for_each(|e| edge(&mut s, p, e, false));
    s.push_str(r#"</g><g class="nodes">"#);
    for t in 0..l.boxes.len() {
        node_group(&mut s, l, t, (input, o));
    }
    s.push_str("</g></svg>");
    s
}

/// Appends the arrowheads: for advances and lateral moves, each plain and
/// highlighted.
fn markers(s: &mut String, p: &str) {
    for (m, kind, d) in [
        ("ma", "advance", "M0,0.5L8,4L0,7.5z"),
        ("ml", "lateral", "M1,0.5L7.5,4L1,7.5"),
    ] {
        for (suf, cls) in [("", "arrow"), ("-hl", "arrow-hl")] {
            let _ = write!(
                s,
                r#"<marker id="{p}-{m}{suf}" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="{cls} {kind}" d="{d}"/></marker>"#
            );
        }
    }
}

/// Appends a level's band and its wrapped label.
fn level(s: &mut String, lv: &LevelBand) {
    let b = lv.band;
    let _ = write!(
        s,
        r#"<rect class="level-band" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="10"/>"#,
        b.x, b.y, b.w, b.h
    );
    let anchor = if lv.centered { "middle" } else { "start" };
    let _ = write!(
        s,
        r#"<text class="level-label" font-size="14" text-anchor="{anchor}">"#
    );
    for (i, line) in lv.lines.iter().enumerate() {
        let _ = write!(
            s,
            r#"<tspan x="{:.1}" y="{:.1}">{}</tspan>"#,
            lv.x,
            lv.y + i as f64 * LINE_HEIGHT,
            esc(line)
        );
    }
    s.push_str("</text>");
}

/// Appends title `t`'s group: hidden highlight copies of its moves and of
/// the titles they join, then its linked box.
fn node_group(s: &mut String, l: &Layout, t: usize, (input, o): (&MapInput<'_>, &SvgOpts<'_>)) {
    s.push_str(r#"<g class="node-group">"#);
    let mine: Vec<&RoutedEdge> = l
        .edges
        .iter()
        .filter(|e| e.from == t || e.to == t)
        .collect();
    mine.iter().for_each(|e| edge(s, o.id_prefix, e, true));
    let mut neighbours: Vec<usize> = mine
        .iter()
        .map(|e| if e.from == t { e.to } else { e.from })
        .collect();
    neighbours.sort_unstable();
    neighbours.dedup();
    for n in neighbours {
        s.push_str(r#"<g class="hl hl-node" aria-hidden="true">"#);
        node(s, &l.boxes[n]);
        s.push_str("</g>");
    }
    let title = &input.titles[t];
    let _ = write!(s, r#"<a href="{}">"#, esc(&(o.href)(title.id)));
    node(s, &l.boxes[t]);
    s.push_str("</a></g>");
}

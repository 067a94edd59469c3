//! Plane geometry of the drawing: points, rectangles, corner-rounded
//! polylines, segment tests, and the crossing count and score that the
//! order search minimises.

use super::model::{Layout, Pt, RADIUS};

/// Corner-rounded form of a polyline: after the start point, each step is a
/// line to a point, optionally followed by a quadratic curve `(control, end)`.
pub(super) fn rounded(p: &[Pt]) -> Vec<(Pt, Option<(Pt, Pt)>)> {
    let mut out = Vec::new();
    for i in 1..p.len() {
        let c = p[i];
        if i + 1 == p.len() {
            out.push((c, None));
            break;
        }
        let (a, b) = (p[i - 1], p[i + 1]);
        let (l1, l2) = (dist(a, c), dist(c, b));
        let r = RADIUS.min(l1 / 2.0).min(l2 / 2.0);
        if r < 0.01 {
            out.push((c, None));
            continue;
        }
        let s = (c.0 + (a.0 - c.0) * r / l1, c.1 + (a.1 - c.1) * r / l1);
        let e = (c.0 + (b.0 - c.0) * r / l2, c.1 + (b.1 - c.1) * r / l2);
        out.push((s, Some((c, e))));
    }
    out
}

/// Fine polyline approximation of the drawn (corner-rounded) edge.
#[cfg(test)]
pub(super) fn flatten(p: &[Pt]) -> Vec<Pt> {
    let mut out = vec![p[0]];
    for (s, q) in rounded(p) {
        out.push(s);
        if let Some((c, e)) = q {
            for k in 1..=8 {
                let (t, u) = (k as f64 / 8.0, 1.0 - k as f64 / 8.0);
                out.push((
                    u * u * s.0 + 2.0 * u * t * c.0 + t * t * e.0,
                    u * u * s.1 + 2.0 * u * t * c.1 + t * t * e.1,
                ));
            }
        }
    }
    out
}

/// Distance between two points.
fn dist(a: Pt, b: Pt) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// Twice the signed area of triangle `o`, `a`, `b` (positive if counter-clockwise).
fn orient(o: Pt, a: Pt, b: Pt) -> f64 {
    (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
}

/// Whether segments `a`-`b` and `c`-`d` cross at a single interior point.
fn segments_cross(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    orient(c, d, a) * orient(c, d, b) < 0.0 && orient(a, b, c) * orient(a, b, d) < 0.0
}

/// Distance from point `p` to segment `a`-`b`.
fn point_seg(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t =
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy).max(1e-12)).clamp(0.0, 1.0);
    dist(p, (a.0 + t * dx, a.1 + t * dy))
}

/// Whether two segments cross, touch or overlap (closer than half a unit).
fn segments_meet(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    let apart =
        |u: f64, v: f64, w: f64, x: f64| u.max(v) + 0.5 < w.min(x) || w.max(x) + 0.5 < u.min(v);
    if apart(a.0, b.0, c.0, d.0) || apart(a.1, b.1, c.1, d.1) {
        return false;
    }
    segments_cross(a, b, c, d)
        || [
            point_seg(a, c, d),
            point_seg(b, c, d),
            point_seg(c, a, b),
            point_seg(d, a, b),
        ]
        .iter()
        .any(|&x| x < 0.5)
}

/// Number of places where two different drawn edges cross, touch or overlap.
pub(super) fn crossings(l: &Layout) -> usize {
    let mut n = 0;
    for (i, e) in l.edges.iter().enumerate() {
        for f in &l.edges[i + 1..] {
            for s in e.points.windows(2) {
                n += f
                    .points
                    .windows(2)
                    .filter(|t| segments_meet(s[0], s[1], t[0], t[1]))
                    .count();
            }
        }
    }
    n
}

/// What the order search minimises: crossings first, then total edge length.
pub(super) fn score(l: &Layout) -> f64 {
    let len: f64 = l
        .edges
        .iter()
        .flat_map(|e| e.points.windows(2))
        .map(|s| dist(s[0], s[1]))
        .sum();
    crossings(l) as f64 * 1e4 + len
}

//! Plane geometry of the drawing: points, rectangles, corner-rounded
//! polylines, segment tests, and the crossing count and score that the
//! order search minimises.

use super::model::{CORNER_RADIUS, Layout, Point};

/// One step of a corner-rounded polyline: a line to a point, optionally
/// followed by a quadratic curve `(control, end)`.
pub(super) type RoundedStep = (Point, Option<(Point, Point)>);

/// Corner-rounded form of a polyline: after the start point, each step is a
/// line to a point, optionally followed by a quadratic curve `(control, end)`.
pub(super) fn rounded(points: &[Point]) -> Vec<RoundedStep> {
    let mut out = Vec::new();
    for i in 1..points.len() {
        let corner = points[i];
        if i + 1 == points.len() {
            out.push((corner, None));
            break;
        }
        let (before, after) = (points[i - 1], points[i + 1]);
        let (len_in, len_out) = (dist(before, corner), dist(corner, after));
        let radius = CORNER_RADIUS.min(len_in / 2.0).min(len_out / 2.0);
        if radius < 0.01 {
            out.push((corner, None));
            continue;
        }
        let curve_start = (
            corner.0 + (before.0 - corner.0) * radius / len_in,
            corner.1 + (before.1 - corner.1) * radius / len_in,
        );
        let curve_end = (
            corner.0 + (after.0 - corner.0) * radius / len_out,
            corner.1 + (after.1 - corner.1) * radius / len_out,
        );
        out.push((curve_start, Some((corner, curve_end))));
    }
    out
}

/// Fine polyline approximation of the drawn (corner-rounded) edge.
#[cfg(test)]
pub(super) fn flatten(points: &[Point]) -> Vec<Point> {
    let mut out = vec![points[0]];
    for (s, q) in rounded(points) {
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
fn dist(a: Point, b: Point) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// Twice the signed area of triangle `o`, `a`, `b` (positive if counter-clockwise).
fn turn(o: Point, a: Point, b: Point) -> f64 {
    (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
}

/// Whether segments `a`-`b` and `c`-`d` cross at a single interior point.
fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    turn(c, d, a) * turn(c, d, b) < 0.0 && turn(a, b, c) * turn(a, b, d) < 0.0
}

/// Distance from point `p` to segment `a`-`b`.
fn point_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t =
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy).max(1e-12)).clamp(0.0, 1.0);
    dist(p, (a.0 + t * dx, a.1 + t * dy))
}

/// Whether two segments cross, touch or overlap (closer than half a unit).
fn segments_meet(a: Point, b: Point, c: Point, d: Point) -> bool {
    let apart =
        |u: f64, v: f64, w: f64, x: f64| u.max(v) + 0.5 < w.min(x) || w.max(x) + 0.5 < u.min(v);
    if apart(a.0, b.0, c.0, d.0) || apart(a.1, b.1, c.1, d.1) {
        return false;
    }
    segments_cross(a, b, c, d)
        || [
            point_to_segment(a, c, d),
            point_to_segment(b, c, d),
            point_to_segment(c, a, b),
            point_to_segment(d, a, b),
        ]
        .iter()
        .any(|&x| x < 0.5)
}

/// Number of places where two different drawn edges cross, touch or overlap.
pub(crate) fn crossings(layout: &Layout) -> usize {
    let mut count = 0;
    for (i, edge) in layout.edges.iter().enumerate() {
        for other in &layout.edges[i + 1..] {
            for seg in edge.points.windows(2) {
                count += other
                    .points
                    .windows(2)
                    .filter(|o| segments_meet(seg[0], seg[1], o[0], o[1]))
                    .count();
            }
        }
    }
    count
}

/// What the order search minimises: crossings first, then total edge length.
pub(super) fn score(layout: &Layout) -> f64 {
    let len: f64 = layout
        .edges
        .iter()
        .flat_map(|e| e.points.windows(2))
        .map(|s| dist(s[0], s[1]))
        .sum();
    crossings(layout) as f64 * 1e4 + len
}

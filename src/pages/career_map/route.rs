//! Edge routing shared by both orientations: ports (where moves attach along
//! a box side), tracks (which lane runs where in a channel beside the boxes),
//! and the polylines of lanes and straight vertical moves.

use super::graph::Graph;
use super::model::{Pt, Rect};

/// A lane: port heights of both ends and whether each stub comes from the
/// channel's far side (`true`) or near side (`false`).
type Lane = (f64, bool, f64, bool);

/// The vertical extent of a lane.
fn span(l: &Lane) -> (f64, f64) {
    (l.0.min(l.2), l.0.max(l.2))
}

/// Crossings between lane `p` on a track nearer the channel's near side and lane `q` farther out.
fn pair_cost(p: &Lane, q: &Lane) -> usize {
    let ((p0, p1), (q0, q1)) = (span(p), span(q));
    let inside = |y: f64, a: f64, b: f64| y > a + 0.5 && y < b - 0.5;
    let (pe, qe) = ([(p.0, p.1), (p.2, p.3)], [(q.0, q.1), (q.2, q.3)]);
    let mut n = qe
        .iter()
        .filter(|&&(y, far)| !far && inside(y, p0, p1))
        .count();
    n += pe
        .iter()
        .filter(|&&(y, far)| far && inside(y, q0, q1))
        .count();
    for &(y, far) in &pe {
        n += qe
            .iter()
            .filter(|&&(y2, far2)| far && !far2 && (y - y2).abs() < 2.0)
            .count();
    }
    n
}

/// Puts lanes on tracks (0 = nearest the near side), sharing a track when their
/// spans are apart, minimising stub/lane crossings greedily (short lanes first).
fn assign_tracks(lanes: &[Lane]) -> (Vec<usize>, usize) {
    let len = |i: usize| span(&lanes[i]).1 - span(&lanes[i]).0;
    let mut idx: Vec<usize> = (0..lanes.len()).collect();
    idx.sort_by(|&a, &b| len(a).total_cmp(&len(b)).then(a.cmp(&b)));
    let mut tracks: Vec<Vec<usize>> = Vec::new();
    for &l in &idx {
        // Position t: existing track j is at j, a new track before track j is at j - 0.5.
        let cost = |t: f64| -> usize {
            let mut n = 0;
            for (j, tr) in tracks.iter().enumerate() {
                for &o in tr {
                    let j = j as f64;
                    n += if j < t {
                        pair_cost(&lanes[o], &lanes[l])
                    } else if j > t {
                        pair_cost(&lanes[l], &lanes[o])
                    } else {
                        0
                    };
                }
            }
            n
        };
        let apart = |o: usize| {
            span(&lanes[o]).1 + 6.0 < span(&lanes[l]).0
                || span(&lanes[l]).1 + 6.0 < span(&lanes[o]).0
        };
        let mut best = (f64::INFINITY, 0, false); // (cost, track, join)
        for (j, tr) in tracks.iter().enumerate() {
            if tr.iter().all(|&o| apart(o)) && (cost(j as f64) as f64) < best.0 {
                best = (cost(j as f64) as f64, j, true);
            }
        }
        for j in 0..=tracks.len() {
            let c = cost(j as f64 - 0.5) as f64 + 0.25;
            if c < best.0 {
                best = (c, j, false);
            }
        }
        if best.2 {
            tracks[best.1].push(l)
        } else {
            tracks.insert(best.1, vec![l])
        }
    }
    let mut out = vec![0; lanes.len()];
    for (j, tr) in tracks.iter().enumerate() {
        for &l in tr {
            out[l] = j;
        }
    }
    (out, tracks.len())
}

/// x of track `i` of `k` in a channel of width `w` starting at `lo` and running in
/// direction `dir`, keeping `z0`/`z1` clear at the near/far side when there is room.
pub(super) fn track_x(lo: f64, dir: f64, w: f64, (z0, z1): (f64, f64), k: usize, i: usize) -> f64 {
    let (k, i, inner) = (k as f64, i as f64, w - z0 - z1);
    if inner >= 2.5 * k {
        lo + dir * (z0 + inner * (i + 0.5) / k)
    } else {
        lo + dir * w * (i + 1.0) / (k + 1.0)
    }
}

/// One attachment on a box side: (group, key, edge, end) sorted into port order.
pub(super) type Att = (u8, f64, usize, usize);

/// Sorts each box side's attachments and returns per edge end the port's y (left/right
/// sides) or x offset from the centre (top/bottom sides). On a left/right side, group 1
/// (straight or diagonal moves) is centred and lanes (groups 0 and 2) share the rest.
pub(super) fn spread_ports(
    att: &mut [[Vec<Att>; 4]],
    top: &[f64],
    hgt: &[f64],
    ne: usize,
) -> Vec<[f64; 2]> {
    let mut port = vec![[0.0; 2]; ne];
    for (t, sides) in att.iter_mut().enumerate() {
        for (side, list) in sides.iter_mut().enumerate() {
            list.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
            let count = |g: u8| list.iter().filter(|a| a.0 == g).count() as f64;
            let (n, n0, n1) = (list.len() as f64, count(0), count(1));
            let (h, y0) = (hgt[t], top[t]);
            let s1 = (h / (n + 1.0)).min(14.0);
            let (first, last) = (
                y0 + h / 2.0 - (n1 - 1.0) / 2.0 * s1,
                y0 + h / 2.0 + (n1 - 1.0) / 2.0 * s1,
            );
            for (i, &(_, _, e, end)) in list.iter().enumerate() {
                let i = i as f64;
                port[e][end] = match () {
                    _ if side >= 2 => (i - (n - 1.0) / 2.0) * 16.0,
                    _ if n1 == 0.0 => y0 + h * (i + 1.0) / (n + 1.0),
                    _ if i < n0 => y0 + (first - y0) * (i + 1.0) / (n0 + 1.0),
                    _ if i < n0 + n1 => first + (i - n0) * s1,
                    _ => last + (y0 + h - last) * (i - n0 - n1 + 1.0) / (n - n0 - n1 + 1.0),
                };
            }
        }
    }
    port
}

/// A lane: out of the box sides at `xs` at the port heights `ys`, along track `x`.
pub(super) fn lane_pts(xs: (f64, f64), x: f64, ys: [f64; 2]) -> Vec<Pt> {
    vec![(xs.0, ys[0]), (x, ys[0]), (x, ys[1]), (xs.1, ys[1])]
}

/// A straight vertical move between stacked boxes, ports offset from the centre by `off`.
pub(super) fn down_pts(ra: Rect, rb: Rect, off: [f64; 2]) -> Vec<Pt> {
    let x = ra.x + ra.w / 2.0;
    let (ya, yb) = if ra.y < rb.y {
        (ra.y + ra.h, rb.y)
    } else {
        (ra.y, rb.y + rb.h)
    };
    vec![(x + off[0], ya), (x + off[1], yb)]
}

/// Port order key of a lane end at height `y` whose other end is at `oy`:
/// lanes going up first (nearest first), then lanes going down (farthest first).
pub(super) fn lane_key(y: f64, oy: f64) -> (u8, f64) {
    (if oy < y { 0 } else { 2 }, -oy)
}

impl Graph<'_, '_> {
    /// Puts the lanes `ids` of one channel on tracks (ends on titles where `far` holds
    /// come from the far side); stores each lane's track and returns the track count.
    pub(super) fn tracks_for(
        &self,
        ids: &[usize],
        port: &[[f64; 2]],
        far: impl Fn(usize) -> bool,
        track: &mut [usize],
    ) -> usize {
        let ls: Vec<Lane> = ids
            .iter()
            .map(|&i| {
                (
                    port[i][0],
                    far(self.edges[i].a),
                    port[i][1],
                    far(self.edges[i].b),
                )
            })
            .collect();
        let (tr, n) = assign_tracks(&ls);
        ids.iter().zip(tr).for_each(|(&i, t)| track[i] = t);
        n
    }
}

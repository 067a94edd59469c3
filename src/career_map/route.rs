//! Edge routing shared by both orientations: ports (where moves attach along
//! a box side), tracks (which lane runs where in a channel beside the boxes),
//! and the polylines of lanes and straight vertical moves.

use super::graph::Graph;
use super::model::{Point, Rect};

/// Which side of a box a move attaches to: the index into a title's
/// four attachment lists.
pub(super) const LEFT: usize = 0;
/// The right side.
pub(super) const RIGHT: usize = 1;
/// The top side.
pub(super) const TOP: usize = 2;
/// The bottom side.
pub(super) const BOTTOM: usize = 3;

/// A lane's two ends: each its port height and whether its stub comes from
/// the channel's far side (`true`) or near side (`false`).
type Lane = [(f64, bool); 2];

/// The vertical extent of a lane.
fn span(lane: &Lane) -> (f64, f64) {
    let (a, b) = (lane[0].0, lane[1].0);
    (a.min(b), a.max(b))
}

/// Crossings between lane `near` on a track nearer the channel's near side
/// and lane `far_lane` farther out.
fn pair_cost(near: &Lane, far_lane: &Lane) -> usize {
    let ((near_lo, near_hi), (far_lo, far_hi)) = (span(near), span(far_lane));
    let inside = |y: f64, a: f64, b: f64| y > a + 0.5 && y < b - 0.5;
    let mut n = far_lane
        .iter()
        .filter(|&&(y, far)| !far && inside(y, near_lo, near_hi))
        .count();
    n += near
        .iter()
        .filter(|&&(y, far)| far && inside(y, far_lo, far_hi))
        .count();
    for &(y, far) in near {
        n += far_lane
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

/// One move's end attached to a box side, sorted into port order by
/// `group`, then `key`, then `edge`.
#[derive(Clone, Debug)]
pub(super) struct Attachment {
    /// Lanes going up (0), straight or diagonal moves (1), lanes going
    /// down (2).
    pub(super) group: u8,
    /// Order within the group.
    pub(super) key: f64,
    /// The edge.
    pub(super) edge: usize,
    /// Which end of the edge (0 its `from`, 1 its `to`).
    pub(super) end: usize,
}

impl Attachment {
    /// An attachment of `edge`'s `end` in `group`, ordered by `key`.
    pub(super) fn new(group: u8, key: f64, edge: usize, end: usize) -> Self {
        Attachment {
            group,
            key,
            edge,
            end,
        }
    }

    /// A lane's end at height `y` whose other end is at `other_y` (see
    /// [`lane_key`]).
    pub(super) fn lane(y: f64, other_y: f64, edge: usize, end: usize) -> Self {
        let (group, key) = lane_key(y, other_y);
        Attachment::new(group, key, edge, end)
    }
}

/// A title's attachments, per side (`LEFT`, `RIGHT`, `TOP`, `BOTTOM`).
pub(super) type Sides = [Vec<Attachment>; 4];

/// Sorts each box side's attachments and returns per edge end the port's y (left/right
/// sides) or x offset from the centre (top/bottom sides). On a left/right side, group 1
/// (straight or diagonal moves) is centred and lanes (groups 0 and 2) share the rest.
pub(super) fn spread_ports(
    attachments: &mut [Sides],
    top: &[f64],
    height: &[f64],
    edge_count: usize,
) -> Vec<[f64; 2]> {
    let mut port = vec![[0.0; 2]; edge_count];
    for (t, sides) in attachments.iter_mut().enumerate() {
        for (side, list) in sides.iter_mut().enumerate() {
            list.sort_by(|a, b| {
                (a.group.cmp(&b.group))
                    .then(a.key.total_cmp(&b.key))
                    .then(a.edge.cmp(&b.edge))
            });
            let count = |g: u8| list.iter().filter(|a| a.group == g).count() as f64;
            let (n, n_up, n_mid) = (list.len() as f64, count(0), count(1));
            let (h, y0) = (height[t], top[t]);
            let step = (h / (n + 1.0)).min(14.0);
            let (first, last) = (
                y0 + h / 2.0 - (n_mid - 1.0) / 2.0 * step,
                y0 + h / 2.0 + (n_mid - 1.0) / 2.0 * step,
            );
            for (i, a) in list.iter().enumerate() {
                let i = i as f64;
                port[a.edge][a.end] = match () {
                    _ if side >= TOP => (i - (n - 1.0) / 2.0) * 16.0,
                    _ if n_mid == 0.0 => y0 + h * (i + 1.0) / (n + 1.0),
                    _ if i < n_up => y0 + (first - y0) * (i + 1.0) / (n_up + 1.0),
                    _ if i < n_up + n_mid => first + (i - n_up) * step,
                    _ => {
                        last + (y0 + h - last) * (i - n_up - n_mid + 1.0) / (n - n_up - n_mid + 1.0)
                    }
                };
            }
        }
    }
    port
}

/// A lane: out of the box sides at `xs` at the port heights `ys`, along track `x`.
pub(super) fn lane_points(xs: (f64, f64), x: f64, ys: [f64; 2]) -> Vec<Point> {
    vec![(xs.0, ys[0]), (x, ys[0]), (x, ys[1]), (xs.1, ys[1])]
}

/// A straight vertical move between stacked boxes, ports offset from the centre by `off`.
pub(super) fn down_points(ra: Rect, rb: Rect, off: [f64; 2]) -> Vec<Point> {
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
fn lane_key(y: f64, other_y: f64) -> (u8, f64) {
    (if other_y < y { 0 } else { 2 }, -other_y)
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
        let lanes: Vec<Lane> = ids
            .iter()
            .map(|&i| {
                [
                    (port[i][0], far(self.edges[i].from)),
                    (port[i][1], far(self.edges[i].to)),
                ]
            })
            .collect();
        let (tr, n) = assign_tracks(&lanes);
        ids.iter().zip(tr).for_each(|(&i, t)| track[i] = t);
        n
    }
}

//! Desktop geometry: levels are columns left to right. Places the boxes of a
//! given order (pulling each towards its neighbours in other columns), then
//! routes every move: stubs and diagonals between columns (through gaps for
//! skipped columns), straight lines between neighbours, lanes beside a column.

use super::graph::Graph;
use super::model::Rect;
use super::model::{
    BoxL, DIAG, FONT, LINE, Layout, LevelL, MARGIN, Orientation, SP, STUB, VGAP, ZONE, box_h,
};
use super::route::{Att, down_pts, lane_key, lane_pts, spread_ports, track_x};

impl Graph<'_, '_> {
    /// Horizontal geometry for a given order of every layer (titles and dummies).
    pub(super) fn geom_h(&self, order: &[Vec<usize>]) -> Layout {
        let (nn, nt, nl, bw) = (self.lay.len(), self.nt, order.len(), self.bw_h);
        let hh: Vec<f64> = (0..nn)
            .map(|n| {
                if n < nt {
                    box_h(self.lines_h[n].len())
                } else {
                    0.0
                }
            })
            .collect();
        let sep = |a: usize, b: usize| {
            (hh[a] + hh[b]) / 2.0
                + match (a < nt, b < nt) {
                    (true, true) => VGAP,
                    (false, false) => 10.0,
                    _ => 16.0,
                }
        };
        // y: stack, then pull each node towards its neighbours in other layers.
        let mut y = vec![0.0; nn];
        for col in order {
            for i in 1..col.len() {
                y[col[i]] = y[col[i - 1]] + sep(col[i - 1], col[i]);
            }
        }
        for it in 0..8 {
            for k in 0..nl {
                let col = &order[if it % 2 == 0 { k } else { nl - 1 - k }];
                // Nodes without neighbours in other layers have no target: they pack against the others.
                let t: Vec<Option<f64>> = col
                    .iter()
                    .map(|&n| match self.nbrs[n].len() {
                        0 => None,
                        m => Some(self.nbrs[n].iter().map(|&o| y[o]).sum::<f64>() / m as f64),
                    })
                    .collect();
                let (mut f, mut b) = (t.clone(), t);
                for i in 1..col.len() {
                    let lo = f[i - 1].map(|v| v + sep(col[i - 1], col[i]));
                    f[i] = if let (Some(v), Some(l)) = (f[i], lo) {
                        Some(v.max(l))
                    } else {
                        f[i].or(lo)
                    };
                }
                for i in (1..col.len()).rev() {
                    let hi = b[i].map(|v| v - sep(col[i - 1], col[i]));
                    b[i - 1] = if let (Some(v), Some(h)) = (b[i - 1], hi) {
                        Some(v.min(h))
                    } else {
                        b[i - 1].or(hi)
                    };
                }
                for (i, &n) in col.iter().enumerate() {
                    if let (Some(v), Some(w)) = (f[i], b[i]) {
                        y[n] = (v + w) / 2.0;
                    }
                }
                for i in (1..col.len())
                    .rev()
                    .filter(|&i| f[i - 1].is_none() && b[i - 1].is_some())
                {
                    y[col[i - 1]] = y[col[i]] - sep(col[i - 1], col[i]);
                }
                for i in (1..col.len()).filter(|&i| b[i].is_none() && f[i].is_some()) {
                    y[col[i]] = y[col[i - 1]] + sep(col[i - 1], col[i]);
                }
            }
        }
        let labels: Vec<Vec<String>> = (0..nl).map(|c| self.label(c, bw)).collect();
        let top0 =
            MARGIN + 2.0 + labels.iter().map(|l| l.len()).max().unwrap_or(1) as f64 * LINE + 12.0;
        let shift = top0
            - (0..nn)
                .map(|n| y[n] - hh[n] / 2.0)
                .fold(f64::INFINITY, f64::min);
        y.iter_mut().for_each(|v| *v += shift);
        let top: Vec<f64> = (0..nt).map(|t| y[t] - hh[t] / 2.0).collect();
        let mut pos = vec![0; nn];
        for col in order {
            for (i, &n) in col.iter().enumerate() {
                pos[n] = i;
            }
        }
        // Routes: 0 = chain between layers, 1 = straight to a neighbour, 2/3 = lane left/right.
        let ne = self.edges.len();
        let mut route = vec![0u8; ne];
        let mut att: Vec<[Vec<Att>; 4]> = vec![Default::default(); nt];
        let mut diag_side = vec![[false; 2]; nt];
        for (i, ch) in self.chains.iter().enumerate() {
            if let [lo, .., hi] = ch[..] {
                let end = |t: usize| usize::from(self.edges[i].b == t);
                att[lo][1].push((1, y[ch[1]], i, end(lo)));
                att[hi][0].push((1, y[ch[ch.len() - 2]], i, end(hi)));
                diag_side[lo][1] = true;
                diag_side[hi][0] = true;
            }
        }
        let mut lanes: Vec<usize> = Vec::new();
        for (i, e) in self
            .edges
            .iter()
            .enumerate()
            .filter(|(i, _)| self.chains[*i].is_empty())
        {
            let (p, q) = (pos[e.a].min(pos[e.b]), pos[e.a].max(pos[e.b]));
            let col = &order[self.lay[e.a]];
            if col[p + 1..q].iter().all(|&n| n >= nt) {
                route[i] = 1;
                let (up, down) = if pos[e.a] < pos[e.b] { (0, 1) } else { (1, 0) };
                att[col[p]][3].push((1, 0.0, i, up));
                att[col[q]][2].push((1, 0.0, i, down));
            } else {
                lanes.push(i);
            }
        }
        let span_of = |i: usize| {
            let e = &self.edges[i];
            (pos[e.a].min(pos[e.b]), pos[e.a].max(pos[e.b]))
        };
        lanes.sort_by_key(|&i| (span_of(i).1 - span_of(i).0, i));
        let mut on_side: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 2 * nl];
        for &i in &lanes {
            let (e, (p, q)) = (&self.edges[i], span_of(i));
            let c = self.lay[e.a];
            let cost = |s: usize| {
                let boxes = order[c][p + 1..q]
                    .iter()
                    .filter(|&&n| n < nt && diag_side[n][s])
                    .count();
                boxes
                    + on_side[2 * c + s]
                        .iter()
                        .filter(|&&(a, b)| (a < p && p < b && b < q) || (p < a && a < q && q < b))
                        .count()
            };
            let prefer = if c + 1 == nl && nl > 1 {
                [1, 0]
            } else {
                [0, 1]
            };
            let s = if cost(prefer[1]) < cost(prefer[0]) {
                prefer[1]
            } else {
                prefer[0]
            };
            on_side[2 * c + s].push((p, q));
            route[i] = 2 + s as u8;
            att[e.a][s].push((lane_key(y[e.a], y[e.b]).0, lane_key(y[e.a], y[e.b]).1, i, 0));
            att[e.b][s].push((lane_key(y[e.b], y[e.a]).0, lane_key(y[e.b], y[e.a]).1, i, 1));
        }
        let hgt: Vec<f64> = hh[..nt].to_vec();
        let port = spread_ports(&mut att, &top, &hgt, ne);
        let mut track = vec![0; ne];
        let mut kk = vec![[0usize; 2]; nl];
        for (c, k) in kk.iter_mut().enumerate() {
            for (s, ks) in k.iter_mut().enumerate() {
                let ids: Vec<usize> = lanes
                    .iter()
                    .copied()
                    .filter(|&i| self.lay[self.edges[i].a] == c && route[i] == 2 + s as u8)
                    .collect();
                *ks = self.tracks_for(&ids, &port, |_| false, &mut track);
            }
        }
        let strip = |k: usize| if k == 0 { 0.0 } else { ZONE + k as f64 * SP };
        let mut cx = vec![MARGIN + strip(kk[0][0]); nl];
        for c in 1..nl {
            cx[c] = cx[c - 1] + bw + strip(kk[c - 1][1]) + 2.0 * STUB + DIAG + strip(kk[c][0]);
        }
        let stub_l = |c: usize| cx[c] - strip(kk[c][0]) - STUB;
        let stub_r = |c: usize| cx[c] + bw + strip(kk[c][1]) + STUB;
        let boxes: Vec<BoxL> = (0..nt)
            .map(|t| BoxL {
                rect: Rect::new(cx[self.lay[t]], top[t], bw, hh[t]),
                lines: self.lines_h[t].clone(),
            })
            .collect();
        let mut edges = Vec::new();
        for (i, e) in self.edges.iter().enumerate() {
            let (ra, rb) = (boxes[e.a].rect, boxes[e.b].rect);
            let pts = match route[i] {
                0 => {
                    let ch = &self.chains[i];
                    let (lo, hi) = (ch[0], ch[ch.len() - 1]);
                    let (ylo, yhi) = (
                        port[i][usize::from(e.b == lo)],
                        port[i][usize::from(e.b == hi)],
                    );
                    let mut v = vec![(cx[self.lay[lo]] + bw, ylo), (stub_r(self.lay[lo]), ylo)];
                    for &d in &ch[1..ch.len() - 1] {
                        v.extend([(stub_l(self.lay[d]), y[d]), (stub_r(self.lay[d]), y[d])]);
                    }
                    v.extend([(stub_l(self.lay[hi]), yhi), (cx[self.lay[hi]], yhi)]);
                    if e.a != lo {
                        v.reverse();
                    }
                    v
                }
                1 => down_pts(ra, rb, port[i]),
                r => {
                    let s = (r - 2) as usize;
                    let c = self.lay[e.a];
                    let (lo, dir) = if s == 0 {
                        (cx[c], -1.0)
                    } else {
                        (cx[c] + bw, 1.0)
                    };
                    let x = track_x(lo, dir, strip(kk[c][s]), (ZONE, 0.0), kk[c][s], track[i]);
                    lane_pts((lo, lo), x, port[i])
                }
            };
            edges.push(self.edge_l(i, pts));
        }
        let bottom = boxes
            .iter()
            .map(|b| b.rect.y + b.rect.h)
            .chain(y.iter().copied())
            .fold(0.0, f64::max)
            + 8.0;
        let levels = (0..nl)
            .map(|c| LevelL {
                level: self.layers[c],
                lines: labels[c].clone(),
                x: cx[c] + bw / 2.0,
                y: MARGIN + 2.0 + LINE / 2.0 + 0.35 * FONT,
                centered: true,
                band: Rect::new(cx[c] - 6.0, MARGIN - 2.0, bw + 12.0, bottom - MARGIN + 2.0),
            })
            .collect();
        let width = cx[nl - 1] + bw + strip(kk[nl - 1][1]) + MARGIN;
        Layout {
            orient: Orientation::Horizontal,
            width,
            height: bottom + MARGIN,
            font: FONT,
            boxes,
            levels,
            edges,
        }
    }
}

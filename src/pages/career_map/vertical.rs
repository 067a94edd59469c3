//! Phone geometry: levels are rows, wrapped into sub-rows of one or two boxes
//! within the phone width. Places the boxes of a given order, then routes every
//! move: straight across a sub-row, straight down between stacked boxes, or in
//! one of three vertical channels (left margin, centre gap, right margin).

use super::graph::Graph;
use super::model::Rect;
use super::model::{
    BoxL, FONT, LINE, Layout, LevelL, MARGIN, Orientation, PHONE_WIDTH, VGAP, VZONE, box_h,
};
use super::route::{Att, down_pts, lane_key, lane_pts, spread_ports, track_x};

impl Graph<'_, '_> {
    /// Vertical geometry for a given order of the titles in every layer, using variant
    /// `cfg`, with the channel choice of lanes marked in `flip` inverted; also returns a
    /// penalty for squeezed (>= 0) or overflowing (>= 1e7) channels.
    pub(super) fn geom_v(&self, order: &[Vec<usize>], cfg: usize, flip: &[bool]) -> (Layout, f64) {
        let (nt, (pr, bw, lines_v)) = (self.nt, &self.vcfg[cfg]);
        let (pr, bw) = (*pr, *bw);
        let (mut top, mut hgt, mut cell) =
            (vec![0.0; nt], vec![0.0; nt], vec![(0usize, 0usize); nt]);
        let mut y = MARGIN;
        let mut bands = Vec::new();
        let mut row = 0;
        for (c, col) in order.iter().enumerate() {
            if c > 0 {
                y += 22.0;
            }
            let lines = self.label(c, bw);
            let band_top = y - 4.0;
            y += lines.len() as f64 * LINE + 6.0;
            for (ri, chunk) in col.chunks(pr).enumerate() {
                if ri > 0 {
                    y += VGAP;
                }
                let rh = chunk
                    .iter()
                    .map(|&t| box_h(lines_v[t].len()))
                    .fold(0.0, f64::max);
                for (k, &t) in chunk.iter().enumerate() {
                    (top[t], hgt[t], cell[t]) = (y, rh, (row, k));
                }
                y += rh;
                row += 1;
            }
            bands.push((lines, band_top, y + 6.0));
        }
        let height = y + 6.0 + MARGIN;
        let cy = |t: usize| top[t] + hgt[t] / 2.0;
        // Routes: 0 = straight across, 1 = straight down, 2.. = lane in channel (r - 2): 0 left, 1 centre, 2 right.
        let ne = self.edges.len();
        let mut route = vec![0usize; ne];
        let mut att: Vec<[Vec<Att>; 4]> = vec![Default::default(); nt];
        let side_of = |t: usize, ch: usize| if ch == 1 { 1 - cell[t].1 } else { ch / 2 };
        let adj = |t: usize, ch: usize| {
            if pr == 1 {
                ch != 1
            } else {
                ch == 1 || ch == 2 * cell[t].1
            }
        };
        let mut lanes: Vec<usize> = Vec::new();
        for (i, e) in self.edges.iter().enumerate() {
            let ((ra, ka), (rb, kb)) = (cell[e.a], cell[e.b]);
            let same = self.lay[e.a] == self.lay[e.b];
            if ra == rb {
                let (l, r) = if ka < kb { (0, 1) } else { (1, 0) };
                att[e.a][r].push((1, cy(e.b), i, 0));
                att[e.b][l].push((1, cy(e.a), i, 1));
            } else if same && ka == kb && ra.abs_diff(rb) == 1 {
                route[i] = 1;
                let (d, u) = if ra < rb { (3, 2) } else { (2, 3) };
                att[e.a][d].push((1, 0.0, i, 0));
                att[e.b][u].push((1, 0.0, i, 1));
            } else {
                lanes.push(i);
            }
        }
        let has_across = route
            .iter()
            .zip(&self.edges)
            .any(|(&r, e)| r == 0 && cell[e.a].0 == cell[e.b].0);
        let (span_of, len) = (
            |i: usize| {
                (
                    cy(self.edges[i].a).min(cy(self.edges[i].b)),
                    cy(self.edges[i].a).max(cy(self.edges[i].b)),
                )
            },
            |s: (f64, f64)| s.1 - s.0,
        );
        lanes.sort_by(|&a, &b| len(span_of(a)).total_cmp(&len(span_of(b))).then(a.cmp(&b)));
        let mut on_ch: [Vec<(f64, f64)>; 3] = Default::default();
        for &i in &lanes {
            let (e, (p, q)) = (&self.edges[i], span_of(i));
            let cands: Vec<usize> = if pr == 1 {
                vec![0, 2]
            } else if cell[e.a].1 == cell[e.b].1 {
                vec![2 * cell[e.a].1, 1]
            } else {
                vec![1]
            };
            let cost = |ch: usize| {
                let boxes = (0..nt)
                    .filter(|&t| t != e.a && t != e.b && adj(t, ch) && cy(t) > p && cy(t) < q)
                    .count();
                let inter = on_ch[ch]
                    .iter()
                    .filter(|&&(a, b)| (a < p && p < b && b < q) || (p < a && a < q && q < b))
                    .count();
                inter as f64 + 0.5 * boxes as f64
            };
            let mut ch = cands
                .iter()
                .copied()
                .fold(cands[0], |b, c| if cost(c) < cost(b) { c } else { b });
            if flip[i] {
                ch = *cands.iter().find(|&&c| c != ch).unwrap_or(&ch);
            }
            on_ch[ch].push((p, q));
            route[i] = 2 + ch;
            let (ka, kb) = (lane_key(cy(e.a), cy(e.b)), lane_key(cy(e.b), cy(e.a)));
            att[e.a][side_of(e.a, ch)].push((ka.0, ka.1, i, 0));
            att[e.b][side_of(e.b, ch)].push((kb.0, kb.1, i, 1));
        }
        let port = spread_ports(&mut att, &top, &hgt, ne);
        let (mut track, mut kk) = (vec![0; ne], [0usize; 3]);
        for (ch, k) in kk.iter_mut().enumerate() {
            let ids: Vec<usize> = lanes
                .iter()
                .copied()
                .filter(|&i| route[i] == 2 + ch)
                .collect();
            *k = self.tracks_for(&ids, &port, |t| ch == 1 && cell[t].1 == 1, &mut track);
        }
        // Channel widths: comfortable (zone 10, 5 per track) if they fit, else squeezed
        // towards the minimum (zone 7, 3 per track), else scaled down (overflow).
        let need = |zone: f64, sp: f64| -> Vec<f64> {
            (0..3)
                .map(|ch| match (pr, ch, kk[ch]) {
                    (1, 1, _) => 0.0,
                    (_, 1, k) => {
                        (2.0 * zone + sp * k as f64).max(if has_across { 26.0 } else { 8.0 })
                    }
                    (_, _, 0) => 2.0,
                    (_, _, k) => zone + 2.0 + sp * k as f64,
                })
                .collect()
        };
        let (soft, hard) = (need(VZONE, 5.0), need(7.0, 3.0));
        let (ts, th) = (soft.iter().sum::<f64>(), hard.iter().sum::<f64>());
        let avail = PHONE_WIDTH - 4.0 - pr as f64 * bw;
        let ksum = (kk[0] + kk[1] + kk[2]) as f64;
        let w: Vec<f64> = (0..3)
            .map(|ch| match () {
                _ if th >= avail || hard[ch] == 0.0 => hard[ch] * avail / th,
                _ if ts >= avail => hard[ch] + (soft[ch] - hard[ch]) * (avail - th) / (ts - th),
                _ if ksum > 0.0 => soft[ch] + (avail - ts) * kk[ch] as f64 / ksum,
                _ => soft[ch] + (avail - ts) / (4 - pr) as f64,
            })
            .collect();
        let zone = |ch: usize| VZONE * (w[ch] / soft[ch]).min(1.0);
        let penalty = if th > avail {
            1e7 + (th - avail) * 1e5
        } else {
            (ts - avail).max(0.0) * 1e3
        };
        let col_x = [2.0 + w[0], 2.0 + w[0] + bw + w[1]];
        let boxes: Vec<BoxL> = (0..nt)
            .map(|t| BoxL {
                rect: Rect::new(col_x[cell[t].1], top[t], bw, hgt[t]),
                lines: lines_v[t].clone(),
            })
            .collect();
        let side_x = |t: usize, s: usize| boxes[t].rect.x + if s == 1 { bw } else { 0.0 };
        let mut edges = Vec::new();
        for (i, e) in self.edges.iter().enumerate() {
            let (ra, rb) = (boxes[e.a].rect, boxes[e.b].rect);
            let pts = match route[i] {
                0 => {
                    let (sa, sb) = if ra.x < rb.x { (1, 0) } else { (0, 1) };
                    vec![(side_x(e.a, sa), port[i][0]), (side_x(e.b, sb), port[i][1])]
                }
                1 => down_pts(ra, rb, port[i]),
                r => {
                    let ch = r - 2;
                    let (lo, dir, z) = match ch {
                        0 => (col_x[0], -1.0, (zone(0), 1.0)),
                        1 => (col_x[0] + bw, 1.0, (zone(1), zone(1))),
                        _ => (col_x[pr - 1] + bw, 1.0, (zone(2), 1.0)),
                    };
                    let x = track_x(lo, dir, w[ch], z, kk[ch], track[i]);
                    let xs = (side_x(e.a, side_of(e.a, ch)), side_x(e.b, side_of(e.b, ch)));
                    lane_pts(xs, x, port[i])
                }
            };
            edges.push(self.edge_l(i, pts));
        }
        let levels = bands
            .into_iter()
            .enumerate()
            .map(|(c, (lines, t, b))| LevelL {
                level: self.layers[c],
                lines,
                x: col_x[0],
                y: t + 4.0 + LINE / 2.0 + 0.35 * FONT,
                centered: false,
                band: Rect::new(1.0, t, PHONE_WIDTH - 2.0, b - t),
            })
            .collect();
        let l = Layout {
            orient: Orientation::Vertical,
            width: PHONE_WIDTH,
            height,
            font: FONT,
            boxes,
            levels,
            edges,
        };
        (l, penalty)
    }
}

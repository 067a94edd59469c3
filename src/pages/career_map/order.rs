//! Ordering the titles within each level, and the [`layout()`] entry point:
//! barycentre sweeps over the layered graph give starting orders, then local
//! search (moving and swapping titles) minimises the drawn crossings, then
//! total edge length; the vertical layout redoes the search for its grid.

use super::geometry::score;
use super::graph::Graph;
use super::model::{FONT, Layout, MARGIN, MapInput, Orientation, PHONE_WIDTH};

impl Graph<'_, '_> {
    /// Reorders layer `c` by the mean position of each node's neighbours in layer `from`.
    fn bary(&self, order: &mut [Vec<usize>], c: usize, from: usize) {
        let pos = |m: usize| order[from].iter().position(|&x| x == m).unwrap() as f64;
        let mut keyed: Vec<(f64, usize, usize)> = order[c]
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                let ps: Vec<f64> = self.nbrs[n]
                    .iter()
                    .filter(|&&m| self.lay[m] == from)
                    .map(|&m| pos(m))
                    .collect();
                (
                    if ps.is_empty() {
                        i as f64
                    } else {
                        ps.iter().sum::<f64>() / ps.len() as f64
                    },
                    i,
                    n,
                )
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        order[c] = keyed.into_iter().map(|k| k.2).collect();
    }
}

/// Local search: move (and, with `swaps`, exchange) nodes at most `window` places within
/// each layer while the score drops.
fn improve(
    order: &mut Vec<Vec<usize>>,
    score: &dyn Fn(&[Vec<usize>]) -> f64,
    swaps: bool,
    window: usize,
) {
    let mut best = score(order);
    for _ in 0..8 {
        let mut better = false;
        for c in 0..order.len() {
            let n = order[c].len();
            for (i, j, kind) in
                (0..n).flat_map(|i| (0..n).flat_map(move |j| [(i, j, 0), (i, j, 1)]))
            {
                if i == j || i.abs_diff(j) > window || (kind == 1 && (!swaps || j < i + 2)) {
                    continue;
                }
                let mut cand = order.clone();
                if kind == 1 {
                    cand[c].swap(i, j);
                } else {
                    let v = cand[c].remove(i);
                    cand[c].insert(j, v);
                }
                let s = score(&cand);
                if s < best - 1e-6 {
                    (best, *order, better) = (s, cand, true);
                }
            }
        }
        if !better {
            break;
        }
    }
}

/// Lays out the map. Deterministic: the same input gives the same layout.
pub(crate) fn layout(input: &MapInput<'_>, orient: Orientation) -> Layout {
    let g = Graph::new(input);
    let nl = g.layers.len();
    if nl == 0 {
        let width = if orient == Orientation::Vertical {
            PHONE_WIDTH
        } else {
            2.0 * MARGIN
        };
        let (boxes, levels, edges) = (Vec::new(), Vec::new(), Vec::new());
        return Layout {
            orient,
            width,
            height: 2.0 * MARGIN,
            font: FONT,
            boxes,
            levels,
            edges,
        };
    }
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); nl];
    for (n, &l) in g.lay.iter().enumerate() {
        order[l].push(n);
    }
    // Barycentre sweeps down and up; every distinct order met is a start for local search.
    let mut starts = vec![order.clone()];
    for pass in 0..8 {
        for k in 1..nl {
            if pass % 2 == 0 {
                g.bary(&mut order, k, k - 1)
            } else {
                g.bary(&mut order, nl - 1 - k, nl - k)
            }
        }
        if !starts.contains(&order) {
            starts.push(order.clone());
        }
    }
    let sh = |o: &[Vec<usize>]| score(&g.geom_h(o));
    let mut best = (f64::INFINITY, Vec::new());
    for mut o in starts {
        improve(&mut o, &sh, true, 4);
        let s = sh(&o);
        if s < best.0 {
            best = (s, o);
        }
    }
    let order = best.1;
    match orient {
        Orientation::Horizontal => g.geom_h(&order),
        Orientation::Vertical => {
            // Two boxes per sub-row if the channels fit, else one.
            let mut best: Option<(Layout, f64)> = None;
            for cfg in 0..g.vcfg.len() {
                let mut vo: Vec<Vec<usize>> = order
                    .iter()
                    .map(|c| c.iter().copied().filter(|&n| n < g.nt).collect())
                    .collect();
                let mut flip = vec![false; g.edges.len()];
                let sv = |o: &[Vec<usize>], f: &[bool]| {
                    let (l, pen) = g.geom_v(o, cfg, f);
                    score(&l) + pen
                };
                improve(&mut vo, &|o| sv(o, &flip), true, usize::MAX);
                // Then try each lane in its other channel while that helps.
                let mut bs = sv(&vo, &flip);
                for i in (0..flip.len()).cycle().take(3 * flip.len()) {
                    flip[i] ^= true;
                    let s = sv(&vo, &flip);
                    if s < bs - 1e-6 {
                        bs = s
                    } else {
                        flip[i] ^= true
                    }
                }
                let (l, pen) = g.geom_v(&vo, cfg, &flip);
                if best.as_ref().is_none_or(|b| pen < b.1) {
                    best = Some((l, pen));
                }
                if pen < 1e7 {
                    break;
                }
            }
            best.unwrap().0
        }
    }
}

//! The layered graph built from the input: one layer per level that has
//! titles, merged edges (a move and its reverse become one two-way edge), and
//! dummy nodes where a move skips layers; plus the wrapped names for each
//! box width that is tried.

use super::model::Pt;
use super::model::{BOLD, BOX_W, CHAR, EdgeL, FONT, MapInput, MoveKind, PAD_X, text_width, wrap};

/// A merged move: a move and its reverse (same kind) are one edge.
pub(super) struct E {
    /// Title the move starts from.
    pub(super) a: usize,
    /// Title the move leads to.
    pub(super) b: usize,
    /// Step up or move across.
    pub(super) kind: MoveKind,
    /// Whether the move also exists from `b` to `a`.
    pub(super) two: bool,
}

/// The layered graph: titles are nodes `0..nt`, dummies follow.
pub(super) struct Graph<'a, 'b> {
    /// The input.
    inp: &'b MapInput<'a>,
    /// Per layer, its index into `MapInput::levels`.
    pub(super) layers: Vec<usize>,
    /// Per node (titles, then dummies), its layer.
    pub(super) lay: Vec<usize>,
    /// Number of titles (nodes `0..nt`).
    pub(super) nt: usize,
    /// The merged moves.
    pub(super) edges: Vec<E>,
    /// Per edge between layers, its nodes from the lower layer to the higher
    /// (with dummies between); empty for an edge within a layer.
    pub(super) chains: Vec<Vec<usize>>,
    /// Per node, its neighbours along the chains.
    pub(super) nbrs: Vec<Vec<usize>>,
    /// Per title, its name wrapped for the horizontal box width.
    pub(super) lines_h: Vec<Vec<String>>,
    /// Box width of the horizontal layout.
    pub(super) bw_h: f64,
    /// Vertical variants to try in turn: (boxes per sub-row, box width, wrapped names).
    pub(super) vcfg: Vec<(usize, f64, Vec<Vec<String>>)>,
}

impl<'a, 'b> Graph<'a, 'b> {
    /// Builds the graph of `inp`.
    pub(super) fn new(inp: &'b MapInput<'a>) -> Self {
        let nt = inp.titles.len();
        let mut used = vec![false; inp.levels.len()];
        for t in &inp.titles {
            used[t.level] = true;
        }
        let layers: Vec<usize> = (0..used.len()).filter(|&l| used[l]).collect();
        let mut lay: Vec<usize> = inp
            .titles
            .iter()
            .map(|t| layers.iter().position(|&l| l == t.level).unwrap())
            .collect();
        let mut edges: Vec<E> = Vec::new();
        for m in inp
            .moves
            .iter()
            .filter(|m| m.from != m.to && m.from < nt && m.to < nt)
        {
            match edges.iter_mut().find(|e| {
                e.kind == m.kind
                    && (e.a.min(e.b), e.a.max(e.b)) == (m.from.min(m.to), m.from.max(m.to))
            }) {
                Some(e) => e.two |= e.a == m.to,
                None => edges.push(E {
                    a: m.from,
                    b: m.to,
                    kind: m.kind,
                    two: false,
                }),
            }
        }
        let mut nbrs = vec![Vec::new(); nt];
        let mut chains = Vec::new();
        for e in &edges {
            let (lo, hi) = if lay[e.a] <= lay[e.b] {
                (e.a, e.b)
            } else {
                (e.b, e.a)
            };
            let mut ch = Vec::new();
            if lay[lo] != lay[hi] {
                ch.push(lo);
                for l in lay[lo] + 1..lay[hi] {
                    lay.push(l);
                    nbrs.push(Vec::new());
                    ch.push(lay.len() - 1);
                }
                ch.push(hi);
                for w in ch.windows(2) {
                    nbrs[w[0]].push(w[1]);
                    nbrs[w[1]].push(w[0]);
                }
            }
            chains.push(ch);
        }
        let word = inp
            .titles
            .iter()
            .flat_map(|t| t.name.split_whitespace())
            .map(|w| text_width(w, FONT))
            .fold(0.0, f64::max);
        let (bw_h, min_v) = (BOX_W.max(word + 2.0 * PAD_X), word + 2.0 * PAD_X);
        let lines = |w: f64| -> Vec<Vec<String>> {
            inp.titles
                .iter()
                .map(|t| wrap(t.name, w - 2.0 * PAD_X, CHAR * FONT))
                .collect()
        };
        let mut vcfg = Vec::new();
        if min_v <= 118.0 {
            vcfg.push((2, min_v.max(104.0), lines(min_v.max(104.0))));
        }
        vcfg.push((1, min_v.max(150.0), lines(min_v.max(150.0))));
        Graph {
            inp,
            layers,
            lay,
            nt,
            edges,
            chains,
            nbrs,
            lines_h: lines(bw_h),
            bw_h,
            vcfg,
        }
    }

    /// The name of layer `c`'s level, wrapped to width `w`.
    pub(super) fn label(&self, c: usize, w: f64) -> Vec<String> {
        wrap(self.inp.levels[self.layers[c]].name, w, BOLD * FONT)
    }

    /// The drawn form of edge `i` along `points`.
    pub(super) fn edge_l(&self, i: usize, points: Vec<Pt>) -> EdgeL {
        let e = &self.edges[i];
        EdgeL {
            from: e.a,
            to: e.b,
            kind: e.kind,
            two_way: e.two,
            points,
        }
    }
}

//! The layered graph built from the input: one layer per level that has
//! titles, merged edges (a move and its reverse become one two-way edge), and
//! dummy nodes where a move skips layers; plus the wrapped names for each
//! box width that is tried.

use super::model::{
    BOLD_CHAR_WIDTH, CHAR_WIDTH, FONT_SIZE, MIN_BOX_WIDTH, MapInput, MoveIn, MoveKind, Point,
    RoutedEdge, TEXT_PADDING, text_width, wrap,
};

/// A merged move: a move and its reverse (same kind) are one edge.
pub(super) struct Edge {
    /// Title the move starts from.
    pub(super) from: usize,
    /// Title the move leads to.
    pub(super) to: usize,
    /// Step up or move across.
    pub(super) kind: MoveKind,
    /// Whether the move also exists from `to` to `from`.
    pub(super) two_way: bool,
}

/// One way to draw the vertical layout: boxes per sub-row, their width, and
/// every title's name wrapped to it.
pub(super) struct VerticalVariant {
    /// Boxes per sub-row (one or two).
    pub(super) per_row: usize,
    /// Width of every box.
    pub(super) box_width: f64,
    /// Per title, its name wrapped for `box_width`.
    pub(super) lines: Vec<Vec<String>>,
}

/// The layered graph: titles are nodes `0..title_count`, dummies follow.
pub(super) struct Graph<'a, 'b> {
    /// The input.
    input: &'b MapInput<'a>,
    /// Per layer, its index into `MapInput::levels`.
    pub(super) layer_levels: Vec<usize>,
    /// Per node (titles, then dummies), its layer.
    pub(super) layer_of: Vec<usize>,
    /// Number of titles (nodes `0..title_count`).
    pub(super) title_count: usize,
    /// The merged moves.
    pub(super) edges: Vec<Edge>,
    /// Per edge between layers, its nodes from the lower layer to the higher
    /// (with dummies between); empty for an edge within a layer.
    pub(super) chains: Vec<Vec<usize>>,
    /// Per node, its neighbours along the chains.
    pub(super) neighbours: Vec<Vec<usize>>,
    /// Per title, its name wrapped for the horizontal box width.
    pub(super) wide_lines: Vec<Vec<String>>,
    /// Box width of the horizontal layout.
    pub(super) wide_box_width: f64,
    /// Vertical variants to try in turn.
    pub(super) vertical_variants: Vec<VerticalVariant>,
}

/// The moves between distinct, existing titles, a move and its reverse of
/// the same kind merged into one two-way edge.
fn merge_moves(moves: &[MoveIn], title_count: usize) -> Vec<Edge> {
    let mut edges: Vec<Edge> = Vec::new();
    for m in moves
        .iter()
        .filter(|m| m.from != m.to && m.from < title_count && m.to < title_count)
    {
        let ends = (m.from.min(m.to), m.from.max(m.to));
        match edges
            .iter_mut()
            .find(|e| e.kind == m.kind && (e.from.min(e.to), e.from.max(e.to)) == ends)
        {
            Some(e) => e.two_way |= e.from == m.to,
            None => edges.push(Edge {
                from: m.from,
                to: m.to,
                kind: m.kind,
                two_way: false,
            }),
        }
    }
    edges
}

/// Per edge, its chain through the layers it skips: dummy nodes are added
/// to `layer_of` (one per skipped layer); returns the chains and every
/// node's neighbours along them.
fn chain_edges(edges: &[Edge], layer_of: &mut Vec<usize>) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut neighbours = vec![Vec::new(); layer_of.len()];
    let mut chains = Vec::new();
    for e in edges {
        let (lo, hi) = if layer_of[e.from] <= layer_of[e.to] {
            (e.from, e.to)
        } else {
            (e.to, e.from)
        };
        let mut chain = Vec::new();
        if layer_of[lo] != layer_of[hi] {
            chain.push(lo);
            for layer in layer_of[lo] + 1..layer_of[hi] {
                layer_of.push(layer);
                neighbours.push(Vec::new());
                chain.push(layer_of.len() - 1);
            }
            chain.push(hi);
            for pair in chain.windows(2) {
                neighbours[pair[0]].push(pair[1]);
                neighbours[pair[1]].push(pair[0]);
            }
        }
        chains.push(chain);
    }
    (chains, neighbours)
}

/// Every title's name wrapped for boxes `width` wide.
fn wrap_names(input: &MapInput<'_>, width: f64) -> Vec<Vec<String>> {
    input
        .titles
        .iter()
        .map(|t| wrap(t.name, width - 2.0 * TEXT_PADDING, CHAR_WIDTH * FONT_SIZE))
        .collect()
}

/// The horizontal box width, and the vertical variants to try in turn:
/// two boxes per sub-row when the longest word allows, then one.
fn box_widths(input: &MapInput<'_>) -> (f64, Vec<VerticalVariant>) {
    let longest_word = input
        .titles
        .iter()
        .flat_map(|t| t.name.split_whitespace())
        .map(|w| text_width(w, FONT_SIZE))
        .fold(0.0, f64::max);
    let narrowest = longest_word + 2.0 * TEXT_PADDING;
    let wide = MIN_BOX_WIDTH.max(narrowest);
    let variant = |per_row: usize, box_width: f64| VerticalVariant {
        per_row,
        box_width,
        lines: wrap_names(input, box_width),
    };
    let mut variants = Vec::new();
    if narrowest <= 118.0 {
        variants.push(variant(2, narrowest.max(104.0)));
    }
    variants.push(variant(1, narrowest.max(150.0)));
    (wide, variants)
}

impl<'a, 'b> Graph<'a, 'b> {
    /// Builds the graph of `input`.
    pub(super) fn new(input: &'b MapInput<'a>) -> Self {
        let title_count = input.titles.len();
        let mut used = vec![false; input.levels.len()];
        for t in &input.titles {
            used[t.level] = true;
        }
        let layer_levels: Vec<usize> = (0..used.len()).filter(|&l| used[l]).collect();
        let mut layer_of: Vec<usize> = input
            .titles
            .iter()
            .map(|t| layer_levels.iter().position(|&l| l == t.level).unwrap())
            .collect();
        let edges = merge_moves(&input.moves, title_count);
        let (chains, neighbours) = chain_edges(&edges, &mut layer_of);
        let (wide_box_width, vertical_variants) = box_widths(input);
        Graph {
            input,
            layer_levels,
            layer_of,
            title_count,
            edges,
            chains,
            neighbours,
            wide_lines: wrap_names(input, wide_box_width),
            wide_box_width,
            vertical_variants,
        }
    }

    /// The name of layer `layer`'s level, wrapped to width `width`.
    pub(super) fn level_label(&self, layer: usize, width: f64) -> Vec<String> {
        wrap(
            self.input.levels[self.layer_levels[layer]].name,
            width,
            BOLD_CHAR_WIDTH * FONT_SIZE,
        )
    }

    /// The drawn form of edge `i` along `points`.
    pub(super) fn routed_edge(&self, i: usize, points: Vec<Point>) -> RoutedEdge {
        let e = &self.edges[i];
        RoutedEdge {
            from: e.from,
            to: e.to,
            kind: e.kind,
            two_way: e.two_way,
            points,
        }
    }
}

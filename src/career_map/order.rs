//! Ordering the titles within each level, and the [`layout()`] entry point:
//! barycentre sweeps over the layered graph give starting orders, then local
//! search (moving and swapping titles) minimises the drawn crossings, then
//! total edge length; the vertical layout redoes the search for its grid.

use super::geometry::score;
use super::graph::Graph;
use super::model::{FONT_SIZE, Layout, MARGIN, MapInput, Orientation, PHONE_WIDTH};

/// An order of the nodes of every layer.
type Order = Vec<Vec<usize>>;

impl Graph<'_, '_> {
    /// Reorders layer `layer` by the mean place of each node's neighbours in
    /// layer `from` (nodes without any keep their place).
    fn order_by_barycentre(&self, order: &mut [Vec<usize>], layer: usize, from: usize) {
        let mut places = vec![0.0; self.layer_of.len()];
        for (i, &m) in order[from].iter().enumerate() {
            places[m] = i as f64;
        }
        let place = |m: usize| places[m];
        let mut keyed: Vec<(f64, usize, usize)> = order[layer]
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                let places: Vec<f64> = self.neighbours[n]
                    .iter()
                    .filter(|&&m| self.layer_of[m] == from)
                    .map(|&m| place(m))
                    .collect();
                let key = if places.is_empty() {
                    i as f64
                } else {
                    places.iter().sum::<f64>() / places.len() as f64
                };
                (key, i, n)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        order[layer] = keyed.into_iter().map(|k| k.2).collect();
    }

    /// The input order, then every distinct order met in barycentre sweeps
    /// down and up: the starts for local search.
    fn starting_orders(&self) -> Vec<Order> {
        let layers = self.layer_levels.len();
        let mut order: Order = vec![Vec::new(); layers];
        for (n, &l) in self.layer_of.iter().enumerate() {
            order[l].push(n);
        }
        let mut starts = vec![order.clone()];
        for pass in 0..8 {
            for k in 1..layers {
                if pass % 2 == 0 {
                    self.order_by_barycentre(&mut order, k, k - 1)
                } else {
                    self.order_by_barycentre(&mut order, layers - 1 - k, layers - k)
                }
            }
            if !starts.contains(&order) {
                starts.push(order.clone());
            }
        }
        starts
    }

    /// The order of every layer (titles and dummies) with the best
    /// horizontal drawing found.
    fn best_wide_order(&self, budget: &mut Budget) -> Order {
        let wide_score = |o: &[Vec<usize>]| score(&self.horizontal_layout(o));
        let mut best = (f64::INFINITY, Vec::new());
        for mut order in self.starting_orders() {
            improve(&mut order, &wide_score, true, 4, budget);
            let s = wide_score(&order);
            if s < best.0 {
                best = (s, order);
            }
        }
        best.1
    }

    /// The vertical drawing: two boxes per sub-row if the channels fit,
    /// else one; the search starts from the horizontal order's titles.
    fn best_narrow_layout(&self, order: &[Vec<usize>], budget: &mut Budget) -> Layout {
        let mut best: Option<(Layout, f64)> = None;
        for variant in 0..self.vertical_variants.len() {
            let (layout, penalty) = self.search_narrow(order, variant, budget);
            if best.as_ref().is_none_or(|b| penalty < b.1) {
                best = Some((layout, penalty));
            }
            if penalty < 1e7 {
                break;
            }
        }
        best.unwrap().0
    }

    /// Local search over the titles' order for vertical variant `variant`,
    /// then over the channel of each lane; the layout found and its penalty.
    fn search_narrow(
        &self,
        order: &[Vec<usize>],
        variant: usize,
        budget: &mut Budget,
    ) -> (Layout, f64) {
        let mut titles_order: Order = order
            .iter()
            .map(|c| {
                c.iter()
                    .copied()
                    .filter(|&n| n < self.title_count)
                    .collect()
            })
            .collect();
        let mut flip = vec![false; self.edges.len()];
        let narrow_score = |o: &[Vec<usize>], f: &[bool]| {
            let (layout, penalty) = self.vertical_layout(o, variant, f);
            score(&layout) + penalty
        };
        improve(
            &mut titles_order,
            &|o| narrow_score(o, &flip),
            true,
            usize::MAX,
            budget,
        );
        // Then try each lane in its other channel while that helps.
        let mut best = narrow_score(&titles_order, &flip);
        for i in (0..flip.len()).cycle().take(3 * flip.len()) {
            if !budget.spend() {
                break;
            }
            flip[i] ^= true;
            let s = narrow_score(&titles_order, &flip);
            if s < best - 1e-6 {
                best = s
            } else {
                flip[i] ^= true
            }
        }
        self.vertical_layout(&titles_order, variant, &flip)
    }
}

/// How many drawings the search may still score. Each costs about the
/// square of the number of moves (crossings are counted pair by pair), so
/// the budget is a fixed amount of work divided by that: a small map is
/// searched to the end as before, a large one stops early with the best
/// order found so far (at most [`WORK`] steps, whatever the map).
pub(super) struct Budget(usize);

/// Work the order search may do, in pairs of drawn segments compared:
/// about half a second in a release build for the largest map allowed;
/// the bundled map's search ends before it runs out.
const WORK: usize = 40_000_000;

impl Budget {
    pub(super) fn for_graph(graph: &Graph<'_, '_>) -> Self {
        let size =
            graph.chains.iter().map(|c| c.len().max(2)).sum::<usize>() + graph.layer_of.len();
        Self(WORK / (size * size).max(1))
    }

    /// Take one scoring; `false` when none is left.
    fn spend(&mut self) -> bool {
        self.0 = self.0.saturating_sub(1);
        self.0 > 0
    }
}

/// Local search: move (and, with `swaps`, exchange) nodes at most `window` places within
/// each layer while the score drops, and while the budget lasts.
fn improve(
    order: &mut Order,
    score: &dyn Fn(&[Vec<usize>]) -> f64,
    swaps: bool,
    window: usize,
    budget: &mut Budget,
) {
    let mut best = score(order);
    for _ in 0..8 {
        let mut better = false;
        for c in 0..order.len() {
            let n = order[c].len();
            for (i, j, swap) in
                (0..n).flat_map(|i| (0..n).flat_map(move |j| [(i, j, false), (i, j, true)]))
            {
                if i == j || i.abs_diff(j) > window || (swap && (!swaps || j < i + 2)) {
                    continue;
                }
                if !budget.spend() {
                    return;
                }
                let mut candidate = order.clone();
                if swap {
                    candidate[c].swap(i, j);
                } else {
                    let v = candidate[c].remove(i);
                    candidate[c].insert(j, v);
                }
                let s = score(&candidate);
                if s < best - 1e-6 {
                    (best, *order, better) = (s, candidate, true);
                }
            }
        }
        if !better {
            break;
        }
    }
}

/// The drawing of a map without titles: just its margins.
fn empty_layout(orientation: Orientation) -> Layout {
    let width = if orientation == Orientation::Vertical {
        PHONE_WIDTH
    } else {
        2.0 * MARGIN
    };
    Layout {
        orientation,
        width,
        height: 2.0 * MARGIN,
        font: FONT_SIZE,
        boxes: Vec::new(),
        levels: Vec::new(),
        edges: Vec::new(),
    }
}

/// Lays out the map. Deterministic: the same input gives the same layout.
pub(crate) fn layout(input: &MapInput<'_>, orientation: Orientation) -> Layout {
    layout_within_budget(input, orientation).0
}

/// The layout, and how many scorings were left of its budget (0: the
/// search was cut short).
pub(super) fn layout_within_budget(
    input: &MapInput<'_>,
    orientation: Orientation,
) -> (Layout, usize) {
    let graph = Graph::new(input);
    if graph.layer_levels.is_empty() {
        return (empty_layout(orientation), 1);
    }
    let mut budget = Budget::for_graph(&graph);
    let order = graph.best_wide_order(&mut budget);
    let layout = match orientation {
        Orientation::Horizontal => graph.horizontal_layout(&order),
        Orientation::Vertical => graph.best_narrow_layout(&order, &mut budget),
    };
    (layout, budget.0)
}

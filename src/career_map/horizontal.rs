//! Desktop geometry: levels are columns left to right. Places the boxes of a
//! given order (pulling each towards its neighbours in other columns), then
//! routes every move: stubs and diagonals between columns (through gaps for
//! skipped columns), straight lines between neighbours, lanes beside a column.

use super::columns::{Columns, strip};
use super::graph::Graph;
use super::model::{
    ARROW_ROOM, FONT_SIZE, LINE_HEIGHT, Layout, LevelBand, MARGIN, Orientation, Point, Rect,
    RoutedEdge, TitleBox,
};
use super::route::{
    Attachment, BOTTOM, LEFT, RIGHT, Sides, TOP, down_points, lane_points, spread_ports, track_x,
};

/// How a move is drawn across the columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route {
    /// Between columns: stubs and diagonals along its chain.
    Chain,
    /// Straight up or down to a neighbour in the same column.
    Straight,
    /// In a lane beside its column, on side `LEFT` or `RIGHT`.
    Lane(usize),
}

/// The moves of one placement, attached to the sides of the boxes.
struct Routes {
    /// Per edge, how it is drawn.
    route: Vec<Route>,
    /// Per title, its attachments on each side.
    attachments: Vec<Sides>,
    /// The edges drawn in lanes, shortest first.
    lanes: Vec<usize>,
}

/// One order of the columns, its nodes placed vertically.
struct Placed<'g, 'a, 'b> {
    graph: &'g Graph<'a, 'b>,
    order: &'g [Vec<usize>],
    /// Per node, its box height (0 for a dummy).
    heights: Vec<f64>,
    /// Per node, the y of its centre.
    centre_y: Vec<f64>,
    /// Per title, the y of its box's top.
    top: Vec<f64>,
    /// Per node, its place in its column.
    place: Vec<usize>,
}

impl Graph<'_, '_> {
    /// Horizontal geometry for a given order of every layer (titles and dummies).
    pub(super) fn horizontal_layout(&self, order: &[Vec<usize>]) -> Layout {
        let labels: Vec<Vec<String>> = (0..order.len())
            .map(|c| self.level_label(c, self.wide_box_width))
            .collect();
        let placed = Placed::new(self, order, &labels);
        let mut routes = placed.attach_moves();
        let heights = &placed.heights[..self.title_count];
        let ports = spread_ports(
            &mut routes.attachments,
            &placed.top,
            heights,
            self.edges.len(),
        );
        let mut track = vec![0; self.edges.len()];
        let tracks = placed.lane_tracks(&routes, &ports, &mut track);
        let columns = Columns::new(tracks, self.wide_box_width);
        let boxes: Vec<TitleBox> = (0..self.title_count)
            .map(|t| TitleBox {
                rect: Rect::new(
                    columns.x[self.layer_of[t]],
                    placed.top[t],
                    self.wide_box_width,
                    placed.heights[t],
                ),
                lines: self.wide_lines[t].clone(),
            })
            .collect();
        let edges: Vec<RoutedEdge> = (0..self.edges.len())
            .map(|i| {
                let points = placed.edge_points(i, &routes, &boxes, &columns, (&ports, &track));
                self.routed_edge(i, points)
            })
            .collect();
        placed.finish(labels, boxes, edges, &columns)
    }
}

impl<'g, 'a, 'b> Placed<'g, 'a, 'b> {
    /// The nodes of `order` placed vertically.
    fn new(graph: &'g Graph<'a, 'b>, order: &'g [Vec<usize>], labels: &[Vec<String>]) -> Self {
        let heights = graph.wide_heights();
        let centre_y = graph.wide_centres(order, &heights, labels);
        let top = (0..graph.title_count)
            .map(|t| centre_y[t] - heights[t] / 2.0)
            .collect();
        let mut place = vec![0; graph.layer_of.len()];
        for col in order {
            for (i, &n) in col.iter().enumerate() {
                place[n] = i;
            }
        }
        Placed {
            graph,
            order,
            heights,
            centre_y,
            top,
            place,
        }
    }

    /// The places in its column of edge `i`'s ends, upper first.
    fn span(&self, i: usize) -> (usize, usize) {
        let e = &self.graph.edges[i];
        let (a, b) = (self.place[e.from], self.place[e.to]);
        (a.min(b), a.max(b))
    }

    /// Routes every move and attaches its ends to box sides: chains leave
    /// from the sides facing each other, neighbours in a column are joined
    /// straight, every other move in a column gets a lane.
    fn attach_moves(&self) -> Routes {
        let (g, y) = (self.graph, &self.centre_y);
        let titles = g.title_count;
        let mut route = vec![Route::Chain; g.edges.len()];
        let mut attachments: Vec<Sides> = vec![Default::default(); titles];
        let mut diagonal_side = vec![[false; 2]; titles];
        for (i, chain) in g.chains.iter().enumerate() {
            if let [lo, .., hi] = chain[..] {
                let end = |t: usize| usize::from(g.edges[i].to == t);
                attachments[lo][RIGHT].push(Attachment::new(1, y[chain[1]], i, end(lo)));
                let before_hi = y[chain[chain.len() - 2]];
                attachments[hi][LEFT].push(Attachment::new(1, before_hi, i, end(hi)));
                diagonal_side[lo][RIGHT] = true;
                diagonal_side[hi][LEFT] = true;
            }
        }
        let mut lanes: Vec<usize> = Vec::new();
        for (i, e) in (g.edges.iter().enumerate()).filter(|(i, _)| g.chains[*i].is_empty()) {
            let (p, q) = self.span(i);
            let col = &self.order[g.layer_of[e.from]];
            if col[p + 1..q].iter().all(|&n| n >= titles) {
                route[i] = Route::Straight;
                let (upper, lower) = if self.place[e.from] < self.place[e.to] {
                    (0, 1)
                } else {
                    (1, 0)
                };
                attachments[col[p]][BOTTOM].push(Attachment::new(1, 0.0, i, upper));
                attachments[col[q]][TOP].push(Attachment::new(1, 0.0, i, lower));
            } else {
                lanes.push(i);
            }
        }
        lanes.sort_by_key(|&i| (self.span(i).1 - self.span(i).0, i));
        let mut routes = Routes {
            route,
            attachments,
            lanes,
        };
        self.choose_lane_sides(&mut routes, &diagonal_side);
        routes
    }

    /// Puts each lane (shortest first) on the side of its column where it
    /// passes fewest boxes with diagonals on that side and crosses fewest
    /// lanes already there.
    fn choose_lane_sides(&self, routes: &mut Routes, diagonal_side: &[[bool; 2]]) {
        let (g, y) = (self.graph, &self.centre_y);
        let layers = self.order.len();
        let mut on_side: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 2 * layers];
        for &i in &routes.lanes {
            let (e, (p, q)) = (&g.edges[i], self.span(i));
            let c = g.layer_of[e.from];
            let cost = |side: usize| {
                let boxes = self.order[c][p + 1..q]
                    .iter()
                    .filter(|&&n| n < g.title_count && diagonal_side[n][side])
                    .count();
                boxes
                    + on_side[2 * c + side]
                        .iter()
                        .filter(|&&(a, b)| (a < p && p < b && b < q) || (p < a && a < q && q < b))
                        .count()
            };
            let prefer = if c + 1 == layers && layers > 1 {
                [RIGHT, LEFT]
            } else {
                [LEFT, RIGHT]
            };
            let side = if cost(prefer[1]) < cost(prefer[0]) {
                prefer[1]
            } else {
                prefer[0]
            };
            on_side[2 * c + side].push((p, q));
            routes.route[i] = Route::Lane(side);
            let sides = &mut routes.attachments;
            sides[e.from][side].push(Attachment::lane(y[e.from], y[e.to], i, 0));
            sides[e.to][side].push(Attachment::lane(y[e.to], y[e.from], i, 1));
        }
    }

    /// Per column, the number of lane tracks on its left and right; `track`
    /// gets each lane's track.
    fn lane_tracks(
        &self,
        routes: &Routes,
        ports: &[[f64; 2]],
        track: &mut [usize],
    ) -> Vec<[usize; 2]> {
        let g = self.graph;
        let mut tracks = vec![[0usize; 2]; self.order.len()];
        for (c, sides) in tracks.iter_mut().enumerate() {
            for (side, count) in sides.iter_mut().enumerate() {
                let ids: Vec<usize> = (routes.lanes.iter().copied())
                    .filter(|&i| {
                        g.layer_of[g.edges[i].from] == c && routes.route[i] == Route::Lane(side)
                    })
                    .collect();
                *count = g.tracks_for(&ids, ports, |_| false, track);
            }
        }
        tracks
    }

    /// The polyline of edge `i`.
    fn edge_points(
        &self,
        i: usize,
        routes: &Routes,
        boxes: &[TitleBox],
        columns: &Columns,
        (ports, track): (&[[f64; 2]], &[usize]),
    ) -> Vec<Point> {
        let (g, e) = (self.graph, &self.graph.edges[i]);
        match routes.route[i] {
            Route::Chain => self.chain_points(i, columns, ports[i]),
            Route::Straight => down_points(boxes[e.from].rect, boxes[e.to].rect, ports[i]),
            Route::Lane(side) => {
                let c = g.layer_of[e.from];
                let (lo, dir) = if side == LEFT {
                    (columns.x[c], -1.0)
                } else {
                    (columns.x[c] + columns.box_width, 1.0)
                };
                let k = columns.tracks[c][side];
                let x = track_x(lo, dir, strip(k), (ARROW_ROOM, 0.0), k, track[i]);
                lane_points((lo, lo), x, ports[i])
            }
        }
    }

    /// The polyline of a move between columns: a stub out of the lower
    /// column's box, a stub pair at every dummy, a stub into the higher
    /// column's box, joined by diagonals.
    fn chain_points(&self, i: usize, columns: &Columns, port: [f64; 2]) -> Vec<Point> {
        let g = self.graph;
        let e = &g.edges[i];
        let chain = &g.chains[i];
        let (lo, hi) = (chain[0], chain[chain.len() - 1]);
        let (y_lo, y_hi) = (port[usize::from(e.to == lo)], port[usize::from(e.to == hi)]);
        let (c_lo, c_hi) = (g.layer_of[lo], g.layer_of[hi]);
        let mut points = vec![
            (columns.x[c_lo] + columns.box_width, y_lo),
            (columns.stub_right(c_lo), y_lo),
        ];
        for &d in &chain[1..chain.len() - 1] {
            let (c, y) = (g.layer_of[d], self.centre_y[d]);
            points.extend([(columns.stub_left(c), y), (columns.stub_right(c), y)]);
        }
        points.extend([(columns.stub_left(c_hi), y_hi), (columns.x[c_hi], y_hi)]);
        if e.from != lo {
            points.reverse();
        }
        points
    }

    /// The finished layout: the level bands reach below the lowest box.
    fn finish(
        &self,
        labels: Vec<Vec<String>>,
        boxes: Vec<TitleBox>,
        edges: Vec<RoutedEdge>,
        columns: &Columns,
    ) -> Layout {
        let bw = columns.box_width;
        let bottom = (boxes.iter())
            .map(|b| b.rect.y + b.rect.h)
            .chain(self.centre_y.iter().copied())
            .fold(0.0, f64::max)
            + 8.0;
        let levels = (labels.into_iter().enumerate())
            .map(|(c, lines)| LevelBand {
                level: self.graph.layer_levels[c],
                lines,
                x: columns.x[c] + bw / 2.0,
                y: MARGIN + 2.0 + LINE_HEIGHT / 2.0 + 0.35 * FONT_SIZE,
                centered: true,
                band: Rect::new(
                    columns.x[c] - 6.0,
                    MARGIN - 2.0,
                    bw + 12.0,
                    bottom - MARGIN + 2.0,
                ),
            })
            .collect();
        let last = columns.x.len() - 1;
        let width = columns.x[last] + bw + strip(columns.tracks[last][RIGHT]) + MARGIN;
        Layout {
            orientation: Orientation::Horizontal,
            width,
            height: bottom + MARGIN,
            font: FONT_SIZE,
            boxes,
            levels,
            edges,
        }
    }
}

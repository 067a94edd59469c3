//! Phone geometry: levels are rows, wrapped into sub-rows of one or two boxes
//! within the phone width. Places the boxes of a given order, then routes every
//! move: straight across a sub-row, straight down between stacked boxes, or in
//! one of three vertical channels (left margin, centre gap, right margin).

use super::graph::{Graph, VerticalVariant};
use super::model::{
    FONT_SIZE, LINE_HEIGHT, Layout, LevelBand, Orientation, PHONE_WIDTH, Point, Rect, TitleBox,
};
use super::route::{
    Attachment, BOTTOM, LEFT, RIGHT, Sides, TOP, down_points, lane_points, spread_ports, track_x,
};
use super::rows::{Channels, Grid, fit_channels};

/// The vertical channels lanes run in.
const LEFT_MARGIN: usize = 0;
const CENTRE_GAP: usize = 1;

/// How a move is drawn down the rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route {
    /// Straight across a sub-row.
    Across,
    /// Straight down (or up) between stacked boxes.
    Down,
    /// In a vertical channel: `LEFT_MARGIN`, `CENTRE_GAP` or the right margin.
    Channel(usize),
}

/// The moves of one grid, attached to the sides of the boxes.
struct Routes {
    /// Per edge, how it is drawn.
    route: Vec<Route>,
    /// Per title, its attachments on each side.
    attachments: Vec<Sides>,
    /// The edges drawn in channels, shortest first.
    lanes: Vec<usize>,
    /// Whether some move runs straight across a sub-row.
    has_across: bool,
}

/// One grid of one variant while it is routed.
struct Rows<'g, 'a, 'b> {
    graph: &'g Graph<'a, 'b>,
    variant: &'g VerticalVariant,
    grid: Grid,
}

impl Graph<'_, '_> {
    /// Vertical geometry for a given order of the titles in every layer, using
    /// variant `variant`, with the channel choice of lanes marked in `flip`
    /// inverted; also returns a penalty for squeezed (>= 0) or overflowing
    /// (>= 1e7) channels.
    pub(super) fn vertical_layout(
        &self,
        order: &[Vec<usize>],
        variant: usize,
        flip: &[bool],
    ) -> (Layout, f64) {
        let variant = &self.vertical_variants[variant];
        let rows = Rows {
            graph: self,
            variant,
            grid: self.grid(order, variant),
        };
        let mut routes = rows.attach_moves(flip);
        let ports = spread_ports(
            &mut routes.attachments,
            &rows.grid.top,
            &rows.grid.height,
            self.edges.len(),
        );
        let mut track = vec![0; self.edges.len()];
        let channels = rows.channels(&routes, &ports, &mut track);
        rows.finish(&routes, &channels, (&ports, &track))
    }
}

impl Rows<'_, '_, '_> {
    /// The side of title `t`'s box that faces channel `ch`.
    fn side_of(&self, t: usize, ch: usize) -> usize {
        if ch == CENTRE_GAP {
            1 - self.grid.cell[t].1
        } else {
            ch / 2
        }
    }

    /// Whether title `t`'s box borders channel `ch`.
    fn borders(&self, t: usize, ch: usize) -> bool {
        if self.variant.per_row == 1 {
            ch != CENTRE_GAP
        } else {
            ch == CENTRE_GAP || ch == 2 * self.grid.cell[t].1
        }
    }

    /// Vertical extent of edge `i`, between its ends' centres.
    fn span(&self, i: usize) -> (f64, f64) {
        let e = &self.graph.edges[i];
        let (a, b) = (self.grid.centre_y(e.from), self.grid.centre_y(e.to));
        (a.min(b), a.max(b))
    }

    /// Routes every move and attaches its ends to box sides: across a
    /// sub-row, down to the box below, or (every other move) in a channel.
    fn attach_moves(&self, flip: &[bool]) -> Routes {
        let (g, grid) = (self.graph, &self.grid);
        let mut route = vec![Route::Across; g.edges.len()];
        let mut attachments: Vec<Sides> = vec![Default::default(); g.title_count];
        let mut lanes: Vec<usize> = Vec::new();
        for (i, e) in g.edges.iter().enumerate() {
            let ((row_a, place_a), (row_b, place_b)) = (grid.cell[e.from], grid.cell[e.to]);
            let same_level = g.layer_of[e.from] == g.layer_of[e.to];
            if row_a == row_b {
                let (l, r) = if place_a < place_b {
                    (LEFT, RIGHT)
                } else {
                    (RIGHT, LEFT)
                };
                attachments[e.from][r].push(Attachment::new(1, grid.centre_y(e.to), i, 0));
                attachments[e.to][l].push(Attachment::new(1, grid.centre_y(e.from), i, 1));
            } else if same_level && place_a == place_b && row_a.abs_diff(row_b) == 1 {
                route[i] = Route::Down;
                let (d, u) = if row_a < row_b {
                    (BOTTOM, TOP)
                } else {
                    (TOP, BOTTOM)
                };
                attachments[e.from][d].push(Attachment::new(1, 0.0, i, 0));
                attachments[e.to][u].push(Attachment::new(1, 0.0, i, 1));
            } else {
                lanes.push(i);
            }
        }
        let has_across = (route.iter().zip(&g.edges))
            .any(|(&r, e)| r == Route::Across && grid.cell[e.from].0 == grid.cell[e.to].0);
        let length = |i: usize| self.span(i).1 - self.span(i).0;
        lanes.sort_by(|&a, &b| length(a).total_cmp(&length(b)).then(a.cmp(&b)));
        let mut routes = Routes {
            route,
            attachments,
            lanes,
            has_across,
        };
        self.choose_channels(&mut routes, flip);
        routes
    }

    /// Puts each lane (shortest first) in the channel where it crosses
    /// fewest lanes already there and passes fewest boxes, or in the other
    /// one where `flip` says so.
    fn choose_channels(&self, routes: &mut Routes, flip: &[bool]) {
        let (g, grid) = (self.graph, &self.grid);
        let mut in_channel: [Vec<(f64, f64)>; 3] = Default::default();
        for &i in &routes.lanes {
            let (e, (p, q)) = (&g.edges[i], self.span(i));
            let candidates: Vec<usize> = if self.variant.per_row == 1 {
                vec![0, 2]
            } else if grid.cell[e.from].1 == grid.cell[e.to].1 {
                vec![2 * grid.cell[e.from].1, CENTRE_GAP]
            } else {
                vec![CENTRE_GAP]
            };
            let cost = |ch: usize| {
                let boxes = (0..g.title_count)
                    .filter(|&t| t != e.from && t != e.to && self.borders(t, ch))
                    .filter(|&t| grid.centre_y(t) > p && grid.centre_y(t) < q)
                    .count();
                let crossed = in_channel[ch]
                    .iter()
                    .filter(|&&(a, b)| (a < p && p < b && b < q) || (p < a && a < q && q < b))
                    .count();
                crossed as f64 + 0.5 * boxes as f64
            };
            let mut ch = (candidates.iter().copied())
                .fold(candidates[0], |b, c| if cost(c) < cost(b) { c } else { b });
            if flip[i] {
                ch = *candidates.iter().find(|&&c| c != ch).unwrap_or(&ch);
            }
            in_channel[ch].push((p, q));
            routes.route[i] = Route::Channel(ch);
            let (y_from, y_to) = (grid.centre_y(e.from), grid.centre_y(e.to));
            let sides = &mut routes.attachments;
            sides[e.from][self.side_of(e.from, ch)].push(Attachment::lane(y_from, y_to, i, 0));
            sides[e.to][self.side_of(e.to, ch)].push(Attachment::lane(y_to, y_from, i, 1));
        }
    }

    /// The lane tracks of each channel (`track` gets each lane's), and the
    /// channels' widths fitted to the phone.
    fn channels(&self, routes: &Routes, ports: &[[f64; 2]], track: &mut [usize]) -> Channels {
        let mut tracks = [0usize; 3];
        for (ch, count) in tracks.iter_mut().enumerate() {
            let ids: Vec<usize> = (routes.lanes.iter().copied())
                .filter(|&i| routes.route[i] == Route::Channel(ch))
                .collect();
            let far = |t: usize| ch == CENTRE_GAP && self.grid.cell[t].1 == 1;
            *count = self.graph.tracks_for(&ids, ports, far, track);
        }
        fit_channels(self.variant, tracks, routes.has_across)
    }

    /// x of title `t`'s box side `side`.
    fn side_x(&self, boxes: &[TitleBox], t: usize, side: usize) -> f64 {
        boxes[t].rect.x
            + if side == 1 {
                self.variant.box_width
            } else {
                0.0
            }
    }

    /// The finished layout.
    fn finish(
        &self,
        routes: &Routes,
        channels: &Channels,
        (ports, track): (&[[f64; 2]], &[usize]),
    ) -> (Layout, f64) {
        let (g, bw, w) = (self.graph, self.variant.box_width, &channels.width);
        let col_x = [2.0 + w[0], 2.0 + w[0] + bw + w[1]];
        let boxes: Vec<TitleBox> = (0..g.title_count)
            .map(|t| TitleBox {
                rect: Rect::new(
                    col_x[self.grid.cell[t].1],
                    self.grid.top[t],
                    bw,
                    self.grid.height[t],
                ),
                lines: self.variant.lines[t].clone(),
            })
            .collect();
        let edges = (0..g.edges.len())
            .map(|i| {
                let points =
                    self.edge_points(i, routes.route[i], &boxes, channels, col_x, (ports, track));
                g.routed_edge(i, points)
            })
            .collect();
        let levels = (self.grid.bands.iter().enumerate())
            .map(|(c, (lines, t, b))| LevelBand {
                level: g.layer_levels[c],
                lines: lines.clone(),
                x: col_x[0],
                y: t + 4.0 + LINE_HEIGHT / 2.0 + 0.35 * FONT_SIZE,
                centered: false,
                band: Rect::new(1.0, *t, PHONE_WIDTH - 2.0, b - t),
            })
            .collect();
        let layout = Layout {
            orientation: Orientation::Vertical,
            width: PHONE_WIDTH,
            height: self.grid.drawing_height,
            font: FONT_SIZE,
            boxes,
            levels,
            edges,
        };
        (layout, channels.penalty)
    }

    /// The polyline of edge `i`, routed `route`.
    fn edge_points(
        &self,
        i: usize,
        route: Route,
        boxes: &[TitleBox],
        channels: &Channels,
        col_x: [f64; 2],
        (ports, track): (&[[f64; 2]], &[usize]),
    ) -> Vec<Point> {
        let e = &self.graph.edges[i];
        let (ra, rb) = (boxes[e.from].rect, boxes[e.to].rect);
        match route {
            Route::Across => {
                let (sa, sb) = if ra.x < rb.x { (1, 0) } else { (0, 1) };
                vec![
                    (self.side_x(boxes, e.from, sa), ports[i][0]),
                    (self.side_x(boxes, e.to, sb), ports[i][1]),
                ]
            }
            Route::Down => down_points(ra, rb, ports[i]),
            Route::Channel(ch) => {
                let bw = self.variant.box_width;
                let room = |ch: usize| channels.arrow_room(ch);
                let (lo, dir, clear) = match ch {
                    LEFT_MARGIN => (col_x[0], -1.0, (room(0), 1.0)),
                    CENTRE_GAP => (col_x[0] + bw, 1.0, (room(1), room(1))),
                    _ => (col_x[self.variant.per_row - 1] + bw, 1.0, (room(2), 1.0)),
                };
                let k = channels.tracks[ch];
                let x = track_x(lo, dir, channels.width[ch], clear, k, track[i]);
                let xs = (
                    self.side_x(boxes, e.from, self.side_of(e.from, ch)),
                    self.side_x(boxes, e.to, self.side_of(e.to, ch)),
                );
                lane_points(xs, x, ports[i])
            }
        }
    }
}

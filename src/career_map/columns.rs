//! Desktop placement: where the columns are (their x, with room for the
//! lane tracks, stubs and diagonals between them) and where every node of
//! a column is (stacked, then pulled towards its neighbours in the other
//! columns).

use super::graph::Graph;
use super::model::{
    ARROW_ROOM, DIAGONAL_RUN, LANE_SPACING, LINE_HEIGHT, MARGIN, STACK_GAP, STUB_LENGTH, box_height,
};
use super::route::{LEFT, RIGHT};

/// Where the columns are: their left edges and the lane tracks beside each.
pub(super) struct Columns {
    /// Per column, the x of its boxes' left edge.
    pub(super) x: Vec<f64>,
    /// Per column, its lane tracks on the left and on the right.
    pub(super) tracks: Vec<[usize; 2]>,
    /// Width of every box.
    pub(super) box_width: f64,
}

/// Width of the lane strip beside a column with `tracks` tracks.
pub(super) fn strip(tracks: usize) -> f64 {
    if tracks == 0 {
        0.0
    } else {
        ARROW_ROOM + tracks as f64 * LANE_SPACING
    }
}

impl Columns {
    /// Columns of boxes `box_width` wide, spaced for their lane tracks, the
    /// stubs and the diagonals between them.
    pub(super) fn new(tracks: Vec<[usize; 2]>, box_width: f64) -> Self {
        let mut x = vec![MARGIN + strip(tracks[0][LEFT]); tracks.len()];
        for c in 1..tracks.len() {
            x[c] = x[c - 1]
                + box_width
                + strip(tracks[c - 1][RIGHT])
                + 2.0 * STUB_LENGTH
                + DIAGONAL_RUN
                + strip(tracks[c][LEFT]);
        }
        Columns {
            x,
            tracks,
            box_width,
        }
    }

    /// x where the stub on column `c`'s left ends.
    pub(super) fn stub_left(&self, c: usize) -> f64 {
        self.x[c] - strip(self.tracks[c][LEFT]) - STUB_LENGTH
    }

    /// x where the stub on column `c`'s right ends.
    pub(super) fn stub_right(&self, c: usize) -> f64 {
        self.x[c] + self.box_width + strip(self.tracks[c][RIGHT]) + STUB_LENGTH
    }
}

/// Centre-to-centre distance between neighbours `a` above `b` in a column
/// (nodes below `titles` are titles, the others dummies).
fn separation(heights: &[f64], titles: usize, a: usize, b: usize) -> f64 {
    (heights[a] + heights[b]) / 2.0
        + match (a < titles, b < titles) {
            (true, true) => STACK_GAP,
            (false, false) => 10.0,
            _ => 16.0,
        }
}

impl Graph<'_, '_> {
    /// Per node, its box height in this layout (0 for a dummy).
    pub(super) fn wide_heights(&self) -> Vec<f64> {
        (0..self.layer_of.len())
            .map(|n| {
                if n < self.title_count {
                    box_height(self.wide_lines[n].len())
                } else {
                    0.0
                }
            })
            .collect()
    }

    /// y of every node's centre: stacked in order, pulled towards the
    /// neighbours in other columns, then moved down below the labels.
    pub(super) fn wide_centres(
        &self,
        order: &[Vec<usize>],
        heights: &[f64],
        labels: &[Vec<String>],
    ) -> Vec<f64> {
        let sep = |a: usize, b: usize| separation(heights, self.title_count, a, b);
        let mut y = vec![0.0; self.layer_of.len()];
        for col in order {
            for i in 1..col.len() {
                y[col[i]] = y[col[i - 1]] + sep(col[i - 1], col[i]);
            }
        }
        let layers = order.len();
        for sweep in 0..8 {
            for k in 0..layers {
                let col = &order[if sweep % 2 == 0 { k } else { layers - 1 - k }];
                self.pull_column(col, &sep, &mut y);
            }
        }
        let label_lines = labels.iter().map(|l| l.len()).max().unwrap_or(1);
        let first_top = MARGIN + 2.0 + label_lines as f64 * LINE_HEIGHT + 12.0;
        let shift = first_top
            - (0..y.len())
                .map(|n| y[n] - heights[n] / 2.0)
                .fold(f64::INFINITY, f64::min);
        y.iter_mut().for_each(|v| *v += shift);
        y
    }

    /// Moves the nodes of column `col` towards the mean y of their
    /// neighbours in other columns, keeping their order and separation.
    /// Nodes without such neighbours have no target: they pack against the
    /// others.
    fn pull_column(&self, col: &[usize], sep: &dyn Fn(usize, usize) -> f64, y: &mut [f64]) {
        let target: Vec<Option<f64>> = col
            .iter()
            .map(|&n| match self.neighbours[n].len() {
                0 => None,
                m => Some(self.neighbours[n].iter().map(|&o| y[o]).sum::<f64>() / m as f64),
            })
            .collect();
        // Lowest place going down (each at least `sep` below the one
        // above), highest place going up.
        let (mut down, mut up) = (target.clone(), target);
        for i in 1..col.len() {
            let lowest = down[i - 1].map(|v| v + sep(col[i - 1], col[i]));
            down[i] = if let (Some(v), Some(l)) = (down[i], lowest) {
                Some(v.max(l))
            } else {
                down[i].or(lowest)
            };
        }
        for i in (1..col.len()).rev() {
            let highest = up[i].map(|v| v - sep(col[i - 1], col[i]));
            up[i - 1] = if let (Some(v), Some(h)) = (up[i - 1], highest) {
                Some(v.min(h))
            } else {
                up[i - 1].or(highest)
            };
        }
        for (i, &n) in col.iter().enumerate() {
            if let (Some(v), Some(w)) = (down[i], up[i]) {
                y[n] = (v + w) / 2.0;
            }
        }
        for i in (1..col.len())
            .rev()
            .filter(|&i| down[i - 1].is_none() && up[i - 1].is_some())
        {
            y[col[i - 1]] = y[col[i]] - sep(col[i - 1], col[i]);
        }
        for i in (1..col.len()).filter(|&i| up[i].is_none() && down[i].is_some()) {
            y[col[i]] = y[col[i - 1]] + sep(col[i - 1], col[i]);
        }
    }
}

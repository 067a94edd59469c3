//! Phone placement: the rows of boxes (each level a row under its label,
//! wrapped into sub-rows of one or two boxes) and the widths of the three
//! vertical channels beside them, fitted to the phone width.

use super::graph::{Graph, VerticalVariant};
use super::model::{CHANNEL_ARROW_ROOM, LINE_HEIGHT, MARGIN, PHONE_WIDTH, STACK_GAP, box_height};

/// Where the boxes of one order are, in rows.
pub(super) struct Grid {
    /// Per title, the top of its box.
    pub(super) top: Vec<f64>,
    /// Per title, its sub-row's height (every box in a sub-row is as tall).
    pub(super) height: Vec<f64>,
    /// Per title, its sub-row and its place in it.
    pub(super) cell: Vec<(usize, usize)>,
    /// Per layer, its label's lines and the top and bottom of its band.
    pub(super) bands: Vec<(Vec<String>, f64, f64)>,
    /// Height of the drawing.
    pub(super) drawing_height: f64,
}

impl Grid {
    /// y of title `t`'s centre.
    pub(super) fn centre_y(&self, t: usize) -> f64 {
        self.top[t] + self.height[t] / 2.0
    }
}

/// The width of the three channels, after fitting them to the phone width.
pub(super) struct Channels {
    /// Per channel, its width.
    pub(super) width: Vec<f64>,
    /// Per channel, its comfortable width.
    pub(super) comfortable: Vec<f64>,
    /// Per channel, its lane tracks.
    pub(super) tracks: [usize; 3],
    /// 0 if the channels fit comfortably; more the more they are squeezed
    /// (at least 1e7 when they overflow).
    pub(super) penalty: f64,
}

impl Channels {
    /// Room kept clear for arrowheads beside the boxes in channel `ch`.
    pub(super) fn arrow_room(&self, ch: usize) -> f64 {
        CHANNEL_ARROW_ROOM * (self.width[ch] / self.comfortable[ch]).min(1.0)
    }
}

impl Graph<'_, '_> {
    /// The boxes of `order` in rows: each level starts a row under its
    /// label, and its titles fill sub-rows of `variant.per_row` boxes.
    pub(super) fn grid(&self, order: &[Vec<usize>], variant: &VerticalVariant) -> Grid {
        let titles = self.title_count;
        let (mut top, mut height, mut cell) = (
            vec![0.0; titles],
            vec![0.0; titles],
            vec![(0usize, 0usize); titles],
        );
        let mut y = MARGIN;
        let mut bands = Vec::new();
        let mut row = 0;
        for (c, col) in order.iter().enumerate() {
            if c > 0 {
                y += 22.0;
            }
            let lines = self.level_label(c, variant.box_width);
            let band_top = y - 4.0;
            y += lines.len() as f64 * LINE_HEIGHT + 6.0;
            for (ri, chunk) in col.chunks(variant.per_row).enumerate() {
                if ri > 0 {
                    y += STACK_GAP;
                }
                let row_height = (chunk.iter())
                    .map(|&t| box_height(variant.lines[t].len()))
                    .fold(0.0, f64::max);
                for (k, &t) in chunk.iter().enumerate() {
                    (top[t], height[t], cell[t]) = (y, row_height, (row, k));
                }
                y += row_height;
                row += 1;
            }
            bands.push((lines, band_top, y + 6.0));
        }
        Grid {
            top,
            height,
            cell,
            bands,
            drawing_height: y + 6.0 + MARGIN,
        }
    }
}

/// Channel widths: comfortable (arrow room 10, 5 per track) if they fit,
/// else squeezed towards the minimum (arrow room 7, 3 per track), else
/// scaled down (overflow).
pub(super) fn fit_channels(
    variant: &VerticalVariant,
    tracks: [usize; 3],
    has_across: bool,
) -> Channels {
    let per_row = variant.per_row;
    let need = |room: f64, spacing: f64| -> Vec<f64> {
        (0..3)
            .map(|ch| match (per_row, ch, tracks[ch]) {
                (1, 1, _) => 0.0,
                (_, 1, k) => {
                    (2.0 * room + spacing * k as f64).max(if has_across { 26.0 } else { 8.0 })
                }
                (_, _, 0) => 2.0,
                (_, _, k) => room + 2.0 + spacing * k as f64,
            })
            .collect()
    };
    let (soft, hard) = (need(CHANNEL_ARROW_ROOM, 5.0), need(7.0, 3.0));
    let (soft_total, hard_total) = (soft.iter().sum::<f64>(), hard.iter().sum::<f64>());
    let avail = PHONE_WIDTH - 4.0 - per_row as f64 * variant.box_width;
    let track_total = (tracks[0] + tracks[1] + tracks[2]) as f64;
    let width: Vec<f64> = (0..3)
        .map(|ch| match () {
            _ if hard_total >= avail || hard[ch] == 0.0 => hard[ch] * avail / hard_total,
            _ if soft_total >= avail => {
                hard[ch] + (soft[ch] - hard[ch]) * (avail - hard_total) / (soft_total - hard_total)
            }
            _ if track_total > 0.0 => {
                soft[ch] + (avail - soft_total) * tracks[ch] as f64 / track_total
            }
            _ => soft[ch] + (avail - soft_total) / (4 - per_row) as f64,
        })
        .collect();
    let penalty = if hard_total > avail {
        1e7 + (hard_total - avail) * 1e5
    } else {
        (soft_total - avail).max(0.0) * 1e3
    };
    Channels {
        width,
        comfortable: soft,
        tracks,
        penalty,
    }
}

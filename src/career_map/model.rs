//! The diagram's data: input types (levels, titles, moves), the finished
//! [`Layout`] with its boxes, level bands and routed edges, the sizing
//! constants, and text measuring and wrapping.

/// What the diagram shows.
pub(crate) struct MapInput<'a> {
    /// Education levels, entry to senior; levels without titles are skipped.
    pub levels: Vec<LevelIn<'a>>,
    /// Job titles, each in one level.
    pub titles: Vec<TitleIn<'a>>,
    /// Directed moves between titles.
    pub moves: Vec<MoveIn>,
}
/// An education level.
pub(crate) struct LevelIn<'a> {
    /// Label shown above (horizontal) or at the start of (vertical) the level.
    pub name: &'a str,
}
/// A job title; `level` indexes `MapInput::levels` (out of range panics).
pub(crate) struct TitleIn<'a> {
    /// Id passed to `SvgOpts::href`.
    pub id: &'a str,
    /// Text in the box and the link's accessible name.
    pub name: &'a str,
    /// Index into `MapInput::levels`.
    pub level: usize,
}
/// A directed move; `from`/`to` index `MapInput::titles` (bad indices and self-moves are ignored).
pub(crate) struct MoveIn {
    /// Title the move starts from.
    pub from: usize,
    /// Title the move leads to.
    pub to: usize,
    /// Step up or move across.
    pub kind: MoveKind,
}
/// Kind of move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MoveKind {
    /// Step up: `to.level >= from.level`.
    Advance,
    /// Move across, usually within a level.
    Lateral,
}
/// Which way the levels run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Orientation {
    /// Desktop: levels are columns, left to right.
    Horizontal,
    /// Phone: levels are rows, top to bottom, fitting a 300-unit wide viewBox.
    Vertical,
}

/// Font size of all text.
pub(super) const FONT_SIZE: f64 = 14.0;
/// Line height of wrapped text.
pub(super) const LINE_HEIGHT: f64 = 18.0;
/// Horizontal padding between a box edge and its text.
pub(super) const TEXT_PADDING: f64 = 8.0;
/// Width of the vertical layout's viewBox.
pub(super) const PHONE_WIDTH: f64 = 300.0;
/// Estimated character width of regular text, as a fraction of the font size.
pub(super) const CHAR_WIDTH: f64 = 0.55;
/// Estimated character width of the semi-bold level labels, as a fraction of the font size.
pub(super) const BOLD_CHAR_WIDTH: f64 = 0.6;
/// Minimum box width in the horizontal layout.
pub(super) const MIN_BOX_WIDTH: f64 = 190.0;
/// Margin around the drawing.
pub(super) const MARGIN: f64 = 8.0;
/// Room for an arrowhead between a box and its first lane (horizontal layout).
pub(super) const ARROW_ROOM: f64 = 12.0;
/// Lane spacing beside horizontal columns.
pub(super) const LANE_SPACING: f64 = 8.0;
/// Length of the horizontal stubs at both ends of a move between columns.
pub(super) const STUB_LENGTH: f64 = 12.0;
/// Horizontal run of the diagonal between two columns' stubs.
pub(super) const DIAGONAL_RUN: f64 = 64.0;
/// Gap between stacked boxes (room for two arrowheads).
pub(super) const STACK_GAP: f64 = 34.0;
/// Corner rounding of drawn edges.
pub(super) const CORNER_RADIUS: f64 = 6.0;
/// Arrow room beside a box in the vertical layout's channels.
pub(super) const CHANNEL_ARROW_ROOM: f64 = 10.0;

/// A title's box with its wrapped text.
#[derive(Clone, Debug)]
pub(crate) struct TitleBox {
    /// Where the box is.
    pub rect: Rect,
    /// The title's name wrapped to fit the box.
    pub lines: Vec<String>,
}
impl TitleBox {
    /// Baseline of text line `i`, for a block of lines centred in the box.
    pub(super) fn baseline(&self, i: usize) -> f64 {
        let top = self.rect.y + (self.rect.h - self.lines.len() as f64 * LINE_HEIGHT) / 2.0;
        top + i as f64 * LINE_HEIGHT + LINE_HEIGHT / 2.0 + 0.35 * FONT_SIZE
    }
}
/// A level's label and background band.
#[derive(Clone, Debug)]
pub(crate) struct LevelBand {
    /// Index into `MapInput::levels`.
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "read by the layout tests; kept so a level knows its input"
        )
    )]
    pub level: usize,
    /// The level's name, wrapped.
    pub lines: Vec<String>,
    /// x of the text anchor: its centre if `centered`, else its start.
    pub x: f64,
    /// Baseline of the first line (the next lines follow every 18 units, the line height).
    pub y: f64,
    /// Whether the text is centred on `x`.
    pub centered: bool,
    /// Background band behind the level.
    pub band: Rect,
}
/// A drawn move. `points` is a polyline from `from` to `to`; it is drawn with
/// rounded corners (radius 6). Two-way moves have arrowheads at both ends.
#[derive(Clone, Debug)]
pub(crate) struct RoutedEdge {
    /// Title the move starts from (for two-way moves, either end).
    pub from: usize,
    /// Title the move leads to.
    pub to: usize,
    /// Step up or move across.
    pub kind: MoveKind,
    /// Whether the same move also exists the other way (arrowheads at both ends).
    pub two_way: bool,
    /// The route: starts on `from`'s border, ends on `to`'s border.
    pub points: Vec<Point>,
}
/// A finished layout: one box per title (same indices as the input).
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    /// Which way the levels run.
    pub orientation: Orientation,
    /// Size of the drawing (the SVG viewBox).
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// Font size of all text.
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "read by the layout tests; kept so a layout says its text size"
        )
    )]
    pub font: f64,
    /// One box per input title, same order.
    pub boxes: Vec<TitleBox>,
    /// Levels that have titles, entry first.
    pub levels: Vec<LevelBand>,
    /// Drawn moves; a two-way pair is one edge.
    pub edges: Vec<RoutedEdge>,
}

/// Estimated width of `s` in the regular font at `size`.
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * CHAR_WIDTH * size
}

/// Splits `s` into lines at most `max` wide, at `char_w` per character
/// (a longer single word gets a line of its own).
pub(super) fn wrap(s: &str, max: f64, char_w: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        match lines.last_mut() {
            Some(line)
                if (line.chars().count() + 1 + word.chars().count()) as f64 * char_w <= max =>
            {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Height of a box holding `lines` lines of text.
pub(super) fn box_height(lines: usize) -> f64 {
    lines as f64 * LINE_HEIGHT + 16.0
}

/// A point `(x, y)` in SVG user units.
pub(super) type Point = (f64, f64);

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}
impl Rect {
    /// A rectangle from its corner and size.
    pub(super) const fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Rect { x, y, w, h }
    }
    /// Whether segment `a`-`b` meets this rectangle grown by `m` on each side (shrunk if negative).
    #[cfg(test)]
    pub(super) fn hits(&self, a: Point, b: Point, m: f64) -> bool {
        let (x0, y0, x1, y1) = (
            self.x - m,
            self.y - m,
            self.x + self.w + m,
            self.y + self.h + m,
        );
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.0 - x0),
            (dx, x1 - a.0),
            (-dy, a.1 - y0),
            (dy, y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else if p < 0.0 {
                t0 = t0.max(q / p);
            } else {
                t1 = t1.min(q / p);
            }
        }
        t0 <= t1
    }
}

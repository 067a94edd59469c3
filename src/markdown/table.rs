//! A Markdown table, written cell by cell so each body cell carries its
//! column's heading (`data-label`: phones show a table as one card per row,
//! each value under its heading) and the first column heads its row.
//! Explicit ARIA roles keep it a table for screen readers when the phone
//! layout makes its parts blocks.

use crate::util::html::escape;

/// Where the walk is in a table: the column headings read so far, whether it
/// is in the head, and the body cell being written.
#[derive(Default)]
pub(super) struct TableCells {
    in_head: bool,
    labels: Vec<String>,
    col: usize,
}

impl TableCells {
    pub(super) fn open(&mut self) -> &'static str {
        *self = Self::default();
        "<table role=\"table\">"
    }

    pub(super) fn close() -> &'static str {
        "</tbody></table>"
    }

    pub(super) fn head_open(&mut self) -> &'static str {
        self.in_head = true;
        "<thead role=\"rowgroup\"><tr role=\"row\">"
    }

    pub(super) fn head_close(&mut self) -> &'static str {
        self.in_head = false;
        "</tr></thead><tbody role=\"rowgroup\">"
    }

    pub(super) fn row_open(&mut self) -> &'static str {
        self.col = 0;
        "<tr role=\"row\">"
    }

    /// The text of a heading cell (its label for the body cells below).
    pub(super) fn text(&mut self, text: &str) {
        if self.in_head
            && let Some(l) = self.labels.last_mut()
        {
            l.push_str(text);
        }
    }

    pub(super) fn cell_open(&mut self) -> String {
        if self.in_head {
            self.labels.push(String::new());
            return "<th scope=\"col\" role=\"columnheader\">".to_string();
        }
        if self.col == 0 {
            return "<th scope=\"row\" role=\"rowheader\">".to_string();
        }
        let label = self.labels.get(self.col).map_or("", |l| l.trim());
        if label.is_empty() {
            "<td role=\"cell\">".to_string()
        } else {
            format!("<td role=\"cell\" data-label=\"{}\">", escape(label))
        }
    }

    pub(super) fn cell_close(&mut self) -> &'static str {
        let first = self.col == 0;
        self.col += 1;
        if self.in_head || first {
            "</th>"
        } else {
            "</td>"
        }
    }
}

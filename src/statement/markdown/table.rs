//! GitHub's tables in Markdown (`| Time | What |`): read as the rows of a
//! table, the same as a table copied from a spreadsheet or a web page.
//!
//! The whole table is one paragraph: each row one of its lines (a line
//! break the print keeps), each cell after the row's first opening with a
//! tab, the headings' row bold. The typesetter lines the cells up in
//! columns where they fit the text's column, and otherwise sets each row
//! as a line, every cell after its column's heading (see
//! `typeset::paragraph::table`).

use super::{Builder, Line};
use crate::error::Result;
use crate::statement::document::Span;

/// A table being read.
#[derive(Default)]
pub(super) struct Table {
    /// Reading the headings' row, whose cells are bold.
    pub(super) in_head: bool,
    /// The cells begun in the row being read.
    cells: usize,
    /// The table's columns: the cells of its headings' row.
    columns: usize,
}

impl Builder<'_> {
    /// A table begins at `offset`: a paragraph of its own.
    pub(super) fn table_start(&mut self, offset: usize) {
        let kind = self.context_kind(false);
        self.open(kind, offset);
        self.table = Some(Table::default());
    }

    /// A row begins at `offset` (the headings' row with `head`): a line
    /// of the table's paragraph that the print keeps.
    pub(super) fn table_row(&mut self, offset: usize, head: bool) {
        let no = self.index.line(offset);
        if let Some(para) = &mut self.cur {
            if para.lines.iter().any(|l| !l.spans.is_empty()) {
                para.lines.push(Line {
                    no,
                    spans: Vec::new(),
                    kept: true,
                });
            }
        }
        if let Some(t) = &mut self.table {
            t.in_head = head;
            t.cells = 0;
        }
    }

    /// A cell begins: after the row's first, it opens with a tab, even
    /// after an empty one, so that every cell stays in its column.
    pub(super) fn table_cell(&mut self) {
        let style = self.style();
        let Some(t) = &mut self.table else {
            return;
        };
        t.cells += 1;
        if t.cells == 1 {
            return;
        }
        if let Some(line) = self.cur.as_mut().and_then(|p| p.lines.last_mut()) {
            line.spans.push(Span {
                text: "\t".to_string(),
                style,
            });
        }
    }

    /// The row at `start..end` of the source ends. The headings' row sets
    /// the columns; a row's cells beyond them, which GitHub's tables (and
    /// pulldown-cmark) drop, are added as written, with a warning, as no
    /// word of the statement may go unprinted.
    pub(super) fn table_row_end(&mut self, start: usize, end: usize) -> Result<()> {
        let Some(t) = &mut self.table else {
            return Ok(());
        };
        if std::mem::take(&mut t.in_head) {
            t.columns = t.cells;
            return Ok(());
        }
        let columns = t.columns;
        let row = self.src.get(start..end).unwrap_or_default();
        let cells = split_cells(row);
        let extra: Vec<String> = cells
            .iter()
            .skip(columns)
            .map(|c| c.trim().replace("\\|", "|"))
            .collect();
        if !extra.iter().any(|c| !c.is_empty()) {
            return Ok(());
        }
        for cell in &extra {
            self.push_text(&format!("\t{cell}"), self.style(), start)?;
        }
        self.warn(
            start,
            "this row has more cells than the table has columns; they are set after the others",
        );
        Ok(())
    }
}

/// A table row's cells as written: the text between its unescaped pipes,
/// without the leading and trailing pipe.
fn split_cells(row: &str) -> Vec<&str> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut cells = Vec::new();
    let mut from = 0;
    let mut escaped = false;
    for (i, c) in row.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => {
                cells.push(&row[from..i]);
                from = i + 1;
            }
            _ => escaped = false,
        }
    }
    let last = &row[from..];
    if !last.trim().is_empty() {
        cells.push(last);
    }
    cells
}

//! GitHub's tables in Markdown: a leaflet's column holds no grid, so each
//! row is set as a paragraph (see [`Table`]).

use super::Builder;
use crate::error::Result;
use crate::statement::document::Style;

/// A table being read: its column headings, then one row at a time. A
/// leaflet's column holds no grid, so each row is set as a paragraph,
/// each cell after its column's heading ("Block C: 14th floor · Lifts:
/// broken since August"), as a phone's browser shows a table too wide
/// for it.
#[derive(Default)]
pub(super) struct Table {
    pub(super) headings: Vec<String>,
    /// Reading the heading row; the heading being read.
    pub(super) in_head: bool,
    pub(super) heading: Option<String>,
    /// The body row's next column, and whether a cell of it has text.
    pub(super) column: usize,
    pub(super) row_has_text: bool,
    /// The cell's heading, set before its first text (after a separator
    /// when a cell before it in the row has text).
    pub(super) pending: Option<String>,
    /// The columns whose heading has been printed beside a cell.
    pub(super) printed: Vec<bool>,
}

impl Builder<'_> {
    /// The cells of the table row at `start..end` of the source beyond
    /// the table's columns, which GitHub's tables (and pulldown-cmark)
    /// drop: added to the row as written, with a warning, as no word of
    /// the statement may go unprinted.
    pub(super) fn extra_cells(&mut self, start: usize, end: usize) -> Result<()> {
        let Some(columns) = self.table.as_ref().map(|t| t.headings.len()) else {
            return Ok(());
        };
        let row = self.src.get(start..end).unwrap_or_default();
        let cells = split_cells(row);
        let extra: Vec<&str> = cells
            .iter()
            .skip(columns)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if extra.is_empty() {
            return Ok(());
        }
        let after_cell = self.table.as_ref().is_some_and(|t| t.row_has_text);
        let text = extra.join(" · ").replace("\\|", "|");
        let joined = if after_cell {
            format!(" · {text}")
        } else {
            text
        };
        self.push_text(&joined, Style::default(), start)?;
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

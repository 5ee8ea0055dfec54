//! Tables as Markdown tables, and the paragraphs under a node read flat,
//! one line each (a cell's, a note's).

use roxmltree::Node;

use super::{Inline, RunStyle, Writer, HARD_BREAK};
use crate::statement::docx::xml::LocalName;

impl Writer {
    /// A table as a Markdown table, its first row the headings' row.
    pub(super) fn table(&mut self, tbl: Node) {
        // A table of one column is a frame round text, not a table: a
        // flyer made in Word often holds its whole text in one cell. Its
        // cells' content is read as the body's, paragraph by paragraph.
        let rows: Vec<Vec<Node>> = tbl
            .children()
            .filter(|r| r.has_tag_name_local("tr"))
            .map(|r| {
                r.children()
                    .filter(|c| c.has_tag_name_local("tc"))
                    .collect()
            })
            .collect();
        if rows.iter().all(|r| r.len() <= 1) {
            for &cell in rows.iter().flatten() {
                self.blocks(cell);
            }
            self.end_list();
            return;
        }
        let rows: Vec<Vec<String>> = rows
            .iter()
            .filter(|r| !r.is_empty())
            .map(|r| r.iter().map(|&c| self.cell(c)).collect())
            .collect();
        let Some(width) = rows.iter().map(Vec::len).max() else {
            return;
        };
        for (k, row) in rows.iter().enumerate() {
            self.out.push('|');
            for i in 0..width {
                self.out.push(' ');
                self.out.push_str(row.get(i).map_or("", String::as_str));
                self.out.push_str(" |");
            }
            self.out.push('\n');
            if k == 0 {
                self.out.push('|');
                self.out.push_str(&" --- |".repeat(width));
                self.out.push('\n');
            }
        }
        self.out.push('\n');
    }

    /// A cell's text on one line: its paragraphs a space apart.
    fn cell(&mut self, tc: Node) -> String {
        // A table's row is one line, its cells' line breaks spaces.
        let texts: Vec<String> = self
            .texts(tc)
            .iter()
            .map(|t| t.replace(HARD_BREAK, " ").replace('|', "\\|"))
            .collect();
        texts.join(" ")
    }

    /// The Markdown text of each paragraph under `node` that has any,
    /// trimmed: a nested table's and a text box's too, a text box's
    /// fallback copy (mc:Fallback) only once.
    pub(super) fn texts(&mut self, node: Node) -> Vec<String> {
        let paragraphs = node
            .descendants()
            .filter(|n| n.has_tag_name_local("p"))
            .filter(|n| !n.ancestors().any(|a| a.has_tag_name_local("Fallback")));
        let flat = std::mem::replace(&mut self.flat, true);
        let mut out = Vec::new();
        for p in paragraphs {
            let mut inline = Inline::default();
            self.inline(p, RunStyle::default(), None, &mut inline);
            let text = inline.text.trim();
            if !text.is_empty() {
                out.push(text.to_string());
            }
        }
        self.flat = flat;
        out
    }
}

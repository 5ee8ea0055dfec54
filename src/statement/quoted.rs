//! Cells a spreadsheet quoted when it copied them.
//!
//! Excel, LibreOffice and Google Sheets copy a range as rows of cells
//! between tabs. A cell holding a line break, a tab or a quotation mark
//! is put between quotation marks, with each of its own doubled, so a
//! cell spans lines: `10:00⇥"March from the station` / `to the town
//! hall"⇥Town Hall`. Read line by line, such a row broke in two, its rows
//! no longer had as many tabs as the others, and the table was set as
//! lines of words with the quotation marks in them, `""no""` doubled.
//!
//! The rows are put back together here, before anything judges the
//! block's lines, and a cell quoted so is written as its text. Only what
//! a spreadsheet alone writes is undone: a cell over several lines, or one
//! with doubled quotation marks, and only where the rows then all hold a
//! tab and none more than the first. A title typed in quotation marks into a table by hand
//! (`19:00⇥"The Strike"⇥Cinema`) keeps them.

use super::classify::raw_text;
use super::{Line, Para};
use crate::statement::document::{Span, Style};

/// `paras` with the rows of copied tables whole and their quoted cells
/// written as their text.
pub(super) fn rows(paras: Vec<Para>) -> Vec<Para> {
    paras.into_iter().map(para_rows).collect()
}

fn para_rows(para: Para) -> Para {
    let plain = para
        .lines
        .iter()
        .all(|l| l.spans.iter().all(|s| s.style == Style::default()));
    if para.lines.len() < 2 || !plain || !para.lines.iter().any(|l| raw_text(l).contains('\t')) {
        return para;
    }
    // Each row: its first line, and its text with the line breaks inside
    // quoted cells.
    let mut rows: Vec<(&Line, String)> = Vec::new();
    let mut open = false;
    for line in &para.lines {
        let text = raw_text(line);
        match rows.last_mut() {
            Some((_, row)) if open => {
                row.push('\n');
                row.push_str(&text);
            }
            _ => rows.push((line, text)),
        }
        open = rows.last().is_some_and(|(_, row)| in_quotes(row));
    }
    let tabs = |row: &str| row.matches('\t').count();
    let merged = rows.len() < para.lines.len();
    let unquoted: Vec<String> = rows.iter().map(|(_, row)| unquote(row)).collect();
    let changed = merged || unquoted.iter().zip(&rows).any(|(u, (_, r))| u != r);
    // Two rows or more, each with a tab between cells, none with more than
    // the headings' row (Markdown drops a tab ending a line, an empty last
    // cell's), and every line break inside a cell that is now its text
    // (not a quotation typed over indented lines).
    let most = tabs(&rows[0].1);
    let table = rows.len() >= 2
        && rows.iter().all(|(_, r)| {
            (1..=most).contains(&tabs(r)) && r.trim_start_matches('\t').contains('\t')
        })
        && unquoted.iter().all(|u| !u.contains('\n'));
    if open || !changed || !table {
        return para;
    }
    let lines = rows
        .iter()
        .zip(unquoted)
        .map(|((line, _), text)| Line {
            no: line.no,
            spans: vec![Span::plain(text)],
            kept: line.kept,
        })
        .collect();
    Para {
        kind: para.kind,
        lines,
    }
}

/// Whether `row` ends inside a quoted cell: one that opens with a
/// quotation mark, which a lone one closes (a doubled one is the text's).
fn in_quotes(row: &str) -> bool {
    let mut chars = row.chars().peekable();
    let (mut quoted, mut at_start) = (false, true);
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' && chars.next_if_eq(&'"').is_none() {
                quoted = false;
            }
            continue;
        }
        quoted = c == '"' && at_start;
        at_start = c == '\t';
    }
    quoted
}

/// `row` with each cell a spreadsheet quoted (over several lines, or with
/// doubled quotation marks) written as its text, its line breaks spaces.
fn unquote(row: &str) -> String {
    row.split('\t')
        .map(|cell| {
            let inner = cell
                .strip_prefix('"')
                .and_then(|c| c.strip_suffix('"'))
                .filter(|c| c.contains('\n') || c.contains("\"\""));
            match inner {
                Some(inner) if !inner.replace("\"\"", "").contains('"') => {
                    inner.replace("\"\"", "\"").replace('\n', " ")
                }
                _ => cell.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\t")
}

#[cfg(test)]
mod tests {
    use super::super::plain::testing::rows as para;
    use super::*;

    fn texts(p: &Para) -> Vec<String> {
        p.lines.iter().map(raw_text).collect()
    }

    #[test]
    fn a_cell_over_two_lines_is_one_cell_again() {
        let p = para_rows(para(&[
            "Time\tWhat\tWhere",
            "10:00\t\"March from the station",
            "to the town hall\"\tTown Hall",
            "19:00\t\"Film: \"\"The Strike\"\"\"\tCinema",
            "20:00\t\"The Strike\"\tCinema",
        ]));
        assert_eq!(
            texts(&p),
            [
                "Time\tWhat\tWhere",
                "10:00\tMarch from the station to the town hall\tTown Hall",
                "19:00\tFilm: \"The Strike\"\tCinema",
                // Typed in quotation marks, not quoted by a spreadsheet.
                "20:00\t\"The Strike\"\tCinema",
            ]
        );
        assert_eq!(
            p.lines.iter().map(|l| l.no).collect::<Vec<_>>(),
            [1, 2, 4, 5]
        );
    }

    #[test]
    fn anything_else_is_left_as_it_is() {
        for lines in [
            // A quotation mark that never closes.
            &["Time\tWhat", "10:00\t\"March", "12:00\tTalks"][..],
            // A row that would hold more tabs than the headings'.
            &[
                "Time\tWhat",
                "10:00\t\"March",
                "on\"\tSquare\tMore",
                "12:00\tTalks",
            ][..],
            // Prose with quotation marks and no tabs.
            &["He said \"no", "more\" and left."][..],
            // A quotation typed over lines indented by tabs.
            &[
                "\t\"We will not be moved,",
                "\tsaid the tenants.\"",
                "\tAnd they were not.",
            ][..],
        ] {
            let p = para(lines);
            assert_eq!(texts(&para_rows(p.clone())), texts(&p));
        }
    }
}

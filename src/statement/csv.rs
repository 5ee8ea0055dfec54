//! Rows saved as comma-separated values, or typed between bars.
//!
//! A table exported from a spreadsheet or a web form as CSV ("Branch,
//! Turnout, Yes, No" / "North, 64%, 91%, 9%" / …) and pasted into a
//! statement is a table whose cells are parted by commas (or, where the
//! comma is the decimal mark, semicolons), not tabs. Read as text, its
//! short unpunctuated lines were taken for a clipping's meta lines and
//! set small and gray under the headline: the ballot's results, the one
//! thing the leaflet had to say, in its faintest type. A petition's
//! "Name | Address | Signature" over rows of blanks ran on as one
//! paragraph.
//!
//! A block is a table of values parted by commas or semicolons when:
//! - it has [`MIN_ROWS`] lines or more, a header and rows;
//! - every line holds as many separators, one at least, and no quotation
//!   mark (a quoted cell may hold the separator: the count would lie);
//! - every cell is at most [`CELL_MAX_CHARS`] characters, and no line ends
//!   a sentence;
//! - the first line is a header, no cell of it opening with a figure, and
//!   every line after it has a cell that does: data. An address ("Flat 3,
//!   Weavers Court" / "Elm Road, Riverside" / …) or a list of names
//!   ("Smith, Anna" / "Lee, Wei") has commas in every line but no figures
//!   in most, and keeps its lines; so do lines of prose with a figure in
//!   each ("In 2016, 500 marched" / "In 2019, 5,000 marched" / …).
//!
//! A comma followed by a space, where a line has one, parts cells, and a
//! comma without one is a figure's ("5,000").
//!
//! A bar parts nothing in prose, so two lines of as many cells between
//! bars are a table, whatever the cells hold; bars that open and close a
//! row, and a rule row under the header ("|---|:--:|"), as Markdown's
//! tables have them, are the table's drawing and go.
//!
//! The separators become tabs, which the table reader after this one
//! (`classify::blocks::table_tabs`) sets as columns, the first row bold
//! as a table's head; a warning says so, for the separators are not
//! printed.

use super::classify::{final_mark, raw_text};
use super::Para;
use crate::error::{Location, Warning};
use crate::statement::document::{Span, Style};

/// Fewest lines of a comma-separated table: a header and two rows. Two
/// lines with a comma each are more often a name over a place.
const MIN_ROWS: usize = 3;

/// Longest cell, in characters: a table's cells are figures, names and
/// short labels; a longer run between commas is a clause of prose.
const CELL_MAX_CHARS: usize = 40;

/// The separators a spreadsheet writes between cells, in the order
/// tried, each alone and with the space a writer types after it. Where a
/// line has the mark with a space, only that parts cells: the comma in
/// "In 2019, 5,000 marched" parts the year from a figure, not the figure.
const SEPARATORS: [(&str, &str); 2] = [(",", ", "), (";", "; ")];

/// The separator of a table typed by hand.
const BAR: &str = "|";

/// Fewest lines of a table typed between bars: a header and a row.
const MIN_BAR_ROWS: usize = 2;

/// `paras` with every block of comma-separated rows, or rows between
/// bars, made a table's rows (cells between tabs); one warning in
/// `warnings` for each, in `file`.
pub(super) fn rows(paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    paras
        .into_iter()
        .map(|mut para| {
            let Some(sep) = separator(&para) else {
                return para;
            };
            let mark = sep.trim();
            let (first, last) = (para.lines[0].no, para.lines[para.lines.len() - 1].no);
            para.lines.retain(|l| !is_rule_row(&raw_text(l)));
            for (i, line) in para.lines.iter_mut().enumerate() {
                // The first row is the header (a row of comma-separated
                // values with no figure in it, a row between bars over its
                // blanks): bold, as a table's head is, it is set again at
                // the top of a column the table goes on into.
                let style = Style {
                    bold: i == 0,
                    ..Style::default()
                };
                let text = cells(&raw_text(line), sep).join("\t");
                line.spans = vec![Span { text, style }];
            }
            warnings.push(Warning {
                at: Location::line(file, first),
                message: format!(
                    "lines {first}–{last} are read as a table of cells parted by “{mark}”, \
                     set in columns without the “{mark}”"
                ),
            });
            para
        })
        .collect()
}

/// The separator that parts `para`'s lines into a table's cells, if they
/// are one (see the module documentation).
fn separator(para: &Para) -> Option<&'static str> {
    if para
        .lines
        .iter()
        .any(|l| l.spans.iter().any(|s| s.style != Style::default()))
    {
        return None;
    }
    let texts: Vec<String> = para.lines.iter().map(raw_text).collect();
    if texts.iter().any(|t| t.contains('\t') || ends_sentence(t)) {
        return None;
    }
    let fits = |t: &String, sep: &str| {
        cells(t, sep)
            .iter()
            .all(|c| c.chars().count() <= CELL_MAX_CHARS)
    };
    let rows: Vec<&String> = texts.iter().filter(|t| !is_rule_row(t)).collect();
    let bar_cells = cells(&texts[0], BAR).len();
    if rows.len() >= MIN_BAR_ROWS
        && bar_cells >= 2
        && rows
            .iter()
            .all(|t| t.contains(BAR) && cells(t, BAR).len() == bar_cells && fits(t, BAR))
    {
        return Some(BAR);
    }
    if texts.len() < MIN_ROWS || texts.iter().any(|t| t.contains('"') || t.contains(BAR)) {
        return None;
    }
    let separators = SEPARATORS.into_iter().map(|(alone, spaced)| {
        if texts.iter().any(|t| t.contains(spaced)) {
            spaced
        } else {
            alone
        }
    });
    separators.into_iter().find(|&sep| {
        let count = texts[0].matches(sep).count();
        count >= 1
            && texts
                .iter()
                .all(|t| t.matches(sep).count() == count && fits(t, sep))
            && !cells(&texts[0], sep).iter().any(|c| opens_with_figure(c))
            && texts[1..]
                .iter()
                .all(|t| cells(t, sep).iter().any(|c| opens_with_figure(c)))
    })
}

/// The cells of `line` parted by `sep`, trimmed; the bars that open and
/// close a row typed between bars are no cells' separators.
fn cells(line: &str, sep: &str) -> Vec<String> {
    let mut line = line.trim();
    if sep == BAR {
        line = line.strip_prefix(BAR).unwrap_or(line);
        line = line.strip_suffix(BAR).unwrap_or(line);
    }
    line.split(sep).map(|c| c.trim().to_string()).collect()
}

/// Whether `line` is a rule under a table's header, as Markdown writes
/// it: bars, dashes, colons and spaces, with a dash ("|---|:--:|").
fn is_rule_row(line: &str) -> bool {
    line.contains('-')
        && line.contains(BAR)
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | '+') || c.is_whitespace())
}

/// Whether `text` ends a sentence.
fn ends_sentence(text: &str) -> bool {
    matches!(final_mark(text.trim()), Some('.' | '!' | '?' | '…'))
}

/// Whether a cell opens with a figure, after a sign or a currency symbol
/// ("64%", "-3", "£120", "10:00").
fn opens_with_figure(cell: &str) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    cell.trim()
        .trim_start_matches(|c: char| {
            matches!(c, '-' | '+' | '−' | '±')
                || c.general_category() == GeneralCategory::CurrencySymbol
        })
        .starts_with(|c: char| c.general_category() == GeneralCategory::DecimalNumber)
}

#[cfg(test)]
mod tests {
    use super::super::plain::testing::rows as para;
    use super::*;

    fn read(lines: &[&str]) -> (Vec<String>, Vec<Warning>) {
        let mut warnings = Vec::new();
        let out = rows(vec![para(lines)], "s.txt", &mut warnings);
        (out[0].lines.iter().map(raw_text).collect(), warnings)
    }

    #[test]
    fn comma_separated_rows_are_a_tables_rows() {
        let (rows, warnings) = read(&[
            "Branch, Turnout, Yes, No",
            "North, 64%, 91%, 9%",
            "South, 58%, 88%, 12%",
        ]);
        assert_eq!(
            rows,
            [
                "Branch\tTurnout\tYes\tNo",
                "North\t64%\t91%\t9%",
                "South\t58%\t88%\t12%"
            ]
        );
        assert_eq!(
            warnings[0].to_string(),
            "s.txt:1: warning: lines 1–3 are read as a table of cells parted by “,”, \
             set in columns without the “,”"
        );
        // Where the comma is the decimal mark, semicolons part the cells.
        let (rows, _) = read(&["Filiale;Ja;Nein", "Nord;91,5 %;8,5 %", "Süd;€ 3,20;2"]);
        assert_eq!(rows[1], "Nord\t91,5 %\t8,5 %");
        // A comma with a space after it parts cells, and a figure's stays.
        let (rows, _) = read(&["Year, Marched", "2019, 5,000", "2023, 12,000"]);
        assert_eq!(rows[2], "2023\t12,000");
    }

    #[test]
    fn addresses_names_and_prose_keep_their_commas() {
        for lines in [
            // An address: figures in one line only.
            &[
                "14 Elm Road, Riverside",
                "Oakfield, OK4 7TR",
                "Tel, 07700 900123",
            ][..],
            // Names.
            &["Smith, Anna", "Lee, Wei", "Okafor, Chidi"],
            // Sentences.
            &[
                "We met on 3 May, as agreed.",
                "On 4 May, we wrote.",
                "On 5 May, they said no.",
            ],
            // Cells as many on some lines only.
            &["Name, Votes", "North, 64, 12", "South, 58"],
            // Two lines.
            &["Branch, Yes", "North, 91%"],
            // Prose with figures, commas in them too; no header.
            &[
                "In 2016, 5,000 marched",
                "In 2019, 8,000 marched",
                "In 2023, 12,000 marched",
            ],
            &[
                "Jane Smith, Chair, 07700 900123",
                "Li Wei, Secretary, 07700 900456",
                "Omar Haddad, Treasurer, 07700 900789",
            ],
            // A quoted cell may hide a comma.
            &["Name, Votes", "\"Smith, Anna\", 64", "Lee, 58"],
        ] {
            let (rows, warnings) = read(lines);
            assert_eq!(rows, lines, "{lines:?}");
            assert!(warnings.is_empty());
        }
    }

    #[test]
    fn rows_between_bars_are_a_tables_rows() {
        let (rows, warnings) = read(&[
            "Name | Address | Signature",
            "_____ | _____ | _____",
            "_____ | _____ | _____",
        ]);
        assert_eq!(rows[1], "_____\t_____\t_____");
        assert_eq!(warnings.len(), 1);
        // Markdown's drawing of a table: its outer bars and rule row go.
        let (rows, _) = read(&["| Day | Time |", "|-----|:----:|", "| Monday | 6pm |"]);
        assert_eq!(rows, ["Day\tTime", "Monday\t6pm"]);
        // One line, or cells as many on some lines only, is text.
        for lines in [
            &["Sam 07700 900123 | Sam 07700 900123"][..],
            &["Name | Votes", "North | 64 | 12"],
        ] {
            let (rows, warnings) = read(lines);
            assert_eq!(rows, lines);
            assert!(warnings.is_empty());
        }
    }
}

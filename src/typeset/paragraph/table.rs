//! A table's rows in one paragraph: cells lined up in columns at tab stops.
//!
//! Text copied from a spreadsheet or a word processor's table (a day's
//! schedule, a list of prices) reaches handbill as lines whose cells are
//! separated by tabs, and the statement reader keeps those tabs only in a
//! block whose every line is a row of its own (see
//! `statement::classify::table_tabs`). Set with a word space for each tab,
//! the rows ran together ("10:00 March starts Town Hall"); a reader needs
//! the columns.
//!
//! So a tab becomes glue that cannot break and cannot stretch, and once
//! all rows are built each tab's glue is widened so that the next cell
//! starts where its column does: a column is as wide as its widest cell,
//! and [`GUTTER_EM`] apart from the next. The words inside a cell are tied
//! too, so each row stays one line. Rows that do not fit the narrowest
//! measure together are left to the caller, which sets each row as a line
//! of text, flush left and set apart from the next: each cell after its
//! column's heading where the first row is headings ([`by_headings`]),
//! else with an em for each tab. Wrapping a row would break its column
//! lines anyway.

use crate::statement::document::{Span, Style, LINE_BREAK};
use crate::statement::limits::MAX_PARAGRAPH_CHARS;
use crate::typeset::linebreak::Item;
use crate::units::Length;

/// The white between two columns, in ems of the text: wide enough that
/// the columns read apart at a glance even where a cell is full, the
/// gutter a word processor's default tab stops leave at body sizes.
pub(super) const GUTTER_EM: f64 = 1.0;

/// The narrowest white between two columns, in ems, for a table a little
/// too wide for the column at [`GUTTER_EM`]: half an em, two word spaces,
/// still plainly a gap between columns. A designer closes the gutters
/// before giving up the columns.
pub(super) const MIN_GUTTER_EM: f64 = 0.5;

/// The widest a table's first column may be, as a share of the measure,
/// for a table of two columns too wide to line up to be set with its
/// first cells as labels hung left of the second's lines, which wrap
/// under their own start (see [`label_rows`]): a programme's times, a
/// price list's items. A third leaves the text two thirds of the column,
/// a readable measure where the table's column was.
pub const LABEL_SHARE: f64 = 1.0 / 3.0;

/// The most words a column's heading may have to be kept on one line
/// when a table too wide for its column is set by its headings: a
/// heading such as "Hourly wage now" is a name; a longer one is a phrase,
/// and may wrap like one.
const TIED_HEADING_WORDS: usize = 3;

/// What a cell holds, for how it stands in its column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cell {
    Empty,
    /// A figure: digits with their separators, signs and units ("11.20 €",
    /// "−3 %", "10:00").
    Figure,
    Text,
}

impl Cell {
    /// What the characters of a cell hold.
    pub(super) fn of(chars: impl Iterator<Item = char> + Clone) -> Cell {
        use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
        let mut text = chars.filter(|c| !c.is_whitespace() && *c != '\u{202F}');
        // Digits of any script: Devanagari १२, Bengali ১২ and Thai ๑๒ line
        // up as Western ones do.
        let digit = |c: char| c.general_category() == GeneralCategory::DecimalNumber;
        if text.clone().next().is_none() {
            Cell::Empty
        } else if text.clone().any(digit)
            && text.all(|c| {
                digit(c)
                    || ".,:'%+-−–/()".contains(c)
                    || c.general_category() == GeneralCategory::CurrencySymbol
            })
        {
            Cell::Figure
        } else {
            Cell::Text
        }
    }
}

/// The cells of a paragraph's rows as they are built, and where their
/// tabs' glue is.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// Each cell's natural width and what it holds, row by row.
    rows: Vec<Vec<(Length, Cell)>>,
    /// The tabs: the index of each one's glue item, its row and the cell
    /// before it.
    tabs: Vec<(usize, usize, usize)>,
    /// The first item of the cell being built.
    cell_from: usize,
}

impl Table {
    /// A table whose first cell starts at item `from`.
    pub(super) fn starting_at(from: usize) -> Table {
        Table {
            rows: vec![Vec::new()],
            tabs: Vec::new(),
            cell_from: from,
        }
    }

    /// Ends the cell at the end of `items`, holding `cell`, with a tab,
    /// whose glue will be item `glue`.
    pub(super) fn tab(&mut self, items: &[Item], cell: Cell, glue: usize) {
        self.end_cell(items, cell);
        let row = self.rows.len() - 1;
        let cell = self.rows[row].len() - 1;
        self.tabs.push((glue, row, cell));
    }

    /// Starts a cell at item `from`.
    pub(super) fn start_cell(&mut self, from: usize) {
        self.cell_from = from;
    }

    /// Ends the cell, holding `cell`, and the row at the end of `items`.
    pub(super) fn end_row(&mut self, items: &[Item], cell: Cell) {
        self.end_cell(items, cell);
        self.rows.push(Vec::new());
    }

    fn end_cell(&mut self, items: &[Item], cell: Cell) {
        let width = natural_width(&items[self.cell_from.min(items.len())..]);
        if let Some(row) = self.rows.last_mut() {
            row.push((width, cell));
        }
    }

    /// Widens the tabs' glue in `items` so that the cells stand in columns
    /// [`GUTTER_EM`] of `size` apart (or less, down to [`MIN_GUTTER_EM`],
    /// where that is what fits), when all of them fit `measure`; else
    /// leaves `items` alone and returns false. A column of figures stands
    /// flush right, its heading too, so that units line up under units,
    /// as a designer sets prices or wages (but the first, the rows'
    /// names, and in `rtl` text none: there a row is read from the other
    /// side). The last row must be ended ([`Table::end_row`]).
    pub(super) fn line_up(
        &self,
        items: &mut [Item],
        size: Length,
        measure: Length,
        rtl: bool,
    ) -> bool {
        let columns = self.columns();
        let gaps = columns.len().saturating_sub(1) as f64;
        let cells = columns.iter().fold(Length::ZERO, |a, c| a + *c);
        let gutter = if gaps > 0.0 {
            ((measure - cells) / gaps).min(size * GUTTER_EM)
        } else {
            size * GUTTER_EM
        };
        if gutter < size * MIN_GUTTER_EM {
            return false;
        }
        let right: Vec<bool> = (0..columns.len())
            .map(|k| k > 0 && !rtl && self.figures(k))
            .collect();
        // White a cell of `row` leaves in column `k`.
        let slack = |row: usize, k: usize| {
            columns[k] - self.rows[row].get(k).map_or(Length::ZERO, |&(w, _)| w)
        };
        for &(item, row, cell) in &self.tabs {
            let after = if right[cell] {
                Length::ZERO
            } else {
                slack(row, cell)
            };
            let before_next = match right.get(cell + 1) {
                Some(true) => slack(row, cell + 1),
                _ => Length::ZERO,
            };
            if let Some(Item::Glue { width, .. }) = items.get_mut(item) {
                *width = after + gutter + before_next;
            }
        }
        true
    }

    /// Whether column `k` holds figures: every cell below the headings'
    /// row a figure or empty, and one a figure at least.
    fn figures(&self, k: usize) -> bool {
        let below = self
            .rows
            .iter()
            .skip(1)
            .filter_map(|row| row.get(k).map(|&(_, c)| c));
        below.clone().any(|c| c == Cell::Figure) && below.into_iter().all(|c| c != Cell::Text)
    }
}

impl Table {
    /// Each column's width: its widest cell's.
    fn columns(&self) -> Vec<Length> {
        let mut columns: Vec<Length> = Vec::new();
        for row in &self.rows {
            for (k, (w, _)) in row.iter().enumerate() {
                match columns.get_mut(k) {
                    Some(c) => *c = c.max(*w),
                    None => columns.push(*w),
                }
            }
        }
        columns
    }

    /// The width of a table of two columns' first, its labels' (see
    /// [`LABEL_SHARE`]); `None` when a row has more or fewer cells. The last
    /// row must be ended.
    pub(super) fn label_width(&self) -> Option<Length> {
        // The last row ended opens an empty one.
        let rows = self.rows.iter().filter(|row| !row.is_empty());
        let two = rows.clone().count() > 0 && rows.into_iter().all(|row| row.len() == 2);
        two.then(|| self.columns()[0])
    }

    /// The width of the rows lined up in columns, [`GUTTER_EM`] of `size`
    /// apart. The last row must be ended.
    pub(super) fn width(&self, size: Length) -> Length {
        let columns = self.columns();
        columns.iter().fold(Length::ZERO, |a, c| a + *c)
            + size * GUTTER_EM * columns.len().saturating_sub(1) as f64
    }
}

/// A table too wide for the column, with a headings' row (every cell of
/// its first row bold: a `<th>`, or the head of a Markdown table), as
/// lines of text: each row below the headings a line, each cell with text
/// after its column's heading in bold, the cells a middle dot apart
/// ("**Grade:** Cleaner · **Now:** 11.20 €"), as a phone's browser shows
/// a table too wide for it. Without its heading, "11.20 €" on a line of
/// its own could be anyone's wage. `None` for a table without such a row,
/// one with a heading no cell would print beside, which would be lost, or
/// one that would come out longer than a paragraph may be: those are set
/// row by row as they stand.
pub fn by_headings(spans: &[Span]) -> Option<Vec<Span>> {
    let rows = cells(spans);
    let (head, body) = rows.split_first()?;
    let text = |cell: &[Span]| cell.iter().map(|s| s.text.as_str()).collect::<String>();
    if body.is_empty() || !has_headings(spans) {
        return None;
    }
    // A heading of a few words is read as one ("What happens:"): tied,
    // it never breaks; a longer one may. Its own colon, if it has one,
    // is the one it gets.
    let headings: Vec<String> = head
        .iter()
        .map(|c| {
            let text = text(c);
            let words: Vec<String> = text
                .trim_end()
                .trim_end_matches([':', '：'])
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let tie = if words.len() <= TIED_HEADING_WORDS {
                "\u{A0}"
            } else {
                " "
            };
            words.join(tie)
        })
        .collect();
    let mut printed = vec![false; headings.len()];
    let bold = Style {
        bold: true,
        ..Style::default()
    };
    let mut out: Vec<Span> = Vec::new();
    for row in body {
        let mut first = true;
        for (k, cell) in row.iter().enumerate() {
            if text(cell).trim().is_empty() {
                continue;
            }
            let lead = match (out.is_empty(), first) {
                (_, false) => "\u{A0}· ",
                (false, true) => "\u{2028}",
                (true, true) => "",
            };
            out.push(Span {
                text: lead.to_string(),
                style: Style::default(),
            });
            first = false;
            if let Some(heading) = headings.get(k).filter(|h| !h.is_empty()) {
                printed[k] = true;
                out.push(Span {
                    text: format!("{heading}:"),
                    style: bold,
                });
                // The heading stays with its cell's first word.
                out.push(Span {
                    text: "\u{A0}".to_string(),
                    style: Style::default(),
                });
            }
            out.extend(cell.iter().cloned());
        }
    }
    let lost = headings
        .iter()
        .zip(&printed)
        .any(|(h, p)| !h.is_empty() && !p);
    // Each cell's heading lengthens the text: past a paragraph's length a
    // table is set as it stands, which keeps a build's memory in step with
    // its statement (see `statement::limits`).
    let chars: usize = out.iter().map(|s| s.text.chars().count()).sum();
    let long = chars > MAX_PARAGRAPH_CHARS;
    (!lost && !long).then(|| out.into_iter().filter(|s| !s.text.is_empty()).collect())
}

/// A table of two columns cut into its rows' label and text, the first
/// cell and the second, for setting the text in a measure of its own with
/// the label hung left of its first line: "10:00" over "Assemble at the
/// bandstand". `None` for a table with a row of more or fewer cells, or
/// with a headings' row (see [`by_headings`]).
pub fn label_rows(spans: &[Span]) -> Option<Vec<(Vec<Span>, Vec<Span>)>> {
    if has_headings(spans) {
        return None;
    }
    cells(spans)
        .into_iter()
        .map(|row| {
            let mut row = row.into_iter();
            match (row.next(), row.next(), row.next()) {
                (Some(label), Some(text), None) => Some((label, text)),
                _ => None,
            }
        })
        .collect()
}

/// Whether a table's first row is headings: every cell of it bold (a
/// `<th>`, the head of a Markdown table), one with text at least. Read
/// without cutting the table into cells: it is asked of every table on
/// every setting.
pub fn has_headings(spans: &[Span]) -> bool {
    let mut text = false;
    let first_row = spans
        .iter()
        .flat_map(|s| s.text.chars().map(move |c| (c, s.style.bold)))
        .take_while(|&(c, _)| c != LINE_BREAK);
    for (_, bold) in first_row.filter(|(c, _)| !c.is_whitespace()) {
        if !bold {
            return false;
        }
        text = true;
    }
    text
}

/// A table's spans cut into rows (at its kept line breaks) and cells (at
/// its tabs), each cell its spans.
fn cells(spans: &[Span]) -> Vec<Vec<Vec<Span>>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), Vec::new());
    let piece = |cell: &mut Vec<Span>, text: &str, style: Style| {
        if !text.is_empty() {
            cell.push(Span {
                text: text.to_string(),
                style,
            });
        }
    };
    for span in spans {
        let mut from = 0;
        for (at, sep) in span.text.match_indices(['\t', LINE_BREAK]) {
            piece(&mut cell, &span.text[from..at], span.style);
            row.push(std::mem::take(&mut cell));
            if sep.starts_with(LINE_BREAK) {
                rows.push(std::mem::take(&mut row));
            }
            from = at + sep.len();
        }
        piece(&mut cell, &span.text[from..], span.style);
    }
    row.push(cell);
    rows.push(row);
    rows
}

/// The width of `items` set at their natural size: boxes and glue, not
/// the penalties, which count only where a line breaks.
fn natural_width(items: &[Item]) -> Length {
    items.iter().fold(Length::ZERO, |a, item| match item {
        Item::Box { width } | Item::Glue { width, .. } => a + *width,
        Item::Penalty { .. } => a,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(pt: f64) -> Item {
        Item::Box {
            width: Length::pt(pt),
        }
    }

    fn tab() -> Item {
        Item::Glue {
            width: Length::ZERO,
            stretch: Length::ZERO,
            shrink: Length::ZERO,
        }
    }

    /// The width of glue item `i`, in points.
    fn glue_pt(items: &[Item], i: usize) -> f64 {
        match items[i] {
            Item::Glue { width, .. } => width.to_pt(),
            _ => unreachable!(),
        }
    }

    /// Two rows of two cells: "10:00 | March" and "9:00 | Speeches".
    fn rows() -> (Table, Vec<Item>) {
        let mut items = Vec::new();
        let mut table = Table::starting_at(0);
        for (a, b) in [(30.0, 40.0), (25.0, 60.0)] {
            table.start_cell(items.len());
            items.push(word(a));
            table.tab(&items, Cell::Text, items.len());
            items.push(tab());
            table.start_cell(items.len());
            items.push(word(b));
            table.end_row(&items, Cell::Text);
        }
        (table, items)
    }

    #[test]
    fn a_table_of_two_columns_is_labels_and_text() {
        let row = |t: &str| Span::plain(t);
        let rows = label_rows(&[row("10:00\tAssemble\u{2028}10:30\tMarch leaves")]).unwrap();
        let text = |c: &[Span]| c.iter().map(|s| s.text.clone()).collect::<String>();
        let read: Vec<(String, String)> = rows.iter().map(|(l, t)| (text(l), text(t))).collect();
        assert_eq!(
            read,
            [
                ("10:00".to_string(), "Assemble".to_string()),
                ("10:30".to_string(), "March leaves".to_string())
            ]
        );
        // A row of three cells, or a headings' row, is another table.
        assert!(label_rows(&[row("10:00\tAssemble\tPark\u{2028}10:30\tMarch")]).is_none());
        let bold = Span {
            text: "Time\tWhat".to_string(),
            style: Style {
                bold: true,
                ..Style::default()
            },
        };
        assert!(label_rows(&[bold, row("\u{2028}10:00\tAssemble")]).is_none());
    }

    #[test]
    fn each_cell_starts_where_its_column_does() {
        let (table, mut items) = rows();
        assert!(table.line_up(&mut items, Length::pt(10.0), Length::pt(200.0), false));
        let width = |i: usize| glue_pt(&items, i);
        // The first column is 30pt wide, then a 10pt gutter: both second
        // cells start at 40pt.
        assert_eq!((width(1), width(4)), (10.0, 15.0));
    }

    #[test]
    fn a_column_of_figures_stands_flush_right() {
        // "Grade | Now" over "Cleaner | 9.80 €" and "Supervisor | 11.20 €":
        // the figures and their heading end where the column does.
        let mut items = Vec::new();
        let mut table = Table::starting_at(0);
        let rows = [
            ((20.0, Cell::Text), (15.0, Cell::Text)),
            ((30.0, Cell::Text), (25.0, Cell::Figure)),
            ((45.0, Cell::Text), (30.0, Cell::Figure)),
        ];
        for ((a, ka), (b, kb)) in rows {
            table.start_cell(items.len());
            items.push(word(a));
            table.tab(&items, ka, items.len());
            items.push(tab());
            table.start_cell(items.len());
            items.push(word(b));
            table.end_row(&items, kb);
        }
        assert!(table.line_up(&mut items, Length::pt(10.0), Length::pt(200.0), false));
        let ends: Vec<f64> = items
            .chunks(3)
            .map(|row| {
                row.iter()
                    .map(|i| match i {
                        Item::Box { width } | Item::Glue { width, .. } => width.to_pt(),
                        Item::Penalty { .. } => 0.0,
                    })
                    .sum()
            })
            .collect();
        // Each row ends at 45 + 10 + 30 = 85pt.
        assert_eq!(ends, [85.0, 85.0, 85.0]);
        // Not in right-to-left text, nor where a cell below the headings
        // is words.
        assert!(table.line_up(&mut items, Length::pt(10.0), Length::pt(200.0), true));
        let first: f64 = items[..3]
            .iter()
            .map(|i| match i {
                Item::Box { width } | Item::Glue { width, .. } => width.to_pt(),
                Item::Penalty { .. } => 0.0,
            })
            .sum();
        assert_eq!(first, 20.0 + 25.0 + 10.0 + 15.0);
        assert_eq!(Cell::of("11.20 €".chars()), Cell::Figure);
        assert_eq!(Cell::of("−3 %".chars()), Cell::Figure);
        assert_eq!(Cell::of("10:00".chars()), Cell::Figure);
        assert_eq!(Cell::of("₹ १२,५००".chars()), Cell::Figure);
        assert_eq!(Cell::of("Town Hall".chars()), Cell::Text);
        assert_eq!(Cell::of("3 km".chars()), Cell::Text);
        assert_eq!(Cell::of(" ".chars()), Cell::Empty);
    }

    #[test]
    fn rows_wider_than_the_measure_are_left_alone() {
        let (table, mut items) = rows();
        // 30 + 10 + 60 = 100pt; with the narrowest gutter, 95pt.
        assert!(!table.line_up(&mut items, Length::pt(10.0), Length::pt(94.9), false));
        assert_eq!(items[1], tab());
        assert!(table.line_up(&mut items, Length::pt(10.0), Length::pt(100.0), false));
    }

    #[test]
    fn a_table_a_little_too_wide_closes_its_gutters() {
        let (table, mut items) = rows();
        // 98pt leave 8pt for the gutter, down from 10.
        assert!(table.line_up(&mut items, Length::pt(10.0), Length::pt(98.0), false));
        let width = |i: usize| glue_pt(&items, i);
        assert!((width(1) - 8.0).abs() < 1e-9, "{}", width(1));
        assert!((width(4) - 13.0).abs() < 1e-9, "{}", width(4));
    }

    #[test]
    fn a_table_with_headings_too_wide_is_set_each_cell_after_its_heading() {
        let span = |text: &str, bold: bool| Span {
            text: text.to_string(),
            style: Style {
                bold,
                ..Style::default()
            },
        };
        let text = |spans: &[Span]| spans.iter().map(|s| s.text.as_str()).collect::<String>();
        let table = [
            span("Grade\tNow\tWe ask", true),
            span("\u{2028}Cleaner\t11.20 €\t", false),
            span("14 €", true),
            span("\u{2028}Porter\t\t15 €", false),
        ];
        let headed = by_headings(&table).unwrap();
        assert_eq!(
            text(&headed),
            "Grade:\u{A0}Cleaner\u{A0}· Now:\u{A0}11.20 €\u{A0}· We\u{A0}ask:\u{A0}14 €\u{2028}\
             Grade:\u{A0}Porter\u{A0}· We\u{A0}ask:\u{A0}15 €"
        );
        // The headings are bold, and so is what the writer made bold.
        let bold: Vec<&str> = headed
            .iter()
            .filter(|s| s.style.bold)
            .map(|s| s.text.as_str())
            .collect();
        // A heading of a few words stays on one line.
        assert_eq!(
            bold,
            [
                "Grade:",
                "Now:",
                "We\u{A0}ask:",
                "14 €",
                "Grade:",
                "We\u{A0}ask:"
            ]
        );
        // A first row that is not headings, or a heading no cell prints
        // beside (a column left empty), is set as it stands.
        let mut plain = table.clone();
        plain[0].style.bold = false;
        assert_eq!(by_headings(&plain), None);
        let empty_column = [span("Grade\tNow", true), span("\u{2028}Cleaner\t", false)];
        assert_eq!(by_headings(&empty_column), None);
        // A heading's own colon is not doubled.
        let colon = [
            span("Time:\tWhere:", true),
            span("\u{2028}10:00\tPark", false),
        ];
        assert_eq!(
            text(&by_headings(&colon).unwrap()),
            "Time:\u{A0}10:00\u{A0}· Where:\u{A0}Park"
        );
    }
}

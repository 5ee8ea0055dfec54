//! A table of two columns too wide to line up, set as a programme is set:
//! each row's first cell a label flush with the column's start, its
//! second the text, wrapping under its own start.
//!
//! "10:00 ⇥ Assemble at the bandstand" over "15:00 ⇥ Workshops: organising
//! your workplace; tenants' rights; …" is a day's schedule, the commonest
//! table a leaflet has. One long event made its rows too wide for the
//! column, and set as lines of text they lost their column of times
//! ("15:00 Workshops: organising your / workplace; tenants' rights"), and
//! the body stayed small for the table's sake. Hung, the times stand in
//! their column however the events wrap, and the body may grow until the
//! labels take a third of the column (see
//! [`crate::typeset::paragraph::LABEL_SHARE`]). Labels wider than that (a
//! week of action's "Wednesday 5 March") would leave the events a narrow
//! strip: each stands in bold on a line of its own over its event, as a
//! week's programme is printed.

use super::on_grid;
use super::place::place_lines;
use super::shape::{body_style, Shape, LIST_ITEM_SPACING};
use crate::compose::baseline::BaselineGrid;
use crate::compose::pages::BlockLines;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::{is_table, Block, BlockKind, Span, Style, LINE_BREAK};
use crate::style::Align;
use crate::typeset::paragraph::{label_rows, LabelForm, Setter, TextStyle};
use crate::units::Length;

/// `block`'s rows, one set of lines each (each kept whole, two on each
/// side of a column's end), when it is a table of two columns too wide for
/// `column` to line up (see [`Setter::label_form`]): hung, or each label
/// in bold over its text where the labels are too wide to hang; `None`
/// for any other block, which is set as a block is. `prev` is the block
/// before it; `element` the structure element of its first row (each row
/// is one, a paragraph: "10:00 Assemble at the bandstand").
pub(in crate::compose) fn set_label_rows(
    setter: &mut Setter,
    block: &Block,
    prev: Option<&BlockKind>,
    design: &Design,
    (column, element): (Length, usize),
) -> Result<Option<Vec<BlockLines>>> {
    if block.kind != BlockKind::Body || !is_table(&block.spans) {
        return Ok(None);
    }
    let Some(rows) = label_rows(&block.spans) else {
        return Ok(None);
    };
    let body = &design.body;
    // Records, not prose: flush left, as the rows set as lines of text.
    let style = TextStyle {
        align: Align::Left,
        ..body_style(design)
    };
    let Some(form) = setter.label_form(&block.spans, &style, block.line)? else {
        return Ok(None);
    };
    // On a right-to-left page a marker is placed after its text's end
    // (see `place`), which would not line the labels up.
    if matches!(form, LabelForm::Hung(_)) && setter.direction.is_rtl() {
        return Ok(None);
    }
    // A row with nothing to hang its label on is not a programme's row.
    if rows.iter().any(|(_, text)| !has_text(text)) {
        return Ok(None);
    }
    let label_style = TextStyle {
        hyphenate: false,
        ..style.clone()
    };
    let grid = BaselineGrid::of(design);
    let lang = block.language();
    let n = rows.len();
    let mut set = Vec::with_capacity(n);
    for (k, (label, text)) in rows.iter().enumerate() {
        let (shape, p) = match form {
            LabelForm::Hung(hang) => {
                let marker = if has_text(label) {
                    let m = setter.prepare_in(label, &label_style, block.line, lang)?;
                    let mut lines = setter.set(&m, &[column]);
                    // Narrower than the hang by its measure; never cut.
                    if lines.len() != 1 {
                        return Ok(None);
                    }
                    lines.pop()
                } else {
                    None
                };
                let shape = Shape {
                    style: style.clone(),
                    x: hang,
                    widths: vec![column - hang],
                    marker,
                    marker_x: Some(Length::ZERO),
                };
                (shape, setter.prepare_in(text, &style, block.line, lang)?)
            }
            LabelForm::Stacked => {
                let shape = Shape {
                    style: style.clone(),
                    x: Length::ZERO,
                    widths: vec![column],
                    marker: None,
                    marker_x: None,
                };
                let spans = stacked(label, text);
                (shape, setter.prepare_in(&spans, &style, block.line, lang)?)
            }
        };
        let against = p.direction() != setter.direction;
        let lines = setter.set(&p, &shape.widths);
        let space_before = match (k, prev) {
            (0, None) => Length::ZERO,
            (0, Some(BlockKind::Heading(_))) => design.heading.space_after,
            (0, _) => body.paragraph_spacing,
            // The rows read as one group, told apart, as a list's items.
            _ => body.paragraph_spacing * LIST_ITEM_SPACING,
        };
        // A row is read whole: it never parts across columns; and two
        // rows at least stay on each side of a column's end, as a list
        // keeps two items.
        let mut out = BlockLines {
            header: None,
            lines: Vec::new(),
            space_before,
            keep_with_next: k == 0 && n > 1 || k + 2 == n,
            widows: lines.len(),
            orphans: lines.len(),
            on_grid: true,
        };
        if let Some(g) = grid {
            on_grid(&mut out, g, (lines.len(), body.leading), design);
        }
        place_lines(
            &mut out,
            (block, &shape, lines, Align::Left),
            (body.leading, element + k, body.size),
            (false, false, false, against),
        );
        set.push(out);
    }
    Ok(Some(set))
}

/// A row's label in bold over its text, on a line of its own: a day's
/// events under its date, as a week's programme is set. A label with no
/// text is the row's text alone.
fn stacked(label: &[Span], text: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = label
        .iter()
        .filter(|s| !s.text.trim().is_empty())
        .map(|s| Span {
            text: s.text.trim_matches(' ').to_string(),
            style: Style {
                bold: true,
                ..s.style
            },
        })
        .collect();
    let text = text.iter().skip_while(|s| s.text.trim().is_empty());
    if !out.is_empty() {
        out.push(Span::plain(LINE_BREAK.to_string()));
    }
    out.extend(text.cloned().enumerate().map(|(i, mut s)| {
        if i == 0 {
            s.text = s.text.trim_start_matches(' ').to_string();
        }
        s
    }));
    out
}

/// Whether a cell has anything to print.
fn has_text(cell: &[Span]) -> bool {
    cell.iter().any(|s| !s.text.trim().is_empty())
}

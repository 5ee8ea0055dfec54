//! A block's lines placed in its column: where each starts and how far
//! below the last, a list item's marker hung left of its first line (or
//! after it, right of a right-to-left one), and what each line is to a
//! reader, for the tagged PDF.

use super::shape::Shape;
use crate::compose::pages::{BlockLines, ColumnLine};
use crate::compose::tag::{Part, Role, Tag};
use crate::statement::document::{is_table, Block, BlockKind};
use crate::style::Align;

use crate::typeset::line::{Line, LineEnd};
use crate::typeset::paragraph::has_headings;
use crate::units::Length;

/// The space above each row of a table set as lines of text by its
/// headings, in lines: a row may wrap, and without it the reader cannot
/// tell where the next begins. Half a line, a paragraph's space in the
/// grid's steps.
const ROW_SPACE_LINES: f64 = 0.5;

/// Space between a list marker and its text, in body ems: wider than a
/// word space, so that the markers read as a column of their own.
const MARKER_GAP_EM: f64 = 0.3;

/// Adds `lines`, the setting of `block` in `shape` (in `align`), to
/// `out`: `leading` apart, tagged as part of structure element `element`,
/// a list item's marker a little way (in ems of `body_size`) before its
/// text. `rows_apart` when the lines are rows set apart by part of a line;
/// `tag_tables` when a table set in columns is tagged as one; `rtl` on a
/// right-to-left page; `against` when the block's paragraph reads the
/// other way from its page (see `Paragraph::direction`): an Arabic
/// paragraph in an English leaflet, an English one in an Arabic leaflet.
pub(super) fn place_lines(
    out: &mut BlockLines,
    (block, shape, mut lines, align): (&Block, &Shape, Vec<Line>, Align),
    (leading, element, body_size): (Length, usize, Length),
    (rows_apart, tag_tables, rtl, against): (bool, bool, bool, bool),
) {
    let prose = matches!(
        block.kind,
        BlockKind::Body | BlockKind::Quote | BlockKind::Heading(_)
    );
    if against && prose && shape.marker.is_none() && !is_table(&block.spans) {
        flush_to_its_start(&mut lines, &shape.widths, align);
    }
    let x = shape.x;
    let marker_x = shape.marker.as_ref().map(|m| {
        shape
            .marker_x
            .unwrap_or(x - m.width - body_size * MARKER_GAP_EM)
    });
    // A table set in columns (each line a row) keeps its headings to set
    // again at the top of a column, and is tagged as a table, its cells
    // apart (in a list item the item's structure wins).
    let columns = is_table(&block.spans)
        && !rows_apart
        && !matches!(
            block.kind,
            BlockKind::ListItem { .. } | BlockKind::Note { .. }
        );
    let header = columns && has_headings(&block.spans);
    let table = columns && tag_tables;
    // Exactly as many as there are: a one-line paragraph would otherwise
    // hold room for four, which many short paragraphs add up.
    out.lines.reserve_exact(lines.len());
    let mut after_row = false;
    for (k, line) in lines.into_iter().enumerate() {
        let row_space = if after_row {
            leading * ROW_SPACE_LINES
        } else {
            Length::ZERO
        };
        after_row = rows_apart && line.end == LineEnd::Break;
        let mut cl = ColumnLine {
            x,
            leading: leading + row_space,
            line,
            figure: None,
            picture: None,
            tag: Some(
                Tag::new(
                    if table {
                        Role::TableRow {
                            row: u32::try_from(k).unwrap_or(u32::MAX),
                            header: header && k == 0,
                            rtl,
                        }
                    } else {
                        role(&block.kind, 0, false)
                    },
                    Part::Body,
                    element,
                )
                .in_lang(block.lang.as_ref()),
            ),
        };
        if k == 0 {
            if let (Some(m), Some(mx)) = (&shape.marker, marker_x) {
                let gap = body_size * MARKER_GAP_EM;
                hang_marker(&mut cl, (m, mx, x, gap), (block, element, rtl));
            }
        }
        out.lines.push(cl);
    }
    // A long table's headings head every column it goes on in.
    if header {
        out.header = out.lines.first().map(|l| ColumnLine {
            tag: None,
            ..l.clone()
        });
    }
}

/// `lines` of a paragraph that reads the other way from its page, each
/// line that does not fill its measure (`widths`, the last repeating)
/// moved to the right, which is where the paragraph starts: its ragged
/// lines and its last one, which were flush with the page's start. A
/// reader of the Arabic paragraph of an English leaflet looked for its
/// short last line at the right and found it at the left. A right-to-left
/// page is mirrored once it is composed (see `compose::mirror`), so there
/// the same move sets an English paragraph's short lines flush left.
/// Only paragraphs, quotes and headings, in the column's measure: a list
/// item's marker hangs on the page's side, a table's columns line up with
/// the page's, and the imprint and the lines of the head are placed where
/// the page has room for them.
fn flush_to_its_start(lines: &mut [Line], widths: &[Length], align: Align) {
    let last = lines.len().saturating_sub(1);
    for (k, line) in lines.iter_mut().enumerate() {
        let full = align == Align::Justify && k < last && line.end != LineEnd::Break;
        let Some(&measure) = widths.get(k).or(widths.last()) else {
            return;
        };
        if !full && line.width < measure {
            line.shift(measure - line.width);
            line.width = measure;
        }
    }
}

/// `line`, the first of a list item `block`'s (part of structure element
/// `element`), with its marker `m` hung at `mx`, left of its text at `x`,
/// `gap` from it; on a right-to-left page (`rtl`), after it.
fn hang_marker(
    line: &mut ColumnLine,
    (m, mx, x, gap): (&Line, Length, Length, Length),
    (block, element, rtl): (&Block, usize, bool),
) {
    // The marker hangs left of the item's text, on its first line:
    // the line starts at the marker, the text keeps its place.
    let mut marker = m.clone();
    if rtl {
        // The page is mirrored whole, each line's ink moved to
        // its mirror image (see `mirror`): here the marker goes
        // after the text, in the same ink, so it lands at the
        // text's right with the text where it belongs.
        let end = line.line.span().map_or(Length::ZERO, |(_, hi)| hi);
        marker.shift(end + gap);
    } else {
        line.line.shift(x - mx);
    }
    // Runs are read in their order unless the line has glyphs of
    // a right-to-left paragraph, which are read from the right (see
    // `bidi::logical_order`): after those, at the right of a
    // right-to-left page, the marker is read first; anywhere
    // else (also "• No rent increase" in a Hebrew leaflet) it
    // must come first. A line of a right-to-left paragraph may hold
    // only Latin words ("5. Fair pay with הליכים" wrapped after
    // "pay"), embedded at level 2: put before them, the marker was read
    // as "5Fair pay.", and the build failed its check.
    let at_end = rtl && line.line.glyphs().any(|(_, g)| g.level > 0);
    if at_end {
        line.line.runs.append(&mut marker.runs);
    } else {
        marker.runs.append(&mut line.line.runs);
        line.line.runs = marker.runs;
    }
    line.tag = Some(
        Tag::new(role(&block.kind, m.runs.len(), at_end), Part::Body, element)
            .in_lang(block.lang.as_ref()),
    );
    line.x = mx;
}

/// What a body block is to a reader; a list item's line starts with
/// `label_runs` glyph runs of its marker (ends with them, `at_end`).
fn role(kind: &BlockKind, label_runs: usize, at_end: bool) -> Role {
    let label_runs = u8::try_from(label_runs).unwrap_or(u8::MAX);
    match kind {
        BlockKind::Heading(level) => Role::Heading(*level),
        BlockKind::Quote => Role::Quote,
        BlockKind::ListItem { depth, .. } => Role::ListItem {
            depth: *depth,
            label_runs,
            label_at_end: at_end,
        },
        // The notes are a list, each under its number.
        BlockKind::Note { .. } => Role::ListItem {
            depth: 0,
            label_runs,
            label_at_end: at_end,
        },
        _ => Role::Paragraph,
    }
}

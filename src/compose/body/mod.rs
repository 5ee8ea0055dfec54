//! Body blocks: each paragraph, heading, quote, list item, sign-off and
//! imprint gets its style and spacing from the design and is set into
//! column lines.
//!
//! The layout names the body's size, leading and paragraph spacing; the
//! other block kinds are set relative to those, by the ratios in
//! [`shape`], so that a layout scaled by fitting keeps its proportions.
//! A block is shaped ([`shape`]), set, set again flush left where that
//! reads better ([`short`]), measured for its word gaps ([`gaps`]), and
//! placed in its column ([`place`]).

mod gaps;
mod place;
mod rows;
mod shape;
mod short;

pub(super) use gaps::WordGaps;
pub(super) use rows::set_label_rows;
pub(super) use shape::body_style;

use super::baseline::BaselineGrid;
use super::pages::BlockLines;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::{is_table, Block, BlockKind};
use crate::typeset::fonts::FontBook;
use crate::typeset::line::{Line, LineEnd};
use crate::typeset::paragraph::{Paragraph, Setter};
use crate::typeset::sense;
use crate::units::Length;
use place::place_lines;
use shape::{block_shape, Shape};
use short::ragged_where_better;

/// Leading of a block set larger than the body (a heading), as a multiple
/// of its size: display sizes need less air between lines than text sizes.
const DISPLAY_LEADING: f64 = 1.25;

/// The least white between the ink of two lines of a heading, in ems of
/// its size: a heading's leading comes in half lines of the grid, as
/// tight as set solid, where a Greek descender over an accent ("μας" over
/// "όλους") touches. Where the glyphs of two of its lines come closer
/// than this, the lines move apart until they do not; a hairline at a
/// poster's heading size reads as touching.
const DISPLAY_INK_GAP_EM: f64 = 0.05;

/// The most lines a block of lines its writer broke (an address, a table,
/// a verse) may have for it to be kept in one column: a schedule of eight
/// rows still fits any column, and a longer one splits as a paragraph does.
const KEPT_WHOLE_LINES: usize = 8;

/// Sets one body block into column lines with its spacing and keep rules.
pub(super) fn set_body_block(
    setter: &mut Setter,
    block: &Block,
    prev: Option<&BlockKind>,
    design: &Design,
    (column, element): (Length, usize),
    (gaps, lang, tag_tables): (&mut WordGaps, &str, bool),
) -> Result<BlockLines> {
    let body = &design.body;
    let mut out = BlockLines {
        header: None,
        lines: Vec::new(),
        space_before: if prev.is_none() {
            Length::ZERO
        } else {
            body.paragraph_spacing
        },
        keep_with_next: false,
        widows: body.widows as usize,
        orphans: body.orphans as usize,
        on_grid: true,
    };
    let shape = block_shape(setter, block, prev, design, column, &mut out)?;
    // The space below a heading is the heading's to say, whatever follows.
    if matches!(prev, Some(BlockKind::Heading(_))) {
        out.space_before = design.heading.space_after;
    }
    let grid = BaselineGrid::of(design);
    let display = shape.style.size > body.size;
    let leading = match (display, grid) {
        (true, Some(g)) => g.display_leading(shape.style.size, shape.style.size * DISPLAY_LEADING),
        (true, None) => shape.style.size * DISPLAY_LEADING,
        (false, _) => body.leading,
    };
    let mut p = setter.prepare_in(&block.spans, &shape.style, block.line, block.language())?;
    let (rows_apart, against) = (p.rows_apart(), p.direction() != setter.direction);
    // A heading is a display line, read at a glance as the headline is:
    // its lines end where a phrase does, never on "to the" or "σε".
    let heading = matches!(
        block.kind,
        BlockKind::Heading(_) | BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta
    );
    let balanced = if heading {
        by_sense(setter, block, &shape, lang, &mut p)?
    } else {
        None
    };
    let widths = balanced.as_ref().map_or(&shape.widths[..], |w| &w[..]);
    let warned = setter.warnings.len();
    let lines = setter.set(&p, widths);
    // Set, the paragraph's items are done with: a paragraph of long words
    // has five for each letter, and setting it again flush left (below)
    // would hold both at once.
    drop(p);
    let leading = if display {
        clear_of_ink(&lines, leading, shape.style.size, setter.fonts)
    } else {
        leading
    };
    let (lines, align) = ragged_where_better(setter, block, &shape, (lines, heading, warned))?;
    // A table's gaps are its columns' gutters, no word gaps.
    if !is_table(&block.spans) {
        gaps.add(&lines, shape.style.size, align);
    }
    // An address, a short table or a verse reads as one: it moves to the
    // next column whole rather than leave two of its lines behind.
    let written = lines.len() > 1
        && lines.len() <= KEPT_WHOLE_LINES
        && lines[..lines.len() - 1]
            .iter()
            .all(|l| l.end == LineEnd::Break);
    if written {
        out.widows = lines.len();
        out.orphans = lines.len();
    }
    if let Some(g) = grid {
        on_grid(&mut out, g, (lines.len(), leading), design);
    }
    // Rows set apart by part of a line are off the grid, as a heading is;
    // the block after them snaps back to it.
    if rows_apart {
        out.on_grid = false;
    }
    let rtl = setter.direction.is_rtl();
    place_lines(
        &mut out,
        (block, &shape, lines, align),
        (leading, element, body.size),
        (rows_apart, tag_tables, rtl, against),
    );
    Ok(out)
}

/// A heading's paragraph `p` made to break by sense, and hyphenated where
/// a word is wider than its measure; with the one measure to set it in,
/// narrowed so that its lines even out, when its shape has one.
fn by_sense(
    setter: &mut Setter,
    block: &Block,
    shape: &Shape,
    lang: &str,
    p: &mut Paragraph,
) -> Result<Option<[Length; 1]>> {
    sense::break_by_sense(p, lang);
    let narrowest = shape
        .widths
        .iter()
        .copied()
        .reduce(Length::min)
        .unwrap_or_default();
    if !shape.style.hyphenate && !setter.trial(p, narrowest).clean {
        // A word wider than the measure ("Gewerkschaftsmitglieder-
        // versammlungsbeschluss" on the A4 leaflet): hyphenated where
        // the patterns allow rather than cut where the line runs out.
        let hyphenated = sense::hyphenated(
            setter,
            &block.spans,
            &shape.style,
            block.line,
            lang,
            narrowest,
        )?;
        if let Some(q) = hyphenated {
            *p = q;
        }
    }
    // Set flush left, so a narrower measure only evens the lines out:
    // "A Plan for a Fairer / Northbridge" becomes "A Plan / for a
    // Fairer Northbridge".
    if let [width] = shape.widths[..] {
        return Ok(Some([setter.balanced_measure(p, width)]));
    }
    Ok(None)
}

/// `leading`, or more where two of a display block's `lines` would bring
/// their glyphs closer than [`DISPLAY_INK_GAP_EM`] of its `size`: what
/// the outlines draw, not the font's ascender and descender, which leave
/// room for the tallest accent of any script.
fn clear_of_ink(lines: &[Line], leading: Length, size: Length, fonts: &FontBook) -> Length {
    let inks: Vec<_> = lines.iter().map(|l| l.ink_of(fonts, |_| true)).collect();
    inks.windows(2)
        .filter_map(|pair| match pair {
            [Some((_, below)), Some((above, _))] => {
                Some(*below + *above + size * DISPLAY_INK_GAP_EM)
            }
            _ => None,
        })
        .fold(leading, Length::max)
}

/// Puts a block of `lines` lines `leading` apart on the baseline grid `g`:
/// its space above in half lines; a heading (kept with what follows) off
/// the grid, its block made whole lines with the space below it, the
/// rounding added above it so that it stays close to its text.
fn on_grid(
    out: &mut BlockLines,
    g: BaselineGrid,
    (lines, leading): (usize, Length),
    design: &Design,
) {
    out.space_before = g.space(out.space_before);
    if out.keep_with_next {
        out.on_grid = false;
        let below = g.space(design.heading.space_after);
        let taken = out.space_before + leading * lines as f64 + below;
        out.space_before += g.whole_lines(taken) - taken;
    }
}

//! A block's shape in its column before it is set: its type, where its
//! lines start and how wide they are, a list item's marker; and the
//! spacing and keep rules its kind asks for.

use crate::compose::pages::BlockLines;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::{Block, BlockKind, Span, Style};
use crate::style::{Align, Weight};
use crate::typeset::line::Line;
use crate::typeset::paragraph::{ScriptShare, Setter, TextStyle};
use crate::units::Length;

/// Headings below the first level, as a share of `[heading] size`: one
/// step smaller, so that the levels read as a hierarchy without a second
/// size key (and never smaller than the body, see `heading_style`).
const SUBHEADING_SCALE: f64 = 0.9;

/// A block quote's inset on each side, in body ems: enough to see the
/// quote as a block at a glance, little enough to keep a narrow column's
/// measure usable.
const QUOTE_INSET_EM: f64 = 1.5;

/// Space between the items of one list, as a share of the paragraph
/// spacing: the items read as one group, still told apart.
pub(super) const LIST_ITEM_SPACING: f64 = 0.4;

/// A list item's hanging indent per level, in body ems: room for a
/// two-digit number and its dot, and a visible step for each nesting level.
const LIST_HANG_EM: f64 = 1.4;

/// The narrowest measure of a deeply nested list item, as a share of the
/// column: deeper levels stop stepping in there and share that indent,
/// told apart by their markers. Each level taking its step, the sixth of
/// a list on a poster's column held a word a line, and the sixteenth ran
/// off the column altogether (a fixed narrowest measure in ems, set from
/// the hang, stuck out past the column's edge).
const LIST_MIN_MEASURE_SHARE: f64 = 0.5;

/// An endnote's size, as a share of the body's: a step down, as notes are
/// set in books and papers, read after the text and by fewer readers, and
/// never below the meta lines' size. On the body's leading, so that the
/// baseline grid holds.
const NOTE_SCALE: f64 = 0.85;

/// Space above a sign-off ("In solidarity, …") at the least, as a share of
/// the leading: the closing stands apart from the last paragraph even in a
/// layout without paragraph spacing.
const SIGN_OFF_SPACE: f64 = 0.5;

/// How a block sits in its column before it is set.
pub(super) struct Shape {
    /// Its type.
    pub(super) style: TextStyle,
    /// Where its lines start, from the column's left edge.
    pub(super) x: Length,
    /// The measure of each line; the last repeats.
    pub(super) widths: Vec<Length>,
    /// A list item's marker, set, to hang left of its first line.
    pub(super) marker: Option<Line>,
    /// Where the marker starts, from the column's left edge, when it
    /// stands flush there (a table's label) rather than against the text.
    pub(super) marker_x: Option<Length>,
}

impl Shape {
    /// A block at the column's full measure.
    fn full(style: TextStyle, column: Length) -> Shape {
        Shape {
            style,
            x: Length::ZERO,
            widths: vec![column],
            marker: None,
            marker_x: None,
        }
    }
}

/// The style and place of `block`, following `prev`; sets the spacing and
/// keep rules its kind asks for in `out`.
pub(super) fn block_shape(
    setter: &mut Setter,
    block: &Block,
    prev: Option<&BlockKind>,
    design: &Design,
    column: Length,
    out: &mut BlockLines,
) -> Result<Shape> {
    let body = &design.body;
    let base = body_style(design);
    let follows_body = matches!(prev, Some(BlockKind::Body) | Some(BlockKind::Quote));
    Ok(match &block.kind {
        BlockKind::Heading(level) => {
            out.space_before = design.heading.space_before;
            out.keep_with_next = true;
            Shape::full(heading_style(design, *level), column)
        }
        BlockKind::Body if follows_body && body.indent > Length::ZERO => {
            // An indent marks the new paragraph; space would mark it twice.
            out.space_before = Length::ZERO;
            let style = TextStyle {
                indent: body.indent,
                ..base
            };
            Shape::full(style, column)
        }
        BlockKind::Body | BlockKind::Salutation => Shape::full(base, column),
        BlockKind::SignOff => {
            out.space_before = if matches!(prev, Some(BlockKind::SignOff)) {
                Length::ZERO
            } else {
                body.paragraph_spacing.max(body.leading * SIGN_OFF_SPACE)
            };
            let style = TextStyle {
                align: Align::Left,
                ..base
            };
            Shape::full(style, column)
        }
        BlockKind::Quote => {
            let inset = body.size * QUOTE_INSET_EM;
            Shape {
                style: base,
                x: inset,
                widths: vec![column - inset * 2.0],
                marker: None,
                marker_x: None,
            }
        }
        BlockKind::ListItem { marker, depth } => {
            if matches!(prev, Some(BlockKind::ListItem { .. })) {
                out.space_before = body.paragraph_spacing * LIST_ITEM_SPACING;
            }
            list_item_shape(setter, block, (marker, *depth), base, column)?
        }
        BlockKind::Note { marker } => {
            if matches!(prev, Some(BlockKind::Note { .. })) {
                out.space_before = body.paragraph_spacing * LIST_ITEM_SPACING;
            }
            // Flush left: notes are short and full of sources, numbers
            // and addresses, which justified leave gaping.
            let style = TextStyle {
                size: (body.size * NOTE_SCALE).max(design.meta.size.min(body.size)),
                align: Align::Left,
                ..base
            };
            list_item_shape(setter, block, (marker, 0), style, column)?
        }
        BlockKind::Imprint => {
            let ms = &design.meta;
            out.space_before = body.leading;
            let style = TextStyle {
                font: ms.font.clone(),
                size: ms.size,
                color: ms.color,
                align: Align::Left,
                hyphenate: false,
                ..base
            };
            Shape::full(style, column)
        }
        // Head blocks after the body started are set like a heading.
        BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta => {
            out.keep_with_next = true;
            let style = TextStyle {
                base: Style {
                    bold: true,
                    italic: false,
                    strike: false,
                },
                ..heading_style(design, 1)
            };
            Shape::full(style, column)
        }
    })
}

/// The running text's style.
pub(in crate::compose) fn body_style(design: &Design) -> TextStyle {
    let body = &design.body;
    TextStyle {
        font: body.font.clone(),
        base: Style::default(),
        size: body.size,
        color: body.color,
        align: body.align,
        hyphenate: true,
        indent: Length::ZERO,
    }
}

/// A heading's style at `level` (1 for `##`): flush left, never hyphenated.
fn heading_style(design: &Design, level: u8) -> TextStyle {
    let hs = &design.heading;
    let size = if level <= 1 {
        hs.size
    } else {
        (hs.size * SUBHEADING_SCALE).max(design.body.size)
    };
    TextStyle {
        font: hs.font.clone(),
        base: Style {
            bold: hs.weight == Weight::Bold,
            italic: false,
            strike: false,
        },
        size,
        align: Align::Left,
        hyphenate: false,
        ..body_style(design)
    }
}

/// A list item (or a note) in `base`'s style: its text hangs at a
/// depth-dependent indent, and its marker (bullet or number) is set to
/// hang left of the first line.
fn list_item_shape(
    setter: &mut Setter,
    block: &Block,
    (marker, depth): (&str, u8),
    base: TextStyle,
    column: Length,
) -> Result<Shape> {
    // Chinese and Japanese hang by whole characters, so that an item's
    // lines, like the column's (see `squares`), hold whole characters.
    let step = if ScriptShare::of(&block.spans).mostly_ideographic() {
        LIST_HANG_EM.ceil()
    } else {
        LIST_HANG_EM
    };
    // The first level keeps its hang, however narrow the column.
    let first = base.size * step;
    let deepest = (column * (1.0 - LIST_MIN_MEASURE_SHARE)).max(first);
    let hang = (base.size * (step + step * f64::from(depth))).min(deepest);
    let marker_line = if marker.is_empty() {
        None
    } else {
        let marker_style = TextStyle {
            align: Align::Left,
            hyphenate: false,
            ..base.clone()
        };
        // Its figures in the face of the item's script ("1." before a
        // Bengali item in the Bengali face, not the body's Latin serif).
        setter.main_letter = setter.main_letter_of(&block.spans, &base)?;
        let m = setter.prepare(&[Span::plain(marker)], &marker_style, block.line)?;
        setter.set(&m, &[hang]).into_iter().next()
    };
    Ok(Shape {
        style: base,
        x: hang,
        widths: vec![column - hang],
        marker: marker_line,
        marker_x: None,
    })
}

//! Body blocks: each paragraph, heading, quote, list item, sign-off and
//! imprint gets its style and spacing from the design and is set into
//! column lines.
//!
//! The layout names the body's size, leading and paragraph spacing; the
//! other block kinds are set relative to those, by the ratios below, so
//! that a layout scaled by fitting keeps its proportions.

use super::baseline::BaselineGrid;
use super::pages::{BlockLines, ColumnLine};
use super::tag::{Part, Role, Tag};
use crate::error::Result;
use crate::layout::design::{Design, SHORT_LAST_LINE};
use crate::statement::document::{is_table, Block, BlockKind, Span, Style};
use crate::style::{Align, Weight};
use crate::typeset::fonts::FontBook;
use crate::typeset::line::{Cluster, Line, LineEnd, PlacedGlyph};
use crate::typeset::paragraph::{has_headings, ScriptShare, Setter, TextStyle};
use crate::typeset::sense;
use crate::units::Length;
use unicode_script::{Script, UnicodeScript};

/// Headings below the first level, as a share of `[heading] size`: one
/// step smaller, so that the levels read as a hierarchy without a second
/// size key (and never smaller than the body, see `heading_shape`).
const SUBHEADING_SCALE: f64 = 0.9;

/// A block quote's inset on each side, in body ems: enough to see the
/// quote as a block at a glance, little enough to keep a narrow column's
/// measure usable.
const QUOTE_INSET_EM: f64 = 1.5;

/// Space between the items of one list, as a share of the paragraph
/// spacing: the items read as one group, still told apart.
const LIST_ITEM_SPACING: f64 = 0.4;

/// A list item's hanging indent per level, in body ems: room for a
/// two-digit number and its dot, and a visible step for each nesting level.
const LIST_HANG_EM: f64 = 1.4;

/// The space above each row of a table set as lines of text by its
/// headings, in lines: a row may wrap, and without it the reader cannot
/// tell where the next begins. Half a line, a paragraph's space in the
/// grid's steps.
const ROW_SPACE_LINES: f64 = 0.5;

/// The narrowest measure of a deeply nested list item, as a share of the
/// column: deeper levels stop stepping in there and share that indent,
/// told apart by their markers. Each level taking its step, the sixth of
/// a list on a poster's column held a word a line, and the sixteenth ran
/// off the column altogether (a fixed narrowest measure in ems, set from
/// the hang, stuck out past the column's edge).
const LIST_MIN_MEASURE_SHARE: f64 = 0.5;

/// Space between a list marker and its text, in body ems: wider than a
/// word space, so that the markers read as a column of their own.
const MARKER_GAP_EM: f64 = 0.3;

/// An endnote's size, as a share of the body's: a step down, as notes are
/// set in books and papers, read after the text and by fewer readers, and
/// never below the meta lines' size. On the body's leading, so that the
/// baseline grid holds.
const NOTE_SCALE: f64 = 0.85;

/// Space above a sign-off ("In solidarity, …") at the least, as a share of
/// the leading: the closing stands apart from the last paragraph even in a
/// layout without paragraph spacing.
const SIGN_OFF_SPACE: f64 = 0.5;

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

/// The widest word gap, in ems, a justified line may show: wider, it
/// reads as a hole in the line (issue #14 holds 0.8 em as the limit).
const GAPING_EM: f64 = 0.8;

/// The most lines of a paragraph that is set flush left when justifying
/// it would leave a gaping line, or the end of a hyphenated word alone on
/// its last: a short notice ("Meeting: Thursday, 26
/// March, 6.30 pm, …") reads as well ragged, as notices often are set. In
/// a longer paragraph a ragged block among justified ones looks like a
/// mistake, and one loose line is the lesser harm.
const SHORT_PARAGRAPH_LINES: usize = 3;

/// How a block sits in its column before it is set.
struct Shape {
    /// Its type.
    style: TextStyle,
    /// Where its lines start, from the column's left edge.
    x: Length,
    /// The measure of each line; the last repeats.
    widths: Vec<Length>,
    /// A list item's marker, set, to hang left of its first line.
    marker: Option<Line>,
}

impl Shape {
    /// A block at the column's full measure.
    fn full(style: TextStyle, column: Length) -> Shape {
        Shape {
            style,
            x: Length::ZERO,
            widths: vec![column],
            marker: None,
        }
    }
}

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
    let rows_apart = p.rows_apart();
    // A heading is a display line, read at a glance as the headline is:
    // its lines end where a phrase does, never on "to the" or "σε".
    let heading = matches!(
        block.kind,
        BlockKind::Heading(_) | BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta
    );
    let mut balanced = None;
    if heading {
        sense::break_by_sense(&mut p, lang);
        let narrowest = shape
            .widths
            .iter()
            .copied()
            .reduce(Length::min)
            .unwrap_or_default();
        if !shape.style.hyphenate && !setter.trial(&p, narrowest).clean {
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
                p = q;
            }
        }
        // Set flush left, so a narrower measure only evens the lines out:
        // "A Plan for a Fairer / Northbridge" becomes "A Plan / for a
        // Fairer Northbridge".
        if let [width] = shape.widths[..] {
            balanced = Some([setter.balanced_measure(&p, width)]);
        }
    }
    let widths = balanced.as_ref().map_or(&shape.widths[..], |w| &w[..]);
    let warned = setter.warnings.len();
    let mut lines = setter.set(&p, widths);
    let leading = if display {
        clear_of_ink(&lines, leading, shape.style.size, setter.fonts)
    } else {
        leading
    };
    let mut align = shape.style.align;
    let short = lines.len() <= SHORT_PARAGRAPH_LINES;
    if align == Align::Justify && short {
        let must = gaping(&lines, shape.style.size) || broken_stub(&lines, &shape.widths);
        if must || ends_after_a_hyphen(&lines) {
            let flush = TextStyle {
                align: Align::Left,
                ..shape.style.clone()
            };
            let p = setter.prepare_in(&block.spans, &flush, block.line, block.language())?;
            let justified_warned = setter.warnings.len();
            let mut ragged = setter.set(&p, &shape.widths);
            if ends_after_a_hyphen(&ragged) {
                // Flush left, a short notice needs no hyphen.
                let widths = &shape.widths[..];
                ragged = unhyphenated(setter, block, (&flush, widths), ragged, justified_warned)?;
            }
            // A hyphen before the last line (the line breaker keeps it
            // only where a justified line would gape without it) is worth
            // a ragged setting in a short paragraph, a two-line list item
            // most often: "cut or with- / drawn on 17 routes." But not at
            // the price of another line, which ends on a word alone.
            if must || (ragged.len() <= lines.len() && !ends_after_a_hyphen(&ragged)) {
                // What the justified setting warned of, the ragged one
                // says again.
                setter.warnings.drain(warned..justified_warned);
                align = Align::Left;
                lines = ragged;
            } else {
                setter.warnings.truncate(justified_warned);
            }
        }
    }
    // A short paragraph set flush left above has had this done.
    if shape.style.align != Align::Justify && !heading && ends_after_a_hyphen(&lines) {
        let widths = &shape.widths[..];
        lines = unhyphenated(setter, block, (&shape.style, widths), lines, warned)?;
    }
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
    let x = shape.x;
    let marker_x = shape
        .marker
        .as_ref()
        .map(|m| x - m.width - body.size * MARKER_GAP_EM);
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
                            rtl: setter.direction.is_rtl(),
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
                // The marker hangs left of the item's text, on its first line:
                // the line starts at the marker, the text keeps its place.
                let mut marker = m.clone();
                if setter.direction.is_rtl() {
                    // The page is mirrored whole, each line's ink moved to
                    // its mirror image (see `mirror`): here the marker goes
                    // after the text, in the same ink, so it lands at the
                    // text's right with the text where it belongs.
                    let end = cl.line.span().map_or(Length::ZERO, |(_, hi)| hi);
                    marker.shift(end + body.size * MARKER_GAP_EM);
                } else {
                    cl.line.shift(x - mx);
                }
                // Runs are read in their order unless the line has
                // right-to-left glyphs, which are read from the right (see
                // `bidi::logical_order`): after those, at the right of a
                // right-to-left page, the marker is read first; anywhere
                // else (also "• No rent increase" in a Hebrew leaflet) it
                // must come first.
                let at_end = setter.direction.is_rtl() && cl.line.glyphs().any(|(_, g)| g.is_rtl());
                if at_end {
                    cl.line.runs.append(&mut marker.runs);
                } else {
                    marker.runs.append(&mut cl.line.runs);
                    cl.line.runs = marker.runs;
                }
                cl.tag = Some(
                    Tag::new(role(&block.kind, m.runs.len(), at_end), Part::Body, element)
                        .in_lang(block.lang.as_ref()),
                );
                cl.x = mx;
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
    Ok(out)
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

/// The style and place of `block`, following `prev`; sets the spacing and
/// keep rules its kind asks for in `out`.
fn block_shape(
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
fn body_style(design: &Design) -> TextStyle {
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
    })
}

/// True when a line of `lines` but the last has a word gap wider than
/// [`GAPING_EM`] of `size` (see [`line_gaps`]).
fn gaping(lines: &[Line], size: Length) -> bool {
    let widest = size * GAPING_EM;
    lines
        .iter()
        .rev()
        .skip(1)
        .any(|line| line_gaps(line).any(|g| g > widest))
}

/// True when a paragraph ends on the rest of a hyphenated word alone on a
/// short line ("γείτο-" / "νες,"): justifying the line above without
/// that word left it too loose, so the breaker took the stub as the
/// lesser harm. In a short paragraph, flush left does better than either.
fn broken_stub(lines: &[Line], widths: &[Length]) -> bool {
    let [.., above, last] = lines else {
        return false;
    };
    let measure = widths.last().copied().unwrap_or(Length::ZERO);
    above.hyphenated && last.width < measure * SHORT_LAST_LINE
}

/// `lines`, a ragged setting of `block` in `style` whose last line starts
/// with the rest of a hyphenated word ("Modernisierungsankün- /
/// digungen."), set again without hyphenation, so the word goes down
/// whole: a ragged line may stop short, so it needs no hyphen to fill out.
/// Kept as it is when that takes another line or sticks out. The
/// warnings from `warned` on are the setting's, replaced with the new
/// one's when it is taken.
fn unhyphenated(
    setter: &mut Setter,
    block: &Block,
    (style, widths): (&TextStyle, &[Length]),
    lines: Vec<Line>,
    warned: usize,
) -> Result<Vec<Line>> {
    let whole = TextStyle {
        hyphenate: false,
        ..style.clone()
    };
    let p = setter.prepare_in(&block.spans, &whole, block.line, block.language())?;
    let before = setter.warnings.len();
    let unbroken = setter.set(&p, widths);
    let fits = unbroken.iter().all(|l| l.overfull == Length::ZERO);
    if fits && unbroken.len() <= lines.len() && !ends_after_a_hyphen(&unbroken) {
        setter.warnings.drain(warned..before);
        Ok(unbroken)
    } else {
        setter.warnings.truncate(before);
        Ok(lines)
    }
}

/// True when a paragraph's second-last line ends in a hyphen, so that its
/// last line starts with the rest of a word.
fn ends_after_a_hyphen(lines: &[Line]) -> bool {
    matches!(lines, [.., above, _] if above.hyphenated)
}

/// The word gaps of a line: from a word space's glyph (drawn where the gap
/// starts, at its left) to the next glyph to its right, in either
/// direction. Arabic lines have none here: Arabic is justified the
/// script's own way (see `docs/right-to-left.md`), and is not set ragged
/// by the rules that judge gaps.
fn line_gaps(line: &Line) -> impl Iterator<Item = Length> + '_ {
    let mut glyphs: Vec<_> = line.glyphs().map(|(_, g)| g).collect();
    // Read on every justified line of every fitting trial: a left-to-right
    // line is drawn in order and has no Arabic, so only a right-to-left
    // one is scanned, and its order checked rather than assumed.
    let arabic = |g: &&PlacedGlyph| match &g.text {
        Cluster::Char(c) => c.script() == Script::Arabic,
        Cluster::Text(t) => t.chars().any(|c| c.script() == Script::Arabic),
        Cluster::Continued => false,
    };
    if glyphs.iter().any(|g| g.is_rtl()) {
        if glyphs.iter().any(arabic) {
            glyphs.clear();
        }
        glyphs.sort_by(|a, b| a.x.partial_cmp(&b.x).unwrap_or(std::cmp::Ordering::Equal));
    }
    let gaps: Vec<Length> = glyphs
        .windows(2)
        .filter(|w| w[0].text.is_space() && !w[1].text.is_space())
        .map(|w| w[1].x - w[0].x)
        .collect();
    gaps.into_iter()
}

/// The most lines a block of lines its writer broke (an address, a table,
/// a verse) may have for it to be kept in one column: a schedule of eight
/// rows still fits any column, and a longer one splits as a paragraph does.
const KEPT_WHOLE_LINES: usize = 8;

/// The word gaps of a setting's justified lines (all but each paragraph's
/// last and those its writer ended), in ems of their type: how loose its
/// justification is, taken as a whole, as a reader (or typometer) sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct WordGaps(Vec<f64>);

impl WordGaps {
    /// Adds a paragraph's lines, set at `size` in `align`.
    fn add(&mut self, lines: &[Line], size: Length, align: Align) {
        if align != Align::Justify {
            return;
        }
        for line in lines
            .iter()
            .rev()
            .skip(1)
            .filter(|l| l.end != LineEnd::Break)
        {
            self.0.extend(line_gaps(line).map(|g| g / size));
        }
    }

    /// The gap that 95 in 100 are no wider than; `None` without gaps.
    /// Asked of the setting fitting keeps, not of every trial.
    pub(super) fn p95(&self) -> Option<f64> {
        if self.0.is_empty() {
            return None;
        }
        let mut v = self.0.clone();
        let at = ((v.len() as f64 * 0.95).ceil() as usize).clamp(1, v.len()) - 1;
        Some(*v.select_nth_unstable_by(at, f64::total_cmp).1)
    }
}

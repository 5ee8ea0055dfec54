//! Body blocks: each paragraph, heading, quote, list item, sign-off and
//! imprint gets its style and spacing from the design and is set into
//! column lines.

use super::design::Design;
use super::pages::{BlockLines, ColumnLine};
use crate::error::Result;
use crate::statement::document::{Block, BlockKind, Span, Style};
use crate::style::{Align, Weight};
use crate::typeset::paragraph::{Setter, TextStyle};
use crate::units::Length;

/// Sets one body block into column lines with its spacing and keep rules.
pub(super) fn set_body_block(
    setter: &mut Setter,
    block: &Block,
    prev: Option<&BlockKind>,
    design: &Design,
    column: Length,
) -> Result<BlockLines> {
    let body = &design.body;
    let base_style = TextStyle {
        font: body.font.clone(),
        base: Style::default(),
        size: body.size,
        color: body.color,
        align: body.align,
        hyphenate: true,
        indent: Length::ZERO,
    };
    let follows_body = matches!(prev, Some(BlockKind::Body) | Some(BlockKind::Quote));
    let mut out = BlockLines {
        lines: Vec::new(),
        space_before: body.paragraph_spacing,
        keep_with_next: false,
        widows: body.widows as usize,
        orphans: body.orphans as usize,
    };
    if prev.is_none() {
        out.space_before = Length::ZERO;
    }
    let (style, x, widths, marker) = match &block.kind {
        BlockKind::Heading(level) => {
            let hs = &design.heading;
            let size = if *level <= 1 {
                hs.size
            } else {
                (hs.size * 0.9).max(body.size)
            };
            out.space_before = hs.space_before;
            out.keep_with_next = true;
            let style = TextStyle {
                font: hs.font.clone(),
                base: Style {
                    bold: hs.weight == Weight::Bold,
                    italic: false,
                },
                size,
                align: Align::Left,
                hyphenate: false,
                ..base_style
            };
            (style, Length::ZERO, vec![column], None)
        }
        BlockKind::Body if follows_body && body.indent > Length::ZERO => {
            out.space_before = if body.indent > Length::ZERO {
                Length::ZERO
            } else {
                body.paragraph_spacing
            };
            (
                TextStyle {
                    indent: body.indent,
                    ..base_style
                },
                Length::ZERO,
                vec![column],
                None,
            )
        }
        BlockKind::Body | BlockKind::Salutation => (base_style, Length::ZERO, vec![column], None),
        BlockKind::SignOff => {
            if !matches!(prev, Some(BlockKind::SignOff)) {
                out.space_before = body.paragraph_spacing.max(body.leading * 0.5);
            } else {
                out.space_before = Length::ZERO;
            }
            (
                TextStyle {
                    align: Align::Left,
                    ..base_style
                },
                Length::ZERO,
                vec![column],
                None,
            )
        }
        BlockKind::Quote => {
            let inset = body.size * 1.5;
            (
                TextStyle { ..base_style },
                inset,
                vec![column - inset * 2.0],
                None,
            )
        }
        BlockKind::ListItem { marker, depth } => {
            if matches!(prev, Some(BlockKind::ListItem { .. })) {
                out.space_before = body.paragraph_spacing * 0.4;
            }
            let hang = body.size * (1.4 + 1.4 * f64::from(*depth));
            let marker_style = TextStyle {
                align: Align::Left,
                hyphenate: false,
                ..base_style.clone()
            };
            let marker_line = if marker.is_empty() {
                None
            } else {
                let m =
                    setter.prepare(&[Span::plain(marker.clone())], &marker_style, block.line)?;
                setter.set(&m, &[hang]).into_iter().next()
            };
            (
                base_style,
                hang,
                vec![(column - hang).max(body.size * 4.0)],
                marker_line,
            )
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
                ..base_style
            };
            (style, Length::ZERO, vec![column], None)
        }
        // Head blocks after the body started are set like a heading.
        BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta => {
            out.keep_with_next = true;
            let hs = &design.heading;
            (
                TextStyle {
                    font: hs.font.clone(),
                    base: Style {
                        bold: true,
                        italic: false,
                    },
                    size: hs.size,
                    align: Align::Left,
                    hyphenate: false,
                    ..base_style
                },
                Length::ZERO,
                vec![column],
                None,
            )
        }
    };
    let leading = if style.size > body.size {
        style.size * 1.25
    } else {
        body.leading
    };
    let p = setter.prepare(&block.spans, &style, block.line)?;
    let lines = setter.set(&p, &widths);
    // A word space between marker and text: wider, and the markers read as a
    // column of their own.
    let marker_x = marker.as_ref().map(|m| x - m.width - body.size * 0.3);
    for (k, line) in lines.into_iter().enumerate() {
        let mut cl = ColumnLine {
            x,
            leading,
            line,
            figure: None,
            picture: None,
        };
        if k == 0 {
            if let (Some(m), Some(mx)) = (&marker, marker_x) {
                // The marker hangs left of the item's text, on its first line:
                // the line starts at the marker, the text keeps its place.
                cl.line.shift(x - mx);
                let mut runs = m.runs.clone();
                runs.append(&mut cl.line.runs);
                cl.line.runs = runs;
                cl.x = mx;
            }
        }
        out.lines.push(cl);
    }
    Ok(out)
}

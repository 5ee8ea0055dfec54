//! The head of the leaflet: headline, subtitle and meta lines, set across
//! the text area before the columns, with the headline's size fitted to
//! its line budget.

use super::design::{Design, HeadlineFit};
use super::pages::PlacedLine;
use crate::error::{Location, Result, Warning};
use crate::statement::document::{Block, BlockKind, Span};
use crate::style::{Align, Weight};
use crate::typeset::paragraph::{Paragraph, Setter, TextStyle};
use crate::units::Length;

/// A subtitle's size as a share of the headline's: clearly second in rank,
/// still display type (and never smaller than the body).
const SUBTITLE_SCALE: f64 = 0.55;

/// A subtitle's leading as a multiple of its size: between the headline's
/// tight display leading and the body's text leading.
const SUBTITLE_LEADING: f64 = 1.2;

/// Leading of the small meta lines (date, organisation) and of the QR
/// code's printed link, as a multiple of their size: small type needs
/// relatively more air to stay legible.
pub(super) const META_LEADING: f64 = 1.3;

/// The first baseline below the top margin, as a share of the first line's
/// size: about the height of its capitals and ascenders, so that the
/// headline's tops, not its baseline, line up with the margin.
const FIRST_BASELINE: f64 = 0.95;

/// Sets the headline, subtitle and meta lines across `width` (the text
/// area's width, less a logo in the top-right corner). Returns the placed
/// lines, the y where the body starts, and where the head ends (the last
/// baseline and the space after it; the top margin without a head).
pub(super) fn set_head(
    setter: &mut Setter,
    blocks: &[Block],
    design: &Design,
    width: Length,
) -> Result<(Vec<PlacedLine>, Length, Length)> {
    let page = &design.page;
    let mut placed = Vec::new();
    let mut y = page.margin_top;
    let mut first = true;
    // The headline's size: the layout's, or the one fitting chose.
    let mut headline_size = design.headline.size;
    for (k, block) in blocks.iter().enumerate() {
        let last_meta = !matches!(blocks.get(k + 1).map(|b| &b.kind), Some(BlockKind::Meta));
        let HeadBlock {
            style,
            leading,
            space_after,
            prepared,
        } = head_block(setter, block, design, width, headline_size, last_meta)?;
        if block.kind == BlockKind::Headline {
            headline_size = style.size;
        }
        let p = match prepared {
            Some(p) => p,
            None => setter.prepare(&block.spans, &style, block.line)?,
        };
        // A meta line that wraps (a clipping's tag list) is balanced too, so
        // that no word is left alone on its last line.
        let measure = match block.kind {
            BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta => {
                setter.balanced_measure(&p, width)
            }
            _ => width,
        };
        let shift = match style.align {
            Align::Center => (width - measure) / 2.0,
            Align::Right => width - measure,
            _ => Length::ZERO,
        };
        for line in setter.set(&p, &[measure]) {
            y += if first {
                style.size * FIRST_BASELINE
            } else {
                leading
            };
            first = false;
            placed.push(PlacedLine {
                x: page.margin_left + shift,
                baseline: y,
                line,
                figure: None,
            });
        }
        // Space after applies before the next block's first line.
        y += space_after;
    }
    if placed.is_empty() {
        return Ok((placed, page.margin_top, page.margin_top));
    }
    // The body's first baseline comes `top_skip` below this point.
    let body_top = y + design.body.leading - design.body.size;
    Ok((placed, body_top, y))
}

/// One block of the head, styled: its type, leading, the space after it,
/// and the headline already prepared at its fitted size.
struct HeadBlock {
    style: TextStyle,
    leading: Length,
    space_after: Length,
    prepared: Option<Paragraph>,
}

/// The style of a head block: the headline (fitted to `width`), a
/// subtitle scaled from the headline's `headline_size`, or a meta line
/// (space after only below the last of them).
fn head_block(
    setter: &mut Setter,
    block: &Block,
    design: &Design,
    width: Length,
    headline_size: Length,
    last_meta: bool,
) -> Result<HeadBlock> {
    let hs = &design.headline;
    Ok(match block.kind {
        BlockKind::Headline => {
            let style = TextStyle::display(
                hs.font.clone(),
                hs.weight == Weight::Bold,
                hs.size,
                hs.color,
                hs.align,
            );
            let (p, size) = prepare_headline(setter, block, &style, width, hs.fit)?;
            HeadBlock {
                style: TextStyle { size, ..style },
                // Leading keeps its proportion to the size.
                leading: hs.leading * (size / hs.size),
                space_after: hs.space_after,
                prepared: Some(p),
            }
        }
        BlockKind::Subtitle => {
            let size = (headline_size * SUBTITLE_SCALE).max(design.body.size);
            HeadBlock {
                style: TextStyle::display(hs.font.clone(), false, size, hs.color, hs.align),
                leading: size * SUBTITLE_LEADING,
                space_after: hs.space_after,
                prepared: None,
            }
        }
        _ => {
            let ms = &design.meta;
            HeadBlock {
                style: TextStyle::display(ms.font.clone(), false, ms.size, ms.color, hs.align),
                leading: ms.size * META_LEADING,
                space_after: if last_meta {
                    ms.space_after
                } else {
                    Length::ZERO
                },
                prepared: None,
            }
        }
    })
}

/// Steps of the headline size search: finer than anyone sees on a poster.
pub(super) const HEADLINE_STEP_PT: f64 = 0.5;

/// The headline ready to set, and its size. A headline of three or more
/// words has its last two tied, so that no word stands alone on its last
/// line (unless even the pair is too wide for the measure). With `fit`, the
/// size is the largest on a 0.5pt grid from `min-size` up to `max-size` at
/// which the headline takes at most `max-lines` lines of `width`, each
/// broken between words (never hyphenated, never inside a word).
fn prepare_headline(
    setter: &mut Setter,
    block: &Block,
    style: &TextStyle,
    width: Length,
    fit: Option<HeadlineFit>,
) -> Result<(Paragraph, Length)> {
    let tied = tie_last_words(&block.spans);
    let prepare = |setter: &mut Setter, spans: &[Span], size: Length| {
        let st = TextStyle {
            size,
            ..style.clone()
        };
        setter.prepare(spans, &st, block.line)
    };
    let Some(fit) = fit else {
        if let Some(spans) = &tied {
            let p = prepare(setter, spans, style.size)?;
            if setter.clean_lines(&p, width).1 {
                return Ok((p, style.size));
            }
        }
        let p = prepare(setter, &block.spans, style.size)?;
        return Ok((p, style.size));
    };
    let steps = ((fit.max_size - fit.min_size).to_pt() / HEADLINE_STEP_PT).floor() as usize;
    let mut sizes: Vec<Length> = (0..=steps)
        .map(|i| fit.min_size + Length::pt(HEADLINE_STEP_PT * i as f64))
        .collect();
    if sizes
        .last()
        .is_some_and(|l| (fit.max_size - *l).to_pt() > 1e-6)
    {
        sizes.push(fit.max_size);
    }
    let max_lines = fit.max_lines as usize;
    let fits = |setter: &mut Setter, spans: &[Span], size: Length| -> Result<bool> {
        let p = prepare(setter, spans, size)?;
        let (lines, clean) = setter.clean_lines(&p, width);
        Ok(clean && lines <= max_lines)
    };
    // Tied if the tie can be kept at all, else as written.
    let mut chosen = None;
    for spans in tied
        .iter()
        .map(Vec::as_slice)
        .chain([block.spans.as_slice()])
    {
        if !fits(setter, spans, sizes[0])? {
            continue;
        }
        // Bisection: `lo` fits, `hi` does not (or is one past the end).
        let (mut lo, mut hi) = (0, sizes.len());
        if fits(setter, spans, sizes[sizes.len() - 1])? {
            lo = sizes.len() - 1;
        }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if fits(setter, spans, sizes[mid])? {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        chosen = Some((spans, sizes[lo]));
        break;
    }
    let (spans, size) = match chosen {
        Some(c) => c,
        None => {
            let p = prepare(setter, &block.spans, fit.min_size)?;
            let (lines, _) = setter.clean_lines(&p, width);
            setter.warnings.push(Warning {
                at: Location {
                    file: setter.origin.to_string(),
                    line: Some(block.line),
                    column: None,
                },
                message: format!(
                    "the headline does not fit in {} line{} even at min-size {}; set at {} in {lines} lines",
                    fit.max_lines,
                    if fit.max_lines == 1 { "" } else { "s" },
                    fit.min_size,
                    fit.min_size
                ),
            });
            return Ok((p, fit.min_size));
        }
    };
    let p = prepare(setter, spans, size)?;
    Ok((p, size))
}

/// The spans with the space before the last word made a tie (a no-break
/// space), when the text has three or more words; `None` otherwise.
fn tie_last_words(spans: &[Span]) -> Option<Vec<Span>> {
    let words: usize = spans
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    if words < 3 {
        return None;
    }
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let space = text.trim_end().rfind(' ')?;
    let mut tied = spans.to_vec();
    let mut offset = 0;
    for span in &mut tied {
        let len = span.text.len();
        if space < offset + len {
            let at = space - offset;
            span.text.replace_range(at..at + 1, "\u{A0}");
            return Some(tied);
        }
        offset += len;
    }
    None
}

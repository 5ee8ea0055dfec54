//! The tail of the text: the sign-off, the imprint and the QR code with its
//! printed link, which stand after the last paragraph.
//!
//! The tail is small and it matters: the text points to the QR code ("scan
//! the code below"), and an imprint is often required by law. When the
//! text only just overflows its page, the tail must not be what goes over,
//! alone, to a page of its own. So the tail is set in one of three ways,
//! tried in this order when the plain one leaves it alone on the last page:
//! as the layout says; shrunk within limits (a smaller code, tighter space
//! above it) so that it stays; and, when even that cannot stay, carried over
//! together with the last lines of text, so the page it lands on reads as
//! the end of the statement rather than as a stray back.

use super::fit::Fitted;
use super::pages::{BlockLines, Page};
use super::qr::{self, qr_blocks};
use super::tools::{Budget, Tools, Trial};
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::{Block, BlockKind, Document};
use crate::typeset::paragraph::Setter;

/// How the tail is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tail {
    /// As the layout says.
    Full,
    /// Shrunk within limits: the smaller QR code and half the space above
    /// the imprint and the code.
    Compact,
    /// As the layout says, and never apart from the last lines of text.
    Carried,
}

/// The space above the imprint and the QR code in a compact tail, as a
/// share of what the layout gives them (a line): half a line still sets
/// them apart from the sign-off, which is all that space is for.
const COMPACT_SPACE: f64 = 0.5;

/// Lines of the last paragraph that go over with a carried tail: two, the
/// same as a paragraph's usual widow rule, so that the carried text reads
/// as text and not as a fragment.
const CARRIED_LINES: usize = 2;

/// True for the blocks that make up the tail (the QR code is added after
/// the body blocks, so it is not among them).
fn in_tail(kind: &BlockKind) -> bool {
    matches!(kind, BlockKind::SignOff | BlockKind::Imprint)
}

/// Where the text ends and the tail begins among a composition's blocks.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Shape {
    /// Column pictures before the body's blocks.
    pub(super) pictures: usize,
    /// The index of the last block of text, before the tail.
    pub(super) last_text: Option<usize>,
    /// Lines of the tail, as laid out before any carrying.
    pub(super) lines: usize,
    /// The first of the blocks a folded sheet's back panel can carry
    /// instead (the imprint and the QR code; see [`super::back`]).
    pub(super) back: Option<usize>,
}

/// Adds the QR code's blocks after the body's `set` blocks (which follow
/// the column pictures) and sets the tail as `tail` says.
pub(super) fn finish(
    setter: &mut Setter,
    doc: &Document,
    body: &[Block],
    design: &Design,
    set: &mut Vec<BlockLines>,
    tail: Tail,
) -> Result<Shape> {
    let pictures = set.len() - body.len();
    let imprint = body
        .last()
        .filter(|b| b.kind == BlockKind::Imprint)
        .map(|_| set.len() - 1);
    let qr = doc.meta.qr.as_ref().map(|_| set.len());
    if let Some(link) = &doc.meta.qr {
        let column = design.page.column_width();
        set.extend(qr_blocks(setter, link, design, column, qr::side(tail))?);
    }
    let last_text = last_text(body, pictures);
    let lines = lines_after(set, last_text);
    match (tail, last_text) {
        (Tail::Compact, _) => compact(set, imprint, qr),
        (Tail::Carried, Some(k)) => carry(set, k),
        _ => {}
    }
    Ok(Shape {
        pictures,
        last_text,
        lines,
        // A carried tail is one block with the text's last lines now.
        back: imprint.or(qr).filter(|_| tail != Tail::Carried),
    })
}

impl Tools {
    /// The fitted setting, unless it leaves the tail (sign-off, imprint, QR
    /// code) alone on its last page: then, the tail shrunk, if that saves
    /// the page (and settled again, as its new last page may hold the tail
    /// alone too); else the tail carried over with the last lines of text,
    /// if that takes no more pages.
    pub(super) fn settle(
        &mut self,
        doc: &Document,
        opts: &ComposeOptions,
        fitted: Fitted,
    ) -> Result<Fitted> {
        if fitted.tail == Tail::Carried || !alone(&fitted.trial.pages, fitted.trial.tail_lines) {
            return Ok(fitted);
        }
        let n = fitted.trial.pages.len();
        let again = |trial: Trial, tail: Tail| Fitted {
            trial,
            tail,
            design: fitted.design.clone(),
            size: fitted.size,
        };
        if fitted.tail == Tail::Full {
            let compact =
                self.compose_once(doc, &fitted.design, opts, Budget::All, Tail::Compact)?;
            if compact.pages.len() < n {
                return self.settle(doc, opts, again(compact, Tail::Compact));
            }
        }
        let carried = self.compose_once(doc, &fitted.design, opts, Budget::All, Tail::Carried)?;
        Ok(if carried.pages.len() <= n {
            again(carried, Tail::Carried)
        } else {
            fitted
        })
    }
}

/// True when the document has a tail that a compact setting can shrink.
pub(super) fn shrinkable(blocks: &[Block], has_qr: bool) -> bool {
    has_qr || blocks.iter().any(|b| b.kind == BlockKind::Imprint)
}

/// Where the tail starts among `set` (the body's blocks as set, after
/// `pictures` column pictures, followed by the QR code's blocks): the index
/// of the last block of text. `None` when there is no text before the tail.
fn last_text(body: &[Block], pictures: usize) -> Option<usize> {
    body.iter()
        .rposition(|b| !in_tail(&b.kind))
        .map(|k| k + pictures)
}

/// Shrinks the space above the imprint (the last body block, when it is one,
/// at `imprint`) and the QR code (`qr`), for a compact tail.
fn compact(set: &mut [BlockLines], imprint: Option<usize>, qr: Option<usize>) {
    for i in [imprint, qr].into_iter().flatten() {
        if let Some(b) = set.get_mut(i) {
            b.space_before = b.space_before * COMPACT_SPACE;
        }
    }
}

/// Joins the last block of text (at `last_text`) and every block after it
/// into one block that may split only inside that text, leaving at least
/// [`CARRIED_LINES`] of it with the tail. The space above each joined block
/// goes into its first line's leading, so nothing moves while they stay on
/// one page.
fn carry(set: &mut Vec<BlockLines>, last_text: usize) {
    if last_text + 1 >= set.len() {
        return;
    }
    let rest: Vec<BlockLines> = set.drain(last_text + 1..).collect();
    let Some(text) = set.get_mut(last_text) else {
        return;
    };
    let text_lines = text.lines.len();
    for mut block in rest {
        if let Some(first) = block.lines.first_mut() {
            first.leading += block.space_before;
        }
        text.lines.append(&mut block.lines);
    }
    text.widows = text.lines.len() - text_lines + CARRIED_LINES.min(text_lines);
    text.keep_with_next = false;
}

/// A copy of `set` with `cut` lines taken off the end of the text blocks
/// in `text` (last block first): the text as it would be with that much
/// cut, the tail untouched.
pub(super) fn without_last_lines(
    set: &[BlockLines],
    text: std::ops::Range<usize>,
    cut: usize,
) -> Vec<BlockLines> {
    let mut out = set.to_vec();
    let mut left = cut;
    for b in out[text].iter_mut().rev() {
        let take = left.min(b.lines.len());
        b.lines.truncate(b.lines.len() - take);
        left -= take;
        if left == 0 {
            break;
        }
    }
    out
}

/// Words in a full line of the text: the median line's, as most lines are
/// full (the average, lowered by the last lines of paragraphs, would count
/// too few words for each line to cut).
pub(super) fn words_per_line(set: &[BlockLines]) -> usize {
    let mut words: Vec<usize> = set
        .iter()
        .flat_map(|b| &b.lines)
        .map(|l| l.line.text().split_whitespace().count())
        .filter(|w| *w > 0)
        .collect();
    words.sort_unstable();
    words.get(words.len() / 2).copied().unwrap_or(0)
}

/// True when the last page holds nothing but the tail (at most
/// `tail_lines` lines, all placed after the text): a page that should not
/// exist, or should hold some text too.
pub(super) fn alone(pages: &[Page], tail_lines: usize) -> bool {
    pages.len() > 1 && tail_lines > 0 && pages.last().is_some_and(|p| p.lines.len() <= tail_lines)
}

/// Lines in the tail: every block after the last block of text.
fn lines_after(set: &[BlockLines], last_text: Option<usize>) -> usize {
    last_text.map_or(0, |k| set.iter().skip(k + 1).map(|b| b.lines.len()).sum())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::pages::PlacedLine;
    use crate::typeset::line::Line;
    use crate::units::Length;

    fn block(n: usize, space: f64) -> BlockLines {
        BlockLines::of_lines(n, &Line::default(), Length::pt(space))
    }

    #[test]
    fn a_carried_tail_keeps_two_lines_of_text_and_its_spacing() {
        let mut set = vec![block(5, 6.0), block(6, 6.0), block(1, 10.0), block(2, 12.0)];
        carry(&mut set, 1);
        assert_eq!(set.len(), 2);
        let joined = &set[1];
        assert_eq!(joined.lines.len(), 9);
        // The tail's three lines and two of the paragraph's must stay together.
        assert_eq!(joined.widows, 3 + CARRIED_LINES);
        assert_eq!(joined.lines[6].leading, Length::pt(22.0));
        assert_eq!(joined.lines[7].leading, Length::pt(24.0));
        assert_eq!(joined.space_before, Length::pt(6.0));
    }

    #[test]
    fn compact_halves_the_space_above_imprint_and_code() {
        let mut set = vec![block(5, 6.0), block(1, 14.0), block(1, 14.0), block(1, 0.0)];
        compact(&mut set, Some(1), Some(2));
        assert_eq!(set[0].space_before, Length::pt(6.0));
        assert_eq!(set[1].space_before, Length::pt(7.0));
        assert_eq!(set[2].space_before, Length::pt(7.0));
    }

    #[test]
    fn cutting_lines_takes_them_from_the_last_text_blocks_first() {
        let set = vec![block(4, 0.0), block(3, 0.0), block(2, 0.0)];
        let fewer = without_last_lines(&set, 0..2, 4);
        let lines: Vec<usize> = fewer.iter().map(|b| b.lines.len()).collect();
        assert_eq!(lines, [3, 0, 2]);
    }

    #[test]
    fn only_a_last_page_of_tail_lines_is_alone() {
        let line = PlacedLine {
            x: Length::ZERO,
            baseline: Length::ZERO,
            line: Default::default(),
            figure: None,
            tag: None,
        };
        let page = |n: usize| Page {
            lines: vec![line.clone(); n],
            ..Page::default()
        };
        assert!(alone(&[page(30), page(3)], 3));
        assert!(!alone(&[page(30), page(4)], 3));
        assert!(!alone(&[page(3)], 3));
        assert!(!alone(&[page(30), page(0)], 0));
    }
}

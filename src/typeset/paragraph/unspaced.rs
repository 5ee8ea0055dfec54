//! Breaks inside text without spaces: between Chinese and Japanese
//! characters, which justification spreads by a hair and their
//! punctuation's white lets shrink, and between the words of Thai, Lao,
//! Khmer and Burmese.

use crate::style::Align;
use crate::typeset::linebreak::{Item, PenaltyKind};
use crate::typeset::punctuation;
use crate::typeset::segment::SegmentBreak;
use crate::units::Length;

use super::types::{Glyph, Paragraph, Piece, TextStyle};
use super::Setter;

impl Setter<'_> {
    /// The white a shrinking line may take at the break before glyph
    /// `at` of a shaped word, in em: that right of a closing mark before
    /// it and left of an opening mark after it (see
    /// [`punctuation::white_to_give`]), from the marks' outlines.
    pub(super) fn white_around(
        &self,
        text: &str,
        glyphs: &[(usize, Glyph)],
        at: usize,
    ) -> MarkWhite {
        let white = |k: usize, after: bool| {
            let Some((offset, g)) = glyphs.get(k) else {
                return 0.0;
            };
            let Some(c) = text[*offset..].chars().next() else {
                return 0.0;
            };
            let face = self.fonts.face(g.face);
            punctuation::white_to_give(c, after, || (face.advance_em(g.gid), face.ink_x_em(g.gid)))
        };
        MarkWhite {
            after_mark: at.checked_sub(1).map_or(0.0, |k| white(k, true)),
            before_mark: white(at, false),
        }
    }

    /// A break inside text without spaces: in justified text, glue that
    /// widens when the line is stretched (Chinese and Japanese are
    /// justified by spacing out their characters, the Southeast Asian
    /// scripts between their words) and narrows by the `white` of the
    /// punctuation marks beside it (see [`Setter::white_around`]), after
    /// a closing mark with a second break that gives its white back (see
    /// [`push_trimmed_end`]); in ragged text a free break with Knuth's rag
    /// at the line end, as a word space has. Returns the index of the
    /// item a line breaks at.
    pub(super) fn push_segment_break(
        &mut self,
        p: &mut Paragraph,
        kind: SegmentBreak,
        white: MarkWhite,
        style: &TextStyle,
    ) -> usize {
        if style.align == Align::Justify {
            if white.after_mark > 0.0 {
                push_trimmed_end(p, style.size * white.after_mark);
            }
            let per_gap = match kind {
                SegmentBreak::Ideographic => IDEOGRAPHIC_STRETCH_EM,
                SegmentBreak::Word => WORD_BOUNDARY_STRETCH_EM,
            };
            p.push(
                Item::Glue {
                    width: Length::ZERO,
                    stretch: style.size * per_gap,
                    shrink: style.size * (white.after_mark + white.before_mark),
                },
                Piece::Nothing,
            );
            return p.items.len() - 1;
        }
        p.push_ragged_break(style.size, Length::ZERO, Piece::Nothing);
        // The ragged break's penalty, between its two glues.
        p.items.len() - 2
    }
}

/// The white beside a break between Chinese or Japanese characters that
/// a justified line may take back, in em: right of a closing mark before
/// the break, left of an opening mark after it.
#[derive(Clone, Copy, Default)]
pub(super) struct MarkWhite {
    after_mark: f64,
    before_mark: f64,
}

/// The cost of ending a line on a closing mark set half-width, so that
/// the line takes in one more character (see [`push_trimmed_end`]).
/// Small, as the trimmed mark reads as any line-end mark does; enough
/// that a line that would only be spread by a hair (badness under about
/// four, gaps of 0.03 em) is spread instead, as CSS's `allow-end` trims
/// only a line that does not otherwise fit.
const TRIMMED_END_COST: f64 = 10.0;

/// A second way to break after a closing mark: the line ends with the
/// mark's white given back. A line of Chinese or Japanese one character
/// too long for its measure, because a comma or full stop must stay with
/// the character before it (kinsoku), otherwise pushes that character to
/// the next line and spreads the rest by up to 0.08 em a gap. JLREQ
/// (3.8) prefers taking it in: the line-end mark is set half-width, its
/// ink still inside the measure (CSS Text 4's `text-spacing-trim`
/// `allow-end`, part of `normal`).
///
/// Knuth's model has one width for a breakpoint, so the alternative is
/// its own breakpoint: an empty glue (the ordinary break, after a box),
/// then a penalty whose negative width is the white. Neither is a break
/// the line stays inside, so a line through them is as before; the
/// segment glue that follows is no breakpoint, as a penalty precedes it.
fn push_trimmed_end(p: &mut Paragraph, white: Length) {
    p.push(
        Item::Glue {
            width: Length::ZERO,
            stretch: Length::ZERO,
            shrink: Length::ZERO,
        },
        Piece::Nothing,
    );
    p.push(
        Item::Penalty {
            width: -white,
            cost: TRIMMED_END_COST,
            flagged: false,
            kind: PenaltyKind::Ordinary,
        },
        Piece::Nothing,
    );
}

/// Stretch between two Chinese or Japanese characters of a justified line
/// at a glue ratio of 1, in em. A line of such text is a row of equal
/// squares that breaks almost anywhere, so it ends at most about one
/// character (plus a punctuation mark kinsoku keeps) short of its measure:
/// 0.08 em over the twenty to forty gaps of a line covers one or two
/// characters within tolerance, opening gaps of a few hundredths of an em
/// as JLREQ's inter-character spacing does. More would let the breaker
/// spread whole lines visibly to spare a short last line (at 0.15 em it
/// set a paragraph four characters a line loose to lengthen its last line
/// from two characters to six). No shrink: squeezing ideographs closer
/// than their squares crowds them.
const IDEOGRAPHIC_STRETCH_EM: f64 = 0.08;

/// Stretch at a word boundary of Thai, Lao, Khmer or Burmese (where no
/// space is drawn) at a glue ratio of 1, in em: a trace, a tenth of a
/// word space's. A reader of these scripts takes any visible gap for a
/// space, which separates phrases, so a loose line must open its real
/// spaces; at 0.1 em the boundaries of a justified Thai line gaped like
/// spaces (looked at on the A4 leaflet).
const WORD_BOUNDARY_STRETCH_EM: f64 = 0.025;

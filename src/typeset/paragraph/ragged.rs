//! The items where lines end: the end of a paragraph or of a line the
//! writer ended, and the breaks of ragged text, which carry Knuth's rag so
//! that the line breaker can weigh how even the line ends are.

use crate::style::Align;
use crate::typeset::linebreak::{Item, PenaltyKind};
use crate::units::Length;

use super::items::{fill, forced_break, free_break, no_break};
use super::types::{Paragraph, Piece};

impl Paragraph {
    /// The end of a paragraph, or of a line the writer ended: no break
    /// before the fill, fill glue (so the line keeps its natural width),
    /// then a forced break.
    pub(super) fn push_line_end(&mut self) {
        self.push(no_break(), Piece::Nothing);
        self.push(fill(), Piece::Nothing);
        self.push(forced_break(), Piece::Nothing);
    }

    /// A break in ragged text at `size`, as Knuth sets it: the stretch sits
    /// only at a line end (glue that a break keeps, then the break, then
    /// glue taking the stretch back), and the space of `width` drawn as
    /// `drawn` keeps its natural width inside a line.
    pub(super) fn push_ragged_break(&mut self, size: Length, width: Length, drawn: Piece) {
        self.push_ragged(size, (free_break(), Piece::Nothing), (width, drawn));
    }

    /// A break of `kind` and `cost` inside a word that draws nothing (an
    /// over-long word's or an address's), in text set at `size` in `align`.
    /// In ragged text it takes the rag as a space does: without it a line
    /// ending there has no stretch, so every such line is as bad as can
    /// be, the breaker cannot tell an even rag from an uneven one, and it
    /// left a headline's first line holding one letter ("S /
    /// upercalifragil…").
    pub(super) fn push_inner_break(
        &mut self,
        size: Length,
        align: Align,
        cost: f64,
        kind: PenaltyKind,
    ) {
        let penalty = Item::Penalty {
            width: Length::ZERO,
            cost,
            flagged: false,
            kind,
        };
        if align == Align::Justify {
            self.push(penalty, Piece::Nothing);
        } else {
            // The rag's glue follows a letter, so it would be a free break
            // inside the word in every pass: only the penalty may break.
            self.push(no_break(), Piece::Nothing);
            self.push_ragged(
                size,
                (penalty, Piece::Nothing),
                (Length::ZERO, Piece::Nothing),
            );
        }
    }

    /// A hyphen `penalty` (drawn as `hyphen`) inside a word wider than
    /// half the line, in ragged text: with the rag that a word space's
    /// break has, as [`Self::push_inner_break`] gives the word's emergency
    /// breaks. A line broken at a plain hyphen takes its stretch from the
    /// spaces in it; a line of a word too long for one line has none, so
    /// its hyphens rated as lines that cannot stretch at all (badness
    /// 10¹²), and the breaker cut the word anywhere, without a hyphen,
    /// where the rag let it ("Donaudampfschifff / ahrtsgesell…" on the A2
    /// poster). Only such words: a word that fits a line keeps its
    /// hyphens priced as they were, and ragged body text its hyphenation.
    pub(super) fn push_ragged_hyphen(&mut self, size: Length, penalty: Item, hyphen: Piece) {
        self.push(no_break(), Piece::Nothing);
        self.push_ragged(size, (penalty, hyphen), (Length::ZERO, Piece::Nothing));
    }

    /// The break `penalty` (drawn as `at_break` where a line ends on it)
    /// in ragged text, as Knuth sets it: the stretch sits only at a line
    /// end (glue that a break keeps, then the break, then glue taking the
    /// stretch back, of `width` drawn as `drawn`).
    fn push_ragged(
        &mut self,
        size: Length,
        (penalty, at_break): (Item, Piece),
        (width, drawn): (Length, Piece),
    ) {
        let rag = size * RAG_EM;
        self.push(
            Item::Glue {
                width: Length::ZERO,
                stretch: rag,
                shrink: Length::ZERO,
            },
            Piece::Nothing,
        );
        self.push(penalty, at_break);
        self.push(
            Item::Glue {
                width,
                stretch: -rag,
                shrink: Length::ZERO,
            },
            drawn,
        );
    }
}

/// Knuth's rag for ragged lines, in em: the stretch a line end may take,
/// wide enough that any ragged line is within tolerance, so the breaker
/// weighs only how even the rag is.
const RAG_EM: f64 = 3.0;

//! The stretch justified lines may take besides their word spaces: letter
//! spacing and font expansion spread over a line's glyphs, and, in
//! right-to-left text, the kashidas that lengthen Arabic letters.

use crate::typeset::kashida;
use crate::typeset::linebreak::{Item, INFINITY};
use crate::units::Length;

use super::items::no_break;
use super::types::{Paragraph, Piece};

/// Letter spacing, in em, that justified text may add between glyphs at a
/// glue ratio of 1 (a line stretched as far as its spaces are meant to go).
/// Giving the line breaker a little more stretch lets it choose breaks with
/// smaller word gaps; word gaps of half an em show as holes and rivers.
/// Small, so that the breaker's count stays true up to a ratio of 2, where
/// [`MAX_LETTER_SPACING_EM`] stops it (it was 0.015, which let lines be
/// letter-spaced by up to 0.09 em on posters: grey bars).
pub(super) const TRACKING_EM: f64 = 0.01;

/// The widest letter gap justification may open, in em: 0.01 em is about
/// 4% of a word space, what careful typesetters allow (InDesign users set
/// letter-spacing limits of a few percent). A looser line puts the rest
/// into its word spaces.
pub(super) const MAX_LETTER_SPACING_EM: f64 = 0.01;

/// Letter spacing, in em, that justified text may take away between
/// glyphs at a glue ratio of -1 (a line shrunk as far as its spaces may
/// go): the mirror of [`TRACKING_EM`], within the same 0.01 em limit.
/// Word spaces alone shrink by a third, about 0.08 em each; a line of
/// nine words and fifty letters gains two thirds as much again from its
/// letters, so more lines can take the word or syllable that would
/// otherwise leave them, and the lines around them, loose.
pub(super) const LETTER_SHRINK_EM: f64 = 0.01;

impl Paragraph {
    /// Adds `per_word` to the stretch of each word space after a word
    /// that can take a kashida (see [`kashida::can_lengthen`]): the line
    /// breaker then counts on what the kashidas of a right-to-left line
    /// will take, which `kashida::justify` moves out of the spaces once
    /// the line is set.
    pub(super) fn add_kashida_stretch(&mut self, per_word: Length) {
        let mut letters: Vec<Option<char>> = Vec::new();
        for (item, piece) in self.items.iter_mut().zip(&self.pieces) {
            match (item, piece) {
                (Item::Box { .. }, Piece::Glyphs(gs)) => letters.extend(gs.iter().map(|g| {
                    let in_place = g.x_offset == 0.0 && g.y_offset == 0.0;
                    kashida::letter(&g.text, g.level % 2 == 1, in_place)
                })),
                (Item::Glue { stretch, .. }, piece) => {
                    if matches!(piece, Piece::Space { .. }) && kashida::can_lengthen(&letters) {
                        *stretch += per_word;
                    }
                    letters.clear();
                }
                _ => {}
            }
        }
    }

    /// Adds letter-spacing and font-expansion stretch to justified text:
    /// each word space gets the stretch of the glyphs since the last break
    /// opportunity, and each breakable penalty inside a word is followed by
    /// zero-width glue holding the stretch of the glyphs before it (a
    /// penalty of infinite cost keeps that glue from being a break). A
    /// fragment that ends a line loses its stretch together with the glue
    /// that is discarded at the break, so what the breaker counts is
    /// exactly what the line uses (its widening is then shared out over
    /// all the line's glyphs, that fragment's too; see `Paragraph::spread`).
    pub(super) fn add_tracking(&mut self, per_glyph: Length, per_glyph_shrink: Length) {
        let mut items = Vec::with_capacity(self.items.len() * 3 / 2);
        let mut pieces = Vec::with_capacity(items.capacity());
        let scaling = self.scaling;
        let mut glyphs = 0usize;
        // The width of those glyphs' boxes, which font expansion widens.
        let mut drawn = Length::ZERO;
        for (item, piece) in self.items.drain(..).zip(self.pieces.drain(..)) {
            match (item, piece) {
                (Item::Box { width }, piece) => {
                    if let Piece::Glyphs(gs) = &piece {
                        glyphs += gs.len();
                        drawn += width;
                    }
                    items.push(Item::Box { width });
                    pieces.push(piece);
                }
                (
                    Item::Glue {
                        width,
                        stretch,
                        shrink,
                    },
                    Piece::Space { glyph, .. },
                ) => {
                    let extra = per_glyph * glyphs as f64 + drawn * scaling.stretch;
                    items.push(Item::Glue {
                        width,
                        stretch: stretch + extra,
                        shrink: shrink + per_glyph_shrink * glyphs as f64 + drawn * scaling.shrink,
                    });
                    pieces.push(Piece::Space {
                        glyph,
                        tracked: glyphs,
                    });
                    glyphs = 0;
                    drawn = Length::ZERO;
                }
                (
                    Item::Penalty {
                        width,
                        cost,
                        flagged,
                        kind,
                    },
                    piece,
                ) if cost < INFINITY && glyphs > 0 => {
                    items.push(Item::Penalty {
                        width,
                        cost,
                        flagged,
                        kind,
                    });
                    pieces.push(piece);
                    items.push(no_break());
                    pieces.push(Piece::Nothing);
                    let extra = per_glyph * glyphs as f64 + drawn * scaling.stretch;
                    items.push(Item::Glue {
                        width: Length::ZERO,
                        stretch: extra,
                        shrink: per_glyph_shrink * glyphs as f64 + drawn * scaling.shrink,
                    });
                    pieces.push(Piece::Tracking { tracked: glyphs });
                    glyphs = 0;
                    drawn = Length::ZERO;
                }
                (item, piece) => {
                    if matches!(item, Item::Glue { .. }) {
                        glyphs = 0;
                        drawn = Length::ZERO;
                    }
                    items.push(item);
                    pieces.push(piece);
                }
            }
        }
        self.items = items;
        self.pieces = pieces;
    }
}

//! Hyphenation inside a ligature, as TeX does it: a discretionary.
//!
//! Shaping joins letters into ligatures ("ffi" in "office" is one glyph),
//! and a hyphenation point may fall inside one: "of-fice". Cutting the
//! glyph is impossible, so the word offers three settings, each shaped on
//! its own: the unbroken ligature; before the break, the letters before
//! the point plus a hyphen ("f-"); after it, the letters after the point
//! ("fi", a ligature of its own). TeX calls this a discretionary with
//! pre-break, post-break and no-break texts.
//!
//! The breaker knows only boxes, glue and penalties, so the discretionary
//! is written in them (Knuth and Plass give this encoding):
//!
//! ```text
//! box(0)  penalty(width = pre + hyphen)  glue(width = unbroken - post)  box(post)
//! ```
//!
//! Unbroken, the line holds the glue and the box: `unbroken` wide. Broken
//! at the penalty, the line ends with `pre` and the hyphen; the glue, which
//! follows no box and so is never a break itself, is discarded with the
//! break as all glue after a break is, and the next line starts with the
//! `post` box. What is drawn follows the same rule: the glue draws the
//! ligature, and the box draws the after-break letters only at a line's
//! start. The empty box in front anchors the glue when a line breaks just
//! before the ligature (at a space, or an emergency break): a line starts
//! at its first box, and without the anchor that would be `post`, with
//! the glue that draws the ligature thrown away.

use std::sync::Arc;

use crate::error::Result;
use crate::typeset::fonts::FaceId;
use crate::typeset::line::Cluster;
use crate::typeset::linebreak::Item;
use crate::typeset::shape::cluster_end;
use crate::units::Length;

use super::types::{Glyph, Paragraph, Piece, TextStyle, WordBreak};
use super::Setter;

impl Setter<'_> {
    /// Appends the discretionary of a hyphen of `kind` at byte `at` of
    /// `text`, inside the cluster `bytes` drawn as the glyphs `unbroken`.
    /// When either half cannot be shaped apart in the ligature's face the
    /// cluster is kept whole, with no break (as before this existed).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push_discretionary(
        &mut self,
        p: &mut Paragraph,
        text: &str,
        bytes: (usize, usize),
        at: usize,
        unbroken: Vec<Glyph>,
        kind: WordBreak,
        style: &TextStyle,
    ) -> Result<()> {
        let whole: Length = unbroken.iter().map(|g| g.advance).sum();
        let Some(face) = unbroken.first().map(|g| g.face) else {
            return Ok(());
        };
        let halves = (
            self.shape_apart(face, &text[bytes.0..at], style),
            self.shape_apart(face, &text[at..bytes.1], style),
        );
        let (Some(mut pre), Some(mut post)) = halves else {
            p.push(Item::Box { width: whole }, Piece::Glyphs(unbroken.into()));
            return Ok(());
        };
        // Both halves at the ligature's bidi level, struck through with it.
        let level = unbroken.first().map_or(0, |g| g.level);
        let strike = unbroken.first().is_some_and(|g| g.strike);
        for g in pre.iter_mut().chain(post.iter_mut()) {
            g.level = level;
            g.strike = strike;
        }
        let mut hyphen = self.hyphen_glyph(face, style);
        hyphen.level = level;
        hyphen.strike = strike;
        pre.push(hyphen);
        p.push(
            Item::Box {
                width: Length::ZERO,
            },
            Piece::Nothing,
        );
        let pre_width: Length = pre.iter().map(|g| g.advance).sum();
        let post_width: Length = post.iter().map(|g| g.advance).sum();
        p.push(
            Item::Penalty {
                width: pre_width,
                cost: self.hyphen_cost(kind),
                flagged: true,
                kind: kind.penalty_kind(),
            },
            Piece::Glyphs(pre.into()),
        );
        p.push(
            Item::Glue {
                width: whole - post_width,
                stretch: Length::ZERO,
                shrink: Length::ZERO,
            },
            Piece::Unbroken(unbroken.into()),
        );
        p.push(
            Item::Box { width: post_width },
            Piece::PostBreak(Arc::from(post)),
        );
        Ok(())
    }

    /// Shapes a piece of a ligature on its own in `face`; `None` if the
    /// face lacks a glyph for it.
    fn shape_apart(&mut self, face: FaceId, piece: &str, style: &TextStyle) -> Option<Vec<Glyph>> {
        let shaped = self.shaper.shape(self.fonts, face, piece);
        if piece.is_empty() || shaped.iter().any(|g| g.gid == 0) {
            return None;
        }
        let glyphs = shaped
            .iter()
            .enumerate()
            .map(|(k, g)| {
                let first = k == 0 || shaped[k - 1].cluster() != g.cluster();
                let next = cluster_end(&shaped, k, piece.len());
                Glyph {
                    face,
                    gid: g.gid,
                    advance: style.size * g.advance_em,
                    text: Cluster::new(first.then(|| &piece[g.cluster()..next.max(g.cluster())])),
                    level: 0,
                    x_offset: (style.size * f64::from(g.x_offset_em)).to_pt() as f32,
                    y_offset: (style.size * f64::from(g.y_offset_em)).to_pt() as f32,
                    strike: false,
                }
            })
            .collect();
        Some(glyphs)
    }
}

//! A measure of whole characters for Chinese and Japanese.
//!
//! Chinese and Japanese are set in a row of equal em squares, and their
//! page is designed in characters: so many to a line (JLREQ's *jizume*,
//! InDesign's frame grid). On a measure of 37.5 ems a full line holds 37
//! characters and justification spreads the half em left over between
//! them; on a narrow panel of 17.9 ems, nearly a whole em goes into 16
//! gaps, and every line of the column reads letter-spaced by 0.06 em.
//! Once the fitting has chosen the body size, it is brought down to the
//! nearest size at which the column holds a whole number of characters,
//! so that a full line of characters fills it exactly and only lines with
//! Latin words, figures or a punctuation rule to keep still adjust.
//!
//! Down, not to the nearest, because a smaller body always fits where the
//! chosen one did; the step is at most one character's share of the line
//! (under 3% on a 40-character line, under 6% on a panel of 18).

use super::fit::{scaled, Fitted};
use super::tools::{Budget, Tools};
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::{BlockKind, Document};
use crate::typeset::paragraph::ScriptShare;
use crate::units::Length;

/// Slack below which a measure already counts as whole, in em: a
/// rounding error of the column arithmetic, not a gap anyone could see.
const WHOLE_EM: f64 = 0.01;

/// The body size at or below `size` at which a column of `design` holds a
/// whole number of characters, or `None` where it already does.
fn whole_size(design: &Design, size: Length) -> Option<Length> {
    let column = design.page.column_width();
    let chars = column / size;
    if chars < 1.0 || chars - chars.floor() < WHOLE_EM {
        return None;
    }
    Some(column / chars.ceil())
}

/// Whether the statement's running text is mostly Chinese or Japanese,
/// which the setter justifies between characters.
fn in_squares(doc: &Document) -> bool {
    let body = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::ListItem { .. }));
    ScriptShare::of(body.flat_map(|b| &b.spans)).mostly_ideographic()
}

impl Tools {
    /// `fitted` again at the body size that puts whole characters on its
    /// column, for running text in Chinese or Japanese; as it is for any
    /// other text, a size already whole, or one that would go below the
    /// layout's `min-size`.
    pub(super) fn whole_characters(
        &mut self,
        doc: &Document,
        opts: &ComposeOptions,
        fitted: Fitted,
        min_size: Length,
    ) -> Result<Fitted> {
        if !in_squares(doc) {
            return Ok(fitted);
        }
        let Some(size) = whole_size(&fitted.design, fitted.size) else {
            return Ok(fitted);
        };
        if size < min_size {
            return Ok(fitted);
        }
        let design = scaled(&fitted.design, size);
        let tail = fitted.tail;
        let trial = self.compose_once(doc, &design, opts, Budget::All, tail)?;
        // A smaller body never needs more pages; should rounding say
        // otherwise, the fitted setting stands.
        if trial.pages.len() > fitted.trial.pages.len() {
            return Ok(fitted);
        }
        Ok(Fitted {
            trial,
            size,
            design,
            tail,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::load;

    #[test]
    fn the_size_steps_down_to_whole_characters() {
        let design = load("a4-leaflet").unwrap().design;
        let column = design.page.column_width();
        // A size that leaves part of a character over.
        let size = column / 20.4;
        let whole = whole_size(&design, size).unwrap();
        assert!(whole < size);
        let chars = column / whole;
        assert!((chars - 21.0).abs() < 1e-9, "{chars}");
        // A whole measure is left as it is.
        assert_eq!(whole_size(&design, column / 20.0), None);
    }
}

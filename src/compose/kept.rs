//! The body as set in one design, kept so that a composition in the same
//! design takes it instead of setting the text again. Settling the tail
//! (`tail::settle`) composes the fitted design up to twice more with only
//! the tail set differently: a quarter of the long sample's build on the
//! A6 went to setting its body those two more times.
//!
//! A copy costs memory, so only a statement short enough keeps one (see
//! [`small_enough_to_keep`]).

use std::collections::{BTreeMap, HashSet};

use super::body::WordGaps;
use super::pages::BlockLines;
use crate::error::Warning;
use crate::layout::design::Design;
use crate::statement::document::Document;
use crate::typeset::fonts::FaceId;
use crate::typeset::paragraph::Setter;
use crate::units::Length;

/// Longest statement, in bytes of text (see [`BLOCK_WEIGHT_BYTES`]), of
/// which a setting is kept while the text is set again: one setting more
/// in memory. At this length a setting takes about three megabytes; a
/// statement of a megabyte (`tests/limits.rs`) would take tens more.
const KEEP_SETTING_MAX_BYTES: usize = 100_000;

/// What a block weighs in a setting, in bytes of text: a byte of text
/// costs about 30 bytes set, a block about 1.4 KB however short it is
/// (its lines, runs and tags), as much as 50 bytes of text. Measured:
/// the 20,000 one-letter paragraphs of `tests/limits.rs` take 28 MB a
/// setting, from 60 KB of text.
const BLOCK_WEIGHT_BYTES: usize = 50;

/// True when `doc` is short enough to keep a setting of it while setting
/// it again (see [`KEEP_SETTING_MAX_BYTES`]).
pub(super) fn small_enough_to_keep(doc: &Document) -> bool {
    let text: usize = doc
        .blocks
        .iter()
        .flat_map(|b| &b.spans)
        .map(|s| s.text.len())
        .sum();
    text + doc.blocks.len() * BLOCK_WEIGHT_BYTES <= KEEP_SETTING_MAX_BYTES
}

/// The body's blocks as set in one design, with what setting them left
/// behind in the setter.
pub(super) struct KeptBody {
    /// The design they were set in.
    design: Design,
    /// The blocks, the tail not yet added.
    blocks: Vec<BlockLines>,
    /// Their height, as a budget counts it (see `set_body`).
    used: Length,
    gaps: WordGaps,
    /// The setter's warnings and fallback records after setting them (the
    /// head's included, which is set the same way in the same design).
    warnings: Vec<Warning>,
    fallbacks_reported: HashSet<(FaceId, FaceId)>,
    fallback_chars: BTreeMap<FaceId, (usize, Vec<char>)>,
}

impl KeptBody {
    /// A copy of `blocks`, set in `design` to the height `used`, with the
    /// word gaps and the setter's records as they stand after setting them.
    pub(super) fn new(
        design: &Design,
        (blocks, used): (&[BlockLines], Length),
        gaps: &WordGaps,
        setter: &Setter,
    ) -> KeptBody {
        KeptBody {
            design: design.clone(),
            blocks: blocks.to_vec(),
            used,
            gaps: gaps.clone(),
            warnings: setter.warnings.clone(),
            fallbacks_reported: setter.fallbacks_reported.clone(),
            fallback_chars: setter.fallback_chars.clone(),
        }
    }

    /// Whether these are the blocks `design` sets, within a budget's
    /// `capacity` (a setting that would stop early is done afresh, so that
    /// it stops where it would have).
    pub(super) fn serves(&self, design: &Design, capacity: Option<Length>) -> bool {
        self.design == *design && capacity.is_none_or(|c| self.used <= c)
    }

    /// The blocks, with the setter and `gaps` put as setting them left
    /// them.
    pub(super) fn restore(&self, setter: &mut Setter, gaps: &mut WordGaps) -> Vec<BlockLines> {
        setter.warnings.clone_from(&self.warnings);
        setter
            .fallbacks_reported
            .clone_from(&self.fallbacks_reported);
        setter.fallback_chars.clone_from(&self.fallback_chars);
        gaps.clone_from(&self.gaps);
        self.blocks.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tools::{Budget, Tools, Trial};
    use super::super::{ComposeOptions, Tail};
    use super::*;
    use crate::statement::{parse, Format};
    use crate::typeset::fonts::FontBook;

    fn doc(text: &str) -> Document {
        parse(text, Format::Markdown, "s.md").unwrap().document
    }

    #[test]
    fn a_kept_body_composes_as_setting_it_again_does() {
        // A warning from the body (the address too long for the column)
        // and a note from it (the Arabic and the emoji set from the
        // fallback chain), which the kept body must say again.
        let doc = doc("# Water for Al-Nuzha\n\n\
            Since March, water reaches our homes one day a week.\n\n\
            We meet at the school on Saturday; bring your bills and your \
            neighbours. مرحبا بكم 👋\n\n\
            The petition is at https://example.org/a/very/long/address/that/\
            goes/on/and/on/and/on/forever/index.html for all to sign.\n\n\
            The company says the pressure is too low to reach the upper \
            floors. Its own engineers told us that the main pipe leaks.\n");
        let design = crate::layout::load("a6-handout").unwrap().design;
        let opts = ComposeOptions {
            layout: "a6-handout".into(),
            lang: "en".into(),
            origin: "s.md".into(),
            ..Default::default()
        };
        let twice = |keep: bool| -> (Trial, bool) {
            let mut tools = Tools::new(&design, &opts, &mut Vec::new(), FontBook::new(), &doc);
            tools.keep_body = keep;
            tools
                .compose_once(&doc, &design, &opts, Budget::All, Tail::Full)
                .unwrap();
            let served = tools.kept.as_ref().is_some_and(|k| k.serves(&design, None));
            let again = tools
                .compose_once(&doc, &design, &opts, Budget::All, Tail::Carried)
                .unwrap();
            (again, served)
        };
        let (kept, served) = twice(true);
        let (fresh, _) = twice(false);
        assert!(served, "the second composition did not take the kept body");
        assert!(kept.warnings.iter().any(|w| w.message.contains("too long")));
        assert!(!kept.notes.is_empty());
        assert_eq!(kept.pages, fresh.pages);
        assert_eq!(kept.warnings, fresh.warnings);
        assert_eq!(kept.notes, fresh.notes);
        assert_eq!(kept.gaps, fresh.gaps);
    }

    #[test]
    fn many_short_paragraphs_weigh_as_much_as_long_text() {
        assert!(small_enough_to_keep(&doc(
            &"A paragraph of words.\n\n".repeat(100)
        )));
        // 20,000 one-letter paragraphs: 60 KB of text, 28 MB a setting.
        assert!(!small_enough_to_keep(&doc(&"a\n\n".repeat(20_000))));
        assert!(!small_enough_to_keep(&doc(
            &"A paragraph of words.\n\n".repeat(5_000)
        )));
    }
}

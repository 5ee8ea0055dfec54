//! Paragraph setting: styled text becomes Knuth–Plass items (boxes of shaped
//! glyphs, glue, penalties), and chosen breaks become positioned
//! [`Line`](crate::typeset::line::Line)s.
//!
//! This is the stage between the document model and the page: it knows fonts,
//! sizes, hyphenation and alignment, but not where on the page a line goes.
//!
//! The work is split by job: `types` holds what a paragraph is made of,
//! `build` turns text into items (with `word` setting each word, `memo`
//! remembering words already set, `ties` saying which word spaces must
//! not break, `ragged` making ragged text's breaks and the line ends,
//! `stretch` adding the letter spacing and kashidas justified lines may
//! take, and `script_share` counting the scripts that change a
//! paragraph's alignment), `faces` finds the font for each character,
//! `lines` sets chosen breaks as lines, `trial` sums up how a paragraph
//! would break at a width, `gaps` reads the words back and prices the
//! breaks between them, and `items` and `chars` hold the small item makers
//! and character classes they share.

mod build;
mod chars;
mod discretionary;
mod faces;
mod gaps;
mod items;
mod known;
mod lines;
mod memo;
mod ragged;
mod script_share;
mod stretch;
mod table;
mod ties;
mod trial;
mod types;
mod unspaced;
mod word;

use std::collections::{BTreeMap, HashSet};

use crate::error::Warning;
use crate::style::Fallback;
use crate::typeset::bidi::Direction;
use crate::typeset::fonts::{FaceId, FontBook};
use crate::typeset::hyphenate::Hyphenator;
use crate::typeset::linebreak;
use crate::typeset::shape::Shaper;
use crate::typeset::system_fonts::HanRegion;
use crate::units::Length;

pub use build::LabelForm;
pub use gaps::SegmentPlace;
pub use known::KnownTrials;
pub use memo::Memo;
pub use script_share::ScriptShare;
pub use table::{by_headings, has_headings, label_rows, LABEL_SHARE};
pub use trial::Trial;
pub use types::{Glyph, Paragraph, TextStyle};

/// The state shared by all paragraphs of one build.
pub struct Setter<'a> {
    /// Fonts in use.
    pub fonts: &'a mut FontBook,
    /// The shaper with its caches.
    pub shaper: &'a mut Shaper,
    /// Trials of display lines made so far in the build (see
    /// [`Setter::known_trial`]).
    pub known: &'a mut KnownTrials,
    /// Hyphenation patterns for the statement's language.
    pub hyphenator: &'a Hyphenator,
    /// Hyphenation patterns for the languages of blocks in another
    /// language than the statement's, by tag (see
    /// [`crate::statement::document::Block::lang`] and
    /// [`Setter::prepare_in`]).
    pub others: &'a [(String, Hyphenator)],
    /// Line-breaking parameters.
    pub params: &'a linebreak::Params,
    /// Penalty for breaking at a discretionary hyphen.
    pub hyphen_penalty: f64,
    /// The statement's name, for messages.
    pub origin: &'a str,
    /// The layout's name, for font messages.
    pub layout_origin: &'a str,
    /// Collected warnings.
    pub warnings: &'a mut Vec<Warning>,
    /// Fonts tried, in order, for a character a paragraph's own font lacks.
    pub fallback: &'a Fallback,
    /// The design of Han characters the statement's language wants, for
    /// the system's fonts.
    pub han: HanRegion,
    /// Characters no font of the chain has, each with the source line of the
    /// first block it is in. Setting goes on without them, so that one
    /// build names them all; the caller then fails.
    pub missing: &'a mut BTreeMap<char, usize>,
    /// The narrowest measure text will be set in: a word wider than this gets
    /// emergency break points.
    pub measure: Length,
    /// (own face, fallback face) pairs already reported.
    pub fallbacks_reported: HashSet<(FaceId, FaceId)>,
    /// Fallback faces used for other scripts and symbols: the first line
    /// each served and a few of its characters, for one note.
    pub fallback_chars: BTreeMap<FaceId, (usize, Vec<char>)>,
    /// Faces already resolved, and buffers (start with `Default::default()`).
    pub memo: Memo,
    /// The document's direction (its language's): a paragraph without
    /// letters of either direction takes it, and in a right-to-left
    /// document a paragraph is right to left unless it is all Latin (see
    /// [`crate::typeset::bidi::paragraph_direction`]).
    pub direction: Direction,
    /// Whether justified lines may tighten their letters a little (see
    /// `LETTER_SHRINK_EM`). The legible measure turns it off: it counts
    /// the characters of lines at their natural letter spacing, which the
    /// layouts' character limits were set for.
    pub letter_shrink: bool,
    /// How much wider or narrower than the font has them a justified
    /// line's glyphs may be drawn, as a share (the layout's
    /// `font-expansion`; see `GlyphScaling`).
    pub font_expansion: f64,
    /// The one-letter words no line of running text may end on in the
    /// statement's language (Czech, Slovak and Polish `v`, `z`, `a`, …; see
    /// [`crate::typeset::sense::one_letter_words`]); empty for most.
    pub one_letter_words: &'static str,
    /// A letter of the script most of the paragraph being prepared is
    /// written in, when the paragraph's own face lacks it (Tamil, Hindi
    /// set in a Latin serif): its digits and punctuation are then set in
    /// that script's face where it has them (see `Setter::face_with`).
    pub main_letter: Option<char>,
}

/// What unit tests need to set a paragraph: a setter's borrowed parts,
/// owned, with the bundled fonts and no hyphenation.
#[cfg(test)]
pub(crate) struct TestBench {
    fonts: FontBook,
    shaper: Shaper,
    known: KnownTrials,
    hyphenator: Hyphenator,
    params: linebreak::Params,
    warnings: Vec<Warning>,
    missing: BTreeMap<char, usize>,
    fallback: Fallback,
}

#[cfg(test)]
impl TestBench {
    pub(crate) fn new() -> TestBench {
        TestBench {
            fonts: FontBook::new(),
            shaper: Shaper::new("en"),
            known: KnownTrials::default(),
            hyphenator: Hyphenator::disabled(),
            params: linebreak::Params::default(),
            warnings: Vec::new(),
            missing: BTreeMap::new(),
            fallback: Fallback::default(),
        }
    }

    /// A setter for text in a left-to-right document, `measure` wide at
    /// its narrowest.
    pub(crate) fn setter(&mut self, measure: Length) -> Setter<'_> {
        Setter {
            fonts: &mut self.fonts,
            shaper: &mut self.shaper,
            known: &mut self.known,
            hyphenator: &self.hyphenator,
            others: &[],
            params: &self.params,
            hyphen_penalty: 50.0,
            origin: "t",
            layout_origin: "l",
            warnings: &mut self.warnings,
            fallback: &self.fallback,
            han: HanRegion::Simplified,
            missing: &mut self.missing,
            measure,
            fallbacks_reported: Default::default(),
            fallback_chars: Default::default(),
            memo: Default::default(),
            direction: Default::default(),
            letter_shrink: true,
            // The layouts' default.
            font_expansion: 0.02,
            one_letter_words: "",
            main_letter: None,
        }
    }

    /// `text` prepared in the sans face at 20pt, aligned as `align`.
    pub(crate) fn prepare(&mut self, text: &str, align: crate::style::Align) -> Paragraph {
        let style = TextStyle::display(
            crate::style::FontRef::Family("sans".into()),
            false,
            Length::pt(20.0),
            crate::style::Color::Gray(0.0),
            align,
        );
        self.setter(Length::pt(500.0))
            .prepare(&[crate::statement::document::Span::plain(text)], &style, 1)
            .unwrap_or_else(|e| panic!("{e}"))
    }
}

//! What share of a paragraph's letters are in the scripts set their own
//! way (Chinese and Japanese; Thai, Lao, Khmer and Burmese), and the
//! alignment those scripts ask for instead of the layout's.

use crate::script::{is_ideographic, is_southeast_asian};
use crate::statement::document::Span;
use crate::style::Align;

use super::types::TextStyle;

/// The style a paragraph's script asks for instead of the layout's
/// alignment; `None` for most paragraphs.
///
/// A justified paragraph that is mostly Thai, Lao, Khmer or Burmese is set
/// flush left: its lines break between words without spaces, and widening
/// those boundaries reads as spaces (which separate phrases) while its few
/// real spaces gape. Justifying it well takes spreading every character
/// cluster a little, which handbill does not do yet.
///
/// Running text that is mostly Chinese or Japanese is justified where the
/// layout sets it flush left (the posters do, as their narrow measures
/// leave Latin word spaces gaping): Chinese and Japanese are set solid,
/// every full line filling the measure (JLREQ, CLREQ), and justifying
/// them spreads the space between characters by a hair, never a word
/// space. Flush left, a column of equal-width characters ends a fraction
/// of a character short of its measure on every line, which reads as a
/// narrower column with stray punctuation sticking out of it. Display
/// lines (headlines, headings, the band), which never hyphenate, keep
/// the layout's alignment.
pub(super) fn script_alignment(script: ScriptShare, style: &TextStyle) -> Option<TextStyle> {
    let align = match style.align {
        Align::Justify if script.southeast * 2 > script.letters => Align::Left,
        Align::Left if style.hyphenate && script.mostly_ideographic() => Align::Justify,
        _ => return None,
    };
    Some(TextStyle {
        align,
        ..style.clone()
    })
}

/// How many of a paragraph's letters are in the scripts that set it
/// their own way, counted once for all the choices made from them.
#[derive(Clone, Copy)]
pub struct ScriptShare {
    letters: usize,
    /// Thai, Lao, Khmer, Burmese.
    southeast: usize,
    /// Chinese and Japanese.
    ideographs: usize,
}

impl ScriptShare {
    /// Counted over `spans` (one paragraph's, or a whole text's).
    pub fn of<'a>(spans: impl IntoIterator<Item = &'a Span>) -> ScriptShare {
        let mut share = ScriptShare {
            letters: 0,
            southeast: 0,
            ideographs: 0,
        };
        for c in spans.into_iter().flat_map(|s| s.text.chars()) {
            if c.is_alphabetic() {
                share.letters += 1;
                share.southeast += usize::from(is_southeast_asian(c));
                share.ideographs += usize::from(is_ideographic(c));
            }
        }
        share
    }

    /// Mostly Chinese or Japanese.
    pub fn mostly_ideographic(self) -> bool {
        self.ideographs * 2 > self.letters
    }

    /// Written with spaces, with a Chinese or Japanese name or phrase in it
    /// at most: no more than a quarter of its letters ideographs or kana.
    pub fn ideographs_few(self) -> bool {
        self.ideographs * 4 <= self.letters
    }

    /// Mostly in scripts that space their words (not Chinese, Japanese,
    /// Thai, Lao, Khmer or Burmese).
    pub fn mostly_spaced(self) -> bool {
        (self.ideographs + self.southeast) * 2 <= self.letters
    }
}

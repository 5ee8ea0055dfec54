//! Words in another language inside a paragraph, for a screen reader:
//! a Greek slogan quoted in an English leaflet, a Thai name in a German
//! one. The paragraph's language (the document's, or its own, see
//! [`crate::compose::tag::Tag::lang`]) would have them read by the wrong
//! rules; a `/Lang` on the marked content that draws them (`/Span <</Lang
//! (el)>> BDC`, as ISO 32000-1 §14.9.2 provides for a language change
//! inside an element) gives them their own.
//!
//! Words that short cannot be told apart by a language detector, so the
//! language comes from the script, and only from a script that one
//! language is all but alone in writing: Greek letters are Greek, but
//! Arabic letters may be Arabic, Persian or Urdu, Cyrillic ones Russian,
//! Ukrainian or Serbian, Hebrew ones Hebrew or Yiddish, Devanagari Hindi,
//! Marathi or Nepali, Han characters Chinese or Japanese. For those no
//! `/Lang` is given: a wrong one is worse than none, since it makes a
//! screen reader pronounce the words by the wrong rules.

use unicode_script::{Script, UnicodeScript};

use crate::typeset::line::{Cluster, PlacedGlyph};

/// The language written in `c`'s script, when one language is all but
/// the only one written in it; `None` for any other letter.
fn of_letter(c: char) -> Option<&'static str> {
    Some(match c.script() {
        Script::Greek => "el",
        Script::Armenian => "hy",
        Script::Georgian => "ka",
        Script::Thai => "th",
        Script::Lao => "lo",
        Script::Khmer => "km",
        Script::Myanmar => "my",
        Script::Hangul => "ko",
        Script::Hiragana | Script::Katakana => "ja",
        Script::Tamil => "ta",
        Script::Telugu => "te",
        Script::Kannada => "kn",
        Script::Malayalam => "ml",
        Script::Gujarati => "gu",
        Script::Gurmukhi => "pa",
        Script::Oriya => "or",
        Script::Sinhala => "si",
        _ => return None,
    })
}

/// What a glyph says of the language of the words it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Says {
    /// A letter of a script with one language: that language.
    Lang(&'static str),
    /// A letter of any other script: the paragraph's own language.
    Own,
    /// A space, digit, punctuation mark or the rest of a cluster: nothing;
    /// it goes with the words around it.
    Nothing,
}

fn says(g: &PlacedGlyph) -> Says {
    let c = match &g.text {
        Cluster::Continued => return Says::Nothing,
        Cluster::Char(c) => *c,
        Cluster::Text(t) => match t.chars().next() {
            Some(c) => c,
            None => return Says::Nothing,
        },
    };
    // Han characters are written in Chinese and Japanese alike: beside
    // kana they are Japanese, beside other Han characters whatever the
    // paragraph is, so they go with the words around them.
    if !c.is_alphabetic() || c.script() == Script::Han {
        return Says::Nothing;
    }
    match of_letter(c) {
        Some(lang) => Says::Lang(lang),
        None => Says::Own,
    }
}

/// Pieces of a run of glyphs, `(from, to, lang)`: see [`SpanLang::pieces`].
pub(super) type Pieces = Vec<(usize, usize, Option<&'static str>)>;

/// The language of the words being drawn on a line, glyph by glyph.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct SpanLang {
    current: Option<&'static str>,
}

impl SpanLang {
    /// Splits `glyphs` (the next ones of the line, in drawing order) where
    /// the language of their words changes, into `out` (cleared first):
    /// `(from, to, lang)` pieces, `lang` the language of a piece in another
    /// language than `own` (the primary language subtag of the paragraph's
    /// side), `None` for the paragraph's own. Without `own` (an artifact)
    /// the glyphs are one piece.
    pub(super) fn pieces(&mut self, glyphs: &[PlacedGlyph], own: Option<&str>, out: &mut Pieces) {
        out.clear();
        let Some(own) = own else {
            out.push((0, glyphs.len(), None));
            return;
        };
        for (i, g) in glyphs.iter().enumerate() {
            match says(g) {
                Says::Lang(l) => self.current = (l != own).then_some(l),
                Says::Own => self.current = None,
                Says::Nothing => {}
            }
            match out.last_mut() {
                Some(last) if last.2 == self.current => last.1 = i + 1,
                _ => out.push((i, i + 1, self.current)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Length;

    fn line(text: &str) -> Vec<PlacedGlyph> {
        text.chars()
            .map(|c| PlacedGlyph {
                x: Length::ZERO,
                gid: 1,
                text: Cluster::Char(c),
                level: 0,
                advance: 0.0,
            })
            .collect()
    }

    #[test]
    fn a_greek_phrase_in_english_is_greek_with_its_spaces() {
        let glyphs = line("we say Όχι στον πόλεμο, no");
        let mut pieces = Pieces::new();
        SpanLang::default().pieces(&glyphs, Some("en"), &mut pieces);
        let greek: String = pieces
            .iter()
            .filter(|p| p.2 == Some("el"))
            .flat_map(|p| &glyphs[p.0..p.1])
            .filter_map(|g| g.text.text())
            .collect();
        // The space and comma after the phrase go with it, up to the
        // next English letter.
        assert_eq!(greek, "Όχι στον πόλεμο, ");
        assert_eq!(pieces.len(), 3);
    }

    #[test]
    fn a_script_of_several_languages_and_the_own_language_get_none() {
        for (text, own) in [
            ("Солидарность", "en"),
            ("حق", "en"),
            ("שלום", "en"),
            ("水是权利", "en"),
            ("Όχι", "el"),
        ] {
            let mut pieces = Pieces::new();
            SpanLang::default().pieces(&line(text), Some(own), &mut pieces);
            assert!(pieces.iter().all(|p| p.2.is_none()), "{text} in {own}");
        }
        // Kana are Japanese, even in a Chinese leaflet, and so are the
        // Han characters after them.
        let mut pieces = Pieces::new();
        SpanLang::default().pieces(&line("ありがとう水"), Some("zh"), &mut pieces);
        assert_eq!(pieces, [(0, 6, Some("ja"))]);
    }
}

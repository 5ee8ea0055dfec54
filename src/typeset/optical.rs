//! Optical size: how much larger one script must be set to look as large
//! as Latin beside it.
//!
//! A type size is the height of the body a font's letters are drawn on,
//! not the height of the letters. Scripts share that body differently.
//! Latin puts its lowercase on a tall x-height (0.54 em in Noto Serif and
//! Noto Sans), with ascenders above it. Naskh Arabic draws most of its
//! letters as low teeth and bowls (0.34–0.36 em in Noto Naskh Arabic),
//! with alif and lam rising above them, and keeps room for vowel marks and
//! deep descenders. Set at the same size as Latin, Arabic reads about a
//! sixth smaller. So bilingual setting gives Arabic a larger size than
//! the Latin beside it. Office suites keep a separate size for such
//! scripts for the same reason (Word's `szCs`, LibreOffice's size for
//! complex text layout).
//!
//! The scale is measured on the two faces, not taken from a table, so that
//! a layout's own fonts get their own. Two ratios are measured. The first
//! compares the main letters: Latin x-height against the Arabic teeth
//! (1.55 for Noto Naskh Arabic beside Noto Serif). The second compares
//! the tall letters: Latin ascenders against alif (1.13). They bound the
//! answer: matching the main letters would put alif far above the Latin
//! ascenders, matching only the tall letters leaves the text small. Where
//! between them the eye puts "the same size" is [`MAIN_LETTERS_WEIGHT`].
//!
//! Only Arabic script is scaled. Hebrew letters stand at 0.59 em in Noto
//! Sans Hebrew, near the Latin x-height. Devanagari hangs from a headline
//! above the Latin x-height (0.62 em in Noto Sans Devanagari). Chinese and Japanese fill
//! the em. None of these looks smaller than Latin at one size.

use super::fonts::Face;

/// Letters that show how a script uses its body: the height most of its
/// letters reach, and the height of its tall letters. Letters with flat
/// tops where a script has them, so that no overshoot counts.
struct Proportions {
    /// Letters of the main body.
    main: &'static [char],
    /// Tall letters.
    tall: &'static [char],
}

/// Latin: the x-height and the ascenders.
const LATIN: Proportions = Proportions {
    main: &['x', 'v', 'z'],
    tall: &['l', 'h', 'k'],
};

/// Arabic: the teeth and bowls of the letters without dots (their
/// isolated forms, the glyphs a font maps the characters to), and alif
/// and lam.
const ARABIC: Proportions = Proportions {
    main: &['س', 'ص', 'م', 'و'],
    tall: &['ا', 'ل'],
};

/// A letter of Arabic script, to find the face that sets it.
pub const ARABIC_LETTER: char = 'س';

/// A Latin letter, to find the face that sets Latin.
pub const LATIN_LETTER: char = 'x';

/// How much the main letters' ratio counts against the tall letters',
/// the two taken as powers (a weighted geometric mean), as sizes are
/// compared by ratio.
///
/// Set by eye, with bilingual practice as the check. Arabic letters are
/// wide and joined, so a line of them looks larger than its heights
/// alone say. The pair sample's A5 flyer was compared at 110 dpi. At the
/// plain geometric mean (weight 0.5, a scale of 1.32) the Naskh looked
/// larger than the English beside it. At 0.2 (1.20) the two looked the
/// same size. 1.2 is also the step bilingual setting commonly takes,
/// 12 pt Arabic beside 10 pt Latin. For Noto Sans Arabic beside Noto Sans
/// the same weight gives 1.12.
pub const MAIN_LETTERS_WEIGHT: f64 = 0.2;

/// The bounds of the scale. A font's bounding boxes are data, and a
/// damaged or odd one must not set a side at twice or half its size:
/// beyond these bounds the measurement is not trusted and the nearer
/// bound is used.
const MIN_SCALE: f64 = 0.8;
const MAX_SCALE: f64 = 1.5;

/// The mean height of the ink of `letters` in `face`, in em; `None` when
/// the face lacks one of them or draws it with no height.
fn height(face: &Face, letters: &[char]) -> Option<f64> {
    let mut sum = 0.0;
    for &c in letters {
        let (top, _) = face.ink_em(face.glyph(c)?)?;
        if top <= 0.0 {
            return None;
        }
        sum += top;
    }
    Some(sum / letters.len() as f64)
}

/// How much larger than Latin in `latin` text in `arabic` must be set to
/// look the same size: 1.0 when either face lacks the letters measured.
pub fn arabic_scale(latin: &Face, arabic: &Face) -> f64 {
    let ratio = |letters: fn(&Proportions) -> &'static [char]| {
        Some(height(latin, letters(&LATIN))? / height(arabic, letters(&ARABIC))?)
    };
    match (ratio(|p| p.main), ratio(|p| p.tall)) {
        (Some(main), Some(tall)) => (main.powf(MAIN_LETTERS_WEIGHT)
            * tall.powf(1.0 - MAIN_LETTERS_WEIGHT))
        .clamp(MIN_SCALE, MAX_SCALE),
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::document::Style;
    use crate::style::FontRef;
    use crate::typeset::fonts::{FaceId, FontBook};

    fn face(book: &mut FontBook, family: &str) -> FaceId {
        book.resolve_fallback(&FontRef::Family(family.into()), Style::default(), "test")
            .unwrap()
            .0
    }

    #[test]
    fn naskh_beside_serif_is_set_a_fifth_larger() {
        let mut book = FontBook::new();
        let serif = face(&mut book, "Noto Serif");
        let naskh = face(&mut book, "Noto Naskh Arabic");
        let k = arabic_scale(book.face(serif), book.face(naskh));
        assert!((1.17..1.23).contains(&k), "{k}");
    }

    #[test]
    fn sans_arabic_is_drawn_larger_and_scaled_less() {
        let mut book = FontBook::new();
        let sans = face(&mut book, "Noto Sans");
        let arabic = face(&mut book, "Noto Sans Arabic");
        let naskh = face(&mut book, "Noto Naskh Arabic");
        let k = arabic_scale(book.face(sans), book.face(arabic));
        assert!((1.08..1.16).contains(&k), "{k}");
        assert!(k < arabic_scale(book.face(sans), book.face(naskh)));
    }

    #[test]
    fn a_face_without_the_letters_is_not_scaled() {
        let mut book = FontBook::new();
        let serif = face(&mut book, "Noto Serif");
        // Noto Serif has no Arabic: nothing to measure, no scale.
        assert_eq!(arabic_scale(book.face(serif), book.face(serif)), 1.0);
    }
}

//! Where a line may break inside text written without spaces.
//!
//! Chinese and Japanese break between characters, except where the rules
//! for punctuation (Japanese *kinsoku shori*) forbid it: no closing mark
//! such as 。、」） or a small kana may start a line, no opening mark such
//! as 「（ may end one. Thai, Lao, Khmer and Burmese put no spaces between
//! words, and their lines break only between words, which takes a
//! dictionary to find.
//!
//! Both are the Unicode line breaking algorithm (UAX #14), as ICU4X's
//! `icu_segmenter` implements it with its compiled dictionaries for the
//! Southeast Asian scripts: rules and word lists no one should write by
//! hand. Its *strict* rules are used, the stricter kinsoku (no small kana
//! or prolonged sound mark at a line start), which printed Japanese
//! follows.
//!
//! Only words that hold such characters are asked about, and only breaks
//! next to one are kept: breaks in Latin text (after a hyphen, in an
//! address) are the word setter's own, and Korean, which spaces its words,
//! breaks at spaces only.

use std::sync::OnceLock;

use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness, WordBreakInvariantOptions};
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed, WordSegmenter, WordSegmenterBorrowed};

use crate::script::{is_hangul, is_ideographic, is_southeast_asian};

/// What kind of place a break inside a spaceless run is, which decides how
/// a justified line may widen there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SegmentBreak {
    /// Between two characters of Chinese or Japanese.
    Ideographic,
    /// Between two words of Thai, Lao, Khmer or Burmese.
    Word,
}

/// Whether a word needs the segmenter: it holds a character of a script
/// written without spaces.
pub fn needs_segmenting(word: &str) -> bool {
    word.chars()
        .any(|c| is_ideographic(c) || is_southeast_asian(c))
}

/// The segmenter, made once: its rules and dictionaries are compiled into
/// the binary.
fn segmenter() -> LineSegmenterBorrowed<'static> {
    static SEGMENTER: OnceLock<LineSegmenterBorrowed<'static>> = OnceLock::new();
    *SEGMENTER.get_or_init(|| {
        let mut options = LineBreakOptions::default();
        options.strictness = Some(LineBreakStrictness::Strict);
        LineSegmenter::new_dictionary(options)
    })
}

/// The places inside `word` (byte offsets, in order) where a line may
/// break, each with its kind; `out` is cleared first.
pub fn breaks(word: &str, out: &mut Vec<(usize, SegmentBreak)>) {
    out.clear();
    if !needs_segmenting(word) {
        return;
    }
    for at in segmenter().segment_str(word) {
        if at == 0 || at >= word.len() {
            continue;
        }
        let before = word[..at].chars().next_back();
        let after = word[at..].chars().next();
        let (Some(b), Some(a)) = (before, after) else {
            continue;
        };
        if is_hangul(b) || is_hangul(a) || repeats_the_word_before(a) {
            continue;
        }
        let kind = if is_ideographic(b) || is_ideographic(a) {
            SegmentBreak::Ideographic
        } else if is_southeast_asian(b) || is_southeast_asian(a) {
            SegmentBreak::Word
        } else {
            continue;
        };
        out.push((at, kind));
    }
}

/// The marks that repeat the word before them (Thai ๆ, Lao ໆ, Khmer ៗ):
/// part of that word, so never the start of a line ("ក្មេង / ៗ" for
/// ក្មេងៗ, "children"). ICU4X's dictionary breaks offer a break before
/// Khmer's when the word before is one it knows.
fn repeats_the_word_before(c: char) -> bool {
    matches!(c, '\u{0E46}' | '\u{0EC6}' | '\u{17D7}')
}

/// Whether byte `at` of `text`, Chinese written without spaces, falls
/// between two words of ICU4X's Chinese and Japanese dictionary rather than
/// inside one: 要|求 is inside 要求 ("demand"). The dictionary is a guess
/// at words it does not know (it parts 老公寓, "old flats", as 老公|寓,
/// "husband" and a stray character), so a caller should only make a break
/// dearer by it, never forbid one.
pub fn between_dictionary_words(text: &str, at: usize) -> bool {
    static WORDS: OnceLock<WordSegmenterBorrowed<'static>> = OnceLock::new();
    let words =
        WORDS.get_or_init(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));
    words.segment_str(text).any(|b| b == at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(word: &str) -> Vec<&str> {
        let mut found = Vec::new();
        breaks(word, &mut found);
        let mut parts = Vec::new();
        let mut from = 0;
        for (at, _) in found {
            parts.push(&word[from..at]);
            from = at;
        }
        parts.push(&word[from..]);
        parts
    }

    #[test]
    fn the_dictionary_knows_common_chinese_words() {
        let text = "外卖骑手要求公平的报酬";
        let at = |k: usize| text.char_indices().nth(k).unwrap().0;
        // 要|求 and 公|平 are inside words; 求|公 and 的|报 between them.
        assert!(!between_dictionary_words(text, at(5)));
        assert!(!between_dictionary_words(text, at(7)));
        assert!(between_dictionary_words(text, at(6)));
        assert!(between_dictionary_words(text, at(9)));
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        assert_eq!(cut("我们要求。"), ["我", "们", "要", "求。"]);
        // No opening bracket at a line end, no closing one at a start.
        assert_eq!(cut("「团结」"), ["「团", "结」"]);
        assert_eq!(cut("（一）"), ["（一）"]);
    }

    #[test]
    fn japanese_keeps_small_kana_and_the_long_mark_off_a_line_start() {
        // ッ (small tsu) and ー (prolonged sound mark) must not start a line.
        let parts = cut("ストップ・ーー");
        for p in &parts[1..] {
            assert!(!p.starts_with('ッ') && !p.starts_with('ー'), "{parts:?}");
        }
        assert!(cut("ストライキ").contains(&"ス"));
    }

    #[test]
    fn thai_breaks_between_dictionary_words_only() {
        // "we demand fair wages": เรา ต้องการ ค่าจ้าง ที่ ยุติธรรม
        let parts = cut("เราต้องการค่าจ้างที่ยุติธรรม");
        assert!(parts.len() >= 4, "{parts:?}");
        assert!(parts.contains(&"เรา"), "{parts:?}");
        assert_eq!(parts.concat(), "เราต้องการค่าจ้างที่ยุติธรรม");
        let mut found = Vec::new();
        breaks("เราต้องการ", &mut found);
        assert!(found.iter().all(|(_, k)| *k == SegmentBreak::Word));
    }

    #[test]
    fn a_repetition_mark_stays_with_its_word() {
        // "the old and the children": មនុស្សចាស់ និងក្មេងៗ, and Thai เด็กๆ.
        for text in ["និងក្មេងៗភ័យខ្លាច", "เด็กๆเล่น"]
        {
            let parts = cut(text);
            assert_eq!(parts.concat(), text);
            for p in &parts[1..] {
                assert!(!p.starts_with(repeats_the_word_before), "{parts:?}");
            }
        }
    }

    #[test]
    fn latin_and_korean_words_are_left_alone() {
        assert_eq!(cut("anti-war"), ["anti-war"]);
        assert_eq!(cut("노동자"), ["노동자"]);
        // Latin in a Chinese run breaks only next to the Chinese.
        assert_eq!(cut("中文abc-def"), ["中", "文", "abc-def"]);
    }
}

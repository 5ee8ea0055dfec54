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
//!
//! A dictionary only knows the words it holds. Given one it does not,
//! ICU4X's Thai dictionary can cut a run into pieces no Thai word is made
//! of: ปู่ย่าตายาย ("grandparents") as ปู่ย่า|ตาย|า|ย…, "die" and a vowel
//! standing alone, which on a line start reads as nonsense. Such a cut
//! often shows in the writing itself: a piece starting with a vowel that
//! is only ever written after its consonant (า, ำ, or a combining sign), or
//! ending on one only ever written before it (เ, แ, โ, ใ, ไ). Where it
//! shows, the whole run is cut again by ICU4X's LSTM model, which guesses
//! boundaries from the letters around them rather than looking words up
//! (ปู่ย่าตา|ยาย|กำลัง). It is not
//! the first choice: it also parts the halves of compounds the dictionary
//! keeps whole (ต้อง|การ, "want"; ผู้|ใหญ่, "adult"), where a break reads
//! as badly as a hyphenation in the wrong place would.

use std::sync::OnceLock;

use icu_segmenter::options::{LineBreakOptions, LineBreakStrictness, WordBreakInvariantOptions};
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed, WordSegmenter, WordSegmenterBorrowed};

use crate::script::{is_hangul, is_ideographic, is_southeast_asian};
use crate::typeset::hyphenate::is_combining;

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

/// The options both segmenters use: the strict rules (see above).
fn options() -> LineBreakOptions<'static> {
    let mut options = LineBreakOptions::default();
    options.strictness = Some(LineBreakStrictness::Strict);
    options
}

/// The segmenter, made once: its rules and dictionaries are compiled into
/// the binary.
fn segmenter() -> LineSegmenterBorrowed<'static> {
    static SEGMENTER: OnceLock<LineSegmenterBorrowed<'static>> = OnceLock::new();
    *SEGMENTER.get_or_init(|| LineSegmenter::new_dictionary(options()))
}

/// The segmenter that finds word boundaries in Southeast Asian scripts
/// with an LSTM model instead of a dictionary, for the runs the dictionary cuts
/// into impossible pieces (see the module's comment); made once.
fn lstm_segmenter() -> LineSegmenterBorrowed<'static> {
    static SEGMENTER: OnceLock<LineSegmenterBorrowed<'static>> = OnceLock::new();
    *SEGMENTER.get_or_init(|| LineSegmenter::new_lstm(options()))
}

/// The places inside `word` (byte offsets, in order) where a line may
/// break, each with its kind; `out` is cleared first.
pub fn breaks(word: &str, out: &mut Vec<(usize, SegmentBreak)>) {
    out.clear();
    if !needs_segmenting(word) {
        return;
    }
    let inner = |&at: &usize| at > 0 && at < word.len();
    let mut places: Vec<usize> = segmenter().segment_str(word).filter(inner).collect();
    if places.iter().any(|&at| !between_syllables(word, at)) {
        places = lstm_segmenter().segment_str(word).filter(inner).collect();
    }
    // A repetition mark belongs to its word, and the model's breaks are
    // held to the same rule as the dictionary's; only then is a letter
    // alone.
    places.retain(|&at| {
        !word[at..].starts_with(repeats_the_word_before) && between_syllables(word, at)
    });
    keep_letters_together(word, &mut places);
    for at in places {
        let before = word[..at].chars().next_back();
        let after = word[at..].chars().next();
        let (Some(b), Some(a)) = (before, after) else {
            continue;
        };
        if is_hangul(b) || is_hangul(a) {
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

/// Whether byte `at` of `word` can be between two syllables by the way
/// they are written: no syllable starts with a vowel or sign that follows
/// its consonant (a combining mark, or the spacing Thai ะ า ำ ๅ and Lao ະ
/// າ ຳ), nor ends with one of the vowels Thai and Lao write before it (เ
/// แ โ ใ ไ, ເ ແ ໂ ໃ ໄ). A break that fails this is a dictionary's
/// mistake, never a place a line may end.
fn between_syllables(word: &str, at: usize) -> bool {
    let before = word[..at].chars().next_back();
    let after = word[at..].chars().next();
    let follows = |c: char| {
        is_combining(c)
            || matches!(c, '\u{E30}' | '\u{E32}' | '\u{E33}' | '\u{E45}')
            || matches!(c, '\u{EB0}' | '\u{EB2}' | '\u{EB3}')
    };
    let leads = |c: char| matches!(c, '\u{E40}'..='\u{E44}' | '\u{EC0}'..='\u{EC4}');
    !after.is_some_and(follows) && !before.is_some_and(leads)
}

/// Drops the breaks of `places` (byte offsets into `word`, in order) that
/// would leave a Southeast Asian letter alone between two breaks: the LSTM
/// model sometimes parts a final consonant from its syllable (สหภา|พ for
/// สหภาพ, "union"), which [`between_syllables`] cannot see, and a word of
/// one letter is rare enough that keeping it with a neighbour costs a line
/// little.
fn keep_letters_together(word: &str, places: &mut Vec<usize>) {
    let lone = |piece: &str| {
        let mut chars = piece.chars();
        chars.next().is_some_and(is_southeast_asian) && chars.next().is_none()
    };
    let mut kept: Vec<usize> = Vec::with_capacity(places.len());
    for &at in places.iter() {
        // A lone letter joins the piece after it: the break at its end goes.
        if !lone(&word[kept.last().copied().unwrap_or(0)..at]) {
            kept.push(at);
        }
    }
    // A lone letter at the end joins the piece before it.
    if kept.last().is_some_and(|&last| lone(&word[last..])) {
        kept.pop();
    }
    *places = kept;
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
    fn a_thai_word_the_dictionary_lacks_is_cut_by_the_lstm_model() {
        // "Grandparents are waiting": the dictionary cuts ตายาย as ตาย|า|ย
        // and กำลัง as ยกำ|ลัง; by syllable, ตา|ยาย and กำลัง whole.
        let parts = cut("ปู่ย่าตายายกำลังรอ");
        assert_eq!(parts.concat(), "ปู่ย่าตายายกำลังรอ");
        assert!(
            parts.contains(&"ยาย") && parts.contains(&"กำลัง"),
            "{parts:?}"
        );
        // "The union's demands": not ร้องขอ|งส|หภ|า|พ.
        let parts = cut("ข้อเรียกร้องของสหภาพ");
        assert!(
            parts.contains(&"ของ") && parts.contains(&"สหภาพ"),
            "{parts:?}"
        );
        // A run the dictionary knows keeps its whole words.
        assert!(cut("เราต้องการค่าจ้าง").contains(&"ต้องการ"));
    }

    #[test]
    fn no_piece_starts_with_a_following_vowel_or_ends_with_a_leading_one() {
        for text in [
            "พัดลมหลายตัวเสียมานานหลายเดือนแล้ว",
            "ปู่ย่าตายายต้องเดินไปตักน้ำ",
            "ເຮົາຕ້ອງການຄ່າແຮງທີ່ຍຸຕິທຳ",
        ] {
            let parts = cut(text);
            assert_eq!(parts.concat(), text);
            for pair in parts.windows(2) {
                let at = pair[0].len();
                let joined = pair.concat();
                assert!(between_syllables(&joined, at), "{parts:?}");
            }
        }
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

//! Classes of characters by writing system that more than one stage needs:
//! reading a statement (where a line break in the source is a space) and
//! setting it (where a line may break without a space).
//!
//! Block ranges, not a full Unicode script table: these decisions only
//! need to know whether a character belongs to a writing system that puts
//! no spaces between its words.

/// Chinese characters, Japanese kana, Bopomofo, and the full-width
/// punctuation and forms that go with them (not Hangul: Korean puts spaces
/// between words). A line of such text may break between any two
/// characters, subject to the rules for punctuation (kinsoku).
pub fn is_ideographic(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // CJK radicals, Kangxi radicals
        | 0x3000..=0x303F    // CJK symbols and punctuation (、。「」)
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3100..=0x312F    // Bopomofo
        | 0x31A0..=0x31FF    // Bopomofo extended, CJK strokes, Katakana extensions
        | 0x3200..=0x33FF    // enclosed CJK letters, CJK compatibility
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF00..=0xFF60    // full-width forms (！，（）)
        | 0xFFE0..=0xFFE6    // full-width signs
        | 0x20000..=0x3FFFF  // CJK extensions B and beyond
    )
}

/// Full-width opening brackets: 〈《「『【〔〖〘〚〝（［｛｟.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '\u{3008}'
            | '\u{300A}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{3010}'
            | '\u{3014}'
            | '\u{3016}'
            | '\u{3018}'
            | '\u{301A}'
            | '\u{301D}'
            | '\u{FF08}'
            | '\u{FF3B}'
            | '\u{FF5B}'
            | '\u{FF5F}'
    )
}

/// Full-width closing brackets and the comma and full stop that sit like
/// them at the left of their square: 〉》」』】〕〗〙〛〞〟）］｝｠、。，．.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '\u{3009}'
            | '\u{300B}'
            | '\u{300D}'
            | '\u{300F}'
            | '\u{3011}'
            | '\u{3015}'
            | '\u{3017}'
            | '\u{3019}'
            | '\u{301B}'
            | '\u{301E}'
            | '\u{301F}'
            | '\u{FF09}'
            | '\u{FF3D}'
            | '\u{FF5D}'
            | '\u{FF60}'
            | '\u{3001}'
            | '\u{3002}'
            | '\u{FF0C}'
            | '\u{FF0E}'
    )
}

/// Thai, Lao, Khmer and Myanmar letters: scripts written without spaces
/// between words, whose lines break between words that only a dictionary
/// can find.
pub fn is_southeast_asian(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x19E0..=0x19FF    // Khmer symbols
        | 0xA9E0..=0xA9FF    // Myanmar extended B
        | 0xAA60..=0xAA7F    // Myanmar extended A
    )
}

/// Thai and Lao letters: their scripts end a sentence with a space, not a
/// mark, so a line's last character cannot tell a title from a sentence.
pub fn ends_sentences_unmarked(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF)
}

/// A character of Chinese, Japanese or Korean: set in a full em square,
/// a syllable or a word each, and found in the system's CJK fonts.
pub fn is_cjk(c: char) -> bool {
    is_ideographic(c) || is_hangul(c)
}

/// Hangul syllables and jamo: Korean words are separated by spaces, and a
/// line breaks only there.
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xD7B0..=0xD7FF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for c in ['中', '文', 'あ', 'カ', '。', '「', '（', '，'] {
            assert!(is_ideographic(c), "{c}");
        }
        for c in ['ก', 'ກ', 'က', 'ក'] {
            assert!(is_southeast_asian(c), "{c}");
        }
        for c in ['한', 'ㄱ'] {
            assert!(is_hangul(c) && !is_ideographic(c), "{c}");
        }
        for c in ['a', 'я', 'ا', 'क', ' '] {
            assert!(
                !is_ideographic(c) && !is_southeast_asian(c) && !is_hangul(c),
                "{c}"
            );
        }
    }
}

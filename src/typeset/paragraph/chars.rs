//! Character classes the setter decides by.

/// Word separators: the space, the no-break and narrow no-break spaces
/// (ties) and the zero-width space (a break without a gap).
pub(super) fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{200B}')
}

/// True for a letter of the Latin, Greek or Cyrillic blocks: the scripts a
/// text font is made for, so that one it lacks is a gap in that font.
pub(super) fn latin_greek_cyrillic(c: char) -> bool {
    matches!(
        c as u32,
        0x0041..=0x052F // Basic Latin to Cyrillic Supplement
            | 0x1C80..=0x1C8F // Cyrillic Extended-C
            | 0x1D00..=0x1DBF // Phonetic Extensions
            | 0x1E00..=0x1FFF // Latin Extended Additional, Greek Extended
            | 0x2C60..=0x2C7F // Latin Extended-C
            | 0x2DE0..=0x2DFF // Cyrillic Extended-A
            | 0xA640..=0xA69F // Cyrillic Extended-B
            | 0xA720..=0xA7FF // Latin Extended-D
            | 0xAB30..=0xAB6F // Latin Extended-E
            | 0xFB00..=0xFB06 // Latin ligatures
    )
}

/// Combining marks of Latin, Greek and Cyrillic.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489)
}

/// Combining marks for symbols (U+20D0–U+20FF), among them the enclosing
/// circle, square and keycap that draw a frame around their base.
pub(super) fn is_symbol_mark(c: char) -> bool {
    matches!(c as u32, 0x20D0..=0x20FF)
}

/// Characters that steer shaping and draw nothing (zero-width joiners,
/// variation selectors such as U+FE0F "as emoji", bidi and other format
/// marks): every default-ignorable code point.
pub(super) fn is_ignorable(c: char) -> bool {
    crate::typeset::shape::is_default_ignorable(c)
}

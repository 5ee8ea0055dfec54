//! Spacing between adjacent full-width punctuation in Chinese and Japanese.
//!
//! A full-width bracket, comma or full stop takes a whole em square, of
//! which its ink fills half: an opening bracket's ink stands on the right
//! of its square, a closing bracket's or a comma's on the left. Set side
//! by side, two of them leave a full em of white between their inks
//! ("。」「" reads as a hole in the line). JLREQ (3.1.4) and CLREQ have
//! the pair closed up to half an em; CSS Text 4 calls this "collapsing"
//! and makes it the default (`text-spacing-trim: normal`):
//!
//! - an opening mark after an opening or closing mark, a middle dot or an
//!   ideographic space is set half-width;
//! - a closing mark before a closing mark or a middle dot is set
//!   half-width.
//!
//! "Half-width" is the font's own `halt` feature (alternate half widths),
//! which trims the white side and knows where each face puts its ink
//! (Traditional Chinese centres its full stop, Japanese and Simplified
//! Chinese put it at the left). Fonts without `halt` are left as they are.
//!
//! The marks at a line's start and end are left full-width, as CSS's
//! `normal` sets them; quotation marks are left out, as their width
//! differs between fonts and locales.

use std::ops::Range;

use crate::script::{is_closing, is_opening};

/// The katakana middle dot ・, whose ink stands in the middle of its
/// square: white on both sides.
fn is_middle_dot(c: char) -> bool {
    c == '\u{30FB}'
}

/// The byte ranges of `text` to set half-width by the rules above: one
/// per mark, in order. Empty for text without such pairs (all text
/// outside Chinese and Japanese), which is then shaped as before.
pub fn half_width(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let trimmed = if is_opening(c) {
            prev.is_some_and(|p| {
                is_opening(p) || is_closing(p) || is_middle_dot(p) || p == '\u{3000}'
            })
        } else if is_closing(c) {
            next.is_some_and(|n| is_closing(n) || is_middle_dot(n))
        } else {
            false
        };
        if trimmed {
            out.push(i..i + c.len_utf8());
        }
        prev = Some(c);
    }
    out
}

/// Full-width colon, semicolon, exclamation and question marks. Chinese
/// fonts for the mainland set their ink in the left half of the square,
/// like a comma's, and CLREQ closes up their white as a comma's when a
/// line must shrink; Japanese and Traditional Chinese fonts centre them,
/// and their outline then gives nothing (see [`white_to_give`]). Not
/// closing marks: no rule pairs them up with a bracket.
fn is_pause(c: char) -> bool {
    matches!(c, '\u{FF1A}' | '\u{FF1B}' | '\u{FF01}' | '\u{FF1F}')
}

/// The most white a full-width mark gives back to a shrinking line, in em:
/// the blank half of its square, as JLREQ (3.8.3) reduces the spacing of
/// punctuation first when a line must take one more character.
const MAX_GIVE_EM: f64 = 0.5;

/// How much of the white beside a full-width mark a justified line of
/// Chinese or Japanese may take back when it shrinks, in em: after a
/// closing mark (`after` true) the white right of its ink, before an
/// opening one the white left of it. `metrics` gives the glyph's advance
/// and its outline's left and right edges, in em; it is asked only for a
/// mark, as reading an outline for every character of a text would be
/// wasted.
///
/// This is JLREQ's first means of fitting a line, before any spacing out:
/// a line that would end one character short can take it in by setting a
/// comma or bracket or two half-width. Only white that lies on one side is
/// given: a mark centred in its square (a Traditional Chinese full stop)
/// keeps its white, as closing it up on one side would push it off centre.
pub fn white_to_give(
    c: char,
    after: bool,
    metrics: impl FnOnce() -> (f64, Option<(f64, f64)>),
) -> f64 {
    let gives = if after {
        is_closing(c) || is_pause(c)
    } else {
        is_opening(c)
    };
    if !gives {
        return 0.0;
    }
    let (advance, Some((left_edge, right_edge))) = metrics() else {
        return 0.0;
    };
    let (left, right) = (left_edge, advance - right_edge);
    let white = if after { right - left } else { left - right };
    white.clamp(0.0, MAX_GIVE_EM)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_white_on_one_side_of_a_mark_is_given_back() {
        // A Simplified Chinese comma: ink at the left of its square.
        assert_eq!(white_to_give('，', true, || (1.0, Some((0.1, 0.35)))), 0.5);
        // A Traditional Chinese full stop, centred: nothing to give.
        assert_eq!(white_to_give('。', true, || (1.0, Some((0.4, 0.6)))), 0.0);
        // An opening bracket gives its left white, and only before it.
        let open = white_to_give('「', false, || (1.0, Some((0.55, 0.9))));
        assert!((open - 0.45).abs() < 1e-9, "{open}");
        assert_eq!(white_to_give('「', true, || (1.0, Some((0.55, 0.9)))), 0.0);
        // Letters and ideographs keep their spacing.
        assert_eq!(white_to_give('中', true, || (1.0, Some((0.05, 0.95)))), 0.0);
        assert_eq!(white_to_give('，', true, || (1.0, None)), 0.0);
    }

    /// The characters `half_width` picks in `text`.
    fn picked(text: &str) -> String {
        half_width(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn pairs_close_up_and_single_marks_do_not() {
        // A full stop before a closing bracket; a closing bracket before
        // an opening one (the opening one is trimmed); two openings.
        assert_eq!(picked("思います。」「はい"), "。「");
        assert_eq!(picked("（『本』）"), "『』");
        assert_eq!(picked("子ども、「先生」"), "「");
        assert_eq!(picked("市役所・区役所"), "");
        assert_eq!(picked("先生）・"), "）");
        // Marks with letters on both sides, and Latin text: nothing.
        assert_eq!(picked("保育士の人員を増やしてください。"), "");
        assert_eq!(picked("“Quoted,” she said. (Yes.)"), "");
        // Byte ranges, not characters.
        assert_eq!(half_width("a。」"), vec![1..4]);
    }
}

//! Headings in plain text, which has no markup for them: "Preamble",
//! "Article 1", "Our demands" on a line of their own, over the paragraph
//! they name.
//!
//! # The rule
//!
//! A plain-text paragraph is a heading when it is *heading-shaped*:
//!
//! * one line of at most [`HEADING_MAX_CHARS`] characters and
//!   [`HEADING_MAX_WORDS`] words, opening with a capital letter, a letter
//!   of a script without case (Devanagari, Thai, Arabic, Chinese…), a
//!   digit or "§" (after a pictograph marking it, "📚 What is happening");
//! * with no final sentence mark (`. , ; : ! ? …`, closing quotes and
//!   brackets looked through): a line that ends like a sentence is one;
//! * not a list line, a separator, a salutation ("Dear comrades") or a
//!   closing formula ("In solidarity"); a numbered line ("1. INTRODUCTION",
//!   "2) Our demands") is heading-shaped for the text after its number, and
//!   a heading only when the statement has two or more and each heads
//!   text: otherwise they are a list's items, a blank line apart;
//! * holding no date (a numeric date or a year, 1900–2099): "Belgrade,
//!   1 June 2023" is a signature's place and date, not a title;
//!
//! and it is *followed by what it heads*: the next paragraph is in the body
//! (not in the trailing sign-off, so a signature such as "The Executive
//! Committee" never qualifies, nor does the last block) and is either text
//! or a list that is not itself heading-shaped, or a heading in turn
//! ("Chapter I" over "Article 1" over its text). A salutation after it does
//! not count: the line is then the head's meta line.
//!
//! A heading-shaped line right under the headline is a meta line ("Riverside
//! Tenants' Association") unless the statement has other headings: then it
//! is the first of its sections ("Preamble" before "Article 1").
//!
//! Plain-text headings are `Heading(1)`, the rank of Markdown's `##`, so the
//! body's first-rank heading style and its keep-with-next apply.

use super::classify::{
    char_count, ends_unmarked, final_mark, is_salutation, opens_with_any, opens_with_pictograph,
    raw_text, CLOSINGS,
};
use super::clean::clean_text;
use super::dates;
use super::plain::{is_separator, list_marker, Marker};
use super::{Para, ParaKind};
use crate::statement::document::BlockKind;

/// Longest heading, in characters: a section title, not a sentence.
const HEADING_MAX_CHARS: usize = 60;

/// Most words in a heading: longer lines without a full stop are more often
/// a slogan or a line of an address than a title.
const HEADING_MAX_WORDS: usize = 8;

/// Longest heading in Thai or Lao, in characters: they end a sentence with
/// no mark and write few spaces, so a short sentence ("วันเสาร์ที่ 12 ธันวาคม
/// เวลา 9 นาฬิกา ที่ศาลาว่าการเขต") has a heading's marks and words; a
/// section's title is shorter.
const HEADING_UNMARKED_MAX_CHARS: usize = 30;

/// Whether `text` holds a date: a numeric date or a year.
pub(super) fn holds_date(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        dates::numeric(core).is_some() || dates::is_year(core)
    })
}

/// How a paragraph is shaped, as a heading or not.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Not a heading.
    Text,
    /// A heading, if what follows is what it heads.
    Heading,
    /// A heading with a number ("1. INTRODUCTION"), if every such line of
    /// the statement heads text (see [`headings`]); else a list's item.
    Numbered,
}

/// How paragraph `p` is shaped (see the module documentation); whether it
/// is a heading depends on what follows.
fn shape(p: &Para) -> Shape {
    if p.kind != ParaKind::Body || p.lines.len() != 1 {
        return Shape::Text;
    }
    let raw = raw_text(&p.lines[0]);
    match list_marker(&raw) {
        None if heading_shaped(&raw, &clean_text(&p.lines[0].spans)) => Shape::Heading,
        Some((Marker::Number(_), rest)) if heading_shaped(rest, rest) => Shape::Numbered,
        _ => Shape::Text,
    }
}

/// Whether one line, as written, is shaped as a heading, plain or
/// numbered (see [`shape`]).
pub(super) fn line_shaped(raw: &str) -> bool {
    let raw = raw.trim();
    match list_marker(raw) {
        None => heading_shaped(raw, raw),
        Some((Marker::Number(_), rest)) => heading_shaped(rest, rest),
        Some(_) => false,
    }
}

/// `text` after the pictograph it opens with and the space after it, if
/// it opens with one: "📚 What is happening" is a section's heading, as a
/// statement written in a chat marks them.
fn after_pictograph(text: &str) -> &str {
    if !opens_with_pictograph(text) {
        return text;
    }
    text.trim_start()
        .split_once(char::is_whitespace)
        .map_or("", |(_, rest)| rest.trim_start())
}

/// Whether a line (`raw` as written, `text` cleaned) is shaped as a
/// heading, its number and a pictograph opening it aside.
fn heading_shaped(raw: &str, text: &str) -> bool {
    let (raw, text) = (after_pictograph(raw), after_pictograph(text));
    // A letter that is not lower case is a capital or has no case: "हम
    // कौन हैं" opens a heading as "Who we are" does.
    let opens_well = text
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() || c.is_numeric() || c == '§');
    let unmarked = ends_unmarked(text);
    opens_well
        && char_count(text) <= HEADING_MAX_CHARS
        && (!unmarked || char_count(text) <= HEADING_UNMARKED_MAX_CHARS)
        && text.split_whitespace().count() <= HEADING_MAX_WORDS
        && !matches!(
            final_mark(text),
            Some('.' | ',' | ';' | ':' | '!' | '?' | '…')
        )
        && list_marker(raw).is_none()
        && !is_separator(raw)
        && !is_salutation(text)
        && !opens_with_any(text, CLOSINGS)
        && !holds_date(text)
}

/// Which of `paras` are headings, given that the body ends before `end`
/// (where the sign-off starts). Decided from the end backwards, so that a
/// heading over a heading over text is found.
pub(super) fn headings(paras: &[Para], end: usize) -> Vec<bool> {
    let end = end.min(paras.len());
    let shapes: Vec<Shape> = paras[..end].iter().map(shape).collect();
    let heads_text = |i: usize| {
        let Some(next) = paras[..end].get(i + 1) else {
            return false;
        };
        let first = clean_text(&next.lines[0].spans);
        next.kind == ParaKind::Body
            && shapes[i + 1] == Shape::Text
            && !is_separator(&raw_text(&next.lines[0]))
            && !is_salutation(&first)
    };
    // Numbered lines are sections' headings when there are two or more
    // and each heads text; one-line items of a list, one after another,
    // head none.
    let numbered: Vec<usize> = (0..end).filter(|&i| shapes[i] == Shape::Numbered).collect();
    let sections =
        numbered.len() >= MIN_NUMBERED_HEADINGS && numbered.iter().all(|&i| heads_text(i));
    let mut heads = vec![false; paras.len()];
    for i in (0..end.saturating_sub(1)).rev() {
        let shaped = match shapes[i] {
            Shape::Heading => true,
            Shape::Numbered => sections,
            Shape::Text => false,
        };
        heads[i] = shaped && (heads_text(i) || heads[i + 1]);
    }
    heads
}

/// Which of a Markdown statement's `paras` are numbered sections' headings
/// that Markdown read as lists of one item ("1. INTRODUCTION", a blank
/// line, its paragraph, "2. OUR DEMANDS", …): by the rule for plain text,
/// each such item alone in its list, heading-shaped and over a paragraph,
/// when there are two or more and all are so. The body ends before `end`.
pub(super) fn markdown_sections(paras: &[Para], end: usize) -> Vec<bool> {
    let end = end.min(paras.len());
    let item = |i: usize| {
        paras[..end]
            .get(i)
            .is_some_and(|p| matches!(p.kind, ParaKind::Fixed(BlockKind::ListItem { .. })))
    };
    let lone: Vec<usize> = (0..end)
        .filter(|&i| match &paras[i].kind {
            ParaKind::Fixed(BlockKind::ListItem { marker, depth: 0 }) => {
                marker.starts_with(|c: char| c.is_ascii_digit())
                    && !(i > 0 && item(i - 1))
                    && !item(i + 1)
            }
            _ => false,
        })
        .collect();
    let heads_text = |i: usize| {
        let p = &paras[i];
        let raw = p.lines.first().map(raw_text).unwrap_or_default();
        p.lines.len() == 1
            && heading_shaped(&raw, &clean_text(&p.lines[0].spans))
            && paras[..end]
                .get(i + 1)
                .is_some_and(|n| n.kind == ParaKind::Body && shape(n) == Shape::Text)
    };
    let mut heads = vec![false; paras.len()];
    if lone.len() >= MIN_NUMBERED_HEADINGS && lone.iter().all(|&i| heads_text(i)) {
        for i in lone {
            heads[i] = true;
        }
    }
    heads
}

/// The fewest numbered lines over text that number a statement's sections:
/// a lone "1. Rent freeze" over a paragraph is a list's item.
const MIN_NUMBERED_HEADINGS: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::plain::paragraphs;

    fn heads(text: &str) -> Vec<bool> {
        let paras = paragraphs(text, 1);
        headings(&paras, paras.len())
    }

    #[test]
    fn a_short_line_over_text_is_a_heading() {
        assert_eq!(
            heads("Article 1\n\nEveryone has a home.\n\nOur demands\n\n- rent freeze\n- repairs\n"),
            [true, false, true, false]
        );
    }

    #[test]
    fn numbered_lines_over_text_are_sections_headings() {
        // Before: "1. INTRODUCTION" was a line of body text.
        assert_eq!(
            heads("1. INTRODUCTION\n\nOn 3 February.\n\n2. OUR DEMANDS\n\nA freeze.\n\nEnd.\n"),
            [true, false, true, false, false]
        );
        assert_eq!(
            heads("Chapter I\n\n1) Rents\n\nText.\n\n2) Repairs\n\nText.\n\nEnd.\n"),
            [true, true, false, true, false, false]
        );
        // A list's one-line items, a blank line apart, and a lone numbered
        // line over text are no headings.
        assert_eq!(
            heads("1. Rent freeze\n\n2. Repairs\n\n3. No evictions\n\nCome on Monday.\n\nEnd.\n"),
            [false; 5]
        );
        assert_eq!(
            heads("1. Rent freeze\n\nWe want it now.\n\nEnd.\n"),
            [false; 3]
        );
    }

    #[test]
    fn headings_over_headings_chain() {
        assert_eq!(
            heads("Chapter I\n\nArticle 1\n\nText of it.\n"),
            [true, true, false]
        );
    }

    #[test]
    fn sentences_dates_and_signatures_are_not_headings() {
        // A line with final punctuation, a dated place, a salutation, a
        // closing formula, a lower-case fragment, a list line.
        for line in [
            "We will win.",
            "Belgrade, 1 June 2023",
            "Dear comrades",
            "In solidarity",
            "and so on",
            "- one item",
            "Why we strike?",
        ] {
            let text = format!("{line}\n\nA paragraph of text follows here.\n");
            assert_eq!(heads(&text), [false, false], "{line}");
        }
    }

    #[test]
    fn the_last_block_and_a_line_over_a_line_are_not_headings() {
        assert_eq!(
            heads("Text first.\n\nThe Executive Committee\n"),
            [false, false]
        );
        assert_eq!(
            heads("Text first.\n\nThe Executive Committee\n\nBelgrade\n"),
            [false, false, false]
        );
        // Before a salutation it is the head's line, not a heading.
        assert_eq!(
            heads("Tenants' Association\n\nDear neighbours,\n"),
            [false, false]
        );
    }

    #[test]
    fn the_sign_off_is_not_headed() {
        let paras = paragraphs("Our demands\n\nText.\n\nThe Committee\n\nBelgrade\n", 1);
        // The sign-off starts at paragraph 2: paragraph 1 is the body's last.
        assert_eq!(headings(&paras, 2), [true, false, false, false]);
    }
}

//! Right-to-left text: the Unicode bidirectional algorithm (UAX #9, by the
//! `unicode-bidi` crate) and the visual order of set lines.
//!
//! A paragraph is shaped and broken in logical order, the order it is typed
//! and read: a word's glyphs come from the shaper in that order too (see
//! [`crate::typeset::shape`]), so the line breaker and hyphenation see one
//! order whatever the script. Only a set line is put in visual order
//! ([`reorder_line`]): its glyphs are ordered by their embedding levels
//! (rule L2, reversing every run at or above each odd level) and laid out
//! again in the slots they had.
//!
//! A page in a right-to-left language is mirrored whole once composed (see
//! `compose::mirror`): columns, alignment, the band and the imprint then
//! start at the right without the composer knowing. The mirror moves each
//! line's ink whole and keeps its glyphs as they are, so a line is set
//! here the same way on either page.

use unicode_bidi::{bidi_class, BidiClass, Level, ParagraphBidiInfo};

use crate::typeset::line::{GlyphRun, Line, PlacedGlyph};
use crate::units::Length;

/// The direction a document or a paragraph is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// Left to right (Latin, Greek, Cyrillic, and most scripts).
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew).
    Rtl,
}

/// Languages written right to left, by their primary BCP 47 subtag: Arabic,
/// Persian, Urdu, Central Kurdish (Sorani, in Arabic script), Hebrew,
/// Yiddish. ("iw" and "ji" are the old codes of Hebrew and Yiddish.)
const RTL_LANGUAGES: &[&str] = &["ar", "fa", "ur", "ckb", "he", "yi", "iw", "ji"];

impl Direction {
    /// The direction of a language (a BCP 47 tag such as `fa-IR`).
    pub fn of_language(tag: &str) -> Direction {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if RTL_LANGUAGES
            .iter()
            .any(|l| l.eq_ignore_ascii_case(primary))
        {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    /// True for right to left.
    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }

    fn level(self) -> Level {
        match self {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        }
    }
}

/// A strong right-to-left character (Hebrew, Arabic letters and marks of
/// their direction).
fn is_strong_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// A character that opens a right-to-left embedding, override or isolate.
fn opens_rtl(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::RLE | BidiClass::RLO | BidiClass::RLI | BidiClass::FSI
    )
}

/// The direction of the first strong character (rules P2 and P3, without
/// looking into isolates), if there is one.
fn first_strong(text: &str) -> Option<Direction> {
    text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(Direction::Ltr),
        BidiClass::R | BidiClass::AL => Some(Direction::Rtl),
        _ => None,
    })
}

/// A paragraph's direction in a document written `document`-wise.
///
/// In a right-to-left document a paragraph is right to left unless it has
/// no right-to-left letter but some left-to-right one (an English quote, a
/// link): "Google تعلن …" opens with a Latin name and is still Arabic,
/// which the first strong character alone (rule P2) would get wrong. In a
/// left-to-right document the first strong character decides, so that an
/// Arabic paragraph in an English leaflet runs right to left.
pub fn paragraph_direction(text: &str, document: Direction) -> Direction {
    match document {
        Direction::Rtl if !text.chars().any(is_strong_rtl) => {
            first_strong(text).unwrap_or(Direction::Rtl)
        }
        Direction::Rtl => Direction::Rtl,
        Direction::Ltr => first_strong(text).unwrap_or(Direction::Ltr),
    }
}

/// A paragraph's direction (see [`paragraph_direction`]) and the embedding
/// level of each of its characters (rules P2–I2), or `None` for a
/// paragraph of left-to-right text in a left-to-right document, whose
/// levels are all zero: nothing about it changes.
pub fn char_levels(text: &str, document: Direction) -> Option<(Direction, Vec<u8>)> {
    // Nothing below U+0590 (Latin to Armenian) is right-to-left or opens
    // an embedding: such text skips the class lookups, a binary search
    // each, which every paragraph set at every trial size paid.
    let may_turn = |c: char| c >= '\u{590}' && (is_strong_rtl(c) || opens_rtl(c));
    if document == Direction::Ltr && !text.chars().any(may_turn) {
        return None;
    }
    let base = paragraph_direction(text, document);
    let info = ParagraphBidiInfo::new(text, Some(base.level()));
    let levels = text
        .char_indices()
        .map(|(i, _)| info.levels[i].number())
        .collect();
    Some((base, levels))
}

/// Puts a set line's glyphs, placed in logical order, in visual order.
///
/// The glyphs are ordered by their levels (rule L2), then each is laid out
/// from where the line's ink begins, in the slot it had in logical order
/// (its advance and the glue or letter spacing after it), so justified
/// spaces keep their width. Then each glyph is moved by its mark offset
/// (`offsets`, one a glyph in logical order, or none): the shaper places
/// an Arabic vowel sign relative to the pen after its letter in visual
/// order, which only now exists. Runs are rebuilt in the new order, left
/// to right, as the PDF writer and text extraction expect.
pub fn reorder_line(line: &mut Line, offsets: &[Length]) {
    let runs = std::mem::take(&mut line.runs);
    // Each run's style, without its glyphs.
    let styles: Vec<GlyphRun> = runs.iter().map(GlyphRun::styled_like).collect();
    let mut glyphs: Vec<(usize, PlacedGlyph)> = runs
        .into_iter()
        .enumerate()
        .flat_map(|(k, r)| r.glyphs.into_iter().map(move |g| (k, g)))
        .collect();
    let Some(first) = glyphs.first() else {
        return;
    };
    let start = first.1.x;
    let slots: Vec<Length> = (0..glyphs.len())
        .map(|i| match glyphs.get(i + 1) {
            Some(next) => next.1.x - glyphs[i].1.x,
            None => Length::pt(f64::from(glyphs[i].1.advance)),
        })
        .collect();
    let levels: Vec<Level> = glyphs
        .iter()
        .map(|(_, g)| Level::new(g.level).unwrap_or_else(|_| Level::ltr()))
        .collect();
    let order = ParagraphBidiInfo::reorder_visual(&levels);
    let mut taken: Vec<Option<(usize, PlacedGlyph)>> = glyphs.drain(..).map(Some).collect();
    let mut x = start;
    let mut visual: Vec<(usize, PlacedGlyph)> = Vec::with_capacity(order.len());
    for i in order {
        let Some((run, mut g)) = taken[i].take() else {
            continue;
        };
        let offset = offsets.get(i).copied().unwrap_or(Length::ZERO);
        g.x = x + offset;
        g.advance -= offset.to_pt() as f32;
        x += slots[i];
        visual.push((run, g));
    }
    for (run, g) in visual {
        match line.runs.last_mut() {
            Some(r) if r.same_style(&styles[run]) => r.glyphs.push(g),
            _ => {
                let mut r = styles[run].clone();
                r.glyphs.push(g);
                line.runs.push(r);
            }
        }
    }
}

/// A reordered line's glyphs back in logical order: rule L2 undone, its
/// reversals made again in the opposite order (each undoes itself, and the
/// runs at or above a level are the same glyphs in either order).
pub fn logical_order(line: &Line) -> Vec<&PlacedGlyph> {
    let mut glyphs: Vec<&PlacedGlyph> = line.glyphs().map(|(_, g)| g).collect();
    let highest = glyphs.iter().map(|g| g.level).max().unwrap_or(0);
    let lowest_odd = glyphs
        .iter()
        .map(|g| g.level)
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(highest + 1);
    for level in lowest_odd..=highest {
        let mut k = 0;
        while k < glyphs.len() {
            if glyphs[k].level < level {
                k += 1;
                continue;
            }
            let end = k + glyphs[k..].iter().take_while(|g| g.level >= level).count();
            glyphs[k..end].reverse();
            k = end;
        }
    }
    glyphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::Color;
    use crate::typeset::fonts::FaceId;
    use crate::typeset::line::Cluster;

    fn line(text: &str, levels: &[u8]) -> Line {
        let mut l = Line::default();
        for (k, (c, level)) in text.chars().zip(levels).enumerate() {
            l.push(
                FaceId(0),
                Length::pt(10.0),
                Color::Gray(0.0),
                PlacedGlyph {
                    x: Length::pt(5.0 * k as f64),
                    gid: 1,
                    text: Cluster::Char(c),
                    level: *level,
                    advance: 5.0,
                },
            );
        }
        l
    }

    fn visual(l: &Line) -> String {
        let mut gs: Vec<_> = l.glyphs().map(|(_, g)| g).collect();
        gs.sort_by(|a, b| a.x.to_pt().total_cmp(&b.x.to_pt()));
        gs.iter().filter_map(|g| g.text.text()).collect()
    }

    #[test]
    fn languages_and_paragraph_direction() {
        for rtl in ["ar", "fa-IR", "ur", "ckb", "he", "yi"] {
            assert_eq!(Direction::of_language(rtl), Direction::Rtl, "{rtl}");
        }
        for ltr in ["en", "de", "sr-Cyrl", "arn", "hr"] {
            assert_eq!(Direction::of_language(ltr), Direction::Ltr, "{ltr}");
        }
        let ar = "Google تعلن";
        assert_eq!(paragraph_direction(ar, Direction::Rtl), Direction::Rtl);
        assert_eq!(paragraph_direction(ar, Direction::Ltr), Direction::Ltr);
        assert_eq!(paragraph_direction("عربي", Direction::Ltr), Direction::Rtl);
        assert_eq!(
            paragraph_direction("https://x.org", Direction::Rtl),
            Direction::Ltr
        );
        assert_eq!(paragraph_direction("2026", Direction::Rtl), Direction::Rtl);
        assert!(char_levels("plain text", Direction::Ltr).is_none());
    }

    #[test]
    fn numbers_and_latin_keep_their_order_inside_arabic() {
        let text = "في 2026 مع Ali";
        let (base, levels) = char_levels(text, Direction::Rtl).unwrap();
        assert_eq!(base, Direction::Rtl);
        // Arabic letters odd, digits and Latin letters even and higher.
        assert_eq!(levels[0], 1);
        assert_eq!(levels[3], 2);
        assert_eq!(*levels.last().unwrap(), 2);
        let mut l = line(text, &levels);
        reorder_line(&mut l, &[]);
        assert_eq!(visual(&l), "Ali عم 2026 يف");
        assert_eq!(l.text(), text);
    }

    #[test]
    fn arabic_in_a_left_to_right_paragraph_keeps_its_place() {
        let text = "abc دهو";
        let (base, levels) = char_levels(text, Direction::Ltr).unwrap();
        assert_eq!(base, Direction::Ltr);
        let mut l = line(text, &levels);
        reorder_line(&mut l, &[]);
        assert_eq!(visual(&l), "abc وهد");
        assert_eq!(l.text(), text);
        // The ink stays where it was: only the order inside it changes.
        assert_eq!(l.span(), line(text, &levels).span());
    }
}

//! Kashida: justifying Arabic by lengthening the joins between letters.
//!
//! A justified line of Arabic has no hyphens to break long words and must
//! not be letter-spaced (a gap between joined letters breaks them apart),
//! so its only stretch is its word spaces. With six or seven spaces a line,
//! as a 14pt body gives on a leaflet's column, they open to over half an
//! em. Arabic typesetting lengthens words instead: the stroke that joins
//! two letters on the baseline is drawn longer with the kashida (tatweel,
//! U+0640), as the W3C's *Arabic & Persian Layout Requirements* (alreq)
//! describe.
//!
//! This is done once a line is set: its breaks and its width stay what the
//! line breaker chose, and of the white its word spaces took beyond
//! [`SPACE_KEEP_EM`] each, whole tatweel strokes go into the words. Each
//! word takes at most one kashida, at the join alreq ranks first:
//!
//! 1. after a letter of the Seen or Sad group (س ش ص ض), whose long
//!    baseline stroke is the classic place;
//! 2. before a final Teh Marbuta, Heh or Dal (ة ه د);
//! 3. before a final Alef, Tah, Lam, Kaf or Gaf;
//! 4. before a final Reh, Waw, Ain, Qaf or Feh;
//! 5. between two letters inside the word.
//!
//! Finals with a bowl below the baseline (Yeh, Noon, Beh, Hah, Meem) are
//! never lengthened into, nor is a word of two letters
//! ([`SHORTEST_LENGTHENED`]). A join is only used where the font draws it as
//! a plain baseline connection: both letters on their own glyphs with no
//! mark between them, and the word shaped with a tatweel there giving the
//! same glyphs as without (a font that changes a letter's form next to
//! the tatweel has a contextual join there, which a kashida would break;
//! in the bundled Noto Naskh only lam-alef does, but a layout may name
//! another Arabic font).
//! The words with the best joins get one stroke each, as far as the white
//! goes; what is left lengthens those further, up to [`MAX_KASHIDA_EM`];
//! what is left after that stays in the spaces.
//!
//! The tatweel glyphs belong to the letter before them in the text layer
//! (a continuation of its cluster), so copying the line gives the words
//! as written.

use unicode_joining_type::{get_joining_group, get_joining_type, JoiningGroup, JoiningType};

use crate::typeset::fonts::FaceId;
use crate::typeset::line::{Cluster, GlyphRun, Line, PlacedGlyph};
use crate::units::Length;

/// The most a word space keeps beyond its own width before kashidas take
/// the rest, in em. In a Naskh face spacing does most of the work and
/// elongation comes in where the spaces get too wide (so the W3C's
/// Arabic layout discussions describe it): spaces a little wider than
/// their natural 0.25–0.3 em read as even, and at this they stay under
/// about 0.4 em, where typometer and readers see no holes.
const SPACE_KEEP_EM: f64 = 0.1;

/// The longest kashida, in em: about three tatweel strokes. alreq warns
/// that very long extensions draw the eye; what a line needs beyond this
/// goes back into its spaces.
const MAX_KASHIDA_EM: f64 = 0.75;

/// The narrowest tatweel used, in em: Noto Naskh's is 0.21 em.
const MIN_STROKE_EM: f64 = 0.05;

/// A join where a kashida may go: after glyph `after` (an index into the
/// line's glyphs in order), ranked as in the module's list (1 best).
#[derive(Clone, Copy, Debug)]
struct Join {
    after: usize,
    rank: u8,
}

/// Where a tatweel may lengthen the join of `a` to `b` (in reading
/// order), and how good a place it is; `None` where it may not.
fn rank(a: char, b: char, b_final: bool) -> Option<u8> {
    use JoiningGroup as G;
    if get_joining_type(a) != JoiningType::DualJoining
        || !matches!(
            get_joining_type(b),
            JoiningType::DualJoining | JoiningType::RightJoining
        )
    {
        return None;
    }
    let (ga, gb) = (get_joining_group(a), get_joining_group(b));
    if ga == G::Lam && gb == G::Alef {
        // Lam-alef is one ligature.
        return None;
    }
    if matches!(ga, G::Seen | G::Sad) {
        return Some(1);
    }
    if !b_final {
        return Some(5);
    }
    match gb {
        G::TehMarbuta | G::TehMarbutaGoal | G::Heh | G::HehGoal | G::Dal => Some(2),
        G::Alef | G::Tah | G::Lam | G::Kaf | G::Gaf | G::SwashKaf => Some(3),
        G::Reh | G::Waw | G::Ain | G::Qaf | G::Feh => Some(4),
        _ => None,
    }
}

/// The letter a glyph stands for in the kashida rules: a one-character
/// cluster set right to left, drawn where the shaper put it (a glyph moved
/// off its pen position, a mark on its letter, is not a letter of the
/// join); `None` for anything else. The line breaker asks this of glyphs
/// as shaped and the justifier of glyphs as placed, so both count the same
/// joins.
pub fn letter(text: &Cluster, rtl: bool, in_place: bool) -> Option<char> {
    match *text {
        Cluster::Char(c) if rtl && in_place => Some(c),
        _ => None,
    }
}

/// Whether a word, given as the letters of its glyphs in logical order
/// (`None` for a glyph that is no single letter, or is moved off its
/// pen position), has a join a kashida may lengthen. The line breaker
/// counts such a word's space as stretching further (see
/// [`STRETCH_EM`]); whether the font draws the join plainly is only
/// checked when the line is set.
pub fn can_lengthen(letters: &[Option<char>]) -> bool {
    ranked_joins(letters).next().is_some()
}

/// The joins of a word (as for [`can_lengthen`]) where a kashida may go:
/// the index of the letter before each, and its rank. A word's final
/// letter is its last alphabetic one, punctuation after it aside.
fn ranked_joins(letters: &[Option<char>]) -> impl Iterator<Item = (usize, u8)> + '_ {
    let last = letters
        .iter()
        .rposition(|c| c.is_some_and(char::is_alphabetic));
    let count = letters
        .iter()
        .filter(|c| c.is_some_and(char::is_alphabetic))
        .count();
    let joined = if count >= SHORTEST_LENGTHENED {
        letters
    } else {
        &[]
    };
    joined
        .windows(2)
        .enumerate()
        .filter_map(move |(k, pair)| match *pair {
            [Some(a), Some(b)] => rank(a, b, Some(k + 1) == last).map(|r| (k, r)),
            _ => None,
        })
}

/// What a word that can take a kashida adds to the stretch of the space
/// after it at a glue ratio of 1, in em: one tatweel stroke (0.21 em in
/// Noto Naskh). With it the line breaker counts on the kashidas that
/// justify the line: a Persian paragraph on the A4 leaflet, which could
/// only stretch its six word spaces, ended on a word of three letters
/// alone.
pub const STRETCH_EM: f64 = 0.2;

/// The fewest letters a word has to be lengthened. A stroke inside a word
/// of two letters ("تـا", "بـه") outweighs the word itself: it reads as a
/// dash, not as the word's own join drawn out, and the proof of the
/// Persian leaflet showed them. Longer words carry the stroke as part of
/// their shape.
const SHORTEST_LENGTHENED: usize = 3;

/// The font's tatweel: its glyph and advance at the line's size.
#[derive(Clone, Copy, Debug)]
pub struct Stroke {
    pub gid: u16,
    pub advance: Length,
}

/// Moves the white a justified line's word spaces took beyond
/// [`SPACE_KEEP_EM`] into kashidas (see the module's doc). `line` is in
/// logical order, before bidi reordering, with `offsets` its glyphs' mark
/// offsets; `size` its type size. `stroke` gives a face's tatweel, and
/// `plain_join` says whether a word (its text, and the byte offset of the
/// join) shapes the same with a tatweel inserted there.
pub fn justify(
    line: &mut Line,
    offsets: &mut Vec<Length>,
    size: Length,
    mut stroke: impl FnMut(FaceId) -> Option<Stroke>,
    mut plain_join: impl FnMut(FaceId, &str, usize) -> bool,
) {
    let flat: Vec<(usize, usize)> = line
        .runs
        .iter()
        .enumerate()
        .flat_map(|(r, run)| (0..run.glyphs.len()).map(move |i| (r, i)))
        .collect();
    let glyph = |k: usize| glyph_at(line, &flat, k);
    let slot = |k: usize| glyph(k + 1).x - glyph(k).x;
    // Word spaces and the white each took beyond its own width.
    let spaces: Vec<(usize, Length)> = (0..flat.len().saturating_sub(1))
        .filter(|&k| glyph(k).text.is_space())
        .map(|k| (k, slot(k) - Length::pt(f64::from(glyph(k).advance))))
        .collect();
    let keep = size * SPACE_KEEP_EM;
    let budget: Length = spaces
        .iter()
        .map(|&(_, extra)| (extra - keep).max(Length::ZERO))
        .sum();
    if budget <= Length::ZERO {
        return;
    }
    // The best join of each word that the font draws plainly.
    let mut joins = Vec::new();
    let mut start = 0;
    for end in spaces.iter().map(|&(k, _)| k).chain([flat.len()]) {
        let word = start..end;
        start = end + 1;
        let mut candidates = word_joins(line, &flat, offsets, word.clone());
        if candidates.is_empty() {
            // No text to build for a word with no join (a Hebrew line's).
            continue;
        }
        candidates.sort_by_key(|j| (j.rank, std::cmp::Reverse(j.after)));
        let (text, ends) = word_text(line, &flat, word.clone());
        if let Some(join) = candidates.into_iter().take(3).find(|j| {
            let face = line.runs[flat[j.after].0].face;
            plain_join(face, &text, ends[j.after - word.start])
        }) {
            joins.push(join);
        }
    }
    joins.sort_by_key(|j| (j.rank, j.after));
    // One stroke each as far as the white goes, then longer ones.
    let mut widths: Vec<(Join, Stroke, Length)> = Vec::new();
    let mut left = budget;
    for join in joins {
        let Some(s) = stroke(line.runs[flat[join.after].0].face) else {
            continue;
        };
        // A font whose tatweel is a sliver has no stroke to draw (filling
        // three quarters of an em with it would take hundreds of glyphs),
        // and one whose tatweel is empty says it takes no kashidas, as MS
        // Word reads it.
        if s.advance < size * MIN_STROKE_EM || s.advance > left {
            continue;
        }
        left -= s.advance;
        widths.push((join, s, s.advance));
    }
    if widths.is_empty() {
        return;
    }
    let longest = size * MAX_KASHIDA_EM;
    let room: Length = widths.iter().map(|(_, _, w)| longest - *w).sum();
    if room > Length::ZERO {
        let share = (left / room).min(1.0);
        for (_, _, w) in &mut widths {
            let more = (longest - *w) * share;
            *w += more;
            left -= more;
        }
    }
    let used = budget - left;
    // Each space gives up its share of what the kashidas took.
    let mut add = vec![Length::ZERO; flat.len()];
    for &(k, extra) in &spaces {
        let over = (extra - keep).max(Length::ZERO);
        add[k] = -(used * (over / budget));
    }
    let mut strokes: Vec<Option<(Stroke, Length)>> = vec![None; flat.len()];
    for (join, s, w) in widths {
        add[join.after] = w;
        strokes[join.after] = Some((s, w));
    }
    rebuild(line, offsets, &flat, &add, &strokes);
}

/// The joins of the word at glyphs `word` where a kashida may go.
fn word_joins(
    line: &Line,
    flat: &[(usize, usize)],
    offsets: &[Length],
    word: std::ops::Range<usize>,
) -> Vec<Join> {
    let glyph = |k: usize| glyph_at(line, flat, k);
    // Letters set right to left where the shaper put them, as the line
    // breaker counted them (`can_lengthen`).
    let letters: Vec<Option<char>> = word
        .clone()
        .map(|k| {
            let g = glyph(k);
            letter(&g.text, g.is_rtl(), offsets.get(k) == Some(&Length::ZERO))
        })
        .collect();
    ranked_joins(&letters)
        .map(|(i, rank)| Join {
            after: word.start + i,
            rank,
        })
        .filter(|j| {
            // Drawn as a plain join: both glyphs on the baseline, the
            // second where the first's advance ends.
            let (k, (a, b)) = (j.after, (glyph(j.after), glyph(j.after + 1)));
            let same_run = flat[k].0 == flat[k + 1].0 && line.runs[flat[k].0].rise == Length::ZERO;
            let adjacent = (b.x - a.x - Length::pt(f64::from(a.advance))).abs() < Length::pt(0.01);
            same_run && adjacent
        })
        .collect()
}

/// Glyph `k` of the line's glyphs in order (`flat` maps it to its run).
fn glyph_at<'a>(line: &'a Line, flat: &[(usize, usize)], k: usize) -> &'a PlacedGlyph {
    &line.runs[flat[k].0].glyphs[flat[k].1]
}

/// The text of the word at glyphs `word`, and after each of its glyphs
/// the byte offset in it where that glyph's text ends.
fn word_text(
    line: &Line,
    flat: &[(usize, usize)],
    word: std::ops::Range<usize>,
) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut ends = Vec::with_capacity(word.len());
    for k in word {
        if let Some(t) = glyph_at(line, flat, k).text.text() {
            text.push_str(&t);
        }
        ends.push(text.len());
    }
    (text, ends)
}

/// The line again with `add[k]` more room after glyph `k` (less after a
/// space that gave some up) and tatweel strokes filling the room after
/// each glyph `strokes` names.
fn rebuild(
    line: &mut Line,
    offsets: &mut Vec<Length>,
    flat: &[(usize, usize)],
    add: &[Length],
    strokes: &[Option<(Stroke, Length)>],
) {
    let mut runs: Vec<GlyphRun> = line.runs.iter().map(GlyphRun::styled_like).collect();
    let mut moved = Vec::with_capacity(offsets.len() + 8);
    let mut delta = Length::ZERO;
    for (k, &(r, i)) in flat.iter().enumerate() {
        let mut g = line.runs[r].glyphs[i].clone();
        g.x += delta;
        let end = g.x + Length::pt(f64::from(g.advance));
        let level = g.level;
        runs[r].glyphs.push(g);
        moved.push(offsets.get(k).copied().unwrap_or(Length::ZERO));
        if let Some((s, width)) = strokes[k] {
            for x in stroke_positions(end, s.advance, width) {
                runs[r].glyphs.push(PlacedGlyph {
                    x,
                    gid: s.gid,
                    text: Cluster::Continued,
                    level,
                    advance: s.advance.to_pt() as f32,
                });
                moved.push(Length::ZERO);
            }
        }
        delta += add[k];
    }
    line.runs = runs;
    *offsets = moved;
}

/// Where the tatweel strokes that fill `width` from `start` go, in the
/// line's logical order, overlapping as they must (a stroke is a plain
/// bar on the baseline, so overlaps do not show). Bidi reordering lays a
/// right-to-left line out again from the room each glyph takes up to the
/// next (its slot), in reverse: so the first stroke's slot is a whole
/// stroke and the others' an equal step, which puts the first rightmost,
/// against the letter before the join, and every stroke inside the room.
fn stroke_positions(start: Length, advance: Length, width: Length) -> Vec<Length> {
    let n = (width / advance).ceil().max(1.0) as usize;
    if n == 1 {
        return vec![start];
    }
    let step = (width - advance) / (n - 1) as f64;
    (0..n)
        .map(|m| match m {
            0 => start,
            m => start + advance + step * (m - 1) as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_rank_as_alreq_lists_them() {
        // After seen, anywhere in the word.
        assert_eq!(rank('س', 'ل', false), Some(1));
        // Before a final teh marbuta, alef, reh.
        assert_eq!(rank('م', 'ة', true), Some(2));
        assert_eq!(rank('ت', 'ا', true), Some(3));
        assert_eq!(rank('ك', 'ر', true), Some(4));
        // A join inside the word.
        assert_eq!(rank('ب', 'ي', false), Some(5));
        // Never into a final with a bowl, after a letter that does not
        // join forward, or inside lam-alef.
        assert_eq!(rank('ب', 'ي', true), None);
        assert_eq!(rank('ر', 'ب', false), None);
        assert_eq!(rank('ل', 'ا', true), None);
    }

    #[test]
    fn a_word_can_lengthen_where_two_of_its_letters_join() {
        let word = |w: &str| w.chars().map(Some).collect::<Vec<_>>();
        assert!(can_lengthen(&word("شركة")));
        assert!(can_lengthen(&word("كتاب")));
        // Nothing joins forward in "ورد"; "في" ends in a bowl.
        assert!(!can_lengthen(&word("ورد")));
        assert!(!can_lengthen(&word("في")));
        // Punctuation after the word leaves its last letter final: the
        // line breaker once counted "في،" as able to take a kashida.
        assert!(!can_lengthen(&word("في،")));
        // A glyph that is no single letter breaks the pair.
        assert!(!can_lengthen(&[Some('س'), None, Some('ا'), Some('ر')]));
        // A word of two letters is never lengthened, even at a join that
        // ranks first; three letters are enough.
        assert!(!can_lengthen(&word("تا")));
        assert!(!can_lengthen(&word("سر")));
        assert!(can_lengthen(&word("سرد")));
    }

    #[test]
    fn strokes_fill_their_room_and_stay_inside_it() {
        let (start, advance) = (Length::pt(100.0), Length::pt(3.0));
        let width = Length::pt(7.0);
        let at = stroke_positions(start, advance, width);
        assert_eq!(at.len(), 3);
        // Slots up to the next glyph, at start + width: a stroke, then steps.
        let mut slots: Vec<Length> = at.windows(2).map(|w| w[1] - w[0]).collect();
        slots.push(start + width - at[2]);
        assert_eq!(slots[0], advance);
        assert!((slots.iter().copied().sum::<Length>() - width).abs() < Length::pt(1e-9));
        // Laid out in reverse from 0, every stroke's ink ends inside the room.
        for m in 0..at.len() {
            let x: Length = slots[m + 1..].iter().copied().sum();
            assert!(
                x + advance <= width + Length::pt(1e-9),
                "stroke {m} at {x:?}"
            );
        }
        assert_eq!(stroke_positions(start, advance, advance), vec![start]);
    }
}

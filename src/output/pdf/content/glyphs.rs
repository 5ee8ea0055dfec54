//! Glyphs shown where the layout put them: the text state, the spacing
//! numbers of a run, and the /ActualText spans that make a cluster copy as
//! its text.

use super::{num, round_to};
use crate::output::pdf::font::FontUse;
use crate::style::Color;
use crate::typeset::fonts::FaceId;
use crate::typeset::line::{Cluster, PlacedGlyph};
use crate::units::Length;

/// The text state the stream is in, so that unchanged settings are not
/// written again.
#[derive(Default)]
pub(super) struct TextState {
    pub(super) font: Option<(FaceId, Length)>,
    pub(super) color: Option<Color>,
    pub(super) char_spacing: f32,
    /// The horizontal scaling (`Tz`) in force, in percent as written,
    /// once one is set (a page starts at 100).
    pub(super) percent: Option<f32>,
}

/// Shows glyphs of one run where the layout put them.
///
/// A viewer advances each glyph by its /W width plus the character spacing
/// (Tc); the TJ numbers correct the rest (kerning, word spaces, justifying).
/// Justified lines spread letters evenly, so the run's most common gap is
/// set once as Tc, and only the other glyphs need a number.
///
/// `hyphen` is the index of the hyphen the line break added, if it is
/// among `glyphs`: it is drawn, but carries the text of a soft hyphen
/// (U+00AD) as /ActualText. ISO 32000 asks for exactly that, so that
/// whoever takes the text out (copying, a screen reader, text extraction
/// that follows the standard) can tell it from a hyphen of the text
/// ("well-known") and put the word back together. An artifact would
/// hide it from the structure tree too, but then nothing would say the
/// word goes on: an extractor would see two words.
pub(super) fn show_glyphs(
    out: &mut Vec<u8>,
    glyphs: &[PlacedGlyph],
    size: Length,
    font: &FontUse,
    state: &mut TextState,
    extra: &mut Vec<f32>,
    hyphen: Option<usize>,
) {
    let size = size.to_pt() as f32;
    // The glyphs' width on the page: `Tz` widens their advances, and the
    // numbers that move the pen, by the line's scale.
    let wide = size * state.percent.unwrap_or(100.0) / 100.0;
    // Extra advance after each glyph beyond its /W width, in thousandths of an em.
    extra.clear();
    extra.extend(
        glyphs
            .windows(2)
            .map(|w| ((w[1].x - w[0].x).to_pt() as f32 / wide * 1000.0) - font.width(w[0].gid)),
    );
    // Where /ActualText spans part the glyphs into several TJ arrays, no
    // Tc: pdfminer (which typometer and many text tools read PDFs with)
    // leaves out the character spacing after each array's last glyph, and
    // would push the rest of the line along by it at every span, out of
    // its column. TJ numbers then place each glyph, read the same by all.
    let spanned = hyphen.is_some()
        || clusters(glyphs).any(|(k, end)| needs_span(glyphs, (k, end), font, wide));
    let spacing = if spanned { 0.0 } else { most_common(extra) };
    let char_spacing = round_to(spacing * size / 1000.0, 10_000.0);
    if char_spacing != state.char_spacing {
        num(out, f64::from(char_spacing));
        out.extend_from_slice(b" Tc\n");
        state.char_spacing = char_spacing;
    }
    // What Tc really adds, in thousandths of an em.
    let spacing = char_spacing / size * 1000.0;

    // Whether a TJ array (and a hex string in it) is open.
    let mut open = false;
    let mut k = 0;
    while k < glyphs.len() {
        let end = cluster_end(glyphs, k);
        let soft = hyphen == Some(k);
        let actual = soft || needs_span(glyphs, (k, end), font, wide);
        // A spanned cluster of a left-to-right word takes the rest of its
        // word into its span (see [`word_rest`]).
        let end = if actual && !soft && !glyphs[k].is_rtl() {
            word_rest(glyphs, end, hyphen)
        } else {
            end
        };
        if actual {
            // Marked content cannot sit inside a TJ array: the array is
            // closed and reopened around the cluster. The pen moves on
            // across arrays, so the glyphs stay where they were.
            if open {
                out.extend_from_slice(b">] TJ\n");
                open = false;
            }
            out.extend_from_slice(b"/Span <</ActualText ");
            if soft {
                out.extend_from_slice(SOFT_HYPHEN);
            } else {
                out.extend_from_slice(b"<FEFF");
                for g in &glyphs[k..end] {
                    actual_text(out, g);
                }
                out.push(b'>');
            }
            out.extend_from_slice(b">> BDC\n");
        }
        for (j, g) in glyphs.iter().enumerate().take(end).skip(k) {
            if !open {
                out.extend_from_slice(b"[<");
                open = true;
            }
            push_hex(out, font.cid(g.gid));
            let Some(&e) = extra.get(j) else { continue };
            // TJ numbers move the pen back (positive) or on (negative).
            let adjust = round_to(spacing - e, 100.0);
            if adjust != 0.0 {
                out.extend_from_slice(b"> ");
                num(out, f64::from(adjust));
                out.extend_from_slice(b" <");
            }
        }
        if actual {
            out.extend_from_slice(b">] TJ\nEMC\n");
            open = false;
        }
        k = end;
    }
    if open {
        out.extend_from_slice(b">] TJ\n");
    }
}

/// Where the cluster starting at glyph `k` ends: after it and the glyphs
/// continuing it.
fn cluster_end(glyphs: &[PlacedGlyph], k: usize) -> usize {
    k + 1
        + glyphs[k + 1..]
            .iter()
            .take_while(|g| g.text == Cluster::Continued)
            .count()
}

/// Each cluster's start and end among `glyphs`.
fn clusters(glyphs: &[PlacedGlyph]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut k = 0;
    std::iter::from_fn(move || {
        (k < glyphs.len()).then(|| {
            let start = k;
            k = cluster_end(glyphs, k);
            (start, k)
        })
    })
}

/// U+00AD SOFT HYPHEN as a PDF text string: what a hyphen added at a
/// line break stands for.
const SOFT_HYPHEN: &[u8] = b"<FEFF00AD>";

/// Writes a 16-bit value (a CID, a UTF-16 unit) as four hex digits.
fn push_hex(out: &mut Vec<u8>, value: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.to_be_bytes() {
        out.push(HEX[usize::from(byte >> 4)]);
        out.push(HEX[usize::from(byte & 15)]);
    }
}

/// Whether a cluster carries its text as /ActualText, which viewers and
/// text extraction use instead of the glyphs' ToUnicode entries.
///
/// A cluster of one glyph does when the glyph's entry is other text (see
/// [`crate::output::pdf::glyph_text`]): a "1" that here begins a keycap, a "B" followed
/// by a variation selector.
///
/// A cluster of several glyphs always does, even where its glyphs' entries
/// spell its text (Devanagari टं, ट and the anusvara above it): poppler
/// places each glyph's text by the glyph's box, from its origin its /W
/// width wide, and a mark or vowel sign drawn back over its letter ends
/// its box early or starts it late. The jump reads as a word space, "टं
/// की" for टंकी. In a span the text takes the span's extent, which is
/// where the cluster is. (Vowel signs drawn before their letter, Bengali
/// কে, would need the span anyway: their entries spell "েক".)
///
/// Glyphs drawn apart from the start of their cluster (a mark raised or
/// lowered is shown by a text matrix of its own) copy as nothing: where
/// their entries are text, an empty span says so.
fn needs_actual_text(cluster: &[PlacedGlyph], font: &FontUse) -> bool {
    match cluster {
        [] => false,
        // A table's tab is its space glyph, copied as a space.
        [only] if only.text.is_tab() => *font.unicode(only.gid) != Cluster::Char(' '),
        [only] => *font.unicode(only.gid) != only.text,
        [_, _, ..] => true,
    }
}

/// Whether the cluster `k..end` of `glyphs` (set at `size` points) is
/// drawn inside an /ActualText span: its glyphs' text would not copy as
/// its own ([`needs_actual_text`]), or its box as a reader computes it
/// (from its origin, its /W width wide) reaches into the next cluster by
/// more than [`OVERLAP_EM`]. poppler ends a word where the next glyph
/// starts that far back, and reads the rest of the line as a word of its
/// own, even on a line of its own: a Chinese comma after a closing
/// bracket set half-width ("」，", see `typeset::punctuation`) came out
/// at the start of the next line. In a span, the text takes the span's
/// extent, which is where the glyphs are.
fn needs_span(glyphs: &[PlacedGlyph], (k, end): (usize, usize), font: &FontUse, size: f32) -> bool {
    if needs_actual_text(&glyphs[k..end], font) {
        return true;
    }
    let (Some(last), Some(next)) = (glyphs.get(end - 1), glyphs.get(end)) else {
        return false;
    };
    let reach = (last.x - next.x).to_pt() as f32 + font.width(last.gid) / 1000.0 * size;
    reach > OVERLAP_EM * size
}

/// How far a glyph's box may reach into the next cluster's before text
/// extraction takes them for two words, in em: kerning (a tenth of an em
/// at most in text faces) stays below it, a half-width mark's lost half
/// is far above.
const OVERLAP_EM: f32 = 0.25;

/// Where the span of a cluster that ends at `end` should end: at the end
/// of its word (before the next space, or the added hyphen, or the end of
/// the glyphs).
///
/// Extraction (poppler's) gives a span the extent from its first glyph's
/// origin to the end of its last glyph's advance. A cluster ending in a
/// vowel sign drawn back under its letter (Devanagari कु, Bengali নতু)
/// so ends a fifth of an em before the letter does, and the gap to the
/// next letter reads as a space: "स्कू ल". Spanning to the word's end
/// leaves the early end where a space stands anyway.
fn word_rest(glyphs: &[PlacedGlyph], end: usize, hyphen: Option<usize>) -> usize {
    let stop = hyphen.filter(|&h| h >= end).unwrap_or(glyphs.len());
    end + glyphs[end..stop]
        .iter()
        .take_while(|g| !g.text.is_space() && !g.is_rtl())
        .count()
}

/// Writes a glyph's text (nothing for a continuing glyph) as UTF-16BE hex
/// digits, for an /ActualText string.
fn actual_text(out: &mut Vec<u8>, glyph: &PlacedGlyph) {
    let mut units = [0u16; 2];
    for c in glyph.text.text().unwrap_or_default().chars() {
        for &mut unit in c.encode_utf16(&mut units) {
            push_hex(out, unit);
        }
    }
}

/// The most common value (to a hundredth), or 0 for none.
fn most_common(values: &[f32]) -> f32 {
    let mut keys: Vec<i32> = values.iter().map(|v| (v * 100.0).round() as i32).collect();
    keys.sort_unstable();
    let mut best = (0usize, 0i32);
    let mut i = 0;
    while i < keys.len() {
        let j = keys[i..].partition_point(|&k| k == keys[i]) + i;
        if j - i > best.0 {
            best = (j - i, keys[i]);
        }
        i = j;
    }
    // On a line of text the letter gaps outnumber the word spaces; should
    // they not, the result is only longer, never wrong.
    best.1 as f32 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_gap_is_the_most_common_one() {
        // Five letter gaps of 1.5, two word spaces of 80, one kern.
        let gaps = [1.5, 1.5, 80.0, 1.5, -20.0, 1.5, 80.0, 1.5];
        assert_eq!(most_common(&gaps), 1.5);
        assert_eq!(most_common(&[]), 0.0);
    }
}

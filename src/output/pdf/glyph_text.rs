//! Which characters each glyph of a cluster stands for, for the font's
//! ToUnicode map.
//!
//! Shaping gives a cluster's text to the cluster as a whole: Bengali কা
//! (ka and the vowel sign aa) is two glyphs, কে (ka, vowel sign e) two
//! glyphs drawn in the other order, ক্ষ one glyph for three characters.
//! A ToUnicode map can only give each glyph one text, the same wherever
//! it stands. So the content stream carries the text of every cluster of
//! several glyphs, and of any glyph whose entry is other text, as
//! /ActualText (see `content`), which poppler and Acrobat read.
//!
//! Many readers never look at /ActualText: MuPDF's text extraction,
//! pdfminer (and with it much of the text mining done on PDFs), PDF.js's
//! text layer, which Firefox copies from. They see only the map. So the
//! map should be as right as one text per glyph allows, and the way to
//! that is the font's own `cmap`: a glyph that is the font's glyph for a
//! character of its cluster (কা's া) stands for that character. Whatever
//! characters no such glyph takes go to the cluster's first other glyph
//! (the conjunct ক্ষ, a ligature, a contextual Arabic form), and its
//! further glyphs stand for nothing. কা then copies as কা by the map
//! alone; কে as "েক", the two letters in the order they are drawn, the
//! best a map can do.

use unicode_normalization::char::decompose_canonical;

use crate::typeset::fonts::Face;
use crate::typeset::line::{Cluster, PlacedGlyph};

/// What a glyph stands for in one cluster, as a candidate for its
/// ToUnicode entry.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct GlyphText {
    /// The characters (or [`Cluster::Continued`] for none).
    pub(super) text: Cluster,
    /// Whether the glyph is the font's own glyph for them (by its `cmap`):
    /// then the entry is true wherever the glyph stands.
    pub(super) nominal: bool,
}

impl GlyphText {
    /// Whether `self` makes a better ToUnicode entry than `old`: the
    /// font's own character beats anything; then any text beats none, and
    /// a shorter one a longer one. A glyph met as "1" and as the start of
    /// the keycap "1 U+FE0F U+20E3" is copied as "1"; the keycap's
    /// occurrences then carry their own text as /ActualText (see
    /// `content::show_glyphs`), so every occurrence comes out right.
    pub(super) fn better_than(&self, old: &GlyphText) -> bool {
        if self.nominal != old.nominal {
            return self.nominal;
        }
        match (&self.text, &old.text) {
            (Cluster::Continued, _) => false,
            (_, Cluster::Continued) => true,
            (Cluster::Char(_), Cluster::Text(_)) => true,
            (Cluster::Text(n), Cluster::Text(o)) => n.chars().count() < o.chars().count(),
            (_, Cluster::Char(_)) => false,
        }
    }
}

/// What each glyph of `cluster` (a cluster's glyphs in drawing order, the
/// first carrying the cluster's text) stands for, in `face`; calls `each`
/// with every glyph and its text.
pub(super) fn glyph_texts(
    face: &Face,
    cluster: &[&PlacedGlyph],
    mut each: impl FnMut(u16, GlyphText),
) {
    // The common case, without allocating: one glyph for one character.
    if let [glyph] = cluster {
        if let Cluster::Char(c) = glyph.text {
            // The white between a table's cells is the space glyph, and
            // copies as a space.
            let c = if glyph.text.is_tab() { ' ' } else { c };
            let nominal = face.glyph(c) == Some(glyph.gid);
            return each(
                glyph.gid,
                GlyphText {
                    text: Cluster::Char(c),
                    nominal,
                },
            );
        }
    }
    let Some(text) = cluster.first().and_then(|g| g.text.text()) else {
        // Glyphs before any text (none are made so) stand for nothing.
        for g in cluster {
            each(
                g.gid,
                GlyphText {
                    text: Cluster::Continued,
                    nominal: false,
                },
            );
        }
        return;
    };
    // Each glyph that is the font's own for a character takes one such
    // character not yet taken. (A lone glyph may be the font's own for
    // one of several characters whose others draw nothing: "B U+FE00"
    // with the selector dropped.) The parts of a character count too:
    // Bengali ৌ is drawn as ে before its letter and ৗ after it, each the
    // font's own glyph for its part.
    let chars: Vec<char> = text.chars().collect();
    let mut parts: Vec<(char, usize)> = Vec::with_capacity(chars.len());
    for (k, &c) in chars.iter().enumerate() {
        decompose_canonical(c, |part| parts.push((part, k)));
    }
    let mut taken = vec![false; parts.len()];
    let mut take = |g: &PlacedGlyph| -> Option<char> {
        let whole = chars.iter().enumerate().find(|&(k, &c)| {
            face.glyph(c) == Some(g.gid) && parts.iter().zip(&taken).all(|(p, &t)| p.1 != k || !t)
        });
        if let Some((k, &c)) = whole {
            for (p, t) in parts.iter().zip(taken.iter_mut()) {
                *t |= p.1 == k;
            }
            return Some(c);
        }
        let k = (0..parts.len()).find(|&k| !taken[k] && face.glyph(parts[k].0) == Some(g.gid))?;
        taken[k] = true;
        Some(parts[k].0)
    };
    let own: Vec<Option<char>> = cluster.iter().map(|g| take(g)).collect();
    // What no glyph of its own took: a character whole where none of it
    // was taken (the ligature لأ keeps its hamza on the alef), or else
    // its parts left over.
    let mut rest = String::new();
    for (k, &c) in chars.iter().enumerate() {
        let mine = || parts.iter().zip(&taken).filter(move |(p, _)| p.1 == k);
        if mine().all(|(_, &t)| !t) {
            rest.push(c);
        } else {
            rest.extend(mine().filter(|(_, &t)| !t).map(|(p, _)| p.0));
        }
    }
    let mut rest = (!rest.is_empty()).then_some(rest);
    for (g, own) in cluster.iter().zip(own) {
        let text = match own {
            Some(c) => GlyphText {
                text: Cluster::Char(c),
                nominal: true,
            },
            None => GlyphText {
                text: Cluster::new(rest.take().as_deref()),
                nominal: false,
            },
        };
        each(g.gid, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::document::Style;
    use crate::style::FontRef;
    use crate::typeset::fonts::FontBook;
    use crate::units::Length;

    /// A cluster of `glyphs` standing for `text`, as shaping makes it.
    fn cluster(text: &str, glyphs: &[u16]) -> Vec<PlacedGlyph> {
        glyphs
            .iter()
            .enumerate()
            .map(|(k, &gid)| PlacedGlyph {
                x: Length::ZERO,
                gid,
                text: Cluster::new((k == 0).then_some(text)),
                level: 0,
                advance: 0.0,
            })
            .collect()
    }

    /// What each glyph of `glyphs` stands for, as (text, nominal).
    fn texts(face: &Face, text: &str, glyphs: &[u16]) -> Vec<(Option<String>, bool)> {
        let cluster = cluster(text, glyphs);
        let refs: Vec<&PlacedGlyph> = cluster.iter().collect();
        let mut out = Vec::new();
        glyph_texts(face, &refs, |_, t| {
            out.push((t.text.text().map(|s| s.into_owned()), t.nominal))
        });
        out
    }

    fn with_face(family: &str, test: impl FnOnce(&Face)) {
        let mut book = FontBook::new();
        let (id, _) = book
            .resolve_fallback(&FontRef::Family(family.into()), Style::default(), "test")
            .unwrap();
        test(book.face(id));
    }

    fn own(face: &Face, c: char) -> u16 {
        face.glyph(c).unwrap()
    }

    fn t(s: &str, nominal: bool) -> (Option<String>, bool) {
        (Some(s.to_string()), nominal)
    }

    #[test]
    fn each_glyph_of_a_cluster_stands_for_its_own_character() {
        with_face("Noto Sans Devanagari", |f| {
            // पा: the letter and the vowel sign after it.
            let got = texts(f, "पा", &[own(f, 'प'), own(f, 'ा')]);
            assert_eq!(got, [t("प", true), t("ा", true)]);
            // कि: the vowel sign is drawn before its letter.
            let got = texts(f, "कि", &[own(f, 'ि'), own(f, 'क')]);
            assert_eq!(got, [t("ि", true), t("क", true)]);
        });
    }

    #[test]
    fn a_conjunct_takes_what_no_glyph_of_its_own_took() {
        with_face("Noto Sans Devanagari", |f| {
            // क्षा as a conjunct glyph (any glyph not the font's own for
            // क, ् or ष stands in for it) and the vowel sign.
            let conjunct = own(f, 'ज');
            let got = texts(f, "क्षा", &[conjunct, own(f, 'ा')]);
            assert_eq!(got, [t("क्ष", false), t("ा", true)]);
            // A second glyph of the conjunct stands for nothing.
            let got = texts(f, "क्ष", &[conjunct, own(f, 'ज')]);
            assert_eq!(got, [t("क्ष", false), (None, false)]);
        });
    }

    #[test]
    fn the_parts_of_a_two_part_vowel_are_each_their_glyph_s() {
        with_face("Noto Sans Bengali", |f| {
            // নৌ (U+09CC) is drawn as ে, ন, ৗ.
            let got = texts(f, "নৌ", &[own(f, 'ে'), own(f, 'ন'), own(f, 'ৗ')]);
            assert_eq!(got, [t("ে", true), t("ন", true), t("ৗ", true)]);
        });
    }

    #[test]
    fn a_glyph_for_a_whole_character_keeps_it_composed() {
        with_face("Noto Sans Arabic", |f| {
            // The ligature لأ (any glyph not the font's own for its
            // letters stands in for it) keeps أ as one character.
            let ligature = own(f, 'ب');
            let got = texts(f, "لأ", &[ligature]);
            assert_eq!(got, [t("لأ", false)]);
        });
    }

    #[test]
    fn the_font_s_own_character_makes_the_best_entry() {
        let entry = |text: Cluster, nominal| GlyphText { text, nominal };
        let own = entry(Cluster::Char('ा'), true);
        let shorter = entry(Cluster::Char('x'), false);
        let longer = entry(Cluster::new(Some("पा")), false);
        let none = entry(Cluster::Continued, false);
        assert!(own.better_than(&shorter) && own.better_than(&longer));
        assert!(!shorter.better_than(&own));
        assert!(shorter.better_than(&longer) && !longer.better_than(&shorter));
        assert!(longer.better_than(&none) && !none.better_than(&longer));
        // A lone glyph with a dropped selector is the font's own letter.
        with_face("Noto Sans", |f| {
            let got = texts(f, "B\u{FE00}", &[super::tests::own(f, 'B')]);
            assert_eq!(got, [t("B", true)]);
        });
    }
}

//! Shaping: text in one face becomes glyphs with advances (kerning,
//! ligatures and language forms applied by rustybuzz, an OpenType shaper).
//!
//! Glyphs are returned in logical order, the order of the text, even for a
//! run shaped right to left (which the shaper gives in visual order): the
//! line breaker cuts words in that order, and set lines are put in visual
//! order afterwards (see [`crate::typeset::bidi`]).
//!
//! Words are shaped one at a time and cached, since statements repeat words
//! and a fitting search (trying several sizes) reshapes nothing: advances are
//! kept in em and scaled later.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::typeset::fonts::{FaceId, FontBook};
use crate::typeset::punctuation;

/// One shaped glyph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id in the face (0 = the font lacks the character).
    pub gid: u16,
    /// Byte offset, in the shaped text, of the cluster this glyph belongs
    /// to; see [`ShapedGlyph::cluster`]. A `u32` (the shaper's own width)
    /// leaves room for the offsets below in 24 bytes.
    cluster: u32,
    /// Horizontal advance in em.
    pub advance_em: f64,
    /// How far the glyph is drawn right of its pen position, in em: a mark
    /// (an Arabic vowel sign, the Devanagari vocalic r) placed on its
    /// letter. `f32`s fit beside `gid`, keeping a glyph at 24 bytes: the
    /// cache of shaped words is the typesetter's largest store after the
    /// set lines.
    pub x_offset_em: f32,
    /// How far it is drawn above the baseline, in em: a mark moved up or
    /// down to clear its letter (a shadda over a fatha, a Thai tone mark
    /// over a vowel sign).
    pub y_offset_em: f32,
}

impl ShapedGlyph {
    /// Byte offset, in the shaped text, of the cluster this glyph belongs to.
    pub fn cluster(&self) -> usize {
        self.cluster as usize
    }
}

/// Most bytes of text whose shaping is remembered: a cached byte costs
/// about 20 (its glyphs, key and table slot), so the cache stays near
/// 3 MB on any statement; a statement's common words come early, and the
/// word memo in front of it (`paragraph::memo`) sets them without asking.
/// (256,000 bytes cost the 1 MB statement of `tests/limits.rs` several MB
/// of peak memory and bought no speed on it.)
const CACHE_MAX_BYTES: usize = 160_000;

/// Longest text remembered, in bytes: words repeat, long strings do not.
const CACHE_MAX_WORD: usize = 64;

/// Shapes words, caching plans and results.
pub struct Shaper {
    language: Option<rustybuzz::Language>,
    plans: HashMap<(FaceId, rustybuzz::Script, bool), rustybuzz::ShapePlan>,
    /// Shaped words by face and direction (indexed by `FaceId` twice, the
    /// right-to-left one second), then by text: looked up
    /// by `&str` without building a key.
    words: Vec<FxHashMap<Box<str>, Arc<[ShapedGlyph]>>>,
    /// Bytes of the texts in `words`, in all.
    cached_bytes: usize,
    /// The last shaping's buffer, cleared: reusing it saves rustybuzz an
    /// allocation per word.
    spare: Option<rustybuzz::UnicodeBuffer>,
}

impl Shaper {
    /// A shaper for text in the language `lang_tag` (BCP 47), which selects
    /// localised glyph forms (e.g. Serbian Cyrillic italics).
    pub fn new(lang_tag: &str) -> Shaper {
        Shaper {
            language: rustybuzz::Language::from_str(lang_tag).ok(),
            plans: HashMap::new(),
            words: Vec::new(),
            cached_bytes: 0,
            spare: None,
        }
    }

    /// Shapes `text` (one word or a short run without line breaks) in
    /// `face`, in the direction its script has.
    pub fn shape(&mut self, fonts: &FontBook, face: FaceId, text: &str) -> Arc<[ShapedGlyph]> {
        self.shape_in(fonts, face, text, false)
    }

    /// Shapes `text` in `face`; `rtl` for a run the bidi algorithm puts at
    /// an odd level, which is shaped right to left whatever its script
    /// (brackets between Arabic words take their mirrored forms). Glyphs
    /// come in logical order either way.
    pub fn shape_in(
        &mut self,
        fonts: &FontBook,
        face: FaceId,
        text: &str,
        rtl: bool,
    ) -> Arc<[ShapedGlyph]> {
        let slot = 2 * face.0 as usize + usize::from(rtl);
        if let Some(g) = self.words.get(slot).and_then(|w| w.get(text)) {
            return g.clone();
        }
        let glyphs: Arc<[ShapedGlyph]> = self.shape_uncached(fonts, face, text, rtl).into();
        if text.len() > CACHE_MAX_WORD || self.cached_bytes + text.len() > CACHE_MAX_BYTES {
            return glyphs;
        }
        self.cached_bytes += text.len();
        if self.words.len() <= slot {
            self.words.resize_with(slot + 1, Default::default);
        }
        self.words[slot].insert(text.into(), glyphs.clone());
        glyphs
    }

    fn shape_uncached(
        &mut self,
        fonts: &FontBook,
        face_id: FaceId,
        text: &str,
        rtl: bool,
    ) -> Vec<ShapedGlyph> {
        let face = fonts.face(face_id);
        let mut buffer = self.spare.take().unwrap_or_default();
        buffer.push_str(text);
        if text.chars().any(is_default_ignorable) {
            // A format mark must not decide how its neighbours are shaped:
            // U+061C is of the Arabic script, and would set a Latin word
            // right to left. The script and direction come from the rest.
            let visible: String = text.chars().filter(|c| !is_default_ignorable(*c)).collect();
            if !visible.is_empty() {
                let mut probe = rustybuzz::UnicodeBuffer::new();
                probe.push_str(&visible);
                probe.guess_segment_properties();
                buffer.set_script(probe.script());
                buffer.set_direction(probe.direction());
            }
        }
        buffer.guess_segment_properties();
        // Latin, Cyrillic and Greek are set left to right; the guessed
        // direction is kept so a stray RTL word still shapes sensibly. A
        // run the bidi algorithm set right to left is shaped so.
        if rtl {
            buffer.set_direction(rustybuzz::Direction::RightToLeft);
        }
        if let Some(lang) = &self.language {
            buffer.set_language(lang.clone());
        }
        let script = buffer.script();
        let direction = buffer.direction();
        let language = self.language.clone();
        let backwards = direction == rustybuzz::Direction::RightToLeft;
        let solid = set_solid(script);
        let plan = self
            .plans
            .entry((face_id, script, backwards))
            .or_insert_with(|| {
                rustybuzz::ShapePlan::new(
                    &face.shaper,
                    direction,
                    Some(script),
                    language.as_ref(),
                    solid.as_slice(),
                )
            });
        // Adjacent full-width punctuation closes up to half an em (see
        // `punctuation`): the font's `halt` on those marks alone. Such
        // runs are few, and their features are tied to the text, so they
        // are shaped without the cached plan.
        let halves = punctuation::half_width(text);
        let out = if halves.is_empty() {
            rustybuzz::shape_with_plan(&face.shaper, plan, buffer)
        } else {
            let halt = rustybuzz::ttf_parser::Tag::from_bytes(b"halt");
            let features: Vec<rustybuzz::Feature> = halves
                .into_iter()
                .map(|r| rustybuzz::Feature::new(halt, 1, r))
                .chain(solid)
                .collect();
            rustybuzz::shape(&face.shaper, &features, buffer)
        };
        let upem = face.units_per_em;
        let mut glyphs: Vec<ShapedGlyph> = out
            .glyph_infos()
            .iter()
            .zip(out.glyph_positions())
            .map(|(info, pos)| ShapedGlyph {
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                cluster: info.cluster,
                advance_em: f64::from(pos.x_advance) / upem,
                x_offset_em: (f64::from(pos.x_offset) / upem) as f32,
                y_offset_em: (f64::from(pos.y_offset) / upem) as f32,
            })
            .collect();
        if backwards {
            // The shaper gives right-to-left glyphs in visual order: back
            // to the text's order, clusters rising, as for any other run.
            glyphs.reverse();
        }
        self.spare = Some(out.clear());
        glyphs
    }
}

/// The features that keep Chinese and Japanese solid: `kern` off. Their
/// characters are set in equal em squares, a line of them a whole number
/// of ems (JLREQ's solid setting, *beta-gumi*); the pair kerning some CJK
/// fonts carry is for proportional setting, and Noto Serif CJK's widens
/// "ん。" by 0.06 em, which made a line of twenty characters too long for
/// a measure of twenty ems. Punctuation is closed up by its own rules
/// (see `punctuation`), not by kerning.
fn set_solid(script: rustybuzz::Script) -> Option<rustybuzz::Feature> {
    use rustybuzz::script;
    let kern = rustybuzz::ttf_parser::Tag::from_bytes(b"kern");
    matches!(
        script,
        script::HAN | script::HIRAGANA | script::KATAKANA | script::BOPOMOFO
    )
    .then(|| rustybuzz::Feature::new(kern, 0, ..))
}

/// Where the cluster of glyph `k` ends in the shaped text of `len` bytes:
/// the offset of the next cluster after it (glyphs of one cluster share
/// an offset), or the end of the text.
pub fn cluster_end(glyphs: &[ShapedGlyph], k: usize, len: usize) -> usize {
    let cluster = glyphs[k].cluster();
    glyphs[k + 1..]
        .iter()
        .map(|n| n.cluster())
        .find(|&c| c > cluster)
        .unwrap_or(len)
}

/// Unicode's default-ignorable code points (DerivedCoreProperties.txt):
/// joiners, variation selectors, bidi and other format marks, fillers.
/// Where a font has no glyph for one, nothing is drawn and nothing is
/// missing: no reader sees them, and a font need not have them.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::document::Style;
    use crate::style::FontRef;

    fn serif() -> (FontBook, FaceId) {
        let mut book = FontBook::new();
        let (id, _) = book
            .resolve(&FontRef::Family("serif".into()), Style::default(), "t")
            .unwrap();
        (book, id)
    }

    #[test]
    fn kerning_changes_advances() {
        let (book, id) = serif();
        let mut s = Shaper::new("en");
        let av: f64 = s.shape(&book, id, "AV").iter().map(|g| g.advance_em).sum();
        let face = book.face(id);
        let plain =
            face.advance_em(face.glyph('A').unwrap()) + face.advance_em(face.glyph('V').unwrap());
        assert!(av < plain, "AV should be kerned: {av} vs {plain}");
    }

    #[test]
    fn shaped_glyphs_stay_small() {
        // The word cache holds millions; see the field comments.
        assert_eq!(std::mem::size_of::<ShapedGlyph>(), 24);
        assert_eq!(std::mem::size_of::<crate::typeset::paragraph::Glyph>(), 40);
    }

    #[test]
    fn ligature_forms_one_cluster() {
        let (book, id) = serif();
        let mut s = Shaper::new("en");
        let g = s.shape(&book, id, "office");
        // "ffi" becomes one glyph in Noto Serif, so fewer glyphs than letters.
        assert!(g.len() < 6, "{g:?}");
        assert!(g.windows(2).all(|w| w[0].cluster() <= w[1].cluster()));
    }

    #[test]
    fn right_to_left_glyphs_come_in_logical_order() {
        let mut book = FontBook::new();
        let (id, _) = book
            .resolve(&FontRef::Family("arabic".into()), Style::default(), "t")
            .unwrap();
        let mut s = Shaper::new("ar");
        let g = s.shape_in(&book, id, "سلام", true);
        assert!(g.len() >= 3, "{g:?}");
        assert!(
            g.windows(2).all(|w| w[0].cluster() <= w[1].cluster()),
            "{g:?}"
        );
        assert_eq!(g[0].cluster(), 0);
    }

    #[test]
    fn missing_characters_are_glyph_zero() {
        let (book, id) = serif();
        let mut s = Shaper::new("en");
        let g = s.shape(&book, id, "a\u{1F642}");
        assert!(g.iter().any(|g| g.gid == 0));
    }
}

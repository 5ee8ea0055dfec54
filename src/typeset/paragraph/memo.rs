//! What the setter remembers between words and paragraphs: resolved faces,
//! reusable buffers, and the items of words already set.

use crate::error::Result;
use crate::statement::document::Style;
use crate::style::{Align, FontRef};
use crate::typeset::fonts::FaceId;
use crate::typeset::linebreak::Item;
use rustc_hash::FxHashMap;
use unicode_script::{Script, UnicodeScript};

use super::types::{Glyph, Paragraph, Piece, SegmentGap, TextStyle, WordBreak};
use super::Setter;

/// What the setter keeps between words and paragraphs.
#[derive(Debug, Default)]
pub struct Memo {
    /// The current paragraph's own faces by style (reset by
    /// [`Setter::prepare`]): the setter needs one for nearly every
    /// character, and resolving a font reference means comparing names.
    pub(super) own: [Option<FaceId>; 4],
    /// The fallback chain's faces resolved so far, by style and design
    /// ([`chain_slot`]), in chain order. The chain is the layout's, the
    /// same for every paragraph.
    pub(super) chain: [Vec<FaceId>; 8],
    /// Buffers for one word, reused: most words are short, and allocating
    /// them afresh for each was much of the setting time.
    pub(super) word: WordBuffers,
    /// The ways of setting words met so far (font, size in bits, by which
    /// patterns hyphenated, whether justified, the script of the
    /// paragraph's main letter): what a word's items depend on besides the
    /// word and the setter's own settings. (The breaks inside a Chinese or
    /// Thai word are glue that stretches in justified text and a ragged
    /// break otherwise.) The patterns are 0 for none, 1 for the statement's
    /// language's, 2 and on for the other languages' (see
    /// [`Setter::prepare_in`]). The main letter chooses the face of figures
    /// (see [`Setter::main_letter`]): without it, "2026" set once in a
    /// Tamil paragraph came out in the Tamil face in an English one too.
    contexts: Vec<(FontRef, u64, usize, bool, Option<Script>)>,
    /// The current paragraph's entry in `contexts` (set by [`Setter::prepare`]).
    context: usize,
    /// Words set so far, by context: a statement repeats its words, and
    /// setting one again gives the same items. (What setting a word reports,
    /// a missing character or a fallback font, is reported at its first
    /// occurrence and changes nothing when met again.)
    words: Vec<WordMemo>,
    /// Characters of the words remembered, in all.
    chars_count: usize,
}

/// Words set in one context, by their characters and styles.
type WordMemo = FxHashMap<Box<[(char, Style)]>, SetWord>;

/// Most characters remembered, over all words; past this, words are set
/// afresh. A remembered character costs about 200 bytes (its glyph, items
/// and key), so this holds the memo near 10 MB whatever the statement; a
/// statement's common words come early and are all in it. (At 64,000 the
/// 1 MB statement of random words in `tests/limits.rs` peaked at 94–97 MB
/// against its 94 MB goal; at 48,000, 92–93 MB, and a 14,000-word
/// statement builds as fast.)
const MEMO_MAX_CHARS: usize = 48_000;

/// Longest word remembered, in characters: words that repeat are short,
/// and an over-long one (broken anywhere, an item per character) would
/// cost much and never be met again.
const MEMO_MAX_WORD: usize = 40;

/// A word as [`Setter::push_word`] set it.
#[derive(Debug)]
struct SetWord {
    items: Box<[Item]>,
    pieces: Box<[Piece]>,
    /// Its breaks inside text without spaces, their items counted from
    /// the word's first.
    segments: Box<[SegmentGap]>,
    last: Option<Glyph>,
}

/// The working data of one word (see [`Setter::push_word`]).
#[derive(Debug, Default)]
pub(super) struct WordBuffers {
    /// The word without soft hyphens.
    pub(super) text: String,
    /// The style of each character, by byte offset in `text`.
    pub(super) styles: Vec<(usize, Style)>,
    /// Break opportunities inside the word.
    pub(super) breaks: Vec<(usize, WordBreak)>,
    /// `text`'s characters with their byte offsets.
    pub(super) chars: Vec<(usize, char)>,
    /// The bidi level of each character, by its place in `styles` (empty
    /// when the paragraph has none).
    pub(super) levels: Vec<u8>,
    /// Runs of (start, end, face, bidi level) that are shaped separately.
    pub(super) runs: Vec<(usize, usize, FaceId, u8)>,
}

/// The memo slot of a style.
pub(super) fn style_slot(span: Style) -> usize {
    usize::from(span.italic) + 2 * usize::from(span.bold)
}

/// Index of [`Memo::chain`] for a style in a paragraph of serif or sans
/// design: a sans paragraph's chain has sans partners for text faces.
pub(super) fn chain_slot(span: Style, sans: bool) -> usize {
    style_slot(span) + 4 * usize::from(sans)
}

impl Memo {
    /// Starts a paragraph in `style`: its own faces are looked up afresh
    /// (another paragraph may use another family), and its words are
    /// remembered with those of earlier paragraphs set the same way.
    pub(super) fn start_paragraph(
        &mut self,
        style: &TextStyle,
        hyphenation: usize,
        main_letter: Option<char>,
    ) {
        // Any letter of the script picks the same faces.
        let main_script = main_letter.map(|c| c.script());
        self.own = [None; 4];
        let context = (
            style.font.clone(),
            style.size.to_pt().to_bits(),
            hyphenation,
            style.align == Align::Justify,
            main_script,
        );
        self.context = match self.contexts.iter().position(|c| *c == context) {
            Some(k) => k,
            None => {
                self.contexts.push(context);
                self.words.push(FxHashMap::default());
                self.contexts.len() - 1
            }
        };
    }
}

impl Setter<'_> {
    /// Shapes one word and appends its boxes and in-word penalties, its
    /// characters at the bidi `levels` given (none: all left to right).
    /// Returns its last glyph.
    pub(super) fn push_word(
        &mut self,
        p: &mut Paragraph,
        word: &[(char, Style)],
        levels: Option<&[u8]>,
        style: &TextStyle,
        line: usize,
    ) -> Result<Option<Glyph>> {
        let context = self.memo.context;
        if let Some(levels) = levels {
            // Not remembered: the same word sets differently at another
            // level (a bracket mirrors), and bidi text is rare enough.
            let mut buffers = std::mem::take(&mut self.memo.word);
            let result = self.push_word_with(p, word, levels, style, line, &mut buffers);
            self.memo.word = buffers;
            return result;
        }
        if let Some(set) = self.memo.words[context].get(word) {
            let start = p.items.len();
            p.segment_breaks
                .extend(set.segments.iter().map(|s| SegmentGap {
                    item: start + s.item,
                    ..*s
                }));
            p.items.extend_from_slice(&set.items);
            p.pieces.extend_from_slice(&set.pieces);
            return Ok(set.last.clone());
        }
        let start = p.items.len();
        let segments_start = p.segment_breaks.len();
        let mut buffers = std::mem::take(&mut self.memo.word);
        let result = self.push_word_with(p, word, &[], style, line, &mut buffers);
        self.memo.word = buffers;
        let last = result?;
        if word.len() <= MEMO_MAX_WORD && self.memo.chars_count + word.len() <= MEMO_MAX_CHARS {
            self.memo.chars_count += word.len();
            let set = SetWord {
                items: p.items[start..].into(),
                pieces: p.pieces[start..].into(),
                segments: p.segment_breaks[segments_start..]
                    .iter()
                    .map(|s| SegmentGap {
                        item: s.item - start,
                        ..*s
                    })
                    .collect(),
                last: last.clone(),
            };
            self.memo.words[context].insert(word.into(), set);
        }
        Ok(last)
    }
}

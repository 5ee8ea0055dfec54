//! Paragraph setting: styled text becomes Knuth–Plass items (boxes of shaped
//! glyphs, glue, penalties), and chosen breaks become positioned [`Line`]s.
//!
//! This is the stage between the document model and the page: it knows fonts,
//! sizes, hyphenation and alignment, but not where on the page a line goes.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::error::{Location, Note, Result, Warning};
use crate::statement::document::{Span, Style};
use crate::style::{Align, Color, FontRef};
use crate::typeset::fonts::{FaceId, FontBook};
use crate::typeset::hyphenate::{is_literal_token, Hyphenator};
use crate::typeset::line::{Cluster, Line, PlacedGlyph};
use crate::typeset::linebreak::{self, Item, PenaltyKind, INFINITY};
use crate::typeset::shape::Shaper;
use crate::units::Length;
use rustc_hash::FxHashMap;

/// How a paragraph's text is set.
#[derive(Clone, Debug)]
pub struct TextStyle {
    /// The font family or file.
    pub font: FontRef,
    /// Extra emphasis applied to every span (e.g. bold headlines).
    pub base: Style,
    /// Type size.
    pub size: Length,
    /// Text colour.
    pub color: Color,
    /// Alignment of the lines.
    pub align: Align,
    /// Whether words may be hyphenated by the patterns.
    pub hyphenate: bool,
    /// Indent of the first line.
    pub indent: Length,
}

impl TextStyle {
    /// The style of display lines (headlines, subtitles, meta lines, the
    /// band, a QR code's link): never hyphenated, no first-line indent.
    pub fn display(
        font: FontRef,
        bold: bool,
        size: Length,
        color: Color,
        align: Align,
    ) -> TextStyle {
        TextStyle {
            font,
            base: Style {
                bold,
                italic: false,
            },
            size,
            color,
            align,
            hyphenate: false,
            indent: Length::ZERO,
        }
    }
}

/// The state shared by all paragraphs of one build.
pub struct Setter<'a> {
    /// Fonts in use.
    pub fonts: &'a mut FontBook,
    /// The shaper with its caches.
    pub shaper: &'a mut Shaper,
    /// Hyphenation patterns for the statement's language.
    pub hyphenator: &'a Hyphenator,
    /// Line-breaking parameters.
    pub params: &'a linebreak::Params,
    /// Penalty for breaking at a discretionary hyphen.
    pub hyphen_penalty: f64,
    /// The statement's name, for messages.
    pub origin: &'a str,
    /// The layout's name, for font messages.
    pub layout_origin: &'a str,
    /// Collected warnings.
    pub warnings: &'a mut Vec<Warning>,
    /// Fonts tried, in order, for a character a paragraph's own font lacks.
    pub fallback: &'a [FontRef],
    /// Characters no font of the chain has, each with the source line of the
    /// first block it is in. Setting goes on without them, so that one
    /// build names them all; the caller then fails.
    pub missing: &'a mut BTreeMap<char, usize>,
    /// The narrowest measure text will be set in: a word wider than this gets
    /// emergency break points.
    pub measure: Length,
    /// (own face, fallback face) pairs already reported.
    pub fallbacks_reported: HashSet<(FaceId, FaceId)>,
    /// Fallback faces used for other scripts and symbols: the first line
    /// each served and a few of its characters, for one note.
    pub fallback_chars: BTreeMap<FaceId, (usize, Vec<char>)>,
    /// Faces already resolved, and buffers (start with `Default::default()`).
    pub memo: Memo,
}

/// What the setter keeps between words and paragraphs.
#[derive(Debug, Default)]
pub struct Memo {
    /// The current paragraph's own faces by style (reset by
    /// [`Setter::prepare`]): the setter needs one for nearly every
    /// character, and resolving a font reference means comparing names.
    own: [Option<FaceId>; 4],
    /// The fallback chain's faces resolved so far, by style, in chain
    /// order. The chain is the layout's, the same for every paragraph.
    chain: [Vec<FaceId>; 4],
    /// Buffers for one word, reused: most words are short, and allocating
    /// them afresh for each was much of the setting time.
    word: WordBuffers,
    /// The ways of setting words met so far (font, size in bits, whether
    /// hyphenated): what a word's items depend on besides the word and the
    /// setter's own settings.
    contexts: Vec<(FontRef, u64, bool)>,
    /// The current paragraph's entry in `contexts` (set by [`Setter::prepare`]).
    context: usize,
    /// Words set so far, by context: a statement repeats its words, and
    /// setting one again gives the same items. (What setting a word reports,
    /// a missing character or a fallback font, is reported at its first
    /// occurrence and changes nothing when met again.)
    words: Vec<WordMemo>,
    /// Words remembered in all.
    words_count: usize,
}

/// Words set in one context, by their characters and styles.
type WordMemo = FxHashMap<Box<[(char, Style)]>, SetWord>;

/// Most words remembered; past this, words are set afresh (a 10 MB
/// statement must not grow the memo without bound).
const WORDS_MAX: usize = 50_000;

/// A word as [`Setter::push_word`] set it.
#[derive(Debug)]
struct SetWord {
    items: Box<[Item]>,
    pieces: Box<[Piece]>,
    last: Option<Glyph>,
}

/// The working data of one word (see [`Setter::push_word`]).
#[derive(Debug, Default)]
struct WordBuffers {
    /// The word without soft hyphens.
    text: String,
    /// The style of each character, by byte offset in `text`.
    styles: Vec<(usize, Style)>,
    /// Break opportunities inside the word.
    breaks: Vec<(usize, WordBreak)>,
    /// `text`'s characters with their byte offsets.
    chars: Vec<(usize, char)>,
    /// Runs of (start, end, face) that are shaped separately.
    runs: Vec<(usize, usize, FaceId)>,
}

/// The memo slot of a style.
fn style_slot(span: Style) -> usize {
    usize::from(span.italic) + 2 * usize::from(span.bold)
}

/// A glyph as it will be drawn.
///
/// Its size and colour are the paragraph's: a long statement has hundreds
/// of thousands of glyphs, and a colour is a hundred bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// The face.
    pub face: FaceId,
    /// Glyph id in the face.
    pub gid: u16,
    /// Distance to the next glyph's origin (after justification).
    pub advance: Length,
    /// The text this glyph stands for (the first glyph of a cluster
    /// carries it), for text extraction.
    pub text: Cluster,
}

/// What an item draws.
#[derive(Clone, Debug)]
enum Piece {
    /// Nothing visible (indent boxes, ragged-right helper glue, plain penalties).
    Nothing,
    /// Glyphs of a box, or a hyphen drawn only when the line breaks at this
    /// penalty. Shared: a word set again reuses its glyphs.
    Glyphs(Arc<[Glyph]>),
    /// A word space: the space glyph, stretched to the glue's set width.
    /// In justified text its stretch includes letter spacing for the
    /// `tracked` glyphs just before it.
    Space {
        /// The space glyph.
        glyph: Glyph,
        /// Glyphs before this glue whose letter spacing its stretch includes.
        tracked: usize,
    },
    /// Zero-width glue after a hyphenation point carrying the letter spacing
    /// of the `tracked` glyphs before it (never a break itself).
    Tracking {
        /// Glyphs covered.
        tracked: usize,
    },
}

/// A paragraph as boxes, glue and penalties, ready for line breaking.
#[derive(Clone, Debug)]
pub struct Paragraph {
    items: Vec<Item>,
    pieces: Vec<Piece>,
    align: Align,
    /// Type size of every glyph.
    size: Length,
    /// Fill colour of every glyph.
    color: Color,
    /// Natural width of the widest unbreakable word, for messages.
    line: usize,
}

/// A typed position inside a word where it may break.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum WordBreak {
    /// A discretionary hyphen (patterns or soft hyphen): draw a hyphen.
    Hyphen,
    /// After an explicit hyphen or dash: nothing to draw.
    Explicit,
    /// Only in an emergency (inside URLs, or any position of an over-long word).
    Emergency,
}

impl Setter<'_> {
    /// Turns styled text into items. `line` is the block's source line for messages.
    pub fn prepare(&mut self, spans: &[Span], style: &TextStyle, line: usize) -> Result<Paragraph> {
        let mut p = Paragraph {
            items: Vec::new(),
            pieces: Vec::new(),
            align: style.align,
            size: style.size,
            color: style.color,
            line,
        };
        self.memo.own = [None; 4];
        let context = (
            style.font.clone(),
            style.size.to_pt().to_bits(),
            style.hyphenate,
        );
        self.memo.context = match self.memo.contexts.iter().position(|c| *c == context) {
            Some(k) => k,
            None => {
                self.memo.contexts.push(context);
                self.memo.words.push(FxHashMap::default());
                self.memo.contexts.len() - 1
            }
        };
        if style.indent > Length::ZERO {
            p.push(
                Item::Box {
                    width: style.indent,
                },
                Piece::Nothing,
            );
        }
        let chars: Vec<(char, Style)> = spans
            .iter()
            .flat_map(|s| {
                let st = Style {
                    italic: s.style.italic || style.base.italic,
                    bold: s.style.bold || style.base.bold,
                };
                s.text.chars().map(move |c| (c, st))
            })
            .collect();
        let mut i = 0;
        let mut last_glyph: Option<Glyph> = None;
        while i < chars.len() {
            let c = chars[i].0;
            if is_separator(c) {
                let sep_style = chars[i].1;
                // Runs of separators act as one: the strongest tie wins.
                let mut j = i;
                let mut tie = false;
                let mut zero_width = true;
                while j < chars.len() && is_separator(chars[j].0) {
                    tie |= chars[j].0 == '\u{A0}' || chars[j].0 == '\u{202F}';
                    zero_width &= chars[j].0 == '\u{200B}';
                    j += 1;
                }
                let narrow = chars[i..j].iter().all(|(c, _)| *c == '\u{202F}');
                if j < chars.len() && !p.items.is_empty() {
                    self.push_space(
                        &mut p,
                        style,
                        sep_style,
                        last_glyph.as_ref(),
                        tie,
                        zero_width,
                        narrow,
                    )?;
                }
                i = j;
                continue;
            }
            let mut j = i;
            while j < chars.len() && !is_separator(chars[j].0) {
                j += 1;
            }
            last_glyph = self.push_word(&mut p, &chars[i..j], style, line)?;
            i = j;
        }
        if style.align == Align::Justify {
            p.add_tracking(style.size * TRACKING_EM);
        }
        // Paragraph end: no break before the fill, fill glue, forced break.
        p.push(no_break(), Piece::Nothing);
        p.push(fill(), Piece::Nothing);
        p.push(forced_break(), Piece::Nothing);
        Ok(p)
    }

    #[allow(clippy::too_many_arguments)]
    fn push_space(
        &mut self,
        p: &mut Paragraph,
        style: &TextStyle,
        span_style: Style,
        prev: Option<&Glyph>,
        tie: bool,
        zero_width: bool,
        narrow: bool,
    ) -> Result<()> {
        if zero_width {
            p.push(free_break(), Piece::Nothing);
            return Ok(());
        }
        // The word space of the paragraph's own face, even after a word set
        // from the fallback chain: an emoji font's space is an em wide.
        let own = self.face_for(style, span_style)?;
        let face_id = match prev {
            Some(g) if !self.fonts.face(own).has_char(' ') => g.face,
            _ => own,
        };
        let face = self.fonts.face(face_id);
        let mut width = face.space_width(style.size);
        if narrow {
            width = width * 0.6;
        }
        let space = Glyph {
            face: face_id,
            gid: face.glyph(' ').unwrap_or(0),
            advance: width,
            text: Cluster::Char(' '),
        };
        if tie {
            p.push(no_break(), Piece::Nothing);
        }
        if style.align == Align::Justify {
            p.push(
                justified_space(width),
                Piece::Space {
                    glyph: space,
                    tracked: 0,
                },
            );
            return Ok(());
        }
        // A tie in ragged text may not break, so it needs no ragged-right
        // stretch; and it keeps its width, as ragged lines are set at their
        // natural width (a shrinkable tie would let a line the breaker
        // counted as fitting stick out).
        if tie {
            p.push(
                Item::Glue {
                    width,
                    stretch: Length::ZERO,
                    shrink: Length::ZERO,
                },
                Piece::Space {
                    glyph: space,
                    tracked: 0,
                },
            );
            return Ok(());
        }
        // Knuth's ragged setting: the stretch sits only at a line end,
        // interior spaces keep their natural width.
        let rag = style.size * 3.0;
        p.push(
            Item::Glue {
                width: Length::ZERO,
                stretch: rag,
                shrink: Length::ZERO,
            },
            Piece::Nothing,
        );
        p.push(free_break(), Piece::Nothing);
        p.push(
            Item::Glue {
                width,
                stretch: -rag,
                shrink: Length::ZERO,
            },
            Piece::Space {
                glyph: space,
                tracked: 0,
            },
        );
        Ok(())
    }

    /// The face for a style in the paragraph's family (`style` is the one
    /// [`Setter::prepare`] was given).
    fn face_for(&mut self, style: &TextStyle, span: Style) -> Result<FaceId> {
        let slot = style_slot(span);
        if let Some(id) = self.memo.own[slot] {
            return Ok(id);
        }
        let (id, _) = self.fonts.resolve(&style.font, span, self.layout_origin)?;
        self.memo.own[slot] = Some(id);
        Ok(id)
    }

    /// The face of the fallback chain's entry `k` for a style.
    fn chain_face(&mut self, k: usize, span: Style) -> Result<FaceId> {
        let slot = style_slot(span);
        if let Some(&id) = self.memo.chain[slot].get(k) {
            return Ok(id);
        }
        // Entries are resolved in order (as `face_with` walks the chain),
        // so `k` is the next one.
        let (id, _) = self
            .fonts
            .resolve_fallback(&self.fallback[k], span, self.layout_origin)?;
        self.memo.chain[slot].push(id);
        Ok(id)
    }

    /// A face able to show `c` in `span` style: the paragraph's own, else
    /// the first of the fallback chain that has it.
    fn face_with(&mut self, style: &TextStyle, span: Style, c: char) -> Result<Option<FaceId>> {
        let own = self.face_for(style, span)?;
        if self.fonts.face(own).has_char(c) {
            return Ok(Some(own));
        }
        for k in 0..self.fallback.len() {
            let id = self.chain_face(k, span)?;
            if self.fonts.face(id).has_char(c) {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Says, once per pair of faces, that a character was set in a fallback
    /// face: a warning when the own font lacks a letter of the scripts it is
    /// made for (the letter then comes out in another design), else a note
    /// (another script, a symbol, an emoji: what the chain is for).
    fn report_fallback(
        &mut self,
        style: &TextStyle,
        span: Style,
        used: FaceId,
        c: char,
        line: usize,
    ) -> Result<()> {
        let own = self.face_for(style, span)?;
        if own == used {
            return Ok(());
        }
        let own_script = c.is_alphabetic() && latin_greek_cyrillic(c);
        if !own_script {
            // Said once per build for each fallback face, with a few of its
            // characters (see `fallback_note`).
            let seen = self
                .fallback_chars
                .entry(used)
                .or_insert((line, Vec::new()));
            if seen.1.len() < 4 && !seen.1.contains(&c) {
                seen.1.push(c);
            }
            return Ok(());
        }
        if !self.fallbacks_reported.insert((own, used)) {
            return Ok(());
        }
        let own_face = self.fonts.face(own);
        let at = Location {
            file: self.origin.to_string(),
            line: Some(line),
            column: None,
        };
        let message = format!(
            "“{c}” (U+{:04X}) is not in {}; it and other such characters are set in {}",
            c as u32,
            own_face.name,
            self.fonts.face(used).name
        );
        self.warnings.push(Warning { at, message });
        Ok(())
    }

    /// One note naming the fallback fonts used and some characters each set.
    pub fn fallback_note(&self) -> Option<Note> {
        let (first, _) = self.fallback_chars.values().min_by_key(|(line, _)| *line)?;
        let mut used: Vec<_> = self.fallback_chars.iter().collect();
        used.sort_by_key(|(_, (line, _))| *line);
        let parts: Vec<String> = used
            .into_iter()
            .map(|(face, (_, chars))| {
                let shown: Vec<String> = chars.iter().map(char::to_string).collect();
                format!("{} in {}", shown.join(" "), self.fonts.face(*face).name)
            })
            .collect();
        Some(Note {
            at: Location {
                file: self.origin.to_string(),
                line: Some(*first),
                column: None,
            },
            message: format!(
                "characters the text's fonts lack are set from the fallback chain: {}",
                parts.join("; ")
            ),
        })
    }

    /// Shapes one word and appends its boxes and in-word penalties. Returns its last glyph.
    fn push_word(
        &mut self,
        p: &mut Paragraph,
        word: &[(char, Style)],
        style: &TextStyle,
        line: usize,
    ) -> Result<Option<Glyph>> {
        let context = self.memo.context;
        if let Some(set) = self.memo.words[context].get(word) {
            p.items.extend_from_slice(&set.items);
            p.pieces.extend_from_slice(&set.pieces);
            return Ok(set.last.clone());
        }
        let start = p.items.len();
        let mut buffers = std::mem::take(&mut self.memo.word);
        let result = self.push_word_with(p, word, style, line, &mut buffers);
        self.memo.word = buffers;
        let last = result?;
        if self.memo.words_count < WORDS_MAX {
            self.memo.words_count += 1;
            let set = SetWord {
                items: p.items[start..].into(),
                pieces: p.pieces[start..].into(),
                last: last.clone(),
            };
            self.memo.words[context].insert(word.into(), set);
        }
        Ok(last)
    }

    /// [`Setter::push_word`] with its working data in `buffers`.
    fn push_word_with(
        &mut self,
        p: &mut Paragraph,
        word: &[(char, Style)],
        style: &TextStyle,
        line: usize,
        buffers: &mut WordBuffers,
    ) -> Result<Option<Glyph>> {
        let WordBuffers {
            text,
            styles,
            breaks,
            chars,
            runs,
        } = buffers;
        text.clear();
        styles.clear();
        breaks.clear();
        // Soft hyphens are break hints, not glyphs.
        for &(c, st) in word {
            if c == '\u{AD}' {
                if !text.is_empty() {
                    breaks.push((text.len(), WordBreak::Hyphen));
                }
                continue;
            }
            text.push(c);
            styles.push((text.len() - c.len_utf8(), st));
        }
        if text.is_empty() {
            return Ok(None);
        }
        let has_soft_hyphens = !breaks.is_empty();
        let literal = is_literal_token(text);
        self.find_breaks(
            text,
            literal,
            style.hyphenate && !has_soft_hyphens,
            chars,
            breaks,
        );

        let glyphs = self.shape_word(text, styles, style, line, runs)?;
        let width: Length = glyphs.iter().map(|(_, g)| g.advance).sum();
        if width > self.measure && !literal {
            // An over-long word may break anywhere, but only as a last resort.
            for (off, _) in text.char_indices().skip(1) {
                breaks.push((off, WordBreak::Emergency));
            }
        }
        // In order, each once (the breaks as a set).
        breaks.sort_unstable();
        breaks.dedup();
        self.push_fragments(p, glyphs, breaks, style)
    }

    /// Break opportunities inside a word (byte offsets into `text`), added
    /// to `out` in no particular order; `chars` is a buffer.
    fn find_breaks(
        &self,
        text: &str,
        literal: bool,
        hyphenate: bool,
        chars: &mut Vec<(usize, char)>,
        out: &mut Vec<(usize, WordBreak)>,
    ) {
        chars.clear();
        chars.extend(text.char_indices());
        for (k, &(_, c)) in chars.iter().enumerate() {
            let next = chars.get(k + 1);
            let prev_letter = k > 0 && chars[k - 1].1.is_alphabetic();
            if literal {
                // URLs and addresses: after separators, never with a hyphen.
                if matches!(c, '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#' | '@' | ':') {
                    if let Some(&(noff, nc)) = next {
                        if nc != '/' {
                            out.push((noff, WordBreak::Emergency));
                        }
                    }
                }
                continue;
            }
            if matches!(c, '-' | '\u{2010}' | '\u{2013}' | '\u{2014}') && prev_letter {
                if let Some(&(noff, nc)) = next {
                    if nc.is_alphabetic() {
                        out.push((noff, WordBreak::Explicit));
                    }
                }
            }
        }
        if literal || !hyphenate {
            return;
        }
        // Hyphenate each run of letters on its own ("anti-imperialist" → two runs).
        let mut start = None;
        for (k, &(off, c)) in chars.iter().enumerate() {
            let letter = c.is_alphabetic() || matches!(c as u32, 0x0300..=0x036F);
            match (letter, start) {
                (true, None) => start = Some(off),
                (false, Some(s)) => {
                    self.hyphenate_run(text, s, off, out);
                    start = None;
                }
                _ => {}
            }
            if k + 1 == chars.len() {
                if let Some(s) = start {
                    self.hyphenate_run(text, s, text.len(), out);
                }
            }
        }
    }

    fn hyphenate_run(&self, text: &str, from: usize, to: usize, out: &mut Vec<(usize, WordBreak)>) {
        self.hyphenator
            .each_break(&text[from..to], |b| out.push((from + b, WordBreak::Hyphen)));
    }

    /// Shapes a word, splitting it where the style or the covering face changes.
    fn shape_word(
        &mut self,
        text: &str,
        styles: &[(usize, Style)],
        style: &TextStyle,
        line: usize,
        runs: &mut Vec<(usize, usize, FaceId)>,
    ) -> Result<Vec<(usize, Glyph)>> {
        runs.clear();
        for (k, &(off, st)) in styles.iter().enumerate() {
            let end = styles.get(k + 1).map_or(text.len(), |s| s.0);
            let c = text[off..end].chars().next().unwrap_or(' ');
            let previous = runs.last().map(|r| r.2);
            let face = if is_ignorable(c) {
                // Joiners and variation selectors steer the shaping of their
                // neighbour and draw nothing: they stay in its run.
                match previous {
                    Some(f) => Some(f),
                    None => Some(self.face_for(style, st)?),
                }
            } else if is_mark(c) && previous.is_some_and(|f| self.fonts.face(f).has_char(c)) {
                // A combining mark goes with its letter where the face can.
                previous
            } else {
                self.face_with(style, st, c)?
            };
            let Some(face) = face else {
                self.missing.entry(c).or_insert(line);
                continue;
            };
            if !is_ignorable(c) {
                self.report_fallback(style, st, face, c, line)?;
            }
            match runs.last_mut() {
                Some(r) if r.2 == face && r.1 == off => r.1 = end,
                _ => runs.push((off, end, face)),
            }
        }
        // Usually a glyph a character.
        let mut out = Vec::with_capacity(styles.len());
        for &(start, end, face_id) in runs.iter() {
            let shaped = self.shaper.shape(self.fonts, face_id, &text[start..end]);
            for (k, g) in shaped.iter().enumerate() {
                let cluster = start + g.cluster;
                if g.gid == 0 {
                    // The font's "missing glyph" box: never drawn. (The
                    // character map promised a glyph the shaper did not
                    // find.) The build fails naming the character.
                    if let Some(c) = text[cluster..].chars().next() {
                        if !is_ignorable(c) {
                            self.missing.entry(c).or_insert(line);
                        }
                    }
                    continue;
                }
                if g.advance_em == 0.0 && Some(g.gid) == self.fonts.face(face_id).glyph(' ') {
                    // A joiner or variation selector the shaper hid: it
                    // draws nothing, and its text stays with its cluster.
                    continue;
                }
                let first_of_cluster = k == 0 || shaped[k - 1].cluster != g.cluster;
                let next_cluster = shaped[k + 1..]
                    .iter()
                    .map(|n| start + n.cluster)
                    .find(|&c| c > cluster)
                    .unwrap_or(end);
                out.push((
                    cluster,
                    Glyph {
                        face: face_id,
                        gid: g.gid,
                        advance: style.size * g.advance_em,
                        text: Cluster::new(
                            first_of_cluster.then(|| &text[cluster..next_cluster.max(cluster)]),
                        ),
                    },
                ));
            }
        }
        Ok(out)
    }

    /// Cuts a shaped word at its break points into boxes and penalties.
    fn push_fragments(
        &mut self,
        p: &mut Paragraph,
        glyphs: Vec<(usize, Glyph)>,
        breaks: &[(usize, WordBreak)],
        style: &TextStyle,
    ) -> Result<Option<Glyph>> {
        let last = glyphs.last().map(|(_, g)| g.clone());
        // Where the word is cut: before glyph k, by a break of this kind,
        // hyphenated in the face of glyph k. Found first, so that each
        // fragment is allocated once, at its size.
        let mut cuts: Vec<(usize, WordBreak, FaceId)> = Vec::new();
        let mut iter = breaks.iter().peekable();
        for (k, (cluster, glyph)) in glyphs.iter().enumerate() {
            let cluster = *cluster;
            // A break is usable only where a new cluster starts (never inside a ligature).
            let starts_cluster = k > 0 && glyph.text != Cluster::Continued;
            let mut here: Option<WordBreak> = None;
            while let Some(&&(off, kind)) = iter.peek() {
                if off < cluster {
                    iter.next();
                } else if off == cluster {
                    here = Some(here.map_or(kind, |h: WordBreak| h.min(kind)));
                    iter.next();
                } else {
                    break;
                }
            }
            // (The glyphs before a cluster start are never none.)
            if let (Some(kind), true) = (here, starts_cluster) {
                cuts.push((k, kind, glyph.face));
            }
        }
        let count = glyphs.len();
        let mut glyphs = glyphs.into_iter().map(|(_, g)| g);
        let mut from = 0;
        for (k, kind, face) in cuts {
            let fragment: Vec<Glyph> = glyphs.by_ref().take(k - from).collect();
            let width = fragment.iter().map(|g| g.advance).sum();
            p.push(Item::Box { width }, Piece::Glyphs(fragment.into()));
            self.push_word_break(p, kind, face, style)?;
            from = k;
        }
        if from < count {
            let fragment: Vec<Glyph> = glyphs.collect();
            let width = fragment.iter().map(|g| g.advance).sum();
            p.push(Item::Box { width }, Piece::Glyphs(fragment.into()));
        }
        Ok(last)
    }

    fn push_word_break(
        &mut self,
        p: &mut Paragraph,
        kind: WordBreak,
        next_face: FaceId,
        style: &TextStyle,
    ) -> Result<()> {
        match kind {
            WordBreak::Hyphen => {
                let face = self.fonts.face(next_face);
                let gid = face
                    .glyph('-')
                    .or_else(|| face.glyph('\u{2010}'))
                    .unwrap_or(0);
                let hyphen = Glyph {
                    face: next_face,
                    gid,
                    advance: face.advance(gid, style.size),
                    text: Cluster::Char('-'),
                };
                p.push(
                    Item::Penalty {
                        width: hyphen.advance,
                        cost: self.hyphen_penalty,
                        flagged: true,
                        kind: PenaltyKind::Hyphen,
                    },
                    Piece::Glyphs(Arc::new([hyphen])),
                );
            }
            WordBreak::Explicit => p.push(
                Item::Penalty {
                    width: Length::ZERO,
                    cost: self.hyphen_penalty,
                    flagged: true,
                    kind: PenaltyKind::Ordinary,
                },
                Piece::Nothing,
            ),
            WordBreak::Emergency => p.push(
                Item::Penalty {
                    width: Length::ZERO,
                    cost: 1000.0,
                    flagged: false,
                    kind: PenaltyKind::Emergency,
                },
                Piece::Nothing,
            ),
        }
        Ok(())
    }

    /// How many lines `p` takes at `width`, and whether every break is clean:
    /// no line sticks out, none ends in a hyphen or inside a word (an
    /// emergency break). Display lines (headlines) must be clean.
    pub fn clean_lines(&self, p: &Paragraph, width: Length) -> (usize, bool) {
        let b = linebreak::break_lines(&p.items, &[width], self.params);
        let clean = b.lines.iter().all(|l| {
            l.overfull <= Length::ZERO
                && !matches!(
                    p.items.get(l.index),
                    Some(Item::Penalty {
                        kind: PenaltyKind::Hyphen | PenaltyKind::Emergency,
                        ..
                    })
                )
        });
        (b.lines.len(), clean)
    }

    /// The narrowest measure, down to half of `width`, that sets `p` in as
    /// few lines as `width` does, as cleanly (see [`Setter::clean_lines`]):
    /// a headline set there has lines of even length instead of a lone word
    /// on its last line.
    pub fn balanced_measure(&self, p: &Paragraph, width: Length) -> Length {
        let count = |w: Length| {
            let (lines, clean) = self.clean_lines(p, w);
            (lines, !clean)
        };
        let (lines, overfull) = count(width);
        if lines < 2 || overfull {
            return width;
        }
        let (mut lo, mut hi) = (width / 2.0, width);
        while hi - lo > Length::pt(0.5) {
            let mid = (lo + hi) / 2.0;
            match count(mid) {
                (n, false) if n == lines => hi = mid,
                _ => lo = mid,
            }
        }
        hi
    }

    /// Breaks a prepared paragraph into lines of the given widths (the last
    /// width repeats) and positions every glyph.
    pub fn set(&mut self, p: &Paragraph, widths: &[Length]) -> Vec<Line> {
        let breaks = linebreak::break_lines(&p.items, widths, self.params);
        let mut lines = Vec::with_capacity(breaks.lines.len());
        let mut start = 0;
        let mut emergency_breaks = 0;
        let mut first_emergency: Option<String> = None;
        for (n, br) in breaks.lines.iter().enumerate() {
            let measure = widths[n.min(widths.len() - 1)];
            let end = br.index.min(p.items.len().saturating_sub(1));
            // Glue and penalties after a break are discarded, as in TeX.
            while start < end && !matches!(p.items[start], Item::Box { .. }) {
                start += 1;
            }
            let is_last = n + 1 == breaks.lines.len();
            let ratio = match p.align {
                Align::Justify if !is_last => br.ratio.max(-1.0),
                Align::Justify => br.ratio.clamp(-1.0, 0.0),
                // Ragged glue nets out to natural spaces inside a line; the
                // slack sits in the glue at the break, which is not drawn.
                _ => 0.0,
            };
            let mut line = p.place(start, end, ratio);
            line.hyphenated = br.hyphenated;
            line.overfull = br.overfull;
            let shift = match p.align {
                Align::Center => (measure - line.width) / 2.0,
                Align::Right => measure - line.width,
                _ => Length::ZERO,
            };
            if shift > Length::ZERO {
                line.shift(shift);
            }
            if matches!(
                p.items[end],
                Item::Penalty {
                    kind: PenaltyKind::Emergency,
                    ..
                }
            ) {
                emergency_breaks += 1;
                if first_emergency.is_none() {
                    let text = line.text();
                    let tail = text.rsplit(' ').next().unwrap_or_default();
                    first_emergency = Some(tail.to_string());
                }
            }
            if br.overfull > Length::pt(0.5) {
                let text = line.text();
                self.warnings.push(Warning {
                    at: Location {
                        file: self.origin.to_string(),
                        line: Some(p.line),
                        column: None,
                    },
                    message: format!(
                        "a line sticks out of its column by {}: “{}”",
                        br.overfull,
                        text.trim()
                    ),
                });
            }
            lines.push(line);
            start = end + 1;
        }
        if let Some(tail) = first_emergency {
            let times = if emergency_breaks == 1 {
                "once".to_string()
            } else {
                format!("{emergency_breaks} times")
            };
            self.warnings.push(Warning {
                at: Location { file: self.origin.to_string(), line: Some(p.line), column: None },
                message: format!(
                    "a word or address too long for the column is broken without a hyphen ({times}), first after “{tail}”"
                ),
            });
        }
        lines
    }
}

/// Letter spacing, in em, that justified text may add between glyphs at a
/// glue ratio of 1 (a line stretched as far as its spaces are meant to go).
/// Giving the line breaker this much more stretch lets it choose breaks with
/// smaller word gaps; a few hundredths of an em between letters hardly show,
/// word gaps of half an em show as holes and rivers. (This is what
/// microtype's expansion and InDesign's letter-spacing limits do.)
const TRACKING_EM: f64 = 0.015;

impl Paragraph {
    /// Adds letter-spacing stretch to justified text: each word space gets
    /// the stretch of the glyphs since the last break opportunity, and each
    /// breakable penalty inside a word is followed by zero-width glue holding
    /// the stretch of the glyphs before it (a penalty of infinite cost keeps
    /// that glue from being a break). A fragment that ends a line loses its
    /// letter spacing together with the glue that is discarded at the break,
    /// so what the breaker counts is exactly what the line can use.
    fn add_tracking(&mut self, per_glyph: Length) {
        let mut items = Vec::with_capacity(self.items.len() * 3 / 2);
        let mut pieces = Vec::with_capacity(items.capacity());
        let mut glyphs = 0usize;
        for (item, piece) in self.items.drain(..).zip(self.pieces.drain(..)) {
            match (item, piece) {
                (Item::Box { width }, piece) => {
                    if let Piece::Glyphs(gs) = &piece {
                        glyphs += gs.len();
                    }
                    items.push(Item::Box { width });
                    pieces.push(piece);
                }
                (
                    Item::Glue {
                        width,
                        stretch,
                        shrink,
                    },
                    Piece::Space { glyph, .. },
                ) => {
                    let extra = per_glyph * glyphs as f64;
                    items.push(Item::Glue {
                        width,
                        stretch: stretch + extra,
                        shrink,
                    });
                    pieces.push(Piece::Space {
                        glyph,
                        tracked: glyphs,
                    });
                    glyphs = 0;
                }
                (
                    Item::Penalty {
                        width,
                        cost,
                        flagged,
                        kind,
                    },
                    piece,
                ) if cost < INFINITY && glyphs > 0 => {
                    items.push(Item::Penalty {
                        width,
                        cost,
                        flagged,
                        kind,
                    });
                    pieces.push(piece);
                    items.push(no_break());
                    pieces.push(Piece::Nothing);
                    let extra = per_glyph * glyphs as f64;
                    items.push(Item::Glue {
                        width: Length::ZERO,
                        stretch: extra,
                        shrink: Length::ZERO,
                    });
                    pieces.push(Piece::Tracking { tracked: glyphs });
                    glyphs = 0;
                }
                (item, piece) => {
                    if matches!(item, Item::Glue { .. }) {
                        glyphs = 0;
                    }
                    items.push(item);
                    pieces.push(piece);
                }
            }
        }
        self.items = items;
        self.pieces = pieces;
    }

    /// Positions the glyphs of items `start..end` (and the drawn part of a
    /// penalty at `end`) with glue set at `ratio`; stretched glue that
    /// carries letter spacing spreads its share over the glyphs it covers.
    fn place(&self, start: usize, end: usize, ratio: f64) -> Line {
        let mut line = Line::default();
        let mut x = Length::ZERO;
        // Glyphs placed since the last glue (run, index): the ones its letter
        // spacing covers.
        let mut since: Vec<(usize, usize)> = Vec::new();
        let mut size = Length::ZERO;
        let mut ink_end = Length::ZERO;
        for i in start..end {
            match (&self.items[i], &self.pieces[i]) {
                (Item::Box { width }, piece) => {
                    if let Piece::Glyphs(gs) = piece {
                        let mut gx = x;
                        for g in gs.iter() {
                            since.push(self.put(&mut line, gx, g));
                            size = size.max(self.size);
                            gx += g.advance;
                            ink_end = gx;
                        }
                    }
                    x += *width;
                }
                (
                    Item::Glue {
                        width,
                        stretch,
                        shrink,
                    },
                    piece,
                ) => {
                    let tracked = match piece {
                        Piece::Space { tracked, .. } | Piece::Tracking { tracked } => *tracked,
                        _ => 0,
                    };
                    let mut space_stretch = *stretch;
                    if tracked > 0 && tracked == since.len() {
                        let per_glyph = size * TRACKING_EM;
                        space_stretch = *stretch - per_glyph * tracked as f64;
                        if ratio > 0.0 {
                            let step = per_glyph * ratio;
                            for (k, &(r, g)) in since.iter().enumerate() {
                                line.runs[r].glyphs[g].x += step * k as f64;
                            }
                            x += step * tracked as f64;
                            ink_end = x;
                        }
                    }
                    since.clear();
                    size = Length::ZERO;
                    let set = if ratio >= 0.0 {
                        *width + space_stretch * ratio
                    } else {
                        *width + *shrink * ratio
                    };
                    if let Piece::Space { glyph, .. } = piece {
                        self.put(&mut line, x, glyph);
                    }
                    x += set;
                }
                (Item::Penalty { .. }, _) => {}
            }
        }
        if let Piece::Glyphs(gs) = &self.pieces[end] {
            for g in gs.iter() {
                self.put(&mut line, x, g);
                x += g.advance;
                ink_end = x;
            }
        }
        line.trim_end();
        line.width = ink_end;
        line
    }

    /// Places a glyph on a line; returns its (run, index) for later adjustment.
    fn put(&self, line: &mut Line, x: Length, g: &Glyph) -> (usize, usize) {
        line.push(
            g.face,
            self.size,
            self.color,
            PlacedGlyph {
                x,
                gid: g.gid,
                text: g.text.clone(),
            },
        );
        let run = line.runs.len() - 1;
        (run, line.runs[run].glyphs.len() - 1)
    }

    fn push(&mut self, item: Item, piece: Piece) {
        self.items.push(item);
        self.pieces.push(piece);
    }

    /// The items, for inspection and benchmarks.
    pub fn items(&self) -> &[Item] {
        &self.items
    }
}

/// TeX's word space: stretch by half, shrink by a third.
fn justified_space(width: Length) -> Item {
    Item::Glue {
        width,
        stretch: width / 2.0,
        shrink: width / 3.0,
    }
}

/// A penalty that forbids a break here (before ties and fills).
fn no_break() -> Item {
    Item::Penalty {
        width: Length::ZERO,
        cost: INFINITY,
        flagged: false,
        kind: PenaltyKind::Ordinary,
    }
}

/// A break that costs nothing (a zero-width space, a ragged line end).
fn free_break() -> Item {
    Item::Penalty {
        width: Length::ZERO,
        cost: 0.0,
        flagged: false,
        kind: PenaltyKind::Ordinary,
    }
}

/// The paragraph's end: a break that must be taken.
fn forced_break() -> Item {
    Item::Penalty {
        width: Length::ZERO,
        cost: -INFINITY,
        flagged: false,
        kind: PenaltyKind::Ordinary,
    }
}

/// TeX's `\parfillskip`: glue that stretches without limit, so the last
/// line is set at its natural width.
fn fill() -> Item {
    Item::Glue {
        width: Length::ZERO,
        stretch: Length::pt(1.0e6),
        shrink: Length::ZERO,
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{200B}')
}

/// True for a letter of the Latin, Greek or Cyrillic blocks: the scripts a
/// text font is made for, so that one it lacks is a gap in that font.
fn latin_greek_cyrillic(c: char) -> bool {
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
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489)
}

/// Characters that steer shaping and draw nothing: zero-width (non-)joiners,
/// the word joiner and variation selectors (e.g. U+FE0F, "as emoji").
fn is_ignorable(c: char) -> bool {
    matches!(c as u32, 0x200C | 0x200D | 0x2060 | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
}

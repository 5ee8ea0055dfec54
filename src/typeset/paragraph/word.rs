//! One word to items: its break points (explicit hyphens, URL separators,
//! hyphenation patterns, emergencies), its shaped glyphs, and the boxes and
//! penalties they are cut into.

use std::sync::Arc;

use crate::error::Result;
use crate::statement::document::Style;
use crate::style::Align;
use crate::typeset::fonts::FaceId;
use crate::typeset::hyphenate::{is_combining, is_literal_token};
use crate::typeset::line::Cluster;
use crate::typeset::linebreak::{Item, PenaltyKind};
use crate::typeset::segment::{self, SegmentBreak};
use crate::typeset::shape::cluster_end;
use crate::units::Length;

use super::chars::{is_ignorable, is_mark, is_symbol_mark};
use super::memo::WordBuffers;
use super::types::{Glyph, Paragraph, Piece, SegmentGap, TextStyle, WordBreak};
use super::unspaced::MarkWhite;
use super::Setter;

/// Cost of a break after an address's separator, or of an emergency break
/// inside an over-long word: high, as such breaks are only for lines that
/// cannot be set well otherwise, yet below TeX's infinity so that one is
/// always possible.
const EMERGENCY_COST: f64 = 1000.0;

/// A word wider than this share of the column gets emergency break points:
/// lines beside a QR code or a picture are narrower than the column, and a
/// long Tamil or German word can be wider than they are. The points cost
/// nothing unless the last pass needs them.
const LONG_WORD_SHARE: f64 = 0.5;

/// The widest share of the measure a run of Chinese or Japanese in text
/// that spaces its words stays whole in: there it is a name or a term
/// ("the 外卖骑手联盟 riders' union"), read as a word is, and a break
/// between two of its characters ("外卖骑手联 / 盟") parts it as a break
/// inside a word without a hyphen would. As wide as a word may be before
/// it breaks anywhere; a longer run (a quoted sentence) breaks between
/// characters as Chinese does.
const NAME_RUN_SHARE: f64 = LONG_WORD_SHARE;

/// Cost of hyphenating a capitalised word in mid-sentence (a name:
/// "Ser-bian", "So-mali"), on top of being left to the passes that run when
/// nothing within tolerance works: 3000² demerits, what a line stretched to
/// about three times its spaces' stretch costs, so a name breaks only to
/// spare the paragraph a gaping line. (At 1000 the samples still split
/// names at the larger sizes page filling chooses.)
const NAME_HYPHEN_COST: f64 = 3000.0;

/// Cost of breaking an address before a hyphen: twice an emergency
/// break, so that the line breaker takes a slash or a full stop first
/// ("https://petitions." / "example-county.gov.uk/"), where a line
/// starting "-county.gov.uk/" reads less easily. Still below
/// [`ANYWHERE_COST`]: a cut between two letters is worse. An over-long
/// word's emergency break before a hyphen costs as much: it breaks
/// after its hyphen first, as written.
const ADDRESS_HYPHEN_COST: f64 = 2000.0;

/// How much dearer a break inside an address is where the address fits
/// a line whole and the text is ragged: three times, so that a line ends
/// short rather than part it. "…councillor at `https://example.org/`" over
/// "fair-transport." (the A3 poster) sent a reader looking for the rest
/// of an address that would have stood on the next line whole, and
/// pdftotext and typometer read it as two words; a line ending two thirds
/// full costs ragged text less. Not in justified text, where the short
/// line is spread: the A6 handout's "…councillor at" would gape at 0.9 em
/// a word space. Before a hyphen it stays dearer than after a separator.
const WHOLE_ADDRESS_FACTOR: f64 = 3.0;

/// Cost of breaking an address between two separators: three times an
/// emergency break, so the line breaker takes every separator it can
/// first (a reader retypes "forms/d/e/…" more easily at a slash).
const ANYWHERE_COST: f64 = 3000.0;

impl Setter<'_> {
    /// [`Setter::push_word`] with its working data in `buffers`; `levels`
    /// has one a character of `word`, or is empty.
    pub(super) fn push_word_with(
        &mut self,
        p: &mut Paragraph,
        word: &[(char, Style)],
        levels: &[u8],
        style: &TextStyle,
        line: usize,
        buffers: &mut WordBuffers,
    ) -> Result<Option<Glyph>> {
        let WordBuffers {
            text,
            styles,
            breaks,
            chars,
            levels: char_levels,
            runs,
        } = buffers;
        text.clear();
        styles.clear();
        breaks.clear();
        char_levels.clear();
        // Soft hyphens are break hints, not glyphs.
        for (k, &(c, st)) in word.iter().enumerate() {
            if c == '\u{AD}' {
                if !text.is_empty() {
                    breaks.push((text.len(), WordBreak::Hyphen));
                }
                continue;
            }
            text.push(c);
            styles.push((text.len() - c.len_utf8(), st));
            if let Some(&level) = levels.get(k) {
                char_levels.push(level);
            }
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

        let mut glyphs = self.shape_word(text, styles, char_levels, style, line, runs)?;
        raised_marks_last(&mut glyphs);
        let width: Length = glyphs.iter().map(|(_, g)| g.advance).sum();
        if p.ideographs_few && width <= self.measure * NAME_RUN_SHARE {
            breaks.retain(|b| b.1 != WordBreak::Segment(SegmentBreak::Ideographic));
        }
        let segmented = breaks.iter().any(|b| matches!(b.1, WordBreak::Segment(_)));
        if width > self.measure * LONG_WORD_SHARE && !literal && !segmented {
            // An over-long word may break anywhere, but only as a last resort.
            for (off, _) in text.char_indices().skip(1) {
                breaks.push((off, WordBreak::Emergency));
            }
        }
        // In order, each once (the breaks as a set).
        breaks.sort_unstable();
        breaks.dedup();
        if width > self.measure && literal {
            // An address wider than the column must break: after its
            // separators first (emergency breaks, which the build reports);
            // a stretch between two that is still too wide breaks anywhere,
            // as a last resort, rather than print over the next column.
            for b in breaks.iter_mut() {
                if b.1 == WordBreak::Address {
                    b.1 = WordBreak::Emergency;
                }
            }
            // Only inside a stretch too wide to stand on a line of its
            // own: elsewhere a cut ("campaig / ns/") would only spare a
            // loose line, and a reader retypes an address from its
            // separators. Half the column, as for a long word, leaves room
            // for the narrower lines beside a QR code or a picture.
            let mut bounds: Vec<usize> = breaks.iter().map(|b| b.0).collect();
            bounds.push(text.len());
            let mut stretch_start = 0;
            let mut wide = Vec::new();
            for &end in &bounds {
                let stretch: Length = glyphs
                    .iter()
                    .filter(|(off, _)| (stretch_start..end).contains(off))
                    .map(|(_, g)| g.advance)
                    .sum();
                if stretch > self.measure * LONG_WORD_SHARE {
                    wide.push(stretch_start..end);
                }
                stretch_start = end;
            }
            let mut anywhere: Vec<(usize, WordBreak)> = text
                .char_indices()
                .skip(1)
                .map(|(off, _)| off)
                .filter(|off| breaks.binary_search_by_key(off, |b| b.0).is_err())
                .filter(|off| wide.iter().any(|r| r.contains(off)))
                .map(|off| (off, WordBreak::Anywhere))
                .collect();
            breaks.append(&mut anywhere);
            breaks.sort_unstable();
        }
        let fits = literal && width <= self.measure;
        self.push_fragments(p, text, glyphs, breaks, (style, fits))
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
        // A figure ("18.30", "12/03/2026", "1.500,00") is read as one: a
        // line ending "18." and the next starting "30 Uhr" loses the time.
        // Only one wider than the column breaks (anywhere, see above).
        let figure = literal
            && chars
                .iter()
                .all(|&(_, c)| c.is_ascii_digit() || ".,:/-".contains(c));
        for (k, &(_, c)) in chars.iter().enumerate() {
            let next = chars.get(k + 1);
            let prev_letter = k > 0 && chars[k - 1].1.is_alphabetic();
            if figure {
                continue;
            }
            if literal {
                // URLs and addresses: after separators, never with a hyphen.
                // (Breaking before them, as the Chicago Manual advises,
                // makes pdftotext and the typometer read the address as two
                // words: the text layer matters more here.) Before a hyphen,
                // though: a line ending "https://petitions.example-" reads
                // as a word hyphenated at the line's end, and is retyped
                // without it ("examplecounty", as pdftotext reads it too).
                if c == '-' {
                    let after_separator = k > 0 && is_address_separator(chars[k - 1].1);
                    if k > 0 && !after_separator {
                        out.push((chars[k].0, WordBreak::Address));
                    }
                } else if is_address_separator(c) {
                    if let Some(&(noff, nc)) = next {
                        if !matches!(nc, '/' | '-') {
                            out.push((noff, WordBreak::Address));
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
        if !literal && segment::needs_segmenting(text) {
            // Text without spaces breaks where the segmenter says, never
            // with a hyphen (hyphenation patterns for Thai exist, but a
            // Thai line breaks between words).
            let mut found = Vec::new();
            segment::breaks(text, &mut found);
            for (at, kind) in found {
                if !out.iter().any(|b| b.0 == at) {
                    out.push((at, WordBreak::Segment(kind)));
                }
            }
            return;
        }
        if literal || !hyphenate {
            return;
        }
        // Hyphenate each run of letters on its own ("anti-imperialist" → two runs).
        let mut start = None;
        for (k, &(off, c)) in chars.iter().enumerate() {
            // Marks belong to their letter: an Indic word is one run, viramas and all.
            let letter = c.is_alphabetic() || is_combining(c);
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

    /// Adds the pattern hyphenation points of the letters `text[from..to]`;
    /// those of a capitalised run (a name, or a word opening a sentence)
    /// are [`WordBreak::NameHyphen`]s.
    fn hyphenate_run(&self, text: &str, from: usize, to: usize, out: &mut Vec<(usize, WordBreak)>) {
        let run = &text[from..to];
        let capital = run.chars().next().is_some_and(char::is_uppercase);
        let kind = if capital && self.hyphenator.capitals_mark_names() {
            WordBreak::NameHyphen
        } else {
            WordBreak::Hyphen
        };
        self.hyphenator
            .each_break(run, |b| out.push((from + b, kind)));
    }

    /// Shapes a word, splitting it where the style, the covering face or
    /// the bidi level changes (`levels`: one a style entry, or none).
    fn shape_word(
        &mut self,
        text: &str,
        styles: &[(usize, Style)],
        levels: &[u8],
        style: &TextStyle,
        line: usize,
        runs: &mut Vec<(usize, usize, FaceId, u8)>,
    ) -> Result<Vec<(usize, Glyph)>> {
        self.face_runs(text, (styles, levels), style, line, runs)?;
        // Usually a glyph a character.
        let mut out = Vec::with_capacity(styles.len());
        for &run in runs.iter() {
            self.shape_run(text, styles, style, (run, line), &mut out);
        }
        Ok(out)
    }

    /// The runs of `text` (as byte ranges) that are shaped apart: one face
    /// and one bidi level each, a character with its marks kept in one
    /// face. A character no face shows is noted as missing, at `line`, and
    /// left out.
    fn face_runs(
        &mut self,
        text: &str,
        (styles, levels): (&[(usize, Style)], &[u8]),
        style: &TextStyle,
        line: usize,
        runs: &mut Vec<(usize, usize, FaceId, u8)>,
    ) -> Result<()> {
        runs.clear();
        // A character with the marks and selectors after it, set whole in
        // one face when its first character's face cannot show them all:
        // (end offset, face).
        let mut group: Option<(usize, FaceId)> = None;
        for (k, &(off, st)) in styles.iter().enumerate() {
            let end = styles.get(k + 1).map_or(text.len(), |s| s.0);
            let c = text[off..end].chars().next().unwrap_or(' ');
            let previous = runs.last().map(|r| r.2);
            if group.is_some_and(|(group_end, _)| off >= group_end) {
                group = None;
            }
            if group.is_none() {
                group = self.group_face(text, off, style, st)?;
            }
            let face = if let Some((_, face)) = group {
                Some(face)
            } else if is_ignorable(c) {
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
            let level = levels.get(k).copied().unwrap_or(0);
            match runs.last_mut() {
                Some(r) if r.2 == face && r.1 == off && r.3 == level => r.1 = end,
                _ => runs.push((off, end, face, level)),
            }
        }
        Ok(())
    }

    /// The glyphs of `run` (the byte range `start..end` of `text` in one
    /// face and bidi level), each with the byte offset of its cluster,
    /// added to `out`. A glyph the shaper could not find is noted as a
    /// missing character, at `line`; a joiner it hid is left out, its
    /// text kept with the letter before it.
    fn shape_run(
        &mut self,
        text: &str,
        styles: &[(usize, Style)],
        style: &TextStyle,
        ((start, end, face_id, level), line): ((usize, usize, FaceId, u8), usize),
        out: &mut Vec<(usize, Glyph)>,
    ) {
        let first_of_run = out.len();
        let rtl = level % 2 == 1;
        let shaped = self
            .shaper
            .shape_in(self.fonts, face_id, &text[start..end], rtl);
        // The cluster of the last glyph kept: a glyph skipped below
        // (an ignorable drawn as nothing) must not take its cluster's
        // text with it, so the next glyph kept of that cluster carries it.
        let mut last_kept: Option<usize> = None;
        for (k, g) in shaped.iter().enumerate() {
            let cluster = start + g.cluster();
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
                // One that is a cluster of its own (a Persian
                // zero-width non-joiner, "بخش‌ها") goes into the text
                // of the letter before it: the copied text keeps it,
                // and the kashida justifier sees that the letter
                // ends a join there and does not lengthen it.
                if last_kept != Some(g.cluster()) && out.len() > first_of_run {
                    let hidden = &text[cluster..start + cluster_end(&shaped, k, end - start)];
                    carry_hidden(&mut out[first_of_run..], hidden);
                }
                continue;
            }
            let first_of_cluster = last_kept != Some(g.cluster());
            last_kept = Some(g.cluster());
            let next_cluster = start + cluster_end(&shaped, k, end - start);
            // Striking through draws over the glyphs and does not
            // change their shapes, so it does not split the run: each
            // glyph takes it from its cluster's first character.
            let at = styles.partition_point(|s| s.0 <= cluster).saturating_sub(1);
            let strike = styles.get(at).is_some_and(|s| s.1.strike);
            out.push((
                cluster,
                Glyph {
                    face: face_id,
                    gid: g.gid,
                    advance: style.size * g.advance_em,
                    text: Cluster::new(
                        first_of_cluster.then(|| &text[cluster..next_cluster.max(cluster)]),
                    ),
                    level,
                    x_offset: (style.size * f64::from(g.x_offset_em)).to_pt() as f32,
                    y_offset: (style.size * f64::from(g.y_offset_em)).to_pt() as f32,
                    strike,
                },
            ));
        }
    }

    /// The face for the character at `off` together with the combining
    /// marks, enclosing marks and selectors that follow it, when it needs
    /// one other than the character-by-character choice: a keycap ("1",
    /// U+FE0F, U+20E3) must not be split into a text-font digit and a
    /// frame from a symbol font, drawn beside it. A sequence asking for
    /// emoji presentation (U+FE0F) goes to the first face that maps every
    /// character of it, the selector included (an emoji font); any other
    /// to the first face that has its visible characters. `None` for a
    /// lone character, or one no single face can show whole.
    fn group_face(
        &mut self,
        text: &str,
        off: usize,
        style: &TextStyle,
        span: Style,
    ) -> Result<Option<(usize, FaceId)>> {
        let mut chars = text[off..].char_indices();
        let Some((_, base)) = chars.next() else {
            return Ok(None);
        };
        let mut end = off + base.len_utf8();
        let mut emoji = false;
        let mut marks = false;
        for (i, c) in chars {
            if !(is_ignorable(c) || is_mark(c) || is_symbol_mark(c)) {
                break;
            }
            emoji |= c == '\u{FE0F}';
            marks |= !is_ignorable(c);
            end = off + i + c.len_utf8();
        }
        if !(emoji || marks) {
            return Ok(None);
        }
        let group = &text[off..end];
        let shows = |face: &crate::typeset::fonts::Face, selector: bool| {
            group
                .chars()
                .all(|c| (is_ignorable(c) && !(selector && c == '\u{FE0F}')) || face.has_char(c))
        };
        let own = self.face_for(style, span)?;
        let mut candidates = vec![own];
        let sans = self.sans_design(style, span)?;
        for k in 0..self.fallback.fonts.len() {
            candidates.push(self.chain_face(k, span, sans)?);
        }
        if let Some(base) = group.chars().next() {
            candidates.extend(self.system_face(style, span, base)?);
        }
        let mut pick = None;
        if emoji {
            pick = candidates
                .iter()
                .copied()
                .find(|&f| shows(self.fonts.face(f), true));
        }
        if pick.is_none() && marks {
            pick = candidates
                .iter()
                .copied()
                .find(|&f| shows(self.fonts.face(f), false));
        }
        Ok(pick.map(|face| (end, face)))
    }

    /// Cuts a shaped word at its break points into boxes and penalties.
    /// A hyphenation point inside a ligature ("of|fice" set with an "ffi"
    /// glyph) becomes a discretionary (see [`super::discretionary`]);
    /// other breaks inside a cluster are skipped.
    fn push_fragments(
        &mut self,
        p: &mut Paragraph,
        text: &str,
        glyphs: Vec<(usize, Glyph)>,
        breaks: &[(usize, WordBreak)],
        (style, fits): (&TextStyle, bool),
    ) -> Result<Option<Glyph>> {
        let last = glyphs.last().map(|(_, g)| g.clone());
        let cuts = cuts(text, &glyphs, breaks);
        // What each break between Chinese or Japanese characters may
        // shrink: the white of the marks on either side.
        let whites: Vec<MarkWhite> = cuts
            .iter()
            .map(|cut| match *cut {
                Cut::Before {
                    glyph,
                    kind: WordBreak::Segment(SegmentBreak::Ideographic),
                    ..
                } if style.align == Align::Justify => self.white_around(text, &glyphs, glyph),
                _ => MarkWhite::default(),
            })
            .collect();
        // A word with emergency breaks is wider than half the line.
        let long = cuts.iter().any(|c| {
            matches!(
                c,
                Cut::Before {
                    kind: WordBreak::Emergency,
                    ..
                }
            )
        });
        let count = glyphs.len();
        let mut glyphs = glyphs.into_iter().map(|(_, g)| g);
        let mut from = 0;
        let mut fragment = |upto: usize, from: &mut usize| {
            let glyphs: Vec<Glyph> = glyphs.by_ref().take(upto - *from).collect();
            *from = upto;
            glyphs
        };
        for (cut, white) in cuts.into_iter().zip(whites) {
            match cut {
                Cut::Before {
                    glyph,
                    at,
                    kind,
                    face,
                } => {
                    let g = fragment(glyph, &mut from);
                    push_box(p, g);
                    if let WordBreak::Segment(segment) = kind {
                        let item = self.push_segment_break(p, segment, white, style);
                        let before = text[..at].chars().next_back();
                        let after = text[at..].chars().next();
                        if let (Some(before), Some(after)) = (before, after) {
                            p.segment_breaks.push(SegmentGap {
                                item,
                                before,
                                after,
                            });
                        }
                    } else {
                        let before_hyphen = text[at..].starts_with('-');
                        self.push_word_break(p, kind, face, style, (long, before_hyphen, fits))?;
                    }
                }
                Cut::Inside {
                    glyphs: (first, end),
                    bytes,
                    at,
                    kind,
                } => {
                    let g = fragment(first, &mut from);
                    push_box(p, g);
                    let unbroken = fragment(end, &mut from);
                    self.push_discretionary(p, text, bytes, at, unbroken, kind, style)?;
                }
            }
        }
        if from < count {
            let g = fragment(count, &mut from);
            push_box(p, g);
        }
        Ok(last)
    }

    /// The cost of a pattern hyphen of this kind.
    pub(super) fn hyphen_cost(&self, kind: WordBreak) -> f64 {
        if kind == WordBreak::NameHyphen {
            self.hyphen_penalty.max(NAME_HYPHEN_COST)
        } else {
            self.hyphen_penalty
        }
    }

    /// The hyphen a line broken inside a word ends with, in `face`.
    pub(super) fn hyphen_glyph(&self, face: FaceId, style: &TextStyle) -> Glyph {
        let f = self.fonts.face(face);
        let gid = f.glyph('-').or_else(|| f.glyph('\u{2010}')).unwrap_or(0);
        Glyph {
            face,
            gid,
            advance: f.advance(gid, style.size),
            text: Cluster::Char('-'),
            level: 0,
            x_offset: 0.0,
            y_offset: 0.0,
            strike: false,
        }
    }

    /// Appends the penalty of a break inside a word: a hyphen drawn in the
    /// face of the glyph after it, or nothing drawn for an explicit or
    /// emergency break.
    /// `long`: the word is wider than half the line (see
    /// [`Paragraph::push_ragged_hyphen`]); `before_hyphen`: the break
    /// comes before a hyphen of the text (see [`ADDRESS_HYPHEN_COST`]);
    /// `fits`: the word is an address that fits a line whole (in ragged
    /// text dearer to break, see
    /// [`WHOLE_ADDRESS_FACTOR`]).
    fn push_word_break(
        &mut self,
        p: &mut Paragraph,
        kind: WordBreak,
        next_face: FaceId,
        style: &TextStyle,
        (long, before_hyphen, fits): (bool, bool, bool),
    ) -> Result<()> {
        let emergency_cost = if before_hyphen {
            ADDRESS_HYPHEN_COST
        } else {
            EMERGENCY_COST
        };
        let address_cost = if fits && style.align != Align::Justify {
            emergency_cost * WHOLE_ADDRESS_FACTOR
        } else {
            emergency_cost
        };
        match kind {
            WordBreak::Hyphen | WordBreak::NameHyphen => {
                let mut hyphen = self.hyphen_glyph(next_face, style);
                // At the level of the letters it follows, and struck
                // through with them.
                if let Some(Piece::Glyphs(gs)) = p.pieces.last() {
                    hyphen.level = gs.last().map_or(0, |g| g.level);
                    hyphen.strike = gs.last().is_some_and(|g| g.strike);
                }
                let penalty = Item::Penalty {
                    width: hyphen.advance,
                    cost: self.hyphen_cost(kind),
                    flagged: true,
                    kind: kind.penalty_kind(),
                };
                let drawn = Piece::Glyphs(Arc::new([hyphen]));
                if long && style.align != Align::Justify {
                    p.push_ragged_hyphen(style.size, penalty, drawn);
                } else {
                    p.push(penalty, drawn);
                }
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
            WordBreak::Address => {
                p.push_inner_break(style.size, style.align, address_cost, PenaltyKind::Address)
            }
            WordBreak::Emergency => p.push_inner_break(
                style.size,
                style.align,
                emergency_cost,
                PenaltyKind::Emergency,
            ),
            WordBreak::Segment(kind) => {
                self.push_segment_break(p, kind, MarkWhite::default(), style);
            }
            WordBreak::Anywhere => p.push_inner_break(
                style.size,
                style.align,
                ANYWHERE_COST,
                PenaltyKind::Emergency,
            ),
        }
        Ok(())
    }
}

/// Moves the raised marks of each left-to-right cluster after its other
/// glyphs, each where it was drawn (its offset makes up for the move).
///
/// A glyph drawn off the baseline goes into a run of its own (a run has
/// one rise), so a Khmer cluster such as ផ្ទះ (letter, subscript drawn
/// lower, visarga) was cut across three runs, and the PDF writer, which
/// sees one run at a time, left the visarga outside the span that gives
/// the cluster its text: pdftotext read a space after it ("ផ្ទះ របស់").
/// With the mark last, the letters stay in one run. A mark with no
/// advance of its own and no text (the cluster's text is its first
/// glyph's) is the only kind moved; right-to-left clusters are left
/// alone, as their glyphs come in visual order.
fn raised_marks_last(glyphs: &mut [(usize, Glyph)]) {
    let movable = |g: &Glyph| {
        g.y_offset != 0.0
            && g.advance == Length::ZERO
            && g.text == Cluster::Continued
            && g.level.is_multiple_of(2)
    };
    let mut k = 0;
    while k < glyphs.len() {
        let end = cluster_end_at(glyphs, k);
        let cluster = &mut glyphs[k..end];
        // Only where a glyph on the baseline follows a raised mark.
        let needed = cluster
            .iter()
            .position(|(_, g)| movable(g))
            .is_some_and(|m| cluster[m..].iter().any(|(_, g)| !movable(g)));
        if needed {
            // Each glyph's pen position before and after the move.
            let mut pen = Length::ZERO;
            let before: Vec<Length> = cluster
                .iter()
                .map(|(_, g)| {
                    let at = pen;
                    pen += g.advance;
                    at
                })
                .collect();
            let mut order: Vec<usize> = (0..cluster.len()).collect();
            order.sort_by_key(|&i| movable(&cluster[i].1));
            let moved: Vec<(usize, Glyph)> = order
                .iter()
                .map(|&i| (cluster[i].0, cluster[i].1.clone()))
                .collect();
            let mut pen = Length::ZERO;
            for (slot, (&i, (offset, mut g))) in order.iter().zip(moved).enumerate() {
                g.x_offset += (before[i] - pen).to_pt() as f32;
                pen += g.advance;
                cluster[slot] = (offset, g);
            }
        }
        k = end;
    }
}

/// Where the cluster of glyph `k` of a shaped word ends: the glyphs with
/// its text offset (usually one).
fn cluster_end_at(glyphs: &[(usize, Glyph)], k: usize) -> usize {
    let start = glyphs[k].0;
    k + glyphs[k..].iter().take_while(|(c, _)| *c == start).count()
}

/// Where a shaped word is cut.
enum Cut {
    /// Before glyph `glyph`, which starts a cluster, by a break of `kind`
    /// (a hyphen drawn in `face`).
    Before {
        glyph: usize,
        at: usize,
        kind: WordBreak,
        face: FaceId,
    },
    /// At byte `at`, inside the cluster of glyphs `glyphs.0..glyphs.1`
    /// that stands for the bytes `bytes.0..bytes.1`: a ligature.
    Inside {
        glyphs: (usize, usize),
        bytes: (usize, usize),
        at: usize,
        kind: WordBreak,
    },
}

/// The cuts of a shaped word, in order: each break at the start of a
/// cluster, and the first pattern hyphen inside a cluster of more than
/// one character (at most one a cluster).
fn cuts(text: &str, glyphs: &[(usize, Glyph)], breaks: &[(usize, WordBreak)]) -> Vec<Cut> {
    let mut out = Vec::new();
    let mut k = 0;
    let mut next_break = 0;
    while k < glyphs.len() {
        let start = glyphs[k].0;
        let end = cluster_end_at(glyphs, k);
        let bytes_end = glyphs.get(end).map_or(text.len(), |(c, _)| *c);
        let mut inside = false;
        while let Some(&(off, kind)) = breaks.get(next_break) {
            if off >= bytes_end {
                break;
            }
            next_break += 1;
            if off == start && k > 0 {
                // Several kinds at one place: the strongest (lowest) wins.
                match out.last_mut() {
                    Some(Cut::Before {
                        glyph, kind: k0, ..
                    }) if *glyph == k => *k0 = (*k0).min(kind),
                    _ => out.push(Cut::Before {
                        glyph: k,
                        at: start,
                        kind,
                        face: glyphs[k].1.face,
                    }),
                }
            } else if off > start
                && !inside
                && matches!(kind, WordBreak::Hyphen | WordBreak::NameHyphen)
            {
                inside = true;
                out.push(Cut::Inside {
                    glyphs: (k, end),
                    bytes: (start, bytes_end),
                    at: off,
                    kind,
                });
            }
        }
        k = end;
    }
    out
}

/// Whether an address breaks after `c` (a hyphen it breaks before: see
/// [`Setter::find_breaks`]).
fn is_address_separator(c: char) -> bool {
    matches!(c, '/' | '.' | '_' | '?' | '&' | '=' | '#' | '@' | ':')
}

/// Appends a box of glyphs (none for an empty fragment).
fn push_box(p: &mut Paragraph, glyphs: Vec<Glyph>) {
    if glyphs.is_empty() {
        return;
    }
    let width = glyphs.iter().map(|g| g.advance).sum();
    p.push(Item::Box { width }, Piece::Glyphs(glyphs.into()));
}

/// `hidden`, the text of joiners or selectors the shaper drew as nothing,
/// added to the text of the last glyph of `run` (the glyphs of one run so
/// far) that carries any, when it is all ignorable: the copied text keeps
/// it, and the kashida justifier sees that the letter ends a join there.
fn carry_hidden(run: &mut [(usize, Glyph)], hidden: &str) {
    if hidden.is_empty() || !hidden.chars().all(is_ignorable) {
        return;
    }
    let carrier = run
        .iter_mut()
        .rev()
        .find(|(_, g): &&mut (usize, Glyph)| g.text.text().is_some());
    if let Some((_, g)) = carrier {
        let joined = format!("{}{hidden}", g.text.text().unwrap_or_default());
        g.text = Cluster::new(Some(&joined));
    }
}

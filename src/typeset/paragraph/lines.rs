//! A paragraph's chosen breaks to positioned lines: breaking at widths,
//! placing glyphs with glue set, and the warnings of bad breaks.

use crate::error::{Location, Warning};
use crate::style::Align;
use crate::typeset::bidi;
use crate::typeset::fonts::FaceId;
use crate::typeset::kashida;
use crate::typeset::line::{Line, LineEnd, PlacedGlyph};
use crate::typeset::linebreak::{self, Item, PenaltyKind, INFINITY};
use crate::typeset::shape::ShapedGlyph;
use crate::units::Length;

use super::stretch::{LETTER_SHRINK_EM, MAX_LETTER_SPACING_EM, TRACKING_EM};
use super::types::{Glyph, Paragraph, Piece};
use super::Setter;

impl Setter<'_> {
    /// How many lines `p` takes at `width`, and whether every break is clean:
    /// no line sticks out, none ends in a hyphen or inside a word (an
    /// emergency break). Display lines (headlines) must be clean.
    pub fn clean_lines(&self, p: &Paragraph, width: Length) -> (usize, bool) {
        let t = self.trial(p, width);
        (t.lines, t.clean)
    }

    /// The narrowest measure, down to half of `width`, that sets `p` in as
    /// few lines as `width` does, as cleanly (see [`Setter::clean_lines`];
    /// a setting hyphenated for a word wider than a line keeps to as few
    /// hyphens, and one with a word cut is left at `width`)
    /// and at breaks that cost no more in all (a headline broken by sense
    /// keeps its sense): a headline set there has lines of even length
    /// instead of a lone word on its last line.
    pub fn balanced_measure(&self, p: &Paragraph, width: Length) -> Length {
        let full = self.trial(p, width);
        if full.lines < 2 || full.cut {
            return width;
        }
        // A display line hyphenated for a word wider than its measure is
        // balanced too, keeping its hyphens: "Gewerkschaftsmitglieder- /
        // versammlungsbeschluss", not "Ge- / werkschafts…".
        let as_good = |w: Length| {
            let t = self.trial(p, w);
            !t.cut
                && t.hyphens <= full.hyphens
                && t.lines == full.lines
                && t.break_cost <= full.break_cost
        };
        let (mut lo, mut hi) = (width / 2.0, width);
        while hi - lo > Length::pt(0.5) {
            let mid = (lo + hi) / 2.0;
            if as_good(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }

    /// Breaks a prepared paragraph into lines of the given widths (the last
    /// width repeats) and positions every glyph.
    pub fn set(&mut self, p: &Paragraph, widths: &[Length]) -> Vec<Line> {
        let last_width = widths.last().copied().unwrap_or(Length::ZERO);
        let breaks = linebreak::break_lines(&p.items, widths, &self.params_for(p, last_width));
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
            // A line its writer ended inside the paragraph is set as the
            // paragraph's last line is: at its natural width.
            let kept = n + 1 < breaks.lines.len()
                && matches!(p.items.get(br.index), Some(Item::Penalty { cost, .. }) if *cost <= -INFINITY);
            let is_last = n + 1 == breaks.lines.len() || kept;
            let ratio = match p.align {
                Align::Justify if !is_last => br.ratio.max(-1.0),
                Align::Justify => br.ratio.clamp(-1.0, 0.0),
                // Ragged glue nets out to natural spaces inside a line; the
                // slack sits in the glue at the break, which is not drawn.
                _ => 0.0,
            };
            let (mut line, mut offsets) = p.place(start, end, ratio);
            if p.direction == bidi::Direction::Rtl
                && p.align == Align::Justify
                && !is_last
                && ratio > 0.0
            {
                self.lengthen_joins(&mut line, &mut offsets, p.size);
            }
            line.hyphenated = br.hyphenated;
            line.end = if kept {
                LineEnd::Break
            } else {
                line_end(&p.items[end], br.hyphenated)
            };
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
                    at: Location::line(self.origin, p.line),
                    message: format!(
                        "a line sticks out of its column by {}: “{}”",
                        br.overfull,
                        text.trim()
                    ),
                });
            }
            if p.bidi {
                bidi::reorder_line(&mut line, &offsets);
            }
            line.shrink_to_fit();
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

    /// Moves what a stretched right-to-left line's word spaces took into
    /// kashidas in its Arabic words (see [`kashida`]), the join chosen in
    /// each word checked against the font by shaping the word with a
    /// tatweel in it.
    fn lengthen_joins(&mut self, line: &mut Line, offsets: &mut Vec<Length>, size: Length) {
        let fonts = &*self.fonts;
        let shaper = &mut *self.shaper;
        let stroke = |face: FaceId| {
            let f = fonts.face(face);
            f.glyph(TATWEEL).map(|gid| kashida::Stroke {
                gid,
                advance: f.advance(gid, size),
            })
        };
        let plain_join = |face: FaceId, word: &str, at: usize| {
            let Some(tatweel) = fonts.face(face).glyph(TATWEEL) else {
                return false;
            };
            let plain = shaper.shape_in(fonts, face, word, true);
            let with = format!("{}{TATWEEL}{}", &word[..at], &word[at..]);
            let long = shaper.shape_in(fonts, face, &with, true);
            let Some(k) = long.iter().position(|g| g.gid == tatweel) else {
                return false;
            };
            let same =
                |a: &ShapedGlyph, b: &ShapedGlyph| a.gid == b.gid && a.advance_em == b.advance_em;
            long.len() == plain.len() + 1
                && long[..k].iter().zip(&plain[..k]).all(|(a, b)| same(a, b))
                && long[k + 1..]
                    .iter()
                    .zip(&plain[k..])
                    .all(|(a, b)| same(a, b))
        };
        kashida::justify(line, offsets, size, stroke, plain_join);
    }
}

/// ARABIC TATWEEL, the kashida's glyph.
const TATWEEL: char = '\u{0640}';

impl Paragraph {
    /// Positions the glyphs of items `start..end` (and the drawn part of a
    /// penalty at `end`) with glue set at `ratio`; stretched glue that
    /// carries letter spacing spreads its share over the glyphs it covers.
    /// Also gives each glyph's mark offset, in the order placed, which a
    /// right-to-left line applies once it is in visual order (see
    /// [`Glyph::x_offset`]); any other line has them applied already.
    fn place(&self, start: usize, end: usize, ratio: f64) -> (Line, Vec<Length>) {
        let Spread {
            step,
            extra_per_space,
            scale,
        } = self.spread(start, end, ratio);
        let mut line = Line {
            scale: scale as f32,
            ..Line::default()
        };
        let offsets = &mut Vec::new();
        let mut x = Length::ZERO;
        // Glyphs placed since the last glue (run, index): the ones its letter
        // spacing covers.
        let mut since: Vec<(usize, usize)> = Vec::new();
        // The width of their boxes, whose font expansion the glue counts.
        let mut since_width = Length::ZERO;
        let mut size = Length::ZERO;
        let mut ink_end = Length::ZERO;
        for i in start..end {
            match (&self.items[i], &self.pieces[i]) {
                (Item::Box { width }, piece) => {
                    match piece {
                        Piece::Glyphs(gs) => {
                            since_width += *width;
                            let mut gx = x;
                            for g in gs.iter() {
                                since.push(self.put(&mut line, offsets, gx, g, scale));
                                size = size.max(self.size);
                                gx += g.advance * scale;
                                ink_end = gx;
                            }
                        }
                        // A ligature's part after a break inside it: drawn
                        // only when this line starts there (otherwise the
                        // glue before it drew the whole ligature).
                        Piece::PostBreak(gs) if i == start => {
                            ink_end = self.put_all(&mut line, offsets, x, gs, scale)
                        }
                        _ => {}
                    }
                    x += *width * piece.scaled(scale);
                }
                (
                    Item::Glue {
                        width,
                        stretch,
                        shrink,
                    },
                    piece,
                ) => {
                    let tracked = piece.tracked();
                    let mut space_stretch = *stretch;
                    let mut space_shrink = *shrink;
                    if tracked > 0 && tracked == since.len() {
                        space_stretch = *stretch
                            - size * TRACKING_EM * tracked as f64
                            - since_width * self.scaling.stretch;
                        space_shrink = *shrink
                            - size * self.letter_shrink_em() * tracked as f64
                            - since_width * self.scaling.shrink;
                        if ratio != 0.0 {
                            for (k, &(r, g)) in since.iter().enumerate() {
                                line.runs[r].glyphs[g].x += step * k as f64;
                            }
                            x += step * tracked as f64;
                            ink_end = x;
                        }
                    }
                    since.clear();
                    since_width = Length::ZERO;
                    size = Length::ZERO;
                    let set = if ratio >= 0.0 {
                        *width * piece.scaled(scale) + space_stretch * ratio
                    } else {
                        *width * piece.scaled(scale) + space_shrink * ratio
                    };
                    match piece {
                        Piece::Space { glyph, .. } => {
                            self.put(&mut line, offsets, x, glyph, scale);
                            x += extra_per_space;
                        }
                        Piece::Unbroken(gs) => {
                            ink_end = self.put_all(&mut line, offsets, x, gs, scale)
                        }
                        _ => {}
                    }
                    x += set;
                }
                (Item::Penalty { .. }, _) => {}
            }
        }
        if let Piece::Glyphs(gs) = &self.pieces[end] {
            if !gs.is_empty() {
                ink_end = self.put_all(&mut line, offsets, x, gs, scale);
            }
        }
        // A break that gives back the white of the closing mark ending the
        // line (a negative width): the mark stays where it is, its blank
        // half past the line's end, its ink inside the measure.
        if let Item::Penalty { width, .. } = self.items[end] {
            if width < Length::ZERO {
                ink_end += width;
            }
        }
        line.trim_end();
        line.width = ink_end;
        offsets.truncate(line.glyphs().count());
        (line, std::mem::take(offsets))
    }

    /// How a line set at `ratio` (items `start..end`) spreads what its
    /// glyphs' share of the stretch asks of them: the letter gap after
    /// each tracked glyph, the factor all its glyphs are drawn wider by,
    /// and what each word space takes on beyond its own stretch.
    ///
    /// The line breaker counts [`TRACKING_EM`] of stretch per glyph, but no
    /// letter gap may open wider than [`MAX_LETTER_SPACING_EM`]; it counts
    /// the paragraph's font expansion share of each word's width (see
    /// [`GlyphScaling`](super::types::GlyphScaling)), but no line's glyphs
    /// may widen past that share. What a line would take past those goes
    /// to its word spaces instead, so it still fills its measure. A line
    /// without a word space (one long word) stops short of its measure
    /// instead. A shrinking line closes its letter gaps by
    /// [`LETTER_SHRINK_EM`] and narrows its glyphs by their shrink share at
    /// a ratio of -1, which is all the breaker counted, so nothing is left
    /// for its spaces.
    ///
    /// The glyphs the glue counted widening for are those of the words
    /// before each of the line's word spaces; all of the line's glyphs are
    /// drawn at one width factor (one texture, and one `Tz` in the PDF), so
    /// the factor spreads that amount over them all.
    fn spread(&self, start: usize, end: usize, ratio: f64) -> Spread {
        // A line at its natural width (every ragged line, most last lines)
        // has nothing to spread: no walk over its items.
        if ratio == 0.0 {
            return Spread {
                step: Length::ZERO,
                extra_per_space: Length::ZERO,
                scale: 1.0,
            };
        }
        // Glyphs (and the width of their boxes) whose letter spacing and
        // widening `place` applies: those of a glue's tracked stretch that
        // all lie on this line.
        let (mut spaces, mut spaced, mut since) = (0usize, 0usize, 0usize);
        let (mut since_width, mut counted, mut drawn) = (Length::ZERO, Length::ZERO, Length::ZERO);
        for i in start..end {
            match (&self.items[i], &self.pieces[i]) {
                (Item::Box { width }, piece) => {
                    if let Piece::Glyphs(gs) = piece {
                        since += gs.len();
                        since_width += *width;
                    }
                    if piece.draws_glyphs() {
                        drawn += *width;
                    }
                }
                (Item::Glue { width, .. }, piece) => {
                    let tracked = piece.tracked();
                    if tracked > 0 && tracked == since {
                        spaced += tracked;
                        counted += since_width;
                    }
                    if matches!(piece, Piece::Space { .. }) {
                        spaces += 1;
                    }
                    if piece.draws_glyphs() {
                        drawn += *width;
                    }
                    since = 0;
                    since_width = Length::ZERO;
                }
                _ => {}
            }
        }
        if let Piece::Glyphs(gs) = &self.pieces[end] {
            drawn += gs.iter().map(|g| g.advance).sum::<Length>();
        }
        if ratio < 0.0 {
            // Shrinking takes at most what was counted (ratio is at least -1).
            let ratio = ratio.max(-1.0);
            let narrower = if drawn > Length::ZERO {
                counted * self.scaling.shrink * ratio / drawn
            } else {
                0.0
            };
            return Spread {
                step: self.size * self.letter_shrink_em() * ratio,
                extra_per_space: Length::ZERO,
                scale: 1.0 + narrower,
            };
        }
        // Letter spacing past its cap, and widening past its cap, both
        // in points over the line.
        let mut left = Length::ZERO;
        let wanted = self.size * TRACKING_EM * ratio;
        let cap = self.size * MAX_LETTER_SPACING_EM;
        let step = if wanted <= cap {
            wanted
        } else {
            left += (wanted - cap) * spaced as f64;
            cap
        };
        let widen = counted * self.scaling.stretch * ratio;
        let widest = drawn * self.scaling.stretch;
        let widen = if widen <= widest {
            widen
        } else {
            left += widen - widest;
            widest
        };
        let scale = if drawn > Length::ZERO {
            1.0 + widen / drawn
        } else {
            1.0
        };
        // One word alone on its line: spaced out to the measure it would
        // read as a grey bar, so it stops short, as TeX leaves an underfull
        // line.
        let extra_per_space = if spaces == 0 {
            Length::ZERO
        } else {
            left / spaces as f64
        };
        Spread {
            step,
            extra_per_space,
            scale,
        }
    }

    /// What a letter gap gives up at a glue ratio of -1, in em: the
    /// paragraph's items hold that shrink for each glyph only when it
    /// shrinks its letters.
    fn letter_shrink_em(&self) -> f64 {
        if self.shrinks_letters {
            LETTER_SHRINK_EM
        } else {
            0.0
        }
    }

    /// Places glyphs one after the other from `x`, `scale` times as wide
    /// as the font has them; returns where they end.
    fn put_all(
        &self,
        line: &mut Line,
        offsets: &mut Vec<Length>,
        mut x: Length,
        glyphs: &[Glyph],
        scale: f64,
    ) -> Length {
        for g in glyphs {
            self.put(line, offsets, x, g, scale);
            x += g.advance * scale;
        }
        x
    }

    /// Places a glyph on a line, `scale` times as wide as the font has it;
    /// returns its (run, index) for later adjustment.
    fn put(
        &self,
        line: &mut Line,
        offsets: &mut Vec<Length>,
        x: Length,
        g: &Glyph,
        scale: f64,
    ) -> (usize, usize) {
        let x_offset = Length::pt(f64::from(g.x_offset)) * scale;
        offsets.push(x_offset);
        // A right-to-left line takes its offsets once it is in visual order.
        let shift = if self.bidi { Length::ZERO } else { x_offset };
        line.push_raised(
            g.face,
            self.size,
            self.color,
            Length::pt(f64::from(g.y_offset)),
            g.strike,
            PlacedGlyph {
                x: x + shift,
                gid: g.gid,
                text: g.text.clone(),
                level: g.level,
                advance: (g.advance * scale - shift).to_pt() as f32,
            },
        );
        let run = line.runs.len() - 1;
        (run, line.runs[run].glyphs.len() - 1)
    }
}

/// What a set line's letters take of its glue ratio (see [`Paragraph::spread`]).
struct Spread {
    /// The letter gap after each tracked glyph.
    step: Length,
    /// What each word space takes on beyond its own stretch.
    extra_per_space: Length,
    /// How many times as wide as the font has them the glyphs are drawn.
    scale: f64,
}

/// How a line broken at `at` ends (`flagged`: the break is inside a word).
fn line_end(at: &Item, flagged: bool) -> LineEnd {
    match at {
        Item::Penalty {
            kind: PenaltyKind::Hyphen | PenaltyKind::NameHyphen,
            ..
        } => LineEnd::Hyphen,
        Item::Penalty {
            kind: PenaltyKind::Address | PenaltyKind::Emergency,
            ..
        } => LineEnd::Split,
        // An explicit hyphen or dash of the text (flagged, nothing drawn).
        Item::Penalty { .. } if flagged => LineEnd::Split,
        _ => LineEnd::Gap,
    }
}

#[cfg(test)]
mod tests {
    use crate::statement::document::Span;
    use crate::style::{Align, Color, FontRef};
    use crate::typeset::line::Cluster;
    use crate::typeset::line::Line;
    use crate::typeset::paragraph::{TestBench, TextStyle};
    use crate::units::Length;

    /// `text` set on one line in the bundled `family` at 100pt.
    fn one_line(text: &str, family: &str) -> Line {
        let mut bench = TestBench::new();
        let mut setter = bench.setter(Length::pt(5000.0));
        let style = TextStyle::display(
            FontRef::Family(family.into()),
            false,
            Length::pt(100.0),
            Color::Gray(0.0),
            Align::Left,
        );
        let p = setter.prepare(&[Span::plain(text)], &style, 1).unwrap();
        let mut lines = setter.set(&p, &[Length::pt(5000.0)]);
        assert_eq!(lines.len(), 1);
        lines.remove(0)
    }

    #[test]
    fn a_line_its_writer_ended_ends_there_at_its_natural_width() {
        let mut bench = TestBench::new();
        let measure = Length::pt(300.0);
        let mut setter = bench.setter(measure);
        let style = TextStyle {
            hyphenate: true,
            ..TextStyle::display(
                FontRef::Family("serif".into()),
                false,
                Length::pt(10.0),
                Color::Gray(0.0),
                Align::Justify,
            )
        };
        let text = "Write to us:\u{2028}Riverside Tenants\u{2028}12 Mill Lane\u{2028}and we \
                    will answer every letter within a week, as we have done for every \
                    tenant who wrote to us since the association began.";
        let p = setter.prepare(&[Span::plain(text)], &style, 1).unwrap();
        let lines = setter.set(&p, &[measure]);
        let texts: Vec<String> = lines.iter().map(|l| l.text().trim().to_string()).collect();
        assert_eq!(
            texts[..3],
            ["Write to us:", "Riverside Tenants", "12 Mill Lane"]
        );
        assert!(texts.len() >= 5, "{texts:?}");
        // Those three keep their natural spaces; the full lines after
        // them are justified to the measure.
        let mut natural = |t: &str| {
            let p = setter.prepare(&[Span::plain(t)], &style, 1).unwrap();
            setter.set(&p, &[Length::pt(5000.0)])[0].width
        };
        for (line, text) in lines.iter().zip(&texts).take(3) {
            assert!((line.width - natural(text)).to_pt().abs() < 0.01, "{text}");
        }
        assert!((lines[3].width - measure).to_pt().abs() < 0.01);
    }

    #[test]
    fn a_mark_is_moved_where_the_shaper_puts_it() {
        // Noto Sans Devanagari draws the vocalic r sign of कृ at the pen
        // after क, then moves it back under the letter (0.22 em in
        // HarfBuzz's output).
        let line = one_line("कृषि", "devanagari");
        let glyphs: Vec<_> = line.glyphs().map(|(_, g)| g).collect();
        let (ka, sign) = (glyphs[0], glyphs[1]);
        assert_eq!(sign.text, Cluster::Continued);
        let pen = ka.x.to_pt() + f64::from(ka.advance);
        assert!(
            sign.x.to_pt() < pen - 15.0,
            "sign at {:?}, pen after ka at {pen}",
            sign.x
        );
    }

    #[test]
    fn a_stacked_mark_sits_on_its_own_rise() {
        // Over a vowel sign above (กิ่ง), Noto Sans Thai draws a small tone
        // mark and the shaper moves it 0.059 em down onto the sign; on its
        // own (ก่) the mark stays where it is drawn.
        let raised = |text| {
            one_line(text, "thai")
                .runs
                .iter()
                .filter(|r| r.rise < Length::ZERO)
                .count()
        };
        assert_eq!(raised("กิ่ง"), 1);
        assert_eq!(raised("ก่"), 0);
    }
}

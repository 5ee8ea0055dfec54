//! Styled text to items: words and the spaces between them, and the
//! letter spacing justified text may use.

use crate::error::{Location, Result, Warning};
use crate::script::{is_ideographic, is_southeast_asian};
use crate::statement::document::{is_table, Span, Style, LINE_BREAK};
use crate::style::Align;
use crate::typeset::bidi;
use crate::typeset::kashida;
use crate::typeset::line::Cluster;
use crate::typeset::linebreak::{Item, PenaltyKind, INFINITY};
use crate::units::Length;

use super::chars::{is_ignorable, is_separator};
use super::items::{fill, forced_break, free_break, justified_space, no_break};
use super::table::{self, Cell, Table};
use super::types::{Glyph, GlyphScaling, Paragraph, Piece, TextStyle};
use super::Setter;

impl Setter<'_> {
    /// [`Setter::prepare`] for a block in `lang`, its own language where it
    /// is another than the statement's: hyphenated by that language's
    /// patterns (without them, not at all).
    pub fn prepare_in(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        line: usize,
        lang: Option<&str>,
    ) -> Result<Paragraph> {
        let Some(lang) = lang else {
            return self.prepare(spans, style, line);
        };
        let own = self.hyphenator;
        if let Some((_, h)) = self.others.iter().find(|(tag, _)| tag == lang) {
            self.hyphenator = h;
        }
        let p = self.prepare(spans, style, line);
        self.hyphenator = own;
        p
    }

    /// Turns styled text into items. `line` is the block's source line for messages.
    pub fn prepare(&mut self, spans: &[Span], style: &TextStyle, line: usize) -> Result<Paragraph> {
        if is_table(spans) {
            let (p, table) = self.prepare_with(spans, style, line, true)?;
            if table.is_some_and(|t| t.lined_up) {
                return Ok(p);
            }
            let headed = table::by_headings(spans);
            let how = if headed.is_some() {
                "its rows are set as lines of text, each cell after its column's heading"
            } else {
                "its rows are set as lines of text, an em between cells"
            };
            self.warnings.push(Warning {
                at: Location::line(self.origin, line),
                message: format!(
                    "the table's columns are wider than the text's column ({}): {how}",
                    self.measure
                ),
            });
            // Records, not prose, either way: flush left (at the start of
            // the line), as justified they open gaps around the headings
            // and end a row on a hyphenated word's stub; and each row set
            // apart, as a row may wrap.
            let ragged = TextStyle {
                align: match style.align {
                    Align::Justify => Align::Left,
                    other => other,
                },
                ..style.clone()
            };
            let mut p = match headed {
                Some(headed) => self.prepare_with(&headed, &ragged, line, false)?.0,
                None => self.prepare_with(spans, &ragged, line, false)?.0,
            };
            p.rows_apart = true;
            return Ok(p);
        }
        Ok(self.prepare_with(spans, style, line, false)?.0)
    }

    /// The width of a table's rows (text with tabs) set in `style` with
    /// their cells lined up in columns, however wide; `None` for text
    /// without tabs. What the body size must keep within the measure for
    /// the columns to stand.
    pub fn table_width(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        line: usize,
    ) -> Result<Option<Length>> {
        if !is_table(spans) {
            return Ok(None);
        }
        Ok(self
            .prepare_with(spans, style, line, true)?
            .1
            .map(|t| t.width))
    }

    /// [`Setter::prepare`], with the cells of a table's rows lined up in
    /// columns when `table` (see [`Table`]), and then how wide they are and
    /// whether they were lined up, which they are not when they do not fit
    /// the measure together. Without `table`, a tab is a word space.
    fn prepare_with(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        line: usize,
        table: bool,
    ) -> Result<(Paragraph, Option<TableFit>)> {
        self.main_letter = self.main_letter_of(spans, style)?;
        let script = ScriptShare::of(spans);
        let aligned = script_alignment(script, style);
        let style = aligned.as_ref().unwrap_or(style);
        let mut p = Paragraph {
            items: Vec::new(),
            pieces: Vec::new(),
            align: style.align,
            size: style.size,
            color: style.color,
            line,
            weighed: false,
            rows_apart: false,
            bidi: false,
            shrinks_letters: false,
            scaling: GlyphScaling::NONE,
            segment_breaks: Vec::new(),
            // Running text only (a body paragraph, which may hyphenate):
            // a display line's last line is the breaking by sense's.
            min_last_line: if !style.hyphenate {
                Length::ZERO
            } else if script.mostly_ideographic() {
                style.size * CJK_LAST_LINE_EM
            } else if script.mostly_spaced() {
                style.size * LAST_LINE_EM
            } else {
                Length::ZERO
            },
            graded_last_line: style.hyphenate && script.mostly_ideographic(),
        };
        // Which patterns hyphenate it: a word's items depend on them.
        let hyphenation = match style.hyphenate {
            false => 0,
            true => self
                .others
                .iter()
                .position(|(_, h)| std::ptr::eq(h, self.hyphenator))
                .map_or(1, |k| k + 2),
        };
        self.memo
            .start_paragraph(style, hyphenation, self.main_letter);
        // A table's first row starts where the others do.
        if style.indent > Length::ZERO && !table {
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
                    strike: s.style.strike || style.base.strike,
                };
                s.text.chars().map(move |c| (c, st))
            })
            .collect();
        // Embedding levels, one a character, only for a paragraph that
        // needs them (see `bidi::char_levels`).
        let levels = {
            let text: String = chars.iter().map(|(c, _)| *c).collect();
            bidi::char_levels(&text, self.direction)
        };
        p.bidi = levels.is_some();
        let level_at = |k: usize| levels.as_ref().map_or(0, |l| l[k]);
        let mut i = 0;
        let mut last_glyph: Option<Glyph> = None;
        // Whether the next word opens a sentence (the paragraph's first does).
        let mut sentence_start = true;
        let mut cells = table.then(|| Table::starting_at(p.items.len()));
        // Where the cell being built starts among `chars`.
        let mut cell_from = 0;
        let cell_at = |from: usize, to: usize| Cell::of(chars[from..to].iter().map(|&(c, _)| c));
        while i < chars.len() {
            let c = chars[i].0;
            if c == LINE_BREAK {
                // The writer's own line break (an address, a verse): the
                // line ends here at its natural width, as a paragraph's
                // last line does, and the next begins without a space.
                if let Some(t) = cells.as_mut() {
                    t.end_row(&p.items, cell_at(cell_from, i));
                    cell_from = i + 1;
                }
                if !p.items.is_empty() {
                    p.push_line_end();
                }
                if let Some(t) = cells.as_mut() {
                    t.start_cell(p.items.len());
                }
                i += 1;
                continue;
            }
            if c == '\t' {
                // Between two cells of a table's row: glue that
                // `Table::line_up` widens to the next column, or, in rows
                // too wide for that, a gutter's width where a line may
                // break.
                let mut glyph =
                    self.space_glyph(style, chars[i].1, last_glyph.as_ref(), level_at(i))?;
                let tab = |width| Item::Glue {
                    width,
                    stretch: Length::ZERO,
                    shrink: Length::ZERO,
                };
                if let Some(t) = cells.as_mut() {
                    // A row that opens with an empty cell: a box for it, or
                    // the line breaker would drop the tab's glue at the
                    // line's start as it drops any, and the row's cells
                    // would stand a column to the left.
                    if i == 0 || chars[i - 1].0 == LINE_BREAK {
                        p.push(
                            Item::Box {
                                width: Length::ZERO,
                            },
                            Piece::Nothing,
                        );
                    }
                    p.push(no_break(), Piece::Nothing);
                    t.tab(&p.items, cell_at(cell_from, i), p.items.len());
                    cell_from = i + 1;
                    // Drawn as a space, and read as one; the tagged PDF
                    // parts the row's cells where it stands.
                    glyph.text = Cluster::Char('\t');
                    p.push(tab(Length::ZERO), Piece::Space { glyph, tracked: 0 });
                    t.start_cell(p.items.len());
                } else {
                    glyph.advance = style.size * table::GUTTER_EM;
                    p.push(tab(glyph.advance), Piece::Space { glyph, tracked: 0 });
                }
                i += 1;
                continue;
            }
            if is_separator(c) {
                let sep_style = chars[i].1;
                // Runs of separators act as one: the strongest tie wins.
                let mut j = i;
                let mut tie = false;
                let mut zero_width = true;
                loop {
                    while j < chars.len() && is_separator(chars[j].0) {
                        tie |= chars[j].0 == '\u{A0}' || chars[j].0 == '\u{202F}';
                        zero_width &= chars[j].0 == '\u{200B}';
                        j += 1;
                    }
                    // Format marks alone between two spaces (a stray U+061C
                    // or U+200E from a web page) draw nothing and join
                    // nothing: the spaces around them are one space.
                    let k = j + chars[j..]
                        .iter()
                        .take_while(|(c, _)| is_ignorable(*c))
                        .count();
                    if k == j || !chars.get(k).is_some_and(|(c, _)| is_separator(*c)) {
                        break;
                    }
                    j = k;
                }
                // A dash set off by spaces is a parenthesis or a pause: it
                // belongs to the words before it, and a line must not
                // start with it ("– the official").
                tie |= is_spaced_dash(&chars[j..]);
                // A number stays with the word it counts or dates: "50
                // people", "3 km", "26. März", as TeX users tie them.
                tie |= counts_next(&chars[..i], &chars[j..]);
                // Digits grouped by a space, as French, Polish, Russian and
                // Swedish write thousands: "10 / 000 euros" read as two.
                tie |= groups_digits(&chars[..i], &chars[j..]);
                // An abbreviation of several parts ("z. B.", "d. h.", "т. е.")
                // and initials ("J. R. Jones") never part.
                tie |= abbreviation_goes_on(&chars[..i], &chars[j..]);
                // A sign or abbreviation keeps the number it introduces:
                // "€ 50", "§ 218", "Nr. 12", "Art. 5".
                tie |= introduces_number(&chars[..i], &chars[j..]);
                // A form's label keeps its blank: "Name: ________".
                tie |= labels_blank(&chars[..i], &chars[j..]);
                // Inside a time or measure ("11 h 30"), and after a Czech or
                // Polish one-letter word ("v Praze", see
                // `sense::one_letter_words`), a justified line may still
                // break at a price, as a forbidden break could leave it
                // gaping; a ragged one never needs to.
                let dear = inside_measure(&chars[..i], &chars[j..])
                    || ends_on_letter(&chars[..i], self.one_letter_words)
                    || numbers_previous(&chars[..i], &chars[j..]);
                // A table's row stays one line.
                let at = if tie || table || dear && style.align != Align::Justify {
                    SpaceBreak::Never
                } else if dear {
                    SpaceBreak::Dear
                } else {
                    SpaceBreak::Free
                };
                let narrow = chars[i..j].iter().all(|(c, _)| *c == '\u{202F}');
                if j < chars.len()
                    && !matches!(chars[j].0, LINE_BREAK | '\t')
                    && !p.items.is_empty()
                {
                    self.push_space(
                        &mut p,
                        style,
                        sep_style,
                        last_glyph.as_ref(),
                        at,
                        zero_width,
                        narrow,
                        level_at(i),
                    )?;
                }
                i = j;
                continue;
            }
            let mut j = i;
            while j < chars.len()
                && !is_separator(chars[j].0)
                && !matches!(chars[j].0, LINE_BREAK | '\t')
            {
                j += 1;
            }
            let from = p.items.len();
            let word_levels = levels.as_ref().map(|l| &l[i..j]);
            last_glyph = self.push_word(&mut p, &chars[i..j], word_levels, style, line)?;
            if sentence_start {
                p.unmark_names(from, self.hyphen_penalty);
            }
            sentence_start = ends_sentence(&chars[i..j]);
            i = j;
        }
        // Right-to-left letters are never spaced apart: a gap breaks an
        // Arabic join, and alreq rules letter spacing out; such a
        // paragraph is justified by its word spaces alone.
        let rtl_letters = levels
            .as_ref()
            .is_some_and(|l| l.iter().any(|v| v % 2 == 1));
        // Before the letter spacing adds its items, which would move the
        // tabs' glue.
        let fit = cells.map(|mut t| {
            t.end_row(&p.items, cell_at(cell_from, chars.len()));
            TableFit {
                width: t.width(style.size),
                lined_up: t.line_up(&mut p.items, style.size, self.measure, rtl_letters),
            }
        });
        if style.align == Align::Justify && !rtl_letters {
            p.shrinks_letters = self.letter_shrink;
            let shrink = if p.shrinks_letters {
                style.size * LETTER_SHRINK_EM
            } else {
                Length::ZERO
            };
            // Not a table's: its columns are lined up at natural widths.
            // Nor Chinese or Japanese, set on a grid of square characters
            // and justified between them, never by drawing them wider.
            if fit.is_none() && !script.mostly_ideographic() {
                let most = self.font_expansion;
                p.scaling = GlyphScaling {
                    stretch: most,
                    shrink: if p.shrinks_letters { most } else { 0.0 },
                };
            }
            p.add_tracking(style.size * TRACKING_EM, shrink);
        }
        if style.align == Align::Justify && rtl_letters {
            p.add_kashida_stretch(style.size * kashida::STRETCH_EM);
        }
        p.push_line_end();
        Ok((p, fit))
    }

    /// Appends the items of a run of separators: a free break for a
    /// zero-width space, else a word space as the alignment needs it
    /// (`at` saying whether a line may break there, `narrow` for a narrow
    /// one), at the bidi `level` of the first separator.
    #[allow(clippy::too_many_arguments)]
    fn push_space(
        &mut self,
        p: &mut Paragraph,
        style: &TextStyle,
        span_style: Style,
        prev: Option<&Glyph>,
        at: SpaceBreak,
        zero_width: bool,
        narrow: bool,
        level: u8,
    ) -> Result<()> {
        if zero_width {
            p.push(free_break(), Piece::Nothing);
            return Ok(());
        }
        let mut space = self.space_glyph(style, span_style, prev, level)?;
        if narrow {
            space.advance = space.advance * 0.6;
        }
        let width = space.advance;
        match at {
            SpaceBreak::Never => p.push(no_break(), Piece::Nothing),
            // The glue after a penalty is no break: the penalty is.
            SpaceBreak::Dear => p.push(
                Item::Penalty {
                    width: Length::ZERO,
                    cost: TIE_BREAK_COST,
                    flagged: false,
                    kind: PenaltyKind::Tie,
                },
                Piece::Nothing,
            ),
            SpaceBreak::Free => {}
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
        if at == SpaceBreak::Never {
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
        p.push_ragged_break(
            style.size,
            width,
            Piece::Space {
                glyph: space,
                tracked: 0,
            },
        );
        Ok(())
    }
}

impl Setter<'_> {
    /// The word space of the paragraph's own face, even after a word set
    /// from the fallback chain (`prev`): an emoji font's space is an em
    /// wide. At bidi `level`; struck between two struck words (a line
    /// never starts on a space).
    fn space_glyph(
        &mut self,
        style: &TextStyle,
        span_style: Style,
        prev: Option<&Glyph>,
        level: u8,
    ) -> Result<Glyph> {
        let own = self.face_for(style, span_style)?;
        let face_id = match prev {
            Some(g) if !self.fonts.face(own).has_char(' ') => g.face,
            _ => own,
        };
        let face = self.fonts.face(face_id);
        Ok(Glyph {
            face: face_id,
            gid: face.glyph(' ').unwrap_or(0),
            advance: face.space_width(style.size),
            text: Cluster::Char(' '),
            level,
            x_offset: 0.0,
            y_offset: 0.0,
            strike: span_style.strike && prev.is_some_and(|g| g.strike),
        })
    }
}

/// How a table's rows came out.
#[derive(Clone, Copy, Debug)]
struct TableFit {
    /// Their width lined up in columns.
    width: Length,
    /// Whether they were lined up: they fit the measure.
    lined_up: bool,
}

/// Whether a line may break at a word space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SpaceBreak {
    /// Freely, as at any word space.
    Free,
    /// At [`TIE_BREAK_COST`], in justified text only: inside a time or
    /// measure ("11 h 30"), after a Czech or Polish one-letter word.
    Dear,
    /// Never: a no-break space, a number before what it counts, a spaced
    /// dash after its word.
    Never,
}

impl Paragraph {
    /// The end of a paragraph, or of a line the writer ended: no break
    /// before the fill, fill glue (so the line keeps its natural width),
    /// then a forced break.
    fn push_line_end(&mut self) {
        self.push(no_break(), Piece::Nothing);
        self.push(fill(), Piece::Nothing);
        self.push(forced_break(), Piece::Nothing);
    }

    /// A break in ragged text at `size`, as Knuth sets it: the stretch sits
    /// only at a line end (glue that a break keeps, then the break, then
    /// glue taking the stretch back), and the space of `width` drawn as
    /// `drawn` keeps its natural width inside a line.
    pub(super) fn push_ragged_break(&mut self, size: Length, width: Length, drawn: Piece) {
        self.push_ragged(size, (free_break(), Piece::Nothing), (width, drawn));
    }

    /// A break of `kind` and `cost` inside a word that draws nothing (an
    /// over-long word's or an address's), in text set at `size` in `align`.
    /// In ragged text it takes the rag as a space does: without it a line
    /// ending there has no stretch, so every such line is as bad as can
    /// be, the breaker cannot tell an even rag from an uneven one, and it
    /// left a headline's first line holding one letter ("S /
    /// upercalifragil…").
    pub(super) fn push_inner_break(
        &mut self,
        size: Length,
        align: Align,
        cost: f64,
        kind: PenaltyKind,
    ) {
        let penalty = Item::Penalty {
            width: Length::ZERO,
            cost,
            flagged: false,
            kind,
        };
        if align == Align::Justify {
            self.push(penalty, Piece::Nothing);
        } else {
            // The rag's glue follows a letter, so it would be a free break
            // inside the word in every pass: only the penalty may break.
            self.push(no_break(), Piece::Nothing);
            self.push_ragged(
                size,
                (penalty, Piece::Nothing),
                (Length::ZERO, Piece::Nothing),
            );
        }
    }

    /// A hyphen `penalty` (drawn as `hyphen`) inside a word wider than
    /// half the line, in ragged text: with the rag that a word space's
    /// break has, as [`Self::push_inner_break`] gives the word's emergency
    /// breaks. A line broken at a plain hyphen takes its stretch from the
    /// spaces in it; a line of a word too long for one line has none, so
    /// its hyphens rated as lines that cannot stretch at all (badness
    /// 10¹²), and the breaker cut the word anywhere, without a hyphen,
    /// where the rag let it ("Donaudampfschifff / ahrtsgesell…" on the A2
    /// poster). Only such words: a word that fits a line keeps its
    /// hyphens priced as they were, and ragged body text its hyphenation.
    pub(super) fn push_ragged_hyphen(&mut self, size: Length, penalty: Item, hyphen: Piece) {
        self.push(no_break(), Piece::Nothing);
        self.push_ragged(size, (penalty, hyphen), (Length::ZERO, Piece::Nothing));
    }

    /// The break `penalty` (drawn as `at_break` where a line ends on it)
    /// in ragged text, as Knuth sets it: the stretch sits only at a line
    /// end (glue that a break keeps, then the break, then glue taking the
    /// stretch back, of `width` drawn as `drawn`).
    fn push_ragged(
        &mut self,
        size: Length,
        (penalty, at_break): (Item, Piece),
        (width, drawn): (Length, Piece),
    ) {
        let rag = size * RAG_EM;
        self.push(
            Item::Glue {
                width: Length::ZERO,
                stretch: rag,
                shrink: Length::ZERO,
            },
            Piece::Nothing,
        );
        self.push(penalty, at_break);
        self.push(
            Item::Glue {
                width,
                stretch: -rag,
                shrink: Length::ZERO,
            },
            drawn,
        );
    }
}

/// The style a paragraph's script asks for instead of the layout's
/// alignment; `None` for most paragraphs.
///
/// A justified paragraph that is mostly Thai, Lao, Khmer or Burmese is set
/// flush left: its lines break between words without spaces, and widening
/// those boundaries reads as spaces (which separate phrases) while its few
/// real spaces gape. Justifying it well takes spreading every character
/// cluster a little, which handbill does not do yet.
///
/// Running text that is mostly Chinese or Japanese is justified where the
/// layout sets it flush left (the posters do, as their narrow measures
/// leave Latin word spaces gaping): Chinese and Japanese are set solid,
/// every full line filling the measure (JLREQ, CLREQ), and justifying
/// them spreads the space between characters by a hair, never a word
/// space. Flush left, a column of equal-width characters ends a fraction
/// of a character short of its measure on every line, which reads as a
/// narrower column with stray punctuation sticking out of it. Display
/// lines (headlines, headings, the band), which never hyphenate, keep
/// the layout's alignment.
fn script_alignment(script: ScriptShare, style: &TextStyle) -> Option<TextStyle> {
    let align = match style.align {
        Align::Justify if script.southeast * 2 > script.letters => Align::Left,
        Align::Left if style.hyphenate && script.mostly_ideographic() => Align::Justify,
        _ => return None,
    };
    Some(TextStyle {
        align,
        ..style.clone()
    })
}

/// The shortest last line of a paragraph of running text in a script
/// written with spaces, in ems, where the measure's share
/// (`SHORT_LAST_LINE`) is less: a little more than "able." in a Latin
/// serif, and than three syllables of Devanagari ("उठाए।"). The share alone
/// lets such a word stand alone on a narrow measure (a list item's at
/// 15pt, 15 ems wide), where it looks as much a stub as on a wide one.
/// Not for Thai, Khmer and the like, whose last line of three short
/// words ("ที่สูงขึ้น", "that rises") is no stub, and which would pull a
/// compound apart to lengthen it.
const LAST_LINE_EM: f64 = 3.0;

/// The shortest last line of a paragraph of running Chinese or Japanese,
/// in ems: four characters and the full stop after them. The measure's
/// share that serves Latin text (a sixth, some eight characters of sixty)
/// lets through "努力。", two characters and a mark under a full column:
/// a stub that Chinese and Japanese typesetters pull a few characters
/// down to avoid, at the cost of a hair more space in the line above.
const CJK_LAST_LINE_EM: f64 = 5.0;

/// Demerits for a last line under [`CJK_LAST_LINE_EM`]: four times the
/// Latin stub's, what four lines each spread by about one character's
/// worth of its 0.08 em gaps cost (badness some 400 each). Chinese and
/// Japanese lines stretch little, so at the Latin price a paragraph kept
/// "力。" alone rather than spread the lines above it (A3 poster, looked
/// at: spread so, its lines read as evenly set as the rest).
pub(super) const CJK_SHORT_LAST_LINE_DEMERITS: f64 = 1_000_000.0;

/// How many of a paragraph's letters are in the scripts that set it
/// their own way, counted once for all the choices made from them.
#[derive(Clone, Copy)]
pub struct ScriptShare {
    letters: usize,
    /// Thai, Lao, Khmer, Burmese.
    southeast: usize,
    /// Chinese and Japanese.
    ideographs: usize,
}

impl ScriptShare {
    /// Counted over `spans` (one paragraph's, or a whole text's).
    pub fn of<'a>(spans: impl IntoIterator<Item = &'a Span>) -> ScriptShare {
        let mut share = ScriptShare {
            letters: 0,
            southeast: 0,
            ideographs: 0,
        };
        for c in spans.into_iter().flat_map(|s| s.text.chars()) {
            if c.is_alphabetic() {
                share.letters += 1;
                share.southeast += usize::from(is_southeast_asian(c));
                share.ideographs += usize::from(is_ideographic(c));
            }
        }
        share
    }

    /// Mostly Chinese or Japanese.
    pub fn mostly_ideographic(self) -> bool {
        self.ideographs * 2 > self.letters
    }

    /// Mostly in scripts that space their words (not Chinese, Japanese,
    /// Thai, Lao, Khmer or Burmese).
    pub fn mostly_spaced(self) -> bool {
        (self.ideographs + self.southeast) * 2 <= self.letters
    }
}

/// Whether a word ends a sentence (or a clause a capital may follow): its
/// last character before closing quotes and brackets is a full stop, a
/// question or exclamation mark (Greek ;, Armenian ։), an ellipsis or a
/// colon.
fn ends_sentence(word: &[(char, Style)]) -> bool {
    word.iter()
        .rev()
        .map(|(c, _)| *c)
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']'))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | '\u{37E}' | '։' | '。'))
}

/// Whether `rest` starts with a dash standing alone as a word (an en or
/// em dash with a space or the paragraph's end after it).
fn is_spaced_dash(rest: &[(char, Style)]) -> bool {
    matches!(rest.first(), Some(('\u{2013}' | '\u{2014}', _)))
        && rest.get(1).is_none_or(|(c, _)| is_separator(*c))
}

/// The most characters of a number that is tied to the word after it: a
/// count, a day, an hour or an amount ("50", "26.", "18.30", "2,5"). A
/// year or a longer figure is not: "in 2026 the" needs no tie.
const COUNT_CHARS: usize = 5;

/// Signs written after an amount, a space apart in most of Europe
/// ("11,20 €", "15 %"): the currency signs in use and the per cent and
/// per mille signs. A line ending on "11.20" with "€" starting the next
/// leaves the amount without its unit (seen in a table's row on the A4
/// leaflet).
const AMOUNT_SIGNS: &[char] = &[
    '€', '$', '£', '¥', '¢', '₹', '₽', '₺', '₴', '₦', '₩', '₪', '₫', '₱', '₸', '₾', '₼', '%', '‰',
];

/// Whether the word that ends `before` is a number and the word that
/// starts `after` begins with a letter or is the sign of an amount (see
/// [`AMOUNT_SIGNS`]): then the space between them is a tie, as a number
/// read at a line's end without what it counts means nothing yet.
fn counts_next(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let number = last_word(before);
    let figure = number.first().is_some_and(|(c, _)| c.is_numeric())
        && number.len() <= COUNT_CHARS
        && number
            .iter()
            .all(|(c, _)| c.is_numeric() || matches!(c, '.' | ',' | ':'));
    figure
        && after
            .first()
            .is_some_and(|(c, _)| c.is_alphabetic() || AMOUNT_SIGNS.contains(c))
}

/// The most letters of a part of a spaced abbreviation ("z. B.", "u. a.",
/// "i. d. R.", "т. е.") or of an initial: two; a longer word with a full
/// stop ends a sentence as often as not.
const ABBREVIATION_LETTERS: usize = 2;

/// Whether the word ending `before` and the one starting `after` are each
/// a letter or two and a full stop: parts of one abbreviation, which
/// German (Duden), Russian and Czech typesetting keep on one line ("d. /
/// h." on the A6 handout), or initials.
fn abbreviation_goes_on(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let part = |word: &[(char, Style)]| {
        word.split_last().is_some_and(|((stop, _), letters)| {
            *stop == '.'
                && (1..=ABBREVIATION_LETTERS).contains(&letters.len())
                && letters.iter().all(|(c, _)| c.is_alphabetic())
        })
    };
    let next = after
        .iter()
        .position(|(c, _)| is_separator(*c) || *c == LINE_BREAK)
        .map_or(after, |k| &after[..k]);
    // "B.," or "h.)": what closes the abbreviation may follow it.
    let next = match next.iter().position(|(c, _)| *c == '.') {
        Some(k) => &next[..=k],
        None => next,
    };
    part(last_word(before)) && part(next)
}

/// The signs a number is written after, with a space: currencies (see
/// [`AMOUNT_SIGNS`]), the section and number signs.
const NUMBER_SIGNS: &[char] = &['§', '№', '#'];

/// The most letters of an abbreviation that numbers what follows: "Nr.",
/// "No.", "Art.", "Abs.", "S.".
const NUMBERING_LETTERS: usize = 4;

/// Whether the word ending `before` is a sign or a capitalised
/// abbreviation that introduces the number starting `after` ("€ 50", "§
/// 218", "Nr. 12", "Art. 5"): a line ending on the sign or "Nr." leaves
/// it without its number.
fn introduces_number(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    if !after.first().is_some_and(|(c, _)| c.is_ascii_digit()) {
        return false;
    }
    match last_word(before) {
        // A per cent or per mille sign follows its number instead.
        [(c, _)] => {
            (AMOUNT_SIGNS.contains(c) && !matches!(c, '%' | '‰')) || NUMBER_SIGNS.contains(c)
        }
        [(first, _), letters @ .., (stop, _)] => {
            *stop == '.'
                && first.is_uppercase()
                && letters.len() < NUMBERING_LETTERS
                && letters.iter().all(|(c, _)| c.is_alphabetic())
        }
        _ => false,
    }
}

/// The fewest marks of a blank to write in ("____", "……", "....").
const BLANK_MARKS: usize = 3;

/// Whether the word ending `before` is a label (its last character a
/// colon) and `after` starts with a blank of underscores or dots: a
/// petition's or a form's "Name: ________", which a line ending on
/// "Address:" parts from the line to write on.
fn labels_blank(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let label = last_word(before)
        .last()
        .is_some_and(|(c, _)| matches!(c, ':' | '：'));
    // An ellipsis is three dots.
    let marks: usize = after
        .iter()
        .map_while(|(c, _)| match c {
            '_' | '.' => Some(1),
            '…' => Some(3),
            _ => None,
        })
        .sum();
    label && marks >= BLANK_MARKS
}

/// The digits of a group of thousands, which a space may part from the
/// digits before it: three, in every language that groups them so.
const THOUSANDS: usize = 3;

/// Whether the word that ends `before` is one to [`THOUSANDS`] digits
/// and `after` starts with a group of exactly that many ("10 000", "1
/// 500,50", "25 000 000"): the space is a thousands separator, inside one
/// number.
fn groups_digits(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let digit = |c: &char| c.is_ascii_digit();
    let head = last_word(before);
    let group = after.iter().take_while(|(c, _)| digit(c)).count();
    (1..=THOUSANDS).contains(&head.len())
        && head.iter().all(|(c, _)| digit(c))
        && group == THOUSANDS
        && !after
            .get(THOUSANDS)
            .is_some_and(|(c, _)| c.is_alphanumeric() && !digit(c))
}

/// The most letters of a unit that a number after it continues: the `h`
/// of "11 h 30", the `m` of "1 m 80". A range's two-letter "to" or "do"
/// ("9 to 16 minutes") is tied too, which reads as well; longer words
/// ("and", "bis") leave "5 and 6" free to break.
const MEASURE_UNIT_CHARS: usize = 2;

/// The cost of a break at a tie of justified text ("11 h / 30", "v /
/// Praze"): a line should keep it whole, but not at any price. In a narrow
/// column a forbidden break there left a justified line gaping by an em
/// ("Rendez-vous le jeudi 26 mars à", the French sample on the tri-fold).
/// Such a break is only tried by the final passes (see
/// [`PenaltyKind::Tie`]), where every setting has a line beyond
/// tolerance; there its square, the demerits it adds, is what a line of
/// badness 1000 costs, one whose spaces have stretched twice as far as
/// they are meant to.
const TIE_BREAK_COST: f64 = 1000.0;

/// Whether the words ending `before` are a number and a unit of at most
/// [`MEASURE_UNIT_CHARS`] letters and `after` starts with a figure: the
/// space inside a time or measure written in two units ("11 h 30", half
/// past eleven as French writes it), which a line must not split either.
fn inside_measure(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    if !after.first().is_some_and(|(c, _)| c.is_numeric()) {
        return false;
    }
    let unit = last_word(before);
    let start = before.len() - unit.len();
    if unit.is_empty()
        || unit.len() > MEASURE_UNIT_CHARS
        || !unit.iter().all(|(c, _)| c.is_alphabetic())
    {
        return false;
    }
    let mut end = start;
    while end > 0 && is_separator(before[end - 1].0) {
        end -= 1;
    }
    end < start && counts_next(&before[..end], unit)
}

/// The most digits of a number that closes a clause and stays with the
/// word before it: a house or room number ("Lindenstraße 8,", "broj
/// 14.", "Gate 3a."). Years ("in 2026.") have four and go with it too.
const NUMBERED_DIGITS: usize = 4;

/// Whether `after` starts with a short number (and perhaps one letter,
/// "8a") that ends a clause or the paragraph, and `before` ends with a
/// word that does not: the number belongs to that word, the street or
/// room it numbers, and a line starting "8, Erdgeschoss." reads as a
/// stray figure ("Gemeinschaftsraum Lindenstraße / 8, Erdgeschoss.").
fn numbers_previous(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let word = last_word(before);
    if !word.last().is_some_and(|(c, _)| c.is_alphabetic()) {
        return false;
    }
    let end = after
        .iter()
        .position(|(c, _)| is_separator(*c))
        .unwrap_or(after.len());
    let token: Vec<char> = after[..end].iter().map(|(c, _)| *c).collect();
    let digits = token.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &token[digits..];
    let rest = match rest {
        [l, tail @ ..] if l.is_lowercase() => tail,
        _ => rest,
    };
    (1..=NUMBERED_DIGITS).contains(&digits) && matches!(rest, [',' | '.' | ';' | ':' | ')'])
}

/// Whether the word that ends `before` is one letter of `letters`.
fn ends_on_letter(before: &[(char, Style)], letters: &str) -> bool {
    matches!(last_word(before), [(c, _)] if letters.contains(*c))
}

/// The characters of `before` after its last separator: the word it ends
/// with, empty when it ends with a separator.
fn last_word(before: &[(char, Style)]) -> &[(char, Style)] {
    let start = before
        .iter()
        .rposition(|(c, _)| is_separator(*c))
        .map_or(0, |k| k + 1);
    &before[start..]
}

/// Knuth's rag for ragged lines, in em: the stretch a line end may take,
/// wide enough that any ragged line is within tolerance, so the breaker
/// weighs only how even the rag is.
const RAG_EM: f64 = 3.0;

/// Letter spacing, in em, that justified text may add between glyphs at a
/// glue ratio of 1 (a line stretched as far as its spaces are meant to go).
/// Giving the line breaker a little more stretch lets it choose breaks with
/// smaller word gaps; word gaps of half an em show as holes and rivers.
/// Small, so that the breaker's count stays true up to a ratio of 2, where
/// [`MAX_LETTER_SPACING_EM`] stops it (it was 0.015, which let lines be
/// letter-spaced by up to 0.09 em on posters: grey bars).
pub(super) const TRACKING_EM: f64 = 0.01;

/// The widest letter gap justification may open, in em: 0.01 em is about
/// 4% of a word space, what careful typesetters allow (InDesign users set
/// letter-spacing limits of a few percent). A looser line puts the rest
/// into its word spaces.
pub(super) const MAX_LETTER_SPACING_EM: f64 = 0.01;

/// Letter spacing, in em, that justified text may take away between
/// glyphs at a glue ratio of -1 (a line shrunk as far as its spaces may
/// go): the mirror of [`TRACKING_EM`], within the same 0.01 em limit.
/// Word spaces alone shrink by a third, about 0.08 em each; a line of
/// nine words and fifty letters gains two thirds as much again from its
/// letters, so more lines can take the word or syllable that would
/// otherwise leave them, and the lines around them, loose.
pub(super) const LETTER_SHRINK_EM: f64 = 0.01;

impl Paragraph {
    /// Turns the name hyphens of the items from `from` on into ordinary
    /// ones at `cost`: a capitalised word opening a sentence is no name.
    fn unmark_names(&mut self, from: usize, cost: f64) {
        for item in &mut self.items[from..] {
            if let Item::Penalty {
                kind: kind @ PenaltyKind::NameHyphen,
                cost: c,
                ..
            } = item
            {
                *kind = PenaltyKind::Hyphen;
                *c = cost;
            }
        }
    }

    /// Adds `per_word` to the stretch of each word space after a word
    /// that can take a kashida (see [`kashida::can_lengthen`]): the line
    /// breaker then counts on what the kashidas of a right-to-left line
    /// will take, which `kashida::justify` moves out of the spaces once
    /// the line is set.
    fn add_kashida_stretch(&mut self, per_word: Length) {
        let mut letters: Vec<Option<char>> = Vec::new();
        for (item, piece) in self.items.iter_mut().zip(&self.pieces) {
            match (item, piece) {
                (Item::Box { .. }, Piece::Glyphs(gs)) => letters.extend(gs.iter().map(|g| {
                    let in_place = g.x_offset == 0.0 && g.y_offset == 0.0;
                    kashida::letter(&g.text, g.level % 2 == 1, in_place)
                })),
                (Item::Glue { stretch, .. }, piece) => {
                    if matches!(piece, Piece::Space { .. }) && kashida::can_lengthen(&letters) {
                        *stretch += per_word;
                    }
                    letters.clear();
                }
                _ => {}
            }
        }
    }

    /// Adds letter-spacing and font-expansion stretch to justified text:
    /// each word space gets the stretch of the glyphs since the last break
    /// opportunity, and each breakable penalty inside a word is followed by
    /// zero-width glue holding the stretch of the glyphs before it (a
    /// penalty of infinite cost keeps that glue from being a break). A
    /// fragment that ends a line loses its stretch together with the glue
    /// that is discarded at the break, so what the breaker counts is
    /// exactly what the line uses (its widening is then shared out over
    /// all the line's glyphs, that fragment's too; see `Paragraph::spread`).
    fn add_tracking(&mut self, per_glyph: Length, per_glyph_shrink: Length) {
        let mut items = Vec::with_capacity(self.items.len() * 3 / 2);
        let mut pieces = Vec::with_capacity(items.capacity());
        let scaling = self.scaling;
        let mut glyphs = 0usize;
        // The width of those glyphs' boxes, which font expansion widens.
        let mut drawn = Length::ZERO;
        for (item, piece) in self.items.drain(..).zip(self.pieces.drain(..)) {
            match (item, piece) {
                (Item::Box { width }, piece) => {
                    if let Piece::Glyphs(gs) = &piece {
                        glyphs += gs.len();
                        drawn += width;
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
                    let extra = per_glyph * glyphs as f64 + drawn * scaling.stretch;
                    items.push(Item::Glue {
                        width,
                        stretch: stretch + extra,
                        shrink: shrink + per_glyph_shrink * glyphs as f64 + drawn * scaling.shrink,
                    });
                    pieces.push(Piece::Space {
                        glyph,
                        tracked: glyphs,
                    });
                    glyphs = 0;
                    drawn = Length::ZERO;
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
                    let extra = per_glyph * glyphs as f64 + drawn * scaling.stretch;
                    items.push(Item::Glue {
                        width: Length::ZERO,
                        stretch: extra,
                        shrink: per_glyph_shrink * glyphs as f64 + drawn * scaling.shrink,
                    });
                    pieces.push(Piece::Tracking { tracked: glyphs });
                    glyphs = 0;
                    drawn = Length::ZERO;
                }
                (item, piece) => {
                    if matches!(item, Item::Glue { .. }) {
                        glyphs = 0;
                        drawn = Length::ZERO;
                    }
                    items.push(item);
                    pieces.push(piece);
                }
            }
        }
        self.items = items;
        self.pieces = pieces;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::paragraph::TestBench;

    /// The costs of the penalties of `text` set in `align` that a line may
    /// break at and that are not free.
    fn dear_breaks(text: &str, align: Align) -> Vec<f64> {
        let p = TestBench::new().prepare(text, align);
        p.items
            .iter()
            .filter_map(|i| match i {
                Item::Penalty { cost, .. } if *cost > 0.0 && *cost < INFINITY => Some(*cost),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_block_in_another_language_takes_its_own_hyphenation() {
        use crate::typeset::hyphenate::Hyphenator;
        use crate::typeset::linebreak::PenaltyKind;
        let mut bench = TestBench::new();
        bench.hyphenator = Hyphenator::new("en", 2, 3, false).unwrap();
        let others = [(
            "es".to_string(),
            Hyphenator::new("es", 2, 3, false).unwrap(),
        )];
        let mut setter = bench.setter(Length::pt(500.0));
        setter.others = &others;
        let style = TextStyle {
            hyphenate: true,
            ..TextStyle::display(
                crate::style::FontRef::Family("serif".into()),
                false,
                Length::pt(10.0),
                crate::style::Color::Gray(0.0),
                Align::Justify,
            )
        };
        let mut hyphens = |lang: Option<&str>| {
            let p = setter
                .prepare_in(&[Span::plain("desarrollo")], &style, 1, lang)
                .unwrap();
            p.items
                .iter()
                .filter(|i| {
                    matches!(
                        i,
                        Item::Penalty {
                            kind: PenaltyKind::Hyphen,
                            ..
                        }
                    )
                })
                .count()
        };
        // English patterns: "de-sar-rollo"; Spanish: "de-sa-rro-llo".
        assert_eq!(hyphens(None), 2);
        assert_eq!(hyphens(Some("es")), 3);
        // A language with no hyphenator given: the statement's.
        assert_eq!(hyphens(Some("fr")), 2);
    }

    #[test]
    fn a_justified_line_may_split_a_measure_at_a_price_a_ragged_one_never() {
        assert_eq!(
            dear_breaks("vers 11 h 30 devant", Align::Justify),
            [TIE_BREAK_COST]
        );
        assert!(dear_breaks("vers 11 h 30 devant", Align::Left).is_empty());
        assert!(dear_breaks("from 11 and 30 on", Align::Justify).is_empty());
    }

    fn styled(text: &str) -> Vec<(char, Style)> {
        text.chars().map(|c| (c, Style::default())).collect()
    }

    #[test]
    fn a_number_that_closes_a_clause_stays_with_the_word_it_numbers() {
        let tied = |before: &str, after: &str| numbers_previous(&styled(before), &styled(after));
        assert!(tied("im Gemeinschaftsraum Lindenstraße", "8, Erdgeschoss."));
        assert!(tied("u ulici broj", "14. Pozivamo"));
        assert!(tied("at Gate", "3a."));
        // Not after a clause's end, not a number that counts the next
        // word, not a figure with a point inside it, not a long one.
        assert!(!tied("26. März,", "18.30 Uhr"));
        assert!(!tied("we are", "50 people"));
        assert!(!tied("costs", "2.50."));
        assert!(!tied("population", "120000."));
        assert!(!tied("items 1,", "2, 3"));
    }

    #[test]
    fn an_amount_stays_with_its_currency_or_per_cent_sign() {
        let tied = |before: &str, after: &str| counts_next(&styled(before), &styled(after));
        assert!(tied("Now: 11.20", "€ · We ask"));
        assert!(tied("um 15", "% erhöht"));
        assert!(tied("we are 50", "people"));
        // Not a year before its sign, nor a sign after a word.
        assert!(!tied("in 202612", "€"));
        assert!(!tied("costs", "€ 5"));
    }

    #[test]
    fn a_spaced_abbreviation_is_one_word() {
        // Before: "höhere Löhne, d. / h. echte Verbesserungen, u. / a." on
        // the A6 handout.
        let tied =
            |before: &str, after: &str| abbreviation_goes_on(&styled(before), &styled(after));
        assert!(tied("Löhne, d.", "h. echte"));
        assert!(tied("z.", "B."));
        assert!(tied("i. d.", "R., mehr"));
        assert!(tied("и т.", "д."));
        assert!(tied("by J.", "R. Jones"));
        // Not a sentence's end before a word, nor a word of three letters.
        assert!(!tied("Das ist so.", "Er kommt."));
        assert!(!tied("bis 5.", "Mai"));
        assert!(!tied("vgl.", "S. 5"));
    }

    #[test]
    fn a_sign_or_abbreviation_keeps_its_number() {
        let tied = |before: &str, after: &str| introduces_number(&styled(before), &styled(after));
        assert!(tied("costs €", "50 a month"));
        assert!(tied("nach §", "218"));
        assert!(tied("Haus Nr.", "12"));
        assert!(tied("see Art.", "5,"));
        assert!(tied("at No.", "10"));
        // Not a per cent sign (it follows its number), a word, or a long
        // abbreviation.
        assert!(!tied("up %", "5"));
        assert!(!tied("rooms", "12"));
        assert!(!tied("Gemeinschaftsr.", "8"));
        assert!(!tied("costs €", "a lot"));
    }

    #[test]
    fn a_forms_label_keeps_its_blank() {
        let tied = |before: &str, after: &str| labels_blank(&styled(before), &styled(after));
        assert!(tied("Name:", "________ Address:"));
        assert!(tied("____ Signature:", "....... "));
        assert!(tied("Datum:", "……"));
        // Not a label, a short mark, or words after a colon.
        assert!(!tied("Name", "________"));
        assert!(!tied("Note:", "__"));
        assert!(!tied("We ask:", "rents down"));
    }

    #[test]
    fn digits_grouped_by_a_space_are_one_number() {
        // Before: "réclament 10 / 000 euros" on the A6 handout.
        let tied = |before: &str, after: &str| groups_digits(&styled(before), &styled(after));
        assert!(tied("réclament 10", "000 euros"));
        assert!(tied("soit 1", "500,50 €"));
        assert!(tied("25 000", "000."));
        // Not a group of two or four, a word before, or a code's letters.
        assert!(!tied("items 1", "23 and"));
        assert!(!tied("in 2026", "100 people"));
        assert!(!tied("room", "123"));
        assert!(!tied("page 1", "234b"));
    }

    #[test]
    fn a_time_in_two_units_is_one_measure() {
        let tied = |before: &str, after: &str| inside_measure(&styled(before), &styled(after));
        assert!(tied("à 11 h", "30, devant"));
        assert!(tied("1 m", "80"));
        // Not a unit after a number, or no number after it.
        assert!(!tied("from 5 and", "6"));
        assert!(!tied("Plan B", "2"));
        assert!(!tied("à 11 h", "devant"));
        assert!(!tied("h", "30"));
    }
}

//! Styled text to items: the entry points and the main loop, which reads a
//! paragraph's characters as words (each set by `word`), word spaces, tabs
//! and the writer's line breaks, and asks `ties` whether each space may
//! break.

use crate::error::{Location, Result, Warning};
use crate::statement::document::{is_table, Span, Style, LINE_BREAK};
use crate::style::Align;
use crate::typeset::bidi;
use crate::typeset::kashida;
use crate::typeset::line::Cluster;
use crate::typeset::linebreak::{Item, PenaltyKind};
use crate::units::Length;

use super::chars::is_separator;
use super::items::{free_break, justified_space, no_break};
use super::script_share::{script_alignment, ScriptShare};
use super::stretch::{LETTER_SHRINK_EM, TRACKING_EM};
use super::table::{self, Cell, Table};
use super::ties::{separator_run, space_break, SpaceBreak, TIE_BREAK_COST};
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

    /// The width a table's rows (text with tabs) set in `style` need to
    /// stand lined up in columns, however wide; zero for a table of two
    /// columns whose labels hang (see [`Setter::label_form`]) up to a
    /// larger size than its columns stand: there it stands as labels, and
    /// past that as lines of text, each reading as a table reads, so it
    /// does not hold the body small (a programme's long event made the A4
    /// set its body at 12.75pt, a third of the page). `None` for text
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
        let Some(fit) = self.prepare_with(spans, style, line, true)?.1 else {
            return Ok(None);
        };
        let hangs_larger = fit
            .hang
            .is_some_and(|hang| hang / table::LABEL_SHARE < fit.width)
            && table::label_rows(spans).is_some();
        Ok(Some(if hangs_larger {
            Length::ZERO
        } else {
            fit.width
        }))
    }

    /// How a table of two columns' rows stand when the table is too wide
    /// for the measure to line up (see [`LabelForm`]): hung, when its first
    /// cells are narrow enough to stand left of the text as labels (the
    /// widest label and a gutter at most [`table::LABEL_SHARE`] of the
    /// measure: a programme's times, "10:00", before events that wrap), or
    /// else each label over its text. `None` for a table that lines up, or
    /// has another number of columns or a headings' row; and for text
    /// without tabs.
    pub fn label_form(
        &mut self,
        spans: &[Span],
        style: &TextStyle,
        line: usize,
    ) -> Result<Option<LabelForm>> {
        // Two cells a row are the fit's to tell (`hang`).
        if !is_table(spans) || table::has_headings(spans) {
            return Ok(None);
        }
        let fit = self.prepare_with(spans, style, line, true)?.1;
        let measure = self.measure;
        Ok(fit
            .filter(|f| !f.lined_up)
            .and_then(|f| f.hang)
            .map(|hang| {
                if hang <= measure * table::LABEL_SHARE {
                    LabelForm::Hung(hang)
                } else {
                    LabelForm::Stacked
                }
            }))
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
        let mut p = new_paragraph(style, script, line);
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
        let chars = styled_chars(spans, style);
        // Embedding levels, one a character, only for a paragraph that
        // needs them (see `bidi::char_levels`).
        let levels = {
            let text: String = chars.iter().map(|(c, _)| *c).collect();
            bidi::char_levels(&text, self.direction)
        };
        p.bidi = levels.is_some();
        let levels = levels.map(|(direction, levels)| {
            p.direction = direction;
            levels
        });
        let mut walk = Walk {
            chars: &chars,
            levels,
            last_glyph: None,
            sentence_start: true,
            cells: table.then(|| Table::starting_at(p.items.len())),
            cell_from: 0,
        };
        let mut i = 0;
        while i < chars.len() {
            i = match chars[i].0 {
                LINE_BREAK => {
                    walk.line_break(&mut p, i);
                    i + 1
                }
                '\t' => {
                    self.push_tab(&mut p, style, &mut walk, i)?;
                    i + 1
                }
                c if is_separator(c) => self.push_separators(&mut p, style, &walk, i, table)?,
                _ => self.push_next_word(&mut p, style, &mut walk, i, line)?,
            };
        }
        // Right-to-left letters are never spaced apart: a gap breaks an
        // Arabic join, and alreq rules letter spacing out; such a
        // paragraph is justified by its word spaces alone.
        let rtl_letters = walk
            .levels
            .as_ref()
            .is_some_and(|l| l.iter().any(|v| v % 2 == 1));
        // Before the letter spacing adds its items, which would move the
        // tabs' glue.
        let fit = walk.cells.take().map(|mut t| {
            t.end_row(&p.items, walk.cell(chars.len()));
            TableFit {
                width: t.width(style.size),
                hang: t.label_width().map(|w| w + style.size * table::GUTTER_EM),
                lined_up: t.line_up(&mut p.items, style.size, self.measure, rtl_letters),
            }
        });
        self.justify(&mut p, style, script, (fit.is_some(), rtl_letters));
        p.push_line_end();
        Ok((p, fit))
    }

    /// The tab at `walk`'s character `i`, between two cells of a table's
    /// row: glue that `Table::line_up` widens to the next column, or, in
    /// rows too wide for that (or outside a table), a gutter's width where
    /// a line may break.
    fn push_tab(
        &mut self,
        p: &mut Paragraph,
        style: &TextStyle,
        walk: &mut Walk,
        i: usize,
    ) -> Result<()> {
        let chars = walk.chars;
        let mut glyph = self.space_glyph(
            style,
            chars[i].1,
            walk.last_glyph.as_ref(),
            walk.level_at(i),
        )?;
        let tab = |width| Item::Glue {
            width,
            stretch: Length::ZERO,
            shrink: Length::ZERO,
        };
        let Some(mut t) = walk.cells.take() else {
            glyph.advance = style.size * table::GUTTER_EM;
            p.push(tab(glyph.advance), Piece::Space { glyph, tracked: 0 });
            return Ok(());
        };
        // A row that opens with an empty cell: a box for it, or the line
        // breaker would drop the tab's glue at the line's start as it
        // drops any, and the row's cells would stand a column to the left.
        if i == 0 || chars[i - 1].0 == LINE_BREAK {
            p.push(
                Item::Box {
                    width: Length::ZERO,
                },
                Piece::Nothing,
            );
        }
        p.push(no_break(), Piece::Nothing);
        t.tab(&p.items, walk.cell(i), p.items.len());
        // Drawn as a space, and read as one; the tagged PDF parts the
        // row's cells where it stands.
        glyph.text = Cluster::Char('\t');
        p.push(tab(Length::ZERO), Piece::Space { glyph, tracked: 0 });
        t.start_cell(p.items.len());
        walk.cells = Some(t);
        walk.cell_from = i + 1;
        Ok(())
    }

    /// The run of spaces starting at `walk`'s character `i`, as one word
    /// space (or none, at the paragraph's start or before a line break or
    /// tab), breakable as `ties` says; in a `table` lined up in columns.
    /// Returns where the run ends.
    fn push_separators(
        &mut self,
        p: &mut Paragraph,
        style: &TextStyle,
        walk: &Walk,
        i: usize,
        table: bool,
    ) -> Result<usize> {
        let chars = walk.chars;
        let (j, tied, zero_width) = separator_run(chars, i);
        let at = space_break(
            &chars[..i],
            &chars[j..],
            tied,
            self.one_letter_words,
            (style.align, table),
        );
        let narrow = chars[i..j].iter().all(|(c, _)| *c == '\u{202F}');
        if j < chars.len() && !matches!(chars[j].0, LINE_BREAK | '\t') && !p.items.is_empty() {
            self.push_space(
                p,
                style,
                chars[i].1,
                walk.last_glyph.as_ref(),
                at,
                zero_width,
                narrow,
                walk.level_at(i),
            )?;
        }
        Ok(j)
    }

    /// The word starting at `walk`'s character `i` (see `push_word`), its
    /// capitalised first word left hyphenatable if it opens a sentence
    /// (see `Paragraph::unmark_names`). Returns where the word ends.
    fn push_next_word(
        &mut self,
        p: &mut Paragraph,
        style: &TextStyle,
        walk: &mut Walk,
        i: usize,
        line: usize,
    ) -> Result<usize> {
        let chars = walk.chars;
        let j = i + chars[i..]
            .iter()
            .position(|&(c, _)| is_separator(c) || matches!(c, LINE_BREAK | '\t'))
            .unwrap_or(chars.len() - i);
        let from = p.items.len();
        let word_levels = walk.levels.as_ref().map(|l| &l[i..j]);
        walk.last_glyph = self.push_word(p, &chars[i..j], word_levels, style, line)?;
        if walk.sentence_start {
            p.unmark_names(from, self.hyphen_penalty);
        }
        walk.sentence_start = ends_sentence(&chars[i..j]);
        Ok(j)
    }

    /// How `p`, whose items are in, is justified in `style`: in a
    /// justified paragraph, by letter spacing and glyph scaling besides
    /// its word spaces (not in a `table` lined up in columns, nor in
    /// Chinese or Japanese), or where it has right-to-left letters
    /// (`rtl_letters`), by its word spaces, and by kashida if it reads
    /// right to left.
    fn justify(
        &self,
        p: &mut Paragraph,
        style: &TextStyle,
        script: ScriptShare,
        (table, rtl_letters): (bool, bool),
    ) {
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
            if !table && !script.mostly_ideographic() {
                let most = self.font_expansion;
                p.scaling = GlyphScaling {
                    stretch: most,
                    shrink: if p.shrinks_letters { most } else { 0.0 },
                };
            }
            p.add_tracking(style.size * TRACKING_EM, shrink);
        }
        // Only a paragraph that reads right to left: an Arabic name quoted
        // in an English line is set as written, as a typesetter would set
        // a quotation, not drawn longer to fill the line.
        if style.align == Align::Justify && rtl_letters && p.direction == bidi::Direction::Rtl {
            p.add_kashida_stretch(style.size * kashida::STRETCH_EM);
        }
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

/// How the rows of a table of two columns too wide to line up stand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LabelForm {
    /// Each first cell a label flush with the column's start, the second
    /// cell's text starting this far in and wrapping under its own start.
    Hung(Length),
    /// Each first cell a label on a line of its own, over its text: labels
    /// too wide to hang ("Wednesday 5 March", nine ems) would leave the
    /// text a narrow strip.
    Stacked,
}

/// How a table's rows came out.
#[derive(Clone, Copy, Debug)]
struct TableFit {
    /// Their width lined up in columns.
    width: Length,
    /// Whether they were lined up: they fit the measure.
    lined_up: bool,
    /// For a table of two columns, the width of the first and a gutter:
    /// where the second starts when the first is hung as labels.
    hang: Option<Length>,
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

/// Where the main loop of [`Setter::prepare_with`] is in a paragraph's
/// characters, and what it carries from one word to the next.
struct Walk<'c> {
    /// The paragraph's characters, each with its span's style.
    chars: &'c [(char, Style)],
    /// Their embedding levels, for a paragraph that needs them.
    levels: Option<Vec<u8>>,
    /// The last glyph of the last word: a space after it takes its face.
    last_glyph: Option<Glyph>,
    /// Whether the next word opens a sentence (the paragraph's first does).
    sentence_start: bool,
    /// A table's rows being lined up, when the paragraph is one.
    cells: Option<Table>,
    /// Where the cell being built starts among `chars`.
    cell_from: usize,
}

impl Walk<'_> {
    /// The embedding level of character `k`: zero without levels.
    fn level_at(&self, k: usize) -> u8 {
        self.levels.as_ref().map_or(0, |l| l[k])
    }

    /// The cell being built, up to character `to`.
    fn cell(&self, to: usize) -> Cell {
        Cell::of(self.chars[self.cell_from..to].iter().map(|&(c, _)| c))
    }

    /// The writer's own line break at character `i` (an address, a
    /// verse): the line ends here at its natural width, as a paragraph's
    /// last line does, and the next begins without a space; in a table,
    /// the row ends.
    fn line_break(&mut self, p: &mut Paragraph, i: usize) {
        if let Some(mut t) = self.cells.take() {
            t.end_row(&p.items, self.cell(i));
            self.cells = Some(t);
            self.cell_from = i + 1;
        }
        if !p.items.is_empty() {
            p.push_line_end();
        }
        if let Some(t) = self.cells.as_mut() {
            t.start_cell(p.items.len());
        }
    }
}

/// An empty paragraph to be set in `style`, its script's share `script`
/// deciding how short its last line may be; `line` is its source line.
fn new_paragraph(style: &TextStyle, script: ScriptShare, line: usize) -> Paragraph {
    Paragraph {
        items: Vec::new(),
        pieces: Vec::new(),
        align: style.align,
        size: style.size,
        color: style.color,
        line,
        weighed: false,
        rows_apart: false,
        bidi: false,
        direction: bidi::Direction::Ltr,
        shrinks_letters: false,
        scaling: GlyphScaling::NONE,
        segment_breaks: Vec::new(),
        ideographs_few: script.ideographs_few(),
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
    }
}

/// The characters of `spans`, each with its style: the span's own, plus
/// what `style` sets for the whole paragraph (a heading's bold).
fn styled_chars(spans: &[Span], style: &TextStyle) -> Vec<(char, Style)> {
    spans
        .iter()
        .flat_map(|s| {
            let st = Style {
                italic: s.style.italic || style.base.italic,
                bold: s.style.bold || style.base.bold,
                strike: s.style.strike || style.base.strike,
            };
            s.text.chars().map(move |c| (c, st))
        })
        .collect()
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

    /// Forbids hyphenation inside every word no wider than `width`: a
    /// display line divides only a word that no line can hold. Hyphenated
    /// throughout so that "Wohnungsbaugesellschaft" would fit the
    /// tri-fold's cover, a German headline also came out "Gegen die
    /// Miet- / erhöhung", where "Mieterhöhung" fitted a line whole.
    pub fn divide_only_words_wider_than(&mut self, width: Length) {
        let mut start = 0;
        for k in 0..=self.items.len() {
            let space = k == self.items.len() || matches!(self.pieces[k], Piece::Space { .. });
            if !space {
                continue;
            }
            let word: Length = self.items[start..k]
                .iter()
                .zip(&self.pieces[start..k])
                .map(|(item, piece)| match (item, piece) {
                    (Item::Box { width }, _) => *width,
                    (Item::Glue { width, .. }, Piece::Unbroken(_)) => *width,
                    _ => Length::ZERO,
                })
                .sum();
            if word <= width {
                for item in &mut self.items[start..k] {
                    if let Item::Penalty {
                        kind: PenaltyKind::Hyphen | PenaltyKind::NameHyphen,
                        cost,
                        ..
                    } = item
                    {
                        *cost = crate::typeset::linebreak::INFINITY;
                    }
                }
            }
            start = k + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::linebreak::INFINITY;
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
}

//! The legible measure: how many characters a line of the body holds, and
//! so how large the body may be set in a column before its lines get too
//! short to read well (or, in one wide column, how small before they get
//! too long to follow back).
//!
//! The count depends on the typeface and on the language (German words
//! are longer than English ones, Greek letters wider than Latin ones), so
//! it is not guessed from the font size: the statement's own first
//! paragraphs are set once at the layout's size, and the characters of
//! their full lines counted. Characters a line scale with the measure and
//! inversely with the size, which gives every other size and width.

use super::body::body_style;
use super::first_page::split_head;
use super::tools::Tools;
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::Design;
use crate::script::is_cjk;
use crate::statement::document::{Block, BlockKind, Document};
use crate::style::Align;
use crate::typeset::line::{Line, LineEnd};
use crate::typeset::paragraph::{Setter, TextStyle};
use crate::units::Length;

/// The fewest characters a justified line should hold: with fewer, a line
/// has too few word spaces to take up the slack, and gaps open up.
const MIN_CHARS_JUSTIFIED: f64 = 40.0;

/// The fewest characters a flush-left line should hold: its spaces never
/// stretch, but below this the ragged edge takes over the column.
const MIN_CHARS_RAGGED: f64 = 35.0;

/// The most characters a line should hold: beyond this the eye loses its
/// way back to the start of the next line (45–75 is the comfortable range;
/// generous leading at large sizes carries a few more).
const MAX_CHARS: f64 = 80.0;

/// How many characters of Latin text a character is worth in the count.
/// A Chinese or Japanese character, or a Korean syllable, is a syllable or
/// a word set in a full em square: two units (what two Latin letters
/// take), so that the limits above give 20 to 40 of them a line, the range
/// JLREQ and Chinese and Korean typesetting keep body text in.
fn reading_units(c: char) -> usize {
    if is_cjk(c) {
        2
    } else {
        1
    }
}

/// Characters of text the count is taken from: a few paragraphs, enough
/// for a steady average, few enough to cost one paragraph setting.
const SAMPLE_CHARS: usize = 2500;

/// The body's characters a line, known for one size and width, and the
/// width of its widest table.
#[derive(Clone, Copy, Debug)]
pub(super) struct Measure {
    /// Width of an average character (spaces included) as a share of the
    /// type size; `None` when the text has no full line to count.
    em_per_char: Option<f64>,
    /// Whether lines are justified (they need more characters).
    justified: bool,
    /// Width of the widest table's rows lined up in columns, in ems of the
    /// body; 0 without tables. Its columns stand only while that fits the
    /// column (see `typeset::paragraph::table`).
    table_em: f64,
}

impl Measure {
    /// The largest body size at which a line of `width` still holds enough
    /// characters, and the widest table fits it if it can at `least` or
    /// larger: a table too wide for the column at every size the layout
    /// allows is set as lines of text anyway, and no reason to set the
    /// body small.
    pub(super) fn largest(&self, width: Length, least: Length) -> Length {
        let fewest = if self.justified {
            MIN_CHARS_JUSTIFIED
        } else {
            MIN_CHARS_RAGGED
        };
        let by_chars = self
            .em_per_char
            .map_or(Length::pt(f64::INFINITY), |e| width / (fewest * e));
        let by_table = width / self.table_em;
        if self.table_em > 0.0 && by_table >= least {
            by_chars.min(by_table)
        } else {
            by_chars
        }
    }

    /// The smallest body size at which a line of `width` holds no more
    /// characters than can be followed.
    pub(super) fn smallest(&self, width: Length) -> Length {
        self.em_per_char
            .map_or(Length::ZERO, |e| width / (MAX_CHARS * e))
    }
}

impl Tools {
    /// The body's measure in `design`, counted on the full lines of the
    /// statement's first body paragraphs (or list items, or, where no line
    /// is full, on all their lines), with the width of its widest table;
    /// `None` when it has neither text nor table to count.
    pub(super) fn measure(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
    ) -> Result<Option<Measure>> {
        let params = design.linebreak.params();
        let mut warnings = Vec::new();
        let mut setter = self.setter(design, opts, &params, &mut warnings);
        setter.letter_shrink = false;
        let body = &design.body;
        let style = body_style(design);
        let column = design.page.column_width();
        let (mut chars, mut width) = (0usize, Length::ZERO);
        let (_, blocks) = split_head(&doc.blocks);
        let mut table = Length::ZERO;
        // The body blocks that are tables' rows, by their place in `blocks`.
        let mut rows = Vec::new();
        for (k, block) in blocks.iter().enumerate() {
            if block.kind != BlockKind::Body {
                continue;
            }
            if let Some(w) = setter.table_width(&block.spans, &style, block.line)? {
                table = table.max(w);
                rows.push(k);
                continue;
            }
            if chars < SAMPLE_CHARS {
                count_lines(
                    &mut setter,
                    block,
                    (&style, column),
                    Counted::Full,
                    (&mut chars, &mut width),
                )?;
            }
        }
        // A statement that is all list items ("Our twelve demands", a line
        // under them) has no full line of running text to count, and was
        // set with no limit: two columns of 18 characters on the A4.
        // Its items' full lines count then.
        if chars == 0 {
            let items = blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::ListItem { .. }));
            sample(
                &mut setter,
                items,
                (&style, column),
                Counted::Full,
                (&mut chars, &mut width),
            )?;
        }
        // A statement of short lines only (ten reasons, a line each, and
        // a line under them) wraps none at the layout's size, but does at
        // the size it is set at: the A4 set it in two columns of some 22
        // characters ("3. Someone on / your side at a / disciplinary.").
        // Its lines count then, each at its own width.
        if chars == 0 {
            let short = blocks.iter().enumerate().filter_map(|(k, b)| {
                let text = matches!(b.kind, BlockKind::Body | BlockKind::ListItem { .. });
                (text && rows.binary_search(&k).is_err()).then_some(b)
            });
            sample(
                &mut setter,
                short,
                (&style, column),
                Counted::All,
                (&mut chars, &mut width),
            )?;
        }
        Ok((chars > 0 || table > Length::ZERO).then(|| Measure {
            em_per_char: (chars > 0).then(|| width / (body.size * chars as f64)),
            justified: body.align == Align::Justify,
            table_em: table / body.size,
        }))
    }
}

/// Which of a block's lines count toward the measure.
#[derive(Clone, Copy)]
enum Counted {
    /// Those the column filled (every line but the last, and those its
    /// writer ended short), each as wide as the column.
    Full,
    /// All of them, each as wide as its ink: for a text whose lines are
    /// all shorter than the column.
    All,
}

/// Adds the reading units (see [`reading_units`]) of `block`'s lines that
/// count, set in `style` on a line of `column`, to `chars`, and their
/// width to `width`.
fn count_lines(
    setter: &mut Setter,
    block: &Block,
    (style, column): (&TextStyle, Length),
    counted: Counted,
    (chars, width): (&mut usize, &mut Length),
) -> Result<()> {
    let p = setter.prepare_in(&block.spans, style, block.line, block.language())?;
    let lines = setter.set(&p, &[column]);
    let units = |l: &Line| l.text().chars().map(reading_units).sum::<usize>();
    match counted {
        Counted::Full => {
            let full = lines.iter().take(lines.len().saturating_sub(1));
            for line in full.filter(|l| l.end != LineEnd::Break) {
                *chars += units(line);
                *width += column;
            }
        }
        Counted::All => {
            for line in &lines {
                *chars += units(line);
                *width += line.width;
            }
        }
    }
    Ok(())
}

/// [`count_lines`] over `blocks`, until [`SAMPLE_CHARS`] are counted.
fn sample<'b>(
    setter: &mut Setter,
    blocks: impl Iterator<Item = &'b Block>,
    (style, column): (&TextStyle, Length),
    counted: Counted,
    (chars, width): (&mut usize, &mut Length),
) -> Result<()> {
    for block in blocks {
        if *chars >= SAMPLE_CHARS {
            break;
        }
        count_lines(
            setter,
            block,
            (style, column),
            counted,
            (&mut *chars, &mut *width),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_from_the_average_character() {
        // Half an em a character in an 87 mm column (246.6 pt).
        let m = Measure {
            em_per_char: Some(0.5),
            justified: true,
            table_em: 0.0,
        };
        let column = Length::pt(246.6);
        let least = Length::pt(8.0);
        // 40 characters a justified line up to 12.33 pt.
        assert!((m.largest(column, least).to_pt() - 12.33).abs() < 1e-9);
        // No more than 80 characters a line from 6.165 pt on.
        assert!((m.smallest(column).to_pt() - 6.165).abs() < 1e-9);
        // A flush-left line may hold fewer: the body may be larger.
        let ragged = Measure {
            justified: false,
            ..m
        };
        assert!((ragged.largest(column, least).to_pt() - 14.091).abs() < 1e-3);
        // A table 20 ems wide fits the column up to 12.33pt too; one 25
        // ems wide only up to 9.864pt; one 40 ems wide only below the
        // least size, which it does not lower.
        let table = |table_em| Measure { table_em, ..m };
        assert!((table(20.0).largest(column, least).to_pt() - 12.33).abs() < 1e-9);
        assert!((table(25.0).largest(column, least).to_pt() - 9.864).abs() < 1e-9);
        assert!((table(40.0).largest(column, least).to_pt() - 12.33).abs() < 1e-9);
        // A text of nothing but a table has no bounds but the table's.
        let only = Measure {
            em_per_char: None,
            ..table(25.0)
        };
        assert!((only.largest(column, least).to_pt() - 9.864).abs() < 1e-9);
        assert_eq!(only.smallest(column), Length::ZERO);
    }
}

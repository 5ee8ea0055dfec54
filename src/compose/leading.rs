//! The body's leading opened for a script that reaches far above and
//! below its baseline.
//!
//! A layout's leading is chosen for its own font: 13pt on a 10pt body,
//! 1.3 times the size, gives Latin, Greek and Cyrillic lines (ascenders
//! up to about 0.8 em, descenders down to 0.25) a fifth of an em of
//! white between them. Burmese is built higher and deeper: a line's vowel
//! signs and tone marks stand about 1.0 em above its baseline, its medial
//! consonants (ျ, ှ) hang 0.5 em below it, and at 1.3 the marks of one
//! line touch the medials of the line above; Lao reaches about 1.4 em
//! from top to bottom. A Burmese printer opens the leading for that, as
//! web pages in Burmese do with their line height.
//!
//! So the statement's first body paragraphs are set once in the layout's
//! column, and for each two lines, one under the other, the leading is
//! found at which their ink would touch: the most that a glyph of the
//! upper line reaches down and a glyph of the lower one standing under it
//! reaches up, together (a tone mark under a gap in the line above is no
//! collision). Where the median pair's, with [`INK_GAP_EM`] of white, is
//! more than the layout's leading, the leading is opened to it. It stays
//! a ratio of the size, as the layout's is, so fitting scales it, and it
//! is the baseline grid's step, so columns still line up. The median
//! rather than the closest pair: a capital with an accent under a
//! descender may come close in any script and reads well; a script whose
//! ordinary lines collide does not.

use super::body::body_style;
use super::first_page::split_head;
use super::tools::Tools;
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::{BlockKind, Document};
use crate::typeset::fonts::FontBook;
use crate::typeset::line::Line;
use crate::units::Length;

/// The least white between the ink of two ordinary lines of the body, in
/// ems of its size: a tenth, 1pt at a 10pt body, less than half of what
/// Latin lines keep at the built-in layouts' leading (about a quarter),
/// so that only a script whose ordinary lines touch or nearly touch opens
/// it. Of the samples' scripts Tamil comes closest, needing 1.26 times
/// the size where the layouts give 1.29 to 1.33.
const INK_GAP_EM: f64 = 0.1;

/// How many characters of the body are set to measure its lines: a few
/// paragraphs say how high and deep a script reaches as well as the whole
/// text does, and a long statement is not set an extra time.
const SAMPLE_CHARS: usize = 3000;

impl Tools {
    /// `design` with its body leading opened where the statement's
    /// ordinary lines would come closer than [`INK_GAP_EM`] at the
    /// layout's leading (see the module's comment); `None` where they do
    /// not, or there is no body text to measure.
    pub(super) fn opened_leading(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
    ) -> Result<Option<Design>> {
        let params = design.linebreak.params();
        let mut warnings = Vec::new();
        let mut setter = self.setter(design, opts, &params, &mut warnings);
        let body = &design.body;
        let style = body_style(design);
        let column = design.page.column_width();
        let mut needs = Vec::new();
        let mut sampled = 0;
        let (_, blocks) = split_head(&doc.blocks);
        for block in blocks.iter().filter(|b| b.kind == BlockKind::Body) {
            if sampled >= SAMPLE_CHARS {
                break;
            }
            sampled += block.spans.iter().map(|s| s.text.len()).sum::<usize>();
            let p = setter.prepare_in(&block.spans, &style, block.line, block.language())?;
            let lines = setter.set(&p, &[column]);
            let inks: Vec<Vec<Ink>> = lines.iter().map(|l| inks(l, setter.fonts)).collect();
            needs.extend(
                inks.windows(2)
                    .filter_map(|pair| touching_at(&pair[0], &pair[1])),
            );
        }
        let Some(touching) = median(&mut needs) else {
            return Ok(None);
        };
        let needed = touching + body.size * INK_GAP_EM;
        if needed <= body.leading {
            return Ok(None);
        }
        let mut opened = design.clone();
        opened.body.leading = needed;
        Ok(Some(opened))
    }
}

/// A glyph's ink: from `left` to `right` across the line, `top` above
/// its baseline and `bottom` below it (both up from the baseline).
struct Ink {
    left: Length,
    right: Length,
    top: Length,
    bottom: Length,
}

/// The ink of every glyph of `line` that draws.
fn inks(line: &Line, fonts: &FontBook) -> Vec<Ink> {
    line.glyphs()
        .filter_map(|(run, g)| {
            let face = fonts.face(run.face);
            let (top, bottom) = face.ink_em(g.gid)?;
            let (left, right) = face.ink_x_em(g.gid)?;
            Some(Ink {
                left: g.x + run.size * left,
                right: g.x + run.size * right,
                top: run.rise + run.size * top,
                bottom: run.rise + run.size * bottom,
            })
        })
        .collect()
}

/// The leading at which the ink of a line `above` and the one `below` it
/// would touch: the most any glyph of the one reaches down and a glyph of
/// the other straight below it reaches up, together; `None` where no
/// glyphs stand over each other.
fn touching_at(above: &[Ink], below: &[Ink]) -> Option<Length> {
    let mut most: Option<Length> = None;
    for a in above {
        for b in below
            .iter()
            .filter(|b| b.left < a.right && a.left < b.right)
        {
            let reach = b.top - a.bottom;
            most = Some(most.map_or(reach, |m| m.max(reach)));
        }
    }
    most
}

/// The median of `values` (sorted in place), `None` for none.
fn median(values: &mut [Length]) -> Option<Length> {
    values.sort_by(|a, b| a.to_pt().total_cmp(&b.to_pt()));
    values.get(values.len() / 2).copied()
}

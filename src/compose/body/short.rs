//! Short paragraphs that justify badly, set flush left as notices often
//! are; and a flush-left paragraph's last word taken down whole rather
//! than hyphenated, as a ragged line may stop short.

use super::gaps::line_gaps;
use super::shape::Shape;
use crate::error::Result;
use crate::layout::design::SHORT_LAST_LINE;
use crate::statement::document::Block;
use crate::style::Align;
use crate::typeset::line::Line;
use crate::typeset::paragraph::{Setter, TextStyle};
use crate::units::Length;

/// The widest word gap, in ems, a justified line may show: wider, it
/// reads as a hole in the line (issue #14 holds 0.8 em as the limit).
const GAPING_EM: f64 = 0.8;

/// The most lines of a paragraph that is set flush left when justifying
/// it would leave a gaping line, or the end of a hyphenated word alone on
/// its last: a short notice ("Meeting: Thursday, 26
/// March, 6.30 pm, …") reads as well ragged, as notices often are set. In
/// a longer paragraph a ragged block among justified ones looks like a
/// mistake, and one loose line is the lesser harm.
const SHORT_PARAGRAPH_LINES: usize = 3;

/// `lines`, a setting of `block` in `shape` (a heading's if `heading`),
/// set again flush left where that reads better, with the alignment they
/// end up in: a short justified paragraph that gapes, ends on a stub of a
/// hyphenated word, or after a hyphen where flush left needs none; and a
/// flush-left paragraph whose last line starts with the rest of a word.
/// The setter's warnings from `warned` on are the setting's.
pub(super) fn ragged_where_better(
    setter: &mut Setter,
    block: &Block,
    shape: &Shape,
    (mut lines, heading, warned): (Vec<Line>, bool, usize),
) -> Result<(Vec<Line>, Align)> {
    let mut align = shape.style.align;
    let short = lines.len() <= SHORT_PARAGRAPH_LINES;
    if align == Align::Justify && short {
        let must = gaping(&lines, shape.style.size) || broken_stub(&lines, &shape.widths);
        if must || ends_after_a_hyphen(&lines) {
            let flush = TextStyle {
                align: Align::Left,
                ..shape.style.clone()
            };
            let p = setter.prepare_in(&block.spans, &flush, block.line, block.language())?;
            let justified_warned = setter.warnings.len();
            let mut ragged = setter.set(&p, &shape.widths);
            if ends_after_a_hyphen(&ragged) {
                // Flush left, a short notice needs no hyphen.
                let widths = &shape.widths[..];
                ragged = unhyphenated(setter, block, (&flush, widths), ragged, justified_warned)?;
            }
            // A hyphen before the last line (the line breaker keeps it
            // only where a justified line would gape without it) is worth
            // a ragged setting in a short paragraph, a two-line list item
            // most often: "cut or with- / drawn on 17 routes." But not at
            // the price of another line, which ends on a word alone.
            if must || (ragged.len() <= lines.len() && !ends_after_a_hyphen(&ragged)) {
                // What the justified setting warned of, the ragged one
                // says again.
                setter.warnings.drain(warned..justified_warned);
                align = Align::Left;
                lines = ragged;
            } else {
                setter.warnings.truncate(justified_warned);
            }
        }
    }
    // A short paragraph set flush left above has had this done.
    if shape.style.align != Align::Justify && !heading && ends_after_a_hyphen(&lines) {
        let widths = &shape.widths[..];
        lines = unhyphenated(setter, block, (&shape.style, widths), lines, warned)?;
    }
    Ok((lines, align))
}

/// True when a line of `lines` but the last has a word gap wider than
/// [`GAPING_EM`] of `size` (see [`line_gaps`]).
fn gaping(lines: &[Line], size: Length) -> bool {
    let widest = size * GAPING_EM;
    lines
        .iter()
        .rev()
        .skip(1)
        .any(|line| line_gaps(line).any(|g| g > widest))
}

/// True when a paragraph ends on the rest of a hyphenated word alone on a
/// short line ("γείτο-" / "νες,"): justifying the line above without
/// that word left it too loose, so the breaker took the stub as the
/// lesser harm. In a short paragraph, flush left does better than either.
fn broken_stub(lines: &[Line], widths: &[Length]) -> bool {
    let [.., above, last] = lines else {
        return false;
    };
    let measure = widths.last().copied().unwrap_or(Length::ZERO);
    above.hyphenated && last.width < measure * SHORT_LAST_LINE
}

/// `lines`, a ragged setting of `block` in `style` whose last line starts
/// with the rest of a hyphenated word ("Modernisierungsankün- /
/// digungen."), set again without hyphenation, so the word goes down
/// whole: a ragged line may stop short, so it needs no hyphen to fill out.
/// Kept as it is when that takes another line or sticks out. The
/// warnings from `warned` on are the setting's, replaced with the new
/// one's when it is taken.
fn unhyphenated(
    setter: &mut Setter,
    block: &Block,
    (style, widths): (&TextStyle, &[Length]),
    lines: Vec<Line>,
    warned: usize,
) -> Result<Vec<Line>> {
    let whole = TextStyle {
        hyphenate: false,
        ..style.clone()
    };
    let p = setter.prepare_in(&block.spans, &whole, block.line, block.language())?;
    let before = setter.warnings.len();
    let unbroken = setter.set(&p, widths);
    let fits = unbroken.iter().all(|l| l.overfull == Length::ZERO);
    if fits && unbroken.len() <= lines.len() && !ends_after_a_hyphen(&unbroken) {
        setter.warnings.drain(warned..before);
        Ok(unbroken)
    } else {
        setter.warnings.truncate(before);
        Ok(lines)
    }
}

/// True when a paragraph's second-last line ends in a hyphen, so that its
/// last line starts with the rest of a word.
fn ends_after_a_hyphen(lines: &[Line]) -> bool {
    matches!(lines, [.., above, _] if above.hyphenated)
}

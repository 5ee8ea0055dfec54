//! Knuth–Plass total-fit line breaking, as TeX does it.
//!
//! A paragraph arrives as a list of [`Item`]s: boxes (words or pieces of
//! words), glue (spaces that stretch and shrink) and penalties (possible breaks
//! with a cost). Instead of filling one line at a time, the breaker weighs every
//! way of cutting the list into lines and keeps the one with the fewest total
//! demerits, so a slightly loose line early on can buy much better lines later.
//!
//! Like TeX it tries passes, each more permissive than the last, and the
//! first that sets the paragraph wins; there are up to five:
//! 1. without hyphenation, lines within `pretolerance` (skipped when it is
//!    negative);
//! 2. with hyphenation, lines within `tolerance`;
//! 3. TeX's emergency pass: within `tolerance` counting `emergency_stretch`
//!    more stretch per line (skipped when it is zero, as by default);
//! 4. a final pass that takes any badness and rates lines by their true
//!    badness, which TeX has not (see [`Pass::Final`]); hyphens in names
//!    are allowed from here on;
//! 5. a last pass that also breaks inside over-long words and addresses,
//!    lets a word take more hyphens in a row than `max_hyphen_run` (a word
//!    four lines long needs three), and, failing even that, sets an
//!    overfull line rather than giving up.
//!
//! Pass 4 sets every paragraph whose words each fit the measure, so pass 5
//! is only for words or addresses wider than the column.
//!
//! A hyphen at the end of the second-last line, the last line starting
//! with the rest of a word, is the flaw issue #14 names first among
//! paragraph endings. `final_hyphen_demerits` weighs it only against
//! settings within the winning pass's tolerance, and a narrow column often
//! has none without it: "al- / ready paying for." won at 5 million
//! demerits on the Letter leaflet, as every other setting needed one line
//! a little looser than `tolerance`. So when passes 2–4 end a paragraph
//! that way, one more pass ([`Pass::WithoutFinalHyphen`]) looks for a
//! setting without that hyphen whose lines are all within a looser limit,
//! and takes it if there is one. Each pass is one forward scan over
//! the items with a list of "active" breakpoints from which a line could
//! still reach the current item; running totals make each line's width a
//! subtraction, so a pass costs O(items × active breakpoints).
//!
//! The parts: `items` are the input and its tuning, `prepared` the
//! items with their running sums and breakpoints, `rating` how well a
//! line fits and what it costs, and `pass` the active-list scan itself.

mod items;
mod pass;
mod prepared;
mod rating;
#[cfg(test)]
mod tests;

use crate::units::Length;
use pass::{run_pass, PassRules};
use prepared::Paragraph;

pub use items::{Item, Params, PenaltyKind, INFINITY};

/// The pass that produced a set of breaks; later passes mean a harder paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// Without hyphenation, lines within `pretolerance`.
    First,
    /// With hyphenation, lines within `tolerance`.
    Second,
    /// TeX's third pass: lines within `tolerance` when rated as if each
    /// had `emergency_stretch` more stretch than it has. The extra stretch
    /// is only counted, never set: it lets lines looser than the tolerance
    /// pass, and among those prefers spreading the looseness over several
    /// lines to piling it into one. Skipped when `emergency_stretch` is 0
    /// (TeX's default, and the built-in layouts': see [`Pass::Final`]).
    Stretched,
    /// With hyphenation, any badness: the least-demerits setting when no
    /// line-up stays within `tolerance`. Rating by true badness here keeps a
    /// hard paragraph's looseness where it must be, instead of spreading it
    /// (and giving up hyphens) as TeX's emergency stretch does: measured on
    /// the samples, emergency stretch of 1.5 em raised the word-gap p95 of
    /// most leaflets by 0.02–0.09 em and the largest gaps by up to 0.5 em.
    Final,
    /// Any line that is not overfull, rated by true badness as in
    /// [`Pass::Final`], breaks inside words and addresses allowed, and
    /// overfull lines where nothing else works.
    Emergency,
    /// Run after a pass with hyphens (2–4) has set the paragraph with a
    /// hyphen at the end of its second-last line: the same breaks (no
    /// names, addresses or ties), lines rated by true badness up to a
    /// looser limit than `tolerance`, and that hyphen not allowed. See
    /// [`break_lines`].
    WithoutFinalHyphen,
}

/// Where one line ends and how it must be set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineBreak {
    /// Index into the items of the break (a glue or penalty item). It equals
    /// `items.len()` only when the items lack the final forced penalty and the
    /// paragraph simply ends after the last item.
    pub index: usize,
    /// Adjustment ratio of the line ending here: positive stretches the glue
    /// by that fraction of its stretch, negative shrinks it. Not clamped, so
    /// an overfull line reports below -1. It is 0 when the line cannot adjust
    /// in the needed direction (no stretch or no shrink), as in TeX's `hpack`,
    /// so callers never see an infinity.
    pub ratio: f64,
    /// The break is at a flagged penalty, so the line ends with a hyphen.
    pub hyphenated: bool,
    /// How far the line exceeds its width even at full shrink; ZERO if it fits.
    pub overfull: Length,
    /// The line's natural width, a hyphen at its end included.
    pub natural: Length,
}

/// The chosen breaks of a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Breaks {
    /// One entry per line, in order; the last ends the paragraph.
    pub lines: Vec<LineBreak>,
    /// The pass that found these breaks.
    pub pass: Pass,
    /// Total demerits of the chosen breaks (lower is better).
    pub demerits: f64,
}

/// Whether the line before the last ends in a hyphen, which leaves the
/// last line to start with the rest of a word ("al- / ready paying for.").
fn ends_in_a_final_hyphen(breaks: &Breaks) -> bool {
    breaks.lines.len() >= 2 && breaks.lines[breaks.lines.len() - 2].hyphenated
}

/// Breaks `items` into lines with the fewest total demerits.
///
/// `widths[i]` is the width of line i; the last entry repeats for all further
/// lines. It must be non-empty; if it is empty every line gets width zero,
/// which shows up as overfull lines rather than a panic.
///
/// A line may end at a penalty with cost below `INFINITY` or at glue directly
/// after a box. Glue and penalties after a break, up to the next box (or
/// forced break), are discarded and do not count towards the next line. Unlike
/// TeX this also holds at the start of the paragraph, because the caller drops
/// leading glue when it sets the first line. The items should end with the
/// paragraph end, `Glue { 0, huge stretch, 0 }` then a forced penalty.
///
/// Returns no lines for no items, a single line for items without boxes, and
/// otherwise always at least one line: the emergency pass cannot fail.
pub fn break_lines(items: &[Item], widths: &[Length], params: &Params) -> Breaks {
    if items.is_empty() {
        return Breaks {
            lines: Vec::new(),
            pass: Pass::First,
            demerits: 0.0,
        };
    }
    let para = Paragraph::new(items, widths);
    if !para.has_box(0, items.len()) {
        return para.single_line(params, Pass::First);
    }
    for rules in PassRules::sequence(params) {
        if let Some(breaks) = run_pass(&para, params, &rules) {
            if ends_in_a_final_hyphen(&breaks) && rules.pass != Pass::Emergency {
                let again = PassRules::of(Pass::WithoutFinalHyphen, params);
                if let Some(better) = run_pass(&para, params, &again) {
                    return better;
                }
            }
            return breaks;
        }
    }
    // The emergency pass keeps its active list non-empty by construction, so
    // this is only a guard against a broken invariant (e.g. NaN everywhere).
    para.single_line(params, Pass::Emergency)
}

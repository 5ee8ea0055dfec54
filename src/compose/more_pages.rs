//! A text longer than its page: on as few pages as it takes at the
//! layout's smallest size, and then as large as fills them, so that the
//! last page is about as full as the others rather than a runt with a few
//! lines on it.
//!
//! A long text's settings are large, so the search for the size keeps only
//! sizes, never a setting: one is in memory at a time.

use super::fill::fill_out;
use super::fit::{scaled, set_at, Fitted, Goal, FIT_PRECISION_PT};
use super::measure::Measure;
use super::tail::Tail;
use super::{Budget, ComposeOptions, Tools};
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::Document;
use crate::units::Length;

/// The text set at the largest size between `goal`'s smallest and largest
/// at which it takes no more pages than at the smallest; then filled out
/// (see `fill`).
pub(super) fn on_more_pages(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    goal: Goal,
    measure: Option<Measure>,
) -> Result<Fitted> {
    let (lo, hi) = (goal.fit.min_size, goal.fit.max_size);
    let at_min = set_at(tools, doc, (design, lo), opts, Budget::All, Tail::Full)?;
    // Settled before it is counted: a tail kept on its page saves one.
    let at_min = tools.settle(doc, opts, at_min)?;
    let n = at_min.trial.pages.len();
    let tail = at_min.tail;
    let guess = size_guess(lo, n, at_min.trial.fill);
    drop(at_min);
    let pages = Pages { n, tail };
    let size = largest(tools, doc, design, opts, pages, (lo, hi), guess)?;
    let fitted = set_at(tools, doc, (design, size), opts, Budget::All, tail)?;
    fill_out(
        tools,
        doc,
        design,
        opts,
        (fitted, Goal { pages: n, ..goal }),
        measure,
    )
}

/// The pages to fit and how the tail is set on them.
#[derive(Clone, Copy)]
struct Pages {
    n: usize,
    tail: Tail,
}

/// Where the search starts: the size at which text that takes `n - 1`
/// pages and `fill` of the last at `lo` would take `n` whole pages, as the
/// room text takes grows with the square of its size (lines are longer in
/// words and taller). The head, which does not grow, makes it a little
/// low, which the search corrects.
fn size_guess(lo: Length, n: usize, fill: f64) -> Length {
    let taken = (n as f64 - 1.0 + fill.clamp(0.0, 1.0)).max(0.5);
    lo * (n as f64 / taken).sqrt()
}

/// True when the text set at `size` takes at most `pages.n` pages.
fn fits_at(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    pages: Pages,
    size: Length,
) -> Result<bool> {
    let trial = tools.compose_once(
        doc,
        &scaled(design, size),
        opts,
        Budget::Pages(pages.n),
        pages.tail,
    )?;
    Ok(trial.fits(pages.n))
}

/// The largest size between `lo` (which fits) and `hi` that fits, to
/// within [`FIT_PRECISION_PT`]: `hi` if it fits, else a search that tries
/// `guess` and its neighbour first (usually the answer, in two settings),
/// goes on by doubling steps until the answer is passed, and bisects what
/// is left.
fn largest(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    pages: Pages,
    (mut lo, mut hi): (Length, Length),
    guess: Length,
) -> Result<Length> {
    if fits_at(tools, doc, design, opts, pages, hi)? {
        return Ok(hi);
    }
    let step = Length::pt(FIT_PRECISION_PT);
    let g = guess.max(lo).min(hi);
    if g > lo && g < hi {
        let fits = fits_at(tools, doc, design, opts, pages, g)?;
        if fits {
            lo = g
        } else {
            hi = g
        }
        // Then away from the guess, the way it says, by steps that double
        // until one crosses: the guess is usually within a step or two, and
        // bisecting all that was left of the range after one step took
        // four settings more of a long text to end where this stops.
        let mut stride = step;
        loop {
            let next = if fits { lo + stride } else { hi - stride };
            if next <= lo || next >= hi {
                break;
            }
            let next_fits = fits_at(tools, doc, design, opts, pages, next)?;
            if next_fits {
                lo = next;
            } else {
                hi = next;
            }
            if next_fits != fits {
                break;
            }
            stride = stride * 2.0;
        }
    }
    while hi - lo > step {
        let mid = (lo + hi) / 2.0;
        if fits_at(tools, doc, design, opts, pages, mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guess_grows_the_size_by_the_room_left() {
        // Two pages and a quarter at 9pt: three whole pages at 9pt times
        // the square root of 3 / 2.25.
        let g = size_guess(Length::pt(9.0), 3, 0.25);
        assert!((g.to_pt() - 9.0 * (3.0f64 / 2.25).sqrt()).abs() < 1e-9);
        // A full last page leaves nothing to grow.
        assert_eq!(size_guess(Length::pt(9.0), 2, 1.0), Length::pt(9.0));
    }
}

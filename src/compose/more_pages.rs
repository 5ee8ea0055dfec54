//! A text longer than its page: on as few pages as it takes at the
//! layout's smallest size, and then as large as fills them, so that the
//! last page is about as full as the others rather than a runt with a few
//! lines on it.
//!
//! A long text's settings are large, so the search for the size keeps only
//! sizes, never a setting: one is in memory at a time.

use super::fill::fill_out;
use super::fit::{scaled, search, set_at, size_guess, Fitted, Goal};
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
/// within [`super::fit::FIT_PRECISION_PT`]: `hi` if it fits, else as
/// [`search`] finds it from `guess`.
fn largest(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    pages: Pages,
    (lo, hi): (Length, Length),
    guess: Length,
) -> Result<Length> {
    if fits_at(tools, doc, design, opts, pages, hi)? {
        return Ok(hi);
    }
    search((lo, hi), guess, |size| {
        fits_at(tools, doc, design, opts, pages, size)
    })
}

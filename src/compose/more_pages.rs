//! A text longer than its page: on as few pages as it takes at the
//! layout's smallest size, and then as large as fills them, so that the
//! last page is about as full as the others rather than a runt with a few
//! lines on it.
//!
//! When the legible measure holds the body below the layout's largest
//! size, and the last page is still a runt at that limit, the body may
//! pass the limit by a little (see [`RUNT_RELIEF`]).
//!
//! A long text's settings are large, so for a statement too long to keep
//! one (see [`super::kept::small_enough_to_keep`]) the search keeps only
//! sizes and sets the text once more at the size found: one setting is in
//! memory at a time. A shorter one keeps the setting at the largest size
//! found to fit, which is the answer, and is not set again.

use super::fill::{fill_out, full_enough};
use super::fit::{scaled, search, set_at, size_guess, Fitted, Goal};
use super::measure::Measure;
use super::tail::Tail;
use super::tools::{Budget, Tools, Trial};
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::{Design, FitSpec};
use crate::statement::document::Document;
use crate::units::Length;

/// How far past the legible measure's largest size (see `measure`) the
/// body may grow when, at that size, the last of several pages would be
/// a runt: lines of about a seventh fewer characters (some 35 justified,
/// 30 flush left, a newspaper column's measure) rather than a last page
/// with a few lines at its head. Seen on a long Tamil statement on the A3
/// poster: three pages at 14.2pt, the last a quarter full; at 16pt the
/// same three pages, the last more than half full. Taken only when it
/// gets the last page to half full: a runt either way is better set on
/// the readable measure.
const RUNT_RELIEF: f64 = 1.15;

/// The text set at the largest size between `goal`'s smallest and largest
/// at which it takes no more pages than at the smallest; then filled out
/// (see `fill`). `layout_max` is the layout's own largest size, which
/// `goal`'s may be below, held down by the legible measure.
pub(super) fn on_more_pages(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    (goal, layout_max): (Goal, Length),
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
    let pages = Pages {
        n,
        tail,
        keep: tools.keep_body,
    };
    let fitted = set_largest(tools, doc, design, opts, pages, (lo, hi), guess)?;
    let at_limit = fitted.size >= hi;
    let goal = Goal { pages: n, ..goal };
    let filled = fill_out(tools, doc, design, opts, (fitted, goal), measure)?;
    let relief = (hi * RUNT_RELIEF).min(layout_max);
    if full_enough(&filled, n) || !at_limit || relief <= hi {
        return Ok(filled);
    }
    // The measure holds the body back, and the last page is a runt.
    let relieved = set_largest(tools, doc, design, opts, pages, (hi, relief), hi)?;
    let fit = FitSpec {
        max_size: relief,
        ..goal.fit
    };
    let relieved = fill_out(
        tools,
        doc,
        design,
        opts,
        (relieved, Goal { fit, ..goal }),
        measure,
    )?;
    Ok(if full_enough(&relieved, n) {
        relieved
    } else {
        filled
    })
}

/// The pages to fit and how the tail is set on them; whether the search
/// keeps its best setting.
#[derive(Clone, Copy)]
struct Pages {
    n: usize,
    tail: Tail,
    keep: bool,
}

/// The text set at the largest size between `lo` and `hi` that fits (see
/// [`largest`]), set once more at that size when the search kept no
/// setting.
fn set_largest(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    pages: Pages,
    range: (Length, Length),
    guess: Length,
) -> Result<Fitted> {
    Ok(
        match largest(tools, doc, design, opts, pages, range, guess)? {
            (size, Some(trial)) => Fitted {
                trial,
                size,
                design: scaled(design, size),
                tail: pages.tail,
            },
            (size, None) => set_at(tools, doc, (design, size), opts, Budget::All, pages.tail)?,
        },
    )
}

/// The text set at `size` when it takes at most `pages.n` pages.
fn fits_at(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    pages: Pages,
    size: Length,
) -> Result<Option<Trial>> {
    let trial = tools.compose_once(
        doc,
        &scaled(design, size),
        opts,
        Budget::Pages(pages.n),
        pages.tail,
    )?;
    Ok(trial.fits(pages.n).then_some(trial))
}

/// The largest size between `lo` (which fits) and `hi` that fits, to
/// within [`super::fit::FIT_PRECISION_PT`]: `hi` if it fits, else as
/// [`search`] finds it from `guess`; with the setting there when
/// `pages.keep` and the search set the text at that size (it has not when
/// the answer is `lo`).
fn largest(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    pages: Pages,
    (lo, hi): (Length, Length),
    guess: Length,
) -> Result<(Length, Option<Trial>)> {
    let keep = pages.keep;
    if let Some(trial) = fits_at(tools, doc, design, opts, pages, hi)? {
        return Ok((hi, keep.then_some(trial)));
    }
    let mut best: Option<(Length, Trial)> = None;
    let size = search((lo, hi), guess, |size| {
        let trial = fits_at(tools, doc, design, opts, pages, size)?;
        let fits = trial.is_some();
        if let Some(trial) = trial.filter(|_| keep) {
            if best.as_ref().is_none_or(|(at, _)| size > *at) {
                best = Some((size, trial));
            }
        }
        Ok(fits)
    })?;
    Ok((size, best.filter(|(at, _)| *at == size).map(|(_, t)| t)))
}

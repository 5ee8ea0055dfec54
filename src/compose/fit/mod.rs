//! Fitting the body size to the pages: the largest size between the
//! layout's `min-size` and `max-size` at which the whole statement fits its
//! page (or the panels of a folded sheet), found by a search from a guess
//! (see [`search()`]). Before giving up, the tail (QR code, imprint) shrinks
//! within its limits, then a fitted headline gets smaller; `--fit N` then
//! also lets the body go below `min-size`, down to [`LEGIBLE_BODY_PT`], and
//! fits N pages instead of one.
//!
//! This module holds the search on one variant and its goal; around it:
//! - `scale`: the design at another body size (what grows with it);
//! - `search`: the search from a guess;
//! - `variants`: the ways to set a text that does not fit (a smaller tail,
//!   headline or picture);
//! - `by_layout`: fitting as a layout's `fit = "page"` says, with the
//!   ragged fallback and a short text on a tri-fold's spread;
//! - `by_request`: fitting for `--fit N`;
//! - `overflow`: what to say when a text does not fit.

mod by_layout;
mod by_request;
mod overflow;
mod scale;
mod search;
mod variants;

use super::measure::Measure;
use super::tail::Tail;
use super::tools::{Budget, Tools, Trial};
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::{Design, FitSpec, Overflow};
use crate::statement::document::Document;
use crate::units::Length;
use search::one_page_guess;
use variants::{gives_way, larger_beside_less_picture, variants, Variant};

pub(super) use by_layout::fit_to_page;
pub(super) use by_request::{fit_pages, would_fit};
pub(super) use overflow::pages;
pub(super) use scale::scaled;
pub(super) use search::{search, size_guess};

/// How close the fitted body size comes to the largest that fits, in
/// points: a quarter point is finer than anyone can see, and bisection
/// between 9 and 11.5 pt gets there in about five trials (a search from a
/// good guess in fewer, see [`search()`]).
pub(super) const FIT_PRECISION_PT: f64 = 0.25;

/// The smallest body size `--fit` goes down to, in points, whatever the
/// layout's `min-size`: the size of a newspaper's small print, which most
/// adults still read at arm's length. Below it readers with weaker eyes
/// give up, and a leaflet nobody reads is no better than one that is too
/// long; the text should then be cut instead.
pub const LEGIBLE_BODY_PT: f64 = 7.5;

/// What fitting aims at.
#[derive(Clone, Copy, Debug)]
pub(super) struct Goal {
    /// Pages (or panels) to fit on.
    pub(super) pages: usize,
    /// The body sizes the layout allows.
    pub(super) fit: FitSpec,
    /// With `--fit`: how far below `min-size` the body may go.
    pub(super) floor: Option<Length>,
}

/// A setting that fits.
pub(super) struct Fitted {
    /// The composition.
    pub(super) trial: Trial,
    /// Its body size.
    pub(super) size: Length,
    /// The design it was set in (at that size, its headline perhaps smaller).
    pub(super) design: Design,
    /// How its tail was set.
    pub(super) tail: Tail,
}

/// The text composed once with its body at `size`, kept with the design
/// it was set in (scaled once, for both).
pub(super) fn set_at(
    tools: &mut Tools,
    doc: &Document,
    (design, size): (&Design, Length),
    opts: &ComposeOptions,
    budget: Budget,
    tail: Tail,
) -> Result<Fitted> {
    let design = scaled(design, size);
    let trial = tools.compose_once(doc, &design, opts, budget, tail)?;
    Ok(Fitted {
        trial,
        size,
        design,
        tail,
    })
}

/// The goal `--fit N` sets for a design: N pages, the layout's own range
/// (or its `size` alone, for a layout that does not fit), and the floor.
pub(super) fn goal_for(design: &Design, pages: usize) -> Goal {
    let size = design.body.size;
    let fit = design.body.fit.unwrap_or(FitSpec {
        min_size: size,
        max_size: size,
        overflow: Overflow::Error,
    });
    Goal {
        pages,
        fit,
        floor: Some(Length::pt(LEGIBLE_BODY_PT).min(fit.min_size)),
    }
}

/// `goal` with its largest body size no larger than the legible measure
/// of the design's columns allows (never below its smallest, which the
/// layout chose knowing its columns).
fn capped(goal: Goal, design: &Design, measure: Option<Measure>) -> Goal {
    let Some(m) = measure else {
        return goal;
    };
    let least = goal.fit.min_size;
    let largest = m.largest(design.page.column_width(), least).max(least);
    Goal {
        fit: FitSpec {
            max_size: goal.fit.max_size.min(largest),
            ..goal.fit
        },
        ..goal
    }
}

/// The pages the layout's own fitting aims at: the panels of a folded
/// sheet, else one page.
fn page_budget(design: &Design) -> usize {
    design.page.panel_budget().unwrap_or(1)
}

/// The largest body size that sets the statement on the goal's pages, or
/// `None` when none does. Trials stop setting text as soon as it cannot fit
/// any more, so a long statement costs little more than one full
/// composition.
pub(super) fn fit_to(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    goal: Goal,
) -> Result<Option<Fitted>> {
    let (n, fit) = (goal.pages, goal.fit);
    let budget = Budget::Pages(n);
    let largest = set_at(tools, doc, (design, fit.max_size), opts, budget, Tail::Full)?;
    if largest.trial.fits(n) {
        return Ok(Some(largest));
    }
    drop(largest);
    let variants = variants(doc, design, opts);
    for (k, v) in variants.iter().enumerate() {
        let smallest =
            tools.compose_once(doc, &scaled(&v.design, fit.min_size), opts, budget, v.tail)?;
        if !smallest.fits(n) {
            continue;
        }
        // The first variant is the layout itself, already tried at its
        // largest size; another may fit there.
        if k > 0 {
            let largest = scaled(&v.design, fit.max_size);
            let trial = tools.compose_once(doc, &largest, opts, budget, v.tail)?;
            if trial.fits(n) {
                return Ok(Some(Fitted {
                    trial,
                    size: fit.max_size,
                    design: largest,
                    tail: v.tail,
                }));
            }
        }
        let fitted = largest_size(
            tools,
            doc,
            v,
            opts,
            n,
            (fit.min_size, fit.max_size),
            smallest,
        )?;
        return match variants.get(k + 1).filter(|w| gives_way(v, w)) {
            Some(w) => larger_beside_less_picture(tools, doc, w, opts, goal, fitted).map(Some),
            None => Ok(Some(fitted)),
        };
    }
    // Below the layout's smallest size, only as far as `--fit` allows.
    let Some(floor) = goal.floor.filter(|f| *f < fit.min_size) else {
        return Ok(None);
    };
    match at_floor(tools, doc, &variants, opts, n, floor)? {
        Some((v, smallest)) => {
            largest_size(tools, doc, v, opts, n, (floor, fit.min_size), smallest).map(Some)
        }
        None => Ok(None),
    }
}

/// The first variant that fits `n` pages at the `floor` size, with its
/// setting there. The tail is already as small as it goes: when it can
/// shrink, the layout's own (full) tail is not tried.
fn at_floor<'a>(
    tools: &mut Tools,
    doc: &Document,
    variants: &'a [Variant],
    opts: &ComposeOptions,
    n: usize,
    floor: Length,
) -> Result<Option<(&'a Variant, Trial)>> {
    let shrunk = variants.get(1).is_some_and(|v| v.tail == Tail::Compact);
    for v in variants.iter().skip(usize::from(shrunk)) {
        let trial = tools.compose_once(
            doc,
            &scaled(&v.design, floor),
            opts,
            Budget::Pages(n),
            v.tail,
        )?;
        if trial.fits(n) {
            return Ok(Some((v, trial)));
        }
    }
    Ok(None)
}

/// The largest body size between `lo` and `hi` that fits `n` pages in the
/// variant `v`, given `smallest`, its setting at `lo` (which fits), and
/// knowing that `hi` does not: found by [`search()`] from the size that
/// `smallest`'s fill suggests.
fn largest_size(
    tools: &mut Tools,
    doc: &Document,
    v: &Variant,
    opts: &ComposeOptions,
    n: usize,
    (lo, hi): (Length, Length),
    smallest: Trial,
) -> Result<Fitted> {
    let budget = Budget::Pages(n);
    let guess = if n == 1 {
        one_page_guess(lo, smallest.fill, smallest.head)
    } else {
        size_guess(lo, n, smallest.fill)
    };
    // The setting at the largest size found to fit, kept as the search goes.
    let mut best = (lo, smallest);
    let lo = search((lo, hi), guess, |size| {
        let trial = tools.compose_once(doc, &scaled(&v.design, size), opts, budget, v.tail)?;
        let fits = trial.fits(n);
        if fits && size > best.0 {
            best = (size, trial);
        }
        Ok(fits)
    })?;
    let best = best.1;
    Ok(Fitted {
        trial: best,
        size: lo,
        design: scaled(&v.design, lo),
        tail: v.tail,
    })
}

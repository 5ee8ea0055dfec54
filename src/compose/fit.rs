//! Fitting the body size to the page: the largest size between the
//! layout's `min-size` and `max-size` at which the whole statement fits the
//! page (or the panels of a folded sheet), found by bisection.

use super::design::{Design, FitSpec, Overflow};
use super::{Budget, ComposeOptions, Tools, Trial};
use crate::error::{Error, Location, Result, Warning};
use crate::statement::document::Document;
use crate::units::Length;

/// How close the fitted body size comes to the largest that fits, in
/// points: a quarter point is finer than anyone can see, and bisection
/// between 9 and 11.5 pt gets there in about five trials.
const FIT_PRECISION_PT: f64 = 0.25;

/// The layout with its body set at `size`; leading, spacing and indents
/// keep their proportion to the size.
fn scaled(design: &Design, size: Length) -> Design {
    let mut l = design.clone();
    let k = size / design.body.size;
    l.body.size = size;
    l.body.leading = design.body.leading * k;
    l.body.paragraph_spacing = design.body.paragraph_spacing * k;
    l.body.indent = design.body.indent * k;
    l.linebreak.emergency_stretch = design.linebreak.emergency_stretch * k;
    l
}

/// Finds the largest body size that keeps the statement on one page.
/// Trials stop setting text as soon as it cannot fit one page any more, so a
/// long statement costs little more than one full composition.
pub(super) fn fit_to_page(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    fit: FitSpec,
    warnings: &mut Vec<Warning>,
) -> Result<(Trial, Length)> {
    let n = page_budget(design);
    let budget = Budget::Pages(n);
    let largest = tools.compose_once(doc, &scaled(design, fit.max_size), opts, budget)?;
    if largest.fits(n) {
        return Ok((largest, fit.max_size));
    }
    drop(largest);
    let smallest = tools.compose_once(doc, &scaled(design, fit.min_size), opts, budget)?;
    if !smallest.fits(n) {
        drop(smallest);
        // A headline fitted to the width may have taken the room: before
        // giving up, let it be smaller (halfway, then its minimum).
        if let Some(hf) = design.headline.fit {
            if hf.max_size > hf.min_size + Length::pt(super::headline::HEADLINE_STEP_PT) {
                for cap in [(hf.max_size + hf.min_size) / 2.0, hf.min_size] {
                    let mut smaller = design.clone();
                    if let Some(f) = smaller.headline.fit.as_mut() {
                        f.max_size = cap;
                    }
                    let trial =
                        tools.compose_once(doc, &scaled(&smaller, fit.min_size), opts, budget)?;
                    if trial.fits(n) {
                        // `trial` is the smaller layout's smallest setting:
                        // try its largest, then bisect between the two.
                        let largest = tools.compose_once(
                            doc,
                            &scaled(&smaller, fit.max_size),
                            opts,
                            budget,
                        )?;
                        if largest.fits(n) {
                            return Ok((largest, fit.max_size));
                        }
                        return bisect(tools, doc, &smaller, opts, fit, trial);
                    }
                }
            }
        }
        let headline = match design.page.fold {
            Some(_) => format!(
                "the statement does not fit the {n} panels of a tri-fold even at {}",
                fit.min_size
            ),
            None => format!(
                "the statement does not fit on one page even at {}",
                fit.min_size
            ),
        };
        // A folded sheet cannot take more pages.
        let overflow = if design.page.fold.is_some() {
            Overflow::Error
        } else {
            fit.overflow
        };
        return match overflow {
            Overflow::Error => {
                // Only now is the whole text set at the smallest size, to say by how much.
                let full =
                    tools.compose_once(doc, &scaled(design, fit.min_size), opts, Budget::All)?;
                let over: usize = full.pages.iter().skip(n).map(|p| p.lines.len()).sum();
                Err(Error::Typeset {
                    at: Location::file(opts.origin.clone()),
                    message: format!(
                        "{headline}: it overflows by {over} line{}; shorten it, or {}",
                        if over == 1 { "" } else { "s" },
                        if design.page.fold.is_some() {
                            "give the layout a smaller min-size"
                        } else {
                            "set overflow = \"more-pages\" or a smaller min-size in the layout"
                        }
                    ),
                })
            }
            Overflow::MorePages => {
                let trial = tools.compose_once(doc, design, opts, Budget::All)?;
                warnings.push(Warning {
                    at: Location::file(opts.origin.clone()),
                    message: format!(
                        "{headline}; at {} it takes {} pages",
                        design.body.size,
                        trial.pages.len()
                    ),
                });
                Ok((trial, design.body.size))
            }
        };
    }
    bisect(tools, doc, design, opts, fit, smallest)
}

/// The largest body size between `fit`'s bounds that fits the page budget,
/// given `smallest`, the setting at `min_size` (which fits), and knowing
/// that `max_size` does not.
fn bisect(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    fit: FitSpec,
    smallest: Trial,
) -> Result<(Trial, Length)> {
    let n = page_budget(design);
    let budget = Budget::Pages(n);
    // Bisection: `lo` fits, `hi` does not.
    let (mut lo, mut hi) = (fit.min_size, fit.max_size);
    let mut best = smallest;
    while hi - lo > Length::pt(FIT_PRECISION_PT) {
        let mid = (lo + hi) / 2.0;
        let trial = tools.compose_once(doc, &scaled(design, mid), opts, budget)?;
        if trial.fits(n) {
            lo = mid;
            best = trial;
        } else {
            hi = mid;
        }
    }
    Ok((best, lo))
}

/// The pages the text is fitted to: the panels of a folded sheet, else one page.
fn page_budget(design: &Design) -> usize {
    design.page.fold.map_or(1, |f| f.panels())
}

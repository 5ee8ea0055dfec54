//! Fitting for `--fit N`: the statement on N pages, the body below the
//! layout's `min-size` if it must be.

use super::overflow::{cut_advice, over_at_floor, pages};
use super::{capped, fit_to, Fitted, Goal};
use crate::compose::tools::Tools;
use crate::compose::ComposeOptions;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::Document;

/// True when `--fit` would set the statement on `goal.pages` pages: the
/// fitting alone, without measuring what to cut when it does not.
pub(in crate::compose) fn would_fit(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    goal: Goal,
) -> Result<bool> {
    Ok(fit_to(tools, doc, design, opts, goal)?.is_some())
}

/// Fits for `--fit`: the statement on `goal.pages` pages, the body below
/// `min-size` if it must be; `Err` with the message when even the floor
/// does not do, saying how much to cut.
pub(in crate::compose) fn fit_pages(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    goal: Goal,
) -> Result<std::result::Result<Fitted, String>> {
    // No larger than a legible measure and the widest table allow, as
    // when fitting one page: more pages are no reason for lines too short
    // to justify or for a table's columns to fall apart.
    let measure = tools.measure(doc, design, opts)?;
    let goal = capped(goal, design, measure);
    if let Some(fitted) = fit_to(tools, doc, design, opts, goal)? {
        return Ok(Ok(fitted));
    }
    let n = goal.pages;
    let floor = goal.floor.unwrap_or(goal.fit.min_size);
    let cut = over_at_floor(tools, doc, design, opts, n, floor)?;
    Ok(Err(format!(
        "does not fit on {} of {} even at {floor}, the smallest legible body size: {}",
        pages(design, n),
        opts.layout,
        cut_advice(cut)
    )))
}

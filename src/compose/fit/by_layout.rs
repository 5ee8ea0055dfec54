//! Fitting as the layout's `fit = "page"` says: one page (or a folded
//! sheet's panels), the body set ragged where justified lines would gape,
//! a short text on a tri-fold's inside spread, and what to do when the
//! text does not fit.

use super::overflow::{fit_hint, lines, lines_over};
use super::{capped, fit_to, page_budget, scaled, Fitted, Goal};
use crate::compose::fill::fill_out;
use crate::compose::measure::Measure;
use crate::compose::more_pages::on_more_pages;
use crate::compose::tail::Tail;
use crate::compose::tools::{Budget, Tools};
use crate::compose::ComposeOptions;
use crate::error::{Error, Location, Note, Result, Warning};
use crate::layout::design::{
    Design, FitSpec, HeadlineFit, ImageArea, ImagePlace, Overflow, Panels,
};
use crate::statement::document::{BlockKind, Document};
use crate::style::Align;

/// Fits the body size as the layout's `fit = "page"` says (see
/// [`fit_as_written`]); a justified body that gapes at the size fitting
/// chose is set flush left instead, as a designer would set a measure too
/// narrow for its words, and a note says so.
pub(in crate::compose) fn fit_to_page(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    fit: FitSpec,
    warnings: &mut Vec<Warning>,
) -> Result<Fitted> {
    let mut said = Vec::new();
    let fitted = fit_as_written(tools, doc, design, opts, fit, &mut said)?;
    let loose = fitted.trial.gaps.p95().filter(|p| *p > LOOSE_P95_EM);
    let (Some(p95), Align::Justify) = (loose, design.body.align) else {
        warnings.extend(said);
        return Ok(fitted);
    };
    // Only what the comparison needs is kept, and what sets the justified
    // text again: two settings of a long text at once would double the
    // memory a build takes.
    let (pages, size) = (fitted.trial.pages.len(), fitted.size);
    let (justified, tail) = (fitted.design, fitted.tail);
    drop(fitted.trial);
    let mut flush = design.clone();
    flush.body.align = Align::Left;
    // Ragged lines of long words leave room at their ends: the text may
    // need more lines. Only a setting on as many pages, with nothing more
    // to warn of, is the better one.
    let mut flush_said = Vec::new();
    let ragged = fit_as_written(tools, doc, &flush, opts, fit, &mut flush_said)
        .ok()
        .filter(|r| r.trial.pages.len() <= pages && flush_said.len() <= said.len());
    if let Some(mut ragged) = ragged {
        warnings.extend(flush_said);
        ragged.trial.notes.push(Note {
            at: Location::file(opts.origin.clone()),
            message: format!(
                "body set ragged: justified at {size} on this measure, one word gap in \
                 twenty would be wider than {p95:.2} em (this text's words are long for the \
                 column)"
            ),
        });
        return Ok(ragged);
    }
    // The justified setting stands: set again in the design and with the
    // tail fitting found (composing is deterministic, and the ragged
    // setting is gone by now), not fitted again.
    warnings.extend(said);
    let trial = tools.compose_once(doc, &justified, opts, Budget::All, tail)?;
    Ok(Fitted {
        trial,
        size,
        design: justified,
        tail,
    })
}

/// The widest a justified body's word gaps may be in 95 cases of 100, in
/// ems: issue #14's goal of 0.5 em, where a reader starts to see holes and
/// rivers, less a hundredth, as a gap read from the PDF (from one word's
/// ink to the next, as typometer does) can come out a few thousandths
/// wider than this count (the Korean sample's tri-fold: 0.49 here, 0.503
/// there). A text that justifies looser than this on a layout's measure
/// (long words that cannot be hyphenated, as in Korean, or long compounds
/// on a narrow column, as in Tamil) reads better flush left.
const LOOSE_P95_EM: f64 = 0.49;

/// Fits the body size as the layout's `fit = "page"` says, and when nothing
/// fits, does what its `overflow` says: an error saying by how much, or the
/// layout's `size` on more pages with a warning. Either says what `--fit`
/// would do.
fn fit_as_written(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    fit: FitSpec,
    warnings: &mut Vec<Warning>,
) -> Result<Fitted> {
    let n = page_budget(design);
    let measure = tools.measure(doc, design, opts)?;
    let goal = Goal {
        pages: n,
        fit,
        floor: None,
    };
    let goal = capped(goal, design, measure);
    if let Some(fitted) = fit_to(tools, doc, design, opts, goal)? {
        let filled = fill_out(tools, doc, design, opts, (fitted, goal), measure)?;
        return on_spread(tools, doc, (design, measure), opts, fit, filled);
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
    let overflow_rule = if design.page.fold.is_some() {
        Overflow::Error
    } else {
        fit.overflow
    };
    match overflow_rule {
        Overflow::Error => {
            // Only now is the whole text set at the smallest size, to say by how much.
            let full = tools.compose_once(
                doc,
                &scaled(design, fit.min_size),
                opts,
                Budget::All,
                Tail::Full,
            )?;
            let over = lines_over(&full, n);
            let hint = fit_hint(tools, doc, design, opts, n)?;
            Err(Error::Typeset {
                at: Location::file(opts.origin.clone()),
                message: format!(
                    "{headline}: it overflows by {}; shorten it, or {}; {hint}",
                    lines(over),
                    if design.page.fold.is_some() {
                        "give the layout a smaller min-size"
                    } else {
                        "set overflow = \"more-pages\" or a smaller min-size in the layout"
                    }
                ),
            })
        }
        Overflow::MorePages => {
            let settled = on_more_pages(tools, doc, design, opts, (goal, fit.max_size), measure)?;
            let hint = fit_hint(tools, doc, design, opts, n)?;
            warnings.push(Warning {
                at: Location::file(opts.origin.clone()),
                message: format!(
                    "{headline}; at {} it takes {} pages; {hint}",
                    settled.size,
                    settled.trial.pages.len()
                ),
            });
            Ok(settled)
        }
    }
}

/// The most a folded sheet's cover headline grows, as a multiple of the
/// layout's headline size, when the cover holds the head alone (see
/// [`on_spread`]): twice, 48pt on the A4 tri-fold, what a leaflet's cover
/// title is set at; a panel a third of the sheet wide keeps it from
/// growing further in most languages anyway, as words are never broken.
const COVER_HEADLINE_GROWTH: f64 = 2.0;

/// The most lines a cover headline takes when it grows (unless it took
/// more at the layout's size): six lines of the largest size fill a little
/// over half the A4 tri-fold's cover, leaving the meta lines room below.
const COVER_HEADLINE_LINES: u32 = 6;

/// A folded sheet's text that leaves part of the inside spread blank, even
/// as large as it may be set, set again as [`Panels::CoverAndSpread`]: the
/// head alone on the cover and the body across the spread, whose panels,
/// read side by side, share one baseline grid. `filled` when the text does
/// not fit the spread at the layout's smallest size. `measure` is the
/// design's: the spread's columns are as wide as its panels.
fn on_spread(
    tools: &mut Tools,
    doc: &Document,
    (design, measure): (&Design, Option<Measure>),
    opts: &ComposeOptions,
    fit: FitSpec,
    filled: Fitted,
) -> Result<Fitted> {
    let Some(fold) = design.page.fold else {
        return Ok(filled);
    };
    // The spread's last panel is the last but one the text flows through.
    let spread_end = fold.panels() - 1;
    // A cover without a headline would be blank.
    let headline = doc.blocks.iter().any(|b| b.kind == BlockKind::Headline);
    if !headline || design.page.panels != Panels::All || filled.trial.pages.len() >= spread_end {
        return Ok(filled);
    }
    let mut spread = design.clone();
    spread.page.panels = Panels::CoverAndSpread;
    // The cover holds the head alone on a panel otherwise blank: the
    // headline is set as large as the panel allows, as a designer sets a
    // leaflet's cover title, not at the size made for a panel the text
    // follows on. A picture across the cover fills it instead, and needs
    // the room.
    if spread.headline.fit.is_none() && !pictures_across(opts) {
        let lines = filled.trial.headline_lines.count as u32;
        spread.headline.fit = Some(HeadlineFit {
            min_size: design.headline.size,
            max_size: design.headline.size * COVER_HEADLINE_GROWTH,
            max_lines: COVER_HEADLINE_LINES.max(lines),
            growth_only: true,
        });
    }
    let goal = Goal {
        pages: page_budget(&spread),
        fit,
        floor: None,
    };
    let goal = capped(goal, &spread, measure);
    match fit_to(tools, doc, &spread, opts, goal)? {
        Some(fitted) => fill_out(tools, doc, &spread, opts, (fitted, goal), measure),
        None => Ok(filled),
    }
}

/// Whether a picture goes across the first page, under the head or at
/// the foot (not in a corner or the column's flow).
fn pictures_across(opts: &ComposeOptions) -> bool {
    opts.pictures.iter().any(|p| {
        matches!(
            p.spec.place,
            ImagePlace::Area(ImageArea::Top | ImageArea::Bottom | ImageArea::BottomRight)
        )
    })
}

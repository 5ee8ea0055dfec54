//! Filling the page: what a designer does when the text, set as large as
//! the layout and a legible measure allow, still leaves its page half
//! empty.
//!
//! Fitting (see `fit`) makes the body as large as will fit, up to the
//! smaller of the layout's `max-size` and the size at which a column still
//! holds a readable line. A short statement can reach that limit with room
//! to spare. Then, in this order, and each only while the page is not yet
//! full enough:
//!
//! 1. a single column, where two would be too narrow for a larger body:
//!    the full width holds a readable line only from a larger size on, so
//!    a short text gets larger type across the page;
//! 2. a larger headline, up to a poster's proportion to the body (a
//!    headline the layout sets at a fixed size) or half again the largest
//!    size a fitted one may take;
//! 3. more space between paragraphs, up to a limit.
//!
//! Each step takes the most it can while the text still fits its pages.
//! Nothing else moves: lines keep their leading and paragraphs their
//! spacing within the page, so the text never floats apart to reach the
//! bottom (no vertical justification).

use super::baseline::BaselineGrid;
use super::fit::{fit_to, Fitted, Goal};
use super::headline::META_WITH_GROWN_HEADLINE;
use super::measure::Measure;
use super::tools::{Budget, Tools, Trial};
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::{Design, FitSpec};
use crate::statement::document::Document;
use crate::typeset::sense;
use crate::units::Length;

/// How full a page alone should be, from the top of its text area to its
/// last baseline: issue #14 asks for 85% as measured on the printed page
/// (to the bottom of the lowest word), which a last baseline at 90% leaves
/// with a margin.
const PAGE_TARGET: f64 = 0.9;

/// How full the last of several pages (or panels) should be: at least
/// half, or it reads as a leftover; a little more than half, as its text
/// is measured to the last baseline.
const LAST_PAGE_TARGET: f64 = 0.55;

/// The most a fixed-size headline grows, as a multiple of its size:
/// half again is still the layout's headline, only louder.
const HEADLINE_GROWTH: f64 = 1.5;

/// Or, when more, the most it grows to as a multiple of the body: a short
/// call set in large type on a leaflet has become a small poster, and a
/// poster's headline is several times its text (the Tabloid poster's 70pt
/// over 15pt, the A2's 120pt over 22pt: about five times). Three, well
/// short of that: at 1.5 times its grown 41pt, over a 24pt body, a call of
/// seventy words on the A4 leaflet had a 62pt title on one line and 40%
/// of the page blank under it.
const HEADLINE_OVER_BODY: f64 = 3.0;

/// The most lines a grown headline may take, unless it took more at the
/// layout's size: a one-line headline may grow onto a second line, but a
/// longer one keeps its lines (one more line of a large headline costs
/// the body more room than its larger size gains, and breaks its phrases
/// anew).
const GROWN_HEADLINE_LINES: usize = 2;

/// The most space between paragraphs, in lines of the body: a blank line
/// still reads as a pause between paragraphs; more would set them apart as
/// separate notices.
const MAX_PARAGRAPH_SPACING_LINES: f64 = 1.0;

/// Bisection steps for a growth factor: four halve the range to a
/// sixteenth, finer than a reader notices in a headline or a gap.
const GROWTH_STEPS: usize = 4;

/// How close to the limit the body must be for the page to count as set
/// as large as it may be (the bisection's precision, with room).
const AT_LIMIT_PT: f64 = 0.3;

/// True when `fitted` fills its `n` pages as a designer would want: a page
/// alone to [`PAGE_TARGET`], the last of several to [`LAST_PAGE_TARGET`].
pub(super) fn full_enough(fitted: &Fitted, n: usize) -> bool {
    fitted.trial.pages.len() >= n && fitted.trial.fill >= target(n)
}

/// How full the last of `n` pages should be.
fn target(n: usize) -> f64 {
    if n == 1 {
        PAGE_TARGET
    } else {
        LAST_PAGE_TARGET
    }
}

/// True when `fitted` is full enough with its type alone: as it is, and
/// also without the baseline grid's rounding of spaces (see
/// [`super::baseline`]). The grid's blank lines must not decide that two
/// columns at their narrowest legible measure fill a page that one column
/// at a larger size would fill with text.
fn full_with_type(
    tools: &mut Tools,
    doc: &Document,
    opts: &ComposeOptions,
    fitted: &Fitted,
    n: usize,
) -> Result<bool> {
    if !full_enough(fitted, n) {
        return Ok(false);
    }
    if BaselineGrid::of(&fitted.design).is_none() {
        return Ok(true);
    }
    let mut plain = fitted.design.clone();
    plain.body.baseline_grid = false;
    let trial = tools.compose_once(doc, &plain, opts, Budget::Pages(n), fitted.tail)?;
    Ok(trial.pages.len() >= n && trial.fill >= target(n))
}

/// Fills out a setting that fits `goal.pages` pages (see the module
/// documentation). `design` is the layout as written; `measure` the
/// body's characters a line, when known.
pub(super) fn fill_out(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    (fitted, goal): (Fitted, Goal),
    measure: Option<Measure>,
) -> Result<Fitted> {
    let n = goal.pages;
    let at_limit = fitted.size + Length::pt(AT_LIMIT_PT) >= goal.fit.max_size;
    // A text that leaves more than one panel of a folded sheet empty is
    // not filled by spacing: a warning names a shorter format instead.
    if !at_limit
        || fitted.trial.pages.len() + 1 < n
        || full_with_type(tools, doc, opts, &fitted, n)?
    {
        return Ok(fitted);
    }
    let mut best = fitted;
    if let Some(m) = measure.filter(|_| n == 1) {
        if let Some(one) = one_column(tools, doc, design, opts, goal, m)? {
            if one.trial.fill > best.trial.fill {
                best = one;
            }
        }
    }
    if !full_enough(&best, n) {
        best = larger_headline(tools, doc, opts, n, best)?;
    }
    if !full_enough(&best, n) {
        let base = best.design.clone();
        let most = base.body.leading * MAX_PARAGRAPH_SPACING_LINES;
        let from = base.body.paragraph_spacing;
        if most > from {
            let make = |k: f64| {
                let mut d = base.clone();
                d.body.paragraph_spacing = from + (most - from) * k;
                d
            };
            best = grow(tools, doc, opts, n, best, make, |_| true)?;
        }
    }
    Ok(best)
}

/// `best` with a larger headline, as large as the page has room for
/// (see [`grow`]): a headline of a fixed size grows up to
/// [`HEADLINE_GROWTH`] times it or [`HEADLINE_OVER_BODY`] times the body,
/// a fitted one (the A3 poster's) up to [`HEADLINE_GROWTH`] times its
/// `max-size`, as large as its lines allow; the date and organisation
/// under either follow a step behind. Before, a fitted headline never
/// grew: "STRIKE!" on the A3 stopped at its 120pt, half the width, over a
/// page 60% blank, where the A2's fixed 120pt grew to 180pt. A folded
/// sheet's cover headline, fitted only to grow into its panel, is left as
/// it is.
fn larger_headline(
    tools: &mut Tools,
    doc: &Document,
    opts: &ComposeOptions,
    n: usize,
    best: Fitted,
) -> Result<Fitted> {
    let base = best.design.clone();
    let growth = match base.headline.fit {
        None => {
            let largest =
                (base.headline.size * HEADLINE_GROWTH).max(base.body.size * HEADLINE_OVER_BODY);
            largest / base.headline.size
        }
        Some(fit) if !fit.growth_only => HEADLINE_GROWTH,
        Some(_) => return Ok(best),
    };
    let make = move |k: f64| {
        let mut d = base.clone();
        let f = 1.0 + (growth - 1.0) * k;
        // A fitted headline's leading is given at its `max-size` (its
        // `size`), and keeps its proportion to the size chosen.
        d.headline.size = base.headline.size * f;
        d.headline.leading = base.headline.leading * f;
        d.headline.space_after = base.headline.space_after * f;
        if let Some(fit) = &mut d.headline.fit {
            fit.max_size = fit.max_size * f;
        }
        // The date and organisation under it follow, a step behind.
        let m = f.powf(META_WITH_GROWN_HEADLINE);
        d.meta.size = base.meta.size * m;
        d.meta.space_after = base.meta.space_after * m;
        d
    };
    let most_lines = best.trial.headline_lines.count.max(GROWN_HEADLINE_LINES);
    // A headline grown past its lines is no longer the same headline,
    // one ending on a word alone reads as two, and one with a word too
    // wide for it hyphenates that word; one set back down to leave the
    // text room is no larger. A line it gains must break between
    // phrases: "Save / our park!", never "Rent / strike meeting".
    // Nor may one of several lines break worse by sense than it did:
    // "Podwyżki / dla pielęgniarek, / a nie obietnice!" grew into
    // "Podwyżki dla / pielęgniarek, / …", a line ending on "dla"
    // ("for").
    let was = best.trial.headline_lines;
    let was_dearest = sense::dearest_break(&title_lines(&best.trial), &opts.lang);
    grow(tools, doc, opts, n, best, make, |t| {
        let h = &t.headline_lines;
        let lines = title_lines(t);
        h.count <= most_lines
            && (h.count < 2 || h.last_words >= 2)
            && h.hyphenated <= was.hyphenated
            && !h.shrunk
            && (h.count <= was.count || sense::breaks_between_phrases(&lines, &opts.lang))
            && (was.count < 2 || sense::dearest_break(&lines, &opts.lang) <= was_dearest)
    })
}

/// The text of the headline's lines in `trial`, to weigh their breaks by
/// sense (see [`sense::breaks_between_phrases`], [`sense::dearest_break`]).
fn title_lines(trial: &Trial) -> Vec<String> {
    trial
        .pages
        .first()
        .map(|p| {
            p.lines
                .iter()
                .filter(|l| l.is_title())
                .map(|l| l.line.text())
                .collect()
        })
        .unwrap_or_default()
}

/// The text on one page in a single column, where the layout has several:
/// as large as fits, between the size at which the full width holds no
/// more than a followable line and the layout's `max-size`. `None` when
/// the layout has one column already, or the text does not fit one at that
/// smallest size.
fn one_column(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    goal: Goal,
    measure: Measure,
) -> Result<Option<Fitted>> {
    let Some(layout_fit) = design.body.fit else {
        return Ok(None);
    };
    if design.page.columns < 2 || design.page.fold.is_some() {
        return Ok(None);
    }
    let mut one = design.clone();
    one.page.columns = 1;
    let width = one.page.content_width();
    let fit = FitSpec {
        min_size: measure.smallest(width).max(goal.fit.min_size),
        max_size: measure
            .largest(width, goal.fit.min_size)
            .min(layout_fit.max_size),
        ..goal.fit
    };
    if fit.min_size > fit.max_size {
        return Ok(None);
    }
    fit_to(tools, doc, &one, opts, Goal { fit, ..goal })
}

/// The setting grown by `make(k)`, `k` from 0 (the setting `from` has) to
/// 1 (the most allowed): the largest `k` at which the text still fits `n`
/// pages and the setting is `acceptable`, found by bisection. `from` when
/// no growth does.
fn grow(
    tools: &mut Tools,
    doc: &Document,
    opts: &ComposeOptions,
    n: usize,
    from: Fitted,
    make: impl Fn(f64) -> Design,
    acceptable: impl Fn(&Trial) -> bool,
) -> Result<Fitted> {
    let budget = Budget::Pages(n);
    let (mut lo, mut hi) = (0.0, 1.0);
    let mut best = from;
    for step in 0..=GROWTH_STEPS {
        // The most first: a short text takes it at once.
        let k = if step == 0 { hi } else { (lo + hi) / 2.0 };
        let design = make(k);
        let trial = tools.compose_once(doc, &design, opts, budget, best.tail)?;
        if trial.fits(n) && acceptable(&trial) {
            lo = k;
            best = Fitted {
                trial,
                design,
                ..best
            };
            if step == 0 {
                break;
            }
        } else {
            hi = k;
        }
    }
    Ok(best)
}

//! Fitting the body size to the pages: the largest size between the
//! layout's `min-size` and `max-size` at which the whole statement fits its
//! page (or the panels of a folded sheet), found by a search from a guess
//! (see [`search`]). Before giving up, the tail (QR code, imprint) shrinks
//! within its limits, then a fitted headline gets smaller; `--fit N` then
//! also lets the body go below `min-size`, down to [`LEGIBLE_BODY_PT`], and
//! fits N pages instead of one.

use super::fill::fill_out;
use super::measure::Measure;
use super::more_pages::on_more_pages;
use super::tail::{self, Tail};
use super::tools::{Budget, Tools, Trial};
use super::ComposeOptions;
use crate::error::{Error, Location, Note, Result, Warning};
use crate::layout::design::{
    Design, FitSpec, HeadlineFit, ImageArea, ImagePlace, Overflow, Panels,
};
use crate::statement::document::{BlockKind, Document};
use crate::style::Align;
use crate::units::Length;

/// How close the fitted body size comes to the largest that fits, in
/// points: a quarter point is finer than anyone can see, and bisection
/// between 9 and 11.5 pt gets there in about five trials (a search from a
/// good guess in fewer, see [`search`]).
pub(super) const FIT_PRECISION_PT: f64 = 0.25;

/// The smallest body size `--fit` goes down to, in points, whatever the
/// layout's `min-size`: the size of a newspaper's small print, which most
/// adults still read at arm's length. Below it readers with weaker eyes
/// give up, and a leaflet nobody reads is no better than one that is too
/// long; the text should then be cut instead.
pub const LEGIBLE_BODY_PT: f64 = 7.5;

/// The layout with its body set at `size`; leading, spacing and indents
/// keep their proportion to the size, and headings too when it is larger
/// than the layout's.
pub(super) fn scaled(design: &Design, size: Length) -> Design {
    let mut l = design.clone();
    let k = size / design.body.size;
    l.body.size = size;
    l.body.leading = design.body.leading * k;
    l.body.paragraph_spacing = design.body.paragraph_spacing * k;
    l.body.indent = design.body.indent * k;
    l.linebreak.emergency_stretch = design.linebreak.emergency_stretch * k;
    // Headings grow with a body set larger than the layout's size, so they
    // stay above it (a short text set at 14pt under 11.5pt headings reads
    // upside down); a body set smaller keeps the layout's headings, which
    // then stand out the more.
    let up = k.max(1.0);
    l.heading.size = design.heading.size * up;
    l.heading.space_before = design.heading.space_before * up;
    l.heading.space_after = design.heading.space_after * up;
    // A headline of fixed size stays a step above the grown headings, or
    // the large print of a short text has a section heading as loud as its
    // title: as far above them as the layout sets it, up to a step of
    // HEADLINE_OVER_HEADING, so a layout's own sizes hold at its size. The
    // headline keeps its proportions (leading, space after).
    let step = (design.headline.size / design.heading.size).min(HEADLINE_OVER_HEADING);
    let least = l.heading.size * step;
    let grows = design.headline.fit.is_none_or(|f| f.growth_only);
    if grows && least > design.headline.size {
        let h = least / design.headline.size;
        l.headline.size = least;
        l.headline.leading = design.headline.leading * h;
        l.headline.space_after = design.headline.space_after * h;
        // A headline that may grow (a cover's) grows from there.
        if let Some(f) = l.headline.fit.as_mut() {
            f.min_size = least;
            f.max_size = f.max_size.max(least);
        }
    }
    l
}

/// How much larger than a section heading a fixed-size headline stays
/// when the body (and with it the headings) is set larger than the
/// layout's: a perfect fifth (3:2), the smallest step of the classical type
/// scale that reads as another rank rather than a slip.
const HEADLINE_OVER_HEADING: f64 = 1.5;

impl Tools {
    /// The lines the text would have to lose, from the end of its last
    /// paragraphs (the tail stays), to fit `n` pages when set in `design`:
    /// found by flowing the set lines again with fewer of them, which is
    /// cheap, as nothing is set twice. `None` when even no body text at all
    /// would fit. This measures what the keep and widow rules cost too, which
    /// an estimate from the lines that overflow would miss.
    pub(super) fn lines_to_cut(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
        tail: Tail,
        n: usize,
    ) -> Result<Option<(usize, usize)>> {
        let set = self.set_blocks(doc, design, opts, Budget::All, tail)?;
        let (Some(blocks), Some(last)) = (set.blocks, set.tail.last_text) else {
            return Ok(None);
        };
        let text = last + 1 - set.tail.pictures;
        let fits = |cut: usize| {
            let fewer = tail::without_last_lines(&blocks, set.tail.pictures..last + 1, cut);
            super::flow::flow_around(fewer, &set.grid, set.first.clone())
                .pages
                .len()
                <= n
        };
        let all: usize = blocks[set.tail.pictures..set.tail.pictures + text]
            .iter()
            .map(|b| b.lines.len())
            .sum();
        if !fits(all) {
            return Ok(None);
        }
        // Bisection: `hi` lines cut fits, `lo` does not.
        let (mut lo, mut hi) = (0, all);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if fits(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Ok(Some((hi, hi * tail::words_per_line(&blocks))))
    }
}

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

/// One way to set the text, tried at several body sizes.
struct Variant {
    design: Design,
    tail: Tail,
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

/// The ways to set the text when the layout's largest size does not fit,
/// in the order they are tried: the layout as it is; with the tail shrunk
/// (when there is one to shrink); then, for a headline fitted to the width,
/// with that headline smaller (halfway, then its minimum), as it may have
/// taken the room; last, on a flat sheet with a picture across the top,
/// that picture smaller (see [`TOP_PICTURE_SHARES`]), as a designer makes
/// a picture smaller before a short text runs onto another page.
fn variants(doc: &Document, design: &Design, opts: &ComposeOptions) -> Vec<Variant> {
    let shrinkable = tail::shrinkable(&doc.blocks, doc.meta.qr.is_some());
    let tail = if shrinkable {
        Tail::Compact
    } else {
        Tail::Full
    };
    let mut out = vec![Variant {
        design: design.clone(),
        tail: Tail::Full,
    }];
    if shrinkable {
        out.push(Variant {
            design: design.clone(),
            tail,
        });
    }
    if let Some(hf) = design.headline.fit {
        if hf.max_size > hf.min_size + Length::pt(super::headline::HEADLINE_STEP_PT) {
            for cap in [(hf.max_size + hf.min_size) / 2.0, hf.min_size] {
                let mut smaller = design.clone();
                if let Some(f) = smaller.headline.fit.as_mut() {
                    f.max_size = cap;
                }
                out.push(Variant {
                    design: smaller,
                    tail,
                });
            }
        }
    }
    let top_picture = opts
        .pictures
        .iter()
        .any(|p| p.spec.place == ImagePlace::Area(ImageArea::Top));
    if top_picture && design.page.fold.is_none() {
        // From the most compact setting so far: the picture gives way last.
        let base = out.last().map_or(design, |v| &v.design).clone();
        for share in TOP_PICTURE_SHARES {
            let mut smaller = base.clone();
            smaller.page.top_picture_share = Some(share);
            out.push(Variant {
                design: smaller,
                tail,
            });
        }
    }
    out
}

/// The shares of its height a picture across the top of a flat page is
/// tried at when the text does not fit its pages beside it: three
/// quarters, then half. The Portuguese call with a photo, a band, a QR
/// code and an imprint ran onto a second A5 page even at 9pt beside a
/// picture 40% of the text area high; a designer makes the picture
/// smaller first. Below half it reads as a thumbnail (the tri-fold cover's
/// limit too, `pictures::MIN_SQUEEZE`).
const TOP_PICTURE_SHARES: [f64; 2] = [0.75, 0.5];

/// How much larger the body must come out beside a picture made smaller
/// still (half its height instead of three quarters) for fitting to take
/// it: a tenth, about a point at the 9–10pt an A5 flyer comes down to
/// beside a picture, the least a reader sees at arm's length. For less the
/// picture, which the statement's author chose, keeps its room.
const BODY_FOR_PICTURE: f64 = 1.1;

/// Whether `w` is `v` with its picture across the top smaller still. A
/// picture at its full height stays so whenever the text fits beside it:
/// it gives way for another page, and only then for a larger body.
fn gives_way(v: &Variant, w: &Variant) -> bool {
    let share = |x: &Variant| x.design.page.top_picture_share;
    matches!((share(v), share(w)), (Some(a), Some(b)) if b < a)
}

/// `fitted`, set beside a picture made smaller, or the setting in `w`
/// (the picture smaller still) when that sets the body
/// [`BODY_FOR_PICTURE`] larger: the first share that fits at the smallest
/// size may leave the text there, where a little less picture gives a
/// body a reader sees is larger (the Portuguese call on the A5: 9.7pt
/// beside three quarters of its photo, 10.7pt beside half). One setting
/// when the smaller picture buys too little, a search when it buys more.
fn larger_beside_less_picture(
    tools: &mut Tools,
    doc: &Document,
    w: &Variant,
    opts: &ComposeOptions,
    goal: Goal,
    fitted: Fitted,
) -> Result<Fitted> {
    let (n, fit) = (goal.pages, goal.fit);
    let enough = (fitted.size * BODY_FOR_PICTURE).min(fit.max_size);
    if enough <= fitted.size {
        return Ok(fitted);
    }
    let trial = tools.compose_once(
        doc,
        &scaled(&w.design, enough),
        opts,
        Budget::Pages(n),
        w.tail,
    )?;
    if !trial.fits(n) {
        return Ok(fitted);
    }
    if enough >= fit.max_size {
        return Ok(Fitted {
            trial,
            size: enough,
            design: scaled(&w.design, enough),
            tail: w.tail,
        });
    }
    largest_size(tools, doc, w, opts, n, (enough, fit.max_size), trial)
}

/// Where the search starts: the size at which text that takes `n - 1`
/// pages and `fill` of the last at `lo` would take `n` whole pages, as the
/// room text takes grows with the square of its size (lines are longer in
/// words and taller). The head, which does not grow, makes it a little
/// low, which the search corrects.
pub(super) fn size_guess(lo: Length, n: usize, fill: f64) -> Length {
    let taken = (n as f64 - 1.0 + fill.clamp(0.0, 1.0)).max(0.5);
    lo * (n as f64 / taken).sqrt()
}

/// [`size_guess`] for a text on one page: the head (`head` of its text
/// area, set apart from the body size) does not grow, so only the room
/// below it is shared out; without this, a poster's guess for the
/// reference statement was 21.7pt where 25.3pt fits.
fn one_page_guess(lo: Length, fill: f64, head: f64) -> Length {
    let head = head.clamp(0.0, 0.9);
    let body = (fill.clamp(0.0, 1.0) - head).max(0.05);
    lo * ((1.0 - head) / body).sqrt()
}

/// How many strides the search takes from its guess before it bisects:
/// a step, then two steps more. A guess is usually within a step or two of
/// the answer; one further off costs up to three settings more than
/// bisecting the whole range would, and more strides would cost more.
const GUESS_STRIDES: usize = 2;

/// The largest size between `lo`, which fits, and `hi`, which does not, at
/// which `fits`, to within [`FIT_PRECISION_PT`]. Each answer costs a
/// setting of the text, so the search starts at `guess` (see
/// [`size_guess`]): then it goes away from it, the way the guess says, by
/// [`GUESS_STRIDES`] strides of a step that double, stopping where one
/// crosses, and bisects what is left. Bisecting the whole range took five
/// or six settings of the text; from a guess within a step or two this
/// takes two to four. It ends within the same precision, assuming that
/// what fits at a size fits at every smaller one.
pub(super) fn search(
    (mut lo, mut hi): (Length, Length),
    guess: Length,
    mut fits: impl FnMut(Length) -> Result<bool>,
) -> Result<Length> {
    let step = Length::pt(FIT_PRECISION_PT);
    let g = guess.max(lo).min(hi);
    if g - lo > step / 2.0 && hi - g > step / 2.0 {
        let up = fits(g)?;
        if up {
            lo = g
        } else {
            hi = g
        }
        let mut stride = step;
        for _ in 0..GUESS_STRIDES {
            let next = if up { lo + stride } else { hi - stride };
            if next <= lo || next >= hi {
                break;
            }
            let next_fits = fits(next)?;
            if next_fits {
                lo = next;
            } else {
                hi = next;
            }
            if next_fits != up {
                break;
            }
            stride = stride * 2.0;
        }
    }
    while hi - lo > step {
        let mid = (lo + hi) / 2.0;
        if fits(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// The largest body size between `lo` and `hi` that fits `n` pages in the
/// variant `v`, given `smallest`, its setting at `lo` (which fits), and
/// knowing that `hi` does not: found by [`search`] from the size that
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

/// The lines on the pages after page `n`: by how much a text set on more
/// pages overflows them.
fn lines_over(trial: &Trial, n: usize) -> usize {
    trial.pages.iter().skip(n).map(|p| p.lines.len()).sum()
}

/// "N line(s)".
fn lines(n: usize) -> String {
    format!("{n} line{}", if n == 1 { "" } else { "s" })
}

/// "N page(s)", or "N panels" of a folded sheet.
pub(super) fn pages(design: &Design, n: usize) -> String {
    match design.page.fold {
        Some(_) => format!("the {n} panels"),
        None if n == 1 => "one page".to_string(),
        None => format!("{n} pages"),
    }
}

/// What `--fit N` would do for a text the layout's fitting could not fit:
/// a short clause for a message. Costs a few trials that stop as soon as
/// the text cannot fit, only when fitting has already failed.
fn fit_hint(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    n: usize,
) -> Result<String> {
    let floor = goal_for(design, n).floor.unwrap_or(design.body.size);
    // On a folded leaflet `--fit 1` means its one sheet.
    let asked = if design.page.fold.is_some() { 1 } else { n };
    let variants = variants(doc, design, opts);
    if at_floor(tools, doc, &variants, opts, n, floor)?.is_some() {
        return Ok(format!(
            "--fit {asked} sets it on {} by going below min-size (not below {floor})",
            pages(design, n)
        ));
    }
    // How much to cut is left to `--fit` itself: measuring it sets the
    // whole text once more, too dear for every long text's warning.
    Ok(format!(
        "not even --fit {asked} fits it on {} (down to {floor}); \
         --fit {asked} says how much to cut",
        pages(design, n)
    ))
}

/// What to cut for the text to fit `n` pages at `floor`, the tail shrunk
/// if it can be: lines and about as many words, measured by flowing the
/// text with fewer lines (see `Tools::lines_to_cut`). `None` when even
/// cutting all the text would not do (a head taller than the pages).
fn over_at_floor(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    n: usize,
    floor: Length,
) -> Result<Option<(usize, usize)>> {
    let tail = variants(doc, design, opts)
        .get(1)
        .map_or(Tail::Full, |v| v.tail);
    tools.lines_to_cut(doc, &scaled(design, floor), opts, tail, n)
}

/// "cut about N words (M lines)", or what to do when cutting would not help.
fn cut_advice(cut: Option<(usize, usize)>) -> String {
    match cut {
        Some((lines, words)) => format!(
            "cut about {words} word{} ({})",
            if words == 1 { "" } else { "s" },
            self::lines(lines)
        ),
        None => "make the headline or pictures smaller".to_string(),
    }
}

/// Fits the body size as the layout's `fit = "page"` says (see
/// [`fit_as_written`]); a justified body that gapes at the size fitting
/// chose is set flush left instead, as a designer would set a measure too
/// narrow for its words, and a note says so.
pub(super) fn fit_to_page(
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
    // Only what the comparison needs is kept: two settings of a long text
    // at once would double the memory a build takes.
    let (pages, size) = (fitted.trial.pages.len(), fitted.size);
    drop(fitted);
    let mut flush = design.clone();
    flush.body.align = Align::Left;
    let mut flush_said = Vec::new();
    // Ragged lines of long words leave room at their ends: the text may
    // need more lines. Only a setting on as many pages, with nothing more
    // to warn of, is the better one.
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
    // The justified setting stands, set again (fitting is deterministic;
    // this is the rare case, and the ragged setting is gone by now).
    let mut again = Vec::new();
    let fitted = fit_as_written(tools, doc, design, opts, fit, &mut again)?;
    warnings.extend(again);
    Ok(fitted)
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
            let settled = on_more_pages(tools, doc, design, opts, goal, measure)?;
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

/// True when `--fit` would set the statement on `goal.pages` pages: the
/// fitting alone, without measuring what to cut when it does not.
pub(super) fn would_fit(
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
pub(super) fn fit_pages(
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

    #[test]
    fn the_search_ends_a_step_below_the_answer_wherever_the_guess_is() {
        let range = (Length::pt(9.0), Length::pt(18.0));
        for answer in [9.1, 10.0, 12.34, 15.0, 17.9] {
            for guess in [8.0, 9.5, 12.0, 12.4, 16.0, 20.0] {
                let mut tries = 0;
                let found = search(range, Length::pt(guess), |s| {
                    tries += 1;
                    Ok(s.to_pt() <= answer)
                })
                .unwrap()
                .to_pt();
                assert!(
                    found <= answer && answer - found <= FIT_PRECISION_PT,
                    "answer {answer}, guess {guess}: {found}"
                );
                // Bisecting 9pt to a quarter point takes six; a good guess
                // takes two or three.
                assert!(tries <= 9, "answer {answer}, guess {guess}: {tries} tries");
                if (guess - answer).abs() < 0.2 {
                    assert!(tries <= 3, "answer {answer}, guess {guess}: {tries} tries");
                }
            }
        }
    }

    fn leaflet() -> Design {
        crate::layout::load("a4-leaflet").unwrap().design
    }

    #[test]
    fn a_fixed_headline_stays_a_step_above_headings_grown_with_the_body() {
        let d = leaflet();
        assert!(d.headline.fit.is_none());
        // At 12pt the grown headings (13.8pt) are far enough below 26pt.
        assert_eq!(scaled(&d, Length::pt(12.0)).headline, d.headline);
        // At 18pt they are 20.7pt: the headline grows to 31.05pt, its leading
        // and space after in proportion.
        let big = scaled(&d, Length::pt(18.0));
        let k = big.headline.size / d.headline.size;
        assert!((big.headline.size.to_pt() - 20.7 * 1.5).abs() < 1e-6);
        assert!((big.headline.leading / d.headline.leading - k).abs() < 1e-9);
        assert!((big.headline.space_after / d.headline.space_after - k).abs() < 1e-9);
    }

    #[test]
    fn a_headline_the_layout_sets_close_to_its_headings_keeps_that_step() {
        let mut d = leaflet();
        d.headline.size = Length::pt(13.0);
        d.heading.size = Length::pt(12.0);
        // At the layout's size and below, the layout's own sizes.
        assert_eq!(scaled(&d, d.body.size).headline.size, Length::pt(13.0));
        // At twice the body size, headings of 24pt, the headline 26pt.
        let big = scaled(&d, d.body.size * 2.0);
        assert!((big.headline.size.to_pt() - 26.0).abs() < 1e-9);
    }

    #[test]
    fn a_fitted_headline_keeps_its_own_sizes() {
        let mut d = leaflet();
        d.headline.fit = Some(crate::layout::design::HeadlineFit {
            min_size: Length::pt(20.0),
            max_size: Length::pt(30.0),
            max_lines: 3,
            growth_only: false,
        });
        assert_eq!(scaled(&d, Length::pt(18.0)).headline, d.headline);
    }
}

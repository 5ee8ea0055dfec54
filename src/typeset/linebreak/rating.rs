//! How well a line fits its width (TeX's badness and fitness classes)
//! and what it costs (demerits), from running totals of the items.

use crate::units::Length;

use super::items::{Item, Params, INFINITY};
use super::pass::Node;
use super::prepared::Breakpoint;

/// Badness of a line that cannot be set acceptably (TeX's `inf_bad`).
/// Badness is capped here so hopeless lines still compare and add up.
pub(super) const INF_BAD: f64 = 10000.0;

/// How far past full shrink a line may go and still count as fitting. The
/// running sums collect float rounding; a millionth of a point is invisible
/// but keeps a line set exactly at full shrink from being called overfull.
const FIT_SLACK: Length = Length::pt(1e-6);

/// Width, stretch and shrink of a run of items.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Totals {
    pub(super) width: Length,
    pub(super) stretch: Length,
    pub(super) shrink: Length,
}

impl Totals {
    /// These totals with one more item appended; a penalty's width counts
    /// only at a break, so it adds nothing here.
    pub(super) fn plus(self, item: &Item) -> Totals {
        match *item {
            Item::Box { width } => Totals {
                width: self.width + width,
                ..self
            },
            Item::Glue {
                width,
                stretch,
                shrink,
            } => Totals {
                width: self.width + width,
                stretch: self.stretch + stretch,
                shrink: self.shrink + shrink,
            },
            Item::Penalty { .. } => self,
        }
    }

    /// Totals of the items between two prefix sums.
    pub(super) fn minus(self, earlier: Totals) -> Totals {
        Totals {
            width: self.width - earlier.width,
            stretch: self.stretch - earlier.stretch,
            shrink: self.shrink - earlier.shrink,
        }
    }
}

/// How well a line fits its width.
#[derive(Clone, Copy, Debug)]
pub(super) struct LineFit {
    /// 100·r³ capped at `INF_BAD`, with r including any extra stretch.
    pub(super) badness: f64,
    /// The ratio the badness was rated from.
    pub(super) rating: f64,
    pub(super) fitness: Fitness,
    /// Not overfull: the line can shrink to its width.
    pub(super) fits: bool,
    /// The real adjustment ratio, for setting the line.
    pub(super) ratio: f64,
    /// The line's natural width as a share of its measure.
    pub(super) share: f64,
    /// The line's natural width, a hyphen at its end included.
    pub(super) natural: Length,
    pub(super) overfull: Length,
}

/// TeX's fitness classes; numbered so that adjacent classes differ by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fitness {
    VeryLoose = 0,
    Loose = 1,
    Decent = 2,
    Tight = 3,
}

impl Fitness {
    pub(super) const COUNT: usize = 4;

    /// The class of a line with adjustment ratio `r`.
    pub(super) fn of(r: f64) -> Fitness {
        if r > 1.0 {
            Fitness::VeryLoose
        } else if r > 0.5 {
            Fitness::Loose
        } else if r >= -0.5 {
            Fitness::Decent
        } else {
            Fitness::Tight
        }
    }

    /// Whether two classes are far enough apart to earn `adj_demerits`.
    pub(super) fn clashes_with(self, other: Fitness) -> bool {
        (self as i32 - other as i32).abs() > 1
    }
}

/// Rates a line with the given totals against its width.
pub(super) fn assess_line(line: Totals, width: Length, extra_stretch: Length) -> LineFit {
    let shortfall = width - line.width;
    let excess = line.width - line.shrink - width;
    let fits = excess <= FIT_SLACK;
    let rating_ratio = if shortfall > Length::ZERO {
        stretch_ratio(shortfall, line.stretch + extra_stretch)
    } else if shortfall < Length::ZERO {
        shrink_ratio(shortfall, line.shrink, fits)
    } else {
        0.0
    };
    LineFit {
        badness: badness(rating_ratio),
        rating: rating_ratio,
        fitness: Fitness::of(rating_ratio),
        fits,
        ratio: set_ratio(shortfall, line),
        share: if width > Length::ZERO {
            line.width / width
        } else {
            1.0
        },
        natural: line.width,
        overfull: if fits {
            Length::ZERO
        } else {
            excess.max(Length::ZERO)
        },
    }
}

/// Ratio for rating a line that must stretch; no stretch is infinitely loose.
fn stretch_ratio(shortfall: Length, stretch: Length) -> f64 {
    if stretch > Length::ZERO {
        shortfall / stretch
    } else {
        f64::INFINITY
    }
}

/// Ratio for rating a line that must shrink. A fitting line is never rated
/// below -1 (that is only rounding); an overfull one is infinitely tight.
fn shrink_ratio(shortfall: Length, shrink: Length, fits: bool) -> f64 {
    if !fits {
        f64::NEG_INFINITY
    } else if shrink > Length::ZERO {
        (shortfall / shrink).max(-1.0)
    } else {
        0.0
    }
}

/// TeX's badness, 100·|r|³, capped at `INF_BAD` (also for infinite or NaN r).
pub(super) fn badness(ratio: f64) -> f64 {
    (100.0 * ratio.abs().powi(3)).min(INF_BAD)
}

/// 100·|r|³ without TeX's cap (bounded only to keep demerits finite), for
/// the pass that must choose among lines all beyond the cap.
pub(super) fn true_badness(ratio: f64) -> f64 {
    (100.0 * ratio.abs().powi(3)).min(1e12)
}

/// The adjustment ratio to set the line with; 0 where the glue cannot move
/// in the needed direction, as TeX's `hpack` does.
fn set_ratio(shortfall: Length, line: Totals) -> f64 {
    if shortfall > Length::ZERO && line.stretch > Length::ZERO {
        shortfall / line.stretch
    } else if shortfall < Length::ZERO && line.shrink > Length::ZERO {
        shortfall / line.shrink
    } else {
        0.0
    }
}

/// Demerits of one line on its own: its badness and its break's penalty.
pub(super) fn line_demerits(params: &Params, badness: f64, penalty: f64) -> f64 {
    let base = (params.line_penalty + badness).powi(2);
    if penalty >= 0.0 {
        base + penalty.powi(2)
    } else if penalty > -INFINITY {
        base - penalty.powi(2)
    } else {
        base
    }
}

/// Demerits of the line from `from` to `bp`, including how it sits next to
/// the line before. NaN (from NaN input) becomes infinity so paths compare.
pub(super) fn transition_demerits(
    params: &Params,
    from: &Node,
    bp: &Breakpoint,
    fit: &LineFit,
) -> f64 {
    let mut d = line_demerits(params, fit.badness, bp.penalty);
    if from.flagged {
        if bp.is_end {
            d += params.final_hyphen_demerits;
        } else if bp.flagged {
            d += params.double_hyphen_demerits;
        }
    }
    if bp.is_end && fit.share < params.short_last_line && !from.forced {
        let weight = if params.grade_short_last_line {
            // How far short, in fifths of the shortest acceptable line.
            (1.0 - fit.share / params.short_last_line) * 5.0
        } else {
            1.0
        };
        d += params.short_last_line_demerits * weight;
    }
    if fit.fitness.clashes_with(from.fitness) {
        d += params.adj_demerits;
    }
    if d.is_nan() {
        f64::INFINITY
    } else {
        d
    }
}

//! How a paragraph would set at a width, without setting it: what display
//! lines are chosen by (a headline's size and balanced measure).

use crate::typeset::linebreak::{self, Item, PenaltyKind};
use crate::units::Length;

use super::types::Paragraph;
use super::Setter;

/// A paragraph broken at one width, summed up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trial {
    /// How many lines it takes.
    pub lines: usize,
    /// Every break is clean: no line sticks out, none ends in a hyphen or
    /// inside a word (an emergency break).
    pub clean: bool,
    /// The highest cost of a break between two lines (the paragraph's
    /// own end not counted); zero for a single line.
    pub worst_break: f64,
    /// The costs of the breaks between lines, added up.
    pub break_cost: f64,
    /// The natural width of the narrowest line that is neither first nor
    /// last, as a share of the widest line's; 1 with fewer than three
    /// lines. A headline's inner line far shorter than the others reads as
    /// a hole in its shape ("Before You / Raise / Our Rents").
    pub narrowest_inner: f64,
    /// The natural width of the last line as a share of the widest
    /// line's; 1 for a single line. A last line of one word far shorter
    /// than the lines above is a stub ("… Raise Our / Rents"); one as wide
    /// as they are ends a stack ("İşçi / sağlığı / … / değildir").
    pub last_share: f64,
    /// How many lines end in a hyphen the patterns put there.
    pub hyphens: usize,
    /// A line sticks out or breaks inside a word without a hyphen (after
    /// an address's separator, or anywhere): not clean, and not mended by
    /// hyphens.
    pub cut: bool,
}

impl Setter<'_> {
    /// Breaks `p` into lines of `width` and sums up the result.
    pub fn trial(&self, p: &Paragraph, width: Length) -> Trial {
        let b = linebreak::break_lines(&p.items, &[width], &self.params_for(p, width));
        let inner = &b.lines[..b.lines.len().saturating_sub(1)];
        let costs = inner.iter().map(|l| match p.items.get(l.index) {
            Some(Item::Penalty { cost, .. }) => *cost,
            _ => 0.0,
        });
        let (worst_break, break_cost) =
            costs.fold((0.0_f64, 0.0), |(worst, sum), c| (worst.max(c), sum + c));
        // How each line ends: the kind of penalty it breaks at, if any.
        let kind = |l: &linebreak::LineBreak| match p.items.get(l.index) {
            Some(Item::Penalty { kind, .. }) => Some(*kind),
            _ => None,
        };
        let hyphens = b
            .lines
            .iter()
            .filter(|l| matches!(kind(l), Some(PenaltyKind::Hyphen | PenaltyKind::NameHyphen)))
            .count();
        let cut = b.lines.iter().any(|l| {
            l.overfull > Length::ZERO
                || matches!(kind(l), Some(PenaltyKind::Address | PenaltyKind::Emergency))
        });
        Trial {
            hyphens,
            cut,
            lines: b.lines.len(),
            clean: !cut && hyphens == 0,
            worst_break,
            break_cost,
            narrowest_inner: narrowest_inner(&b.lines),
            last_share: last_share(&b.lines),
        }
    }
}

/// The widest natural line of those that end at `breaks`.
fn widest(breaks: &[linebreak::LineBreak]) -> Length {
    breaks
        .iter()
        .map(|b| b.natural)
        .fold(Length::ZERO, Length::max)
}

/// [`Trial::last_share`] of the lines that end at `breaks`.
fn last_share(breaks: &[linebreak::LineBreak]) -> f64 {
    let widest = widest(breaks);
    match breaks.last() {
        Some(last) if breaks.len() > 1 && widest > Length::ZERO => last.natural / widest,
        _ => 1.0,
    }
}

/// [`Trial::narrowest_inner`] of the lines that end at `breaks`.
fn narrowest_inner(breaks: &[linebreak::LineBreak]) -> f64 {
    let [_, inner @ .., _] = breaks else {
        return 1.0;
    };
    let widest = widest(breaks);
    let narrowest = inner.iter().map(|b| b.natural).fold(widest, Length::min);
    if widest > Length::ZERO {
        narrowest / widest
    } else {
        1.0
    }
}

//! The items made ready for the passes: running sums for line widths, box
//! counts, where each line's content starts, and the breakpoints.

use crate::units::Length;

use super::items::{Item, Params, PenaltyKind, INFINITY};
use super::pass::{Node, PassRules};
use super::rating::{assess_line, transition_demerits, true_badness, Fitness, LineFit, Totals};
use super::{Breaks, LineBreak, Pass};

/// A place where a line may end, as seen by the algorithm.
#[derive(Clone, Copy, Debug)]
pub(super) struct Breakpoint {
    pub(super) position: usize,
    pub(super) penalty: f64,
    /// Width the break adds to the line (a hyphen).
    pub(super) width: Length,
    pub(super) flagged: bool,
    pub(super) forced: bool,
    pub(super) kind: PenaltyKind,
    /// The break that ends the paragraph.
    pub(super) is_end: bool,
}

/// The items with precomputed running sums.
pub(super) struct Paragraph<'a> {
    items: &'a [Item],
    widths: &'a [Length],
    /// `sums[i]`: totals of `items[..i]`.
    sums: Vec<Totals>,
    /// `boxes[i]`: number of boxes in `items[..i]`.
    boxes: Vec<usize>,
    /// `next_content[i]`: first item of the line after a break at `i` (the
    /// next box or forced break after `i`, or the end).
    pub(super) next_content: Vec<usize>,
    /// Position of the break that ends the paragraph: the final forced
    /// penalty, or `items.len()` if there is none.
    pub(super) end: usize,
}

impl<'a> Paragraph<'a> {
    /// Sums and counts `items` once, so that every line the passes try is
    /// measured by a subtraction.
    pub(super) fn new(items: &'a [Item], widths: &'a [Length]) -> Paragraph<'a> {
        let n = items.len();
        let mut sums = Vec::with_capacity(n + 1);
        let mut boxes = Vec::with_capacity(n + 1);
        let mut totals = Totals::default();
        let mut box_count = 0;
        sums.push(totals);
        boxes.push(box_count);
        for item in items {
            totals = totals.plus(item);
            box_count += usize::from(matches!(item, Item::Box { .. }));
            sums.push(totals);
            boxes.push(box_count);
        }
        let end = match items.last() {
            Some(item) if is_forced(item) => n - 1,
            _ => n,
        };
        Paragraph {
            items,
            widths,
            sums,
            boxes,
            next_content: next_content_starts(items),
            end,
        }
    }

    /// Whether `items[from..to]` contains a box.
    pub(super) fn has_box(&self, from: usize, to: usize) -> bool {
        to > from && self.boxes[to] > self.boxes[from]
    }

    /// Width of line `line` (0-based); the last width repeats.
    pub(super) fn line_width(&self, line: usize) -> Length {
        self.widths
            .get(line)
            .or(self.widths.last())
            .copied()
            .unwrap_or(Length::ZERO)
    }

    /// Lines from this number on all have the same width.
    pub(super) fn line_class(&self, line: usize) -> usize {
        line.min(self.widths.len().saturating_sub(1))
    }

    /// The start of the paragraph as a node.
    pub(super) fn start_node(&self) -> Node {
        Node {
            position: 0,
            content_start: self.content_start_of_paragraph(),
            line: 0,
            fitness: Fitness::Decent,
            flagged: false,
            forced: false,
            run: 0,
            demerits: 0.0,
            fit: LineFit {
                badness: 0.0,
                rating: 0.0,
                fitness: Fitness::Decent,
                fits: true,
                ratio: 0.0,
                share: 0.0,
                natural: Length::ZERO,
                overfull: Length::ZERO,
            },
            prev: None,
        }
    }

    /// Leading glue and penalties are discarded like those after a break.
    fn content_start_of_paragraph(&self) -> usize {
        match self.items.first() {
            Some(item) if starts_content(item) => 0,
            _ => self.next_content[0],
        }
    }

    /// The breakpoint at item `i`, whatever the pass; `i == items.len()` is
    /// the implied end of a paragraph without a final forced penalty.
    pub(super) fn breakpoint(&self, i: usize) -> Option<Breakpoint> {
        let plain = Breakpoint {
            position: i,
            penalty: 0.0,
            width: Length::ZERO,
            flagged: false,
            forced: false,
            kind: PenaltyKind::Ordinary,
            is_end: i == self.end,
        };
        match self.items.get(i) {
            None => Some(Breakpoint {
                penalty: -INFINITY,
                forced: true,
                ..plain
            }),
            Some(Item::Box { .. }) => None,
            Some(Item::Glue { .. }) => {
                let after_box = i > 0 && matches!(self.items[i - 1], Item::Box { .. });
                after_box.then_some(plain)
            }
            Some(&Item::Penalty {
                width,
                cost,
                flagged,
                kind,
            }) => (cost < INFINITY).then_some(Breakpoint {
                penalty: cost,
                width,
                flagged,
                forced: cost <= -INFINITY,
                kind,
                ..plain
            }),
        }
    }

    /// How the line from `node` to `bp` fits, rated as `rules`' pass rates.
    pub(super) fn assess(&self, node: &Node, bp: &Breakpoint, rules: &PassRules) -> LineFit {
        let mut line = self.sums[bp.position].minus(self.sums[node.content_start]);
        line.width += bp.width;
        let mut fit = assess_line(line, self.line_width(node.line), rules.extra_stretch);
        if rules.true_badness {
            // Past TeX's cap every loose line is equally "infinitely bad",
            // and the pass could pick a two-word line stretched across the
            // column over one merely loose. Here looser stays worse.
            fit.badness = true_badness(fit.rating);
        }
        fit
    }

    /// The whole paragraph as one line: for input without boxes, and as a
    /// guard should the passes ever fail.
    pub(super) fn single_line(&self, params: &Params, pass: Pass) -> Breaks {
        let start = self.start_node();
        let Some(bp) = self.breakpoint(self.end) else {
            return Breaks {
                lines: Vec::new(),
                pass,
                demerits: 0.0,
            };
        };
        let fit = self.assess(&start, &bp, &PassRules::of(pass, params));
        Breaks {
            lines: vec![LineBreak {
                index: bp.position,
                ratio: fit.ratio,
                hyphenated: bp.flagged,
                overfull: fit.overfull,
                natural: fit.natural,
            }],
            pass,
            demerits: transition_demerits(params, &start, &bp, &fit),
        }
    }
}

/// A penalty that forces a break.
fn is_forced(item: &Item) -> bool {
    matches!(item, Item::Penalty { cost, .. } if *cost <= -INFINITY)
}

/// Items that stop the discarding after a break: material, or a forced
/// break (whose line, even if empty, must not be skipped over).
fn starts_content(item: &Item) -> bool {
    matches!(item, Item::Box { .. }) || is_forced(item)
}

/// For each position `i` (and `items.len()`), the first index after `i`
/// that starts content, or `items.len()`.
fn next_content_starts(items: &[Item]) -> Vec<usize> {
    let n = items.len();
    let mut next = vec![n; n + 1];
    for i in (0..n).rev() {
        let j = i + 1;
        next[i] = match items.get(j) {
            Some(item) if !starts_content(item) => next[j],
            _ => j,
        };
    }
    next
}

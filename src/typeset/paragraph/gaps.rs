//! The gaps between a paragraph's words, and what breaking at each costs.
//!
//! A prepared paragraph knows its glyphs, not its words; display lines
//! broken by sense need both. Here the words are read back from the
//! glyphs' text, and each word space is found where the breaker would
//! break at it, so that a caller can price each gap by the words on either
//! side (see [`crate::typeset::sense`]).

use crate::typeset::linebreak::{Item, Params, PenaltyKind, INFINITY};
use crate::units::Length;

use super::build::CJK_SHORT_LAST_LINE_DEMERITS;
use super::types::{Paragraph, Piece};
use super::Setter;

/// A place inside text without spaces where a line may break, as
/// [`Paragraph::weigh_segment_breaks`] shows it to the pricing.
pub struct SegmentPlace<'a> {
    /// The text from the space before to the space after.
    pub run: &'a str,
    /// Where in `run` the place before this one is (or 0): the bytes from
    /// there to `at` are the segment a line breaking here ends with.
    pub from: usize,
    /// Where in `run` this place is, in bytes.
    pub at: usize,
    /// The character before the place.
    pub before: char,
    /// The character after it.
    pub after: char,
}

impl SegmentPlace<'_> {
    /// The text from the place before (or the run's start) to this one.
    pub fn segment(&self) -> &str {
        &self.run[self.from..self.at]
    }
}

/// The badness limit a paragraph with priced gaps is broken within: the
/// cap of badness, so every line that is not overfull is a candidate. A
/// price only chooses among the lines the breaker considers; within the
/// ordinary tolerance a headline's near-full lines would win however
/// badly they break, and a shorter line breaking by sense never be tried.
const WEIGHED_TOLERANCE: f64 = 10000.0;

/// Where a line may end at one word space.
#[derive(Clone, Copy, Debug, PartialEq)]
enum GapBreak {
    /// At the penalty before the space (ragged text: the break sits
    /// between the line-end stretch and the space).
    Penalty(usize),
    /// At the space itself, glue right after a word (justified text).
    Glue(usize),
    /// Nowhere: a tie (a no-break space).
    Tied,
}

impl Paragraph {
    /// The paragraph's words as set (the text of their glyphs), split at
    /// word spaces: punctuation stays with its word, a tie splits words too.
    pub fn words(&self) -> Vec<String> {
        self.word_gaps().0
    }

    /// Sets the cost of breaking at each word space, as a penalty's cost:
    /// `costs[k]` for the space after word `k` of [`Paragraph::words`].
    /// Ties stay unbreakable, and costs past the last gap are ignored. The
    /// paragraph is then broken in one pass within the badness cap (see
    /// `WEIGHED_TOLERANCE`).
    pub fn weigh_gaps(&mut self, costs: &[f64]) {
        self.weighed = true;
        let (_, gaps) = self.word_gaps();
        // From the end, so that an inserted penalty moves no gap still to come.
        for (gap, &cost) in gaps.iter().zip(costs).rev() {
            match *gap {
                GapBreak::Penalty(i) => {
                    if let Item::Penalty { cost: c, .. } = &mut self.items[i] {
                        *c = cost;
                    }
                }
                GapBreak::Glue(i) => {
                    let penalty = Item::Penalty {
                        width: Length::ZERO,
                        cost,
                        flagged: false,
                        kind: PenaltyKind::Ordinary,
                    };
                    self.items.insert(i, penalty);
                    self.pieces.insert(i, Piece::Nothing);
                }
                GapBreak::Tied => {}
            }
        }
    }

    /// Sets the cost of breaking at each place inside text without spaces
    /// (between two Chinese or Japanese characters, two Thai words) to
    /// what `cost` says of it (see [`SegmentPlace`]). As
    /// [`Paragraph::weigh_gaps`] does for word spaces; called before it, as
    /// the places are found by their items' positions.
    pub fn weigh_segment_breaks(&mut self, cost: impl Fn(&SegmentPlace) -> f64) {
        if self.segment_breaks.is_empty() {
            return;
        }
        self.weighed = true;
        let gaps = std::mem::take(&mut self.segment_breaks);
        // The spaceless runs' text, and where in it each place is: the
        // text after a place is needed too, so all is read first.
        let (mut runs, mut last) = (vec![String::new()], 0);
        let mut places = Vec::with_capacity(gaps.len());
        let mut next = gaps.iter().peekable();
        for (i, (item, piece)) in self.items.iter().zip(&self.pieces).enumerate() {
            while let Some(gap) = next.next_if(|g| g.item == i) {
                places.push((last, runs[last].len(), gap));
            }
            match (item, piece) {
                (Item::Box { .. }, Piece::Glyphs(glyphs)) => {
                    let run = &mut runs[last];
                    for text in glyphs.iter().filter_map(|g| g.text.text()) {
                        run.push_str(&text);
                    }
                }
                (_, Piece::Space { .. }) => {
                    runs.push(String::new());
                    last += 1;
                }
                _ => {}
            }
        }
        debug_assert_eq!(places.len(), gaps.len(), "places out of order");
        let mut prices = Vec::with_capacity(gaps.len());
        let mut before: Option<(usize, usize)> = None;
        for &(run, at, gap) in &places {
            // The segment starts at the place before, if in the same run.
            let from = before.filter(|&(r, _)| r == run).map_or(0, |(_, a)| a);
            prices.push(cost(&SegmentPlace {
                run: &runs[run],
                from,
                at,
                before: gap.before,
                after: gap.after,
            }));
            before = Some((run, at));
        }
        // From the end, so that an inserted penalty moves no place still to come.
        for (gap, &price) in gaps.iter().zip(&prices).rev() {
            let trimmed = trimmed_end_before(&self.items, gap.item);
            match &mut self.items[gap.item] {
                Item::Penalty { cost, .. } => *cost = price,
                // After a closing mark, the glue follows the two breaks
                // of a line that may end with the mark trimmed (see
                // `push_trimmed_end`): both carry the price, the empty
                // glue becoming a penalty.
                Item::Glue { .. } if trimmed => {
                    if let Item::Penalty { cost, .. } = &mut self.items[gap.item - 1] {
                        *cost += price;
                    }
                    self.items[gap.item - 2] = Item::Penalty {
                        width: Length::ZERO,
                        cost: price,
                        flagged: false,
                        kind: PenaltyKind::Ordinary,
                    };
                }
                // Justified: the break is at the glue; a penalty before it
                // carries the price and breaks there instead.
                Item::Glue { .. } => {
                    let penalty = Item::Penalty {
                        width: Length::ZERO,
                        cost: price,
                        flagged: false,
                        kind: PenaltyKind::Ordinary,
                    };
                    self.items.insert(gap.item, penalty);
                    self.pieces.insert(gap.item, Piece::Nothing);
                }
                Item::Box { .. } => {}
            }
        }
    }

    /// The words and, for each gap between two of them, where a line may
    /// end there: one gap fewer than words.
    fn word_gaps(&self) -> (Vec<String>, Vec<GapBreak>) {
        let mut words = Vec::new();
        let mut gaps = Vec::new();
        let mut word = String::new();
        let mut pending = None;
        for (i, (item, piece)) in self.items.iter().zip(&self.pieces).enumerate() {
            match (item, piece) {
                (Item::Box { .. }, Piece::Glyphs(glyphs)) => {
                    for text in glyphs.iter().filter_map(|g| g.text.text()) {
                        if word.is_empty() {
                            gaps.extend(pending.take());
                        }
                        word.push_str(&text);
                    }
                }
                (Item::Glue { .. }, Piece::Space { .. }) if !word.is_empty() => {
                    words.push(std::mem::take(&mut word));
                    pending = Some(self.break_at_space(i));
                }
                _ => {}
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        (words, gaps)
    }

    /// Where a line may end at the word space at item `i` (a forced break
    /// before it, were there one, is left alone like a tie).
    fn break_at_space(&self, i: usize) -> GapBreak {
        match i.checked_sub(1).map(|j| (j, &self.items[j])) {
            Some((j, Item::Penalty { cost, .. })) if cost.abs() < INFINITY => GapBreak::Penalty(j),
            Some((_, Item::Box { .. })) => GapBreak::Glue(i),
            _ => GapBreak::Tied,
        }
    }
}

impl Setter<'_> {
    /// The breaker's tuning for `p`: the setter's own, or for a paragraph
    /// with priced gaps, one pass within [`WEIGHED_TOLERANCE`] (TeX's
    /// first pass, which takes the first setting within a tighter limit,
    /// is skipped). A paragraph with a shortest last line of its own
    /// (`min_last_line`) has it as a share of `last_width`,
    /// the width its last line is set in, where that is the larger.
    pub(super) fn params_for(&self, p: &Paragraph, last_width: Length) -> Params {
        let mut params = *self.params;
        if p.weighed {
            params.pretolerance = -1.0;
            params.tolerance = WEIGHED_TOLERANCE;
        }
        if p.min_last_line > Length::ZERO && last_width > Length::ZERO {
            let share = p.min_last_line / last_width;
            params.short_last_line = params.short_last_line.max(share);
            if p.graded_last_line {
                params.short_last_line_demerits =
                    (params.short_last_line_demerits).max(CJK_SHORT_LAST_LINE_DEMERITS);
                params.grade_short_last_line = true;
            }
        }
        params
    }
}

/// Whether the glue at `at` follows an empty glue and a penalty of
/// negative width: the two breaks after a closing mark in justified
/// Chinese or Japanese.
fn trimmed_end_before(items: &[Item], at: usize) -> bool {
    at >= 2
        && matches!(items[at - 1], Item::Penalty { width, .. } if width < Length::ZERO)
        && matches!(
            items[at - 2],
            Item::Glue { width, stretch, shrink }
                if width == Length::ZERO && stretch == Length::ZERO && shrink == Length::ZERO
        )
}

#[cfg(test)]
mod tests {
    use crate::style::Align;
    use crate::typeset::linebreak::Item;
    use crate::typeset::paragraph::{Paragraph, TestBench};
    use crate::units::Length;

    /// `text` prepared in the sans face at 20pt, aligned as `align`.
    fn prepared(text: &str, align: Align) -> Paragraph {
        TestBench::new().prepare(text, align)
    }

    /// The costs of the breakable penalties, in order.
    fn penalty_costs(p: &Paragraph) -> Vec<f64> {
        p.items
            .iter()
            .filter_map(|i| match i {
                Item::Penalty { cost, .. } if cost.abs() < 10000.0 => Some(*cost),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn words_are_read_back_with_their_punctuation() {
        let p = prepared("Stop the war, now!", Align::Left);
        assert_eq!(p.words(), ["Stop", "the", "war,", "now!"]);
    }

    #[test]
    fn ragged_gaps_take_their_costs_at_their_penalties() {
        let mut p = prepared("one two three four", Align::Left);
        assert_eq!(penalty_costs(&p), [0.0, 0.0, 0.0]);
        let items = p.items.len();
        p.weigh_gaps(&[1.0, 2.0, 3.0]);
        assert_eq!(penalty_costs(&p), [1.0, 2.0, 3.0]);
        assert_eq!(p.items.len(), items);
        assert!(p.weighed);
    }

    #[test]
    fn justified_gaps_get_a_penalty_before_their_space() {
        let mut p = prepared("one two three", Align::Justify);
        assert!(penalty_costs(&p).is_empty());
        p.weigh_gaps(&[7.0, 8.0]);
        assert_eq!(penalty_costs(&p), [7.0, 8.0]);
        assert_eq!(p.items.len(), p.pieces.len());
        assert_eq!(p.words(), ["one", "two", "three"]);
    }

    #[test]
    fn a_break_after_a_chinese_comma_is_priced_both_ways() {
        // After "，" a justified line may end with the comma full or half
        // width (see `push_trimmed_end`): both breaks take the price.
        // The system's Noto CJK (`.ci/run` installs fonts-noto-cjk).
        let mut bench = TestBench::new();
        bench.fallback.system = true;
        let mut p = bench.prepare("工人们，团结起来", Align::Justify);
        let trims = |p: &Paragraph| {
            p.items
                .iter()
                .filter(|i| matches!(i, Item::Penalty { width, .. } if *width < Length::ZERO))
                .count()
        };
        assert_eq!(trims(&p), 1, "{:?}", p.items);
        p.weigh_segment_breaks(|_| 7.0);
        assert_eq!(trims(&p), 1);
        // No free break is left: a glue is a break only after a box.
        for pair in p.items.windows(2) {
            assert!(
                !matches!(pair, [Item::Box { .. }, Item::Glue { .. }]),
                "{:?}",
                p.items
            );
        }
        let costs = penalty_costs(&p);
        assert!(costs.iter().all(|c| *c >= 7.0), "{costs:?}");
        assert!(costs.contains(&17.0), "{costs:?}");
    }

    #[test]
    fn ties_stay_unbreakable() {
        let mut p = prepared("one two\u{A0}three", Align::Left);
        assert_eq!(p.words(), ["one", "two", "three"]);
        p.weigh_gaps(&[5.0, 6.0]);
        // Only the first gap can break; the tie keeps its infinite cost.
        assert_eq!(penalty_costs(&p), [5.0]);
    }
}

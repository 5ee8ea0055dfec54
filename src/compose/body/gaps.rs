//! Word gaps: how loose a justified setting is, line by line and taken
//! as a whole, as a reader (or typometer) sees it.

use crate::style::Align;
use crate::typeset::line::{Cluster, Line, LineEnd, PlacedGlyph};
use crate::units::Length;
use unicode_script::{Script, UnicodeScript};

/// The word gaps of a line: from a word space's glyph (drawn where the gap
/// starts, at its left) to the next glyph to its right, in either
/// direction. Arabic lines have none here: Arabic is justified the
/// script's own way (see `docs/right-to-left.md`), and is not set ragged
/// by the rules that judge gaps.
pub(super) fn line_gaps(line: &Line) -> impl Iterator<Item = Length> + '_ {
    let mut glyphs: Vec<_> = line.glyphs().map(|(_, g)| g).collect();
    // Read on every justified line of every fitting trial: a left-to-right
    // line is drawn in order and has no Arabic, so only a right-to-left
    // one is scanned, and its order checked rather than assumed.
    let arabic = |g: &&PlacedGlyph| match &g.text {
        Cluster::Char(c) => c.script() == Script::Arabic,
        Cluster::Text(t) => t.chars().any(|c| c.script() == Script::Arabic),
        Cluster::Continued => false,
    };
    if glyphs.iter().any(|g| g.is_rtl()) {
        if glyphs.iter().any(arabic) {
            glyphs.clear();
        }
        glyphs.sort_by(|a, b| a.x.partial_cmp(&b.x).unwrap_or(std::cmp::Ordering::Equal));
    }
    let gaps: Vec<Length> = glyphs
        .windows(2)
        .filter(|w| w[0].text.is_space() && !w[1].text.is_space())
        .map(|w| w[1].x - w[0].x)
        .collect();
    gaps.into_iter()
}

/// The word gaps of a setting's justified lines (all but each paragraph's
/// last and those its writer ended), in ems of their type: how loose its
/// justification is, taken as a whole, as a reader (or typometer) sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(in crate::compose) struct WordGaps(Vec<f64>);

impl WordGaps {
    /// Adds a paragraph's lines, set at `size` in `align`.
    pub(super) fn add(&mut self, lines: &[Line], size: Length, align: Align) {
        if align != Align::Justify {
            return;
        }
        for line in lines
            .iter()
            .rev()
            .skip(1)
            .filter(|l| l.end != LineEnd::Break)
        {
            self.0.extend(line_gaps(line).map(|g| g / size));
        }
    }

    /// The gap that 95 in 100 are no wider than; `None` without gaps.
    /// Asked of the setting fitting keeps, not of every trial.
    pub(in crate::compose) fn p95(&self) -> Option<f64> {
        if self.0.is_empty() {
            return None;
        }
        let mut v = self.0.clone();
        let at = ((v.len() as f64 * 0.95).ceil() as usize).clamp(1, v.len()) - 1;
        Some(*v.select_nth_unstable_by(at, f64::total_cmp).1)
    }
}

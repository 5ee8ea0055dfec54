//! The baseline grid: one set of baselines, a body line apart, that the
//! body's lines stand on in every column of a page, as in a magazine. A
//! reader's eye moving across the page then finds the lines of
//! neighbouring columns level, and thin paper does not show the lines of
//! the other side between its own.
//!
//! What is not body text keeps the grid's rhythm in half lines: the space
//! above and below a heading, between paragraphs and list items, a
//! heading's leading. After such a block the next body line goes down to
//! the next full grid line, which is what magazines do (InDesign's "align
//! to baseline grid"): a half-line paragraph space thus becomes a blank
//! line, and a heading's block is rounded to whole lines, the rounding
//! added above the heading so that it stays close to the text it heads.
//! A heading at the top of a column stands level with the other columns'
//! first lines instead, and the text under it goes down to the grid.
//!
//! The grid starts at the body's first baseline: the headline and the
//! meta line above the body are outside it. It is drawn only where a page
//! has columns side by side (see [`BaselineGrid::of`]).

use crate::layout::design::Design;
use crate::layout::design::Panels;
use crate::units::Length;

/// Two baselines closer than this share of a line are on the same grid
/// line: far below anything visible, and above the rounding error of sums
/// of lengths.
const SAME_LINE: f64 = 0.001;

/// A heading's leading, rounded to half lines, is at least its size
/// ("set solid"): tighter, the lines of a bold heading touch. (The built-in
/// headlines go tighter still, but they are capitals and large words.)
const LEAST_DISPLAY_LEADING: f64 = 1.0;

/// The grid of a page's body: baselines `step` apart. Where it starts is
/// the page's business (see [`BaselineGrid::snap`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BaselineGrid {
    step: Length,
}

impl BaselineGrid {
    /// The grid at the body's leading, if the layout asks for one
    /// (`baseline-grid`, on by default) and a page has several columns, is
    /// half of a two-language poster, or is a folded sheet's inside spread
    /// (its panels read side by side). A single column has no neighbour to
    /// line up with, and the grid's rounding would only cost it room; the
    /// panels of a folded sheet read one by one are apart, across a fold,
    /// and there the rounding made a text that filled two panels spill a
    /// line or two onto a third.
    pub fn of(design: &Design) -> Option<BaselineGrid> {
        let page = &design.page;
        let neighbours = page.columns > 1 || page.beside || page.panels == Panels::CoverAndSpread;
        if design.body.baseline_grid && neighbours {
            BaselineGrid::new(design.body.leading)
        } else {
            None
        }
    }

    /// A grid of baselines `step` apart; `None` for a step that is not a
    /// positive length.
    pub fn new(step: Length) -> Option<BaselineGrid> {
        (step > Length::ZERO && step.is_finite()).then_some(BaselineGrid { step })
    }

    /// The distance between two grid lines: the body's leading.
    pub fn step(self) -> Length {
        self.step
    }

    /// Half a line: the unit of spaces between blocks.
    pub fn half(self) -> Length {
        self.step / 2.0
    }

    /// A space between blocks rounded to the nearest whole number of half
    /// lines: a space under a quarter line goes (list items stay close),
    /// a paragraph's half line stays half a line.
    pub fn space(self, space: Length) -> Length {
        self.half() * (space / self.half()).round().max(0.0)
    }

    /// The leading of text of `size` that would take `natural`: the nearest
    /// whole number of half lines, but at least `LEAST_DISPLAY_LEADING`
    /// times the size, so that lines of a large heading do not touch.
    pub fn display_leading(self, size: Length, natural: Length) -> Length {
        let least = (size * LEAST_DISPLAY_LEADING / self.half()).ceil();
        let near = (natural / self.half()).round();
        self.half() * near.max(least).max(1.0)
    }

    /// The whole lines that `height` takes, rounded up: what a block of
    /// that height occupies on the grid.
    pub fn whole_lines(self, height: Length) -> Length {
        self.lines_up(height).max(Length::ZERO)
    }

    /// `distance` rounded up to a whole number of lines, negative or not.
    fn lines_up(self, distance: Length) -> Length {
        self.step * (distance / self.step - SAME_LINE).ceil()
    }

    /// The first grid line at or below `y` (y grows downwards), on a grid
    /// with a line at `origin`.
    pub fn snap(self, y: Length, origin: Length) -> Length {
        origin + self.lines_up(y - origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> BaselineGrid {
        BaselineGrid::new(Length::pt(13.0)).unwrap()
    }

    #[test]
    fn spaces_go_to_the_nearest_half_line() {
        let g = grid();
        assert_eq!(g.space(Length::pt(6.5)), Length::pt(6.5));
        assert_eq!(g.space(Length::pt(9.0)), Length::pt(6.5));
        assert_eq!(g.space(Length::pt(10.0)), Length::pt(13.0));
        // A list's 2.6pt between items: under a quarter line, it goes.
        assert_eq!(g.space(Length::pt(2.6)), Length::ZERO);
    }

    #[test]
    fn display_leading_is_half_lines_and_never_tight() {
        let g = grid();
        // 11.5pt at 125%: 14.4pt, nearest half lines 13pt, above the size.
        assert_eq!(
            g.display_leading(Length::pt(11.5), Length::pt(14.375)),
            Length::pt(13.0)
        );
        // 14pt type would touch at 13pt: 19.5pt.
        assert_eq!(
            g.display_leading(Length::pt(14.0), Length::pt(17.5)),
            Length::pt(19.5)
        );
    }

    #[test]
    fn snaps_down_to_the_next_grid_line() {
        let g = grid();
        let origin = Length::pt(100.0);
        assert_eq!(g.snap(Length::pt(100.0), origin), Length::pt(100.0));
        assert_eq!(g.snap(Length::pt(113.0), origin), Length::pt(113.0));
        assert_eq!(g.snap(Length::pt(113.5), origin), Length::pt(126.0));
        // Above the origin too (a frame that starts above the grid's first line).
        assert_eq!(g.snap(Length::pt(95.0), origin), Length::pt(100.0));
        assert_eq!(g.snap(Length::pt(80.0), origin), Length::pt(87.0));
        // Sums of lengths that miss a line by rounding are on it.
        assert_eq!(
            g.snap(Length::pt(100.0 + 13.0 * 3.0 + 1e-9), origin),
            Length::pt(139.0)
        );
    }
}

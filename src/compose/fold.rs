//! Folded leaflets: the text is set on panel-sized pages in reading order,
//! and the panels are then placed on the two sides of the sheet where the
//! folds put them.
//!
//! A tri-fold (roll fold) is a landscape sheet folded twice into three
//! panels per side. The panel that folds in (the inside flap) is a little
//! narrower, so that it tucks in without buckling at the fold. Read closed
//! and opened, the six panels come in this order:
//!
//! | reading order | panel | where on the sheet |
//! | --- | --- | --- |
//! | 1 | front cover | outside, right |
//! | 2 | inside flap (seen on opening the cover) | outside, left (narrow) |
//! | 3, 4, 5 | the inside spread | inside, left to right (right one narrow) |
//! | 6 | back | outside, middle |
//!
//! The outside is page 1 of the PDF and the inside page 2: printed
//! two-sided, flipped on the short edge, the narrow panels fall back to back.

use crate::compose::pages::Page;
use crate::error::{Error, Location, Result};
use crate::units::Length;

/// How a sheet is folded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Two parallel folds, one panel rolled inside the other: six panels.
    Trifold,
}

/// How much narrower the inside flap is than the other panels: 3 mm, the
/// usual allowance for paper up to about 170 g/m².
pub const FLAP_ALLOWANCE: Length = Length::pt(3.0 / 25.4 * 72.0);

impl Fold {
    /// The names accepted for `fold`.
    pub const NAMES: &'static [&'static str] = &["none", "trifold"];

    /// Panels the text flows through, in reading order.
    pub fn panels(self) -> usize {
        match self {
            Fold::Trifold => 6,
        }
    }

    /// Width of a full panel on a sheet `sheet_width` wide: two full panels
    /// and the flap fill the sheet.
    pub fn panel_width(self, sheet_width: Length) -> Length {
        match self {
            Fold::Trifold => (sheet_width + FLAP_ALLOWANCE) / 3.0,
        }
    }

    /// Where panel `i` (reading order) goes: the side of the sheet (0
    /// outside, 1 inside) and the x offset of the panel page's left edge. A
    /// panel page is full-panel wide; on the narrow flap slot it is moved
    /// left by half the allowance, so both its margins give a little.
    fn place(self, i: usize, sheet_width: Length) -> (usize, Length) {
        let p = self.panel_width(sheet_width);
        let flap = p - FLAP_ALLOWANCE;
        let half = FLAP_ALLOWANCE / 2.0;
        match i {
            0 => (0, flap + p),
            1 => (0, -half),
            2 => (1, Length::ZERO),
            3 => (1, p),
            4 => (1, p * 2.0 - half),
            _ => (0, flap),
        }
    }

    /// The folds' positions from the left edge of each side (outside, inside).
    pub fn fold_lines(self, sheet_width: Length) -> [Vec<Length>; 2] {
        let p = self.panel_width(sheet_width);
        let flap = p - FLAP_ALLOWANCE;
        [vec![flap, flap + p], vec![p, p * 2.0]]
    }
}

/// Puts panel pages (in reading order) onto the two sides of the sheet.
/// More panels than the fold has is an error: a folded leaflet cannot grow.
pub fn fold(
    panels: Vec<Page>,
    fold: Fold,
    sheet: (Length, Length),
    origin: &str,
) -> Result<Vec<Page>> {
    if panels.len() > fold.panels() {
        let over: usize = panels[fold.panels()..].iter().map(|p| p.lines.len()).sum();
        return Err(Error::Typeset {
            at: Location::file(origin),
            message: format!(
                "the statement does not fit the {} panels of a tri-fold: it overflows by {over} \
                 line{}; shorten it, or give the layout a smaller body size",
                fold.panels(),
                if over == 1 { "" } else { "s" }
            ),
        });
    }
    let mut sides: Vec<Page> = (0..2)
        .map(|_| Page {
            width: sheet.0,
            height: sheet.1,
            ..Page::default()
        })
        .collect();
    for (i, panel) in panels.into_iter().enumerate() {
        let (side, dx) = fold.place(i, sheet.0);
        sides[side].place(panel, dx, Length::ZERO);
    }
    Ok(sides)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::pages::PlacedLine;
    use crate::typeset::line::Line;

    fn panel(tag: f64) -> Page {
        Page {
            width: Fold::Trifold.panel_width(Length::mm(297.0)),
            height: Length::mm(210.0),
            lines: vec![PlacedLine {
                x: Length::mm(10.0),
                baseline: Length::mm(tag),
                line: Line {
                    width: Length::mm(80.0),
                    ..Line::default()
                },
                figure: None,
                tag: None,
            }],
            ..Page::default()
        }
    }

    #[test]
    fn panels_fill_the_sheet_with_a_narrower_flap() {
        let w = Length::mm(297.0);
        let p = Fold::Trifold.panel_width(w);
        assert!((p.to_mm() - 100.0).abs() < 1e-9);
        let [outside, inside] = Fold::Trifold.fold_lines(w);
        // The folds fall back to back: x on the outside is W − x inside.
        let mirrored: Vec<f64> = outside.iter().map(|x| (w - *x).to_mm()).rev().collect();
        let inside: Vec<f64> = inside.iter().map(|x| x.to_mm()).collect();
        for (a, b) in mirrored.iter().zip(&inside) {
            assert!((a - b).abs() < 1e-9, "{mirrored:?} {inside:?}");
        }
        assert!((outside[0].to_mm() - 97.0).abs() < 1e-9);
    }

    #[test]
    fn panels_land_in_reading_order_positions() {
        let w = Length::mm(297.0);
        let panels: Vec<Page> = (1..=6).map(|i| panel(i as f64 * 10.0)).collect();
        let sides = fold(panels, Fold::Trifold, (w, Length::mm(210.0)), "s").unwrap();
        assert_eq!(sides.len(), 2);
        // (side, baseline tag) → x of the text in mm.
        let x_of = |side: usize, tag: f64| {
            sides[side]
                .lines
                .iter()
                .find(|l| (l.baseline.to_mm() - tag).abs() < 1e-9)
                .map(|l| l.x.to_mm())
                .unwrap()
        };
        // Cover on the outside's right, flap on its left, back in the middle.
        assert!((x_of(0, 10.0) - 207.0).abs() < 1e-6);
        assert!((x_of(0, 20.0) - 8.5).abs() < 1e-6);
        assert!((x_of(0, 60.0) - 107.0).abs() < 1e-6);
        // The inside spread left to right.
        assert!((x_of(1, 30.0) - 10.0).abs() < 1e-6);
        assert!((x_of(1, 40.0) - 110.0).abs() < 1e-6);
        assert!((x_of(1, 50.0) - 208.5).abs() < 1e-6);
        // Every text line stays inside its own panel, clear of the folds.
        let [outside, inside] = Fold::Trifold.fold_lines(w);
        for (side, folds) in [(0, outside), (1, inside)] {
            for l in &sides[side].lines {
                let (a, b) = (l.x, l.x + l.line.width);
                assert!(a > Length::ZERO && b < w);
                for f in &folds {
                    assert!(b < *f || a > *f, "line across a fold");
                }
            }
        }
    }

    #[test]
    fn a_seventh_panel_is_an_error() {
        let panels: Vec<Page> = (1..=7).map(|i| panel(i as f64)).collect();
        let e = fold(
            panels,
            Fold::Trifold,
            (Length::mm(297.0), Length::mm(210.0)),
            "s.txt",
        )
        .unwrap_err();
        assert!(e.to_string().contains("overflows by 1 line"), "{e}");
    }
}

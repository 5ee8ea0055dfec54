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
//!
//! A right-to-left text's sheet folds the other way round: every panel
//! goes to the mirror image of its place, the cover on the outside's left.
//!
//! A text too short for six panels would leave the inside spread blank,
//! the first thing a reader sees on unfolding the sheet. It is set as a
//! designer sets it instead ([`Panels::CoverAndSpread`]): the head alone on
//! the cover, the body across the three panels of the inside spread, the
//! imprint and QR code (if any) at the foot of the back, the flap left
//! free.

use crate::compose::pages::Page;
use crate::error::{Error, Location, Result};
use crate::layout::design::{Fold, Panels};
use crate::typeset::bidi::Direction;
use crate::units::Length;

/// How much narrower the inside flap is than the other panels: 3 mm, the
/// usual allowance for paper up to about 170 g/m².
pub const FLAP_ALLOWANCE: Length = Length::pt(3.0 / 25.4 * 72.0);

// The fold's geometry; the type and its names are the layout's.
impl Fold {
    /// Panels the text flows through, in reading order.
    pub fn panels(self) -> usize {
        match self {
            Fold::Trifold => 6,
        }
    }

    /// The pages the text is set on: one per panel, or the cover and the
    /// inside spread as one page of three columns.
    pub fn pages(self, panels: Panels) -> usize {
        match panels {
            Panels::All => self.panels(),
            Panels::CoverAndSpread => 2,
        }
    }

    /// The pages [`fold`] places: those the text is set on and, on a sheet
    /// set as cover and spread, the back panel with the imprint and QR code
    /// (see `compose::back`).
    fn placed(self, panels: Panels) -> usize {
        match panels {
            Panels::All => self.panels(),
            Panels::CoverAndSpread => 3,
        }
    }

    /// The inside spread set as one page: its columns, and the gap between
    /// them for text areas as wide as a panel's. The columns are spaced
    /// evenly, so the flap's narrower panel takes the allowance from both
    /// gaps: the middle column sits a quarter of the allowance (under a
    /// millimetre) left of its panel's centre, well inside what folding
    /// by hand or machine keeps to.
    pub fn spread(self, sheet_width: Length, text_width: Length) -> (usize, Length) {
        match self {
            Fold::Trifold => {
                let p = self.panel_width(sheet_width);
                // The third column starts where the flap panel's text does.
                let third = p * 2.0 - FLAP_ALLOWANCE / 2.0;
                (3, (third - text_width * 2.0) / 2.0)
            }
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

/// Puts the pages the text was set on (see [`Fold::pages`]) onto the two
/// sides of the sheet. More pages than that is an error: a folded leaflet
/// cannot grow.
///
/// A right-to-left text's sheet folds the other way, as its reader opens
/// it: every page goes to the mirror image of its place (cover on the
/// outside's left, flap on its right, the spread read from the right).
/// The pages themselves are mirrored already, each within its own width.
pub fn fold(
    pages: Vec<Page>,
    (fold, panels, direction): (Fold, Panels, Direction),
    sheet: (Length, Length),
    origin: &str,
) -> Result<Vec<Page>> {
    let most = fold.placed(panels);
    if pages.len() > most {
        let over: usize = pages[most..].iter().map(|p| p.lines.len()).sum();
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
    for (i, page) in pages.into_iter().enumerate() {
        let (side, dx) = match (panels, i) {
            (Panels::All, _) | (Panels::CoverAndSpread, 0) => fold.place(i, sheet.0),
            // The spread is set sheet-wide already.
            (Panels::CoverAndSpread, 1) => (1, Length::ZERO),
            (Panels::CoverAndSpread, _) => fold.place(fold.panels() - 1, sheet.0),
        };
        let dx = if direction.is_rtl() {
            sheet.0 - dx - page.width
        } else {
            dx
        };
        sides[side].place(page, dx, Length::ZERO);
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

    /// `pages` folded onto an A4 sheet as `panels` say, for `direction`.
    fn fold_a4(pages: Vec<Page>, panels: Panels, direction: Direction) -> Result<Vec<Page>> {
        let sheet = (Length::mm(297.0), Length::mm(210.0));
        fold(pages, (Fold::Trifold, panels, direction), sheet, "s.txt")
    }

    /// The x in mm of the line whose baseline is `tag` mm on side `side`.
    fn x_of(sides: &[Page], side: usize, tag: f64) -> f64 {
        sides[side]
            .lines
            .iter()
            .find(|l| (l.baseline.to_mm() - tag).abs() < 1e-9)
            .map(|l| l.x.to_mm())
            .unwrap()
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
        let sides = fold_a4(panels, Panels::All, Direction::Ltr).unwrap();
        assert_eq!(sides.len(), 2);
        // (side, baseline tag) → x of the text in mm.
        let x_of = |side: usize, tag: f64| x_of(&sides, side, tag);
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
    fn the_spread_columns_start_where_the_inside_panels_text_does() {
        let w = Length::mm(297.0);
        let (columns, gap) = Fold::Trifold.spread(w, Length::mm(80.0));
        assert_eq!(columns, 3);
        // 10 mm margins: the panels' text starts at 10, 110 and 208.5 mm
        // (the flap's back 1.5 mm to the left); evenly spaced columns put
        // the middle one at 109.25 mm.
        let x = |k: f64| 10.0 + k * (80.0 + gap.to_mm());
        assert!((x(2.0) - 208.5).abs() < 1e-9, "{}", x(2.0));
        assert!((x(1.0) - 109.25).abs() < 1e-9, "{}", x(1.0));
    }

    #[test]
    fn cover_and_spread_go_on_the_outside_right_and_the_inside() {
        let pages = vec![panel(10.0), panel(20.0)];
        let sides = fold_a4(pages, Panels::CoverAndSpread, Direction::Ltr).unwrap();
        let cover = &sides[0].lines[0];
        assert!((cover.x.to_mm() - 207.0).abs() < 1e-6);
        // The spread is sheet-wide: it stays where it was set.
        let spread = &sides[1].lines[0];
        assert!((spread.x.to_mm() - 10.0).abs() < 1e-6);
        // A third page is the back panel: the outside's middle, right of
        // the flap.
        let three = vec![panel(10.0), panel(20.0), panel(30.0)];
        let sides = fold_a4(three, Panels::CoverAndSpread, Direction::Ltr).unwrap();
        assert!((x_of(&sides, 0, 30.0) - 107.0).abs() < 1e-6);
        // A fourth has no place.
        let four = (1..=4).map(|i| panel(i as f64 * 10.0)).collect();
        let e = fold_a4(four, Panels::CoverAndSpread, Direction::Ltr).unwrap_err();
        assert!(e.to_string().contains("overflows by 1 line"), "{e}");
    }

    #[test]
    fn a_right_to_left_sheet_folds_the_other_way() {
        let panels: Vec<Page> = (1..=6).map(|i| panel(i as f64 * 10.0)).collect();
        let sides = fold_a4(panels, Panels::All, Direction::Rtl).unwrap();
        // Where the left edge of each panel page lands, from its line at
        // 10 mm into the page: the cover on the outside's left, the flap
        // (moved by half the allowance) on its right, the back between;
        // the inside spread from the right.
        let page_x = |side: usize, tag: f64| x_of(&sides, side, tag) - 10.0;
        assert!(page_x(0, 10.0).abs() < 1e-6);
        assert!((page_x(0, 20.0) - 198.5).abs() < 1e-6);
        assert!((page_x(0, 60.0) - 100.0).abs() < 1e-6);
        assert!((page_x(1, 30.0) - 197.0).abs() < 1e-6);
        assert!((page_x(1, 40.0) - 97.0).abs() < 1e-6);
        assert!((page_x(1, 50.0) + 1.5).abs() < 1e-6);
    }

    #[test]
    fn a_seventh_panel_is_an_error() {
        let panels: Vec<Page> = (1..=7).map(|i| panel(i as f64)).collect();
        let e = fold_a4(panels, Panels::All, Direction::Ltr).unwrap_err();
        assert!(e.to_string().contains("overflows by 1 line"), "{e}");
    }
}

//! Imposition for office printers and copy shops: copies of each page are
//! placed side by side on a larger sheet (an A5 flyer 2-up on A4, an A6
//! handout 4-up), with cut marks, so one sheet gives two or four leaflets.
//!
//! Every cell of a sheet holds the same page, so after cutting each stack is
//! a complete copy, and two-sided sheets line up back to back whichever edge
//! the printer turns on (the grid is centred, so it mirrors onto itself).

use crate::compose::pages::{Fill, Page, Rect, Rule};
use crate::layout::print::NUp;
use crate::units::Length;

// The grid of copies; the type and its names are the layout's.
impl NUp {
    /// Columns and rows of copies.
    pub fn grid(self) -> (usize, usize) {
        match self {
            NUp::Two => (2, 1),
            NUp::Four => (2, 2),
            NUp::Eight => (4, 2),
        }
    }

    /// Copies on one sheet.
    pub fn copies(self) -> usize {
        let (c, r) = self.grid();
        c * r
    }

    /// The most copies of a `w`×`h` page that fit on a `sheet_w`×`sheet_h`
    /// sheet, either way round: what a copy shop prints an A5 flyer (2),
    /// an A6 handout (4) or an A7 card (8) on A4. `None` when not even two
    /// fit: the page is printed as it is.
    pub fn most_on(w: Length, h: Length, sheet_w: Length, sheet_h: Length) -> Option<NUp> {
        [NUp::Eight, NUp::Four, NUp::Two].into_iter().find(|n| {
            let (c, r) = n.grid();
            let (gw, gh) = (w * c as f64, h * r as f64);
            fits(gw, gh, sheet_w, sheet_h) || fits(gw, gh, sheet_h, sheet_w)
        })
    }
}

/// Whether a `w`×`h` grid fits a `sw`×`sh` sheet: half a millimetre is
/// allowed over, as two A5 pages (296 mm) sit on A4 (297 mm) and four A6
/// (296 mm) do too.
fn fits(w: Length, h: Length, sw: Length, sh: Length) -> bool {
    w <= sw + Length::mm(0.5) && h <= sh + Length::mm(0.5)
}

/// Paper sizes a grid may land on, smallest first: (width, height) in mm.
const SHEETS: &[(f64, f64)] = &[
    (148.0, 210.0),
    (210.0, 297.0),
    (215.9, 279.4),
    (297.0, 420.0),
    (279.4, 431.8),
];

/// The sheet for a grid of `w`×`h`: the smallest common paper it fits on, in
/// the orientation it needs; the grid itself if none is large enough.
fn sheet_for(w: Length, h: Length) -> (Length, Length) {
    for &(a, b) in SHEETS {
        let (a, b) = (Length::mm(a), Length::mm(b));
        if fits(w, h, a, b) {
            return (a.max(w), b.max(h));
        }
        if fits(w, h, b, a) {
            return (b.max(w), a.max(h));
        }
    }
    (w, h)
}

/// Length of a cut mark, and its distance from the sheet edge (office
/// printers cannot print the outermost few millimetres).
const MARK_LENGTH: f64 = 6.0;
const MARK_INSET: f64 = 6.0;
/// Cut marks are hairlines.
const MARK_WIDTH: f64 = 0.25;

/// Imposes `pages` `n`-up: one sheet per page, holding `n` copies.
pub fn impose(pages: Vec<Page>, n: NUp) -> Vec<Page> {
    let (cols, rows) = n.grid();
    pages
        .into_iter()
        .map(|page| {
            let grid_w = page.width * cols as f64;
            let grid_h = page.height * rows as f64;
            let (sheet_w, sheet_h) = sheet_for(grid_w, grid_h);
            let left = (sheet_w - grid_w) / 2.0;
            let top = (sheet_h - grid_h) / 2.0;
            let mut sheet = Page {
                width: sheet_w,
                height: sheet_h,
                ..Page::default()
            };
            for r in 0..rows {
                for c in 0..cols {
                    let dx = left + page.width * c as f64;
                    let dy = top + page.height * r as f64;
                    // The first copy is the document; the others repeat
                    // it for the guillotine, and a reader would hear the
                    // text n times: they are not tagged.
                    let copy = if r == 0 && c == 0 {
                        page.clone()
                    } else {
                        page.clone().untagged()
                    };
                    sheet.place(copy, dx, dy);
                }
            }
            let marks = cut_marks(
                sheet_w,
                sheet_h,
                left,
                top,
                page.width,
                page.height,
                cols,
                rows,
            );
            // A black mark on a dark band could not be seen by whoever
            // cuts: the band leaves a gap of paper around each mark.
            for mark in &marks {
                let gap = around(mark, Length::mm(MARK_GAP));
                sheet.fills = std::mem::take(&mut sheet.fills)
                    .into_iter()
                    .flat_map(|f| without(f, gap))
                    .collect();
            }
            sheet.rules.extend(marks);
            sheet
        })
        .collect()
}

/// Paper left around a cut mark where it crosses a fill, in mm.
const MARK_GAP: f64 = 1.0;

/// The box of `rule` grown by `by` on every side.
fn around(rule: &Rule, by: Length) -> Rect {
    let (x0, x1) = (rule.from.0.min(rule.to.0), rule.from.0.max(rule.to.0));
    let (y0, y1) = (rule.from.1.min(rule.to.1), rule.from.1.max(rule.to.1));
    Rect {
        x: x0 - by,
        y: y0 - by,
        width: x1 - x0 + by * 2.0,
        height: y1 - y0 + by * 2.0,
    }
}

/// `fill` with `hole` cut out of it: itself when they do not overlap, else
/// up to four rectangles around the hole (above, below, left, right).
fn without(fill: Fill, hole: Rect) -> Vec<Fill> {
    let r = fill.rect;
    let (x0, x1) = (r.x.max(hole.x), r.right().min(hole.right()));
    let (y0, y1) = (r.y.max(hole.y), r.bottom().min(hole.bottom()));
    if x0 >= x1 || y0 >= y1 {
        return vec![fill];
    }
    let piece = |x: Length, y: Length, right: Length, bottom: Length| Rect {
        x,
        y,
        width: right - x,
        height: bottom - y,
    };
    [
        piece(r.x, r.y, r.right(), y0),
        piece(r.x, y1, r.right(), r.bottom()),
        piece(r.x, y0, x0, y1),
        piece(x1, y0, r.right(), y1),
    ]
    .into_iter()
    .filter(|p| p.width > Length::ZERO && p.height > Length::ZERO)
    .map(|rect| Fill { rect, ..fill })
    .collect()
}

/// Marks at the sheet's edges where every cut goes: each cell edge, inner
/// and outer.
#[allow(clippy::too_many_arguments)]
fn cut_marks(
    sheet_w: Length,
    sheet_h: Length,
    left: Length,
    top: Length,
    cell_w: Length,
    cell_h: Length,
    cols: usize,
    rows: usize,
) -> Vec<Rule> {
    let (len, inset, width) = (
        Length::mm(MARK_LENGTH),
        Length::mm(MARK_INSET),
        Length::pt(MARK_WIDTH),
    );
    let mut marks = Vec::new();
    // A cut on the sheet's own edge needs no mark (and could not be printed).
    let cut = |at: Length, size: Length| at >= inset && at <= size - inset;
    for c in 0..=cols {
        let x = left + cell_w * c as f64;
        if !cut(x, sheet_w) {
            continue;
        }
        marks.push(Rule {
            from: (x, inset),
            to: (x, inset + len),
            width,
        });
        marks.push(Rule {
            from: (x, sheet_h - inset),
            to: (x, sheet_h - inset - len),
            width,
        });
    }
    for r in 0..=rows {
        let y = top + cell_h * r as f64;
        if !cut(y, sheet_h) {
            continue;
        }
        marks.push(Rule {
            from: (inset, y),
            to: (inset + len, y),
            width,
        });
        marks.push(Rule {
            from: (sheet_w - inset, y),
            to: (sheet_w - inset - len, y),
            width,
        });
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a5() -> Page {
        Page {
            width: Length::mm(148.0),
            height: Length::mm(210.0),
            ..Page::default()
        }
    }

    #[test]
    fn a5_goes_two_up_on_a4_landscape_centred() {
        let sheets = impose(vec![a5(), a5()], NUp::Two);
        assert_eq!(sheets.len(), 2);
        let s = &sheets[0];
        assert!((s.width.to_mm() - 297.0).abs() < 1e-6 && (s.height.to_mm() - 210.0).abs() < 1e-6);
        // The grid is centred: cuts at x = 0.5, 148.5 and 296.5 mm. Only the
        // middle one gets marks (top and bottom): the outer cuts lie in the
        // edge an office printer cannot print, and trim a mere sliver.
        let xs: Vec<f64> = s
            .rules
            .iter()
            .filter(|r| r.from.0 == r.to.0)
            .map(|r| (r.from.0.to_mm() * 10.0).round() / 10.0)
            .collect();
        assert_eq!(xs, [148.5, 148.5]);
        for r in &s.rules {
            for (x, y) in [r.from, r.to] {
                assert!(x.to_mm() >= 6.0 - 1e-9 && x.to_mm() <= 291.0 + 1e-9);
                assert!(y.to_mm() >= 6.0 - 1e-9 && y.to_mm() <= 204.0 + 1e-9);
            }
        }
    }

    #[test]
    fn a_band_leaves_paper_around_the_cut_marks_it_crosses() {
        let band = Fill {
            rect: Rect {
                x: Length::ZERO,
                y: Length::mm(170.0),
                width: Length::mm(148.0),
                height: Length::mm(40.0),
            },
            color: crate::style::Color::Gray(0.1),
        };
        let page = Page {
            fills: vec![band],
            ..a5()
        };
        let s = &impose(vec![page], NUp::Two)[0];
        // The bottom mark of the middle cut (x = 148.5 mm, 198 to 204 mm
        // from the top) lies in the band: no fill within 1 mm of it.
        let mark = s
            .rules
            .iter()
            .find(|r| r.from.1 > Length::mm(100.0))
            .unwrap();
        let hole = around(mark, Length::mm(0.99));
        for f in &s.fills {
            let r = f.rect;
            let apart = r.right() <= hole.x
                || r.x >= hole.right()
                || r.bottom() <= hole.y
                || r.y >= hole.bottom();
            assert!(apart, "{r:?} covers the mark");
        }
        // All of the band but the gap is still there.
        let area: f64 = s
            .fills
            .iter()
            .map(|f| f.rect.width.to_mm() * f.rect.height.to_mm())
            .sum();
        let gap = around(mark, Length::mm(MARK_GAP));
        let expected = 2.0 * 148.0 * 40.0 - gap.width.to_mm() * gap.height.to_mm();
        assert!((area - expected).abs() < 1e-6, "{area} vs {expected}");
    }

    #[test]
    fn a6_goes_four_up_on_a4_portrait() {
        let a6 = Page {
            width: Length::mm(105.0),
            height: Length::mm(148.0),
            ..Page::default()
        };
        let s = &impose(vec![a6], NUp::Four)[0];
        assert!((s.width.to_mm() - 210.0).abs() < 1e-6 && (s.height.to_mm() - 297.0).abs() < 1e-6);
    }

    #[test]
    fn the_most_copies_that_fit_a_sheet() {
        let (a4w, a4h) = (Length::mm(210.0), Length::mm(297.0));
        let most = |w: f64, h: f64| NUp::most_on(Length::mm(w), Length::mm(h), a4w, a4h);
        assert_eq!(most(148.0, 210.0), Some(NUp::Two));
        assert_eq!(most(105.0, 148.0), Some(NUp::Four));
        assert_eq!(most(74.0, 105.0), Some(NUp::Eight));
        assert_eq!(most(210.0, 297.0), None);
        // A landscape A5 page goes two-up only as two rows, which the grid
        // does not make: it is printed as it is.
        assert_eq!(most(210.0, 148.0), None);
        assert_eq!(NUp::Four.copies(), 4);
    }

    #[test]
    fn a_grid_too_large_for_any_sheet_gets_its_own_size() {
        let a3 = Page {
            width: Length::mm(297.0),
            height: Length::mm(420.0),
            ..Page::default()
        };
        let s = &impose(vec![a3], NUp::Four)[0];
        assert!((s.width.to_mm() - 594.0).abs() < 1e-6 && (s.height.to_mm() - 840.0).abs() < 1e-6);
    }
}

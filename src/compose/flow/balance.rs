//! Balancing the last page: the shortest columns that still hold the rest
//! of the text by the rules, with no column but the last left short.

use super::column::{fill_page, Cursor, Placement, HEADER};
use super::frames::{Frame, Grid};
use crate::compose::pages::BlockLines;
use crate::units::Length;

/// Balances what remains into the page's columns: the smallest column height
/// (from the body's top) that still holds everything, found by bisection,
/// and splits no paragraph against its widows and orphans unless the
/// unbalanced setting had to.
pub(super) fn balance(
    blocks: &[BlockLines],
    cursor: Cursor,
    grid: &Grid,
    top: Length,
    frames: &[Frame],
) -> Option<Vec<Vec<Placement>>> {
    if grid.columns < 2 {
        return None;
    }
    let full = grid.bottom - top;
    let set = |h: Length| {
        let cut: Vec<Frame> = frames
            .iter()
            .map(|f| Frame {
                bottom: f.bottom.min(top + h),
                ..*f
            })
            .collect();
        let (cols, next) = fill_page(blocks, cursor, &cut, grid, top);
        (next.block >= blocks.len()).then_some(cols)
    };
    let mut best = set(full)?;
    // A column too short for a paragraph's orphans still takes a line of
    // it (`fill_column` forces one rather than leave every column empty),
    // so the shortest height that holds everything could set a three-line
    // paragraph one line a column.
    let strict = by_the_rules(blocks, &best);
    let fits = |h: Length| set(h).filter(|cols| !strict || by_the_rules(blocks, cols));
    let mut lo = Length::ZERO;
    let mut hi = full;
    for _ in 0..30 {
        if hi - lo < Length::pt(0.25) {
            break;
        }
        let mid = (lo + hi) / 2.0;
        match fits(mid) {
            Some(cols) => {
                hi = mid;
                best = cols;
            }
            None => lo = mid,
        }
    }
    // The shortest height can leave a column before the last well short:
    // a block that must go on whole (a list's lead-in with its first
    // items) misses the foot of the middle column by a hair and goes on to
    // the last, which then stands as tall as the first (22, 16 and 22
    // lines across the tri-fold's spread). A designer lets the columns run
    // a line or two longer, so that only the last is short.
    let line = grid.leading;
    let short = line * SHORT_COLUMN_LINES;
    if frames.iter().all(|f| f.whole) && shortfall(&best, frames) > short {
        let mut h = hi;
        while h + line / 2.0 <= (hi + line * BALANCE_SLACK_LINES).min(full) {
            h += line / 2.0;
            if let Some(cols) = fits(h).filter(|cols| shortfall(cols, frames) <= short) {
                best = cols;
                break;
            }
        }
    }
    Some(best)
}

/// How far a column before the last may end above the tallest before
/// [`balance`] looks for a taller setting: four lines. A column a line or
/// two short of its neighbour is what the baseline grid, a paragraph's
/// widows and orphans and the keeps leave, and a taller setting only
/// moves that elsewhere: at two lines, the reference statement's A3 and
/// Tabloid posters got a first column two lines longer than the second
/// instead of the reverse, and three tri-folds' third columns were half
/// emptied into the first two.
const SHORT_COLUMN_LINES: f64 = 4.0;

/// How much taller than the shortest height that holds everything
/// [`balance`] lets the columns grow so that no column but the last is
/// short: two lines, little beside a column of twenty or more.
const BALANCE_SLACK_LINES: f64 = 2.0;

/// How far the columns before the last one used end above the tallest
/// (0 when the text takes one column).
fn shortfall(cols: &[Vec<Placement>], frames: &[Frame]) -> Length {
    let bottoms: Vec<Length> = frames
        .iter()
        .zip(cols)
        .filter_map(|(f, col)| col.last().map(|&(_, _, y)| f.top + y))
        .collect();
    let tallest = bottoms.iter().copied().fold(Length::ZERO, Length::max);
    let before_last = bottoms.len().saturating_sub(1);
    bottoms[..before_last]
        .iter()
        .map(|&b| tallest - b)
        .fold(Length::ZERO, Length::max)
}

/// Whether every paragraph `cols` split between columns keeps at least
/// its orphans before the split and its widows after it.
fn by_the_rules(blocks: &[BlockLines], cols: &[Vec<Placement>]) -> bool {
    // Each column's piece of a block: (block, first line, lines).
    let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
    for col in cols {
        let mut last = None;
        for &(b, line, _) in col.iter().filter(|p| p.1 != HEADER) {
            match pieces.last_mut() {
                Some(p) if last == Some(b) => p.2 += 1,
                _ => pieces.push((b, line, 1)),
            }
            last = Some(b);
        }
    }
    pieces.iter().all(|&(b, first, n)| {
        let block = &blocks[b];
        let total = block.lines.len();
        if n == total {
            return true;
        }
        let opening = first == 0 && n < block.orphans;
        let closing = first + n == total && n < block.widows;
        !opening && !closing
    })
}

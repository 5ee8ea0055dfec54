//! Filling a page's frames line by line: widows, orphans, keep-with-next,
//! no word carried over a page turn, body lines on the baseline grid.

use super::frames::{Frame, Grid};
use crate::compose::baseline::BaselineGrid;
use crate::compose::pages::{BlockLines, ColumnLine};
use crate::units::Length;

/// A line at its position in a frame: (block, line, baseline from the frame top).
pub(super) type Placement = (usize, usize, Length);

/// The line of a [`Placement`] that is its block's `header`, set again.
pub(super) const HEADER: usize = usize::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cursor {
    pub(super) block: usize,
    pub(super) line: usize,
}

/// Fills the frames of one page whose body starts at `top` in order;
/// returns the placements per frame and where it stopped.
pub(super) fn fill_page(
    blocks: &[BlockLines],
    mut cursor: Cursor,
    frames: &[Frame],
    grid: &Grid,
    top: Length,
) -> (Vec<Vec<Placement>>, Cursor) {
    let mut out = Vec::with_capacity(frames.len());
    for (k, f) in frames.iter().enumerate() {
        let height = f.bottom - f.top;
        if height < Length::ZERO && !f.whole {
            out.push(Vec::new());
            continue;
        }
        let end = if k + 1 == frames.len() || grid.columns_apart {
            ColumnEnd::PageTurn
        } else {
            ColumnEnd::NextColumn
        };
        // The page's grid, seen from this frame's top.
        let lines = grid.baseline.map(|g| OnGrid {
            grid: g,
            origin: top + grid.top_skip - f.top,
        });
        let (placed, next) = fill_column(blocks, cursor, grid, (height, end, lines), f.whole);
        out.push(placed);
        cursor = next;
    }
    (out, cursor)
}

/// What follows the foot of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ColumnEnd {
    /// The next column of the same page: the eye moves across.
    NextColumn,
    /// The next page or panel: the reader turns the sheet or unfolds it,
    /// and a word hyphenated there would be carried across a fold.
    PageTurn,
}

/// The baseline grid as a column sees it: its lines at `origin` (from the
/// column's top, perhaps above it) and every `grid.step()` from there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct OnGrid {
    grid: BaselineGrid,
    origin: Length,
}

impl ColumnLine {
    /// True for a figure or picture rather than text: it stands on its
    /// baseline from the top of a column.
    fn is_figure(&self) -> bool {
        self.figure.is_some() || self.picture.is_some()
    }
}

/// The baselines of `block`'s lines from line `from` on, placed in a column
/// whose last baseline so far is at `y` (`at_top`: none yet), each on the
/// grid when the block stands on it. A figure and what follows it in its
/// block (a carried tail's QR code and its caption) stand as set.
fn baselines<'a>(
    block: &'a BlockLines,
    from: usize,
    (y, at_top): (Length, bool),
    grid: &'a Grid,
    lines: Option<OnGrid>,
) -> impl Iterator<Item = Length> + 'a {
    baselines_from(block, from, (y, at_top, false), grid, lines)
}

/// [`baselines`], the first line `joined` to the line at `y` (a table's
/// headings set again above it) without the block's space before it.
fn baselines_from<'a>(
    block: &'a BlockLines,
    from: usize,
    (y, at_top, joined): (Length, bool, bool),
    grid: &'a Grid,
    lines: Option<OnGrid>,
) -> impl Iterator<Item = Length> + 'a {
    let mut snap = lines.filter(|_| block.on_grid);
    let mut yy = y;
    block.lines[from..].iter().enumerate().map(move |(k, cl)| {
        if cl.is_figure() {
            snap = None;
        }
        yy += if at_top && k == 0 && cl.is_figure() {
            // A figure starts at the column top: its baseline is its bottom.
            cl.leading
        } else if at_top && k == 0 {
            grid.top_skip.max(cl.leading * 0.75)
        } else if k == 0 && !joined {
            block.space_before + cl.leading
        } else {
            cl.leading
        };
        if let Some(g) = snap {
            yy = g.grid.snap(yy, g.origin);
        }
        yy
    })
}

/// Fills one column of height `height` from `cursor`, honouring widows,
/// orphans and keep-with-next, and ending a column at a page turn with a
/// whole word; body lines stand on the baseline grid `lines`, if any. When
/// nothing fits by those rules, a `force`d column takes a line anyway;
/// another is left empty.
pub(super) fn fill_column(
    blocks: &[BlockLines],
    start: Cursor,
    grid: &Grid,
    (height, end, lines): (Length, ColumnEnd, Option<OnGrid>),
    force: bool,
) -> (Vec<Placement>, Cursor) {
    let mut placed: Vec<Placement> = Vec::new();
    let mut cursor = start;
    let mut y = Length::ZERO;
    let eps = Length::pt(0.01);
    while cursor.block < blocks.len() {
        let block = &blocks[cursor.block];
        let n = block.lines.len();
        if n == 0 {
            cursor = Cursor {
                block: cursor.block + 1,
                line: 0,
            };
            continue;
        }
        // A table going on at a column's top: its headings first.
        let header = block
            .header
            .as_ref()
            .filter(|_| placed.is_empty() && cursor.line > 0)
            .map(|h| header_baseline(block, h, grid, lines));
        // Baseline of each remaining line of this block if placed here.
        let ys: Vec<Length> = match header {
            Some(h) => baselines_from(block, cursor.line, (h, false, true), grid, lines).collect(),
            None => baselines(block, cursor.line, (y, placed.is_empty()), grid, lines).collect(),
        };
        let headed = |placed: &mut Vec<Placement>, take: usize| {
            if let (Some(h), true) = (header, take > 0) {
                placed.push((cursor.block, HEADER, h));
            }
        };
        let fit = ys.iter().take_while(|&&b| b <= height + eps).count();
        let remaining = n - cursor.line;
        if fit == remaining {
            if block.keep_with_next
                && !placed.is_empty()
                && !next_start_fits(
                    blocks,
                    cursor.block + 1,
                    (*ys.last().unwrap_or(&y), height),
                    (grid, lines),
                )
            {
                break;
            }
            headed(&mut placed, ys.len());
            for (k, &b) in ys.iter().enumerate() {
                placed.push((cursor.block, cursor.line + k, b));
            }
            y = *ys.last().unwrap_or(&y);
            cursor = Cursor {
                block: cursor.block + 1,
                line: 0,
            };
            continue;
        }
        // The block must be split (or moved on whole).
        let take = lines_to_take(block, cursor.line, fit, end, force && placed.is_empty());
        headed(&mut placed, take);
        for (k, &b) in ys.iter().take(take).enumerate() {
            placed.push((cursor.block, cursor.line + k, b));
        }
        cursor.line += take;
        if cursor.line >= n {
            cursor = Cursor {
                block: cursor.block + 1,
                line: 0,
            };
        }
        break;
    }
    let cursor = without_a_heading_at_the_foot(blocks, &mut placed, cursor);
    (placed, cursor)
}

/// The baseline of `header`, the headings of `block`, a table going on at
/// a column's top, on the baseline grid `lines` if the block is on it.
fn header_baseline(
    block: &BlockLines,
    header: &ColumnLine,
    grid: &Grid,
    lines: Option<OnGrid>,
) -> Length {
    let top = grid.top_skip.max(header.leading * 0.75);
    lines
        .filter(|_| block.on_grid)
        .map_or(top, |g| g.grid.snap(top, g.origin))
}

/// How many lines of `block` from line `from` a column takes when only
/// `fit` of them fit: no fewer than its orphans (at its start), leaving no
/// fewer than its widows, none of a block kept with the next, and at a
/// page turn (`end`) not a hyphenated line, so that no word is carried
/// over it. A `force`d (empty) column takes a line even so, rather than
/// loop.
fn lines_to_take(
    block: &BlockLines,
    from: usize,
    fit: usize,
    end: ColumnEnd,
    force: bool,
) -> usize {
    let remaining = block.lines.len() - from;
    let mut take = fit;
    let orphans = if from == 0 { block.orphans } else { 1 };
    if remaining - take < block.widows {
        take = remaining.saturating_sub(block.widows);
    }
    // The column ends before the hyphenated line (or lines: two may follow
    // each other), and the paragraph moves on whole when that would leave
    // an orphan.
    if end == ColumnEnd::PageTurn {
        while take > 0 && block.lines[from + take - 1].line.hyphenated {
            take -= 1;
        }
    }
    if take < orphans || block.keep_with_next {
        take = 0;
    }
    if take == 0 && force {
        take = fit.max(1).min(remaining);
    }
    take
}

/// `cursor`, where the next column starts, moved back over a heading left
/// at the foot of this one with nothing after it (taken off `placed`), so
/// that it goes on with the text it heads. `next_start_fits` keeps most
/// such headings back, but the text's first lines may fit and still not
/// be taken (a hyphen at a page turn, its widows). Never empties a column.
fn without_a_heading_at_the_foot(
    blocks: &[BlockLines],
    placed: &mut Vec<Placement>,
    mut cursor: Cursor,
) -> Cursor {
    while cursor.line == 0 && cursor.block < blocks.len() {
        let Some(&(last, _, _)) = placed.last() else {
            break;
        };
        let nothing_between = blocks[last + 1..cursor.block]
            .iter()
            .all(|b| b.lines.is_empty());
        let kept = placed.iter().take_while(|p| p.0 != last).count();
        // Placed whole here (a heading the previous column began stays).
        let whole = placed.get(kept).is_some_and(|p| p.1 == 0);
        if !blocks[last].keep_with_next || !nothing_between || kept == 0 || !whole {
            break;
        }
        placed.truncate(kept);
        cursor = Cursor {
            block: last,
            line: 0,
        };
    }
    cursor
}

/// True when the first lines (up to its orphan count) of block `b` fit below `y`.
fn next_start_fits(
    blocks: &[BlockLines],
    b: usize,
    (y, height): (Length, Length),
    (grid, lines): (&Grid, Option<OnGrid>),
) -> bool {
    let Some(next) = blocks.get(b) else {
        return true;
    };
    let need = next.orphans.min(next.lines.len()).max(1);
    baselines(next, 0, (y, false), grid, lines)
        .take(need)
        .last()
        .is_none_or(|yy| yy <= height + Length::pt(0.01))
}

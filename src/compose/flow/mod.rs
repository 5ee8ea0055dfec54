//! Frames and pages: set lines are stacked into columns, columns into pages.
//!
//! The headline block spans all columns at the top of the first page; the
//! body flows column to column and page to page, never leaving a single line
//! of a paragraph alone at the top or bottom of a column (widows and orphans)
//! nor a heading at the bottom; the last page's columns are balanced.

use crate::compose::baseline::BaselineGrid;
use crate::compose::pages::{BlockLines, ColumnLine, Fill, Page, PlacedLine, PlacedPicture, Rule};
use crate::compose::tag::Tag;
use crate::units::Length;

/// The grid the body flows into.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// Page size.
    pub page_width: Length,
    /// Page size.
    pub page_height: Length,
    /// Left edge of the first column.
    pub left: Length,
    /// Top of the body area on pages after the first.
    pub top: Length,
    /// Bottom of the body area (last possible baseline).
    pub bottom: Length,
    /// Column width.
    pub column_width: Length,
    /// Gap between columns.
    pub gap: Length,
    /// Number of columns.
    pub columns: usize,
    /// Distance from a column's top to its first baseline.
    pub top_skip: Length,
    /// The body's leading: a line of text, what balancing counts in.
    pub leading: Length,
    /// Width of a rule between columns, if any.
    pub rule: Option<Length>,
    /// The grid the body's lines stand on, starting at the first baseline
    /// of a whole column (`top_skip` below the body's top), if any.
    pub baseline: Option<BaselineGrid>,
    /// The columns stand on separate panels of a folded sheet, a fold
    /// between each and the next: a word is not carried from one to the
    /// next, as over a page turn.
    pub columns_apart: bool,
}

/// A part of the first page the body keeps clear of (a picture, the
/// band), with the space to keep around it already added.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Obstacle {
    /// Left edge: columns reaching right of it are affected.
    pub left: Length,
    /// Right edge: columns starting left of it are affected.
    pub right: Length,
    /// The last baseline allowed above it.
    pub top: Length,
    /// Where a column may start again below it (its top edge, not its
    /// first baseline).
    pub bottom: Length,
}

/// What the first page holds besides the flowing body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FirstPage {
    /// Where the body starts (below the headline).
    pub top: Length,
    /// The headline lines, and any other fixed lines (the band's).
    pub head: Vec<PlacedLine>,
    /// Areas the body flows around.
    pub obstacles: Vec<Obstacle>,
    /// Filled areas.
    pub fills: Vec<Fill>,
    /// Pictures outside the flow.
    pub pictures: Vec<PlacedPicture>,
}

/// A stretch of a column the body flows into: a whole column, or the part
/// of one above, between or below obstacles.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Frame {
    column: usize,
    /// Top edge: the first baseline is `top_skip` below it.
    top: Length,
    /// The last baseline allowed.
    bottom: Length,
    /// The whole column, untouched by obstacles: when nothing fits by the
    /// rules, a line is placed anyway (the flow must go on). A cut frame is
    /// left empty instead, as the next frame or page can take the text.
    whole: bool,
}

/// A line at its position in a frame: (block, line, baseline from the frame top).
type Placement = (usize, usize, Length);

/// The line of a [`Placement`] that is its block's `header`, set again.
const HEADER: usize = usize::MAX;

/// The frames of a page whose body starts at `top`: each column from top to
/// bottom less the obstacles it meets, in reading order. A stretch too short
/// for one line is left out.
fn frames(grid: &Grid, top: Length, obstacles: &[Obstacle]) -> Vec<Frame> {
    let mut out = Vec::new();
    for c in 0..grid.columns {
        let x0 = grid.left + (grid.column_width + grid.gap) * c as f64;
        let x1 = x0 + grid.column_width;
        let blocked: Vec<(Length, Length)> = obstacles
            .iter()
            .filter(|o| o.left < x1 && o.right > x0)
            .map(|o| (o.top, o.bottom))
            .collect();
        if blocked.is_empty() {
            out.push(Frame {
                column: c,
                top,
                bottom: grid.bottom,
                whole: true,
            });
            continue;
        }
        for (t, b) in unblocked(top, grid.bottom, &blocked) {
            let whole = t == top && b == grid.bottom;
            if whole || b - t >= grid.top_skip {
                out.push(Frame {
                    column: c,
                    top: t,
                    bottom: b,
                    whole,
                });
            }
        }
    }
    out
}

/// `from`..`to` less the `blocked` stretches.
fn unblocked(from: Length, to: Length, blocked: &[(Length, Length)]) -> Vec<(Length, Length)> {
    let mut blocked = blocked.to_vec();
    blocked.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    let mut out = Vec::new();
    let mut y = from;
    for (a, b) in blocked {
        if a > y {
            out.push((y, a.min(to)));
        }
        y = y.max(b);
    }
    if to > y {
        out.push((y, to));
    }
    out.retain(|(a, b)| b > a);
    out
}

/// Body blocks flowed into pages.
#[derive(Clone, Debug, Default)]
pub struct Flow {
    /// The pages.
    pub pages: Vec<Page>,
    /// The lowest baseline of body text on the last page (not of its
    /// headline or band): how far down the text reaches.
    pub last_bottom: Length,
}

/// Flows body blocks into pages; the first page holds `first`'s headline,
/// fills and pictures, and its columns keep clear of its obstacles.
pub fn flow_around(mut blocks: Vec<BlockLines>, grid: &Grid, first: FirstPage) -> Flow {
    let mut pages: Vec<Page> = Vec::new();
    // Lines numbered as they flow, for the reading order of tags.
    let mut flow: u32 = 0;
    let mut cursor = Cursor { block: 0, line: 0 };
    let mut page_no = 0;
    let first_top = first.top;
    let obstacles = first.obstacles;
    let mut extras = Some((first.head, first.fills, first.pictures));
    loop {
        let top = if page_no == 0 { first_top } else { grid.top };
        let page_frames = frames(grid, top, if page_no == 0 { &obstacles } else { &[] });
        let mut page = Page {
            width: grid.page_width,
            height: grid.page_height,
            ..Page::default()
        };
        if let Some((head, fills, pictures)) = extras.take() {
            page.lines.extend(head);
            page.fills = fills;
            page.pictures = pictures;
        }
        // Try the whole rest on this page; if it fits, balance it.
        let (placed_frames, next) = fill_page(&blocks, cursor, &page_frames, grid, top);
        let done = next.block >= blocks.len();
        let placed_frames = if done {
            balance(&blocks, cursor, grid, top, &page_frames).unwrap_or(placed_frames)
        } else {
            placed_frames
        };
        let mut deepest = top;
        let mut used = vec![false; grid.columns];
        for (frame, placed) in page_frames.iter().zip(&placed_frames) {
            let x0 = grid.left + (grid.column_width + grid.gap) * frame.column as f64;
            used[frame.column] |= !placed.is_empty();
            for &(b, l, y) in placed {
                let baseline = frame.top + y;
                if l == HEADER {
                    // A copy, untagged: not the document's text again.
                    if let Some(h) = &blocks[b].header {
                        page.lines.push(PlacedLine {
                            x: x0 + h.x,
                            baseline,
                            line: h.line.clone(),
                            figure: None,
                            tag: None,
                        });
                    }
                    continue;
                }
                // Each line is placed once: move it, do not copy it.
                let cl = &mut blocks[b].lines[l];
                page.lines.push(PlacedLine {
                    x: x0 + cl.x,
                    baseline,
                    line: std::mem::take(&mut cl.line),
                    figure: cl.figure.take(),
                    tag: cl.tag.take().map(|t| {
                        flow += 1;
                        Tag { flow, ..t }
                    }),
                });
                if let Some(p) = cl.picture.take() {
                    page.pictures
                        .push(p.moved(x0 + cl.x, baseline - cl.leading));
                }
                deepest = deepest.max(baseline);
            }
        }
        if let Some(w) = grid.rule {
            let used = used.iter().filter(|u| **u).count();
            for c in 1..used.max(1) {
                let x = grid.left + (grid.column_width + grid.gap) * c as f64 - grid.gap / 2.0;
                // The rule stops short of pictures and the band that cross the gap.
                let blocked: Vec<(Length, Length)> = if page_no == 0 {
                    obstacles
                        .iter()
                        .filter(|o| o.left < x && o.right > x)
                        .map(|o| (o.top, o.bottom))
                        .collect()
                } else {
                    Vec::new()
                };
                for (from, to) in unblocked(top, deepest + grid.top_skip * 0.3, &blocked) {
                    page.rules.push(Rule {
                        from: (x, from),
                        to: (x, to),
                        width: w,
                    });
                }
            }
        }
        pages.push(page);
        page_no += 1;
        // On the first page, obstacles may leave no frame the text can
        // start in: it goes on on the next. Later pages always take a line
        // (whole columns), so `next == cursor` cannot happen there, but a
        // flow must never spin.
        if done || (next == cursor && page_no > 1) {
            return Flow {
                pages,
                last_bottom: deepest,
            };
        }
        cursor = next;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cursor {
    block: usize,
    line: usize,
}

/// Fills the frames of one page whose body starts at `top` in order;
/// returns the placements per frame and where it stopped.
fn fill_page(
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
enum ColumnEnd {
    /// The next column of the same page: the eye moves across.
    NextColumn,
    /// The next page or panel: the reader turns the sheet or unfolds it,
    /// and a word hyphenated there would be carried across a fold.
    PageTurn,
}

/// The baseline grid as a column sees it: its lines at `origin` (from the
/// column's top, perhaps above it) and every `grid.step()` from there.
#[derive(Clone, Copy, Debug, PartialEq)]
struct OnGrid {
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
fn fill_column(
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
            .map(|h| {
                let top = grid.top_skip.max(h.leading * 0.75);
                lines
                    .filter(|_| block.on_grid)
                    .map_or(top, |g| g.grid.snap(top, g.origin))
            });
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
        let mut take = fit;
        let orphans = if cursor.line == 0 { block.orphans } else { 1 };
        if remaining - take < block.widows {
            take = remaining.saturating_sub(block.widows);
        }
        // A word is not carried over a page turn: the column ends before
        // the hyphenated line (or lines: two may follow each other), and
        // the paragraph moves on whole when that would leave an orphan.
        if end == ColumnEnd::PageTurn {
            while take > 0 && block.lines[cursor.line + take - 1].line.hyphenated {
                take -= 1;
            }
        }
        if take < orphans || block.keep_with_next {
            take = 0;
        }
        if take == 0 && placed.is_empty() && force {
            // Nothing fits by the rules in an empty column: break them rather than loop.
            take = fit.max(1).min(remaining);
        }
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
    // A heading left at the bottom with nothing after it goes to the next
    // column with the text it heads. `next_start_fits` keeps most such
    // headings back, but the text's first lines may fit and still not be
    // taken (a hyphen at a page turn, its widows). Never empties a column.
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
    (placed, cursor)
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

/// Balances what remains into the page's columns: the smallest column height
/// (from the body's top) that still holds everything, found by bisection,
/// and splits no paragraph against its widows and orphans unless the
/// unbalanced setting had to.
fn balance(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::figure::Figure;
    use crate::typeset::line::Line;
    use std::collections::BTreeSet;

    /// Flows body blocks into pages. `first_top` is where the body starts on page 1
    /// (below the headline); `head` are the headline lines, placed first on page 1.
    fn flow(
        blocks: Vec<BlockLines>,
        grid: &Grid,
        first_top: Length,
        head: Vec<PlacedLine>,
    ) -> Vec<Page> {
        flow_around(
            blocks,
            grid,
            FirstPage {
                top: first_top,
                head,
                ..FirstPage::default()
            },
        )
        .pages
    }

    fn line() -> Line {
        Line {
            width: Length::pt(100.0),
            ..Line::default()
        }
    }

    fn block(n: usize) -> BlockLines {
        BlockLines {
            header: None,
            lines: (0..n)
                .map(|_| ColumnLine {
                    x: Length::ZERO,
                    leading: Length::pt(12.0),
                    line: line(),
                    figure: None,
                    picture: None,
                    tag: None,
                })
                .collect(),
            space_before: Length::pt(6.0),
            keep_with_next: false,
            widows: 2,
            orphans: 2,
            on_grid: true,
        }
    }

    fn grid(columns: usize, lines_per_column: f64) -> Grid {
        Grid {
            page_width: Length::pt(600.0),
            page_height: Length::pt(800.0),
            left: Length::pt(50.0),
            top: Length::pt(50.0),
            bottom: Length::pt(50.0 + 12.0 * lines_per_column),
            column_width: Length::pt(200.0),
            gap: Length::pt(20.0),
            columns,
            top_skip: Length::pt(12.0),
            leading: Length::pt(12.0),
            rule: None,
            baseline: None,
            columns_apart: false,
        }
    }

    /// Lines per column on every page, and whether each column top/bottom respects widows/orphans.
    fn columns_of(pages: &[Page]) -> Vec<Vec<Length>> {
        pages
            .iter()
            .map(|p| {
                let mut xs: Vec<Length> = p.lines.iter().map(|l| l.x).collect();
                xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
                xs.dedup();
                xs
            })
            .collect()
    }

    #[test]
    fn a_heading_goes_on_with_its_text_when_the_text_cannot_start() {
        // Two lines of the three-line paragraph after the heading fit, so
        // its start seems to fit; but splitting it leaves one widow, so
        // it moves on whole, and the heading with it.
        let heading = BlockLines {
            keep_with_next: true,
            ..block(1)
        };
        let blocks = vec![block(5), heading, block(3)];
        let (placed, next) = fill_column(
            &blocks,
            Cursor { block: 0, line: 0 },
            &grid(1, 20.0),
            (Length::pt(110.0), ColumnEnd::NextColumn, None),
            false,
        );
        assert_eq!(placed.len(), 5, "{placed:?}");
        assert_eq!(next, Cursor { block: 1, line: 0 });
    }

    #[test]
    fn flows_onto_more_pages_and_keeps_every_line() {
        let blocks: Vec<BlockLines> = (0..30).map(|i| block(3 + i % 5)).collect();
        let total: usize = blocks.iter().map(|b| b.lines.len()).sum();
        let g = grid(2, 20.0);
        let pages = flow(blocks.clone(), &g, g.top, Vec::new());
        assert!(pages.len() > 1);
        let placed: usize = pages.iter().map(|p| p.lines.len()).sum();
        assert_eq!(placed, total);
        for p in &pages {
            for l in &p.lines {
                assert!(l.baseline <= g.bottom + Length::pt(0.01));
            }
        }
        assert!(!columns_of(&pages).is_empty());
    }

    #[test]
    fn columns_share_the_baseline_grid() {
        // Paragraphs of odd lengths with half a line between them: without
        // a grid the second column starts half a line out of step.
        let blocks: Vec<BlockLines> = (0..10).map(|i| block(3 + i % 4)).collect();
        let mut g = grid(2, 20.0);
        let first = g.top + g.top_skip;
        let off = |pages: &[Page]| {
            pages
                .iter()
                .flat_map(|p| p.lines.iter())
                .filter(|l| ((l.baseline - first) / Length::pt(12.0)).fract() > 0.001)
                .count()
        };
        assert!(off(&flow(blocks.clone(), &g, g.top, Vec::new())) > 0);
        g.baseline = BaselineGrid::new(Length::pt(12.0));
        let pages = flow(blocks.clone(), &g, g.top, Vec::new());
        assert_eq!(off(&pages), 0);
        let placed: usize = pages.iter().map(|p| p.lines.len()).sum();
        assert_eq!(placed, blocks.iter().map(|b| b.lines.len()).sum::<usize>());
    }

    #[test]
    fn a_figure_and_its_caption_stand_as_set_in_a_block_on_the_grid() {
        // A carried tail: text, then a QR code and its small caption in
        // one block. The text is on the grid; the caption stays right
        // under the code rather than going down to the next grid line.
        let mut tail = block(3);
        tail.lines[1].figure = Some(Figure {
            width: Length::pt(50.0),
            height: Length::pt(50.0),
            rects: Vec::new(),
        });
        tail.lines[1].leading = Length::pt(50.0);
        tail.lines[2].leading = Length::pt(9.0);
        let mut g = grid(1, 20.0);
        g.baseline = BaselineGrid::new(Length::pt(12.0));
        let pages = flow(vec![block(2), tail], &g, g.top, Vec::new());
        let ys: Vec<f64> = pages[0].lines.iter().map(|l| l.baseline.to_pt()).collect();
        let first = ys[0];
        assert_eq!(((ys[2] - first) / 12.0).fract(), 0.0, "{ys:?}");
        assert!((ys[4] - ys[3] - 9.0).abs() < 1e-9, "{ys:?}");
    }

    #[test]
    fn no_widows_or_orphans() {
        let blocks: Vec<BlockLines> = (0..12).map(|i| block(4 + i % 3)).collect();
        let g = grid(2, 17.0);
        let mut cursor = Cursor { block: 0, line: 0 };
        loop {
            let column = (g.bottom - g.top, ColumnEnd::NextColumn, None);
            let (placed, next) = fill_column(&blocks, cursor, &g, column, true);
            // Lines of a split block at the column bottom and the next top.
            if let Some(&(b, l, _)) = placed.last() {
                if l + 1 < blocks[b].lines.len() {
                    let at_bottom = placed.iter().filter(|p| p.0 == b).count();
                    assert!(at_bottom >= 2, "orphan");
                    assert!(blocks[b].lines.len() - (l + 1) >= 2, "widow");
                }
            }
            if next.block >= blocks.len() || next == cursor {
                break;
            }
            cursor = next;
        }
    }

    #[test]
    fn last_page_is_balanced() {
        let blocks: Vec<BlockLines> = (0..4).map(|_| block(6)).collect();
        let g = grid(2, 40.0);
        let pages = flow(blocks.clone(), &g, g.top, Vec::new());
        assert_eq!(pages.len(), 1);
        let mut c = vec![0i64; 2];
        for l in &pages[0].lines {
            c[usize::from(l.x > g.left + g.column_width)] += 1;
        }
        assert_eq!(c.len(), 2);
        assert!((c[0] - c[1]).abs() <= 2, "{c:?}");
    }

    #[test]
    fn balancing_never_splits_a_paragraph_against_its_widows_and_orphans() {
        // A three-line paragraph on three columns was set one line a
        // column: a column one line high still takes a line, forced.
        let g = grid(3, 40.0);
        let pages = flow(vec![block(3)], &g, g.top, Vec::new());
        assert_eq!(pages.len(), 1);
        let columns: BTreeSet<i64> = pages[0].lines.iter().map(|l| l.x.to_pt() as i64).collect();
        assert_eq!(columns.len(), 1, "{columns:?}");
        // Four lines may still be balanced two and two.
        let pages = flow(vec![block(4)], &g, g.top, Vec::new());
        let columns: BTreeSet<i64> = pages[0].lines.iter().map(|l| l.x.to_pt() as i64).collect();
        assert_eq!(columns.len(), 2, "{columns:?}");
    }

    #[test]
    fn heading_is_not_left_at_a_column_bottom() {
        let mut blocks = vec![block(16)];
        let mut heading = block(1);
        heading.keep_with_next = true;
        blocks.push(heading);
        blocks.push(block(6));
        let g = grid(2, 18.0);
        let (placed, next) = fill_column(
            &blocks,
            Cursor { block: 0, line: 0 },
            &g,
            (g.bottom - g.top, ColumnEnd::NextColumn, None),
            true,
        );
        assert!(
            placed.iter().all(|p| p.0 == 0),
            "heading stayed at the bottom"
        );
        assert_eq!(next.block, 1);
    }

    #[test]
    fn no_word_is_carried_over_a_page_turn() {
        // One paragraph of 30 lines in one column of 20: line 20 (index 19)
        // ends with a hyphen, so the page ends a line earlier.
        let mut blocks = vec![block(30)];
        blocks[0].lines[19].line.hyphenated = true;
        let g = grid(1, 20.0);
        let pages = flow(blocks.clone(), &g, g.top, Vec::new());
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].lines.len(), 19);
        // Two hyphenated lines in a row: the page ends before both.
        blocks[0].lines[18].line.hyphenated = true;
        let pages = flow(blocks.clone(), &g, g.top, Vec::new());
        assert_eq!(pages[0].lines.len(), 18);
        assert!(pages
            .iter()
            .all(|p| !p.lines.last().unwrap().line.hyphenated));
        // Between two columns of one page the eye only moves across: there
        // a hyphen may stay.
        let g2 = grid(2, 20.0);
        let mut longer = vec![block(50)];
        longer[0].lines[19].line.hyphenated = true;
        let one = flow(longer, &g2, g2.top, Vec::new());
        assert_eq!(one.len(), 2);
        let left: Vec<_> = one[0].lines.iter().filter(|l| l.x == g2.left).collect();
        assert_eq!(left.len(), 20);
    }
}

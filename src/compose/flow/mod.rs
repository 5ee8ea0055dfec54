//! Frames and pages: set lines are stacked into columns, columns into pages.
//!
//! The headline block spans all columns at the top of the first page; the
//! body flows column to column and page to page, never leaving a single line
//! of a paragraph alone at the top or bottom of a column (widows and orphans)
//! nor a heading at the bottom; the last page's columns are balanced.
//!
//! The work is shared out by job:
//! - `frames`: the column grid, and the stretches of its columns the body
//!   may fill once the first page's obstacles are cut out of them;
//! - `column`: filling a page's frames line by line, under the rules for
//!   widows, orphans, keeps, page turns and the baseline grid;
//! - `balance`: evening out the columns of the last page.
//!
//! [`flow_around`] here drives them page by page and places the lines.

mod balance;
mod column;
mod frames;
#[cfg(test)]
mod tests;

pub use frames::{FirstPage, Grid, Obstacle};

use crate::compose::pages::{BlockLines, Page, PlacedLine, Rule};
use crate::compose::tag::Tag;
use crate::units::Length;

use balance::balance;
use column::{fill_page, Cursor, HEADER};
use frames::{frames, unblocked};

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

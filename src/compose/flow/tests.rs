//! Tests of the flow: columns, pages, the rules at their feet, balancing.

use super::column::{fill_column, ColumnEnd, Cursor};
use super::{flow_around, FirstPage, Grid};
use crate::compose::baseline::BaselineGrid;
use crate::compose::figure::Figure;
use crate::compose::pages::{BlockLines, Page, PlacedLine};
use crate::typeset::line::Line;
use crate::units::Length;
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
    BlockLines::of_lines(n, &line(), Length::pt(6.0))
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

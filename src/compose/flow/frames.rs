//! The column grid, and the frames its columns leave the body once the
//! first page's obstacles are cut out of them.

use crate::compose::baseline::BaselineGrid;
use crate::compose::pages::{Fill, PlacedLine, PlacedPicture};
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
pub(super) struct Frame {
    pub(super) column: usize,
    /// Top edge: the first baseline is `top_skip` below it.
    pub(super) top: Length,
    /// The last baseline allowed.
    pub(super) bottom: Length,
    /// The whole column, untouched by obstacles: when nothing fits by the
    /// rules, a line is placed anyway (the flow must go on). A cut frame is
    /// left empty instead, as the next frame or page can take the text.
    pub(super) whole: bool,
}

/// The frames of a page whose body starts at `top`: each column from top to
/// bottom less the obstacles it meets, in reading order. A stretch too short
/// for one line is left out.
pub(super) fn frames(grid: &Grid, top: Length, obstacles: &[Obstacle]) -> Vec<Frame> {
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
pub(super) fn unblocked(
    from: Length,
    to: Length,
    blocked: &[(Length, Length)],
) -> Vec<(Length, Length)> {
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

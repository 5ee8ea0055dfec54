//! The back panel of a folded sheet set as cover and spread
//! ([`Panels::CoverAndSpread`](crate::layout::design::Panels)): the imprint
//! and the QR code with its printed link, at the panel's foot.
//!
//! A brochure's back is where a reader turns it over to find who made it
//! and where to go next; a designer puts the publisher's line and the code
//! there, and keeps the inside spread for the text. Set after the text on
//! the spread, the two took a third of its last column's height from the
//! text and left the back blank. The sign-off stays with the text: it is
//! the letter's last line, not the publisher's.

use super::flow::{self, FirstPage, Grid};
use super::pages::{BlockLines, Page};
use crate::units::Length;

/// The back panel holding `blocks` (the imprint and the QR code's blocks,
/// as the tail set them), their last baseline on the panel's last, or
/// `None` when they take more than the panel's height (an imprint of many
/// lines): then they stay after the text. `grid` is the spread's; the
/// panel is one of its columns, `width` wide.
pub(super) fn panel(blocks: &[BlockLines], grid: &Grid, width: Length) -> Option<Page> {
    let panel = Grid {
        page_width: width,
        columns: 1,
        columns_apart: false,
        rule: None,
        ..grid.clone()
    };
    let first = FirstPage {
        top: panel.top,
        ..FirstPage::default()
    };
    let set = flow::flow_around(blocks.to_vec(), &panel, first);
    let [page] = <[Page; 1]>::try_from(set.pages).ok()?;
    let mut back = Page {
        width: page.width,
        height: page.height,
        ..Page::default()
    };
    back.place(page, Length::ZERO, panel.bottom - set.last_bottom);
    Some(back)
}

/// Numbers the back's lines in the flow after the `spread`'s: they are
/// read last, though the fold prints them on the outside, before it.
pub(super) fn after(back: &mut Page, spread: &[Page]) {
    let flowed = spread
        .iter()
        .flat_map(|p| &p.lines)
        .filter_map(|l| l.tag.as_ref().map(|t| t.flow))
        .max()
        .unwrap_or(0);
    for tag in back.lines.iter_mut().filter_map(|l| l.tag.as_mut()) {
        tag.flow += flowed;
    }
}

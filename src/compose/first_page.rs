//! The first page's fixed parts: the head the document starts with
//! (headline, subtitle, meta lines), the band, and the pictures outside
//! the column flow. They are set before the body, as they decide the
//! headline's measure and what the columns flow around.

use super::band::set_band;
use super::flow::{FirstPage, Obstacle};
use super::headline::{set_head, Head, HEADLINE_MAX_SHARE};
use super::pictures::PicturePlan;
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::{Design, Panels};
use crate::statement::document::{Block, BlockKind, Document};
use crate::typeset::paragraph::Setter;
use crate::units::Length;

/// The head (the headline, subtitle and meta lines the document starts
/// with, set across the columns) and the body after it. Composition and
/// the no-lost-word check must agree on it.
pub(super) fn split_head(blocks: &[Block]) -> (&[Block], &[Block]) {
    let head = blocks
        .iter()
        .take_while(|b| {
            matches!(
                b.kind,
                BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta
            )
        })
        .count();
    blocks.split_at(head)
}

/// The first page's fixed parts: the band and the pictures outside the flow
/// come first, as they decide the headline's measure and what the columns
/// flow around; then the head is set across what they leave. Also whether
/// the headline was set smaller to leave the text room (see
/// [`super::headline::Head::shrunk`]).
pub(super) fn first_page(
    setter: &mut Setter,
    doc: &Document,
    head_blocks: &[Block],
    design: &Design,
    opts: &ComposeOptions,
) -> Result<(FirstPage, bool)> {
    let page = &design.page;
    let band = set_band(setter, doc, design, &opts.lang)?;
    let foot = band.as_ref().map_or(page.height - page.margin_bottom, |b| {
        (b.fill.rect.y - design.body.size).min(page.height - page.margin_bottom)
    });
    let mut plan = PicturePlan::new(design, foot);
    plan.place_corners(&opts.pictures);
    let head_width = page.content_width() - plan.top_right_width;
    // On a folded sheet's cover the head stands alone and may fill it.
    let share = if page.panels == Panels::CoverAndSpread {
        1.0
    } else {
        HEADLINE_MAX_SHARE
    };
    let room = foot - page.margin_top;
    let Head {
        lines: mut head,
        body_top,
        end: head_end,
        shrunk,
    } = set_head(
        setter,
        head_blocks,
        design,
        head_width,
        room,
        share,
        &opts.lang,
    )?;
    // Pictures under a head keep clear of its last line's descenders (at a
    // poster's headline size they reach further down than any
    // space-after, which is made for text that follows, not for a
    // picture's hard edge).
    let descent = head.last().map_or(Length::ZERO, |l| {
        l.line
            .runs
            .iter()
            .map(|r| l.baseline + r.size * -setter.fonts.face(r.face).descender)
            .fold(Length::ZERO, Length::max)
    });
    let pictures_top = if head.is_empty() {
        head_end
    } else {
        head_end.max(descent) + plan.gap()
    };
    plan.place_top_and_bottom(&opts.pictures, pictures_top);
    if page.panels == Panels::CoverAndSpread && plan.placed.is_empty() && !head.is_empty() {
        // The cover holds nothing but the head: set as a title page, not
        // as the top of a page whose text went missing.
        let top_space = cover_top_space(room, descent - page.margin_top);
        for l in &mut head {
            l.baseline += top_space;
        }
    }
    let mut first = FirstPage {
        top: body_top,
        head,
        obstacles: plan.obstacles,
        fills: Vec::new(),
        pictures: plan.placed,
    };
    if let Some(b) = band {
        first.obstacles.push(Obstacle {
            left: Length::ZERO,
            right: page.width,
            top: b.fill.rect.y - design.body.size,
            bottom: page.height,
        });
        first.fills.push(b.fill);
        first.head.extend(b.lines);
    }
    if page.panels == Panels::CoverAndSpread {
        // The cover holds the head alone; the body starts on the spread.
        first.obstacles.push(Obstacle {
            left: Length::ZERO,
            right: page.width,
            top: first.top,
            bottom: page.height,
        });
    }
    Ok((first, shrunk))
}

/// The share of a folded sheet's cover left white above its head when
/// nothing else stands on the cover: two fifths, three below, so that the
/// head sits a little above the middle of the panel, at its optical
/// centre, as a title page's title does. At the top with the panel blank
/// under it (the tri-fold's cover is twice as tall as it is wide),
/// a title of two lines reads as a page whose text went missing.
const COVER_WHITE_ABOVE: f64 = 0.4;

/// How far down a folded sheet's cover head of `height` (from the top
/// margin to its last line's descenders) goes in `room`: its share
/// ([`COVER_WHITE_ABOVE`]) of the white the head leaves.
fn cover_top_space(room: Length, height: Length) -> Length {
    ((room - height) * COVER_WHITE_ABOVE).max(Length::ZERO)
}

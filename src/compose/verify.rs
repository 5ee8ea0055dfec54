//! The one rule above all: every word of the statement is on the page, or
//! the build fails.
//!
//! After composition the text of every placed line, in the order it was
//! placed, is compared with the text the document asked for, in the same
//! order: the head, the band, the body (with list markers) and a QR code's
//! printed link. Whitespace, hyphens (inserted at line ends or written)
//! and default-ignorable characters are left out on both sides, as line
//! breaking moves or adds them; every other character must be there, once.
//! A table too wide for its column may be set by its headings, which
//! prints its words in another order: either order passes. Untagged lines
//! (a long table's headings set again at a column's top) are copies and
//! are not compared. Then every line must lie on its page and inside its
//! measure, give or take half a column gap: a line further out prints
//! over its neighbour.
//!
//! It costs one pass over the text, so it runs on every build.

use super::band::band_texts;
use super::first_page::split_head;
use super::pages::{Page, PlacedLine, Rect};
use crate::error::{Error, Location, Result};
use crate::layout::design::Design;
use crate::statement::document::{Block, BlockKind, Document};
use crate::typeset::fonts::FontBook;
use crate::typeset::paragraph::by_headings;
use crate::typeset::shape::is_default_ignorable;
use crate::units::Length;

/// How far a glyph box may reach past an edge before it counts as off the
/// page: rounding in the line breaker and shaper, far below anything seen.
const EDGE_TOLERANCE_PT: f64 = 0.5;

/// How many characters of lost text a message quotes: enough to find the
/// place in the statement.
const QUOTED_CHARS: usize = 60;

/// Checks that `pages` (composed from `doc` in `design`, before folding
/// or imposing) hold every word of `doc`: its head and body blocks, the
/// band's texts and the QR code's link, each line on its page and inside
/// its column. `origin` names the statement in the error.
pub fn check(
    doc: &Document,
    design: &Design,
    pages: &[Page],
    fonts: &FontBook,
    origin: &str,
) -> Result<()> {
    check_geometry(design, pages, fonts, origin)?;
    let band: Vec<&str> = band_texts(doc, design)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    let expected = expected_text(doc, &band);
    // Untagged lines are copies (a long table's headings set again at a
    // column's top), not the text.
    let placed: Vec<char> = pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.tag.is_some())
        .flat_map(|l| l.line.text().chars().collect::<Vec<_>>())
        .filter(|c| counts(*c))
        .collect();
    // Each part of the text in turn, as one of the ways it may be set.
    let mut from = 0;
    for (k, ways) in expected.iter().enumerate() {
        let rest = &placed[from..];
        if let Some(way) = ways.iter().find(|w| rest.starts_with(w)) {
            from += way.len();
            continue;
        }
        let way = &ways[0];
        let at = way.iter().zip(rest).position(|(a, b)| a != b);
        let at = at.unwrap_or(rest.len().min(way.len()));
        let after = expected[k + 1..].iter().flat_map(|ways| &ways[0]);
        let text: Vec<char> = way[at..]
            .iter()
            .chain(after)
            .take(QUOTED_CHARS)
            .copied()
            .collect();
        return Err(lost(&text, origin));
    }
    if from == placed.len() {
        return Ok(());
    }
    Err(lost(&[], origin))
}

/// The error for text the pages lack: `lost`, the first of it; none for
/// text the pages have and the statement not.
fn lost(lost: &[char], origin: &str) -> Error {
    let lost: String = lost.iter().take(QUOTED_CHARS).collect();
    let message = if lost.is_empty() {
        "the pages hold text the statement does not have; this is a bug in handbill".to_string()
    } else {
        format!(
            "the text from “{lost}…” is not on any page; nothing was written: \
             shorten the statement or choose a larger layout"
        )
    };
    Error::Lost {
        at: Location::file(origin),
        message,
    }
}

/// Whether a character is compared: not whitespace, not a hyphen (line
/// breaking adds and keeps them), not default-ignorable (shaping may drop
/// a variation selector or a zero-width joiner).
fn counts(c: char) -> bool {
    !(c.is_whitespace() || matches!(c, '-' | '\u{2010}') || is_default_ignorable(c))
}

/// The characters the pages must show, in the order composition places
/// them: head blocks, the band, the body blocks (a list item's marker
/// before its text), the QR code's link. Each part lists the ways it may
/// be set: a table too wide for its column may be set by its headings
/// ([`by_headings`]), which prints its words in another order.
fn expected_text(doc: &Document, band: &[&str]) -> Vec<Vec<Vec<char>>> {
    let (head, body) = split_head(&doc.blocks);
    let chars = |text: &mut dyn Iterator<Item = &str>| -> Vec<char> {
        text.flat_map(str::chars).filter(|c| counts(*c)).collect()
    };
    let block = |b: &Block| {
        let marker = match &b.kind {
            BlockKind::ListItem { marker, .. } | BlockKind::Note { marker } => marker.as_str(),
            _ => "",
        };
        let spans = b.spans.iter().map(|s| s.text.as_str());
        let mut ways = vec![chars(&mut std::iter::once(marker).chain(spans))];
        if let Some(headed) = by_headings(&b.spans) {
            let spans = headed.iter().map(|s| s.text.as_str());
            ways.push(chars(&mut std::iter::once(marker).chain(spans)));
        }
        ways
    };
    let mut parts: Vec<Vec<Vec<char>>> = head.iter().map(block).collect();
    parts.push(vec![chars(&mut band.iter().copied())]);
    parts.extend(body.iter().map(block));
    if let Some(link) = &doc.meta.qr {
        parts.push(vec![chars(&mut std::iter::once(link.text.as_str()))]);
    }
    parts
}

/// Every line and picture inside its page, no line wider than its measure
/// by more than half the column gap, and no line's letters under a
/// picture or a rule (pictures and rules are drawn under the text, but a
/// letter on a photograph or struck through by a rule is not legible).
fn check_geometry(design: &Design, pages: &[Page], fonts: &FontBook, origin: &str) -> Result<()> {
    let eps = Length::pt(EDGE_TOLERANCE_PT);
    let reach = (design.page.column_gap / 2.0).max(eps);
    let fault = pages.iter().enumerate().find_map(|(n, page)| {
        page.lines
            .iter()
            .find_map(|l| line_fault((page, n), l, fonts, (eps, reach)))
            .or_else(|| picture_fault((page, n), eps))
    });
    match fault {
        Some(message) => Err(Error::Typeset {
            at: Location::file(origin),
            message,
        }),
        None => Ok(()),
    }
}

/// What is wrong with line `l` of page `n` (from 0), if anything: wider
/// than its column by more than `reach`, off the page, or covered by a
/// picture or a column rule (each by more than `eps`).
fn line_fault(
    (page, n): (&Page, usize),
    l: &PlacedLine,
    fonts: &FontBook,
    (eps, reach): (Length, Length),
) -> Option<String> {
    let line = &l.line;
    let quote = || {
        line.text()
            .trim()
            .chars()
            .take(QUOTED_CHARS)
            .collect::<String>()
    };
    if line.overfull > reach {
        return Some(format!(
            "“{}” is {} wider than its column and would print over its \
             neighbour; nothing was written: shorten it or break it with spaces",
            quote(),
            line.overfull
        ));
    }
    let (mut top, mut bottom) = (l.baseline, l.baseline);
    for run in &line.runs {
        let face = fonts.face(run.face);
        top = top.min(l.baseline - run.size * face.ascender);
        bottom = bottom.max(l.baseline - run.size * face.descender);
    }
    // Off the page is judged by the glyphs' own outlines: a font's
    // ascender and descender make room for marks and scripts a
    // line may not have (Noto Sans Arabic's ascender is 1.37 em),
    // and a large Arabic headline near the top margin would fail
    // by them with all its letters on the page.
    let (above, below) = line
        .ink(fonts)
        .unwrap_or((l.baseline - top, bottom - l.baseline));
    let off = l.x < -eps
        || l.x + line.width > page.width + eps
        || l.baseline - above < -eps
        || l.baseline + below > page.height + eps;
    if off && !line.runs.is_empty() {
        let message = if l.is_title() {
            format!(
                "the headline is too long for the page, even set smaller: “{}” runs off \
                 it; nothing was written: shorten the headline, and move the rest into \
                 the text",
                quote()
            )
        } else {
            format!(
                "“{}” on page {} runs off the page; nothing was written",
                quote(),
                n + 1
            )
        };
        return Some(message);
    }
    // The letters' box: from the tallest ascender down to the
    // baseline (a rule may pass under descenders without hiding a
    // letter), narrowed by the tolerance so that boxes which only
    // touch do not count.
    let letters = Rect {
        x: l.x + eps,
        y: top + eps,
        width: line.width - eps * 2.0,
        height: l.baseline - top - eps * 2.0,
    };
    // What covers the letters, and what the writer can change.
    let hidden_by = page
        .pictures
        .iter()
        .find(|p| letters.overlaps(&p.clip))
        .map(|p| {
            (
                format!("the picture `{}`", p.picture.source),
                "make the picture smaller or the text above it shorter",
            )
        })
        .or_else(|| {
            page.rules
                .iter()
                .any(|r| letters.overlaps(&r.bounds()))
                .then(|| {
                    (
                        "a column rule".to_string(),
                        "make the column rule thinner or the gap wider",
                    )
                })
        });
    if let (Some((what, advice)), false) = (hidden_by, line.runs.is_empty()) {
        return Some(format!(
            "“{}” on page {} is covered by {what}; nothing was written: {advice}",
            quote(),
            n + 1
        ));
    }
    None
}

/// What is wrong with the pictures of page `n` (from 0), if anything: one
/// that runs off the page by more than `eps`.
fn picture_fault((page, n): (&Page, usize), eps: Length) -> Option<String> {
    for p in &page.pictures {
        let c = p.clip;
        let off = c.x < -eps
            || c.y < -eps
            || c.right() > page.width + eps
            || c.bottom() > page.height + eps;
        if off {
            return Some(format!(
                "the picture `{}` on page {} runs off the page; nothing was written: \
                 place fewer pictures there or make them smaller",
                p.picture.source,
                n + 1
            ));
        }
    }
    None
}

//! The call-to-action band: where and when, on a colour field across the
//! foot of the first page.

use super::pages::{Fill, PlacedLine, Rect};
use super::tag::{Part, Role, Tag};
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::{Document, LineText, Span};
use crate::style::Weight;
use crate::typeset::paragraph::{Setter, TextStyle};
use crate::typeset::sense;
use crate::units::Length;

/// The call-to-action band, set.
pub(super) struct Band {
    pub(super) fill: Fill,
    pub(super) lines: Vec<PlacedLine>,
}

/// How near the paper's foot an office printer prints, in millimetres:
/// most laser and inkjet printers leave 4 to 6 mm unprinted; 8 mm keeps
/// the band's text clear of that with room for a sheet fed askew.
const PRINTER_EDGE_MM: f64 = 8.0;

/// The band's texts, when then where, each with its line for messages:
/// the statement's own, else the layout's; none when both are empty.
pub(super) fn band_texts<'a>(doc: &'a Document, design: &'a Design) -> Vec<(&'a str, usize)> {
    fn pick<'a>(own: &'a Option<LineText>, layout: &'a Option<String>) -> Option<(&'a str, usize)> {
        own.as_ref()
            .map(|t| (t.text.as_str(), t.line))
            .or(layout.as_deref().map(|t| (t, 1)))
    }
    let bs = &design.band;
    [
        pick(&doc.meta.when, &bs.when),
        pick(&doc.meta.place, &bs.place),
    ]
    .into_iter()
    .flatten()
    .map(|(t, line)| (t.trim(), line))
    .filter(|(t, _)| !t.is_empty())
    .collect()
}

/// Sets the band: when, then where, across the text area's width, on a
/// field from the paper's left, right and bottom edges up to `padding`
/// above the text, each line broken by sense in the language `lang` should
/// it need two. No text, no band.
pub(super) fn set_band(
    setter: &mut Setter,
    doc: &Document,
    design: &Design,
    lang: &str,
) -> Result<Option<Band>> {
    let bs = &design.band;
    let texts = band_texts(doc, design);
    if texts.is_empty() {
        return Ok(None);
    }
    let page = &design.page;
    let width = page.content_width();
    let style = TextStyle::display(
        bs.font.clone(),
        bs.weight == Weight::Bold,
        bs.size,
        bs.text_color,
        bs.align,
    );
    let mut lines = Vec::new();
    // Each of the band's texts (when, where) is a paragraph of its own.
    for (k, (text, line)) in texts.into_iter().enumerate() {
        let mut p = setter.prepare(&[Span::plain(text)], &style, line)?;
        sense::break_by_sense(&mut p, lang);
        lines.extend(setter.set(&p, &[width]).into_iter().map(|l| (l, k)));
    }
    // Below the last baseline: the padding, but never closer to the paper's
    // edge than office printers print (or the bottom margin, if less).
    let inset = bs
        .padding
        .max(page.margin_bottom.min(Length::mm(PRINTER_EDGE_MM)));
    let last = page.height - inset;
    let n = lines.len();
    let first = last - bs.leading * (n.saturating_sub(1)) as f64;
    // `padding` is the space above the first line's capitals, measured
    // with the cap height of the faces it is set in.
    let caps = lines.first().map_or(Length::ZERO, |(l, _)| {
        l.runs
            .iter()
            .map(|r| r.size * setter.fonts.face(r.face).cap_height)
            .fold(Length::ZERO, Length::max)
    });
    let top = first - caps - bs.padding;
    let placed = lines
        .into_iter()
        .enumerate()
        .map(|(k, (line, text))| PlacedLine {
            x: page.margin_left,
            baseline: first + bs.leading * k as f64,
            line,
            figure: None,
            tag: Some(Tag::new(Role::Paragraph, Part::Band, text)),
        })
        .collect();
    Ok(Some(Band {
        // Exactly to the paper's edges: print shops extend such a fill into
        // the bleed.
        fill: Fill {
            rect: Rect {
                x: Length::ZERO,
                y: top,
                width: page.width,
                height: page.height - top,
            },
            color: bs.color,
        },
        lines: placed,
    }))
}

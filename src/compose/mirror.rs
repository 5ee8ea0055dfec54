//! Pages of a right-to-left document, mirrored: what a left-to-right page
//! puts at its left goes to its right.
//!
//! The composer places everything for left-to-right reading: text starts
//! at a column's left, the first column is the leftmost, the band's text,
//! the imprint and the QR code stand where they do. A right-to-left page
//! is that page seen in a mirror, so rather than teach every placing
//! stage a direction, the finished page is mirrored once: each line, rule,
//! fill, figure and picture moves to the mirror image of where it was.
//! Nothing is drawn mirrored: a line's ink moves whole with its glyphs in
//! the order they were set (see [`crate::typeset::bidi`]), and a QR code
//! or a picture moves whole, upright.

use super::pages::{Page, Rect};

/// Mirrors a rectangle across the page's vertical middle.
fn mirror_rect(r: Rect, page_width: crate::units::Length) -> Rect {
    Rect {
        x: page_width - r.x - r.width,
        ..r
    }
}

/// Mirrors a composed page (see the module's doc).
pub(super) fn mirror_page(page: &mut Page) {
    let w = page.width;
    for l in &mut page.lines {
        // The line's extent on the page: its ink, or its figure (a QR code
        // stands on an empty line).
        let (lo, hi) = match (&l.figure, l.line.span()) {
            (Some(f), _) => (crate::units::Length::ZERO, f.width),
            (None, Some(span)) => span,
            (None, None) => continue,
        };
        // The extent [x + lo, x + hi] goes to [w - x - hi, w - x - lo]; the
        // glyphs keep their places inside the line.
        l.x = w - l.x - lo - hi;
        // A line whose ink starts right of its origin (moved to where a
        // paragraph that reads against the page starts, see
        // `body::place`) would have its origin left of its ink by as
        // much, off the page in the leftmost column: the glyphs move to
        // the origin instead, which keeps them where they are on the page.
        if lo > crate::units::Length::ZERO {
            l.line.shift(-lo);
            l.line.width -= lo;
            l.x += lo;
        }
    }
    for r in &mut page.rules {
        r.from.0 = w - r.from.0;
        r.to.0 = w - r.to.0;
    }
    for f in &mut page.fills {
        f.rect = mirror_rect(f.rect, w);
    }
    for p in &mut page.pictures {
        p.clip = mirror_rect(p.clip, w);
        p.area = mirror_rect(p.area, w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::pages::{Fill, PlacedLine};
    use crate::style::Color;
    use crate::typeset::fonts::FaceId;
    use crate::typeset::line::{Cluster, Line, PlacedGlyph};
    use crate::units::Length;

    #[test]
    fn a_line_at_the_left_goes_to_the_right() {
        let mut line = Line::default();
        line.push(
            FaceId(0),
            Length::pt(10.0),
            Color::Gray(0.0),
            PlacedGlyph {
                x: Length::pt(2.0),
                gid: 1,
                text: Cluster::Char('a'),
                level: 0,
                advance: 8.0,
            },
        );
        let mut page = Page {
            width: Length::pt(100.0),
            height: Length::pt(100.0),
            lines: vec![PlacedLine {
                x: Length::pt(10.0),
                baseline: Length::pt(20.0),
                line,
                figure: None,
                tag: None,
            }],
            fills: vec![Fill {
                rect: Rect {
                    x: Length::ZERO,
                    y: Length::ZERO,
                    width: Length::pt(30.0),
                    height: Length::pt(5.0),
                },
                color: Color::Gray(0.5),
            }],
            ..Default::default()
        };
        mirror_page(&mut page);
        // Ink was at 12..20 from the left; now 12..20 from the right.
        let l = &page.lines[0];
        let ink = l.x + l.line.runs[0].glyphs[0].x;
        assert_eq!(ink, Length::pt(80.0));
        assert_eq!(page.fills[0].rect.x, Length::pt(70.0));
    }
}

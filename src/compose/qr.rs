//! The QR code block: the code, and the link printed under it.

use super::headline::META_LEADING;
use super::pages::{BlockLines, ColumnLine};
use super::tag::{Part, Role, Tag};
use super::tail::Tail;
use crate::error::{Location, Result};
use crate::layout::design::Design;
use crate::statement::document::{LineText, Span};
use crate::style::Align;
use crate::typeset::paragraph::{Setter, TextStyle};
use crate::units::Length;

/// Side of a printed QR code: phones read codes of 2 cm and up from arm's
/// length; 25 mm leaves room for a poor print.
const QR_SIZE_MM: f64 = 25.0;

/// The smallest side a QR code shrinks to, to stay on the page with the
/// text that points to it: a link of usual length makes a code of 37
/// modules with its quiet zone, and at 20 mm each module is still over half
/// a millimetre, which phone cameras read from any office print
/// (`tests/fit.rs` reads one back from a 150 dpi rendering).
const QR_MIN_MM: f64 = 20.0;

/// The side of the QR code in a tail set `tail`.
pub(super) fn side(tail: Tail) -> Length {
    Length::mm(match tail {
        Tail::Compact => QR_MIN_MM,
        Tail::Full | Tail::Carried => QR_SIZE_MM,
    })
}

/// The QR code block and its caption (the link itself, for people without a
/// phone), kept together at the end of the text; the code is `side` wide, or
/// the column's width if less.
pub(super) fn qr_blocks(
    setter: &mut Setter,
    link: &LineText,
    design: &Design,
    column: Length,
    side: Length,
) -> Result<Vec<BlockLines>> {
    let size = side.min(column);
    let at = Location::line(setter.origin, link.line);
    let figure = super::figure::qr_code(&link.text, size, at)?;
    let body = &design.body;
    let code = BlockLines {
        header: None,
        lines: vec![ColumnLine {
            x: Length::ZERO,
            leading: size,
            line: Default::default(),
            figure: Some(figure),
            picture: None,
            tag: Some(
                Tag::new(
                    Role::Figure {
                        alt: format!("QR code: {}", link.text).into(),
                    },
                    Part::Tail,
                    0,
                )
                .linking(&link.text),
            ),
        }],
        space_before: body.leading,
        keep_with_next: true,
        widows: 1,
        orphans: 1,
        // The code and its caption stand together, off the grid: the
        // caption's small type would be a line apart on it.
        on_grid: false,
    };
    let ms = &design.meta;
    let style = TextStyle::display(ms.font.clone(), false, ms.size, ms.color, Align::Left);
    let p = setter.prepare(&[Span::plain(link.text.as_str())], &style, link.line)?;
    let lines = setter
        .set(&p, &[column])
        .into_iter()
        .map(|line| ColumnLine {
            x: Length::ZERO,
            leading: ms.size * META_LEADING,
            line,
            figure: None,
            picture: None,
            tag: Some(Tag::new(Role::Paragraph, Part::Tail, 1).linking(&link.text)),
        })
        .collect();
    let caption = BlockLines {
        header: None,
        lines,
        space_before: Length::ZERO,
        keep_with_next: false,
        widows: 1,
        orphans: 1,
        on_grid: false,
    };
    Ok(vec![code, caption])
}

//! Preflight: the checks a print shop would run, made on what handbill
//! itself set, before the PDF is written.
//!
//! Each finding is a [`Warning`]; `--strict` turns any warning into an error.
//! Other stages report their own findings the same way: text that overflows
//! its pages (compose), glyphs no font has (an error in paragraph setting),
//! fonts whose licence forbids embedding (an error in font loading).

use crate::compose::pages::{Page, Rect};
use crate::compose::picture::PixelFormat;
use crate::error::{Location, Warning};
use crate::layout::print::{PrintTarget, Standard};
use crate::output::color;
use crate::output::target::{ColorMode, PrintSetup};
use crate::style::Color;
use crate::typeset::fonts::FontBook;
use crate::units::Length;

/// The smallest type that still reads on a leaflet held in the hand.
pub const MIN_TEXT_SIZE: Length = Length::pt(6.0);

/// Something inked, for the safe-zone check.
struct Ink {
    page: usize,
    what: &'static str,
    left: Length,
    top: Length,
    right: Length,
    bottom: Length,
}

/// What a line of text is called among the inks.
const TEXT: &str = "text";

impl Ink {
    /// How far it comes to the nearest edge of its page in `pages`.
    fn edge_distance(&self, pages: &[Page]) -> Length {
        let page = &pages[self.page];
        (self.left)
            .min(self.top)
            .min(page.width - self.right)
            .min(page.height - self.bottom)
    }
}

/// Checks `pages` (as they will be printed) against `setup`.
pub fn check(pages: &[Page], fonts: &FontBook, setup: &PrintSetup, origin: &str) -> Vec<Warning> {
    let mut messages: Vec<String> = Vec::new();
    messages.extend(small_text(pages));
    messages.extend(colour_findings(pages, setup));
    messages.extend(picture_findings(pages, setup));
    messages.extend(ink_near_edge(pages, fonts, setup));
    messages
        .into_iter()
        .map(|message| Warning {
            at: Location::file(origin),
            message,
        })
        .collect()
}

/// Type too small to read: the smallest size below the minimum, on the
/// first page it is used.
fn small_text(pages: &[Page]) -> Option<String> {
    let mut smallest: Option<(Length, usize)> = None;
    for (i, page) in pages.iter().enumerate() {
        for run in page.lines.iter().flat_map(|l| &l.line.runs) {
            if run.size < MIN_TEXT_SIZE - Length::pt(1e-6)
                && smallest.is_none_or(|(s, _)| run.size < s)
            {
                smallest = Some((run.size, i + 1));
            }
        }
    }
    let (size, page) = smallest?;
    Some(format!(
        "text at {size} on page {page} is smaller than {MIN_TEXT_SIZE}: too small to read \
         on a leaflet"
    ))
}

/// Colours: RGB converted for the press, and the total ink limit. Each
/// colour of text and fills is said once, in the order first used.
fn colour_findings(pages: &[Page], setup: &PrintSetup) -> Vec<String> {
    let mut out = Vec::new();
    let mut colours: Vec<Color> = Vec::new();
    let text = pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.line.runs)
        .map(|r| r.color);
    let fills = pages.iter().flat_map(|p| &p.fills).map(|f| f.color);
    for c in text.chain(fills) {
        if !colours.contains(&c) {
            colours.push(c);
        }
    }
    for &c in &colours {
        if color::converted_from_rgb(c, setup.color) {
            out.push(format!(
                "colour {} is RGB; converted to {} for the press (give it as cmyk(…) to \
                 choose the inks yourself)",
                color::describe(c),
                color::describe(color::for_output(c, setup.color))
            ));
        }
        let ink = color::ink(color::for_output(c, ColorMode::Cmyk));
        if setup.color == ColorMode::Cmyk && ink > setup.ink_limit + 1e-9 {
            out.push(format!(
                "colour {} uses {:.0}% ink, more than the limit of {:.0}%: it may not dry \
                 and smudge",
                color::describe(c),
                ink * 100.0,
                setup.ink_limit * 100.0
            ));
        }
    }
    out
}

/// Pictures for the press: RGB samples are converted, and PDF/X-1a allows
/// no transparency, so a picture's alpha is flattened onto white. Each
/// picture file is said once.
fn picture_findings(pages: &[Page], setup: &PrintSetup) -> Vec<String> {
    let mut out = Vec::new();
    if setup.color != ColorMode::Cmyk {
        return out;
    }
    let mut seen: Vec<&str> = Vec::new();
    for pic in pages.iter().flat_map(|p| &p.pictures) {
        let name = pic.picture.source.as_str();
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let rgb = pic.picture.pixels.format == PixelFormat::Rgb && !pic.picture.is_cmyk_jpeg();
        let alpha = pic.picture.pixels.alpha.is_some() && setup.standard == Some(Standard::X1a);
        if rgb || alpha {
            let what = match (rgb, alpha) {
                (true, true) => {
                    "is RGB with transparency; converted to CMYK and flattened onto white"
                }
                (true, false) => "is RGB; converted to CMYK",
                _ => "has transparency, which PDF/X-1a does not allow; flattened onto white",
            };
            out.push(format!(
                "picture `{name}` {what} for the press (the conversion is a plain formula, \
                 not a colour-managed one: convert it yourself for exact colours)"
            ));
        }
    }
    out
}

/// Ink too near the paper edge: the inked box that comes nearest, if any
/// comes inside the safe margin, with why the margin matters for the target.
fn ink_near_edge(pages: &[Page], fonts: &FontBook, setup: &PrintSetup) -> Option<String> {
    let safe = setup.safe_margin;
    let mut nearest: Option<(Length, Ink)> = None;
    for ink in inks(pages, fonts) {
        let d = ink.edge_distance(pages);
        if d < safe - Length::pt(1e-6) && nearest.as_ref().is_none_or(|(n, _)| d < *n) {
            nearest = Some((d, ink));
        }
    }
    let (d, ink) = nearest?;
    let why = match setup.target {
        PrintTarget::Office | PrintTarget::CopyShop => {
            "most office and copy-shop printers leave the outer edge of the sheet unprinted"
        }
        PrintTarget::Press => "the trim may cut into it",
    };
    Some(format!(
        "{} on page {} comes {:.1}mm from the paper edge, inside the safe margin of \
         {:.1}mm: {why}",
        ink.what,
        ink.page + 1,
        d.max(Length::ZERO).to_mm(),
        safe.to_mm()
    ))
}

/// Text an office or copy-shop printer would not print: a line whose
/// letters come inside the safe margin, where such printers leave the sheet
/// blank. Unlike other ink near the edge (a warning), a word there is a
/// word missing from every copy, so the build fails. The press prints to
/// the trim, which the page check in `compose::verify` already holds text
/// inside.
pub fn unprintable_text(
    pages: &[Page],
    fonts: &FontBook,
    setup: &PrintSetup,
    origin: &str,
) -> crate::error::Result<()> {
    if setup.target == PrintTarget::Press {
        return Ok(());
    }
    let safe = setup.safe_margin - Length::pt(1e-6);
    for ink in inks(pages, fonts) {
        if ink.what != TEXT {
            continue;
        }
        let d = ink.edge_distance(pages);
        if d < safe {
            return Err(crate::error::Error::Lost {
                at: Location::file(origin),
                message: format!(
                    "text on page {} comes {:.1}mm from the paper edge, where {} printers \
                     print nothing (the safe margin is {:.1}mm); nothing was written: \
                     widen the layout's margins",
                    ink.page + 1,
                    d.max(Length::ZERO).to_mm(),
                    setup.target,
                    setup.safe_margin.to_mm()
                ),
            });
        }
    }
    Ok(())
}

/// The inked boxes of the pages: text lines, rules, figures, fills and
/// pictures. What runs off the page into a bleed is meant to, and left out.
fn inks(pages: &[Page], fonts: &FontBook) -> Vec<Ink> {
    let mut out = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let off_page = |r: &Rect| {
            r.x < Length::ZERO
                || r.y < Length::ZERO
                || r.right() > page.width
                || r.bottom() > page.height
        };
        let boxes = page
            .fills
            .iter()
            .map(|f| ("a colour field", f.rect))
            .chain(page.pictures.iter().map(|p| ("a picture", p.clip)));
        for (what, r) in boxes {
            if !off_page(&r) {
                out.push(Ink {
                    page: i,
                    what,
                    left: r.x,
                    top: r.y,
                    right: r.right(),
                    bottom: r.bottom(),
                });
            }
        }
        for placed in &page.lines {
            if let Some(fig) = &placed.figure {
                out.push(Ink {
                    page: i,
                    what: "a QR code",
                    left: placed.x,
                    top: placed.baseline - fig.height,
                    right: placed.x + fig.width,
                    bottom: placed.baseline,
                });
            }
            // The glyphs' own outlines: a face's ascender makes room for
            // marks stacked over letters (Arabic, Vietnamese) the line
            // may not have, and would report ink that is not there.
            if let Some((above, below)) = placed.line.ink(fonts) {
                out.push(Ink {
                    page: i,
                    what: TEXT,
                    left: placed.x,
                    top: placed.baseline - above,
                    right: placed.x + placed.line.width,
                    bottom: placed.baseline + below,
                });
            }
        }
        for rule in &page.rules {
            let r = rule.bounds();
            out.push(Ink {
                page: i,
                what: "a rule",
                left: r.x,
                top: r.y,
                right: r.right(),
                bottom: r.bottom(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::pages::PlacedLine;
    use crate::layout::print::PrintSpec;
    use crate::style::Paper;
    use crate::typeset::line::{GlyphRun, Line, PlacedGlyph};

    fn page_with(size: f64, x_mm: f64, color: Color, fonts: &FontBook) -> Page {
        let face = fonts.faces().next().unwrap().0;
        let line = Line {
            runs: vec![GlyphRun {
                face,
                size: Length::pt(size),
                color,
                rise: Length::ZERO,
                strike: false,
                glyphs: vec![PlacedGlyph {
                    x: Length::ZERO,
                    gid: 5,
                    text: crate::typeset::line::Cluster::Char('a'),
                    level: 0,
                    advance: 5.0,
                }],
            }],
            width: Length::mm(20.0),
            ..Line::default()
        };
        Page {
            width: Length::mm(210.0),
            height: Length::mm(297.0),
            lines: vec![PlacedLine {
                x: Length::mm(x_mm),
                baseline: Length::mm(100.0),
                line,
                figure: None,
                tag: None,
            }],
            ..Page::default()
        }
    }

    fn setup(target: PrintTarget) -> PrintSetup {
        let spec = PrintSpec {
            target: Some(target),
            ..PrintSpec::default()
        };
        PrintSetup::resolve(
            &spec,
            None,
            None,
            crate::output::target::PageFormat::of(Paper::A4),
        )
        .unwrap()
    }

    fn fonts() -> FontBook {
        let mut book = FontBook::new();
        book.resolve(
            &crate::style::FontRef::Family("serif".into()),
            crate::statement::document::Style::default(),
            "t",
        )
        .unwrap();
        book
    }

    #[test]
    fn a_clean_page_passes() {
        let f = fonts();
        let p = page_with(10.0, 20.0, Color::Gray(0.0), &f);
        assert!(check(&[p], &f, &setup(PrintTarget::Office), "s.txt").is_empty());
    }

    #[test]
    fn tiny_type_is_reported() {
        let f = fonts();
        let p = page_with(5.0, 20.0, Color::Gray(0.0), &f);
        let w = check(&[p], &f, &setup(PrintTarget::Office), "s.txt");
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("smaller than 6pt"), "{}", w[0]);
    }

    #[test]
    fn ink_in_the_unprintable_edge_is_reported() {
        let f = fonts();
        let p = page_with(10.0, 3.0, Color::Gray(0.0), &f);
        let w = check(&[p], &f, &setup(PrintTarget::Office), "s.txt");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].message.contains("3.0mm from the paper edge"),
            "{}",
            w[0]
        );
        // The press has a smaller safe margin (3 mm inside the trim).
        let p = page_with(10.0, 4.0, Color::Gray(0.0), &f);
        assert!(check(&[p], &f, &setup(PrintTarget::Press), "s.txt").is_empty());
    }

    #[test]
    fn rgb_and_heavy_ink_are_reported_for_the_press() {
        let f = fonts();
        let p = page_with(10.0, 20.0, Color::Rgb(0.8, 0.0, 0.0), &f);
        assert!(check(
            std::slice::from_ref(&p),
            &f,
            &setup(PrintTarget::Office),
            "s"
        )
        .is_empty());
        let w = check(&[p], &f, &setup(PrintTarget::Press), "s");
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("#cc0000 is RGB"), "{}", w[0]);
        let p = page_with(10.0, 20.0, Color::Cmyk(1.0, 1.0, 1.0, 1.0), &f);
        let w = check(&[p], &f, &setup(PrintTarget::Press), "s");
        assert!(w[0].message.contains("400% ink"), "{}", w[0]);
    }
}

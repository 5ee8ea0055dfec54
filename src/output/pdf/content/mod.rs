//! A page's content stream: fills, pictures, rules, QR codes, text and
//! printer's marks, in that order (later ones paint over earlier ones).
//! The text section is written by `text`, line by line, and its glyphs,
//! with their spacing and /ActualText spans, by `glyphs`.

mod glyphs;
mod text;

use std::collections::BTreeMap;
use std::sync::Arc;

use pdf_writer::{Content, Name};

use super::font::FontUse;
use super::paint::Painter;
use super::tags::Marker;
use super::weblinks::Fragment;
use crate::compose::pages::{Page, PlacedPicture, Rect};
use crate::compose::picture::{Affine, Picture};
use crate::output::marks::{MarkSet, MARK_WIDTH};
use crate::output::target::PrintSetup;
use crate::style::Color;
use crate::typeset::fonts::FaceId;
use crate::units::Length;

/// What every page's content refers to.
pub(super) struct Resources<'a> {
    pub(super) fonts: &'a BTreeMap<FaceId, FontUse<'a>>,
    /// Image XObject names by picture (one per picture, however often placed).
    pub(super) images: &'a [(Arc<Picture>, String)],
    pub(super) painter: &'a Painter,
    pub(super) setup: &'a PrintSetup,
    /// The document's language and a two-language leaflet's second side's.
    pub(super) langs: [Option<&'a str>; 2],
}

/// Points, as the file gets them, rounded to a thousandth: finer than any
/// printer, and it keeps float noise out of the file. In `f64` for the
/// numbers written by hand, which `f32` could not hold to a thousandth.
pub(super) fn pt64(l: Length) -> f64 {
    (l.to_pt() * 1000.0).round() / 1000.0
}

/// [`pt64`] for pdf-writer, which takes `f32`.
pub(super) fn pt(l: Length) -> f32 {
    pt64(l) as f32
}

/// The uncompressed content stream of `page`, with its printer's `marks`
/// and the fragments of web addresses in its text (`links`), and its
/// tagged sequences in MCID order. Everything drawn is either
/// tagged or an artifact.
pub(super) fn page_content(
    page: &Page,
    marks: &MarkSet,
    res: &Resources,
    links: &[Fragment],
) -> (Vec<u8>, Marker) {
    let mut marker = Marker::default();
    let mut c = Content::with_capacity(4096 + page.lines.len() * 160);
    let h = page.height;
    // Everything is drawn in the trimmed page's coordinates, moved in by
    // the bleed and marks around it.
    c.save_state();
    let slug = res.setup.slug();
    if slug > Length::ZERO {
        c.transform([1.0, 0.0, 0.0, 1.0, pt(slug), pt(slug)]);
    }
    // Fills first, then pictures: both lie under rules and text.
    if !page.fills.is_empty() {
        marker.begin_content(&mut c, None);
        for fill in &page.fills {
            res.painter.fill(&mut c, fill.color);
            rect(&mut c, &fill.rect, h);
            c.fill_nonzero();
        }
        c.end_marked_content();
    }
    for placed in &page.pictures {
        if let Some((_, name)) = res
            .images
            .iter()
            .find(|(p, _)| Arc::ptr_eq(p, &placed.picture))
        {
            marker.begin_content(&mut c, placed.tag.as_ref());
            picture(&mut c, placed, name, h);
            c.end_marked_content();
        }
    }
    if !page.rules.is_empty() {
        marker.begin_content(&mut c, None);
        res.painter.stroke(&mut c, Color::Gray(0.0));
        for rule in &page.rules {
            c.set_line_width(pt(rule.width));
            c.move_to(pt(rule.from.0), pt(h - rule.from.1));
            c.line_to(pt(rule.to.0), pt(h - rule.to.1));
            c.stroke();
        }
        c.end_marked_content();
    }
    // QR codes, outside the text section.
    for placed in &page.lines {
        if let Some(fig) = &placed.figure {
            marker.begin_content(&mut c, placed.tag.as_ref());
            let (x, y) = (placed.x + slug, h - placed.baseline + slug);
            marker.link_area([pt(x), pt(y), pt(x + fig.width), pt(y + fig.height)]);
            res.painter.fill(&mut c, Color::Gray(0.0));
            let top = placed.baseline - fig.height;
            for r in &fig.rects {
                c.rect(
                    pt(placed.x + r.x),
                    pt(h - (top + r.y + r.height)),
                    pt(r.width),
                    pt(r.height),
                );
            }
            c.fill_nonzero();
            c.end_marked_content();
        }
    }
    let mut out = c.finish().into_vec();
    // pdf-writer separates operators but ends without a separator.
    out.push(b'\n');
    text::text(&mut out, page, res, &mut marker, links);
    let mut c = Content::new();
    strikeouts(&mut c, page, res, &mut marker);
    draw_marks(&mut c, page, marks, res);
    c.restore_state();
    out.extend_from_slice(&c.finish());
    (out, marker)
}

/// The lines through struck text, after the text (a path cannot be drawn
/// inside a text object), each in its run's colour, in the trimmed page's
/// coordinates as the text is; decoration, not content, as a reader reads
/// the words.
fn strikeouts(c: &mut Content, page: &Page, res: &Resources, marker: &mut Marker) {
    let mut began = false;
    for placed in &page.lines {
        for run in &placed.line.runs {
            let Some(font) = res.fonts.get(&run.face) else {
                continue;
            };
            let Some(s) = run.strikeout(font.face) else {
                continue;
            };
            if !began {
                marker.begin_content(c, None);
                began = true;
            }
            res.painter.fill(c, run.color);
            let bottom = page.height - placed.baseline + s.rise - s.thickness / 2.0;
            c.rect(
                pt(placed.x + s.from),
                pt(bottom),
                pt(s.to - s.from),
                pt(s.thickness),
            );
            c.fill_nonzero();
        }
    }
    if began {
        c.end_marked_content();
    }
}

fn rect(c: &mut Content, r: &Rect, page_height: Length) {
    c.rect(
        pt(r.x),
        pt(page_height - r.bottom()),
        pt(r.width),
        pt(r.height),
    );
}

/// A number as PDF wants it, to four decimals (every number written here
/// is rounded coarser than that): no exponent, no trailing zeros. By hand,
/// as `Display` for floats cost a third of writing a page.
fn num(out: &mut Vec<u8>, v: f64) {
    let scaled = (v * 10_000.0).round() as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let a = scaled.unsigned_abs();
    let (int, frac) = (a / 10_000, a % 10_000);
    let mut digits = [0u8; 20];
    let mut n = int;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
    if frac != 0 {
        out.push(b'.');
        let mut f = frac;
        let mut places = 4;
        while f % 10 == 0 {
            f /= 10;
            places -= 1;
        }
        for p in (0..places).rev() {
            out.push(b'0' + (f / 10u64.pow(p) % 10) as u8);
        }
    }
}

fn round_to(x: f32, scale: f32) -> f32 {
    let r = (x * scale).round() / scale;
    // No "-0" in the file.
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Paints a placed picture: clipped to what is seen of it, the image's unit
/// square turned upright and stretched over its area.
fn picture(c: &mut Content, placed: &PlacedPicture, name: &str, page_height: Length) {
    let a = &placed.area;
    let place = Affine {
        a: a.width.to_pt(),
        b: 0.0,
        c: 0.0,
        d: a.height.to_pt(),
        e: a.x.to_pt(),
        f: (page_height - a.bottom()).to_pt(),
    };
    let m = placed.picture.orientation.matrix().then(place);
    c.save_state();
    rect(c, &placed.clip, page_height);
    c.clip_nonzero();
    c.end_path();
    c.transform([
        m.a as f32, m.b as f32, m.c as f32, m.d as f32, m.e as f32, m.f as f32,
    ]);
    c.x_object(Name(name.as_bytes()));
    c.restore_state();
}

/// Draws printer's marks in registration colour, in trim coordinates.
fn draw_marks(c: &mut Content, page: &Page, set: &MarkSet, res: &Resources) {
    if set.strokes.is_empty() && set.circles.is_empty() {
        return;
    }
    c.begin_marked_content(Name(b"Artifact"));
    // PDF user space: y upwards from the trim's bottom edge.
    let p = |(x, y): (Length, Length)| (pt(x), pt(page.height - y));
    res.painter.registration_stroke(c);
    c.set_line_width(MARK_WIDTH.to_pt() as f32);
    for s in &set.strokes {
        let (x0, y0) = p(s.from);
        let (x1, y1) = p(s.to);
        c.move_to(x0, y0);
        c.line_to(x1, y1);
        c.stroke();
    }
    // A circle as four Bézier quarters; 0.5523 puts the control points
    // where the curve stays within 0.03% of the true circle.
    for circle in &set.circles {
        let (cx, cy) = p(circle.center);
        let r = circle.radius.to_pt() as f32;
        let k = r * 0.552_284_8;
        c.move_to(cx + r, cy);
        c.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        c.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        c.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        c.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        c.stroke();
    }
    c.end_marked_content();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_without_exponent_or_trailing_zeros() {
        let text = |v: f64| {
            let mut out = Vec::new();
            num(&mut out, v);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(text(0.0), "0");
        assert_eq!(text(-0.0), "0");
        assert_eq!(text(26.0), "26");
        assert_eq!(text(42.52), "42.52");
        assert_eq!(text(-69.07), "-69.07");
        assert_eq!(text(0.0036), "0.0036");
        assert_eq!(text(769.001), "769.001");
        assert_eq!(text(-0.5), "-0.5");
        assert_eq!(text(1207.56), "1207.56");
    }
}

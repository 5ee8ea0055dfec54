//! PNG previews: the same pages the PDF gets, drawn with tiny-skia from
//! handbill's own page model and the fonts' glyph outlines — for sharing on
//! social media and checking a leaflet without a PDF viewer.

use std::collections::HashMap;

use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

use crate::compose::pages::{Page, PlacedPicture, Rect};
use crate::compose::picture::{Affine, Picture, PixelFormat};
use crate::error::{Error, Result};
use crate::style::Color;
use crate::typeset::fonts::{Face, FontBook};
use crate::units::Length;

/// The most pixels a preview page may have (a poster at high resolution is
/// refused rather than eating memory): 100 megapixels.
const MAX_PIXELS: u64 = 100_000_000;

/// Renders each page as a PNG at `dpi`.
pub fn png_pages(pages: &[Page], fonts: &FontBook, dpi: f64) -> Result<Vec<Vec<u8>>> {
    pages
        .iter()
        .map(|p| {
            render(p, fonts, dpi)?
                .encode_png()
                .map_err(|e| png_error(&e.to_string()))
        })
        .collect()
}

fn png_error(msg: &str) -> Error {
    Error::Io {
        path: "PNG".into(),
        message: format!("could not encode the preview: {msg}"),
    }
}

/// Pixels per point at `dpi`.
fn scale(dpi: f64) -> f32 {
    (dpi / 72.0) as f32
}

/// Draws one page.
pub fn render(page: &Page, fonts: &FontBook, dpi: f64) -> Result<Pixmap> {
    let k = scale(dpi);
    let w = (page.width.to_pt() as f32 * k).ceil().max(1.0) as u32;
    let h = (page.height.to_pt() as f32 * k).ceil().max(1.0) as u32;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(too_many_pixels(page.width, page.height, dpi));
    }
    let mut pixmap = Pixmap::new(w, h).ok_or_else(|| png_error("empty page"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    // Fills, then pictures, then rules and text: the PDF's order.
    for fill in &page.fills {
        if let Some(rect) = skia_rect(&fill.rect) {
            pixmap.fill_rect(rect, &paint(fill.color), Transform::from_scale(k, k), None);
        }
    }
    // A picture placed several times on a sheet (imposition) is converted once.
    let mut converted: HashMap<(*const Picture, u32), Pixmap> = HashMap::new();
    for placed in &page.pictures {
        draw_picture(&mut pixmap, placed, k, &mut converted);
    }
    for rule in &page.rules {
        let mut pb = PathBuilder::new();
        pb.move_to(rule.from.0.to_pt() as f32, rule.from.1.to_pt() as f32);
        pb.line_to(rule.to.0.to_pt() as f32, rule.to.1.to_pt() as f32);
        if let Some(path) = pb.finish() {
            let stroke = Stroke {
                width: rule.width.to_pt() as f32,
                ..Stroke::default()
            };
            pixmap.stroke_path(
                &path,
                &paint(Color::Gray(0.0)),
                &stroke,
                Transform::from_scale(k, k),
                None,
            );
        }
    }
    for placed in &page.lines {
        if let Some(fig) = &placed.figure {
            let black = paint(Color::Gray(0.0));
            let top = placed.baseline - fig.height;
            for r in &fig.rects {
                if let Some(rect) = tiny_skia::Rect::from_xywh(
                    (placed.x + r.x).to_pt() as f32,
                    (top + r.y).to_pt() as f32,
                    r.width.to_pt() as f32,
                    r.height.to_pt() as f32,
                ) {
                    pixmap.fill_rect(rect, &black, Transform::from_scale(k, k), None);
                }
            }
        }
        for run in &placed.line.runs {
            let face = fonts.face(run.face);
            let em = (run.size.to_pt() / face.units_per_em) as f32;
            let paint = paint(run.color);
            for g in &run.glyphs {
                let Some(path) = outline(face, g.gid) else {
                    continue;
                };
                let x = (placed.x + g.x).to_pt() as f32;
                let y = (placed.baseline - run.rise).to_pt() as f32;
                // Font units (y up) → page points (y down, as wide as
                // the line's font expansion draws them) → pixels.
                let wide = em * placed.line.scale;
                let t = Transform::from_row(wide, 0.0, 0.0, -em, x, y).post_scale(k, k);
                pixmap.fill_path(&path, &paint, FillRule::Winding, t, None);
            }
            if let Some(s) = run.strikeout(face) {
                let top = placed.baseline - s.rise - s.thickness / 2.0;
                if let Some(rect) = tiny_skia::Rect::from_xywh(
                    (placed.x + s.from).to_pt() as f32,
                    top.to_pt() as f32,
                    (s.to - s.from).to_pt() as f32,
                    s.thickness.to_pt() as f32,
                ) {
                    pixmap.fill_rect(rect, &paint, Transform::from_scale(k, k), None);
                }
            }
        }
    }
    Ok(pixmap)
}

fn skia_rect(r: &Rect) -> Option<tiny_skia::Rect> {
    tiny_skia::Rect::from_xywh(
        r.x.to_pt() as f32,
        r.y.to_pt() as f32,
        r.width.to_pt() as f32,
        r.height.to_pt() as f32,
    )
}

/// Paints a picture: its clip rectangle filled with the picture as a
/// pattern, turned upright and stretched over its area, as the PDF does.
fn draw_picture(
    pixmap: &mut Pixmap,
    placed: &PlacedPicture,
    k: f32,
    converted: &mut HashMap<(*const Picture, u32), Pixmap>,
) {
    let pic = &placed.picture;
    let Some(clip) = skia_rect(&placed.clip) else {
        return;
    };
    // Pixels of the stored picture per pixel of the preview, along its own
    // width and height; a large photo is averaged down first, as a pattern
    // sampled far below its resolution would shimmer.
    let (across, down) = if pic.orientation.turns() {
        (placed.area.height, placed.area.width)
    } else {
        (placed.area.width, placed.area.height)
    };
    let per_x = f64::from(pic.width) / (across.to_pt() * f64::from(k)).max(1.0);
    let per_y = f64::from(pic.height) / (down.to_pt() * f64::from(k)).max(1.0);
    let step = per_x.min(per_y).floor().clamp(1.0, 64.0) as u32;
    let key = (std::sync::Arc::as_ptr(pic), step);
    let image = match converted.entry(key) {
        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::hash_map::Entry::Vacant(e) => match to_pixmap(pic, step) {
            Some(p) => e.insert(p),
            None => return,
        },
    };
    let a = &placed.area;
    // Pattern pixels → the stored picture's unit square (y up) → upright →
    // the page (points, y down).
    let unit = Affine {
        a: 1.0 / f64::from(image.width()),
        b: 0.0,
        c: 0.0,
        d: -1.0 / f64::from(image.height()),
        e: 0.0,
        f: 1.0,
    };
    let place = Affine {
        a: a.width.to_pt(),
        b: 0.0,
        c: 0.0,
        d: -a.height.to_pt(),
        e: a.x.to_pt(),
        f: (a.y + a.height).to_pt(),
    };
    let m = unit.then(pic.orientation.matrix()).then(place);
    let shader = tiny_skia::Pattern::new(
        image.as_ref(),
        tiny_skia::SpreadMode::Pad,
        tiny_skia::FilterQuality::Bicubic,
        1.0,
        Transform::from_row(
            m.a as f32, m.b as f32, m.c as f32, m.d as f32, m.e as f32, m.f as f32,
        ),
    );
    let paint = Paint {
        shader,
        anti_alias: true,
        ..Paint::default()
    };
    pixmap.fill_rect(clip, &paint, Transform::from_scale(k, k), None);
}

/// The picture as premultiplied RGBA, each `step` × `step` block of pixels
/// averaged into one. CMYK is shown by the naive conversion a screen uses.
fn to_pixmap(pic: &Picture, step: u32) -> Option<Pixmap> {
    let (w, h) = (pic.width as usize, pic.height as usize);
    let s = step as usize;
    let (ow, oh) = (w.div_ceil(s), h.div_ceil(s));
    let px = &pic.pixels;
    let n = px.format.channels();
    let mut out = Vec::with_capacity(ow * oh * 4);
    for oy in 0..oh {
        for ox in 0..ow {
            let mut sum = [0u64; 4];
            let mut count = 0u64;
            for y in oy * s..((oy + 1) * s).min(h) {
                for x in ox * s..((ox + 1) * s).min(w) {
                    let i = y * w + x;
                    let c = px.samples.get(i * n..i * n + n)?;
                    let (r, g, b) = match px.format {
                        PixelFormat::Gray => (c[0], c[0], c[0]),
                        PixelFormat::Rgb => (c[0], c[1], c[2]),
                        PixelFormat::Cmyk => {
                            let ink = |v: u8| 255 - u16::from(v);
                            let k = ink(c[3]);
                            let f = |v: u8| (ink(v) * k / 255) as u8;
                            (f(c[0]), f(c[1]), f(c[2]))
                        }
                    };
                    let alpha = px
                        .alpha
                        .as_ref()
                        .and_then(|a| a.get(i))
                        .copied()
                        .unwrap_or(255);
                    // Premultiplied sums, so transparent pixels add no colour.
                    let al = u64::from(alpha);
                    sum[0] += u64::from(r) * al;
                    sum[1] += u64::from(g) * al;
                    sum[2] += u64::from(b) * al;
                    sum[3] += al;
                    count += 1;
                }
            }
            let count = count.max(1);
            out.extend_from_slice(&[
                (sum[0] / 255 / count) as u8,
                (sum[1] / 255 / count) as u8,
                (sum[2] / 255 / count) as u8,
                (sum[3] / count) as u8,
            ]);
        }
    }
    Pixmap::from_vec(out, tiny_skia::IntSize::from_wh(ow as u32, oh as u32)?)
}

/// The glyph's outline in font units.
fn outline(face: &Face, gid: u16) -> Option<tiny_skia::Path> {
    struct Builder(PathBuilder);
    impl ttf_parser::OutlineBuilder for Builder {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.move_to(x, y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.line_to(x, y);
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.quad_to(x1, y1, x, y);
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.cubic_to(x1, y1, x2, y2, x, y);
        }
        fn close(&mut self) {
            self.0.close();
        }
    }
    let mut b = Builder(PathBuilder::new());
    face.shaper
        .outline_glyph(ttf_parser::GlyphId(gid), &mut b)?;
    b.0.finish()
}

/// A solid paint; CMYK is shown by the naive conversion a screen would use.
fn paint(c: Color) -> Paint<'static> {
    let [r, g, b] = c.to_rgb();
    let mut p = Paint::default();
    p.set_color_rgba8(channel(r), channel(g), channel(b), 255);
    p.anti_alias = true;
    p
}

fn channel(v: f64) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// The highest resolution, in whole dots per inch, at which a page of
/// `width` × `height` stays within the preview's pixel limit.
pub fn max_dpi(width: Length, height: Length) -> u32 {
    let square_inches = (width.to_pt() / 72.0) * (height.to_pt() / 72.0);
    let mut dpi = (MAX_PIXELS as f64 / square_inches).sqrt().floor() as u32;
    // The pixel size rounds up: step down until it fits.
    while dpi > 1 && {
        let (w, h) = pixel_size(width, height, f64::from(dpi));
        u64::from(w) * u64::from(h) > MAX_PIXELS
    } {
        dpi -= 1;
    }
    dpi
}

/// The error for a preview of `width` × `height` at `dpi` with too many
/// pixels, saying the resolution that works.
pub fn too_many_pixels(width: Length, height: Length, dpi: f64) -> Error {
    let (w, h) = pixel_size(width, height, dpi);
    Error::Usage {
        path: "--png-dpi".into(),
        message: format!(
            "{dpi} dpi makes a {w}×{h}-pixel preview of the {:.0}×{:.0} mm sheet, more than the \
             {} megapixels a preview may have; {} dpi is the most that works",
            width.to_mm(),
            height.to_mm(),
            MAX_PIXELS / 1_000_000,
            max_dpi(width, height)
        ),
    }
}

/// Whether a preview of `width` × `height` at `dpi` is within the limit.
pub fn fits(width: Length, height: Length, dpi: f64) -> bool {
    let (w, h) = pixel_size(width, height, dpi);
    u64::from(w) * u64::from(h) <= MAX_PIXELS
}

/// The size of a page at `dpi`, in pixels (for messages and tests).
pub fn pixel_size(width: Length, height: Length, dpi: f64) -> (u32, u32) {
    let k = scale(dpi);
    (
        (width.to_pt() as f32 * k).ceil() as u32,
        (height.to_pt() as f32 * k).ceil() as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_resolution_that_fits_is_the_largest() {
        let (w, h) = (Length::mm(420.0), Length::mm(594.0));
        let dpi = max_dpi(w, h);
        assert!(fits(w, h, f64::from(dpi)));
        assert!(!fits(w, h, f64::from(dpi + 1)));
        assert_eq!(dpi, 508);
    }
}

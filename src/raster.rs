//! PNG previews: the same pages the PDF gets, drawn with tiny-skia from
//! handbill's own page model and the fonts' glyph outlines — for sharing on
//! social media and checking a leaflet without a PDF viewer.

use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Stroke, Transform};

use crate::error::{Error, Result};
use crate::fonts::{Face, FontBook};
use crate::pages::Page;
use crate::spec::Color;
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
        return Err(Error::Typeset {
            at: crate::error::Location::file("--png-dpi"),
            message: format!(
                "{w}×{h} pixels is more than a preview may have; use a lower --png-dpi"
            ),
        });
    }
    let mut pixmap = Pixmap::new(w, h).ok_or_else(|| png_error("empty page"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
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
                let y = placed.baseline.to_pt() as f32;
                // Font units (y up) → page points (y down) → pixels.
                let t = Transform::from_row(em, 0.0, 0.0, -em, x, y).post_scale(k, k);
                pixmap.fill_path(&path, &paint, FillRule::Winding, t, None);
            }
        }
    }
    Ok(pixmap)
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
    let [r, g, b] = crate::color::to_rgb(c);
    let mut p = Paint::default();
    p.set_color_rgba8(channel(r), channel(g), channel(b), 255);
    p.anti_alias = true;
    p
}

fn channel(v: f64) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// The size of a page at `dpi`, in pixels (for messages and tests).
pub fn pixel_size(width: Length, height: Length, dpi: f64) -> (u32, u32) {
    let k = scale(dpi);
    (
        (width.to_pt() as f32 * k).ceil() as u32,
        (height.to_pt() as f32 * k).ceil() as u32,
    )
}

//! PDF output: pages become a PDF through printpdf, with fonts embedded and
//! subset, text extractable (every glyph carries the text it stands for),
//! streams compressed, and document metadata set.

use std::collections::HashMap;

use printpdf::{
    Cmyk, Codepoint, Color as PdfColor, Greyscale, Line as PdfLine, LinePoint, Mm, Op, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rgb, TextItem, TextMatrix,
};

use crate::error::{Error, Location, Result};
use crate::fonts::{FaceId, FontBook};
use crate::pages::Page;
use crate::paragraph::Glyph;
use crate::spec::Color;
use crate::units::Length;

/// Document facts written into the PDF.
#[derive(Clone, Debug, Default)]
pub struct PdfMeta {
    /// Title (Info /Title and XMP).
    pub title: String,
    /// Author (Info /Author).
    pub author: String,
    /// BCP 47 language tag (catalog /Lang).
    pub lang: String,
    /// Creation time as seconds since 1970 (SOURCE_DATE_EPOCH when set, for reproducible files).
    pub created: i64,
}

/// Writes `pages` as PDF bytes.
pub fn write(pages: &[Page], fonts: &FontBook, meta: &PdfMeta) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&meta.title);
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.creator = "handbill".into();
    info.producer = format!("handbill {}", env!("CARGO_PKG_VERSION"));
    if let Ok(t) = printpdf::OffsetDateTime::from_unix_timestamp(meta.created) {
        info.creation_date = t;
        info.modification_date = t;
        info.metadata_date = t;
    }

    let mut font_ids = HashMap::new();
    for (id, face) in fonts.faces() {
        if !pages.iter().any(|p| {
            p.lines
                .iter()
                .any(|l| l.line.glyphs.iter().any(|(_, g)| g.face == id))
        }) {
            continue;
        }
        let mut warnings = Vec::new();
        let parsed =
            ParsedFont::from_bytes(face.data, 0, &mut warnings).ok_or_else(|| Error::Font {
                at: Location::file(face.name.clone()),
                message: "the PDF writer could not read this font".into(),
            })?;
        font_ids.insert(id, (doc.add_font(&parsed), face.units_per_em, face));
    }

    let mut pdf_pages = Vec::with_capacity(pages.len());
    for page in pages {
        let mut ops = Vec::new();
        for rule in &page.rules {
            ops.push(Op::SetOutlineColor {
                col: PdfColor::Greyscale(Greyscale {
                    percent: 0.0,
                    icc_profile: None,
                }),
            });
            ops.push(Op::SetOutlineThickness { pt: pt(rule.width) });
            ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![
                        LinePoint {
                            p: Point {
                                x: pt(rule.from.0),
                                y: pt(page.height - rule.from.1),
                            },
                            bezier: false,
                        },
                        LinePoint {
                            p: Point {
                                x: pt(rule.to.0),
                                y: pt(page.height - rule.to.1),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
        }
        ops.push(Op::StartTextSection);
        let mut current: Option<(FaceId, Length, Color)> = None;
        for placed in &page.lines {
            let y = page.height - placed.baseline;
            for run in runs(&placed.line.glyphs) {
                let first = &run[0];
                let (x0, g0) = (first.0, &first.1);
                let Some((font_id, upem, face)) = font_ids.get(&g0.face) else {
                    continue;
                };
                let key = (g0.face, g0.size, g0.color);
                if current != Some(key) {
                    if current.map(|c| c.2) != Some(g0.color) {
                        ops.push(Op::SetFillColor {
                            col: pdf_color(g0.color),
                        });
                    }
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id.clone()),
                        size: pt(g0.size),
                    });
                    current = Some(key);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(pt(placed.x + x0), pt(y)),
                });
                let mut codepoints = Vec::with_capacity(run.len());
                for (k, (x, g)) in run.iter().enumerate() {
                    // The viewer advances by the width in the font's /W array,
                    // which printpdf truncates to whole thousandths of an em; the
                    // TJ offset moves the pen to where our layout put the next glyph.
                    let stored = stored_width(face, g.gid, *upem);
                    let wanted = match run.get(k + 1) {
                        Some((nx, _)) => (*nx - *x) / g.size * 1000.0,
                        None => stored,
                    };
                    // Rounded to 1/100 of a thousandth of an em: invisible, and
                    // keeps float noise out of the file.
                    let offset = ((stored - wanted) * 100.0).round() / 100.0;
                    codepoints.push(Codepoint {
                        gid: g.gid,
                        offset: offset as f32,
                        cid: g.text.clone(),
                    });
                }
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(codepoints)],
                });
            }
        }
        ops.push(Op::EndTextSection);
        pdf_pages.push(PdfPage::new(
            Mm(page.width.to_mm() as f32),
            Mm(page.height.to_mm() as f32),
            ops,
        ));
    }
    doc.with_pages(pdf_pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    set_catalog_lang(&mut lo, &meta.lang);
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| Error::Io {
        path: "PDF".into(),
        message: format!("could not serialise the PDF: {e}"),
    })?;
    Ok(bytes)
}

/// Consecutive glyphs that share face, size and colour: one text-showing operation each.
fn runs(glyphs: &[(Length, Glyph)]) -> Vec<&[(Length, Glyph)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=glyphs.len() {
        let split = i == glyphs.len() || {
            let (a, b) = (&glyphs[i - 1].1, &glyphs[i].1);
            a.face != b.face || a.size != b.size || a.color != b.color
        };
        if split {
            if start < i {
                out.push(&glyphs[start..i]);
            }
            start = i;
        }
    }
    out
}

/// The glyph width printpdf writes into /W, in thousandths of an em (same formula and precision).
fn stored_width(face: &crate::fonts::Face, gid: u16, upem: f64) -> f64 {
    let raw = face
        .shaper
        .glyph_hor_advance(ttf_parser::GlyphId(gid))
        .unwrap_or(0);
    (raw as f32 * 1000.0 / upem as f32) as i64 as f64
}

fn pt(l: Length) -> Pt {
    Pt(l.to_pt() as f32)
}

fn pdf_color(c: Color) -> PdfColor {
    match c {
        Color::Gray(g) => PdfColor::Greyscale(Greyscale {
            percent: g as f32,
            icc_profile: None,
        }),
        Color::Rgb(r, g, b) => PdfColor::Rgb(Rgb {
            r: r as f32,
            g: g as f32,
            b: b as f32,
            icc_profile: None,
        }),
        Color::Cmyk(c, m, y, k) => PdfColor::Cmyk(Cmyk {
            c: c as f32,
            m: m as f32,
            y: y as f32,
            k: k as f32,
            icc_profile: None,
        }),
    }
}

/// Sets the document language, which printpdf does not write; screen readers and
/// hyphenating viewers use it.
fn set_catalog_lang(doc: &mut lopdf::Document, lang: &str) {
    if lang.is_empty() {
        return;
    }
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Lang", lopdf::Object::string_literal(lang));
    }
}

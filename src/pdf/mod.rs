//! PDF output: pages become a PDF through printpdf, with fonts embedded and
//! subset, text extractable (every glyph carries the text it stands for),
//! streams compressed, and document metadata set.
//!
//! The print target shapes the file: pages sit inside bleed and marks
//! ([`PrintSetup::slug`]), colours are written as the target needs them
//! ([`paint`]), and [`finish`] adds what printpdf does not write (page boxes,
//! spot colour spaces, the PDF/X output intent and metadata, a stable ID).

mod finish;
mod paint;

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use printpdf::{
    Codepoint, CurTransMat, DictItem, ExternalStream, ExternalXObject, Line as PdfLine, LinePoint,
    Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem,
    TextMatrix, XObject, XObjectId, XObjectTransform,
};

use crate::color;
use crate::error::{Error, Location, Result};
use crate::fonts::{FaceId, FontBook};
use crate::marks::{self, MARK_WIDTH};
use crate::pages::{Page, PlacedPicture, Rect};
use crate::picture::{Affine, Picture, PixelFormat};
use crate::spec::Color;
use crate::target::{ColorMode, PrintSetup, Standard};
use crate::units::Length;
use paint::Painter;

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

/// Writes `pages` as PDF bytes for the office printer, with no print-shop
/// settings (no bleed, no marks, colours as written).
pub fn write_plain(pages: Vec<Page>, fonts: &FontBook, meta: &PdfMeta) -> Result<Vec<u8>> {
    let setup = PrintSetup::resolve(&Default::default(), None, None, "a4")?;
    write(pages, fonts, meta, &setup)
}

/// Writes `pages` as PDF bytes. The pages are consumed one by one, so a
/// long document is never held as pages and as PDF operations at once.
pub fn write(
    pages: Vec<Page>,
    fonts: &FontBook,
    meta: &PdfMeta,
    setup: &PrintSetup,
) -> Result<Vec<u8>> {
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
                .any(|l| l.line.runs.iter().any(|r| r.face == id))
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

    let painter = Painter::new(setup);
    let slug = setup.slug();
    // Each picture becomes one image XObject, however often it is placed
    // (imposition repeats it). Names are numbered, not random, so the same
    // input gives the same file.
    let mut images: HashMap<*const Picture, XObjectId> = HashMap::new();
    for placed in pages.iter().flat_map(|p| &p.pictures) {
        let key = std::sync::Arc::as_ptr(&placed.picture);
        if images.contains_key(&key) {
            continue;
        }
        let id = XObjectId(format!("Im{}", images.len() + 1));
        let xobject = image_xobject(&placed.picture, setup)?;
        doc.resources
            .xobjects
            .map
            .insert(id.clone(), XObject::External(xobject));
        images.insert(key, id);
    }

    let mut pdf_pages = Vec::with_capacity(pages.len());
    let mut trims = Vec::with_capacity(pages.len());
    let mut unicode = UnicodeNames::new(&pages);
    for page in pages.into_iter() {
        let mut ops = Vec::new();
        // Everything is drawn in the trimmed page's coordinates, moved in
        // by the bleed and marks around it.
        ops.push(Op::SaveGraphicsState);
        if slug > Length::ZERO {
            ops.push(Op::SetTransformationMatrix {
                matrix: CurTransMat::Translate(pt(slug), pt(slug)),
            });
        }
        // Fills first, then pictures: both lie under rules and text.
        for fill in &page.fills {
            ops.extend(painter.fill(fill.color));
            ops.push(Op::DrawRectangle {
                rectangle: pdf_rect(&fill.rect, page.height, printpdf::PaintMode::Fill),
            });
        }
        for placed in &page.pictures {
            if let Some(id) = images.get(&std::sync::Arc::as_ptr(&placed.picture)) {
                draw_picture(&mut ops, placed, id, page.height);
            }
        }
        for rule in &page.rules {
            ops.extend(painter.stroke(Color::Gray(0.0)));
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
        // Figures first, outside the text section.
        for placed in page.lines.iter().filter(|l| l.figure.is_some()) {
            if let Some(fig) = &placed.figure {
                ops.extend(painter.fill(Color::Gray(0.0)));
                let top = placed.baseline - fig.height;
                for r in &fig.rects {
                    ops.push(Op::DrawRectangle {
                        rectangle: printpdf::Rect {
                            x: pt(placed.x + r.x),
                            y: pt(page.height - (top + r.y + r.height)),
                            width: pt(r.width),
                            height: pt(r.height),
                            mode: Some(printpdf::PaintMode::Fill),
                            winding_order: Some(printpdf::WindingOrder::NonZero),
                        },
                    });
                }
            }
        }
        ops.push(Op::StartTextSection);
        let mut current: Option<(FaceId, Length, Color)> = None;
        for placed in &page.lines {
            let y = page.height - placed.baseline;
            for run in &placed.line.runs {
                let Some(first) = run.glyphs.first() else {
                    continue;
                };
                let Some((font_id, upem, face)) = font_ids.get(&run.face) else {
                    continue;
                };
                let key = (run.face, run.size, run.color);
                if current != Some(key) {
                    if current.map(|c| c.2) != Some(run.color) {
                        ops.extend(painter.fill(run.color));
                    }
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id.clone()),
                        size: pt(run.size),
                    });
                    current = Some(key);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(pt(placed.x + first.x), pt(y)),
                });
                let mut codepoints = Vec::with_capacity(run.glyphs.len());
                for (k, g) in run.glyphs.iter().enumerate() {
                    // The viewer advances by the width in the font's /W array,
                    // which printpdf truncates to whole thousandths of an em; the
                    // TJ offset moves the pen to where our layout put the next glyph.
                    let stored = stored_width(face, g.gid, *upem);
                    let wanted = match run.glyphs.get(k + 1) {
                        Some(next) => (next.x - g.x) / run.size * 1000.0,
                        None => stored,
                    };
                    // Rounded to 1/100 of a thousandth of an em: invisible, and
                    // keeps float noise out of the file.
                    let offset = ((stored - wanted) * 100.0).round() / 100.0;
                    let cid = unicode.name(run.face, g.gid);
                    codepoints.push(Codepoint {
                        gid: g.gid,
                        offset: offset as f32,
                        cid,
                    });
                }
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(codepoints)],
                });
            }
        }
        ops.push(Op::EndTextSection);
        draw_marks(
            &mut ops,
            &marks::marks(page.width, page.height, setup),
            &page,
            &painter,
        );
        ops.push(Op::RestoreGraphicsState);
        let media = (page.width + slug * 2.0, page.height + slug * 2.0);
        pdf_pages.push(PdfPage::new(
            Mm(media.0.to_mm() as f32),
            Mm(media.1.to_mm() as f32),
            ops,
        ));
        trims.push((page.width, page.height));
    }
    doc.with_pages(pdf_pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        // `secure` drops every operator printpdf has no type for; the spot
        // colour and mark operators below are written that way. All
        // operators come from this module, none from input.
        secure: false,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let lo = doc.to_lopdf_document(&opts, &mut warnings);
    finish::finish(lo, &trims, meta, setup, &painter)
}

/// Draws printer's marks in registration colour, in trim coordinates.
fn draw_marks(ops: &mut Vec<Op>, set: &marks::MarkSet, page: &Page, painter: &Painter) {
    if set.strokes.is_empty() && set.circles.is_empty() {
        return;
    }
    let raw = |key: &str, v: &[f32]| Op::Unknown {
        key: key.into(),
        value: v.iter().map(|x| DictItem::Real(*x)).collect(),
    };
    // PDF user space: y upwards from the trim's bottom edge.
    let p = |(x, y): (Length, Length)| [x.to_pt() as f32, (page.height - y).to_pt() as f32];
    ops.extend(painter.registration_stroke());
    ops.push(raw("w", &[MARK_WIDTH.to_pt() as f32]));
    for s in &set.strokes {
        ops.push(raw("m", &p(s.from)));
        ops.push(raw("l", &p(s.to)));
        ops.push(raw("S", &[]));
    }
    // A circle as four Bézier quarters; 0.5523 puts the control points
    // where the curve stays within 0.03% of the true circle.
    for c in &set.circles {
        let [cx, cy] = p(c.center);
        let r = c.radius.to_pt() as f32;
        let k = r * 0.552_284_8;
        ops.push(raw("m", &[cx + r, cy]));
        ops.push(raw("c", &[cx + r, cy + k, cx + k, cy + r, cx, cy + r]));
        ops.push(raw("c", &[cx - k, cy + r, cx - r, cy + k, cx - r, cy]));
        ops.push(raw("c", &[cx - r, cy - k, cx - k, cy - r, cx, cy - r]));
        ops.push(raw("c", &[cx + k, cy - r, cx + r, cy - k, cx + r, cy]));
        ops.push(raw("S", &[]));
    }
}

/// A rectangle of the page model (y down) in PDF space (y up).
fn pdf_rect(r: &Rect, page_height: Length, mode: printpdf::PaintMode) -> printpdf::Rect {
    printpdf::Rect {
        x: pt(r.x),
        y: pt(page_height - r.bottom()),
        width: pt(r.width),
        height: pt(r.height),
        mode: Some(mode),
        winding_order: Some(printpdf::WindingOrder::NonZero),
    }
}

/// Paints a placed picture: clipped to what is seen of it, the image's unit
/// square turned upright and stretched over its area.
fn draw_picture(ops: &mut Vec<Op>, placed: &PlacedPicture, id: &XObjectId, page_height: Length) {
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
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::DrawRectangle {
        rectangle: pdf_rect(&placed.clip, page_height, printpdf::PaintMode::Clip),
    });
    ops.push(Op::SetTransformationMatrix {
        matrix: CurTransMat::Raw([
            m.a as f32, m.b as f32, m.c as f32, m.d as f32, m.e as f32, m.f as f32,
        ]),
    });
    ops.push(Op::UseXobject {
        id: id.clone(),
        // The matrix above places it; printpdf's own pixel-size scaling is off.
        transform: XObjectTransform {
            no_auto_scale: true,
            ..XObjectTransform::default()
        },
    });
    ops.push(Op::RestoreGraphicsState);
}

/// The PDF colour space of samples in `format`.
fn colour_space(format: PixelFormat) -> DictItem {
    DictItem::Name(
        match format {
            PixelFormat::Gray => "DeviceGray",
            PixelFormat::Rgb => "DeviceRGB",
            PixelFormat::Cmyk => "DeviceCMYK",
        }
        .as_bytes()
        .to_vec(),
    )
}

fn name(n: &str) -> DictItem {
    DictItem::Name(n.as_bytes().to_vec())
}

/// Flate-compressed bytes (zlib, as /FlateDecode wants).
fn deflate(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes)
        .and_then(|_| z.finish())
        .map_err(|e| Error::Io {
            path: "PDF".into(),
            message: format!("could not compress a picture: {e}"),
        })
}

/// An image XObject's dictionary without its colour entries.
fn image_dict(width: u32, height: u32, filter: &str) -> BTreeMap<String, DictItem> {
    BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(width))),
        ("Height".to_string(), DictItem::Int(i64::from(height))),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Filter".to_string(), name(filter)),
    ])
}

/// The image XObject of a picture. A JPEG goes in byte for byte as a
/// DCTDecode stream; other pictures as Flate-compressed samples, with
/// transparency as a soft mask. printpdf's own image path decodes and
/// re-encodes (and may downscale), so the stream is built here and handed
/// over as an external XObject, which printpdf writes as it is.
fn image_xobject(p: &Picture, setup: &PrintSetup) -> Result<ExternalXObject> {
    // For the press every picture is CMYK or grey; PDF/X-1a also allows no
    // transparency, so alpha is flattened onto the white paper there.
    let press = setup.color == ColorMode::Cmyk;
    let flatten = press && setup.standard == Some(Standard::X1a) && p.pixels.alpha.is_some();
    let convert = press && p.pixels.format == PixelFormat::Rgb;
    let (mut dict, content) = match &p.jpeg {
        Some(jpeg) if !(convert || flatten) => {
            let mut dict = image_dict(p.width, p.height, "DCTDecode");
            dict.insert("ColorSpace".into(), colour_space(jpeg.format));
            if jpeg.inverted {
                // Adobe's CMYK JPEGs store ink inverted.
                dict.insert(
                    "Decode".into(),
                    DictItem::Array([1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec()),
                );
            }
            (dict, jpeg.data.clone())
        }
        _ => {
            let mut dict = image_dict(p.width, p.height, "FlateDecode");
            let (format, samples) = if convert || flatten {
                color::for_press(&p.pixels, flatten)
            } else {
                (
                    p.pixels.format,
                    std::borrow::Cow::Borrowed(&p.pixels.samples[..]),
                )
            };
            dict.insert("ColorSpace".into(), colour_space(format));
            (dict, deflate(&samples)?)
        }
    };
    let passed_through = p.jpeg.is_some() && !(convert || flatten);
    if let (Some(alpha), false, false) = (&p.pixels.alpha, passed_through, flatten) {
        let mut mask = image_dict(p.width, p.height, "FlateDecode");
        mask.insert("ColorSpace".into(), colour_space(PixelFormat::Gray));
        dict.insert(
            "SMask".into(),
            DictItem::Stream {
                stream: ExternalStream {
                    dict: mask,
                    content: deflate(alpha)?,
                    compress: false,
                },
            },
        );
    }
    Ok(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            // Already compressed (or JPEG): lopdf must leave it alone.
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    })
}

/// Hands out the text each glyph id stands for, for printpdf's ToUnicode map.
///
/// printpdf keeps one text per glyph id, and the last occurrence it sees wins
/// (one without a text maps to U+FFFD). So the text is given exactly at each
/// glyph id's last occurrence: a long document then carries a few hundred
/// strings instead of one per glyph.
struct UnicodeNames {
    /// Occurrences still to come, and the text to give at the last one.
    left: HashMap<(FaceId, u16), (usize, Option<String>)>,
}

impl UnicodeNames {
    fn new(pages: &[Page]) -> UnicodeNames {
        let mut left: HashMap<(FaceId, u16), (usize, Option<String>)> = HashMap::new();
        for run in pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.line.runs)
        {
            for g in &run.glyphs {
                let e = left.entry((run.face, g.gid)).or_insert((0, None));
                e.0 += 1;
                if e.1.is_none() {
                    e.1 = g.text.text().map(|t| t.into_owned());
                }
            }
        }
        UnicodeNames { left }
    }

    /// The text for this occurrence of a glyph: `Some` only at its last one.
    fn name(&mut self, face: FaceId, gid: u16) -> Option<String> {
        let e = self.left.get_mut(&(face, gid))?;
        e.0 = e.0.saturating_sub(1);
        if e.0 == 0 {
            e.1.take()
        } else {
            None
        }
    }
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

//! PDF output: pages become a PDF with fonts embedded and subset, text
//! extractable (every glyph carries the text it stands for), streams
//! compressed, and document metadata set.
//!
//! The print target shapes the file: pages sit inside bleed and marks
//! ([`PrintSetup::slug`]) with their boxes, colours are written as the
//! target needs them (`paint`), and PDF/X gets its output intent and
//! metadata (`finish`).
//!
//! The file is written with `pdf-writer`, glyphs subset with `subsetter`
//! (both made for Typst). printpdf, which handbill used first, parsed every
//! glyph of every font it was given and built each operator as an object
//! before writing it; that was half of the time of a build.

mod content;
mod finish;
mod font;
mod glyph_text;
mod image;
mod paint;
mod span_lang;
mod tags;
mod web_address;
mod weblinks;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use pdf_writer::types::TabOrder;
use pdf_writer::{Chunk, Filter, Finish, Name, Pdf, Rect, Ref, TextStr};

use crate::compose::pages::Page;
use crate::compose::picture::Picture;
use crate::error::{Error, Result};
use crate::layout::print::Standard;
use crate::output::marks::{self, MarkSet};
use crate::output::target::PrintSetup;
use crate::statement::document::LinkLabel;
use crate::typeset::fonts::{FaceId, FontBook};
use crate::units::Length;
use content::{pt, Resources};
use font::{FontRefs, FontUse};
use image::ImageRefs;
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
    /// The language of a two-language leaflet's second side, given to that
    /// side's structure elements (a screen reader then reads it in its own
    /// language); `None` for a leaflet in one language.
    pub second_lang: Option<String>,
    /// Creation time as seconds since 1970 (SOURCE_DATE_EPOCH when set, for reproducible files).
    pub created: i64,
    /// The Markdown links printed as "text (address)", whose text is made
    /// a link too (see `weblinks`).
    pub labels: Vec<LinkLabel>,
}

/// Writes `pages` as PDF bytes for the office printer, with no print-shop
/// settings (no bleed, no marks, colours as written).
pub fn write_plain(pages: Vec<Page>, fonts: &FontBook, meta: &PdfMeta) -> Result<Vec<u8>> {
    let setup = PrintSetup::resolve(
        &Default::default(),
        None,
        None,
        crate::output::target::PageFormat::of(crate::style::Paper::A4),
    )?;
    write(pages, fonts, meta, &setup)
}

/// The objects every document has, numbered first so that the rest can
/// point at them.
struct DocRefs {
    catalog: Ref,
    tree: Ref,
    info: Ref,
    resources: Ref,
}

/// Writes `pages` as PDF bytes.
///
/// Fonts are subset, and pages turned into content streams and deflated,
/// on all cores (each is independent of the others); the objects are then
/// written in a fixed order, so the same input gives the same file. The
/// steps below take their object numbers from `next` in that order too.
pub fn write(
    pages: Vec<Page>,
    fonts: &FontBook,
    meta: &PdfMeta,
    setup: &PrintSetup,
) -> Result<Vec<u8>> {
    let mut counter = 0;
    let mut next = || {
        counter += 1;
        Ref::new(counter)
    };
    let ids = DocRefs {
        catalog: next(),
        tree: next(),
        info: next(),
        resources: next(),
    };

    let used = font::collect(&pages, fonts.faces());
    let font_refs: Vec<FontRefs> = used
        .values()
        .map(|_| FontRefs::allocate(&mut next))
        .collect();
    let images = distinct_pictures(&pages);
    let image_refs: Vec<ImageRefs> = images
        .iter()
        .map(|(p, _)| ImageRefs::allocate(p, setup, &mut next))
        .collect();

    let marks: Vec<MarkSet> = pages
        .iter()
        .map(|p| marks::marks(p.width, p.height, setup))
        .collect();
    let any_marks = marks
        .iter()
        .any(|set| !set.strokes.is_empty() || !set.circles.is_empty());
    let painter = Painter::new(setup, &pages, any_marks);
    let langs = [Some(meta.lang.as_str()), meta.second_lang.as_deref()];
    let resources = Resources {
        fonts: &used,
        images: &images,
        painter: &painter,
        setup,
        langs,
    };
    // Web addresses in the text, found before the pages are written: each
    // page's content marks the parts of an address it draws.
    let web = weblinks::find(&pages, &meta.labels);
    let (font_chunks, contents, marked) =
        render(&used, &font_refs, &pages, &marks, &web, &resources)?;

    let mut pdf = Pdf::new();
    match setup.standard {
        Some(Standard::X4) => pdf.set_version(1, 6),
        // PDF 1.4 for PDF/X-1a:2003, and for everything else: soft masks
        // and /Lang need it.
        _ => pdf.set_version(1, 4),
    }
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (next(), next())).collect();
    let page_refs: Vec<Ref> = page_ids.iter().map(|(p, _)| *p).collect();
    // PDF/X keeps annotations off the printed page: the press file has the
    // structure, the links stay in the files people read on screens. The
    // tree goes straight into the file: a chunk copied in would hold it
    // twice, and a long statement's tree has an entry for every line.
    let links = setup.standard.is_none();
    let tree = tags::write(
        &mut pdf,
        &marked,
        &page_refs,
        &langs,
        links,
        &web.targets,
        &mut next,
    );
    drop(marked);
    write_pages(
        &mut pdf,
        &pages,
        &contents,
        &ids,
        setup,
        &page_ids,
        &tree.annots,
    );
    let struct_tree = tree.root;
    let spaces = write_color_spaces(&mut pdf, &painter, &mut next);
    write_resources(
        &mut pdf,
        ids.resources,
        &resources,
        &font_refs,
        &image_refs,
        &spaces,
    );
    for chunk in &font_chunks {
        pdf.extend(chunk);
    }
    for ((picture, _), r) in images.iter().zip(&image_refs) {
        pdf.extend(&image::embed(picture, setup, r)?);
    }
    write_catalog(&mut pdf, &ids, meta, setup, struct_tree, &mut next)?;
    pdf.set_file_id((
        finish::ID_PLACEHOLDER.to_vec(),
        finish::ID_PLACEHOLDER.to_vec(),
    ));
    let mut bytes = pdf.finish();
    finish::set_id(&mut bytes);
    Ok(bytes)
}

/// Each picture once, with its resource name: one image XObject serves
/// every placement (imposition repeats a picture). Names are numbered, not
/// random, so the same input gives the same file.
fn distinct_pictures(pages: &[Page]) -> Vec<(Arc<Picture>, String)> {
    let mut images: Vec<(Arc<Picture>, String)> = Vec::new();
    for placed in pages.iter().flat_map(|p| &p.pictures) {
        if !images.iter().any(|(p, _)| Arc::ptr_eq(p, &placed.picture)) {
            images.push((placed.picture.clone(), format!("Im{}", images.len() + 1)));
        }
    }
    images
}

/// The slow parts, spread over the cores: subsetting and compressing
/// fonts, writing and compressing page contents. Fonts go first: they are
/// the larger jobs. Returns the font chunks, the deflated page contents
/// and each page's tagged sequences, each in order.
#[allow(clippy::type_complexity)]
fn render(
    used: &BTreeMap<FaceId, FontUse>,
    font_refs: &[FontRefs],
    pages: &[Page],
    marks: &[MarkSet],
    web: &weblinks::WebLinks,
    resources: &Resources,
) -> Result<(Vec<Chunk>, Vec<Vec<u8>>, Vec<tags::Marker>)> {
    enum Job<'p> {
        Font(&'p FontUse<'p>, &'p FontRefs),
        Page(&'p Page, &'p MarkSet, &'p [weblinks::Fragment]),
    }
    enum Done {
        Font(Chunk),
        Page(Vec<u8>, tags::Marker),
    }
    let jobs: Vec<Job> = used
        .values()
        .zip(font_refs)
        .map(|(f, r)| Job::Font(f, r))
        .chain(
            pages
                .iter()
                .zip(marks)
                .enumerate()
                .map(|(k, (p, m))| Job::Page(p, m, web.on_page(k))),
        )
        .collect();
    let mut font_chunks = Vec::with_capacity(font_refs.len());
    let mut contents = Vec::with_capacity(pages.len());
    let mut marked = Vec::with_capacity(pages.len());
    for done in parallel_map(&jobs, |job| match job {
        Job::Font(f, r) => font::embed(f, r).map(Done::Font),
        Job::Page(page, marks, links) => {
            let (content, marked) = content::page_content(page, marks, resources, links);
            deflate(&content, Packing::General).map(|c| Done::Page(c, marked))
        }
    }) {
        match done? {
            Done::Font(chunk) => font_chunks.push(chunk),
            Done::Page(content, m) => {
                contents.push(content);
                marked.push(m);
            }
        }
    }
    Ok((font_chunks, contents, marked))
}

/// The page objects (`page_ids`: each page's and its content stream's)
/// with their boxes, content streams and link annotations, and the page
/// tree. Page `i` is key `i` of the structure tree's parent tree.
fn write_pages(
    pdf: &mut Pdf,
    pages: &[Page],
    contents: &[Vec<u8>],
    ids: &DocRefs,
    setup: &PrintSetup,
    page_ids: &[(Ref, Ref)],
    annots: &[Vec<Ref>],
) {
    let slug = setup.slug();
    let bleed = setup.bleed;
    for (i, ((page, (page_id, content_id)), content)) in
        pages.iter().zip(page_ids).zip(contents).enumerate()
    {
        let (w, h) = (page.width, page.height);
        let media = rect(Length::ZERO, Length::ZERO, w + slug * 2.0, h + slug * 2.0);
        // MediaBox ⊇ BleedBox ⊇ TrimBox; the CropBox is the media box, so
        // viewers show the marks too.
        let mut p = pdf.page(*page_id);
        if let Some(links) = annots.get(i).filter(|a| !a.is_empty()) {
            // Tab through links in the order they are read.
            p.annotations(links.iter().copied())
                .tab_order(TabOrder::StructureOrder);
        }
        p.parent(ids.tree)
            .media_box(media)
            .crop_box(media)
            .bleed_box(rect(
                slug - bleed,
                slug - bleed,
                slug + w + bleed,
                slug + h + bleed,
            ))
            .trim_box(rect(slug, slug, slug + w, slug + h))
            .contents(*content_id)
            .struct_parents(i as i32)
            .pair(Name(b"Resources"), ids.resources);
        p.finish();
        pdf.stream(*content_id, content).filter(Filter::FlateDecode);
    }
    pdf.pages(ids.tree)
        .kids(page_ids.iter().map(|(p, _)| *p))
        .count(page_ids.len() as i32);
}

/// The separation colour spaces the painter used, by resource name.
fn write_color_spaces<'p>(
    pdf: &mut Pdf,
    painter: &'p Painter,
    next: &mut impl FnMut() -> Ref,
) -> Vec<(&'p str, Ref)> {
    let mut chunk = Chunk::new();
    let named = finish::color_spaces(&mut chunk, painter.separations(), next);
    pdf.extend(&chunk);
    named
}

/// The one resource dictionary all pages share: fonts, pictures and
/// colour spaces by the names the content streams use.
fn write_resources(
    pdf: &mut Pdf,
    id: Ref,
    resources: &Resources,
    font_refs: &[FontRefs],
    image_refs: &[ImageRefs],
    spaces: &[(&str, Ref)],
) {
    let mut res = pdf.indirect(id).start::<pdf_writer::writers::Resources>();
    let mut dict = res.fonts();
    for (f, r) in resources.fonts.values().zip(font_refs) {
        dict.pair(Name(f.resource.as_bytes()), r.type0);
    }
    dict.finish();
    if !resources.images.is_empty() {
        let mut dict = res.x_objects();
        for ((_, name), r) in resources.images.iter().zip(image_refs) {
            dict.pair(Name(name.as_bytes()), r.image);
        }
    }
    if !spaces.is_empty() {
        let mut dict = res.color_spaces();
        for (name, r) in spaces {
            dict.pair(Name(name.as_bytes()), *r);
        }
    }
}

/// The document's info, the PDF/X output intent and XMP metadata the
/// standard asks for, and the catalog pointing at them.
fn write_catalog(
    pdf: &mut Pdf,
    ids: &DocRefs,
    meta: &PdfMeta,
    setup: &PrintSetup,
    struct_tree: Ref,
    next: &mut impl FnMut() -> Ref,
) -> Result<()> {
    finish::info(pdf, ids.info, meta, setup.standard);
    let intent = match setup.standard {
        Some(_) => finish::output_intent(pdf, setup, next)?,
        None => None,
    };
    // PDF/X-4 requires XMP; files read on screens carry it for their
    // readers (PDF/UA looks for the title there). PDF/X-1a:2003 goes to
    // the press on its Info dictionary, as that standard's checkers expect.
    let xmp = match setup.standard {
        Some(Standard::X4) => Some((next(), finish::xmp(meta, Some(Standard::X4)))),
        None => Some((next(), finish::xmp(meta, None))),
        _ => None,
    };
    if let Some((id, xml)) = &xmp {
        pdf.metadata(*id, xml.as_bytes());
    }
    let mut catalog = pdf.catalog(ids.catalog);
    catalog.pages(ids.tree);
    // Tagged: the structure tree says what the content is (see `tags`).
    catalog.pair(Name(b"StructTreeRoot"), struct_tree);
    catalog.mark_info().marked(true);
    if !meta.title.is_empty() {
        // Viewers show the title, not the file name, in the title bar.
        catalog.viewer_preferences().display_doc_title(true);
    }
    if !meta.lang.is_empty() {
        catalog.lang(TextStr(&meta.lang));
    }
    if let Some((id, _)) = &xmp {
        catalog.metadata(*id);
    }
    if let Some(intent) = intent {
        catalog.insert(Name(b"OutputIntents")).array().item(intent);
    }
    Ok(())
}

/// `f` over `items` on all cores (this thread is one of the workers),
/// results in the items' order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    // Workers take the next item as they come free, so one long job does
    // not hold up the rest.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            out.push((i, f(item)));
        }
        out
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut done = work();
        for h in helpers {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        done
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// How hard to compress a stream. Levels are libdeflate's; measured on the
/// reference leaflet and a 48-page statement, against zlib-rs (a port of
/// zlib-ng) at its level 4, which handbill used before.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Packing {
    /// Content streams, CMaps, pictures, profiles: level 4. Within 1% of
    /// zlib-rs's size in 70% of its time; level 6 is 7% smaller on long
    /// documents for 1.7 times the work.
    General = 0,
    /// Font programs: level 1. Glyph outlines barely compress: level 1 is
    /// 2% larger than level 4 in 60% of its time, and still smaller than
    /// zlib-rs's level 4 in a quarter of its time.
    Font = 1,
}

impl Packing {
    fn level(self) -> libdeflater::CompressionLvl {
        let level = match self {
            Packing::General => 4,
            Packing::Font => 1,
        };
        libdeflater::CompressionLvl::new(level).unwrap_or_default()
    }
}

/// Flate-compressed bytes (zlib, as /FlateDecode wants). libdeflate, not a
/// zlib: PDF streams are compressed whole, never as a stream of pieces,
/// and libdeflate's one-shot compressor is twice as fast as zlib-ng's for
/// the same size.
fn deflate(bytes: &[u8], packing: Packing) -> Result<Vec<u8>> {
    thread_local! {
        // A compressor per level (indexed by `Packing`) and thread, made on
        // first use: each holds its hash tables, which are costly to
        // allocate for every stream.
        static Z: std::cell::RefCell<[Option<libdeflater::Compressor>; 2]> =
            const { std::cell::RefCell::new([None, None]) };
    }
    Z.with_borrow_mut(|z| {
        let z = z[packing as usize]
            .get_or_insert_with(|| libdeflater::Compressor::new(packing.level()));
        let mut out = vec![0; z.zlib_compress_bound(bytes.len())];
        let n = z.zlib_compress(bytes, &mut out).map_err(|e| Error::Io {
            path: "PDF".into(),
            message: format!("could not compress a stream: {e}"),
        })?;
        out.truncate(n);
        Ok(out)
    })
}

fn rect(x0: Length, y0: Length, x1: Length, y1: Length) -> Rect {
    Rect::new(pt(x0), pt(y0), pt(x1), pt(y1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Both levels write zlib streams (header and checksum, as /FlateDecode
    /// wants, not raw deflate) that inflate to the input, empty input too.
    #[test]
    fn deflate_writes_zlib_streams() {
        let text: Vec<u8> = (0..20_000u32)
            .flat_map(|i| format!("{} 0 Td <00{:02x}> Tj\n", i % 97, i % 251).into_bytes())
            .collect();
        for packing in [Packing::General, Packing::Font] {
            for input in [&text[..], b""] {
                let packed = deflate(input, packing).unwrap();
                assert_eq!(packed[0] & 0x0f, 8, "zlib header, method deflate");
                let mut back = Vec::new();
                flate2::read::ZlibDecoder::new(&packed[..])
                    .read_to_end(&mut back)
                    .unwrap();
                assert_eq!(back, input);
                if !input.is_empty() {
                    assert!(
                        packed.len() < input.len() / 4,
                        "{packing:?}: {}",
                        packed.len()
                    );
                }
            }
        }
    }
}

//! Embedding fonts: each face a document uses becomes a subset CID font
//! (Type0 over CIDFontType2, or CIDFontType0 for CFF outlines), with a
//! ToUnicode map so that every glyph can be copied and searched as the text
//! it stands for.
//!
//! The subset keeps only the glyphs the pages show (the `subsetter` crate,
//! which reads just those glyphs); its glyph ids are the CIDs the content
//! streams use, so the CIDToGIDMap is the identity.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref, Str};
use subsetter::GlyphRemapper;

use super::glyph_text::{glyph_texts, GlyphText};
use super::{deflate, Packing};
use crate::compose::pages::Page;
use crate::error::{Error, Location, Result};
use crate::typeset::fonts::{Face, FaceId};
use crate::typeset::line::{Cluster, PlacedGlyph};

/// A face as the content streams address it.
pub(super) struct FontUse<'a> {
    pub(super) face: &'a Face,
    /// The resource name (`F0`, `F1`, …).
    pub(super) resource: String,
    /// Original glyph id → CID (the glyph's id in the subset).
    remapper: GlyphRemapper,
    /// The used glyphs' original ids, ascending.
    used: Vec<u16>,
    /// The text each glyph is copied as (its ToUnicode entry), by original
    /// id; [`Cluster::Continued`] for a glyph with none (a mark that only
    /// ever continues a cluster, or an unused glyph).
    unicode: Vec<Cluster>,
    /// The /W width of each used glyph, by original id (0 for unused ones).
    widths: Vec<f32>,
}

impl FontUse<'_> {
    /// The CID that shows `gid`: its id in the subset.
    pub(super) fn cid(&self, gid: u16) -> u16 {
        self.remapper.get(gid).unwrap_or(0)
    }

    /// A glyph's width as written into /W, in thousandths of an em. Content
    /// streams position glyphs relative to exactly this number.
    pub(super) fn width(&self, gid: u16) -> f32 {
        self.widths.get(usize::from(gid)).copied().unwrap_or(0.0)
    }

    /// The text the ToUnicode map gives `gid`, as a cluster
    /// ([`Cluster::Continued`] for none).
    pub(super) fn unicode(&self, gid: u16) -> &Cluster {
        self.unicode
            .get(usize::from(gid))
            .unwrap_or(&Cluster::Continued)
    }
}

fn width(face: &Face, gid: u16) -> f32 {
    // Two decimals: finer than any printer, and short in the file.
    ((face.advance_em(gid) * 1000.0) * 100.0).round() as f32 / 100.0
}

/// The faces `pages` use, in face order, with the glyphs each shows.
pub(super) fn collect<'a>(
    pages: &[Page],
    faces: impl Iterator<Item = (FaceId, &'a Face)>,
) -> BTreeMap<FaceId, FontUse<'a>> {
    // Per face, flat tables by glyph id (a long document shows a few
    // hundred glyphs a quarter of a million times): which are used, and
    // the text each is copied as.
    let faces: Vec<(FaceId, &Face)> = faces.collect();
    // By the face's place in `faces`, found once per run.
    let mut tables: Vec<Option<(Vec<bool>, Vec<GlyphText>)>> = faces.iter().map(|_| None).collect();
    // A cluster's glyphs, gathered across the runs of a line: a line may
    // start a new run inside a cluster (a Thai tone mark over a vowel sign),
    // and the glyphs continuing it belong to its text. Those of a face not
    // in `faces` are dropped.
    let mut cluster: Vec<&PlacedGlyph> = Vec::new();
    let mut note = |slot: Option<usize>, cluster: &mut Vec<&PlacedGlyph>| {
        if let Some(slot) = slot {
            let face = faces[slot].1;
            let (used, unicode) = tables[slot].get_or_insert_with(|| {
                let n = usize::from(face.shaper.number_of_glyphs());
                let none = GlyphText {
                    text: Cluster::Continued,
                    nominal: false,
                };
                (vec![false; n], vec![none; n])
            });
            glyph_texts(face, cluster, |gid, candidate| {
                let k = usize::from(gid);
                let (Some(used), Some(text)) = (used.get_mut(k), unicode.get_mut(k)) else {
                    return;
                };
                *used = true;
                if candidate.better_than(text) {
                    *text = candidate;
                }
            });
        }
        cluster.clear();
    };
    for line in pages.iter().flat_map(|p| &p.lines) {
        let mut current = None;
        for run in &line.line.runs {
            let slot = faces.iter().position(|(id, _)| *id == run.face);
            for g in &run.glyphs {
                if g.text != Cluster::Continued || slot != current {
                    note(current, &mut cluster);
                }
                current = slot;
                cluster.push(g);
            }
        }
        note(current, &mut cluster);
    }
    let mut out = BTreeMap::new();
    for ((id, face), table) in faces.into_iter().zip(tables) {
        let Some((flags, unicode)) = table else {
            continue;
        };
        let unicode: Vec<Cluster> = unicode.into_iter().map(|t| t.text).collect();
        let used: Vec<u16> = (0..=u16::MAX)
            .zip(&flags)
            .filter(|(_, &u)| u)
            .map(|(gid, _)| gid)
            .collect();
        let mut remapper = GlyphRemapper::new();
        // Glyph 0 (.notdef) must stay glyph 0 of the subset.
        remapper.remap(0);
        for &gid in &used {
            remapper.remap(gid);
        }
        let mut widths = vec![0.0; flags.len()];
        for &gid in &used {
            widths[usize::from(gid)] = width(face, gid);
        }
        let resource = format!("F{}", out.len());
        out.insert(
            id,
            FontUse {
                face,
                resource,
                remapper,
                used,
                unicode,
                widths,
            },
        );
    }
    out
}

/// References for one embedded font.
pub(super) struct FontRefs {
    pub(super) type0: Ref,
    cid: Ref,
    descriptor: Ref,
    cmap: Ref,
    program: Ref,
}

impl FontRefs {
    /// Five consecutive references from `next`.
    pub(super) fn allocate(next: &mut impl FnMut() -> Ref) -> FontRefs {
        FontRefs {
            type0: next(),
            cid: next(),
            descriptor: next(),
            cmap: next(),
            program: next(),
        }
    }
}

/// Writes a subset of the font with its dictionaries into a chunk.
pub(super) fn embed(font: &FontUse, refs: &FontRefs) -> Result<Chunk> {
    let face = font.face;
    let cff = face.shaper.tables().cff.is_some();
    let program = subset_program(font, cff)?;
    let ps_name = postscript_name(face);
    let base = format!("{}+{}", subset_tag(&ps_name, font), ps_name);
    let mut chunk = Chunk::new();
    write_font_dicts(&mut chunk, font, refs, &base, cff);
    write_descriptor(&mut chunk, face, refs, &base, cff);
    write_streams(&mut chunk, font, refs, &program, cff)?;
    Ok(chunk)
}

/// The font program holding only the used glyphs. A CFF font is embedded
/// as its bare CFF table (CIDFontType0C), which every PDF version and
/// PDF/X level accepts.
fn subset_program(font: &FontUse, cff: bool) -> Result<Vec<u8>> {
    let face = font.face;
    let failed = |message: String| Error::Font {
        at: Location::file(face.name.clone()),
        message,
    };
    let subset = subsetter::subset(face.data, face.index, &font.remapper)
        .map_err(|e| failed(format!("could not subset the font for the PDF ({e})")))?;
    if !cff {
        return Ok(subset);
    }
    ttf_parser::RawFace::parse(&subset, 0)
        .ok()
        .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"CFF ")))
        .map(<[u8]>::to_vec)
        .ok_or_else(|| failed("the subset font has no CFF table".into()))
}

/// The Type0 font the pages name and its CID font with the glyph widths.
fn write_font_dicts(chunk: &mut Chunk, font: &FontUse, refs: &FontRefs, base: &str, cff: bool) {
    chunk
        .type0_font(refs.type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(refs.cid)
        .to_unicode(refs.cmap);

    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let mut cid = chunk.cid_font(refs.cid);
    cid.subtype(if cff {
        CidFontType::Type0
    } else {
        CidFontType::Type2
    })
    .base_font(Name(base.as_bytes()))
    .system_info(system)
    .font_descriptor(refs.descriptor)
    .default_width(0.0);
    if !cff {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    // CIDs are consecutive from 0 in the subset: one run of widths.
    let widths: Vec<f32> = font
        .remapper
        .remapped_gids()
        .map(|gid| width(font.face, gid))
        .collect();
    cid.widths().consecutive(0, widths);
    cid.finish();
}

/// The font descriptor: the metrics and flags a PDF reader uses when it
/// must substitute the font, and the reference to its program.
fn write_descriptor(chunk: &mut Chunk, face: &Face, refs: &FontRefs, base: &str, cff: bool) {
    let ttf = &face.shaper;
    let upem = face.units_per_em as f32;
    let scale = |v: f32| (v * 1000.0 / upem).round();
    let bbox = ttf.global_bounding_box();
    let italic = ttf.italic_angle();
    let mut flags = FontFlags::SYMBOLIC;
    flags.set(FontFlags::ITALIC, italic != 0.0 || ttf.is_italic());
    flags.set(FontFlags::FIXED_PITCH, ttf.is_monospaced());
    // The usual estimate of the dominant stem width from the weight class.
    let weight = f32::from(ttf.weight().to_number());
    let mut descriptor = chunk.font_descriptor(refs.descriptor);
    descriptor
        .name(Name(base.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            scale(f32::from(bbox.x_min)),
            scale(f32::from(bbox.y_min)),
            scale(f32::from(bbox.x_max)),
            scale(f32::from(bbox.y_max)),
        ))
        .italic_angle(italic)
        .ascent((face.ascender * 1000.0).round() as f32)
        .descent((face.descender * 1000.0).round() as f32)
        .cap_height((face.cap_height * 1000.0).round() as f32)
        .stem_v((10.0 + 220.0 * (weight - 50.0) / 900.0).round());
    if cff {
        descriptor.font_file3(refs.program);
    } else {
        descriptor.font_file2(refs.program);
    }
    descriptor.finish();
}

/// The compressed streams: the ToUnicode CMap and the font program.
fn write_streams(
    chunk: &mut Chunk,
    font: &FontUse,
    refs: &FontRefs,
    program: &[u8],
    cff: bool,
) -> Result<()> {
    let cmap = unicode_cmap(font);
    chunk
        .cmap(refs.cmap, &deflate(&cmap, Packing::General)?)
        .filter(Filter::FlateDecode);

    let packed = deflate(program, Packing::Font)?;
    let mut stream = chunk.stream(refs.program, &packed);
    stream.filter(Filter::FlateDecode);
    if cff {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    } else {
        stream.pair(Name(b"Length1"), program.len() as i32);
    }
    stream.finish();
    Ok(())
}

/// The ToUnicode CMap: each CID to the text its glyph stands for.
fn unicode_cmap(font: &FontUse) -> Vec<u8> {
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"UCS"),
        supplement: 0,
    };
    let mut cmap = UnicodeCmap::new(Name(b"Adobe-Identity-UCS"), system);
    for &gid in &font.used {
        let cid = font.cid(gid);
        match font.unicode(gid) {
            Cluster::Char(c) => cmap.pair(cid, *c),
            Cluster::Text(text) => cmap.pair_with_multiple(cid, text.chars()),
            Cluster::Continued => {}
        }
    }
    cmap.finish().into_vec()
}

/// The font's PostScript name (name ID 6), or one made from its name.
fn postscript_name(face: &Face) -> String {
    let from_table = face
        .shaper
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string());
    let raw = from_table.unwrap_or_else(|| face.name.clone());
    // A PDF name must stay printable ASCII without delimiters.
    raw.chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .take(63)
        .collect()
}

/// The six capital letters that mark a subset, from the glyphs it holds:
/// the same subset always gets the same tag, different ones differ.
fn subset_tag(ps_name: &str, font: &FontUse) -> String {
    let mut h = std::hash::DefaultHasher::new();
    ps_name.hash(&mut h);
    for gid in &font.used {
        gid.hash(&mut h);
    }
    let mut n = Hasher::finish(&h);
    (0..6)
        .map(|_| {
            let c = (b'A' + (n % 26) as u8) as char;
            n /= 26;
            c
        })
        .collect()
}

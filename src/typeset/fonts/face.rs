//! One font face, parsed and checked, and the metrics the typesetter
//! reads from it.

use std::sync::OnceLock;

use crate::error::{Error, Location, Result};
use crate::units::Length;

/// One font face, parsed, with the metrics handbill uses.
pub struct Face {
    /// A name for messages and the PDF (family and style).
    pub name: String,
    /// The font program (a whole collection for a face of a `.ttc` file).
    pub data: &'static [u8],
    /// The face's index in `data`: 0 but for a face of a font collection.
    pub index: u32,
    /// The shaping face (it also answers glyph and metric queries).
    pub shaper: rustybuzz::Face<'static>,
    /// Font units per em.
    pub units_per_em: f64,
    /// Typographic ascender in em.
    pub ascender: f64,
    /// Typographic descender in em (negative below the baseline).
    pub descender: f64,
    /// Cap height in em.
    pub cap_height: f64,
    /// Glyph ids of the Basic Multilingual Plane, looked up a block at a
    /// time on first use: the setter asks for nearly every character it
    /// sets (several times), and each cmap lookup is a binary search.
    glyph_blocks: Box<[OnceLock<Box<[u32; GLYPH_BLOCK]>>]>,
}

/// The thickness of a strike-through line, in em, for a font that gives
/// neither a strikeout nor an underline thickness: about a regular
/// weight's stem.
const STRIKEOUT_THICKNESS_EM: f64 = 0.05;

/// Characters per block of [`Face::glyph`]'s cache: small enough that
/// filling a block costs little, as text uses few characters of a block.
const GLYPH_BLOCK: usize = 128;
/// A cache entry for a character the font lacks.
const NO_GLYPH: u32 = u32::MAX;

impl Face {
    pub(super) fn parse(
        name: String,
        data: &'static [u8],
        index: u32,
        origin: &str,
    ) -> Result<Face> {
        check_table_bounds(data, index, origin)?;
        let ttf = ttf_parser::Face::parse(data, index).map_err(|e| Error::Font {
            at: Location::file(origin),
            message: format!("not a usable TrueType/OpenType font ({e})"),
        })?;
        if let Some(permissions) = ttf.permissions() {
            if permissions == ttf_parser::Permissions::Restricted {
                return Err(Error::Font {
                    at: Location::file(origin),
                    message: "the font's licence bits (OS/2 fsType) forbid embedding it in a PDF; choose another font".into(),
                });
            }
        }
        if ttf.tables().cmap.is_none() {
            return Err(Error::Font {
                at: Location::file(origin),
                message: "the font maps no characters (it has no cmap table); it cannot set text"
                    .into(),
            });
        }
        let upem = f64::from(ttf.units_per_em());
        let ascender = f64::from(ttf.typographic_ascender().unwrap_or(ttf.ascender())) / upem;
        let descender = f64::from(ttf.typographic_descender().unwrap_or(ttf.descender())) / upem;
        let cap_height = ttf
            .capital_height()
            .map(|h| f64::from(h) / upem)
            .unwrap_or(ascender * 0.95);
        let shaper = rustybuzz::Face::from_face(ttf);
        Ok(Face {
            name,
            data,
            index,
            shaper,
            units_per_em: upem,
            ascender,
            descender,
            cap_height,
            glyph_blocks: (0..0x10000 / GLYPH_BLOCK)
                .map(|_| OnceLock::new())
                .collect(),
        })
    }

    /// The glyph for a character, if the font has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        let cp = c as usize;
        let Some(block) = self.glyph_blocks.get(cp / GLYPH_BLOCK) else {
            return self.shaper.glyph_index(c).map(|g| g.0);
        };
        let table = block.get_or_init(|| {
            let first = cp - cp % GLYPH_BLOCK;
            Box::new(std::array::from_fn(|k| {
                char::from_u32((first + k) as u32)
                    .and_then(|ch| self.shaper.glyph_index(ch))
                    .map_or(NO_GLYPH, |g| u32::from(g.0))
            }))
        });
        match table[cp % GLYPH_BLOCK] {
            NO_GLYPH => None,
            g => Some(g as u16),
        }
    }

    /// True when the font can show `c`.
    pub fn has_char(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// How far a glyph's outline reaches above and below the baseline, in
    /// em (below is negative); `None` for a glyph that draws nothing.
    pub fn ink_em(&self, gid: u16) -> Option<(f64, f64)> {
        let b = self.glyph_box(gid)?;
        let upem = self.units_per_em;
        Some((f64::from(b.y_max) / upem, f64::from(b.y_min) / upem))
    }

    /// Where a glyph's outline begins and ends across, in em from its
    /// origin; `None` for a glyph that draws nothing.
    pub fn ink_x_em(&self, gid: u16) -> Option<(f64, f64)> {
        let b = self.glyph_box(gid)?;
        let upem = self.units_per_em;
        Some((f64::from(b.x_min) / upem, f64::from(b.x_max) / upem))
    }

    /// A glyph's outline box in font units; `None` for a glyph that draws
    /// nothing. A TrueType glyph's header stores its box, which the font's
    /// compiler measured (it agrees with the outline in every glyph of the
    /// bundled fonts): reading it costs four numbers, where measuring the
    /// outline walks every point, and that was a tenth of a leaflet's build
    /// time (every line's ink is checked, and the preflight's). A variable
    /// font's header holds the default instance's box, and a CFF font has
    /// none; their outlines are measured.
    fn glyph_box(&self, gid: u16) -> Option<ttf_parser::Rect> {
        let id = ttf_parser::GlyphId(gid);
        match self.shaper.tables().glyf {
            Some(glyf) if !self.shaper.is_variable() => glyf.bbox(id),
            _ => self.shaper.glyph_bounding_box(id),
        }
    }

    /// Horizontal advance of a glyph, in em.
    pub fn advance_em(&self, gid: u16) -> f64 {
        f64::from(
            self.shaper
                .glyph_hor_advance(ttf_parser::GlyphId(gid))
                .unwrap_or(0),
        ) / self.units_per_em
    }

    /// The advance of a glyph at `size`.
    pub fn advance(&self, gid: u16, size: Length) -> Length {
        size * self.advance_em(gid)
    }

    /// Where a line striking text through lies: its middle's height above
    /// the baseline and its thickness, in em. From the font's OS/2 table;
    /// a font without one gets half its x-height (or a quarter of its
    /// ascender) and the underline's thickness, or a twentieth of an em.
    pub fn strikeout_em(&self) -> (f64, f64) {
        let upem = self.units_per_em;
        let strikeout = self.shaper.strikeout_metrics();
        let thickness = strikeout
            .or(self.shaper.underline_metrics())
            .map(|m| f64::from(m.thickness) / upem)
            .filter(|t| *t > 0.0)
            .unwrap_or(STRIKEOUT_THICKNESS_EM);
        // OS/2 gives the stroke's top edge: its middle is half a stroke
        // lower.
        let middle = match strikeout {
            Some(m) => f64::from(m.position) / upem - thickness / 2.0,
            None => match self.shaper.x_height() {
                Some(x) => f64::from(x) / upem / 2.0,
                None => self.ascender / 4.0,
            },
        };
        (middle, thickness)
    }

    /// The width of the word space at `size`.
    pub fn space_width(&self, size: Length) -> Length {
        match self.glyph(' ') {
            Some(g) => self.advance(g, size),
            None => size * 0.25,
        }
    }
}

/// A truncated or damaged file can still parse (ttf-parser skips tables it
/// cannot reach), and would then put broken glyphs into the PDF: every
/// table must lie inside the file.
fn check_table_bounds(data: &[u8], index: u32, origin: &str) -> Result<()> {
    let raw = ttf_parser::RawFace::parse(data, index).map_err(|e| Error::Font {
        at: Location::file(origin),
        message: format!("not a usable TrueType/OpenType font ({e})"),
    })?;
    for record in raw.table_records {
        let end = u64::from(record.offset) + u64::from(record.length);
        if end > data.len() as u64 {
            return Err(Error::Font {
                at: Location::file(origin),
                message: format!(
                    "the font file is truncated or damaged: its `{}` table runs past the end of the file",
                    record.tag
                ),
            });
        }
    }
    Ok(())
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

//! Fonts: the bundled families, font files named by a layout, and the
//! metrics the typesetter needs from them.
//!
//! Font data lives for the whole process: bundled fonts are compiled into the
//! binary, and a font file is read once per path and kept (shaping borrows
//! the bytes for as long as a face exists, and a leaflet run loads a handful
//! of faces at most).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::{Error, Location, Result};
use crate::statement::document::Style;
use crate::style::FontRef;
use crate::typeset::system_fonts::{self, HanRegion, SystemFace};
use crate::units::Length;

mod catalog;

pub use catalog::{bundled_families, chain_info, scripts_of, ChainEntry, FamilyInfo};

/// A bundled family: its name, the names layouts may use for it, and its faces.
struct BundledFamily {
    name: &'static str,
    aliases: &'static [&'static str],
    use_for: &'static str,
    /// Regular, italic, bold, bold italic; `None` where the family has no such face.
    faces: [Option<(&'static str, &'static [u8])>; 4],
}

macro_rules! font {
    ($file:literal) => {
        Some((
            $file,
            include_bytes!(concat!("../../../fonts/", $file)) as &'static [u8],
        ))
    };
}

static BUNDLED: &[BundledFamily] = &[
    BundledFamily {
        name: "Noto Serif",
        aliases: &["serif"],
        use_for: "body text",
        faces: [
            font!("NotoSerif-Regular.ttf"),
            font!("NotoSerif-Italic.ttf"),
            font!("NotoSerif-Bold.ttf"),
            font!("NotoSerif-BoldItalic.ttf"),
        ],
    },
    BundledFamily {
        name: "Noto Sans",
        aliases: &["sans", "sans-serif"],
        use_for: "headlines, meta lines, headings",
        faces: [
            font!("NotoSans-Regular.ttf"),
            font!("NotoSans-Italic.ttf"),
            font!("NotoSans-Bold.ttf"),
            font!("NotoSans-BoldItalic.ttf"),
        ],
    },
    BundledFamily {
        name: "Roboto Black",
        aliases: &["display"],
        use_for: "poster headlines (a heavy display face)",
        faces: [font!("Roboto-Black.ttf"), None, None, None],
    },
    // The fallback chain's fonts: one font per script or kind of symbol,
    // for characters the text's own font lacks.
    BundledFamily {
        name: "Noto Sans Armenian",
        aliases: &["armenian"],
        use_for: "fallback: Armenian",
        faces: [
            font!("NotoSansArmenian-Regular.ttf"),
            None,
            font!("NotoSansArmenian-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Georgian",
        aliases: &["georgian"],
        use_for: "fallback: Georgian",
        faces: [
            font!("NotoSansGeorgian-Regular.ttf"),
            None,
            font!("NotoSansGeorgian-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Naskh Arabic",
        aliases: &["arabic"],
        use_for: "fallback: Arabic, Persian, Urdu (Naskh, a text face)",
        faces: [
            font!("NotoNaskhArabic-Regular.ttf"),
            None,
            font!("NotoNaskhArabic-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Arabic",
        aliases: &["arabic-sans"],
        use_for: "script: Arabic headlines (a sans for display sizes)",
        faces: [
            font!("NotoSansArabic-Regular.ttf"),
            None,
            font!("NotoSansArabic-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Hebrew",
        aliases: &["hebrew"],
        use_for: "fallback: Hebrew, Yiddish",
        faces: [
            font!("NotoSansHebrew-Regular.ttf"),
            None,
            font!("NotoSansHebrew-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Devanagari",
        aliases: &["devanagari"],
        use_for: "fallback: Devanagari (Hindi, Marathi, Nepali)",
        faces: [
            font!("NotoSansDevanagari-Regular.ttf"),
            None,
            font!("NotoSansDevanagari-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Bengali",
        aliases: &["bengali"],
        use_for: "fallback: Bengali, Assamese",
        faces: [
            font!("NotoSansBengali-Regular.ttf"),
            None,
            font!("NotoSansBengali-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Tamil",
        aliases: &["tamil"],
        use_for: "fallback: Tamil",
        faces: [
            font!("NotoSansTamil-Regular.ttf"),
            None,
            font!("NotoSansTamil-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Telugu",
        aliases: &["telugu"],
        use_for: "fallback: Telugu",
        faces: [
            font!("NotoSansTelugu-Regular.ttf"),
            None,
            font!("NotoSansTelugu-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Kannada",
        aliases: &["kannada"],
        use_for: "fallback: Kannada",
        faces: [
            font!("NotoSansKannada-Regular.ttf"),
            None,
            font!("NotoSansKannada-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Malayalam",
        aliases: &["malayalam"],
        use_for: "fallback: Malayalam",
        faces: [
            font!("NotoSansMalayalam-Regular.ttf"),
            None,
            font!("NotoSansMalayalam-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Gujarati",
        aliases: &["gujarati"],
        use_for: "fallback: Gujarati",
        faces: [
            font!("NotoSansGujarati-Regular.ttf"),
            None,
            font!("NotoSansGujarati-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Gurmukhi",
        aliases: &["gurmukhi"],
        use_for: "fallback: Gurmukhi (Punjabi)",
        faces: [
            font!("NotoSansGurmukhi-Regular.ttf"),
            None,
            font!("NotoSansGurmukhi-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Oriya",
        aliases: &["oriya"],
        use_for: "fallback: Odia (Oriya)",
        faces: [
            font!("NotoSansOriya-Regular.ttf"),
            None,
            font!("NotoSansOriya-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Sinhala",
        aliases: &["sinhala"],
        use_for: "fallback: Sinhala",
        faces: [
            font!("NotoSansSinhala-Regular.ttf"),
            None,
            font!("NotoSansSinhala-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Thai",
        aliases: &["thai"],
        use_for: "fallback: Thai",
        faces: [
            font!("NotoSansThai-Regular.ttf"),
            None,
            font!("NotoSansThai-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Lao",
        aliases: &["lao"],
        use_for: "fallback: Lao",
        faces: [
            font!("NotoSansLao-Regular.ttf"),
            None,
            font!("NotoSansLao-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Khmer",
        aliases: &["khmer"],
        use_for: "fallback: Khmer",
        faces: [
            font!("NotoSansKhmer-Regular.ttf"),
            None,
            font!("NotoSansKhmer-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Myanmar",
        aliases: &["myanmar"],
        use_for: "fallback: Myanmar (Burmese)",
        faces: [
            font!("NotoSansMyanmar-Regular.ttf"),
            None,
            font!("NotoSansMyanmar-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Ethiopic",
        aliases: &["ethiopic"],
        use_for: "fallback: Ethiopic (Amharic, Tigrinya)",
        faces: [
            font!("NotoSansEthiopic-Regular.ttf"),
            None,
            font!("NotoSansEthiopic-Bold.ttf"),
            None,
        ],
    },
    BundledFamily {
        name: "Noto Sans Math",
        aliases: &["math"],
        use_for: "fallback: mathematical symbols, arrows",
        faces: [font!("NotoSansMath-Regular.ttf"), None, None, None],
    },
    BundledFamily {
        name: "Noto Sans Symbols",
        aliases: &["symbols"],
        use_for: "fallback: symbols (☭ ☮ ♀ …)",
        faces: [font!("NotoSansSymbols-Regular.ttf"), None, None, None],
    },
    BundledFamily {
        name: "Noto Sans Symbols 2",
        aliases: &["symbols2"],
        use_for: "fallback: dingbats, shapes (★ ✓ ➜ …)",
        faces: [font!("NotoSansSymbols2-Regular.ttf"), None, None, None],
    },
    BundledFamily {
        name: "Noto Emoji",
        aliases: &["emoji"],
        use_for: "fallback: emoji, in black and white",
        faces: [font!("NotoEmoji-Regular.ttf"), None, None, None],
    },
];

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
    fn parse(name: String, data: &'static [u8], index: u32, origin: &str) -> Result<Face> {
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

/// Index of a face in a [`FontBook`]. A `u32`: every glyph waiting to be
/// set carries one, and four bytes leave room there for its mark offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u32);

/// The faces one build uses, loaded on demand. A clone shares the faces
/// (they are behind `Arc`s): cheap, for a composition that may be
/// discarded.
#[derive(Clone, Default)]
pub struct FontBook {
    faces: Vec<Arc<Face>>,
    by_key: HashMap<FontKey, FaceId>,
    /// Bundled faces by slot, looked up without hashing: the setter asks
    /// for a face for every character it sets.
    bundled: Vec<Option<FaceId>>,
    /// The system face chosen for a character, or none, per design wanted.
    system: HashMap<SystemWanted, Option<FaceId>>,
    /// The order system faces are tried in, per design wanted.
    system_order: HashMap<(HanRegion, bool, bool), Vec<&'static SystemFace>>,
}

/// A character and the design a system face should have for it: the Han
/// region, serif, bold.
type SystemWanted = (char, HanRegion, bool, bool);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum FontKey {
    Bundled(usize),
    File(PathBuf),
    System(PathBuf, u32),
}

/// How a requested style was met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleMatch {
    /// The family has the face asked for.
    Exact,
    /// The family lacks it; another of its faces stands in (reported as a warning).
    Substituted,
}

impl FontBook {
    /// An empty book.
    pub fn new() -> FontBook {
        FontBook::default()
    }

    /// The face for `id`.
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0 as usize]
    }

    /// All faces loaded so far, with their ids.
    pub fn faces(&self) -> impl Iterator<Item = (FaceId, &Face)> {
        self.faces
            .iter()
            .enumerate()
            .map(|(i, f)| (FaceId(i as u32), f.as_ref()))
    }

    /// Finds (loading if needed) the face for a layout's font reference in a style.
    /// `origin` names the layout in messages. A font file must have letters:
    /// a symbol font cannot set a paragraph (it may serve in the fallback
    /// chain, see [`FontBook::resolve_fallback`]).
    pub fn resolve(
        &mut self,
        font: &FontRef,
        style: Style,
        origin: &str,
    ) -> Result<(FaceId, StyleMatch)> {
        let found = self.resolve_fallback(font, style, origin)?;
        if let FontRef::File(path) = font {
            let face = self.face(found.0);
            if !face.has_char('a') && !face.has_char('а') {
                return Err(Error::Font {
                    at: Location::file(path.display().to_string()),
                    message: "the font has no letters (no glyph for `a`); it cannot set text \
                              (a font for symbols or another script belongs in [body] fallback)"
                        .into(),
                });
            }
        }
        Ok(found)
    }

    /// Like [`FontBook::resolve`], for a font of the fallback chain, which
    /// may cover only a script or a set of symbols.
    pub fn resolve_fallback(
        &mut self,
        font: &FontRef,
        style: Style,
        origin: &str,
    ) -> Result<(FaceId, StyleMatch)> {
        let (key, matched) = match font {
            FontRef::Family(name) => {
                let index = bundled_family_index(name).ok_or_else(|| Error::Font {
                    at: Location::file(origin),
                    message: unknown_family_message(name),
                })?;
                let (slot, matched) = best_slot(&BUNDLED[index], style);
                (FontKey::Bundled(index * 4 + slot), matched)
            }
            FontRef::File(path) => {
                let matched = if style == Style::default() {
                    StyleMatch::Exact
                } else {
                    StyleMatch::Substituted
                };
                (FontKey::File(path.clone()), matched)
            }
        };
        if let FontKey::Bundled(k) = key {
            if let Some(Some(id)) = self.bundled.get(k) {
                return Ok((*id, matched));
            }
        }
        if let Some(&id) = self.by_key.get(&key) {
            return Ok((id, matched));
        }
        let face = match &key {
            FontKey::Bundled(k) => bundled_face(*k)?,
            FontKey::File(path) => file_face(path)?,
            FontKey::System(path, index) => {
                collection_face(path, *index, format!("{} #{index}", path.display()))?
            }
        };
        let id = FaceId(self.faces.len() as u32);
        self.faces.push(face);
        if let FontKey::Bundled(k) = key {
            if self.bundled.len() <= k {
                self.bundled.resize(k + 1, None);
            }
            self.bundled[k] = Some(id);
        }
        self.by_key.insert(key, id);
        Ok((id, matched))
    }
}

impl FontBook {
    /// A face among the system's fonts that has `c` (the fallback chain's
    /// `"system"` entry), for text in `region`'s design, `serif` or not, in
    /// `style`; `None` when no system font has it. Faces that cannot be
    /// read or may not be embedded are passed over: the system's fonts are
    /// not the user's choice, and another face may serve.
    pub fn system_face(
        &mut self,
        c: char,
        style: Style,
        region: HanRegion,
        serif: bool,
    ) -> Option<FaceId> {
        // A private-use character means what the font that made it says:
        // another font's glyph for it would be some other icon.
        if matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..) {
            return None;
        }
        let wanted = (c, region, serif, style.bold);
        if let Some(&found) = self.system.get(&wanted) {
            return found;
        }
        let order = self
            .system_order
            .entry((region, serif, style.bold))
            .or_insert_with(|| system_fonts::candidates(region, serif, style.bold))
            .clone();
        let mut found = None;
        for candidate in order {
            let key = FontKey::System(candidate.path.clone(), candidate.index);
            if let Some(&id) = self.by_key.get(&key) {
                if self.face(id).has_char(c) {
                    found = Some(id);
                    break;
                }
                continue;
            }
            let name = format!("{} {}", candidate.family, weight_name(candidate.weight));
            let Ok(face) = collection_face(&candidate.path, candidate.index, name) else {
                continue;
            };
            if !face.has_char(c) {
                continue;
            }
            let id = FaceId(self.faces.len() as u32);
            self.faces.push(face);
            self.by_key.insert(key, id);
            found = Some(id);
            break;
        }
        self.system.insert(wanted, found);
        found
    }
}

/// A weight's usual name, for a system face's name in messages and the PDF.
fn weight_name(weight: u16) -> &'static str {
    match weight {
        0..=349 => "Light",
        350..=549 => "Regular",
        550..=649 => "Medium",
        650..=849 => "Bold",
        _ => "Black",
    }
}

/// Which of a family's four slots serves `style`, nearest first.
fn best_slot(family: &BundledFamily, style: Style) -> (usize, StyleMatch) {
    let wanted = usize::from(style.italic) + 2 * usize::from(style.bold);
    let order: &[usize] = match wanted {
        0 => &[0],
        1 => &[1, 0],
        2 => &[2, 0],
        _ => &[3, 2, 1, 0],
    };
    for &slot in order {
        if family.faces[slot].is_some() {
            let m = if slot == wanted {
                StyleMatch::Exact
            } else {
                StyleMatch::Substituted
            };
            return (slot, m);
        }
    }
    (0, StyleMatch::Substituted)
}

fn bundled_family_index(name: &str) -> Option<usize> {
    // Called for every character set (fallback lookups): compare without
    // allocating. Family names and aliases are ASCII.
    let n = name.trim();
    BUNDLED.iter().position(|f| {
        f.name.eq_ignore_ascii_case(n) || f.aliases.iter().any(|a| a.eq_ignore_ascii_case(n))
    })
}

/// Bundled fallback families of a text design, each with the bundled sans
/// of its script. Noto Naskh is made for reading Arabic at text sizes; at a
/// headline's size, beside a sans, it looks like the wrong font, and Arabic
/// display type is a sans (the wish, and what Arabic newspapers do).
const SANS_PARTNERS: &[(&str, &str)] = &[("Noto Naskh Arabic", "Noto Sans Arabic")];

/// The font to use instead of fallback entry `font` for text whose own
/// face is a sans, when the entry has a sans partner.
pub fn sans_partner(font: &FontRef) -> Option<FontRef> {
    let FontRef::Family(name) = font else {
        return None;
    };
    let index = bundled_family_index(name)?;
    SANS_PARTNERS
        .iter()
        .find(|(text, _)| bundled_family_index(text) == Some(index))
        .map(|(_, sans)| FontRef::Family((*sans).to_string()))
}

/// True when `name` is a bundled family (its name or a short name like `sans`).
pub fn is_bundled_family(name: &str) -> bool {
    bundled_family_index(name).is_some()
}

/// The short names of the bundled families (`serif`, `sans`, …, `emoji`).
pub fn family_aliases() -> Vec<&'static str> {
    BUNDLED.iter().map(|f| f.aliases[0]).collect()
}

fn unknown_family_message(name: &str) -> String {
    let known: Vec<String> = BUNDLED
        .iter()
        .map(|f| format!("`{}` ({})", f.aliases[0], f.name))
        .collect();
    format!(
        "no bundled font family `{name}`; the bundled ones are {}, or give a font file path ending in .ttf or .otf",
        known.join(", ")
    )
}

/// Parsed bundled faces, shared by every build in the process.
fn bundled_face(key: usize) -> Result<Arc<Face>> {
    static CACHE: OnceLock<Mutex<HashMap<usize, Arc<Face>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(f) = map.get(&key) {
        return Ok(f.clone());
    }
    let family = &BUNDLED[key / 4];
    let (file, data) = family.faces[key % 4].ok_or_else(|| Error::Font {
        at: Location::file(family.name),
        message: "internal: missing bundled face".into(),
    })?;
    let face = Arc::new(Face::parse(face_name(family.name, key % 4), data, 0, file)?);
    map.insert(key, face.clone());
    Ok(face)
}

fn face_name(family: &str, slot: usize) -> String {
    let style = ["Regular", "Italic", "Bold", "Bold Italic"][slot];
    format!("{family} {style}")
}

/// Largest font file handbill reads: bigger than any Latin/Cyrillic/Greek
/// font, small enough that a wrong path (a video, a disk image) fails fast.
const MAX_FONT_FILE: u64 = 64 * 1024 * 1024;

/// Whether `path` is a font handbill can set and embed, read as a build
/// would read it (and kept, so the build does not read it again); the
/// error's words, for a layout that names it.
pub fn check_font_file(path: &Path) -> std::result::Result<(), String> {
    file_face(path).map(drop).map_err(|e| match e {
        Error::Font { message, .. } | Error::Io { message, .. } => message,
        other => other.to_string(),
    })
}

/// A font file, read once per path (and size/mtime) for the life of the process.
fn file_face(path: &Path) -> Result<Arc<Face>> {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "font".into());
    collection_face(path, 0, name)
}

/// Face `index` of a font file (a collection, `.ttc`, holds several), named
/// `name`; parsed once per face and file version, and the file read once
/// for all its faces.
pub(super) fn collection_face(path: &Path, index: u32, name: String) -> Result<Arc<Face>> {
    // A file's path, size and modification time: a changed file is read again.
    type Key = (PathBuf, u64, Option<std::time::SystemTime>);
    type Faces = Mutex<HashMap<(Key, u32), Arc<Face>>>;
    static FILES: OnceLock<Mutex<HashMap<Key, &'static [u8]>>> = OnceLock::new();
    static FACES: OnceLock<Faces> = OnceLock::new();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    if meta.is_dir() {
        return Err(Error::Font {
            at: Location::file(path.display().to_string()),
            message: "is a directory, not a font file".into(),
        });
    }
    if meta.len() > MAX_FONT_FILE {
        return Err(Error::Font {
            at: Location::file(path.display().to_string()),
            message: format!(
                "is {} MB; handbill reads font files up to {} MB",
                meta.len() >> 20,
                MAX_FONT_FILE >> 20
            ),
        });
    }
    let key = (path.to_path_buf(), meta.len(), meta.modified().ok());
    let faces = FACES.get_or_init(Default::default);
    let mut faces = faces.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(f) = faces.get(&(key.clone(), index)) {
        return Ok(f.clone());
    }
    let files = FILES.get_or_init(Default::default);
    let mut files = files.lock().unwrap_or_else(|p| p.into_inner());
    let data = match files.get(&key) {
        Some(&data) => data,
        None => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
            // Kept for the process's life: the shaper borrows it (see module docs).
            let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            files.insert(key.clone(), data);
            data
        }
    };
    let face = Arc::new(Face::parse(name, data, index, &path.display().to_string())?);
    faces.insert((key, index), face.clone());
    Ok(face)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_family_has_four_real_faces() {
        let mut book = FontBook::new();
        for (italic, bold) in [(false, false), (true, false), (false, true), (true, true)] {
            let (_, m) = book
                .resolve(
                    &FontRef::Family("serif".into()),
                    Style {
                        italic,
                        bold,
                        strike: false,
                    },
                    "test",
                )
                .unwrap();
            assert_eq!(m, StyleMatch::Exact);
        }
        assert_eq!(book.faces().count(), 4);
    }

    #[test]
    fn bundled_fonts_cover_latin_cyrillic_greek() {
        for fam in bundled_families()
            .unwrap()
            .into_iter()
            .filter(|f| !f.use_for.starts_with("fallback") && !f.use_for.starts_with("script"))
        {
            for script in ["Latin", "Central European Latin", "Cyrillic", "Greek"] {
                assert!(fam.scripts.contains(&script), "{} lacks {script}", fam.name);
            }
        }
    }

    #[test]
    fn fallback_fonts_cover_their_scripts() {
        let families = bundled_families().unwrap();
        for (alias, script) in [
            ("armenian", "Armenian"),
            ("georgian", "Georgian"),
            ("arabic", "Arabic"),
            ("arabic-sans", "Arabic"),
            ("hebrew", "Hebrew"),
            ("devanagari", "Devanagari"),
            ("bengali", "Bengali"),
            ("tamil", "Tamil"),
            ("telugu", "Telugu"),
            ("kannada", "Kannada"),
            ("malayalam", "Malayalam"),
            ("gujarati", "Gujarati"),
            ("gurmukhi", "Gurmukhi"),
            ("oriya", "Oriya"),
            ("sinhala", "Sinhala"),
            ("thai", "Thai"),
            ("lao", "Lao"),
            ("khmer", "Khmer"),
            ("myanmar", "Myanmar"),
            ("ethiopic", "Ethiopic"),
            ("math", "Math"),
            ("symbols", "Symbols"),
            ("symbols2", "Dingbats"),
            ("emoji", "Emoji"),
        ] {
            let fam = families.iter().find(|f| f.alias == alias).unwrap();
            assert!(fam.scripts.contains(&script), "{alias}: {:?}", fam.scripts);
        }
    }

    #[test]
    fn unknown_family_is_named() {
        let mut book = FontBook::new();
        let e = book
            .resolve(&FontRef::Family("Comic".into()), Style::default(), "l.toml")
            .unwrap_err();
        assert!(
            e.to_string().contains("no bundled font family `Comic`"),
            "{e}"
        );
    }

    #[test]
    fn bad_font_files_are_refused() {
        let dir = std::env::temp_dir().join(format!("handbill-fonttest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let junk = dir.join("junk.ttf");
        std::fs::write(&junk, b"this is not a font").unwrap();
        let mut book = FontBook::new();
        let e = book
            .resolve(&FontRef::File(junk), Style::default(), "l.toml")
            .unwrap_err();
        assert!(e.to_string().contains("not a usable"), "{e}");
        let e = book
            .resolve(&FontRef::File(dir.clone()), Style::default(), "l.toml")
            .unwrap_err();
        assert!(e.to_string().contains("directory"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

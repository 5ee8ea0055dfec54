//! The faces one build uses: a layout's font references resolved to faces,
//! loaded on demand, and the system's fonts searched for a character no
//! other font has.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::bundled::{
    best_slot, bundled_face, bundled_family_index, unknown_family_message, BUNDLED,
};
use super::face::Face;
use super::file::{collection_face, file_face};
use crate::error::{Error, Location, Result};
use crate::statement::document::Style;
use crate::style::FontRef;
use crate::typeset::system_fonts::{self, HanRegion, SystemFace};

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

//! What `handbill fonts` shows: the bundled families, a layout's fallback
//! chain, and the scripts each font covers (read from its character map).

use super::{bundled_face, Face, FontBook, BUNDLED};
use crate::error::Result;
use crate::statement::document::Style;
use crate::style::{Fallback, FontRef};
use crate::typeset::system_fonts::{self, HanRegion};

/// A bundled family as `handbill fonts` lists it.
#[derive(Clone, Debug)]
pub struct FamilyInfo {
    /// The family's name.
    pub name: &'static str,
    /// The short name layouts use.
    pub alias: &'static str,
    /// What the family is for.
    pub use_for: &'static str,
    /// Faces present, e.g. ["Regular", "Italic"].
    pub styles: Vec<&'static str>,
    /// Scripts the regular face covers, read from its character map.
    pub scripts: Vec<&'static str>,
}

/// Probe characters per script: a face covers a script when it has all of them.
const SCRIPT_PROBES: &[(&str, &str)] = &[
    ("Latin", "AZaz"),
    ("Central European Latin", "čćđšžőűłąęř"),
    ("Cyrillic", "АЯаяђћџљњјжщ"),
    ("Greek", "ΑΩαωάέήίόύώϊΐ"),
    ("Armenian", "ԱՖաֆ"),
    ("Georgian", "აჰ"),
    ("Arabic", "ابتثجحخپچگ"),
    ("Hebrew", "אבגדהוזחטי"),
    ("Devanagari", "अआकखगनमक्षि"),
    ("Bengali", "অআকখগনম"),
    ("Tamil", "அஆகஙசநம"),
    ("Telugu", "అఆకఖగనమ"),
    ("Kannada", "ಅಆಕಖಗನಮ"),
    ("Malayalam", "അആകഖഗനമ"),
    ("Gujarati", "અઆકખગનમ"),
    ("Gurmukhi", "ਅਆਕਖਗਨਮ"),
    ("Oriya", "ଅଆକଖଗନମ"),
    ("Sinhala", "අආකඛගනම"),
    ("Thai", "กขคงจฉ"),
    ("Lao", "ກຂຄງຈ"),
    ("Khmer", "កខគឃង"),
    ("Myanmar", "ကခဂဃင"),
    ("Ethiopic", "ሀለሐመሠ"),
    ("Han", "中文漢字国"),
    ("Kana", "あいうアイウ"),
    ("Hangul", "한국어글"),
    ("Math", "∀∑√≤∞∫"),
    ("Symbols", "☭☮♀♂"),
    ("Dingbats", "★✓✔➜"),
    ("Emoji", "✊📢😀👍"),
];

/// The scripts (and kinds of symbols) a face covers, by `SCRIPT_PROBES`.
pub fn scripts_of(face: &Face) -> Vec<&'static str> {
    SCRIPT_PROBES
        .iter()
        .filter(|(_, probe)| probe.chars().all(|c| face.has_char(c)))
        .map(|(name, _)| *name)
        .collect()
}

/// The bundled families, for `handbill fonts`.
pub fn bundled_families() -> Result<Vec<FamilyInfo>> {
    let mut out = Vec::new();
    for (i, fam) in BUNDLED.iter().enumerate() {
        let face = bundled_face(i * 4)?;
        let scripts = scripts_of(&face);
        let styles = ["Regular", "Italic", "Bold", "Bold Italic"]
            .iter()
            .zip(fam.faces.iter())
            .filter(|(_, f)| f.is_some())
            .map(|(s, _)| *s)
            .collect();
        out.push(FamilyInfo {
            name: fam.name,
            alias: fam.aliases[0],
            use_for: fam.use_for,
            styles,
            scripts,
        });
    }
    Ok(out)
}

/// One font of a fallback chain, as `handbill fonts` lists it.
#[derive(Clone, Debug)]
pub struct ChainEntry {
    /// The entry as the layout writes it (`armenian`, `fonts/x.ttf`).
    pub written: String,
    /// The font's name.
    pub name: String,
    /// Scripts and kinds of symbols it covers.
    pub scripts: Vec<&'static str>,
}

/// The fonts of a layout's fallback chain and what each covers. `origin`
/// names the layout in messages.
pub fn chain_info(chain: &Fallback, origin: &str) -> Result<Vec<ChainEntry>> {
    let mut book = FontBook::new();
    let mut out = Vec::with_capacity(chain.fonts.len() + 1);
    for font in &chain.fonts {
        let (id, _) = book.resolve_fallback(font, Style::default(), origin)?;
        let face = book.face(id);
        out.push(ChainEntry {
            written: match font {
                FontRef::Family(n) => n.clone(),
                FontRef::File(p) => p.display().to_string(),
            },
            name: face.name.clone(),
            scripts: scripts_of(face),
        });
    }
    if chain.system {
        let faces = system_fonts::all().len();
        let scripts = SCRIPT_PROBES
            .iter()
            .filter(|(_, probe)| {
                probe.chars().all(|c| {
                    book.system_face(c, Style::default(), HanRegion::Simplified, false)
                        .is_some()
                })
            })
            .map(|(name, _)| *name)
            .collect();
        out.push(ChainEntry {
            written: "system".into(),
            name: format!("the system's fonts ({faces} faces)"),
            scripts,
        });
    }
    Ok(out)
}

//! The bundled families: the fonts compiled into the binary, the names
//! layouts may call them by, and which of a family's faces serves a style.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::book::StyleMatch;
use super::face::Face;
use crate::error::{Error, Location, Result};
use crate::statement::document::Style;
use crate::style::FontRef;

/// A bundled family: its name, the names layouts may use for it, and its faces.
pub(super) struct BundledFamily {
    pub(super) name: &'static str,
    pub(super) aliases: &'static [&'static str],
    pub(super) use_for: &'static str,
    /// Regular, italic, bold, bold italic; `None` where the family has no such face.
    pub(super) faces: [Option<(&'static str, &'static [u8])>; 4],
}

macro_rules! font {
    ($file:literal) => {
        Some((
            $file,
            include_bytes!(concat!("../../../fonts/", $file)) as &'static [u8],
        ))
    };
}

pub(super) static BUNDLED: &[BundledFamily] = &[
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

/// Which of a family's four slots serves `style`, nearest first.
pub(super) fn best_slot(family: &BundledFamily, style: Style) -> (usize, StyleMatch) {
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

pub(super) fn bundled_family_index(name: &str) -> Option<usize> {
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

pub(super) fn unknown_family_message(name: &str) -> String {
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
pub(super) fn bundled_face(key: usize) -> Result<Arc<Face>> {
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

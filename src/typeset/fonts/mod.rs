//! Fonts: the bundled families, font files named by a layout, and the
//! metrics the typesetter needs from them.
//!
//! Font data lives for the whole process: bundled fonts are compiled into the
//! binary, and a font file is read once per path and kept (shaping borrows
//! the bytes for as long as a face exists, and a leaflet run loads a handful
//! of faces at most).

mod book;
mod bundled;
mod catalog;
mod face;
mod file;

pub use book::{FaceId, FontBook, StyleMatch};
pub use bundled::{family_aliases, is_bundled_family, sans_partner};
pub use catalog::{bundled_families, chain_info, scripts_of, ChainEntry, FamilyInfo};
pub use face::Face;
pub use file::check_font_file;

// For `catalog`, which lists the bundled families.
use bundled::{bundled_face, BUNDLED};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::document::Style;
    use crate::style::FontRef;

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
        let scratch = tempfile::Builder::new()
            .prefix("handbill-fonttest-")
            .tempdir()
            .unwrap();
        let dir = scratch.path();
        let junk = dir.join("junk.ttf");
        std::fs::write(&junk, b"this is not a font").unwrap();
        let mut book = FontBook::new();
        let e = book
            .resolve(&FontRef::File(junk), Style::default(), "l.toml")
            .unwrap_err();
        assert!(e.to_string().contains("not a usable"), "{e}");
        let e = book
            .resolve(
                &FontRef::File(dir.to_path_buf()),
                Style::default(),
                "l.toml",
            )
            .unwrap_err();
        assert!(e.to_string().contains("directory"), "{e}");
    }
}

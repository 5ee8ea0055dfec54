//! The system's fonts: the fallback chain's last entry, `"system"`.
//!
//! Chinese, Japanese and Korean faces hold tens of thousands of glyphs
//! (15–20 MB a face), too big to bundle; a system that shows these
//! languages has them installed (Debian's `fonts-noto-cjk`, macOS's
//! PingFang and Hiragino). `fontdb` finds the font files the way
//! fontconfig does; which face suits a character is decided here: the
//! families designed for the text's language first (the same Han
//! character is drawn differently in Chinese, Japanese and Korean
//! typography), then every other face, until one has the character.
//!
//! Reading and parsing a face happens only when a character reaches the
//! end of the chain, and once per face for the life of the process.

use std::path::PathBuf;
use std::sync::OnceLock;

/// A face among the system's fonts.
#[derive(Clone, Debug)]
pub struct SystemFace {
    /// Its file (a collection holds several faces).
    pub path: PathBuf,
    /// Its index in the file.
    pub index: u32,
    /// Its family name, as the font gives it in English.
    pub family: String,
    /// Its weight (400 regular, 700 bold).
    pub weight: u16,
    /// Whether it is an italic or oblique face.
    pub italic: bool,
}

/// Every face the system has, in a fixed order (by file and index) so that
/// the same fonts give the same choice.
pub fn all() -> &'static [SystemFace] {
    static FACES: OnceLock<Vec<SystemFace>> = OnceLock::new();
    FACES.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut faces: Vec<SystemFace> = db
            .faces()
            .filter_map(|f| {
                let path = match &f.source {
                    fontdb::Source::File(p) => p.clone(),
                    _ => return None,
                };
                Some(SystemFace {
                    path,
                    index: f.index,
                    family: f.families.first()?.0.clone(),
                    weight: f.weight.0,
                    italic: f.style != fontdb::Style::Normal,
                })
            })
            .collect();
        faces.sort_by(|a, b| (&a.path, a.index).cmp(&(&b.path, b.index)));
        faces
    })
}

/// Which regional design of Han characters (and of punctuation) a text
/// wants: the glyphs of one code point differ between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HanRegion {
    /// Chinese in simplified characters (mainland China, Singapore).
    Simplified,
    /// Chinese in traditional characters (Taiwan).
    Traditional,
    /// Chinese in traditional characters as Hong Kong writes them.
    HongKong,
    /// Japanese.
    Japanese,
    /// Korean.
    Korean,
}

impl HanRegion {
    /// The region a language tag asks for ("zh-Hant", "zh-TW", "ja", "ko");
    /// Simplified Chinese for any other (the most widely read).
    pub fn for_lang(tag: &str) -> HanRegion {
        let t = tag.to_ascii_lowercase();
        let mut parts = t.split(['-', '_']);
        match parts.next() {
            Some("ja") => HanRegion::Japanese,
            Some("ko") => HanRegion::Korean,
            Some("zh" | "yue") => {
                let rest: Vec<&str> = parts.collect();
                if rest.contains(&"hk") || rest.contains(&"mo") {
                    HanRegion::HongKong
                } else if rest.contains(&"hant") || rest.contains(&"tw") {
                    HanRegion::Traditional
                } else {
                    HanRegion::Simplified
                }
            }
            _ => HanRegion::Simplified,
        }
    }

    /// The suffix Noto and Source Han families use for the region.
    fn suffix(self) -> &'static str {
        match self {
            HanRegion::Simplified => "SC",
            HanRegion::Traditional => "TC",
            HanRegion::HongKong => "HK",
            HanRegion::Japanese => "JP",
            HanRegion::Korean => "KR",
        }
    }

    /// Families the platforms ship for the region, best first.
    fn platform_families(self) -> &'static [&'static str] {
        match self {
            HanRegion::Simplified => &["PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei"],
            HanRegion::Traditional => &["PingFang TC", "Microsoft JhengHei"],
            HanRegion::HongKong => &["PingFang HK", "Microsoft JhengHei"],
            HanRegion::Japanese => &["Hiragino Sans", "Hiragino Mincho ProN", "Yu Gothic"],
            HanRegion::Korean => &["Apple SD Gothic Neo", "Malgun Gothic"],
        }
    }
}

/// The system's faces in the order they are tried for a character: the
/// families made for `region` (serif designs first for `serif` text), the
/// platforms' own, then all others; within a family, the weight nearest
/// `bold`'s and upright before italic.
pub fn candidates(region: HanRegion, serif: bool, bold: bool) -> Vec<&'static SystemFace> {
    let r = region.suffix();
    let (first, second) = if serif {
        ("Serif", "Sans")
    } else {
        ("Sans", "Serif")
    };
    let mut preferred: Vec<String> = vec![
        format!("Noto {first} CJK {r}"),
        format!("Source Han {first} {r}"),
        format!("Noto {second} CJK {r}"),
        format!("Source Han {second} {r}"),
    ];
    preferred.extend(region.platform_families().iter().map(|f| f.to_string()));
    let rank = |family: &str| {
        preferred
            .iter()
            .position(|p| p.eq_ignore_ascii_case(family))
            .unwrap_or(preferred.len())
    };
    let wanted: u16 = if bold { 700 } else { 400 };
    let mut faces: Vec<&SystemFace> = all().iter().collect();
    faces.sort_by_key(|f| (rank(&f.family), f.weight.abs_diff(wanted), f.italic));
    faces
}

/// The Debian, Fedora and macOS answer to a missing Chinese, Japanese or
/// Korean font, for the error that names the characters.
pub const CJK_INSTALL_HINT: &str =
    "install Noto CJK (Debian/Ubuntu: `apt install fonts-noto-cjk`; \
     Fedora: `dnf install google-noto-sans-cjk-fonts`; macOS has PingFang and Hiragino) \
     and keep \"system\" last in `fallback`";

/// The same for a script handbill does not bundle (Tibetan, Tifinagh,
/// Cherokee, Syriac, Javanese …): Noto has a face for nearly every one.
pub const SCRIPT_INSTALL_HINT: &str =
    "install its Noto font (Debian/Ubuntu: `apt install fonts-noto-core`; \
     Fedora: the script's `google-noto-sans-…-fonts` package) \
     and keep \"system\" last in `fallback`";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_choose_the_han_design() {
        assert_eq!(HanRegion::for_lang("zh"), HanRegion::Simplified);
        assert_eq!(HanRegion::for_lang("zh-Hans-CN"), HanRegion::Simplified);
        assert_eq!(HanRegion::for_lang("zh-Hant"), HanRegion::Traditional);
        assert_eq!(HanRegion::for_lang("zh-TW"), HanRegion::Traditional);
        assert_eq!(HanRegion::for_lang("zh-HK"), HanRegion::HongKong);
        assert_eq!(HanRegion::for_lang("ja"), HanRegion::Japanese);
        assert_eq!(HanRegion::for_lang("ko-KR"), HanRegion::Korean);
        assert_eq!(HanRegion::for_lang("en"), HanRegion::Simplified);
    }
}

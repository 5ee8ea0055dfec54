//! Hyphenation: where a word may be broken, by language.
//!
//! Knuth–Liang patterns come from the `hyphenation` crate (embedded in the
//! binary). This module decides which words are hyphenated at all (not URLs,
//! e-mail addresses, numbers or ALL-CAPS words unless asked) and applies the
//! layout's minimum fragment lengths.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use hyphenation::{Hyphenator as _, Language, Load, Standard};
use rustc_hash::FxHashMap;

use crate::typeset::bidi::Direction;

/// Every pattern set of the `hyphenation` crate: the tag handbill writes
/// for it (BCP 47) and the other tags that select it. The match is
/// exhaustive, so a pattern set added by a new version of the crate cannot
/// go without a tag.
fn tags_of(lang: Language) -> (&'static str, &'static [&'static str]) {
    use Language::*;
    match lang {
        Afrikaans => ("af", &[]),
        Albanian => ("sq", &[]),
        Armenian => ("hy", &[]),
        Assamese => ("as", &[]),
        Basque => ("eu", &[]),
        Belarusian => ("be", &[]),
        Bengali => ("bn", &[]),
        Bulgarian => ("bg", &[]),
        Catalan => ("ca", &[]),
        // Patterns for pinyin (Chinese in Latin letters), not for Chinese characters.
        Chinese => ("zh-Latn-pinyin", &[]),
        Coptic => ("cop", &[]),
        Croatian => ("hr", &[]),
        Czech => ("cs", &[]),
        Danish => ("da", &[]),
        Dutch => ("nl", &[]),
        // "en-UK" is not a region code, but it is what people write.
        EnglishGB => (
            "en-GB",
            &["en-uk", "en-au", "en-nz", "en-ie", "en-za", "en-in"],
        ),
        EnglishUS => ("en-US", &["en"]),
        Esperanto => ("eo", &[]),
        Estonian => ("et", &[]),
        // One set for the Ethiopic script: Amharic, Tigrinya, Ge'ez.
        Ethiopic => ("mul-Ethi", &["am", "ti", "gez"]),
        Finnish => ("fi", &[]),
        FinnishScholastic => ("fi-x-school", &[]),
        French => ("fr", &[]),
        Friulan => ("fur", &[]),
        Galician => ("gl", &[]),
        Georgian => ("ka", &[]),
        German1901 => ("de-1901", &["de-de-1901", "de-at-1901"]),
        German1996 => (
            "de",
            &["de-1996", "de-de", "de-at", "de-de-1996", "de-at-1996"],
        ),
        GermanSwiss => ("de-CH", &["de-ch-1901", "de-ch-1996", "de-li"]),
        GreekAncient => ("grc", &[]),
        GreekMono => ("el", &["el-monoton", "el-gr", "el-cy"]),
        GreekPoly => ("el-polyton", &[]),
        Gujarati => ("gu", &[]),
        Hindi => ("hi", &[]),
        Hungarian => ("hu", &[]),
        Icelandic => ("is", &[]),
        // Malay spells as Indonesian does (one spelling since 1972) and
        // divides its syllables alike: the same patterns serve both.
        Indonesian => ("id", &["ms", "zsm"]),
        Interlingua => ("ia", &[]),
        Irish => ("ga", &[]),
        Italian => ("it", &[]),
        Kannada => ("kn", &[]),
        Kurmanji => ("kmr", &["ku", "ku-latn"]),
        Latin => ("la", &[]),
        LatinClassic => ("la-x-classic", &[]),
        LatinLiturgical => ("la-x-liturgic", &[]),
        Latvian => ("lv", &[]),
        Lithuanian => ("lt", &[]),
        Macedonian => ("mk", &[]),
        Malayalam => ("ml", &[]),
        Marathi => ("mr", &[]),
        Mongolian => ("mn-Cyrl", &["mn"]),
        NorwegianBokmal => ("nb", &["no", "nb-no", "no-no"]),
        NorwegianNynorsk => ("nn", &["nn-no"]),
        Occitan => ("oc", &[]),
        Oriya => ("or", &[]),
        Pali => ("pi", &[]),
        Panjabi => ("pa", &["pa-guru"]),
        Piedmontese => ("pms", &[]),
        Polish => ("pl", &[]),
        Portuguese => ("pt", &[]),
        Romanian => ("ro", &[]),
        Romansh => ("rm", &[]),
        Russian => ("ru", &[]),
        Sanskrit => ("sa", &[]),
        SerbianCyrillic => ("sr-Cyrl", &["sr"]),
        SerbocroatianCyrillic => ("sh-Cyrl", &["bs-cyrl"]),
        // The crate has no Serbian Latin set of its own; Serbo-Croatian
        // Latin is the same orthography (and serves Bosnian and Montenegrin).
        SerbocroatianLatin => (
            "sr-Latn",
            &["sh", "sh-latn", "bs", "bs-latn", "cnr", "cnr-latn"],
        ),
        SlavonicChurch => ("cu", &[]),
        Slovak => ("sk", &[]),
        Slovenian => ("sl", &[]),
        Spanish => ("es", &[]),
        Swedish => ("sv", &[]),
        Tamil => ("ta", &[]),
        Telugu => ("te", &[]),
        Thai => ("th", &[]),
        Turkish => ("tr", &[]),
        Turkmen => ("tk", &[]),
        Ukrainian => ("uk", &[]),
        Uppersorbian => ("hsb", &[]),
        Welsh => ("cy", &[]),
    }
}

/// The pattern sets, in the crate's order (see `tags_of`).
pub const LANGUAGES: [Language; 80] = {
    use Language::*;
    [
        Afrikaans,
        Albanian,
        Armenian,
        Assamese,
        Basque,
        Belarusian,
        Bengali,
        Bulgarian,
        Catalan,
        Chinese,
        Coptic,
        Croatian,
        Czech,
        Danish,
        Dutch,
        EnglishGB,
        EnglishUS,
        Esperanto,
        Estonian,
        Ethiopic,
        Finnish,
        FinnishScholastic,
        French,
        Friulan,
        Galician,
        Georgian,
        German1901,
        German1996,
        GermanSwiss,
        GreekAncient,
        GreekMono,
        GreekPoly,
        Gujarati,
        Hindi,
        Hungarian,
        Icelandic,
        Indonesian,
        Interlingua,
        Irish,
        Italian,
        Kannada,
        Kurmanji,
        Latin,
        LatinClassic,
        LatinLiturgical,
        Latvian,
        Lithuanian,
        Macedonian,
        Malayalam,
        Marathi,
        Mongolian,
        NorwegianBokmal,
        NorwegianNynorsk,
        Occitan,
        Oriya,
        Pali,
        Panjabi,
        Piedmontese,
        Polish,
        Portuguese,
        Romanian,
        Romansh,
        Russian,
        Sanskrit,
        SerbianCyrillic,
        SerbocroatianCyrillic,
        SerbocroatianLatin,
        SlavonicChurch,
        Slovak,
        Slovenian,
        Spanish,
        Swedish,
        Tamil,
        Telugu,
        Thai,
        Turkish,
        Turkmen,
        Ukrainian,
        Uppersorbian,
        Welsh,
    ]
};

/// The tag handbill writes for a pattern set, e.g. `sr-Latn`.
pub fn tag_for(lang: Language) -> &'static str {
    tags_of(lang).0
}

/// Maps a BCP 47 tag to a pattern set. Tags are matched case-insensitively
/// (`_` taken for `-`); a tag with subtags the table does not know falls back
/// to its shorter forms (`fr-CA` → `fr`, `sr-Latn-RS` → `sr-Latn`).
pub fn language_for_tag(tag: &str) -> Option<Language> {
    let t = tag.trim().replace('_', "-").to_lowercase();
    let mut candidate = t.as_str();
    loop {
        let found = LANGUAGES.iter().copied().find(|&l| {
            let (main, aliases) = tags_of(l);
            main.eq_ignore_ascii_case(candidate) || aliases.contains(&candidate)
        });
        if found.is_some() {
            return found;
        }
        let cut = candidate.rfind('-')?;
        // An unknown script (four letters) is not dropped: Mongolian in
        // Mongolian script is not Mongolian in Cyrillic, and "sr-Lant" is
        // a slip, not Serbian.
        let dropped = &candidate[cut + 1..];
        if dropped.len() == 4 && dropped.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        candidate = &candidate[..cut];
    }
}

/// The tags handbill can hyphenate, for messages.
pub fn known_tags() -> Vec<&'static str> {
    LANGUAGES.iter().map(|&l| tag_for(l)).collect()
}

/// A short list of the tags handbill can hyphenate, for messages.
pub fn known_tags_hint() -> &'static str {
    "en, en-GB, de, de-CH, fr, es, it, pt, nl, pl, cs, sk, sl, hr, sr-Cyrl, sr-Latn, ru, uk, bg, el, hu, ro, tr, sv, da, nb, fi, … (80 in all)"
}

/// Language names and frequent slips (country codes for language codes)
/// that mean a known tag, for suggestions.
const NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("british", "en-GB"),
    ("uk-en", "en-GB"),
    ("american", "en-US"),
    ("german", "de"),
    ("deutsch", "de"),
    ("french", "fr"),
    ("francais", "fr"),
    ("français", "fr"),
    ("spanish", "es"),
    ("espanol", "es"),
    ("español", "es"),
    ("italian", "it"),
    ("portuguese", "pt"),
    ("dutch", "nl"),
    ("polish", "pl"),
    ("czech", "cs"),
    ("cz", "cs"),
    ("slovak", "sk"),
    ("slovenian", "sl"),
    ("si", "sl"),
    ("croatian", "hr"),
    ("serbian", "sr-Cyrl"),
    ("srpski", "sr-Latn"),
    ("rs", "sr-Cyrl"),
    ("sr-latin", "sr-Latn"),
    ("sr-cyrillic", "sr-Cyrl"),
    ("bosnian", "bs"),
    ("russian", "ru"),
    ("ukrainian", "uk"),
    ("ua", "uk"),
    ("bulgarian", "bg"),
    ("macedonian", "mk"),
    ("belarusian", "be"),
    ("greek", "el"),
    ("gr", "el"),
    ("hungarian", "hu"),
    ("romanian", "ro"),
    ("turkish", "tr"),
    ("swedish", "sv"),
    ("se", "sv"),
    ("danish", "da"),
    ("dk", "da"),
    ("norwegian", "nb"),
    ("finnish", "fi"),
    ("estonian", "et"),
    ("ee", "et"),
    ("latvian", "lv"),
    ("lithuanian", "lt"),
    ("armenian", "hy"),
    ("georgian", "ka"),
    ("ge", "ka"),
    ("welsh", "cy"),
    ("irish", "ga"),
    ("catalan", "ca"),
    ("basque", "eu"),
    ("galician", "gl"),
    ("icelandic", "is"),
    ("albanian", "sq"),
    ("latin", "la"),
    ("esperanto", "eo"),
    ("hindi", "hi"),
    ("indonesian", "id"),
    ("afrikaans", "af"),
    ("turkmen", "tk"),
];

/// The known tag nearest to an unknown one, if one is close: the tag for a
/// language name or a country code written instead of a language code
/// ("german", "dk"), or a tag a slip away ("sr-Lant").
pub fn suggest_tag(tag: &str) -> Option<&'static str> {
    let t = tag.trim().replace('_', "-").to_lowercase();
    if let Some((_, known)) = NAMES.iter().find(|(name, _)| *name == t) {
        return Some(known);
    }
    let names: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
    if let Some(name) = crate::names::suggest(&t, &names).filter(|n| n.len() > 3) {
        return NAMES.iter().find(|(n, _)| *n == name).map(|(_, k)| *k);
    }
    let tags: Vec<&'static str> = LANGUAGES
        .iter()
        .flat_map(|&l| {
            let (main, aliases) = tags_of(l);
            std::iter::once(main).chain(aliases.iter().copied())
        })
        .collect();
    let near = crate::names::suggest(&t, &tags)?;
    // Report the tag handbill writes, not an alias.
    language_for_tag(near).map(tag_for)
}

/// Whether a language's writing breaks lines without hyphens, so that no
/// patterns are missing for it: Chinese, Japanese and Korean (lines break
/// between characters or at spaces), Thai, Lao, Khmer and Burmese (between
/// words, see `typeset::segment`), Vietnamese (it spaces its syllables,
/// none longer than seven letters, and divides none), and the Arabic-script
/// languages and
/// Hebrew, which do not divide words at line ends (every language
/// [`Direction::of_language`] sets right to left, and the Arabic-script
/// ones it does not know).
pub fn writes_without_hyphens(tag: &str) -> bool {
    if Direction::of_language(tag).is_rtl() {
        return true;
    }
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "zh" | "yue" | "ja" | "ko" | "th" | "lo" | "km" | "my" | "vi" | "ps" | "sd" | "ug"
    )
}

/// The place where the patterns of one language are kept once loaded.
type Cell = Arc<OnceLock<Option<Arc<Standard>>>>;

/// The cell of `lang`. Each language has its own, so a load on another
/// thread ([`preload`]) blocks only those who want the same language.
fn cell(lang: Language) -> Cell {
    static CELLS: OnceLock<Mutex<HashMap<Language, Cell>>> = OnceLock::new();
    CELLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .entry(lang)
        .or_default()
        .clone()
}

/// The patterns of `lang`, loaded once per process.
fn dictionary(lang: Language) -> Option<Arc<Standard>> {
    cell(lang)
        .get_or_init(|| Standard::from_embedded(lang).ok().map(Arc::new))
        .clone()
}

/// Starts loading the patterns for `tag` on another thread. Unpacking
/// patterns is about a twentieth of a one-page build; the layout's language
/// is usually the statement's, so its patterns can load while the statement
/// is read and its language detected. A later [`Hyphenator::new`] for the
/// same language waits for this load instead of repeating it.
pub fn preload(tag: &str) {
    let Some(lang) = language_for_tag(tag) else {
        return;
    };
    if cell(lang).get().is_none() {
        // A thread that cannot start only loses the head start.
        let _ = std::thread::Builder::new()
            .name("patterns".into())
            .spawn(move || dictionary(lang));
    }
}

/// The fewest letters a word must have for the patterns to break it, with
/// `min-left` and `min-right` allowing: a four-letter word cut in halves
/// ("gü- / nü", "ће- / мо", "la- / do") frees the line above of two
/// letters and leaves two alone on the next, which no reader finds worth
/// it. InDesign's default is the same, words of five letters or more; a
/// soft hyphen the writer typed still breaks any word. Counted in the
/// alphabets with capitals (Latin, Cyrillic, Greek, Armenian), where a
/// character is a letter: in an Indic word the count takes in vowel
/// signs and viramas, and a Hindi list item whose four-character "निगम"
/// could no longer break ended on "उठाए।" alone.
const SHORTEST_HYPHENATED: usize = 5;

/// Finds hyphenation points in words of one language.
#[derive(Clone)]
pub struct Hyphenator {
    dict: Option<Arc<Standard>>,
    min_left: usize,
    min_right: usize,
    caps: bool,
    /// Breaks of words already seen: a statement repeats its words, and
    /// fitting sets the text several times.
    seen: RefCell<FxHashMap<Box<str>, Box<[usize]>>>,
}

/// Most words remembered; past this, words are hyphenated afresh (a large
/// statement must not grow the cache without bound).
const SEEN_MAX: usize = 50_000;

/// Longest word remembered, in bytes: words that repeat are short, and a
/// cache of long random strings would hold as much as the statement again.
const SEEN_MAX_BYTES: usize = 64;

impl std::fmt::Debug for Hyphenator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hyphenator")
            .field("language", &self.dict.as_ref().map(|d| d.language()))
            .field("min_left", &self.min_left)
            .field("min_right", &self.min_right)
            .finish()
    }
}

impl Hyphenator {
    /// A hyphenator for `tag`; `None` when the language has no patterns.
    pub fn new(tag: &str, min_left: usize, min_right: usize, caps: bool) -> Option<Hyphenator> {
        let dict = dictionary(language_for_tag(tag)?)?;
        Some(Hyphenator {
            dict: Some(dict),
            min_left,
            min_right,
            caps,
            seen: RefCell::default(),
        })
    }

    /// A hyphenator that never hyphenates (hyphenation switched off); soft
    /// hyphens in the text are still honoured.
    pub fn disabled() -> Hyphenator {
        Hyphenator {
            dict: None,
            min_left: 2,
            min_right: 3,
            caps: false,
            seen: RefCell::default(),
        }
    }

    /// Whether a capital at the start of a word marks a name, so that the
    /// word is hyphenated only as a last resort (TeX's `\uchyph`). Not in
    /// German, where every noun is capitalised: there a capital says
    /// nothing, and long compounds need their breaks.
    pub fn capitals_mark_names(&self) -> bool {
        !self.dict.as_ref().is_some_and(|d| {
            matches!(
                d.language(),
                Language::German1901 | Language::German1996 | Language::GermanSwiss
            )
        })
    }

    /// Byte offsets inside `word` where it may be hyphenated.
    ///
    /// `word` is one run of letters (no spaces, no hyphens). Soft hyphens
    /// (U+00AD) written by the author win over the patterns. Words that are
    /// not ordinary words (digits, ALL CAPS unless allowed) get none.
    pub fn breaks(&self, word: &str) -> Vec<usize> {
        let mut out = Vec::new();
        self.each_break(word, |b| out.push(b));
        out
    }

    /// Calls `f` with each of [`Hyphenator::breaks`], in order, without
    /// collecting them (the setter asks for every word it sets).
    pub fn each_break(&self, word: &str, mut f: impl FnMut(usize)) {
        if word.contains('\u{AD}') {
            for (i, _) in word.match_indices('\u{AD}') {
                f(i + '\u{AD}'.len_utf8());
            }
            return;
        }
        let Some(dict) = &self.dict else {
            return;
        };
        // Only words that pass the checks below are remembered, so a word
        // found here needs no checking again.
        if let Some(b) = self.seen.borrow().get(word) {
            b.iter().for_each(|&b| f(b));
            return;
        }
        if !is_hyphenatable(word, self.caps) {
            return;
        }
        let chars = word.chars().count();
        let cased = word.chars().all(|c| c.is_lowercase() || c.is_uppercase());
        let shortest = if cased { SHORTEST_HYPHENATED } else { 0 };
        if chars < (self.min_left + self.min_right).max(shortest) {
            return;
        }
        let breaks: Box<[usize]> = dict
            .hyphenate(word)
            .breaks
            .into_iter()
            .filter(|&b| {
                let left = word[..b].chars().count();
                // A mark never starts a line: it would lose its letter.
                let splits_syllable = word[b..].starts_with(is_combining);
                left >= self.min_left && chars - left >= self.min_right && !splits_syllable
            })
            .collect();
        breaks.iter().for_each(|&b| f(b));
        let mut seen = self.seen.borrow_mut();
        if seen.len() < SEEN_MAX && word.len() <= SEEN_MAX_BYTES {
            seen.insert(word.into(), breaks);
        }
    }
}

/// True for a word made of letters only, not all capitals (unless `caps`).
fn is_hyphenatable(word: &str, caps: bool) -> bool {
    if !word.chars().all(|c| c.is_alphabetic() || is_combining(c)) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic());
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && letters.clone().all(char::is_uppercase);
    caps || !all_caps
}

/// A combining mark (general category M): accents, and the vowel signs,
/// viramas and nuktas that belong to a syllable of an Indic word
/// (the virama is not alphabetic in Unicode, yet "பாரம்பரிய" is one word).
pub fn is_combining(c: char) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// True for a token that must not be hyphenated or split at its hyphens by the
/// patterns: URLs, e-mail addresses, anything with digits. Not a run of
/// Chinese, Japanese or Southeast Asian text with digits in it: without
/// spaces such a "token" is a clause ("从1月1日起，平台把…"), and read as
/// an address it lost its breaks between characters: lines of a
/// justified paragraph ended ragged, cut "12 / 小时" anywhere, each cut
/// warned about as a word too long for the column.
pub fn is_literal_token(token: &str) -> bool {
    // One pass over the bytes (asked of every word set): `://`, a digit,
    // or both `@` and `.`; ASCII bytes in UTF-8 are always those characters.
    let bytes = token.as_bytes();
    // A bare address may stand in brackets or quotation marks, which
    // belong to the token.
    let word = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    if bytes.starts_with(b"www.") || word.starts_with("www.") {
        return true;
    }
    let (mut at, mut dot, mut digit) = (false, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => digit = true,
            b'@' => at = true,
            b'.' => dot = true,
            b':' if bytes[i + 1..].starts_with(b"//") => return true,
            _ => {}
        }
    }
    // Asked once, after the pass: a clause of Chinese holds many digits.
    (digit && !crate::typeset::segment::needs_segmenting(token)) || (at && dot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_written_without_hyphens() {
        // Right-to-left ones by the direction's list (old codes too),
        // the others by their own.
        for tag in [
            "ar", "fa-IR", "he", "iw", "ji", "ps", "zh-Hant", "ja", "ko", "th", "km", "vi",
        ] {
            assert!(writes_without_hyphens(tag), "{tag}");
        }
        for tag in ["en", "de", "hi", "bn", "ta", "am", "el"] {
            assert!(!writes_without_hyphens(tag), "{tag}");
        }
    }

    fn show(h: &Hyphenator, w: &str) -> String {
        let mut out = String::new();
        let b = h.breaks(w);
        for (i, c) in w.char_indices() {
            if b.contains(&i) {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn indic_words_hyphenate_with_their_viramas_and_vowel_signs() {
        // The virama (Tamil pulli, Devanagari halant) is a mark, not a
        // letter: a word with one is still a word the patterns break, at
        // its syllables, and never before a mark.
        let ta = Hyphenator::new("ta", 2, 3, false).unwrap();
        assert_eq!(show(&ta, "கரையோரப்"), "கரை-யோ-ரப்");
        assert_eq!(show(&ta, "பாரம்பரிய"), "பா-ரம்-ப-ரிய");
        let hi = Hyphenator::new("hi", 2, 3, false).unwrap();
        assert_eq!(show(&hi, "प्रदूषण"), "प्र-दूषण");
        let bn = Hyphenator::new("bn", 2, 3, false).unwrap();
        assert_eq!(show(&bn, "ক্ষতিপূরণ"), "ক্ষ-তি-পূরণ");
        for (h, w) in [(&ta, "மீனவர்களுக்கு"), (&hi, "ज़िम्मेदार"), (&bn, "স্থানীয়")]
        {
            for b in h.breaks(w) {
                assert!(!w[b..].starts_with(is_combining), "{w} at {b}");
            }
        }
    }

    #[test]
    fn english_words_break_at_pattern_points() {
        let h = Hyphenator::new("en", 2, 3, false).unwrap();
        assert_eq!(show(&h, "hyphenation"), "hy-phen-a-tion");
        assert_eq!(show(&h, "imperialist"), "im-pe-ri-al-ist");
    }

    #[test]
    fn a_word_of_four_letters_is_never_cut_in_halves() {
        // "Cumartesi gü- / nü", "ће- / мо", "la- / do" on the Letter
        // leaflet and the tri-fold; five letters may break.
        let tr = Hyphenator::new("tr", 2, 2, false).unwrap();
        assert_eq!(show(&tr, "günü"), "günü");
        assert_eq!(show(&tr, "kazaya"), "ka-za-ya");
        let sr = Hyphenator::new("sr-Cyrl", 2, 2, false).unwrap();
        assert_eq!(show(&sr, "ћемо"), "ћемо");
        let es = Hyphenator::new("es", 2, 2, false).unwrap();
        assert_eq!(show(&es, "lado"), "lado");
        assert_eq!(show(&es, "nuevo"), "nue-vo");
        // A soft hyphen the writer typed is the writer's.
        assert_eq!(es.breaks("la\u{AD}do"), vec![2 + '\u{AD}'.len_utf8()]);
        // Indic words count their signs: a four-character Hindi word
        // still breaks where the patterns say.
        let hi = Hyphenator::new("hi", 2, 2, false).unwrap();
        assert_ne!(show(&hi, "निगम"), "निगम");
    }

    #[test]
    fn minimum_fragments_are_respected() {
        let h = Hyphenator::new("en", 2, 3, false).unwrap();
        for w in ["organizations", "demonstrations", "responsibility"] {
            for b in h.breaks(w) {
                assert!(
                    w[..b].chars().count() >= 2 && w[b..].chars().count() >= 3,
                    "{w} at {b}"
                );
            }
        }
        let strict = Hyphenator::new("en", 4, 4, false).unwrap();
        assert!(strict
            .breaks("hyphenation")
            .iter()
            .all(|&b| b >= 4 && b <= "hyphenation".len() - 4));
    }

    #[test]
    fn the_languages_own_minimum_applies_too() {
        // English patterns never leave fewer than 3 letters after a hyphen,
        // even when the layout allows 2; German allows 2.
        let en = Hyphenator::new("en", 2, 2, false).unwrap();
        for w in [
            "organizations",
            "demonstrations",
            "imperialist",
            "desirable",
        ] {
            assert!(
                en.breaks(w).iter().all(|&b| w.len() - b >= 3),
                "{w}: {:?}",
                en.breaks(w)
            );
        }
        let de = Hyphenator::new("de", 2, 2, false).unwrap();
        assert_eq!(show(&de, "Miete"), "Mie-te");
    }

    #[test]
    fn languages_by_tag() {
        assert_eq!(language_for_tag("de"), Some(Language::German1996));
        assert_eq!(language_for_tag("sr-Cyrl"), Some(Language::SerbianCyrillic));
        assert_eq!(
            language_for_tag("sr-Latn"),
            Some(Language::SerbocroatianLatin)
        );
        assert_eq!(language_for_tag("fr-CA"), Some(Language::French));
        assert_eq!(language_for_tag("EN_gb"), Some(Language::EnglishGB));
        assert_eq!(language_for_tag("xx"), None);
        assert_eq!(
            language_for_tag("sr-Latn-RS"),
            Some(Language::SerbocroatianLatin)
        );
        assert_eq!(language_for_tag("sr"), Some(Language::SerbianCyrillic));
        assert_eq!(language_for_tag("de-AT"), Some(Language::German1996));
        assert_eq!(language_for_tag("de-CH"), Some(Language::GermanSwiss));
        assert_eq!(language_for_tag("el-polyton"), Some(Language::GreekPoly));
        assert_eq!(language_for_tag("no"), Some(Language::NorwegianBokmal));
        assert_eq!(language_for_tag("nn"), Some(Language::NorwegianNynorsk));
        assert_eq!(language_for_tag("pt-BR"), Some(Language::Portuguese));
        // Chinese characters have no patterns; only pinyin does.
        assert_eq!(language_for_tag("zh"), None);
        assert_eq!(language_for_tag("mn-Mong"), None);
        assert_eq!(language_for_tag("sr-Lant"), None);
        assert_eq!(
            language_for_tag("bs-Cyrl-BA"),
            Some(Language::SerbocroatianCyrillic)
        );
        assert_eq!(language_for_tag("zh-Latn-pinyin"), Some(Language::Chinese));
        assert_eq!(language_for_tag("ms-MY"), Some(Language::Indonesian));
        let ms = Hyphenator::new("ms", 2, 3, false).unwrap();
        assert!(!ms.breaks("perundingan").is_empty());
        let de = Hyphenator::new("de", 2, 3, false).unwrap();
        assert!(!de.breaks("Nebenkostenabrechnung").is_empty());
        let sr = Hyphenator::new("sr-Cyrl", 2, 3, false).unwrap();
        assert!(!sr.breaks("солидарност").is_empty());
    }

    #[test]
    fn every_pattern_set_is_selected_by_its_tag_and_loads() {
        let mut seen = std::collections::HashSet::new();
        for lang in LANGUAGES {
            assert!(seen.insert(lang), "{lang:?} listed twice");
            let tag = tag_for(lang);
            assert!(crate::names::is_language_tag(tag), "{tag}");
            assert_eq!(language_for_tag(tag), Some(lang), "{tag}");
            assert_eq!(language_for_tag(&tag.to_uppercase()), Some(lang), "{tag}");
            for alias in tags_of(lang).1 {
                assert_eq!(language_for_tag(alias), Some(lang), "{alias}");
            }
            // The crate's own code selects it too.
            assert_eq!(language_for_tag(lang.code()), Some(lang), "{}", lang.code());
            assert!(
                Hyphenator::new(tag, 1, 1, false).is_some(),
                "no patterns load for {tag}"
            );
        }
    }

    #[test]
    fn unknown_tags_get_the_nearest_known_one() {
        assert_eq!(suggest_tag("german"), Some("de"));
        assert_eq!(suggest_tag("Deutsch"), Some("de"));
        assert_eq!(suggest_tag("dk"), Some("da"));
        assert_eq!(suggest_tag("en_UK"), Some("en-GB"));
        assert_eq!(suggest_tag("sr-Lant"), Some("sr-Latn"));
        assert_eq!(suggest_tag("sr_latin"), Some("sr-Latn"));
        assert_eq!(suggest_tag("frnech"), Some("fr"));
        assert_eq!(suggest_tag("qq"), None);
    }

    #[test]
    fn caps_numbers_and_soft_hyphens() {
        let h = Hyphenator::new("en", 2, 3, false).unwrap();
        assert!(h.breaks("INTERNATIONAL").is_empty());
        let caps = Hyphenator::new("en", 2, 3, true).unwrap();
        assert!(!caps.breaks("INTERNATIONAL").is_empty());
        assert!(h.breaks("abc123def").is_empty());
        assert_eq!(h.breaks("soli\u{AD}darity"), vec![6]);
        assert!(Hyphenator::disabled().breaks("hyphenation").is_empty());
        assert_eq!(Hyphenator::disabled().breaks("soli\u{AD}darity"), vec![6]);
    }

    #[test]
    fn literal_tokens() {
        assert!(is_literal_token("https://example.org/a-b"));
        assert!(is_literal_token("(www.example.com)."));
        assert!(is_literal_token("“www.example.com”"));
        assert!(is_literal_token("info@example.org"));
        assert!(is_literal_token("2023"));
        assert!(!is_literal_token(
            "从1月1日起，平台把每单配送费从5元降到3.5元"
        ));
        assert!(is_literal_token("https://例子.中国/1"));
        assert!(!is_literal_token("solidarity"));
    }
}

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

/// Maps a BCP 47 tag to a pattern set. Tags are matched case-insensitively,
/// most specific first (`sr-Latn` before `sr`).
pub fn language_for_tag(tag: &str) -> Option<Language> {
    let t = tag.trim().replace('_', "-").to_lowercase();
    let exact = match t.as_str() {
        "en" | "en-us" => Some(Language::EnglishUS),
        "en-gb" | "en-au" | "en-nz" | "en-ie" | "en-za" | "en-in" => Some(Language::EnglishGB),
        "de" | "de-de" | "de-at" | "de-1996" => Some(Language::German1996),
        "de-ch" => Some(Language::GermanSwiss),
        "sr" | "sr-cyrl" | "sr-cyrl-rs" => Some(Language::SerbianCyrillic),
        // The crate has no Serbian Latin set; Serbo-Croatian Latin is the same orthography.
        "sr-latn" | "sr-latn-rs" | "sh" | "sh-latn" | "bs" | "bs-latn" | "me" => {
            Some(Language::SerbocroatianLatin)
        }
        "sh-cyrl" => Some(Language::SerbocroatianCyrillic),
        "el" | "el-gr" => Some(Language::GreekMono),
        "nb" | "no" => Some(Language::NorwegianBokmal),
        "fi" => Some(Language::Finnish),
        _ => None,
    };
    if exact.is_some() {
        return exact;
    }
    if let Some(l) = Language::try_from_code(&t) {
        return Some(l);
    }
    // Fall back to the primary subtag ("fr-CA" → "fr", "pt-BR" → "pt").
    let primary = t.split('-').next().unwrap_or("");
    if primary != t {
        return language_for_tag(primary);
    }
    None
}

/// The language tags handbill can hyphenate, for messages.
pub fn known_tags_hint() -> &'static str {
    "en, en-GB, de, de-CH, fr, es, it, pt, nl, pl, cs, sk, sl, hr, sr-Cyrl, sr-Latn, ru, uk, bg, el, hu, ro, tr, sv, da, nb, fi, …"
}

fn dictionary(lang: Language) -> Option<Arc<Standard>> {
    static CACHE: OnceLock<Mutex<HashMap<Language, Arc<Standard>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(d) = map.get(&lang) {
        return Some(d.clone());
    }
    let dict = Arc::new(Standard::from_embedded(lang).ok()?);
    map.insert(lang, dict.clone());
    Some(dict)
}

/// Finds hyphenation points in words of one language.
#[derive(Clone)]
pub struct Hyphenator {
    dict: Option<Arc<Standard>>,
    min_left: usize,
    min_right: usize,
    caps: bool,
    /// Breaks of words already seen: a statement repeats its words, and
    /// fitting sets the text several times.
    seen: RefCell<HashMap<Box<str>, Box<[usize]>>>,
}

/// Most words remembered; past this, words are hyphenated afresh (a 10 MB
/// statement must not grow the cache without bound).
const SEEN_MAX: usize = 50_000;

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

    /// Byte offsets inside `word` where it may be hyphenated.
    ///
    /// `word` is one run of letters (no spaces, no hyphens). Soft hyphens
    /// (U+00AD) written by the author win over the patterns. Words that are
    /// not ordinary words (digits, ALL CAPS unless allowed) get none.
    pub fn breaks(&self, word: &str) -> Vec<usize> {
        if word.contains('\u{AD}') {
            return word
                .match_indices('\u{AD}')
                .map(|(i, _)| i + '\u{AD}'.len_utf8())
                .collect();
        }
        let Some(dict) = &self.dict else {
            return Vec::new();
        };
        if !is_hyphenatable(word, self.caps) {
            return Vec::new();
        }
        let chars = word.chars().count();
        if chars < self.min_left + self.min_right {
            return Vec::new();
        }
        if let Some(b) = self.seen.borrow().get(word) {
            return b.to_vec();
        }
        let breaks: Vec<usize> = dict
            .hyphenate(word)
            .breaks
            .into_iter()
            .filter(|&b| {
                let left = word[..b].chars().count();
                left >= self.min_left && chars - left >= self.min_right
            })
            .collect();
        let mut seen = self.seen.borrow_mut();
        if seen.len() < SEEN_MAX {
            seen.insert(word.into(), breaks.clone().into_boxed_slice());
        }
        breaks
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

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// True for a token that must not be hyphenated or split at its hyphens by the
/// patterns: URLs, e-mail addresses, anything with digits.
pub fn is_literal_token(token: &str) -> bool {
    token.contains("://")
        || token.starts_with("www.")
        || (token.contains('@') && token.contains('.'))
        || token.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn english_words_break_at_pattern_points() {
        let h = Hyphenator::new("en", 2, 3, false).unwrap();
        assert_eq!(show(&h, "hyphenation"), "hy-phen-a-tion");
        assert_eq!(show(&h, "imperialist"), "im-pe-ri-al-ist");
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
        let de = Hyphenator::new("de", 2, 3, false).unwrap();
        assert!(!de.breaks("Nebenkostenabrechnung").is_empty());
        let sr = Hyphenator::new("sr-Cyrl", 2, 3, false).unwrap();
        assert!(!sr.breaks("солидарност").is_empty());
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
        assert!(is_literal_token("info@example.org"));
        assert!(is_literal_token("2023"));
        assert!(!is_literal_token("solidarity"));
    }
}

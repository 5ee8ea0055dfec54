//! The gender star of German (and Austrian, Swiss) writing: "Kolleg*innen",
//! "Mitarbeiter*in", "jede*r". CommonMark lets `*` open and close emphasis
//! inside a word, so "Kolleg*innen und Mieter*innen" came out as
//! "Kolleg*innen und Mieter*innen" without its stars and with "innen und
//! Mieter" in italics: "Kolleginnen", the women alone, on a union's
//! leaflet written to say everyone. Plain text's emphasis reader never
//! took such a star for a mark (see `statement::emphasis`).
//!
//! So before the Markdown is parsed, each star that stands between a
//! word's stem and a gender ending is swapped for a placeholder of the
//! same length, which CommonMark reads as a letter, and swapped back in
//! the text it gives. Emphasis inside a word ("un*believ*able") is kept
//! where it ends otherwise. Hand-written: no crate knows the form, and
//! pulldown-cmark has no hook for it.

use std::borrow::Cow;

/// What stands in for a gender star while the Markdown is parsed: a
/// control character, which the statement reader refuses in a source
/// (see `clean::check_chars`), so that none is there already; one byte,
/// as the star is, so that every offset into the source stays right.
pub(super) const PLACEHOLDER: char = '\u{1F}';

/// The endings a gender star comes before, as German writes them: the
/// feminine plural and singular, and the article and pronoun endings
/// ("jede*r", "eine*n", "jedem*r", "keine*s", "diese*e").
const ENDINGS: &[&str] = &["innen", "in", "r", "n", "m", "s", "e"];

/// `source` with its gender stars swapped for [`PLACEHOLDER`]: a lone `*`
/// after a letter and before one of [`ENDINGS`] that ends the word.
pub(super) fn guard(source: &str) -> Cow<'_, str> {
    let stars: Vec<usize> = source
        .match_indices('*')
        .map(|(at, _)| at)
        .filter(|&at| is_gender_star(source, at))
        .collect();
    if stars.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut out = source.as_bytes().to_vec();
    for at in stars {
        out[at] = PLACEHOLDER as u8;
    }
    // One ASCII byte for another: still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| source.to_string()))
}

/// `text` from the parser with its placeholders back to stars.
pub(super) fn restore(text: &str) -> Cow<'_, str> {
    if text.contains(PLACEHOLDER) {
        Cow::Owned(text.replace(PLACEHOLDER, "*"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether the `*` at byte `at` of `source` is a gender star.
fn is_gender_star(source: &str, at: usize) -> bool {
    let (before, after) = (&source[..at], &source[at + 1..]);
    let stem = before.chars().next_back();
    if !stem.is_some_and(char::is_alphabetic) || after.starts_with('*') {
        return false;
    }
    ENDINGS.iter().any(|ending| {
        after.strip_prefix(ending).is_some_and(|rest| {
            !rest
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '*')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_before_gender_endings_are_guarded() {
        let text = "Liebe Kolleg*innen, jede*r Mieter*in und eine*n.";
        let guarded = guard(text);
        assert_eq!(guarded.len(), text.len());
        assert!(!guarded.contains('*'), "{guarded}");
        assert_eq!(restore(&guarded), text);
    }

    #[test]
    fn emphasis_stays_emphasis() {
        for text in [
            "*Streik* heute",
            "un*believ*able",
            "**Kolleg**innen",
            "Kolleg**innen**",
            "a *b* c",
            "Streik*",
        ] {
            assert_eq!(guard(text), text, "{text}");
        }
    }
}

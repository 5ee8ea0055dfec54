//! Reading a line's words and marks the same way in every language: its
//! final punctuation mark, whether it opens with a phrase, its letters and
//! figures for comparing two texts.

use crate::statement::Line;

/// Closing quotes and brackets, looked through to find a line's final mark.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '’'
            | '”'
            | '“'
            | '„'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '*'
            | '_'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
    )
}

/// The last character of `text`, looking through closing quotes and
/// brackets; another script's full stop, comma, colon, semicolon,
/// question or exclamation mark is given as its Latin equivalent, so that
/// the rules for headings and meta lines read every language's sentences.
pub(in crate::statement) fn final_mark(text: &str) -> Option<char> {
    text.trim_end_matches(is_closer)
        .chars()
        .last()
        .map(latin_equivalent)
}

/// The Latin punctuation mark that does the job of `c` in its script.
fn latin_equivalent(c: char) -> char {
    match c {
        // Chinese and Japanese, Devanagari and Bengali dandas, Ethiopic,
        // Khmer, Myanmar, Armenian and Urdu full stops.
        '。' | '．' | '।' | '॥' | '።' | '។' | '៕' | '။' | '։' | '۔' => '.',
        '，' | '、' | '،' | '፣' | '၊' => ',',
        '；' | '؛' | '፤' => ';',
        '：' | '፥' => ':',
        '！' => '!',
        // Greek's question mark looks like a semicolon.
        '？' | '؟' | '፧' | '\u{37E}' => '?',
        other => other,
    }
}

/// Whether lower-cased `text` opens with `phrase` as whole words.
fn opens_with(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase).is_some_and(|rest| {
        phrase.ends_with(|c: char| !c.is_alphabetic())
            || !rest.starts_with(|c: char| c.is_alphanumeric())
    })
}

pub(in crate::statement) fn opens_with_any(text: &str, phrases: &[&str]) -> bool {
    let lower = text.to_lowercase();
    phrases.iter().any(|p| opens_with(&lower, p))
}

pub(in crate::statement) fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// The raw text of a line (no cleaning).
pub(in crate::statement) fn raw_text(line: &Line) -> String {
    line.spans.iter().map(|s| s.text.as_str()).collect()
}

/// Text equality for headline ≟ title: only letters and digits count, case
/// ignored, so a headline with its "!" still matches a title without it.
pub(super) fn same_text(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

/// The letters and figures of `s` in lower case: what [`same_text`]
/// compares, and what a deck line's repeat of the headline is matched by.
pub(in crate::statement) fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

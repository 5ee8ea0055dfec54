//! Reading a line's words and marks the same way in every language: its
//! final punctuation mark, whether it opens with a phrase, its letters and
//! figures for comparing two texts.

use crate::script::ends_sentences_unmarked;
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

/// Whether `text` ends in a letter of Thai or Lao, which end a sentence
/// with no mark: its [`final_mark`] cannot tell a title or a name from a
/// sentence.
pub(in crate::statement) fn ends_unmarked(text: &str) -> bool {
    text.chars().last().is_some_and(ends_sentences_unmarked)
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

/// How many sentences `text` holds: one, and one more for each sentence
/// end inside it. A full stop, question or exclamation mark (in any
/// script, closing quotes and brackets after it) ends a sentence when a
/// space and a word that does not begin in lower case follow, or, for the
/// full-width marks of Chinese and Japanese, which take no space, anything
/// at all. "Dr. Smith" counts as two; callers weigh length as well.
pub(in crate::statement) fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut n = 1;
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        k += 1;
        if !matches!(latin_equivalent(c), '.' | '!' | '?') {
            continue;
        }
        let full_width = matches!(c, '。' | '！' | '？');
        while k < chars.len() && is_closer(chars[k]) {
            k += 1;
        }
        let spaced = k < chars.len() && chars[k].is_whitespace();
        while k < chars.len() && chars[k].is_whitespace() {
            k += 1;
        }
        let Some(&next) = chars.get(k) else { break };
        if (full_width || spaced) && !next.is_lowercase() && !is_closer(next) {
            n += 1;
        }
    }
    n
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

#[cfg(test)]
mod tests {
    use super::sentence_count;

    #[test]
    fn sentences_end_where_a_capital_or_a_full_width_mark_says() {
        assert_eq!(sentence_count("Stop the cuts! Save our library."), 2);
        assert_eq!(sentence_count("We will not be moved."), 1);
        // Lower case after a full stop: an abbreviation inside a sentence.
        assert_eq!(sentence_count("Meet at 10 a.m. on the square"), 1);
        // Closing quotes after the mark, then the next sentence.
        assert_eq!(
            sentence_count("They said \u{201c}no.\u{201d} We said yes."),
            2
        );
        // Chinese takes no space after its full stop.
        assert_eq!(sentence_count("不拆我們的家！住戶呼籲。"), 2);
        // Arabic's question mark.
        assert_eq!(sentence_count("لماذا؟ لأن الماء حق"), 2);
        assert_eq!(sentence_count(""), 1);
    }
}

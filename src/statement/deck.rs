//! A line under the headline that says the headline again and goes on
//! with a deck: "Save Lipa Park – we will not give up the last green
//! space", as a web page's title and a press release's first line often
//! read. Taken as a meta line, the deck came out small and grey; taken as
//! the subtitle whole, the headline would stand twice. The repeated words
//! and their separator are left off, with a warning naming where, and the
//! rest is the subtitle: every word of it is on the page, and the
//! headline's words are there once.
//!
//! A paragraph that says the headline again and nothing more (a web
//! page's title copied over its own heading) is left off the same way
//! ([`is_repeat`]): its words are all in the headline.

use super::classify::{folded, raw_text};
use super::clean::is_space;
use super::meta::{remove, warning};
use super::Line;
use crate::error::Warning;

/// What may stand between a repeated headline and its deck: a dash, a
/// colon or a bar, with spaces around it or not.
const SEPARATORS: &[char] = &['–', '—', '-', ':', '|', '·'];

/// The deck of `line`, if the line opens with `headline` (compared as
/// `classify::text::same_text` compares, by [`folded`]: letters and figures,
/// ignoring case)
/// and a separator, and has words after it; the left-off part is named in
/// a warning in `file`.
pub(super) fn after_headline(
    line: &Line,
    headline: &str,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Option<Line> {
    let raw = raw_text(line);
    let start = raw.len() - raw.trim_start_matches(is_space).len();
    let end = start + headline_end(&raw[start..], headline)?;
    let after = &raw[end..];
    let spaced = after.trim_start_matches(is_space);
    let sep = spaced.chars().next().filter(|c| SEPARATORS.contains(c))?;
    let rest = spaced[sep.len_utf8()..].trim_start_matches(is_space);
    if !rest.chars().any(char::is_alphabetic) {
        return None;
    }
    let cut = raw.len() - rest.len();
    warnings.push(warning(
        file,
        line.no,
        &raw,
        start,
        format!(
            "“{}” repeats the headline; left off, and the rest set as its subtitle",
            raw[start..cut].trim_end_matches(is_space),
        ),
    ));
    Some(Line {
        no: line.no,
        spans: remove(&line.spans, 0..cut),
        kept: line.kept,
    })
}

/// Whether the paragraph of `lines` says `headline` again and nothing
/// more (compared by [`folded`]); if so, a warning in `file` at its first
/// line says it is left off.
pub(super) fn is_repeat(
    lines: &[Line],
    headline: &str,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    let raws: Vec<String> = lines.iter().map(raw_text).collect();
    let mut text = raws.iter().flat_map(|r| folded(r)).peekable();
    if text.peek().is_none() || !text.eq(folded(headline)) {
        return false;
    }
    let raw = &raws[0];
    let start = raw.len() - raw.trim_start_matches(is_space).len();
    warnings.push(warning(
        file,
        first.no,
        raw,
        start,
        format!(
            "“{}” repeats the headline word for word; left off",
            raws.join(" ").trim_matches(is_space)
        ),
    ));
    true
}

/// The byte length of the start of `text` that says `headline`, ending at
/// the end of a word; `None` if it does not open with it.
fn headline_end(text: &str, headline: &str) -> Option<usize> {
    let mut wanted = folded(headline).peekable();
    wanted.peek()?;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        if wanted.peek().is_none() {
            break;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        for lower in c.to_lowercase() {
            if wanted.next() != Some(lower) {
                return None;
            }
        }
        end = at + c.len_utf8();
    }
    let word_ends = !text[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    (wanted.peek().is_none() && word_ends).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::document::Span;

    fn line(text: &str) -> Line {
        Line {
            no: 9,
            spans: vec![Span::plain(text.to_string())],
            kept: false,
        }
    }

    fn deck(text: &str, headline: &str) -> Option<String> {
        let mut warnings = Vec::new();
        let out = after_headline(&line(text), headline, "s.txt", &mut warnings)?;
        assert_eq!(warnings.len(), 1);
        Some(raw_text(&out))
    }

    #[test]
    fn a_repeated_headline_gives_way_to_the_deck_after_it() {
        let headline = "Сачувајмо парк Липа";
        assert_eq!(
            deck(
                "Сачувајмо парк Липа – не дамо последњу зелену површину",
                headline
            )
            .as_deref(),
            Some("не дамо последњу зелену површину")
        );
        // Case, spacing and the kind of separator do not matter.
        assert_eq!(
            deck("  SAVE  our park: a call to neighbours", "Save our park").as_deref(),
            Some("a call to neighbours")
        );
        assert_eq!(
            deck("Save our park|Lipa", "Save our park").as_deref(),
            Some("Lipa")
        );
    }

    #[test]
    fn a_line_that_only_begins_like_the_headline_stays() {
        let headline = "Save our park";
        // No separator: the line says something else.
        assert_eq!(deck("Save our park today", headline), None);
        // The headline's last word is only the start of the line's.
        assert_eq!(deck("Save our parks – now", headline), None);
        // Nothing after the separator.
        assert_eq!(deck("Save our park –", headline), None);
        assert_eq!(deck("Save our park – 2026", headline), None);
        assert_eq!(deck("Keep our park – now", headline), None);
    }

    #[test]
    fn the_warning_names_the_words_left_off_and_where() {
        let mut warnings = Vec::new();
        let text = "  Save our park – a call";
        after_headline(&line(text), "Save our park", "s.txt", &mut warnings).unwrap();
        assert_eq!(
            warnings[0].to_string(),
            "s.txt:9:3: warning: “Save our park –” repeats the headline; left off, \
             and the rest set as its subtitle"
        );
    }
}

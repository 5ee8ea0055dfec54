//! Emphasis as plain text writes it: `*bold*`, `_italic_` and `~struck~`,
//! as WhatsApp, Slack and plain-text mail mark words (and `**bold**`,
//! `__italic__`, `~~struck~~` from writers used to Markdown). A statement
//! passed round a group chat and pasted into a file printed its asterisks
//! and underscores; here they become the styles they stand for.
//!
//! A mark counts only where a writer puts it to open or close emphasis, so
//! that arithmetic ("2 * 3"), names and addresses ("snake_case",
//! "first_last@example.org") and a footnote's star ("members*") stay as
//! they are:
//! - an opening mark follows the start of the line, a space, an opening
//!   bracket or quote, and comes before a letter or digit (or another
//!   kind of mark: "*_both_*");
//! - the closing mark (as many of the same mark) follows something that
//!   is not a space, and comes before the end of the line, a space or
//!   punctuation;
//! - both are on one line, with text between them.
//!
//! One warning quotes what was read so, in case a mark meant something else.

use super::clean::{listed, opening_words};
use super::{Para, ParaKind};
use crate::error::{Location, Warning};
use crate::statement::document::{Span, Style};

/// How many of the emphasised phrases the warning quotes.
const EXAMPLES: usize = 3;

/// The longest phrase quoted in the warning, in characters.
const QUOTE_CHARS: usize = 30;

/// What a mark does to the style of the phrase it marks.
type Setter = fn(&mut Style);

/// The marks, and the style each stands for.
const MARKS: [(char, Setter); 3] = [
    ('*', |s| s.bold = true),
    ('_', |s| s.italic = true),
    ('~', |s| s.strike = true),
];

/// `paras` with their plain-text emphasis set as styles; one warning in
/// `warnings` says where.
pub(super) fn read(mut paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for para in paras.iter_mut().filter(|p| p.kind == ParaKind::Body) {
        for line in &mut para.lines {
            if !line.spans.iter().any(|s| s.text.contains(['*', '_', '~'])) {
                continue;
            }
            let mut spans = std::mem::take(&mut line.spans);
            for (mark, set) in MARKS {
                spans = spans
                    .into_iter()
                    .flat_map(|s| split(s, mark, set, &mut |text| found.push((line.no, text))))
                    .collect();
            }
            line.spans = spans;
        }
    }
    if let Some((first, _)) = found.first() {
        let quoted = listed(
            found.iter().map(|(no, text)| {
                let (words, more) = opening_words(text, QUOTE_CHARS);
                format!("“{words}{}” (line {no})", if more { "…" } else { "" })
            }),
            EXAMPLES,
        );
        warnings.push(Warning {
            at: Location::line(file, *first),
            message: format!(
                "{} {} marked with *stars*, _underscores_ or ~tildes~, as chat apps and \
                 plain-text mail mark emphasis, set bold, italic or struck through without \
                 the marks: {quoted}",
                found.len(),
                if found.len() == 1 {
                    "phrase"
                } else {
                    "phrases"
                },
            ),
        });
    }
    paras
}

/// `span` cut at each pair of `mark`s around a phrase: the phrase in the
/// span's style changed by `set`, the marks left out. `seen` gets each
/// phrase's text.
fn split(span: Span, mark: char, set: fn(&mut Style), seen: &mut impl FnMut(String)) -> Vec<Span> {
    let chars: Vec<(usize, char)> = span.text.char_indices().collect();
    let closers = closers(&chars, mark);
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < chars.len() {
        let Some((open_len, close_at, close_len)) = pair_at(&chars, &closers, i, mark) else {
            i += 1;
            continue;
        };
        let text = &span.text;
        let start = chars[i].0;
        let inner = (chars[i + open_len].0, chars[close_at].0);
        let after = chars.get(close_at + close_len).map_or(text.len(), |c| c.0);
        if start > plain_from {
            out.push(Span {
                text: text[plain_from..start].to_string(),
                style: span.style,
            });
        }
        let mut style = span.style;
        set(&mut style);
        let phrase = text[inner.0..inner.1].to_string();
        seen(phrase.clone());
        out.push(Span {
            text: phrase,
            style,
        });
        plain_from = after;
        i = close_at + close_len;
    }
    if out.is_empty() {
        return vec![span];
    }
    if plain_from < span.text.len() {
        out.push(Span {
            text: span.text[plain_from..].to_string(),
            style: span.style,
        });
    }
    out
}

/// Where the runs of one `mark` (first) and of two (second) that may close
/// a phrase start, in order: after something that is not a space, before
/// the end, a space or punctuation. Found once for a line, so that
/// looking for each opening mark's partner is a binary search, not a scan
/// of the rest of the line.
fn closers(chars: &[(usize, char)], mark: char) -> [Vec<usize>; 2] {
    let mut out = [Vec::new(), Vec::new()];
    let mut k = 1;
    while k < chars.len() {
        if chars[k].1 != mark {
            k += 1;
            continue;
        }
        let run = chars[k..].iter().take_while(|c| c.1 == mark).count();
        let inside = chars[k - 1].1;
        let after = chars.get(k + run).map(|c| c.1);
        if run <= 2 && !inside.is_whitespace() && after.is_none_or(closes_after) {
            out[run - 1].push(k);
        }
        k += run;
    }
    out
}

/// A pair of `mark`s opening at `chars[i]` (`closers` from [`closers`]):
/// the opening run's length, and where the closing run starts and how
/// long it is.
fn pair_at(
    chars: &[(usize, char)],
    closers: &[Vec<usize>; 2],
    i: usize,
    mark: char,
) -> Option<(usize, usize, usize)> {
    if chars[i].1 != mark {
        return None;
    }
    let run = chars[i..].iter().take_while(|c| c.1 == mark).count();
    if run > 2 {
        return None;
    }
    let before = i.checked_sub(1).map(|k| chars[k].1);
    if !before.is_none_or(opens_before) {
        return None;
    }
    // A letter or digit, or another mark opening inside ("*_both_*").
    let first = chars.get(i + run)?.1;
    if !(first.is_alphanumeric() || first != mark && MARKS.iter().any(|(m, _)| *m == first)) {
        return None;
    }
    // The first closing run of the same length after some text.
    let of_run = &closers[run - 1];
    let at = of_run.partition_point(|&k| k < i + run + 1);
    of_run.get(at).map(|&k| (run, k, run))
}

/// What may stand before an opening mark.
fn opens_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '„' | '‚' | '¡' | '¿'
        )
        || MARKS.iter().any(|(m, _)| *m == c)
}

/// What may stand after a closing mark.
fn closes_after(c: char) -> bool {
    c.is_whitespace()
        || MARKS.iter().any(|(m, _)| *m == c)
        || (!c.is_alphanumeric() && !matches!(c, '@' | '/' | '\\' | '=' | '&' | '#'))
}

#[cfg(test)]
mod tests {
    use super::super::plain::testing::paras;
    use super::*;

    fn styled(text: &str) -> (Vec<(String, &'static str)>, Vec<String>) {
        let mut warnings = Vec::new();
        let out = read(paras(text), "s.txt", &mut warnings);
        let spans = out
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.spans)
            .map(|s| {
                let name = match (s.style.bold, s.style.italic, s.style.strike) {
                    (false, false, false) => "",
                    (true, false, false) => "b",
                    (false, true, false) => "i",
                    (false, false, true) => "s",
                    (true, true, false) => "bi",
                    _ => "other",
                };
                (s.text.clone(), name)
            })
            .collect();
        (spans, warnings.iter().map(|w| w.to_string()).collect())
    }

    fn owned(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        v.iter().map(|(t, s)| (t.to_string(), *s)).collect()
    }

    #[test]
    fn chat_marks_become_styles() {
        let (spans, warnings) =
            styled("*RENT STRIKE NOW* ✊ on _Mill Lane_, *Monday*. Bring ~old~ new banners.");
        assert_eq!(
            spans,
            owned(&[
                ("RENT STRIKE NOW", "b"),
                (" ✊ on ", ""),
                ("Mill Lane", "i"),
                (", ", ""),
                ("Monday", "b"),
                (". Bring ", ""),
                ("old", "s"),
                (" new banners.", ""),
            ])
        );
        assert_eq!(
            warnings,
            [
                "s.txt:1: warning: 4 phrases marked with *stars*, _underscores_ or ~tildes~, \
              as chat apps and plain-text mail mark emphasis, set bold, italic or struck \
              through without the marks: “RENT STRIKE NOW” (line 1), “Monday” (line 1), \
              “Mill Lane” (line 1) and 1 more"
            ]
        );
        let (spans, _) = styled("A **doubled** mark and *_both_* at once.");
        assert_eq!(
            spans,
            owned(&[
                ("A ", ""),
                ("doubled", "b"),
                (" mark and ", ""),
                ("both", "bi"),
                (" at once.", "")
            ])
        );
    }

    #[test]
    fn marks_that_are_not_emphasis_stay() {
        for text in [
            "2 * 3 * 4 is 24, and 2*3*4 too.",
            "Write to first_last@example.org or see my_page_name.",
            "Paid members* only. *Conditions apply",
            "* * *",
            "* a list item *",
            "The ~ 30 people, ~40 people",
            "An _unclosed mark and another_one.",
            "A ***triple*** stays.",
        ] {
            let (spans, warnings) = styled(text);
            assert_eq!(spans, owned(&[(text, "")]), "{text}");
            assert!(warnings.is_empty(), "{text}");
        }
    }
}

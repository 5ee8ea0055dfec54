//! Plain text: paragraphs separated by blank lines, and the line-level
//! syntax plain text has (list markers, separators).

use super::clean::{is_blank, is_space};
use super::{Line, Para, ParaKind};
use crate::statement::document::Span;

/// Cuts `body` (LF line breaks; its first line is `first_line` of the file)
/// into paragraphs at blank lines.
pub(super) fn paragraphs(body: &str, first_line: usize) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    for (i, text) in body.split('\n').enumerate() {
        if is_blank(text) {
            if !lines.is_empty() {
                paras.push(Para {
                    kind: ParaKind::Body,
                    lines: std::mem::take(&mut lines),
                });
            }
        } else {
            lines.push(Line {
                no: first_line + i,
                spans: vec![Span::plain(text)],
                kept: false,
            });
        }
    }
    if !lines.is_empty() {
        paras.push(Para {
            kind: ParaKind::Body,
            lines,
        });
    }
    paras
}

/// A list marker at the start of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Marker {
    /// A bullet (see [`bullet_depth`]), with the depth of the list its
    /// shape says it is in (0 = top) and the mark to set: `•` for the
    /// plain ones people and word processors write (`-`, `*`, `●`, `○`,
    /// `■`, `·`, `o`, `§`, …), the writer's own for a mark that says more
    /// (`✔`, `➢`, `►`).
    Bullet(u8, char),
    /// `3.`, `3)`, `c)`, `iv.`, `(b)` or `[2]`, as written (see
    /// [`enumerator_len`]).
    Number(String),
}

/// The list marker a line starts with (after indentation) and the text after
/// it, if the marker is followed by white space and some text.
pub(super) fn list_marker(line: &str) -> Option<(Marker, &str)> {
    let s = line.trim_start_matches(is_space);
    let first = s.chars().next()?;
    let after_first = &s[first.len_utf8()..];
    let (marker, rest) = if let Some(depth) = bullet_depth(first, after_first) {
        let shown = if PLAIN_BULLETS.contains(&first) {
            '•'
        } else {
            first
        };
        (Marker::Bullet(depth, shown), after_first)
    } else if let Some(len) = enumerator_len(s) {
        (Marker::Number(s[..len].to_string()), &s[len..])
    } else {
        return None;
    };
    if !rest.starts_with(is_space) {
        return None;
    }
    let rest = rest.trim_start_matches(is_space);
    if rest.is_empty() {
        None
    } else {
        Some((marker, rest))
    }
}

/// The depth of the list a bullet `c` opens an item of, followed by
/// `rest`: what people type (`•`, `-`, `*`, `–`) and what word processors
/// write when a list is copied as plain text. Google Docs writes `●`, `○`
/// and `■` for its first three levels; Word writes `·`, then `o` and `§`
/// (its Symbol and Wingdings bullets, as letters), each with a tab, and
/// only with the tab are the letters a bullet ("o que" is Portuguese).
fn bullet_depth(c: char, rest: &str) -> Option<u8> {
    let tabbed = rest.starts_with('\t');
    match c {
        '•' | '-' | '*' | '–' | '●' | '·' | '▸' | '►' | '➢' | '➤' | '‣' | '⁃' | '◆' | '✓' | '✔' => {
            Some(0)
        }
        // A tally of wins and losses, as a social post writes it.
        '✅' | '☑' | '❌' | '❎' | '✗' | '✘' => Some(0),
        '○' | '◦' | '◇' | '□' => Some(1),
        'o' if tabbed => Some(1),
        '■' | '▪' | '▫' => Some(2),
        '§' if tabbed => Some(2),
        _ => None,
    }
}

/// The bullets that are only a bullet, set as `•`.
const PLAIN_BULLETS: &[char] = &[
    '•', '-', '*', '–', '●', '·', '○', '◦', 'o', '■', '▪', '§', '⁃', '‣',
];

/// The most digits of an item's number: "2023 was" is a year.
const NUMBER_MAX_DIGITS: usize = 9;

/// The longest Roman numeral read as an item's number ("viii)").
const ROMAN_MAX_CHARS: usize = 4;

/// The longest word read as an abbreviation after a letter and a full
/// stop, which make no item: "e. V.", "z. B.", "d. h." wrapped to a
/// line's start.
const ABBREVIATION_MAX_CHARS: usize = 2;

/// How long the enumerator opening `s` is, in bytes: a number, a letter or
/// a lower-case Roman numeral followed by `)` or `.` ("3.", "12)", "c)",
/// "б)", "iv."), but an upper-case letter only by `)` ("A. Smith" is a
/// name) and a letter by `.` not before an abbreviation ("e. V."); any of
/// them in parentheses ("(b)"); or a number in brackets, as a list of
/// sources numbers its notes ("\[2\]").
fn enumerator_len(s: &str) -> Option<usize> {
    let (open, closers): (usize, &[char]) = match s.chars().next()? {
        '(' => (1, &[')']),
        '[' => (1, &[']']),
        _ => (0, &['.', ')']),
    };
    let body = &s[open..];
    let end = body.find(|c: char| !c.is_alphanumeric())?;
    let label = &body[..end];
    let delim = body[end..].chars().next()?;
    if label.is_empty() || !closers.contains(&delim) {
        return None;
    }
    let len = open + end + delim.len_utf8();
    let number = label.len() <= NUMBER_MAX_DIGITS && label.bytes().all(|b| b.is_ascii_digit());
    let mut chars = label.chars();
    let letter = match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_alphabetic() => match delim {
            ')' => true,
            _ => c.is_lowercase() && !opens_with_abbreviation(&s[len..]),
        },
        _ => false,
    };
    let roman = (2..=ROMAN_MAX_CHARS).contains(&label.len())
        && label.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    let bracketed = s.starts_with('[');
    (number || !bracketed && (letter || roman)).then_some(len)
}

/// Whether `text` opens with a short word and a full stop ("V.", "B.").
fn opens_with_abbreviation(text: &str) -> bool {
    let word = text.trim_start_matches(is_space).split(is_space).next();
    word.is_some_and(|w| w.ends_with('.') && w.chars().count() <= ABBREVIATION_MAX_CHARS)
}

/// Whether a line is a separator such as `* * *`, `---` or `***`. Blanks
/// between tabs ("_____⇥_____⇥_____") are a table's row, a form's spaces
/// to fill in.
pub(super) fn is_separator(line: &str) -> bool {
    if line.trim_matches(is_space).contains('\t') {
        return false;
    }
    let mut marks = 0;
    for c in line.chars() {
        if matches!(c, '*' | '-' | '_' | '=' | '~' | '•' | '·' | '#' | '+') {
            marks += 1;
        } else if !is_space(c) {
            return false;
        }
    }
    marks >= 3
}

/// What the e-mail and rejoining tests read a plain text into, and back.
#[cfg(test)]
pub(super) mod testing {
    use super::super::classify::raw_text;
    use super::super::{Line, Para, ParaKind};
    use crate::statement::document::Span;

    /// `text`'s paragraphs, from line 1.
    pub(in crate::statement) fn paras(text: &str) -> Vec<Para> {
        super::paragraphs(text, 1)
    }

    /// A body paragraph of `lines`, from line 1, each after the first a
    /// line of its own, as a table's rows are.
    pub(in crate::statement) fn rows(lines: &[&str]) -> Para {
        Para {
            kind: ParaKind::Body,
            lines: lines
                .iter()
                .enumerate()
                .map(|(i, t)| Line {
                    no: i + 1,
                    spans: vec![Span::plain(*t)],
                    kept: i > 0,
                })
                .collect(),
        }
    }

    /// Each paragraph's lines as text.
    pub(in crate::statement) fn lines(paras: &[Para]) -> Vec<Vec<String>> {
        paras
            .iter()
            .map(|p| p.lines.iter().map(raw_text).collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(list_marker("- a"), Some((Marker::Bullet(0, '•'), "a")));
        assert_eq!(
            list_marker("  • a b"),
            Some((Marker::Bullet(0, '•'), "a b"))
        );
        assert_eq!(
            list_marker("12) x"),
            Some((Marker::Number("12)".into()), "x"))
        );
        assert_eq!(list_marker("-a"), None);
        assert_eq!(list_marker("- "), None);
        assert_eq!(list_marker("*bold* text"), None);
        assert_eq!(list_marker("3.14 is pi"), None);
        assert_eq!(list_marker("2023 was"), None);
        assert!(is_separator("* * *"));
        assert!(is_separator("---"));
        assert!(!is_separator("--"));
        assert!(!is_separator("- a"));
    }

    #[test]
    fn word_processors_bullets_and_letters_are_markers() {
        let number = |n: &str, rest: &'static str| Some((Marker::Number(n.to_string()), rest));
        // Google Docs' three levels, Word's (with their tabs).
        for (line, depth) in [
            ("●\tmore air pollution", 0),
            ("○\ton Mill Lane", 1),
            ("■\tbefore 9am", 2),
            ("·\tmore air pollution", 0),
            ("o\ton Mill Lane", 1),
            ("§\tbefore 9am", 2),
        ] {
            let rest = line.split_once(char::is_whitespace).unwrap().1.trim_start();
            assert_eq!(
                list_marker(line),
                Some((Marker::Bullet(depth, '•'), rest)),
                "{line}"
            );
        }
        // A mark that says more than "bullet" is set as written.
        assert_eq!(
            list_marker("✔ free school meals"),
            Some((Marker::Bullet(0, '✔'), "free school meals"))
        );
        // Before: a tally's ticks and crosses were text, and its lines a
        // paragraph under the headline, set as its deck.
        for (line, mark) in [("✅ A rent cap", '✅'), ("❌ The bus is still cut", '❌')] {
            let rest = line.split_once(' ').unwrap().1;
            assert_eq!(list_marker(line), Some((Marker::Bullet(0, mark), rest)));
        }
        assert_eq!(list_marker("a) the council"), number("a)", "the council"));
        assert_eq!(list_marker("b. an inquiry"), number("b.", "an inquiry"));
        assert_eq!(list_marker("B) an inquiry"), number("B)", "an inquiry"));
        assert_eq!(list_marker("б) комисия"), number("б)", "комисия"));
        assert_eq!(list_marker("iv. the fourth"), number("iv.", "the fourth"));
        assert_eq!(list_marker("(c) the third"), number("(c)", "the third"));
        assert_eq!(list_marker("(12) twelve"), number("(12)", "twelve"));
        assert_eq!(
            list_marker("[2] https://example.org"),
            number("[2]", "https://example.org")
        );
        // Words, names, abbreviations and a tab-less letter are no markers.
        for line in [
            "o que queremos",
            "§ 218 StGB",
            "A. Smith, Unite",
            "e. V. Nord",
            "z. B. die Miete",
            "[a] note",
            "[link] here",
            "ab) two letters",
            "viiii) too long",
            "Ltd. and others",
        ] {
            assert_eq!(list_marker(line), None, "{line}");
        }
    }
}

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
    /// `•`, `-`, `*` or `–`.
    Bullet,
    /// `3.` or `3)`, as written.
    Number(String),
}

/// The list marker a line starts with (after indentation) and the text after
/// it, if the marker is followed by white space and some text.
pub(super) fn list_marker(line: &str) -> Option<(Marker, &str)> {
    let s = line.trim_start_matches(is_space);
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    let (marker, rest) = if matches!(first, '•' | '-' | '*' | '–') {
        (Marker::Bullet, &s[first.len_utf8()..])
    } else if first.is_ascii_digit() {
        let digits = s.find(|c: char| !c.is_ascii_digit())?;
        if digits > 9 {
            return None;
        }
        let delim = s[digits..].chars().next()?;
        if delim != '.' && delim != ')' {
            return None;
        }
        let end = digits + 1;
        (Marker::Number(s[..end].to_string()), &s[end..])
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

/// Whether a line is a separator such as `* * *`, `---` or `***`.
pub(super) fn is_separator(line: &str) -> bool {
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
    use super::super::Para;

    /// `text`'s paragraphs, from line 1.
    pub(in crate::statement) fn paras(text: &str) -> Vec<Para> {
        super::paragraphs(text, 1)
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
        assert_eq!(list_marker("- a"), Some((Marker::Bullet, "a")));
        assert_eq!(list_marker("  • a b"), Some((Marker::Bullet, "a b")));
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
}

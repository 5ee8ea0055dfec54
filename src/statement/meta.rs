//! The meta lines under the headline, tidied: the date and tag lines a web
//! clipping brings ("6/1/23 12:04 PM" over "• Serbia, New Communist Party
//! of Yugoslavia …") become one line, "6/1/23 • Serbia, New Communist Party
//! of Yugoslavia …".
//!
//! The rules, in order, on the raw lines classify found to be meta lines:
//!
//! 1. A clock time ending a line right after a numeric date is dropped,
//!    with a warning (see the `dates` module for what counts).
//! 2. With a front matter `date`, a line that is only a numeric date is the
//!    clipping's date and gives way to the front matter's, with a warning:
//!    the author's date always wins.
//! 3. A line that starts with "•" continues the line before it: the bullet
//!    is kept, as the separator between them. A "•" opening the first meta
//!    line separates nothing and is dropped, with a warning.
//!
//! Each resulting line is one Meta block. Whatever is dropped is named in a
//! warning with its line and column, so nothing goes silently.
//!
//! Words stay: a clipping's tag line may hold debris such as "En" (the
//! label of a language link) between its tags, but no rule tells such a
//! label from a real word ("De Gaulle", "It"), and every word of the
//! statement reaches the page; the author deletes it in the text.

use super::classify::{block, raw_text};
use super::clean::is_space;
use super::dates;
use super::frontmatter::Field;
use super::Line;
use crate::error::{Location, Warning};
use crate::statement::document::{Block, BlockKind, Span};

/// The bullet web pages put before a tag list.
const BULLET: char = '•';

/// Turns the raw meta lines into Meta blocks by the rules above; what is
/// dropped is reported in `warnings`, located in `file`.
pub(super) fn blocks(
    lines: &[Line],
    front_date: Option<&Field>,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<Block> {
    let mut groups: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        let mut line = drop_clipped_time(line, file, warnings);
        if let Some(date) = front_date {
            line = yield_to_front_date(line, date, file, warnings);
        }
        let opens_with_bullet = raw_text(&line)
            .trim_start_matches(is_space)
            .starts_with(BULLET);
        match groups.last_mut() {
            Some(group) if opens_with_bullet => group.push(line),
            _ if opens_with_bullet => groups.push(vec![drop_bullet(&line, file, warnings)]),
            _ => groups.push(vec![line]),
        }
    }
    groups
        .iter()
        .filter_map(|g| block(BlockKind::Meta, g))
        .collect()
}

/// A warning at 1-based `line` and the column of byte `at` in `raw`.
pub(super) fn warning(file: &str, line: usize, raw: &str, at: usize, message: String) -> Warning {
    let column = raw[..at].chars().count() + 1;
    Warning {
        at: Location::at(file, line, column),
        message,
    }
}

/// `line` without a clock time that follows a numeric date at its end.
fn drop_clipped_time(line: &Line, file: &str, warnings: &mut Vec<Warning>) -> Line {
    let raw = raw_text(line);
    let Some(range) = dates::clipped_time(&raw) else {
        return line.clone();
    };
    let dropped = &raw[range.clone()];
    let time = dropped.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let lead = dropped.len() - time.len();
    warnings.push(warning(
        file,
        line.no,
        &raw,
        range.start + lead,
        format!(
            "dropped the time of day \"{}\" after the date: a web page's \
             timestamp, not part of the statement",
            time.trim_end()
        ),
    ));
    Line {
        no: line.no,
        spans: remove(&line.spans, range),
        kept: line.kept,
    }
}

/// A line that is only a numeric date, replaced by the front matter's date.
fn yield_to_front_date(line: Line, date: &Field, file: &str, warnings: &mut Vec<Warning>) -> Line {
    let raw = raw_text(&line);
    let text = raw.trim_matches(is_space);
    if dates::numeric(text).is_none() || text == date.value {
        return line;
    }
    let at = raw.len() - raw.trim_start_matches(is_space).len();
    warnings.push(warning(
        file,
        line.no,
        &raw,
        at,
        format!(
            "the date \"{text}\" gives way to the front matter's date = \"{}\" (line {})",
            date.value, date.line
        ),
    ));
    Line {
        no: line.no,
        spans: vec![Span::plain(date.value.clone())],
        kept: line.kept,
    }
}

/// `line` without the bullet that opens it.
fn drop_bullet(line: &Line, file: &str, warnings: &mut Vec<Warning>) -> Line {
    let raw = raw_text(line);
    let at = raw.len() - raw.trim_start_matches(is_space).len();
    warnings.push(warning(
        file,
        line.no,
        &raw,
        at,
        "dropped the \"•\" that opened the meta line: a web page's tag-list \
         decoration with nothing before it to separate"
            .to_string(),
    ));
    Line {
        no: line.no,
        spans: remove(&line.spans, at..at + BULLET.len_utf8()),
        kept: line.kept,
    }
}

/// `spans` without the bytes `range` of their joined text.
pub(super) fn remove(spans: &[Span], range: std::ops::Range<usize>) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    let mut at = 0;
    for span in spans {
        let (start, end) = (at, at + span.text.len());
        at = end;
        let cut_from = range.start.clamp(start, end) - start;
        let cut_to = range.end.clamp(start, end) - start;
        let mut text = span.text[..cut_from].to_string();
        text.push_str(&span.text[cut_to..]);
        if !text.is_empty() {
            out.push(Span {
                text,
                style: span.style,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(no: usize, text: &str) -> Line {
        Line {
            no,
            spans: vec![Span::plain(text)],
            kept: false,
        }
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks.iter().map(Block::text).collect()
    }

    #[test]
    fn a_clipping_s_date_and_tags_become_one_line() {
        let mut warnings = Vec::new();
        let lines = [
            line(3, "6/1/23 12:04 PM"),
            line(4, "  • Serbia, New Communist Party of Yugoslavia"),
        ];
        let out = blocks(&lines, None, "s.txt", &mut warnings);
        assert_eq!(
            texts(&out),
            ["6/1/23 • Serbia, New Communist Party of Yugoslavia"]
        );
        assert_eq!(out[0].line, 3);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].at, Location::at("s.txt", 3, 8));
        assert!(
            warnings[0].message.contains("\"12:04 PM\""),
            "{}",
            warnings[0]
        );
    }

    #[test]
    fn a_first_bullet_is_dropped_with_a_warning() {
        let mut warnings = Vec::new();
        let out = blocks(&[line(2, "  • Europe")], None, "s.txt", &mut warnings);
        assert_eq!(texts(&out), ["Europe"]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].at, Location::at("s.txt", 2, 3));
    }

    #[test]
    fn the_front_matter_date_wins() {
        let mut warnings = Vec::new();
        let date = Field {
            value: "1 June 2023".into(),
            line: 2,
            column: 8,
        };
        let lines = [line(7, "6/1/23 12:04 PM"), line(8, "• Serbia")];
        let out = blocks(&lines, Some(&date), "s.txt", &mut warnings);
        assert_eq!(texts(&out), ["1 June 2023 • Serbia"]);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[1].message.contains("\"6/1/23\""));
        // The same date written the same way gives way to nothing.
        let mut warnings = Vec::new();
        let same = Field {
            value: "6/1/23".into(),
            line: 2,
            column: 8,
        };
        let out = blocks(&[line(7, "6/1/23")], Some(&same), "s.txt", &mut warnings);
        assert_eq!(texts(&out), ["6/1/23"]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn plain_meta_lines_are_left_alone() {
        let mut warnings = Vec::new();
        let lines = [
            line(3, "12 March 2026"),
            line(5, "Riverside Tenants' Association"),
        ];
        let out = blocks(&lines, None, "s.txt", &mut warnings);
        assert_eq!(
            texts(&out),
            ["12 March 2026", "Riverside Tenants' Association"]
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn removing_crosses_styled_runs() {
        let spans = vec![
            Span::plain("ab"),
            Span {
                text: "cd".into(),
                style: crate::statement::document::Style {
                    bold: true,
                    italic: false,
                    strike: false,
                },
            },
        ];
        let out = remove(&spans, 1..4);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, "a");
    }
}

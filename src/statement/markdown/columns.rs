//! Where a position in a line's text stands in its Markdown source line.
//!
//! The rules that tidy the head (a repeated headline, a clipped time, a
//! bullet) report a column counted in a line's text, which holds no
//! markup: "Save" is its first character in `**Save Lipa Park**`, whose
//! source has it at the third. The reader that knows the source moves
//! those columns to where the characters stand in it, so a warning points
//! at them in the user's file.

use super::super::classify::raw_text;
use super::super::Para;
use crate::error::Warning;

/// `warnings`' columns, counted in the text of the lines of `paras` they
/// name, moved to the same characters' columns in `source` (the statement
/// as read, lines numbered from 1). A warning whose line is not one of
/// theirs, or whose character cannot be found, keeps its column.
pub(in crate::statement) fn into_source(warnings: &mut [Warning], paras: &[Para], source: &str) {
    for w in warnings {
        let (Some(no), Some(column)) = (w.at.line, w.at.column) else {
            continue;
        };
        let Some(line) = paras.iter().flat_map(|p| &p.lines).find(|l| l.no == no) else {
            continue;
        };
        let Some(src) = no.checked_sub(1).and_then(|i| source.lines().nth(i)) else {
            continue;
        };
        if let Some(c) = source_column(&raw_text(line), src, column) {
            w.at.column = Some(c);
        }
    }
}

/// The 1-based column in `source` of the character at 1-based `column` of
/// `text`, which is `source` with its markup left out: each of `text`'s
/// characters up to it is found in turn, past what lies between (`**`,
/// `[`, a list's marker). Spaces match any white space, as the reader
/// reads a tab or a no-break space as one. `None` when one is not found
/// (an entity such as `&amp;` read as `&` is found at its `&`; one
/// written as a number is not), and when `column` is past `text`'s end.
fn source_column(text: &str, source: &str, column: usize) -> Option<usize> {
    let same = |a: char, b: char| a == b || (a.is_whitespace() && b.is_whitespace());
    let mut at = source.chars().enumerate();
    let mut found = None;
    let mut counted = 0;
    for c in text.chars().take(column) {
        found = Some(at.find(|&(_, s)| same(c, s))?.0);
        counted += 1;
    }
    found.filter(|_| counted == column).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_past_markup_is_its_column_in_the_source() {
        assert_eq!(
            source_column("Save Lipa Park", "**Save Lipa Park**", 1),
            Some(3)
        );
        assert_eq!(
            source_column("6/1/23 12:04 PM", "*6/1/23* 12:04 PM", 8),
            Some(10)
        );
        assert_eq!(source_column("• Serbia", "- • Serbia", 1), Some(3));
        // Text without markup: the same column.
        assert_eq!(
            source_column("6/1/23 12:04 PM", "6/1/23 12:04 PM", 8),
            Some(8)
        );
        // A character the source writes otherwise: not found.
        assert_eq!(source_column("a – b", "a &#8211; b", 3), None);
        // Past the text's end: no character to find.
        assert_eq!(source_column("Park", "**Park**", 5), None);
        assert_eq!(source_column("", "**", 1), None);
    }
}

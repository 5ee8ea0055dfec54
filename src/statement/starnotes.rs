//! Notes a plain text marks with asterisks.
//!
//! Plain text has no footnotes, so writers mark a sentence with "*" (and
//! the next with "**", or "†") and put the note at the end: "The council
//! wants to close the baths in April.*" … "* Cabinet report, 3 December
//! 2026, item 7." Read as text, "* Cabinet report" opened a bulleted list
//! (its asterisk, which the reference points to, printed as a bullet) and
//! "** Figures from…" ran into it as the same item.
//!
//! The paragraphs that end a text and open with a mark its text refers to
//! (a word ends with that very mark, "April.*", "year.**") are notes, one
//! a mark, each under its mark as written; a line without a mark goes on
//! the note above. They are set as endnotes, where Markdown's footnotes
//! go. A "* " line the text does not refer to stays a list's item.

use std::collections::HashSet;

use super::classify::raw_text;
use super::clean::is_space;
use super::{Line, Para, ParaKind};
use crate::statement::document::{BlockKind, Span};

/// The marks a note may open with, repeated for later notes ("*", "**",
/// "†", "‡‡").
const MARKS: [char; 3] = ['*', '†', '‡'];

/// Most repeats of a mark: "***" is the third note; a longer run is a
/// separator or a rating.
const MAX_RUN: usize = 3;

/// `paras` without their trailing notes, and the notes, one paragraph
/// each, in order.
pub(super) fn split(mut paras: Vec<Para>) -> (Vec<Para>, Vec<Para>) {
    // One reading of the text for the marks it refers to: a text of many
    // marked lines is not read again for each.
    let referred = referred_to(&paras);
    let note = |line: &Line| note_mark(&raw_text(line)).filter(|(mark, _)| referred.contains(mark));
    let mut start = paras.len();
    while start > 1 {
        let p = &paras[start - 1];
        if p.kind != ParaKind::Body || note(&p.lines[0]).is_none() {
            break;
        }
        start -= 1;
    }
    if start == paras.len() {
        return (paras, Vec::new());
    }
    let taken = paras.split_off(start);
    let mut notes: Vec<Para> = Vec::new();
    for line in taken.into_iter().flat_map(|p| p.lines) {
        match note(&line) {
            Some((mark, text)) => notes.push(Para {
                kind: ParaKind::Fixed(BlockKind::Note { marker: mark }),
                lines: vec![Line {
                    spans: vec![Span::plain(text)],
                    kept: false,
                    ..line
                }],
            }),
            _ => match notes.last_mut() {
                Some(note) => note.lines.push(line),
                // Not met: the first paragraph taken opens with a note.
                None => notes.push(Para {
                    kind: ParaKind::Body,
                    lines: vec![line],
                }),
            },
        }
    }
    (paras, notes)
}

/// The mark `line` opens with and the text after it, if it opens with a
/// run of one of [`MARKS`] and a space.
fn note_mark(line: &str) -> Option<(String, String)> {
    let line = line.trim_start_matches(is_space);
    let first = line.chars().next().filter(|c| MARKS.contains(c))?;
    let run = line.chars().take_while(|&c| c == first).count();
    let rest = &line[run * first.len_utf8()..];
    let text = rest.trim_start_matches(is_space);
    (run <= MAX_RUN && text.len() < rest.len() && !text.is_empty())
        .then(|| (first.to_string().repeat(run), text.to_string()))
}

/// The marks a word of `paras` ends with, each the whole run of its
/// character: "April.*" refers to "*", "year.**" to "**" only. A note's
/// own mark, opening its line, follows no word.
fn referred_to(paras: &[Para]) -> HashSet<String> {
    let mut marks = HashSet::new();
    for line in paras.iter().flat_map(|p| &p.lines) {
        let chars: Vec<char> = raw_text(line).chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let run = chars[i..].iter().take_while(|&&x| x == c).count();
            let after_word = i > 0 && !is_space(chars[i - 1]);
            let ends_word = chars
                .get(i + run)
                .is_none_or(|&x| is_space(x) || x.is_ascii_punctuation());
            if MARKS.contains(&c) && run <= MAX_RUN && after_word && ends_word {
                marks.insert(c.to_string().repeat(run));
            }
            i += run;
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::super::plain::testing::paras;
    use super::*;

    fn read(text: &str) -> (Vec<String>, Vec<(String, String)>) {
        let (body, notes) = split(paras(text));
        let body = body.iter().map(|p| raw_text(&p.lines[0])).collect();
        let notes = notes
            .iter()
            .map(|p| {
                let ParaKind::Fixed(BlockKind::Note { marker }) = &p.kind else {
                    panic!("not a note: {p:?}");
                };
                let text: Vec<String> = p.lines.iter().map(raw_text).collect();
                (marker.clone(), text.join(" "))
            })
            .collect();
        (body, notes)
    }

    #[test]
    fn marked_lines_at_the_end_are_the_notes_the_text_refers_to() {
        let (body, notes) = read(
            "Keep the baths\n\nThe council will close them in April.* It is the only \
             pool for miles.**\n\n* Cabinet report, item 7.\n** Figures from the \
             swimming club,\nwho counted them.\n",
        );
        assert_eq!(body.len(), 2);
        assert_eq!(
            notes,
            [
                ("*".to_string(), "Cabinet report, item 7.".to_string()),
                (
                    "**".to_string(),
                    "Figures from the swimming club, who counted them.".to_string()
                )
            ]
        );
        let (_, notes) = read("Title\n\nFounded in 1926.†\n\n† As a friendly society.\n");
        assert_eq!(
            notes,
            [("†".to_string(), "As a friendly society.".to_string())]
        );
    }

    #[test]
    fn a_list_the_text_does_not_refer_to_stays_a_list() {
        // No word ends with "*": a bulleted list.
        let (body, notes) = read("Title\n\nWe want:\n\n* safe streets\n* a new pool\n");
        assert_eq!(body.len(), 3);
        assert!(notes.is_empty());
        // "**" is referred to, "*" is not: the "*" paragraph ends the text.
        let (body, notes) = read("Title\n\nFigures.**\n\n* one\n");
        assert_eq!(body.len(), 3);
        assert!(notes.is_empty());
        // A note mark inside the text, not at its end, stays as written.
        let (body, notes) = read("Title\n\nIn April.*\n\n* The report.\n\nMore text.\n");
        assert_eq!(body.len(), 4);
        assert!(notes.is_empty());
    }
}

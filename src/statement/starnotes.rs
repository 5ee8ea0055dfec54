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
    let mut start = paras.len();
    while start > 1 {
        let p = &paras[start - 1];
        let opens = p.kind == ParaKind::Body
            && note_mark(&raw_text(&p.lines[0]))
                .is_some_and(|(mark, _)| referred_to(&paras[..start - 1], &mark));
        if !opens {
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
        match note_mark(&raw_text(&line)) {
            Some((mark, text)) if referred_to(&paras, &mark) => notes.push(Para {
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

/// Whether a word of `paras` ends with `mark`, the whole run of its
/// character: "April.*" refers to "*", "year.**" to "**" only.
fn referred_to(paras: &[Para], mark: &str) -> bool {
    let c = mark.chars().next().unwrap_or('*');
    let run = mark.chars().count();
    paras.iter().flat_map(|p| &p.lines).any(|line| {
        let text = raw_text(line);
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != c {
                i += 1;
                continue;
            }
            let end = chars[i..].iter().take_while(|&&x| x == c).count() + i;
            let after_word = i > 0 && !is_space(chars[i - 1]);
            let ends_word = chars
                .get(end)
                .is_none_or(|&x| is_space(x) || x.is_ascii_punctuation());
            if end - i == run && after_word && ends_word {
                return true;
            }
            i = end;
        }
        false
    })
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

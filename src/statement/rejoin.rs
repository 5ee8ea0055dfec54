//! Words broken with a hyphen at a line's end, as text copied out of a
//! PDF (or any hyphenated page) has them: "the organi-" / "sation of the
//! strike". A plain-text paragraph's lines are joined with a space, which
//! printed "organi- sation", hyphen and gap in the middle of the word, as
//! Markdown did with its soft line breaks. Such a word is joined again
//! here, each part in its own style, before anything else reads the lines.
//!
//! The hyphen itself is the question: it was put there to break the line
//! ("organi-sation") or is part of the word ("well-known"). Without a
//! dictionary of every language nothing can tell for sure, so the rules
//! are few and said in a warning:
//! - the hyphen stays when the word is written with it elsewhere in the
//!   statement, when the next line goes on with a capital or a digit
//!   ("Mieter-" / "Initiative", "COVID-" / "19"), after a prefix written
//!   with one ([`HYPHENATED_PREFIXES`]), and in an address;
//! - otherwise it goes, as it does in the far more common case of a word
//!   hyphenated to justify a page.
//!
//! A soft hyphen (U+00AD) at a line's end joins without a question: it
//! only ever marks where a word may break.

use std::collections::HashSet;

use super::classify::raw_text;
use super::clean::is_space;
use super::{Line, Para};
use crate::error::{Location, Warning};
use crate::statement::document::Span;

/// Prefixes written with a hyphen before the rest of the word in English
/// ("self-organised", "well-known", "non-violent", "ex-workers",
/// "anti-fascist"), where a line's end after them breaks a compound, not a
/// word. Folded to lower case.
const HYPHENATED_PREFIXES: &[&str] = &[
    "all", "anti", "cross", "ex", "half", "non", "post", "self", "semi", "vice", "well",
];

/// How many joined words, and how many that kept their hyphen, the warning
/// quotes as examples.
const EXAMPLES: usize = 3;

/// One word joined again: where, and how.
struct Join {
    line: usize,
    left: String,
    right: String,
    kept_hyphen: bool,
}

/// `paras` with the words their lines broke with a hyphen joined again;
/// one warning in `warnings`, at the first, says which and how.
pub(super) fn words(mut paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    // The words the statement writes with a hyphen, once: looked up for
    // each join, so a long text of broken words stays linear.
    let hyphenated: HashSet<String> = paras
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| {
            raw_text(l)
                .split(is_space)
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| w.contains('-'))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut joins = Vec::new();
    for para in &mut paras {
        let mut i = 0;
        while i + 1 < para.lines.len() {
            if let Some((edit, how)) = join(&para.lines[i], &para.lines[i + 1], &hyphenated) {
                joins.extend(how);
                let (a, b) = para.lines.split_at_mut(i + 1);
                let (a, b) = (&mut a[i], &mut b[0]);
                drop_tail(&mut a.spans, edit.cut_a);
                // The word's end, each part in its own style ("*demo-*" /
                // "*cratic*,"), without the spaces around it.
                for mut span in take_head(&mut b.spans, edit.take_b) {
                    span.text.retain(|c| !is_space(c));
                    match a.spans.last_mut() {
                        _ if span.text.is_empty() => {}
                        Some(last) if last.style == span.style => last.text.push_str(&span.text),
                        _ => a.spans.push(span),
                    }
                }
                if b.spans.iter().all(|s| s.text.is_empty()) {
                    // The next line was the word's end alone: the one
                    // after it may go on with another broken word.
                    para.lines.remove(i + 1);
                    continue;
                }
            }
            i += 1;
        }
    }
    if let Some(first) = joins.first() {
        warnings.push(Warning {
            at: Location::line(file, first.line),
            message: message(&joins),
        });
    }
    paras
}

/// How a word broken over two lines is joined: what of line `a`'s text
/// goes from its end (spaces, and the hyphen unless the word keeps it),
/// and what of `b`'s moves up from its start (spaces, the word's end, the
/// spaces after it), in bytes.
struct Edit {
    cut_a: usize,
    take_b: usize,
}

/// How line `a` takes the end of the word it breaks from line `b`;
/// `None` when `a` breaks no word. The join is reported unless it was at
/// a soft hyphen.
fn join(a: &Line, b: &Line, hyphenated: &HashSet<String>) -> Option<(Edit, Option<Join>)> {
    let raw_a = raw_text(a);
    let raw_b = raw_text(b);
    let a_text = raw_a.trim_end_matches(is_space);
    let b_text = raw_b.trim_start_matches(is_space);
    let (head, mark) = a_text
        .strip_suffix('\u{ad}')
        .map(|h| (h, '\u{ad}'))
        .or_else(|| a_text.strip_suffix('-').map(|h| (h, '-')))
        .or_else(|| a_text.strip_suffix('\u{2010}').map(|h| (h, '\u{2010}')))?;
    let left = head.rsplit(is_space).next().unwrap_or(head);
    let first = b_text.chars().next()?;
    if !left.chars().last().is_some_and(char::is_alphabetic)
        || !(first.is_alphabetic() || first.is_ascii_digit())
    {
        return None;
    }
    let (right, rest) = b_text
        .split_once(is_space)
        .map_or((b_text, ""), |(r, rest)| {
            (r, rest.trim_start_matches(is_space))
        });
    let edit = |keep: bool| Edit {
        cut_a: raw_a.len() - if keep { a_text.len() } else { head.len() },
        take_b: raw_b.len() - rest.len(),
    };
    if mark == '\u{ad}' {
        return Some((edit(true), None));
    }
    if first.is_alphabetic() && !first.is_lowercase() && !first.is_uppercase() {
        // A script without capitals, and no hyphenated pages to copy from.
        return None;
    }
    let word = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let (left_word, right_word) = (word(left), word(right));
    let written_with_it = hyphenated.contains(&format!("{left_word}-{right_word}").to_lowercase());
    let keep = written_with_it
        || !first.is_lowercase()
        || HYPHENATED_PREFIXES.contains(&left_word.to_lowercase().as_str())
        || left.contains(['/', '@', '.']);
    let how = Join {
        line: a.no,
        left: left_word,
        right: right_word,
        kept_hyphen: keep,
    };
    Some((edit(keep), Some(how)))
}

/// Drops the last `n` bytes of the spans' text.
fn drop_tail(spans: &mut Vec<Span>, mut n: usize) {
    while n > 0 {
        let Some(last) = spans.last_mut() else {
            return;
        };
        let cut = n.min(last.text.len());
        last.text.truncate(last.text.len() - cut);
        n -= cut;
        if last.text.is_empty() {
            spans.pop();
        }
    }
}

/// Takes the first `n` bytes of the spans' text, in their spans.
fn take_head(spans: &mut Vec<Span>, mut n: usize) -> Vec<Span> {
    let mut taken = Vec::new();
    while n > 0 && !spans.is_empty() {
        let cut = n.min(spans[0].text.len());
        taken.push(Span {
            text: spans[0].text.drain(..cut).collect(),
            style: spans[0].style,
        });
        n -= cut;
        if spans[0].text.is_empty() {
            spans.remove(0);
        }
    }
    taken
}

/// The warning for `joins` (not empty).
fn message(joins: &[Join]) -> String {
    let quote = |j: &Join| {
        if j.kept_hyphen {
            format!("“{}-{}” (line {})", j.left, j.right, j.line)
        } else {
            format!("“{}{}” (line {})", j.left, j.right, j.line)
        }
    };
    let list = |kept: bool| -> (usize, String) {
        let of: Vec<&Join> = joins.iter().filter(|j| j.kept_hyphen == kept).collect();
        let mut shown: Vec<String> = of.iter().take(EXAMPLES).map(|j| quote(j)).collect();
        if of.len() > EXAMPLES {
            shown.push("…".to_string());
        }
        (of.len(), shown.join(", "))
    };
    let (joined, joined_list) = list(false);
    let (kept, kept_list) = list(true);
    let mut parts = Vec::new();
    if joined > 0 {
        parts.push(format!(
            "{joined} word{} broken with a hyphen at a line's end (as text copied from a PDF has \
             them) joined again: {joined_list}",
            if joined == 1 { "" } else { "s" }
        ));
    }
    if kept > 0 {
        parts.push(format!(
            "{kept} kept the hyphen, as the word has it: {kept_list}"
        ));
    }
    format!("{}; check them in the PDF", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::plain::testing::{lines, paras};

    #[test]
    fn a_word_broken_at_a_lines_end_is_joined_again() {
        let text = "The organi-\nsation of the strike is taken by the assem-\nbly.\n\nThe well-\nknown firm, a self-\norganised group.\n";
        let mut warnings = Vec::new();
        let out = words(paras(text), "p.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [
                vec![
                    "The organisation",
                    "of the strike is taken by the assembly."
                ],
                vec!["The well-known", "firm, a self-organised", "group."],
            ]
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].at.line, Some(1));
        assert_eq!(
            warnings[0].message,
            "2 words broken with a hyphen at a line's end (as text copied from a PDF has them) \
             joined again: “organisation” (line 1), “assembly” (line 2); 2 kept the hyphen, \
             as the word has it: “well-known” (line 5), “self-organised” (line 6); check them \
             in the PDF"
        );
    }

    #[test]
    fn the_hyphen_stays_where_the_word_has_it() {
        let text = "A long-term plan, and a long-\nterm fight. The Mieter-\nInitiative, COVID-\n19, and https://example.org/rent-\nstrike.\n";
        let mut warnings = Vec::new();
        let out = words(paras(text), "p.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [vec![
                "A long-term plan, and a long-term",
                "fight. The Mieter-Initiative,",
                "COVID-19,",
                "and https://example.org/rent-strike."
            ]]
        );
    }

    #[test]
    fn dashes_soft_hyphens_and_paragraph_ends_are_not_broken_words() {
        let text = "We demand -\nrent cuts, and --\nrepairs; the organ\u{ad}\nisation.\n\nEnds with a-\n\nnew paragraph.\n";
        let mut warnings = Vec::new();
        let out = words(paras(text), "p.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [
                vec![
                    "We demand -",
                    "rent cuts, and --",
                    "repairs; the organ\u{ad}isation."
                ],
                vec!["Ends with a-"],
                vec!["new paragraph."],
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}

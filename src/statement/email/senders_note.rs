//! The note the sender of a forwarded message wrote over the statement in
//! it ("Hi all, here is the final text … Thanks! Maria"): read by its
//! greeting or its thanks and name, and left off when a headline follows.

use super::{left_off, line_span, NOTE_MAX_PARAS, NOTE_MAX_WORDS, NOTE_QUOTE_CHARS};
use crate::error::Warning;
use crate::statement::classify::{final_mark, may_be_headline, opens_with_any, raw_text};
use crate::statement::clean::{is_space, opening_words};
use crate::statement::{Para, ParaKind};

/// The greetings a note to a colleague opens with (lower case), in the
/// languages of [`HEADER_FIELDS`]. Not the words a statement addresses
/// its readers with ("comrades", "friends", "neighbours").
///
/// [`HEADER_FIELDS`]: super::header
const NOTE_GREETINGS: &[&str] = &[
    "hi",
    "hey",
    "hello",
    "dear all",
    "hallo",
    "moin",
    "servus",
    "salut",
    "bonjour",
    "hola",
    "olá",
    "oi",
    "ciao",
    "hoi",
    "dag allemaal",
];

/// The thanks a note to a colleague closes with before the sender's name
/// (lower case), in the same languages.
const NOTE_THANKS: &[&str] = &[
    "thanks",
    "many thanks",
    "thank you",
    "best wishes",
    "kind regards",
    "best regards",
    "vielen dank",
    "liebe grüße",
    "viele grüße",
    "merci beaucoup",
    "muchas gracias",
    "cheers",
    "best",
    "danke",
    "grüße",
    "merci",
    "bises",
    "gracias",
    "saludos",
    "obrigado",
    "obrigada",
    "grazie",
    "bedankt",
    "groetjes",
];

/// The most words of the name after a note's thanks ("Maria", "Jo
/// Bloggs", "Ana María López").
const SIGNATURE_MAX_WORDS: usize = 3;

/// Drops the note the sender of a forwarded message wrote over the
/// statement in it ("Hi all, here is the final text for the leaflet …
/// Thanks! Maria"), from `paras[at..]`, the message under its header:
/// one to [`NOTE_MAX_PARAS`] short paragraphs that greet or thank the
/// reader (see [`is_senders_note`]), followed by a paragraph that may be
/// the headline and more text. Printed, the note was the leaflet's first
/// paragraph and the headline a heading under it. `plain` is whether the
/// statement is plain text, `forwarded` whether the mail forwarded it (or
/// replied). The note is reported in `warnings`.
pub(super) fn drop_senders_note(
    paras: &mut Vec<Para>,
    at: usize,
    (plain, forwarded): (bool, bool),
    file: &str,
    warnings: &mut Vec<Warning>,
) {
    let Some(start) = (at..paras.len()).find(|&k| !paras[k].lines.is_empty()) else {
        return;
    };
    let end = (start + 1..=start + NOTE_MAX_PARAS).find(|&end| {
        paras.get(end + 1).is_some()
            && is_headline_line(&paras[end], plain)
            && is_senders_note(&paras[start..end])
    });
    let Some(mut end) = end else {
        return;
    };
    // "Hi all, … print 300." / "Maria": the sender's name alone under the
    // note reads as a headline too, but the headline is the next line.
    if is_name(&paras[end])
        && paras.get(end + 2).is_some()
        && is_headline_line(&paras[end + 1], plain)
    {
        end += 1;
    }
    let first = &paras[start].lines[0];
    let last = paras[end - 1].lines.last().unwrap_or(first);
    let (opening, _) = opening_words(&raw_text(first), NOTE_QUOTE_CHARS);
    let statement = if forwarded {
        "the forwarded statement's headline"
    } else {
        "the headline of the statement in the reply"
    };
    warnings.push(left_off(
        file,
        first.no,
        &format!(
            "{} (“{}…”), over {statement}, left off the leaflet as its sender's note; if \
             this is part of the statement, put it after the headline",
            line_span(first.no, last.no),
            opening.trim_end()
        ),
    ));
    paras.drain(start..end);
}

/// Whether a paragraph is a name alone, as a note is signed: one line of
/// one to [`SIGNATURE_MAX_WORDS`] capitalised words, no mark after them.
fn is_name(p: &Para) -> bool {
    let [line] = &p.lines[..] else {
        return false;
    };
    let text = raw_text(line);
    let words: Vec<&str> = text.split_whitespace().collect();
    p.kind == ParaKind::Body
        && signs_a_name(&words)
        && words.iter().all(|w| w.chars().all(char::is_alphabetic))
}

/// Whether a paragraph reads as a headline: a Markdown title or heading,
/// or one line that may be the headline and does not end as a sentence or
/// clause does ("It will cost us more." is the statement's text).
fn is_headline_line(p: &Para, plain: bool) -> bool {
    if p.kind != ParaKind::Body {
        return may_be_headline(p, plain);
    }
    p.lines.len() == 1
        && may_be_headline(p, plain)
        && !matches!(
            final_mark(raw_text(&p.lines[0]).trim_end_matches(is_space)),
            Some('.' | ',' | ';' | ':')
        )
}

/// Whether `paras` read as a note to whoever prints a statement, not as
/// its text: body paragraphs of at most [`NOTE_MAX_WORDS`] words that open
/// with a greeting ([`NOTE_GREETINGS`]: "Hi all,") or close with thanks
/// and a name ([`NOTE_THANKS`]: "Thanks! Maria"). A statement's own
/// opening addresses its readers ("Dear neighbours,", "Comrades!") and
/// does not sign off before its headline.
fn is_senders_note(paras: &[Para]) -> bool {
    let lines: Vec<String> = paras.iter().flat_map(|p| &p.lines).map(raw_text).collect();
    let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
    if words > NOTE_MAX_WORDS || paras.iter().any(|p| p.kind != ParaKind::Body) {
        return false;
    }
    let greets = lines
        .first()
        .is_some_and(|l| opens_with_any(l.trim_matches(is_space), NOTE_GREETINGS));
    // "Thanks,\nMaria" is one closing, over two lines.
    let closing = paras.last().map(|p| {
        let lines: Vec<String> = p.lines.iter().map(raw_text).collect();
        lines.join(" ")
    });
    greets || closing.is_some_and(|c| thanks_and_name(&c))
}

/// Whether a line ends with thanks and a name: "Thanks! Maria", "Many
/// thanks, Jo", "Danke, Lea": the last [`NOTE_THANKS`] phrase in it
/// followed by one to [`SIGNATURE_MAX_WORDS`] capitalised words.
pub(super) fn thanks_and_name(line: &str) -> bool {
    let lower = line.to_lowercase();
    // The thanks opens the line or a sentence or clause of it: "We
    // deserve the best NHS" thanks no one.
    let opens = |i: usize| {
        lower[..i]
            .trim_end_matches(is_space)
            .chars()
            .last()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ',' | ';' | ':'))
    };
    let Some(after) = NOTE_THANKS
        .iter()
        .filter_map(|t| lower.rfind(t).filter(|&i| opens(i)).map(|i| i + t.len()))
        .max()
    else {
        return false;
    };
    // Lower-casing keeps byte offsets in the scripts these words are in.
    let Some(rest) = line.get(after..) else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| is_space(c) || matches!(c, ',' | '!' | '.' | '-' | '–'))
        .filter(|w| !w.is_empty())
        .collect();
    signs_a_name(&words)
}

/// Whether `words` are a name a note is signed with: one to
/// [`SIGNATURE_MAX_WORDS`] of them, each capitalised.
fn signs_a_name(words: &[&str]) -> bool {
    (1..=SIGNATURE_MAX_WORDS).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

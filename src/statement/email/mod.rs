//! What an e-mail wraps around a statement pasted from it, in plain text:
//! a forwarder's note and the divider over the forwarded message ("Hi
//! all, please print this" / "---------- Forwarded message ---------"),
//! its header, a reply's "Subject: Re: …" and the earlier messages it
//! quotes, the `>` of quoted lines, the `--` over a signature (the
//! lines under it are the signature, each set as written), and rules
//! typed as a row of `=` or `-`. None of it is the statement's text,
//! and printed it reads as debris ("From: Maria Lopez <maria@…> Sent:
//! Tuesday…" as the headline, a line of fifty "=" across a column). Each
//! piece left off is a warning with its line, so nothing goes unsaid.
//!
//! Hand-written, as no crate reads a pasted e-mail's body: mail parsers
//! (`mailparse` and the like) take a whole RFC 5322 message, where the
//! header ends at a blank line and the body has no such remnants.

mod app_signature;
mod forward;
mod header;
mod reply;
mod senders_note;
#[cfg(test)]
mod tests;

use super::classify::raw_text;
use super::clean::is_space;
use super::{Line, Para, ParaKind};
use crate::error::{Location, Warning};
use crate::statement::document::{BlockKind, Span};
use app_signature::drop_app_signatures;
use forward::drop_forwarding;
use header::drop_header;
pub(super) use reply::unwrap_approval;
use reply::{drop_reply_subject, drop_reply_trail};
use senders_note::drop_senders_note;

/// The most paragraphs and words a forwarder's note over a forwarded
/// message has ("Hi all, please print this for Saturday. Thanks, Jo"):
/// more, and what comes before the message is text of the statement,
/// which stays.
const NOTE_MAX_PARAS: usize = 3;
const NOTE_MAX_WORDS: usize = 80;

/// How much of a forwarder's note its warning quotes, in characters.
const NOTE_QUOTE_CHARS: usize = 40;

/// The shortest row of one mark that is a rule typed into the text, not a
/// section break: "* * *" and "---" mark a break in the text and stay
/// (see `plain::is_separator`); "==================" is a line drawn
/// across an e-mail.
const RULE_MIN_MARKS: usize = 8;

/// The paragraphs of a plain-text statement without its e-mail remnants,
/// each one left off reported in `warnings` as in `file`.
pub(super) fn tidy(paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    let from = warnings.len();
    let paras = drop_app_signatures(paras, file, warnings);
    let (mut paras, header_at) = drop_forwarding(paras, file, warnings);
    let forwarded = paras
        .get_mut(header_at)
        .is_some_and(|p| drop_header(p, file, warnings));
    if forwarded || replied(&mut paras, header_at, true, file, warnings) {
        drop_senders_note(&mut paras, header_at, (true, forwarded), file, warnings);
    }
    let mut out = Vec::with_capacity(paras.len());
    for para in paras {
        let mut para = para;
        let signature = para
            .lines
            .first()
            .is_some_and(|l| raw_text(l).trim_matches(is_space) == "--");
        para.lines.retain(|line| {
            let text = raw_text(line);
            let trimmed = text.trim_matches(is_space);
            let what = if trimmed == "--" {
                "the “--” that opens an e-mail signature"
            } else if is_typed_rule(trimmed) {
                "a rule typed as a row of marks"
            } else {
                return true;
            };
            warnings.push(left_off(file, line.no, &format!("{what} is left off")));
            false
        });
        if para.lines.is_empty() {
            continue;
        }
        if signature && para.kind == ParaKind::Body {
            // A forwarded mail's signature is its sender's, often with a
            // phone number of their own: printed, but said.
            if forwarded {
                let (first, last) = (para.lines[0].no, para.lines[para.lines.len() - 1].no);
                warnings.push(Warning {
                    at: Location::line(file, first),
                    message: format!(
                        "the forwarded e-mail's signature under the “--” ({}) is printed as \
                         the sign-off; delete it if it is not the statement's",
                        line_span(first, last)
                    ),
                });
            }
            // Under the "--", a signature: each line its own, as written.
            out.extend(para.lines.into_iter().map(|line| Para {
                kind: ParaKind::Fixed(BlockKind::SignOff),
                lines: vec![line],
            }));
            continue;
        }
        if para.kind == ParaKind::Body && para.lines.iter().all(|l| quoted(&raw_text(l))) {
            let (first, last) = (para.lines[0].no, para.lines[para.lines.len() - 1].no);
            let lines = line_span(first, last);
            warnings.push(left_off(
                file,
                first,
                &format!(
                    "the “>” marks of a quoted reply ({lines}) are left off; it is set as a quote"
                ),
            ));
            para = unquoted(para);
        }
        out.push(para);
    }
    in_line_order(&mut warnings[from..]);
    out
}

/// The warnings of what was left off, in the order of their lines: a
/// reply's trail is found before the note over its headline, which comes
/// first in the file.
fn in_line_order(warnings: &mut [Warning]) {
    warnings.sort_by_key(|w| w.at.line);
}

/// The paragraphs of a Markdown statement without what a mail wraps
/// around it: a forwarder's note, a mail client's divider and header, and
/// the line a mail app signs with ("Sent from my iPhone"). A mail pasted
/// into the web page is Markdown there. The rest of [`tidy`] (typed rules,
/// the "--" over a signature, ">" quotes) is plain text's: Markdown has
/// its own rules and quotes.
pub(super) fn tidy_markdown(
    paras: Vec<Para>,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<Para> {
    let from = warnings.len();
    let (mut paras, header_at) = drop_forwarding(paras, file, warnings);
    let forwarded = paras
        .get_mut(header_at)
        .is_some_and(|p| p.kind == ParaKind::Body && drop_header(p, file, warnings));
    if forwarded || replied(&mut paras, header_at, false, file, warnings) {
        drop_senders_note(&mut paras, header_at, (false, forwarded), file, warnings);
    }
    paras.retain(|p| !p.lines.is_empty());
    let paras = drop_app_signatures(paras, file, warnings);
    in_line_order(&mut warnings[from..]);
    paras
}

/// Drops what a reply wraps around a statement (a subject marked "Re:"
/// over it, the quoted trail of earlier messages), from `paras[at..]`:
/// the message, under any forwarding. Returns whether either was there,
/// and so the mail's sender may have written a note over the headline.
fn replied(
    paras: &mut Vec<Para>,
    at: usize,
    plain: bool,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> bool {
    let subject = paras
        .get_mut(at)
        .is_some_and(|p| p.kind == ParaKind::Body && drop_reply_subject(p, file, warnings));
    if paras.get(at).is_some_and(|p| p.lines.is_empty()) {
        paras.remove(at);
    }
    let mut message = paras.split_off(at);
    let trail = drop_reply_trail(&mut message, plain, file, warnings);
    paras.append(&mut message);
    subject || trail
}

/// The most levels of `>` taken off a text quoted whole: a message
/// forwarded as a reply to a reply.
const MAX_QUOTE_LEVELS: usize = 4;

/// `text` without the `>` marks of a message quoted whole, every line
/// that is not blank quoted (a statement pasted from a reply, or from a
/// mail that quotes the forwarded message), and the number of levels
/// taken off; `None` when a line is not quoted. Each mark becomes a
/// space, so a column in a message still points at its
/// character, and a line of marks alone becomes blank, as it was in the
/// message: quoted, the blank lines between paragraphs were lines of
/// ">", and the whole message was one paragraph set as a quote, with no
/// headline and the mail's header in it.
pub(super) fn unquote_whole(text: &str) -> Option<(String, usize)> {
    let mut out = text.to_string();
    let mut levels = 0;
    while levels < MAX_QUOTE_LEVELS {
        let mut lines = out
            .split('\n')
            .filter(|l| !l.trim_matches(is_space).is_empty());
        let all = lines.clone().next().is_some() && lines.all(quoted);
        if !all {
            break;
        }
        out = out
            .split('\n')
            .map(|line| {
                let Some(at) = line.find('>').filter(|_| quoted(line)) else {
                    return String::new();
                };
                let rest = &line[at + 1..];
                if rest.trim_matches(is_space).is_empty() {
                    String::new()
                } else {
                    format!("{} {rest}", &line[..at])
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        levels += 1;
    }
    (levels > 0).then_some((out, levels))
}

/// "line 4", or "lines 4–7": the lines `first` to `last`, for a warning.
fn line_span(first: usize, last: usize) -> String {
    if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}–{last}")
    }
}

/// Whether a line is a rule typed into the text: one mark (`=`, `-`, `_`,
/// `~`, `*`, `#`) repeated at least [`RULE_MIN_MARKS`] times, nothing else.
fn is_typed_rule(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(mark) = chars.next() else {
        return false;
    };
    matches!(mark, '=' | '-' | '_' | '~' | '*' | '#')
        && text.chars().all(|c| c == mark)
        && text.chars().count() >= RULE_MIN_MARKS
}

/// Whether a line is quoted from an earlier message ("> I think …").
fn quoted(text: &str) -> bool {
    text.trim_start_matches(is_space).starts_with('>')
}

/// A paragraph of quoted lines as a quote, without their `>` marks (and
/// the space after them; `>>` of a quote within a quote too).
fn unquoted(para: Para) -> Para {
    let lines = para
        .lines
        .into_iter()
        .map(|line| {
            let text = raw_text(&line);
            let rest = text
                .trim_start_matches(is_space)
                .trim_start_matches(|c| c == '>' || is_space(c));
            Line {
                no: line.no,
                spans: vec![Span::plain(rest)],
                kept: line.kept,
            }
        })
        .collect();
    Para {
        kind: ParaKind::Fixed(BlockKind::Quote),
        lines,
    }
}

/// A warning that `message` says was left off at `line` of `file`.
fn left_off(file: &str, line: usize, message: &str) -> Warning {
    Warning {
        at: Location::line(file, line),
        message: message.to_string(),
    }
}

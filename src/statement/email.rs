//! What an e-mail wraps around a statement pasted from it, in plain text:
//! its header, the `>` of quoted lines, the `--` over a signature (the
//! lines under it are the signature, each set as written), and rules
//! typed as a row of `=` or `-`. None of it is the statement's text,
//! and printed it reads as debris ("From: Maria Lopez <maria@…> Sent:
//! Tuesday…" as the headline, a line of fifty "=" across a column). Each
//! piece left off is a warning with its line, so nothing goes unsaid.
//!
//! Hand-written, as no crate reads a pasted e-mail's body: mail parsers
//! (`mailparse` and the like) take a whole RFC 5322 message, where the
//! header ends at a blank line and the body has no such remnants.

use super::classify::raw_text;
use super::clean::is_space;
use super::{Line, Para, ParaKind};
use crate::error::{Location, Warning};
use crate::statement::document::{BlockKind, Span};

/// The header fields a mail client writes over a forwarded or replied-to
/// message, in the languages of its most used clients: English, German,
/// French, Spanish, Portuguese, Italian, Dutch. Folded to lower case.
const HEADER_FIELDS: &[&str] = &[
    "from",
    "sent",
    "date",
    "to",
    "cc",
    "bcc",
    "subject",
    "reply-to", // English
    "von",
    "gesendet",
    "datum",
    "an",
    "betreff", // German
    "de",
    "envoyé",
    "à",
    "objet", // French
    "enviado",
    "para",
    "asunto",
    "fecha", // Spanish
    "assunto",
    "data", // Portuguese
    "da",
    "inviato",
    "a",
    "oggetto", // Italian
    "van",
    "verzonden",
    "aan",
    "onderwerp", // Dutch
];

/// The fields one of which opens a mail header: who sent it.
const SENDER_FIELDS: &[&str] = &["from", "von", "de", "da", "van"];

/// The shortest row of one mark that is a rule typed into the text, not a
/// section break: "* * *" and "---" mark a break in the text and stay
/// (see `plain::is_separator`); "==================" is a line drawn
/// across an e-mail.
const RULE_MIN_MARKS: usize = 8;

/// The paragraphs of a plain-text statement without its e-mail remnants,
/// each one left off reported in `warnings` as in `file`.
pub(super) fn tidy(paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    let mut out = Vec::with_capacity(paras.len());
    for (k, para) in paras.into_iter().enumerate() {
        let mut para = para;
        if k == 0 {
            drop_header(&mut para, file, warnings);
        }
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
            // Under the "--", a signature: each line its own, as written.
            out.extend(para.lines.into_iter().map(|line| Para {
                kind: ParaKind::Fixed(BlockKind::SignOff),
                lines: vec![line],
            }));
            continue;
        }
        if para.kind == ParaKind::Body && para.lines.iter().all(|l| quoted(&raw_text(l))) {
            let (first, last) = (para.lines[0].no, para.lines[para.lines.len() - 1].no);
            let lines = if first == last {
                format!("line {first}")
            } else {
                format!("lines {first}–{last}")
            };
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
    out
}

/// Drops the header a mail client writes over a message ("From: …",
/// "Sent: …", "To: …", "Subject: …") from the first paragraph: its
/// leading lines, when they are two or more header fields and the first
/// names the sender.
fn drop_header(para: &mut Para, file: &str, warnings: &mut Vec<Warning>) {
    let fields: Vec<String> = para
        .lines
        .iter()
        .map_while(|l| header_field(&raw_text(l)))
        .collect();
    if fields.len() < 2 || !SENDER_FIELDS.contains(&fields[0].as_str()) {
        return;
    }
    let (first, last) = (para.lines[0].no, para.lines[fields.len() - 1].no);
    let names: Vec<String> = para.lines[..fields.len()]
        .iter()
        .filter_map(|l| {
            raw_text(l)
                .split_once(':')
                .map(|(n, _)| format!("{}:", n.trim()))
        })
        .collect();
    warnings.push(left_off(
        file,
        first,
        &format!(
            "lines {first}–{last} are an e-mail's header ({}), left off the leaflet",
            names.join(" ")
        ),
    ));
    para.lines.drain(..fields.len());
}

/// The field name of a mail header line ("Subject: Leaflet"), folded to
/// lower case; `None` for any other line.
fn header_field(text: &str) -> Option<String> {
    let (name, value) = text.split_once(':')?;
    let name = name.trim().to_lowercase();
    (HEADER_FIELDS.contains(&name.as_str()) && !value.trim().is_empty()).then_some(name)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Para> {
        super::super::plain::paragraphs(text, 1)
    }

    fn texts(paras: &[Para]) -> Vec<Vec<String>> {
        paras
            .iter()
            .map(|p| p.lines.iter().map(raw_text).collect())
            .collect()
    }

    #[test]
    fn an_email_header_is_left_off_with_a_warning() {
        let text = "From: Maria <m@example.org>\nSent: Tuesday\nTo: list@example.org\n\
                    Subject: RE: Leaflet\n\nDear neighbours,\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(texts(&out), [["Dear neighbours,"]]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].at.line, Some(1));
        assert!(
            warnings[0]
                .message
                .contains("lines 1–4 are an e-mail's header"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn a_first_line_that_only_looks_like_a_field_stays() {
        // One "field", and not a sender: a headline with a colon.
        let text = "To: the council\n\nWe ask for repairs.\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(out.len(), 2);
        assert!(warnings.is_empty());
        let text = "Date: Saturday\nPlace: Town Hall\n\nCome.\n";
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(texts(&out)[0], ["Date: Saturday", "Place: Town Hall"]);
    }

    #[test]
    fn typed_rules_and_the_signature_dash_go_section_breaks_stay() {
        let text = "==========\nRENT STRIKE\n==========\n\n* * *\n\n---\n\n--\nRiverside Tenants\nwww.example.org\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(
            texts(&out),
            [
                vec!["RENT STRIKE"],
                vec!["* * *"],
                vec!["---"],
                vec!["Riverside Tenants"],
                vec!["www.example.org"]
            ]
        );
        assert_eq!(warnings.len(), 3);
        assert_eq!(warnings[2].at.line, Some(9));
        assert_eq!(out[3].kind, ParaKind::Fixed(BlockKind::SignOff));
    }

    #[test]
    fn quoted_lines_become_a_quote_without_their_marks() {
        let text = "> On Monday, John wrote:\n>> I think so\n\nWe agree.\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(out[0].kind, ParaKind::Fixed(BlockKind::Quote));
        assert_eq!(texts(&out)[0], ["On Monday, John wrote:", "I think so"]);
        assert_eq!(out[1].kind, ParaKind::Body);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].message.contains("(lines 1–2)"),
            "{}",
            warnings[0].message
        );
    }
}

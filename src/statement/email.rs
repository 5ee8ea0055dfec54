//! What an e-mail wraps around a statement pasted from it, in plain text:
//! a forwarder's note and the divider over the forwarded message ("Hi
//! all, please print this" / "---------- Forwarded message ---------"),
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

use super::classify::{final_mark, may_be_headline, opens_with_any, raw_text};
use super::clean::{is_space, opening_words};
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

/// The fields only a mail header has (a recipient, a subject, when it was
/// sent), of which a header after a forwarder's note with no divider over
/// it needs one: "From: … / Date: …" under a headline is a press
/// release's meta lines.
const MAIL_ONLY_FIELDS: &[&str] = &[
    "to",
    "cc",
    "bcc",
    "subject",
    "sent",
    "an",
    "betreff",
    "gesendet",
    "à",
    "objet",
    "envoyé",
    "para",
    "asunto",
    "enviado",
    "assunto",
    "a",
    "oggetto",
    "inviato",
    "aan",
    "onderwerp",
    "verzonden",
];

/// The fields one of which opens a mail header: who sent it.
const SENDER_FIELDS: &[&str] = &["from", "von", "de", "da", "van"];

/// The lines Apple Mail writes over a forwarded message, in the same
/// languages. Folded to lower case, without the colon.
const FORWARD_LINES: &[&str] = &[
    "begin forwarded message",
    "anfang der weitergeleiteten nachricht",
    "début du message réexpédié",
    "inicio del mensaje reenviado",
    "início da mensagem reencaminhada",
    "inizio messaggio inoltrato",
    "begin doorgestuurd bericht",
];

/// The labels other clients (Gmail, Outlook, Thunderbird) write between
/// dashes over a forwarded or replied-to message ("---------- Forwarded
/// message ---------", "-----Original Message-----"), in the same
/// languages. Only these: "---- Our demands ----" is a heading someone
/// typed.
const DIVIDER_LABELS: &[&str] = &[
    "forwarded message",
    "original message",
    "weitergeleitete nachricht",
    "ursprüngliche nachricht",
    "message transféré",
    "message d'origine",
    "message original",
    "mensaje reenviado",
    "mensaje original",
    "mensagem encaminhada",
    "mensagem original",
    "messaggio inoltrato",
    "messaggio originale",
    "doorgestuurd bericht",
    "oorspronkelijk bericht",
];

/// The most paragraphs and words a forwarder's note over a forwarded
/// message has ("Hi all, please print this for Saturday. Thanks, Jo"):
/// more, and what comes before the message is text of the statement,
/// which stays.
const NOTE_MAX_PARAS: usize = 3;
const NOTE_MAX_WORDS: usize = 80;

/// The greetings a note to a colleague opens with (lower case), in the
/// languages of [`HEADER_FIELDS`]. Not the words a statement addresses
/// its readers with ("comrades", "friends", "neighbours").
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

/// How much of a forwarder's note its warning quotes, in characters.
const NOTE_QUOTE_CHARS: usize = 40;

/// The shortest row of one mark that is a rule typed into the text, not a
/// section break: "* * *" and "---" mark a break in the text and stay
/// (see `plain::is_separator`); "==================" is a line drawn
/// across an e-mail.
const RULE_MIN_MARKS: usize = 8;

/// How a mail app signs a message it sent ("Sent from my iPhone", "Get
/// Outlook for Android", "Von meinem iPhone gesendet"), in the languages
/// of the header list (lower case): the start of the line. The line must
/// also name a device or an app ([`APP_WORDS`]), so that "Sent from my
/// kitchen table" stays.
const APP_SIGNATURES: &[&str] = &[
    "sent from my ",
    "sent from ",
    "sent with ",
    "sent via ",
    "get outlook for ",
    "von meinem ",
    "gesendet von ",
    "gesendet mit ",
    "envoyé de mon ",
    "envoyé depuis ",
    "envoyé à partir de ",
    "enviado desde ",
    "enviado do meu ",
    "enviado de meu ",
    "inviato da ",
    "inviato dal mio ",
    "verzonden vanaf ",
    "verstuurd vanaf ",
    "verzonden met ",
    "wysłane z ",
    "отправлено с ",
    "послато са ",
    "poslato sa ",
    "poslano s ",
];

/// The devices and apps a mail app's signature names (lower case, found
/// as words).
const APP_WORDS: &[&str] = &[
    "iphone",
    "ipad",
    "android",
    "samsung",
    "galaxy",
    "blackberry",
    "huawei",
    "xiaomi",
    "pixel",
    "smartphone",
    "mobile",
    "handy",
    "outlook",
    "yahoo",
    "gmail",
    "proton",
    "aol",
    "windows",
    "ios",
    "mail",
    "móvil",
    "celular",
    "cellulare",
    "telefoon",
    "телефона",
];

/// The longest line read as a mail app's signature, in characters.
const APP_SIGNATURE_MAX_CHARS: usize = 80;

/// The paragraphs of a plain-text statement without its e-mail remnants,
/// each one left off reported in `warnings` as in `file`.
pub(super) fn tidy(paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    let paras = drop_app_signatures(paras, file, warnings);
    let (mut paras, header_at) = drop_forwarding(paras, file, warnings);
    let forwarded = paras
        .get_mut(header_at)
        .is_some_and(|p| drop_header(p, file, warnings));
    if forwarded {
        drop_senders_note(&mut paras, header_at, true, file, warnings);
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
    out
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
    let (mut paras, header_at) = drop_forwarding(paras, file, warnings);
    if paras
        .get_mut(header_at)
        .is_some_and(|p| p.kind == ParaKind::Body && drop_header(p, file, warnings))
    {
        drop_senders_note(&mut paras, header_at, false, file, warnings);
    }
    paras.retain(|p| !p.lines.is_empty());
    drop_app_signatures(paras, file, warnings)
}

/// `paras` without the lines a mail app signs with ("Sent from my
/// iPhone"), each reported in `warnings`.
fn drop_app_signatures(mut paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    for para in paras.iter_mut().filter(|p| p.kind == ParaKind::Body) {
        para.lines.retain(|line| {
            let text = raw_text(line);
            let trimmed = text.trim_matches(is_space);
            if !is_app_signature(trimmed) {
                return true;
            }
            warnings.push(left_off(
                file,
                line.no,
                &format!("“{trimmed}”, the signature a mail app adds, is left off"),
            ));
            false
        });
    }
    paras.retain(|p| !p.lines.is_empty());
    paras
}

/// Drops the divider a mail client writes over a forwarded message (or
/// the header it writes alone, as Outlook does) and, when what comes
/// before it is short, that too: the forwarder's note to whoever prints
/// it, not the statement. Returns the paragraphs and the index of the one
/// the forwarded message's header starts (0 when nothing was forwarded),
/// for [`drop_header`].
fn drop_forwarding(
    mut paras: Vec<Para>,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> (Vec<Para>, usize) {
    // The first divider or header in reach of a note.
    let found = paras
        .iter()
        .take(NOTE_MAX_PARAS + 1)
        .enumerate()
        .find_map(|(k, p)| {
            let divider = p.lines.iter().position(|l| is_divider(&raw_text(l)));
            match divider {
                Some(i) => Some((k, Some(i))),
                None => (k > 0 && is_mail_header(p)).then_some((k, None)),
            }
        });
    let Some((k, divider)) = found else {
        return (paras, 0);
    };
    let before_lines = divider.unwrap_or(0);
    let note: Vec<&Line> = paras[..k]
        .iter()
        .flat_map(|p| &p.lines)
        .chain(&paras[k].lines[..before_lines])
        .collect();
    let words: usize = note
        .iter()
        .map(|l| raw_text(l).split_whitespace().count())
        .sum();
    let note_is_short = words <= NOTE_MAX_WORDS;
    if note_is_short {
        if let (Some(first), Some(last)) = (note.first(), note.last()) {
            let (start, _) = opening_words(&raw_text(first), NOTE_QUOTE_CHARS);
            let lines = line_span(first.no, last.no);
            warnings.push(left_off(
                file,
                first.no,
                &format!(
                    "{lines} (“{}…”), before a forwarded e-mail, left off the leaflet as \
                     the forwarder's note; if this is part of the statement, put it after \
                     the e-mail's header",
                    start.trim_end()
                ),
            ));
        }
    }
    let Some(i) = divider else {
        if note_is_short {
            paras.drain(..k);
            return (paras, 0);
        }
        return (paras, k);
    };
    let line = &paras[k].lines[i];
    warnings.push(left_off(
        file,
        line.no,
        &format!(
            "“{}”, a mail client's divider, is left off",
            raw_text(line).trim_matches(is_space)
        ),
    ));
    // The divider's paragraph: before the divider, the note or text that
    // stays; after it, the forwarded message.
    let after = paras[k].lines.split_off(i + 1);
    paras[k].lines.truncate(i);
    let kind = paras[k].kind.clone();
    let at = if note_is_short {
        paras.drain(..=k);
        0
    } else if paras[k].lines.is_empty() {
        paras.remove(k);
        k
    } else {
        k + 1
    };
    if !after.is_empty() {
        paras.insert(at, Para { kind, lines: after });
    }
    (paras, at)
}

/// "line 4", or "lines 4–7": the lines `first` to `last`, for a warning.
fn line_span(first: usize, last: usize) -> String {
    if first == last {
        format!("line {first}")
    } else {
        format!("lines {first}–{last}")
    }
}

/// Whether a line is the divider a mail client writes over a forwarded or
/// replied-to message: one of [`DIVIDER_LABELS`] between runs of dashes
/// ("---------- Forwarded message ---------"), or one of Apple Mail's
/// [`FORWARD_LINES`] ("Begin forwarded message:").
fn is_divider(text: &str) -> bool {
    let text = text.trim_matches(is_space);
    let folded = text
        .trim_end_matches(|c: char| c == ':' || is_space(c))
        .to_lowercase();
    if FORWARD_LINES.contains(&folded.as_str()) {
        return true;
    }
    let framed = text.starts_with("--") && text.ends_with("--");
    let label = text
        .trim_matches('-')
        .trim_matches(is_space)
        .replace('’', "'");
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    framed && DIVIDER_LABELS.contains(&label.to_lowercase().as_str())
}

/// Whether a paragraph opens with a header only mail has: the sender, and
/// a recipient, subject or time sent.
fn is_mail_header(para: &Para) -> bool {
    let len = header_len(para);
    para.lines[..len]
        .iter()
        .any(|l| header_field(&raw_text(l)).is_some_and(|f| MAIL_ONLY_FIELDS.contains(&f.as_str())))
}

/// How many of a paragraph's leading lines are a mail header: two or more
/// header fields, the first naming the sender; 0 if they are not one.
fn header_len(para: &Para) -> usize {
    let fields: Vec<String> = para
        .lines
        .iter()
        .map_while(|l| header_field(&raw_text(l)))
        .collect();
    if fields.len() < 2 || !SENDER_FIELDS.contains(&fields[0].as_str()) {
        0
    } else {
        fields.len()
    }
}

/// Drops the header a mail client writes over a message ("From: …",
/// "Sent: …", "To: …", "Subject: …") from the first paragraph: its
/// leading lines, when they are two or more header fields and the first
/// names the sender.
fn drop_header(para: &mut Para, file: &str, warnings: &mut Vec<Warning>) -> bool {
    let len = header_len(para);
    if len == 0 {
        return false;
    }
    let (first, last) = (para.lines[0].no, para.lines[len - 1].no);
    let names: Vec<String> = para.lines[..len]
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
            "{} are an e-mail's header ({}), left off the leaflet",
            line_span(first, last),
            names.join(" ")
        ),
    ));
    para.lines.drain(..len);
    true
}

/// Drops the note the sender of a forwarded message wrote over the
/// statement in it ("Hi all, here is the final text for the leaflet …
/// Thanks! Maria"), from `paras[at..]`, the message under its header:
/// one to [`NOTE_MAX_PARAS`] short paragraphs that greet or thank the
/// reader (see [`is_senders_note`]), followed by a paragraph that may be
/// the headline and more text. Printed, the note was the leaflet's first
/// paragraph and the headline a heading under it. `plain` is whether the
/// statement is plain text. The note is reported in `warnings`.
fn drop_senders_note(
    paras: &mut Vec<Para>,
    at: usize,
    plain: bool,
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
    let Some(end) = end else {
        return;
    };
    let first = &paras[start].lines[0];
    let last = paras[end - 1].lines.last().unwrap_or(first);
    let (opening, _) = opening_words(&raw_text(first), NOTE_QUOTE_CHARS);
    warnings.push(left_off(
        file,
        first.no,
        &format!(
            "{} (“{}…”), over the forwarded statement's headline, left off the leaflet as \
             its sender's note; if this is part of the statement, put it after the headline",
            line_span(first.no, last.no),
            opening.trim_end()
        ),
    ));
    paras.drain(start..end);
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
fn thanks_and_name(line: &str) -> bool {
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
    (1..=SIGNATURE_MAX_WORDS).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// The field name of a mail header line ("Subject: Leaflet"), folded to
/// lower case; `None` for any other line.
fn header_field(text: &str) -> Option<String> {
    let (name, value) = text.split_once(':')?;
    let name = name.trim().to_lowercase();
    (HEADER_FIELDS.contains(&name.as_str()) && !value.trim().is_empty()).then_some(name)
}

/// Whether a line is the signature a mail app adds under what it sends
/// ("Sent from my iPhone"): one of [`APP_SIGNATURES`], naming a device or
/// an app, and nothing more.
fn is_app_signature(text: &str) -> bool {
    if text.chars().count() > APP_SIGNATURE_MAX_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    APP_SIGNATURES.iter().any(|s| lower.starts_with(s))
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| APP_WORDS.contains(&w))
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

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::plain::testing::{lines, paras};

    #[test]
    fn an_email_header_is_left_off_with_a_warning() {
        let text = "From: Maria <m@example.org>\nSent: Tuesday\nTo: list@example.org\n\
                    Subject: RE: Leaflet\n\nDear neighbours,\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(lines(&out), [["Dear neighbours,"]]);
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
        assert_eq!(lines(&out)[0], ["Date: Saturday", "Place: Town Hall"]);
    }

    #[test]
    fn typed_rules_and_the_signature_dash_go_section_breaks_stay() {
        let text = "==========\nRENT STRIKE\n==========\n\n* * *\n\n---\n\n--\nRiverside Tenants\nwww.example.org\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(
            lines(&out),
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
    fn a_mail_apps_signature_is_left_off() {
        for signature in [
            "Sent from my iPhone",
            "Get Outlook for Android<https://aka.ms/AAb9ysg>",
            "Von meinem iPhone gesendet",
            "Envoyé de mon iPad",
            "Enviado desde mi móvil",
            "Sent from Mail for Windows",
        ] {
            let text = format!("We strike.\n\nIn solidarity,\nJo\n\n{signature}\n");
            let mut warnings = Vec::new();
            let out = tidy(paras(&text), "e.txt", &mut warnings);
            assert_eq!(
                lines(&out),
                [vec!["We strike."], vec!["In solidarity,", "Jo"]],
                "{signature}"
            );
            assert_eq!(warnings.len(), 1, "{signature}");
            assert_eq!(warnings[0].at.line, Some(6));
            assert_eq!(
                warnings[0].message,
                format!("“{signature}”, the signature a mail app adds, is left off")
            );
        }
        // A sentence that starts so but names no device or app stays.
        let text = "Sent from the picket line with love\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(lines(&out), [["Sent from the picket line with love"]]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn quoted_lines_become_a_quote_without_their_marks() {
        let text = "> On Monday, John wrote:\n>> I think so\n\nWe agree.\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(out[0].kind, ParaKind::Fixed(BlockKind::Quote));
        assert_eq!(lines(&out)[0], ["On Monday, John wrote:", "I think so"]);
        assert_eq!(out[1].kind, ParaKind::Body);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].message.contains("(lines 1–2)"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn a_forwarded_email_loses_the_forwarders_note_divider_and_header() {
        let text = "Hi all, please print this for Saturday. Thanks, Jo\n\n\
                    ---------- Forwarded message ---------\n\
                    From: Maria Lopez <maria@example.org>\nDate: Tue, 3 Mar 2026\n\
                    Subject: Statement\nTo: Riverside <list@example.org>\n\n\
                    Hands off the estate\n\nWe ask the council to stop the sale.\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [
                ["Hands off the estate"],
                ["We ask the council to stop the sale."]
            ]
        );
        let said: Vec<(Option<usize>, &str)> = warnings
            .iter()
            .map(|w| (w.at.line, w.message.as_str()))
            .collect();
        assert_eq!(said.len(), 3, "{said:?}");
        assert!(
            said[0].1.starts_with(
                "line 1 (“Hi all, please print this for Saturday.…”), before a forwarded e-mail"
            ),
            "{said:?}"
        );
        assert_eq!(said[1].0, Some(3));
        assert!(said[1].1.contains("divider"), "{said:?}");
        assert!(
            said[2].1.contains("lines 4–7 are an e-mail's header"),
            "{said:?}"
        );
    }

    #[test]
    fn other_clients_forwards_are_read_too() {
        // Outlook writes the header alone; Apple Mail its own line.
        for text in [
            "Please print 500.\n\nFrom: Maria <m@example.org>\nSent: Tuesday\nSubject: Leaflet\n\nRents down now.\n",
            "Please print 500.\nBegin forwarded message:\n\nFrom: Maria <m@example.org>\nDate: Tuesday\n\nRents down now.\n",
            "-----Original Message-----\nVon: Maria <m@example.org>\nGesendet: Dienstag\n\nRents down now.\n",
        ] {
            let mut warnings = Vec::new();
            let out = tidy(paras(text), "e.txt", &mut warnings);
            assert_eq!(lines(&out), [["Rents down now."]], "{text}");
            assert!(warnings.len() >= 2, "{warnings:?}");
        }
    }

    /// A forwarded message's header, for the sender's note tests.
    const FORWARDED: &str = "---------- Forwarded message ---------\n\
                             From: Maria Lopez <maria@example.org>\n\
                             Date: Mon, 11 Jan 2027\nSubject: Leaflet\n\n";

    #[test]
    fn the_senders_note_over_a_forwarded_statements_headline_is_left_off() {
        // Before: the note was the leaflet's first paragraph, and the
        // headline a heading under it.
        for (note, lines_said) in [
            (
                "Hi all, here is the final text. Can someone print 500? Thanks! Maria\n\n",
                "line 6",
            ),
            (
                "Hello,\n\nhere is the text for Saturday.\n\nThanks,\nMaria\n\n",
                "lines 6–11",
            ),
            (
                "The final text, for 500 copies by Friday.\nMany thanks, Jo Bloggs\n\n",
                "lines 6–7",
            ),
            ("Hallo zusammen, anbei der Text. Danke, Lea\n\n", "line 6"),
        ] {
            let text =
                format!("{FORWARDED}{note}SAVE THE LIBRARY\n\nThe council plans to close it.\n");
            let mut warnings = Vec::new();
            let out = tidy(paras(&text), "e.txt", &mut warnings);
            assert_eq!(
                lines(&out),
                [["SAVE THE LIBRARY"], ["The council plans to close it."]],
                "{note}"
            );
            let said = warnings.last().map(|w| w.message.as_str()).unwrap_or("");
            assert!(
                said.starts_with(lines_said) && said.contains("its sender's note"),
                "{said}"
            );
        }
    }

    #[test]
    fn a_forwarded_mails_signature_is_printed_and_said() {
        let text = format!("{FORWARDED}Rents down\n\nWe ask.\n\n--\nMaria Lopez\n07700 900123\n");
        let mut warnings = Vec::new();
        let out = tidy(paras(&text), "e.txt", &mut warnings);
        assert_eq!(lines(&out)[2..], [["Maria Lopez"], ["07700 900123"]]);
        let said = warnings.last().map(|w| (w.at.line, w.message.as_str()));
        assert_eq!(
            said,
            Some((
                Some(11),
                "the forwarded e-mail's signature under the “--” (lines 11–12) is printed as \
                 the sign-off; delete it if it is not the statement's"
            ))
        );
        // A statement's own "--" over its signature is the writer's.
        let mut warnings = Vec::new();
        tidy(
            paras("Rents down\n\nWe ask.\n\n--\nRiverside Tenants\n"),
            "e.txt",
            &mut warnings,
        );
        assert!(
            warnings
                .iter()
                .all(|w| !w.message.contains("signature under")),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_forwarded_statements_own_opening_stays() {
        for (opening, rest) in [
            // It addresses its readers, and signs off only at its end.
            (
                "Dear neighbours,\n\nThe council plans to close the library.\n\n",
                "OUR DEMANDS\n\nKeep it open.\n",
            ),
            (
                "Friends! The council plans to close the library.\n\n",
                "OUR DEMANDS\n\nKeep it open.\n",
            ),
            // A greeting followed by a sentence, not by a headline.
            (
                "Hi neighbours, the council plans to close the library.\n\n",
                "It will save less than a manager's salary.\n\nKeep it open.\n",
            ),
        ] {
            let text = format!("{FORWARDED}{opening}{rest}");
            let mut warnings = Vec::new();
            let out = tidy(paras(&text), "e.txt", &mut warnings);
            assert_eq!(
                lines(&out)[0][0],
                opening.lines().next().unwrap(),
                "{opening}"
            );
            assert!(
                warnings
                    .iter()
                    .all(|w| !w.message.contains("sender's note")),
                "{warnings:?}"
            );
        }
        // No forwarded header: nothing says the greeting is a note.
        let text = "Hi all, please print this. Thanks, Jo\n\nSAVE THE LIBRARY\n\nKeep it.\n";
        let mut warnings = Vec::new();
        assert_eq!(tidy(paras(text), "e.txt", &mut warnings).len(), 3);
        // A name after the thanks, not a sentence.
        assert!(thanks_and_name("Thanks! Maria"));
        assert!(thanks_and_name("Many thanks, Ana María López."));
        assert!(!thanks_and_name("Thanks to the council for nothing"));
        assert!(!thanks_and_name("We thank you"));
        assert!(!thanks_and_name("We deserve the best NHS"));
        assert!(thanks_and_name("Print 500. Kind regards, Jo Bloggs"));
    }

    #[test]
    fn a_press_releases_from_and_date_under_its_headline_stay() {
        let text = "Rents down\n\nFrom: Riverside Tenants\nDate: 3 March 2026\n\nWe ask.\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(out.len(), 3);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn text_before_a_divider_that_is_more_than_a_note_stays() {
        let long = "We, the tenants of Mill Road, ask the council to stop the sale of our homes. "
            .repeat(8);
        let text = format!(
            "{long}\n---------- Forwarded message ---------\nFrom: Maria <m@example.org>\n\
             Date: Tuesday\n\nThe council's answer.\n"
        );
        let mut warnings = Vec::new();
        let out = tidy(paras(&text), "e.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [
                vec![long.clone()],
                vec!["The council's answer.".to_string()]
            ]
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        // A line of the text framed in dashes is no divider.
        for line in [
            "-- the official answer --",
            "---- Our demands ----",
            "-------- 2026 --------",
        ] {
            assert!(!is_divider(line), "{line}");
        }
    }
}

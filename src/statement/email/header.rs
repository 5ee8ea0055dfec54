//! The header a mail client writes over a forwarded or replied-to message
//! ("From: … / Sent: … / To: … / Subject: …"): read in the languages of the
//! most used clients, and left off.

use super::{left_off, line_span};
use crate::error::Warning;
use crate::statement::classify::raw_text;
use crate::statement::Para;

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

/// Whether a paragraph opens with a header only mail has: the sender, and
/// a recipient, subject or time sent.
pub(super) fn is_mail_header(para: &Para) -> bool {
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
pub(super) fn drop_header(para: &mut Para, file: &str, warnings: &mut Vec<Warning>) -> bool {
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

/// The field name of a mail header line ("Subject: Leaflet"), folded to
/// lower case; `None` for any other line.
pub(super) fn header_field(text: &str) -> Option<String> {
    let (name, value) = text.split_once(':')?;
    let name = name.trim().to_lowercase();
    (HEADER_FIELDS.contains(&name.as_str()) && !value.trim().is_empty()).then_some(name)
}

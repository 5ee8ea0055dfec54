//! The divider a mail client writes over a forwarded message
//! ("---------- Forwarded message ---------", "Begin forwarded message:")
//! and the forwarder's note above it ("Hi all, please print this"): left
//! off, the note only when it is short.

use super::header::is_mail_header;
use super::{left_off, line_span, NOTE_MAX_PARAS, NOTE_MAX_WORDS, NOTE_QUOTE_CHARS};
use crate::error::Warning;
use crate::statement::classify::raw_text;
use crate::statement::clean::{is_space, opening_words};
use crate::statement::{Line, Para};

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

/// Drops the divider a mail client writes over a forwarded message (or
/// the header it writes alone, as Outlook does) and, when what comes
/// before it is short, that too: the forwarder's note to whoever prints
/// it, not the statement. Returns the paragraphs and the index of the one
/// the forwarded message's header starts (0 when nothing was forwarded),
/// for [`drop_header`].
///
/// [`drop_header`]: super::header::drop_header
pub(super) fn drop_forwarding(
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

/// Whether a line is the divider a mail client writes over a forwarded or
/// replied-to message: one of [`DIVIDER_LABELS`] between runs of dashes
/// ("---------- Forwarded message ---------"), or one of Apple Mail's
/// [`FORWARD_LINES`] ("Begin forwarded message:").
pub(super) fn is_divider(text: &str) -> bool {
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

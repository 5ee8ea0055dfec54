//! What a reply wraps around a statement pasted from it: the "Subject:
//! Re: …" line a mail client shows over it, and the trail of earlier
//! messages under (or over) it, opened by the client's attribution ("On
//! Thu, 4 Dec 2026 at 21:14, Tom <tom@…> wrote:") and quoted line by line.
//! Printed, the subject was the leaflet's headline and the trail a quote
//! of the organisers' own e-mails.

use super::header::header_field;
use super::{left_off, line_span, quoted, NOTE_MAX_PARAS, NOTE_MAX_WORDS, NOTE_QUOTE_CHARS};
use crate::error::Warning;
use crate::statement::classify::raw_text;
use crate::statement::clean::{is_space, opening_words};
use crate::statement::dates::holds_clock;
use crate::statement::document::BlockKind;
use crate::statement::{Para, ParaKind};

/// The prefixes mail clients put before a replied-to or forwarded
/// message's subject, in the header list's languages (lower case, without
/// the colon): "Re", "Fwd" and "Fw" everywhere, German "AW" and "WG",
/// French "TR", Spanish "RV", Portuguese "Enc" and "Res", Italian "R" and
/// "I". Only a subject that carries one is a mail's: "Subject: Pay claim"
/// heads a memo someone typed.
const REPLY_PREFIXES: &[&str] = &[
    "re", "fwd", "fw", "aw", "wg", "tr", "rv", "enc", "res", "r", "i",
];

/// How many times the words of a reply's note the message it quotes must
/// have for that message to be read as the statement: a statement sent
/// round for approval is many times the "Looks good, print it" over it,
/// where a short statement written over a longer exchange is not.
const QUOTED_OUTWEIGHS: usize = 2;

/// The subject field's name in the header list's languages (lower case).
const SUBJECT_FIELDS: &[&str] = &[
    "subject",
    "betreff",
    "objet",
    "asunto",
    "assunto",
    "oggetto",
    "onderwerp",
];

/// The verb of a client's attribution line over a quoted message, in the
/// header list's languages (lower case): "On …, Tom wrote:", "Am … schrieb
/// Tom:", "Le … a écrit :", "El … escribió:", "Em … escreveu:", "Il … ha
/// scritto:", "Op … schreef Tom:".
const WROTE: &[&str] = &[
    "wrote",
    "schrieb",
    "a écrit",
    "escribió",
    "escreveu",
    "ha scritto",
    "scrisse",
    "schreef",
];

/// The most words of an attribution line ("On Thu, 4 Dec 2026 at 21:14,
/// Maria Lopez Garcia <maria.lopez@example.org> wrote:" has ten).
const ATTRIBUTION_MAX_WORDS: usize = 20;

/// Drops the lines a mail client shows over a reply or forward from the
/// start of `para`, the statement's first paragraph: header fields, one of
/// them a subject marked as a reply or forward ("Subject: Re: Leaflet").
/// A header that names its sender first is [`drop_header`]'s.
///
/// [`drop_header`]: super::header::drop_header
pub(super) fn drop_reply_subject(para: &mut Para, file: &str, warnings: &mut Vec<Warning>) -> bool {
    // Each field as (its name as written, folded, its value).
    let fields: Vec<(String, String, String)> = para
        .lines
        .iter()
        .map_while(|l| {
            let text = raw_text(l);
            let folded = header_field(&text)?;
            let (name, value) = text.split_once(':')?;
            Some((name.trim().to_string(), folded, value.trim().to_string()))
        })
        .collect();
    let replied = fields
        .iter()
        .any(|(_, folded, value)| SUBJECT_FIELDS.contains(&folded.as_str()) && reply_prefix(value));
    if !replied {
        return false;
    }
    let len = fields.len();
    let (first, last) = (para.lines[0].no, para.lines[len - 1].no);
    let names: Vec<String> = fields.iter().map(|(n, _, _)| format!("{n}:")).collect();
    let verb = if len == 1 { "is" } else { "are" };
    warnings.push(left_off(
        file,
        first,
        &format!(
            "{} {verb} an e-mail's header ({}), left off the leaflet",
            line_span(first, last),
            names.join(" ")
        ),
    ));
    para.lines.drain(..len);
    true
}

/// Whether a subject opens with a reply's or forward's prefix ("Re:",
/// "AW: WG:").
fn reply_prefix(subject: &str) -> bool {
    subject
        .split_once(':')
        .is_some_and(|(prefix, _)| REPLY_PREFIXES.contains(&prefix.trim().to_lowercase().as_str()))
}

/// Drops the trail of earlier messages a reply quotes: from a client's
/// attribution line (see [`is_attribution`]) through the quoted lines
/// under it, when the trail ends the statement (a reply written over the
/// messages it answers) or opens it (one written under them), and holds
/// fewer words than the rest: the rest is the statement, the trail the
/// organisers' talk about it. A trail that outweighs the rest may be the
/// statement itself, sent round for approval, and stays (its quoted lines
/// set as a quote, by [`tidy`]). `plain` is whether the statement is plain
/// text, whose quoted lines start with `>`; in Markdown they are a quote.
/// Returns whether a trail was left off, reported in `warnings`.
///
/// [`tidy`]: super::tidy
pub(super) fn drop_reply_trail(
    paras: &mut Vec<Para>,
    plain: bool,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> bool {
    let in_quote = |p: &Para, i: usize| {
        if plain {
            quoted(&raw_text(&p.lines[i]))
        } else {
            p.kind == ParaKind::Fixed(BlockKind::Quote)
        }
    };
    // Every line as (paragraph, line), in order.
    let at: Vec<(usize, usize)> = paras
        .iter()
        .enumerate()
        .flat_map(|(k, p)| (0..p.lines.len()).map(move |i| (k, i)))
        .collect();
    let line = |n: usize| &paras[at[n].0].lines[at[n].1];
    let Some(start) = (0..at.len()).find(|&n| {
        let (k, i) = at[n];
        let text = raw_text(line(n));
        !in_quote(&paras[k], i)
            && is_attribution(&text)
            && at.get(n + 1).is_some_and(|&(k, i)| in_quote(&paras[k], i))
    }) else {
        return false;
    };
    // The trail: the attribution, then quoted lines, and any further
    // attribution of an older message.
    let end = (start + 1..at.len())
        .find(|&n| {
            let (k, i) = at[n];
            !in_quote(&paras[k], i) && !is_attribution(&raw_text(line(n)))
        })
        .unwrap_or(at.len());
    if start > 0 && end < at.len() {
        return false;
    }
    let words = |range: std::ops::Range<usize>| -> usize {
        range
            .map(|n| raw_text(line(n)).split_whitespace().count())
            .sum()
    };
    let trail = words(start..end);
    let rest = words(0..start) + words(end..at.len());
    if trail >= rest {
        return false;
    }
    let (first, last) = (line(start).no, line(end - 1).no);
    let (opening, _) = opening_words(&raw_text(line(start)), NOTE_QUOTE_CHARS);
    warnings.push(left_off(
        file,
        first,
        &format!(
            "{} (“{}…”) are the earlier messages an e-mail reply quotes, left off the \
             leaflet; if they are part of the statement, delete the line that says who wrote them",
            line_span(first, last),
            opening.trim_end()
        ),
    ));
    // Take the trail's lines out, last first so the indices hold, and the
    // paragraphs it empties.
    for n in (start..end).rev() {
        let (k, i) = at[n];
        paras[k].lines.remove(i);
    }
    paras.retain(|p| !p.lines.is_empty());
    true
}

/// A reply written over the message it quotes, when that message is the
/// statement ("Looks good, print it." / "On Thu, …, Tom wrote:" / "> HANDS
/// OFF OUR PARK" …): the text with the reply's note and the attribution
/// blanked, so that every line left is quoted and the quoted message is
/// read as the statement, and the warning that says so; `file` is the
/// statement's, and its text starts at `first_line`. `None` unless every
/// line after the attribution is quoted or blank, the note over it has at
/// most [`NOTE_MAX_PARAS`] paragraphs and [`NOTE_MAX_WORDS`] words, and
/// the quoted message [`QUOTED_OUTWEIGHS`] it: otherwise the reply may be
/// the statement and the message its trail (see [`drop_reply_trail`]).
pub(in crate::statement) fn unwrap_approval(
    text: &str,
    (file, first_line): (&str, usize),
) -> Option<(String, Warning)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |l: &str| l.trim_matches(is_space).is_empty();
    let first_quoted = lines.iter().position(|l| quoted(l))?;
    let attribution = (0..first_quoted).rev().find(|&i| !blank(lines[i]))?;
    if !is_attribution(lines[attribution])
        || !lines[first_quoted..].iter().all(|l| blank(l) || quoted(l))
    {
        return None;
    }
    let words =
        |lines: &[&str]| -> usize { lines.iter().map(|l| l.split_whitespace().count()).sum() };
    let note_words = words(&lines[..attribution]);
    // Paragraphs of the note: runs of lines that are not blank.
    let note_paras = lines[..attribution]
        .split(|l| blank(l))
        .filter(|run| !run.is_empty())
        .count();
    if note_words > NOTE_MAX_WORDS
        || note_paras > NOTE_MAX_PARAS
        || words(&lines[first_quoted..]) < QUOTED_OUTWEIGHS * note_words
    {
        return None;
    }
    let first = (0..=attribution).find(|&i| !blank(lines[i]))?;
    let (opening, _) = opening_words(lines[first].trim_matches(is_space), NOTE_QUOTE_CHARS);
    let warning = left_off(
        file,
        first_line + first,
        &format!(
            "{} (“{}…”), a reply over the e-mail it quotes, left off the leaflet; the quoted \
             e-mail is read as the statement",
            line_span(first_line + first, first_line + attribution),
            opening.trim_end()
        ),
    );
    let out: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if i <= attribution { "" } else { l })
        .collect();
    Some((out.join("\n"), warning))
}

/// Whether a line is a mail client's attribution over a quoted message:
/// at most [`ATTRIBUTION_MAX_WORDS`] words ending with a [`WROTE`] verb
/// and a colon (or, in German and Dutch, opening with "Am"/"Op" and the
/// verb before the sender's name), and a clock time or an address in it ("On Thu,
/// 4 Dec 2026 at 21:14, Tom wrote:", "Tom <tom@example.org> wrote:"),
/// which a statement's own "The mayor wrote:" over a quotation has not.
fn is_attribution(text: &str) -> bool {
    let text = text.trim_matches(is_space);
    let lower = text.to_lowercase();
    let Some(body) = lower.strip_suffix(':') else {
        return false;
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    if words.is_empty() || words.len() > ATTRIBUTION_MAX_WORDS {
        return false;
    }
    let joined = words.join(" ");
    // The verb closes the line ("… Tom wrote:"), or follows the time in
    // German and Dutch ("Am … schrieb Tom:"), the sender's name after it.
    let verb = WROTE.iter().any(|v| {
        joined.ends_with(&format!(" {v}"))
            || (matches!(words[0], "am" | "op") && joined.contains(&format!(" {v} ")))
    });
    let time = holds_clock(text);
    let address = words.iter().any(|w| w.contains('@') && w.contains('.'));
    verb && (time || address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributions_are_read_in_each_clients_form() {
        for line in [
            "On Thu, 4 Dec 2026 at 21:14, Tom <tom@example.org> wrote:",
            "On 04/12/2026 21:14, Tom Smith wrote:",
            "Am 04.12.2026 um 21:14 schrieb Tom Smith:",
            "Le jeu. 4 déc. 2026 à 21:14, Tom <tom@example.org> a écrit :",
            "El jue, 4 dic 2026 a las 21:14, Tom escribió:",
            "Op 4 dec. 2026 om 21:14 schreef Tom <tom@example.org>:",
            "Tom <tom@example.org> wrote:",
        ] {
            assert!(is_attribution(line), "{line}");
        }
        for line in [
            // A statement's own quotation: no time, no address.
            "In 2019 the mayor wrote:",
            "Our demands:",
            "The minister wrote to us at 10:30 and said:",
        ] {
            assert!(!is_attribution(line), "{line}");
        }
    }

    #[test]
    fn only_a_subject_marked_as_a_reply_is_a_mails() {
        assert!(reply_prefix("Re: Night shift petition"));
        assert!(reply_prefix("AW: WG: Flugblatt"));
        assert!(!reply_prefix("Pay claim 2027"));
        assert!(!reply_prefix("Update: the strike is on"));
    }
}

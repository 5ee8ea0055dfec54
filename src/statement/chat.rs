//! What a chat app puts before a message copied out of it: WhatsApp's
//! "[18:42, 12/03/2026] Maria Lopez: " on the desktop and the web (and
//! "[12/03/2026, 18:42:10] Maria Lopez: " in an iPhone's exported chat),
//! "12/03/2026, 18:42 - Maria Lopez: " in an Android's, and Telegram's
//! "Maria Lopez, [12.03.2026 18:42]" on a line of its own. A statement
//! passed round a group chat is copied with it, and read as text the stamp
//! and the sender's name opened the headline.
//!
//! A stamp holds both a time of day (hours, a colon, minutes) and a date
//! (figures with `/`, `.` or `-` between them), where only a chat writes
//! them, so a line of the statement ("\[Update\] Maria: …", "10:00 - Doors
//! open") keeps its words. Each stamp left off is counted in one warning.
//!
//! Hand-written: chat exports have no standard format, and no crate reads
//! a copied message.

use super::classify::raw_text;
use super::clean::is_space;
use super::dates;
use super::meta::remove;
use super::{Line, Para, ParaKind};
use crate::error::{Location, Warning};

/// The longest sender's name (or phone number) read in a stamp, in
/// characters.
const NAME_MAX_CHARS: usize = 50;

/// The longest date and time between a stamp's brackets, in characters
/// ("12/03/2026, 18:42:10", "3/12/26, 6:42:10 PM").
const STAMP_MAX_CHARS: usize = 30;

/// `paras` without the stamps a chat app writes before each message
/// copied out of it, counted in one warning in `warnings` as in `file`.
pub(super) fn tidy(mut paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for para in paras.iter_mut().filter(|p| p.kind == ParaKind::Body) {
        para.lines.retain_mut(|line| {
            let raw = raw_text(line);
            if let Some(len) = stamp_len(&raw) {
                found.push((line.no, raw[..len].trim_matches(is_space).to_string()));
                *line = Line {
                    no: line.no,
                    spans: remove(&line.spans, 0..len),
                    kept: line.kept,
                };
                return !raw[len..].trim_matches(is_space).is_empty();
            }
            true
        });
    }
    paras.retain(|p| !p.lines.is_empty());
    if let Some((line, stamp)) = found.first() {
        let more = match found.len() {
            1 => String::new(),
            n => format!(" (and {} more, each before a message)", n - 1),
        };
        warnings.push(Warning {
            at: Location::line(file, *line),
            message: format!("the chat app's “{stamp}” is left off{more}"),
        });
    }
    paras
}

/// Whether `text` is a message copied out of a chat app: its first line
/// that is not blank opens with a chat's stamp.
pub(super) fn copied(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim_matches(is_space).is_empty())
        .is_some_and(|l| stamp_len(l).is_some())
}

/// How long the chat stamp opening `line` is, in bytes, with the space
/// after it; `None` when the line opens with none (see the module
/// documentation).
fn stamp_len(line: &str) -> Option<usize> {
    let lead = line.len() - line.trim_start_matches(is_space).len();
    let s = &line[lead..];
    // WhatsApp: "[when] name: ".
    if let Some(inner_end) = s.strip_prefix('[').and_then(|r| r.find(']')) {
        let when = &s[1..=inner_end];
        let after = &s[inner_end + 2..];
        if is_when(when) {
            if let Some(len) = sender_len(after) {
                return Some(lead + inner_end + 2 + len);
            }
        }
    }
    // Telegram: "name, [when]" and nothing else.
    if let Some(open) = s.rfind(", [") {
        let when = s[open + 3..].trim_end_matches(is_space);
        if let Some(when) = when.strip_suffix(']') {
            let name = &s[..open];
            if is_when(when) && is_name(name) {
                return Some(line.len());
            }
        }
    }
    // WhatsApp's Android export: "when - name: ".
    let dash = s.find(" - ")?;
    let len = sender_len(&s[dash + 3..])?;
    is_when(&s[..dash]).then_some(lead + dash + 3 + len)
}

/// How long the sender's name and ": " opening `s` are, in bytes.
fn sender_len(s: &str) -> Option<usize> {
    let s_trimmed = s.trim_start_matches(is_space);
    let lead = s.len() - s_trimmed.len();
    let colon = s_trimmed.find(": ")?;
    is_name(&s_trimmed[..colon]).then_some(lead + colon + 2)
}

/// Whether `name` can be a sender's: a name or a phone number, short, with
/// no colon or bracket.
fn is_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=NAME_MAX_CHARS).contains(&count)
        && !name.contains([':', '[', ']'])
        && !name.starts_with(is_space)
}

/// Whether `text` is a chat's date and time: a time of day ("18:42",
/// "6:42:10 PM") and a numeric date ("12/03/2026", "12.03.26"), read as
/// the meta line reads them (see [`dates`]), and nothing else but commas,
/// spaces and "AM"/"PM".
fn is_when(text: &str) -> bool {
    if text.chars().count() > STAMP_MAX_CHARS {
        return false;
    }
    let mut time = false;
    let mut date = false;
    // Newer clocks write a narrow no-break space before "PM".
    for token in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        if dates::is_clock(token) {
            time = true;
        } else if dates::numeric(token).is_some() {
            date = true;
        } else if !dates::is_meridiem(token) {
            return false;
        }
    }
    time && date
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::plain::testing::{lines, paras};

    #[test]
    fn a_chat_apps_stamps_are_left_off() {
        for (line, rest) in [
            (
                "[18:42, 12/03/2026] Maria Lopez: NO TO THE BUS CUTS",
                "NO TO THE BUS CUTS",
            ),
            ("[12/03/2026, 18:42:10] Maria Lopez: Bus cuts", "Bus cuts"),
            ("[6:42 PM, 3/12/2026] +44 7700 900123: Bus cuts", "Bus cuts"),
            ("[6:42\u{202F}PM, 3/12/2026] Jo: Bus cuts", "Bus cuts"),
            ("12/03/2026, 18:42 - Maria Lopez: Bus cuts", "Bus cuts"),
            ("12.03.26, 18:42 - Maria: Bus cuts", "Bus cuts"),
        ] {
            let len = stamp_len(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(&line[len..], rest, "{line}");
        }
        assert_eq!(
            stamp_len("Maria Lopez, [12.03.2026 18:42]"),
            Some("Maria Lopez, [12.03.2026 18:42]".len())
        );
        // The statement's own brackets, times and labels.
        for line in [
            "[Update] Maria: the meeting moved",
            "10:00 - Doors open: bring a friend",
            "[18:42] Maria: no date",
            "[12/03/2026] Maria: no time",
            "Saturday 14 March, 18:42 - Maria: words",
            "Rents, [12.03.2026 18:42] and more",
        ] {
            assert_eq!(stamp_len(line), None, "{line}");
        }
    }

    #[test]
    fn messages_lose_their_stamps_with_one_warning() {
        let text = "[18:42, 12/03/2026] Maria Lopez: NO TO THE BUS CUTS\n\nWe will not be cut off.\n\n\
                    [18:44, 12/03/2026] Maria Lopez: Share it!\n\nJo Bloggs, [12.03.2026 18:50]\nThanks\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "c.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [
                vec!["NO TO THE BUS CUTS"],
                vec!["We will not be cut off."],
                vec!["Share it!"],
                vec!["Thanks"]
            ]
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].at.line, Some(1));
        assert_eq!(
            warnings[0].message,
            "the chat app's “[18:42, 12/03/2026] Maria Lopez:” is left off (and 2 more, each \
             before a message)"
        );
    }
}

//! What an events page adds to an event's own text when it is copied:
//! Facebook's event page, selected and copied, gives its name, then "Event
//! by Northside Unity Group", "Public · Anyone on or off Facebook", the
//! date, the place, "Duration: 5 hr" and "219 people responded", a line
//! each, before the description. Read as the statement's first paragraph,
//! all of it was the headline, seven lines of display type.
//!
//! Only a page's own lines go, and only near the top, where the page puts
//! them; the date and the place are the event's and stay. A line goes only
//! when the page shows itself by a line no statement writes (see
//! [`PAGE_MARKS`]), so "Duration: 2 hours" in a statement's own schedule
//! stays. Each line left off is a warning. English only: Facebook writes
//! these lines in its user's language, and the English are the ones seen.
//!
//! Hand-written: no crate reads an events page's copied text.

use super::classify::{final_mark, raw_text};
use super::clean::is_space;
use super::dates::holds_clock;
use super::heading::holds_date;
use super::{Para, ParaKind};
use crate::error::{Location, Warning};
use crate::statement::document::BlockKind;

/// How many paragraphs from the top the page's lines are looked for in:
/// the page puts them around the name, before the description.
const HEAD_PARAS: usize = 3;

/// The openings (lower case) of lines only an events page writes, one of
/// which must be there for any line to go: who hosts the event, who may
/// see it.
const PAGE_MARKS: &[&str] = &[
    "event by ",
    "public · anyone on or off facebook",
    "private · only people who are invited",
    "public · anyone on facebook",
];

/// The openings of the page's other lines: who may see the event, how long
/// it lasts.
const PAGE_LINES: &[&str] = &["public · ", "private · ", "duration: "];

/// The endings of the page's counts, after a number ("219 people
/// responded", "45 going", "120 interested").
const COUNT_ENDINGS: &[&str] = &[
    " people responded",
    " person responded",
    " going",
    " went",
    " interested",
];

/// `paras` without an events page's own lines at the top, each reported in
/// `warnings` as in `file`, and with the event's name as the first
/// paragraph (the headline) and its date and place as the next (the
/// subtitle, a line each).
pub(super) fn tidy(mut paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    let head = paras.len().min(HEAD_PARAS);
    let copied = paras[..head]
        .iter()
        .filter(|p| p.kind == ParaKind::Body)
        .flat_map(|p| &p.lines)
        .any(|l| {
            let text = folded(&raw_text(l));
            PAGE_MARKS.iter().any(|m| text.starts_with(m))
        });
    if !copied {
        return paras;
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    for para in paras[..head]
        .iter_mut()
        .filter(|p| p.kind == ParaKind::Body)
    {
        para.lines.retain(|line| {
            let raw = raw_text(line);
            let text = folded(&raw);
            let shown = raw.trim_matches(is_space);
            let message = if is_page_line(&text) {
                format!(
                    "“{shown}”, a line of the events page the text was copied from, is left off"
                )
            } else if let Some((_, first)) = seen.iter().find(|(t, _)| *t == text) {
                format!("“{shown}” repeats line {first}, as the events page does; left off")
            } else {
                seen.push((text, line.no));
                return true;
            };
            warnings.push(Warning {
                at: Location::line(file, line.no),
                message,
            });
            false
        });
    }
    paras.retain(|p| !p.lines.is_empty());
    match paras.first() {
        Some(first) if first.kind == ParaKind::Body => {
            let first = paras.remove(0);
            let mut head = name_first(first);
            head.append(&mut paras);
            head
        }
        _ => paras,
    }
}

/// The first paragraph of a copied event, cut into its name (the first
/// line that holds no date or time of day), then its other short lines
/// (the date, the place) as the subtitle, then the text the page's lines
/// run into.
fn name_first(para: Para) -> Vec<Para> {
    let short = para
        .lines
        .iter()
        .take_while(|l| {
            let text = raw_text(l);
            let text = text.trim_matches(is_space);
            text.chars().count() <= HEAD_LINE_MAX_CHARS
                && !matches!(final_mark(text), Some('.' | '!' | '?'))
        })
        .count();
    let name = para.lines[..short].iter().position(|l| {
        let text = raw_text(l);
        !holds_date(&text) && !holds_clock(&text)
    });
    let Some(name) = name else {
        return vec![para];
    };
    let mut lines = para.lines;
    let text = lines.split_off(short);
    let title = lines.remove(name);
    let mut out = vec![Para {
        kind: ParaKind::Body,
        lines: vec![title],
    }];
    if !lines.is_empty() {
        for line in &mut lines[1..] {
            line.kept = true;
        }
        out.push(Para {
            kind: ParaKind::Fixed(BlockKind::Subtitle),
            lines,
        });
    }
    if !text.is_empty() {
        out.push(Para {
            kind: ParaKind::Body,
            lines: text,
        });
    }
    out
}

/// The longest line of an event's head (its name, date, place), in
/// characters; a longer one is its text.
const HEAD_LINE_MAX_CHARS: usize = 120;

/// The page's buttons, copied along as lines of their own (lower case).
const BUTTONS: &[&str] = &[
    "interested",
    "going",
    "invite",
    "details",
    "share",
    "maybe",
    "can't go",
    "discussion",
    "about",
];

/// A line trimmed, in lower case, with its spaces made plain.
fn folded(text: &str) -> String {
    text.trim_matches(is_space)
        .split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a folded line is one of the page's own (see the module
/// documentation).
fn is_page_line(text: &str) -> bool {
    let count = text
        .split(' ')
        .next()
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b','))
        && COUNT_ENDINGS.iter().any(|e| text.ends_with(e));
    count
        || BUTTONS.contains(&text)
        || PAGE_MARKS.iter().any(|m| text.starts_with(m))
        || PAGE_LINES.iter().any(|m| text.starts_with(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::plain::testing::{lines, paras};

    const EVENT: &str = "Community Picnic Against Racism\nEvent by Northside Unity Group\n\
                         Public · Anyone on or off Facebook\nSunday 22 March 2026 from 12:00-17:00\n\
                         Northside Park, bandstand\nDuration: 5 hr\n219 people responded\n\n\
                         Join us for a family picnic.\n";

    #[test]
    fn an_events_pages_own_lines_are_left_off() {
        let mut warnings = Vec::new();
        let out = tidy(paras(EVENT), "e.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [
                vec!["Community Picnic Against Racism"],
                vec![
                    "Sunday 22 March 2026 from 12:00-17:00",
                    "Northside Park, bandstand"
                ],
                vec!["Join us for a family picnic."]
            ]
        );
        assert_eq!(out[1].kind, ParaKind::Fixed(BlockKind::Subtitle));
        assert!(out[1].lines[1].kept);
        let said: Vec<(Option<usize>, &str)> = warnings
            .iter()
            .map(|w| (w.at.line, w.message.as_str()))
            .collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert_eq!(
            said[0],
            (
                Some(2),
                "“Event by Northside Unity Group”, a line of the events page the text was \
                 copied from, is left off"
            )
        );
        assert_eq!(said[3].0, Some(7));
    }

    #[test]
    fn the_pages_order_buttons_and_repeats_give_way_to_the_events() {
        // As the page shows it: the date over the name, its buttons, its
        // details repeating the place, the description run on.
        let text = "SUNDAY, 22 MARCH 2026 FROM 12:00-17:00\nCommunity Picnic\n\
                    Northside Park\nInterested\nGoing\nInvite\nDetails\n219 people responded\n\
                    Event by Northside Unity Group\nNorthside Park\nDuration: 5 hr\n\
                    Join us for a family picnic in the park.\n\nBring food.\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [
                vec!["Community Picnic"],
                vec!["SUNDAY, 22 MARCH 2026 FROM 12:00-17:00", "Northside Park"],
                vec!["Join us for a family picnic in the park."],
                vec!["Bring food."]
            ]
        );
        let repeat = warnings.iter().find(|w| w.at.line == Some(10));
        assert_eq!(
            repeat.map(|w| w.message.as_str()),
            Some("“Northside Park” repeats line 3, as the events page does; left off")
        );
        assert_eq!(warnings.len(), 8, "{warnings:?}");
    }

    #[test]
    fn a_statements_own_schedule_and_counts_stay() {
        // No line only the page writes: nothing is the page's.
        let text = "Open day\nDuration: 2 hours\n45 going\n\nCome along.\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "e.txt", &mut warnings);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].lines.len(), 3);
        assert!(warnings.is_empty());
        // Lower down, the page's lines are the text's.
        let text = format!("Title\n\nA.\n\nB.\n\n{EVENT}");
        let out = tidy(paras(&text), "e.txt", &mut warnings);
        assert_eq!(out.len(), 5);
    }
}

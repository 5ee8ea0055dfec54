//! Two things people write that CommonMark reads as markup, found before
//! the Markdown is parsed and held as placeholders of the same length
//! (every offset into the source stays right), which CommonMark reads as
//! text and [`restore`] turns back in the text it gives. Hand-written: no
//! crate knows either form, and pulldown-cmark has no hook for them.
//!
//! - **The gender star** of German (Austrian, Swiss) writing:
//!   "Kolleg*innen", "Mitarbeiter*in", "jede*r". CommonMark lets `*` open
//!   and close emphasis inside a word, so "Kolleg*innen und Mieter*innen"
//!   came out without its stars and with "innen und Mieter" in italics:
//!   "Kolleginnen", the women alone, on a union's leaflet written to say
//!   everyone. Plain text's emphasis reader never took such a star for a
//!   mark (see `statement::emphasis`). Emphasis inside a word
//!   ("un*believ*able") stays emphasis where it ends otherwise.
//! - **A date that opens a wrapped line**: "… gehen wir am" / "1. Mai
//!   gemeinsam auf die Straße". A line opening with "1." may start a list
//!   in the middle of a paragraph, so the sentence broke in two, its end
//!   set as a numbered list item. Where the line before goes on (it ends
//!   on a word, not on a colon or a sentence's end) and no "2." follows,
//!   the "1." is the day of a date (German, Scandinavian and Slavic
//!   languages write "1. Mai", "1. maj", "1. máj"), and the paragraph goes
//!   on.

use std::borrow::Cow;

/// What stands in for a gender star while the Markdown is parsed: a
/// control character, which the statement reader refuses in a source
/// (see `clean::check_chars`), so that none is there already; one byte,
/// as the star is.
const STAR: u8 = 0x1F;

/// What stands in for the full stop of "1." that opens a line of a
/// paragraph: another such control character.
const DAY_STOP: u8 = 0x1E;

/// The endings a gender star comes before, as German writes them: the
/// feminine plural and singular, and the article and pronoun endings
/// ("jede*r", "eine*n", "jedem*r", "keine*s", "diese*e").
const ENDINGS: &[&str] = &["innen", "in", "r", "n", "m", "s", "e"];

/// `source` with its gender stars and its paragraphs' "1." line openings
/// held as placeholders; as it is when a numeric reference in it stands
/// for a placeholder (`&#31;`), which would come back as a star instead
/// of the control character the reader refuses.
pub(super) fn guard(source: &str) -> Cow<'_, str> {
    if refers_to_a_placeholder(source) {
        return Cow::Borrowed(source);
    }
    let stars = source
        .match_indices('*')
        .map(|(at, _)| at)
        .filter(|&at| is_gender_star(source, at))
        .map(|at| (at, STAR));
    let held: Vec<(usize, u8)> = stars.chain(day_stops(source)).collect();
    if held.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut out = source.as_bytes().to_vec();
    for (at, placeholder) in held {
        out[at] = placeholder;
    }
    // One ASCII byte for another: still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| source.to_string()))
}

/// Whether `source` has a numeric character reference (`&#31;`,
/// `&#x1E;`) to one of the placeholders.
fn refers_to_a_placeholder(source: &str) -> bool {
    source.match_indices("&#").any(|(at, _)| {
        let rest = &source[at + 2..];
        let (digits, radix) = match rest.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (rest, 10),
        };
        let end = digits.find(';').unwrap_or(0);
        u32::from_str_radix(&digits[..end], radix)
            .is_ok_and(|n| n == u32::from(STAR) || n == u32::from(DAY_STOP))
    })
}

/// `text` from the parser with its placeholders turned back.
pub(super) fn restore(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b == STAR || b == DAY_STOP) {
        Cow::Owned(
            text.replace(char::from(STAR), "*")
                .replace(char::from(DAY_STOP), "."),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether the `*` at byte `at` of `source` is a gender star: alone, after
/// a letter, before one of [`ENDINGS`] that ends the word.
fn is_gender_star(source: &str, at: usize) -> bool {
    let (before, after) = (&source[..at], &source[at + 1..]);
    let stem = before.chars().next_back();
    if !stem.is_some_and(char::is_alphabetic) || after.starts_with('*') {
        return false;
    }
    ENDINGS.iter().any(|ending| {
        after.strip_prefix(ending).is_some_and(|rest| {
            !rest
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '*')
        })
    })
}

/// The byte offsets of the full stops of "1." opening a line that goes on
/// a paragraph's sentence (see the module's notes).
fn day_stops(source: &str) -> Vec<(usize, u8)> {
    let mut out = Vec::new();
    let mut offset = 0;
    let lines: Vec<&str> = source.split('\n').collect();
    for (k, line) in lines.iter().enumerate() {
        let start = offset;
        offset += line.len() + 1;
        let Some(prev) = k.checked_sub(1).map(|p| lines[p]) else {
            continue;
        };
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        if indent > 3 || !rest.starts_with("1. ") || !goes_on(prev) {
            continue;
        }
        // A "2." in the lines that follow, before a blank one: a list.
        let listed = lines[k + 1..]
            .iter()
            .take_while(|l| !l.trim().is_empty())
            .any(|l| {
                let l = l.trim_start();
                l.starts_with("2. ") || l.starts_with("2) ")
            });
        if !listed {
            out.push((start + indent + 1, DAY_STOP));
        }
    }
    out
}

/// Whether a line is a paragraph's text whose sentence goes on past its
/// end: not blank, no heading, quote, list item, table row or fence, and
/// ending on a letter, a digit or a comma.
fn goes_on(line: &str) -> bool {
    let text = line.trim();
    let opens_block = text.starts_with(['#', '>', '|', '`', '~', '-', '+', '*'])
        || text
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let end = text.chars().next_back();
    !text.is_empty() && !opens_block && end.is_some_and(|c| c.is_alphanumeric() || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_before_gender_endings_are_held() {
        let text = "Liebe Kolleg*innen, jede*r Mieter*in und eine*n.";
        let held = guard(text);
        assert_eq!(held.len(), text.len());
        assert!(!held.contains('*'), "{held}");
        assert_eq!(restore(&held), text);
        // Not where a reference brings in a placeholder's character: it
        // must reach the reader's control-character check.
        for text in ["Kolleg*innen &#31;", "Kolleg*innen &#x1e;"] {
            assert_eq!(guard(text), text, "{text}");
        }
    }

    #[test]
    fn emphasis_stays_emphasis() {
        for text in [
            "*Streik* heute",
            "un*believ*able",
            "**Kolleg**innen",
            "Kolleg**innen**",
            "a *b* c",
            "Streik*",
        ] {
            assert_eq!(guard(text), text, "{text}");
        }
    }

    #[test]
    fn a_date_opening_a_wrapped_line_is_no_list() {
        let text = "Wir gehen am\n1. Mai auf die Straße.";
        let held = guard(text);
        assert_ne!(held, text);
        assert_eq!(restore(&held), text);
        // Lists stay lists: after a colon or a sentence's end, with a
        // second item, or opening the text.
        for text in [
            "Wir fordern:\n1. mehr Lohn",
            "Das fordern wir.\n1. Mehr Lohn",
            "Wir fordern\n1. mehr Lohn\n2. weniger Miete",
            "1. Mai",
            "# Titel\n1. Mai",
        ] {
            assert_eq!(guard(text), text, "{text}");
        }
    }
}

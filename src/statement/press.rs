//! The marks a press release carries for editors, not readers: "FOR
//! IMMEDIATE RELEASE" (or "PRESS RELEASE", "EMBARGOED UNTIL …") over the
//! headline, and "ENDS" (or "###", "-30-") under the text. A release
//! pasted to make a leaflet printed the first as the headline, the real
//! headline as a line of body text under it, and the second as the last
//! line. Each is left off with a warning at its line.
//!
//! Hand-written: the marks are a newsroom's conventions, a line alone,
//! which no crate reads.

use super::classify::raw_text;
use super::clean::is_space;
use super::{Para, ParaKind};
use crate::error::{Location, Warning};

/// The lines that open a press release (lower case, their marks and
/// spaces folded), in the languages of the header list: English, German,
/// French, Spanish, Portuguese, Italian, Dutch.
const OPENING_MARKS: &[&str] = &[
    "for immediate release",
    "immediate release",
    "press release",
    "news release",
    "media release",
    "pressemitteilung",
    "pressemeldung",
    "pressemitteilung zur sofortigen veröffentlichung",
    "zur sofortigen veröffentlichung",
    "communiqué de presse",
    "pour diffusion immédiate",
    "nota de prensa",
    "comunicado de prensa",
    "para publicación inmediata",
    "comunicado de imprensa",
    "nota à imprensa",
    "para divulgação imediata",
    "comunicato stampa",
    "per la diffusione immediata",
    "persbericht",
    "voor onmiddellijke publicatie",
];

/// The starts of an embargo line ("EMBARGOED UNTIL 00:01, 12 March"),
/// which says when editors may print, in the same languages.
const EMBARGO_STARTS: &[&str] = &[
    "embargoed until",
    "embargoed to",
    "embargo:",
    "sperrfrist",
    "sous embargo",
    "embargo hasta",
    "embargo até",
    "embargo fino",
    "embargo tot",
];

/// The lines that close a press release's text (lower case, marks
/// folded): "ENDS", "###", "-30-", and their forms in the same languages.
const CLOSING_MARKS: &[&str] = &["ends", "end", "###", "30", "ende", "fin", "fine", "einde"];

/// The first paragraphs a release's opening mark may stand in, and the
/// last ones its closing mark may: a date line or a contact may come
/// between.
const REACH: usize = 3;

/// `paras` without a press release's opening and closing marks, each
/// reported in `warnings` as in `file`. Only a release's: a closing word
/// that could be the text's own ("End", "Fin") counts only under an
/// opening mark.
pub(super) fn tidy(mut paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    let n = paras.len();
    // Each mark as (paragraph, line, whether it opens the release).
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    let mut release = false;
    for (k, para) in paras.iter().enumerate() {
        let (opening, closing) = (k < REACH, k > 0 && k + REACH >= n);
        if !(opening || closing) || !matches!(para.kind, ParaKind::Body | ParaKind::Title) {
            continue;
        }
        for (i, line) in para.lines.iter().enumerate() {
            let raw = raw_text(line);
            let folded = folded(&raw);
            // "-30-" closes a release; "30" alone may be the text's.
            let bare_figure = folded == "30" && raw.trim_matches(is_space) == "30";
            if opening && is_opening_mark(&folded) {
                found.push((k, i, true));
                release = true;
            } else if closing && is_closing_mark(&folded) && !bare_figure {
                found.push((k, i, false));
                release |= is_unmistakable(&folded);
            }
        }
    }
    if !release {
        return paras;
    }
    for &(k, i, opens) in &found {
        let line = &paras[k].lines[i];
        let what = if opens { "opens" } else { "closes" };
        warnings.push(Warning {
            at: Location::line(file, line.no),
            message: format!(
                "“{}” {what} a press release, for editors: left off the leaflet",
                raw_text(line).trim_matches(is_space)
            ),
        });
    }
    // Last first, so that the places found still hold.
    for &(k, i, _) in found.iter().rev() {
        paras[k].lines.remove(i);
    }
    paras.retain(|p| !p.lines.is_empty());
    paras
}

/// Whether a closing mark (its line [`folded`]) is one only a release
/// ends with ("ENDS", "###", "-30-"), not a word the text may end on
/// ("End", "Fin").
fn is_unmistakable(folded: &str) -> bool {
    matches!(folded.trim_end_matches('.'), "ends" | "###" | "30")
}

/// A line's text lower-cased, without the marks and spaces around it
/// and with runs of spaces one ("– ENDS –" → "ends", "***PRESS RELEASE***"
/// → "press release").
fn folded(text: &str) -> String {
    let trimmed = text.trim_matches(|c: char| {
        is_space(c) || matches!(c, '-' | '–' | '—' | '*' | '_' | '=' | '[' | ']' | '(' | ')')
    });
    trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a line ([`folded`]) is a release's opening mark or its
/// embargo line.
fn is_opening_mark(folded: &str) -> bool {
    let bare = folded.trim_end_matches([':', '.']).trim_end();
    OPENING_MARKS.contains(&bare) || EMBARGO_STARTS.iter().any(|s| folded.starts_with(s))
}

/// Whether a line ([`folded`]) is a release's closing mark.
fn is_closing_mark(folded: &str) -> bool {
    CLOSING_MARKS.contains(&folded.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::plain::testing::{lines, paras};

    #[test]
    fn a_releases_marks_are_left_off_with_a_warning_each() {
        let text = "FOR IMMEDIATE RELEASE\n12 March 2026\n\nCarers strike\n\n\
                    The carers voted to strike.\n\nContact: press@example.org\n\n-ENDS-\n";
        let mut warnings = Vec::new();
        let out = tidy(paras(text), "p.txt", &mut warnings);
        assert_eq!(
            lines(&out),
            [
                vec!["12 March 2026"],
                vec!["Carers strike"],
                vec!["The carers voted to strike."],
                vec!["Contact: press@example.org"]
            ]
        );
        let said: Vec<(Option<usize>, &str)> = warnings
            .iter()
            .map(|w| (w.at.line, w.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (
                    Some(1),
                    "“FOR IMMEDIATE RELEASE” opens a press release, for editors: left off the leaflet"
                ),
                (
                    Some(10),
                    "“-ENDS-” closes a press release, for editors: left off the leaflet"
                )
            ]
        );
        // Other languages' marks, an embargo, "###".
        for text in [
            "PRESSEMITTEILUNG\n\nPflege streikt\n\nText.\n",
            "Communiqué de presse :\n\nLes soignants en grève\n\nTexte.\n",
            "EMBARGOED UNTIL 00:01, 12 March\n\nCarers strike\n\nText.\n",
            "Carers strike\n\nThe carers voted to strike.\n\n###\n",
        ] {
            let mut warnings = Vec::new();
            let out = tidy(paras(text), "p.txt", &mut warnings);
            assert_eq!(out.len(), 2, "{text}");
            assert_eq!(warnings.len(), 1, "{text}");
        }
    }

    #[test]
    fn a_closing_word_of_the_texts_own_stays_without_an_opening_mark() {
        // "End" or "Fin" may end a poem or a call; "Press release" inside
        // a sentence is text.
        for text in [
            "Rents down\n\nWe will not pay.\n\nEnd\n",
            "Loyers\n\nNous ne paierons pas.\n\nFin\n",
            "Rents down\n\nThe council's press release said nothing.\n\nJoin us.\n",
            // Before: a figure alone closing a list or a count was taken
            // for "-30-", its dashes folded away, and left off.
            "Days on strike\n\nSo far we have been out for\n\n30\n",
        ] {
            let mut warnings = Vec::new();
            let out = tidy(paras(text), "p.txt", &mut warnings);
            assert_eq!(out.len(), 3, "{text}");
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }
}

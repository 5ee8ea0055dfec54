//! Page numbers in text copied out of a PDF. Select all in a PDF viewer
//! and copy, or export its text, and each page's number comes along as a
//! line of its own between the last line of one page and the first of the
//! next: "…stand at a bus stop and" / "3" / "wonder whether the bus will
//! come". Read as text, the number printed in the middle of the sentence.
//!
//! One lone number could be the writer's own, so only a run of them counts:
//! lines holding nothing but a number (or "Page 3", "3 of 8", "– 3 –"),
//! counting up one at a time, at least [`MIN_PAGE_LINES`] lines apart, as
//! pages are. They are left off with one warning that lists them.
//!
//! The pages' running head or foot (the title, the organisation's name)
//! comes along in the same way. Found beside the page numbers, a short line
//! repeated at two page breaks or more is left off too, with a warning of
//! its own.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::classify::raw_text;
use super::clean::listed;
use super::{Para, ParaKind};
use crate::error::{Location, Warning};

/// The fewest lines between two page numbers: a page of text holds more,
/// and a list of numbers on lines of their own ("1" / "2" / "3") fewer.
const MIN_PAGE_LINES: usize = 8;

/// The fewest page numbers in a run: one alone may be the writer's.
const MIN_RUN: usize = 2;

/// The word for "page" a PDF's footer may print before the number, in the
/// languages handbill's samples come in (lower case).
const PAGE_WORDS: &[&str] = &[
    "page",
    "p.",
    "seite",
    "s.",
    "página",
    "pág.",
    "pagina",
    "pag.",
    "strana",
    "str.",
    "страница",
    "стр.",
    "σελίδα",
    "σελ.",
    "sida",
    "side",
    "sivu",
    "strona",
];

/// The words between a page's number and the count of pages ("3 of 8").
const OF_WORDS: &[&str] = &[
    "of", "von", "de", "sur", "di", "od", "из", "από", "av", "z", "/",
];

/// How far from a page number a running head or foot stands, in lines:
/// the foot just above the number, the next page's head just below it,
/// or one line further where a PDF sets the number apart.
const HEAD_REACH: usize = 2;

/// The longest running head or foot, in characters: a title or a name,
/// never a line of the text.
const HEAD_MAX_CHARS: usize = 80;

/// How many of the dropped lines the warning lists.
const EXAMPLES: usize = 6;

/// A line that holds only a page number.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// Its place among the body paragraphs' lines, in order.
    flat: usize,
    /// Its paragraph, and its place in it.
    para: usize,
    line: usize,
    /// Its line in the file.
    no: usize,
    /// The page number.
    number: u32,
    /// The count of pages printed with it ("3 of 8"), if any.
    of: Option<u32>,
}

impl Candidate {
    /// "Page 1 of 1", "1/1": the foot of a document of one page, which no
    /// writer types as text, so that it goes alone.
    fn of_one_page(&self) -> bool {
        self.number == 1 && self.of == Some(1)
    }
}

/// `paras` without the lines that are a PDF's page numbers; one warning in
/// `warnings` says which.
pub(super) fn drop(mut paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    // Every body paragraph's line, as (paragraph, line in it), in order:
    // page numbers are found among them, and running heads beside those.
    let flat: Vec<(usize, usize)> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == ParaKind::Body)
        .flat_map(|(i, p)| (0..p.lines.len()).map(move |j| (i, j)))
        .collect();
    let candidates: Vec<Candidate> = flat
        .iter()
        .enumerate()
        .filter_map(|(f, &(para, line))| {
            let l = &paras[para].lines[line];
            page_number(&raw_text(l)).map(|(number, of)| Candidate {
                flat: f,
                para,
                line,
                no: l.no,
                number,
                of,
            })
        })
        .collect();
    let mut run = longest_run(&candidates);
    if run.len() < MIN_RUN {
        match candidates.iter().position(Candidate::of_one_page) {
            Some(k) => run = vec![k],
            None => return paras,
        }
    }
    let dropped: Vec<Candidate> = run.iter().map(|&k| candidates[k]).collect();
    let first_text = raw_text(&paras[dropped[0].para].lines[dropped[0].line])
        .trim()
        .to_string();
    let heads = running_heads(&paras, &flat, &dropped);
    let mut gone: Vec<(usize, usize)> = dropped.iter().map(|c| (c.para, c.line)).collect();
    gone.extend(
        heads
            .iter()
            .flat_map(|h| h.at.iter().map(|&(i, j, _)| (i, j))),
    );
    gone.sort_unstable();
    for &(i, j) in gone.iter().rev() {
        paras[i].lines.remove(j);
    }
    paras.retain(|p| !p.lines.is_empty());
    let numbers = listed(
        dropped
            .iter()
            .map(|c| format!("“{}” (line {})", c.number, c.no)),
        EXAMPLES,
    );
    let message = match dropped.as_slice() {
        [_] => format!("“{first_text}”, a one-page document's page number, left off the leaflet"),
        _ => format!(
            "{} lines that hold only a page number, as text copied from a PDF has them, \
             left off the leaflet: {numbers}",
            dropped.len(),
        ),
    };
    warnings.push(Warning {
        at: Location::line(file, dropped[0].no),
        message,
    });
    for RunningHead { text, at } in &heads {
        let lines = listed(at.iter().map(|&(_, _, no)| no.to_string()), EXAMPLES);
        warnings.push(Warning {
            at: Location::line(file, at[0].2),
            message: format!(
                "“{text}”, repeated beside {} page numbers as a PDF's running head or foot, \
                 left off the leaflet (lines {lines})",
                at.len()
            ),
        });
    }
    paras
}

/// A running head or foot: its text, and each place it stands at
/// (paragraph, line in it, line in the file), in order.
struct RunningHead {
    text: String,
    at: Vec<(usize, usize, usize)>,
}

/// The lines a PDF repeats at its page breaks (a running head or foot: the
/// title, the organisation's name): a text of at most [`HEAD_MAX_CHARS`]
/// found within [`HEAD_REACH`] lines of at least [`MIN_RUN`] of the page
/// page numbers `numbers`, among the body lines `flat` (as [`drop`] lists
/// them). Each with where it stands (paragraph, line in it, line in the
/// file), in order. The text's own first line, the headline a running head
/// may repeat, is beside no page number, and stays.
fn running_heads(
    paras: &[Para],
    flat: &[(usize, usize)],
    numbers: &[Candidate],
) -> Vec<RunningHead> {
    let is_number: HashSet<usize> = numbers.iter().map(|c| c.flat).collect();
    // Text → the places beside a page number it stands at, and beside how
    // many page numbers.
    let mut near: HashMap<String, (BTreeSet<usize>, usize)> = HashMap::new();
    for &Candidate { flat: f, .. } in numbers {
        let mut seen_here = HashSet::new();
        let reach = f.saturating_sub(HEAD_REACH)..=(f + HEAD_REACH).min(flat.len() - 1);
        for g in reach {
            if is_number.contains(&g) {
                continue;
            }
            let (gi, gj) = flat[g];
            let text = raw_text(&paras[gi].lines[gj]).trim().to_string();
            if text.is_empty() || text.chars().count() > HEAD_MAX_CHARS {
                continue;
            }
            let entry = near.entry(text.clone()).or_default();
            entry.0.insert(g);
            if seen_here.insert(text) {
                entry.1 += 1;
            }
        }
    }
    let mut heads: Vec<RunningHead> = near
        .into_iter()
        .filter(|(_, (_, pages))| *pages >= MIN_RUN)
        .map(|(text, (at, _))| {
            let at = at
                .into_iter()
                .map(|g| {
                    let (i, j) = flat[g];
                    (i, j, paras[i].lines[j].no)
                })
                .collect();
            RunningHead { text, at }
        })
        .collect();
    heads.sort_by_key(|h| h.at[0].2);
    heads
}

/// The page number a line holds and nothing else: "3", "– 3 –", "Page 3",
/// "3 of 8", "Seite 3 von 8", "3/8"; with the count of pages if it has one.
fn page_number(line: &str) -> Option<(u32, Option<u32>)> {
    let lower = line.trim().to_lowercase();
    let mut s = lower.as_str();
    // "– 3 –", "- 3 -".
    let dashes: &[char] = &['-', '–', '—'];
    if let Some(inner) = s.strip_prefix(dashes).and_then(|t| t.strip_suffix(dashes)) {
        s = inner.trim();
    }
    for word in PAGE_WORDS {
        if let Some(rest) = s.strip_prefix(word) {
            if rest.starts_with([' ', '\u{A0}']) || word.ends_with('.') {
                s = rest.trim_start();
                break;
            }
        }
    }
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if digits == 0 || digits > 4 {
        return None;
    }
    let (number, rest) = s.split_at(digits);
    let rest = rest.trim();
    let mut of = None;
    if !rest.is_empty() {
        // "of 8", "/ 8", "von 8": the count of pages, and nothing else.
        let count = OF_WORDS.iter().find_map(|w| {
            rest.strip_prefix(w)
                .filter(|r| *w == "/" || r.starts_with(' '))
                .map(str::trim)
        })?;
        if count.is_empty() || !count.chars().all(|c| c.is_ascii_digit()) || count.len() > 4 {
            return None;
        }
        of = count.parse().ok();
    }
    Some((number.parse().ok()?, of))
}

/// The indices of the longest run of candidates counting up by one, each
/// at least [`MIN_PAGE_LINES`] lines after the one before.
fn longest_run(candidates: &[Candidate]) -> Vec<usize> {
    // For each candidate, the run ending there: its length and the one
    // before it. Each number keeps its candidates in line order with the
    // longest run up to each, so that the one before a candidate is a
    // binary search: a text of nothing but numbered lines stays quick.
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(candidates.len());
    // Number → (line, candidate with the longest run so far among those
    // of that number up to this line).
    let mut by_number: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
    for (k, &Candidate { no, number: n, .. }) in candidates.iter().enumerate() {
        let before = n
            .checked_sub(1)
            .and_then(|m| by_number.get(&m))
            .and_then(|seen| {
                let far = seen.partition_point(|&(line, _)| line + MIN_PAGE_LINES <= no);
                far.checked_sub(1).map(|i| seen[i].1)
            });
        best.push(match before {
            Some(b) => (best[b].0 + 1, Some(b)),
            None => (1, None),
        });
        let seen = by_number.entry(n).or_default();
        let leader = match seen.last() {
            Some(&(_, l)) if best[l].0 >= best[k].0 => l,
            _ => k,
        };
        seen.push((no, leader));
    }
    let Some(mut at) = (0..best.len()).max_by_key(|&k| best[k].0) else {
        return Vec::new();
    };
    let mut run = vec![at];
    while let Some(b) = best[at].1 {
        run.push(b);
        at = b;
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::super::plain::testing::{lines, paras};
    use super::*;

    fn page(first: usize, n: usize) -> String {
        (first..first + n)
            .map(|k| format!("line {k} of the text, long enough to be a line\n"))
            .collect()
    }

    #[test]
    fn the_forms_of_a_page_number() {
        for (line, n) in [
            ("3", 3),
            (" 12 ", 12),
            ("– 4 –", 4),
            ("- 4 -", 4),
            ("Page 5", 5),
            ("page 5 of 9", 5),
            ("Seite 6 von 9", 6),
            ("p. 7", 7),
            ("8/9", 8),
            ("8 / 9", 8),
        ] {
            assert_eq!(page_number(line).map(|(n, _)| n), Some(n), "{line}");
        }
        for line in [
            "3 people",
            "12 March",
            "Page three",
            "2026-03",
            "1.",
            "12345",
            "of 3",
        ] {
            assert_eq!(page_number(line), None, "{line}");
        }
    }

    #[test]
    fn a_one_page_documents_number_goes_alone() {
        // Before: a Google Doc downloaded as text ended on "Page 1 of 1",
        // which printed as the leaflet's last line.
        for foot in ["Page 1 of 1", "Seite 1 von 1", "1/1"] {
            let text = format!("Save the bus\n\nJoin us at the depot.\n\n{foot}\n");
            let mut warnings = Vec::new();
            let kept = drop(paras(&text), "call.txt", &mut warnings);
            assert_eq!(
                lines(&kept),
                [vec!["Save the bus"], vec!["Join us at the depot."]],
                "{foot}"
            );
            assert_eq!(warnings.len(), 1);
            assert!(
                warnings[0]
                    .message
                    .starts_with(&format!("“{foot}”, a one-page")),
                "{}",
                warnings[0].message
            );
            assert_eq!(warnings[0].at, Location::line("call.txt", 5));
        }
        // A number alone, or a page of a longer document, may be the text's.
        for foot in ["1", "Page 1", "Page 2 of 2", "1 of 3"] {
            let text = format!("Save the bus\n\nJoin us at the depot.\n\n{foot}\n");
            let mut warnings = Vec::new();
            let kept = drop(paras(&text), "call.txt", &mut warnings);
            assert_eq!(lines(&kept).len(), 3, "{foot}");
            assert!(warnings.is_empty());
        }
    }

    #[test]
    fn a_run_of_page_numbers_is_left_off_with_a_warning() {
        let text = format!(
            "{}2\n{}3\n{}4\n{}",
            page(1, 10),
            page(12, 10),
            page(23, 10),
            page(34, 3)
        );
        let mut warnings = Vec::new();
        let out = drop(paras(&text), "s.txt", &mut warnings);
        let all: Vec<String> = lines(&out).concat();
        assert_eq!(all.len(), 33);
        assert!(all.iter().all(|l| l.starts_with("line ")), "{all:?}");
        let warnings: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings,
            [
                "s.txt:11: warning: 3 lines that hold only a page number, as text copied \
              from a PDF has them, left off the leaflet: “2” (line 11), “3” (line 22), \
              “4” (line 33)"
            ]
        );
    }

    #[test]
    fn a_running_head_and_foot_go_with_the_page_numbers() {
        // The title opens the text and heads every later page; the
        // group's name foots every page, over its number.
        let text = format!(
            "Buses for Everyone\n{}The Campaign\n2\nBuses for Everyone\n{}The Campaign\n3\n\
             Buses for Everyone\n{}",
            page(2, 10),
            page(15, 10),
            page(28, 3)
        );
        let mut warnings = Vec::new();
        let out = drop(paras(&text), "s.txt", &mut warnings);
        let all: Vec<String> = lines(&out).concat();
        assert_eq!(all[0], "Buses for Everyone");
        assert_eq!(all.len(), 24);
        assert!(all[1..].iter().all(|l| l.starts_with("line ")), "{all:?}");
        let warnings: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings[1..],
            [
                "s.txt:12: warning: “The Campaign”, repeated beside 2 page numbers as a PDF's \
                 running head or foot, left off the leaflet (lines 12, 25)",
                "s.txt:14: warning: “Buses for Everyone”, repeated beside 2 page numbers as a \
                 PDF's running head or foot, left off the leaflet (lines 14, 27)"
            ]
        );
    }

    #[test]
    fn numbers_that_are_not_a_run_of_pages_stay() {
        for text in [
            // One alone.
            format!("{}2\n{}", page(1, 10), page(12, 10)),
            // Not counting up.
            format!("{}2\n{}5\n{}", page(1, 10), page(12, 10), page(23, 2)),
            // Too close together: a list of numbers.
            "Votes:\n1\n2\n3\n".to_string(),
        ] {
            let before = lines(&paras(&text));
            let mut warnings = Vec::new();
            let out = drop(paras(&text), "s.txt", &mut warnings);
            assert_eq!(lines(&out), before);
            assert!(warnings.is_empty());
        }
    }
}

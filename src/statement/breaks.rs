//! Where a plain text's paragraphs end when it has no blank lines between
//! them. Plain text says "new paragraph" with a blank line, but two common
//! ways of getting a statement into a file do not write one:
//! - copying from a word processor or a web page gives one line per
//!   paragraph ("Fix Our Homes" / "12 March 2026" / "Dear neighbours," /
//!   a 400-character paragraph / …);
//! - copying from a PDF gives its printed lines, wrapped at the column's
//!   width, with nothing between its paragraphs.
//!
//! Joined as one paragraph, such a text printed as a single block without
//! a headline. So a run of lines without a blank line is read again here,
//! the way a reader of the page would: a paragraph ends where a line ends
//! its sentence (or is a heading) and the next word would have fitted on
//! it. What counts as "would have fitted" depends on the block:
//! - **wrapped** (most lines about as long as the longest, and no longer
//!   than a printed line can be): the next line's first word must fit in
//!   what is left of the line, with [`ROOM`] to spare for a proportional
//!   font's uneven letters;
//! - **a line per paragraph** (some line longer than any wrap): every line
//!   end is a possible paragraph end, and the punctuation decides;
//! - anything else (a poem, an address, a heading over two lines) is left
//!   as the writer grouped it, but for a heading typed over prose ("Who
//!   we are" / "We are parents…"), which ends its line's paragraph.
//!
//! Lists, separators and words broken with a hyphen are left to the
//! readers after this one (`classify` and `rejoin`), which handle them
//! line by line anyway. One warning names the lines, so that a writer who
//! meant otherwise can add the blank lines.
//!
//! The same reading tells which line breaks inside a paragraph are the
//! writer's own: the lines of an address, a verse, a schedule. Such a
//! line ends where the next word would have fitted, so it is kept as a
//! line of the print ([`Line::kept`](super::Line)), where a line the wrap
//! filled goes on after a space. A block too short to show its wrap is
//! measured against the rest of the text (see [`text_wrap`]).

use super::classify::{
    ends_unmarked, final_mark, is_salutation, opens_with_any, raw_text, CLOSINGS,
};
use super::clean::{is_blank, listed};
use super::heading;
use super::plain::{is_separator, list_marker};
use super::{Line, Para, ParaKind};
use crate::error::{Location, Warning};
use crate::script::{is_cjk, is_ideographic};
use crate::statement::document::BlockKind;

/// The widest a wrapped line can be, in character widths: a PDF's column
/// or an e-mail's 72 to 78 characters are well inside it, and a line
/// longer than this is a paragraph no one wrapped.
const MAX_WRAP: usize = 150;

/// The narrowest a wrapped line can be, in character widths: a
/// newspaper's narrowest column holds about thirty. Lines all about as
/// short as each other ("Riverside Tenants" / "Weavers Court" /
/// "Northbridge") are an address or a list, not prose wrapped at 13.
const MIN_WRAP: usize = 25;

/// In a text that writes a paragraph a line, a block wrapped narrower than
/// this many character widths is taken for lines of an address ("Riverside
/// Tenants' Association" / "Community Room, Weavers Court" / …) rather
/// than prose: an e-mail wraps at 72, a PDF's column at 50 or more, and
/// prose wrapped narrower in such a text is rare.
const NARROW_WRAP: usize = 50;

/// A line this long cannot have been wrapped: a block holding one is a
/// paragraph a line (text copied from a word processor).
const LONG_LINE: usize = 100;

/// The share of the wrap width the next line's first word must leave
/// free for the line to end short: a proportional font sets some lines of
/// the same width with a tenth more letters than others.
const ROOM: f64 = 0.85;

/// A line at least this share of the wrap width is one the wrap filled.
const NEAR_WRAP: f64 = 0.8;

/// How many lines a block needs to count as wrapped, at least (and at
/// least half of its lines must be filled): two lines of a headline are
/// not a wrapped column.
const MIN_WRAPPED_LINES: usize = 3;

/// Lines of text a Markdown statement has for each blank line, at least,
/// when it is read as one written without them: text pasted from a word
/// processor has a stray empty paragraph or two, a Markdown text written
/// by hand a blank line every few lines.
const LINES_A_BLANK: usize = 8;

/// How many of the lines where a paragraph was found to end the warning
/// lists.
const EXAMPLES: usize = 6;

/// How a block of lines without blank lines was written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Written {
    /// Wrapped at a width of this many character widths.
    Wrapped(usize),
    /// A paragraph a line.
    LinePerParagraph,
}

/// How the text as a whole was wrapped, for a block too short to tell.
#[derive(Clone, Copy, Debug, PartialEq)]
enum TextWrap {
    /// Its wrapped blocks were wrapped at this many character widths, at
    /// most.
    At(usize),
    /// Never: some line is longer than any wrap, and no block is wrapped
    /// (a paragraph a line, with blank lines between them).
    Never,
    /// Unknown: no block shows a wrap and every line is short; the
    /// longest is this many character widths.
    Longest(usize),
}

/// `paras` with every run of lines that hides several paragraphs cut into
/// them, and the line breaks a writer made inside a body paragraph marked
/// as kept; one warning in `warnings`, at the first cut, says where the
/// paragraphs were cut.
pub(super) fn split(paras: Vec<Para>, file: &str, warnings: &mut Vec<Warning>) -> Vec<Para> {
    let texts: Vec<Vec<String>> = paras.iter().map(trimmed).collect();
    let wrapped = text_wrap(&paras, &texts);
    // Whether some heading is typed over a paragraph of long lines: then
    // the text is written so, and a heading over a short one is too.
    let sectioned = paras.iter().zip(&texts).any(|(p, t)| {
        p.kind == ParaKind::Body
            && written(t).is_none()
            && !heading_over_prose(t, wrapped.0, false).is_empty()
    });
    let mut out = Vec::with_capacity(paras.len());
    let mut ends = Vec::new();
    let (mut first_line, mut last_line) = (usize::MAX, 0);
    for (mut para, texts) in paras.into_iter().zip(texts) {
        // A Markdown list item's lazy continuation ("- the last item" /
        // "The meeting is on…") is cut off it as a body paragraph.
        let item = matches!(para.kind, ParaKind::Fixed(BlockKind::ListItem { .. }));
        let how = if para.kind == ParaKind::Body || item {
            written(&texts)
        } else {
            None
        };
        let cuts = match how {
            Some(how) => cuts(&texts, how),
            None if para.kind == ParaKind::Body => heading_over_prose(&texts, wrapped.0, sectioned),
            None => Vec::new(),
        };
        // A heading typed over its paragraph is a usual way to write, and
        // the warning is for paragraphs run together.
        let warn = cuts != [0] || !heading::line_shaped(&texts[0]);
        if para.kind == ParaKind::Body {
            for i in kept(&texts, how, wrapped, &cuts) {
                para.lines[i + 1].kept = true;
            }
        }
        if cuts.is_empty() {
            out.push(para);
            continue;
        }
        if warn {
            first_line = first_line.min(para.lines[0].no);
            last_line = last_line.max(para.lines.last().map_or(0, |l| l.no));
            ends.extend(cuts.iter().map(|&i| para.lines[i].no));
        }
        let mut lines = para.lines;
        // From the back, so that each cut's index still holds.
        let mut tail = Vec::new();
        for &i in cuts.iter().rev() {
            tail.push(lines.split_off(i + 1));
        }
        out.push(Para {
            kind: para.kind.clone(),
            lines,
        });
        out.extend(tail.into_iter().rev().map(|lines| Para {
            kind: ParaKind::Body,
            lines,
        }));
    }
    if let Some(&first) = ends.first() {
        let lines = listed(ends.iter().map(|n| n.to_string()), EXAMPLES);
        warnings.push(Warning {
            at: Location::line(file, first),
            message: format!(
                "lines {first_line}–{last_line} have no blank lines between paragraphs: \
                 a paragraph is taken to end at each line that ends a sentence or a heading \
                 before the line is full (lines {lines}); put a blank line after every \
                 paragraph to say where each ends"
            ),
        });
    }
    out
}

/// `paras` (Markdown's, whose soft line breaks are spaces) with the lines
/// of a schedule, a table or an address kept apart: a paragraph whose
/// lines are alike as plain text's are (see [`parallel`]: each opens with
/// a digit, or has a tab) is rows typed or pasted into the web page's text
/// box, where "10:00 March starts" / "12:00 Speeches" run on would garble
/// the day; one whose lines are all [`short`] is an address or a chant
/// typed there, line by line, by someone who never heard of Markdown; so
/// is one [`typed_a_line_each`], the names under a joint statement; so
/// are web addresses a line each.
/// CommonMark's rule, a line break is a space, holds for the rest.
pub(super) fn keep_rows(mut paras: Vec<Para>, source: &str, first_line: usize) -> Vec<Para> {
    for para in paras.iter_mut().filter(|p| p.kind == ParaKind::Body) {
        let texts = trimmed(para);
        if parallel(&texts) || short(&texts) || typed_a_line_each(&texts) {
            for line in &mut para.lines[1..] {
                line.kept = true;
            }
        }
    }
    table_rows(paras, source, first_line)
}

/// `paras` with the rows of a table pasted into Markdown made whole again.
///
/// Markdown reads white space opening a line as indentation: a row whose
/// first cell is empty ("⇥Now⇥Demand", the headings of a table of
/// figures, whose top left cell is empty) lost its tab, and so its
/// headings stood a column to the left; as the table's first line it was
/// even an indented code block, a paragraph apart from the rows. So the
/// rows of a table (lines that each have a tab) get back the tabs their
/// source lines open with, and a code block of such rows joins the table
/// it runs into without a blank line.
fn table_rows(paras: Vec<Para>, source: &str, first_line: usize) -> Vec<Para> {
    let lines: Vec<&str> = source.lines().collect();
    let source_line = |no: usize| no.checked_sub(first_line).and_then(|i| lines.get(i));
    // The tabs opening source line `no`, if it is the one that begins
    // with `text` (an HTML table's rows have lines of their own).
    let opening_tabs = |no: usize, text: &str| {
        let line = source_line(no)?;
        let start = &text[..text.char_indices().nth(8).map_or(text.len(), |(i, _)| i)];
        let tabs = line.chars().take_while(|&c| c == '\t').count();
        (tabs > 0 && !start.is_empty() && line.trim_start().starts_with(start)).then_some(tabs)
    };
    // The tabs closing source line `no`, if it is the one that ends with
    // `text` (Markdown drops white space ending a line, and with it the
    // empty cells ending a row, which a row of a copied table needs to
    // have as many tabs as the others).
    let closing_tabs = |no: usize, text: &str| {
        let line = source_line(no)?;
        let end = &text[text.char_indices().rev().nth(7).map_or(0, |(i, _)| i)..];
        let kept = line.trim_end_matches(['\t', ' ']);
        let tabs = line[kept.len()..].matches('\t').count();
        (tabs > 0 && !end.is_empty() && kept.ends_with(end)).then_some(tabs)
    };
    let first_text = |l: &Line| {
        l.spans.first().map_or(String::new(), |s| {
            s.text.trim_start_matches(['\t', ' ']).to_string()
        })
    };
    // Every line holds a tab, or opens with one in the source, and one
    // parts two cells with text (lines merely indented by tabs are not
    // rows).
    let rows = |p: &Para| {
        matches!(p.kind, ParaKind::Body | ParaKind::Fixed(BlockKind::Body))
            && p.lines
                .iter()
                .all(|l| raw_text(l).contains('\t') || opening_tabs(l.no, &first_text(l)).is_some())
            && p.lines.iter().any(|l| raw_text(l).trim().contains('\t'))
    };
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    // Whether the last paragraph in `out` is a table's rows.
    let mut after_rows = false;
    for mut para in paras {
        if !rows(&para) {
            out.push(para);
            after_rows = false;
            continue;
        }
        for (i, line) in para.lines.iter_mut().enumerate() {
            if let Some(tabs) = opening_tabs(line.no, &first_text(line)) {
                line.spans[0].text = "\t".repeat(tabs) + &first_text(line);
            }
            if let Some(last) = line.spans.last_mut() {
                let text = last.text.trim_end_matches(['\t', ' ']).to_string();
                if let Some(tabs) = closing_tabs(line.no, &text) {
                    last.text = text + &"\t".repeat(tabs);
                }
            }
            line.kept |= i > 0;
        }
        match out.last_mut() {
            // A block of rows ending on the line before: one table.
            Some(before)
                if after_rows
                    && before.lines.last().map(|l| l.no + 1)
                        == para.lines.first().map(|l| l.no) =>
            {
                for line in &mut para.lines {
                    line.kept = true;
                }
                before.kind = ParaKind::Body;
                before.lines.append(&mut para.lines);
            }
            _ => out.push(para),
        }
        after_rows = true;
    }
    out
}

/// Whether a paragraph's lines (`texts`, trimmed) are each narrower than
/// anyone wraps prose ([`MIN_WRAP`]), and each after the first opens as a
/// line of its own does, not in lower case: "Write to us:" / "Riverside
/// Tenants" / "12 Mill Lane" / "Northbridge NB1 2AB". A writer who puts a
/// sentence a line has longer lines; one whose sentences are all this
/// short gets them a line each, which is how they were typed.
fn short(texts: &[String]) -> bool {
    texts.len() > 1
        && texts.iter().all(|t| width(t) < MIN_WRAP)
        && texts[1..]
            .iter()
            .all(|t| !t.starts_with(char::is_lowercase))
}

/// Whether a paragraph's lines (`texts`, trimmed) are a list typed a line
/// each, as the names under a joint statement are ("Northside Tenants'
/// Union" / "UNISON Northside Branch" / "Friends of the Earth Northside"):
/// [`LIST_LINES`] or more, none as wide as anyone wraps prose in a text
/// that wraps it ([`NARROW_WRAP`]), none after the first opening in lower
/// case, and half or more ending short of the longest, where a wrapped
/// paragraph's lines are filled. Run on as CommonMark says, thirty
/// organisations' names printed as one unreadable paragraph.
fn typed_a_line_each(texts: &[String]) -> bool {
    let longest = texts.iter().map(|t| width(t)).max().unwrap_or(0);
    let ends_short = texts
        .windows(2)
        .filter(|pair| ends_short(&pair[0], &pair[1], longest))
        .count();
    texts.len() >= LIST_LINES
        && longest < NARROW_WRAP
        && texts[1..]
            .iter()
            .all(|t| !t.starts_with(char::is_lowercase))
        && ends_short * 2 >= texts.len() - 1
}

/// The fewest lines [`typed_a_line_each`] takes for a list: two short
/// lines may be a wrapped sentence's, three that each open in capitals
/// and mostly end short hardly are.
const LIST_LINES: usize = 3;

/// The text of each of a paragraph's lines, trimmed.
fn trimmed(para: &Para) -> Vec<String> {
    para.lines
        .iter()
        .map(|l| raw_text(l).trim().to_string())
        .collect()
}

/// Whether a Markdown text is one written without blank lines, whose
/// paragraphs [`split`] should look for: at most one blank line for every
/// [`LINES_A_BLANK`] lines of text. In Markdown a line break inside a
/// paragraph is the writer's own (a wrapped line, a sentence a line), so
/// a text that separates its paragraphs with blank lines is left as it is.
pub(super) fn without_blank_lines(text: &str) -> bool {
    let (mut lines, mut gaps, mut blank) = (0usize, 0usize, false);
    for line in text.lines() {
        if is_blank(line) {
            blank = lines > 0;
        } else {
            gaps += usize::from(blank);
            blank = false;
            lines += 1;
        }
    }
    lines >= 2 && gaps * LINES_A_BLANK <= lines
}

/// How a block of lines (`texts`, trimmed) was written, if they may hide
/// paragraphs.
fn written(texts: &[String]) -> Option<Written> {
    if texts.len() < 2 {
        return None;
    }
    let widths: Vec<usize> = texts.iter().map(|t| width(t)).collect();
    if widths.iter().any(|&w| w > LONG_LINE) {
        // A line no usual wrap would leave: unless such lines are the
        // block's usual ones (a wide wrap), a paragraph a line.
        return match wrap_width(&widths) {
            Some(w) if w > LONG_LINE && w <= MAX_WRAP => Some(Written::Wrapped(w)),
            _ => Some(Written::LinePerParagraph),
        };
    }
    wrap_width(&widths).map(Written::Wrapped)
}

/// How the text of `paras` (their lines' `texts`, trimmed) was wrapped:
/// at the widest wrap of its wrapped prose (see [`prose`]); never when
/// none is wrapped and some line is longer than a wrap; else, as nothing
/// tells, at about the width of its longest line. A short e-mail's
/// paragraphs of two lines then read as wrapped (their lines come near the
/// longest), while an address under a longer paragraph keeps its lines.
/// Also whether some line is longer than a wrap.
fn text_wrap(paras: &[Para], texts: &[Vec<String>]) -> (TextWrap, bool) {
    let body = || {
        paras
            .iter()
            .zip(texts)
            .filter(|(p, _)| p.kind == ParaKind::Body)
            .map(|(_, t)| t)
    };
    let longest = body().flatten().map(|t| width(t)).max().unwrap_or(0);
    let long_lines = longest > LONG_LINE;
    // A list typed an item a line, perhaps under the line that leads into
    // it ("We ask the Board to:"), is no wrap, however even its items:
    // three demands of 85 to 95 characters read as prose wrapped at 95,
    // and a signature's e-mail address under its name was then taken for
    // the rest of a wrapped line.
    let typed_list = |t: &&Vec<String>| t.iter().skip(1).all(|l| list_marker(l).is_some());
    let widest = body()
        .filter(|t| !typed_list(t))
        .filter_map(|t| match prose(written(t), long_lines) {
            Some(Written::Wrapped(w)) => Some(w),
            _ => None,
        })
        .max();
    let wrap = match widest {
        Some(w) => TextWrap::At(w),
        None if long_lines => TextWrap::Never,
        None => TextWrap::Longest(longest),
    };
    (wrap, long_lines)
}

/// How a block was written (`how`), for its line breaks: a block that
/// looks wrapped narrower than [`NARROW_WRAP`] in a text with lines longer
/// than any wrap (`long_lines`: a paragraph a line) is lines of an address
/// or a list as long as each other, and counts as not wrapped.
fn prose(how: Option<Written>, long_lines: bool) -> Option<Written> {
    match how {
        Some(Written::Wrapped(w)) if long_lines && w < NARROW_WRAP => None,
        how => how,
    }
}

/// The indices of the lines (`texts`, trimmed, of a body paragraph
/// written `how`, in a text wrapped `wrap`, with lines longer than a wrap
/// or not, `long_lines`) after which the writer broke the line short of
/// the wrap, not counting the `cuts` (in order) where a paragraph ends:
/// the line breaks of an address, a verse or a schedule, which the print
/// keeps.
fn kept(
    texts: &[String],
    how: Option<Written>,
    (wrap, long_lines): (TextWrap, bool),
    cuts: &[usize],
) -> Vec<usize> {
    // A block that looked wrapped but is taken for lines ([`prose`]): a
    // line of it that goes on in lower case goes on its sentence, as in
    // prose wrapped narrow.
    let seen = prose(how, long_lines);
    let demoted = seen.is_none() && how.is_some();
    // The paragraph each line is in, once the block is cut.
    let para_of = |i: usize| cuts.partition_point(|&c| c < i);
    // A paragraph with a list or a separator in it is `classify`'s to
    // read, and a word broken with a hyphen `rejoin`'s.
    let mut listed = vec![false; cuts.len() + 1];
    for (i, t) in texts.iter().enumerate() {
        if list_marker(t).is_some() || is_separator(t) {
            listed[para_of(i)] = true;
        }
    }
    let parallel = parallel(texts);
    (0..texts.len().saturating_sub(1))
        .filter(|i| cuts.binary_search(i).is_err() && !listed[para_of(*i)])
        .filter(|&i| {
            let (line, next) = (&texts[i], &texts[i + 1]);
            if line.ends_with(['-', '\u{AD}']) || demoted && next.starts_with(char::is_lowercase) {
                return false;
            }
            match (seen, wrap) {
                _ if parallel => true,
                // Addresses a line each, perhaps under the line that leads
                // into them ("Write to your councillor:").
                _ if lone_address(next) && (lone_address(line) || line.ends_with(':')) => true,
                (Some(Written::LinePerParagraph), _) | (None, TextWrap::Never) => true,
                (Some(Written::Wrapped(w)), _) | (None, TextWrap::At(w)) => {
                    ends_short(line, next, w)
                }
                // A wrap guessed from the longest line is surer of a line
                // that ends short when the next opens in upper case: "and"
                // / "there." is one sentence, wrapped by hand.
                (None, TextWrap::Longest(w)) => {
                    ends_short(line, next, w) && !next.starts_with(char::is_lowercase)
                }
            }
        })
        .collect()
}

/// Whether the lines (`texts`, trimmed) are alike, as the lines of a
/// schedule, a table or a litany are and a wrapped paragraph's never: each
/// opens with a digit ("10:00 March starts…", "12:00 Speeches…"), or each
/// has a tab between its words (a table's row, copied from a
/// spreadsheet), or, [`LITANY_LINES`] or more, each opens with the same
/// word, not in lower case ("At ten…", "At noon…", "At two…"). Such lines
/// are the writer's even when they are as long as each other, which makes
/// them look wrapped.
fn parallel(texts: &[String]) -> bool {
    let first_word = |t: &str| t.split(' ').next().unwrap_or_default().to_string();
    let Some(first) = texts.first() else {
        return false;
    };
    let litany = texts.len() >= LITANY_LINES
        && !first.starts_with(char::is_lowercase)
        && texts.iter().all(|t| first_word(t) == first_word(first));
    texts.len() > 1
        && (texts
            .iter()
            .all(|t| t.starts_with(|c: char| c.is_numeric()))
            || texts.iter().all(|t| t.contains('\t'))
            || texts.iter().all(|t| lone_address(t))
            || litany)
}

/// Whether `line` is a web or e-mail address alone. Addresses typed a line
/// each are a list of them, whose line breaks a wrap cannot have made: the
/// next address never fits on the line before, so every one was read as
/// the rest of a wrapped line, and they ran on ("…Baths.pdf https://…").
fn lone_address(line: &str) -> bool {
    let line = line.trim();
    let email = line
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    !line.is_empty()
        && !line.contains(char::is_whitespace)
        && (line.contains("://") || line.starts_with("www.") || email)
}

/// Lines that open with the same word this many times or more are a
/// litany: two lines of a wrapped paragraph may well open alike ("The
/// council…" / "The rent…"), three hardly.
const LITANY_LINES: usize = 3;

/// Whether `line` ends short of a wrap at `wrap` character widths: the
/// first word of `next` fits in what is left, with [`ROOM`] to spare.
fn ends_short(line: &str, next: &str, wrap: usize) -> bool {
    let word = next.split(' ').next().unwrap_or(next);
    // An ideographic line breaks between any two characters.
    let word = match word.chars().next() {
        Some(c) if is_ideographic(c) => width(&c.to_string()),
        _ => width(word),
    };
    (width(line) + 1 + word) as f64 <= ROOM * wrap as f64
}

/// The width a block was wrapped at: the third quartile of its lines'
/// widths (the headings and paragraph ends a wrapped text has are shorter
/// than it, and one long address longer), when enough lines come near it.
fn wrap_width(widths: &[usize]) -> Option<usize> {
    let mut sorted = widths.to_vec();
    sorted.sort_unstable();
    let rank = (sorted.len() * 3).div_ceil(4).max(1) - 1;
    let wrap = sorted[rank];
    let filled = widths
        .iter()
        .filter(|&&w| w as f64 >= NEAR_WRAP * wrap as f64)
        .count();
    (filled >= MIN_WRAPPED_LINES && filled * 2 >= widths.len() && wrap >= MIN_WRAP).then_some(wrap)
}

/// The indices of the lines (`texts`, trimmed) after which a paragraph
/// ends.
fn cuts(texts: &[String], how: Written) -> Vec<usize> {
    let mut cuts = Vec::new();
    // Whether the line opens a paragraph or a list item.
    let mut opens = true;
    for i in 0..texts.len().saturating_sub(1) {
        let (line, next) = (&texts[i], &texts[i + 1]);
        let item_next = list_marker(next).is_some();
        let cut = !item_next && ends_paragraph(line, next, opens, how);
        if cut {
            cuts.push(i);
        }
        opens = cut || item_next;
    }
    cuts
}

/// Where a block too short to show how it was written (`texts`, trimmed),
/// in a text written a paragraph a line (`wrap` is [`TextWrap::Never`]),
/// or with its sentences on long lines, ends a paragraph: after its first
/// line, when that line is shaped as a heading ("Who we are", "1. Minutes
/// of the last meeting", "हम कौन हैं") and the lines under it are prose,
/// each ending its sentence (in Thai and Lao, which end one with no mark,
/// any line does). Typed over its text without a blank line, the heading
/// was a line of that paragraph, where the same heading over a longer
/// paragraph, which shows a paragraph a line, stood apart; a numbered one
/// ran into its text as a list's item. An address ("14 Elm Road" /
/// "Oakfield OK4 7TR") ends no sentence, and keeps its lines together.
/// Among short lines, a short line over a sentence may be one wrapped by
/// hand ("Heraus zum" / "1. Mai, wie jedes Jahr…", "Kommt alle zur" /
/// "Demonstration!"), and stays its line: outside a text written a
/// paragraph a line, some line under the heading must be at least
/// [`NARROW_WRAP`] wide, which no one wrapping by hand at a heading's
/// width writes, unless another heading of the text (`sectioned`) is over
/// such a line: the last section's "Time and place" over one short line.
fn heading_over_prose(texts: &[String], wrap: TextWrap, sectioned: bool) -> Vec<usize> {
    let prose =
        |t: &String| matches!(final_mark(t), Some('.' | '!' | '?' | '…')) || ends_unmarked(t);
    match texts {
        [head, next, rest @ ..]
            if heading::line_shaped(head)
                && list_marker(next).is_none()
                && ends_paragraph(head, next, true, Written::LinePerParagraph)
                && prose(next)
                && rest.iter().all(prose)
                && (wrap == TextWrap::Never
                    || sectioned
                    || texts[1..].iter().any(|t| width(t) >= NARROW_WRAP)) =>
        {
            vec![0]
        }
        _ => Vec::new(),
    }
}

/// Whether a paragraph ends after `line`, before `next`; `opens` when the
/// line starts its paragraph or list item.
fn ends_paragraph(line: &str, next: &str, opens: bool, how: Written) -> bool {
    // Lists and separators are cut by `classify`, broken words joined by
    // `rejoin`; a sentence goes on in lower case.
    // A table's rows are lines of one block (see `kept`).
    if is_separator(line)
        || is_separator(next)
        || line.contains('\t') && next.contains('\t')
        || line.ends_with(['-', '\u{AD}'])
        || next.starts_with(char::is_lowercase)
    {
        return false;
    }
    if let Written::Wrapped(wrap) = how {
        if !ends_short(line, next, wrap) {
            return false;
        }
    }
    let sign_off = opens_with_any(line, CLOSINGS);
    match final_mark(line) {
        Some('.' | '!' | '?' | ':' | ';' | '…') => !sign_off,
        // "Dear neighbours," opens the letter; "In solidarity," goes on
        // with a name.
        Some(',') => opens && is_salutation(line) && !sign_off,
        // A headline, a date, a heading: a line of its own. Inside a
        // paragraph (after "In solidarity," say) the line goes on it.
        _ => opens && !sign_off,
    }
}

/// A text's width in character widths: an ideograph or a Hangul syllable
/// is as wide as two Latin letters.
fn width(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::super::plain::testing::{lines, paras};
    use super::*;

    fn split_text(text: &str) -> (Vec<Vec<String>>, Vec<String>) {
        let mut warnings = Vec::new();
        let out = split(paras(text), "s.txt", &mut warnings);
        (
            lines(&out),
            warnings.iter().map(|w| w.to_string()).collect(),
        )
    }

    const LONG: &str = "Last week every household on Mill Lane, Canal Street and the \
        Weavers Court blocks received a letter announcing a rent increase of eight \
        per cent from the first of May.";

    #[test]
    fn a_paragraph_a_line_as_a_word_processor_copies_it() {
        let text = format!(
            "Fix Our Homes\n12 March 2026\nDear neighbours,\n{LONG}\n{LONG}\n\
             Our demands:\n- No rent increase\n- Repairs first\nSee you on Thursday!\n\
             In solidarity,\nRiverside Tenants"
        );
        let (out, warnings) = split_text(&text);
        assert_eq!(
            out,
            vec![
                vec!["Fix Our Homes"],
                vec!["12 March 2026"],
                vec!["Dear neighbours,"],
                vec![LONG],
                vec![LONG],
                vec!["Our demands:", "- No rent increase", "- Repairs first"],
                vec!["See you on Thursday!"],
                vec!["In solidarity,", "Riverside Tenants"],
            ]
        );
        assert_eq!(
            warnings,
            vec![
                "s.txt:1: warning: lines 1–11 have no blank lines between paragraphs: \
                 a paragraph is taken to end at each line that ends a sentence or a heading \
                 before the line is full (lines 1, 2, 3, 4, 5, 8 and 1 more); put a blank line after \
                 every paragraph to say where each ends"
            ]
        );
    }

    #[test]
    fn a_wrapped_column_as_a_pdf_copies_it() {
        let text = "Buses for Everyone\n\
            Every morning, tens of thousands of people in Northbridge stand at a\n\
            bus stop and wonder whether the bus will come. Some of them are on\n\
            their way to a hospital shift.\n\
            This booklet is about them, and about all of us. It was written by\n\
            members of the Northbridge Fair Transport Campaign, a group of\n\
            passengers, bus drivers, students and pensioners. We went to the\n\
            City Council and asked for a meeting.";
        let (out, _) = split_text(text);
        let firsts: Vec<&str> = out.iter().map(|p| p[0].as_str()).collect();
        assert_eq!(
            firsts,
            vec![
                "Buses for Everyone",
                "Every morning, tens of thousands of people in Northbridge stand at a",
                "This booklet is about them, and about all of us. It was written by",
            ]
        );
        // "We went to the" / "City Council": the line is full, so its end
        // is only a line's end.
        assert_eq!(out[2].len(), 4);
    }

    #[test]
    fn lines_a_writer_grouped_stay_together() {
        // A wrapped paragraph, a list, a two-line headline, an address.
        for text in [
            "Over the past month, volunteers from the association knocked on more\n\
             than two hundred doors. Nearly everyone we spoke to had a repair that\n\
             was reported and never fixed. Many people told us they were afraid.\n\
             That is exactly why we organise together: one tenant can be ignored.",
            "- No rent increase until every outstanding repair is completed\n\
             - A named repairs officer on site two days a week\n\
             - A written reply to every repair report within ten working days",
            "Fix Our Homes\nBefore You Raise Our Rents",
            "Riverside Tenants' Association\nCommunity Room, Weavers Court\nMill Lane\nNorthbridge",
            "Some words broken at the line's end as a PDF has them, the organi-\n\
             sation of the strike is democratic: every decision is taken by the\n\
             assembly of all workers; the bosses refuse to talk with the assem-\n\
             bly.",
        ] {
            let (out, warnings) = split_text(text);
            assert_eq!(out.len(), 1, "{text}: {out:?}");
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }

    /// Each paragraph of `text` as printed: its kept line breaks as " / ".
    fn printed(text: &str) -> Vec<String> {
        split(paras(text), "s.txt", &mut Vec::new())
            .iter()
            .map(|p| {
                let mut out = String::new();
                for (i, l) in p.lines.iter().enumerate() {
                    if i > 0 {
                        out.push_str(if l.kept { " / " } else { " " });
                    }
                    out.push_str(raw_text(l).trim());
                }
                out
            })
            .collect()
    }

    #[test]
    fn an_address_a_verse_and_a_schedule_keep_their_lines() {
        // Before: "Riverside Tenants 12 Mill Lane Northbridge NB1 2AB",
        // "10:00 March starts at the Town Hall 12:00 Speeches on…".
        let text = format!(
            "{LONG}\n\nWrite to us:\nRiverside Tenants\n12 Mill Lane\nNorthbridge NB1 2AB\n\n\
             10:00 March starts at the Town Hall\n12:00 Speeches on Market Square\n\
             13:30 Concert in the park\n\nWhose streets?\nOur streets!\nwe shout\n"
        );
        assert_eq!(
            printed(&text)[1..],
            [
                "Write to us: / Riverside Tenants / 12 Mill Lane / Northbridge NB1 2AB",
                "10:00 March starts at the Town Hall / 12:00 Speeches on Market Square / \
                 13:30 Concert in the park",
                "Whose streets? / Our streets! / we shout",
            ]
        );
        // Nor are longer ones, as long as each other, in a text that
        // writes a paragraph a line.
        let text = format!(
            "{LONG}\n\nWrite to us or drop in:\nRiverside Tenants' Association\n\
             Community Room, Weavers Court\nMill Lane, Northbridge NB1 2AB\n"
        );
        assert_eq!(
            printed(&text)[1],
            "Write to us or drop in: / Riverside Tenants' Association / \
             Community Room, Weavers Court / Mill Lane, Northbridge NB1 2AB"
        );
        // Short lines as long as each other are no prose wrapped at 13.
        let text =
            format!("{LONG}\n\nWrite to us:\nRiverside Tenants\nWeavers Court\nNorthbridge\n");
        assert_eq!(
            printed(&text)[1],
            "Write to us: / Riverside Tenants / Weavers Court / Northbridge"
        );
        // Lines as long as each other look wrapped; opening alike, they
        // are not.
        for lines in [
            [
                "At ten we march from the Town Hall",
                "At noon we speak on Market Square",
                "At two we sing in the park by the pond",
            ],
            [
                "10:00 we march from the Town Hall",
                "12:00 we speak on Market Square",
                "14:00 we sing in the park by the pond",
            ],
        ] {
            let text = format!("{LONG}\n\n{}\n", lines.join("\n"));
            assert_eq!(printed(&text)[1], lines.join(" / "));
        }
        // The same under an e-mail's paragraph wrapped at 70.
        let mail = "Last week every household on Mill Lane, Canal Street and the Weavers\n\
                    Court blocks received a letter announcing a rent increase of eight\n\
                    per cent from May. We are asking every tenant to come to the meeting.\n\n\
                    Write to us:\nRiverside Tenants\n12 Mill Lane\n";
        let out = printed(mail);
        assert!(!out[0].contains(" / "), "{out:?}");
        assert_eq!(out[1], "Write to us: / Riverside Tenants / 12 Mill Lane");
    }

    #[test]
    fn a_list_typed_an_item_a_line_shows_no_wrap() {
        // Before: three demands of 85 to 95 characters read as prose
        // wrapped at 95, and the signature below ran on: "… Primary
        // School parents.council@…".
        let text = format!(
            "{LONG}\n\nWe ask the Board to:\n\
             1)\tpublish the full financial case for the merger, including the sale value of the site;\n\
             2)\thold a public consultation meeting at the school, in the evening, with interpreters;\n\
             3)\tdelay any decision until the borough's review of school places is published in June.\n\n\
             The Parents' Council of Eastfield Primary School\n\
             parents.council@eastfield-primary.example.org\n"
        );
        assert_eq!(
            printed(&text).last().unwrap(),
            "The Parents' Council of Eastfield Primary School / \
             parents.council@eastfield-primary.example.org"
        );
    }

    #[test]
    fn a_short_wrapped_paragraph_goes_on_at_its_line_ends() {
        // Two lines, wrapped before a capital: no wrapped block of three
        // lines shows the wrap, the longest line does.
        let text = "Dear all,\n\nThe meeting is moved to Thursday at seven in the\n\
                    Community Centre on Mill Lane, next to the laundry.\n\nJo";
        assert_eq!(
            printed(text)[1],
            "The meeting is moved to Thursday at seven in the Community Centre on Mill Lane, \
             next to the laundry."
        );
        // Lists, separators and broken words are left to `classify` and
        // `rejoin`.
        let text =
            format!("{LONG}\n\nOur demands:\n- No rent rise\n- Repairs\n\nthe organi-\nsation\n");
        assert!(printed(&text).iter().all(|p| !p.contains(" / ")));
    }

    #[test]
    fn markdown_counts_as_written_without_blank_lines_when_they_are_rare() {
        let pasted = "A\nB\nC\nD\nE\n\nF\nG\nH\nI\n";
        assert!(without_blank_lines(pasted));
        assert!(without_blank_lines("\n\nTitle\nText\n\n\n"));
        let written = "# A\n\nB\nC\n\nD\n\n- E\n- F\n";
        assert!(!without_blank_lines(written));
        assert!(!without_blank_lines("One line"));
    }

    #[test]
    fn lines_alike_are_a_schedule_a_table_or_a_litany() {
        let alike =
            |lines: &[&str]| parallel(&lines.iter().map(|l| l.to_string()).collect::<Vec<_>>());
        assert!(alike(&["10:00 March starts", "12:00 Speeches"]));
        assert!(alike(&["Time\tWhat", "10:00\tMarch"]));
        assert!(alike(&[
            "At ten we march",
            "At noon we speak",
            "At two we sing"
        ]));
        // Two lines of a wrapped paragraph may open alike; lower case goes
        // on a sentence.
        assert!(!alike(&[
            "The council voted on Monday",
            "The rent rises in May"
        ]));
        assert!(!alike(&["the council", "the rent", "the repairs"]));
        assert!(!alike(&["10:00 March starts"]));
    }

    #[test]
    fn widths_count_ideographs_twice() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("保育园"), 6);
        assert_eq!(wrap_width(&[70, 68, 71, 30]), Some(70));
        assert_eq!(wrap_width(&[13, 25]), None);
        assert_eq!(wrap_width(&[12, 17, 13, 11]), None);
    }
}

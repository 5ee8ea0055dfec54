//! Character-level work: line breaks, forbidden and invisible characters,
//! white space, and the line/column index used in messages.

use std::borrow::Cow;

use super::error_at;
use crate::error::{Error, Result};
use crate::script::{is_closing, is_ideographic, is_opening};
use crate::statement::document::{Span, Style, LINE_BREAK};

/// CRLF and lone CR become LF.
pub(super) fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A form feed: a page break, what `pdftotext` and some word processors
/// write between pages. It is not text, but not garbage either: handbill
/// makes its own pages, so it is read as a space, which keeps every column
/// of the line where it was.
pub(super) fn is_page_break(c: char) -> bool {
    c == '\u{C}'
}

/// Word's line break inside a paragraph (Shift+Enter), as text copied or
/// exported from it writes it: the vertical tab.
const WORD_LINE_BREAK: char = '\u{B}';

/// `text` with every [`is_page_break`] character a space, and where the
/// first was and how many there were, for the warning; and every vertical
/// tab the line break it stands for ([`LINE_BREAK`]), which the print
/// keeps like any line break its writer made.
pub(super) fn page_breaks_as_spaces(text: &str) -> (Cow<'_, str>, Option<Removed>) {
    let text = if text.contains(WORD_LINE_BREAK) {
        Cow::Owned(text.replace(WORD_LINE_BREAK, &LINE_BREAK.to_string()))
    } else {
        Cow::Borrowed(text)
    };
    let Some(first) = text.find(is_page_break) else {
        return (text, None);
    };
    let before = &text[..first];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let found = Removed {
        count: text.matches(is_page_break).count(),
        line,
        column,
        first: text[first..].chars().next().unwrap_or('\u{C}'),
    };
    let out = text.replace(is_page_break, " ");
    (Cow::Owned(out), Some(found))
}

/// Byte offsets → 1-based line and column (in characters) of a text whose
/// line breaks are LF, whose first line is `first_line` of the file.
pub(super) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    first_line: usize,
}

impl<'a> LineIndex<'a> {
    pub(super) fn new(text: &'a str, first_line: usize) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            text,
            starts,
            first_line,
        }
    }

    fn line_index(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The line holding byte `offset` (offsets past the end give the last line).
    pub(super) fn line(&self, offset: usize) -> usize {
        self.first_line + self.line_index(offset)
    }

    /// Line and column of byte `offset`.
    pub(super) fn line_col(&self, offset: usize) -> (usize, usize) {
        let i = self.line_index(offset);
        let start = self.starts.get(i).copied().unwrap_or(0);
        let end = offset.min(self.text.len()).max(start);
        let column = self.text.get(start..end).map_or(0, |s| s.chars().count()) + 1;
        (self.first_line + i, column)
    }
}

/// A control character: C0 except LF and tab, DEL, C1.
pub(super) fn is_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Bidi controls and U+FEFF inside the text: removed with a warning.
pub(super) fn is_removed(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// White space the cleaner collapses (U+00A0 included; U+202F and the
/// typographic spaces U+2000–U+200A, U+3000 are kept as written).
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{A0}' | '\u{2028}' | '\u{2029}')
}

/// Whether a line is blank: only white space and invisible format characters.
pub(super) fn is_blank(line: &str) -> bool {
    line.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
            )
    })
}

/// What an Instagram caption holds a line each to space its paragraphs,
/// as the app drops a caption's blank lines: a lone full stop, or a
/// character that shows nothing yet is no white space to the app (U+2800
/// BRAILLE PATTERN BLANK, U+3164 HANGUL FILLER).
const SPACER_MARKS: &[char] = &['.', '\u{2800}', '\u{3164}'];

/// Lines holding only a spacer mark, made blank: `text` with them emptied
/// (their line breaks kept, so every other line keeps its number), and
/// the first one's line number (counted from `first_line`) and how many
/// there were. A full stop alone reads as a stray word at the end of the
/// line before it; a braille blank, as a box no font fills well.
pub(super) fn blank_spacer_lines(
    text: &str,
    first_line: usize,
) -> (Cow<'_, str>, Option<(usize, usize)>) {
    let spacer = |line: &str| {
        let mut marks = line.chars().filter(|c| !is_space(*c));
        marks.next().is_some_and(|c| SPACER_MARKS.contains(&c)) && marks.next().is_none()
    };
    let found: Vec<usize> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| spacer(l))
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = found.first() else {
        return (Cow::Borrowed(text), None);
    };
    let out: Vec<&str> = text
        .split('\n')
        .map(|l| if spacer(l) { "" } else { l })
        .collect();
    (
        Cow::Owned(out.join("\n")),
        Some((first_line + first, found.len())),
    )
}

/// The first `max` of `items` joined with commas, and "and N more" for
/// the rest: how a warning lists the places it speaks of.
pub(super) fn listed(items: impl IntoIterator<Item = String>, max: usize) -> String {
    let mut shown = Vec::new();
    let mut rest = 0usize;
    for item in items {
        if shown.len() < max {
            shown.push(item);
        } else {
            rest += 1;
        }
    }
    let list = shown.join(", ");
    match rest {
        0 => list,
        n => format!("{list} and {n} more"),
    }
}

/// The first whole words of `text` that fit in `max` characters (the first
/// word alone when it is longer), and whether words were left out after
/// them: how a warning quotes the start of a text it speaks of.
pub(super) fn opening_words(text: &str, max: usize) -> (String, bool) {
    let mut out = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let with = len + usize::from(!out.is_empty()) + word.chars().count();
        if !out.is_empty() && with > max {
            return (out, true);
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        len = with;
    }
    (out, false)
}

/// The error for a control character.
pub(super) fn control_error(file: &str, line: usize, column: usize, c: char) -> Error {
    let hint = if c == '\0' {
        " (a file full of them is probably UTF-16: save it as UTF-8)"
    } else {
        ""
    };
    error_at(
        file,
        line,
        column,
        format!("U+{:04X} (a control character); remove it{hint}", c as u32),
    )
}

/// Where and how many characters [`remove_invisible`] will take out (or
/// [`page_breaks_as_spaces`] replaced).
#[derive(Debug)]
pub(super) struct Removed {
    pub(super) count: usize,
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) first: char,
}

/// What [`check_chars`] found in a statement's text, each with where the
/// first was and how many there were.
#[derive(Debug, Default)]
pub(super) struct Checked {
    /// Bidi controls and U+FEFF, which [`remove_invisible`] removes.
    pub(super) invisible: Option<Removed>,
    /// U+FFFD, the replacement character: a program that read the text
    /// before handbill (in the wrong encoding, most often) put it where it
    /// lost a character. It prints as it stands, "�", so the writer is
    /// told where.
    pub(super) lost: Option<Removed>,
}

/// Counts `c`, found at `line` and `column`, in `slot`.
fn count(slot: &mut Option<Removed>, (line, column): (usize, usize), c: char) {
    match slot {
        Some(r) => r.count += 1,
        None => {
            *slot = Some(Removed {
                count: 1,
                line,
                column,
                first: c,
            })
        }
    }
}

/// The most marks stacked on one side of one letter, above or below it
/// (canonical combining classes 230 and 220: accents, dots, tildes).
/// Vietnamese ("ề": circumflex and grave) and polytonic Greek ("ᾯ":
/// breathing and circumflex) put two above a letter, a transliteration
/// one more at most; text decorated with dozens ("Zalgo", as chat apps
/// pass round) piles them up through the lines above and below, over
/// their words, where no check of the page would see it.
const MAX_STACKED_MARKS: usize = 3;

/// Marks stacked on the last letter read: how many above, how many
/// below, and where the letter is (none yet at a line's start).
#[derive(Default)]
struct Stack {
    above: usize,
    below: usize,
    base: Option<(char, usize, usize)>,
}

impl Stack {
    /// Reads `c` at `line` and `column`: a letter starts a new stack, a
    /// mark above or below adds to it. An error for a stack too high.
    fn read(&mut self, c: char, (line, column): (usize, usize), file: &str) -> Result<()> {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        match canonical_combining_class(c) {
            230 => self.above += 1,
            220 => self.below += 1,
            _ if !is_combining_mark(c) => {
                *self = Stack {
                    base: Some((c, line, column)),
                    ..Stack::default()
                };
                return Ok(());
            }
            _ => return Ok(()),
        }
        // Marks at a line's start, on no letter: the place they stand on,
        // shown as the dotted circle that stands for it.
        let (base, line, column) = *self.base.get_or_insert(('\u{25CC}', line, column));
        let side = if self.above > MAX_STACKED_MARKS {
            "above"
        } else if self.below > MAX_STACKED_MARKS {
            "below"
        } else {
            return Ok(());
        };
        Err(error_at(
            file,
            line,
            column,
            format!(
                "“{base}” has more than {MAX_STACKED_MARKS} marks stacked {side} it (U+{:04X} \
                 among them): they would print over the lines around it; remove the extra marks",
                c as u32
            ),
        ))
    }
}

/// Fails on the first control character, or a letter with more marks
/// stacked on it than print legibly ([`MAX_STACKED_MARKS`]); reports the
/// bidi controls and U+FEFF that [`remove_invisible`] removes, and the
/// replacement characters (see [`Checked`]).
pub(super) fn check_chars(text: &str, file: &str) -> Result<Checked> {
    let (mut line, mut column) = (1, 1);
    let mut found = Checked::default();
    let mut stack = Stack::default();
    for c in text.chars() {
        if c == '\n' {
            line += 1;
            column = 1;
            stack = Stack::default();
            continue;
        }
        if is_control(c) {
            return Err(control_error(file, line, column, c));
        }
        stack.read(c, (line, column), file)?;
        if is_removed(c) {
            count(&mut found.invisible, (line, column), c);
        } else if c == char::REPLACEMENT_CHARACTER {
            count(&mut found.lost, (line, column), c);
        }
        column += 1;
    }
    Ok(found)
}

/// The first control character of `s` and its char index, if any.
pub(super) fn find_control(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find(|&(_, c)| is_control(c))
}

/// `text` without bidi controls and U+FEFF.
pub(super) fn remove_invisible(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_removed) {
        Cow::Owned(text.chars().filter(|&c| !is_removed(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a U+00A0 between `prev` and `next` is a deliberate tie.
fn is_tie(prev: char, next: char) -> bool {
    matches!(next, ';' | ':' | '!' | '?' | '»' | '›' | '%')
        || matches!(prev, '«' | '‹')
        || (prev.is_numeric() && next.is_alphabetic())
}

/// Whether a space between `prev` and `next` doubles the white a
/// full-width mark already carries: a Chinese or Japanese closing bracket,
/// comma or full stop stands in an em square whose right half is blank,
/// an opening bracket in one whose left half is, so a space beside it in
/// running Chinese or Japanese text makes a hole of nearly an em. Such a
/// space is mostly Markdown's doing: `**開きます。**子ども` does not close
/// its bold (a `**` after punctuation must be followed by a space or
/// punctuation), so writers type `**開きます。** 子ども`. The exclamation
/// and question marks are not counted: Japanese puts a full space after
/// them within a paragraph, and a writer's space there is kept.
fn is_doubled_white(prev: char, next: char) -> bool {
    (is_closing(prev) && is_ideographic(next)) || (is_ideographic(prev) && is_opening(next))
}

/// Cleans a block's raw spans: white space collapsed and trimmed, U+00A0
/// kept only as a tie, adjacent spans of one style merged, no empty spans.
/// One pass over the characters, without collecting them first.
pub(super) fn clean_spans(raw: &[Span]) -> Vec<Span> {
    clean_spans_with(raw, None)
}

/// How a table's tabs part its cells (see `classify::blocks::table_tabs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TableTabs {
    /// Each tab parts two cells, an empty one too; `lead` empty cells
    /// open every row (an indent), and go.
    Copied {
        /// Empty cells opening every row.
        lead: usize,
    },
    /// A run of tabs parts two cells with text; tabs opening a row go.
    Aligned,
}

/// [`clean_spans`], keeping the tabs between the cells of a table's rows
/// as `table` says: a run of white space inside a row with tabs in it is
/// one tab for each of them ([`TableTabs::Copied`]) or one tab
/// ([`TableTabs::Aligned`]); a copied row opens with its own empty cells,
/// and the empty cells that end a row go.
pub(super) fn clean_spans_with(raw: &[Span], table: Option<TableTabs>) -> Vec<Span> {
    let mut out = Spans {
        done: Vec::new(),
        text: String::with_capacity(raw.iter().map(|s| s.text.len()).sum()),
        style: raw.first().map(|s| s.style).unwrap_or_default(),
    };
    let mut prev: Option<char> = None;
    // A run of white space seen but not yet written: whether it held a
    // U+00A0, a source line break, a line break the print keeps
    // ([`LINE_BREAK`]), and the style of its first character. It becomes
    // one space, tie or kept line break only between two other characters.
    // Tabs for the cells the white space `g` parts or opens a row with.
    let between = |g: &Gap| match table {
        Some(TableTabs::Copied { .. }) => g.tabs,
        Some(TableTabs::Aligned) => g.tabs.min(1),
        None => 0,
    };
    let opening = |g: &Gap| match table {
        Some(TableTabs::Copied { lead }) => g.tabs.saturating_sub(lead),
        _ => 0,
    };
    let mut gap: Option<Gap> = None;
    for span in raw {
        for c in span.text.chars() {
            if is_space(c) {
                let seen = Gap {
                    nbsp: c == '\u{A0}',
                    newline: c == '\n',
                    kept: c == LINE_BREAK,
                    tabs: usize::from(c == '\t'),
                    style: span.style,
                };
                gap = Some(gap.map_or(seen, |g| Gap {
                    nbsp: g.nbsp || seen.nbsp,
                    newline: g.newline || seen.newline,
                    kept: g.kept || seen.kept,
                    // Only the tabs after a row's end open the next row.
                    tabs: if seen.newline || seen.kept {
                        0
                    } else {
                        g.tabs + seen.tabs
                    },
                    style: g.style,
                }));
                continue;
            }
            if prev.is_none() {
                // The first row's empty cells.
                if let Some(g) = gap.take() {
                    for _ in 0..opening(&g) {
                        out.push('\t', g.style);
                    }
                }
            }
            if let (Some(g), Some(p)) = (gap.take(), prev) {
                // Chinese and Japanese put no spaces between words: a line
                // break of the source between two of their characters is
                // where an editor wrapped the text, not a space (the CSS
                // Text rule for segment breaks).
                let wrapped = g.newline && is_ideographic(p) && is_ideographic(c);
                if g.kept {
                    out.push(LINE_BREAK, g.style);
                    for _ in 0..opening(&g) {
                        out.push('\t', g.style);
                    }
                } else if between(&g) > 0 && !g.newline {
                    for _ in 0..between(&g) {
                        out.push('\t', g.style);
                    }
                } else if !wrapped && !is_doubled_white(p, c) {
                    out.push(
                        if g.nbsp && is_tie(p, c) {
                            '\u{A0}'
                        } else {
                            ' '
                        },
                        g.style,
                    );
                }
            }
            out.push(c, span.style);
            prev = Some(c);
        }
    }
    out.finish()
}

/// White space between two characters, as [`clean_spans`] collects it.
#[derive(Clone, Copy)]
struct Gap {
    nbsp: bool,
    newline: bool,
    kept: bool,
    /// Tabs since the last line break in it.
    tabs: usize,
    style: Style,
}

/// Cleaned spans being built: the finished ones and the text of the last.
struct Spans {
    done: Vec<Span>,
    text: String,
    style: Style,
}

impl Spans {
    /// Appends `c`, starting a new span when the style changes.
    fn push(&mut self, c: char, style: Style) {
        if style != self.style && !self.text.is_empty() {
            self.done.push(Span {
                text: std::mem::take(&mut self.text),
                style: self.style,
            });
        }
        self.style = style;
        self.text.push(c);
    }

    fn finish(mut self) -> Vec<Span> {
        if !self.text.is_empty() {
            self.done.push(Span {
                text: self.text,
                style: self.style,
            });
        }
        self.done
    }
}

/// The cleaned text of raw spans.
pub(super) fn clean_text(raw: &[Span]) -> String {
    clean_spans(raw).into_iter().map(|s| s.text).collect()
}

/// Cleans a plain string (front matter values).
pub(super) fn clean_str(s: &str) -> String {
    clean_text(&[Span::plain(remove_invisible(s).into_owned())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_columns_count_characters() {
        let idx = LineIndex::new("aé\nxyz\n", 5);
        assert_eq!(idx.line_col(0), (5, 1));
        assert_eq!(idx.line_col(3), (5, 3)); // the '\n' after "aé"
        assert_eq!(idx.line_col(4), (6, 1));
        assert_eq!(idx.line_col(6), (6, 3));
        assert_eq!(idx.line(100), 7);
    }

    #[test]
    fn no_space_beside_the_white_of_a_full_width_mark() {
        let bold = Style {
            bold: true,
            italic: false,
            strike: false,
        };
        // The Markdown case: the space that lets a bold span close.
        let raw = vec![
            Span {
                text: "集会を開きます。".into(),
                style: bold,
            },
            Span::plain(" 子ども連れ 「歓迎」です。 Welcome 東京 大阪！ 次"),
        ];
        let text = clean_text(&raw);
        assert_eq!(
            text,
            "集会を開きます。子ども連れ「歓迎」です。 Welcome 東京 大阪！ 次"
        );
    }

    #[test]
    fn spaces_collapse_and_styles_merge() {
        let bold = Style {
            bold: true,
            italic: false,
            strike: false,
        };
        let raw = vec![
            Span::plain("  a\t\tb "),
            Span::plain(" c"),
            Span {
                text: "  d ".into(),
                style: bold,
            },
            Span {
                text: "".into(),
                style: Style::default(),
            },
        ];
        let out = clean_spans(&raw);
        assert_eq!(
            out,
            vec![
                Span::plain("a b c"),
                Span {
                    text: " d".into(),
                    style: bold
                }
            ]
        );
    }
}

//! The statement reader: bytes of a plain-text or Markdown statement, as
//! organisers paste it from a web page or an email, into a [`Document`].
//!
//! # Pipeline
//!
//! 1. [`decode()`]: bytes → text (UTF-8, or Latin-1 / Windows-1252 when asked).
//! 2. [`parse`]: a leading BOM is dropped; CRLF and lone CR become LF; control
//!    characters are an error; bidi controls and stray U+FEFF are removed with
//!    one warning; `+++` TOML front matter is read; the body is cut into
//!    paragraphs (plain text: blank lines; Markdown: pulldown-cmark); the
//!    paragraphs are given roles; each block's text is cleaned.
//!
//! # Cleaning (both formats)
//!
//! Tabs, newlines (soft wraps, hard breaks), U+2028/U+2029 and runs of spaces
//! become one space; spaces at the start and end of a block go. A run of
//! white space that holds a U+00A0 stays one U+00A0 when it is a deliberate
//! tie — before `; : ! ? » › %`, after `« ‹`, or between a digit and a letter
//! ("50 km") — and is a plain space otherwise (web-editor debris). U+202F,
//! U+00AD, U+200B, U+200C, U+200D and every other character are kept. A line
//! holding only white space and invisible format characters (U+00AD, U+200B,
//! U+200C, U+200D, U+2060) is blank.
//!
//! # Roles
//!
//! * **Headline**: front matter `title`, else the first Markdown level-1
//!   heading, else the first paragraph (plain text) or first block (Markdown,
//!   a paragraph or a heading of any level) — unless that paragraph is a
//!   salutation (ends with "," or opens with "Dear", "Liebe", …), a separator,
//!   a list, a table's rows, or longer than 300 characters, in which case there is no
//!   headline. With a `title`, a first paragraph (or level-1 heading) whose
//!   text equals the title (ignoring case and spacing) *is* the headline;
//!   otherwise the title is a Headline block placed first (its `line` is the
//!   line of `title =`), and that paragraph is body (a differing level-1
//!   heading becomes `Heading(1)`). In plain text a multi-line first
//!   paragraph is split into headline + meta lines only when every later
//!   line is a meta line that starts with "•" or holds a digit (a date);
//!   otherwise it is one soft-wrapped headline.
//! * **Subtitle**: front matter `subtitle`, placed right after the headline;
//!   a one-line paragraph right after the headline that equals it is taken as
//!   that subtitle instead of repeating it. Without one, a paragraph right
//!   after the headline that is bold throughout, up to 200 characters, and
//!   not a salutation, list or table, is the subtitle; so is what follows
//!   the dash or colon of a one-line meta-like paragraph that repeats the
//!   headline before it (the `deck` submodule; the repeat is left off with
//!   a warning).
//! * **Meta**: right after the headline (and subtitle), whole paragraphs
//!   whose every line is short (≤ 120 characters), does not end with
//!   `. , ; : ! ?` (closing quotes and brackets looked through), is not a
//!   salutation, a separator or a `-`/`*`/`–`/`1.` list line, and holds
//!   nothing bold (a clipping's date and tags come plain) — at most 6
//!   lines in all. A multi-line paragraph is not meta when all its lines
//!   are list lines or a later line starts in lower case (wrapped prose); in
//!   plain text, a heading (below) in a statement with more headings is not
//!   meta either ("Preamble" before "Article 1"). The meta lines are then
//!   tidied (the `meta` submodule): a clock time right after a numeric date
//!   is dropped; with front matter `date`, a line that is only a numeric
//!   date gives way to it; a line starting with "•" joins the line before
//!   it ("6/1/23 • Serbia, …"), and a "•" opening the first meta line is
//!   dropped; each dropped piece is a warning with its line and column.
//!   Each remaining line is one Meta block. Front matter `date` adds a Meta
//!   block first unless some meta line already contains it. After the
//!   language is chosen, an unambiguous numeric date on a meta line is
//!   written the language's way (the `dates` submodule; not the front
//!   matter's date, and not with `--as-written`).
//! * **Salutation**: the paragraph right after the meta lines, if it is one
//!   line of ≤ 60 characters ending with "," or ":", or opening with a
//!   salutation word ("Dear", "Liebe", "Chers", …) and ending with "!", a
//!   letter or nothing.
//! * **SignOff**: up to 3 trailing paragraphs (4 lines in all) after a body
//!   paragraph, list item or quote. A one-line paragraph qualifies if it is
//!   ≤ 80 characters and ends with "!", "," or no final punctuation and
//!   holds no inner ". " or "? " — or opens with a closing formula
//!   ("Comradely greetings", "In solidarity", "Mit solidarischen Grüßen", …).
//!   A paragraph of 2–4 short lines qualifies when its first line does and
//!   ends with "," or opens with a closing formula ("In solidarity,\nName").
//!   Each line is its own SignOff block.
//! * **Plain-text headings**: a one-line paragraph of at most 60
//!   characters and 8 words, opening with a capital, a digit or "§", with no
//!   final sentence mark, no date and not a list line, salutation or closing
//!   formula, over a body paragraph (or another heading) that is not in the
//!   sign-off, is `Heading(1)` and keeps with what follows (the `heading`
//!   submodule has the full rule).
//! * **Plain lists**: a line starting with `•`, `-`, `*`, `–` and a space is
//!   a list item (marker "•"); `N.` / `N)` and a space (marker as written)
//!   only when the paragraph has two numbered lines or a neighbouring
//!   paragraph has one ("1. Mai" at the start of a wrapped line stays text).
//!   Other lines join the current item. Depth is always 0.
//! * **E-mail remnants** (plain text; the `email` submodule): the header
//!   a mail client writes over a message ("From: …", "Sent: …", "To: …",
//!   "Subject: …" opening the file, two or more fields, the first naming
//!   the sender), the "--" line over a signature and a rule typed as eight
//!   or more of one mark ("=======") are left off, each with a warning
//!   naming its line; a paragraph whose every line starts with ">" is a
//!   Quote, without the marks.
//! * **Paragraphs without blank lines** (plain text, and Markdown with at
//!   most one blank line in eight lines; the `breaks` submodule): in a run
//!   of lines with no blank line between them, a
//!   paragraph a line (a word processor's copy) or lines wrapped at one
//!   width (a PDF's), a paragraph ends at a line that ends a sentence, or
//!   is a heading, before the line is full; one warning names the lines.
//! * **Emphasis as plain text writes it** (the `emphasis` submodule):
//!   `*bold*`, `_italic_`, `~struck~` (and doubled marks), as chat apps
//!   and plain-text mail mark words, set in those styles without the
//!   marks, where a mark opens before a letter after a space and closes
//!   after text before a space or punctuation; one warning quotes them.
//! * **Page numbers** (the `folios` submodule): lines holding only a
//!   page number ("3", "Page 3", "3 of 8"), counting up one at a time at
//!   least eight lines apart, as text copied from a PDF has them, are left
//!   off with one warning; so is a short line repeated beside two of them
//!   or more (a running head or foot), with a warning of its own.
//! * **Separators** ("* * *", "---", "***"): a line of three or more of
//!   `* - _ = ~ • · # +` is kept as a Body block of its own (nothing is
//!   dropped silently); in Markdown a thematic break carries no text and is
//!   dropped.
//! * **Markdown**: see the `markdown` submodule (headings, emphasis, links,
//!   lists, quotes, tables, images, HTML and code blocks).
//!
//! Block `line`s are 1-based lines of the file as given (front matter
//! included); a block made from front matter has the line of its key.

mod breaks;
mod chat;
mod classify;
mod clean;
mod csv;
pub mod dates;
mod deck;
mod decode;
pub mod document;
pub mod docx;
mod email;
mod emphasis;
mod events;
mod folios;
mod frontmatter;
mod heading;
mod html;
mod input;
pub mod limits;
mod markdown;
mod meta;
mod plain;
mod press;
mod quoted;
mod rejoin;
mod starnotes;
mod steps;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Location, Result, Warning};
use crate::statement::document::{Document, Span};

pub use decode::decode;
pub use input::{read_input, MAX_STATEMENT};

/// The syntax of a statement file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: paragraphs separated by blank lines.
    Plain,
    /// CommonMark.
    Markdown,
    /// An HTML page (`.html`, `.htm`): its text, read as HTML in Markdown is.
    Html,
}

/// A text encoding the user can name with `--encoding`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (the default).
    Utf8,
    /// ISO-8859-1.
    Latin1,
    /// Windows code page 1252.
    Windows1252,
}

impl FromStr for Encoding {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "latin1" | "latin-1" | "iso-8859-1" => Ok(Encoding::Latin1),
            "windows-1252" | "cp1252" => Ok(Encoding::Windows1252),
            _ => Err(format!(
                "unknown encoding `{s}`; use utf-8, latin1 or windows-1252"
            )),
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Latin1 => "latin1",
            Encoding::Windows1252 => "windows-1252",
        })
    }
}

/// `.md`/`.markdown` (any case) → Markdown, `.html`/`.htm` → HTML,
/// everything else (incl. stdin "-") → Plain.
pub fn format_for_path(path: &str) -> Format {
    match std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("md") | Some("markdown") => Format::Markdown,
        Some("html") | Some("htm") => Format::Html,
        _ => Format::Plain,
    }
}

/// A parsed statement and what the user should hear about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The statement.
    pub document: Document,
    /// Things removed or not placed (bidi controls, images, HTML, code blocks).
    pub warnings: Vec<Warning>,
    /// The text the blocks' lines count in (without a BOM, with LF line
    /// ends), for placing a character by line and column; see [`locate`].
    pub source: String,
}

/// The line and column (1-based, in characters) of the first `c` in
/// `source` at or after line `from_line`, else anywhere; `None` if `c` is
/// not there at all (text a placeholder brought in).
pub fn locate(source: &str, from_line: usize, c: char) -> Option<(usize, usize)> {
    let find = |skip: usize| {
        source
            .split('\n')
            .enumerate()
            .skip(skip)
            .find_map(|(i, line)| {
                line.chars()
                    .position(|x| x == c)
                    .map(|col| (i + 1, col + 1))
            })
    };
    find(from_line.saturating_sub(1)).or_else(|| find(0))
}

/// Parse decoded text. `file` names the source in messages.
pub fn parse(text: &str, format: Format, file: &str) -> Result<Parsed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let norm = clean::normalize_newlines(text);
    let (norm, page_breaks) = clean::page_breaks_as_spaces(&norm);
    let index = clean::LineIndex::new(&norm, 1);
    let mut warnings = Vec::new();

    if let Some(found) = page_breaks {
        warnings.push(steps::page_break_warning(&found, file));
    }
    let checked = clean::check_chars(&norm, file)?;
    if let Some(removed) = checked.invisible {
        warnings.push(steps::removed_chars_warning(&removed, file));
    }
    if let Some(lost) = checked.lost {
        warnings.push(steps::replacement_chars_warning(&lost, file));
    }

    let (front, body_start) = frontmatter::split(&norm, &index, file, format)?;
    let first_line = index.line(body_start);
    let body = clean::remove_invisible(&norm[body_start..]);
    // A message copied out of a chat app into the web page's box is the
    // chat's text, not Markdown: its "*NO TO THE CUTS*" is bold there.
    let format = steps::read_as(format, &body, (file, first_line), &mut warnings);
    let body = steps::without_spacers(body, format, (file, first_line), &mut warnings);
    // A message quoted whole (every line "> …") is the statement, not a
    // quote in it.
    let body = steps::unquoted(body, format, (file, first_line), &mut warnings);
    let markdown::Markdown {
        paras,
        labels,
        notes,
    } = steps::paragraphs(&body, format, (file, first_line), &mut warnings)?;
    let classified = warnings.len();
    let blocks = classify::build(
        &paras,
        &notes,
        &front,
        format == Format::Plain,
        file,
        &mut warnings,
    );
    // The classifier counts its warnings' columns in a line's text; in
    // Markdown that leaves out the markup the user sees in the file.
    if format == Format::Markdown {
        markdown::columns::into_source(&mut warnings[classified..], &paras, &norm);
    }
    warnings.extend(steps::date_time_warning(&front, file));
    limits::check(&blocks, &norm, &index, file)?;
    if blocks.is_empty() {
        return Err(Error::Statement {
            at: Location::file(file),
            message: "the statement is empty".to_string(),
        });
    }

    let meta = steps::metadata(&front, &blocks);
    Ok(Parsed {
        document: Document {
            meta,
            blocks,
            labels,
        },
        warnings,
        source: norm.into_owned(),
    })
}

/// Convenience: decode + parse.
pub fn read(
    bytes: &[u8],
    format: Format,
    encoding: Option<Encoding>,
    file: &str,
) -> Result<Parsed> {
    // A Word document is known by its contents, whatever its name says.
    if docx::is_docx(bytes) {
        let converted = docx::to_markdown(bytes, file)?;
        let mut parsed = parse(&converted.markdown, Format::Markdown, file)?;
        parsed.warnings.splice(0..0, converted.warnings);
        return Ok(parsed);
    }
    let text = decode(bytes, encoding, file)?;
    parse(&text, format, file)
}

/// One source line of a paragraph, raw: not yet cleaned, no newlines.
#[derive(Clone, Debug)]
struct Line {
    /// 1-based line in the file.
    no: usize,
    /// The text with its inline styles.
    spans: Vec<Span>,
    /// Whether the line break before this line is the writer's own, which
    /// the print keeps (Markdown's hard break, the lines of an address in
    /// plain text): otherwise the line goes on its paragraph after a space.
    kept: bool,
}

/// What a paragraph is, as far as its syntax tells.
#[derive(Clone, Debug, PartialEq)]
enum ParaKind {
    /// An ordinary paragraph: its role (headline, meta, salutation, body,
    /// sign-off, plain-text list) is decided by [`classify`].
    Body,
    /// A Markdown level-1 heading: the headline, or `Heading(1)`.
    Title,
    /// Markup fixed the role (heading, list item, quote, code, HTML, image).
    Fixed(crate::statement::document::BlockKind),
}

/// A paragraph: one or more lines.
#[derive(Clone, Debug)]
struct Para {
    kind: ParaKind,
    /// Never empty.
    lines: Vec<Line>,
}

/// A statement error at a line and column.
fn error_at(file: &str, line: usize, column: usize, message: String) -> Error {
    Error::Statement {
        at: Location::at(file, line, column),
        message,
    }
}

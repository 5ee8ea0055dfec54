//! The steps [`super::parse`] takes between cleaning a statement's text
//! and classifying its paragraphs, each a function: the warnings the
//! cleaning gives, the format a pasted chat message is read in, spacer
//! lines blanked, each format's paragraphs and their tidying, and the
//! metadata.

use std::borrow::Cow;

use super::{
    breaks, chat, clean, csv, email, emphasis, events, folios, frontmatter, markdown, plain, press,
    quoted, rejoin, starnotes, Format,
};
use crate::error::{Location, Result, Warning};
use crate::statement::document::{Block, Metadata};

/// The warning for the form feeds `found` read as spaces.
pub(super) fn page_break_warning(found: &clean::Removed, file: &str) -> Warning {
    let others = match found.count {
        1 => String::new(),
        n => format!(" and {} more page breaks", n - 1),
    };
    Warning {
        at: Location::at(file, found.line, found.column),
        message: format!(
            "a form feed (a page break, as a PDF's text export writes between pages){others} \
             read as a space: the leaflet makes its own pages; leave a blank line where a \
             new paragraph should start"
        ),
    }
}

/// The warning for the invisible characters `removed` from the text.
pub(super) fn removed_chars_warning(removed: &clean::Removed, file: &str) -> Warning {
    Warning {
        at: Location::at(file, removed.line, removed.column),
        message: format!(
            "removed {} invisible direction-control or byte-order-mark character{} \
             (the first, U+{:04X}, is here); they would garble the printed text",
            removed.count,
            if removed.count == 1 { "" } else { "s" },
            removed.first as u32
        ),
    }
}

/// The warning for the replacement characters (U+FFFD) `lost` in the
/// text: each stands where a character was lost before handbill read it.
pub(super) fn replacement_chars_warning(lost: &clean::Removed, file: &str) -> Warning {
    let others = match lost.count {
        1 => String::new(),
        n => format!(" ({n} in the text)"),
    };
    Warning {
        at: Location::at(file, lost.line, lost.column),
        message: format!(
            "“\u{FFFD}”, the replacement character{others}, is printed as it stands: a program \
             that read this text before lost a character here, most often by reading it in \
             the wrong encoding; type the letter that belongs there"
        ),
    }
}

/// The format `body` is read in: plain text for a Markdown body that
/// is a message copied out of a chat app, with a warning.
pub(super) fn read_as(
    format: Format,
    body: &str,
    (file, first_line): (&str, usize),
    warnings: &mut Vec<Warning>,
) -> Format {
    if format == Format::Markdown && chat::copied(body) {
        warnings.push(Warning {
            at: Location::line(file, first_line),
            message: "read as plain text, as a message copied from a chat app: its *stars* \
                  mark bold, its _underscores_ italics"
                .to_string(),
        });
        Format::Plain
    } else {
        format
    }
}

/// `body` with its spacer lines (a lone "." or invisible mark, as
/// Instagram captions space paragraphs) blanked, with a warning; an HTML
/// page as it is.
pub(super) fn without_spacers<'a>(
    body: Cow<'a, str>,
    format: Format,
    (file, first_line): (&str, usize),
    warnings: &mut Vec<Warning>,
) -> Cow<'a, str> {
    if format == Format::Html {
        body
    } else {
        let (blanked, spacers) = clean::blank_spacer_lines(&body, first_line);
        let blanked = match blanked {
            Cow::Owned(text) => Some(text),
            Cow::Borrowed(_) => None,
        };
        if let Some((line, count)) = spacers {
            let more = match count {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            warnings.push(Warning {
                at: Location::line(file, line),
                message: format!(
                    "a line holding only “.” or an invisible mark{more}, as Instagram captions \
                 space their paragraphs, is read as a blank line"
                ),
            });
        }
        blanked.map_or(body, Cow::Owned)
    }
}

/// `body` without the note of a reply over the message it quotes (see
/// [`email::unwrap_approval`]) and without the `>` marks of a message
/// quoted whole (see [`email::unquote_whole`]), with a warning for each;
/// an HTML page as it is.
pub(super) fn unquoted<'a>(
    body: Cow<'a, str>,
    format: Format,
    (file, first_line): (&str, usize),
    warnings: &mut Vec<Warning>,
) -> Cow<'a, str> {
    if format == Format::Html {
        return body;
    }
    // A reply over the statement it quotes: its note and the line naming
    // the quoted message's sender go, and the message is quoted whole.
    let body = match email::unwrap_approval(&body, (file, first_line)) {
        Some((text, warning)) => {
            warnings.push(warning);
            Cow::Owned(text)
        }
        None => body,
    };
    let Some((text, levels)) = email::unquote_whole(&body) else {
        return body;
    };
    let last = first_line + body.trim_end_matches('\n').matches('\n').count();
    // Blank lines over the message (a reply's note, blanked) are not it.
    let first_line = first_line
        + body
            .split('\n')
            .position(|l| !l.trim().is_empty())
            .unwrap_or(0);
    let marks = if levels == 1 {
        "“>”"
    } else {
        "“>” (nested)"
    };
    warnings.push(Warning {
        at: Location::line(file, first_line),
        message: format!(
            "every line is quoted with {marks}, as a reply quotes a message (lines \
             {first_line}–{last}): the marks are left off and the message is read as the \
             statement"
        ),
    });
    Cow::Owned(text)
}

/// The paragraphs of `body` read as `format`, each format's tidying done
/// (comma-separated rows, chat and e-mail debris, event lines, folios, line breaks, words split
/// across lines), with a Markdown statement's link labels and notes.
pub(super) fn paragraphs(
    body: &str,
    format: Format,
    (file, first_line): (&str, usize),
    warnings: &mut Vec<Warning>,
) -> Result<markdown::Markdown> {
    Ok(match format {
        Format::Plain => {
            let paras = quoted::rows(plain::paragraphs(body, first_line));
            let paras = csv::rows(paras, file, warnings);
            let (paras, notes) = starnotes::split(paras);
            let paras = chat::tidy(paras, file, warnings);
            let paras = email::tidy(paras, file, warnings);
            let paras = press::tidy(paras, file, warnings);
            let paras = events::tidy(paras, file, warnings);
            let paras = folios::drop(paras, file, warnings);
            let paras = breaks::split(paras, file, warnings);
            let paras = rejoin::words(paras, file, warnings);
            markdown::Markdown {
                paras: emphasis::read(paras, file, warnings),
                labels: Vec::new(),
                notes,
            }
        }
        Format::Markdown => {
            let read = markdown::paragraphs(body, first_line, file, warnings)?;
            let paras = csv::rows(quoted::rows(read.paras), file, warnings);
            let paras = chat::tidy(paras, file, warnings);
            let paras = email::tidy_markdown(paras, file, warnings);
            let paras = press::tidy(paras, file, warnings);
            let paras = events::tidy(paras, file, warnings);
            let paras = folios::drop(paras, file, warnings);
            let paras = if breaks::without_blank_lines(body) {
                breaks::split(paras, file, warnings)
            } else {
                breaks::keep_rows(paras, body, first_line)
            };
            markdown::Markdown {
                paras: rejoin::words(paras, file, warnings),
                ..read
            }
        }
        Format::Html => markdown::html_page(body, first_line, file, warnings)?,
    })
}

/// The warning for a front matter `date` that gives a time of day, which
/// the leaflet leaves off.
pub(super) fn date_time_warning(front: &frontmatter::FrontMatter, file: &str) -> Option<Warning> {
    let (Some(time), Some(date)) = (&front.date_time, &front.date) else {
        return None;
    };
    Some(Warning {
        at: Location::line(file, date.line),
        message: format!(
            "front matter `date` gives a time of day, {time}, which the leaflet leaves off: \
             a website's front matter gives the moment a page was saved; to print a date \
             and time, write them in quotes as they should read, e.g. date = \"…, {time}\""
        ),
    })
}

/// The statement's metadata: its front matter's fields, and the title
/// taken from the headline where the front matter gives none.
pub(super) fn metadata(front: &frontmatter::FrontMatter, blocks: &[Block]) -> Metadata {
    let value = |f: &Option<frontmatter::Field>| f.as_ref().map(|f| f.value.clone());
    let line_text = |f: &Option<frontmatter::Field>| {
        f.as_ref().map(|f| crate::statement::document::LineText {
            text: f.value.clone(),
            line: f.line,
        })
    };
    let title = value(&front.title).or_else(|| {
        blocks
            .iter()
            .find(|b| b.kind == crate::statement::document::BlockKind::Headline)
            .map(Block::text)
    });
    Metadata {
        title,
        subtitle: value(&front.subtitle),
        date: value(&front.date),
        date_typed: front.date_typed,
        author: value(&front.author),
        imprint: value(&front.imprint),
        qr: line_text(&front.qr),
        lang: value(&front.lang),
        image: front
            .image
            .as_ref()
            .map(|f| crate::statement::document::PictureRef {
                path: f.value.clone(),
                line: f.line,
            }),
        alt: value(&front.alt),
        place: line_text(&front.place),
        when: line_text(&front.when),
        translation: front.translation.as_ref().map(|f| {
            crate::statement::document::TranslationRef {
                path: f.value.clone(),
                line: f.line,
                column: f.column,
            }
        }),
    }
}
